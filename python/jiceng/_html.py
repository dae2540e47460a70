"""HTML for Jupyter (``Analysis._repr_html_``): the analysed text, statement by statement under its speaker, with
speaker headers, themes, places, plan items and formulas highlighted, and a legend.

Each kind of item uses its own visual channel (background, underline, text colour), so nested or overlapping spans
stay readable: the text is cut at every span boundary and each piece is styled by all the spans over it. All text
is escaped; styles are inline, because notebook front ends strip ``<style>`` from untrusted output.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Dict, List, NamedTuple, Sequence, Tuple

if TYPE_CHECKING:
    from ._model import Analysis, Statement

# Background precedence where spans overlap: short evidence over headers over long plan items.
_BACKGROUNDS = (("theme", "#ffe47a"), ("speaker", "#e6dcf7"), ("plan_item", "#dcf3dc"))
# Where spans of one kind nest (a community inside a chain of places, a sub-item in an item), a deeper shade or a
# double underline shows that there are two.
_DEEPER = {"theme": "#ffd23f", "speaker": "#d2c0f0", "plan_item": "#b5e3b5"}
_NESTED = {"place": "border-bottom:3px double #1f6fd1;"}
_EXTRA = {
    "speaker": "font-weight:600;",
    "place": "border-bottom:2px solid #1f6fd1;",
    "formula": "color:#b3261e;font-weight:700;",
}
_LEGEND = (
    ("speaker", "说话人 speaker"),
    ("theme", "主题 theme"),
    ("place", "地点 place"),
    ("plan_item", "计划事项 plan item"),
    ("formula", "提法 formula"),
)


class _Span(NamedTuple):
    start: int
    end: int
    kind: str
    label: str


def _style(kinds: Sequence[str]) -> str:
    """Inline CSS for a piece of text under spans of these kinds (a kind repeats when its spans nest)."""
    deep = {kind for kind in kinds if kinds.count(kind) > 1}
    style = next((f"background:{_DEEPER[kind] if kind in deep else colour};"
                  for kind, colour in _BACKGROUNDS if kind in kinds), "")
    for kind in sorted(set(kinds)):
        style += _NESTED.get(kind, "") if kind in deep and kind in _NESTED else _EXTRA.get(kind, "")
    return style


def _spans(analysis: "Analysis", length: int) -> List[_Span]:
    found: List[_Span] = []

    def add(start: int, end: int, kind: str, label: str) -> None:
        start, end = max(0, min(start, length)), max(0, min(end, length))
        if start < end:  # spans past the text or empty ones are skipped, never rendered out of place
            found.append(_Span(start, end, kind, label))

    for statement in analysis.statements:
        if statement.speaker is not None:
            s = statement.speaker
            add(s.start, s.end, "speaker", f"speaker: {s.name} · {s.role} · {s.organization}")
    for theme in analysis.themes:
        for mention in theme.evidence:
            add(mention.start, mention.end, "theme", f"theme: {theme.label} ({theme.id})")
    for place in analysis.places:
        where = f" {place.code}" if place.code else ""
        add(place.start, place.end, "place", f"place: {place.name} ({place.kind}{where})")
    for item in analysis.plan_items:
        add(item.start, item.end, "plan_item", f"plan item {item.list}.{item.ordinal} {item.marker}")
    for formula in analysis.formulas:
        add(formula.start, formula.end, "formula", f"formula: {formula.text}")
    return found


def _highlight(text: str, spans: Sequence[_Span], start: int, end: int) -> str:
    """The text from ``start`` to ``end``, cut at every span boundary, each piece styled by the spans over it."""
    inside = [s for s in spans if s.start < end and s.end > start]
    points = sorted({start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)})
    opening: Dict[int, List[_Span]] = {}
    for span in inside:
        opening.setdefault(max(span.start, start), []).append(span)
    out: List[str] = []
    active: List[_Span] = []
    for a, b in zip(points, points[1:]):
        active = [s for s in active if s.end > a] + opening.get(a, [])
        piece = html.escape(text[a:b])
        if active:
            title = html.escape(" | ".join(s.label for s in active))
            out.append(f'<span style="{_style([s.kind for s in active])}" title="{title}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def _badge(index: int, statement: "Statement") -> str:
    s = statement.speaker
    who = " · ".join(x for x in (s.name, s.role, s.organization) if x) if s else "(no speaker)"
    return (f'<div class="jiceng-speaker" style="font-size:12px;color:#555;margin-bottom:2px">#{index} '
            f"<b>{html.escape(who)}</b></div>")


def _legend(analysis: "Analysis") -> str:
    counts = {
        "speaker": len(analysis.speakers),
        "theme": sum(len(t.evidence) for t in analysis.themes),
        "place": len(analysis.places),
        "plan_item": len(analysis.plan_items),
        "formula": len(analysis.formulas),
    }
    keys = " ".join(
        f'<span style="{_style([kind])}padding:0 3px">{html.escape(name)}</span> {counts[kind]}'
        for kind, name in _LEGEND
    )
    return f'<div class="jiceng-legend" style="font-size:12px;margin:4px 0 8px 0">{keys}</div>'


def render(analysis: "Analysis") -> str:
    """The analysis as an HTML fragment for Jupyter."""
    title = html.escape(analysis.id) if analysis.id is not None else "(no id)"
    counts = (f"{analysis.chars:,} characters · {len(analysis.statements)} statements · "
              f"{len(analysis.themes)} themes · {len(analysis.places)} places · "
              f"{len(analysis.plan_items)} plan items · {len(analysis.formulas)} formulas")
    parts = [f'<div class="jiceng-header"><b>{title}</b> · {counts}</div>', _legend(analysis)]
    text = analysis.text
    if text is None:
        parts.append(f'<div class="jiceng-outside" style="{_OUTSIDE}">(text not kept: analyse a str or a file to '
                     "see it highlighted)</div>")
        parts.extend(_badge(index, statement) for index, statement in enumerate(analysis.statements))
    else:
        parts.append(_body(analysis, text))
    return f'<div class="jiceng-analysis" style="{_FRAME}">' + "".join(parts) + "</div>"


_FRAME = "font-size:14px;line-height:1.9;max-width:60em"
_STATEMENT = "border-left:3px solid #8e6bbf;padding-left:10px;margin:8px 0"
_OUTSIDE = "white-space:pre-wrap;color:#666"


def _trimmed(text: str, start: int, end: int) -> Tuple[int, int]:
    """The range without the line breaks and indents at its edges, which would only show as blank space."""
    piece = text[start:end]
    if not piece.strip():
        return start, end
    return start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def _body(analysis: "Analysis", text: str) -> str:
    spans = _spans(analysis, len(text))
    out: List[str] = []
    position = 0

    def outside(end: int) -> None:
        # Text no statement covers (titles, bylines), greyed; blank lines between statements are dropped.
        if text[position:end].strip():
            piece = _highlight(text, spans, *_trimmed(text, position, end))
            out.append(f'<div class="jiceng-outside" style="{_OUTSIDE}">{piece}</div>')

    for index, statement in enumerate(analysis.statements):
        start = max(position, min(statement.start, len(text)))
        end = max(start, min(statement.end, len(text)))
        outside(start)
        piece = _highlight(text, spans, *_trimmed(text, start, end))
        out.append(f'<div class="jiceng-statement" style="{_STATEMENT}">{_badge(index, statement)}'
                   f'<div class="jiceng-text" style="white-space:pre-wrap">{piece}</div></div>')
        position = end
    outside(len(text))
    return "".join(out)
