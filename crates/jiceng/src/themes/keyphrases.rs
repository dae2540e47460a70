//! Keyphrases: the salient words and recurring word pairs of a document that no theme covers, for finding what
//! the taxonomy lacks. TF-IDF over the words of the segmentation, with IDF from jieba's table (`data/idf.txt`).

use crate::model::Keyphrase;
use crate::plans::numerals::is_chinese_digit;
use crate::segment::Word;
use crate::text::normalize::is_cjk;
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

const IDF: &str = include_str!("../../data/idf.txt");
const STOP_WORDS: &str = include_str!("../../data/stop_words.txt");
/// How often a word outside the dictionary must occur to be a keyphrase.
const MIN_UNKNOWN_WORD_COUNT: u32 = 3;
/// How many of the most salient candidates are ranked to choose the keyphrases from.
const SHORTLIST: usize = 100;
/// How many keyphrases a document gets at most.
const MAX_KEYPHRASES: usize = 10;
/// Shortest word that is a keyphrase by itself, in characters.
const MIN_WORD_CHARS: usize = 3;
/// The number of a word that is not a keyphrase candidate.
const NOT_A_CANDIDATE: u32 = u32::MAX;
/// Final characters of place names and units, which places report, not keyphrases.
const PLACE_ENDINGS: &[char] = &['省', '市', '区', '县', '镇', '乡', '村', '街', '路', '州'];

/// IDF table and stop words, loaded once.
#[derive(Debug)]
pub(crate) struct Keyphrases {
    /// IDF by a 64-bit hash of the word, not the word: keys that are strings on the heap cost a pointer chase
    /// and a comparison per lookup, and no two words of the table share a hash (a test checks), so a word
    /// outside it is misweighed only if its hash collides with one of 40,000 — about 2 chances in 10^15.
    idf: FxHashMap<u64, f32>,
    median_idf: f32,
    stop_words: FxHashSet<String>,
}

