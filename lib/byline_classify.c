/* One piece of a credit: a person, an organization (news agency, desk,
 * outlet, the site's own name), a role ("Staff Writer"), or nothing of use
 * (a place, a handle, an e-mail address, a date word). Nothing here knows
 * any site: only words of the trade and the shape of a name. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "byline_internal.h"

static bool org_ending(const char *s, size_t n)
{
    for (const char *const *e = nmi_byline_org_endings; *e; e++) {
        size_t k = strlen(*e);
        if (n >= k && !memcmp(s + n - k, *e, k))
            return true;
    }
    return false;
}

/* A role word, also in a compound: "Editor-at-large", "editor-in-chief". */
static bool role_word(const nmi_token *t)
{
    if (nmi_tok_in(t, nmi_byline_role_words))
        return true;
    const char *hy = memchr(t->low, '-', t->n);
    return hy && nmi_byline_in_list(t->low, (size_t)(hy - t->low), nmi_byline_role_words);
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
        if (u_isalpha(cp) || u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK ||
            u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY) == U_COMBINING_SPACING_MARK) {
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
    if (nmi_tok_in(t, nmi_byline_particles))
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
    static const char *const SUFFIX[] = {"\xEA\xB8\xB0\xEC\x9E\x90", "\xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90",
                                         "\xE8\xA8\x98\xE8\x80\x85", "\xE8\xAE\xB0\xE8\x80\x85", NULL};
    for (const char *const *s = SUFFIX; *s; s++) {
        size_t k = strlen(*s);
        if (t->n > k + 3 && !memcmp(t->s + t->n - k, *s, k)) {
            t->n -= k;
            return;
        }
    }
}

/* What a piece is, with the person's name or the organization in *out.
 * alone: the piece is the whole credit (a one-word name is then allowed). */
