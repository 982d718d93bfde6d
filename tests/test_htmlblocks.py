"""Generated HTML passes through Markdown unparsed (boligdialog/htmlblocks.py), its headings still
reach the table of contents, and the same Markdown without the extension builds the same page."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
import markdown
import pytest

from boligdialog.pages import htmlblocks
from boligdialog.site import routes
from boligdialog.pages.render import block

FRAGMENT = "\n".join([
    '<section class="bd-x" aria-labelledby="bd-next" markdown="1">',
    '<h2 id="bd-next" markdown="span">Næste møde \\(marts\\)</h2>',
    '  <p class="bd-a"><a href="moeder/">Alle  møder</a></p>',
    '<h3 markdown="span">Dagsorden</h3>',
    '<ul class="bd-list"><li>Punkt <em>1</em></li></ul>',
    "</section>",
])


def convert(text: str, *, extension: bool = True) -> tuple[str, list[dict]]:
    """HTML and table of contents as MkDocs's Markdown settings make them (mkdocs.yml)."""
    extensions: list = ["attr_list", "md_in_html", "toc"]
    if extension:
        extensions.append(htmlblocks.HtmlBlocks())
    md = markdown.Markdown(extensions=extensions, extension_configs={"toc": {"slugify": routes.slugify}})
    html = md.convert(text)
    return html, md.toc_tokens  # type: ignore[attr-defined]


def dom(html: str) -> str:
    """``html`` as lxml reads it, without comments, attributes sorted, white space trimmed."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    etree.strip_elements(root, etree.Comment, with_tail=False)
    for el in root.iter():
        if isinstance(el.tag, str) and el.attrib:
            items = sorted(el.attrib.items())
            el.attrib.clear()
            el.attrib.update(items)
        el.text = re.sub(r"\s+", " ", el.text).strip() or None if el.text else None
        el.tail = re.sub(r"\s+", " ", el.tail).strip() or None if el.tail else None
    return lxml.html.tostring(root, encoding="unicode")


def test_headings_become_markdown_and_the_rest_is_marked():
    text = htmlblocks.embed(FRAGMENT)
    assert "## Næste møde \\(marts\\) {: #bd-next }" in text.splitlines()
    assert "### Dagsorden" in text.splitlines()
    assert text.count(htmlblocks.START) == text.count(htmlblocks.END) == 3
    assert text.splitlines()[0] == htmlblocks.START


def test_the_html_reaches_the_page_as_written_and_the_headings_the_table_of_contents():
    html, toc = convert(htmlblocks.embed(FRAGMENT))
    # verbatim: the double space and the leading indentation inside an element are kept, which a
    # parse and re-serialisation would not guarantee; markdown="…" is taken out
    assert '<p class="bd-a"><a href="moeder/">Alle  møder</a></p>' in html
    assert '<ul class="bd-list"><li>Punkt <em>1</em></li></ul>' in html
    assert 'markdown=' not in html
    assert [(t["level"], t["id"], t["name"]) for t in toc] == [(2, "bd-next", "Næste møde (marts)")]
    assert [(t["level"], t["id"], t["name"]) for t in toc[0]["children"]] == [(3, "dagsorden", "Dagsorden")]
    assert dom(html).startswith('<div><section aria-labelledby="bd-next" class="bd-x"><h2 id="bd-next">')


def test_unbalanced_html_is_not_repaired_or_reordered():
    """Proof that the HTML is not parsed: md_in_html closes what it reads; the stash keeps it."""
    text = htmlblocks.embed('<div class="a">\n<p>eins<p>zwei\n</div>')
    html, _ = convert(text)
    assert '<div class="a">\n<p>eins<p>zwei\n</div>' in html


def test_without_the_extension_the_same_markdown_builds_the_same_page():
    """The benchmark's plain MkDocs baseline builds our captured Markdown without the extension."""
    text = htmlblocks.embed(FRAGMENT) + "\n\nEt *afsnit* fra et referat.\n"
    ours, ours_toc = convert(text)
    plain, plain_toc = convert(text, extension=False)
    assert dom(ours) == dom(plain)
    assert ours_toc == plain_toc


def test_a_heading_inside_other_html_is_a_mistake_in_the_template():
    with pytest.raises(ValueError, match="heading macro"):
        htmlblocks.embed('<p>x <b markdown="span">y</b></p>')


def test_a_rendered_template_keeps_its_headings_and_escapes_data():
    text = block("consultation_notice.html", lang="da", page_uri="index.md", open_now=[])
    assert "## Høring {: #bd-consultation-now }" in text
    html, toc = convert(text)
    assert [t["id"] for t in toc] == ["bd-consultation-now"]
    assert html.count("<section") == html.count("</section>") == 1


def test_an_unclosed_run_is_left_to_markdown():
    html, _ = convert(f"{htmlblocks.START}\n<p>a</p>\n\nTekst")
    assert "<p>a</p>" in html and "<p>Tekst</p>" in html


def test_an_editor_cannot_type_a_marker():
    """The markers carry a token drawn at load time: the plain words an editor could type are
    not a marker, and the generated HTML after them stays HTML."""
    typed = "<!-- bd:html -->\nEt *afsnit*."
    html, _ = convert(typed + "\n\n" + htmlblocks.embed('<section class="x">\n<p>a</p>\n</section>'))
    assert "<em>afsnit</em>" in html and '<section class="x">' in html
    assert htmlblocks.START not in typed and len(htmlblocks.START) > len("<!-- bd:html -->")
