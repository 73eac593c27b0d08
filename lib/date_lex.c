/* A date text as tokens (numbers, words, punctuation), and what its words
 * mean: month, weekday and am/pm names, ordinal and CJK suffixes, looked
 * up in the table read from ICU's locale data when the library was built
 * (date_symbols.h), the page's own locales first ("mar" is March in
 * English and Tuesday in Spanish). date_text.c reads dates from the
 * tokens. */
#define _POSIX_C_SOURCE 200809L /* strnlen */
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "date_parse.h"

/* ---- the locale table ------------------------------------------------------ */

/* First symbol with this key (they are sorted), or NULL. */
static const sym *find_sym(const UChar *key, int len, size_t *count)
{
    size_t lo = 0, hi = nmi_date_nsyms;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (nmi_date_key_cmp(nmi_date_syms[mid].key, nmi_date_syms[mid].len, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < nmi_date_nsyms &&
           !nmi_date_key_cmp(nmi_date_syms[end].key, nmi_date_syms[end].len, key, len))
        end++;
    *count = end - lo;
    return end > lo ? &nmi_date_syms[lo] : NULL;
}

static int locale_index(const char *lang)
{
    for (int i = 0; i < NMI_NLOCALES; i++)
        if (!strcmp(nmi_date_locales[i], lang))
            return i;
    return -1;
}

/* Short forms count only from the page's language or English, or with
 * their abbreviation dot ("janv."). */
const sym *nmi_date_lookup(const tok *t, const int *prio, int nprio, unsigned kinds)
{
    if (t->kind != TK_WORD || t->keylen == 0)
        return NULL;
    size_t count;
    const sym *s = find_sym(t->key, t->keylen, &count);
    const sym *best = NULL;
    int best_p = 1 << 20;
    for (size_t i = 0; i < count; i++) {
        const sym *e = &s[i];
        if (!(kinds & (1u << e->kind)))
            continue;
        int p = 1000 + e->loc; /* the locales not in prio: in table order */
        for (int k = 0; k < nprio; k++)
            if (prio[k] == e->loc) {
                p = k;
                break;
            }
        bool ok = e->wide || p < nprio || t->dotted || e->kind >= SK_ORDINAL;
        if (e->kind == SK_AMPM && p >= nprio)
            ok = e->key[0] >= 0x250; /* "em" is pm in Swedish only; 오후 and 午後 anywhere */
        if (ok && p < best_p) {
            best = e;
            best_p = p;
        }
    }
    return best;
}

/* ---- tokens ------------------------------------------------------------- */

static bool word_char(UChar32 c)
{
    if (u_isalpha(c))
        return true;
    int8_t t = u_charType(c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

static bool space_char(UChar32 c)
{
    return u_isUWhiteSpace(c) || c == 0x200B || c == 0xFEFF || c == 0x200E || c == 0x200F;
}

/* The code point at j; *next gets the index after it. */
static UChar32 char_at(const lexer *lx, int32_t j, int32_t *next)
{
    UChar32 c;
    int32_t k = j;
    U16_NEXT(lx->text, k, lx->len, c);
    *next = k;
    return c;
}

/* A number from its first digit c (i after it) into t. Returns the index
 * after it. */
static int32_t lex_number(const lexer *lx, tok *t, UChar32 c, int32_t i)
{
    int64_t v = u_charDigitValue(c);
    int nd = 1;
    int32_t next;
    UChar32 d;
    while (i < lx->len && u_isdigit(d = char_at(lx, i, &next))) {
        if (nd < 15)
            v = v * 10 + u_charDigitValue(d);
        nd++;
        i = next;
    }
    t->kind = TK_NUM;
    t->value = v > 2000000000 ? 2000000000 : (int)v;
    t->ndigits = nd;
    if (nd > 9) /* an epoch-like number: its value is no date field */
        t->value = 2000000000;
    return i;
}

/* A word from its first letter c (at start, i after it) into t, with its
 * key. Returns the index after it (and after its abbreviation dot). */
static int32_t lex_word(const lexer *lx, tok *t, UChar32 c, int32_t start, int32_t i)
{
    bool upper = u_isupper(c) || !u_islower(c);
    bool any_upper = u_isupper(c);
    int32_t next;
    UChar32 d;
    while (i < lx->len && word_char(d = char_at(lx, i, &next))) {
        if (u_islower(d))
            upper = false;
        if (u_isupper(d))
            any_upper = true;
        i = next;
    }
    t->kind = TK_WORD;
    t->upper = upper && any_upper;
    /* "a. m.", "p.m.", "a.m": single letters parted by dots are one word */
    int32_t end = i;
    if (i - start == 1 && i < lx->len && lx->text[i] == '.') {
        int32_t k = i + 1;
        while (k < lx->len && lx->text[k] == ' ')
            k++;
        if (k < lx->len && (lx->text[k] == 'm' || lx->text[k] == 'M') &&
            (k + 1 >= lx->len || !word_char(lx->text[k + 1]))) {
            end = k + 1;
            i = end;
        }
    }
    t->keylen = nmi_date_key(lx->text + start, end - start, t->key);
    if (i < lx->len && (lx->text[i] == '.' || lx->text[i] == 0x0970)) {
        t->dotted = true;
        i++;
    }
    return i;
}

static void lex(lexer *lx)
{
    lx->ntok = 0;
    bool space = true;
    int32_t i = 0;
    while (i < lx->len && lx->ntok < NMI_DATE_MAX_TOKENS) {
        int32_t start = i;
        UChar32 c = char_at(lx, start, &i);
        if (space_char(c)) {
            space = true;
            continue;
        }
        tok *t = &lx->toks[lx->ntok];
        memset(t, 0, sizeof *t);
        t->start = start;
        t->space_before = space;
        space = false;
        if (u_isdigit(c)) {
            i = lex_number(lx, t, c, i);
        } else if (word_char(c)) {
            i = lex_word(lx, t, c, start, i);
        } else {
            t->kind = TK_PUNCT;
            t->value = c;
        }
        t->end = i;
        lx->ntok++;
    }
}

/* ---- the reader ---------------------------------------------------------- */

/* The locales whose names win a clash, best first: the page's country's
 * own ("Jänner" in Austria), the page's language, English, en_GB ("Sept");
 * and the locale whose numeric date order applies. */
static void set_priorities(reader *rd, const nmi_date_hints *h)
{
    rd->nprio = 0;
    rd->li = NULL;
    int page = h && h->lang[0] ? locale_index(h->lang) : -1;
    if (page >= 0 && h->nregions) {
        char full[16];
        snprintf(full, sizeof full, "%s_%s", h->lang, h->regions[0]);
        int regional = locale_index(full);
        if (regional >= 0)
            rd->prio[rd->nprio++] = regional;
    }
    if (page >= 0) {
        rd->prio[rd->nprio++] = page;
        rd->li = &nmi_date_locs[page];
        /* en_GB's day-first order for English pages outside the US */
        if (page == 0 && h->nregions && strcmp(h->regions[0], "US") &&
            strcmp(h->regions[0], "PH") && strcmp(h->regions[0], "CA"))
            rd->li = &nmi_date_locs[1];
    }
    if (page != 0)
        rd->prio[rd->nprio++] = 0;
    rd->prio[rd->nprio++] = 1;
}

bool nmi_date_reader_init(reader *rd, const char *s, nmi_date_hints *h)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t n8 = (int32_t)strnlen(s, 4 * NMI_DATE_MAX_UNITS);
    u_strFromUTF8WithSub(rd->lx.text, NMI_DATE_MAX_UNITS, &rd->lx.len, s, n8, 0xFFFD, NULL,
                         &st);
    if (st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING) {
        rd->lx.len = NMI_DATE_MAX_UNITS;
        st = U_ZERO_ERROR;
    }
    if (U_FAILURE(st))
        return false;
    if (rd->lx.len > NMI_DATE_MAX_UNITS)
        rd->lx.len = NMI_DATE_MAX_UNITS;
    rd->lx.text[rd->lx.len] = 0;
    lex(&rd->lx);
    rd->h = h;
    set_priorities(rd, h);
    return true;
}
