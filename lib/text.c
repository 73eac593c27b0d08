/* Plain-text input: the text rendering of a news page (copied, saved from
 * a text browser, stripped by another tool) -> the same candidates and
 * blocks as the HTML stages produce.
 *
 * Each line is classified on its own (noise, date, byline, related link,
 * image credit, bullet, prose, title-like), then a second pass reads the
 * sequence: the header (headline, standfirst, byline, dates, section
 * label) ends where the first prose line starts the body; inside the body
 * title-like lines between paragraphs are sub-headings. Dates and bylines
 * go through the same parsers as HTML. */
#include <string.h>

#include "internal.h"

typedef enum line_kind {
    L_BLANK,
    L_NOISE,
    L_DATE,
    L_BYLINE,
    L_RELATED,
    L_CREDIT,
    L_BULLET,
    L_PROSE,  /* a sentence or more */
    L_TITLE,  /* short, no closing period: headline, heading, section */
} line_kind;

typedef struct line {
    const char *text; /* cleaned, arena */
    line_kind kind;
    size_t words;
    const char *value; /* date text, byline names, related title, credit */
    bool updated;      /* a date line that says "Updated" */
} line;

/* Labels in front of a date: the first kind is publication, the second
 * modification. */
static const char *const PUBLISHED_LABELS[] = {
    "published on", "published:", "published", "first published", "posted on", "posted:",
    "posted", "veröffentlicht am", "veröffentlicht:", "veröffentlicht", "publicado em",
    "publicado el", "publicado:", "publicado", "publié le", "publié", "pubblicato il",
    "pubblicato", "gepubliceerd", "opublikowano", "опубликовано", "date:", NULL};
static const char *const UPDATED_LABELS[] = {
    "last updated:", "last updated", "updated on", "updated:", "updated", "aktualisiert am",
    "aktualisiert:", "aktualisiert", "atualizado em", "atualizado", "actualizado",
    "mis à jour le", "mis à jour", "aggiornato il", "aggiornato", "bijgewerkt",
    "zaktualizowano", "обновлено", "modified:", NULL};

/* Furniture of rendered pages: trackers, share and follow widgets,
 * image placeholders, cookie and subscription prompts. */
static const char *const NOISE_PREFIXES[] = {
    "follow:", "follow us", "share:", "share on", "share this", "tweet", "subscribe",
    "sign up", "sign in", "log in", "click here", "we use cookies", "this site uses cookies",
    "accept cookies", "cookie", "null |", "image:", "image source:", "photo:", "watch:",
    "listen:", "download the app", "get the app", "advertisement", "sponsored", "skip to",
    NULL};

static size_t count_words(const char *s)
{
    return nmi_word_count(s, strlen(s));
}

static bool ends_with_stop(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3; /* closing curly quotes */
    if (n == 0)
        return false;
    char c = s[n - 1];
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
        return true;
    /* CJK full stop, fullwidth ! ? */
    return n >= 3 && (unsigned char)s[n - 3] == 0xE3 && (unsigned char)s[n - 2] == 0x80 &&
           (unsigned char)s[n - 1] == 0x82;
}

/* Length of a list bullet ("•", "·", "-", "*", "–", "▪") and its space. */
static size_t bullet_len(const char *s)
{
    static const char *const B[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x80\x93",
                                    "-",            "*",        NULL};
    for (const char *const *b = B; *b; b++) {
        size_t n = strlen(*b);
        if (!strncmp(s, *b, n) && s[n] == ' ')
            return n + 1;
    }
    return 0;
}

/* "px.metricsbeacon", "cdn.example.net": one token with dots, no spaces */
static bool looks_like_host(const char *s)
{
    if (strchr(s, ' ') || !strchr(s, '.'))
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
            return false;
    return s[strlen(s) - 1] != '.';
}

