/*
 * newsmeta — turn a news article into structured data.
 *
 * Copyright (c) 2026 the newsmeta developers. MIT licence (see LICENSE).
 */

/**
 * @file newsmeta.h
 * @brief The whole public API of newsmeta.
 *
 * newsmeta takes the bytes of a news page (HTML, with its URL when known)
 * and returns a ::newsmeta_article: headline, byline and authors,
 * publication and modification times with their UTC offset, body
 * paragraphs, links, and the usual page metadata. The record can be
 * serialized to JSON with newsmeta_to_json().
 *
 * @code
 * newsmeta_article *a = NULL;
 * newsmeta_error err;
 * if (newsmeta_parse_html(buf, len, "https://example.com/a", NULL, &a, &err)
 *         != NEWSMETA_OK) {
 *     fprintf(stderr, "newsmeta: %s\n", err.message);
 *     return 1;
 * }
 * printf("%s\n", a->headline ? a->headline : "(no headline)");
 * for (size_t i = 0; i < a->paragraph_count; i++)
 *     printf("%s\n\n", a->paragraphs[i].text);
 * newsmeta_article_free(a);
 * @endcode
 *
 * **Thread safety.** newsmeta keeps no mutable global state. Any number of
 * threads may call the parse and serialize functions at the same time, on
 * different inputs. An article is read-only once returned, so several
 * threads may also read the same article. The only global step is the
 * one-time initialization of libxml2, done by newsmeta_init() (called
 * automatically and safely by the first parse).
 *
 * **ABI promise.** Within one soname (`libnewsmeta.so.0`) fields are never
 * reordered, resized or removed, and enum values are never renumbered, so a
 * ctypes/cffi mirror written for one version stays valid for later ones.
 * Which structs may grow, and how:
 * - ::newsmeta_article grows at its end. Only the library allocates it, so
 *   a caller built against an older header simply does not see the new
 *   fields.
 * - ::newsmeta_options grows at its end. The caller allocates it; its
 *   `size` field tells the library which version the caller has, and the
 *   fields the caller lacks keep their defaults (newsmeta_options_init()).
 * - ::newsmeta_paragraph and ::newsmeta_link are **frozen**: they are
 *   elements of arrays the caller indexes with its own `sizeof`, so a new
 *   field would shift every element after the first. New facts about
 *   paragraphs or links are added as new parallel arrays or new fields of
 *   ::newsmeta_article instead.
 * - ::newsmeta_timestamp and ::newsmeta_sources are **frozen**: they are
 *   embedded in ::newsmeta_article, so growing them would move every field
 *   after them. New timestamps or provenance entries become new fields of
 *   ::newsmeta_article.
 * - ::newsmeta_error is **frozen**: the caller allocates it (often on the
 *   stack) and the library writes all of it.
 *
 * Each declaration says since which version it exists ("Since:"); fields
 * appended after 0.1.0 say so in their comment.
 *
 * **Strings.** Every string in a result is UTF-8, NUL-terminated and
 * NFC-normalized where the input allowed it. A field that was not found is
 * NULL (strings) or has a count of 0 (arrays); that is not an error.
 */
#ifndef NEWSMETA_H
#define NEWSMETA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "newsmeta_version.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @cond INTERNAL */
#if defined(NEWSMETA_BUILDING) && (defined(__GNUC__) || defined(__clang__))
#define NEWSMETA_API __attribute__((visibility("default")))
#else
#define NEWSMETA_API
#endif
/** @endcond */

/* ------------------------------------------------------------------ */
/* Version                                                             */
/* ------------------------------------------------------------------ */

/**
 * @brief The library version as a string, e.g. "0.2.0".
 *
 * Compare with ::NEWSMETA_VERSION_STRING to detect a header/library
 * mismatch.
 *
 * **Ownership:** static string; do not free.
 * **Errors:** none.
 * **Since:** 0.1.0
 */
NEWSMETA_API const char *newsmeta_version(void);

/**
 * @brief The library version as a number, (major << 16) | (minor << 8) | patch.
 *
 * Equals ::NEWSMETA_VERSION when header and library match.
 *
 * **Errors:** none. **Since:** 0.1.0
 */
NEWSMETA_API uint32_t newsmeta_version_number(void);

/** Version of the JSON output produced by newsmeta_to_json(); every record
 *  carries it as "schema_version". Raised when a key changes meaning. */
#define NEWSMETA_SCHEMA_VERSION 1

/* ------------------------------------------------------------------ */
/* Status codes                                                        */
/* ------------------------------------------------------------------ */

/**
 * @brief Result of every fallible call. Values are fixed; new codes are
 * only appended.
 */