impl Keyphrases {
    pub(crate) fn builtin() -> Self {
        let mut idf = FxHashMap::default();
        let mut median_idf = 11.95;
        for line in IDF.lines().filter(|l| !l.starts_with('#')) {
            let Some((word, value)) = line.split_once(' ') else { continue };
            let Ok(value) = value.parse::<f32>() else { continue };
            if word == "median" {
                median_idf = value;
            } else {
                idf.insert(word_hash(word), value);
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
    /// already explains; `is_theme_phrase` tells a phrase of the taxonomy, `is_dictionary_word` a word the
    /// segmenter's dictionary knows.
    pub(crate) fn extract(
        &self,
        text: &str,
        words: &[Word<'_>],
        covered: &[Range<usize>],
        is_theme_phrase: impl Fn(&str) -> bool,
        is_dictionary_word: impl Fn(&str) -> bool,
    ) -> Vec<Keyphrase> {
        let mut is_covered = vec![false; text.len() + 1];
        for range in covered {
            is_covered[range.clone()].fill(true);
        }
        // Cheap tests per occurrence; each distinct word is hashed once per occurrence to get its number, and
        // the dictionary lookups are made once per distinct word.
        let candidate = |w: &Word<'_>| {
            w.end - w.start >= 6 && w.text.chars().all(is_cjk) && !is_covered[w.start..w.end].contains(&true)
        };
        let mut numbers: FxHashMap<&str, u32> = FxHashMap::default();
        let mut counts: Vec<(&str, u32)> = Vec::new();
        let word_numbers: Vec<u32> = words
            .iter()
            .map(|word| {
                if !candidate(word) {
                    return NOT_A_CANDIDATE;
                }
                let number = *numbers.entry(word.text).or_insert_with(|| {
                    counts.push((word.text, 0));
                    counts.len() as u32 - 1
                });
                counts[number as usize].1 += 1;
                number
            })
            .collect();
        // Words the segmenter's HMM made up (not in its dictionary) are often fragments (为翼, 农等): kept only
        // when they recur.
        let kept: Vec<bool> = counts
            .iter()
            .map(|&(word, count)| {
                !self.stop_words.contains(word)
                    && !word.ends_with(PLACE_ENDINGS)
                    && !is_quantity(word)
                    && !is_theme_phrase(word)
                    && (count >= MIN_UNKNOWN_WORD_COUNT || is_dictionary_word(word))
            })
            .collect();
        let is_kept = |number: u32| number != NOT_A_CANDIDATE && kept[number as usize];
        // A pair of content words standing together is a phrase candidate when it recurs.
        let mut pairs: FxHashMap<&str, (u32, &str, &str)> = FxHashMap::default();
        for (pair, numbers) in words.windows(2).zip(word_numbers.windows(2)) {
            let (a, b) = (&pair[0], &pair[1]);
            if a.end == b.start && is_kept(numbers[0]) && is_kept(numbers[1]) {
                pairs.entry(&text[a.start..b.end]).or_insert((0, a.text, b.text)).0 += 1;
            }
        }
        let counts: Vec<(&str, u32)> =
            counts.iter().zip(&kept).filter_map(|(&count, &keep)| keep.then_some(count)).collect();
        let total: u32 = counts.iter().map(|&(_, count)| count).sum();
        if total == 0 {
            return Vec::new();
        }
        // A word of two characters alone is mostly a verb or a fragment (做优, 获批, 中极): it counts as part of a
        // pair, and longer words (社区合伙人, 网格员) count alone.
        let mut scored: Vec<(&str, f32)> = counts
            .iter()
            .filter(|&&(word, _)| word.chars().count() >= MIN_WORD_CHARS)
            .map(|&(word, count)| (word, salience(count, self.idf(word))))
            .chain(pairs.iter().filter(|&(_, &(count, _, _))| count >= 2).map(|(&pair, &(count, a, b))| {
                // A pair is as rare as its parts on average, and a little rarer for standing together.
                (pair, salience(count, (self.idf(a) + self.idf(b)) / 2.0 + 1.0))
            }))
            .collect();
        // Only the best few can be chosen (a phrase inside a chosen one is skipped): order just those.
        let by_salience = |a: &(&str, f32), b: &(&str, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(b.0));
        if scored.len() > SHORTLIST {
            scored.select_nth_unstable_by(SHORTLIST, by_salience);
            scored.truncate(SHORTLIST);
        }
        scored.sort_unstable_by(by_salience);
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
        self.idf.get(&word_hash(word)).copied().unwrap_or(self.median_idf)
    }
}

/// Numbers and what is counted (多万户, 万公里, 三分之二, 一二三): the segmentation's pieces of figures, not topics.
fn is_quantity(word: &str) -> bool {
    // The digits of numerals, and 亿, which counts in figures though no ordinal uses it.
    let numeral = |c: char| is_chinese_digit(c) || c == '亿';
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    // Most words begin with neither a numeral nor 多 or 余: settled by the first character.
    if !numeral(first) && first != '多' && first != '余' {
        return false;
    }
    // What follows 万 or 亿 in a figure: a measure word, or 多/余 (万多, 亿余).
    const MEASURES: &str = "公户人元吨亩斤标个千平辆套家件头只条间座多余亿";
    let second = chars.next().unwrap_or(' ');
    let figure = match first {
        '多' | '余' => "万亿".contains(second),
        '万' | '亿' => MEASURES.contains(second),
        _ => false,
    };
    figure || word.contains("分之") || word.chars().all(numeral)
}

fn word_hash(word: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// TF-IDF with a damped term frequency and a sharpened IDF: in a long report the raw frequency of everyday
/// words (改革, 增加, 国家) swamps the rarer words that say what the report is about.
fn salience(count: u32, idf: f32) -> f32 {
    (1.0 + (count as f32).ln()) * idf * idf
}

fn round(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_words_of_the_idf_table_share_a_hash() {
        let words: Vec<&str> =
            IDF.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once(' ')).map(|(w, _)| w).collect();
        let hashes: FxHashSet<u64> = words.iter().map(|w| word_hash(w)).collect();
        assert!(words.len() > 30_000);
        assert_eq!(hashes.len(), words.len());
        let keyphrases = Keyphrases::builtin();
        assert!(keyphrases.idf("社区") < keyphrases.idf("网格员"), "a common word is less informative");
    }

    #[test]
    fn figures_are_no_keyphrases() {
        for word in ["多万户", "万公里", "三分之二", "一二三", "十四五"] {
            assert!(is_quantity(word), "{word}");
        }
        for word in ["三星堆", "一老一小", "万象城", "多元共治"] {
            assert!(!is_quantity(word), "{word}");
        }
    }
}
