/* Thread safety as documented in newsmeta.h: no mutable global state, so
 * 8 threads extracting the same pages at once must give JSON byte-identical
 * to a single-threaded run. The threads start together at a barrier, before
 * anything else in this process has called newsmeta, so the one-time
 * initialization races too (each Check test runs in a fresh fork). */
#define _POSIX_C_SOURCE 200809L /* pthread_barrier_t */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

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

static Suite *threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, threads_match_single_thread);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(threads_suite());
}
