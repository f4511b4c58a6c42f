"""A worksheet's Markdown as printed flowables: the tokens the screens show as HTML
(content/markdown.py: CommonMark plus tables, HTML left out, links and images as their
words). A thematic break (`____`) is a line to write on."""

from __future__ import annotations

from xml.sax.saxutils import escape

from markdown_it.tree import SyntaxTreeNode
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph

from traumefokus.content.markdown import tokens
from traumefokus.documents.styles import (
    HANDOUT,
    HANDOUT_HEADING,
    HANDOUT_SUBHEADING,
    WritingLine,
    grid,
)


def markdown_flowables(source: str, width: float) -> list[Flowable]:
    """The flowables of `source` at `width` (the text column)."""
    tree = SyntaxTreeNode(tokens(source))
    return _blocks(tree.children, width)


def _blocks(nodes: list[SyntaxTreeNode], width: float) -> list[Flowable]:
    out: list[Flowable] = []
    for node in nodes:
        out.extend(_block(node, width))
    return out


def _block(node: SyntaxTreeNode, width: float) -> list[Flowable]:
    kind = node.type
    if kind == "heading":
        style = HANDOUT_HEADING if node.tag in ("h1", "h2") else HANDOUT_SUBHEADING
        return [Paragraph(_inline(node), style)]
    if kind == "paragraph":
        return [Paragraph(_inline(node), HANDOUT)]
    if kind == "hr":
        return [WritingLine()]
    if kind in ("bullet_list", "ordered_list"):
        return [_list(node, width)]
    if kind == "blockquote":
        indented = ParagraphStyle("quoted", parent=HANDOUT, leftIndent=6 * mm)
        return [
            Paragraph(_inline(p), indented) if p.type == "paragraph" else f
            for p in node.children
            for f in ([p] if p.type == "paragraph" else _block(p, width - 6 * mm))
        ]
    if kind in ("code_block", "fence"):
        return [Paragraph(escape(node.content.rstrip("\n")).replace("\n", "<br/>"), HANDOUT)]
    if kind == "table":
        return [_table(node, width)]
    return []  # nothing else is parsed


def _list(node: SyntaxTreeNode, width: float) -> ListFlowable:
    ordered = node.type == "ordered_list"
    indent = 8 * mm
    items = [
        ListItem(_blocks(item.children, width - indent) or [Paragraph("", HANDOUT)])
        for item in node.children
    ]
    options: dict[str, object] = {
        "bulletType": "1" if ordered else "bullet",
        "leftIndent": indent,
        "bulletFontName": HANDOUT.fontName,
        "bulletFontSize": HANDOUT.fontSize,
        "bulletOffsetY": 0,
    }
    if ordered:
        options["start"] = str(node.attrs.get("start", 1))
        options["bulletFormat"] = "%s."
    else:
        options["start"] = "•"
    return ListFlowable(items, **options)


def _table(node: SyntaxTreeNode, width: float) -> Flowable:
    rows = []
    for part in node.children:  # thead, tbody
        for row in part.children:
            rows.append([Paragraph(_inline(c), HANDOUT) for c in row.children])
    columns = max((len(r) for r in rows), default=1)
    rows = [r + [Paragraph("", HANDOUT)] * (columns - len(r)) for r in rows]
    return grid(rows, [width / columns] * columns, header=True)


def _inline(node: SyntaxTreeNode) -> str:
    """Paragraph markup of a block's inline content."""
    parts: list[str] = []
    for child in node.children:
        parts.append(_inline_node(child))
    return "".join(parts)


def _inline_node(node: SyntaxTreeNode) -> str:
    kind = node.type
    if kind == "inline":
        return _inline(node)
    if kind in ("text", "code_inline"):
        return escape(node.content)
    if kind == "softbreak":
        return " "
    if kind == "hardbreak":
        return "<br/>"
    if kind == "strong":
        return f"<b>{_inline(node)}</b>"
    if kind == "em":
        return f"<i>{_inline(node)}</i>"
    if kind == "s":
        return f"<strike>{_inline(node)}</strike>"
    return ""  # nothing else is parsed
