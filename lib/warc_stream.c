/* The plain bytes of a WARC archive, as one stream the record reader walks.
 *
 * A plain archive is its own stream: the window is the whole (mapped) file
 * and nothing is copied. A gzip archive is a series of members (crawlers
 * compress each record on its own, so a reader can start at any record);
 * zlib inflates them one after the other into a bounded window. When a
 * member's data is damaged or cut, or bytes that are no gzip member sit
 * between members, the stream stops there with a break: the record reader
 * reports it and lets the stream go on at the next gzip header. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "warc.h"

/* Plain bytes inflated per step: large enough that zlib's per-call cost is
 * nothing, small enough that a reader asking for a header does not inflate
 * a whole record it will skip. */
#define INFLATE_STEP ((size_t)256 * 1024)

static bool gzip_header_at(const nmi_warc_stream *s, size_t at)
{
    /* ID1 ID2 and the only compression method gzip defines (deflate) */
    return at + 3 <= s->archive_len && s->archive[at] == 0x1f && s->archive[at + 1] == 0x8b &&
           s->archive[at + 2] == 0x08;
}

static size_t next_gzip_header(const nmi_warc_stream *s, size_t from)
{
    for (size_t at = from; at + 3 <= s->archive_len; at++) {
        const unsigned char *hit = memchr(s->archive + at, 0x1f, s->archive_len - at);
        if (!hit)
            break;
        at = (size_t)(hit - s->archive);
        if (gzip_header_at(s, at))
            return at;
    }
    return s->archive_len;
}

void nmi_warc_stream_open(nmi_warc_stream *s, const unsigned char *archive, size_t len,
                          size_t window_limit)
{
    memset(s, 0, sizeof *s);
    s->archive = archive;
    s->archive_len = len;
    s->window_limit = window_limit;
    s->gzip = len >= 2 && archive[0] == 0x1f && archive[1] == 0x8b;
    if (!s->gzip) {
        s->window = archive;
        s->window_len = len;
        s->at_end = true;
    }
}

void nmi_warc_stream_close(nmi_warc_stream *s)
{
    if (s->z_ready)
        inflateEnd(&s->z);
    free(s->owned);
    free(s->members);
    memset(s, 0, sizeof *s);
}

static uint64_t window_end(const nmi_warc_stream *s)
{
    return s->window_at + s->window_len;
}

static void set_break(nmi_warc_stream *s, uint64_t archive_at, size_t resume_at, const char *why)
{
    s->has_break = true;
    s->pending.plain_at = window_end(s);
    s->pending.archive_at = archive_at;
    snprintf(s->pending.why, sizeof s->pending.why, "%s", why);
    s->member_open = false;
    s->next_in = resume_at;
}

/* At s->next_in, between members: opens the next member, or notes the end
 * of the archive, or a break over bytes that are no gzip member. */
static bool open_member(nmi_warc_stream *s, bool *nomem)
{
    size_t at = s->next_in;
    size_t rest = s->archive_len - at;
    /* NUL or blank padding after the last member is not damage */
    while (rest && (s->archive[at + rest - 1] == 0 || s->archive[at + rest - 1] == '\n' ||
                    s->archive[at + rest - 1] == '\r' || s->archive[at + rest - 1] == ' '))
        rest--;
    if (rest == 0) {
        s->at_end = true;
        return false;
    }
    if (!gzip_header_at(s, at)) {
        char why[96];
        size_t next = next_gzip_header(s, at + 1);
        snprintf(why, sizeof why, "%zu bytes that are not gzip data", next - at);
        set_break(s, at, next, why);
        return false;
    }
    if (!s->z_ready) {
        memset(&s->z, 0, sizeof s->z);
        int rc = inflateInit2(&s->z, 15 + 16); /* gzip wrapper only */
        if (rc != Z_OK) {
            *nomem = true;
            return false;
        }
        s->z_ready = true;
    } else {
        inflateReset(&s->z);
    }
    s->members = nmi_grow(NULL, s->members, s->member_count, &s->member_cap,
                          sizeof *s->members, 8);
    if (!s->members) {
        *nomem = true;
        return false;
    }
    s->members[s->member_count++] = (nmi_warc_member){window_end(s), at};
    s->member_open = true;
    return true;
}