static const char *after_label(const char *s, const char *const *labels)
{
    for (const char *const *l = labels; *l; l++)
        if (nmi_istarts(s, *l)) {
            const char *r = s + strlen(*l);
            if (*r && *r != ' ' && *r != ':' && ((*r | 32) >= 'a' && (*r | 32) <= 'z'))
                continue; /* "Publishedness" */
            while (*r == ' ' || *r == ':' || *r == '-')
                r++;
            return r;
        }
    return NULL;
}

/* A line that opens with a number, a month or a weekday (English) may
 * be a bare date; "Officials met in March 2021" may not. */
static bool starts_like_date(const char *s)
{
    if (*s >= '0' && *s <= '9')
        return true;
    static const char *const W[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                    "aug", "sep", "oct", "nov", "dec", "mon", "tue",
                                    "wed", "thu", "fri", "sat", "sun", NULL};
    for (const char *const *w = W; *w; w++)
        if (nmi_istarts(s, *w))
            return true;
    return false;
}

static void classify(nmi_ctx *ctx, line *l)
{
    const char *s = l->text;
    l->words = count_words(s);
    size_t n = strlen(s);
    if (nmi_is_boilerplate(s, n) || looks_like_host(s)) {
        l->kind = L_NOISE;
        return;
    }
    for (const char *const *p = NOISE_PREFIXES; *p; p++)
        if (nmi_istarts(s, *p) && l->words <= 10) {
            l->kind = L_NOISE;
            return;
        }
    size_t b = bullet_len(s);
    if (b && nmi_word_count(s + b, n - b) <= 2 && !ends_with_stop(s)) {
        l->kind = L_NOISE; /* "• share", "- Print" */
        return;
    }
    /* (Image Credit: PTI), Photo credit: Jane Doe/AP */
    const char *c = s;
    if (*c == '(')
        c++;
    if (nmi_istarts(c, "image credit") || nmi_istarts(c, "photo credit") ||
        nmi_istarts(c, "image courtesy") || nmi_istarts(c, "photo courtesy") ||
        nmi_istarts(c, "credit:")) {
        const char *v = strchr(c, ':');
        v = v ? v + 1 : c + 12;
        size_t vn = strlen(v);
        while (vn && (v[vn - 1] == ')' || v[vn - 1] == ' '))
            vn--;
        l->kind = L_CREDIT;
        l->value = nmi_clean_text(ctx->arena, v, vn, &ctx->oom);
        return;
    }
    const char *rest = nmi_related_prefix(s);
    if (rest && l->words <= 25) {
        l->kind = L_RELATED;
        l->value = nmi_clean_text(ctx->arena, rest, strlen(rest), &ctx->oom);
        return;
    }
    const char *d = after_label(s, UPDATED_LABELS);
    l->updated = d != NULL;
    if (!d)
        d = after_label(s, PUBLISHED_LABELS);
    nmi_time t;
    if (d && l->words <= 14 && nmi_parse_date(ctx, d, &t)) {
        l->kind = L_DATE;
        l->value = d;
        return;
    }
    /* a line that is only a date: "18:05 IST, March 3rd 2021" */
    if (!d && l->words <= 8 && starts_like_date(s) && nmi_parse_date(ctx, s, &t) &&
        t.precision >= NEWSMETA_PRECISION_DAY) {
        l->kind = L_DATE;
        l->value = s;
        return;
    }
    size_t bp = nmi_byline_prefix(s);
    if (bp && l->words <= 12 && !ends_with_stop(s + bp)) {
        l->kind = L_BYLINE;
        l->value = s + bp;
        while (*l->value == ' ' || *l->value == ':')
            l->value++;
        return;
    }
    if (b) {
        l->kind = L_BULLET;
        l->value = s + b;
        return;
    }
    if (ends_with_stop(s) ? l->words >= 5 : l->words >= 16)
        l->kind = L_PROSE;
    else
        l->kind = L_TITLE;
}

