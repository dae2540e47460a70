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
    ///
    /// jieba builds a graph over each run of Han characters whole, at about 70 bytes of memory per byte of the
    /// run: a 50 MB line without punctuation would take 3.5 GB. So text is handed over in pieces of at most
    /// 16 KiB, cut after a character that ends jieba's runs anyway (punctuation, whitespace, any
    /// other script), where the words come out as from the whole text. Only a run of more than 16 KiB
    /// with no such character is cut by force, which may split the one word that straddles the cut.
    pub fn cut<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        let mut words = Vec::new();
        for piece in pieces(text, MAX_PIECE) {
            let offset = piece.start;
            words.extend(self.jieba.cut(&text[piece], true).into_iter().map(|t| Word {
                text: t.word,
                start: offset + t.byte_start,
                end: offset + t.byte_end,
            }));
        }
        words
    }
}

/// The longest piece of text handed to jieba at once, in bytes (see [`Segmenter::cut`]).
const MAX_PIECE: usize = 16 * 1024;

/// Byte ranges that tile `text`, each at most `max` bytes (or one character, were a character longer), cut after
/// the last character jieba would not put in a run of Han text; by force at `max` when the piece has none.
fn pieces(text: &str, max: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let rest = &text[start..];
        if rest.len() <= max {
            start = text.len();
            return Some(start - rest.len()..start);
        }
        // One forward pass over the window: where the last safe cut lies, and where a forced cut would go.
        let mut safe_end = 0;
        let mut forced_end = 0;
        for (i, c) in rest.char_indices() {
            let end = i + c.len_utf8();
            if end > max {
                break;
            }
            forced_end = end;
            // jieba keeps `\r\n` as one token: no cut between them.
            if !outside_runs(c) || (c == '\r' && rest[end..].starts_with('\n')) {
                continue;
            }
            safe_end = end;
        }
        let end = if safe_end > 0 { safe_end } else { forced_end.max(rest.chars().next().map_or(1, char::len_utf8)) };
        let piece = start..start + end;
        start += end;
        Some(piece)
    })
}

/// Whether `c` is outside jieba's runs of Han text, so that a cut after it changes nothing: the runs hold CJK
/// ideographs, ASCII letters, digits and `+#&._%-` (its `RE_HAN_DEFAULT`; our `is_cjk` covers a little more, which
/// only makes cuts rarer), every other character is a token of its own.
fn outside_runs(c: char) -> bool {
    let in_run = crate::text::normalize::is_cjk(c) || c.is_ascii_alphanumeric();
    !in_run && !matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
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
    fn pieces_tile_the_text_and_prefer_cuts_outside_han_runs() {
        let text = "推进完整社区建设,关爱一老一小。\r\n深化文旅融合 abc 党建引领";
        for max in [3, 7, 16, 40, 1000] {
            let pieces: Vec<_> = pieces(text, max).collect();
            assert_eq!(pieces.first().unwrap().start, 0);
            assert_eq!(pieces.last().unwrap().end, text.len());
            assert!(pieces.windows(2).all(|w| w[0].end == w[1].start), "{pieces:?}");
            assert!(pieces.iter().all(|p| p.len() <= max.max(3) && text.is_char_boundary(p.end)), "{pieces:?}");
            assert!(pieces.iter().all(|p| !text[..p.end].ends_with('\r') || p.end == text.len()));
        }
        // Cut after the comma (byte 25) rather than inside 关爱.
        assert_eq!(pieces(text, 30).next(), Some(0..25));
    }

    #[test]
    fn a_long_text_cut_in_pieces_gives_the_words_of_the_whole() {
        let segmenter = Segmenter::new();
        let sentence = "以党建引领推进完整社区建设,关注一老一小,深化文旅融合。\n";
        let text = sentence.repeat(2 * MAX_PIECE / sentence.len() + 3);
        let words = segmenter.cut(&text);
        let whole: Vec<(usize, usize)> =
            segmenter.jieba.cut(&text, true).iter().map(|t| (t.byte_start, t.byte_end)).collect();
        assert_eq!(words.iter().map(|w| (w.start, w.end)).collect::<Vec<_>>(), whole);
        assert!(words.iter().all(|w| &text[w.start..w.end] == w.text));
        // Unbroken Han text is cut by force: offsets stay right and the words still tile the text.
        let han = "党建引领完整社区".repeat(MAX_PIECE / 8);
        let words = segmenter.cut(&han);
        assert!(words.iter().all(|w| &han[w.start..w.end] == w.text));
        assert!(words.windows(2).all(|w| w[0].end == w[1].start) && words.last().unwrap().end == han.len());
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
