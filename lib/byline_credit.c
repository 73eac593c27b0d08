/* A credit, the names part of a byline, to persons and organizations.
 *
 * The credit ends where the byline stops naming people (a date or a
 * number, "Updated", "5 min read", "Follow", ...). It is split at commas,
 * semicolons, pipes, slashes, spaced dashes, parentheses, element
 * boundaries (NMI_BYLINE_MARK), " for " (an outlet follows), " in " (a
 * place follows), and then at the words for "and" of many languages. Each
 * piece is classified (byline_classify.c); persons are kept in order
 * without duplicates, and the first organization goes to
 * nmi_names::agency, or to nmi_names::own when it is the site itself. */
#include <string.h>

#include "byline_parts.h"

/* ---- persons and organizations credited ------------------------------------------ */

void nmi_names_init(nmi_names *nm, const char *site, const char *publisher, const char *url)
{
    memset(nm, 0, sizeof *nm);
    nm->site = site;
    nm->publisher = publisher;
    nmi_host_key(url ? url : "", nm->hostk, sizeof nm->hostk);
}

static bool known_agency(const char *s)
{
    char low[256];
    size_t n = strlen(s);
    if (n >= sizeof low)
        return false;
    nmi_byline_lower(s, n, low);
    return nmi_byline_in_list(low, n, nmi_lex_byline_agencies);
}

static void add_org(nmi_ctx *ctx, nmi_names *nm, const char *s, size_t n)
{
    while (n && (nmi_byline_is_space(*s) || *s == ',' || *s == '.' || *s == '-' || *s == '('))
        s++, n--;
    while (n && (nmi_byline_is_space(s[n - 1]) || s[n - 1] == ',' || s[n - 1] == ')' ||
                 s[n - 1] == ':'))
        n--;
    if (!n || n > 100)
        return;
    char *org = nmi_clean_text(ctx->arena, s, n, &ctx->oom);
    if (!org)
        return;
    for (char *p = org; *p; p++)
        if (*p == NMI_BYLINE_MARK)
            *p = ' ';
    /* a news agency is an agency even on its own site */
    if (!known_agency(org) && nmi_byline_own_name(nm, org)) {
        if (!nm->own)
            nm->own = org;
    } else if (!nm->agency) {
        nm->agency = org;
    }
}

bool nmi_known_agency(const char *s)
{
    return s && known_agency(s);
}

void nmi_names_add_org(nmi_ctx *ctx, nmi_names *nm, const char *org)
{
    if (org)
        add_org(ctx, nm, org, strlen(org));
}

static bool push_name(nmi_ctx *ctx, nmi_names *nm, const char *name)
{
    for (size_t i = 0; i < nm->count; i++)
        if (nmi_loose_equal(nm->list[i], name))
            return false;
    const char **list = nmi_grow(ctx->arena, nm->list, nm->count, &nm->cap, sizeof *list, 4);
    if (!list) {
        ctx->oom = true;
        return false;
    }
    nm->list = list;
    nm->list[nm->count++] = name;
    return true;
}

/* ---- a credit: pieces ------------------------------------------------------------ */

typedef enum join_kind { J_LIST, J_FOR, J_IN, J_AND } join_kind;

typedef struct piece {
    const char *s, *low;
    size_t n;
    join_kind after; /* how it is tied to the piece before */
} piece;

#define MAX_PIECES 32

/* Separator at low[i]: its length, and what it ties. */
static size_t separator_at(const char *low, size_t n, size_t i, join_kind *kind)
{
    *kind = J_LIST;
    unsigned char c = (unsigned char)low[i];
    if (c == ',' || c == ';' || c == '|' || c == '/' || c == '(' || c == ')' || c == '[' ||
        c == ']' || c == (unsigned char)NMI_BYLINE_MARK || c == '+' || c == '*')
        return 1;
    if (c == ':' && i + 1 < n && low[i + 1] == ' ')
        return 1;
    static const char *const SEPS[] = {
        "\xE2\x80\xA2", "\xC2\xB7", "\xE3\x80\x81", "\xEF\xBC\x8C", "\xEF\xBC\x9B", /* • · 、 ，； */
        "\xE2\x80\x94", "\xE2\x80\x93", "\xEF\xBD\x9C", "\xC2\xA6", NULL};          /* — – ｜ ¦ */
    for (const char *const *s = SEPS; *s; s++) {
        size_t k = strlen(*s);
        if (i + k <= n && !memcmp(low + i, *s, k))
            return k;
    }
    if (c == ' ' && i + 2 < n && low[i + 1] == '-' && low[i + 2] == ' ')
        return 3;
    if (c == ' ' && i + 5 <= n && !memcmp(low + i, " for ", 5)) {
        *kind = J_FOR;
        return 5;
    }
    if (c == ' ' && ((i + 4 <= n && !memcmp(low + i, " in ", 4)) ||
                     (i + 4 <= n && !memcmp(low + i, " at ", 4)))) {
        *kind = J_IN;
        return 4;
    }
    /* ". " after a word that is not an initial or an abbreviation:
     * "Finian Cunningham. Sputnik International" */
    if (c == '.' && i + 1 < n && low[i + 1] == ' ') {
        size_t w = i;
        while (w > 0 && low[w - 1] != ' ' && low[w - 1] != '.')
            w--;
        size_t wl = i - w;
        if (wl >= 2 && !nmi_byline_in_list(low + w, wl, nmi_lex_byline_dotted))
            return 1;
    }
    return 0;
}

