"""Non-ASCII text: byte offsets from the library, character offsets in Python."""
import unicodedata
import unittest

import newsmeta
from newsmeta import LinkKind

import nmtest

FILLER = ("The council met on Tuesday evening to discuss the plans, and residents were given "
          "the chance to speak for three minutes each before the vote was taken.")


def body_links(article):
    return [l for l in article.links if l.kind is LinkKind.BODY]


class Offsets(unittest.TestCase):
    def check(self, article, expected_texts):
        links = body_links(article)
        self.assertEqual([l.text for l in links], expected_texts)
        for l in links:
            text = article.paragraphs[l.paragraph].text
            raw = text.encode("utf-8")
            # the library's offsets are bytes of the UTF-8 text ...
            self.assertEqual(raw[l.start:l.end].decode("utf-8"), l.text)
            # ... the binding's are Python string indices
            self.assertEqual(text[l.char_start:l.char_end], l.text)
            self.assertEqual(len(raw[:l.start].decode("utf-8")), l.char_start)
        return links

    def test_non_ascii_before_links(self):
        html = nmtest.page(
            "<p>Le café « Zürich » près de la gare — 東京から来た観光客 😀🎉 — a rouvert, selon "
            "<a href='https://mairie.example/cafe'>la mairie de Genève</a>, et "
            "<a href='/ünïcödé'>ÄÖÜ ß</a> aussi. %s</p>" % FILLER)
        a = newsmeta.parse_html(html.encode("utf-8"), url="https://news.example/a")
        links = self.check(a, ["la mairie de Genève", "ÄÖÜ ß"])
        # the byte and character offsets really differ here
        self.assertGreater(links[0].start, links[0].char_start)
        self.assertGreater(links[1].end - links[1].start, links[1].char_end - links[1].char_start)
        self.assertTrue(links[1].href.startswith("https://news.example/"), links[1].href)

    def test_astral_characters(self):
        # 4-byte UTF-8, one Python character each (no surrogate pairs in str)
        html = nmtest.page("<p>𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🦆🦆🦆 then <a href='/x'>a 🦆 link</a> here. %s</p>" % FILLER)
        a = newsmeta.parse_html(html)
        (l,) = self.check(a, ["a 🦆 link"])
        self.assertEqual(l.start - l.char_start, 3 * 7 + 3 * 3)

    def test_ascii_paragraph_offsets_equal(self):
        html = nmtest.page("<p>Plain text first, then <a href='/x'>a link</a>. %s</p>" % FILLER)
        (l,) = self.check(newsmeta.parse_html(html), ["a link"])
        self.assertEqual((l.start, l.end), (l.char_start, l.char_end))

    def test_several_paragraphs(self):
        html = nmtest.page(
            "<p>Première partie, déjà <a href='/1'>un lien</a>. %s</p>"
            "<p>Ελληνικά κείμενα πριν από τον <a href='/2'>σύνδεσμο</a> εδώ. %s</p>"
            "<p>Русский текст и <a href='/3'>ссылка</a>, затем <a href='/4'>ещё одна</a>. %s</p>"
            % (FILLER, FILLER, FILLER))
        links = self.check(newsmeta.parse_html(html),
                           ["un lien", "σύνδεσμο", "ссылка", "ещё одна"])
        self.assertEqual([l.paragraph for l in links], [0, 1, 2, 2])

    def test_decomposed_input_is_normalized(self):
        # "e" + COMBINING ACUTE becomes "é" (NFC); offsets follow the normalized text
        html = nmtest.page("<p>Cafe\u0301 cre\u0300me, <a href='/x'>re\u0301sume\u0301</a>. %s</p>"
                           % FILLER)
        a = newsmeta.parse_html(html)
        (l,) = self.check(a, ["résumé"])
        self.assertTrue(unicodedata.is_normalized("NFC", a.paragraphs[0].text))

    def test_legacy_charset(self):
        html = nmtest.page("<p>Ça coûte très cher, dit <a href='/x'>l'élu</a>. %s</p>" % FILLER,
                           charset="iso-8859-1").encode("latin-1")
        a = newsmeta.parse_html(html)
        self.assertEqual(a.charset, "windows-1252")  # the HTML standard's reading of latin-1
        self.check(a, ["l'élu"])

    def test_str_and_bytes_agree(self):
        html = nmtest.page("<p>Größe — <a href='/x'>Übergröße</a>. %s</p>" % FILLER)
        from_str = newsmeta.parse_html(html).to_dict()
        from_bytes = newsmeta.parse_html(html.encode()).to_dict()
        # the same record; only how the charset was chosen differs (a str
        # is handed over as UTF-8 by option, bytes declare it in <meta>)
        self.assertEqual(from_str.pop("charset_source"), "option")
        self.assertEqual(from_bytes.pop("charset_source"), "meta")
        self.assertEqual(from_str, from_bytes)

    def test_fixture_pages(self):
        for case, url, html in nmtest.fixture_pages():
            with self.subTest(case=case):
                a = newsmeta.parse_html(html, url=url)
                for l in body_links(a):
                    self.assertEqual(a.paragraphs[l.paragraph].text[l.char_start:l.char_end],
                                     l.text)


if __name__ == "__main__":
    unittest.main()
