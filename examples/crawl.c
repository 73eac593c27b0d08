/* A small crawler: fetch pages with libcurl, extract each with newsmeta,
 * follow the links of the article body.
 *
 *   cc crawl.c $(pkg-config --cflags --libs newsmeta libcurl) -o crawl
 *   ./crawl [-n MAX_PAGES] URL...
 *
 * Starting from the URLs given, pages are fetched breadth-first, at most
 * MAX_PAGES of them (default 10). Only the body links of an article
 * (newsmeta_link, kind NEWSMETA_LINK_BODY) are followed, and only to the
 * hosts of the start URLs. Each page gives one line of JSON on stdout, the
 * newsmeta record; a page that fails gives a line on stderr.
 *
 * Two things matter when embedding newsmeta in a crawler:
 *   - pass the page's URL (after redirects: CURLINFO_EFFECTIVE_URL), so
 *     relative links, the canonical URL and the image come out absolute,
 *     and so a /2026/03/14/ path can date the page;
 *   - pass the charset of the HTTP Content-Type header (options.charset):
 *     it wins over a <meta charset> that the server contradicts.
 *
 * The ctest example.crawl serves examples/site/ from a local HTTP server
 * and checks the output.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <newsmeta.h>

#define MAX_BYTES (16u * 1024u * 1024u) /* larger pages are not articles */

/* ---- the fetch -------------------------------------------------------------- */

typedef struct buffer {
    char *data;
    size_t len, cap;
} buffer;

static size_t on_data(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    buffer *b = userdata;
    size_t n = size * nmemb;
    if (b->len + n > MAX_BYTES)
        return 0; /* makes curl stop with CURLE_WRITE_ERROR */
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        while (cap < b->len + n)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p)
            return 0;
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, ptr, n);
    b->len += n;
    return n;
}

/* "text/html; charset=ISO-8859-1" -> "ISO-8859-1" in out, or "". */
static void charset_of(const char *content_type, char *out, size_t cap)
{
    out[0] = '\0';
    const char *p = content_type ? strstr(content_type, "charset=") : NULL;
    if (!p)
        return;
    p += strlen("charset=");
    if (*p == '"')
        p++;
    size_t n = 0;
    while (p[n] && p[n] != '"' && p[n] != ';' && p[n] != ' ' && n + 1 < cap)
        n++;
    memcpy(out, p, n);
    out[n] = '\0';
}

/* ---- the queue -------------------------------------------------------------- */

typedef struct queue {
    char **urls; /* every URL ever queued; [next, count) still to fetch */
    size_t count, cap, next;
} queue;

/* The URL without its #fragment, which names a place in the same page. */
static char *without_fragment(const char *url)
{
    size_t n = strcspn(url, "#");
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, url, n);
        s[n] = '\0';
    }
    return s;
}

static void enqueue(queue *q, const char *url)
{
    char *u = without_fragment(url);
    if (!u)
        return;
    for (size_t i = 0; i < q->count; i++)
        if (!strcmp(q->urls[i], u)) {
            free(u);
            return;
        }
    if (q->count == q->cap) {
        size_t cap = q->cap ? q->cap * 2 : 32;
        char **p = realloc(q->urls, cap * sizeof *p);
        if (!p) {
            free(u);
            return;
        }
        q->urls = p;
        q->cap = cap;
    }
    q->urls[q->count++] = u;
}

/* "host:port" of an absolute http(s) URL, through libcurl's URL parser;
 * NULL when the URL is not one. Free with free(). */
