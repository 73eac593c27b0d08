/* What decode.c and decode_labels.c share: the encodings of the WHATWG
 * Encoding Standard, looked up by label, and the HTML standard's prescan
 * for the <meta> that declares one. */
#ifndef NEWSMETA_DECODE_LABELS_H
#define NEWSMETA_DECODE_LABELS_H

#include <stdbool.h>
#include <stddef.h>

/* How an encoding of the standard is decoded. */
typedef enum nmi_charset_kind {
    NMI_CHARSET_UTF8,        /* checked and repaired in decode.c, no ICU */
    NMI_CHARSET_ICU,         /* an ASCII-compatible charset ICU converts */
    NMI_CHARSET_UTF16,       /* UTF-16LE/BE: a BOM or the caller's charset only */
    NMI_CHARSET_REPLACEMENT, /* ISO-2022-KR, ISO-2022-CN, HZ: never decoded */
    NMI_CHARSET_USER_DEFINED /* x-user-defined: no ICU converter */
} nmi_charset_kind;

/* One encoding of the standard's table. */
typedef struct nmi_charset {
    const char *name;   /* the record's name: the standard's, except GB18030 */
    const char *icu;    /* ICU's converter (NMI_CHARSET_ICU, _UTF16) */
    nmi_charset_kind kind;
    const char *labels; /* every label, space-separated, lower case */
} nmi_charset;

/* The encoding a label names, the label matched as the standard says
 * (leading and trailing ASCII whitespace removed, ASCII case ignored);
 * NULL when it is none of the standard's labels. */
const nmi_charset *nmi_charset_for_label(const char *label, size_t len);

/* Does ICU have the converter of cs: 1 yes, 0 no (none in the table, or
 * this build of ICU lacks it: Debian's ICU 72 has no ISO-8859-16), -1 out
 * of memory. */
int nmi_charset_icu_has(const nmi_charset *cs);

/* The HTML standard's prescan of the first bytes (at most
 * NMI_CHARSET_PRESCAN_BYTES) for a <meta charset> or <meta
 * http-equiv="Content-Type" content="...; charset=...">: the charset of
 * the first declaration a page can be read in, a UTF-16 label meaning
 * UTF-8 and x-user-defined windows-1252 (the HTML rules). A declaration
 * naming none of the standard's labels, the replacement encoding or a
 * converter ICU lacks is passed over, as a browser passes over a label it
 * does not know. NULL when no declaration is left; *oom set when ICU ran
 * out of memory. */
const nmi_charset *nmi_prescan_charset(const char *s, size_t n, bool *oom);

#endif