typedef enum newsmeta_status {
    NEWSMETA_OK = 0,                  /**< Success. */
    NEWSMETA_ERR_INVALID_ARGUMENT = 1, /**< A required pointer was NULL, an option is out of range, or a caller's string (URL, charset, zone) is not valid UTF-8 or names no zone. */
    NEWSMETA_ERR_EMPTY_INPUT = 2,     /**< The input has no bytes, or only whitespace. */
    NEWSMETA_ERR_NOT_ARTICLE = 3,     /**< The input parsed, but holds no text and no metadata at all. */
    NEWSMETA_ERR_ENCODING = 4,        /**< The bytes could not be decoded: newsmeta_options::charset is no WHATWG label newsmeta reads, or a conversion failed. */
    NEWSMETA_ERR_TOO_LARGE = 5,       /**< The input exceeds newsmeta_options::max_input_bytes. */
    NEWSMETA_ERR_NOMEM = 6,           /**< Memory allocation failed. */
    NEWSMETA_ERR_BINARY = 7,          /**< The input is binary data (NUL bytes, control codes), not text. */
    NEWSMETA_ERR_PARSE = 8,           /**< The HTML parser could not build a document. */
    NEWSMETA_ERR_INTERNAL = 9,        /**< A bug in newsmeta; please report it. */
    NEWSMETA_ERR_IO = 10,             /**< A file could not be opened or read (since 0.2.0). */
    NEWSMETA_ERR_DAMAGED = 11         /**< A stretch of an archive could not be read: damaged or cut data, bytes that are no record (since 0.2.0). */
} newsmeta_status;

/**
 * @brief Optional, caller-allocated error details. Frozen (see the ABI
 * promise): it never grows.
 *
 * Every function taking a `newsmeta_error *` accepts NULL. On failure it
 * fills `code` and a one-line, NUL-terminated `message`; on success it sets
 * `code` to ::NEWSMETA_OK and `message` to "".
 */
typedef struct newsmeta_error {
    newsmeta_status code; /**< Same value the function returned. */
    char message[256];    /**< Human-readable, one line, UTF-8. */
} newsmeta_error;

/**
 * @brief A short, static description of a status code.
 *
 * **Ownership:** static string; do not free. Unknown values give
 * "unknown status".
 * **Since:** 0.1.0
 */
NEWSMETA_API const char *newsmeta_strerror(newsmeta_status status);

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

/** Flag: do not extract the body (paragraphs and links); metadata only. */
#define NEWSMETA_OPT_NO_BODY (1u << 0)
/** Flag: do not collect links. */
#define NEWSMETA_OPT_NO_LINKS (1u << 1)

/** Default for newsmeta_options::max_input_bytes (64 MiB). */
#define NEWSMETA_DEFAULT_MAX_INPUT_BYTES ((size_t)64 * 1024 * 1024)
/** Default for newsmeta_options::max_depth: element nesting looked at
 *  (libxml2 itself keeps no more than 256 levels). */
#define NEWSMETA_DEFAULT_MAX_DEPTH 256u
/** Largest accepted newsmeta_options::max_depth; larger values count as it. */
#define NEWSMETA_MAX_DEPTH_LIMIT 512u
/** Default for newsmeta_options::max_paragraphs (body blocks, and captions). */
#define NEWSMETA_DEFAULT_MAX_PARAGRAPHS 20000u
/** Default for newsmeta_options::max_links. */
#define NEWSMETA_DEFAULT_MAX_LINKS 20000u
/** Default for newsmeta_options::max_jsonld_bytes (4 MiB per JSON-LD block). */
#define NEWSMETA_DEFAULT_MAX_JSONLD_BYTES ((size_t)4 * 1024 * 1024)
/** Default for newsmeta_options::max_jsonld_depth. */
#define NEWSMETA_DEFAULT_MAX_JSONLD_DEPTH 64u
/** Largest accepted newsmeta_options::max_jsonld_depth; larger values count
 *  as it. */
#define NEWSMETA_MAX_JSONLD_DEPTH_LIMIT 1024u

/**
 * @brief Options for a parse. Initialize with newsmeta_options_init(); a
 * zero field means its safe default. Passing NULL instead of options means
 * all defaults.
 */
typedef struct newsmeta_options {
    /** sizeof(newsmeta_options) as the caller knows it; set by
     *  newsmeta_options_init(). Lets the struct grow without breaking old
     *  callers. */
    uint32_t size;
    /** Bitwise OR of NEWSMETA_OPT_* flags. */
    uint32_t flags;
    /** Charset the transport declared (HTTP Content-Type), e.g.
     *  "windows-1252"; NULL (or "") when unknown. A label of the WHATWG
     *  Encoding Standard, meaning what it says there ("latin1" is
     *  windows-1252); any other label, or one of the standard's
     *  replacement encoding (ISO-2022-KR, ISO-2022-CN, HZ), makes the
     *  parse fail with ::NEWSMETA_ERR_ENCODING and a message naming it.
     *  Must be valid UTF-8 (else ::NEWSMETA_ERR_INVALID_ARGUMENT). A byte
     *  order mark still wins. */
    const char *charset;
    /** IANA zone (e.g. "Europe/Paris") assumed for times printed without a
     *  zone. NULL: such times keep their offset marked unknown. A string
     *  that is not valid UTF-8, or an id ICU does not know, is
     *  ::NEWSMETA_ERR_INVALID_ARGUMENT rather than ignored. */
    const char *default_timezone;
    /** Largest input accepted, in bytes; 0 means
     *  ::NEWSMETA_DEFAULT_MAX_INPUT_BYTES. */
    size_t max_input_bytes;
    /** Deepest element nesting looked at (HTML): deeper elements and their
     *  text are ignored and newsmeta_article::truncated gets
     *  ::NEWSMETA_TRUNCATED_DEPTH. 0 means ::NEWSMETA_DEFAULT_MAX_DEPTH;
     *  values above ::NEWSMETA_MAX_DEPTH_LIMIT count as that limit.
     *  **Since:** 0.2.0, like the four below (appended after
     *  `max_input_bytes`, where 0.1.0's struct ended). */
    uint32_t max_depth;
    /** Most body blocks (and, separately, captions) kept; the rest are
     *  dropped and newsmeta_article::truncated gets
     *  ::NEWSMETA_TRUNCATED_PARAGRAPHS. 0 means
     *  ::NEWSMETA_DEFAULT_MAX_PARAGRAPHS. */
    uint32_t max_paragraphs;
    /** Most links kept; the rest are dropped and newsmeta_article::truncated
     *  gets ::NEWSMETA_TRUNCATED_LINKS. 0 means ::NEWSMETA_DEFAULT_MAX_LINKS. */
    uint32_t max_links;
    /** Deepest nesting followed inside a JSON-LD value; deeper values are
     *  ignored and newsmeta_article::truncated gets
     *  ::NEWSMETA_TRUNCATED_JSONLD. 0 means ::NEWSMETA_DEFAULT_MAX_JSONLD_DEPTH;
     *  values above ::NEWSMETA_MAX_JSONLD_DEPTH_LIMIT count as that limit. */
    uint32_t max_jsonld_depth;
    /** Largest JSON-LD block read, in bytes; larger blocks are skipped and
     *  newsmeta_article::truncated gets ::NEWSMETA_TRUNCATED_JSONLD. 0 means
     *  ::NEWSMETA_DEFAULT_MAX_JSONLD_BYTES. */
    size_t max_jsonld_bytes;
    /** The present moment of the date rules, in Unix seconds (UTC): a
     *  two-digit year ("05/10/18") is read within 80 years before and 20
     *  after this moment's year, and a date more than two days after it is
     *  not taken as the publication or modification date. 0 (the default)
     *  reads the system clock once when the parse starts; set it to parse
     *  an archived page as of its crawl, or to get the same record whatever
     *  the day. Values outside the years 1 to 9999 count as the nearest
     *  end of them. **Since:** 0.2.0 (appended after `max_jsonld_bytes`). */
    int64_t now;
} newsmeta_options;

