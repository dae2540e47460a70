//! The checks behind the fuzz targets, one per entry point that takes outside input: each turns raw bytes into a
//! call of jiceng and panics on anything but a clean result or a typed error. The regression test
//! (`tests/integration/fuzz_regressions.rs`) includes this file, so inputs found here are replayed on stable.

use jiceng::{Analysis, Analyzer, Error, Taxonomy};
use serde_json::Value;

/// A text for analyzers built from fuzzed data: it has a speaker, places, a list and a slogan, so that user themes
/// and places meet the other extractors.
const PROBE: &str = "锦江区成龙路街道枫树社区党委书记刘晓表示：一是推进完整社区建设；二是做好“一老一小”服务。";

/// Bytes → decode → analyze: a typed refusal, or an analysis whose spans point into the decoded text.
pub fn check_bytes(analyzer: &Analyzer, data: &[u8]) {
    match analyzer.analyze_bytes(data) {
        Ok(analysis) => {
            let text = jiceng::text::decode::decode(data).expect("analyze_bytes decoded these bytes").text;
            check_analysis(&text, &analysis);
        }
        Err(Error::Undecodable { reason }) => assert!(!reason.is_empty(), "a refusal gives its reason"),
        Err(other) => panic!("analyze_bytes: unexpected error: {other}"),
    }
}

/// Any text (invalid UTF-8 replaced) → analyze, places and segment: every span points into the text.
pub fn check_text(analyzer: &Analyzer, data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let analysis = analyzer.try_analyze(&text).expect("a fuzz input is within the size limit");
    check_analysis(&text, &analysis);
    let places = analyzer.places(&text);
    assert_eq!(places, analysis.places, "places() and analyze() disagree");
    let words = serde_json::to_value(analyzer.segment(&text)).expect("words serialize");
    check_spans(&text, &words, "segment");
}

/// A taxonomy file, read as TOML and as JSON: the builder gives an analyzer or a typed error, never a panic, and
/// the analyzer it gives works.
pub fn check_taxonomy(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    let builtin = Taxonomy::builtin();
    for (format, parsed) in [("toml", builtin.with_toml(&source)), ("json", builtin.with_json(&source))] {
        // The builder applies the file with the same call; only a changed taxonomy needs the (slow) full build.
        let taxonomy = match parsed {
            Ok(taxonomy) => taxonomy,
            Err(Error::InvalidData { what: "taxonomy", reason, .. }) => {
                assert!(!reason.is_empty(), "{format}: an error gives its reason");
                continue;
            }
            Err(other) => panic!("{format}: unexpected error: {other}"),
        };
        if taxonomy.themes == builtin.themes {
            continue;
        }
        let builder = Analyzer::builder();
        let built = if format == "toml" { builder.taxonomy_toml(&*source) } else { builder.taxonomy_json(&*source) };
        let analyzer = built.build().unwrap_or_else(|e| panic!("{format}: parsed, then the build failed: {e}"));
        assert_eq!(analyzer.taxonomy(), &taxonomy, "{format}: the builder applied the file differently");
        let text = probe_with(taxonomy.themes.iter().flat_map(|t| t.keywords.iter().chain(&t.weak).chain(&t.exclude)));
        let analysis = analyzer.analyze(&text);
        check_analysis(&text, &analysis);
        for theme in &analysis.themes {
            assert!(taxonomy.themes.iter().any(|t| t.id == theme.id), "{format}: unknown theme `{}`", theme.id);
        }
    }
}

/// A user places file (`name<TAB>kind[<TAB>parent]` lines, the CLI's `--places`): an analyzer or a typed error,
/// and the analyzer finds places in a text made of the file's names with spans that point into it.
pub fn check_places(data: &[u8]) {
    let list = String::from_utf8_lossy(data);
    match Analyzer::builder().places(&*list).build() {
        Ok(analyzer) => {
            let names = list.lines().filter(|l| !l.trim_start().starts_with('#')).filter_map(|l| l.split('\t').next());
            let text = probe_with(names);
            check_analysis(&text, &analyzer.analyze(&text));
        }
        Err(Error::InvalidData { what: "places" | "place", reason, .. }) => {
            assert!(!reason.is_empty(), "an error gives its reason")
        }
        Err(other) => panic!("places: unexpected error: {other}"),
    }
}

/// The probe text with `phrases` woven in, each in a clause of its own.
fn probe_with<S: AsRef<str>>(phrases: impl Iterator<Item = S>) -> String {
    let mut text = String::from(PROBE);
    for phrase in phrases.take(64) {
        text.push_str("社区将推进");
        text.push_str(phrase.as_ref());
        text.push_str("工作，");
    }
    text
}

/// What every analysis must satisfy: spans inside the text and equal to their item's text, statements in order
/// and not overlapping, indices that point at existing items, and the character count of the text.
pub fn check_analysis(text: &str, analysis: &Analysis) {
    assert_eq!(analysis.chars, text.chars().count(), "chars");
    let value = serde_json::to_value(analysis).expect("an analysis serializes");
    check_spans(text, &value, "analysis");
    for pair in analysis.statements.windows(2) {
        assert!(pair[0].end <= pair[1].start, "overlapping statements {:?} {:?}", pair[0], pair[1]);
    }
    for s in &analysis.statements {
        assert!(s.start < s.end, "empty statement {s:?}");
        assert!(s.places.iter().all(|&i| i < analysis.places.len()), "place index out of range: {s:?}");
        assert!(s.plan_items.iter().all(|&i| i < analysis.plan_items.len()), "plan item index out of range: {s:?}");
        assert!(s.formulas.iter().all(|&i| i < analysis.formulas.len()), "formula index out of range: {s:?}");
    }
}

/// Walks `value` as JSON and checks every object with a `start` and an `end`: a character range of `text`, whose
/// slice equals the object's `text` when it has one. The slicing is done here, not with jiceng's own helper.
/// Returns how many spans it checked.
pub fn check_spans(text: &str, value: &Value, origin: &str) -> usize {
    let bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let chars = bounds.len() - 1;
    let mut checked = 0;
    walk(value, &mut |object| {
        let (Some(start), Some(end)) = (object.get("start"), object.get("end")) else { return };
        let (start, end) = (start.as_u64().expect("start") as usize, end.as_u64().expect("end") as usize);
        assert!(start <= end && end <= chars, "{origin}: span {start}..{end} outside 0..{chars}: {object:?}");
        if let Some(item_text) = object.get("text").and_then(Value::as_str) {
            assert_eq!(&text[bounds[start]..bounds[end]], item_text, "{origin}: span {start}..{end}");
        }
        checked += 1;
    });
    checked
}

fn walk(value: &Value, visit: &mut dyn FnMut(&serde_json::Map<String, Value>)) {
    match value {
        Value::Object(map) => {
            visit(map);
            map.values().for_each(|v| walk(v, visit));
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, visit)),
        _ => {}
    }
}
