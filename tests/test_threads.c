/* Thread safety as documented in newsmeta.h: no mutable global state, so
 * 8 threads extracting the same pages at once must give JSON byte-identical
 * to a single-threaded run. The threads start together at a barrier, before
 * anything else in this process has called newsmeta, so the one-time
 * initialization races too (each Check test runs in a fresh fork). */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

enum { THREADS = 8, ROUNDS = 50 };

/* One input: a fixture page with some options. The default-zone variant
 * makes the threads use ICU calendars concurrently too. */
typedef struct job {
    nm_fixture page;
    newsmeta_options options;
    char *expected; /* single-threaded JSON, malloc'd */
} job;

typedef struct shared {
    job *jobs;
    size_t njobs;
    pthread_barrier_t start;
} shared;

typedef struct worker {
    shared *sh;
    size_t id;
    char **first;    /* this thread's JSON of round 0, per job */
    size_t mismatch; /* later rounds that differ from round 0 */
    size_t failures; /* non-OK statuses */
    size_t done;     /* extractions run */
} worker;

/* Parse and serialize one job; a malloc'd copy of the JSON, or NULL. */
static char *extract(const job *j)
{
    newsmeta_article *a = NULL;
    if (newsmeta_parse_html(j->page.html, j->page.length, j->page.url, &j->options, &a, NULL) !=
        NEWSMETA_OK)
        return NULL;
    char *json = NULL;
    newsmeta_status st = newsmeta_to_json(a, NEWSMETA_JSON_PRETTY, &json, NULL, NULL);
    newsmeta_article_free(a);
    if (st != NEWSMETA_OK)
        return NULL;
    char *copy = strdup(json);
    newsmeta_free(json);
    return copy;
}

static void *run_worker(void *arg)
{
    worker *w = arg;
    shared *sh = w->sh;
    pthread_barrier_wait(&sh->start);
    for (int round = 0; round < ROUNDS; round++)
        for (size_t k = 0; k < sh->njobs; k++) {
            /* each thread walks the pages from a different start, so
             * different pages are in flight at once */
            size_t i = (k + w->id) % sh->njobs;
            char *json = extract(&sh->jobs[i]);
            w->done++;
            if (!json) {
                w->failures++;
                continue;
            }
            if (round == 0) {
                w->first[i] = json;
                continue;
            }
            if (!w->first[i] || strcmp(json, w->first[i]) != 0)
                w->mismatch++;
            free(json);
        }
    return NULL;
}