/**
 * @brief Fill @p options with the defaults, as far as a caller's struct of
 * @p size bytes holds, and set its `size` field.
 *
 * Call it through the newsmeta_options_init() macro, which passes the
 * size of the struct as the caller's header declares it: a program built
 * against an older, smaller newsmeta_options keeps working when the
 * library's struct has grown, because only its bytes are written.
 * FFI users pass the size of their mirror of the struct.
 *
 * The struct has had three sizes: 0.1.0's (ending at `max_input_bytes`),
 * then up to `max_jsonld_bytes`, and 0.2.0's (up to `now`). The largest of
 * them that fits in @p size is written, and `size` set to it, so the
 * result is always a struct the parse functions accept; the parse
 * functions accept exactly these sizes.
 *
 * **Errors:** none (NULL, or a @p size smaller than 0.1.0's struct, is
 * ignored: nothing is written). **Since:** 0.1.0
 */
NEWSMETA_API void newsmeta_options_init_sized(newsmeta_options *options, size_t size);

/** @brief Fill @p options (a `newsmeta_options *`) with the defaults. */
#define newsmeta_options_init(options) \
    newsmeta_options_init_sized((options), sizeof(newsmeta_options))

/* ------------------------------------------------------------------ */
/* Result types                                                        */
/* ------------------------------------------------------------------ */

/**
 * @brief How the charset of the input was chosen (see
 * newsmeta_article::charset_source). Values are fixed.
 */
typedef enum newsmeta_charset_source {
    NEWSMETA_CHARSET_BOM = 0,      /**< A byte order mark (UTF-8, UTF-16LE, UTF-16BE). */
    NEWSMETA_CHARSET_OPTION = 1,   /**< newsmeta_options::charset, the caller's (transport's) charset. */
    NEWSMETA_CHARSET_META = 2,     /**< A `<meta charset>` or `<meta http-equiv="Content-Type">` declaration in the page. */
    NEWSMETA_CHARSET_DETECTED = 3, /**< The bytes themselves: valid UTF-8, or ICU's charset detector (also when a declaration was contradicted by the bytes). */
    NEWSMETA_CHARSET_DEFAULT = 4   /**< Nothing decided: ASCII-only input (read as UTF-8), or no detector answer (windows-1252). */
} newsmeta_charset_source;

/* The NEWSMETA_TRUNCATED_* bits: since 0.2.0, with newsmeta_article::truncated. */
/** Bit of newsmeta_article::truncated: elements nested deeper than
 *  newsmeta_options::max_depth (or than libxml2 keeps) were ignored. */
#define NEWSMETA_TRUNCATED_DEPTH (1u << 0)
/** Bit of newsmeta_article::truncated: body blocks or captions beyond
 *  newsmeta_options::max_paragraphs were dropped. */
#define NEWSMETA_TRUNCATED_PARAGRAPHS (1u << 1)
/** Bit of newsmeta_article::truncated: links beyond
 *  newsmeta_options::max_links were dropped. */
#define NEWSMETA_TRUNCATED_LINKS (1u << 2)
/** Bit of newsmeta_article::truncated: a JSON-LD block larger than
 *  newsmeta_options::max_jsonld_bytes was skipped, a value nested
 *  deeper than newsmeta_options::max_jsonld_depth was ignored, or an
 *  `{"@id": ...}` reference was left unresolved because the page has more
 *  than 256 objects with an `@id`. (A lone surrogate or `\u0000` escape is
 *  no loss: it is read as U+FFFD.) */
