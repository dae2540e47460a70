"""`Analysis._repr_html_`: structure, escaping, and nested or overlapping spans of every kind."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any, Dict, List, Optional, Tuple

import jiceng

TEXT = "<标题>\n王丽 锦江区春熙路街道总府路社区党委书记\n一是推进“一核两翼”<script>alert(1)</script>建设。"


class Collect(HTMLParser):
    """The text inside `.jiceng-text` and `.jiceng-outside` blocks, and every highlighted piece with its title."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: List[Optional[str]] = []
        self.text: List[str] = []
        self.pieces: List[Tuple[str, str, str]] = []  # (text, style, title)
        self.span: Optional[Tuple[str, str]] = None

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        a = dict(attrs)
        self.stack.append(a.get("class"))
        if tag == "span" and a.get("title"):
            self.span = (a.get("style") or "", a["title"] or "")

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()
        self.span = None

    def handle_data(self, data: str) -> None:
        if any(c in ("jiceng-text", "jiceng-outside") for c in self.stack):
            self.text.append(data)
            if self.span:
                self.pieces.append((data, *self.span))


def parse(markup: str) -> Collect:
    parser = Collect()
    parser.feed(markup)
    parser.close()
    return parser


def rich(text: str) -> Dict[str, Any]:
    """An analysis of TEXT with items of every kind, nested and overlapping, as the CLI's JSON would have them."""
    def at(s: str, nth: int = 0) -> Tuple[int, int]:
        start = -1
        for _ in range(nth + 1):
            start = text.index(s, start + 1)
        return start, start + len(s)

    def mention(s: str) -> Dict[str, Any]:
        start, end = at(s)
        return {"text": s, "start": start, "end": end}

    header_start, header_end = at("王丽 锦江区春熙路街道总府路社区党委书记")
    item_start, _ = at("一是")
    return {
        "id": "<b>doc</b>", "chars": len(text),
        "statements": [{
            "start": header_start, "end": len(text),
            "speaker": {"name": "王丽", "role": "党委书记", "organization": "锦江区春熙路街道总府路社区",
                        "text": text[header_start:header_end], "start": header_start, "end": header_end},
            "themes": ["party_building"], "places": [0, 1], "plan_items": [0], "formulas": [0],
        }],
        "themes": [{"id": "party_building", "label": "党建", "category": "治理", "count": 2, "score": 0.9,
                    "evidence": [mention("一核"), mention("春熙路街道")]}],
        # A township inside the speaker header, and a community overlapping it.
        "places": [
            {**mention("春熙路街道"), "name": "春熙路街道", "kind": "township", "code": None, "path": []},
            {**mention("街道总府路社区"), "name": "总府路社区", "kind": "community", "code": "510104", "path": []},
        ],
        "plan_items": [{"list": 0, "ordinal": 1, "marker": "一是", "text": text[item_start:],
                        "start": item_start, "end": len(text) + 10}],  # past the end: clamped
        "formulas": [{**mention("一核两翼"), "parts": [{"number": 1, "unit": "核"}, {"number": 2, "unit": "翼"}],
                      "members": []}],
        "keyphrases": [],
    }


def test_script_is_escaped(analyzer: jiceng.Analyzer) -> None:
    markup = analyzer.analyze(TEXT, id="<i>x</i>")._repr_html_()
    assert "<script>" not in markup and "<标题>" not in markup and "<i>x</i>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup and "&lt;i&gt;x&lt;/i&gt;" in markup
    assert "".join(parse(markup).text) == TEXT.replace("\n", "", 1)  # the blank after the title is trimmed


def test_structure_legend_and_speakers(analyzer: jiceng.Analyzer, sample_text: str) -> None:
    a = analyzer.analyze(sample_text, id="sample")
    markup = a._repr_html_()
    assert markup.startswith('<div class="jiceng-analysis"') and markup.endswith("</div>")
    assert markup.count('class="jiceng-statement"') == 5
    assert markup.count('class="jiceng-legend"') == 1
    for name in ("说话人 speaker", "主题 theme", "地点 place", "计划事项 plan item", "提法 formula"):
        assert name in markup
    for speaker in a.speakers:
        assert html.escape(f"{speaker.name} · {speaker.role} · {speaker.organization}") in markup
    # Every character shows exactly once, in order; only the blank lines between statements are dropped.
    shown = "".join(parse(markup).text)
    assert "".join(shown.split()) == "".join(sample_text.split())
    assert all(sample_text[s.start:s.end] in shown for s in a.statements)


def test_nested_and_overlapping_spans_render_sanely() -> None:
    a = jiceng.Analysis(rich(TEXT), TEXT)
    markup = a._repr_html_()
    parsed = parse(markup)
    assert "".join(parsed.text) == TEXT.replace("\n", "", 1)
    by_text = {}
    for piece, style, title in parsed.pieces:
        by_text.setdefault(piece, []).append((style, title))
    # 街道 is in the township, the community, a theme's evidence and the speaker header at once: two places nest,
    # so their underline is doubled.
    [(style, title)] = by_text["街道"]
    assert "place: 春熙路街道 (township)" in title and "place: 总府路社区 (community 510104)" in title
    assert "theme: 党建 (party_building)" in title and "speaker: 王丽" in title
    assert "background:#ffe47a" in style and "border-bottom:3px double #1f6fd1" in style
    [(style, title)] = by_text["春熙路"]
    assert "border-bottom:2px solid #1f6fd1" in style and "community" not in title
    # 一核 is theme evidence inside a formula inside a plan item; 两翼 only formula and plan item.
    [(style, title)] = by_text["一核"]
    assert "formula: 一核两翼" in title and "plan item 0.1 一是" in title and "theme: 党建" in title
    [(style, title)] = by_text["两翼"]
    assert "background:#dcf3dc" in style and "color:#b3261e" in style and "theme" not in title
    assert "<b>doc</b>" not in markup and "&lt;b&gt;doc&lt;/b&gt;" in markup


def test_without_text_lists_the_statements() -> None:
    markup = jiceng.Analysis(rich(TEXT))._repr_html_()
    assert "text not kept" in markup and "王丽 · 党委书记" in markup and "<script>" not in markup


def test_empty_documents(analyzer: jiceng.Analyzer) -> None:
    for text in ("", "   \n"):
        markup = analyzer.analyze(text)._repr_html_()
        assert markup.startswith('<div class="jiceng-analysis"') and "0 plan items" in markup
