/* Allocation failure: every allocation of a parse (or of a serialization)
 * is refused in turn, N = 0, 1, 2, ... until a run needs fewer than N + 1
 * allocations. Each run must give NEWSMETA_ERR_NOMEM with no record and a
 * message, or NEWSMETA_OK with a sound record; it must not crash, and once
 * the record is freed nothing the run allocated may still be live.
 *
 * "Sound" depends on who was refused. When newsmeta's own code was, the
 * record must be the very record of a run without failure: newsmeta must
 * not swallow its own failures and hand out half a record. When a library
 * was (ICU's zone and locale lookups, libxml2's URI functions, Jansson's
 * value constructors), newsmeta may only see that a call did not work:
 * xmlBuildURI() answers NULL for a failed allocation as for a bad
 * reference, and a failed zone lookup leaves a time without its offset.
 * The record must then hold the invariants of every record
 * (tests/fuzz/fuzz_common.h) and serialize.
 *
 * The refusal comes from malloc, calloc, realloc and free defined in this
 * executable, which forward to glibc's allocator (__libc_malloc and
 * friends). newsmeta is linked in statically, and libxml2, ICU and Jansson
 * bind to these too (the four are all the allocation functions those
 * libraries import). The sanitizers replace the same functions, so
 * tests/CMakeLists.txt builds this test only when NEWSMETA_SANITIZE is
 * empty; Valgrind runs it as it is. The build also gives lib/arena.c
 * 64-byte blocks here, so that nearly every arena allocation is a malloc.
 *
 * `test_alloc_failure survey` runs every N of every job in a child process
 * and prints each problem with the stack of the refused allocation, instead
 * of stopping at the first: use it when the test fails. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>

#include "testutil.h"

/* An invariant of fuzz_common.h that does not hold: say which run broke
 * it, then abort like the fuzz targets (Check reports the signal). */
static void invariant_failed(const char *cond, const char *file, int line);
#define FUZZ_CHECK(cond)                                                                  \
    do {                                                                                  \
        if (!(cond))                                                                      \
            invariant_failed(#cond, __FILE__, __LINE__);                                  \
    } while (0)
#include "fuzz/fuzz_common.h"

/* glibc's allocator, which the functions below forward to. */
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void __libc_free(void *ptr);

/* ---- the refusing allocator ------------------------------------------------
 *
 * Its state is file-scope because malloc() takes no context; the test runs
 * on one thread. While armed, allocations are counted and the one numbered
 * fail_at is refused; every block handed out is kept in an open-addressing
 * set (linear probing, backward-shift deletion) until it is freed, so what
 * a run leaves live can be listed. */

typedef struct live_block {
    void *ptr; /* NULL: empty slot */
    unsigned long seq; /* which allocation of the run made it (from 0, as N) */
    size_t size;
} live_block;

#define STACK_DEPTH 32

static struct {
    bool armed;
    int in_fragile_call; /* inside a call that must not see a refusal */
    unsigned long fail_at;
    unsigned long count; /* allocations counted while armed */
    bool refused; /* the allocation numbered fail_at was refused */
    const void *refused_caller; /* the code that asked for it */
    void *stack[STACK_DEPTH]; /* and its stack */
    int stack_depth;
    live_block *slots; /* power-of-two capacity, at most half full */
    size_t cap, used;
    const char *run; /* "<job>, allocation N refused", for messages */
} fa;

static size_t home_slot(const void *ptr)
{
    uint64_t h = (uint64_t)(uintptr_t)ptr >> 4;
    h *= UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & (fa.cap - 1);
}

static void live_insert(void *ptr, size_t size, unsigned long seq);

static void live_grow(void)
{
    live_block *old = fa.slots;
    size_t old_cap = fa.cap;
    fa.cap = old_cap ? old_cap * 2 : 4096;
    fa.slots = __libc_calloc(fa.cap, sizeof *fa.slots);
    if (!fa.slots) {
        fputs("test_alloc_failure: no memory for the set of live blocks\n", stderr);
        abort();
    }
    fa.used = 0;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].ptr)
            live_insert(old[i].ptr, old[i].size, old[i].seq);
    __libc_free(old);
}

static void live_insert(void *ptr, size_t size, unsigned long seq)
{
    if ((fa.used + 1) * 2 > fa.cap)
        live_grow();
    size_t i = home_slot(ptr);
    while (fa.slots[i].ptr)
        i = (i + 1) & (fa.cap - 1);
    fa.slots[i] = (live_block){ptr, seq, size};
    fa.used++;
}

