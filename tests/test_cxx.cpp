// The public header must compile as C++ (extern "C", no C-only syntax) and
// link: C++ crawlers and bindings include it directly.
#include "newsmeta.h"

#include <cstdio>
#include <cstring>

int main()
{
    newsmeta_options options;
    newsmeta_options_init(&options);
    static const char page[] = "<p>A paragraph of text from C++, long enough to be an article.</p>";
    newsmeta_article *article = nullptr;
    newsmeta_error error;
    newsmeta_status st =
        newsmeta_parse_html(page, sizeof page - 1, nullptr, &options, &article, &error);
    if (st != NEWSMETA_OK || !article || article->paragraph_count != 1) {
        std::fprintf(stderr, "parse failed: %s\n", error.message);
        return 1;
    }
    char *json = nullptr;
    st = newsmeta_to_json(article, NEWSMETA_JSON_PRETTY, &json, nullptr, &error);
    newsmeta_article_free(article);
    if (st != NEWSMETA_OK)
        return 1;
    newsmeta_free(json);
    bool ok = std::strcmp(newsmeta_version(), NEWSMETA_VERSION_STRING) == 0 &&
              newsmeta_version_number() == NEWSMETA_VERSION &&
              options.size == sizeof(newsmeta_options);
    return ok ? 0 : 1;
}