static char *host_port(const char *url)
{
    CURLU *h = curl_url();
    char *scheme = NULL, *host = NULL, *port = NULL, *out = NULL;
    if (h && curl_url_set(h, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        (!strcmp(scheme, "http") || !strcmp(scheme, "https")) &&
        curl_url_get(h, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
        curl_url_get(h, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
        size_t n = strlen(host) + strlen(port) + 2;
        out = malloc(n);
        if (out)
            snprintf(out, n, "%s:%s", host, port);
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
    curl_url_cleanup(h);
    return out;
}

static bool allowed(char **hosts, size_t nhosts, const char *url)
{
    char *hp = host_port(url);
    bool ok = false;
    for (size_t i = 0; hp && i < nhosts && !ok; i++)
        ok = hosts[i] && !strcmp(hosts[i], hp);
    free(hp);
    return ok;
}

/* ---- one page --------------------------------------------------------------- */

/* Fetch url, extract it, print its record and queue its body links.
 * Returns 0, or 1 when the page failed. */
static int crawl_one(CURL *curl, const char *url, queue *q, char **hosts, size_t nhosts)
{
    buffer body = {0};
    curl_easy_setopt(curl, CURLOPT_URL, url);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    CURLcode rc = curl_easy_perform(curl);
    long status = 0;
    char *final_url = NULL, *content_type = NULL;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &final_url);
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type);
    if (rc != CURLE_OK || status != 200) {
        fprintf(stderr, "crawl: %s: %s\n", url,
                rc != CURLE_OK ? curl_easy_strerror(rc) : "HTTP status not 200");
        free(body.data);
        return 1;
    }
    if (content_type && !strstr(content_type, "html")) {
        fprintf(stderr, "crawl: %s: skipped, not HTML (%s)\n", url, content_type);
        free(body.data);
        return 0;
    }

    char charset[64];
    charset_of(content_type, charset, sizeof charset);
    newsmeta_options opts;
    newsmeta_options_init(&opts);
    opts.charset = charset[0] ? charset : NULL;

    newsmeta_article *a = NULL;
    newsmeta_error err;
    newsmeta_status st = newsmeta_parse_html(body.data, body.len, final_url ? final_url : url,
                                             &opts, &a, &err);
    free(body.data);
    if (st != NEWSMETA_OK) {
        fprintf(stderr, "crawl: %s: %s\n", url, err.message);
        return 1;
    }
    char *json = NULL;
    if (newsmeta_to_json(a, 0, &json, NULL, &err) == NEWSMETA_OK) {
        puts(json);
        newsmeta_free(json);
    }
    /* hrefs are absolute: resolved against <base href> and the URL given */
    for (size_t i = 0; i < a->link_count; i++) {
        const newsmeta_link *l = &a->links[i];
        if (l->kind == NEWSMETA_LINK_BODY && l->href && allowed(hosts, nhosts, l->href))
            enqueue(q, l->href);
    }
    fprintf(stderr, "crawl: %s: %s\n", url, a->headline ? a->headline : "(no headline)");
    newsmeta_article_free(a);
    return 0;
}

int main(int argc, char **argv)
{
    long max_pages = 10;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "-n")) {
        max_pages = strtol(argv[2], NULL, 10);
        first = 3;
    }
    if (first >= argc || max_pages < 1) {
        fprintf(stderr, "usage: %s [-n MAX_PAGES] URL...\n", argv[0]);
        return 2;
    }
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
        return 3;
    CURL *curl = curl_easy_init();
    if (!curl)
        return 3;
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, ""); /* gzip, deflate, ... */
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "newsmeta-crawl-example/" NEWSMETA_VERSION_STRING);
#if LIBCURL_VERSION_NUM >= 0x075500 /* 7.85.0 */
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif

    queue q = {0};
    size_t nhosts = (size_t)(argc - first);
    char **hosts = calloc(nhosts, sizeof *hosts);
    for (int i = first; hosts && i < argc; i++) {
        hosts[i - first] = host_port(argv[i]);
        if (!hosts[i - first])
            fprintf(stderr, "crawl: %s: not an http(s) URL\n", argv[i]);
        else
            enqueue(&q, argv[i]);
    }

    int failed = 0;
    long fetched = 0;
    while (q.next < q.count && fetched < max_pages) {
        failed |= crawl_one(curl, q.urls[q.next++], &q, hosts, nhosts);
        fetched++;
    }
    fprintf(stderr, "crawl: %ld pages fetched, %zu links left in the queue\n", fetched,
            q.count - q.next);

    for (size_t i = 0; i < q.count; i++)
        free(q.urls[i]);
    free(q.urls);
    for (size_t i = 0; hosts && i < nhosts; i++)
        free(hosts[i]);
    free(hosts);
    curl_easy_cleanup(curl);
    curl_global_cleanup();
    return failed || fetched == 0 ? 1 : 0;
}
