//! Any text → analyze, places and segment: every span points into the text.
#![no_main]

use jiceng::Analyzer;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static ANALYZER: OnceLock<Analyzer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    jiceng_fuzz::check_text(ANALYZER.get_or_init(Analyzer::new), data);
});
