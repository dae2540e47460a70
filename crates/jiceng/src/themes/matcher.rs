//! All themes' phrases matched in one pass over normalized text (aho-corasick, longest phrase wins), each match
//! kept only where it lines up with the segmentation, then summed per theme.
//!
//! A match counts when it starts or ends on a word boundary (starts, for a phrase of two characters): 党建 in
//! 党建引领 counts, a phrase buried inside an unrelated longer word does not, nor 棚改 across 车棚|改成. A phrase that is only an exclusion (党委书记) hides what it contains.

use super::taxonomy::{Evidence, Taxonomy};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// Weight of a weak word; a theme is reported at a total of 1.
const WEAK_WEIGHT: f32 = 0.5;
const REPORT_THRESHOLD: f32 = 1.0;
/// Two different weak words of a theme this close (in bytes: six characters) read as one phrase of it, as a
/// keyword does: 门厅美化, 楼道整治.
const WEAK_PAIR_GAP: usize = 18;

/// The compiled taxonomy.
#[derive(Debug)]
pub(crate) struct ThemeMatcher {
    automaton: AhoCorasick,
    /// For each pattern: the themes it is evidence of, with its weight (0 for an exclusion).
    owners: Vec<Vec<(usize, f32)>>,
    /// Every keyword and weak word, to tell keyphrases apart from what themes already cover.
    pub(crate) phrases: rustc_hash::FxHashSet<String>,
    pub(crate) taxonomy: Taxonomy,
}

/// One piece of evidence: a theme, where, how much it counts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub(crate) theme: usize,
    /// Which phrase matched (an index into the automaton's patterns).
    pub(crate) phrase: usize,
    pub(crate) range: Range<usize>,
    pub(crate) weight: f32,
}

/// A theme found in some stretch of text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub(crate) theme: usize,
    /// All evidence summed, repeats included: ranks themes.
    pub(crate) weight: f32,
    /// Evidence summed over distinct phrases: decides whether the theme is reported, so that one weak word
    /// said four times (平台 … 平台) does not make a theme.
    pub(crate) support: f32,
    /// Indices into the hits it was computed from.
    pub(crate) evidence: Vec<usize>,
    /// Whether a keyword, or two weak words side by side, are among the evidence: weak words scattered over a
    /// text (规范 … 监督; 历史 … 传统) are said of too much to make a theme alone.
    pub(crate) keyword: bool,
}

