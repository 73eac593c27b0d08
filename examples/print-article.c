/* Print the headline, authors, date and body of an HTML page with newsmeta.
 *
 *   cc print-article.c $(pkg-config --cflags --libs newsmeta) -o print-article
 *   ./print-article sample-article.html https://www.tidewater-ledger.example/...
 */
#include <stdio.h>
#include <stdlib.h>

#include <newsmeta.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE.html [URL]\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 3;
    }
    static char buf[1 << 20]; /* enough for an example; the CLI reads any size */
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (len == sizeof buf) {
        fprintf(stderr, "%s: too large for this example\n", argv[1]);
        return 3;
    }

    newsmeta_article *a = NULL;
    newsmeta_error err;
    if (newsmeta_parse_html(buf, len, argc > 2 ? argv[2] : NULL, NULL, &a, &err) != NEWSMETA_OK) {
        fprintf(stderr, "newsmeta: %s\n", err.message);
        return 1;
    }
    printf("headline:  %s\n", a->headline ? a->headline : "(none)");
    for (size_t i = 0; i < a->author_count; i++)
        printf("author:    %s\n", a->authors[i]);
    if (a->published.present)
        printf("published: %s (from %s)\n", a->published.iso,
               newsmeta_source_name(a->published.source));
    for (size_t i = 0; i < a->paragraph_count; i++)
        printf("\n[%s] %s\n", newsmeta_paragraph_kind_name(a->paragraphs[i].kind),
               a->paragraphs[i].text);
    newsmeta_article_free(a);
    return 0;
}
