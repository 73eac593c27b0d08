/* Batch mode: many pages, one JSON record per line, in input order, on
 * N workers.
 *
 * Inputs are file paths (arguments, or a list file), or a JSONL stream of
 * {"url": ..., "html": ...} records on stdin (also "text" instead of
 * "html" for plain-text pages). A path holding a WARC archive (told by its
 * content) gives one job per page of the archive, read by the library's
 * WARC reader in the reading thread; the jobs carry the record's URL, its
 * served charset and a "warc" object that says where the page came from. The main thread reads the input and hands
 * out jobs to N - 1 threads, and is the N-th worker itself: whenever the
 * window of jobs in flight is full, and once the input is read (with -j 1
 * it simply extracts each page in turn). Workers read and extract; the
 * output is written by whichever thread completes the next record in
 * order, so memory stays bounded by a small window of records in flight.
 * A page that fails gives an error record {"error": {...}} on its line and
 * the batch goes on. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli.h"

typedef struct job {
    char bad[160];   /* why the input line was unusable, or "" */
    newsmeta_status bad_status; /* the status of that error record */
    char *name;      /* path, "stdin:LINE", or "LIST:LINE" */
    char *url;       /* owned; may be NULL */
    json_t *record;  /* owned: the stdin record holding data */
    char *owned;     /* owned: a WARC page's bytes */
    char *charset;   /* owned: the charset a WARC page was served with, or NULL */
    json_t *warc;    /* owned: where a WARC page came from, or NULL */
    json_t *input;   /* owned: the record's "input" (the path, or a stream record's id) */
    char *out_name;  /* owned: its file under --output-dir, or NULL */
    bool many;       /* one of the records of an archive: they share a file */
    const char *data; /* input bytes for stdin records and WARC pages; NULL for files */
    size_t len;
    cli_mode mode;
    size_t weight;   /* bytes to read, for picking the largest first */
    bool started;
} job;

typedef struct slot {
    char *out;       /* the JSON line (malloc'd), or NULL while pending */
    size_t out_len;
    bool done;
    bool failed;
    bool many;       /* of an archive: into its file, errors too */
    char *out_name;  /* its file under --output-dir, or NULL */
} slot;

typedef struct batch {
    const batch_config *cfg;
    pthread_mutex_t mu;
    pthread_cond_t job_ready, slot_free, out_ready;
    /* window of jobs in flight: seq in [written, produced) */
    job *jobs;
    slot *slots;
    size_t window;
    size_t produced, taken, written;
    bool input_done;
    bool writing; /* one thread writes at a time, in order */
    bool io_error;
    size_t errors;
    cli_progress_line progress;
    bool stdout_tty;  /* records go to the terminal the progress line is on */
    bool inline_jobs; /* one thread: jobs run in the main thread */
    /* --output-dir: the file being written, kept open while the records of
     * one archive come in */
    FILE *out_file;
    char *out_name;
    char input_error[320]; /* why the list or stream stopped, said at the end */
} batch;

/* A path as a JSON string: bytes that are not UTF-8 become U+FFFD, so
 * that the record stays valid JSON and still names its input. */
static json_t *path_string(const char *path)
{
    json_t *s = json_string(path);
    if (s || !path)
        return s;
    size_t n = strlen(path);
    char *clean = malloc(3 * n + 1), *o = clean;
    if (!clean)
        return NULL;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++)
        if (*p < 0x80) {
            *o++ = (char)*p;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
        }
    *o = '\0';
    s = json_string(clean);
    free(clean);
    return s;
}

/* The CLI's members of a record, in order: "input", then "warc" for a
 * page of an archive (each only when known). NULL when out of memory. */