/* And-words between names, with the spaces around them. The word must be
 * in lower case as printed ("Dan Evon", "Ed Cara" are names), except
 * "and" and an and-word in a credit printed in capitals ("LISA MASCARO Y
 * ERIC TUCKER"). */
static size_t and_at(const char *s, const char *low, size_t n, size_t i)
{
    if (low[i] != ' ')
        return 0;
    for (const char *const *a = nmi_lex_byline_and_words; *a; a++) {
        size_t k = strlen(*a);
        if (!(i + 1 + k + 1 <= n && !memcmp(low + i + 1, *a, k) && low[i + 1 + k] == ' '))
            continue;
        if (!memcmp(s + i + 1, *a, k) || !strcmp(*a, "and"))
            return k + 2;
        /* in capitals, between words in capitals */
        size_t w = i;
        while (w > 0 && !nmi_byline_is_space(s[w - 1]))
            w--;
        nmi_token prev = {s + w, low + w, i - w};
        nmi_token self = {s + i + 1, low + i + 1, k};
        if (nmi_tok_caps_word(&prev) && !nmi_has_lower(self.s, self.n))
            return k + 2;
    }
    return 0;
}

/* Names glued to a date or a label: "Jane DoeNovember 19", "Jane
 * DoeUpdated". Returns the cut position or n. */
static size_t glued_cut(const char *s, size_t n)
{
    for (size_t i = 1; i + 3 < n; i++) {
        if (!(s[i] >= 'A' && s[i] <= 'Z') || !(s[i - 1] >= 'a' && s[i - 1] <= 'z'))
            continue;
        for (const char *const *g = nmi_lex_byline_glued_words; *g; g++) {
            size_t k = strlen(*g);
            if (i + k <= n && !memcmp(s + i, *g, k) &&
                (i + k == n || !(s[i + k] >= 'a' && s[i + k] <= 'z')))
                return i;
        }
    }
    return n;
}

/* Where the credit stops: a stop word, a token starting with a digit, a
 * glued date. */
size_t nmi_credit_end(const char *s, const char *low, size_t n)
{
    size_t end = glued_cut(s, n);
    for (size_t i = 0; i < end; i++) {
        if (!nmi_byline_word_start(low, i))
            continue;
        if (low[i] >= '0' && low[i] <= '9')
            return i;
        if (nmi_byline_label_at(low, end, i, nmi_lex_byline_stops))
            return i;
    }
    return end;
}

/* The pieces of s[0..n) between separators into pc[MAX_PIECES], each with
 * how it is tied to the one before; returns how many. */
static size_t cut_at_separators(const char *s, const char *low, size_t n, piece *pc)
{
    size_t np = 0, st = 0;
    join_kind pending = J_LIST;
    for (size_t i = 0; i <= n && np < MAX_PIECES;) {
        join_kind kind = J_LIST;
        size_t k = i < n ? separator_at(low, n, i, &kind) : 1;
        if (!k) {
            i++;
            continue;
        }
        if (i > st)
            pc[np++] = (piece){s + st, low + st, i - st, pending};
        if (i > st || kind != J_LIST)
            pending = kind;
        i += k;
        st = i;
    }
    return np;
}

/* The pieces of x between and-words ("Jane Doe and John Smith") appended
 * to sub[MAX_PIECES], *ns of them already there. "The Russian and Syrian
 * defense ministries" is one credit. */
static void cut_at_and_words(const piece *x, piece *sub, size_t *ns)
{
    size_t lead = 0;
    while (lead < x->n && x->s[lead] == ' ')
        lead++;
    bool the = x->n - lead > 4 && !memcmp(x->low + lead, "the ", 4);
    size_t a0 = 0;
    join_kind after = x->after;
    for (size_t i = 0; i <= x->n && *ns < MAX_PIECES;) {
        size_t k = (i < x->n && !the) ? and_at(x->s, x->low, x->n, i) : 0;
        if (i < x->n && !k) {
            i++;
            continue;
        }
        if (i > a0)
            sub[(*ns)++] = (piece){x->s + a0, x->low + a0, i - a0, after};
        after = J_AND;
        i += k ? k : 1;
        a0 = i;
    }
}

/* Where a mixed-case name switches to words in capitals, or the other way
 * ("Kevin McCoy USA TODAY"); m when it does not. */
