/* libFuzzer target for the date stage (lib/date*.c), internal functions:
 * nmi_parse_date() on the text (as every date candidate of a page is
 * read), then nmi_time_to_public() (the ISO string and the instant), and
 * nmi_date_from_url() on the same text taken as a URL.
 *
 * The first byte chooses the context: bits 0-2 the page's language (none,
 * en-US, en-IN, fr-FR, de-DE, ja-JP, es-MX, ru-RU: month names and date
 * orders), bit 3 a default zone for naive times. The rest, up to a NUL, is
 * the date text.
 *
 * Checked: a parsed time has fields in range for its precision, a known
 * offset within a day, an ISO string, and UTC seconds that agree with the
 * civil fields and the offset. Linked against the static library (internal
 * symbols are hidden in the shared one); fuzz_date_replay replays the
 * seeds (tests/fuzz/seeds/date: the raw dates of the fixtures and assorted
 * formats) under ctest; -DNEWSMETA_FUZZ=ON builds the libFuzzer binary
 * fuzz_date. */
#include "fuzz_common.h"
#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_time(nmi_ctx *ctx, const nmi_time *t, const char *raw)
{
    FUZZ_CHECK(t->precision >= NEWSMETA_PRECISION_YEAR &&
               t->precision <= NEWSMETA_PRECISION_SECOND);
    if (t->precision >= NEWSMETA_PRECISION_MONTH)
        FUZZ_CHECK(t->month >= 1 && t->month <= 12);
    if (t->precision >= NEWSMETA_PRECISION_DAY)
        FUZZ_CHECK(t->day >= 1 && t->day <= 31);
    if (t->precision >= NEWSMETA_PRECISION_HOUR)
        FUZZ_CHECK(t->hour >= 0 && t->hour <= 23);
    if (t->precision >= NEWSMETA_PRECISION_MINUTE)
        FUZZ_CHECK(t->minute >= 0 && t->minute <= 59);
    if (t->precision >= NEWSMETA_PRECISION_SECOND)
        FUZZ_CHECK(t->second >= 0 && t->second <= 60);
    if (t->offset_known)
        FUZZ_CHECK(t->offset_minutes >= -24 * 60 && t->offset_minutes <= 24 * 60);

    newsmeta_timestamp ts;
    memset(&ts, 0, sizeof ts);
    nmi_time_to_public(ctx, t, raw, NEWSMETA_SOURCE_META, &ts);
    if (ctx->oom)
        return;
    FUZZ_CHECK(ts.present);
    FUZZ_CHECK(ts.iso != NULL && strlen(ts.iso) >= 4);
    for (const char *p = ts.iso; *p; p++)
        FUZZ_CHECK((unsigned char)*p < 0x80);
    FUZZ_CHECK(ts.precision == t->precision);
    FUZZ_CHECK(ts.offset_known == t->offset_known);
    if (ts.offset_known && ts.precision >= NEWSMETA_PRECISION_HOUR) {
        int64_t days = nmi_days_from_civil(t->year, t->month, t->day);
        int64_t want = days * 86400 + (int64_t)t->hour * 3600 + (int64_t)t->minute * 60 +
                       (ts.precision >= NEWSMETA_PRECISION_SECOND ? t->second : 0) -
                       (int64_t)t->offset_minutes * 60;
        FUZZ_CHECK(ts.utc_seconds == want);
    }
    fuzz_check_timestamp(&ts, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const LANGS[] = {NULL,    "en-US", "en-IN", "fr-FR",
                                        "de-DE", "ja-JP", "es-MX", "ru-RU"};
    if (size == 0)
        return 0;
    newsmeta_init();
    uint8_t sel = data[0];
    data++, size--;
    size_t n = 0;
    while (n < size && data[n])
        n++;
    char *s = malloc(n + 1);
    FUZZ_CHECK(s != NULL);
    memcpy(s, data, n);
    s[n] = '\0';

    nmi_arena arena = {NULL};
    nmi_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.arena = &arena;
    newsmeta_options_init(&ctx.opts);
    if (sel & 8)
        ctx.opts.default_timezone = "Asia/Kolkata";
    const char *lang = LANGS[sel & 7];
    if (lang)
        nmi_add_cand(&ctx, NMI_F_LANGUAGE, lang, strlen(lang), 10, NEWSMETA_SOURCE_META);

    nmi_time t;
    memset(&t, 0, sizeof t);
    /* page text is always UTF-8 by the time dates are read; URLs are the
     * caller's bytes */
    bool utf8 = fuzz_utf8_ok(s, n);
    if (utf8 && nmi_parse_date(&ctx, s, &t))
        check_time(&ctx, &t, s);
    memset(&t, 0, sizeof t);
    if (nmi_date_from_url(s, &t))
        check_time(&ctx, &t, utf8 ? s : "(url)");

    for (int f = 0; f < NMI_F_COUNT; f++)
        free(ctx.ev.cands[f].items);
    nmi_arena_release(&arena);
    free(s);
    return 0;
}
