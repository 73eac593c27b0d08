/* libFuzzer target for newsmeta_parse_html: any bytes, every option path.
 *
 * The last byte of the input chooses the options, so the fuzzer reaches
 * them all: the flags, a default zone, a charset option (a single-byte
 * one, Shift_JIS, UTF-16LE), tiny limits (so the truncation paths run on
 * small inputs) and a page URL. Every record returned must satisfy the
 * invariants of fuzz_common.h (UTF-8 and NFC strings, link offsets inside
 * their paragraph at character boundaries, counts within the limits, JSON
 * that serializes); every failure must be a clear status with a message.
 *
 * Built two ways (tests/CMakeLists.txt): linked with replay_main.c, a
 * ctest replaying tests/fixtures and mutations of them in every build; and
 * with -DNEWSMETA_FUZZ=ON (clang), the libFuzzer binary fuzz_html. See
 * docs/fuzzing.md. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const CHARSETS[] = {NULL, "windows-1251", "shift_jis", "utf-16le"};
    newsmeta_options o;
    newsmeta_options_init(&o);
    const char *url = NULL;
    if (size > 0) {
        uint8_t sel = data[size - 1];
        if (sel & 1)
            o.flags |= NEWSMETA_OPT_NO_LINKS;
        if ((sel & 6) == 6)
            o.flags |= NEWSMETA_OPT_NO_BODY;
        if (sel & 8)
            o.default_timezone = "America/New_York";
        o.charset = CHARSETS[(sel >> 4) & 3];
        if (sel & 64) {
            o.max_depth = 6;
            o.max_paragraphs = 3;
            o.max_links = 2;
            o.max_jsonld_bytes = 256;
            o.max_jsonld_depth = 3;
        }
        if (sel & 128)
            url = "https://www.example.test/news/2024/05/01/a-story.html";
    }
    newsmeta_article *a = (newsmeta_article *)&o; /* must be reset */
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html((const char *)data, size, url, &o, &a, &err);
    FUZZ_CHECK(err.code == st);
    FUZZ_CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
    FUZZ_CHECK(st != NEWSMETA_ERR_INTERNAL && st != NEWSMETA_ERR_INVALID_ARGUMENT);
    if (st != NEWSMETA_OK) {
        FUZZ_CHECK(a == NULL);
        FUZZ_CHECK(err.message[0] != '\0');
        return 0;
    }
    FUZZ_CHECK(a != NULL);
    fuzz_check_article(a, &o);
    if (url)
        FUZZ_CHECK(a->url && !strcmp(a->url, url));
    newsmeta_article_free(a);
    return 0;
}
