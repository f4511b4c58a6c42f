"""The packs' Markdown (manuals/README.md) read by one parser with one set of rules, for the
screen (`markdown_html`, shown in a QTextBrowser) and the paper (documents/markdown.py, which
prints the same `tokens`): both show the same words.

The rules: CommonMark plus tables; HTML is never markup: a tag or an HTML block is left out
(a tag's text between `<b>` and `</b>` stays, and the loader has already taken out the
editors' `<!-- -->` comments); a link or an image is its words, since nothing opens from a
worksheet.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # ~60 ms: loaded when the first text is shown

    # HTML is parsed (so that it is known for HTML) in order to be left out.
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def tokens(source: str) -> list[Token]:
    """The block tokens of `source` without HTML blocks, each block's inline tokens without
    HTML, links or images."""
    found = [block for block in _parser().parse(source) if block.type != "html_block"]
    for block in found:
        if block.children:
            block.children = _words_only(block.children)
    return found


def _words_only(inline: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in inline:
        if token.type in ("link_open", "link_close", "html_inline"):
            continue
        if token.type == "image":  # its alternative text, as inline tokens
            out.extend(_words_only(token.children or []))
            continue
        out.append(token)
    return out


def markdown_html(source: str) -> str:
    """`source` as the HTML a QTextBrowser shows (a table ruled as on paper)."""
    parser = _parser()
    found = tokens(source)
    for token in found:
        if token.type == "table_open":
            token.attrSet("border", "1")
            token.attrSet("cellspacing", "0")
            token.attrSet("cellpadding", "4")
    html: str = parser.renderer.render(found, parser.options, {})
    return html
