/* newsmeta(1): extract one article to JSON. Uses only the public API. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static void usage(FILE *f)
{
    fputs("usage: newsmeta [OPTIONS] [FILE|-]\n"
          "       newsmeta [OPTIONS] --jsonl|-o DIR FILE|DIR...\n"
          "\n"
          "Extract the article in an HTML page (FILE, or standard input for '-')\n"
          "and print it as one JSON record. Gzip input is read as such (told by\n"
          "its bytes); a DIR stands for the pages under it.\n"
          "\n"
          "options:\n"
          "  -u, --url URL       the page's URL (base for links, date hints);\n"
          "                      one page only: a usage error with several inputs\n"
          "  -p, --pretty        indent the JSON\n"
          "  -f, --format NAME   json (default), text, markdown or html; with\n"
          "                      several pages it needs --output-dir\n"
          "      --metadata      text, markdown, html: a header with the\n"
          "                      headline, authors, date and URL first\n"
          "  -c, --charset NAME  charset the page was served with (e.g. from HTTP)\n"
          "  -z, --timezone ZONE IANA zone for times printed without one\n"
          "      --now TIME      the present moment of the date rules (two-digit\n"
          "                      years, dates in the future): ISO 8601 with an\n"
          "                      offset (2019-11-19T08:03:00Z) or Unix seconds;\n"
          "                      default: the clock when each page is parsed\n"
          "  -t, --text          the input is the plain-text rendering of a page\n"
          "      --html          the input is HTML (default: decided from its start)\n"
          "      --no-body       metadata only\n"
          "      --no-links      the body without its links\n"
          "\n"
          "batch mode:\n"
          "      --jsonl         one JSON record per line for many inputs, in input\n"
          "                      order, each with \"input\" as its first key: FILE... ;\n"
          "                      or --files-from LIST; or, with neither, a JSONL\n"
          "                      stream of {\"url\": ..., \"html\": ...} (or \"text\")\n"
          "                      records on stdin (\"input\": the record's \"id\", else\n"
          "                      \"stdin:LINE\"). A page that fails gives an\n"
          "                      {\"input\": ..., \"error\": ...} line and the batch\n"
          "                      goes on.\n"
          "                      A DIR gives its .html, .htm, .xhtml pages (also\n"
          "                      .gz) and WARC archives, recursively, in path order.\n"
          "                      A FILE that is a WARC archive (plain or gzip,\n"
          "                      told by its content) gives one record per HTML\n"
          "                      page, with a \"warc\" object saying where it came\n"
          "                      from. A DIR or an archive given alone needs no\n"
          "                      --jsonl.\n"
          "  -o, --output-dir DIR  one file per input in DIR instead of stdout,\n"
          "                      named as the input (below the DIR it was found\n"
          "                      in) with .json for .html; an archive's records go\n"
          "                      to one .jsonl file; failed pages go to stderr\n"
          "  -j, --jobs N        worker threads (default: all cores)\n"
          "      --files-from LIST  read the input paths from LIST, one per line,\n"
          "                      each optionally followed by a tab and the page's\n"
          "                      URL ('-' for stdin; implies --jsonl)\n"
          "      --progress      show the progress line (done/total, pages/s, ETA,\n"
          "                      errors) on stderr even when it is no terminal\n"
          "  -q, --quiet         no progress line (default: shown on a terminal)\n"
          "  -h, --help          show this help\n"
          "  -V, --version       show the version\n"
          "\n"
          "Options follow getopt_long(3): --opt=value, bundled short flags (-pt,\n"
          "-j4), and -- before a FILE that starts with '-'.\n"
          "\n"
          "exit status: 0 success; 1 the input could not be extracted (the\n"
          "reason is printed on stderr; in batch mode: some pages failed);\n"
          "2 bad usage; 3 input/output error.\n",
          f);
}

/* The n decimal digits at s, or -1 when they are not all digits. */
static int fixed_digits(const char *s, int n)
{
    int v = 0;
    while (n-- > 0) {
        if (*s < '0' || *s > '9')
            return -1;
        v = v * 10 + (*s++ - '0');
    }
    return v;
}

static bool leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 1970-01-01 to a date of the years 1 to 9999 (Gregorian). */
static int64_t epoch_days(int y, int m, int d)
{
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int64_t past = y - 1; /* whole years before y */
    return past * 365 + past / 4 - past / 100 + past / 400 + before[m - 1] +
           (m > 2 && leap_year(y)) + d - 1 - 719162; /* 719162: 0001-01-01 to 1970-01-01 */
}

/* --now: Unix seconds, or an ISO 8601 time with its offset,
 * YYYY-MM-DD(T| )hh:mm[:ss[.fff]](Z|+hh:mm|+hhmm). */
