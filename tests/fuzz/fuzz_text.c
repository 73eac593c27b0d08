/* libFuzzer-style target for the plain-text input stage.
 *
 * LLVMFuzzerTestOneInput feeds the bytes to newsmeta_parse_text (with the
 * options chosen by the last byte, so every option path is reached),
 * serializes any result and checks the record's invariants (its own and
 * those of fuzz_common.h), aborting on a violation so a fuzzer (or the
 * replay driver) reports it.
 *
 * Built two ways (tests/CMakeLists.txt):
 *   - always, linked with replay_main.c: a ctest that replays the text
 *     fixtures, and simple mutations of them, through this function;
 *   - with -DNEWSMETA_FUZZ=ON and clang: a real libFuzzer binary,
 *     fuzz_text; tests/fuzz/run-fuzzer runs it (docs/fuzzing.md).
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "fuzz_text: invariant failed: %s (%s:%d)\n", #cond, __FILE__, \
                    __LINE__);                                                             \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

static void check_article(const newsmeta_article *a)
{
    for (size_t i = 0; i < a->paragraph_count; i++) {
        CHECK(a->paragraphs[i].text != NULL);
        CHECK(strlen(a->paragraphs[i].text) == a->paragraphs[i].length);
        CHECK(a->paragraphs[i].length > 0);
    }
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        CHECK(l->text != NULL);
        CHECK(l->href == NULL || l->href[0] != '\0');
        CHECK(l->paragraph >= -1 && l->paragraph < (int64_t)a->paragraph_count);
        if (l->kind == NEWSMETA_LINK_RELATED) {
            CHECK(l->start == l->end);
            continue;
        }
        /* a body link (from a text browser's link list): its text is the
         * slice of its paragraph it names */
        CHECK(l->kind == NEWSMETA_LINK_BODY && l->href != NULL && l->paragraph >= 0);
        const newsmeta_paragraph *p = &a->paragraphs[l->paragraph];
        CHECK(l->start < l->end && l->end <= p->length);
        CHECK(strlen(l->text) == l->end - l->start);
        CHECK(!memcmp(l->text, p->text + l->start, l->end - l->start));
    }
    for (size_t i = 0; i < a->author_count; i++)
        CHECK(a->authors[i] != NULL && a->authors[i][0] != '\0');
    CHECK(!a->published.present || a->published.iso != NULL);
    CHECK(!a->modified.present || a->modified.iso != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    newsmeta_options o;
    newsmeta_options_init(&o);
    if (size > 0) {
        uint8_t sel = data[size - 1];
        if (sel & 1)
            o.flags |= NEWSMETA_OPT_NO_LINKS;
        if ((sel & 6) == 6)
            o.flags |= NEWSMETA_OPT_NO_BODY;
        if (sel & 8)
            o.default_timezone = "Asia/Kolkata";
    }
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_text((const char *)data, size, NULL, &o, &a, &err);
    CHECK(err.code == st);
    CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
    CHECK(st != NEWSMETA_ERR_PARSE && st != NEWSMETA_ERR_INTERNAL);
    if (st != NEWSMETA_OK) {
        CHECK(a == NULL);
        return 0;
    }
    CHECK(a != NULL);
    check_article(a);
    fuzz_check_article(a, &o); /* the invariants of every record */
    if (o.flags & NEWSMETA_OPT_NO_LINKS)
        CHECK(a->link_count == 0);
    if (o.flags & NEWSMETA_OPT_NO_BODY)
        CHECK(a->paragraph_count == 0);
    char *json = NULL;
    size_t len = 0;
    CHECK(newsmeta_to_json(a, 0, &json, &len, NULL) == NEWSMETA_OK);
    CHECK(json != NULL && strlen(json) == len);
    newsmeta_free(json);
    newsmeta_article_free(a);
    return 0;
}
