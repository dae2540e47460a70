"""Throughput of jiceng beside its peers: one input, one run, every job measured on the same texts.

The input is every text of ../shared/corpus (dev + reports; the bundled sample report when the corpus is absent),
repeated until about --mb MB, built once in memory. On it:

  (a) jieba-rs ``cut`` alone, one thread                      Rust, examples/throughput.rs
  (b) jiceng ``Analyzer::analyze_batch``, 1 thread, all cores  Rust, examples/throughput.rs
  (c) ``jiceng.Analyzer().analyze_many(texts, threads=…)``, 1 thread, all cores, from Python
  (d) the same job in pure Python: ``jieba.lcut`` (with jiceng's theme keywords added to its dictionary) and
      regular expressions for speaker headers and attributions, 一是/（一）/1. markers and numbered slogans
  (e) ``rjieba.cut`` alone (jieba-rs behind a Python binding), one thread

Throughput is MB/s, 10^6 bytes of UTF-8 input per second. The jobs run in --runs interleaved rounds and the best
round of each counts; (d), the slowest by far, runs once. The Rust jobs are examples/throughput.rs, built once with
``cargo build --release --example throughput`` and run on a JSON-lines copy of the same texts. The script prints a
Markdown table and the ratios of the targets in issues 6 and 7.

Needs the jiceng package in the venv (``bash scripts/test`` builds it into .venv) and cargo; (d) and (e) need
packages that are not part of the test install, and are skipped with a note when missing:

    .venv/bin/python -m pip install jieba rjieba

Run from anywhere: ``.venv/bin/python benches/compare.py [--mb 50] [--runs 3]``.
"""

from __future__ import annotations

import argparse
import collections
import gc
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import jiceng

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE = REPO / "examples" / "sample-report.txt"


def load_texts() -> List[str]:
    """The corpus texts in sorted order, decoded as jiceng decodes files; the sample report without a corpus."""
    paths = [p for sub in ("dev", "reports") for p in sorted((CORPUS / sub).glob("*.txt"))]
    if not paths:
        print(f"no shared corpus at {CORPUS}: using the bundled sample report", file=sys.stderr)
        paths = [SAMPLE]
    results = jiceng.analyze_files(paths)
    return [r.text for r in results if isinstance(r, jiceng.Analysis) and r.text]


def repeat_to(texts: List[str], megabytes: float) -> List[str]:
    """The texts in order, cycled until their UTF-8 size reaches ``megabytes`` (one text past it at most)."""
    target = megabytes * 1e6
    out: List[str] = []
    size = 0
    while size < target:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
            if size >= target:
                break
    return out


def timed(job: Callable[[], Any]) -> float:
    """Wall time of one run of ``job`` in seconds; its result is dropped after the clock stops."""
    gc.collect()
    start = time.perf_counter()
    result = job()
    seconds = time.perf_counter() - start
    del result
    return seconds


def write_jsonl(texts: List[str]) -> str:
    """The texts in a temporary JSON-lines file, for the Rust program; returns its path."""
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".jsonl", delete=False) as f:
        # A text may contain any character; a JSON string never contains a raw newline.
        for text in texts:
            f.write(json.dumps(text, ensure_ascii=False))
            f.write("\n")
        return f.name


def build_rust() -> Optional[str]:
    """Builds examples/throughput.rs once, before any timing (so no round runs other code than the others), and
    returns the path of the program; None, with a note, when it does not build."""
    command = ["cargo", "build", "--release", "--example", "throughput", "--message-format=json-render-diagnostics"]
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, text=True)
    executable = None
    for line in done.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "throughput":
            executable = message.get("executable")
    if done.returncode != 0 or not executable:
        print(f"skipped the Rust jobs: {' '.join(command[:5])} failed", file=sys.stderr)
        return None
    return str(executable)


def rust_jobs(program: str, path: str, threads: int) -> Dict[str, float]:
    """MB/s of jieba-rs cut and analyze_batch (1 and ``threads`` threads), one run each."""
    command = [program, path, "--threads", str(threads), "--runs", "1", "--json"]
    done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return {name: float(rate) for name, rate in report["mb_per_s"].items()}


