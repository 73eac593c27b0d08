"""No memory growth over 10,000 parses: every C article (and JSON buffer)
is released."""
import gc
import unittest

import newsmeta

import nmtest

PARSES = 10_000
# Allowed growth of the resident set after the warm-up. A leaked article of
# the pages below is several kilobytes, so 10,000 of them would be tens of
# megabytes; a leak of even 200 bytes a parse would show as 2 MB.
MARGIN = 1536 * 1024


class Memory(unittest.TestCase):
    def test_no_growth(self):
        pages = [(url, html) for _, url, html in nmtest.fixture_pages()]
        pages.append((nmtest.FULL_URL, nmtest.FULL_HTML.encode()))

        def run(n):
            for i in range(n):
                url, html = pages[i % len(pages)]
                a = newsmeta.parse_html(html, url=url)
                if i % 4 == 0:
                    a.to_json()
                if i % 4 == 1:
                    a.to_dict()
                if i % 10 == 0:  # the error path too
                    try:
                        newsmeta.parse_html(b"")
                    except newsmeta.Error:
                        pass
                if i % 50 == 0:
                    newsmeta.parse_text(nmtest.TEXT_PAGE)

        run(1000)  # warm up: allocator arenas, caches, interned strings
        gc.collect()
        before = nmtest.rss_bytes()
        run(PARSES)
        gc.collect()
        after = nmtest.rss_bytes()
        growth = after - before
        print("\nRSS before %.1f MB, after %d parses %.1f MB, growth %+d KB"
              % (before / 2**20, PARSES, after / 2**20, growth // 1024))
        self.assertLess(growth, MARGIN, "RSS grew by %d KB over %d parses"
                        % (growth // 1024, PARSES))


if __name__ == "__main__":
    unittest.main()
