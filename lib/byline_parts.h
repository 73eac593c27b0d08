/* What the byline files share among themselves; what other stages call is
 * in internal.h's byline section.
 *
 *   byline.c           labels and roles of a byline, and the byline as printed
 *   byline_credit.c    a credit cut into pieces; the persons and organizations
 *   byline_classify.c  one piece: a person, an organization, a role, or nothing
 *   byline_tokens.c    lower case, word boundaries, labels, tokens and their shape
 *   (the word lists are the lexicon's: lexicon_bylines.c)
 *
 * Text is compared in lower case made by nmi_byline_lower(), which keeps
 * the byte length, so an offset in the lower-case copy is an offset in the
 * text as printed. */
#ifndef NEWSMETA_BYLINE_PARTS_H
#define NEWSMETA_BYLINE_PARTS_H

#include <stdbool.h>
#include <stddef.h>

#include <unicode/uchar.h>

#include "internal.h"


/* ---- byline_tokens.c: text ----------------------------------------------------- */

/* Is w[0..n) one of the words of list? */
bool nmi_byline_in_list(const char *w, size_t n, const char *const *list);
/* Lower case of s into out (same byte length: a code point whose lower
 * case is longer or shorter in UTF-8 is kept as it is). */
void nmi_byline_lower(const char *s, size_t n, char *out);
/* A word ends at s[i]: end of text, space or punctuation (not a letter or
 * digit of the same word). */
bool nmi_byline_word_end(const char *s, size_t n, size_t i);
/* Longest label of list matching low[i..] at word boundaries; 0 if none. */
size_t nmi_byline_label_at(const char *low, size_t n, size_t i, const char *const *list);

/* Spaces inside a byline: a space, or the boundary between two elements. */
/* Inside the byline stage, the border between two elements of the markup
 * (nmi_byline_parts) is this byte in the text the tokenizer reads: a
 * separator like a comma, a space for the word tests. Never leaves the
 * stage. */
#define NMI_BYLINE_MARK '\x1f'

static inline bool nmi_byline_is_space(char c)
{
    return c == ' ' || c == NMI_BYLINE_MARK;
}

/* A word starts at s[i]: start of text, or after a space or punctuation. */
static inline bool nmi_byline_word_start(const char *s, size_t i)
{
    if (i == 0)
        return true;
    unsigned char p = (unsigned char)s[i - 1];
    return p == ' ' || p == (unsigned char)NMI_BYLINE_MARK || p == ',' || p == ';' ||
           p == '|' || p == '(' || p == '/' || p == ':' || p == '-' || p == '[' || p == '"' ||
           p == '\'';
}

static inline bool nmi_has_lower(const char *s, size_t n)
{
    return nmi_utf8_any(s, n, u_islower);
}

static inline bool nmi_has_upper(const char *s, size_t n)
{
    return nmi_utf8_any(s, n, u_isupper);
}

/* A letter of a script with case (Latin, Cyrillic, Greek...). */
static inline bool nmi_cased(UChar32 c)
{
    return c >= 0 && (u_isupper(c) || u_islower(c) || u_istitle(c));
}

/* ---- byline_tokens.c: tokens ------------------------------------------------ */

/* Words of one piece of a credit: a name has a few. */
#define NMI_MAX_TOKENS 16

typedef struct nmi_token {
    const char *s, *low; /* original and lower case, same length */
    size_t n;
} nmi_token;

/* The words of s[0..n) (low its lower case), without the quotes, commas
 * and colons around them, into t[NMI_MAX_TOKENS]; returns how many. */
size_t nmi_tokenize(const char *s, const char *low, size_t n, nmi_token *t);
/* Tokens joined by single spaces into an arena string, without a trailing
 * comma, colon or dash; NULL if empty or out of memory (ctx->oom). */
char *nmi_tokens_join(nmi_ctx *ctx, const nmi_token *t, size_t m);

/* Is the token (in lower case) one of the words of list? */
bool nmi_tok_in(const nmi_token *t, const char *const *list);

/* First code point of a token that is a letter, or -1. */
UChar32 nmi_tok_first_letter(const nmi_token *t);
/* How many letters the token has. */
size_t nmi_tok_letters(const nmi_token *t);
/* "J." or "J": an initial. */
bool nmi_tok_initial(const nmi_token *t);
/* A token in capitals of two letters or more (not a roman numeral). */
bool nmi_tok_caps_word(const nmi_token *t);

/* ---- byline_classify.c ------------------------------------------------------ */

typedef enum nmi_piece_kind {
    NMI_PIECE_NOTHING,
    NMI_PIECE_PERSON,
    NMI_PIECE_ORG,
    NMI_PIECE_ROLE
} nmi_piece_kind;

/* What a piece of a credit (its tokens t[0..m), which may be changed) is,
 * with the person's name or the organization in *out (an arena string).
 * dated: a date or a label ended the credit right after this piece. */
nmi_piece_kind nmi_classify_piece(nmi_ctx *ctx, const nmi_names *nm, nmi_token *t, size_t m,
                                  bool dated, const char **out);
/* Is the text the site's own name or one of its desks? */
bool nmi_byline_own_name(const nmi_names *nm, const char *s);

/* ---- byline_credit.c -------------------------------------------------------- */

/* Where a credit s[0..n) (low its lower case) stops naming people: a stop
 * word ("Updated", "5 min read"), a token starting with a digit, a date
 * glued to the name. n when it does not stop. */
size_t nmi_credit_end(const char *s, const char *low, size_t n);
/* One credit (the names part of a byline) into nm. */
void nmi_split_credit(nmi_ctx *ctx, nmi_names *nm, const char *s, const char *low, size_t n);

#endif /* NEWSMETA_BYLINE_PARTS_H */