static void live_remove(const void *ptr)
{
    if (!fa.used || !ptr)
        return;
    size_t i = home_slot(ptr);
    while (fa.slots[i].ptr && fa.slots[i].ptr != ptr)
        i = (i + 1) & (fa.cap - 1);
    if (!fa.slots[i].ptr)
        return; /* allocated before the run was armed */
    /* Pull later members of the probe run into the hole, so that lookups
     * never need tombstones. */
    size_t hole = i;
    for (size_t j = (i + 1) & (fa.cap - 1); fa.slots[j].ptr; j = (j + 1) & (fa.cap - 1)) {
        size_t home = home_slot(fa.slots[j].ptr);
        bool movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
        if (movable) {
            fa.slots[hole] = fa.slots[j];
            hole = j;
        }
    }
    fa.slots[hole].ptr = NULL;
    fa.used--;
}

static void live_clear(void)
{
    if (fa.cap)
        memset(fa.slots, 0, fa.cap * sizeof *fa.slots);
    fa.used = 0;
}

/* Count an allocation; false for the one to refuse. */
static bool may_allocate(const void *caller)
{
    if (!fa.armed || fa.in_fragile_call)
        return true;
    if (fa.count++ != fa.fail_at)
        return true;
    fa.refused = true;
    fa.refused_caller = caller;
    fa.stack_depth = backtrace(fa.stack, STACK_DEPTH);
    return false;
}

void *malloc(size_t size)
{
    if (!may_allocate(__builtin_return_address(0)))
        return NULL;
    void *p = __libc_malloc(size);
    if (p && fa.armed)
        live_insert(p, size, fa.count - 1);
    return p;
}

void *calloc(size_t count, size_t size)
{
    if (!may_allocate(__builtin_return_address(0)))
        return NULL;
    void *p = __libc_calloc(count, size);
    if (p && fa.armed)
        live_insert(p, count * size, fa.count - 1);
    return p;
}

void *realloc(void *ptr, size_t size)
{
    if (ptr && size == 0) { /* glibc frees and answers NULL */
        live_remove(ptr);
        return __libc_realloc(ptr, 0);
    }
    if (!may_allocate(__builtin_return_address(0)))
        return NULL;
    void *p = __libc_realloc(ptr, size);
    if (p) {
        live_remove(ptr);
        if (fa.armed)
            live_insert(p, size, fa.count - 1);
    }
    return p;
}

void free(void *ptr)
{
    live_remove(ptr);
    __libc_free(ptr);
}

/* Two parsers of the libraries do not survive a refused allocation, so
 * nothing is refused while they run (their allocations still count as
 * live blocks):
 * - libxml2 2.9's HTML parser can loop forever (htmlParseDocument() after
 *   a failed xmlStrndup()), leak, or return a tree with parts missing and
 *   no sign of it (libxml2 2.12 reworked this);
 * - Jansson 2.14's loader aborts (an assertion in lex_scan_string()) when
 *   growing its token buffer fails.
 * Each is replaced here by a wrapper around the library's own. */
static void *library_symbol(const char *name)
{
    void *sym = dlsym(RTLD_NEXT, name);
    if (!sym) {
        fprintf(stderr, "test_alloc_failure: no %s in the libraries\n", name);
        abort();
    }
    return sym;
}

htmlDocPtr htmlReadMemory(const char *buffer, int size, const char *url, const char *encoding,
                          int options)
{
    htmlDocPtr (*parse)(const char *, int, const char *, const char *, int);
    void *sym = library_symbol("htmlReadMemory");
    memcpy(&parse, &sym, sizeof parse);
    fa.in_fragile_call++;
    htmlDocPtr doc = parse(buffer, size, url, encoding, options);
    fa.in_fragile_call--;
    return doc;
}

json_t *json_loadb(const char *buffer, size_t length, size_t flags, json_error_t *error)
{
    json_t *(*load)(const char *, size_t, size_t, json_error_t *);
    void *sym = library_symbol("json_loadb");
    memcpy(&load, &sym, sizeof load);
    fa.in_fragile_call++;
    json_t *root = load(buffer, length, flags, error);
    fa.in_fragile_call--;
    return root;
}

