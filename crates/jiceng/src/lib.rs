//! jiceng reads Chinese grassroots-governance texts — statements by community and village party secretaries,
//! news on 基层治理, work plans, government work reports — and extracts who said what, themes, places,
//! numbered plan items and numbered slogans, each with spans into the original text.
//!
//! ```
//! let analyzer = jiceng::Analyzer::new();
//! let text = "刘晓 锦江区成龙路街道枫树社区党委书记\n2025年,社区将推进完整社区建设。";
//! let analysis = analyzer.analyze(text);
//! let speaker = analysis.statements[0].speaker.as_ref().unwrap();
//! assert_eq!(speaker.name, "刘晓");
//! assert_eq!(speaker.organization, "锦江区成龙路街道枫树社区");
//! assert_eq!(jiceng::slice_chars(text, speaker.start, speaker.end), speaker.text);
//! ```
//!
//! Offsets are character offsets into the original text (as Python counts them); [`slice_chars`] slices by them.

#![deny(missing_docs)]

mod analyzer;
mod error;
mod model;
mod places;
mod plans;
mod segment;
mod statements;
pub mod text;
mod themes;

pub use analyzer::{Analyzer, AnalyzerBuilder, DEFAULT_MAX_DOCUMENT_BYTES};
pub use error::{Error, Result};
pub use model::{
    Analysis, Formula, FormulaPart, Keyphrase, Mention, Place, PlaceKind, PlanItem, Speaker, Statement, Theme, Warning,
    WarningKind,
};
pub use segment::{Segmenter, Word};
pub use text::offsets::slice_chars;
pub use themes::taxonomy::{Taxonomy, TaxonomyUpdate, ThemeDefinition, ThemeUpdate};

/// The README's examples, compiled and run as doc tests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
