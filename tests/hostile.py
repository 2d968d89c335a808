"""Hostile and awkward input: every item is tried through the admin forms
(tests/cms/test_hostile_input.py) and through the build
(tests/publisher/test_hostile_build.py). Nothing may be lost or run unescaped."""

HOSTILE: list[tuple[str, str]] = [
    ("script tag", "<script>alert(1)</script>"),
    ("script tag, mixed case", "<ScRiPt src=//evil.example/x.js></sCrIpT>"),
    ("image with onerror", "<img src=x onerror=alert(1)>"),
    ("svg with onload", "<svg/onload=alert(1)>"),
    ("closing tag", "Museo</title><script>alert(1)</script>"),
    ("html comment", "Museo <!-- nascosto -->"),
    ("attribute breakout", '" onmouseover="alert(1)" x="'),
    ("javascript url", "javascript:alert(document.cookie)"),
    ("data url", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ("markdown javascript link", "[clicca](javascript:alert(1))"),
    ("markdown with raw html", "**Aperto** <b onclick=alert(1)>oggi</b>"),
    ("entities", "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;"),
    ("url-encoded script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"),
    ("fullwidth brackets", "＜script＞alert(1)＜/script＞"),
    ("template syntax", "{{ 7*7 }} {% debug %} ${7*7} #{7*7}"),
    ("sql injection", "'; DROP TABLE wagtailcore_page; --"),
    ("sql union", "1 OR 1=1 UNION SELECT password FROM auth_user"),
    ("right-to-left override", "Museo \u202egpj.exe"),
    ("left-to-right embedding", "Museo \u202aLecce\u202c"),
    ("bidi isolate", "\u2066Lecce\u2069 \u2067مدينة\u2069"),
    ("null byte", "Museo\x00Lecce"),
    ("escape sequence", "Museo \x1b[31mrosso\x1b[0m"),
    ("bell and backspace", "Museo\x07\x08"),
    ("delete character", "Museo\x7f"),
    ("c1 control", "Museo\x85Lecce"),
    ("10,000 characters", "Lecce " * 1666 + "fine"),
    ("zero-width space", "Mu\u200bseo"),
    ("soft hyphen and word joiner", "Mu\u00adseo\u2060Lecce"),
    ("byte order mark", "\ufeffMuseo"),
    ("persian with zero-width non-joiner", "موزه\u200cها"),
    ("arabic", "متحف ليتشي للفنون"),
    ("arabic with right-to-left mark", "المتحف \u200f(Lecce)"),
    ("emoji with joiners", "Museo 🏛️ per famiglie 👨\u200d👩\u200d👧 e ♿"),
    ("italian punctuation", "Caffè «Perché no?» — l'àncora, 1ª sala"),
    (
        "comparisons in text",
        "Ingresso < 5 € sotto i 10 anni, > 65 anni ridotto & gratis",
    ),
    ("newlines and tabs", "Prima riga\r\nSeconda riga\tcon tab"),
]

# Ordinary text that happens to look odd: it must be accepted and kept as is.
MUST_ACCEPT = frozenset(
    {
        "entities",
        "url-encoded script",
        "fullwidth brackets",
        "template syntax",
        "sql injection",
        "sql union",
        "persian with zero-width non-joiner",
        "arabic",
        "arabic with right-to-left mark",
        "emoji with joiners",
        "italian punctuation",
        "comparisons in text",
        "javascript url",
        "data url",
        "markdown javascript link",
        "attribute breakout",
    }
)

# Paragraphs may break lines; a one-line field (a name, a title) may not: it
# reaches e-mail subjects, where a line break starts a new header.
ONE_LINE_REFUSES = frozenset({"newlines and tabs"})

# Never stored: markup, characters that hide or reverse text, absurd lengths.
MUST_REFUSE = (
    frozenset(name for name, _value in HOSTILE) - MUST_ACCEPT - ONE_LINE_REFUSES
)