static void arm(unsigned long fail_at)
{
    fa.refused = false;
    fa.fail_at = fail_at;
    fa.count = 0;
    fa.stack_depth = 0;
    fa.armed = true;
}

static void disarm(void)
{
    fa.armed = false;
}

/* Was the refused allocation asked for by newsmeta's own code, not by a
 * library it calls? */
static bool refused_by_newsmeta(void)
{
    Dl_info caller, library;
    void *entry;
    newsmeta_status (*fn)(const char *, size_t, const char *, const newsmeta_options *,
                          newsmeta_article **, newsmeta_error *) = newsmeta_parse_html;
    memcpy(&entry, &fn, sizeof entry);
    return dladdr(fa.refused_caller, &caller) && dladdr(entry, &library) &&
           caller.dli_fbase == library.dli_fbase;
}

/* Is symbol (part of a name) on the stack of the refused allocation? */
static bool refused_inside(const char *symbol)
{
    for (int i = 0; i < fa.stack_depth; i++) {
        Dl_info info;
        if (dladdr(fa.stack[i], &info) && info.dli_sname && strstr(info.dli_sname, symbol))
            return true;
    }
    return false;
}

/* ---- the jobs --------------------------------------------------------------- */

typedef enum job_kind {
    JOB_PARSE_HTML, /* newsmeta_parse_html() */
    JOB_PARSE_TEXT, /* newsmeta_parse_text() */
    JOB_TO_JSON     /* newsmeta_to_json() of the page parsed as HTML */
} job_kind;

typedef struct job {
    const char *name;
    job_kind kind;
    const char *url;
    const char *bytes;
    size_t length; /* 0: strlen(bytes) */
} job;

/* What one run did. */
typedef struct outcome {
    newsmeta_status status;
    newsmeta_error error;
    newsmeta_article *article; /* parse jobs */
    char *json;                /* the serialization job's output */
    size_t json_length;
} outcome;

static newsmeta_status parse(const job *j, newsmeta_article **out, newsmeta_error *err)
{
    size_t n = j->length ? j->length : strlen(j->bytes);
    if (j->kind == JOB_PARSE_TEXT)
        return newsmeta_parse_text(j->bytes, n, j->url, NULL, out, err);
    return newsmeta_parse_html(j->bytes, n, j->url, NULL, out, err);
}

static char *json_of(const newsmeta_article *a)
{
    char *json = NULL;
    return newsmeta_to_json(a, NEWSMETA_JSON_PRETTY, &json, NULL, NULL) == NEWSMETA_OK ? json
                                                                                       : NULL;
}

/* Run the job with allocation fail_at refused (none when armed is
 * false). For the serialization job the page is parsed first, unarmed. */
static outcome run(const job *j, bool armed, unsigned long fail_at)
{
    outcome o = {.status = NEWSMETA_ERR_INTERNAL};
    newsmeta_article *page = NULL;
    if (j->kind == JOB_TO_JSON && parse(j, &page, NULL) != NEWSMETA_OK)
        return o;
    if (armed)
        arm(fail_at);
    if (j->kind == JOB_TO_JSON)
        o.status = newsmeta_to_json(page, NEWSMETA_JSON_PRETTY, &o.json, &o.json_length, &o.error);
    else
        o.status = parse(j, &o.article, &o.error);
    disarm();
    newsmeta_article_free(page);
    return o;
}

static void release(outcome *o)
{
    newsmeta_article_free(o->article);
    newsmeta_free(o->json);
    o->article = NULL;
    o->json = NULL;
}

/* The job's result without failures, as JSON; NULL if it fails. Also
 * does the one-time work before anything is refused: libxml2's and ICU's
 * initialization, their caches. */
static char *reference_result(const job *j)
{
    outcome o = run(j, false, 0);
    char *json = NULL;
    if (o.status == NEWSMETA_OK && o.article)
        json = json_of(o.article);
    else if (o.status == NEWSMETA_OK) {
        json = o.json;
        o.json = NULL;
    }
    release(&o);
    xmlResetLastError();
    return json;
}

/* ---- checking a run ------------------------------------------------------- */

typedef struct finding {
    char text[640]; /* "" while nothing is wrong */
} finding;

static void note(finding *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void note(finding *f, const char *fmt, ...)
{
    if (f->text[0])
        return; /* the first problem of a run is the one reported */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->text, sizeof f->text, fmt, ap);
    va_end(ap);
}