#define NEWSMETA_TRUNCATED_JSONLD (1u << 3)
/** Bit of newsmeta_article::truncated: an element with an absurd number of
 *  attributes (more than 256) kept only its first ones. */
#define NEWSMETA_TRUNCATED_ATTRIBUTES (1u << 4)
/** Bit of newsmeta_article::truncated: a text (or script) node reached
 *  libxml2's limit of 10,000,000 bytes, or plain-text input had more than
 *  200,000 lines; the rest of the page was not read. */
#define NEWSMETA_TRUNCATED_TEXT (1u << 5)
/** Bit of newsmeta_article::truncated: a page giving more than 4096 tags,
 *  or more than 4096 author names, had only the first ones read: `tags` or
 *  `authors` may lack the rest. */
#define NEWSMETA_TRUNCATED_VALUES (1u << 6)

/** @brief Where a value was found (provenance). */
typedef enum newsmeta_source {
    NEWSMETA_SOURCE_NONE = 0,      /**< Not found. */
    NEWSMETA_SOURCE_JSONLD = 1,    /**< A JSON-LD block (schema.org). */
    NEWSMETA_SOURCE_META = 2,      /**< A `<meta>` or `<link>` tag (OpenGraph, Twitter, Dublin Core, ...). */
    NEWSMETA_SOURCE_MICRODATA = 3, /**< `itemprop` microdata. */
    NEWSMETA_SOURCE_MARKUP = 4,    /**< Visible markup: `<title>`, `<h1>`, `<time>`, byline elements, body. */
    NEWSMETA_SOURCE_TEXT = 5,      /**< Visible text matched by pattern. */
    NEWSMETA_SOURCE_URL = 6,       /**< The page URL (e.g. a /2020/11/26/ path). */
    NEWSMETA_SOURCE_OPTION = 7     /**< A caller option. */
} newsmeta_source;

/** @brief How much of a timestamp is known. */
typedef enum newsmeta_precision {
    NEWSMETA_PRECISION_NONE = 0,
    NEWSMETA_PRECISION_YEAR = 1,
    NEWSMETA_PRECISION_MONTH = 2,
    NEWSMETA_PRECISION_DAY = 3,
    NEWSMETA_PRECISION_HOUR = 4,
    NEWSMETA_PRECISION_MINUTE = 5,
    NEWSMETA_PRECISION_SECOND = 6
} newsmeta_precision;

/**
 * @brief A point in time as the page gives it.
 *
 * `iso` is ISO 8601 at the known precision: "2021-03-03T18:05:00+05:30"
 * when the offset is known, "2021-03-03T18:05:00" (no offset) when it is
 * not, "2021-03-03" for a date alone. An offset is never invented.
 *
 * Embedded in ::newsmeta_article, therefore frozen (see the ABI promise).
 */
typedef struct newsmeta_timestamp {
    bool present;                 /**< False: nothing below is set. */
    bool offset_known;            /**< True when the page (or an option) gave the UTC offset. */
    int32_t offset_minutes;       /**< Offset east of UTC in minutes; valid when offset_known. */
    int64_t utc_seconds;          /**< Unix time of the instant; valid when offset_known and precision >= HOUR. */
    newsmeta_precision precision; /**< Finest unit given. */
    const char *iso;              /**< Normalized ISO 8601 string (see above). */
    const char *zone;             /**< Zone as seen ("IST", "Z", "+05:30") or its IANA id; NULL if none. */
    const char *raw;              /**< The source text the value was read from. */
    newsmeta_source source;       /**< Where it came from. */
} newsmeta_timestamp;

/** @brief Kind of a body block. */
typedef enum newsmeta_paragraph_kind {
    NEWSMETA_PARAGRAPH = 0,    /**< Running text. */
    NEWSMETA_HEADING = 1,      /**< A sub-heading inside the body. */
    NEWSMETA_QUOTE = 2,        /**< A block quotation. */
    NEWSMETA_LIST_ITEM = 3,    /**< One item of a list. */
    NEWSMETA_PREFORMATTED = 4  /**< Preformatted text (code, tables of figures); whitespace kept. */
} newsmeta_paragraph_kind;

/** @brief One block of the body, in reading order. An array element,
 *  therefore frozen (see the ABI promise). */
typedef struct newsmeta_paragraph {
    newsmeta_paragraph_kind kind; /**< What the block is. */
    int32_t level;                /**< Heading level 1-6 for headings, else 0. */
    const char *text;             /**< UTF-8 text, whitespace normalized (except preformatted). */
    size_t length;                /**< strlen(text), in bytes. */
} newsmeta_paragraph;

/** @brief Where a link sits. */
typedef enum newsmeta_link_kind {
    NEWSMETA_LINK_BODY = 0,    /**< Inside the article text. */
    NEWSMETA_LINK_RELATED = 1  /**< A related-article link ("Read more: ...", "Related"). */
} newsmeta_link_kind;

/** @brief A link found in or beside the body. An array element, therefore
 *  frozen (see the ABI promise). */
typedef struct newsmeta_link {
    const char *href;        /**< Absolute URL (resolved against `<base>` and the page URL); NULL when none is known. */
    const char *text;        /**< Anchor text, whitespace normalized. */
    newsmeta_link_kind kind; /**< Body or related. */
    int64_t paragraph;       /**< Index into newsmeta_article::paragraphs, or -1. For related links: the paragraph it follows. */
    size_t start;            /**< Byte offset of the anchor text inside that paragraph's text (body links). */
    size_t end;              /**< Byte offset one past its end; start == end for related links. */
} newsmeta_link;

