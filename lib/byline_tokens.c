/* Byline text: lower case, word boundaries, labels, and the tokens of a
 * piece of credit with the tests of their shape (an initial, a word in
 * capitals). Nothing here knows what a word means: the word lists are the
 * lexicon's (lexicon_bylines.c). */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "byline_parts.h"

/* ---- text ------------------------------------------------------------------------ */

bool nmi_byline_in_list(const char *w, size_t n, const char *const *list)
{
    for (const char *const *p = list; *p; p++)
        if (strlen(*p) == n && !memcmp(*p, w, n))
            return true;
    return false;
}

/* Lower case of s into out (same byte length: a code point whose lower
 * case is longer or shorter in UTF-8 is kept as it is). */
void nmi_byline_lower(const char *s, size_t n, char *out)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            i++;
            continue;
        }
        size_t start = i;
        UChar32 cp;
        U8_NEXT(s, i, n, cp);
        if (cp < 0) {
            memcpy(out + start, s + start, i - start);
            continue;
        }
        UChar32 lc = u_tolower(cp);
        if (U8_LENGTH(lc) == (int32_t)(i - start)) {
            size_t k = start;
            U8_APPEND_UNSAFE(out, k, lc);
        } else {
            memcpy(out + start, s + start, i - start);
        }
    }
}

/* A word ends at s[i]: end of text, space or punctuation (not a letter or
 * digit of the same word). */
bool nmi_byline_word_end(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return true;
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80) {
        UChar32 cp;
        size_t k = i;
        U8_NEXT(s, k, n, cp);
        return cp < 0 || !(u_isalnum(cp));
    }
    return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

/* Longest label of list matching low[i..n) (the lexicon's matcher,
 * nmi_lex_starts); 0 if none. The first byte is compared before anything
 * else: most entries differ there. */
size_t nmi_byline_label_at(const char *low, size_t n, size_t i, const char *const *list)
{
    size_t best = 0;
    char c0 = low[i];
    for (const char *const *p = list; *p; p++) {
        if ((*p)[0] != c0)
            continue;
        size_t k = nmi_lex_starts(low + i, *p);
        if (k > best && i + k <= n)
            best = k;
    }
    return best;
}

/* ---- tokens ---------------------------------------------------------------------- */

bool nmi_tok_in(const nmi_token *t, const char *const *list)
{
    return nmi_byline_in_list(t->low, t->n, list);
}

/* First code point of a token that is a letter, or -1. */
UChar32 nmi_tok_first_letter(const nmi_token *t)
{
    size_t i = 0;
    while (i < t->n) {
        UChar32 cp;
        U8_NEXT(t->s, i, t->n, cp);
        if (cp >= 0 && u_isalpha(cp))
            return cp;
    }
    return -1;
}

size_t nmi_tok_letters(const nmi_token *t)
{
    return nmi_utf8_count(t->s, t->n, u_isalpha);
}

/* "J." or "J": an initial. */
bool nmi_tok_initial(const nmi_token *t)
{
    return nmi_tok_letters(t) == 1 && nmi_has_upper(t->s, t->n);
}

/* A token in capitals of two letters or more (not a roman numeral). */
bool nmi_tok_caps_word(const nmi_token *t)
{
    if (nmi_tok_letters(t) < 2 || nmi_has_lower(t->s, t->n) || !nmi_has_upper(t->s, t->n))
        return false;
    static const char *const ROMAN[] = {"ii", "iii", "iv", "vi", "vii", "viii", "ix", NULL};
    return !nmi_tok_in(t, ROMAN);
}

/* Quotes and brackets around a word: ASCII, curly, guillemets. */
static size_t quote_len(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c == '"' || c == '\'' || c == '`')
        return 1;
    if (n >= 2 && c == 0xC2 && ((unsigned char)s[1] == 0xAB || (unsigned char)s[1] == 0xBB))
        return 2;
    if (n >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80 &&
        (unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9F)
        return 3;
    return 0;
}

size_t nmi_tokenize(const char *s, const char *low, size_t n, nmi_token *t)
{
    size_t m = 0, i = 0;
    while (i < n && m < NMI_MAX_TOKENS) {
        while (i < n && nmi_byline_is_space(s[i]))
            i++;
        size_t st = i;
        while (i < n && !nmi_byline_is_space(s[i]))
            i++;
        size_t e = i, q;
        while (st < e && (q = quote_len(s + st, e - st)) > 0)
            st += q;
        for (bool again = true; again && e > st;) {
            again = false;
            if (s[e - 1] == ',' || s[e - 1] == ':' || s[e - 1] == '"' || s[e - 1] == '\'') {
                e--;
                again = true;
            } else if (e - st >= 2 && (unsigned char)s[e - 2] == 0xC2 &&
                       ((unsigned char)s[e - 1] == 0xAB || (unsigned char)s[e - 1] == 0xBB)) {
                e -= 2;
                again = true;
            } else if (e - st >= 3 && (unsigned char)s[e - 3] == 0xE2 &&
                       (unsigned char)s[e - 2] == 0x80 && (unsigned char)s[e - 1] >= 0x98 &&
                       (unsigned char)s[e - 1] <= 0x9F) {
                e -= 3;
                again = true;
            }
        }
        if (e > st)
            t[m++] = (nmi_token){s + st, low + st, e - st};
    }
    return m;
}

char *nmi_tokens_join(nmi_ctx *ctx, const nmi_token *t, size_t m)
{
    size_t len = 0;
    for (size_t i = 0; i < m; i++)
        len += t[i].n + 1;
    char *out = nmi_arena_alloc(ctx->arena, len + 1);
    if (!out) {
        ctx->oom = true;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        if (i)
            out[k++] = ' ';
        memcpy(out + k, t[i].s, t[i].n);
        k += t[i].n;
    }
    /* a name does not end in a comma or a stray dot ("Smith." but "Jr.") */
    while (k && (out[k - 1] == ',' || out[k - 1] == ':' || out[k - 1] == '-'))
        k--;
    out[k] = '\0';
    return k ? out : NULL;
}