static void invariant_failed(const char *cond, const char *file, int line)
{
    fprintf(stderr, "%s: the record breaks %s (%s:%d)\n", fa.run ? fa.run : "?", cond, file,
            line);
    abort();
}

static void check_outcome(const job *j, const outcome *o, const char *reference, finding *f)
{
    if (o->status != NEWSMETA_OK) {
        if (o->status != NEWSMETA_ERR_NOMEM || !fa.refused)
            note(f, "status %d (%s)", o->status, o->error.message);
        else if (o->article || o->json || o->error.code != NEWSMETA_ERR_NOMEM ||
                 !o->error.message[0])
            note(f, "NOMEM with a result or without its message");
        return;
    }
    char *json = o->article ? json_of(o->article) : NULL;
    const char *got = o->article ? json : o->json;
    bool same = got && !strcmp(got, reference);
    if (!same && (j->kind == JOB_TO_JSON || !fa.refused || refused_by_newsmeta()))
        note(f, "OK, but not the record of a run without failure:\n%.400s", got ? got : "(none)");
    else if (!same) {
        newsmeta_options defaults;
        newsmeta_options_init(&defaults);
        fuzz_check_article(o->article, &defaults);
        if (!json)
            note(f, "OK, but the record does not serialize");
    }
    if (j->kind == JOB_TO_JSON && same && o->json_length != strlen(o->json))
        note(f, "OK, but the length is wrong");
    newsmeta_free(json);
}

/* Blocks the run allocated and did not free. */
static void note_live(finding *f)
{
    char blocks[160] = "";
    size_t len = 0;
    for (size_t i = 0, shown = 0; i < fa.cap && shown < 4; i++)
        if (fa.slots[i].ptr && len < sizeof blocks) {
            len += (size_t)snprintf(blocks + len, sizeof blocks - len, " #%lu (%zu bytes)",
                                    fa.slots[i].seq, fa.slots[i].size);
            shown++;
        }
    note(f, "%zu block(s) still live:%s", fa.used, blocks);
}

/* Run the job with allocation fail_at refused, check what it gave and
 * what it left live. Returns false when the run needed no more than
 * fail_at allocations (nothing was refused: the last run). */
static bool run_refusing(const job *j, unsigned long fail_at, const char *reference, finding *f)
{
    char what[128];
    snprintf(what, sizeof what, "%s, allocation %lu refused", j->name, fail_at);
    fa.run = what;
    bool refused = false;
    /* A run that leaves blocks live is run again: ICU fills lazy caches
     * (zone and locale data, its UnifiedCache) the first time a path is
     * taken, and a refusal can send a run down a path the reference run
     * did not take. What the same run leaves live again is a leak. */
    for (int attempt = 0; attempt < 2; attempt++) {
        outcome o = run(j, true, fail_at);
        if (attempt == 0) /* the run again may need fewer allocations */
            refused = fa.refused;
        check_outcome(j, &o, reference, f);
        release(&o);
        /* libxml2 keeps the last error (its strings) in thread-local
         * state until the next error: not the record's. */
        xmlResetLastError();
        size_t live = fa.used;
        /* ICU 72's GregorianCalendar::setGregorianChange() leaks the
         * calendar it builds when building it fails (gregocal.cpp returns
         * on the error without deleting it). */
        if (live == 1 && refused_inside("setGregorianChange"))
            live = 0;
        if (live && attempt == 1)
            note_live(f);
        live_clear();
        if (!live || f->text[0])
            break;
    }
    fa.run = NULL;
    return refused;
}

/* Refuse each allocation of the job in turn; stop at the first problem. */
static void refuse_each_allocation(const job *j)
{
    char *reference = reference_result(j);
    ck_assert_msg(reference != NULL, "%s: no result even without failures", j->name);
    unsigned long n = 0;
    for (bool refused = true; refused; n++) {
        finding f = {""};
        refused = run_refusing(j, n, reference, &f);
        ck_assert_msg(!f.text[0], "%s, allocation %lu refused: %s", j->name, n, f.text);
    }
    /* a job that allocates nothing would test nothing */
    ck_assert_uint_gt(n, 3);
    newsmeta_free(reference);
}

/* ---- the pages -------------------------------------------------------------- */

/* JSON-LD, meta tags, a byline with a link, <time>, body links, a caption,
 * a heading and a list, a related link, a printed update time. */
