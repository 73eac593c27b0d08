/* Plain text, between the passes: where the article is in a whole page's
 * dump. A page rendered as text keeps its menus, link lists, teasers and
 * footers around the article; the article is the densest stretch of
 * prose. Each line scores what it adds (the words of its sentences) or
 * costs (short labels, list items without sentences, lines that are
 * mostly links), and the article is the stretch of lines with the
 * highest sum: a menu of fifty labels sinks any stretch that would take
 * it in, a heading between two paragraphs does not. */
#include "text_internal.h"

/* Mostly links: a text browser's link markers for most of its words. */
static bool linky(const line *l)
{
    return l->markers && l->words <= 4 * l->markers;
}

/* What a line adds to (or costs) the stretch that takes it in. */
static long line_score(const line *l)
{
    long w = (long)l->words;
    if (linky(l))
        return -(w + 2);
    switch (l->kind) {
    case L_PROSE: return nmi_text_ends_with_stop(l->text) ? w : w / 2;
    case L_QUOTE: return w / 2;
    case L_BULLET: return nmi_text_ends_with_stop(l->value) && l->words >= 8 ? w / 2 : -(2 + w / 4);
    case L_TITLE:
    case L_RELATED: return -(2 + w / 4);
    case L_NOISE:
    case L_CRUMBS: return -2;
    case L_META:
    case L_CREDIT: return 0;
    }
    return 0;
}

#define TEXT_GAP_STEP 1

/* The heading of a comments section: a short line opening with a comment
 * label, maybe after a count ("[ 167 comments ]", "34 responses to"). */
static bool comments_heading(const line *l)
{
    if (l->words > 20 || nmi_text_ends_with_period(l->text))
        return false;
    const char *s = l->text;
    while (*s == '[' || *s == ' ' || (*s >= '0' && *s <= '9'))
        s++;
    bool counted = s != l->text; /* "34 responses to" and the title */
    size_t k;
    return (counted || l->words <= 4) && nmi_lex_match(s, nmi_lex_comment_headings, &k);
}

/* Prose words the article has before a comments heading, at least. */
#define TEXT_MIN_BEFORE_COMMENTS 80

/* The article ends above a comments section that follows its text. */
static size_t cut_comments(const line *lines, size_t first, size_t last)
{
    size_t words = 0;
    for (size_t i = first; i <= last; i++) {
        if (words >= TEXT_MIN_BEFORE_COMMENTS && comments_heading(&lines[i])) {
            size_t end = i;
            while (end > first && line_score(&lines[end - 1]) <= 0)
                end--;
            return end > first ? end - 1 : last;
        }
        if (lines[i].kind == L_PROSE)
            words += lines[i].words;
    }
    return last;
}

bool nmi_text_find_article(const line *lines, size_t n, size_t *first, size_t *last)
{
    long best = 0, sum = 0, streak = 0;
    size_t start = 0;
    bool found = false;
    for (size_t i = 0; i < n; i++) {
        long s = line_score(&lines[i]);
        /* each line of a run without text costs more than the last: one
         * heading or caption between paragraphs is cheap, a menu is not */
        streak = s > 0 ? 0 : streak + 1;
        if (s <= 0)
            s -= (streak - 1) * TEXT_GAP_STEP;
        if (sum <= 0) {
            sum = 0;
            start = i;
        }
        sum += s;
        if (sum > best) {
            best = sum;
            *first = start;
            *last = i;
            found = true;
        }
    }
    if (found)
        *last = cut_comments(lines, *first, *last);
    return found;
}