/** @brief Where each field of an article came from. Embedded in
 *  ::newsmeta_article, therefore frozen (see the ABI promise). */
typedef struct newsmeta_sources {
    newsmeta_source headline; /**< Where newsmeta_article::headline came from. */
    newsmeta_source byline; /**< Where newsmeta_article::byline came from. */
    newsmeta_source authors; /**< Where newsmeta_article::authors came from. */
    newsmeta_source description; /**< Where newsmeta_article::description came from. */
    newsmeta_source language; /**< Where newsmeta_article::language came from. */
    newsmeta_source site_name; /**< Where newsmeta_article::site_name came from. */
    newsmeta_source canonical_url; /**< Where newsmeta_article::canonical_url came from. */
    newsmeta_source image; /**< Where newsmeta_article::image came from. */
    newsmeta_source section; /**< Where newsmeta_article::section came from. */
    newsmeta_source tags; /**< Where newsmeta_article::tags came from. */
    newsmeta_source body; /**< Where the paragraphs came from: ::NEWSMETA_SOURCE_MARKUP (HTML), ::NEWSMETA_SOURCE_JSONLD (the page's articleBody) or ::NEWSMETA_SOURCE_TEXT (plain-text input). */
    newsmeta_source publisher; /**< Where newsmeta_article::publisher came from. */
} newsmeta_sources;

/**
 * @brief The extracted record. Read-only for callers; all memory it points
 * to belongs to it and is released by newsmeta_article_free().
 *
 * Fields are only ever appended at the end (see the ABI promise above);
 * only the library allocates it.
 */
typedef struct newsmeta_article {
    const char *url;             /**< The page URL passed by the caller, or NULL. */
    const char *headline;        /**< The headline as displayed, without the site name. */
    const char *byline;          /**< The byline as printed ("By Jane Doe and John Smith"). */
    const char *const *authors;  /**< Person names, in order. */
    size_t author_count; /**< Number of entries in newsmeta_article::authors. */
    const char *publisher;       /**< Publishing organization or agency, if named. */
    newsmeta_timestamp published; /**< First publication. */
    newsmeta_timestamp modified;  /**< Last modification (never before `published`). */
    const char *description;     /**< Standfirst / summary. */
    const char *language;        /**< BCP 47 tag, e.g. "en-GB". */
    const char *site_name;       /**< Name of the site or publication. */
    const char *canonical_url;   /**< Canonical URL, absolute. */
    const char *image;           /**< Lead image URL, absolute. */
    const char *image_credit;    /**< Credit of the lead image, if printed. */
    const char *section;         /**< Section or category. */
    const char *const *tags;     /**< Keywords / tags, in page order, duplicates removed. */
    size_t tag_count; /**< Number of entries in newsmeta_article::tags. */
    const newsmeta_paragraph *paragraphs; /**< Body blocks in reading order. */
    size_t paragraph_count; /**< Number of entries in newsmeta_article::paragraphs. */
    const newsmeta_link *links;  /**< Links, body links first in order of appearance, then related links. */
    size_t link_count; /**< Number of entries in newsmeta_article::links. */
    const char *charset;         /**< Charset the input was decoded from, e.g. "UTF-8". */
    newsmeta_sources sources;    /**< Provenance of each field. */
    const char *const *captions; /**< Figure captions inside the body, in order, kept apart from the paragraphs. */
    size_t caption_count; /**< Number of entries in newsmeta_article::captions. */
    /** The organization credited beside or instead of the persons in
     *  `authors`: a news agency ("Reuters", "Associated Press", "PTI"), a
     *  desk or newsroom ("Staff", "Editorial Board", "Telegraph Sport"), or
     *  another outlet a story comes from ("Sioux Falls Argus Leader"). The
     *  site's own name counts only when no person is credited. NULL when
     *  none is. Appended after `caption_count`. */
    const char *agency;
    /** How `charset` was chosen: byte order mark, the caller's option, the
     *  page's `<meta>` declaration, detection from the bytes, or the
     *  default. **Since:** 0.2.0 (appended after `agency`). */
    newsmeta_charset_source charset_source;
    /** 0 when the whole input was looked at; otherwise the bitwise OR of
     *  the NEWSMETA_TRUNCATED_* bits of the limits that cut the record
     *  short (see newsmeta_options). The record is sound either way.
     *  **Since:** 0.2.0 (appended after `charset_source`). */
    uint32_t truncated;
} newsmeta_article;

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

/**
 * @brief One-time global initialization (libxml2). Optional and idempotent.
 *
 * The parse functions call it themselves on first use, in a thread-safe
 * way; call it early only to keep that cost out of a timed section.
 * newsmeta never calls xmlCleanupParser(), so other libxml2 users in the
 * same process are not disturbed.
 *
 * **Errors:** none. **Since:** 0.1.0
 */
NEWSMETA_API void newsmeta_init(void);

