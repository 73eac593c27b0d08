/* One piece of a credit: a person, an organization (news agency, desk,
 * outlet, the site's own name), a role ("Staff Writer"), or nothing of use
 * (a place, a handle, an e-mail address, a date word). Nothing here knows
 * any site: only words of the trade and the shape of a name. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "byline_parts.h"

static bool org_ending(const char *s, size_t n)
{
    for (const char *const *e = nmi_lex_byline_org_endings; *e; e++) {
        size_t k = strlen(*e);
        if (n >= k && !memcmp(s + n - k, *e, k))
            return true;
    }
    return false;
}

/* ---- the site's own name ------------------------------------------------------- */

/* The squashed key of a name without a leading "the", and of its first
 * word. */
static size_t org_key(const char *s, char *key, size_t cap, char *first, size_t fcap)
{
    size_t kl = nmi_squash(s, key, cap);
    const char *w = s;
    while (*w == ' ')
        w++;
    if (nmi_istarts(w, "the ") && kl > 5) {
        memmove(key, key + 3, kl - 2);
        kl -= 3;
        w += 4;
    }
    size_t wl = 0;
    while (w[wl] && w[wl] != ' ')
        wl++;
    char word[128];
    if (wl >= sizeof word)
        wl = sizeof word - 1;
    memcpy(word, w, wl);
    word[wl] = '\0';
    /* "NJ.com", "Cleveland.com": the name before the domain ending */
    char *dot = strrchr(word, '.');
    if (dot && dot > word && strlen(dot + 1) >= 2 && strlen(dot + 1) <= 4)
        *dot = '\0';
    nmi_squash(word, first, fcap);
    return kl;
}

/* How a text is the site's own name: not at all, by its first word only
 * ("CNN Business" on cnn.com, a desk of the site), or as a whole. */
typedef enum own_match { OWN_NONE, OWN_FIRST_WORD, OWN_WHOLE } own_match;

/* "Cleveland.com", "The Wall Street Journal" for "Wall Street Journal",
 * "Vortex" on vortexcannon.org, "CNN Business" on cnn.com, "Telegraph
 * Sport" on The Telegraph. */
static own_match own_name_match(const nmi_names *nm, const char *s)
{
    char key[256], first[128];
    size_t kl = org_key(s, key, sizeof key, first, sizeof first);
    if (kl < 2)
        return OWN_NONE;
    size_t fl = strlen(first);
    own_match best = OWN_NONE;
    const char *names[2] = {nm->site, nm->publisher};
    for (int i = 0; i < 2; i++) {
        if (!names[i])
            continue;
        char k2[256], f2[128];
        size_t l2 = org_key(names[i], k2, sizeof k2, f2, sizeof f2);
        /* the site's name, or its start: "Kyle Howells" of "Kyle Howells
         * Blog", "Jane Doe Photography" */
        if (l2 && (!strcmp(key, k2) || (kl >= 6 && kl < l2 && !strncmp(key, k2, kl))))
            return OWN_WHOLE;
        if (l2 && fl >= 4 && !strcmp(first, f2))
            best = OWN_FIRST_WORD;
    }
    const char *h = nm->hostk;
    size_t hl = strlen(h);
    if (!hl)
        return best;
    if (!strcmp(key, h))
        return OWN_WHOLE;
    /* "vortex" and "vortexcannon", "beachbody" and "beachbodyondemand",
     * "clevelandcom" and "cleveland", "sputnik" and "sputniknews" */
    size_t lo = kl < hl ? kl : hl, hi = kl < hl ? hl : kl;
    if (lo >= 4 && lo * 2 >= hi && (!strncmp(key, h, lo)))
        return OWN_WHOLE;
    if (!strcmp(first, h) || (fl >= 4 && fl < hl && !strncmp(first, h, fl)))
        return OWN_FIRST_WORD;
    return best;
}

bool nmi_byline_own_name(const nmi_names *nm, const char *s)
{
    return own_name_match(nm, s) != OWN_NONE;
}

/* ---- role words ----------------------------------------------------------------- */

/* A German compound ending in a long role word written in Latin
 * letters: "Wirtschaftsredakteur", "Chefkorrespondentin". */