nmi_piece_kind nmi_classify_piece(nmi_ctx *ctx, const nmi_names *nm, nmi_token *t, size_t m, bool dated,
                           const char **out)
{
    *out = NULL;
    m = drop_noise(t, m);
    /* leading "and", labels left over, "About", "More from" */
    size_t b = 0;
    while (b < m && (((nmi_tok_in(&t[b], nmi_byline_and_words) || nmi_tok_in(&t[b], nmi_byline_lead_junk)) &&
                      (!nmi_has_upper(t[b].s, t[b].n) || (b + 1 < m && nmi_tok_in(&t[b], nmi_byline_lead_junk)))) ||
                     (t[b].n == 2 && !memcmp(t[b].low, "by", 2))))
        b++;
    t += b;
    m -= b;
    /* date words after the name: a weekday ("Malcolm Owen Monday"), or a
     * month before the date that ended the credit ("Jane Doe Nov 18"), not
     * a surname ("Theresa May", "Lena Sun") */
    static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", NULL};
    while (m > 1 && (nmi_tok_in(&t[m - 1], WEEKDAYS) || (dated && nmi_tok_in(&t[m - 1], nmi_byline_date_words))))
        m--;
    if (m == 1 && dated && nmi_tok_in(&t[0], nmi_byline_date_words))
        m = 0;
    if (m == 0)
        return NMI_PIECE_NOTHING;
    char *whole = nmi_tokens_join(ctx, t, m);
    if (!whole)
        return NMI_PIECE_NOTHING;
    char low[512];
    size_t wn = strlen(whole);
    if (wn >= sizeof low)
        return NMI_PIECE_NOTHING;
    nmi_byline_lower(whole, wn, low);
    low[wn] = '\0';

    if (nmi_byline_in_list(low, wn, nmi_byline_newsroom) || nmi_byline_in_list(low, wn, nmi_byline_agencies)) {
        *out = whole;
        return NMI_PIECE_ORG;
    }
    /* "Por Redacción", "Von Reuters" */
    if (m >= 2 && nmi_tok_in(&t[0], nmi_byline_writer_words)) {
        size_t rest = (size_t)(t[0].n + 1);
        if (rest < wn && (nmi_byline_in_list(low + rest, wn - rest, nmi_byline_newsroom) ||
                          nmi_byline_in_list(low + rest, wn - rest, nmi_byline_agencies))) {
            *out = whole + rest;
            return NMI_PIECE_ORG;
        }
    }
    /* an agency with a role: "AP Auto Writer", "Reuters Staff" */
    for (size_t k = m - 1; k > 0; k--) {
        /* the head, lower case, with single spaces */
        char hl[512];
        size_t q = 0;
        for (size_t i = 0; i < k && q + t[i].n + 1 < sizeof hl; i++) {
            if (i)
                hl[q++] = ' ';
            memcpy(hl + q, t[i].low, t[i].n);
            q += t[i].n;
        }
        if (!nmi_byline_in_list(hl, q, nmi_byline_agencies))
            continue;
        /* the rest is a role ("AP National Security Writer") */
        bool rest_role = true;
        if (!role_word(&t[m - 1]))
            for (size_t i = k; i < m && rest_role; i++)
                rest_role = nmi_tok_in(&t[i], nmi_byline_role_adjectives) || nmi_tok_in(&t[i], nmi_byline_desk_words);
        if (rest_role) {
            *out = nmi_tokens_join(ctx, t, k);
            return *out ? NMI_PIECE_ORG : NMI_PIECE_NOTHING;
        }
    }
    if (nmi_byline_own_name(nm, whole)) {
        *out = whole;
        return NMI_PIECE_ORG;
    }
    if (m >= 2 && t[0].n == 3 && !memcmp(t[0].low, "the", 3)) {
        *out = whole;
        return NMI_PIECE_ORG; /* "The Water Coolest", "The Editorial Board" */
    }
    if (org_ending(whole, wn)) {
        *out = whole;
        return NMI_PIECE_ORG;
    }
    if (m == 1 && domain_like(&t[0])) {
        *out = whole;
        return NMI_PIECE_ORG;
    }
    /* roles: after the name ("Jane Doe Senior Writer") or before it
     * ("칼럼니스트 박생강", "Reporter Jane Doe") */
    for (size_t i = 0; i < m; i++)
        unglue_role(&t[i]);
    size_t r = m;
    for (size_t i = 0; i < m; i++)
        if (role_word(&t[i])) {
            r = i;
            break;
        }
    /* The name of an organization is written like one: its words start
     * with capitals, but for small words ("Zac covers Apple news" is not
     * one). */
    bool titled = true;
    for (size_t i = 0; i < m && titled; i++) {
        static const char *const SMALL[] = {"of", "and", "for", "the", "de", "la", "le", "du",
                                            "di", "da", "del", "des", "van", "von", "y", "e",
                                            "et", "und", "at", "on", "in", "to", "a", "an",
                                            "&", "wire", "services", NULL};
        UChar32 c = nmi_tok_first_letter(&t[i]);
        titled = !u_islower(c) || (i > 0 && (nmi_tok_in(&t[i], SMALL) || nmi_tok_in(&t[i], nmi_byline_desk_words)));
    }
    if (titled && nmi_tok_in(&t[m - 1], nmi_byline_desk_words) && r == m) {
        *out = whole;
        return NMI_PIECE_ORG; /* "Jerusalem Post Staff", "CBS News", "Telegraph Sport" */
    }
    for (size_t i = 0; titled && i < m; i++)
        if (nmi_tok_in(&t[i], nmi_byline_outlet_words) && r == m) {
            *out = whole;
            return NMI_PIECE_ORG; /* "Sioux Falls Argus Leader", "USA TODAY" */
        }
    if (r < m) {
        size_t k = r;
        while (k > 0 && (nmi_tok_in(&t[k - 1], nmi_byline_role_adjectives) || nmi_tok_in(&t[k - 1], nmi_byline_desk_words) ||
                         nmi_tok_in(&t[k - 1], nmi_byline_agencies)))
            k--;
        if (k == 0) {
            /* the role comes first: the name follows it */
            size_t s = 0;
            while (s < m && (role_word(&t[s]) || nmi_tok_in(&t[s], nmi_byline_role_adjectives)))
                s++;
            bool more_roles = false;
            for (size_t i = s; i < m; i++)
                more_roles = more_roles || role_word(&t[i]);
            if (s == m || more_roles)
                return NMI_PIECE_ROLE;
            t += s;
            m -= s;
        } else {
            m = k;
        }
    }
    /* a lower-case word ends the name: "Jane Doe is a reporter" */
    for (size_t i = 0; i < m; i++) {
        if (name_token(&t[i]))
            continue;
        if (i < 2)
            return NMI_PIECE_NOTHING;
        m = i;
        break;
    }
    /* a name does not end in a particle ("Coordenadoria de") */
    while (m > 1 && nmi_tok_in(&t[m - 1], nmi_byline_particles) && !nmi_has_upper(t[m - 1].s, t[m - 1].n))
        m--;
    /* credentials after a mixed-case name: "Rachael Link MS RD" */
    bool mixed = false;
    for (size_t i = 0; i < m; i++)
        mixed = mixed || nmi_has_lower(t[i].s, t[i].n);
    while (mixed && m > 2 && nmi_tok_caps_word(&t[m - 1]) && nmi_tok_letters(&t[m - 1]) <= 4)
        m--;
    if (m == 0 || m > 6)
        return NMI_PIECE_NOTHING;
    size_t real = 0, inits = 0;
    for (size_t i = 0; i < m; i++) {
        if (nmi_tok_in(&t[i], nmi_byline_particles) && nmi_has_lower(t[i].s, 1))
            continue;
        real++;
        inits += nmi_tok_initial(&t[i]);
    }
    if (real == 0 || real == inits)
        return NMI_PIECE_NOTHING;
    if (m == 1) {
        UChar32 c = nmi_tok_first_letter(&t[0]);
        if (nmi_tok_in(&t[0], nmi_byline_not_names) || nmi_tok_in(&t[0], nmi_byline_date_words) ||
            role_word(&t[0]) || nmi_tok_in(&t[0], nmi_byline_desk_words))
            return NMI_PIECE_NOTHING;
        if (nmi_cased(c)) {
            /* "Regan" is a name; "KWCHCIK", "MS" and "admin" are not */
            if (!u_isupper(c) && !u_istitle(c))
                return NMI_PIECE_NOTHING;
            if (!nmi_has_lower(t[0].s, t[0].n) || nmi_tok_letters(&t[0]) < 2)
                return NMI_PIECE_NOTHING;
        } else if (nmi_tok_letters(&t[0]) < 2) {
            return NMI_PIECE_NOTHING;
        }
    }
    *out = nmi_tokens_join(ctx, t, m);
    return *out ? NMI_PIECE_PERSON : NMI_PIECE_NOTHING;
}
