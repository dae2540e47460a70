//! Replays, on stable, what the fuzz targets check (`fuzz/`, run by `scripts/fuzz`): every input kept in
//! `tests/fuzz-regressions/<target>/` (crashes once found, tricky inputs) and every seed in `fuzz/seeds/<target>/`
//! goes through the same checks, shared with the targets by including their source.

#[path = "../../fuzz/src/lib.rs"]
pub(crate) mod checks;

use crate::support::{ANALYZER, repo};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

/// The kept inputs and the seeds of one target, sorted.
fn inputs(target: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = ["tests/fuzz-regressions", "fuzz/seeds"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(repo().join(dir).join(target)).into_iter().flatten().flatten())
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs for fuzz target {target}");
    files
}

/// Runs `check` on every input of `target`, and fails naming each input that failed.
fn replay(target: &str, check: impl Fn(&[u8])) {
    let failed: Vec<String> = inputs(target)
        .into_iter()
        .filter(|path| {
            let data = std::fs::read(path).expect("input readable");
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "{target}: failed on {failed:#?}");
}

#[test]
fn analyze_bytes_inputs() {
    replay("analyze_bytes", |data| checks::check_bytes(&ANALYZER, data));
}

#[test]
fn analyze_text_inputs() {
    replay("analyze_text", |data| checks::check_text(&ANALYZER, data));
}

#[test]
fn taxonomy_inputs() {
    replay("taxonomy", checks::check_taxonomy);
}

#[test]
fn places_file_inputs() {
    replay("places_file", checks::check_places);
}

/// The checks are not vacuous: a span that does not match its text fails them.
#[test]
fn the_span_check_catches_a_wrong_span() {
    let text = "锦江区成龙路街道";
    let mut analysis = ANALYZER.analyze(text);
    assert!(!analysis.places.is_empty(), "{analysis:?}");
    checks::check_analysis(text, &analysis);
    analysis.places[0].start += 1;
    assert!(catch_unwind(AssertUnwindSafe(|| checks::check_analysis(text, &analysis))).is_err());
}
