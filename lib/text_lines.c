/* Plain text, pass 1: the lines. The text is split into its non-blank
 * lines (LF, CRLF or CR), each cleaned; a text browser's link list is cut
 * off with its markers, and text hard-wrapped at a fixed width has its
 * wrapped lines joined again, so that one line is one paragraph, heading
 * or label.
 *
 * Also here: the tests on a line's text that the other text files share
 * (does it end a sentence, open with a bullet, read as page furniture). */
#include <stdlib.h>
#include <string.h>

#include "text_internal.h"

/* Non-blank lines looked at. An article has a few hundred; a text with
 * millions (a log, a word list) would otherwise cost a line record each
 * (tens of bytes per input byte for "a\na\n..."). The rest is ignored. */
#define TEXT_MAX_LINES 200000

/* ---- tests on a line's text ---------------------------------------------- */

/* The length of s without what closes a sentence after its stop: quotes
 * (straight, curly, guillemets), a bracket, spaces. */
static size_t without_closers(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' || s[n - 1] == ' '))
        n--;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x9D || (unsigned char)s[n - 1] == 0x99))
        n -= 3; /* closing curly quotes */
    else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xBB)
        n -= 2; /* closing guillemet */
    while (n && s[n - 1] == ' ')
        n--;
    return n;
}

/* Do the n bytes of s end with the CJK full stop "。"? */
static bool cjk_full_stop(const char *s, size_t n)
{
    return n >= 3 && (unsigned char)s[n - 3] == 0xE3 && (unsigned char)s[n - 2] == 0x80 &&
           (unsigned char)s[n - 1] == 0x82;
}

bool nmi_text_ends_with_stop(const char *s)
{
    size_t n = without_closers(s);
    if (n == 0)
        return false;
    char c = s[n - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || cjk_full_stop(s, n);
}

/* Ends with a full stop (closing quotes aside): a sentence. */
bool nmi_text_ends_with_period(const char *s)
{
    size_t n = without_closers(s);
    if (cjk_full_stop(s, n))
        return true;
    return n > 0 && s[n - 1] == '.' && !(n >= 3 && s[n - 2] == '.' && s[n - 3] == '.');
}

static size_t count_code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Length of a list bullet ("•", "·", "▪", "–", "-", "*", "+", "□", "1.",
 * "2)") and its space; *numbered tells which kind. */
size_t nmi_text_bullet_len(const char *s, bool *numbered)
{
    static const char *const B[] = {
        "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x80\x93", "\xE2\x97\x8F", "-", "*", "+",
        /* the marks of nested lists: □ ☆ ○ ◦ ■ ▸ ► ‣ */
        "\xE2\x96\xA1", "\xE2\x98\x86", "\xE2\x97\x8B", "\xE2\x97\xA6", "\xE2\x96\xA0",
        "\xE2\x96\xB8", "\xE2\x96\xBA", "\xE2\x80\xA3", NULL};
    *numbered = false;
    for (const char *const *b = B; *b; b++) {
        size_t n = strlen(*b);
        if (!strncmp(s, *b, n) && s[n] == ' ')
            return n + 1;
    }
    size_t d = 0;
    while (d < 2 && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ' && s[d + 2]) {
        *numbered = true;
        return d + 2;
    }
    return 0;
}

/* "px.metricsbeacon", "cdn.example.net": one token with dots, no spaces */
static bool looks_like_host(const char *s)
{
    if (strchr(s, ' ') || !strchr(s, '.'))
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-'))
            return false;
    return s[strlen(s) - 1] != '.';
}

/* Only punctuation and symbols: "* * *", "———", "•", "|". */
static bool only_symbols(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        if (*p < 0x80) {
            if ((*p | 32) >= 'a' && (*p | 32) <= 'z')
                return false;
            if (*p >= '0' && *p <= '9')
                return false;
            p++;
        } else if (p[0] == 0xE2 &&
                   (p[1] == 0x80 || p[1] == 0x94 || p[1] == 0x95 || p[1] == 0x96 || p[1] == 0x97) &&
                   p[2]) {
            p += 3; /* dashes, bullets, ellipsis, box drawing, geometric shapes */
        } else if (p[0] == 0xC2 && (p[1] == 0xB7 || p[1] == 0xBB || p[1] == 0xAB)) {
            p += 2; /* middle dot, guillemets */
        } else {
            return false;
        }
    }
    return true;
}