/**
 * @brief Extract an article from HTML bytes.
 *
 * @param html     The page bytes, in any charset (see newsmeta_options::charset).
 *                 Need not be NUL-terminated. Not modified; not kept.
 * @param length   Number of bytes in @p html.
 * @param url      The page URL, used as the base for relative links and as
 *                 a date hint; NULL when unknown. Must be valid UTF-8: it
 *                 is never cut or repaired, but refused.
 * @param options  NULL for the defaults.
 * @param[out] out On ::NEWSMETA_OK, a new article; otherwise set to NULL.
 * @param[out] error Optional; filled on return (see ::newsmeta_error).
 * @return ::NEWSMETA_OK, or ::NEWSMETA_ERR_INVALID_ARGUMENT (NULL @p out,
 *         NULL @p html with a non-zero length, an options `size` that is no
 *         version's size: see newsmeta_options_init_sized(); a @p url,
 *         `options->charset` or `options->default_timezone` that is not
 *         valid UTF-8, or a zone ICU does not know: the message names the
 *         argument),
 *         ::NEWSMETA_ERR_EMPTY_INPUT, ::NEWSMETA_ERR_TOO_LARGE,
 *         ::NEWSMETA_ERR_BINARY, ::NEWSMETA_ERR_ENCODING,
 *         ::NEWSMETA_ERR_PARSE, ::NEWSMETA_ERR_NOT_ARTICLE,
 *         ::NEWSMETA_ERR_NOMEM.
 *
 * **Ownership:** the caller owns `*out` and releases it with
 * newsmeta_article_free().
 * **Thread safety:** reentrant; may run on many threads at once.
 * **Since:** 0.1.0
 */
NEWSMETA_API newsmeta_status newsmeta_parse_html(const char *html, size_t length, const char *url,
                                                 const newsmeta_options *options,
                                                 newsmeta_article **out, newsmeta_error *error);

/**
 * @brief Extract an article from its plain-text rendering.
 *
 * For text saved from a browser, a text-mode browser or another tool:
 * lines are classified into headline, standfirst (description), byline,
 * dates, section label, body paragraphs, sub-headings, list items,
 * related-article lines ("Read: ...", links of kind
 * ::NEWSMETA_LINK_RELATED) and image credits, while menus, link lists,
 * tracker host names, share/follow widgets, footers and similar noise
 * around the article are dropped. A text browser's link markers ("[12]")
 * are taken out of the text; when its link list ("References") is there,
 * they become links with an absolute href (of kind ::NEWSMETA_LINK_BODY
 * inside paragraphs, where the anchor's text is taken to run to the next
 * punctuation mark, at most eight words). Without such a list, links have
 * no href. Dates
 * and bylines go through the same parsers as HTML. Line ends may be LF,
 * CRLF or CR; the charset is decided as for HTML (BOM, option, UTF-8,
 * detection).
 *
 * Parameters, return values, ownership and thread safety are those of
 * newsmeta_parse_html(); ::NEWSMETA_ERR_PARSE is never returned.
 * **Since:** 0.1.0
 */
NEWSMETA_API newsmeta_status newsmeta_parse_text(const char *text, size_t length, const char *url,
                                                 const newsmeta_options *options,
                                                 newsmeta_article **out, newsmeta_error *error);

/**
 * @brief Release an article and everything it points to. NULL is ignored.
 * **Since:** 0.1.0
 */
NEWSMETA_API void newsmeta_article_free(newsmeta_article *article);

/** Flag for newsmeta_to_json(): indent the output (2 spaces) instead of one line. */
#define NEWSMETA_JSON_PRETTY (1u << 0)

/**
 * @brief Serialize an article to JSON (the format of docs/schema.json).
 *
 * Every record carries "schema_version" (::NEWSMETA_SCHEMA_VERSION). Absent
 * fields are written as null (strings, timestamps) or [] (arrays), so every
 * key is always present. Compact output is a single line with no newline.
 * Should a string of @p article not be valid UTF-8 (the library's never
 * are; a caller may build its own article), each ill-formed sequence is
 * written as one U+FFFD and every valid character is kept.
 *
 * @param article The article (not modified).
 * @param flags   0 or ::NEWSMETA_JSON_PRETTY.
 * @param[out] out On success, a new NUL-terminated UTF-8 string.
 * @param[out] out_length Optional; its length in bytes.
 * @param[out] error Optional error details.
 * @return ::NEWSMETA_OK, ::NEWSMETA_ERR_INVALID_ARGUMENT, ::NEWSMETA_ERR_NOMEM.
 *
 * **Ownership:** release `*out` with newsmeta_free().
 * **Since:** 0.1.0
 */
NEWSMETA_API newsmeta_status newsmeta_to_json(const newsmeta_article *article, uint32_t flags,
                                              char **out, size_t *out_length,
                                              newsmeta_error *error);

/** @brief Output formats of newsmeta_render(). Values are fixed. **Since:** 0.2.0 */
typedef enum newsmeta_format {
    NEWSMETA_FORMAT_JSON = 0,     /**< The JSON record (newsmeta_to_json()). */
    NEWSMETA_FORMAT_TEXT = 1,     /**< Plain text: blocks separated by a blank line, list items as "- ". */
    NEWSMETA_FORMAT_MARKDOWN = 2, /**< CommonMark: headings, quotes, lists, fenced code, inline links. */
    NEWSMETA_FORMAT_HTML = 3      /**< Clean article HTML: h1-h6, p, blockquote, ul/li, pre, a. */
} newsmeta_format;

/** Flag for newsmeta_render(): a metadata header first (text: headline,
 *  authors, date and URL lines; Markdown: YAML front matter; HTML: a whole
 *  document whose `head` element holds title, authors, dates, description,
 *  canonical URL). Without it, HTML is an `article` element alone. */