static bool compound_role(const nmi_token *t)
{
    for (const char *const *w = nmi_lex_byline_role_words; *w; w++) {
        size_t k = strlen(*w);
        if (k < 8 || t->n < k + 3 || memcmp(t->low + t->n - k, *w, k))
            continue;
        bool latin = true;
        for (size_t i = 0; i < k && latin; i++)
            latin = (*w)[i] >= 'a' && (*w)[i] <= 'z';
        if (latin)
            return true;
    }
    return false;
}

/* A role word, also in a compound: "Editor-at-large", "editor-in-chief",
 * "Wirtschaftsredakteur". */
static bool role_word(const nmi_token *t)
{
    if (nmi_tok_in(t, nmi_lex_byline_role_words))
        return true;
    const char *hy = memchr(t->low, '-', t->n);
    if (hy && nmi_byline_in_list(t->low, (size_t)(hy - t->low), nmi_lex_byline_role_words))
        return true;
    return compound_role(t);
}

/* An accent or a vowel sign written on a letter (Devanagari, Thai...). */
static bool combining_mark(UChar32 cp)
{
    int32_t category = u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY);
    return category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK;
}

/* Could this token be part of a person's name? */
static bool name_token(const nmi_token *t)
{
    bool letter = false;
    size_t i = 0;
    while (i < t->n) {
        UChar32 cp;
        U8_NEXT(t->s, i, t->n, cp);
        if (cp < 0)
            return false;
        if (u_isalpha(cp) || combining_mark(cp)) {
            letter = true;
            continue;
        }
        if (cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2010 ||
            cp == 0x30FB /* ・ */ || cp == 0xB7)
            continue;
        return false;
    }
    if (!letter)
        return false;
    if (nmi_tok_in(t, nmi_lex_byline_particles))
        return true;
    /* d'Alembert, O'Brien, al-Hassan: look past a short lower-case prefix */
    UChar32 c = nmi_tok_first_letter(t);
    if (u_islower(c)) {
        const char *ap = memchr(t->s, '\'', t->n);
        const char *hy = memchr(t->s, '-', t->n);
        const char *cut = ap ? ap : hy;
        if (cut && cut - t->s <= 3 && cut + 1 < t->s + t->n) {
            nmi_token rest = {cut + 1, t->low + (cut + 1 - t->s), (size_t)(t->s + t->n - cut - 1)};
            return !u_islower(nmi_tok_first_letter(&rest));
        }
        return false;
    }
    return true;
}

/* Drop tokens that are not words of a name: e-mail addresses, @handles,
 * web addresses, lone punctuation. */
static size_t drop_noise(nmi_token *t, size_t m)
{
    size_t k = 0;
    for (size_t i = 0; i < m; i++) {
        const nmi_token *x = &t[i];
        if (memchr(x->s, '@', x->n) || (x->n >= 4 && !memcmp(x->low, "http", 4)) ||
            (x->n >= 4 && !memcmp(x->low, "www.", 4)))
            continue;
        bool any = false;
        size_t j = 0;
        while (j < x->n && !any) {
            UChar32 cp;
            U8_NEXT(x->s, j, x->n, cp);
            any = cp >= 0 && u_isalnum(cp);
        }
        if (!any)
            continue;
        t[k++] = *x;
    }
    return k;
}

/* "cleveland.com", "Wday.ru": a web name. */
static bool domain_like(const nmi_token *t)
{
    const char *dot = NULL;
    for (size_t i = 0; i + 1 < t->n; i++)
        if (t->s[i] == '.')
            dot = t->s + i;
    if (!dot || dot == t->s)
        return false;
    size_t tail = (size_t)(t->s + t->n - dot - 1);
    if (tail < 2 || tail > 4)
        return false;
    for (const char *p = dot + 1; p < t->s + t->n; p++)
        if (!((*p | 32) >= 'a' && (*p | 32) <= 'z'))
            return false;
    return dot - t->s >= 2;
}

/* A Korean or Japanese role glued to the name: "홍길동기자". */
static void unglue_role(nmi_token *t)
{
    static const char *const SUFFIX[] = {
        "\xEA\xB8\xB0\xEC\x9E\x90",             /* 기자 */
        "\xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90", /* 특파원 */
        "\xE8\xA8\x98\xE8\x80\x85",             /* 記者 */
        "\xE8\xAE\xB0\xE8\x80\x85",             /* 记者 */
        NULL};
    for (const char *const *s = SUFFIX; *s; s++) {
        size_t k = strlen(*s);
        if (t->n > k + 3 && !memcmp(t->s + t->n - k, *s, k)) {
            t->n -= k;
            return;
        }
    }
}

