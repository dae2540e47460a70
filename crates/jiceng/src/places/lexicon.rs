//! The word lists of place recognition: built-in landmarks, phrases that are not places, words that look like
//! names but are common words, and jieba's frequent words (from the IDF table keyphrases use).
//!
//! All lists are in `data/`, simplified characters, loaded once; lookups borrow the embedded text.

use crate::model::PlaceKind;
use rustc_hash::{FxHashMap, FxHashSet};

const LANDMARKS: &str = include_str!("../../data/landmarks.txt");
const NOT_PLACES: &str = include_str!("../../data/non_places.txt");
const COMMON_WORDS: &str = include_str!("../../data/place_common_words.txt");
/// jieba's IDF table (words of 2+ characters with IDF below 10); the lower the IDF, the more common the word.
const IDF: &str = include_str!("../../data/idf.txt");

/// A word with an IDF below this is frequent enough that a name is unlikely to begin with or be it
/// (组织 4.87, 推进 5.74, 聚焦 8.30), while names of places stay above it (城东 8.59, 天府 8.83, 红星 9.06).
const FREQUENT_IDF: f32 = 8.5;
/// Below this a word is so common that characters it spans belong to it rather than to a name around it
/// (思路 7.01, 道路 6.01 in 工作思路, 巡查线路), while 山路 8.23 or 东路 8.49 leave 中山路, 人民东路 alone.
const VERY_FREQUENT_IDF: f32 = 8.0;
/// Below this a word is one of the everyday verbs and function words (召开 5.58, 推进 5.74, 和平 6.66) that a
/// name right after its parent does not begin with, while names may begin with rarer words (关口场 7.35).
const EVERYDAY_IDF: f32 = 7.0;

/// Places outside the statistical gazetteer that are not landmarks: the country, Hong Kong, Macao and Taiwan
/// (the statistical codes do not cover them, so they carry no code).
const OTHER_PLACES: &[(&str, PlaceKind)] = &[
    ("中国", PlaceKind::Country),
    ("中华人民共和国", PlaceKind::Country),
    ("香港特别行政区", PlaceKind::Province),
    ("香港", PlaceKind::Province),
    ("澳门特别行政区", PlaceKind::Province),
    ("澳门", PlaceKind::Province),
    ("台湾省", PlaceKind::Province),
    ("台湾", PlaceKind::Province),
];

/// The lists, ready for lookups.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Built-in places that are not divisions: landmarks and [`OTHER_PLACES`].
    pub(crate) landmarks: Vec<(&'static str, PlaceKind)>,
    pub(crate) not_places: Vec<&'static str>,
    common: FxHashSet<&'static str>,
    /// IDF of the words below [`FREQUENT_IDF`].
    frequent: FxHashMap<&'static str, f32>,
}