START_TEST(threads_match_single_thread)
{
    char **names;
    size_t nnames = nm_fixture_names(&names);
    ck_assert_uint_gt(nnames, 0);
    shared sh;
    sh.njobs = nnames + 1;
    sh.jobs = calloc(sh.njobs, sizeof *sh.jobs);
    ck_assert_ptr_nonnull(sh.jobs);
    for (size_t i = 0; i < nnames; i++) {
        nm_fixture_load(names[i], &sh.jobs[i].page);
        newsmeta_options_init(&sh.jobs[i].options);
    }
    job *tz = &sh.jobs[nnames];
    nm_fixture_load("naive_time", &tz->page);
    newsmeta_options_init(&tz->options);
    tz->options.default_timezone = "Asia/Kolkata";

    /* all threads at once, first */
    worker w[THREADS];
    pthread_t t[THREADS];
    ck_assert_int_eq(pthread_barrier_init(&sh.start, NULL, THREADS), 0);
    for (size_t i = 0; i < THREADS; i++) {
        w[i] = (worker){&sh, i, calloc(sh.njobs, sizeof(char *)), 0, 0, 0};
        ck_assert_ptr_nonnull(w[i].first);
        ck_assert_int_eq(pthread_create(&t[i], NULL, run_worker, &w[i]), 0);
    }
    for (size_t i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    pthread_barrier_destroy(&sh.start);

    /* then the reference, on this thread alone */
    for (size_t k = 0; k < sh.njobs; k++) {
        sh.jobs[k].expected = extract(&sh.jobs[k]);
        ck_assert_msg(sh.jobs[k].expected != NULL, "%s does not parse", sh.jobs[k].page.name);
    }
    for (size_t i = 0; i < THREADS; i++) {
        ck_assert_uint_eq(w[i].done, (size_t)ROUNDS * sh.njobs);
        ck_assert_msg(w[i].failures == 0, "thread %zu: %zu failed parses", i, w[i].failures);
        ck_assert_msg(w[i].mismatch == 0, "thread %zu: %zu results changed between rounds", i,
                      w[i].mismatch);
        for (size_t k = 0; k < sh.njobs; k++)
            ck_assert_msg(strcmp(w[i].first[k], sh.jobs[k].expected) == 0,
                          "thread %zu, %s: JSON differs from the single-threaded run", i,
                          sh.jobs[k].page.name);
    }

    for (size_t i = 0; i < THREADS; i++) {
        for (size_t k = 0; k < sh.njobs; k++)
            free(w[i].first[k]);
        free(w[i].first);
    }
    for (size_t k = 0; k < sh.njobs; k++) {
        nm_fixture_free(&sh.jobs[k].page);
        free(sh.jobs[k].expected);
    }
    free(sh.jobs);
    nm_fixture_names_free(names, nnames);
}
END_TEST

/* ---- the shared corpus ------------------------------------------------------
 *
 * `test_threads corpus DIR`: every page of DIR (the shared corpus,
 * NAME.html.gz, unpacked with gzip as it is read) parsed on 8 threads at
 * once, each thread walking the pages from its own start, must give the
 * JSON of a single-threaded run, page by page. The records are compared by
 * length and a 64-bit hash. Exit 77 (skipped) when DIR is missing. */

static const char *corpus_dir;

typedef struct page {
    char *name;
    char *html;
    size_t length;
    uint64_t hash;  /* of the single-threaded JSON */
    size_t json_len;
    newsmeta_status status;
} page;

typedef struct corpus_worker {
    page *pages;
    size_t npages, id;
    pthread_barrier_t *start;
    uint64_t *hash; /* per page, this thread's */
    size_t *json_len;
    newsmeta_status *status;
} corpus_worker;

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static newsmeta_status extract_hash(const page *p, uint64_t *hash, size_t *len)
{
    newsmeta_article *a = NULL;
    newsmeta_status st = newsmeta_parse_html(p->html, p->length, NULL, NULL, &a, NULL);
    *hash = 0;
    *len = 0;
    if (st != NEWSMETA_OK)
        return st;
    char *json = NULL;
    st = newsmeta_to_json(a, 0, &json, len, NULL);
    newsmeta_article_free(a);
    if (st == NEWSMETA_OK)
        *hash = fnv1a(json, *len);
    newsmeta_free(json);
    return st;
}

static void *run_corpus_worker(void *arg)
{
    corpus_worker *w = arg;
    pthread_barrier_wait(w->start);
    for (size_t k = 0; k < w->npages; k++) {
        size_t i = (k + w->id * w->npages / THREADS) % w->npages;
        w->status[i] = extract_hash(&w->pages[i], &w->hash[i], &w->json_len[i]);
    }
    return NULL;
}

/* The bytes of `gzip -dc path`, or NULL. */
static char *gunzip(const char *path, size_t *length)
{
    size_t n = strlen(path) + 32;
    char *cmd = malloc(n);
    ck_assert_ptr_nonnull(cmd);
    snprintf(cmd, n, "gzip -dc '%s'", path);
    FILE *f = popen(cmd, "r");
    free(cmd);
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) {
            free(buf);
            buf = NULL;
        }
        buf = bigger;
        cap *= 2;
    }
    if (pclose(f) != 0) {
        free(buf);
        return NULL;
    }
    *length = len;
    return buf;
}

static int cmp_page(const void *a, const void *b)
{
    return strcmp(((const page *)a)->name, ((const page *)b)->name);
}