static void add_block(nmi_ctx *ctx, newsmeta_paragraph_kind kind, const char *text)
{
    if (ctx->block_count >= NMI_MAX_PARAGRAPHS)
        return;
    if (ctx->block_count == ctx->block_cap) {
        size_t cap = ctx->block_cap ? ctx->block_cap * 2 : 32;
        nmi_block *p = nmi_arena_alloc(ctx->arena, cap * sizeof *p);
        if (!p) {
            ctx->oom = true;
            return;
        }
        if (ctx->block_count)
            memcpy(p, ctx->blocks, ctx->block_count * sizeof *p);
        ctx->blocks = p;
        ctx->block_cap = cap;
    }
    ctx->blocks[ctx->block_count++] =
        (nmi_block){kind, kind == NEWSMETA_HEADING ? 2 : 0, text, strlen(text), false};
}

static void add_related(nmi_ctx *ctx, const char *title)
{
    if (!title || ctx->link_count >= NMI_MAX_LINKS || (ctx->opts.flags & NEWSMETA_OPT_NO_LINKS))
        return;
    if (ctx->link_count == ctx->link_cap) {
        size_t cap = ctx->link_cap ? ctx->link_cap * 2 : 16;
        nmi_link *p = nmi_arena_alloc(ctx->arena, cap * sizeof *p);
        if (!p) {
            ctx->oom = true;
            return;
        }
        if (ctx->link_count)
            memcpy(p, ctx->links, ctx->link_count * sizeof *p);
        ctx->links = p;
        ctx->link_cap = cap;
    }
    ctx->links[ctx->link_count++] =
        (nmi_link){NULL, title, NEWSMETA_LINK_RELATED, (long)ctx->block_count - 1, 0, 0};
}

/* The next line that is not blank or noise, from i on; n when none. */
static size_t next_content(const line *lines, size_t n, size_t i)
{
    while (i < n && (lines[i].kind == L_BLANK || lines[i].kind == L_NOISE))
        i++;
    return i;
}