/* ---- the words around the name ---------------------------------------------------- */

/* Leading words that are not the name: a label left over ("by"), an
 * "and" or a word of author boxes in lower case ("about", "more from"),
 * or one of the latter before more words ("About Jane Doe"). */
static size_t lead_words(const nmi_token *t, size_t m)
{
    size_t b = 0;
    while (b < m) {
        bool by = t[b].n == 2 && !memcmp(t[b].low, "by", 2);
        bool box = nmi_tok_in(&t[b], nmi_lex_byline_lead_junk);
        bool lower = !nmi_has_upper(t[b].s, t[b].n);
        bool skip = by || ((box || nmi_tok_in(&t[b], nmi_lex_byline_and_words)) && lower) ||
                    (box && b + 1 < m);
        if (!skip)
            break;
        b++;
    }
    return b;
}

/* Without the date words after the name: a weekday ("Malcolm Owen
 * Monday"), or a month before the date that ended the credit (dated: "Jane
 * Doe Nov 18"), not a surname ("Theresa May", "Lena Sun"). */
static size_t without_date_words(const nmi_token *t, size_t m, bool dated)
{
    static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", NULL};
    while (m > 1 && (nmi_tok_in(&t[m - 1], WEEKDAYS) ||
                     (dated && nmi_tok_in(&t[m - 1], nmi_lex_byline_date_words))))
        m--;
    if (m == 1 && dated && nmi_tok_in(&t[0], nmi_lex_byline_date_words))
        m = 0;
    return m;
}

/* ---- organizations --------------------------------------------------------------- */

/* A piece of a credit while it is classified: its words and their text. */
typedef struct piece_text {
    nmi_ctx *ctx;
    const nmi_names *nm;
    nmi_token *t; /* its words */
    size_t m;
    char *whole;   /* the words joined by single spaces (arena) */
    char low[512]; /* whole in lower case */
    size_t wn;     /* the length of whole */
} piece_text;

static bool newsroom_or_agency_name(const char *low, size_t n)
{
    return nmi_byline_in_list(low, n, nmi_lex_byline_newsroom) ||
           nmi_byline_in_list(low, n, nmi_lex_byline_agencies);
}

/* Do the first k tokens, in lower case with single spaces, name an agency? */
static bool agency_head(const nmi_token *t, size_t k)
{
    char head[512];
    size_t q = 0;
    for (size_t i = 0; i < k && q + t[i].n + 1 < sizeof head; i++) {
        if (i)
            head[q++] = ' ';
        memcpy(head + q, t[i].low, t[i].n);
        q += t[i].n;
    }
    return nmi_byline_in_list(head, q, nmi_lex_byline_agencies);
}

/* Words of a role: "Auto Writer", "National Security Writer", "Staff". */
static bool role_tail(const nmi_token *t, size_t m)
{
    if (role_word(&t[m - 1]))
        return true;
    for (size_t i = 0; i < m; i++)
        if (!nmi_tok_in(&t[i], nmi_lex_byline_role_adjectives) &&
            !nmi_tok_in(&t[i], nmi_lex_byline_desk_words))
            return false;
    return true;
}

/* The rules that make a piece an organization before its roles are looked
 * at. Each gives the name of the organization (the piece, or a part of
 * it), or NULL when the piece is not one by that rule. */

/* "Staff", "Reuters", "The Associated Press". */
static const char *newsroom_or_agency(const piece_text *p)
{
    return newsroom_or_agency_name(p->low, p->wn) ? p->whole : NULL;
}

/* "Por Redacción", "Von Reuters": after a one-word writer label. */
static const char *labelled_newsroom(const piece_text *p)
{
    if (p->m < 2 || !nmi_tok_in(&p->t[0], nmi_lex_byline_writer_words))
        return NULL;
    size_t rest = p->t[0].n + 1;
    if (rest >= p->wn || !newsroom_or_agency_name(p->low + rest, p->wn - rest))
        return NULL;
    return p->whole + rest;
}

