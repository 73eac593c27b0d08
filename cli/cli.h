/* Shared pieces of the newsmeta command-line tool. */
#ifndef NEWSMETA_CLI_H
#define NEWSMETA_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "newsmeta.h"

/* Exit codes, documented in --help and the man page. */
enum {
    EXIT_OK = 0,
    EXIT_EXTRACT = 1, /* the input was read but could not be extracted (single
                         mode), or some pages failed (batch mode) */
    EXIT_USAGE = 2,   /* bad command line */
    EXIT_IO = 3       /* an input could not be read, or output failed */
};

typedef enum cli_mode { MODE_AUTO, MODE_HTML, MODE_TEXT } cli_mode;

/* The most bytes one input may have: options.max_input_bytes, the
 * library's own limit, so that the CLI refuses what the library would. */
size_t cli_input_limit(const newsmeta_options *opts);
/* "input too large: more than LIMIT bytes ..." into msg. */
void cli_too_large_message(char *msg, size_t size, size_t limit);

/* Whole stream into a malloc'd buffer (NUL-terminated); NULL with errno.
 * Reading stops at limit + 1 bytes, and a regular file longer than limit
 * is not read at all: NULL with errno EFBIG, having held at most limit + 1
 * bytes (a pipe, /dev/zero and a sparse file cost no more). */
char *cli_read_all(FILE *in, size_t limit, size_t *len);
/* Whether the bytes start as a gzip member does (its magic bytes). */
bool cli_is_gzip(const char *s, size_t n);
/* cli_read_all(), and when the bytes are gzip, inflated: the limit then
 * bounds the inflated bytes too (EFBIG once limit + 1 came out, so a bomb
 * costs no more); EBADMSG for damaged or cut gzip data. */
char *cli_read_input(FILE *in, size_t limit, size_t *len);
/* Whole file, as cli_read_input(); NULL with errno. */
char *cli_read_file(const char *path, size_t limit, size_t *len);

/* One line of a stream, without its '\n', NUL-terminated in buf. */
typedef struct cli_line {
    char *buf; /* malloc'd, reused from line to line: free() it */
    size_t cap, len;
} cli_line;
typedef enum cli_line_status {
    CLI_LINE_OK,
    CLI_LINE_TOO_LONG, /* more than limit bytes: buf holds the first limit,
                          the rest of the line was read and dropped */
    CLI_LINE_END,      /* no more lines */
    CLI_LINE_ERROR     /* a read error (errno): the stream is not whole */
} cli_line_status;
/* The next line of in, holding at most limit + 1 bytes in memory. */
cli_line_status cli_read_line(FILE *in, size_t limit, cli_line *line);
/* Whether the file at path is a WARC archive, by its first bytes
 * (newsmeta_is_warc); false when it cannot be read. */
bool cli_is_warc_file(const char *path);
/* HTML or plain text, decided from the first bytes. */
int cli_looks_like_html(const char *s, size_t n);

/* The pages under a directory, found recursively: every .html, .htm,
 * .xhtml, .warc (each also .gz) file, symbolic links to files followed,
 * to directories not; sorted by path (bytewise). *paths is a malloc'd
 * array of malloc'd paths (dir + "/" + the path under it). 0, or errno
 * when dir or a directory under it cannot be read. */
int cli_walk_dir(const char *dir, char ***paths, size_t *count);
/* Whether path names a directory. */
bool cli_is_dir(const char *path);
/* The extension of the files written by --output-dir (".json"), or of an
 * archive's records (".jsonl"), with its dot. */
const char *cli_output_extension(bool many_records, newsmeta_format format);
/* The name under --output-dir of an input: name (relative to the
 * directory it was found in, or as given) without a leading "/" and with
 * no "." or ".." component, its page extension (.html.gz, .warc...)
 * replaced by cli_output_extension(). malloc'd; NULL when out of memory. */
char *cli_output_name(const char *name, bool many_records, newsmeta_format format);
/* mkdir -p of the directories of path (not path itself); 0 or errno. */
int cli_make_parents(const char *path);

typedef enum cli_progress { PROGRESS_AUTO, PROGRESS_ON, PROGRESS_OFF } cli_progress;

/* The progress line of batch mode on standard error. On a terminal it is
 * redrawn in place and cleared before anything else is written there; on
 * anything else (forced with --progress) each update is a line. */
typedef struct cli_progress_line {
    bool on, tty;
    bool shown;         /* a line is on the terminal now */
    double start, last; /* monotonic seconds: the start, the last update */
} cli_progress_line;
/* Starts the clock; on as the mode says (AUTO: when stderr is a terminal). */
void cli_progress_init(cli_progress_line *p, cli_progress mode);
/* done of total pages (total 0: not yet known), at most 4 times a second
 * unless final. */
void cli_progress_update(cli_progress_line *p, size_t done, size_t total, size_t errors,
                         bool final);
/* Takes the line off the terminal, before something else is written there. */
void cli_progress_clear(cli_progress_line *p);

typedef struct batch_config {
    const newsmeta_options *opts;
    cli_mode mode;
    const char *url;        /* for file inputs: the same base URL for all (rarely useful) */
    int threads;            /* worker threads, >= 1 */
    char **files;           /* paths, or NULL to read the JSONL stream on stdin */
    size_t file_count;
    const char *files_from; /* a file listing paths, one per line ("-" = stdin),
                               each optionally followed by a tab and its URL */
    const char *output_dir; /* one file per input there, or NULL for stdout */
    cli_progress progress;
    newsmeta_format format; /* of the records: JSON lines, or one file per page */
    uint32_t render_flags;  /* NEWSMETA_RENDER_METADATA */
} batch_config;

/* Batch mode: one JSON record per line, in input order. Returns an exit
 * code. */
int cli_batch(const batch_config *cfg);

#endif