/* Every word is a share/follow widget word (or a count like "(12)"). */
static bool only_widget_words(const char *s)
{
    size_t seen = 0;
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '|' || *p == ',' || *p == '/' || *p == '(' || *p == ')')
            p++;
        if (!strncmp(p, "\xE2\x80\xA2", 3) || !strncmp(p, "\xC2\xB7", 2)) {
            p += (unsigned char)*p == 0xE2 ? 3 : 2;
            continue;
        }
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != ' ' && *e != '|' && *e != ',' && *e != '/' && *e != '(' && *e != ')')
            e++;
        size_t n = (size_t)(e - p);
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++)
            ok = p[i] >= '0' && p[i] <= '9';
        if (!ok && !word_in_list(p, n, nmi_lex_widget_words, true))
            return false;
        seen++;
        p = e;
    }
    return seen > 0;
}

/* "4 min read", "2 hours ago", "vor 2 Stunden" (short lines only). */
bool nmi_text_time_note(const char *s, size_t words)
{
    if (words > 6)
        return false;
    for (const char *const *r = nmi_lex_reading_time; *r; r++)
        if (nmi_istr(s, *r))
            return true;
    size_t n = strlen(s);
    if (n > 4 && nmi_ieq(s + n - 4, " ago"))
        return true;
    for (const char *const *a = nmi_lex_ago_prefixes; *a; a++) {
        size_t k = nmi_lex_starts(s, *a);
        if (k && s[k] >= '0' && s[k] <= '9')
            return true;
    }
    return false;
}

bool nmi_text_is_noise(const char *s, size_t words)
{
    size_t n = strlen(s);
    bool url =
        (nmi_istarts(s, "http://") || nmi_istarts(s, "https://") || nmi_istarts(s, "www.")) &&
        !strchr(s, ' ');
    if (url || nmi_is_boilerplate(s, n) || looks_like_host(s) || only_symbols(s) ||
        only_widget_words(s) || nmi_text_time_note(s, words))
        return true;
    size_t k;
    return words <= 10 && nmi_lex_match(s, nmi_lex_noise_prefixes, &k);
}

/* ---- the lines ----------------------------------------------------------- */

/* Text dumped by a text browser is wrapped at a fixed width W: a line
 * runs on to the next one when the next line's first word would not have
 * fitted after it. The width counts the indentation, so that indented
 * paragraphs and list items share W. */
#define TEXT_WRAP_MAX 256  /* widest wrap looked for, in columns */
#define TEXT_WRAP_SLACK 25 /* a wrapped line ends at most this short of W */

