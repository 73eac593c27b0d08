/* The charset labels a browser honours, and where it finds them in a page.
 *
 * The table is the WHATWG Encoding Standard's (names and labels): a label
 * names one of its encodings or nothing, so `utf-7`, EBCDIC (`cp037`),
 * `bocu-1`, `scsu`, `UTF-32` and misspellings name nothing, whatever ICU
 * would make of them. The prescan is the HTML standard's ("prescan a byte
 * stream to determine its encoding"): comments skipped, other tags'
 * attributes read past, a <meta> read attribute by attribute, and a
 * declaration that names nothing passed over for the next one.
 */
#include <string.h>

#include <unicode/ucnv.h>

#include "decode_labels.h"
#include "internal.h"

/* The standard's encodings, with the ICU converter that reads each one. A
 * superset stands in where ICU's converter of the same name is narrower
 * than the web's decoder (GBK read as GB18030, Big5 as Big5-HKSCS,
 * Shift_JIS as windows-31j, EUC-KR as windows-949). ICU's KOI8-U lacks
 * the two Belarusian letters the standard adds at 0xAE and 0xBE, and
 * ISO-8859-8-I is read as ISO-8859-8 (ICU's converters do not reorder
 * text, so the two read alike). GB18030 keeps ICU's and IANA's spelling
 * (the standard writes gb18030). */
