/* Helpers shared by the unit suites: fixture loading, parse-or-fail
 * wrappers and the common main(). Public API only (newsmeta.h). */
#ifndef NEWSMETA_TESTUTIL_H
#define NEWSMETA_TESTUTIL_H

#include <stddef.h>
#include <stdint.h>

#include <check.h>

#include "newsmeta.h"

/* An HTML case of tests/fixtures: input.html, url (and expected.json).
 * (The text cases hold an input.txt instead; test_fixtures.c reads both.) */
typedef struct nm_fixture {
    char *name;
    char *html;
    size_t length;
    char *url; /* NULL when the folder has no url file */
} nm_fixture;

/* Whole file into a new NUL-terminated buffer (free()); NULL if unreadable. */
char *nm_read_file(const char *path, size_t *length);

/* Load the HTML case tests/fixtures/<name>; fails the current test when
 * it is missing. */
void nm_fixture_load(const char *name, nm_fixture *f);
void nm_fixture_free(nm_fixture *f);

/* Names of every HTML case of tests/fixtures (the folders holding an
 * input.html), sorted; *names and each name are malloc'd (release with
 * nm_fixture_names_free). */
size_t nm_fixture_names(char ***names);
void nm_fixture_names_free(char **names, size_t n);
/* The same for any folder of case folders: the names of dir's subfolders
 * that hold file, sorted (release with nm_fixture_names_free). */
size_t nm_case_names(const char *dir, const char *file, char ***names);

/* The invariant every link keeps: body links first, and
 * paragraphs[p].text + start, for end - start bytes, is exactly the anchor
 * text; related links point after a paragraph (or -1) with start == end. */
void nm_check_link_offsets(const newsmeta_article *a);

/* Structural rules of every paragraph: text present and non-empty,
 * length == strlen(text), a level only on headings (1 to 6). */
void nm_check_paragraph_shape(const newsmeta_article *a);

/* What every record of plain text keeps: provenance "text"; related
 * links after a paragraph that exists (or none: -1); body links (from a
 * text browser's link list) with an href and the offsets of their text
 * in their paragraph. */
void nm_check_text_record(const newsmeta_article *a);

/* Parse and fail the current test unless the status is NEWSMETA_OK. */
newsmeta_article *nm_parse(const char *html, size_t length, const char *url,
                           const newsmeta_options *options);
newsmeta_article *nm_parse_str(const char *html, const char *url,
                               const newsmeta_options *options);
newsmeta_article *nm_parse_fixture(const char *name, const newsmeta_options *options);

/* newsmeta_to_json or fail; release with newsmeta_free(). */
char *nm_to_json(const newsmeta_article *a, uint32_t flags);

/* Index of the first paragraph containing needle, or -1. */
long nm_find_paragraph(const newsmeta_article *a, const char *needle);

/* Run a suite (CK_NORMAL output) and turn its result into an exit code. */
int nm_run_suite(Suite *s);

#endif
