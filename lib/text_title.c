/* Plain text: evidence for the headline beyond its place. A page's
 * address often spells its headline ("/2019/11/ferry-operator-orders-two-
 * vessels"), and a page rendered as text often prints its headline twice
 * (a title bar or breadcrumb, then the article's heading). The line that
 * shares most of the address's words is the headline. */
#include <libxml/uri.h>
#include <string.h>

#include "text_internal.h"

#define SLUG_MAX_WORDS 32

/* Words, lowercased (ASCII), apostrophes dropped, NUL-separated in buf. */
typedef struct word_list {
    char buf[512];
    const char *word[SLUG_MAX_WORDS];
    size_t count;
} word_list;

static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The words of s[0..n) into out; an apostrophe ("'", "’") inside a word
 * is dropped ("it's" -> "its"). */
static void split_words(const char *s, size_t n, word_list *out)
{
    size_t k = 0;
    out->count = 0;
    for (size_t i = 0; i < n && out->count < SLUG_MAX_WORDS;) {
        while (i < n && !word_byte((unsigned char)s[i]))
            i++;
        if (i >= n || k + 2 >= sizeof out->buf)
            break;
        out->word[out->count++] = out->buf + k;
        while (i < n && k + 2 < sizeof out->buf) {
            unsigned char c = (unsigned char)s[i];
            if (c == '\'' && i + 1 < n && word_byte((unsigned char)s[i + 1])) {
                i++;
                continue;
            }
            if (c == 0xE2 && i + 3 < n && (unsigned char)s[i + 1] == 0x80 &&
                (unsigned char)s[i + 2] == 0x99) {
                i += 3; /* ’ */
                continue;
            }
            if (!word_byte(c))
                break;
            out->buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
        }
        out->buf[k++] = '\0';
    }
}

/* A number of five digits or more in a slug is an id, not a word of the
 * headline ("...-so-many-ways-to-play-11574168580"). */
static void drop_ids(word_list *slug)
{
    size_t k = 0;
    for (size_t i = 0; i < slug->count; i++) {
        const char *w = slug->word[i];
        size_t digits = strspn(w, "0123456789");
        if (!(digits >= 5 && !w[digits]))
            slug->word[k++] = w;
    }
    slug->count = k;
}

/* The address's slug: the last path segment that joins words with '-' or
 * '_' ("the-adults-guide-to-music.html"), as words. False when none. */
static bool slug_words(const char *url, word_list *out)
{
    xmlURIPtr uri = url ? xmlParseURI(url) : NULL;
    bool found = false;
    if (uri && uri->path) {
        const char *p = uri->path, *best = NULL;
        size_t best_len = 0;
        while (*p) {
            while (*p == '/')
                p++;
            const char *e = p;
            size_t joins = 0;
            for (; *e && *e != '/'; e++)
                joins += *e == '-' || *e == '_';
            if (joins >= 1) {
                best = p;
                best_len = (size_t)(e - p);
            }
            p = e;
        }
        if (best) {
            const char *dot = memchr(best, '.', best_len);
            split_words(best, dot ? (size_t)(dot - best) : best_len, out);
            drop_ids(out);
            found = out->count >= 2;
        }
    }
    xmlFreeURI(uri);
    return found;
}

/* The same word, or one the other's plural or other ending ("telescope",
 * "telescopes"; "beginner", "beginners"): the shorter, of four letters or
 * more, opens the longer, which has at most three more. */
static bool same_word(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na > nb) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    return na == nb ? !strcmp(a, b) : na >= 4 && nb <= na + 3 && !strncmp(a, b, na);
}

/* How many words of the slug the line has. */
static size_t shared_words(const word_list *slug, const line *l)
{
    word_list w;
    split_words(l->text, strlen(l->text), &w);
    size_t shared = 0;
    for (size_t i = 0; i < slug->count; i++)
        for (size_t j = 0; j < w.count; j++)
            if (same_word(slug->word[i], w.word[j])) {
                shared++;
                break;
            }
    return shared;
}

/* " > ", " » ", " / ", " | ", " · ", " ▸ " between words: a trail of
 * links or a title bar, not a headline alone. */
static bool has_separator(const char *s)
{
    static const char *const SEP[] = {" > ",        " \xC2\xBB ",     " / ", " | ",
                                      " \xC2\xB7 ", " \xE2\x96\xB8 ", NULL};
    for (const char *const *p = SEP; *p; p++)
        if (strstr(s, *p))
            return true;
    return false;
}

size_t nmi_text_slug_headline(const char *url, const line *lines, size_t n, size_t limit)
{
    word_list slug_list, *slug = &slug_list;
    if (!slug_words(url, slug))
        return n;
    size_t best = n, best_score = 0;
    for (size_t i = 0; i < limit && i < n; i++) {
        const line *l = &lines[i];
        if (!text_headline_like(l))
            continue;
        size_t shared = shared_words(slug, l);
        /* most of the slug, and most of the line (or all of the slug): not
         * a menu label that names the section the slug also names */
        bool enough = shared >= 2 && shared * 2 >= slug->count &&
                      (shared * 3 >= l->words || (shared == slug->count && l->words <= 15));
        /* of lines as good, the first that is not a breadcrumb trail
         * ("Home > Blog > Title") */
        size_t score = 2 * shared + !has_separator(l->text);
        if (enough && score > best_score) {
            best = i;
            best_score = score;
        }
    }
    return best;
}
