"""A pack's Markdown on screen and on paper: one parser, one set of rules
(content/markdown.py), so the client reads the same words in the window and on the handout."""

from __future__ import annotations

import io
import re

from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from pdf_reading import all_text
from traumefokus.content.markdown import markdown_html
from traumefokus.documents.markdown import markdown_flowables
from traumefokus.ui.client_screen import ClientScreen

SOURCE = """## Min plan

Det er **vigtigt** og *roligt* at <b>tale</b> med nogen<span style="color:red"> i dag</span>.
Læs mere i [hæftet](https://example.org/hæfte) ![et billede af en bro](bro.png).

- ring til *Anna*
- gå en tur

1. trække vejret
2. tælle til ti

<div>
Skjult blok
</div>

____
"""

# the words both show: HTML tags and blocks left out, a link and an image as their words
WORDS = [
    *("Min", "plan", "Det", "er", "vigtigt", "og", "roligt", "at", "tale", "med", "nogen"),
    *("i", "dag.", "Læs", "mere", "i", "hæftet", "et", "billede", "af", "en", "bro."),
    *("ring", "til", "Anna", "gå", "en", "tur", "trække", "vejret", "tælle", "til", "ti"),
]


def on_screen(qtbot, source: str) -> ClientScreen:
    """The client's window showing `source`, as the session screen shows a worksheet."""
    screen = ClientScreen()
    qtbot.addWidget(screen)
    screen.show_markdown(source)
    return screen


def on_paper(source: str) -> str:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(markdown_flowables(source, 400))
    return all_text(out.getvalue())


def words(text: str) -> list[str]:
    """The words, without list bullets and numbers (the screen draws them, paper prints them)."""
    return [w for w in text.split() if w != "•" and not re.fullmatch(r"\d+\.", w)]


def test_the_screen_and_the_paper_show_the_same_words(qtbot):
    screen = on_screen(qtbot, SOURCE)
    assert words(screen.text.toPlainText()) == WORDS
    assert words(on_paper(SOURCE)) == WORDS


def test_html_is_left_out_the_same_way_on_both(qtbot):
    screen = on_screen(qtbot, SOURCE)
    for shown in (screen.text.toPlainText(), on_paper(SOURCE)):
        for gone in ("<b>", "span", "color", "Skjult", "https", "bro.png"):
            assert gone not in shown
    html = markdown_html(SOURCE)
    assert "<b>" not in html and "<span" not in html and "<a " not in html and "<img" not in html
    assert 'style="color:red"' not in html


def test_emphasis_a_list_and_a_line_to_write_on_are_kept_on_both(qtbot):
    screen = on_screen(qtbot, SOURCE)
    document = screen.text.document()
    assert document.find("vigtigt").charFormat().fontWeight() > 400
    assert document.find("roligt").charFormat().fontItalic()
    assert not document.find("tale").charFormat().fontWeight() > 400  # <b> is not markup
    assert document.find("ring til").currentList() is not None
    html = markdown_html(SOURCE)
    assert "<strong>vigtigt</strong>" in html and "<em>roligt</em>" in html and "<hr />" in html
    paper = markdown_flowables(SOURCE, 400)
    marked = paper[1].text
    assert "<b>vigtigt</b>" in marked and "<i>roligt</i>" in marked
    assert "<b>tale</b>" not in marked and "tale" in marked
    assert type(paper[-1]).__name__ == "WritingLine"


def test_a_character_that_only_looks_like_html_stays_text(qtbot):
    source = "Vægt 3 < 5 og 5 > 3 & <3"
    expected = ["Vægt", "3", "<", "5", "og", "5", ">", "3", "&", "<3"]
    screen = on_screen(qtbot, source)
    assert words(screen.text.toPlainText()) == expected
    assert words(on_paper(source)) == expected