def warn_if_stale() -> None:
    """Python against Rust is only like for like when the compiled module was built from the current sources."""
    module = Path(importlib.import_module("jiceng._jiceng").__file__ or "")
    sources = [p for crate in ("jiceng", "jiceng-python") for p in (REPO / "crates" / crate).rglob("*")
               if p.is_file()]
    newer = [p for p in sources if p.stat().st_mtime > module.stat().st_mtime]
    if newer:
        print(f"warning: {module.name} is older than {len(newer)} source files (e.g. {newer[0].relative_to(REPO)}): "
              "rebuild it (.venv/bin/python -m pip install -e python) to compare like with like", file=sys.stderr)


def optional_module(name: str) -> Optional[Any]:
    """The module, or None with a note when it is not installed: the peers are not part of the test install."""
    try:
        return importlib.import_module(name)
    except ImportError:
        print(f"skipped {name}: not installed (.venv/bin/python -m pip install {name})", file=sys.stderr)
        return None


class JiebaRegexJob:
    """What a newsroom would write without jiceng: jieba for words, regular expressions for the structure."""

    POSTS = "党委书记|党委副书记|党总支书记|党支部书记|党工委书记|书记|居委会主任|村委会主任|主任|村长"
    NUMERAL = "[一二三四五六七八九十]"
    HEADER = re.compile(
        rf"^(?:(?P<name>[\u4e00-\u9fff]{{2,3}})[ \u3000]+(?P<unit>\S*?)(?P<post>{POSTS})"
        rf"|(?:——访)?(?P<unit2>\S*?)(?P<post2>{POSTS})[ \u3000]*(?P<name2>[\u4e00-\u9fff]{{2,3}}))[ \u3000]*$",
        re.M,
    )
    ATTRIBUTION = re.compile(rf"(?:{POSTS})?(?P<name>[\u4e00-\u9fff]{{2,3}})(?:表示|强调|介绍|说)[:：,，]")
    MARKER = re.compile(
        rf"{NUMERAL}+是|{NUMERAL}+要|第{NUMERAL}+[,，、]|首先|其次|最后|[（(]{NUMERAL}+[）)]|^{NUMERAL}+、"
        r"|^\d{1,2}[.、)]|[①-⑳]",
        re.M,
    )
    FORMULA = re.compile(r"(?:[一二两三四五六七八九十]+[\u4e00-\u9fff]){2,}")

    def __init__(self, jieba: Any, taxonomy: Dict[str, Any]) -> None:
        self.jieba = jieba
        self.theme_of: Dict[str, str] = {}
        for theme in taxonomy["themes"]:
            for keyword in theme["keywords"]:
                self.theme_of.setdefault(keyword, theme["id"])
                jieba.add_word(keyword)
        self.cut_seconds = 0.0

    def __call__(self, text: str) -> Dict[str, Any]:
        start = time.perf_counter()
        words = self.jieba.lcut(text)
        self.cut_seconds += time.perf_counter() - start
        themes = collections.Counter(self.theme_of[w] for w in words if w in self.theme_of)
        top = collections.Counter(w for w in words if len(w) > 1 and w not in self.theme_of).most_common(10)
        return {
            "speakers": [m.group("name") or m.group("name2") for m in self.HEADER.finditer(text)]
            + [m.group("name") for m in self.ATTRIBUTION.finditer(text)],
            "plan_items": [(m.start(), m.group()) for m in self.MARKER.finditer(text)],
            "formulas": [(m.start(), m.group()) for m in self.FORMULA.finditer(text)],
            "themes": themes,
            "keyphrases": top,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50, help="size of the input in MB (default 50)")
    parser.add_argument("--runs", type=int, default=3, help="rounds of runs, the best counts (default 3)")
    parser.add_argument("--threads", type=int, default=len(os.sched_getaffinity(0)),
                        help="threads for the all-cores jobs (default: the cores this process may use)")
    args = parser.parse_args()

    corpus = load_texts()
    texts = repeat_to(corpus, args.mb)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = args.threads
    load = os.getloadavg()[0]
    print(f"input: {len(texts)} documents ({len(corpus)} texts cycled), {size:.1f} MB; "
          f"all cores = {n} threads; {args.runs} rounds; load average {load:.2f}", file=sys.stderr)

    # Names and labels of the jobs, in table order; a job that is skipped has no rate.
    labels = {
        "jieba_rs_cut": "(a) jieba-rs `cut`, Rust, 1 thread",
        "analyze_batch_1": "(b) jiceng `analyze_batch`, Rust, 1 thread",
        f"analyze_batch_{n}": f"(b) jiceng `analyze_batch`, Rust, {n} threads",
        "analyze_many_1": "(c) jiceng `analyze_many`, Python, 1 thread",
        f"analyze_many_{n}": f"(c) jiceng `analyze_many`, Python, {n} threads",
        "jieba_regex": "(d) jieba + regular expressions, Python, 1 thread",
        "jieba_lcut": "(d) of which `jieba.lcut` alone",
        "rjieba_cut": "(e) rjieba `cut`, Python, 1 thread",
    }
    rates: Dict[str, float] = {}  # MB/s, the best over the rounds

    def record(key: str, rate: float) -> None:
        rates[key] = max(rate, rates.get(key, 0.0))
        print(f"  {labels[key]}: {rate:.1f} MB/s", file=sys.stderr, flush=True)

    warn_if_stale()
    program = build_rust()
    analyzer = jiceng.Analyzer()
    analyzer.analyze(corpus[0])
    rjieba = optional_module("rjieba")
    if rjieba is not None:
        rjieba.cut(corpus[0])

    # Rounds interleave the jobs, so that another process's burst on a shared machine slows one run of each
    # rather than every run of one job; each job's best round counts.
    path = write_jsonl(texts)
    try:
        for r in range(1, args.runs + 1):
            print(f"round {r} of {args.runs}", file=sys.stderr, flush=True)
            if program is not None:
                for key, rate in rust_jobs(program, path, n).items():
                    record(key, rate)
            record("analyze_many_1", size / timed(lambda: analyzer.analyze_many(texts, threads=1)))
            if n > 1:
                record(f"analyze_many_{n}", size / timed(lambda: analyzer.analyze_many(texts, threads=n)))
            if rjieba is not None:
                record("rjieba_cut", size / timed(lambda: [rjieba.cut(t) for t in texts]))
    finally:
        os.unlink(path)

    jieba = optional_module("jieba")
    if jieba is not None:
        print("(d) jieba + regular expressions, one run (slow)", file=sys.stderr, flush=True)
        jieba.setLogLevel(60)
        jieba.initialize()
        job = JiebaRegexJob(jieba, analyzer.taxonomy())
        job(corpus[0])
        job.cut_seconds = 0.0
        record("jieba_regex", size / timed(lambda: [job(t) for t in texts]))
        record("jieba_lcut", size / job.cut_seconds)

    base = rates.get("jieba_rs_cut")
    print(f"\n{len(texts)} documents, {size:.1f} MB (the shared corpus cycled), best of {args.runs} rounds"
          + (" ((d): one run)" if "jieba_regex" in rates else "")
          + f"; load average {load:.2f} before, {os.getloadavg()[0]:.2f} after\n")
    print("| job | MB/s | vs jieba-rs `cut` |")
    print("|---|---:|---:|")
    for key, label in labels.items():
        if key in rates:
            vs = f"{rates[key] / base:.2f}×" if base else "–"
            print(f"| {label} | {rates[key]:.1f} | {vs} |")

    def ratio(what: str, a: str, b: str, target: str = "") -> None:
        if a in rates and b in rates:
            print(f"- {what}: {rates[a] / rates[b]:.2f}×" + (f" (target {target})" if target else ""))

    print("\nRatios:\n")
    ratio("pipeline, 1 thread, vs jieba-rs `cut` alone", "analyze_batch_1", "jieba_rs_cut", "≥ 0.5×")
    ratio("Python `analyze_many` vs Rust `analyze_batch`, 1 thread", "analyze_many_1", "analyze_batch_1", "≥ 0.8×")
    ratio(f"Python `analyze_many` vs Rust `analyze_batch`, {n} threads", f"analyze_many_{n}",
          f"analyze_batch_{n}", "≥ 0.8×")
    ratio(f"Rust `analyze_batch`, {n} threads vs 1", f"analyze_batch_{n}", "analyze_batch_1",
          "≥ 1.7× on 2 cores" if n == 2 else "near-linear")
    ratio(f"Python `analyze_many`, {n} threads vs 1", f"analyze_many_{n}", "analyze_many_1")
    ratio("jiceng from Python, 1 thread, vs jieba + regular expressions", "analyze_many_1", "jieba_regex", "≥ 50×")
    ratio(f"jiceng from Python, {n} threads, vs jieba + regular expressions", f"analyze_many_{n}", "jieba_regex")
    ratio("rjieba `cut` vs jieba-rs `cut` (the cost of one Python str per word)", "rjieba_cut", "jieba_rs_cut")
    return 0


if __name__ == "__main__":
    sys.exit(main())