void nmi_parse_text_lines(nmi_ctx *ctx, const char *text, size_t len)
{
    /* Split into lines (LF, CRLF or CR), cleaned into the arena. */
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == '\n' || text[i] == '\r';
    nmi_arena scratch = {NULL};
    line *lines = nmi_arena_alloc(&scratch, cap * sizeof *lines);
    if (!lines) {
        ctx->oom = true;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i <= len && n < cap;) {
        size_t j = i;
        while (j < len && text[j] != '\n' && text[j] != '\r')
            j++;
        const char *clean = nmi_clean_text(ctx->arena, text + i, j - i, &ctx->oom);
        lines[n].text = clean ? clean : "";
        lines[n].kind = L_BLANK;
        lines[n].value = NULL;
        lines[n].updated = false;
        lines[n].words = 0;
        if (clean)
            classify(ctx, &lines[n]);
        n++;
        if (j < len && text[j] == '\r' && j + 1 < len && text[j + 1] == '\n')
            j++;
        i = j + 1;
    }

    /* The body starts at the first prose line that is not the standfirst:
     * a prose line right after the headline is the standfirst when the
     * header goes on after it (a byline, a date, a section label, noise). */
    const char *headline = NULL, *standfirst = NULL;
    size_t body = n;
    bool have_byline = false;
    for (size_t i = 0; i < n; i++) {
        line *l = &lines[i];
        if (l->kind == L_BLANK || l->kind == L_NOISE)
            continue;
        if (l->kind == L_DATE) {
            nmi_add_cand(ctx, l->updated ? NMI_F_MODIFIED : NMI_F_PUBLISHED, l->value,
                         strlen(l->value), 40, NEWSMETA_SOURCE_TEXT);
            continue;
        }
        if (l->kind == L_BYLINE) {
            nmi_add_cand(ctx, NMI_F_BYLINE, l->value, strlen(l->value), 40, NEWSMETA_SOURCE_TEXT);
            have_byline = true;
            continue;
        }
        if (l->kind == L_CREDIT) {
            if (l->value)
                nmi_add_cand(ctx, NMI_F_IMAGE_CREDIT, l->value, strlen(l->value), 40,
                             NEWSMETA_SOURCE_TEXT);
            continue;
        }
        if (!headline && (l->kind == L_TITLE || l->kind == L_PROSE) && l->words >= 3 &&
            l->words <= 30) {
            headline = l->text;
            continue;
        }
        if (headline && l->kind == L_TITLE && l->words <= 4 &&
            !nmi_best_cand(ctx, NMI_F_SECTION) && (have_byline || standfirst)) {
            /* a short label in the header: the section */
            nmi_add_cand(ctx, NMI_F_SECTION, l->text, strlen(l->text), 40, NEWSMETA_SOURCE_TEXT);
            continue;
        }
        if (l->kind == L_PROSE || l->kind == L_TITLE || l->kind == L_BULLET) {
            size_t k = next_content(lines, n, i + 1);
            bool header_goes_on =
                k < n && (lines[k].kind == L_BYLINE || lines[k].kind == L_DATE ||
                          (lines[k].kind == L_TITLE && lines[k].words <= 4));
            if (headline && !standfirst && !have_byline && l->kind != L_BULLET &&
                header_goes_on && l->words >= 6) {
                standfirst = l->text;
                continue;
            }
            body = i;
            break;
        }
    }
    if (headline)
        nmi_add_cand(ctx, NMI_F_HEADLINE, headline, strlen(headline), 30, NEWSMETA_SOURCE_TEXT);
    if (standfirst)
        nmi_add_cand(ctx, NMI_F_DESCRIPTION, standfirst, strlen(standfirst), 30,
                     NEWSMETA_SOURCE_TEXT);

    /* The body. */
    bool skip_body = ctx->opts.flags & NEWSMETA_OPT_NO_BODY;
    for (size_t i = body; i < n && !ctx->oom; i++) {
        line *l = &lines[i];
        switch (l->kind) {
        case L_BLANK:
        case L_NOISE:
            break;
        case L_DATE:
            nmi_add_cand(ctx, l->updated ? NMI_F_MODIFIED : NMI_F_PUBLISHED, l->value,
                         strlen(l->value), 45, NEWSMETA_SOURCE_TEXT);
            break;
        case L_BYLINE:
            nmi_add_cand(ctx, NMI_F_BYLINE, l->value, strlen(l->value), 45, NEWSMETA_SOURCE_TEXT);
            break;
        case L_CREDIT:
            if (l->value)
                nmi_add_cand(ctx, NMI_F_IMAGE_CREDIT, l->value, strlen(l->value), 40,
                             NEWSMETA_SOURCE_TEXT);
            break;
        case L_RELATED:
            if (!skip_body)
                add_related(ctx, l->value);
            break;
        case L_BULLET:
            if (!skip_body)
                add_block(ctx, NEWSMETA_LIST_ITEM, l->value);
            break;
        case L_PROSE:
            if (!skip_body)
                add_block(ctx, NEWSMETA_PARAGRAPH, l->text);
            break;
        case L_TITLE: {
            /* Between paragraphs, a short title-like line is a heading;
             * after the last paragraph it is trailing furniture. */
            size_t k = next_content(lines, n, i + 1);
            while (k < n && (lines[k].kind == L_RELATED || lines[k].kind == L_CREDIT ||
                             lines[k].kind == L_DATE))
                k = next_content(lines, n, k + 1);
            bool before_text = k < n && (lines[k].kind == L_PROSE || lines[k].kind == L_BULLET);
            if (skip_body)
                break;
            if (before_text && l->words <= 12)
                add_block(ctx, NEWSMETA_HEADING, l->text);
            else if (before_text || l->words >= 8)
                add_block(ctx, NEWSMETA_PARAGRAPH, l->text);
            break;
        }
        }
    }
    nmi_arena_release(&scratch);
}