static size_t case_switch(const nmi_token *t, size_t m)
{
    size_t caps = 0, mixed = 0;
    for (size_t i = 0; i < m; i++) {
        if (nmi_tok_initial(&t[i]) || nmi_tok_in(&t[i], nmi_lex_byline_particles))
            continue;
        bool c = nmi_tok_caps_word(&t[i]);
        if ((c && mixed >= 2 && caps == 0) || (!c && caps >= 2 && mixed == 0))
            return i;
        caps += c;
        mixed += !c;
    }
    return m;
}

/* What one piece is, with its person or organization in *name. What
 * follows a person's name in other case ("USA TODAY") is an organization
 * credited. */
static nmi_piece_kind classify_part(nmi_ctx *ctx, nmi_names *nm, const piece *x, bool dated,
                                    const char **name)
{
    *name = NULL;
    if (x->after == J_IN)
        return NMI_PIECE_NOTHING; /* a place: "Jane Doe in London" */
    nmi_token t[NMI_MAX_TOKENS];
    size_t m = nmi_tokenize(x->s, x->low, x->n, t);
    size_t cut = case_switch(t, m);
    nmi_piece_kind kind = nmi_classify_piece(ctx, nm, t, cut, dated, name);
    if (x->after == J_FOR && kind == NMI_PIECE_PERSON)
        kind = NMI_PIECE_ORG; /* "Jane Doe for The Guardian" */
    bool ui = false; /* "Jane Doe WATCH LIVE": the interface, no organization */
    for (size_t i = cut; i < m; i++)
        ui = ui || nmi_tok_in(&t[i], nmi_lex_byline_ui_words);
    if (cut < m && kind == NMI_PIECE_PERSON && !ui) {
        char *rest = nmi_tokens_join(ctx, t + cut, m - cut);
        if (rest)
            add_org(ctx, nm, rest, strlen(rest));
    }
    return kind;
}

/* A role joined by "and" to the piece before or after it goes on: "Head
 * of Marketing and Community Development", "Social Media & Community
 * Expert" after a name, "Executive Editor and Master Gardener". */
static void roles_joined(const piece *sub, nmi_piece_kind *kinds, size_t ns)
{
    bool person = false;
    for (size_t p = 0; p < ns; p++) {
        if (p > 0 && sub[p].after == J_AND && kinds[p - 1] == NMI_PIECE_ROLE)
            kinds[p] = NMI_PIECE_ROLE;
        else if (p + 1 < ns && person && sub[p + 1].after == J_AND &&
                 kinds[p + 1] == NMI_PIECE_ROLE)
            kinds[p] = NMI_PIECE_ROLE;
        person = person || kinds[p] == NMI_PIECE_PERSON;
    }
}

/* The persons and organizations of the ns classified pieces into nm. */
static void credit_names(nmi_ctx *ctx, nmi_names *nm, const char *const *names,
                         const nmi_piece_kind *kinds, size_t ns)
{
    size_t useful = 0;
    for (size_t p = 0; p < ns; p++)
        useful += kinds[p] != NMI_PIECE_NOTHING;
    for (size_t p = 0; p < ns; p++) {
        if (kinds[p] == NMI_PIECE_ORG && names[p]) {
            add_org(ctx, nm, names[p], strlen(names[p]));
        } else if (kinds[p] == NMI_PIECE_PERSON && names[p]) {
            /* a name in lower case only as the first credit: later such
             * words are prose run on ("he worked") */
            size_t len = strlen(names[p]);
            if (p > 0 && nmi_has_lower(names[p], len) && !nmi_has_upper(names[p], len))
                continue;
            /* A one-word name among other credits is a place or an outlet
             * ("PTI, Washington", "Victor Tangermann, Futurism"), unless the
             * script has no case (Korean, Chinese, Japanese names). */
            if (!strchr(names[p], ' ') && useful > 1) {
                nmi_token one = {names[p], names[p], strlen(names[p])};
                if (nmi_cased(nmi_tok_first_letter(&one)))
                    continue;
            }
            push_name(ctx, nm, names[p]);
        }
    }
}

void nmi_split_credit(nmi_ctx *ctx, nmi_names *nm, const char *s, const char *low, size_t n)
{
    size_t full = n;
    n = nmi_credit_end(s, low, n);
    bool dated = n < full; /* a date or a label ended the credit */
    piece pc[MAX_PIECES];
    size_t np = cut_at_separators(s, low, n, pc);
    piece sub[MAX_PIECES];
    size_t ns = 0;
    for (size_t p = 0; p < np && ns < MAX_PIECES; p++)
        cut_at_and_words(&pc[p], sub, &ns);
    const char *names[MAX_PIECES];
    nmi_piece_kind kinds[MAX_PIECES];
    for (size_t p = 0; p < ns; p++)
        kinds[p] = classify_part(ctx, nm, &sub[p], dated && p + 1 == ns, &names[p]);
    roles_joined(sub, kinds, ns);
    credit_names(ctx, nm, names, kinds, ns);
}
