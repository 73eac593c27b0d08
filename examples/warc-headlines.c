/* Print the headline of every page of a WARC archive.
 *
 *   cc warc-headlines.c $(pkg-config --cflags --libs newsmeta) -o warc-headlines
 *   ./warc-headlines CRAWL.warc.gz > headlines.tsv
 *
 * One line per HTML page of the archive, in archive order: the record's
 * offset in the file, its URL and the page's headline, separated by tabs.
 * A stretch of the archive that could not be read is reported on stderr
 * and the reading goes on; the counts of what was read and skipped end the
 * run. The point of the example: newsmeta_warc_next() hands each page
 * ready for newsmeta_parse_html(), with the URL and the charset the server
 * declared, and the record stays valid until the next call.
 */
#include <inttypes.h>
#include <stdio.h>

#include <newsmeta.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s ARCHIVE.warc[.gz]\n", argv[0]);
        return 2;
    }
    newsmeta_warc *warc = NULL;
    newsmeta_error err;
    if (newsmeta_warc_open(argv[1], NULL, &warc, &err) != NEWSMETA_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    const newsmeta_warc_record *rec;
    while (newsmeta_warc_next(warc, &rec, &err) == NEWSMETA_OK && rec) {
        if (rec->error != NEWSMETA_OK) {
            fprintf(stderr, "offset %" PRIu64 ": %s\n", rec->offset, rec->message);
            continue;
        }
        newsmeta_options opts;
        newsmeta_options_init(&opts);
        opts.charset = rec->charset; /* the served charset, as a browser takes it */
        newsmeta_article *article = NULL;
        if (newsmeta_parse_html(rec->body, rec->body_length, rec->target_uri, &opts, &article,
                                &err) != NEWSMETA_OK) {
            /* e.g. a charset label no browser knows: try the page's own word */
            opts.charset = NULL;
            if (newsmeta_parse_html(rec->body, rec->body_length, rec->target_uri, &opts,
                                    &article, &err) != NEWSMETA_OK) {
                fprintf(stderr, "%s: %s\n", rec->target_uri ? rec->target_uri : "?", err.message);
                continue;
            }
        }
        printf("%" PRIu64 "\t%s\t%s\n", rec->offset, rec->target_uri ? rec->target_uri : "",
               article->headline ? article->headline : "");
        newsmeta_article_free(article);
    }
    const newsmeta_warc_counts *n = newsmeta_warc_get_counts(warc);
    fprintf(stderr,
            "%" PRIu64 " pages, %" PRIu64 " damaged or too large; skipped: %" PRIu64
            " other responses, %" PRIu64 " requests, %" PRIu64 " metadata, %" PRIu64
            " revisits, %" PRIu64 " warcinfo, %" PRIu64 " other\n",
            n->pages, n->errors, n->not_html, n->requests, n->metadata, n->revisits, n->warcinfo,
            n->other);
    newsmeta_warc_close(warc);
    return 0;
}