/* "AP Auto Writer", "Reuters Staff": an agency and its role. (NULL also
 * out of memory, when ctx->oom fails the whole parse.) */
static const char *agency_with_role(const piece_text *p)
{
    for (size_t k = p->m - 1; k > 0; k--)
        if (agency_head(p->t, k) && role_tail(p->t + k, p->m - k))
            return nmi_tokens_join(p->ctx, p->t, k);
    return NULL;
}

/* Two to four words written like a person's name, none a word of
 * outlets, desks, roles or agencies, nor an acronym: "Rick Steves", not
 * "Telegraph Sport", "HNN Staff" or "The Water Coolest". */
static bool person_shaped(const nmi_token *t, size_t m)
{
    if (m < 2 || m > 4 || nmi_tok_in(&t[0], (const char *const[]){"the", NULL}))
        return false;
    for (size_t i = 0; i < m; i++) {
        UChar32 c = nmi_tok_first_letter(&t[i]);
        if (!nmi_cased(c) || !nmi_has_lower(t[i].s, t[i].n) || nmi_tok_caps_word(&t[i]) ||
            nmi_tok_in(&t[i], nmi_lex_byline_desk_words) ||
            nmi_tok_in(&t[i], nmi_lex_byline_outlet_words) ||
            nmi_tok_in(&t[i], nmi_lex_byline_not_names) || role_word(&t[i]) ||
            agency_head(&t[i], 1))
            return false;
    }
    return true;
}

/* "Cleveland.com", "CNN Business" on cnn.com: the site itself; but a
 * site named after its writer as a whole ("Rick Steves" on
 * ricksteves.com, a personal blog) still has that writer. */
static const char *site_itself(const piece_text *p)
{
    own_match own = own_name_match(p->nm, p->whole);
    if (own == OWN_NONE || (own == OWN_WHOLE && person_shaped(p->t, p->m)))
        return NULL;
    return p->whole;
}

/* "The Water Coolest", "The Editorial Board"; in other languages a
 * capitalized article and one word: "Le Figaro", "Die Zeit", "El País". */
static const char *named_with_the(const piece_text *p)
{
    static const char *const ARTICLES[] = {"le", "la", "les", "el", "il", "lo", "der",
                                           "die", "das", "het", NULL};
    bool the = p->m >= 2 && p->t[0].n == 3 && !memcmp(p->t[0].low, "the", 3);
    bool article = p->m == 2 && nmi_tok_in(&p->t[0], ARTICLES) && nmi_has_upper(p->t[0].s, 1);
    return the || article ? p->whole : NULL;
}

/* "ライトハウス国際特許事務所": an office, a company, a newspaper. */
static const char *org_ending_name(const piece_text *p)
{
    return org_ending(p->whole, p->wn) ? p->whole : NULL;
}

/* "cleveland.com", "Wday.ru" alone. */
static const char *web_name(const piece_text *p)
{
    return p->m == 1 && domain_like(&p->t[0]) ? p->whole : NULL;
}

typedef const char *(*org_rule)(const piece_text *p);

/* In this order: the first that names an organization decides. */
static const org_rule ORG_RULES[] = {newsroom_or_agency, labelled_newsroom, agency_with_role,
                                     site_itself,        named_with_the,    org_ending_name,
                                     web_name};

/* The name of an organization is written like one: its words start with
 * capitals, but for small words ("Zac covers Apple news" is not one). */
static bool titled(const nmi_token *t, size_t m)
{
    static const char *const SMALL[] = {"of", "and", "for", "the", "de", "la", "le", "du",
                                        "di", "da", "del", "des", "van", "von", "y", "e",
                                        "et", "und", "at", "on", "in", "to", "a", "an",
                                        "&", "wire", "services", NULL};
    for (size_t i = 0; i < m; i++) {
        bool small =
            i > 0 && (nmi_tok_in(&t[i], SMALL) || nmi_tok_in(&t[i], nmi_lex_byline_desk_words));
        if (u_islower(nmi_tok_first_letter(&t[i])) && !small)
            return false;
    }
    return true;
}

/* A desk or an outlet written like a name: "Jerusalem Post Staff", "CBS
 * News", "Telegraph Sport", "Sioux Falls Argus Leader", "USA TODAY". */
