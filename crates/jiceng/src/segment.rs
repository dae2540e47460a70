//! Word segmentation: jieba-rs with its default dictionary plus the domain dictionary in `data/`.
//!
//! Governance terms (党建引领, 完整社区, 一老一小 …) and place suffix words come out whole, so that matchers can
//! check that a phrase starts and ends on word boundaries.

use crate::error::{Error, Result};
use crate::text::normalize::Normalized;
use jieba_rs::Jieba;
use std::io::BufRead;

/// The built-in domain dictionary, in jieba's `word freq tag` format.
const DOMAIN_DICTIONARY: &str = include_str!("../data/domain_dict.txt");

/// A word of segmented text: its text and byte range in the text that was cut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word.
    pub text: &'a str,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
}

/// A jieba-rs segmenter that knows the governance vocabulary.
#[derive(Debug)]
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// Loads jieba's default dictionary and the built-in domain dictionary.
    pub fn new() -> Self {
        let mut segmenter = Self { jieba: Jieba::new() };
        segmenter.add_dictionary(DOMAIN_DICTIONARY).expect("the built-in domain dictionary is valid");
        segmenter
    }

    /// Adds words from a dictionary in jieba's format (`word [freq] [tag]` per line; `#` starts a comment).
    pub fn add_dictionary(&mut self, dictionary: &str) -> Result<()> {
        let mut entries = String::with_capacity(dictionary.len());
        for (i, line) in dictionary.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(freq) = line.split_whitespace().nth(1) {
                freq.parse::<usize>().map_err(|_| Error::InvalidData {
                    what: "dictionary",
                    line: i + 1,
                    reason: format!("frequency `{freq}` is not a whole number"),
                })?;
            }
            // Segmentation runs on normalized text, so a word given in traditional characters or full-width
            // forms is entered in its normalized form.
            let (word, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            entries.push_str(Normalized::new(word).as_str());
            entries.push(' ');
            entries.push_str(rest);
            entries.push('\n');
        }
        let mut reader: &mut dyn BufRead = &mut entries.as_bytes();
        self.jieba.load_dict(&mut reader).map_err(|e| Error::InvalidData {
            what: "dictionary",
            line: 0,
            reason: e.to_string(),
        })
    }

    /// Adds one word so it comes out whole.
    pub fn add_word(&mut self, word: &str) {
        self.jieba.add_word(Normalized::new(word).as_str(), None, None);
    }

    /// Whether the dictionary knows `word` (segmentation may also make up words it does not know).
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// Cuts `text` into words (jieba's accurate mode with HMM for unknown words).
    pub fn cut<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(|t| Word { text: t.word, start: t.byte_start, end: t.byte_end })
            .collect()
    }
}

impl Default for Segmenter {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governance_terms_come_out_whole() {
        let segmenter = Segmenter::new();
        let text = "以党建引领推进完整社区建设,关注一老一小,深化文旅融合,完善社区合伙人模式,落实微网实格";
        let words: Vec<&str> = segmenter.cut(text).iter().map(|w| w.text).collect();
        for term in ["党建引领", "完整社区建设", "一老一小", "文旅融合", "社区合伙人", "微网实格"]
        {
            assert!(words.contains(&term), "{term} not whole in {words:?}");
        }
    }

    #[test]
    fn a_user_word_in_traditional_characters_matches_normalized_text() {
        let mut segmenter = Segmenter::new();
        segmenter.add_dictionary("春熙孃孃 50000 n\n網格長制 50000 n").unwrap();
        let text = Normalized::new("春熙孃孃推行網格長制");
        let words: Vec<&str> = segmenter.cut(text.as_str()).iter().map(|w| w.text).collect();
        assert_eq!(words, [Normalized::new("春熙孃孃").as_str(), "推行", "网格长制"]);
    }

    #[test]
    fn rejects_a_dictionary_with_a_bad_frequency() {
        let err = Segmenter::new().add_dictionary("好词 12\n坏词 many\n").unwrap_err();
        assert_eq!(
            err,
            Error::InvalidData { what: "dictionary", line: 2, reason: "frequency `many` is not a whole number".into() }
        );
    }
}