static bool parse_now(const char *v, int64_t *out)
{
    size_t sign = *v == '-';
    if (v[sign] && strspn(v + sign, "0123456789") == strlen(v + sign)) {
        char *end;
        errno = 0;
        long long n = strtoll(v, &end, 10);
        *out = n;
        return errno == 0 && *end == '\0';
    }
    if (strlen(v) < 16)
        return false;
    int y = fixed_digits(v, 4), mo = fixed_digits(v + 5, 2), d = fixed_digits(v + 8, 2);
    if (y < 1 || v[4] != '-' || mo < 1 || mo > 12 || v[7] != '-' || d < 1 ||
        (v[10] != 'T' && v[10] != ' ') || v[13] != ':')
        return false;
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int h = fixed_digits(v + 11, 2), mi = fixed_digits(v + 14, 2), sec = 0;
    const char *p = v + 16;
    if (*p == ':') {
        sec = fixed_digits(p + 1, 2);
        if (sec < 0)
            return false;
        p += 3;
        if (*p == '.')
            p += 1 + strspn(p + 1, "0123456789");
    }
    int off = 0;
    if (*p == '+' || *p == '-') {
        /* each read stops at the string's end (not a digit) */
        int oh = fixed_digits(p + 1, 2);
        bool colon = oh >= 0 && p[3] == ':';
        int om = oh < 0 ? -1 : fixed_digits(p + (colon ? 4 : 3), 2);
        if (oh > 18 || om < 0 || om > 59 || p[colon ? 6 : 5] != '\0')
            return false;
        off = (*p == '-' ? -1 : 1) * (oh * 60 + om);
    } else if (strcmp(p, "Z")) {
        return false; /* no offset: the moment would depend on the reader's zone */
    }
    if (d > month_days[mo - 1] + (mo == 2 && leap_year(y)) || h < 0 || h > 23 || mi < 0 ||
        mi > 59 || sec < 0 || sec > 60)
        return false;
    *out = epoch_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - (int64_t)off * 60;
    return true;
}

/* The command line, read. */
typedef struct cli_args {
    const char *url, *path, *files_from, *output_dir;
    cli_mode mode;
    bool jsonl;
    long threads;
    cli_progress progress;
    char **files; /* the operands, after the options (getopt_long permutes) */
    size_t nfiles;
    uint32_t json_flags;    /* NEWSMETA_JSON_PRETTY, NEWSMETA_RENDER_METADATA */
    newsmeta_format format;
    newsmeta_options opts;
} cli_args;

#define GO_ON (-1) /* read_option: the command line goes on */

/* The long options without a short form. */
enum {
    OPT_NOW = 256,
    OPT_HTML,
    OPT_NO_BODY,
    OPT_NO_LINKS,
    OPT_JSONL,
    OPT_FILES_FROM,
    OPT_PROGRESS,
    OPT_METADATA
};

static const struct option LONG_OPTIONS[] = {
    {"url", required_argument, NULL, 'u'},
    {"pretty", no_argument, NULL, 'p'},
    {"charset", required_argument, NULL, 'c'},
    {"timezone", required_argument, NULL, 'z'},
    {"now", required_argument, NULL, OPT_NOW},
    {"text", no_argument, NULL, 't'},
    {"html", no_argument, NULL, OPT_HTML},
    {"no-body", no_argument, NULL, OPT_NO_BODY},
    {"no-links", no_argument, NULL, OPT_NO_LINKS},
    {"jsonl", no_argument, NULL, OPT_JSONL},
    {"jobs", required_argument, NULL, 'j'},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {"output-dir", required_argument, NULL, 'o'},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"format", required_argument, NULL, 'f'},
    {"metadata", no_argument, NULL, OPT_METADATA},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* The options that take a value. */
static int value_option(cli_args *args, int opt, const char *v)
{
    char *end;
    switch (opt) {
    case 'u': args->url = v; break;
    case 'c': args->opts.charset = v; break;
    case 'z': args->opts.default_timezone = v; break;
    case 'o': args->output_dir = v; break;
    case 'f':
        for (int f = NEWSMETA_FORMAT_JSON; f <= NEWSMETA_FORMAT_HTML; f++)
            if (!strcmp(v, newsmeta_format_name((newsmeta_format)f)) ||
                (f == NEWSMETA_FORMAT_MARKDOWN && !strcmp(v, "md"))) {
                args->format = (newsmeta_format)f;
                return GO_ON;
            }
        fprintf(stderr, "newsmeta: --format wants json, text, markdown or html, not \"%s\"\n", v);
        return EXIT_USAGE;
    case OPT_FILES_FROM:
        args->files_from = v;
        args->jsonl = true;
        break;
    case 'j':
        args->threads = strtol(v, &end, 10);
        if (end == v || *end || args->threads < 1 || args->threads > 1024) {
            fprintf(stderr, "newsmeta: --jobs wants a number of threads, 1 to 1024\n");
            return EXIT_USAGE;
        }
        break;
    default: /* OPT_NOW */
        if (!parse_now(v, &args->opts.now)) {
            fprintf(stderr, "newsmeta: --now wants an ISO 8601 time with its offset "
                            "(2019-11-19T08:03:00Z) or Unix seconds\n");
            return EXIT_USAGE;
        }
    }
    return GO_ON;
}

