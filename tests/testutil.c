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

size_t nm_fixture_names(char ***names)
{
    DIR *d = opendir(NM_FIXTURES_DIR);
    ck_assert_msg(d != NULL, "cannot open %s", NM_FIXTURES_DIR);
    size_t n = 0, cap = 16;
    char **list = malloc(cap * sizeof *list);
    ck_assert_ptr_nonnull(list);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = fixture_path(e->d_name, "input.html");
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
