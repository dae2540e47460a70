//! Shared helpers: where the corpus and the sample are, one analyzer for all tests.

use jiceng::Analyzer;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// One analyzer for the whole test binary: loading is done once, as an application would.
pub static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::new);

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample_path() -> PathBuf {
    repo().join("examples/sample-report.txt")
}

pub fn sample() -> String {
    std::fs::read_to_string(sample_path()).expect("the sample report is bundled")
}

/// The shared corpus folder, or `None` (with a note on stderr) when this checkout has none beside it.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = repo().join("../shared/corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: no shared corpus at {}", dir.display());
        None
    }
}

/// Every `.txt` file of the shared corpus (empty when there is none), sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let Some(dir) = corpus_dir() else { return Vec::new() };
    let mut files = Vec::new();
    for sub in ["dev", "reports"] {
        for entry in std::fs::read_dir(dir.join(sub)).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                files.push(entry.path());
            }
        }
    }
    files.sort();
    assert!(!files.is_empty(), "the shared corpus has no text files");
    files
}

/// The seed report of the corpus, if the corpus is present.
pub fn seed() -> Option<String> {
    let dir = corpus_dir()?;
    let entry = std::fs::read_dir(dir.join("dev"))
        .ok()?
        .flatten()
        .find(|e| e.file_name().to_string_lossy().starts_with("000_seed"))?;
    Some(std::fs::read_to_string(entry.path()).expect("the seed is UTF-8"))
}

/// Reads a corpus file the way the command does.
pub fn read_text(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("corpus file readable");
    jiceng::text::decode::decode(&bytes).expect("corpus file decodes").text
}
