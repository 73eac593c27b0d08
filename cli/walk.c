/* Directories as inputs, and the mirrored names of --output-dir. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "cli.h"

/* The page extensions a directory is searched for, longest first (a .gz
 * one before its plain one); cli_output_name() takes them off. */
static const char *const PAGE_EXTENSIONS[] = {".xhtml.gz", ".html.gz", ".warc.gz", ".htm.gz",
                                              ".xhtml",    ".html",    ".warc",    ".htm",
                                              NULL};

/* The length of the page extension that ends name, or 0. */
static size_t page_extension(const char *name)
{
    size_t n = strlen(name);
    for (const char *const *e = PAGE_EXTENSIONS; *e; e++) {
        size_t el = strlen(*e);
        if (n > el && !strcasecmp(name + n - el, *e))
            return el;
    }
    return 0;
}

bool cli_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

typedef struct path_list {
    char **paths;
    size_t count, cap;
} path_list;

static int add_path(path_list *l, char *path)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->paths, cap * sizeof *p);
        if (!p) {
            free(path);
            return ENOMEM;
        }
        l->paths = p;
        l->cap = cap;
    }
    l->paths[l->count++] = path;
    return 0;
}

static int walk(const char *dir, path_list *l)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno;
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        size_t size = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(size);
        if (!path) {
            rc = ENOMEM;
            break;
        }
        snprintf(path, size, "%s/%s", dir, e->d_name);
        struct stat st;
        /* a link to a directory is not followed: no loops, no tree twice */
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            rc = walk(path, l);
            free(path);
        } else if (page_extension(e->d_name) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            rc = add_path(l, path);
        } else {
            free(path);
        }
    }
    closedir(d);
    return rc;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int cli_walk_dir(const char *dir, char ***paths, size_t *count)
{
    path_list l = {NULL, 0, 0};
    size_t n = strlen(dir);
    char *root = strdup(dir);
    if (!root)
        return ENOMEM;
    while (n > 1 && root[n - 1] == '/')
        root[--n] = '\0'; /* "pages/" names its pages "pages/a.html" */
    int rc = walk(root, &l);
    free(root);
    if (rc) {
        for (size_t i = 0; i < l.count; i++)
            free(l.paths[i]);
        free(l.paths);
        return rc;
    }
    if (l.count)
        qsort(l.paths, l.count, sizeof *l.paths, by_path);
    *paths = l.paths;
    *count = l.count;
    return 0;
}

const char *cli_output_extension(bool many_records, newsmeta_format format)
{
    switch (format) {
    case NEWSMETA_FORMAT_TEXT: return ".txt";
    case NEWSMETA_FORMAT_MARKDOWN: return ".md";
    case NEWSMETA_FORMAT_HTML: return ".html";
    case NEWSMETA_FORMAT_JSON: break;
    }
    return many_records ? ".jsonl" : ".json";
}

char *cli_output_name(const char *name, bool many_records, newsmeta_format format)
{
    const char *ext = cli_output_extension(many_records, format);
    char *out = malloc(strlen(name) + strlen(ext) + 8);
    if (!out)
        return NULL;
    size_t n = 0;
    for (const char *p = name; *p;) {
        size_t part = strcspn(p, "/");
        bool skip = part == 0 || (part == 1 && p[0] == '.') ||
                    (part == 2 && p[0] == '.' && p[1] == '.');
        if (!skip) {
            if (n)
                out[n++] = '/';
            memcpy(out + n, p, part);
            n += part;
        }
        p += part + (p[part] == '/');
    }
    out[n] = '\0';
    const char *base = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
    size_t cut = page_extension(base);
    if (!cut) {
        const char *dot = strrchr(base, '.');
        cut = dot && dot != base ? strlen(dot) : 0; /* page.txt, page.gz */
    }
    n -= cut;
    if (n == 0 || out[n - 1] == '/')
        n += (size_t)sprintf(out + n, "input"); /* "-", "..", ".html" */
    strcpy(out + n, ext);
    return out;
}

int cli_make_parents(const char *path)
{
    char *p = strdup(path);
    if (!p)
        return ENOMEM;
    int rc = 0;
    for (char *slash = strchr(p + 1, '/'); slash && rc == 0; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = errno;
        *slash = '/';
    }
    free(p);
    return rc;
}
