"""Nothing hostile from the API or a business owner reaches a page."""

from publisher.richtext import expand, markdown_to_html, references

HOSTILE = (
    '<p onclick="steal()">Ciao<script>alert(1)</script>'
    '<a href="javascript:alert(1)">x</a><img src="data:image/png;base64,AAA" '
    'onerror="alert(1)"><iframe src="https://evil.example"></iframe></p>'
)


def no_urls(_id):
    return None


def test_rich_text_is_sanitised_with_an_allow_list():
    html = expand(HOSTILE, no_urls, lambda i, alt: "", no_urls)
    for bad in ("script", "onclick", "javascript:", "onerror", "iframe", "data:"):
        assert bad not in html
    assert "Ciao" in html


def test_database_format_links_become_public_urls():
    html = expand(
        '<p><a linktype="page" id="7">Duomo</a> '
        '<a linktype="document" id="3">orari</a> '
        '<a linktype="page" id="99">rotto</a>'
        '<embed embedtype="image" id="5" format="left" alt="x"/></p>',
        lambda i: {7: "/it/luoghi/duomo/"}.get(i),
        lambda i, alt: f'<img src="/media/{i}.webp" alt="{alt}">',
        lambda i: "/media/orari.pdf" if i == 3 else None,
    )
    assert '<a href="/it/luoghi/duomo/"' in html
    assert 'href="/media/orari.pdf"' in html
    assert "rotto" in html and 'id="99"' not in html
    assert '<img src="/media/5.webp" alt="x">' in html


def test_owner_markdown_keeps_no_raw_html_and_marks_links_ugc():
    html = markdown_to_html(
        "**Sconto** per [noi](https://bottega.example)\n\n"
        '<script>alert(1)</script><a href="javascript:x">y</a>'
    )
    assert "<strong>Sconto</strong>" in html
    assert 'rel="nofollow noopener ugc"' in html
    assert "<script" not in html and '<a href="javascript:' not in html
    assert "&lt;script&gt;" in html  # shown as the text the owner typed


def test_owner_markdown_shows_raw_html_as_text():
    html = markdown_to_html('<b onclick="x()">Chiuso</b> il lunedì\n\n<div>ciao</div>')
    assert "&lt;b onclick=" in html and "<b" not in html
    assert "&lt;div&gt;ciao&lt;/div&gt;" in html


def test_owner_markdown_links_and_images_lose_dangerous_addresses():
    html = markdown_to_html(
        "[a](javascript:alert(1)) [b](data:text/html;base64,PHNjcmlwdD4=) "
        "![c](https://tracker.example/pixel.gif) [d](https://bottega.example)"
    )
    assert "javascript:" not in html and "data:" not in html
    assert "<img" not in html and "tracker.example" not in html
    assert '<a href="https://bottega.example" rel="nofollow noopener ugc">d</a>' in html


STORED = (
    '<p><a linktype="page" id="7">Duomo</a> <a href="https://x.example">fuori</a>'
    '<embed embedtype="image" id="5" format="left" alt="x"/>'
    '<EMBED embedtype="image" id="6" format="right" alt="y">'
    '<embed embedtype="media" url="https://video.example/v"/>'
    '<A linktype="document" id="3">orari</A>'
    '<a linktype="page" id="²">non un numero</a><a linktype="page">senza id</a></p>'
)


def test_references_are_what_expand_looks_up():
    """The CMS's API lists a page's media with `references`: it must name
    exactly what the build resolves, self-closing embed or not, in any case."""
    asked = []

    def page_url(i):
        asked.append(("page", i))

    def image_html(i, alt):
        asked.append(("image", i))
        return ""

    def doc_url(i):
        asked.append(("document", i))

    html = expand(STORED, page_url, image_html, doc_url)
    expected = [("page", 7), ("image", 5), ("image", 6), ("document", 3)]
    assert list(references(STORED)) == asked == expected
    assert 'href="https://x.example"' in html and "video.example" not in html
    assert "non un numero" in html and "²" not in html
