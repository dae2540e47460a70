//! The analyzer: loads dictionaries and word lists once, then runs the pipeline on any number of texts.
//!
//! bytes → text (decode) → normalized text with an offset map → paragraphs and sentences → extractors →
//! [`Analysis`] with every span mapped back to the original text.

use crate::error::Result;
use crate::model::{Analysis, Mention, Speaker, Statement};
use crate::segment::Segmenter;
use crate::statements::{self, SpeakerMatch, lexicon::Lexicon};
use crate::text::decode::decode;
use crate::text::normalize::Normalized;
use rayon::prelude::*;
use std::ops::Range;
use std::sync::Arc;

/// Extracts statements, themes, places, plan items and slogans from governance texts.
///
/// Construction loads everything once; the analyzer is then `Send + Sync` and cheap to clone (clones share the
/// loaded data), so one instance serves every thread.
#[derive(Debug, Clone)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    segmenter: Segmenter,
    lexicon: Lexicon,
}

/// Options for an [`Analyzer`].
#[derive(Debug, Default, Clone)]
pub struct AnalyzerBuilder {
    dictionaries: Vec<String>,
}

impl AnalyzerBuilder {
    /// Adds a user dictionary for segmentation, in jieba's format (`word [freq] [tag]` per line).
    pub fn dictionary(mut self, dictionary: impl Into<String>) -> Self {
        self.dictionaries.push(dictionary.into());
        self
    }

    /// Loads the built-in data and the options given.
    pub fn build(self) -> Result<Analyzer> {
        let mut segmenter = Segmenter::new();
        for dictionary in &self.dictionaries {
            segmenter.add_dictionary(dictionary)?;
        }
        Ok(Analyzer { inner: Arc::new(Inner { segmenter, lexicon: Lexicon::builtin() }) })
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with the built-in data and default options.
    pub fn new() -> Self {
        AnalyzerBuilder::default().build().expect("the built-in data loads")
    }

    /// Options for a customised analyzer.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// Analyzes one text. Never fails: any text gets a best-effort analysis.
    pub fn analyze(&self, text: &str) -> Analysis {
        let normalized = Normalized::new(text);
        let source = Source { original: text, normalized: &normalized };
        let statements = statements::split(&self.inner.lexicon, normalized.as_str())
            .into_iter()
            .map(|found| {
                let (start, end) = source.span(found.range).chars;
                Statement {
                    start,
                    end,
                    speaker: found.speaker.map(|s| source.speaker(s)),
                    themes: Vec::new(),
                    places: Vec::new(),
                    plan_items: Vec::new(),
                    formulas: Vec::new(),
                }
            })
            .collect();
        Analysis {
            id: None,
            chars: text.chars().count(),
            statements,
            themes: Vec::new(),
            places: Vec::new(),
            plan_items: Vec::new(),
            formulas: Vec::new(),
            keyphrases: Vec::new(),
        }
    }

    /// Analyzes many texts in parallel (rayon); results are in input order.
    pub fn analyze_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Analysis> {
        texts.par_iter().map(|t| self.analyze(t.as_ref())).collect()
    }

    /// Decodes bytes in any supported encoding (see [`crate::text::decode`]) and analyzes the text.
    pub fn analyze_bytes(&self, bytes: &[u8]) -> Result<Analysis> {
        Ok(self.analyze(&decode(bytes)?.text))
    }

    /// Cuts `text` into words with the domain dictionary; each word's span points into `text`.
    pub fn segment(&self, text: &str) -> Vec<Mention> {
        let normalized = Normalized::new(text);
        let source = Source { original: text, normalized: &normalized };
        self.inner
            .segmenter
            .cut(normalized.as_str())
            .into_iter()
            .filter(|w| !w.text.trim().is_empty())
            .map(|w| source.mention(w.start..w.end))
            .collect()
    }
}

/// The original text and its normalized form: maps what extractors find back to the original.
struct Source<'a> {
    original: &'a str,
    normalized: &'a Normalized,
}

impl Source<'_> {
    fn span(&self, range: Range<usize>) -> crate::text::normalize::OriginalSpan {
        self.normalized.original_span(self.original, range)
    }

    fn mention(&self, range: Range<usize>) -> Mention {
        let span = self.span(range);
        Mention { text: self.original[span.bytes.0..span.bytes.1].to_string(), start: span.chars.0, end: span.chars.1 }
    }

    /// The original text of `range` without the whitespace a line break or indent put inside it.
    fn printed(&self, range: Range<usize>) -> String {
        self.mention(range).text.chars().filter(|c| !c.is_whitespace()).collect()
    }

    fn speaker(&self, found: SpeakerMatch) -> Speaker {
        let whole = self.mention(found.span);
        Speaker {
            name: self.printed(found.name),
            role: self.normalized.as_str()[found.role].to_string(),
            organization: found.organization.map(|o| self.printed(o)).unwrap_or_default(),
            text: whole.text,
            start: whole.start,
            end: whole.end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyzer_is_shareable_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Analyzer>();
    }

    #[test]
    fn batch_equals_one_by_one() {
        let analyzer = Analyzer::new();
        let texts = [
            "刘晓 锦江区成龙路街道枫树社区党委书记\n一是推进完整社区建设。",
            "",
            "社區(qū)黨總支書記李華表示,要做好服務。",
        ];
        let batch = analyzer.analyze_batch(&texts);
        let single: Vec<Analysis> = texts.iter().map(|t| analyzer.analyze(t)).collect();
        assert_eq!(batch, single);
    }

    #[test]
    fn speaker_of_a_traditional_text_keeps_the_printed_name() {
        let text = "社區(qū)黨總支書記李華表示,要做好服務。";
        let analysis = Analyzer::new().analyze(text);
        let speaker = analysis.statements[0].speaker.clone().unwrap();
        assert_eq!(
            (speaker.name.as_str(), speaker.role.as_str(), speaker.organization.as_str()),
            ("李華", "党总支书记", "社區")
        );
        assert_eq!(crate::slice_chars(text, speaker.start, speaker.end), speaker.text);
    }
}