/* One option getopt_long() returned: GO_ON, or an exit code. */
static int read_option(cli_args *args, int opt, char **argv)
{
    switch (opt) {
    case 'h': usage(stdout); return EXIT_OK;
    case 'V': printf("newsmeta %s\n", newsmeta_version()); return EXIT_OK;
    case 'p': args->json_flags |= NEWSMETA_JSON_PRETTY; break;
    case 't': args->mode = MODE_TEXT; break;
    case OPT_HTML: args->mode = MODE_HTML; break;
    case OPT_JSONL: args->jsonl = true; break;
    case OPT_NO_BODY: args->opts.flags |= NEWSMETA_OPT_NO_BODY; break;
    case OPT_NO_LINKS: args->opts.flags |= NEWSMETA_OPT_NO_LINKS; break;
    case OPT_PROGRESS: args->progress = PROGRESS_ON; break;
    case OPT_METADATA: args->json_flags |= NEWSMETA_RENDER_METADATA; break;
    case 'q': args->progress = PROGRESS_OFF; break;
    case ':':
        fprintf(stderr, "newsmeta: %s needs a value (see --help)\n", argv[optind - 1]);
        return EXIT_USAGE;
    case '?':
        if (optopt && optopt < 256)
            fprintf(stderr, "newsmeta: unknown option -%c (see --help)\n", optopt);
        else
            fprintf(stderr, "newsmeta: unknown option %s (see --help)\n", argv[optind - 1]);
        return EXIT_USAGE;
    default: return value_option(args, opt, optarg);
    }
    return GO_ON;
}

/* The options (getopt_long conventions: --opt=value, --, bundled short
 * flags, -j4), then the operands: GO_ON, or an exit code. */
static int read_command_line(cli_args *args, int argc, char **argv)
{
    opterr = 0; /* our messages, without argv[0]'s path */
    int opt;
    while ((opt = getopt_long(argc, argv, ":u:pc:z:thVj:o:qf:", LONG_OPTIONS, NULL)) != -1) {
        int rc = read_option(args, opt, argv);
        if (rc != GO_ON)
            return rc;
    }
    args->files = argv + optind;
    args->nfiles = (size_t)(argc - optind);
    args->path = args->nfiles ? args->files[0] : NULL;
    return GO_ON;
}

/* Batch mode (batch.c), after its defaults. */
static int run_batch(cli_args *args)
{
    if (args->threads == 0) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        args->threads = n > 0 ? n : 1;
    }
    if (!args->nfiles && !args->files_from && isatty(STDIN_FILENO)) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (args->format != NEWSMETA_FORMAT_JSON && !args->output_dir) {
        fprintf(stderr, "newsmeta: with several pages, --format %s needs --output-dir (one "
                        "file per page; on standard output a batch is JSON lines)\n",
                newsmeta_format_name(args->format));
        return EXIT_USAGE;
    }
    batch_config cfg = {&args->opts,
                        args->mode,
                        args->url,
                        (int)args->threads,
                        args->nfiles ? args->files : NULL,
                        args->nfiles,
                        args->nfiles ? NULL : args->files_from,
                        args->output_dir,
                        args->progress,
                        args->format,
                        args->json_flags & NEWSMETA_RENDER_METADATA};
    return cli_batch(&cfg);
}

/* The record of one article on standard output, in the chosen format. */
static int write_record(const newsmeta_article *article, newsmeta_format format,
                        uint32_t json_flags)
{
    char *json = NULL;
    size_t jlen = 0;
    newsmeta_error err;
    if (newsmeta_render(article, format, json_flags, &json, &jlen, &err) != NEWSMETA_OK) {
        fprintf(stderr, "newsmeta: %s\n", err.message);
        return EXIT_IO;
    }
    int rc = EXIT_OK;
    if (fwrite(json, 1, jlen, stdout) != jlen || fputc('\n', stdout) == EOF || fflush(stdout))
        rc = EXIT_IO;
    newsmeta_free(json);
    if (rc != EXIT_OK)
        fprintf(stderr, "newsmeta: cannot write output: %s\n", strerror(errno));
    return rc;
}