fn lines(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A kind by its contract name (`landmark`, `estate` …).
pub(crate) fn kind_by_name(name: &str) -> Option<PlaceKind> {
    Some(match name.trim() {
        "country" => PlaceKind::Country,
        "province" => PlaceKind::Province,
        "city" => PlaceKind::City,
        "county" => PlaceKind::County,
        "zone" => PlaceKind::Zone,
        "township" => PlaceKind::Township,
        "community" => PlaceKind::Community,
        "estate" => PlaceKind::Estate,
        "landmark" => PlaceKind::Landmark,
        _ => return None,
    })
}

impl Lexicon {
    pub(crate) fn builtin() -> Self {
        let mut landmarks: Vec<(&str, PlaceKind)> = lines(LANDMARKS)
            .map(|line| match line.split_once('\t') {
                Some((name, kind)) => (name.trim(), kind_by_name(kind).expect("landmarks.txt names a known kind")),
                None => (line, PlaceKind::Landmark),
            })
            .collect();
        landmarks.extend_from_slice(OTHER_PLACES);
        let frequent = IDF
            .lines()
            .filter_map(|line| line.split_once(' '))
            .filter(|(word, _)| *word != "median")
            .filter_map(|(word, idf)| Some((word, idf.parse::<f32>().ok()?)))
            .filter(|&(_, idf)| idf < FREQUENT_IDF)
            .collect();
        Self {
            landmarks,
            not_places: lines(NOT_PLACES).collect(),
            common: lines(COMMON_WORDS).flat_map(str::split_whitespace).collect(),
            frequent,
        }
    }

    /// A word that looks like a name but is a common word (和平, 幸福, 老旧).
    pub(crate) fn is_common(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// A common word, or a word frequent in general text (组织, 推进) that is not a direction joined to a
    /// landform (城北, 西山, 河东 are frequent but name many places).
    pub(crate) fn is_frequent(&self, word: &str) -> bool {
        self.common.contains(word) || self.frequent.contains_key(word) && !is_landform(word)
    }

    /// Whether `name` begins with an everyday word of two or three characters (召开研三期: 召开).
    pub(crate) fn begins_with_everyday_word(&self, name: &str) -> bool {
        name.char_indices()
            .skip(2)
            .take(2)
            .map(|(i, _)| i)
            .chain((name.chars().count() <= 3).then_some(name.len()))
            .any(|i| self.frequent.get(&name[..i]).is_some_and(|&idf| idf < EVERYDAY_IDF))
    }

    /// Whether a shorter everyday word opens `name` (今年 in 今年幸福; not 幸福 in 幸福).
    pub(crate) fn opens_with_shorter_everyday_word(&self, name: &str) -> bool {
        name.char_indices()
            .skip(2)
            .take(2)
            .any(|(i, _)| self.frequent.get(&name[..i]).is_some_and(|&idf| idf < EVERYDAY_IDF))
    }

    /// A word so frequent that it claims the characters it spans (思路, 农村, 城镇).
    pub(crate) fn is_very_frequent(&self, word: &str) -> bool {
        self.frequent.get(word).is_some_and(|&idf| idf < VERY_FREQUENT_IDF)
    }

    /// Whether a very frequent word of 2–4 characters crosses byte offset `at` of `text` (starts before it and
    /// ends after it): then `at` is inside a word, not between two.
    pub(crate) fn word_crosses(&self, text: &str, at: usize) -> bool {
        let before: Vec<usize> = text[..at].char_indices().rev().take(3).map(|(i, _)| i).collect();
        let mut after: Vec<usize> = text[at..].char_indices().skip(1).take(3).map(|(i, _)| at + i).collect();
        if text.len() > at && after.len() < 3 {
            after.push(text.len());
        }
        before.iter().any(|&from| {
            after.iter().any(|&to| {
                let chars = text[from..to].chars().count();
                (2..=4).contains(&chars) && self.is_very_frequent(&text[from..to])
            })
        })
    }
}

/// Two characters, a direction and a landform or settlement, in either order: 城北, 西山, 河东, 江南.
fn is_landform(word: &str) -> bool {
    const DIRECTIONS: &str = "东西南北中上下前后";
    const LANDFORMS: &str = "城山湖河江门关桥街村镇坝湾溪塘园林坡岭屯寨";
    let mut chars = word.chars();
    let (Some(a), Some(b), None) = (chars.next(), chars.next(), chars.next()) else { return false };
    (DIRECTIONS.contains(a) && LANDFORMS.contains(b)) || (LANDFORMS.contains(a) && DIRECTIONS.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_the_lists() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.landmarks.contains(&("武侯祠", PlaceKind::Landmark)));
        assert!(lexicon.landmarks.contains(&("中国", PlaceKind::Country)));
        assert!(lexicon.not_places.contains(&"完整社区"));
        assert!(lexicon.is_common("和平") && !lexicon.is_common("成都"));
        assert!(lexicon.is_frequent("组织") && lexicon.is_frequent("推进"));
        assert!(!lexicon.is_frequent("城东") && !lexicon.is_frequent("穗园") && !lexicon.is_frequent("城北"));
    }
}