static const nmi_charset CHARSETS[] = {
    {"UTF-8", "UTF-8", NMI_CHARSET_UTF8,
     "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"},
    {"IBM866", "IBM866", NMI_CHARSET_ICU, "866 cp866 csibm866 ibm866"},
    {"ISO-8859-2", "ISO-8859-2", NMI_CHARSET_ICU,
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 "
     "latin2"},
    {"ISO-8859-3", "ISO-8859-3", NMI_CHARSET_ICU,
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 "
     "latin3"},
    {"ISO-8859-4", "ISO-8859-4", NMI_CHARSET_ICU,
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 "
     "latin4"},
    {"ISO-8859-5", "ISO-8859-5", NMI_CHARSET_ICU,
     "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
     "iso_8859-5:1988"},
    {"ISO-8859-6", "ISO-8859-6", NMI_CHARSET_ICU,
     "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 "
     "iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987"},
    {"ISO-8859-7", "ISO-8859-7", NMI_CHARSET_ICU,
     "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 "
     "iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"},
    {"ISO-8859-8", "ISO-8859-8", NMI_CHARSET_ICU,
     "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 "
     "iso88598 iso_8859-8 iso_8859-8:1988 visual"},
    {"ISO-8859-8-I", "ISO-8859-8", NMI_CHARSET_ICU, "csiso88598i iso-8859-8-i logical"},
    {"ISO-8859-10", "ISO-8859-10", NMI_CHARSET_ICU,
     "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"},
    {"ISO-8859-13", "ISO-8859-13", NMI_CHARSET_ICU, "iso-8859-13 iso8859-13 iso885913"},
    {"ISO-8859-14", "ISO-8859-14", NMI_CHARSET_ICU, "iso-8859-14 iso8859-14 iso885914"},
    {"ISO-8859-15", "ISO-8859-15", NMI_CHARSET_ICU,
     "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
    {"ISO-8859-16", "ISO-8859-16", NMI_CHARSET_ICU, "iso-8859-16"},
    {"KOI8-R", "KOI8-R", NMI_CHARSET_ICU, "cskoi8r koi koi8 koi8-r koi8_r"},
    {"KOI8-U", "KOI8-U", NMI_CHARSET_ICU, "koi8-ru koi8-u"},
    {"macintosh", "macintosh", NMI_CHARSET_ICU, "csmacintosh mac macintosh x-mac-roman"},
    {"windows-874", "windows-874", NMI_CHARSET_ICU,
     "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
    {"windows-1250", "windows-1250", NMI_CHARSET_ICU, "cp1250 windows-1250 x-cp1250"},
    {"windows-1251", "windows-1251", NMI_CHARSET_ICU, "cp1251 windows-1251 x-cp1251"},
    {"windows-1252", "windows-1252", NMI_CHARSET_ICU,
     "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
     "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252"},
    {"windows-1253", "windows-1253", NMI_CHARSET_ICU, "cp1253 windows-1253 x-cp1253"},
    {"windows-1254", "windows-1254", NMI_CHARSET_ICU,
     "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
     "iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"},
    {"windows-1255", "windows-1255", NMI_CHARSET_ICU, "cp1255 windows-1255 x-cp1255"},
    {"windows-1256", "windows-1256", NMI_CHARSET_ICU, "cp1256 windows-1256 x-cp1256"},
    {"windows-1257", "windows-1257", NMI_CHARSET_ICU, "cp1257 windows-1257 x-cp1257"},
    {"windows-1258", "windows-1258", NMI_CHARSET_ICU, "cp1258 windows-1258 x-cp1258"},
    {"x-mac-cyrillic", "x-mac-cyrillic", NMI_CHARSET_ICU, "x-mac-cyrillic x-mac-ukrainian"},
    {"GBK", "GB18030", NMI_CHARSET_ICU,
     "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"},
    {"GB18030", "GB18030", NMI_CHARSET_ICU, "gb18030"},
    {"Big5", "Big5-HKSCS", NMI_CHARSET_ICU, "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
    {"EUC-JP", "EUC-JP", NMI_CHARSET_ICU, "cseucpkdfmtjapanese euc-jp x-euc-jp"},
    {"ISO-2022-JP", "ISO-2022-JP", NMI_CHARSET_ICU, "csiso2022jp iso-2022-jp"},
    {"Shift_JIS", "windows-31j", NMI_CHARSET_ICU,
     "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"},
    {"EUC-KR", "windows-949", NMI_CHARSET_ICU,
     "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
     "ksc_5601 windows-949"},
    /* Encodings whose ASCII bytes may stand for other characters: the
     * standard decodes the whole input as one U+FFFD instead. */
    {"replacement", NULL, NMI_CHARSET_REPLACEMENT,
     "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"},
    {"UTF-16BE", "UTF-16BE", NMI_CHARSET_UTF16, "unicodefffe utf-16be"},
    {"UTF-16LE", "UTF-16LE", NMI_CHARSET_UTF16,
     "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"},
    /* ICU has no converter for it: decode.c reads it. */
    {"x-user-defined", NULL, NMI_CHARSET_USER_DEFINED, "x-user-defined"},
};

/* ASCII whitespace, as the Encoding and HTML standards define it. */
static bool ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Do s[0..n) and the lower-case lit[0..n) match, ASCII case ignored? */
static bool ieq_n(const char *s, const char *lit, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s[i]) != lit[i])
            return false;
    return true;
}

const nmi_charset *nmi_charset_for_label(const char *label, size_t len)
{
    while (len > 0 && ascii_space(*label)) {
        label++;
        len--;
    }
    while (len > 0 && ascii_space(label[len - 1]))
        len--;
    for (size_t i = 0; len > 0 && i < sizeof CHARSETS / sizeof *CHARSETS; i++) {
        for (const char *p = CHARSETS[i].labels; *p;) {
            size_t k = strcspn(p, " ");
            if (k == len && ieq_n(label, p, len))
                return &CHARSETS[i];
            p += k;
            p += *p == ' ';
        }
    }
    return NULL;
}

int nmi_charset_icu_has(const nmi_charset *cs)
{
    if (!cs->icu)
        return 0;
    UErrorCode st = U_ZERO_ERROR;
    UConverter *c = ucnv_open(cs->icu, &st);
    if (c)
        ucnv_close(c);
    if (st == U_MEMORY_ALLOCATION_ERROR)
        return -1;
    return U_SUCCESS(st) ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* The prescan                                                         */
/* ------------------------------------------------------------------ */

/* Some bytes of the page (not NUL-terminated). */
typedef struct span {
    const char *s;
    size_t n;
} span;

/* The prescan's position in s[0..n). */
typedef struct scan {
    const char *s;
    size_t n, at;
} scan;

static bool span_is(span a, const char *lit)
{
    return a.n == strlen(lit) && ieq_n(a.s, lit, a.n);
}

/* The attribute value from s[i], quoted or not (the second half of "get an
 * attribute"). False at the end of the input. */
static bool attribute_value(scan *sc, size_t i, span *value)
{
    const char *s = sc->s;
    while (i < sc->n && ascii_space(s[i]))
        i++;
    if (i >= sc->n)
        return false;
    if (s[i] == '"' || s[i] == '\'') {
        const char *end = memchr(s + i + 1, s[i], sc->n - i - 1);
        if (!end)
            return false;
        *value = (span){s + i + 1, (size_t)(end - (s + i + 1))};
        sc->at = (size_t)(end - s) + 1;
        return true;
    }
    size_t start = i;
    while (i < sc->n && !ascii_space(s[i]) && s[i] != '>')
        i++;
    if (i >= sc->n)
        return false;
    *value = (span){s + start, i - start};
    sc->at = i;
    return true;
}

/* "Get an attribute": the next attribute of the tag at sc->at, its name
 * and value (empty when it has none). False at the tag's end; at the end
 * of the input sc->at becomes n, which ends the prescan. */
static bool get_attribute(scan *sc, span *name, span *value)
{
    const char *s = sc->s;
    size_t i = sc->at;
    while (i < sc->n && (ascii_space(s[i]) || s[i] == '/'))
        i++;
    sc->at = i < sc->n ? i : sc->n;
    if (i >= sc->n || s[i] == '>')
        return false;
    *name = (span){s + i, 0};
    *value = (span){s + i, 0};
    for (; i < sc->n; i++, name->n++) {
        if (s[i] == '=' && name->n > 0)
            break;
        if (s[i] == '/' || s[i] == '>') {
            sc->at = i;
            return true;
        }
        if (ascii_space(s[i])) {
            while (i < sc->n && ascii_space(s[i]))
                i++;
            if (i < sc->n && s[i] != '=') {
                sc->at = i;
                return true;
            }
            break;
        }
    }
    if (i >= sc->n || !attribute_value(sc, i + 1, value)) {
        sc->at = sc->n;
        return false;
    }
    return true;
}

/* "Extract a character encoding from a meta element": the label after the
 * first "charset=" of a content attribute. */
static bool label_in_content(span v, span *label)
{
    size_t i = 0;
    for (;;) {
        while (i + 7 <= v.n && !ieq_n(v.s + i, "charset", 7))
            i++;
        if (i + 7 > v.n)
            return false;
        i += 7;
        while (i < v.n && ascii_space(v.s[i]))
            i++;
        if (i < v.n && v.s[i] == '=')
            break;
    }
    i++;
    while (i < v.n && ascii_space(v.s[i]))
        i++;
    if (i >= v.n)
        return false;
    if (v.s[i] == '"' || v.s[i] == '\'') {
        const char *end = memchr(v.s + i + 1, v.s[i], v.n - i - 1);
        if (!end)
            return false;
        *label = (span){v.s + i + 1, (size_t)(end - (v.s + i + 1))};
        return true;
    }
    size_t start = i;
    while (i < v.n && !ascii_space(v.s[i]) && v.s[i] != ';')
        i++;
    *label = (span){v.s + start, i - start};
    return true;
}

/* The charset a usable declaration names, with HTML's two substitutions;
 * NULL for a label the page cannot be read in (none of the standard's, the
 * replacement encoding, or a converter ICU lacks). -1 in *oom when ICU
 * ran out of memory. */
static const nmi_charset *meta_choice(const nmi_charset *cs, bool *oom)
{
    if (!cs)
        return NULL;
    if (cs->kind == NMI_CHARSET_UTF16) /* a <meta> readable as ASCII */
        return nmi_charset_for_label("utf-8", 5);
    if (cs->kind == NMI_CHARSET_USER_DEFINED)
        return nmi_charset_for_label("windows-1252", 12);
    if (cs->kind == NMI_CHARSET_UTF8)
        return cs;
    int has = cs->kind == NMI_CHARSET_ICU ? nmi_charset_icu_has(cs) : 0;
    if (has < 0)
        *oom = true;
    return has > 0 ? cs : NULL;
}

/* The attributes of a <meta> from sc->at to its end, read as the prescan
 * reads them: a charset attribute, or a content attribute's charset with
 * http-equiv="content-type"; each attribute name counts once. */
static const nmi_charset *meta_charset(scan *sc, bool *oom)
{
    bool seen_equiv = false, seen_content = false, seen_charset = false;
    bool got_pragma = false, need_pragma = false, decided = false;
    const nmi_charset *cs = NULL;
    span name, value, label;
    while (get_attribute(sc, &name, &value)) {
        if (span_is(name, "http-equiv") && !seen_equiv) {
            seen_equiv = true;
            got_pragma = span_is(value, "content-type");
        } else if (span_is(name, "content") && !seen_content) {
            seen_content = true;
            const nmi_charset *named = label_in_content(value, &label)
                                           ? nmi_charset_for_label(label.s, label.n)
                                           : NULL;
            if (named && !decided) {
                cs = named;
                need_pragma = decided = true;
            }
        } else if (span_is(name, "charset") && !seen_charset) {
            seen_charset = true;
            cs = nmi_charset_for_label(value.s, value.n);
            decided = true;
            need_pragma = false;
        }
    }
    if (!decided || (need_pragma && !got_pragma))
        return NULL;
    return meta_choice(cs, oom);
}

static bool ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Past the tag at sc->at (a start or end tag, or <!...>, </...>, <?...>),
 * or past one byte; false at the end of the input. */
static bool skip_markup(scan *sc)
{
    const char *p = sc->s + sc->at;
    size_t left = sc->n - sc->at;
    if (left >= 4 && !memcmp(p, "<!--", 4)) {
        /* to the first "-->", whose dashes may be the opening ones */
        for (size_t i = 2; i + 3 <= left; i++)
            if (!memcmp(p + i, "-->", 3)) {
                sc->at += i + 3;
                return true;
            }
        return false;
    }
    if (left >= 2 && p[0] == '<' &&
        (ascii_alpha(p[1]) || (p[1] == '/' && left >= 3 && ascii_alpha(p[2])))) {
        while (sc->at < sc->n && !ascii_space(sc->s[sc->at]) && sc->s[sc->at] != '>')
            sc->at++;
        span name, value;
        while (get_attribute(sc, &name, &value))
            ;
    } else if (left >= 2 && p[0] == '<' && (p[1] == '!' || p[1] == '/' || p[1] == '?')) {
        const char *end = memchr(p, '>', left);
        if (!end)
            return false;
        sc->at = (size_t)(end - sc->s);
    }
    sc->at++;
    return sc->at < sc->n;
}

const nmi_charset *nmi_prescan_charset(const char *s, size_t n, bool *oom)
{
    scan sc = {s, n > NMI_CHARSET_PRESCAN_BYTES ? NMI_CHARSET_PRESCAN_BYTES : n, 0};
    while (sc.at < sc.n) {
        const char *p = s + sc.at;
        if (sc.n - sc.at >= 6 && p[0] == '<' && ieq_n(p + 1, "meta", 4) &&
            (ascii_space(p[5]) || p[5] == '/')) {
            sc.at += 6;
            const nmi_charset *cs = meta_charset(&sc, oom);
            if (cs || *oom)
                return cs;
            sc.at++;
        } else if (!skip_markup(&sc)) {
            break;
        }
    }
    return NULL;
}
