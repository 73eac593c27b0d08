/* libFuzzer target for the JSON-LD stage (lib/jsonld.c), an internal
 * function: the input is the text of one <script type="application/ld+json">
 * block. It is read into a fresh per-call context as the HTML path does,
 * then its dates are read (nmi_read_dates) and the record is built from
 * the candidates it left (reconcile*.c: headline vote, author and byline
 * splitting, dates) and checked
 * with the invariants of fuzz_common.h.
 *
 * The first byte chooses the limits: bit 0 tiny JSON-LD limits (depth 3,
 * 200 bytes), bit 1 a default zone, bit 2 a page URL (the base for the
 * image and canonical URLs). It is still part of the JSON text, which is
 * made UTF-8 without NUL first, as the stage always gets it.
 *
 * Linked against the static library (internal symbols are hidden in the
 * shared one). Built as fuzz_jsonld_replay for ctest (seeds: the JSON-LD
 * blocks of the fixtures, tests/fuzz/seeds/jsonld) and, with
 * -DNEWSMETA_FUZZ=ON, as the libFuzzer binary fuzz_jsonld. */
#include "fuzz_common.h"
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* data as UTF-8 text into out (size + 1 bytes); returns its length. */
static size_t utf8_text(const uint8_t *data, size_t size, char *out)
{
    int32_t at = 0, n = 0, end = size > INT32_MAX ? INT32_MAX : (int32_t)size;
    while (at < end && data[at]) {
        int32_t start = at;
        UChar32 c;
        U8_NEXT(data, at, end, c);
        if (c < 0) {
            out[n++] = '?';
            at = start + 1;
        } else {
            memcpy(out + n, data + start, (size_t)(at - start));
            n += at - start;
        }
    }
    out[n] = '\0';
    return (size_t)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    newsmeta_init();
    nmi_arena arena = {NULL};
    nmi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.arena = &arena;
    newsmeta_options_init(&ctx.opts);
    uint8_t sel = size ? data[0] : 0;
    if (sel & 1) {
        ctx.opts.max_jsonld_depth = 3;
        ctx.opts.max_jsonld_bytes = 200;
    }
    if (sel & 2)
        ctx.opts.default_timezone = "Europe/Paris";
    if (sel & 4) {
        ctx.url = "https://www.example.test/world/2023/02/28/story";
        ctx.base = ctx.url;
    }
    ctx.charset = "UTF-8";
    /* The stage's input is the text of a <script> element of the parsed
     * page: UTF-8 with no NUL. Make the bytes so: stop at a NUL, and each
     * byte that starts no valid sequence becomes '?'. */
    char *text = malloc(size + 1);
    FUZZ_CHECK(text != NULL);
    size = utf8_text(data, size, text);
    nmi_jsonld(&ctx, text, size);
    nmi_read_dates(&ctx, NULL); /* the dates found, read as the pipeline reads them */
    if (size > ctx.opts.max_jsonld_bytes)
        FUZZ_CHECK(ctx.truncated & NEWSMETA_TRUNCATED_JSONLD);
    /* every candidate is a clean, non-empty, valid UTF-8 string (Jansson
     * checks the block's bytes; escapes of lone surrogates and of NUL are
     * read as U+FFFD) */
    for (int f = 0; f < NMI_F_COUNT; f++)
        for (size_t i = 0; i < ctx.ev.cands[f].count; i++) {
            const char *v = ctx.ev.cands[f].items[i].value;
            FUZZ_CHECK(v != NULL && v[0] != '\0');
            FUZZ_CHECK(fuzz_utf8_ok(v, strlen(v)));
            FUZZ_CHECK(ctx.ev.cands[f].items[i].source == NEWSMETA_SOURCE_JSONLD);
        }
    if (!ctx.oom) {
        newsmeta_source hsrc = NEWSMETA_SOURCE_NONE;
        const char *headline = nmi_choose_headline(&ctx, &hsrc);
        newsmeta_article a;
        memset(&a, 0, sizeof a);
        if (nmi_build_article(&ctx, &a, headline, hsrc) == NEWSMETA_OK) {
            for (size_t i = 0; i < a.paragraph_count; i++)
                FUZZ_CHECK(a.paragraphs[i].text && strlen(a.paragraphs[i].text) ==
                                                       a.paragraphs[i].length);
            /* the record before api.c's final NFC pass: UTF-8 only */
            fuzz_check_timestamp(&a.published, 0);
            fuzz_check_timestamp(&a.modified, 0);
            for (size_t i = 0; i < a.author_count; i++)
                FUZZ_CHECK(a.authors[i] && a.authors[i][0]);
            char *json = NULL;
            size_t len = 0;
            FUZZ_CHECK(newsmeta_to_json(&a, 0, &json, &len, NULL) == NEWSMETA_OK);
            newsmeta_free(json);
        }
    }
    for (int f = 0; f < NMI_F_COUNT; f++)
        free(ctx.ev.cands[f].items);
    nmi_arena_release(&arena);
    free(text);
    return 0;
}