static size_t first_word_width(const char *s)
{
    size_t n = 0;
    for (; *s && *s != ' '; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static size_t line_columns(const line *l)
{
    return l->indent + l->width;
}

/* May lines[i + 1] continue lines[i] (no blank line between, not a list
 * item, the same indentation or that of the text after a bullet)? */
static bool may_continue(const line *lines, size_t i)
{
    const line *a = &lines[i], *b = &lines[i + 1];
    bool numbered;
    if (b->blank_before || nmi_text_bullet_len(b->text, &numbered))
        return false;
    size_t bullet = nmi_text_bullet_len(a->text, &numbered);
    return b->indent == a->indent || (bullet && b->indent == a->indent + bullet);
}

/* Would lines[i + 1]'s first word have overflowed a wrap at w columns? */
static bool wrapped_at(const line *lines, size_t i, size_t w)
{
    size_t cols = line_columns(&lines[i]);
    return cols <= w && cols + TEXT_WRAP_SLACK >= w &&
           cols + 1 + first_word_width(lines[i + 1].text) > w;
}

/* The wrap width that explains the most line breaks (0 when none does
 * often enough): each pair of lines votes for the widths at which the
 * first would have been broken there. */
static size_t wrap_width(const line *lines, size_t n)
{
    size_t votes[TEXT_WRAP_MAX + 2] = {0}, pairs = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (!may_continue(lines, i))
            continue;
        pairs++;
        size_t lo = line_columns(&lines[i]);
        size_t hi = lo + first_word_width(lines[i + 1].text);
        if (hi > lo + TEXT_WRAP_SLACK)
            hi = lo + TEXT_WRAP_SLACK;
        if (lo < 40 || lo > TEXT_WRAP_MAX)
            continue;
        if (hi > TEXT_WRAP_MAX)
            hi = TEXT_WRAP_MAX;
        votes[lo]++; /* W in [lo, hi]: a difference array */
        votes[hi + 1]--;
    }
    size_t best = 0, best_votes = 0, run = 0;
    for (size_t w = 0; w <= TEXT_WRAP_MAX; w++) {
        run += votes[w];
        if (run > best_votes) {
            best = w;
            best_votes = run;
        }
    }
    if (best_votes < 4 || best_votes * 5 < pairs)
        return 0;
    /* wrapped lines mostly end mid-sentence; lines that merely share a
     * length (one sentence per line) end with a stop */
    size_t run_on = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (may_continue(lines, i) && wrapped_at(lines, i, best))
            run_on += !nmi_text_ends_with_stop(lines[i].text);
    return run_on * 10 >= best_votes * 6 ? best : 0;
}

/* Lines i..j-1 joined into one, with one copy; false on out of memory. */
static bool join_lines(text_state *st, line *lines, size_t i, size_t j, line *out)
{
    size_t total = 0;
    for (size_t m = i; m < j; m++)
        total += strlen(lines[m].text) + 1;
    char *t = scratch_alloc(st, total);
    if (!t)
        return false;
    size_t k = 0;
    for (size_t m = i; m < j; m++) {
        size_t len = strlen(lines[m].text);
        if (m > i)
            t[k++] = ' ';
        memcpy(t + k, lines[m].text, len);
        k += len;
    }
    t[k] = '\0';
    *out = lines[i];
    out->text = t;
    out->width = count_code_points(t);
    return true;
}

static size_t join_wrapped(text_state *st, line *lines, size_t n)
{
    size_t w = wrap_width(lines, n);
    if (!w)
        return n;
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && may_continue(lines, j - 1) && wrapped_at(lines, j - 1, w))
            j++;
        line cur = lines[i];
        if (j > i + 1 && !join_lines(st, lines, i, j, &cur))
            return out;
        lines[out++] = cur;
        i = j;
    }
    return out;
}

/* "1. https://example.com/a": an entry of a text browser's link list
 * (a mailto: address may go on after a space). */
static bool is_reference_entry(const char *s)
{
    size_t d = 0;
    while (s[d] >= '0' && s[d] <= '9')
        d++;
    if (!d || s[d] != '.' || s[d + 1] != ' ')
        return false;
    const char *u = s + d + 2;
    size_t scheme = strcspn(u, ": ");
    return scheme > 0 && u[scheme] == ':';
}

/* A dump from lynx (-dump) ends with its link list ("References", then
 * "1. https://...", maybe in parts: "Visible links:", "Hidden links:")
 * and marks each link in the text with "[n]". The line where the list
 * starts, or n when there is none. */
static size_t link_list_start(const line *lines, size_t n)
{
    for (size_t i = n; i-- > 0;) {
        const char *t = lines[i].text;
        if (nmi_ieq(t, "references"))
            return i + 1 < n ? i : n;
        if (!is_reference_entry(t) && !nmi_ieq(t, "visible links") &&
            !nmi_ieq(t, "visible links:") && !nmi_ieq(t, "hidden links:"))
            return n;
    }
    return n;
}

/* Length of a renderer's mark at t, or 0: a link marker "[12]" (when the
 * text has a link list), a form field "[____]" or "(BUTTON)", a check box
 * "[ ]" or "[X]", an image placeholder that names a file or an address
 * ("[https://cdn.example/a.jpg]", "[IMG]"). */
static size_t mark_len(const char *t, bool markers)
{
    if (*t == '(' && !strncmp(t, "(BUTTON)", 8))
        return 8;
    if (*t == '_' && t[1] == '_' && t[2] == '_') {
        size_t e = 3;
        while (t[e] == '_')
            e++;
        return e;
    }
    if (*t != '[')
        return 0;
    size_t e = 1;
    bool digits = true, under = true, addr = false;
    for (; t[e] && t[e] != ']' && t[e] != '[' && e < 400; e++) {
        digits = digits && t[e] >= '0' && t[e] <= '9';
        under = under && (t[e] == '_' || t[e] == ' ');
        addr = addr || t[e] == '/' || (t[e] == '.' && !strchr(" ]", t[e + 1]));
        if (t[e] == ' ' && !under)
            return 0;
    }
    if (t[e] != ']')
        return 0;
    if ((digits && e > 1 && markers) || (under && e > 1) ||
        (e == 2 && (t[1] == 'X' || t[1] == 'x')))
        return e + 1;
    if (addr || (e == 4 && !strncmp(t + 1, "IMG", 3)))
        return e + 1;
    return 0;
}

