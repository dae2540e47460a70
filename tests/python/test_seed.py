"""The seed report of the shared corpus: eight party secretaries (skipped, saying so, without the corpus)."""

from __future__ import annotations

import jiceng
from conftest import require_corpus

SEED_SPEAKERS = ["刘晓", "何红飙", "谭敏", "李黎", "冉家俊", "何沁耘", "廖飞宇", "彭勇"]


def test_seed_report_gives_eight_speakers() -> None:
    [seed] = sorted((require_corpus() / "dev").glob("000_seed-*.txt"))
    a = jiceng.analyze_file(seed)
    assert [s.name for s in a.speakers] == SEED_SPEAKERS
    assert len(a.statements) == 9 and a.statements[0].speaker is None and {s.role for s in a.speakers} == {"党委书记"}
    assert a.speakers[0].organization == "锦江区成龙路街道枫树社区"
    for s in a.speakers:
        assert a.text is not None and a.text[s.start:s.end] == s.text