static json_t *cli_members(json_t *input, json_t *warc)
{
    json_t *o = json_object();
    if (o && ((input && json_object_set(o, "input", input) != 0) ||
              (warc && json_object_set(o, "warc", warc) != 0))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static char *error_record(const char *name, newsmeta_status st, const char *message,
                          json_t *input, json_t *warc, size_t *len)
{
    /* "input", "error", then "warc" */
    json_t *o = cli_members(input, NULL);
    json_t *e = json_pack("{s:o,s:i,s:s,s:s}", "input", path_string(name ? name : ""), "status",
                          (int)st, "name", newsmeta_strerror(st), "message",
                          message ? message : "");
    bool whole = o && e && json_object_set(o, "error", e) == 0 &&
                 (!warc || json_object_set(o, "warc", warc) == 0);
    json_decref(e);
    char *s = whole ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (!s) {
        s = strdup("{\"error\":{\"status\":6,\"name\":\"out of memory\"}}");
    }
    *len = s ? strlen(s) : 0;
    return s;
}

/* A batch record: the library's JSON object with the CLI's members first,
 * "input" and, for a WARC page, "warc" ("{" + members + "," + the record's
 * members; the library's record is never empty). Takes json (library
 * memory); NULL when out of memory. */
static char *with_members(char *json, size_t *len, json_t *input, json_t *warc)
{
    json_t *members = cli_members(input, warc);
    char *m = members ? json_dumps(members, JSON_COMPACT) : NULL;
    json_decref(members);
    size_t mlen = m ? strlen(m) : 0;
    char *out = mlen > 2 ? malloc(*len + mlen + 2) : NULL;
    if (out) {
        /* m without its closing brace, a comma, json without its opening one */
        memcpy(out, m, mlen - 1);
        out[mlen - 1] = ',';
        memcpy(out + mlen, json + 1, *len);
        *len += mlen - 1;
    }
    free(m);
    newsmeta_free(json);
    return out;
}

/* Extract one job into a JSON line. */
static void run_job(const batch_config *cfg, job *j, slot *out)
{
    const char *data = j->data;
    char *file = NULL;
    size_t len = j->len;
    out->many = j->many;
    out->out_name = j->out_name;
    j->out_name = NULL;
    if (j->bad[0]) {
        out->out = error_record(j->name, j->bad_status, j->bad, j->input, j->warc, &out->out_len);
        out->failed = true;
        return;
    }
    if (!data) {
        size_t limit = cli_input_limit(cfg->opts);
        data = file = cli_read_file(j->name, limit, &len);
        if (!data) {
            char msg[512];
            newsmeta_status st = errno == EFBIG     ? NEWSMETA_ERR_TOO_LARGE
                                 : errno == EBADMSG ? NEWSMETA_ERR_DAMAGED
                                                    : NEWSMETA_ERR_INVALID_ARGUMENT;
            if (st == NEWSMETA_ERR_TOO_LARGE)
                cli_too_large_message(msg, sizeof msg, limit);
            else if (st == NEWSMETA_ERR_DAMAGED)
                snprintf(msg, sizeof msg, "cannot read %s: damaged or cut gzip data", j->name);
            else
                snprintf(msg, sizeof msg, "cannot read %s: %s", j->name, strerror(errno));
            out->out = error_record(j->name, st, msg, j->input, NULL, &out->out_len);
            out->failed = true;
            return;
        }
    }
    cli_mode mode = j->mode != MODE_AUTO ? j->mode
                    : cfg->mode != MODE_AUTO ? cfg->mode
                    : cli_looks_like_html(data, len) ? MODE_HTML
                                                     : MODE_TEXT;
    newsmeta_article *a = NULL;
    newsmeta_error err;
    const char *url = j->url ? j->url : cfg->url;
    newsmeta_options opts = *cfg->opts;
    if (j->record)
        /* a page from the JSONL stream was a JSON string: it is UTF-8 now,
         * whatever charset its <meta> names */
        opts.charset = "UTF-8";
    else if (j->charset && !opts.charset)
        opts.charset = j->charset; /* the server's word, as a browser takes it */
    newsmeta_status st = mode == MODE_TEXT
                             ? newsmeta_parse_text(data, len, url, &opts, &a, &err)
                             : newsmeta_parse_html(data, len, url, &opts, &a, &err);
    if (st == NEWSMETA_ERR_ENCODING && opts.charset == j->charset) {
        /* a served charset no browser knows is passed over, as browsers do */
        opts.charset = NULL;
        st = newsmeta_parse_html(data, len, url, &opts, &a, &err);
    }
    free(file);
    if (st == NEWSMETA_OK && cfg->format != NEWSMETA_FORMAT_JSON) {
        /* a page of its own file (--output-dir): the article as written */
        char *page = NULL;
        st = newsmeta_render(a, cfg->format, cfg->render_flags, &page, &out->out_len, &err);
        newsmeta_article_free(a);
        if (st == NEWSMETA_OK) {
            out->out = malloc(out->out_len + 1); /* slots hold malloc'd text */
            if (out->out)
                memcpy(out->out, page, out->out_len + 1);
            newsmeta_free(page);
            if (out->out)
                return;
            st = NEWSMETA_ERR_NOMEM;
            snprintf(err.message, sizeof err.message, "out of memory");
        }
    } else if (st == NEWSMETA_OK) {
        char *json = NULL;
        st = newsmeta_to_json(a, 0, &json, &out->out_len, &err);
        newsmeta_article_free(a);
        if (st == NEWSMETA_OK) {
            out->out = with_members(json, &out->out_len, j->input, j->warc);
            if (out->out)
                return;
            st = NEWSMETA_ERR_NOMEM;
            snprintf(err.message, sizeof err.message, "out of memory");
        }
    }
    out->out = error_record(j->name, st, err.message, j->input, j->warc, &out->out_len);
    out->failed = true;
}

static void free_job(job *j)
{
    free(j->name);
    free(j->url);
    free(j->owned);
    free(j->charset);
    json_decref(j->warc);
    json_decref(j->input);
    free(j->out_name);
    json_decref(j->record);
    memset(j, 0, sizeof *j);
}

/* The file of --output-dir named name, opened (its directories made) unless
 * it is the one being written; NULL after saying why. */
static FILE *output_file(batch *b, const char *name)
{
    if (b->out_file && !strcmp(b->out_name, name))
        return b->out_file;
    if (b->out_file && fclose(b->out_file) != 0)
        b->io_error = true;
    b->out_file = NULL;
    free(b->out_name);
    b->out_name = strdup(name);
    size_t size = strlen(b->cfg->output_dir) + strlen(name) + 2;
    char *path = malloc(size);
    if (path && b->out_name) {
        snprintf(path, size, "%s/%s", b->cfg->output_dir, name);
        int rc = cli_make_parents(path);
        b->out_file = rc == 0 ? fopen(path, "w") : NULL;
        if (!b->out_file) {
            cli_progress_clear(&b->progress);
            fprintf(stderr, "newsmeta: cannot write %s: %s\n", path, strerror(rc ? rc : errno));
        }
    }
    free(path);
    if (!b->out_file)
        b->io_error = true;
    return b->out_file;
}

/* One record where it goes: standard output; or with --output-dir its
 * file, or standard error for the error of a page (no file is written). */
static void write_slot(batch *b, const slot *s)
{
    FILE *f = stdout;
    if (b->cfg->output_dir && s->failed && !s->many)
        f = stderr;
    else if (b->cfg->output_dir)
        f = s->out_name ? output_file(b, s->out_name) : NULL;
    if (!f) {
        b->io_error = true; /* no name (out of memory), or said why */
        return;
    }
    if (f == stderr || b->stdout_tty)
        cli_progress_clear(&b->progress);
    if (fwrite(s->out, 1, s->out_len, f) != s->out_len || fputc('\n', f) == EOF)
        b->io_error = true;
    if (f == b->out_file && !s->many) {
        /* one record, one file: a later input of the same name replaces it */
        if (fclose(f) != 0)
            b->io_error = true;
        b->out_file = NULL;
        free(b->out_name);
        b->out_name = NULL;
    }
}

/* Write every finished record that is next in order. Called with mu held;
 * releases it while writing. */
static void flush_ready(batch *b)
{
    if (b->writing)
        return; /* the thread writing now also picks up this record */
    b->writing = true;
    while (b->written < b->produced && b->slots[b->written % b->window].done) {
        size_t seq = b->written;
        slot s = b->slots[seq % b->window];
        pthread_mutex_unlock(&b->mu);
        if (s.out)
            write_slot(b, &s);
        free(s.out);
        free(s.out_name);
        pthread_mutex_lock(&b->mu);
        if (s.failed)
            b->errors++;
        memset(&b->slots[seq % b->window], 0, sizeof(slot));
        b->written = seq + 1;
        /* the reader waits for a full window to drain to half: one wake-up
         * per window/2 records instead of one per record */
        if (b->produced - b->written <= b->window / 2)
            pthread_cond_broadcast(&b->slot_free);
        /* the total is known once every input was submitted */
        cli_progress_update(&b->progress, b->written, b->input_done ? b->produced : 0, b->errors,
                            false);
    }
    b->writing = false;
}

/* Take the largest waiting job of the window and run it. Called with mu
 * held and a job waiting (taken < produced); returns with mu held. A big
 * page started last would leave the other workers idle at the end; the
 * output order is kept by the slots. */
static void run_one(batch *b)
{
    size_t seq = b->taken;
    for (size_t k = b->taken + 1; k < b->produced; k++) {
        const job *c = &b->jobs[k % b->window];
        if (!c->started && c->weight > b->jobs[seq % b->window].weight)
            seq = k;
    }
    job j = b->jobs[seq % b->window];
    memset(&b->jobs[seq % b->window], 0, sizeof(job));
    b->jobs[seq % b->window].started = true;
    while (b->taken < b->produced && b->jobs[b->taken % b->window].started)
        b->taken++;
    pthread_mutex_unlock(&b->mu);

    slot s = {.out = NULL};
    run_job(b->cfg, &j, &s);
    free_job(&j);

    pthread_mutex_lock(&b->mu);
    s.done = true;
    b->slots[seq % b->window] = s;
    flush_ready(b);
}

static void *worker(void *arg)
{
    batch *b = arg;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->taken == b->produced && !b->input_done)
            pthread_cond_wait(&b->job_ready, &b->mu);
        if (b->taken == b->produced && b->input_done)
            break;
        run_one(b);
    }
    pthread_cond_broadcast(&b->out_ready);
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

/* Queue one job (takes ownership of its strings); waits while the window
 * is full. */
static void submit(batch *b, job *j)
{
    if (!j->input && j->name)
        j->input = path_string(j->name);
    pthread_mutex_lock(&b->mu);
    if (b->inline_jobs) {
        /* -j 1: the main thread extracts; a worker would only add a
         * hand-off (and a wake-up of another CPU) per page */
        size_t seq = b->produced++;
        pthread_mutex_unlock(&b->mu);
        slot s = {.out = NULL};
        run_job(b->cfg, j, &s);
        free_job(j);
        s.done = true;
        pthread_mutex_lock(&b->mu);
        b->slots[seq % b->window] = s;
        flush_ready(b);
        pthread_mutex_unlock(&b->mu);
        return;
    }
    /* a full window: the reader is one of the workers meanwhile */
    while (b->produced - b->written >= b->window) {
        if (b->taken < b->produced)
            run_one(b);
        else
            pthread_cond_wait(&b->slot_free, &b->mu);
    }
    if (!j->weight && !j->data && j->name && !j->bad[0]) {
        struct stat sb;
        if (stat(j->name, &sb) == 0 && sb.st_size > 0)
            j->weight = (size_t)sb.st_size;
    }
    if (j->data)
        j->weight = j->len;
    j->started = false;
    b->jobs[b->produced % b->window] = *j;
    b->produced++;
    pthread_cond_signal(&b->job_ready);
    pthread_mutex_unlock(&b->mu);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* "SOURCE:LINE", the name of an input line in its error record. */
static char *line_name(const char *source, size_t lineno)
{
    size_t size = strlen(source) + 24;
    char *name = malloc(size);
    if (name)
        snprintf(name, size, "%s:%zu", source, lineno);
    return name;
}

/* The "input" of a stream record: its "id" as it is, else "stdin:LINE";
 * and its file under --output-dir: the id when a string or an integer,
 * else stdin-LINE. */
static void stream_input(batch *b, job *j, json_t *id, size_t lineno)
{
    j->input = id ? json_incref(id) : json_string(j->name ? j->name : "");
    if (!b->cfg->output_dir)
        return;
    char name[64];
    if (json_is_integer(id))
        snprintf(name, sizeof name, "%" JSON_INTEGER_FORMAT, json_integer_value(id));
    else
        snprintf(name, sizeof name, "stdin-%zu", lineno);
    j->out_name = cli_output_name(json_is_string(id) ? json_string_value(id) : name, false,
                                  b->cfg->format);
}

/* One line of the stdin stream: {"url": ..., "html": ...} or "text". */
static void submit_json_line(batch *b, const cli_line *line, cli_line_status st, size_t lineno)
{
    job j = {.name = line_name("stdin", lineno), .mode = MODE_AUTO};
    if (st == CLI_LINE_TOO_LONG) {
        /* an error record keeps the output aligned with the input lines */
        j.bad_status = NEWSMETA_ERR_TOO_LARGE;
        cli_too_large_message(j.bad, sizeof j.bad, cli_input_limit(b->cfg->opts));
        submit(b, &j);
        return;
    }
    json_error_t e;
    json_t *o = json_loadb(line->buf, line->len, 0, &e);
    if (json_is_object(o)) {
        json_t *u = json_object_get(o, "url"), *h = json_object_get(o, "html"),
               *t = json_object_get(o, "text");
        json_t *page = json_is_string(h) ? h : json_is_string(t) ? t : NULL;
        if (json_is_string(u))
            j.url = dup_or_null(json_string_value(u));
        stream_input(b, &j, json_object_get(o, "id"), lineno);
        if (page) {
            /* the job keeps the record: its string is the page, not copied */
            j.mode = page == h ? MODE_HTML : MODE_TEXT;
            j.data = json_string_value(page);
            j.len = json_string_length(page);
            j.record = o;
            o = NULL;
        }
    }
    if (!j.data) {
        j.bad_status = NEWSMETA_ERR_INVALID_ARGUMENT;
        snprintf(j.bad, sizeof j.bad, "not a JSON object with an \"html\" or \"text\" string");
    }
    json_decref(o);
    submit(b, &j);
}

/* Where a WARC page came from: the archive and the record's offset in it,
 * the record's id and date, its URL and HTTP status. */
static json_t *warc_object(const char *path, const newsmeta_warc_record *r)
{
    return json_pack("{s:s,s:I,s:s?,s:s?,s:s?,s:i}", "archive", path, "offset",
                     (json_int_t)r->offset, "record_id", r->record_id, "date", r->date,
                     "target_uri", r->target_uri, "http_status", r->http_status);
}

/* A WARC archive: one job per page, or per damaged stretch, in order;
 * rel names its file under --output-dir. */
static void submit_warc(batch *b, const char *path, const char *rel)
{
    newsmeta_warc *w = NULL;
    newsmeta_error err;
    if (newsmeta_warc_open(path, b->cfg->opts, &w, &err) != NEWSMETA_OK) {
        job j = {.name = dup_or_null(path), .bad_status = err.code};
        snprintf(j.bad, sizeof j.bad, "%.150s", err.message);
        submit(b, &j);
        return;
    }
    const newsmeta_warc_record *r;
    while (newsmeta_warc_next(w, &r, &err) == NEWSMETA_OK && r) {
        job j = {.name = dup_or_null(path), .mode = MODE_HTML, .warc = warc_object(path, r),
                 .many = true};
        if (b->cfg->output_dir)
            j.out_name = cli_output_name(rel, true, b->cfg->format);
        if (r->error == NEWSMETA_OK)
            j.owned = malloc(r->body_length + 1);
        if (r->error != NEWSMETA_OK || !j.owned || !j.warc) {
            j.bad_status = r->error != NEWSMETA_OK ? r->error : NEWSMETA_ERR_NOMEM;
            snprintf(j.bad, sizeof j.bad, "%s", r->error != NEWSMETA_OK ? r->message
                                                                       : "out of memory");
        } else {
            memcpy(j.owned, r->body, r->body_length);
            j.owned[r->body_length] = '\0';
            j.data = j.owned;
            j.len = r->body_length;
            j.url = dup_or_null(r->target_uri);
            j.charset = dup_or_null(r->charset);
        }
        submit(b, &j);
    }
    newsmeta_warc_close(w);
}

static void submit_path(batch *b, job *j, const char *rel);

/* The pages under a directory, in path order, each named under
 * --output-dir by its path below the directory. */
static void submit_dir(batch *b, job *j)
{
    char **paths = NULL;
    size_t count = 0, skip = strlen(j->name);
    int rc = cli_walk_dir(j->name, &paths, &count);
    if (rc) {
        j->bad_status = NEWSMETA_ERR_IO;
        snprintf(j->bad, sizeof j->bad, "cannot read the directory: %s", strerror(rc));
        submit(b, j);
        return;
    }
    while (skip > 1 && j->name[skip - 1] == '/')
        skip--; /* as cli_walk_dir() names its pages */
    for (size_t i = 0; i < count; i++) {
        /* under --output-dir: the page's path below the directory */
        job p = {.name = paths[i], .mode = MODE_AUTO};
        submit_path(b, &p, paths[i] + skip);
    }
    free(paths);
    free_job(j);
}

/* A path given or listed: a directory's pages, a WARC archive's pages, or
 * the file itself; rel names it under --output-dir (NULL: its path). */
static void submit_path(batch *b, job *j, const char *rel)
{
    if (!rel)
        rel = j->name;
    if (!j->bad[0] && j->name && cli_is_dir(j->name)) {
        submit_dir(b, j);
        return;
    }
    if (!j->bad[0] && j->name && cli_is_warc_file(j->name)) {
        submit_warc(b, j->name, rel);
        free_job(j);
        return;
    }
    if (!j->bad[0] && b->cfg->output_dir)
        j->out_name = cli_output_name(rel, false, b->cfg->format);
    submit(b, j);
}

/* One line of a --files-from list: a path, and after a tab the page's URL;
 * or an error record when the line cannot be one (longer than PATH_MAX, or
 * holding a NUL byte). */
static void submit_path_line(batch *b, const cli_line *line, cli_line_status st,
                             const char *source, size_t lineno)
{
    job j = {.mode = MODE_AUTO};
    if (st == CLI_LINE_OK && !memchr(line->buf, '\0', line->len)) {
        char *tab = strchr(line->buf, '\t');
        if (tab) {
            *tab = '\0';
            j.url = dup_or_null(tab + 1);
        }
        j.name = dup_or_null(line->buf);
    } else {
        j.name = line_name(source, lineno);
        j.bad_status = NEWSMETA_ERR_INVALID_ARGUMENT;
        if (st == CLI_LINE_TOO_LONG)
            snprintf(j.bad, sizeof j.bad, "a path longer than %d bytes (PATH_MAX)", PATH_MAX);
        else
            snprintf(j.bad, sizeof j.bad, "a path holding a NUL byte");
    }
    submit_path(b, &j, NULL);
}

/* Every input of the batch, submitted in order: the paths given, the
 * paths listed in cfg->files_from, or the JSONL stream on stdin. EXIT_OK,
 * or EXIT_IO when the list or the stream cannot be opened or read to its
 * end (the lines read before are done). */
static int read_inputs(batch *b, const batch_config *cfg)
{
    if (cfg->files) {
        for (size_t i = 0; i < cfg->file_count; i++) {
            job j = {.name = dup_or_null(cfg->files[i]), .mode = MODE_AUTO};
            submit_path(b, &j, NULL);
        }
        return EXIT_OK;
    }
    bool from_stdin = !cfg->files_from || !strcmp(cfg->files_from, "-");
    const char *source = from_stdin ? "stdin" : cfg->files_from;
    FILE *in = from_stdin ? stdin : fopen(source, "r");
    if (!in) {
        fprintf(stderr, "newsmeta: cannot open %s: %s\n", source, strerror(errno));
        return EXIT_IO;
    }
    /* a line of the stream holds one page: the page's limit bounds it */
    size_t limit = cfg->files_from ? PATH_MAX : cli_input_limit(cfg->opts), lineno = 0;
    cli_line line = {NULL, 0, 0};
    cli_line_status st;
    while ((st = cli_read_line(in, limit, &line)) == CLI_LINE_OK || st == CLI_LINE_TOO_LONG) {
        lineno++;
        while (line.len > 0 && line.buf[line.len - 1] == '\r')
            line.buf[--line.len] = '\0';
        if (line.len == 0)
            continue;
        if (cfg->files_from)
            submit_path_line(b, &line, st, source, lineno);
        else
            submit_json_line(b, &line, st, lineno);
    }
    int rc = EXIT_OK;
    if (st == CLI_LINE_ERROR) {
        /* said at the end: the progress line may be on the terminal now */
        snprintf(b->input_error, sizeof b->input_error, "cannot read %.200s: %s",
                 from_stdin ? "standard input" : source, strerror(errno));
        rc = EXIT_IO;
    }
    free(line.buf);
    if (in != stdin)
        fclose(in);
    return rc;
}

int cli_batch(const batch_config *cfg)
{
    batch b;
    memset(&b, 0, sizeof b);
    b.cfg = cfg;
    b.window = (size_t)cfg->threads * 8;
    b.jobs = calloc(b.window, sizeof *b.jobs);
    b.slots = calloc(b.window, sizeof *b.slots);
    if (!b.jobs || !b.slots) {
        fprintf(stderr, "newsmeta: out of memory\n");
        return EXIT_IO;
    }
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.job_ready, NULL);
    pthread_cond_init(&b.slot_free, NULL);
    pthread_cond_init(&b.out_ready, NULL);
    cli_progress_init(&b.progress, cfg->progress);
    b.stdout_tty = isatty(STDOUT_FILENO);
    static char outbuf[1 << 20];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
    newsmeta_init();

    b.inline_jobs = cfg->threads == 1;
    pthread_t *tids = calloc((size_t)cfg->threads, sizeof *tids);
    int started = 0;
    /* N - 1 threads: the reader is the N-th worker (below, and while the
     * window is full) */
    for (int i = 0; tids && !b.inline_jobs && i < cfg->threads - 1; i++)
        if (pthread_create(&tids[i], NULL, worker, &b) == 0)
            started++;
    /* without threads (none could start) the reader does all the work */

    int rc = read_inputs(&b, cfg);
    pthread_mutex_lock(&b.mu);
    b.input_done = true;
    pthread_cond_broadcast(&b.job_ready);
    pthread_mutex_unlock(&b.mu);
    if (!b.inline_jobs)
        worker(&b); /* the reader is the last worker */
    for (int i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    free(tids);
    pthread_mutex_lock(&b.mu);
    flush_ready(&b);
    pthread_mutex_unlock(&b.mu);
    if (fflush(stdout) != 0)
        b.io_error = true;
    if (b.out_file && fclose(b.out_file) != 0)
        b.io_error = true;
    free(b.out_name);
    cli_progress_update(&b.progress, b.written, b.produced, b.errors, true);
    cli_progress_clear(&b.progress);
    if (b.input_error[0])
        fprintf(stderr, "newsmeta: %s\n", b.input_error);
    free(b.jobs);
    free(b.slots);
    if (b.io_error) {
        fprintf(stderr, "newsmeta: cannot write output: %s\n", strerror(errno));
        return EXIT_IO;
    }
    if (rc == EXIT_OK && b.errors)
        rc = EXIT_EXTRACT;
    return rc;
}
