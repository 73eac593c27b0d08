"""Article.to_text / to_markdown / to_html (newsmeta_render), and the
Markdown read back: python3-markdown (Debian) turns our Markdown into HTML
whose blocks -- headings, paragraphs, quotes, lists and their items, code --
are the blocks of our own HTML, in order, with the same text and links.
Checked on the render cases (tests/render) and every fixture page."""
import html.parser
import os
import unittest

import newsmeta

import nmtest

RENDER = os.path.join(os.path.dirname(nmtest.FIXTURES), "render")
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "ul", "ol", "li", "pre"}


class Blocks(html.parser.HTMLParser):
    """(tag, text) for each block element, and the links (href, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.links, self.stack, self.link = [], [], [], None

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.blocks.append([tag, ""])
            self.stack.append(len(self.blocks) - 1)
        if tag == "a":
            self.link = [dict(attrs).get("href"), ""]

    def handle_endtag(self, tag):
        if tag in BLOCKS and self.stack:
            self.stack.pop()
        if tag == "a" and self.link:
            self.links.append(tuple(self.link))
            self.link = None

    def handle_data(self, data):
        for i in self.stack:
            self.blocks[i][1] += data
        if self.link:
            self.link[1] += data


def blocks_of(markup):
    p = Blocks()
    p.feed(markup)
    # whitespace is not structure; <p> directly inside <li>/<blockquote> is
    # how Markdown writes a loose item, not another block
    out = [(tag, " ".join(text.split())) for tag, text in p.blocks]
    return [b for i, b in enumerate(out)
            if not (b[0] == "p" and i and out[i - 1][0] in ("li", "blockquote")
                    and out[i - 1][1] == b[1])], p.links


def pages():
    for case in sorted(os.listdir(RENDER)):
        with open(os.path.join(RENDER, case, "input.html"), "rb") as f:
            html_ = f.read()
        with open(os.path.join(RENDER, case, "url"), encoding="utf-8") as f:
            yield case, f.read().strip(), html_
    for case, url, html_ in nmtest.fixture_pages():
        yield case, url, html_


class Render(unittest.TestCase):
    def test_markdown_reads_back_to_the_same_blocks(self):
        try:
            import markdown
        except ImportError:
            self.fail("python3-markdown is not installed (scripts/lib.sh installs it)")
        checked = 0
        for case, url, page in pages():
            a = newsmeta.parse_html(page, url)
            with self.subTest(case=case):
                ours, our_links = blocks_of(a.to_html())
                back, back_links = blocks_of(markdown.markdown(a.to_markdown(),
                                                               extensions=["fenced_code"]))
                self.assertEqual(back, ours)
                self.assertEqual(back_links, our_links)
                checked += 1
        self.assertGreater(checked, 5)

    def test_text_and_metadata(self):
        for case, url, page in pages():
            a = newsmeta.parse_html(page, url)
            text = a.to_text()
            for p in a.paragraphs:
                self.assertIn(p.text, text)
            if a.headline:
                self.assertTrue(a.to_text(metadata=True).startswith(a.headline + "\n"))
                self.assertIn("<title>", a.to_html(metadata=True))
                self.assertTrue(a.to_markdown(metadata=True).startswith("---\n"))

    def test_copy_cannot_render(self):
        import copy
        a = copy.copy(newsmeta.parse_html(b"<p>One paragraph of text here.</p>"))
        with self.assertRaises(ValueError):
            a.to_markdown()


if __name__ == "__main__":
    unittest.main()
