/* The lexicon on its own (lib/lexicon.h), linked against the static
 * library: the one label matcher, and the invariants every list relies on
 * — lower case, and no label hidden behind an earlier one that the
 * first-match matcher would always take instead. */
#include <check.h>
#include <string.h>

#include "lexicon.h"
#include "testutil.h"

/* ---- the matcher -------------------------------------------------------------- */

typedef struct starts_case {
    const char *text, *label;
    size_t want; /* bytes of text matched, 0 for none */
} starts_case;

static const starts_case STARTS[] = {
    {"Published: 3 March", "published", 9},
    {"PUBLISHED 3 March", "published", 9},
    {"Publishedness", "published", 0},         /* a label does not end inside a word */
    {"Published\xC3\xA9", "published", 0},     /* nor before a non-ASCII letter */
    {"Published2021", "published", 0},         /* nor before a digit */
    {"Updated\xE2\x80\x94March 3", "updated", 7}, /* a dash ends the word */
    /* a label of a script written without spaces needs no border: 公開日日本 */
    {"\xE5\x85\xAC\xE9\x96\x8B\xE6\x97\xA5\xE6\x97\xA5\xE6\x9C\xAC", "\xE5\x85\xAC\xE9\x96\x8B\xE6\x97\xA5", 9},
    {"Last   updated on", "last updated", 14}, /* a space matches a run of spaces */
    {"Lastupdated", "last updated", 0},
    {"Mis \xC3\x80 jour le", "mis \xC3\xA0 jour", 11}, /* Latin-1 capitals fold */
    {"Date: today", "date:", 5},               /* a label ending in ':' needs no boundary */
    {"Pub", "published", 0},                   /* the text ends first */
    {"", "published", 0},
};

START_TEST(starts_matches_as_documented)
{
    const starts_case *c = &STARTS[_i];
    ck_assert_msg(nmi_lex_starts(c->text, c->label) == c->want, "\"%s\" / \"%s\": %zu, want %zu",
                  c->text, c->label, nmi_lex_starts(c->text, c->label), c->want);
}
END_TEST

START_TEST(match_takes_the_first_label_that_opens_the_text)
{
    size_t len = 0;
    const char *l = nmi_lex_match("Updated on 3 March 2021", nmi_lex_updated_labels, &len);
    ck_assert_ptr_nonnull(l);
    ck_assert_str_eq(l, "updated on");
    ck_assert_uint_eq(len, strlen("updated on"));
    ck_assert_ptr_null(nmi_lex_match("Officials updated", nmi_lex_updated_labels, &len));
    l = nmi_lex_match("Ver\xC3\xB6" "ffentlicht am 3. M\xC3\xA4rz", nmi_lex_published_labels, &len);
    ck_assert_ptr_nonnull(l);
    ck_assert_str_eq(l, "ver\xC3\xB6" "ffentlicht am");
}
END_TEST

START_TEST(related_prefix_needs_a_separator)
{
    const char *rest = nmi_related_prefix("Lire aussi : Le budget");
    ck_assert_ptr_nonnull(rest);
    ck_assert_str_eq(rest, " Le budget");
    ck_assert_ptr_nonnull(nmi_related_prefix("Read more - Title"));
    ck_assert_ptr_nonnull(nmi_related_prefix("Related article: Title"));
    ck_assert_ptr_null(nmi_related_prefix("Read-along features"));
    ck_assert_ptr_null(nmi_related_prefix("Reading the report, we found"));
    ck_assert_ptr_null(nmi_related_prefix("More than 40 people"));
}
END_TEST

START_TEST(boilerplate_is_a_whole_line)
{
    ck_assert(nmi_is_boilerplate("Advertisement", 13));
    ck_assert(nmi_is_boilerplate("SHARE THIS ARTICLE:", 19));
    ck_assert(!nmi_is_boilerplate("Advertisement revenue fell", 26));
}
END_TEST

/* ---- the lists ------------------------------------------------------------------- */

typedef struct named_list {
    const char *name;
    const char *const *list;
    bool first_match; /* read with nmi_lex_match: order matters */
} named_list;

static const named_list LISTS[] = {
    {"published labels", nmi_lex_published_labels, true},
    {"updated labels", nmi_lex_updated_labels, true},
    {"related labels", nmi_lex_related_labels, true},
    {"noise prefixes", nmi_lex_noise_prefixes, true},
    {"caption labels", nmi_lex_caption_labels, true},
    {"date openers", nmi_lex_date_openers, true},
    {"byline nouns", nmi_lex_byline_nouns, true},
    {"bylines standing alone", nmi_lex_byline_alone, true},
    {"photo agencies", nmi_lex_photo_agencies, false},
    {"credit labels", nmi_lex_credit_labels, false},
    {"reading time", nmi_lex_reading_time, false},
    {"widget words", nmi_lex_widget_words, false},
    {"writer labels", nmi_lex_byline_writer_labels, false},
    {"other role labels", nmi_lex_byline_other_labels, false},
    {"role words", nmi_lex_byline_role_words, false},
    {"agencies", nmi_lex_byline_agencies, false},
    {"stops", nmi_lex_byline_stops, false},
};

START_TEST(lists_are_lower_case_and_not_empty)
{
    const named_list *n = &LISTS[_i];
    ck_assert_msg(n->list[0] != NULL, "%s: empty", n->name);
    for (const char *const *l = n->list; *l; l++) {
        ck_assert_msg(**l != '\0', "%s: an empty label", n->name);
        for (const char *p = *l; *p; p++)
            ck_assert_msg(!(*p >= 'A' && *p <= 'Z'), "%s: \"%s\" is not lower case", n->name, *l);
    }
}
END_TEST

/* With the first-match matcher, a label that an earlier label of the same
 * list already matches can never be found ("related" before "related
 * article"): the longer one must come first. */
START_TEST(no_label_is_hidden_behind_an_earlier_one)
{
    const named_list *n = &LISTS[_i];
    if (!n->first_match)
        return;
    for (size_t j = 0; n->list[j]; j++)
        for (size_t i = 0; i < j; i++)
            ck_assert_msg(nmi_lex_starts(n->list[j], n->list[i]) == 0,
                          "%s: \"%s\" is never found: \"%s\" comes first and matches it",
                          n->name, n->list[j], n->list[i]);
}
END_TEST

static Suite *lexicon_suite(void)
{
    Suite *s = suite_create("lexicon");
    TCase *tc = tcase_create("matcher");
    tcase_add_loop_test(tc, starts_matches_as_documented, 0, sizeof STARTS / sizeof *STARTS);
    tcase_add_test(tc, match_takes_the_first_label_that_opens_the_text);
    tcase_add_test(tc, related_prefix_needs_a_separator);
    tcase_add_test(tc, boilerplate_is_a_whole_line);
    suite_add_tcase(s, tc);
    tc = tcase_create("lists");
    tcase_add_loop_test(tc, lists_are_lower_case_and_not_empty, 0, sizeof LISTS / sizeof *LISTS);
    tcase_add_loop_test(tc, no_label_is_hidden_behind_an_earlier_one, 0,
                        sizeof LISTS / sizeof *LISTS);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return nm_run_suite(lexicon_suite());
}