#define NEWSMETA_RENDER_METADATA (1u << 1)

/**
 * @brief Write an article as text, Markdown, article HTML or JSON.
 *
 * The body's blocks keep their kinds (headings, quotes, consecutive list
 * items as one list, preformatted text as fenced code or a `pre` element); body links
 * are written inline at their offsets in Markdown and HTML. Markdown and
 * HTML begin with the headline as an h1 (unless the body begins with it);
 * text keeps it for the metadata header. Text of the page is escaped so it
 * never reads as markup: backslashes in Markdown, entities in HTML.
 *
 * @param article The article (not modified).
 * @param format  One of ::newsmeta_format.
 * @param flags   0, ::NEWSMETA_RENDER_METADATA, and for JSON ::NEWSMETA_JSON_PRETTY.
 * @param[out] out On success, a new NUL-terminated UTF-8 string.
 * @param[out] out_length Optional; its length in bytes.
 * @param[out] error Optional error details.
 * @return ::NEWSMETA_OK, ::NEWSMETA_ERR_INVALID_ARGUMENT (NULL article or
 *         out, an unknown format), ::NEWSMETA_ERR_NOMEM.
 *
 * **Ownership:** release `*out` with newsmeta_free().
 * **Thread safety:** reentrant. **Since:** 0.2.0
 */
NEWSMETA_API newsmeta_status newsmeta_render(const newsmeta_article *article,
                                             newsmeta_format format, uint32_t flags, char **out,
                                             size_t *out_length, newsmeta_error *error);

/** @brief Name of a ::newsmeta_format ("json", "text", "markdown", "html";
 *  "unknown" for another value). Static string. **Since:** 0.2.0 */
NEWSMETA_API const char *newsmeta_format_name(newsmeta_format format);

/**
 * @brief Release a buffer returned by newsmeta (e.g. by newsmeta_to_json()).
 *
 * Use this rather than free() so the library's allocator is always the one
 * that frees (matters across C runtimes and through FFI). NULL is ignored.
 * **Since:** 0.1.0
 */
NEWSMETA_API void newsmeta_free(void *buffer);

/** @brief Name of a ::newsmeta_source ("json-ld", "meta", "microdata",
 *  "markup", "text", "url", "option", or "none"). Static string. */
NEWSMETA_API const char *newsmeta_source_name(newsmeta_source source);

/** @brief Name of a ::newsmeta_paragraph_kind ("paragraph", "heading",
 *  "quote", "list-item", "preformatted"). Static string. */
NEWSMETA_API const char *newsmeta_paragraph_kind_name(newsmeta_paragraph_kind kind);

/** @brief Name of a ::newsmeta_precision ("none", "year", "month", "day",
 *  "hour", "minute", "second"). Static string. */
NEWSMETA_API const char *newsmeta_precision_name(newsmeta_precision precision);

/* ------------------------------------------------------------------ */
/* WARC archives                                                       */
/* ------------------------------------------------------------------ */

/**
 * @brief A reader of one WARC archive (WARC 1.0 or 1.1, plain or
 * gzip-compressed), opened with newsmeta_warc_open() or
 * newsmeta_warc_open_memory(). Opaque.
 *
 * The reader hands out the archive's HTML pages one at a time, ready for
 * newsmeta_parse_html(): the `response` records whose HTTP payload is HTML
 * (chunked transfer coding and gzip, deflate or br content codings taken
 * off), and `resource` records of an HTML type. Other records (`request`,
 * `metadata`, `revisit`, `warcinfo`, non-HTML responses) are skipped and
 * counted (newsmeta_warc_counts()). A stretch of the archive that cannot be
 * read — a damaged or cut gzip member, a wrong Content-Length, bytes between
 * records, a record cut at the end of the file — is handed out as one record
 * whose `error` says why, and the reader goes on at the next record it can
 * find, so nothing readable after the damage is lost.
 *
 * **Thread safety:** a reader is used by one thread at a time; any number
 * of readers may run at once. **Since:** 0.2.0
 */
typedef struct newsmeta_warc newsmeta_warc;

/**
 * @brief One page (or one damaged stretch) of a WARC archive.
 *
 * Owned by the reader: valid until the next newsmeta_warc_next() or
 * newsmeta_warc_close() on it. Strings are NUL-terminated UTF-8 (a byte of
 * a header that is not UTF-8 becomes U+FFFD, or %XX in the target URI);
 * a header the record lacks is NULL. Only the library allocates this
 * struct, so it may grow at its end. **Since:** 0.2.0
 */
typedef struct newsmeta_warc_record {
    /** ::NEWSMETA_OK for a page. Otherwise ::NEWSMETA_ERR_DAMAGED (the
     *  stretch could not be read), ::NEWSMETA_ERR_TOO_LARGE (an HTML page
     *  larger than the reader's limit, skipped) or ::NEWSMETA_ERR_NOMEM;
     *  `message` says what, and the fields below hold what could be read. */
    newsmeta_status error;
    /** "" for a page; else one line saying what was wrong. */
    const char *message;
    /** Byte offset in the archive file where the record (or the damaged
     *  stretch) starts: for a gzip archive, the offset of the gzip member
     *  holding its first byte, so a reader can seek there and inflate. */
    uint64_t offset;
    /** WARC-Record-ID, e.g. "<urn:uuid:...>". */
    const char *record_id;
    /** WARC-Date as written, e.g. "2026-03-14T09:30:00Z". */
    const char *date;
    /** WARC-Target-URI: the page's URL, to pass to newsmeta_parse_html(). */
    const char *target_uri;
    /** The HTTP status code (200, 404...); 0 for a `resource` record. */
    int http_status;
    /** The payload's media type, lower case ("text/html"); NULL when none
     *  was served. */
    const char *content_type;
    /** The charset the server declared in Content-Type, as written (pass it
     *  as newsmeta_options::charset); NULL when none. */
    const char *charset;
    /** The page's bytes, codings removed; not NUL-terminated. NULL with
     *  length 0 for an error record. */
    const char *body;
    /** Bytes in `body`. */
    size_t body_length;
} newsmeta_warc_record;

