//! The analyzer: loads dictionaries and word lists once, then runs the pipeline on any number of texts.
//!
//! bytes → text (decode) → normalized text with an offset map → paragraphs and sentences → extractors →
//! [`Analysis`] with every span mapped back to the original text.

use crate::error::Result;
use crate::model::{Analysis, Formula, FormulaPart, Mention, Place, PlaceKind, PlanItem, Speaker, Statement, Theme};
use crate::places::{FoundPlace, Places};
use crate::plans::{enumerations, formulas::Formulas};
use crate::segment::Segmenter;
use crate::statements::{self, SpeakerMatch, lexicon::Lexicon};
use crate::text::decode::decode;
use crate::text::normalize::Normalized;
use crate::text::sentences::paragraphs;
use crate::themes::keyphrases::Keyphrases;
use crate::themes::matcher::{Hit, ThemeMatcher};
use crate::themes::taxonomy::{Taxonomy, TaxonomyUpdate};
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
    themes: ThemeMatcher,
    keyphrases: Keyphrases,
    formulas: Formulas,
    places: Places,
    max_document_bytes: usize,
}

/// The largest document [`Analyzer::analyze_bytes`] accepts unless configured otherwise. Analysis needs about
/// 20 bytes of memory per byte of text, so 256 MiB of text is about 5 GiB of memory.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 256 << 20;

/// Options for an [`Analyzer`].
#[derive(Debug, Default, Clone)]
pub struct AnalyzerBuilder {
    dictionaries: Vec<String>,
    taxonomy: Option<Taxonomy>,
    taxonomy_changes: Vec<TaxonomyChange>,
    places: Vec<PlaceChange>,
    home_region: Option<Option<String>>,
    max_document_bytes: Option<usize>,
}

/// A user's place, added when the analyzer is built.
#[derive(Debug, Clone)]
enum PlaceChange {
    One { name: String, kind: PlaceKind, parent: Option<String> },
    List(String),
}

/// A change to the taxonomy, applied in order when the analyzer is built.
#[derive(Debug, Clone)]
enum TaxonomyChange {
    Toml(String),
    Json(String),
    Update(TaxonomyUpdate),
}

impl AnalyzerBuilder {
    /// Adds a user dictionary for segmentation, in jieba's format (`word [freq] [tag]` per line).
    pub fn dictionary(mut self, dictionary: impl Into<String>) -> Self {
        self.dictionaries.push(dictionary.into());
        self
    }

    /// Uses `taxonomy` instead of the built-in one.
    pub fn taxonomy(mut self, taxonomy: Taxonomy) -> Self {
        self.taxonomy = Some(taxonomy);
        self
    }

    /// Applies a taxonomy file in TOML (see [`Taxonomy::with_toml`]) to the taxonomy in use.
    pub fn taxonomy_toml(mut self, source: impl Into<String>) -> Self {
        self.taxonomy_changes.push(TaxonomyChange::Toml(source.into()));
        self
    }

    /// Applies a taxonomy file in JSON (see [`Taxonomy::with_json`]) to the taxonomy in use.
    pub fn taxonomy_json(mut self, source: impl Into<String>) -> Self {
        self.taxonomy_changes.push(TaxonomyChange::Json(source.into()));
        self
    }

    /// Adds themes, or keywords and exclusions to existing themes (or replaces the taxonomy).
    pub fn update_taxonomy(mut self, update: TaxonomyUpdate) -> Self {
        self.taxonomy_changes.push(TaxonomyChange::Update(update));
        self
    }

    /// Adds a place the gazetteer lacks (an estate, a landmark, a new community), under `parent` when given
    /// (a place the gazetteer or an earlier user place knows), so that it is found and placed in the hierarchy.
    pub fn place(mut self, name: impl Into<String>, kind: PlaceKind, parent: Option<&str>) -> Self {
        self.places.push(PlaceChange::One { name: name.into(), kind, parent: parent.map(String::from) });
        self
    }

    /// Adds places from a list: one `name<TAB>kind[<TAB>parent]` per line, kinds as in the output
    /// (`estate`, `landmark`, `community` …); `#` starts a comment. Errors name the line.
    pub fn places(mut self, list: impl Into<String>) -> Self {
        self.places.push(PlaceChange::List(list.into()));
        self
    }

    /// The region that settles a place name found in several regions when the text does not (default 成都市):
    /// a name (`锦江区`) or a code prefix (`5101`); `None` leaves such names unresolved.
    pub fn home_region(mut self, region: Option<&str>) -> Self {
        self.home_region = Some(region.map(String::from));
        self
    }

