//! Bytes → decode → analyze: a typed refusal or an analysis whose spans point into the decoded text.
#![no_main]

use jiceng::Analyzer;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static ANALYZER: OnceLock<Analyzer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    jiceng_fuzz::check_bytes(ANALYZER.get_or_init(Analyzer::new), data);
});
