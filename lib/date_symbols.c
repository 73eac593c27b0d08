/* Date names: the locales read and the key of a name (date_symbols.h);
 * used by the library and by the table generator alike. */
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "date_symbols.h"

const char *const nmi_date_locales[NMI_NLOCALES] = {
    "en", "en_GB", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "tr", "sv", "ja", "zh",
    "ko", "ar", "hi", "id", "uk", "cs", "da", "nb", "fi", "ro", "hu", "el", "vi", "ms", "de_AT",
};

int32_t nmi_date_key(const UChar *s, int32_t n, UChar *key)
{
    UChar fold[64], nfd[96];
    UErrorCode st = U_ZERO_ERROR;
    if (n <= 0 || n > 48)
        return 0;
    int32_t fl = u_strFoldCase(fold, 64, s, n, U_FOLD_CASE_DEFAULT, &st);
    if (U_FAILURE(st) || fl > 64)
        return 0;
    const UNormalizer2 *norm = unorm2_getNFDInstance(&st);
    if (U_FAILURE(st))
        return 0;
    int32_t dl = unorm2_normalize(norm, fold, fl, nfd, 96, &st);
    if (U_FAILURE(st) || dl > 96)
        return 0;
    int32_t k = 0;
    for (int32_t i = 0; i < dl; i++) {
        UChar c = nfd[i];
        int8_t type = u_charType(c);
        if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || c == '.' || c == ' ' ||
            c == 0x0970 || c == 0x00A0 || c == 0x200F || c == 0x200E)
            continue;
        if (k >= NMI_KEY_MAX)
            return 0;
        key[k++] = c;
    }
    return k;
}

int nmi_date_key_cmp(const UChar *a, int al, const UChar *b, int bl)
{
    int n = al < bl ? al : bl;
    for (int i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return al - bl;
}