    /// The largest document, in bytes, that [`Analyzer::analyze_bytes`] and [`Analyzer::try_analyze`] accept
    /// (default [`DEFAULT_MAX_DOCUMENT_BYTES`]; at most 4 GiB, the reach of the offsets kept per byte).
    pub fn max_document_bytes(mut self, limit: usize) -> Self {
        self.max_document_bytes = Some(limit.min(u32::MAX as usize));
        self
    }

    /// Loads the built-in data and the options given; fails on an invalid dictionary, taxonomy or place list.
    pub fn build(self) -> Result<Analyzer> {
        let mut places = Places::builtin();
        for change in self.places {
            match change {
                PlaceChange::One { name, kind, parent } => places.add(&name, kind, parent.as_deref())?,
                PlaceChange::List(list) => places.add_list(&list)?,
            }
        }
        if let Some(region) = self.home_region {
            places.set_home_region(region.as_deref())?;
        }
        let mut taxonomy = self.taxonomy.unwrap_or_else(Taxonomy::builtin);
        for change in self.taxonomy_changes {
            taxonomy = match change {
                TaxonomyChange::Toml(source) => taxonomy.with_toml(&source)?,
                TaxonomyChange::Json(source) => taxonomy.with_json(&source)?,
                TaxonomyChange::Update(update) => {
                    taxonomy.apply(update)?;
                    taxonomy
                }
            };
        }
        let themes = ThemeMatcher::new(taxonomy);
        let mut segmenter = Segmenter::new();
        // Theme phrases come out of segmentation whole, so that their matches line up with word boundaries.
        for phrase in &themes.phrases {
            if phrase.chars().count() > 1 && phrase.chars().all(crate::text::normalize::is_cjk) {
                segmenter.add_word(phrase);
            }
        }
        for dictionary in &self.dictionaries {
            segmenter.add_dictionary(dictionary)?;
        }
        let inner = Inner {
            segmenter,
            lexicon: Lexicon::builtin(),
            themes,
            keyphrases: Keyphrases::builtin(),
            formulas: Formulas::builtin(),
            places,
            max_document_bytes: self.max_document_bytes.unwrap_or(DEFAULT_MAX_DOCUMENT_BYTES),
        };
        Ok(Analyzer { inner: Arc::new(inner) })
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
        let inner = &*self.inner;
        let normalized = Normalized::new(text);
        let source = Source { original: text, normalized: &normalized };
        let norm = normalized.as_str();
        let found_statements = statements::split(&inner.lexicon, norm);

        let words = inner.segmenter.cut(norm);
        let boundary = word_boundaries(norm, &words);
        let found_places = self.recognized_places(norm, &boundary, &found_statements);
        // A speaker's post and unit (驻村第一书记, 社区党群服务中心) and the names of divisions and estates (平安社区,
        // 幸福家园小区) are no evidence of what a text speaks of; a landmark's kind is (邻里中心, 公园).
        let labels = merged(
            found_statements.iter().filter_map(|f| f.speaker.as_ref().map(|s| s.span.clone())).chain(
                found_places
                    .iter()
                    .filter(|p| !matches!(p.kind, PlaceKind::Landmark | PlaceKind::Zone))
                    .map(|p| p.range.clone()),
            ),
        );
        let mut hits = inner.themes.hits(norm, |b| boundary[b]);
        hits.retain(|h| {
            let i = labels.partition_point(|l| l.start <= h.range.start);
            i == 0 || labels[i - 1].end < h.range.end
        });

        let paragraphs: Vec<Range<usize>> = paragraphs(norm).collect();
        let sections: Vec<Range<usize>> = found_statements.iter().map(|f| f.range.clone()).collect();
        let items = enumerations::items(norm, &paragraphs, &sections);
        // A slogan begins a word: 一步统一思想 in 进一步统一思想 and 一言我一语 in 你一言我一语 begin inside one. Nor
        // does a place begin with it: “四川云教” is no slogan of four.
        let is_word = |w: &str| inner.segmenter.has_word(w) && !inner.themes.phrases.contains(w);
        let mut found_formulas = inner.formulas.find(norm, |b| boundary[b], is_word);
        found_formulas.retain(|f| {
            let begins_word = boundary[f.range.start]
                || !norm[..f.range.start].chars().next_back().is_some_and(crate::text::normalize::is_cjk);
            let i = found_places.partition_point(|p| p.range.start < f.range.start);
            begins_word && found_places.get(i).is_none_or(|p| p.range.start != f.range.start)
        });
        // Everything is in document order: what lies in a statement is a contiguous run, found by bisection.
        let within = |starts: &[usize], range: &Range<usize>| {
            starts.partition_point(|&s| s < range.start)..starts.partition_point(|&s| s < range.end)
        };
        let hit_starts: Vec<usize> = hits.iter().map(|h| h.range.start).collect();
        let item_starts: Vec<usize> = items.iter().map(|i| i.range.start).collect();
        let formula_starts: Vec<usize> = found_formulas.iter().map(|f| f.range.start).collect();
        let place_starts: Vec<usize> = found_places.iter().map(|p| p.range.start).collect();

        let statements = found_statements
            .iter()
            .map(|found| {
                let (start, end) = source.span(found.range.clone()).chars;
                Statement {
                    start,
                    end,
                    speaker: found.speaker.clone().map(|s| source.speaker(s)),
                    themes: inner
                        .themes
                        .themes(&hits[within(&hit_starts, &found.range)], found.range.clone())
                        .iter()
                        .map(|f| inner.themes.taxonomy.themes[f.theme].id.clone())
                        .collect(),
                    places: within(&place_starts, &found.range).collect(),
                    plan_items: within(&item_starts, &found.range).collect(),
                    formulas: within(&formula_starts, &found.range).collect(),
                }
            })
            .collect();
        let plan_items = items
            .iter()
            .map(|item| {
                let whole = source.mention(item.range.clone());
                PlanItem {
                    list: item.list,
                    ordinal: item.ordinal,
                    marker: source.mention(item.marker.clone()).text,
                    text: whole.text,
                    start: whole.start,
                    end: whole.end,
                }
            })
            .collect();
        let formula_ranges: Vec<Range<usize>> = found_formulas.iter().map(|f| f.range.clone()).collect();
        let formulas = found_formulas
            .into_iter()
            .map(|f| {
                let whole = source.mention(f.range);
                Formula {
                    text: whole.text,
                    start: whole.start,
                    end: whole.end,
                    parts: f.parts.into_iter().map(|(number, unit)| FormulaPart { number, unit }).collect(),
                    members: f.members.into_iter().map(|m| source.mention(m)).collect(),
                }
            })
            .collect();
        let themes = self.document_themes(&source, &hits);
        let mut covered: Vec<Range<usize>> = hits.iter().map(|h| h.range.clone()).collect();
        covered.extend(found_statements.iter().filter_map(|f| f.speaker.as_ref().map(|s| s.span.clone())));
        covered.extend(found_places.iter().map(|p| p.range.clone()));
        covered.extend(formula_ranges);
        // Speakers' names wherever they recur (segmentation cuts 陈开渠 into 陈开 and 渠).
        let mut names: Vec<&str> =
            found_statements.iter().filter_map(|f| f.speaker.as_ref().map(|s| &norm[s.name.clone()])).collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            covered.extend(norm.match_indices(name).map(|(at, _)| at..at + name.len()));
        }
        let places = found_places.into_iter().map(|p| source.place(p)).collect();
        let keyphrases = inner.keyphrases.extract(
            norm,
            &words,
            &covered,
            |p| inner.themes.phrases.contains(p),
            |w| inner.segmenter.has_word(w),
        );
        let chars = text.chars().count();
        let warnings = Vec::new();
        Analysis { id: None, chars, statements, themes, places, plan_items, formulas, keyphrases, warnings }
    }

    fn document_themes(&self, source: &Source<'_>, hits: &[Hit]) -> Vec<Theme> {
        let matcher = &self.inner.themes;
        let found = matcher.themes(hits, 0..source.normalized.as_str().len());
        let top = found.first().map_or(1.0, |f| f.weight);
        found
            .into_iter()
            .map(|f| {
                let definition = &matcher.taxonomy.themes[f.theme];
                Theme {
                    id: definition.id.clone(),
                    label: definition.label.clone(),
                    category: definition.category.clone(),
                    count: f.evidence.len(),
                    score: ((f.weight / top) as f64 * 1000.0).round() / 1000.0,
                    evidence: f.evidence.iter().map(|&i| source.mention(hits[i].range.clone())).collect(),
                }
            })
            .collect()
    }

    /// The taxonomy this analyzer matches.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.inner.themes.taxonomy
    }

    /// Analyzes many texts in parallel (rayon); results are in input order.
    pub fn analyze_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Analysis> {
        texts.par_iter().map(|t| self.analyze(t.as_ref())).collect()
    }

    /// Decodes bytes in any supported encoding (see [`crate::text::decode`]) and analyzes the text; a document
    /// over the size limit is [`crate::Error::TooLarge`], undecodable bytes [`crate::Error::Undecodable`].
    /// Bytes that had to be replaced in decoding are reported in [`Analysis::warnings`].
    pub fn analyze_bytes(&self, bytes: &[u8]) -> Result<Analysis> {
        self.check_size(bytes.len())?;
        let decoded = decode(bytes)?;
        let mut analysis = self.analyze(&decoded.text);
        analysis.warnings = decoded.warnings();
        Ok(analysis)
    }

    /// Analyzes one text, or refuses it with [`crate::Error::TooLarge`] when it is over the size limit.
    pub fn try_analyze(&self, text: &str) -> Result<Analysis> {
        self.check_size(text.len())?;
        Ok(self.analyze(text))
    }

    /// The largest document [`Analyzer::analyze_bytes`] and [`Analyzer::try_analyze`] accept, in bytes.
    pub fn max_document_bytes(&self) -> usize {
        self.inner.max_document_bytes
    }

    fn check_size(&self, bytes: usize) -> Result<()> {
        let limit = self.inner.max_document_bytes;
        if bytes > limit { Err(crate::Error::TooLarge { bytes, limit }) } else { Ok(()) }
    }

    /// The places of `text` alone (what [`Analysis::places`] holds), for callers that need nothing else.
    pub fn places(&self, text: &str) -> Vec<Place> {
        let normalized = Normalized::new(text);
        let source = Source { original: text, normalized: &normalized };
        let norm = normalized.as_str();
        let boundary = word_boundaries(norm, &self.inner.segmenter.cut(norm));
        let found_statements = statements::split(&self.inner.lexicon, norm);
        self.recognized_places(norm, &boundary, &found_statements).into_iter().map(|p| source.place(p)).collect()
    }

    /// Places found in normalized text, less those that straddle a word: 人和社区 in 社区合伙人和社区基金 begins
    /// inside 社区合伙人. A name right after another place is exempt (jieba cuts 锦江|区三圣|街道 wrongly). A
    /// speaker's name holds no place (成华 in 王成华 成华区……党委书记).
    fn recognized_places(&self, norm: &str, boundary: &[bool], statements: &[statements::Found]) -> Vec<FoundPlace> {
        let mut found = self.inner.places.find(norm);
        let speaker_names: Vec<Range<usize>> =
            statements.iter().filter_map(|f| f.speaker.as_ref().map(|s| s.name.clone())).collect();
        found.retain(|p| !speaker_names.iter().any(|n| n.start < p.range.end && p.range.start < n.end));
        let mut previous_end = usize::MAX;
        found.retain(|p| {
            let start = p.range.start;
            let word_end = (start + 1..=norm.len()).find(|&b| boundary[b]).unwrap_or(norm.len());
            // A landmark must end a word too: 建设路 in 建设路径 is no road.
            let ends_word = p.kind != PlaceKind::Landmark || boundary[p.range.end];
            let keep = (boundary[start] || start == previous_end || word_end >= p.range.end) && ends_word;
            if keep {
                previous_end = p.range.end;
            }
            keep
        });
        found
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

/// Ranges merged into sorted, disjoint ones.
fn merged(ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = ranges.collect();
    ranges.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// For each byte of `text`: whether a word of the segmentation starts or ends there.
fn word_boundaries(text: &str, words: &[crate::segment::Word<'_>]) -> Vec<bool> {
    let mut boundary = vec![false; text.len() + 1];
    for word in words {
        boundary[word.start] = true;
        boundary[word.end] = true;
    }
    boundary
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

    fn place(&self, found: FoundPlace) -> Place {
        let whole = self.mention(found.range);
        Place {
            text: whole.text,
            name: found.name,
            kind: found.kind,
            start: whole.start,
            end: whole.end,
            code: found.code,
            path: found.path,
        }
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

    #[test]
    fn a_speakers_name_holds_no_place() {
        let analysis = Analyzer::new().analyze("王成华 成华区猛追湾街道望平社区党委书记\n我们社区推进改造。");
        let places: Vec<&str> = analysis.places.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(places, ["成华区", "猛追湾街道", "望平社区"]);
        // Analyzer::places holds what an analysis holds.
        let text = "王成华 成华区猛追湾街道望平社区党委书记\n我们社区推进改造。";
        assert_eq!(Analyzer::new().places(text), Analyzer::new().analyze(text).places);
    }
}
