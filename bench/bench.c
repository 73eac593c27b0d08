/* Throughput benchmark: loads a directory of pages into memory, then
 * measures single-threaded (a) libxml2 parsing alone, with the options
 * newsmeta uses, (b) full extraction, (c) extraction plus JSON output.
 * Reports pages/s, MB/s, the ratio (b)/(a) and peak memory (max RSS);
 * each figure is the best and the median of several runs. With --parse-only
 * it runs (a) alone and prints the best time in seconds (for bench/speed).
 *
 * usage: bench DIR [RUNS]      (DIR holds *.html files, e.g. from
 *        ../shared/tools/corpus-to-dir) */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "newsmeta.h"

typedef struct page {
    char *data;
    size_t len;
} page;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static page *load(const char *dir, size_t *n, size_t *bytes)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        exit(2);
    }
    page *pages = NULL;
    size_t cap = 0;
    *n = *bytes = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 5, ".html"))
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long sz = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc((size_t)sz + 1);
        if (!buf || fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
            fclose(f);
            free(buf);
            continue;
        }
        fclose(f);
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            pages = realloc(pages, cap * sizeof *pages);
        }
        pages[(*n)++] = (page){buf, (size_t)sz};
        *bytes += (size_t)sz;
    }
    closedir(d);
    return pages;
}

static double run(int mode, const page *pages, size_t n)
{
    double t0 = now();
    for (size_t i = 0; i < n; i++) {
        if (mode == 0) {
            htmlDocPtr doc = htmlReadMemory(pages[i].data, (int)pages[i].len, NULL, "UTF-8",
                                            HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                                HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                                HTML_PARSE_COMPACT);
            xmlFreeDoc(doc);
            continue;
        }
        newsmeta_article *a = NULL;
        if (newsmeta_parse_html(pages[i].data, pages[i].len, NULL, NULL, &a, NULL) != NEWSMETA_OK)
            continue;
        if (mode == 2) {
            char *json = NULL;
            newsmeta_to_json(a, 0, &json, NULL, NULL);
            newsmeta_free(json);
        }
        newsmeta_article_free(a);
    }
    return now() - t0;
}

int main(int argc, char **argv)
{
    bool parse_only = argc > 1 && !strcmp(argv[1], "--parse-only");
    if (parse_only)
        argv++, argc--;
    if (argc < 2) {
        fprintf(stderr, "usage: bench [--parse-only] DIR [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1)
        runs = 1;
    size_t n, bytes;
    page *pages = load(argv[1], &n, &bytes);
    if (n == 0) {
        fprintf(stderr, "bench: no .html files in %s\n", argv[1]);
        return 2;
    }
    newsmeta_init();
    const char *names[3] = {"libxml2 parse only", "extraction", "extraction + JSON"};
    double med[3];
    if (parse_only) {
        double best = 0;
        run(0, pages, n);
        for (int r = 0; r < runs; r++) {
            double t = run(0, pages, n);
            if (r == 0 || t < best)
                best = t;
        }
        printf("%.4f\n", best);
        return 0;
    }
    for (int m = 0; m < 3; m++) {
        double *t = malloc((size_t)runs * sizeof *t);
        double first = run(m, pages, n); /* warm-up */
        if (m == 1)
            /* the first extraction pays the one-time costs: ICU's locale
             * data for dates, zone names, converters */
            printf("first extraction run (one-time costs included): %.3f s\n", first);
        for (int r = 0; r < runs; r++)
            t[r] = run(m, pages, n);
        qsort(t, (size_t)runs, sizeof *t, cmp_double);
        med[m] = t[runs / 2];
        printf("%-20s %8.1f pages/s %7.1f MB/s  median of %d; best %8.1f pages/s  (%zu pages)\n",
               names[m], (double)n / med[m], (double)bytes / 1e6 / med[m], runs,
               (double)n / t[0], n);
        free(t);
    }
    printf("ratio extraction / parse: %.2f\n", med[1] / med[0]);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    for (size_t i = 0; i < n; i++)
        free(pages[i].data);
    free(pages);
    return 0;
}
