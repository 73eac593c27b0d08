/* Prints the headline of the page on standard input. */
#include <stdio.h>

#include <newsmeta.h>

int main(void)
{
    static char page[1 << 20];
    size_t n = fread(page, 1, sizeof page, stdin);
    newsmeta_article *a = NULL;
    newsmeta_error err;
    if (newsmeta_parse_html(page, n, NULL, NULL, &a, &err) != NEWSMETA_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    printf("%s\n", a->headline ? a->headline : "");
    newsmeta_article_free(a);
    return 0;
}
