/* A program that uses an installed newsmeta, as a user's would: parse a
 * small page and print its headline. Built by tests/install/install-test.sh
 * twice, once with pkg-config and once with find_package(newsmeta). */
#include <stdio.h>
#include <string.h>

#include <newsmeta.h>

static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Lighthouse keepers return to Cape Morrow | The Coastline Courier</title>"
    "<meta property=\"og:title\" content=\"Lighthouse keepers return to Cape Morrow\">"
    "</head><body><article>"
    "<h1>Lighthouse keepers return to Cape Morrow</h1>"
    "<p>For the first time in forty years the lamp at Cape Morrow has keepers living "
    "beside it, after the trust that owns the tower hired a couple to run its new museum.</p>"
    "<p>The pair will also log the weather every three hours, as keepers did until 1986.</p>"
    "</article></body></html>";

int main(void)
{
    /* The installed header and the library found at run time must agree. */
    if (strcmp(newsmeta_version(), NEWSMETA_VERSION_STRING) != 0 ||
        newsmeta_version_number() != NEWSMETA_VERSION) {
        fprintf(stderr, "version mismatch: header %s, library %s\n", NEWSMETA_VERSION_STRING,
                newsmeta_version());
        return 1;
    }
    newsmeta_article *a = NULL;
    newsmeta_error err;
    if (newsmeta_parse_html(page, sizeof page - 1, "https://courier.example/cape-morrow", NULL, &a,
                            &err) != NEWSMETA_OK) {
        fprintf(stderr, "newsmeta: %s\n", err.message);
        return 1;
    }
    printf("headline: %s\n", a->headline ? a->headline : "(none)");
    newsmeta_article_free(a);
    return 0;
}