static bool desk_or_outlet(const nmi_token *t, size_t m)
{
    if (!titled(t, m))
        return false;
    if (nmi_tok_in(&t[m - 1], nmi_lex_byline_desk_words))
        return true;
    for (size_t i = 0; i < m; i++)
        if (nmi_tok_in(&t[i], nmi_lex_byline_outlet_words))
            return true;
    return false;
}

/* ---- roles ----------------------------------------------------------------------- */

/* The first role word of t[0..m), or m. */
static size_t first_role(const nmi_token *t, size_t m)
{
    for (size_t i = 0; i < m; i++)
        if (role_word(&t[i]))
            return i;
    return m;
}

/* The name without its role, r the first role word: after the name,
 * "Jane Doe Senior Writer" ("Senior" belongs to the role), or before it,
 * "Reporter Jane Doe", "칼럼니스트 박생강". False when no name is left,
 * or roles follow the name too. */
static bool without_role(nmi_token **t, size_t *m, size_t r)
{
    const nmi_token *x = *t;
    if (nmi_tok_in(&x[0], nmi_lex_byline_role_leads))
        return false; /* "Junior Affiliate Content Writer" */
    size_t k = r;
    while (k > 0 && (nmi_tok_in(&x[k - 1], nmi_lex_byline_role_adjectives) ||
                     nmi_tok_in(&x[k - 1], nmi_lex_byline_role_leads) ||
                     nmi_tok_in(&x[k - 1], nmi_lex_byline_desk_words) ||
                     nmi_tok_in(&x[k - 1], nmi_lex_byline_agencies)))
        k--;
    if (k > 0) {
        *m = k;
        return true;
    }
    /* the role comes first: the name follows it */
    size_t s = 0;
    while (s < *m && (role_word(&x[s]) || nmi_tok_in(&x[s], nmi_lex_byline_role_adjectives)))
        s++;
    if (s == *m || first_role(x + s, *m - s) < *m - s)
        return false;
    *t += s;
    *m -= s;
    return true;
}

/* ---- the name -------------------------------------------------------------------- */

/* How many of the tokens make the name: up to a word that cannot be part
 * of one ("Jane Doe is a reporter"), without a particle at the end
 * ("Coordenadoria de") or credentials after a mixed-case name ("Rachael
 * Link MS RD"). 0 when there is no name, or too long a one. */
static size_t name_length(const nmi_token *t, size_t m)
{
    for (size_t i = 0; i < m; i++) {
        if (name_token(&t[i]))
            continue;
        if (i < 2)
            return 0;
        m = i;
        break;
    }
    while (m > 1 && nmi_tok_in(&t[m - 1], nmi_lex_byline_particles) &&
           !nmi_has_upper(t[m - 1].s, t[m - 1].n))
        m--;
    bool mixed = false;
    for (size_t i = 0; i < m; i++)
        mixed = mixed || nmi_has_lower(t[i].s, t[i].n);
    while (mixed && m > 2 && nmi_tok_caps_word(&t[m - 1]) && nmi_tok_letters(&t[m - 1]) <= 4)
        m--;
    return m <= 6 ? m : 0;
}

/* A name of one word: "Regan" is one; "KWCHCIK", "MS", "admin", "Staff",
 * "Monday" are not. In a script without case, two letters or more. */
static bool one_word_name(const nmi_token *t)
{
    if (nmi_tok_in(t, nmi_lex_byline_not_names) || nmi_tok_in(t, nmi_lex_byline_date_words) ||
        role_word(t) || nmi_tok_in(t, nmi_lex_byline_desk_words))
        return false;
    UChar32 c = nmi_tok_first_letter(t);
    if (!nmi_cased(c))
        return nmi_tok_letters(t) >= 2;
    return (u_isupper(c) || u_istitle(c)) && nmi_has_lower(t->s, t->n) &&
           nmi_tok_letters(t) >= 2;
}

/* Not initials alone, nor particles alone; one word only if it is written
 * like a name. */
static bool plausible_name(const nmi_token *t, size_t m)
{
    size_t real = 0, inits = 0;
    for (size_t i = 0; i < m; i++) {
        if (nmi_tok_in(&t[i], nmi_lex_byline_particles) && nmi_has_lower(t[i].s, 1))
            continue;
        real++;
        inits += nmi_tok_initial(&t[i]);
    }
    if (real == 0 || real == inits)
        return false;
    return m > 1 || one_word_name(&t[0]);
}

