/* Between harvest.c (the walk over the tree), harvest_dates.c (the dates
 * printed on the page, and the zone its <time> pairs tell) and
 * harvest_bylines.c (the bylines as printed): what the walk records for
 * the dates as it goes, read when it ends. Private to the three files. */
#ifndef NEWSMETA_HARVEST_H
#define NEWSMETA_HARVEST_H

#include "internal.h"

/* How a printed date was found: NMI_CAND_FROM_TIME (the text of a
 * <time>), NMI_CAND_IN_BYLINE ("By Jane Doe - Nov 19, 2019"),
 * NMI_CAND_LABELLED (after "Published:", "기사입력"), or this: */
enum {
    NMI_SEEN_MODIFIED = 1u << 8, /* the element's class or label says updated/modified */
    NMI_SEEN_BARE = 1u << 9      /* a short text node with nothing to mark it: kept when near an <h1> */
};

/* A date printed on the page, not yet read. */
typedef struct nmi_date_seen {
    const char *text; /* arena */
    uint32_t at, len; /* visible text bytes before it; its length */
    unsigned how;     /* NMI_CAND_FROM_TIME, _IN_BYLINE, _LABELLED, NMI_SEEN_* */
} nmi_date_seen;

typedef struct nmi_page_dates {
    uint32_t chars;       /* bytes of visible text so far: where things are */
    uint32_t h1_at[8][2]; /* where the <h1>s of the body start and end */
    int nh1;
    uint32_t byline_at[2]; /* the first byline after an <h1>: where it starts and ends */
    bool has_byline;
    /* a page without <h1>: where the metadata's headline is printed */
    uint32_t title_at[2];
    bool has_title_at, title_keys_ready;
    char title_keys[2][160]; /* squashed: og:title, the <title>'s first segment */
    nmi_date_seen *seen;  /* in the arena */
    size_t count, cap;
    nmi_date_hints hints; /* the page's as far as known, for reading <time> pairs */
    bool hints_ready;
} nmi_page_dates;

/* ---- harvest_dates.c ---- */

/* A visible text node: counted for the distances. */
void nmi_page_dates_text(nmi_page_dates *pd, const char *text);
/* An <h1> of the body starts or ends here. */
void nmi_page_dates_h1(nmi_page_dates *pd, bool end);
/* A visible text node before any <h1>: where the headline is printed
 * when it is the metadata's (og:title, the <title>'s first segment). */
void nmi_page_dates_title_text(nmi_ctx *ctx, nmi_page_dates *pd, const char *text);
/* A text that may be a printed date (it is kept when it has a digit and
 * a date's length). */
void nmi_date_seen_add(nmi_ctx *ctx, nmi_page_dates *pd, const char *text, unsigned how);
/* A text node that starts with a date label: the date near it. */
void nmi_date_label_line(nmi_ctx *ctx, const xmlNode *text, nmi_page_dates *pd);
/* A short text node that may be a date and nothing more ("April 8,
 * 2024", "Jane Doe | July 2, 2025"), with no label or class to mark it:
 * kept only where it can still be near an <h1>. */
void nmi_date_bare_line(nmi_ctx *ctx, const xmlNode *text, nmi_page_dates *pd);
/* A <time> of the body: its datetime as a candidate (not in a comment
 * section), its text as a printed date, and the zone its two forms tell. */
void nmi_time_element(nmi_ctx *ctx, const xmlNode *el, bool in_comments, nmi_page_dates *pd);
/* After the walk: the printed dates as candidates, ranked by where they
 * are and read with the page's hints h. */
void nmi_rank_page_dates(nmi_ctx *ctx, const nmi_page_dates *pd, nmi_date_hints *h);

/* ---- harvest_bylines.c ---- */

/* A byline element as the texts of its parts (the borders of its block
 * and separate inline elements), trimmed at both ends; NULL when empty or
 * longer than max bytes. */
const nmi_byline_parts *nmi_byline_parts_of(nmi_ctx *ctx, const xmlNode *n, size_t max);
/* A text node that starts with a writer label: its element is a byline,
 * near the headline or not (a bare "By" counts only when near). */
void nmi_byline_label_line(nmi_ctx *ctx, const xmlNode *text, bool near, nmi_page_dates *pd);
/* "Jane Doe <a href=mailto:...>": the words before a mail link a. */
void nmi_signature(nmi_ctx *ctx, const xmlNode *a);
/* The text of a link a to an author's profile URL given by the metadata. */
void nmi_profile_link(nmi_ctx *ctx, const xmlNode *a);
/* A link to an author's page by its path ("/author/jane-doe") whose text
 * is that name: a byline without a cue word. */
void nmi_author_path_link(nmi_ctx *ctx, const xmlNode *a, const char *href);

#endif /* NEWSMETA_HARVEST_H */
