/* Extract every HTML page under a directory on a pool of threads.
 *
 *   cc parallel-articles.c $(pkg-config --cflags --libs newsmeta) -pthread \
 *      -o parallel-articles
 *   ./parallel-articles [-j THREADS] DIR > records.tsv
 *
 * Prints one line per *.html / *.htm file found under DIR (recursively), in
 * path order whatever the number of threads: the path relative to DIR, a
 * tab, and the article as one line of JSON (or {"error": ...}). A summary
 * goes to stderr.
 *
 * The point of the example: newsmeta keeps no global state, so the workers
 * call newsmeta_parse_html() and newsmeta_to_json() at the same time with
 * no lock around them. The only shared state of the pool is the index of
 * the next file, an atomic counter; each result slot is written by exactly
 * one worker and read by the main thread after pthread_join(). The ctest
 * example.parallel-articles checks that 1 and 8 threads print the same.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <newsmeta.h>

typedef struct result {
    char *line;  /* malloc'd output line without newline, or NULL */
    bool failed; /* the page gave an error record */
} result;

typedef struct pool {
    char **paths; /* sorted, relative to root */
    size_t count;
    const char *root;
    atomic_size_t next; /* the only state the workers share */
    result *results;
} pool;

/* ---- the files ---------------------------------------------------------- */

typedef struct list {
    char **items;
    size_t count, cap;
} list;

static int add(list *l, char *s)
{
    if (!s)
        return -1;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->items, cap * sizeof *p);
        if (!p) {
            free(s);
            return -1;
        }
        l->items = p;
        l->cap = cap;
    }
    l->items[l->count++] = s;
    return 0;
}

static char *join(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *s = malloc(na + nb + 2);
    if (s) {
        memcpy(s, a, na);
        s[na] = '/';
        memcpy(s + na + 1, b, nb + 1);
    }
    return s;
}

static bool is_html_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (!strcmp(dot, ".html") || !strcmp(dot, ".htm"));
}

/* Collect the HTML files under root/rel (rel "" for root itself). */
static int collect(const char *root, const char *rel, list *out, int depth)
{
    if (depth > 32)
        return 0;
    char *dir = *rel ? join(root, rel) : strdup(root);
    if (!dir)
        return -1;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "parallel-articles: %s: %s\n", dir, strerror(errno));
        free(dir);
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *path = join(dir, e->d_name);
        char *sub = *rel ? join(rel, e->d_name) : strdup(e->d_name);
        struct stat st;
        if (!path || !sub) {
            rc = -1;
        } else if (stat(path, &st) != 0) {
            /* a dangling link: skip it */
        } else if (S_ISDIR(st.st_mode)) {
            rc = collect(root, sub, out, depth + 1);
        } else if (S_ISREG(st.st_mode) && is_html_name(e->d_name)) {
            rc = add(out, sub);
            sub = NULL;
        }
        free(path);
        free(sub);
    }
    closedir(d);
    free(dir);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size >= 0 && fseek(f, 0, SEEK_SET) == 0) {
            buf = malloc((size_t)size + 1);
            if (buf && fread(buf, 1, (size_t)size, f) != (size_t)size) {
                free(buf);
                buf = NULL;
            } else if (buf) {
                *len = (size_t)size;
            }
        }
    }
    fclose(f);
    return buf;
}

/* ---- one page ------------------------------------------------------------ */

static char *line_of(const char *rel, const char *json)
{
    size_t nr = strlen(rel), nj = strlen(json);
    char *s = malloc(nr + nj + 2);
    if (s) {
        memcpy(s, rel, nr);
        s[nr] = '\t';
        memcpy(s + nr + 1, json, nj + 1);
    }
    return s;
}

static void extract(const pool *p, size_t i, result *r)
{
    char msg[400];
    char *path = join(p->root, p->paths[i]);
    size_t len = 0;
    char *html = path ? read_file(path, &len) : NULL;
    if (!html) {
        snprintf(msg, sizeof msg, "{\"error\":{\"status\":0,\"message\":\"cannot read the file\"}}");
        r->line = line_of(p->paths[i], msg);
        r->failed = true;
        free(path);
        return;
    }
    free(path);

    /* No lock: newsmeta calls may run on any number of threads at once. */
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html(html, len, NULL, NULL, &a, &err);
    free(html);
    char *json = NULL;
    if (st == NEWSMETA_OK) {
        st = newsmeta_to_json(a, 0, &json, NULL, &err);
        newsmeta_article_free(a);
    }
    if (st == NEWSMETA_OK) {
        r->line = line_of(p->paths[i], json);
        newsmeta_free(json);
        return;
    }
    /* (newsmeta_strerror() texts need no JSON escaping; err.message might) */
    snprintf(msg, sizeof msg, "{\"error\":{\"status\":%d,\"message\":\"%s\"}}", (int)st,
             newsmeta_strerror(st));
    r->line = line_of(p->paths[i], msg);
    r->failed = true;
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&p->next, 1);
        if (i >= p->count)
            return NULL;
        extract(p, i, &p->results[i]);
    }
}

/* ---- main ------------------------------------------------------------------ */

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    long threads = sysconf(_SC_NPROCESSORS_ONLN);
    const char *root = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-j") && i + 1 < argc) {
            threads = strtol(argv[++i], NULL, 10);
        } else if (argv[i][0] == '-' || root) {
            root = NULL;
            break;
        } else {
            root = argv[i];
        }
    }
    if (!root || threads < 1 || threads > 256) {
        fprintf(stderr, "usage: %s [-j THREADS (1-256)] DIR\n", argv[0]);
        return 2;
    }

    list files = {0};
    if (collect(root, "", &files, 0) != 0)
        return 3;
    qsort(files.items, files.count, sizeof *files.items, by_name);

    pool p = {files.items, files.count, root, 0, calloc(files.count + 1, sizeof(result))};
    if (!p.results)
        return 3;
    /* Optional: keeps libxml2's one-time setup out of the timing below. */
    newsmeta_init();

    double t0 = seconds();
    pthread_t *tids = calloc((size_t)threads, sizeof *tids);
    long started = 0;
    for (long t = 0; tids && t < threads; t++)
        if (pthread_create(&tids[t], NULL, worker, &p) == 0)
            started++;
    if (started == 0) {
        fprintf(stderr, "parallel-articles: cannot start threads\n");
        return 3;
    }
    for (long t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    double elapsed = seconds() - t0;
    free(tids);

    size_t failed = 0;
    int rc = 0;
    for (size_t i = 0; i < p.count; i++) {
        if (!p.results[i].line) {
            fprintf(stderr, "parallel-articles: out of memory\n");
            rc = 3;
        } else if (puts(p.results[i].line) == EOF) {
            rc = 3;
        }
        failed += p.results[i].failed;
        free(p.results[i].line);
        free(files.items[i]);
    }
    free(p.results);
    free(files.items);
    fprintf(stderr, "parallel-articles: %zu pages (%zu failed) on %ld threads in %.3f s\n",
            p.count, failed, started, elapsed);
    if (fflush(stdout) != 0)
        rc = 3;
    return rc ? rc : failed ? 1 : 0;
}