/* A word of the byline lexicon: not part of a name written in lower
 * case. */
static bool lexicon_word(const nmi_token *t)
{
    static const char *const *const LISTS[] = {
        nmi_lex_byline_and_words,    nmi_lex_byline_stops,         nmi_lex_byline_lead_junk,
        nmi_lex_byline_ui_words,     nmi_lex_byline_not_names,     nmi_lex_byline_date_words,
        nmi_lex_byline_role_adjectives, nmi_lex_byline_desk_words, nmi_lex_byline_outlet_words,
        nmi_lex_byline_writer_words, nmi_lex_byline_role_leads};
    for (size_t i = 0; i < sizeof LISTS / sizeof *LISTS; i++)
        if (nmi_tok_in(t, LISTS[i]))
            return true;
    return role_word(t);
}

/* A name written all in lower case (a stylesheet capitalizes it): two
 * words of three letters or more, "kirstin boatto", none a word of
 * bylines nor a long word in -ing ("by clicking here" is prose). */
static bool lower_case_name(const nmi_token *t, size_t m)
{
    if (m != 2)
        return false;
    for (size_t i = 0; i < m; i++) {
        size_t letters = nmi_tok_letters(&t[i]);
        if (nmi_has_upper(t[i].s, t[i].n) || letters < 3 ||
            letters != nmi_utf8_count(t[i].s, t[i].n, u_islower) || lexicon_word(&t[i]) ||
            (t[i].n >= 6 && !memcmp(t[i].low + t[i].n - 3, "ing", 3)))
            return false;
    }
    return true;
}

/* ---- a piece --------------------------------------------------------------------- */

nmi_piece_kind nmi_classify_piece(nmi_ctx *ctx, const nmi_names *nm, nmi_token *t, size_t m,
                                  bool dated, const char **out)
{
    *out = NULL;
    m = drop_noise(t, m);
    size_t lead = lead_words(t, m);
    t += lead;
    m = without_date_words(t, m - lead, dated);
    /* the interface after a name: "Anna Schmidt Zum Profil", "Jane Doe
     * Sign In"; within its first two words, no name: "Our Editors",
     * "Full Bio" */
    for (size_t i = 0; i < m; i++)
        if (nmi_tok_in(&t[i], nmi_lex_byline_ui_words))
            m = i < 2 ? 0 : i;
    if (m == 0)
        return NMI_PIECE_NOTHING;
    piece_text p;
    p.ctx = ctx;
    p.nm = nm;
    p.t = t;
    p.m = m;
    p.whole = nmi_tokens_join(ctx, t, m);
    if (!p.whole)
        return NMI_PIECE_NOTHING;
    p.wn = strlen(p.whole);
    if (p.wn >= sizeof p.low)
        return NMI_PIECE_NOTHING;
    nmi_byline_lower(p.whole, p.wn, p.low);
    p.low[p.wn] = '\0';
    for (size_t i = 0; i < sizeof ORG_RULES / sizeof *ORG_RULES; i++)
        if ((*out = ORG_RULES[i](&p)) != NULL)
            return NMI_PIECE_ORG;

    for (size_t i = 0; i < m; i++)
        unglue_role(&t[i]);
    size_t r = first_role(t, m);
    if (r == m && nmi_tok_in(&t[0], nmi_lex_byline_role_leads))
        return NMI_PIECE_ROLE; /* "Senior Life" of "Senior Life and Trends Reporter" */
    if (r == m && desk_or_outlet(t, m)) {
        *out = p.whole;
        return NMI_PIECE_ORG;
    }
    if (r < m && !without_role(&t, &m, r))
        return NMI_PIECE_ROLE;
    if (lower_case_name(t, m)) {
        *out = nmi_tokens_join(ctx, t, m);
        return *out ? NMI_PIECE_PERSON : NMI_PIECE_NOTHING;
    }
    m = name_length(t, m);
    if (m == 0 || !plausible_name(t, m))
        return NMI_PIECE_NOTHING;
    *out = nmi_tokens_join(ctx, t, m);
    return *out ? NMI_PIECE_PERSON : NMI_PIECE_NOTHING;
}