/* The addresses of a link list's entries, by number, from lines[from..n):
 * an array of max + 1 in the scratch arena (NULL entries for numbers not
 * listed); NULL when there is no room for it. */
static const char **link_addresses(text_state *st, const line *lines, size_t from, size_t n,
                                   size_t *max)
{
    *max = 0;
    for (size_t i = from; i < n; i++)
        if (is_reference_entry(lines[i].text)) {
            size_t k = strtoul(lines[i].text, NULL, 10);
            if (k > *max && k <= n)
                *max = k;
        }
    const char **href = scratch_alloc(st, (*max + 1) * sizeof *href);
    if (!href)
        return NULL;
    memset(href, 0, (*max + 1) * sizeof *href);
    for (size_t i = from; i < n; i++)
        if (is_reference_entry(lines[i].text)) {
            char *end;
            size_t k = strtoul(lines[i].text, &end, 10);
            if (k <= *max && !href[k])
                href[k] = end + 2;
        }
    return href;
}

/* The link marker "[12]" at t: its number, its length in *len; 0 when t
 * holds none. */
static size_t marker_number(const char *t, size_t *len)
{
    if (t[0] != '[' || t[1] < '0' || t[1] > '9')
        return 0;
    char *end;
    size_t k = strtoul(t + 1, &end, 10);
    if (*end != ']')
        return 0;
    *len = (size_t)(end + 1 - t);
    return k;
}

/* A Markdown link "[text](address)" at s: the length of its text in
 * *text_len, of its address in *addr_len (it starts at s + *text_len + 3);
 * the whole link's length, or 0 when s holds none. */
static size_t markdown_link(const char *s, size_t *text_len, size_t *addr_len)
{
    if (s[0] != '[')
        return 0;
    size_t e = 1;
    while (s[e] && s[e] != ']' && s[e] != '[')
        e++;
    if (s[e] != ']' || s[e + 1] != '(' || e == 1)
        return 0;
    size_t f = e + 2;
    while (s[f] && s[f] != ')' && s[f] != ' ')
        f++;
    if (s[f] != ')' || f == e + 2)
        return 0;
    *text_len = e - 1;
    *addr_len = f - (e + 2);
    return f + 1;
}

/* Room for the marks of line l: the link markers the link list (href,
 * NULL when none) gives an address, and Markdown links. */
static bool make_room_for_marks(text_state *st, line *l, const char **href, size_t max)
{
    size_t count = 0, len, a;
    for (const char *t = l->text; *t; t++) {
        size_t k = href ? marker_number(t, &len) : 0;
        count += (k && k <= max && href[k]) || markdown_link(t, &len, &a);
    }
    if (count)
        l->marks = scratch_alloc(st, count * sizeof *l->marks);
    return !count || l->marks;
}

/* Markdown's marks that are not text: "#" heading marks at the start of
 * a line, "**" around bold text. Their length at t (j bytes into its
 * line), or 0. */
static size_t markdown_mark(const char *t, size_t j)
{
    if (t[0] == '*' && t[1] == '*')
        return 2;
    size_t h = 0;
    while (j == 0 && h < 6 && t[h] == '#')
        h++;
    return h && t[h] == ' ' ? h + 1 : 0;
}

/* Takes a renderer's marks out of line l, in place (spaces collapsed
 * again): its link markers are counted in l->markers and, when the link
 * list (href[0..max], NULL when none) gives their address, kept in
 * l->marks; so are Markdown links (their text stays, "![image](...)"
 * goes). Returns the length left; ctx->oom when there is no room. */