static size_t load_corpus(page **out)
{
    DIR *d = opendir(corpus_dir);
    ck_assert_msg(d != NULL, "cannot open %s", corpus_dir);
    size_t n = 0, cap = 0;
    page *pages = NULL;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 8 || strcmp(e->d_name + len - 8, ".html.gz") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 256;
            pages = realloc(pages, cap * sizeof *pages);
            ck_assert_ptr_nonnull(pages);
        }
        size_t plen = strlen(corpus_dir) + len + 2;
        char *path = malloc(plen);
        ck_assert_ptr_nonnull(path);
        snprintf(path, plen, "%s/%s", corpus_dir, e->d_name);
        memset(&pages[n], 0, sizeof pages[n]);
        pages[n].name = strdup(e->d_name);
        pages[n].html = gunzip(path, &pages[n].length);
        ck_assert_msg(pages[n].html != NULL, "cannot unpack %s (gzip -dc)", path);
        free(path);
        n++;
    }
    closedir(d);
    qsort(pages, n, sizeof *pages, cmp_page);
    *out = pages;
    return n;
}

START_TEST(corpus_threads_match_single_thread)
{
    page *pages = NULL;
    size_t n = load_corpus(&pages);
    ck_assert_msg(n > 0, "no .html.gz page in %s", corpus_dir);

    /* 8 threads at once first (the one-time initialization races too) */
    corpus_worker w[THREADS];
    pthread_t t[THREADS];
    pthread_barrier_t start;
    ck_assert_int_eq(pthread_barrier_init(&start, NULL, THREADS), 0);
    for (size_t i = 0; i < THREADS; i++) {
        w[i] = (corpus_worker){pages, n, i, &start, calloc(n, sizeof(uint64_t)),
                               calloc(n, sizeof(size_t)), calloc(n, sizeof(newsmeta_status))};
        ck_assert(w[i].hash && w[i].json_len && w[i].status);
        ck_assert_int_eq(pthread_create(&t[i], NULL, run_corpus_worker, &w[i]), 0);
    }
    for (size_t i = 0; i < THREADS; i++)
        ck_assert_int_eq(pthread_join(t[i], NULL), 0);
    pthread_barrier_destroy(&start);

    /* then one thread alone */
    size_t ok = 0;
    for (size_t k = 0; k < n; k++) {
        pages[k].status = extract_hash(&pages[k], &pages[k].hash, &pages[k].json_len);
        ok += pages[k].status == NEWSMETA_OK;
    }
    ck_assert_msg(ok * 10 >= n * 9, "only %zu of %zu corpus pages parse", ok, n);
    for (size_t i = 0; i < THREADS; i++) {
        for (size_t k = 0; k < n; k++) {
            ck_assert_msg(w[i].status[k] == pages[k].status,
                          "thread %zu, %s: status %d, alone %d", i, pages[k].name,
                          (int)w[i].status[k], (int)pages[k].status);
            ck_assert_msg(w[i].json_len[k] == pages[k].json_len &&
                              w[i].hash[k] == pages[k].hash,
                          "thread %zu, %s: JSON differs from the single-threaded run", i,
                          pages[k].name);
        }
        free(w[i].hash);
        free(w[i].json_len);
        free(w[i].status);
    }
    printf("corpus: %zu pages, %zu parsed, identical on %d threads\n", n, ok, THREADS);
    for (size_t k = 0; k < n; k++) {
        free(pages[k].name);
        free(pages[k].html);
    }
    free(pages);
}
END_TEST

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, threads_match_single_thread);
    suite_add_tcase(s, tc);
    return s;
}

static Suite *corpus_suite(void)
{
    Suite *s = suite_create("threads-corpus");
    TCase *tc = tcase_create("corpus");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, corpus_threads_match_single_thread);
    suite_add_tcase(s, tc);
    return s;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "corpus")) {
        struct stat st;
        if (stat(argv[2], &st) != 0 || !S_ISDIR(st.st_mode)) {
            printf("skipped: the shared corpus %s is not there "
                   "(the shared folder is $NEWSMETA_SHARED_DIR, else ../shared next "
                   "to the checkout)\n", argv[2]);
            return 77;
        }
        corpus_dir = argv[2];
        return nm_run_suite(corpus_suite());
    }
    return nm_run_suite(threads_suite());
}
