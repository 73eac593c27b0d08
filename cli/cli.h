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
/* Whole file, as cli_read_all(); NULL with errno. */
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

typedef struct batch_config {
    const newsmeta_options *opts;
    cli_mode mode;
    const char *url;        /* for file inputs: the same base URL for all (rarely useful) */
    int threads;            /* worker threads, >= 1 */
    char **files;           /* paths, or NULL to read the JSONL stream on stdin */
    size_t file_count;
    const char *files_from; /* a file listing paths, one per line ("-" = stdin) */
} batch_config;

/* Batch mode: one JSON record per line, in input order. Returns an exit
 * code. */
int cli_batch(const batch_config *cfg);

#endif