static size_t strip_line(text_state *st, line *l, const char **href, size_t max)
{
    char *t = (char *)l->text;
    if (!make_room_for_marks(st, l, href, max))
        return 0;
    size_t k = 0, close = 0, resume = 0, text_len, addr_len, len;
    for (size_t j = 0; t[j];) {
        if (close && j == close) { /* the "](address)" of a Markdown link */
            l->marks[l->mark_count - 1].end = k;
            j = resume;
            close = 0;
            continue;
        }
        size_t md = close ? 0 : markdown_link(t + j, &text_len, &addr_len);
        bool image = md && k && t[k - 1] == '!';
        if (md) {
            const char *a = nmi_arena_strndup(st->scratch, t + j + text_len + 3, addr_len);
            if (!a) {
                st->ctx->oom = true;
                return 0;
            }
            if (image) { /* an image: neither its text nor its mark stay */
                k--;
                j += md;
                continue;
            }
            l->marks[l->mark_count++] = (text_mark){k, 0, a};
            close = j + 1 + text_len;
            resume = j + md;
            j++;
            continue;
        }
        size_t m = mark_len(t + j, href != NULL), num = marker_number(t + j, &len);
        if (m && num) {
            l->markers++;
            if (href && num <= max && href[num])
                l->marks[l->mark_count++] = (text_mark){k, 0, href[num]};
        }
        m = m ? m : markdown_mark(t + j, j);
        if (m) {
            j += m;
            continue;
        }
        if (t[j] == ' ' && (k == 0 || t[k - 1] == ' ')) {
            j++;
            continue;
        }
        t[k++] = t[j++];
    }
    while (k && t[k - 1] == ' ')
        k--;
    t[k] = '\0';
    for (unsigned m = 0; m < l->mark_count; m++) {
        if (l->marks[m].at > k)
            l->marks[m].at = k;
        if (l->marks[m].end > k)
            l->marks[m].end = k;
    }
    return k;
}

/* Every line's marks taken out (strip_line); a line left empty is
 * dropped. Returns the number of lines kept. */
static size_t strip_marks(text_state *st, line *lines, size_t n, const char **href, size_t max)
{
    size_t out = 0;
    for (size_t i = 0; i < n && !st->ctx->oom; i++) {
        if (!strip_line(st, &lines[i], href, max)) {
            if (i + 1 < n)
                lines[i + 1].blank_before = true;
            continue;
        }
        lines[i].width = count_code_points(lines[i].text);
        lines[out++] = lines[i];
    }
    return out;
}

/* Non-blank lines of text, cleaned, into the scratch arena. */
static line *split_lines(text_state *st, const char *text, size_t len, size_t *count)
{
    size_t cap = 1;
    for (size_t i = 0; i < len && cap < TEXT_MAX_LINES; i++)
        cap += text[i] == '\n' || text[i] == '\r';
    line *lines = scratch_alloc(st, cap * sizeof *lines);
    if (!lines)
        return NULL;
    size_t n = 0, i = 0;
    bool blank = false;
    while (i < len && n < cap) {
        size_t j = i;
        while (j < len && text[j] != '\n' && text[j] != '\r')
            j++;
        const char *clean = nmi_clean_text(st->scratch, text + i, j - i, &st->ctx->oom);
        if (clean) {
            memset(&lines[n], 0, sizeof lines[n]);
            lines[n].text = clean;
            lines[n].width = count_code_points(clean);
            lines[n].blank_before = blank;
            for (size_t k = i; k < j && (text[k] == ' ' || text[k] == '\t'); k++)
                lines[n].indent =
                    text[k] == '\t' ? (lines[n].indent / 8 + 1) * 8 : lines[n].indent + 1;
            n++;
        }
        blank = !clean;
        if (j < len && text[j] == '\r' && j + 1 < len && text[j + 1] == '\n')
            j++;
        i = j + 1;
    }
    /* lines beyond TEXT_MAX_LINES are not read: say so when they hold text */
    while (i < len && (unsigned char)text[i] <= ' ')
        i++;
    if (i < len)
        st->ctx->truncated |= NEWSMETA_TRUNCATED_TEXT;
    *count = n;
    return lines;
}

line *nmi_text_lines(text_state *st, const char *text, size_t len, size_t *count)
{
    size_t n = 0;
    line *lines = split_lines(st, text, len, &n);
    if (!lines)
        return NULL;
    size_t list = link_list_start(lines, n), max = 0;
    const char **href = list < n ? link_addresses(st, lines, list, n, &max) : NULL;
    if (list < n && !href)
        return NULL;
    n = join_wrapped(st, lines, list);
    *count = strip_marks(st, lines, n, href, max);
    return lines;
}
