/* Print the C layout of every public struct of newsmeta.h as JSON, so the
 * Python binding's ctypes mirror can be checked against the compiler
 * (bindings/python/tests/test_layout.py):
 *
 *   {"structs": {"newsmeta_error": {"size": 260, "align": 4,
 *                 "fields": [["code", 0, 4], ["message", 4, 256]]}, ...},
 *    "scalars": {"bool": [1, 1], "newsmeta_status": [4, 4], ...}}
 *
 * A field is [name, offsetof, sizeof]; a scalar is [sizeof, _Alignof].
 * Fields are listed in declaration order. A field appended to a struct in
 * the header but not here changes the struct's size, which the test also
 * compares, so it cannot go unnoticed. */
#include <stdalign.h>
#include <stddef.h>
#include <stdio.h>

#include "newsmeta.h"

static int first_struct = 1, first_field = 1;

static void begin(const char *name, size_t size, size_t align)
{
    printf("%s\n    \"%s\": {\"size\": %zu, \"align\": %zu, \"fields\": [", first_struct ? "" : ",",
           name, size, align);
    first_struct = 0;
    first_field = 1;
}

static void field(const char *name, size_t offset, size_t size)
{
    printf("%s\n      [\"%s\", %zu, %zu]", first_field ? "" : ",", name, offset, size);
    first_field = 0;
}

static void end(void)
{
    printf("\n    ]}");
}

#define BEGIN(T) begin(#T, sizeof(T), alignof(T))
#define FIELD(T, f) field(#f, offsetof(T, f), sizeof(((T *)0)->f))

int main(void)
{
    printf("{\n  \"structs\": {");

    BEGIN(newsmeta_error);
    FIELD(newsmeta_error, code);
    FIELD(newsmeta_error, message);
    end();

    BEGIN(newsmeta_options);
    FIELD(newsmeta_options, size);
    FIELD(newsmeta_options, flags);
    FIELD(newsmeta_options, charset);
    FIELD(newsmeta_options, default_timezone);
    FIELD(newsmeta_options, max_input_bytes);
    FIELD(newsmeta_options, max_depth);
    FIELD(newsmeta_options, max_paragraphs);
    FIELD(newsmeta_options, max_links);
    FIELD(newsmeta_options, max_jsonld_depth);
    FIELD(newsmeta_options, max_jsonld_bytes);
    FIELD(newsmeta_options, now);
    end();

    BEGIN(newsmeta_timestamp);
    FIELD(newsmeta_timestamp, present);
    FIELD(newsmeta_timestamp, offset_known);
    FIELD(newsmeta_timestamp, offset_minutes);
    FIELD(newsmeta_timestamp, utc_seconds);
    FIELD(newsmeta_timestamp, precision);
    FIELD(newsmeta_timestamp, iso);
    FIELD(newsmeta_timestamp, zone);
    FIELD(newsmeta_timestamp, raw);
    FIELD(newsmeta_timestamp, source);
    end();

    BEGIN(newsmeta_paragraph);
    FIELD(newsmeta_paragraph, kind);
    FIELD(newsmeta_paragraph, level);
    FIELD(newsmeta_paragraph, text);
    FIELD(newsmeta_paragraph, length);
    end();

    BEGIN(newsmeta_link);
    FIELD(newsmeta_link, href);
    FIELD(newsmeta_link, text);
    FIELD(newsmeta_link, kind);
    FIELD(newsmeta_link, paragraph);
    FIELD(newsmeta_link, start);
    FIELD(newsmeta_link, end);
    end();

    BEGIN(newsmeta_sources);
    FIELD(newsmeta_sources, headline);
    FIELD(newsmeta_sources, byline);
    FIELD(newsmeta_sources, authors);
    FIELD(newsmeta_sources, description);
    FIELD(newsmeta_sources, language);
    FIELD(newsmeta_sources, site_name);
    FIELD(newsmeta_sources, canonical_url);
    FIELD(newsmeta_sources, image);
    FIELD(newsmeta_sources, section);
    FIELD(newsmeta_sources, tags);
    FIELD(newsmeta_sources, body);
    FIELD(newsmeta_sources, publisher);
    end();

    BEGIN(newsmeta_article);
    FIELD(newsmeta_article, url);
    FIELD(newsmeta_article, headline);
    FIELD(newsmeta_article, byline);
    FIELD(newsmeta_article, authors);
    FIELD(newsmeta_article, author_count);
    FIELD(newsmeta_article, publisher);
    FIELD(newsmeta_article, published);
    FIELD(newsmeta_article, modified);
    FIELD(newsmeta_article, description);
    FIELD(newsmeta_article, language);
    FIELD(newsmeta_article, site_name);
    FIELD(newsmeta_article, canonical_url);
    FIELD(newsmeta_article, image);
    FIELD(newsmeta_article, image_credit);
    FIELD(newsmeta_article, section);
    FIELD(newsmeta_article, tags);
    FIELD(newsmeta_article, tag_count);
    FIELD(newsmeta_article, paragraphs);
    FIELD(newsmeta_article, paragraph_count);
    FIELD(newsmeta_article, links);
    FIELD(newsmeta_article, link_count);
    FIELD(newsmeta_article, charset);
    FIELD(newsmeta_article, sources);
    FIELD(newsmeta_article, captions);
    FIELD(newsmeta_article, caption_count);
    FIELD(newsmeta_article, agency);
    FIELD(newsmeta_article, charset_source);
    FIELD(newsmeta_article, truncated);
    end();

    BEGIN(newsmeta_warc_record);
    FIELD(newsmeta_warc_record, error);
    FIELD(newsmeta_warc_record, message);
    FIELD(newsmeta_warc_record, offset);
    FIELD(newsmeta_warc_record, record_id);
    FIELD(newsmeta_warc_record, date);
    FIELD(newsmeta_warc_record, target_uri);
    FIELD(newsmeta_warc_record, http_status);
    FIELD(newsmeta_warc_record, content_type);
    FIELD(newsmeta_warc_record, charset);
    FIELD(newsmeta_warc_record, body);
    FIELD(newsmeta_warc_record, body_length);
    end();

    BEGIN(newsmeta_warc_counts);
    FIELD(newsmeta_warc_counts, pages);
    FIELD(newsmeta_warc_counts, errors);
    FIELD(newsmeta_warc_counts, not_html);
    FIELD(newsmeta_warc_counts, requests);
    FIELD(newsmeta_warc_counts, metadata);
    FIELD(newsmeta_warc_counts, revisits);
    FIELD(newsmeta_warc_counts, warcinfo);
    FIELD(newsmeta_warc_counts, other);
    end();

    printf("\n  },\n  \"scalars\": {\n");
#define SCALAR(T, last) printf("    \"%s\": [%zu, %zu]%s\n", #T, sizeof(T), alignof(T), last ? "" : ",")
    SCALAR(bool, 0);
    SCALAR(newsmeta_status, 0);
    SCALAR(newsmeta_source, 0);
    SCALAR(newsmeta_precision, 0);
    SCALAR(newsmeta_paragraph_kind, 0);
    SCALAR(newsmeta_link_kind, 0);
    SCALAR(newsmeta_charset_source, 1);
    printf("  }\n}\n");
    return ferror(stdout) ? 1 : 0;
}