/**
 * @brief What a reader has gone through so far. Owned by the reader; only
 * the library allocates it, so it may grow at its end. **Since:** 0.2.0
 */
typedef struct newsmeta_warc_counts {
    uint64_t pages;      /**< HTML pages handed out. */
    uint64_t errors;     /**< Error records handed out (damage, too large). */
    uint64_t not_html;   /**< `response` / `resource` records of another type. */
    uint64_t requests;   /**< `request` records skipped. */
    uint64_t metadata;   /**< `metadata` records skipped. */
    uint64_t revisits;   /**< `revisit` records skipped. */
    uint64_t warcinfo;   /**< `warcinfo` records skipped. */
    uint64_t other;      /**< Records of any other WARC-Type skipped. */
} newsmeta_warc_counts;

/**
 * @brief Whether @p head, the first bytes of a file, starts a WARC archive:
 * "WARC/1." in plain text, or a gzip member whose data starts so.
 *
 * Give at least the first 512 bytes the file has (fewer can answer false
 * for a compressed archive). **Errors:** none. **Thread safety:**
 * reentrant. **Since:** 0.2.0
 */
NEWSMETA_API bool newsmeta_is_warc(const void *head, size_t length);

/**
 * @brief Open the WARC archive at @p path for reading.
 *
 * The file is mapped into memory, not read: an archive of any size costs
 * only the record being read (at most the page limit plus its headers).
 * It must be a regular file that nobody shortens while it is read.
 *
 * @param path    The archive's path.
 * @param options NULL, or options whose `max_input_bytes` bounds the pages
 *                handed out (larger HTML pages become ::NEWSMETA_ERR_TOO_LARGE
 *                records); other fields are not used here.
 * @param[out] out On ::NEWSMETA_OK, the new reader; otherwise NULL.
 * @param[out] error Optional error details.
 * @return ::NEWSMETA_OK, ::NEWSMETA_ERR_INVALID_ARGUMENT (NULL @p path or
 *         @p out, a bad options size), ::NEWSMETA_ERR_IO (the file cannot be
 *         opened or mapped, or is not a regular file: the message says which),
 *         ::NEWSMETA_ERR_NOMEM. A file that is no WARC archive opens; its
 *         first newsmeta_warc_next() gives a ::NEWSMETA_ERR_DAMAGED record.
 *
 * **Ownership:** release the reader with newsmeta_warc_close().
 * **Since:** 0.2.0
 */
NEWSMETA_API newsmeta_status newsmeta_warc_open(const char *path, const newsmeta_options *options,
                                                newsmeta_warc **out, newsmeta_error *error);

/**
 * @brief Open a WARC archive held in memory (as newsmeta_warc_open()).
 *
 * @p data is not copied: it must stay unchanged until the reader is closed.
 * **Errors:** ::NEWSMETA_ERR_INVALID_ARGUMENT (NULL @p out, NULL @p data
 * with a non-zero length, a bad options size), ::NEWSMETA_ERR_NOMEM.
 * **Since:** 0.2.0
 */
NEWSMETA_API newsmeta_status newsmeta_warc_open_memory(const void *data, size_t length,
                                                       const newsmeta_options *options,
                                                       newsmeta_warc **out, newsmeta_error *error);

/**
 * @brief The next page, or damaged stretch, of the archive.
 *
 * @param reader   An open reader.
 * @param[out] record On ::NEWSMETA_OK, the next record, or NULL at the end
 *                 of the archive. A record whose `error` is not
 *                 ::NEWSMETA_OK is not a failure of this call: the reader
 *                 goes on with the next call.
 * @param[out] error Optional error details.
 * @return ::NEWSMETA_OK, or ::NEWSMETA_ERR_INVALID_ARGUMENT (NULL argument).
 *
 * **Ownership:** the record belongs to the reader (see
 * ::newsmeta_warc_record). **Since:** 0.2.0
 */
NEWSMETA_API newsmeta_status newsmeta_warc_next(newsmeta_warc *reader,
                                                const newsmeta_warc_record **record,
                                                newsmeta_error *error);

/** @brief The counts of @p reader so far; owned by the reader, updated by
 *  each newsmeta_warc_next(). NULL for a NULL reader. **Since:** 0.2.0 */
NEWSMETA_API const newsmeta_warc_counts *newsmeta_warc_get_counts(const newsmeta_warc *reader);

/** @brief Close a reader and release everything it holds (its records
 *  too). NULL is ignored. **Since:** 0.2.0 */
NEWSMETA_API void newsmeta_warc_close(newsmeta_warc *reader);

#ifdef __cplusplus
}
#endif

#endif /* NEWSMETA_H */
