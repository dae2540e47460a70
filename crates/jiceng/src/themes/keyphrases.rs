//! Keyphrases: the salient words and recurring word pairs of a document that no theme covers, for finding what
//! the taxonomy lacks. TF-IDF over the words of the segmentation, with IDF from jieba's table (`data/idf.txt`).

use crate::model::Keyphrase;
use crate::segment::Word;
use crate::text::normalize::is_cjk;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

const IDF: &str = include_str!("../../data/idf.txt");
const STOP_WORDS: &str = include_str!("../../data/stop_words.txt");
/// How many keyphrases a document gets at most.
const MAX_KEYPHRASES: usize = 10;
/// Final characters of place names and units, which places report, not keyphrases.
const PLACE_ENDINGS: &[char] = &['省', '市', '区', '县', '镇', '乡', '村', '街', '路', '州'];

/// IDF table and stop words, loaded once.
#[derive(Debug)]
pub(crate) struct Keyphrases {
    idf: HashMap<String, f32>,
    median_idf: f32,
    stop_words: HashSet<String>,
}

impl Keyphrases {
    pub(crate) fn builtin() -> Self {
        let mut idf = HashMap::new();
        let mut median_idf = 11.95;
        for line in IDF.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, value)) = line.split_once(' ') else { continue };
            let Ok(value) = value.parse::<f32>() else { continue };
            if word == "median" {
                median_idf = value;
            } else {
                idf.insert(word.to_string(), value);
            }
        }
        let stop_words = STOP_WORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(String::from)
            .collect();
        Self { idf, median_idf, stop_words }
    }

    /// The keyphrases of a document. `words` is its segmentation; `covered` are byte ranges theme evidence
    /// already explains; `is_theme_phrase` tells a phrase of the taxonomy.
    pub(crate) fn extract(
        &self,
        text: &str,
        words: &[Word<'_>],
        covered: &[Range<usize>],
        is_theme_phrase: impl Fn(&str) -> bool,
    ) -> Vec<Keyphrase> {
        let content = |w: &Word<'_>| {
            w.text.chars().count() >= 2
                && w.text.chars().all(is_cjk)
                && !self.stop_words.contains(w.text)
                && !w.text.ends_with(PLACE_ENDINGS)
                && !is_theme_phrase(w.text)
                && !covered.iter().any(|c| c.start < w.end && w.start < c.end)
        };
        let mut counts: HashMap<&str, (u32, f32, bool)> = HashMap::new();
        let mut total = 0u32;
        let mut previous: Option<&Word<'_>> = None;
        for word in words {
            if !content(word) {
                previous = None;
                continue;
            }
            total += 1;
            let idf = self.idf(word.text);
            counts.entry(word.text).or_insert((0, idf, false)).0 += 1;
            // A pair of content words standing together is a phrase candidate (counted when it recurs).
            if let Some(prev) = previous.filter(|p| p.end == word.start) {
                let pair = &text[prev.start..word.end];
                let idf = (self.idf(prev.text) + idf) / 2.0 + 1.0;
                counts.entry(pair).or_insert((0, idf, true)).0 += 1;
            }
            previous = Some(word);
        }
        if total == 0 {
            return Vec::new();
        }
        let mut scored: Vec<(&str, f32)> = counts
            .into_iter()
            .filter(|(_, (count, _, pair))| !pair || *count >= 2)
            .map(|(phrase, (count, idf, _))| (phrase, count as f32 * idf / total as f32))
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let mut chosen: Vec<(&str, f32)> = Vec::new();
        for (phrase, score) in scored {
            if chosen.len() == MAX_KEYPHRASES {
                break;
            }
            if chosen.iter().any(|(c, _)| c.contains(phrase) || phrase.contains(c)) {
                continue;
            }
            chosen.push((phrase, score));
        }
        let top = chosen.first().map_or(1.0, |c| c.1);
        chosen
            .into_iter()
            .map(|(text, score)| Keyphrase { text: text.to_string(), weight: round(score / top) })
            .collect()
    }

    fn idf(&self, word: &str) -> f32 {
        self.idf.get(word).copied().unwrap_or(self.median_idf)
    }
}

fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}