impl ThemeMatcher {
    pub(crate) fn new(taxonomy: Taxonomy) -> Self {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, f32)>> = Vec::new();
        for (theme, definition) in taxonomy.themes.iter().enumerate() {
            for (phrase, evidence) in definition.phrases() {
                if phrase.is_empty() {
                    continue;
                }
                let weight = match evidence {
                    Evidence::Keyword => 1.0,
                    Evidence::Weak => WEAK_WEIGHT,
                    Evidence::Exclude => 0.0,
                };
                let at = *index.entry(phrase.clone()).or_insert_with(|| {
                    patterns.push(phrase);
                    owners.push(Vec::new());
                    patterns.len() - 1
                });
                match owners[at].iter_mut().find(|(t, _)| *t == theme) {
                    Some(owner) => owner.1 = owner.1.max(weight),
                    None => owners[at].push((theme, weight)),
                }
            }
        }
        let phrases = patterns
            .iter()
            .zip(&owners)
            .filter(|(_, o)| o.iter().any(|&(_, w)| w > 0.0))
            .map(|(p, _)| p.clone())
            .collect();
        // A full DFA: a thousand short phrases make a small one, and it scans several times faster than the NFA.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("theme phrases build an automaton");
        Self { automaton, owners, phrases, taxonomy }
    }

    /// Every piece of evidence in `text`; `is_boundary(byte)` says whether a word starts or ends there.
    pub(crate) fn hits(&self, text: &str, is_boundary: impl Fn(usize) -> bool) -> Vec<Hit> {
        let mut hits = Vec::new();
        for m in self.automaton.find_iter(text) {
            // A phrase of two characters begins a word (老人 in 老人们, 防诈 in 防诈骗), not ends one and begins the
            // next (棚改 in 车棚|改成).
            let two_characters = m.len() <= 2 * 4 && text[m.range()].chars().count() == 2;
            let lined_up =
                if two_characters { is_boundary(m.start()) } else { is_boundary(m.start()) || is_boundary(m.end()) };
            if !lined_up {
                continue;
            }
            for &(theme, weight) in &self.owners[m.pattern().as_usize()] {
                if weight > 0.0 {
                    hits.push(Hit { theme, phrase: m.pattern().as_usize(), range: m.range(), weight });
                }
            }
        }
        hits
    }

    /// The themes that `hits` (those within `within`) are enough evidence of, strongest first.
    pub(crate) fn themes(&self, hits: &[Hit], within: Range<usize>) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        // For each theme: the end and phrase of its last weak hit.
        let mut last_weak: HashMap<usize, (usize, usize)> = HashMap::new();
        for (i, hit) in hits.iter().enumerate() {
            if hit.range.start < within.start || hit.range.end > within.end {
                continue;
            }
            let index = match found.iter().position(|f| f.theme == hit.theme) {
                Some(index) => index,
                None => {
                    found.push(Found {
                        theme: hit.theme,
                        weight: 0.0,
                        support: 0.0,
                        evidence: Vec::new(),
                        keyword: false,
                    });
                    found.len() - 1
                }
            };
            let f = &mut found[index];
            if seen.insert((hit.theme, hit.phrase)) {
                f.support += hit.weight;
            }
            f.weight += hit.weight;
            f.keyword |= hit.weight >= REPORT_THRESHOLD;
            if hit.weight < REPORT_THRESHOLD {
                if let Some(&(end, phrase)) = last_weak.get(&hit.theme) {
                    f.keyword |=
                        phrase != hit.phrase && hit.range.start >= end && hit.range.start - end <= WEAK_PAIR_GAP;
                }
                last_weak.insert(hit.theme, (hit.range.end, hit.phrase));
            }
            f.evidence.push(i);
        }
        found.retain(|f| f.keyword && f.support >= REPORT_THRESHOLD);
        found.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.theme.cmp(&b.theme)));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(matcher: &ThemeMatcher, text: &str) -> Vec<String> {
        let hits = matcher.hits(text, |_| true);
        matcher.themes(&hits, 0..text.len()).iter().map(|f| matcher.taxonomy.themes[f.theme].id.clone()).collect()
    }

    #[test]
    fn keywords_count_whole_weak_words_half_and_titles_nothing() {
        let matcher = ThemeMatcher::new(Taxonomy::builtin());
        assert_eq!(ids(&matcher, "以党建引领为核心"), ["party_building"]);
        assert!(ids(&matcher, "枫树社区党委书记刘晓").is_empty(), "a job title is not party work");
        assert!(ids(&matcher, "提升获得感、幸福感、安全感").is_empty());
        assert!(ids(&matcher, "加强安全").is_empty(), "one weak word is not enough");
        assert_eq!(ids(&matcher, "加强安全防范"), ["public_safety"]);
        assert!(ids(&matcher, "以平台思维和平台建设为指引,依托核心平台").is_empty(), "one weak word said thrice");
    }

    #[test]
    fn a_phrase_of_two_characters_must_be_a_word_of_its_own() {
        let matcher = ThemeMatcher::new(Taxonomy::builtin());
        let text = "把自行车棚改成了厨房";
        // Boundaries as the segmentation puts them: 把|自行|车棚|改成|了|厨房.
        let words = ["把", "自行", "车棚", "改成", "了", "厨房"];
        let mut boundaries = vec![0];
        for w in words {
            boundaries.push(boundaries.last().unwrap() + w.len());
        }
        let hits = matcher.hits(text, |b| boundaries.contains(&b));
        assert!(hits.iter().all(|h| &text[h.range.clone()] != "棚改"), "{hits:?}");
        let text = "推进棚改工作";
        let boundaries = [0, "推进".len(), "推进棚改".len(), text.len()];
        assert!(matcher.hits(text, |b| boundaries.contains(&b)).iter().any(|h| &text[h.range.clone()] == "棚改"));
    }

    #[test]
    fn everyday_wording_counts_and_bureaus_do_not() {
        let matcher = ThemeMatcher::new(Taxonomy::builtin());
        assert_eq!(ids(&matcher, "小区推行积分制管理"), ["resident_self_governance"]);
        assert_eq!(ids(&matcher, "打造一刻钟便民生活圈"), ["convenience_services"]);
        assert_eq!(ids(&matcher, "社区民警上门宣传防诈知识"), ["public_safety"]);
        for bureau in ["区应急管理局召开会议", "市人社局发布通知", "区文旅局牵头", "举办沉浸式党课"]
        {
            let found = ids(&matcher, bureau);
            assert!(
                !found.iter().any(|t| ["public_safety", "employment", "culture_tourism"].contains(&t.as_str())),
                "{bureau}: {found:?}"
            );
        }
    }

    #[test]
    fn weak_words_make_a_theme_only_side_by_side_or_with_a_keyword() {
        let matcher = ThemeMatcher::new(Taxonomy::builtin());
        assert_eq!(ids(&matcher, "实施小区单元门厅美化项目"), ["neighbourhood_renewal"]);
        assert!(
            ids(&matcher, "推进物业管理规范,加强对安置小区的物业监督").is_empty(),
            "规范 and 监督 apart are not rule of law"
        );
        assert!(ids(&matcher, "改造提升传统产业,结束了营业税征收历史").iter().all(|id| id != "culture_heritage"));
    }

    #[test]
    fn a_phrase_inside_an_unrelated_word_does_not_count() {
        let matcher = ThemeMatcher::new(Taxonomy::builtin());
        // Boundaries only at the ends of the whole text: 调解 sits in the middle of one word.
        let text = "甲调解乙";
        let hits = matcher.hits(text, |b| b == 0 || b == text.len());
        assert!(hits.is_empty());
    }
}