/* One page, from a file or standard input. */
static int run_one(cli_args *args)
{
    const char *path = args->path ? args->path : "-";
    FILE *in = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!in) {
        fprintf(stderr, "newsmeta: cannot open %s: %s\n", path, strerror(errno));
        return EXIT_IO;
    }
    size_t len = 0, limit = cli_input_limit(&args->opts);
    char *html = cli_read_input(in, limit, &len);
    int read_errno = errno;
    if (in != stdin)
        fclose(in);
    if (!html && read_errno == EFBIG) {
        char msg[160];
        cli_too_large_message(msg, sizeof msg, limit);
        fprintf(stderr, "newsmeta: %s: %s\n", strcmp(path, "-") ? path : "<stdin>", msg);
        return EXIT_EXTRACT; /* as the library's NEWSMETA_ERR_TOO_LARGE */
    }
    if (!html && read_errno == EBADMSG) {
        fprintf(stderr, "newsmeta: %s: damaged or cut gzip data\n",
                strcmp(path, "-") ? path : "<stdin>");
        return EXIT_EXTRACT; /* read, but not extracted */
    }
    if (!html) {
        fprintf(stderr, "newsmeta: cannot read %s: %s\n", path, strerror(read_errno));
        return EXIT_IO;
    }
    newsmeta_article *article = NULL;
    newsmeta_error err;
    cli_mode mode = args->mode;
    if (mode == MODE_AUTO)
        mode = cli_looks_like_html(html, len) ? MODE_HTML : MODE_TEXT;
    newsmeta_status st =
        mode == MODE_TEXT ? newsmeta_parse_text(html, len, args->url, &args->opts, &article, &err)
                          : newsmeta_parse_html(html, len, args->url, &args->opts, &article, &err);
    free(html);
    if (st != NEWSMETA_OK) {
        fprintf(stderr, "newsmeta: %s: %s\n", strcmp(path, "-") ? path : "<stdin>", err.message);
        return st == NEWSMETA_ERR_NOMEM ? EXIT_IO : EXIT_EXTRACT;
    }
    int rc = write_record(article, args->format, args->json_flags);
    newsmeta_article_free(article);
    return rc;
}

/* A --charset or --timezone the library refuses is a usage error, said
 * once before any input is read, rather than an error on every page. */
static int check_caller_strings(const newsmeta_options *opts)
{
    if (!opts->charset && !opts->default_timezone)
        return GO_ON;
    static const char probe[] = "<title>probe</title>";
    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html(probe, sizeof probe - 1, NULL, opts, &a, &err);
    newsmeta_article_free(a);
    if (st == NEWSMETA_ERR_INVALID_ARGUMENT || st == NEWSMETA_ERR_ENCODING) {
        fprintf(stderr, "newsmeta: %s (see --help)\n", err.message);
        return EXIT_USAGE;
    }
    return GO_ON;
}

/* The pages of one run: one page, or batch mode (several files, a list,
 * a directory, a WARC archive, --output-dir, --jsonl). */
static int run(cli_args *args)
{
    bool one_path = args->nfiles == 1 && strcmp(args->path, "-") != 0;
    bool dir = one_path && cli_is_dir(args->path);
    if (args->url && (args->nfiles > 1 || args->files_from || dir)) {
        fprintf(stderr, "newsmeta: --url is the URL of one page; with several inputs, give "
                        "each its URL in a --files-from list (PATH<TAB>URL) or in the JSONL "
                        "stream (see --help)\n");
        return EXIT_USAGE;
    }
    /* a directory or a WARC archive holds many pages: one record per line */
    if (args->jsonl || args->output_dir || dir || (one_path && cli_is_warc_file(args->path)))
        return run_batch(args);
    if (args->nfiles > 1) {
        fprintf(stderr, "newsmeta: several input files need --jsonl or --output-dir "
                        "(see --help)\n");
        return EXIT_USAGE;
    }
    if (!args->path && isatty(STDIN_FILENO)) {
        /* Nothing piped in: explain rather than wait for input. */
        usage(stderr);
        return EXIT_USAGE;
    }
    return run_one(args);
}

int main(int argc, char **argv)
{
    cli_args args;
    memset(&args, 0, sizeof args);
    args.mode = MODE_AUTO;
    args.progress = PROGRESS_AUTO;
    newsmeta_options_init(&args.opts);
    int rc = read_command_line(&args, argc, argv);
    if (rc == GO_ON)
        rc = check_caller_strings(&args.opts);
    return rc == GO_ON ? run(&args) : rc;
}