#define NEWS_PAGE                                                                            \
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"                         \
    "<title>Council approves harbour bridge | Example Times</title>"                          \
    "<meta property=\"og:site_name\" content=\"Example Times\">"                              \
    "<meta name=\"description\" content=\"The council voted 9 to 2.\">"                       \
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","              \
    "\"@type\":\"NewsArticle\",\"headline\":\"Council approves harbour bridge\","             \
    "\"datePublished\":\"2021-03-03T18:05:00+05:30\",\"dateModified\":\"2021-03-04\","        \
    "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Doe\"},{\"@type\":\"Person\","         \
    "\"name\":\"John Smith\"}],\"keywords\":[\"bridges\",\"council\"],"                       \
    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example Times\"}}</script>"         \
    "</head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"             \
    "<article><h1>Council approves harbour bridge</h1>"                                       \
    "<p class=\"byline\">By <a href=\"/staff/jane\">Jane Doe</a> and John Smith, Reuters</p>" \
    "<time datetime=\"2021-03-03T18:05:00+05:30\">March 3, 2021, 6:05 p.m. IST</time>"        \
    "<p>The city council voted nine to two on Wednesday to fund the <a "                      \
    "href=\"/tags/bridge\">harbour bridge</a>, ending a debate of more than ten years.</p>"   \
    "<figure><img src=\"/b.jpg\"><figcaption>The harbour at dawn.</figcaption></figure>"      \
    "<h2>What comes next</h2><p>Construction begins next spring, officials said, and the "   \
    "crossing should open within four years.</p><ul><li>Cost: 40 million</li>"                \
    "<li>Length: 900 metres</li></ul><p>Read more: <a href=\"/world/ferries\">Ferries "       \
    "face an uncertain future</a></p><p>Updated: March 4, 2021</p></article>"                 \
    "<footer>Copyright 2021 Example Times. All rights reserved.</footer></body></html>"

#define NEWS_URL "https://news.example.test/world/2021/03/03/harbour-bridge"

static const job news_page = {.name = "news page", .kind = JOB_PARSE_HTML, .url = NEWS_URL,
                              .bytes = NEWS_PAGE};

/* windows-1252 bytes, declared in a <meta>, converted by ICU; no URL, so
 * links are kept as written. */
static const job legacy_page = {
    .name = "windows-1252 page", .kind = JOB_PARSE_HTML, .bytes =
    "<html lang=\"fr\"><head><meta http-equiv=\"Content-Type\" "
    "content=\"text/html; charset=windows-1252\"><title>Le caf\xe9 rouvre ses portes</title>"
    "</head><body><article><h1>Le caf\xe9 rouvre ses portes</h1><p>Par Ren\xe9 Martin</p>"
    "<p>Publi\xe9 le 15 juin 2020 \xe0 10h30</p><p>Apr\xe8s trois mois de fermeture, le "
    "<a href=\"/lieux/cafe\">caf\xe9 de la place</a> a rouvert lundi, \xe0 la grande joie "
    "des habitu\xe9s du quartier.</p>"
    "<p>\x93Nous sommes heureux\x94, dit la patronne.</p></article></body></html>"};

static const job text_article = {
    .name = "text article", .kind = JOB_PARSE_TEXT, .bytes =
    "World\n\nCouncil approves harbour bridge after decade of debate\n\n"
    "The city council voted nine to two to fund the long-planned crossing.\n\n"
    "By Jane Doe and John Smith\nPublished March 3, 2021 6:05 PM EST\n"
    "Updated March 4, 2021\n\n"
    "The city council voted nine to two on Wednesday evening to fund the harbour bridge, "
    "ending a debate that has run for more than ten years.\n\n"
    "What comes next\n\n"
    "* Construction begins next spring.\n* The crossing opens within four years.\n\n"
    "Read more: Ferries face an uncertain future\n\n"
    "Opponents argued that the money would be better spent on ferries, but the mayor said "
    "the bridge would serve the city for a century.\n"};

static const job news_json = {.name = "news page as JSON", .kind = JOB_TO_JSON, .url = NEWS_URL,
                              .bytes = NEWS_PAGE};

static const job *const jobs[] = {&news_page, &legacy_page, &text_article, &news_json};

START_TEST(each_allocation_refused)
{
    refuse_each_allocation(jobs[_i]);
}
END_TEST

