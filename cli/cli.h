/* Shared pieces of the newsmeta command-line tool. */
#ifndef NEWSMETA_CLI_H
#define NEWSMETA_CLI_H

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

/* Whole stream into a malloc'd buffer (NUL-terminated); NULL with errno. */
char *cli_read_all(FILE *in, size_t *len);
/* Whole file; NULL with errno. */
char *cli_read_file(const char *path, size_t *len);
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
