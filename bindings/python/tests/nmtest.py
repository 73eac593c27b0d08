"""Shared helpers for the Python binding's tests.

Run by ctest (bindings/python/CMakeLists.txt), which sets:
  NEWSMETA_LIBRARY      the freshly built libnewsmeta.so
  NEWSMETA_LAYOUT_DUMP  the layout_dump program
  NEWSMETA_FIXTURES     tests/fixtures of the repository
  NEWSMETA_EXAMPLES     examples/ of the repository
  PYTHONPATH            bindings/python
By hand, from the repository root after a build:
  cd bindings/python/tests && NEWSMETA_LIBRARY=../../../build/libnewsmeta.so.0 \\
      PYTHONPATH=.. /usr/bin/python3 -m unittest -v
"""
import os

# Subprocesses (pip, the Dask example, fresh interpreters) run in other
# directories: make relative paths given by hand absolute.
for _var in ("NEWSMETA_LIBRARY", "NEWSMETA_LAYOUT_DUMP"):
    if os.environ.get(_var):
        os.environ[_var] = os.path.abspath(os.environ[_var])
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        os.path.abspath(p) for p in os.environ["PYTHONPATH"].split(os.pathsep) if p)

HERE = os.path.dirname(os.path.abspath(__file__))
PY_SOURCE = os.environ.get("NEWSMETA_PY_SOURCE") or os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(PY_SOURCE))
FIXTURES = os.environ.get("NEWSMETA_FIXTURES") or os.path.join(ROOT, "tests", "fixtures")
EXAMPLES = os.environ.get("NEWSMETA_EXAMPLES") or os.path.join(ROOT, "examples")
PYTHON = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else None


def fixture_pages():
    """[(case name, url or None, html bytes)] for tests/fixtures/*/input.html,
    plus the bundled sample article."""
    out = []
    for case in sorted(os.listdir(FIXTURES)):
        page = os.path.join(FIXTURES, case, "input.html")
        if not os.path.isfile(page):
            continue
        url = None
        url_file = os.path.join(FIXTURES, case, "url")
        if os.path.isfile(url_file):
            with open(url_file, encoding="utf-8") as f:
                url = f.read().strip() or None
        with open(page, "rb") as f:
            out.append((case, url, f.read()))
    sample = os.path.join(EXAMPLES, "sample-article.html")
    if os.path.isfile(sample):
        with open(sample, "rb") as f:
            out.append(("sample-article", SAMPLE_URL, f.read()))
    return out


SAMPLE_URL = ("https://www.tidewater-ledger.example/environment/2026/03/14/"
              "floating-solar-farm-opens-harrowmere-reservoir")

# A synthetic page that fills every field the HTML parser can fill.
FULL_URL = "https://www.coastal-courier.example/news/2024/05/06/harbour-bridge-reopens"
FULL_HTML = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after repairs | The Coastal Courier</title>
<link rel="canonical" href="/news/2024/05/06/harbour-bridge-reopens">
<meta property="og:site_name" content="The Coastal Courier">
<meta property="og:image" content="/img/bridge.jpg">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour bridge reopens after repairs",
 "description": "The swing bridge was closed for nine months.",
 "datePublished": "2024-05-06T08:15:00+02:00",
 "dateModified": "2024-05-06T10:40:30+02:00",
 "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "Ben Okafor"}],
 "publisher": {"@type": "Organization", "name": "Coastal Media Group"},
 "articleSection": "Local",
 "keywords": ["Transport", "Harbour", "Bridges"],
 "inLanguage": "en-GB"}
</script>
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/local">Local</a></nav></header>
<article>
<h1>Harbour bridge reopens after repairs</h1>
<p class="byline">By Ana Lima and Ben Okafor</p>
<figure><img src="/img/bridge.jpg"><figcaption>The bridge on its first morning back in service.
Photo: Carla Diaz</figcaption></figure>
<p>The harbour swing bridge reopened to traffic on Monday morning after nine months of repairs,
the <a href="https://council.example/bridge">city council said</a> in a statement.</p>
<h2>Nine months of work</h2>
<p>Engineers replaced the bearings and the hydraulic rams that turn the deck, and repainted the
whole structure in its original green, a spokesperson for the contractor told reporters.</p>
<blockquote><p>It is the most complicated job we have done on a bridge of this age, and we are
proud of how it turned out.</p></blockquote>
<ul><li>Cars and bicycles can cross again from six in the morning.</li>
<li>Heavy lorries remain barred until the load tests end in June.</li></ul>
<pre>Open:   06:00-23:00
Closed: 23:00-06:00</pre>
<p>The council said the bridge would still swing open for tall ships on weekday afternoons, as
it has done since it was first built in 1898.</p>
<p>Related: <a href="/news/2023/08/01/bridge-closes">Harbour bridge closes for repairs</a></p>
</article>
<footer>Copyright The Coastal Courier</footer>
</body>
</html>
"""

# A plain-text rendering (parse_text): section, headline, image credit,
# byline, a date with no time, related lines.
TEXT_PAGE = """Environment

Floodwater recedes in river towns as clean-up begins

A resident carries belongings from a flooded house in Bewdley on Tuesday. Photograph: Jacob King/PA

By Rachel Stone
Published 23 February 2022

Residents of towns along the River Severn began clearing mud and debris on Wednesday as the floodwater finally started to fall.

Also read: Riverside towns count the cost of the winter floods

Flood barriers in Bewdley were overtopped on Monday night, and about 200 homes were evacuated.

The Environment Agency said river levels would keep falling unless more heavy rain arrived at the weekend.
"""


def page(body, head="", charset="utf-8"):
    """A minimal article page around BODY (paragraph markup), as str."""
    return ("<!DOCTYPE html><html><head><meta charset=\"%s\"><title>Test page</title>%s</head>"
            "<body><article><h1>Test page</h1>%s</article></body></html>" % (charset, head, body))


def rss_bytes():
    """Resident set size of this process, in bytes (/proc/self/statm)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