/* The same for every case of tests/fixtures, its input.html parsed as
 * HTML or its input.txt as text. */
static void refuse_in_cases(const char *input, job_kind kind)
{
    char **names = NULL;
    size_t count = nm_case_names(NM_FIXTURES_DIR, input, &names);
    ck_assert_uint_gt(count, 0);
    for (size_t i = 0; i < count; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s/%s", NM_FIXTURES_DIR, names[i], input);
        job j = {.name = names[i], .kind = kind};
        char *bytes = nm_read_file(path, &j.length);
        ck_assert_msg(bytes != NULL, "cannot read %s", path);
        j.bytes = bytes;
        snprintf(path, sizeof path, "%s/%s/url", NM_FIXTURES_DIR, names[i]);
        char *url = nm_read_file(path, NULL);
        if (url)
            url[strcspn(url, "\r\n")] = '\0';
        j.url = url;
        refuse_each_allocation(&j);
        free(bytes);
        free(url);
    }
    nm_fixture_names_free(names, count);
}

START_TEST(each_allocation_refused_in_fixtures)
{
    refuse_in_cases("input.html", JOB_PARSE_HTML);
    refuse_in_cases("input.txt", JOB_PARSE_TEXT);
}
END_TEST

/* ---- the survey ------------------------------------------------------------- */

static void print_stack(void)
{
    for (int i = 0; i < fa.stack_depth; i++) {
        Dl_info info;
        if (dladdr(fa.stack[i], &info) && info.dli_fname)
            printf("    %s(%s+%#lx) [%p]\n", strrchr(info.dli_fname, '/') + 1,
                   info.dli_sname ? info.dli_sname : "",
                   (unsigned long)((const char *)fa.stack[i] -
                                   (const char *)(info.dli_sname ? info.dli_saddr
                                                                 : info.dli_fbase)),
                   fa.stack[i]);
    }
}

/* Every N of every job, each run in a child process (a crash or a hang is
 * reported too), every problem printed with the stack of the refused
 * allocation (addr2line -e <library> turns the offsets into lines). */
static int survey(void)
{
    int problems = 0;
    for (size_t i = 0; i < sizeof jobs / sizeof *jobs; i++) {
        char *reference = reference_result(jobs[i]);
        if (!reference) {
            printf("%s: no result even without failures\n", jobs[i]->name);
            return 1;
        }
        unsigned long n = 0;
        for (bool refused = true; refused; n++) {
            fflush(stdout);
            pid_t pid = fork();
            if (pid == 0) {
                alarm(10);
                finding f = {""};
                refused = run_refusing(jobs[i], n, reference, &f);
                if (f.text[0]) {
                    printf("%s, allocation %lu refused: %s\n", jobs[i]->name, n, f.text);
                    print_stack();
                }
                fflush(stdout);
                _exit(f.text[0] ? 1 : refused ? 0 : 2);
            }
            int status = 0;
            waitpid(pid, &status, 0);
            if (WIFSIGNALED(status))
                printf("%s, allocation %lu refused: signal %d\n", jobs[i]->name, n,
                       WTERMSIG(status));
            problems += !WIFEXITED(status) || WEXITSTATUS(status) == 1;
            refused = !WIFEXITED(status) || WEXITSTATUS(status) != 2;
        }
        printf("%s: %lu runs\n", jobs[i]->name, n);
        newsmeta_free(reference);
    }
    printf("%d problem(s)\n", problems);
    return problems ? 1 : 0;
}

/* libxml2 prints its failed allocations through the generic error
 * handler (stderr by default): not what the reader of this test needs. */
static void ignore_libxml2_message(void *context, const char *format, ...)
{
    (void)context;
    (void)format;
}

int main(int argc, char **argv)
{
    /* glibc loads libgcc_s on the first backtrace(): now, not in a run */
    void *frame;
    backtrace(&frame, 1);
    xmlSetGenericErrorFunc(NULL, ignore_libxml2_message);
    if (argc == 2 && !strcmp(argv[1], "survey"))
        return survey();
    Suite *s = suite_create("alloc_failure");
    TCase *tc = tcase_create("refused");
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, each_allocation_refused, 0, (int)(sizeof jobs / sizeof *jobs));
    tcase_add_test(tc, each_allocation_refused_in_fixtures);
    suite_add_tcase(s, tc);
    return nm_run_suite(s);
}
