//! Every span of every output points into the original text: `text[start:end] == item.text` in characters.

use crate::fuzz_regressions::checks::check_spans;
use crate::support::{ANALYZER, corpus_files, read_text, sample};
use jiceng::slice_chars;
use serde_json::Value;

/// Checks every object of an analysis (as JSON) that carries a span, with the fuzz targets' check, and that
/// there is at least one.
pub fn assert_spans_point_into(text: &str, analysis: &Value, origin: &str) {
    let checked = check_spans(text, analysis, origin);
    assert!(checked > 0, "{origin}: no spans at all");
}

#[test]
fn spans_of_every_corpus_file_point_into_its_text() {
    for path in corpus_files() {
        let text = read_text(&path);
        let analysis = serde_json::to_value(ANALYZER.analyze(&text)).unwrap();
        assert_spans_point_into(&text, &analysis, &path.display().to_string());
    }
}

#[test]
fn spans_of_the_sample_and_of_messy_text_point_into_it() {
    let messy = "\u{feff}  “拼出基层好春光”\r\n\r\n刘晓　锦江区成龙路街道枫树社区黨委書記 |\r\n  社區(qū)将实施邻聚力?美空间,,小区单元门厅\n美化项目、、共筑“双向\n揭榜\n挂帅”/p>【字体: 打印】\n   \n";
    for (text, origin) in [(sample(), "sample"), (messy.to_string(), "messy")] {
        let analysis = serde_json::to_value(ANALYZER.analyze(&text)).unwrap();
        assert_spans_point_into(&text, &analysis, origin);
    }
}

#[test]
fn statements_are_in_order_and_do_not_overlap() {
    for path in corpus_files() {
        let analysis = ANALYZER.analyze(&read_text(&path));
        for pair in analysis.statements.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{}: overlapping statements", path.display());
        }
        for s in &analysis.statements {
            assert!(s.start < s.end, "{}: empty statement", path.display());
        }
    }
}

#[test]
fn segmented_words_point_into_the_original() {
    let text = "社區(qū)黨總支書記表示,將推進完整社區建設,小区单元门厅\n美化项目。";
    let words = ANALYZER.segment(text);
    assert!(words.iter().any(|w| w.text == "完整社區建設"), "{words:?}");
    for w in &words {
        assert_eq!(slice_chars(text, w.start, w.end), w.text);
    }
}

#[test]
fn inputs_that_once_crashed_analyze_cleanly() {
    // Found by random composition of markers, slogans, quotes and junk: an empty quotation before a slogan, and
    // an empty enumeration item after a colon.
    for text in [
        "她表示①7+N街道，&nbsp;)“【字体王陈，😀是刘晓\t7+N，街道\r\n\n“”三区联动锦江区 （一）一、在社区:2、〇&。“三个王陈",
        "?3)ABC，/p>一是一老一小三圈共融社區(qū)党建引领？)&nbsp;3大核心/p>：党委书记（一）&# ：(二)一、：动员黨總支書記三圈共融\u{feff}、、,——&#12345; … ",
    ] {
        let analysis = serde_json::to_value(ANALYZER.analyze(text)).unwrap();
        assert_spans_point_into(text, &analysis, "regression");
    }
}
