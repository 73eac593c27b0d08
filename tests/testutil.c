/* Shared test helpers; see testutil.h. */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef NM_FIXTURES_DIR
#error "NM_FIXTURES_DIR must be defined by the build"
#endif

char *nm_read_file(const char *path, size_t *length)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap)
            break;
        char *p = realloc(buf, cap * 2 + 1);
        if (!p) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = p;
        cap *= 2;
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (length)
        *length = n;
    return buf;
}

static char *fixture_path(const char *name, const char *file)
{
    size_t n = strlen(NM_FIXTURES_DIR) + strlen(name) + strlen(file) + 3;
    char *p = malloc(n);
    ck_assert_ptr_nonnull(p);
    snprintf(p, n, "%s/%s/%s", NM_FIXTURES_DIR, name, file);
    return p;
}

void nm_fixture_load(const char *name, nm_fixture *f)
{
    memset(f, 0, sizeof *f);
    f->name = strdup(name);
    char *path = fixture_path(name, "input.html");
    f->html = nm_read_file(path, &f->length);
    ck_assert_msg(f->html != NULL, "cannot read fixture %s", path);
    free(path);
    path = fixture_path(name, "url");
    f->url = nm_read_file(path, NULL);
    free(path);
    if (f->url) /* one line; drop the newline */
        f->url[strcspn(f->url, "\r\n")] = '\0';
}

void nm_fixture_free(nm_fixture *f)
{
    free(f->name);
    free(f->html);
    free(f->url);
    memset(f, 0, sizeof *f);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t nm_case_names(const char *dir, const char *file, char ***names)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s", dir);
    size_t n = 0, cap = 16;
    char **list = malloc(cap * sizeof *list);
    ck_assert_ptr_nonnull(list);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + strlen(file) + 3;
        char *path = malloc(len);
        ck_assert_ptr_nonnull(path);
        snprintf(path, len, "%s/%s/%s", dir, e->d_name, file);
        struct stat st;
        bool is_case = stat(path, &st) == 0;
        free(path);
        if (!is_case)
            continue;
        if (n == cap) {
            cap *= 2;
            list = realloc(list, cap * sizeof *list);
            ck_assert_ptr_nonnull(list);
        }
        list[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(list, n, sizeof *list, cmp_names);
    *names = list;
    return n;
}

size_t nm_fixture_names(char ***names)
{
    return nm_case_names(NM_FIXTURES_DIR, "input.html", names);
}

void nm_check_paragraph_shape(const newsmeta_article *a)
{
    for (size_t i = 0; i < a->paragraph_count; i++) {
        const newsmeta_paragraph *p = &a->paragraphs[i];
        ck_assert_ptr_nonnull(p->text);
        ck_assert_uint_eq(p->length, strlen(p->text));
        ck_assert_uint_gt(p->length, 0);
        if (p->kind == NEWSMETA_HEADING)
            ck_assert_msg(p->level >= 1 && p->level <= 6, "heading level %d", (int)p->level);
        else
            ck_assert_int_eq(p->level, 0);
    }
}

void nm_check_link_offsets(const newsmeta_article *a)
{
    bool seen_related = false;
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        ck_assert_ptr_nonnull(l->text);
        ck_assert_msg(l->paragraph >= -1 && l->paragraph < (int64_t)a->paragraph_count,
                      "link %zu: paragraph %lld out of range", i, (long long)l->paragraph);
        if (l->kind == NEWSMETA_LINK_RELATED) {
            seen_related = true;
            ck_assert_uint_eq(l->start, l->end);
            continue;
        }
        /* body links come first */
        ck_assert_msg(!seen_related, "body link %zu after a related link", i);
        ck_assert_int_eq(l->kind, NEWSMETA_LINK_BODY);
        ck_assert_msg(l->paragraph >= 0, "body link %zu has no paragraph", i);
        const newsmeta_paragraph *p = &a->paragraphs[l->paragraph];
        ck_assert_uint_lt(l->start, l->end);
        ck_assert_uint_le(l->end, p->length);
        ck_assert_uint_eq(l->end - l->start, strlen(l->text));
        ck_assert_msg(memcmp(p->text + l->start, l->text, l->end - l->start) == 0,
                      "link %zu: \"%.*s\" at [%zu,%zu) is not \"%s\"", i,
                      (int)(l->end - l->start), p->text + l->start, l->start, l->end, l->text);
    }
}

void nm_fixture_names_free(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

newsmeta_article *nm_parse(const char *html, size_t length, const char *url,
                           const newsmeta_options *options)
{
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html(html, length, url, options, &a, &err);
    ck_assert_msg(st == NEWSMETA_OK, "newsmeta_parse_html: status %d: %s", (int)st, err.message);
    ck_assert_ptr_nonnull(a);
    return a;
}

newsmeta_article *nm_parse_str(const char *html, const char *url,
                               const newsmeta_options *options)
{
    return nm_parse(html, strlen(html), url, options);
}

newsmeta_article *nm_parse_fixture(const char *name, const newsmeta_options *options)
{
    nm_fixture f;
    nm_fixture_load(name, &f);
    newsmeta_article *a = nm_parse(f.html, f.length, f.url, options);
    nm_fixture_free(&f);
    return a;
}

char *nm_to_json(const newsmeta_article *a, uint32_t flags)
{
    char *out = NULL;
    size_t len = 0;
    newsmeta_error err;
    newsmeta_status st = newsmeta_to_json(a, flags, &out, &len, &err);
    ck_assert_msg(st == NEWSMETA_OK, "newsmeta_to_json: status %d: %s", (int)st, err.message);
    ck_assert_ptr_nonnull(out);
    return out;
}

long nm_find_paragraph(const newsmeta_article *a, const char *needle)
{
    for (size_t i = 0; i < a->paragraph_count; i++)
        if (strstr(a->paragraphs[i].text, needle))
            return (long)i;
    return -1;
}

int nm_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

void nm_check_text_record(const newsmeta_article *a)
{
    ck_assert_int_eq(a->sources.headline,
                     a->headline ? NEWSMETA_SOURCE_TEXT : NEWSMETA_SOURCE_NONE);
    ck_assert_int_eq(a->sources.body,
                     a->paragraph_count ? NEWSMETA_SOURCE_TEXT : NEWSMETA_SOURCE_NONE);
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        ck_assert_ptr_nonnull(l->text);
        ck_assert_msg(l->paragraph >= -1 && l->paragraph < (int64_t)a->paragraph_count,
                      "link %zu follows paragraph %lld of %zu", i, (long long)l->paragraph,
                      a->paragraph_count);
        if (l->kind == NEWSMETA_LINK_RELATED) {
            ck_assert_uint_eq(l->start, l->end);
            continue;
        }
        /* body links come from a text browser's link list: an address,
         * and the slice of their paragraph they name */
        ck_assert_msg(l->kind == NEWSMETA_LINK_BODY, "link %zu: kind %d", i, (int)l->kind);
        ck_assert_msg(l->href != NULL, "body link %zu has no href", i);
        ck_assert_int_ge(l->paragraph, 0);
        const newsmeta_paragraph *p = &a->paragraphs[l->paragraph];
        ck_assert_msg(l->start < l->end && l->end <= p->length, "body link %zu: bad offsets", i);
        ck_assert_uint_eq(strlen(l->text), l->end - l->start);
        ck_assert_msg(!memcmp(l->text, p->text + l->start, l->end - l->start),
                      "body link %zu: text is not its paragraph's slice", i);
    }
}
