/* Tag classes of the body stage: what content.c (scoring, junk) and
 * blocks.c (paragraph breaks, kinds) need to know of an element's tag,
 * from one sorted table. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Sorted by name (binary search). base is Readability's initial score by
 * tag. */
static const nmi_tag_desc TAGS[] = {
    {"a", NMI_TAG_LINK, 0},
    {"address", NMI_TAG_BLOCK, -3},
    {"article", NMI_TAG_BLOCK | NMI_TAG_DIVLIKE, 5},
    {"aside", NMI_TAG_BLOCK | NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"audio", NMI_TAG_JUNK, 0},
    {"blockquote", NMI_TAG_BLOCK | NMI_TAG_PARA, 3},
    {"body", NMI_TAG_BLOCK, 0},
    {"br", NMI_TAG_BR, 0},
    {"button", NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"canvas", NMI_TAG_JUNK, 0},
    {"caption", NMI_TAG_BLOCK, 0},
    {"center", NMI_TAG_BLOCK, 0},
    {"dd", NMI_TAG_BLOCK | NMI_TAG_PARA | NMI_TAG_ITEM, -3},
    {"details", NMI_TAG_BLOCK, 0},
    {"dialog", NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"div", NMI_TAG_BLOCK | NMI_TAG_DIVLIKE, 5},
    {"dl", NMI_TAG_BLOCK, -3},
    {"dt", NMI_TAG_BLOCK | NMI_TAG_ITEM, -3},
    {"embed", NMI_TAG_JUNK, 0},
    {"figcaption", NMI_TAG_CAPTION, 0},
    {"figure", NMI_TAG_BLOCK, 0},
    {"font", NMI_TAG_DIVLIKE, 0},
    {"footer", NMI_TAG_BLOCK | NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"form", NMI_TAG_BLOCK | NMI_TAG_SOFT_JUNK, -3},
    {"h1", NMI_TAG_BLOCK | NMI_TAG_HEADING, -5},
    {"h2", NMI_TAG_BLOCK | NMI_TAG_HEADING, -5},
    {"h3", NMI_TAG_BLOCK | NMI_TAG_HEADING, -5},
    {"h4", NMI_TAG_BLOCK | NMI_TAG_HEADING, -5},
    {"h5", NMI_TAG_BLOCK | NMI_TAG_HEADING, -5},
    {"h6", NMI_TAG_BLOCK | NMI_TAG_HEADING, -5},
    {"head", NMI_TAG_JUNK, 0},
    {"header", NMI_TAG_BLOCK | NMI_TAG_SOFT_JUNK, 0},
    {"hr", NMI_TAG_BLOCK, 0},
    {"html", NMI_TAG_BLOCK, 0},
    {"iframe", NMI_TAG_JUNK, 0},
    {"input", NMI_TAG_JUNK, 0},
    {"label", NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"li", NMI_TAG_BLOCK | NMI_TAG_PARA | NMI_TAG_ITEM, -3},
    {"link", NMI_TAG_JUNK, 0},
    {"main", NMI_TAG_BLOCK, 5},
    {"map", NMI_TAG_JUNK, 0},
    {"math", NMI_TAG_JUNK, 0},
    {"menu", NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"meta", NMI_TAG_JUNK, 0},
    {"nav", NMI_TAG_BLOCK | NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"noscript", NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"object", NMI_TAG_JUNK, 0},
    {"ol", NMI_TAG_BLOCK, -3},
    {"option", NMI_TAG_JUNK, 0},
    {"p", NMI_TAG_BLOCK | NMI_TAG_PARA, 0},
    {"picture", NMI_TAG_JUNK, 0},
    {"pre", NMI_TAG_BLOCK | NMI_TAG_PARA | NMI_TAG_PRE, 3},
    {"script", NMI_TAG_JUNK, 0},
    {"section", NMI_TAG_BLOCK | NMI_TAG_DIVLIKE, 5},
    {"select", NMI_TAG_JUNK, 0},
    {"span", NMI_TAG_DIVLIKE, 0},
    {"style", NMI_TAG_JUNK, 0},
    {"summary", NMI_TAG_BLOCK, 0},
    {"svg", NMI_TAG_JUNK, 0},
    {"table", NMI_TAG_BLOCK, 0},
    {"tbody", NMI_TAG_BLOCK, 0},
    {"td", NMI_TAG_BLOCK | NMI_TAG_PARA, 3},
    {"template", NMI_TAG_JUNK | NMI_TAG_CHROME, 0},
    {"textarea", NMI_TAG_JUNK, 0},
    {"th", NMI_TAG_BLOCK, -5},
    {"thead", NMI_TAG_BLOCK, 0},
    {"tr", NMI_TAG_BLOCK, 0},
    {"ul", NMI_TAG_BLOCK, -3},
    {"video", NMI_TAG_JUNK, 0},
};

static int tag_cmp(const void *key, const void *el)
{
    return strcmp(key, ((const nmi_tag_desc *)el)->name);
}

const nmi_tag_desc *nmi_tag_desc_of(const char *name)
{
    return bsearch(name, TAGS, sizeof TAGS / sizeof *TAGS, sizeof *TAGS, tag_cmp);
}

uint16_t nmi_tag_flags(const char *name)
{
    const nmi_tag_desc *td = nmi_tag_desc_of(name);
    return td ? td->flags : 0;
}
