/* The lexicon: the words and labels newsmeta recognizes in a page's text,
 * one list per meaning, grouped by language inside each list, read by the
 * HTML and the plain-text paths alike. lexicon.c holds the labels of
 * dates, related links, credits and captions, the furniture of pages and
 * the one label matcher; lexicon_bylines.c the words of bylines (writer
 * and role labels, roles, organizations, where a credit stops).
 *
 * Every list is lower case UTF-8 and ends with NULL. */
#ifndef NEWSMETA_LEXICON_H
#define NEWSMETA_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

/* ---- lexicon.c ---------------------------------------------------------------- */

/* Labels before a publication / a modification date (NULL-terminated,
 * lower case, longer labels before their prefixes). */
extern const char *const nmi_lex_published_labels[];
extern const char *const nmi_lex_updated_labels[];

/* The vocabulary of the plain-text path and its date and byline readers
 * (see lexicon.c for each list's meaning and examples). */
extern const char *const nmi_lex_reading_time[];  /* "4 min read", "Lesezeit" */
extern const char *const nmi_lex_ago_prefixes[];  /* "vor ", "hace " before a number */
extern const char *const nmi_lex_date_openers[];  /* months, weekdays opening a date line */
extern const char *const nmi_lex_dateline_words[]; /* "on", "at", "am" beside a date */
extern const char *const nmi_lex_credit_labels[]; /* "Photo:", "Image source," */
extern const char *const nmi_lex_credit_joiners[]; /* "via", "for" inside a credit */
extern const char *const nmi_lex_caption_labels[]; /* "Image caption" */
extern const char *const nmi_lex_photo_agencies[]; /* "Getty Images" closing a credit */
extern const char *const nmi_lex_noise_prefixes[]; /* "Follow us", "We use cookies" */
extern const char *const nmi_lex_widget_words[];  /* "Facebook", "Print" of share rows */
/* Labels that introduce a related-article link ("Read more", "Lire aussi"). */
extern const char *const nmi_lex_related_labels[];
/* "Advertisement", "Share this", ...: a line (len bytes) that is page
 * furniture. */
bool nmi_is_boilerplate(const char *s, size_t len);
/* Affiliate disclosures and newsletter prompts, found anywhere in a short
 * block; blocks that are furniture inside an article ("Table of
 * contents", "Back to blog"), matched whole (lexicon.c). */
extern const char *const nmi_lex_promo_phrases[];
extern const char *const nmi_lex_body_furniture[];
/* After a related label and its separator ("Read more: ", "Lire aussi -
 * "), the rest of s; else NULL. */
const char *nmi_related_prefix(const char *s);
/* Headings of a comments section ("Comments", "34 responses to"). */
extern const char *const nmi_lex_comment_headings[];

/* The one label matcher. If s opens with label — ASCII and Latin-1
 * capitals folded to lower case, a space in the label matching any run of
 * spaces — and a label ending in a letter does not run on into another
 * letter ("Publishedness"), the number of bytes of s matched; else 0. */
size_t nmi_lex_starts(const char *s, const char *label);
/* The first label of list that opens s (nmi_lex_starts), its length of s
 * in *len; NULL when none does. */
const char *nmi_lex_match(const char *s, const char *const *list, size_t *len);

/* ---- lexicon_bylines.c ------------------------------------------------------- */

/* Writer labels and the labels of other roles ("By", "Written by", "Von",
 * "Edited by", "Photos:"), the words that end or join a credit, and the
 * words that make a piece an organization, a role or no name (each list
 * says more in lexicon_bylines.c). */
extern const char *const nmi_lex_byline_writer_labels[];
extern const char *const nmi_lex_byline_writer_words[];
extern const char *const nmi_lex_byline_other_labels[];
extern const char *const nmi_lex_byline_stops[];
extern const char *const nmi_lex_byline_and_words[];
extern const char *const nmi_lex_byline_agencies[];
extern const char *const nmi_lex_byline_newsroom[];
extern const char *const nmi_lex_byline_desk_words[];
extern const char *const nmi_lex_byline_outlet_words[];
extern const char *const nmi_lex_byline_org_endings[];
extern const char *const nmi_lex_byline_role_words[];
extern const char *const nmi_lex_byline_role_adjectives[];
extern const char *const nmi_lex_byline_not_names[];
extern const char *const nmi_lex_byline_role_leads[];
extern const char *const nmi_lex_byline_ui_words[];
extern const char *const nmi_lex_byline_particles[];
extern const char *const nmi_lex_byline_lead_junk[];
extern const char *const nmi_lex_byline_date_words[];
extern const char *const nmi_lex_byline_glued_words[];
extern const char *const nmi_lex_byline_dotted[];
/* The plain-text path's extra byline labels: a noun before a colon
 * ("Author :", "Redacción:"); and the lower-case
 * words that may sit inside or between names ("and", "van", "de la"). */
extern const char *const nmi_lex_byline_nouns[];  /* "author", "texto" before a colon */
extern const char *const nmi_lex_name_joiners[];  /* "and", "van", "de la" inside names */

/* Byline labels that stand alone on their line ("By", then the names on
 * the next line), and the role words of a byline's second line. */
extern const char *const nmi_lex_byline_alone[];
extern const char *const nmi_lex_byline_line_roles[];

#endif /* NEWSMETA_LEXICON_H */
