/* Print every field newsmeta extracts from an HTML page, one per line.
 *
 *   cc print-article.c $(pkg-config --cflags --libs newsmeta) -o print-article
 *   ./print-article sample-article.html https://www.tidewater-ledger.example/...
 *
 * The optional URL is the page's address: relative links, the canonical URL
 * and the lead image are resolved against it. A missing field prints as
 * "(none)". The ctest example.print-article runs this program on
 * sample-article.html and checks its output (examples/expected/).
 */
#include <stdio.h>
#include <stdlib.h>

#include <newsmeta.h>

/* The whole file in a malloc'd buffer; NULL on error (errno set). */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break; /* end of file, or an error (checked below) */
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

static const char *or_none(const char *s)
{
    return s ? s : "(none)";
}

static void print_time(const char *label, const newsmeta_timestamp *t)
{
    if (!t->present) {
        printf("%-10s (none)\n", label);
        return;
    }
    /* iso carries the offset only when it is known: it is never invented */
    printf("%-10s %s\n", label, t->iso);
    printf("  precision: %s\n", newsmeta_precision_name(t->precision));
    if (t->offset_known)
        printf("  offset:    %+d min\n", (int)t->offset_minutes);
    else
        printf("  offset:    unknown\n");
    if (t->offset_known && t->precision >= NEWSMETA_PRECISION_HOUR)
        printf("  utc:       %lld\n", (long long)t->utc_seconds);
    printf("  zone:      %s\n", or_none(t->zone));
    printf("  raw:       %s\n", or_none(t->raw));
    printf("  source:    %s\n", newsmeta_source_name(t->source));
}

static void print_article(const newsmeta_article *a)
{
    /* The first line is checked by tests/install (headline, two spaces). */
    printf("%-10s %s\n", "headline:", or_none(a->headline));
    printf("%-10s %s\n", "url:", or_none(a->url));
    printf("%-10s %s\n", "byline:", or_none(a->byline));
    for (size_t i = 0; i < a->author_count; i++)
        printf("%-10s %s\n", "author:", a->authors[i]);
    printf("%-10s %s\n", "publisher:", or_none(a->publisher));
    printf("%-10s %s\n", "agency:", or_none(a->agency));
    print_time("published:", &a->published);
    print_time("modified:", &a->modified);
    printf("%-10s %s\n", "description:", or_none(a->description));
    printf("%-10s %s\n", "language:", or_none(a->language));
    printf("%-10s %s\n", "site_name:", or_none(a->site_name));
    printf("%-10s %s\n", "canonical_url:", or_none(a->canonical_url));
    printf("%-10s %s\n", "image:", or_none(a->image));
    printf("%-10s %s\n", "image_credit:", or_none(a->image_credit));
    printf("%-10s %s\n", "section:", or_none(a->section));
    for (size_t i = 0; i < a->tag_count; i++)
        printf("%-10s %s\n", "tag:", a->tags[i]);
    printf("%-10s %s\n", "charset:", or_none(a->charset));

    /* Where each field was found ("none" when it was not). */
    const newsmeta_sources *s = &a->sources;
    printf("sources:   headline=%s byline=%s authors=%s publisher=%s\n",
           newsmeta_source_name(s->headline), newsmeta_source_name(s->byline),
           newsmeta_source_name(s->authors), newsmeta_source_name(s->publisher));
    printf("           description=%s language=%s site_name=%s canonical_url=%s\n",
           newsmeta_source_name(s->description), newsmeta_source_name(s->language),
           newsmeta_source_name(s->site_name), newsmeta_source_name(s->canonical_url));
    printf("           image=%s section=%s tags=%s body=%s\n", newsmeta_source_name(s->image),
           newsmeta_source_name(s->section), newsmeta_source_name(s->tags),
           newsmeta_source_name(s->body));

    printf("\n%zu paragraphs:\n", a->paragraph_count);
    for (size_t i = 0; i < a->paragraph_count; i++) {
        const newsmeta_paragraph *p = &a->paragraphs[i];
        if (p->kind == NEWSMETA_HEADING)
            printf("[%zu %s %d] %s\n", i, newsmeta_paragraph_kind_name(p->kind),
                   (int)p->level, p->text);
        else
            printf("[%zu %s] %s\n", i, newsmeta_paragraph_kind_name(p->kind), p->text);
    }

    printf("\n%zu links:\n", a->link_count);
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        const char *kind = l->kind == NEWSMETA_LINK_BODY ? "body" : "related";
        if (l->paragraph >= 0)
            /* start/end are byte offsets of the anchor text in that
             * paragraph's text */
            printf("link %s, paragraph %lld, bytes %zu-%zu: \"%s\" -> %s\n", kind,
                   (long long)l->paragraph, l->start, l->end, l->text, or_none(l->href));
        else
            printf("link %s: \"%s\" -> %s\n", kind, l->text, or_none(l->href));
    }

    printf("\n%zu captions:\n", a->caption_count);
    for (size_t i = 0; i < a->caption_count; i++)
        printf("caption:   %s\n", a->captions[i]);
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s FILE.html [URL]\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *html = read_file(argv[1], &len);
    if (!html) {
        perror(argv[1]);
        return 3;
    }

    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html(html, len, argc > 2 ? argv[2] : NULL, NULL, &a, &err);
    free(html); /* the article keeps nothing of the input */
    if (st != NEWSMETA_OK) {
        fprintf(stderr, "%s: %s (%s)\n", argv[1], err.message, newsmeta_strerror(st));
        return 1;
    }
    print_article(a);
    newsmeta_article_free(a);
    return 0;
}