/* Room for at least some plain bytes after the window, within the limit. */
static size_t window_room(nmi_warc_stream *s, bool *nomem)
{
    size_t want = s->window_len + INFLATE_STEP;
    if (want > s->window_limit)
        want = s->window_limit;
    if (s->owned_cap < want) {
        unsigned char *grown = realloc(s->owned, want);
        if (!grown) {
            *nomem = true;
            return 0;
        }
        s->owned = grown;
        s->owned_cap = want;
        s->window = grown;
    }
    return s->owned_cap - s->window_len;
}

/* One inflate step of the open member. */
static void inflate_step(nmi_warc_stream *s, bool *nomem)
{
    size_t room = window_room(s, nomem);
    if (room == 0)
        return;
    size_t in_len = s->archive_len - s->next_in;
    if (in_len > UINT_MAX)
        in_len = UINT_MAX;
    if (room > UINT_MAX)
        room = UINT_MAX;
    s->z.next_in = (Bytef *)(uintptr_t)(s->archive + s->next_in);
    s->z.avail_in = (uInt)in_len;
    s->z.next_out = s->owned + s->window_len;
    s->z.avail_out = (uInt)room;
    int rc = inflate(&s->z, Z_NO_FLUSH);
    s->window_len += room - s->z.avail_out;
    s->next_in += in_len - s->z.avail_in;
    uint64_t member_at = s->members[s->member_count - 1].archive_at;
    if (rc == Z_STREAM_END) {
        s->member_open = false;
    } else if (rc == Z_MEM_ERROR) {
        *nomem = true;
    } else if (rc == Z_BUF_ERROR || (rc == Z_OK && s->next_in >= s->archive_len &&
                                      s->z.avail_out > 0)) {
        /* no progress possible: the member's data ends with the archive */
        set_break(s, member_at, s->archive_len, "a gzip member cut at the end of the archive");
    } else if (rc != Z_OK) {
        char why[96];
        snprintf(why, sizeof why, "damaged gzip data (%s)", s->z.msg ? s->z.msg : "zlib error");
        set_break(s, member_at, next_gzip_header(s, (size_t)member_at + 1), why);
    }
}

uint64_t nmi_warc_stream_fill(nmi_warc_stream *s, uint64_t end, bool *nomem)
{
    *nomem = false;
    while (s->gzip && window_end(s) < end && !s->has_break && !s->at_end && !*nomem &&
           s->window_len < s->window_limit) {
        if (!s->member_open && !open_member(s, nomem))
            continue;
        inflate_step(s, nomem);
    }
    return window_end(s);
}

void nmi_warc_stream_drop(nmi_warc_stream *s, uint64_t offset)
{
    if (!s->gzip || offset <= s->window_at)
        return;
    uint64_t gone = offset - s->window_at;
    if (gone > s->window_len)
        gone = s->window_len;
    memmove(s->owned, s->owned + gone, s->window_len - (size_t)gone);
    s->window_len -= (size_t)gone;
    s->window_at += gone;
    /* keep the member holding the first byte still wanted, and those after */
    size_t keep_from = 0;
    while (keep_from + 1 < s->member_count && s->members[keep_from + 1].plain_at <= offset)
        keep_from++;
    if (keep_from) {
        memmove(s->members, s->members + keep_from,
                (s->member_count - keep_from) * sizeof *s->members);
        s->member_count -= keep_from;
    }
}

const nmi_warc_break *nmi_warc_stream_break(const nmi_warc_stream *s)
{
    return s->has_break ? &s->pending : NULL;
}

void nmi_warc_stream_pass_break(nmi_warc_stream *s)
{
    /* The bytes before the break are of no use to anyone now. */
    if (s->gzip)
        nmi_warc_stream_drop(s, s->pending.plain_at);
    s->restart_at = s->pending.plain_at;
    s->has_break = false;
}

uint64_t nmi_warc_stream_archive_offset(const nmi_warc_stream *s, uint64_t plain_at)
{
    if (!s->gzip)
        return plain_at;
    uint64_t at = s->next_in;
    for (size_t i = 0; i < s->member_count && s->members[i].plain_at <= plain_at; i++)
        at = s->members[i].archive_at;
    return at;
}
