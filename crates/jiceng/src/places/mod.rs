//! Places in running text: divisions of the statistical gazetteer with their code and path, landmarks,
//! estates, and names the lists lack but the text marks by suffix.
//!
//! Input: normalized text. Output: [`FoundPlace`]s in document order with byte ranges into that text; the
//! analyzer maps them back to the original. [`Places::builtin`] loads everything once; [`Places::add`] adds the
//! user's own places, [`Places::set_home_region`] chooses the region that settles names found in several places.

mod gazetteer;
mod lexicon;
mod names;
mod recognizer;
mod resolver;
mod suffixes;
mod villages;

use crate::error::{Error, Result};
use crate::model::PlaceKind;
use crate::text::normalize::{Normalized, is_cjk};
use gazetteer::{Form, Gazetteer};
use lexicon::Lexicon;
use names::{Names, NamesBuilder, Target};
use recognizer::{Mention, Source};
use resolver::Resolution;
use std::ops::Range;
use suffixes::SuffixModel;

pub(crate) use lexicon::kind_by_name;

/// Suffixes of the villages and communities in the village list, as texts write them.
const VILLAGE_SUFFIXES: &[&str] = &["社区", "居委会", "居民委员会", "居民区", "村委会", "村民委员会", "村"];
/// Words after X村 that make it a concept rather than a village of one character (新村建设, 新村规划).
const CONCEPTS_AFTER_VILLAGE: &[&str] = &["建设", "改造", "振兴", "规划", "发展", "治理", "集体", "人居"];
/// Longest name of a village or community before its suffix, in characters.
const CHILD_NAME_CHARS: usize = 6;
/// How many times a township's short form is looked for (see `townships_by_short_form`).
const MAX_SHORT_FORM_MENTIONS: usize = 64;
/// What goes on from a township's short form into another name: its own suffix, a community, street or road
/// named after it (映秀镇, 映秀社区, 映秀路), a culture, site or model of the name (金沙文化, 慈城古县城, 劲松模式).
const NAME_GOES_ON: &[&str] =
    &["街道", "镇", "乡", "社区", "村", "街", "路", "县", "区", "文化", "遗址", "古", "经验", "模式", "样板"];

/// The home region unless configured otherwise: 成都市.
const DEFAULT_HOME: u64 = 510100000000;

/// A place found in normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundPlace {
    /// Byte range in the normalized text.
    pub(crate) range: Range<usize>,
    /// The name as written, in simplified characters.
    pub(crate) name: String,
    pub(crate) kind: PlaceKind,
    /// 12-digit statistical code, when the division is resolved.
    pub(crate) code: Option<String>,
    /// Names from the province down to the place itself; empty when unresolved.
    pub(crate) path: Vec<String>,
}

/// A place the user added.
#[derive(Debug, Clone)]
struct UserPlace {
    /// The gazetteer entry it turned out to be (a division named under its parent), if any.
    entry: Option<u32>,
    path: Vec<String>,
}

/// Everything place recognition needs, loaded once.
#[derive(Debug)]
pub(crate) struct Places {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    names: Names,
    suffixes: SuffixModel,
    users: Vec<UserPlace>,
    user_kinds: Vec<PlaceKind>,
    home: Option<u32>,
}

impl Places {
    /// The embedded gazetteer, landmarks and word lists, with 成都市 as home region.
    pub(crate) fn builtin() -> Self {
        let gazetteer = Gazetteer::builtin();
        let lexicon = Lexicon::builtin();
        let mut builder = NamesBuilder::with_capacity(gazetteer.len() * 2);
        for index in 0..gazetteer.len() as u32 {
            gazetteer.each_form(index, &lexicon, &mut |name, form| {
                // A short form that is a common word (和平 for 和平区) is never a place by itself.
                let short = matches!(form, Form::ProvinceStem | Form::CityStem | Form::CountyStem);
                if !(short && lexicon.is_common(name)) {
                    builder.push(name, Target::Entry { index, form });
                }
            });
        }
        let mut names = builder.finish();
        for (i, (name, _)) in lexicon.landmarks.iter().enumerate() {
            names.insert(name, Target::Landmark(i as u32));
        }
        for phrase in &lexicon.not_places {
            names.insert(phrase, Target::NotAPlace);
        }
        let home = gazetteer.by_code(DEFAULT_HOME);
        Self {
            gazetteer,
            lexicon,
            names,
            suffixes: SuffixModel::new(),
            users: Vec::new(),
            user_kinds: Vec::new(),
            home,
        }
    }

    /// The places of `normalized` (text as [`Normalized`] makes it), in document order.
    pub(crate) fn find(&self, normalized: &str) -> Vec<FoundPlace> {
        let scan =
            recognizer::scan(normalized, &self.names, &self.gazetteer, &self.lexicon, &self.suffixes, &self.user_kinds);
        let resolutions = resolver::resolve(&self.gazetteer, normalized, &scan.mentions, self.home);
        let mut kept: Vec<(Mention, Option<u32>)> = scan
            .mentions
            .into_iter()
            .zip(resolutions)
            .filter_map(|(m, r)| match r {
                Resolution::Place(entry) => Some((m, entry)),
                Resolution::Dropped => None,
            })
            .collect();
        self.settle_townships_by_child(normalized, &mut kept);
        let children = self.children_after_townships(normalized, &kept);
        let inside_child =
            |m: &Mention| children.iter().any(|c| c.range.start <= m.range.start && m.range.end <= c.range.end);
        let kept: Vec<(Mention, Option<u32>)> = kept.into_iter().filter(|(m, _)| !inside_child(m)).collect();
        let mut taken: Vec<Range<usize>> = kept
            .iter()
            .map(|(m, _)| m.range.clone())
            .chain(children.iter().map(|m| m.range.clone()))
            .chain(scan.hidden)
            .collect();
        taken.sort_by_key(|r| r.start);
        let found: Vec<Mention> = kept.iter().map(|(m, _)| m.clone()).collect();
        let unlisted = self.suffixes.find(normalized, &self.lexicon, &found, &taken);
        let mut kept: Vec<(Mention, Option<u32>, bool)> = kept
            .into_iter()
            .map(|(m, entry)| (m, entry, true))
            .chain(unlisted.into_iter().map(|(m, a)| (m, None, a)))
            .chain(children.into_iter().map(|m| (m, None, true)))
            .collect();
        let short_forms = self.townships_by_short_form(normalized, &kept, &taken);
        kept.extend(short_forms);
        kept.sort_by_key(|(m, _, _)| m.range.start);
        // Townships and counties whose villages the gazetteer lacks: where an unlisted community may be found.
        let regions: Vec<u32> = kept
            .iter()
            .filter_map(|&(_, entry, _)| entry)
            .filter(|&e| matches!(self.gazetteer.entry(e).level, 3 | 4) && !self.gazetteer.lists_villages_under(e))
            .collect();
        // A name written many times (居家社区 in a report) is looked up once.
        let mut looked_up: rustc_hash::FxHashMap<String, Option<(String, Vec<String>)>> = Default::default();
        kept.into_iter()
            .filter_map(|(m, entry, attested)| {
                // Found by its suffix, or a listed name that the text places under a township elsewhere.
                let community =
                    m.kind == PlaceKind::Community && !matches!(m.source, Source::Landmark | Source::User(_));
                let mut place = self.found(normalized, m, entry);
                let elsewhere =
                    (community && entry.is_none() && !self.gazetteer.villages_complete(0) && !regions.is_empty())
                        .then(|| {
                            looked_up
                                .entry(place.name.clone())
                                .or_insert_with(|| self.village_elsewhere(&place.name, &regions))
                                .clone()
                        })
                        .flatten();
                // Unattested by the text (石牌岭社区则…, the second of a list), a community is one when the villages
                // of a township or county the document names include it.
                if !attested && elsewhere.is_none() {
                    return None;
                }
                if let Some((code, path)) = elsewhere {
                    place.code = Some(code);
                    place.path = path;
                }
                Some(place)
            })
            .collect()
    }

    /// A township the document names in full, named again by its short form (汶川县映秀镇 … 如今的映秀): at most
    /// [`MAX_SHORT_FORM_MENTIONS`] times each, not where a place or a hidden phrase is, not as the beginning of
    /// another name (映秀社区), and not when the short form is a common word (中和, 城厢 …).
    fn townships_by_short_form(
        &self,
        text: &str,
        kept: &[(Mention, Option<u32>, bool)],
        taken: &[Range<usize>],
    ) -> Vec<(Mention, Option<u32>, bool)> {
        let mut townships: Vec<(&str, u32)> = kept
            .iter()
            .filter_map(|(m, entry, _)| {
                let entry = (*entry)?;
                (self.gazetteer.entry(entry).kind == PlaceKind::Township).then_some(())?;
                let name = &text[m.range.clone()];
                let short = ["街道", "镇", "乡"].iter().find_map(|s| name.strip_suffix(s))?;
                (short.chars().count() >= 2 && !self.lexicon.is_frequent(short)).then_some((short, entry))
            })
            .collect();
        townships.sort_unstable();
        townships.dedup_by_key(|t| t.0);
        let occupied = |range: &Range<usize>| {
            kept.iter().map(|(m, _, _)| &m.range).chain(taken).any(|r| r.start < range.end && range.start < r.end)
        };
        let mut found = Vec::new();
        for (short, entry) in townships {
            for (at, _) in text.match_indices(short).take(MAX_SHORT_FORM_MENTIONS) {
                let range = at..at + short.len();
                let rest = &text[range.end..];
                // Inside a quotation it is a brand's, a model's or a slogan's (“抚琴红”, “枫桥经验”,
                // “幸福万年场·公园新社区”).
                let line = &text[text[..at].rfind('\n').map_or(0, |n| n + 1)..at];
                let quoted = line.rfind('“').is_some_and(|open| line.rfind('”').is_none_or(|close| close < open));
                let names_more = quoted || NAME_GOES_ON.iter().any(|s| rest.starts_with(s));
                if !names_more && !occupied(&range) {
                    let mention = Mention { range, kind: PlaceKind::Township, source: Source::Unlisted };
                    found.push((mention, Some(entry), true));
                }
            }
        }
        found
    }

    /// A township of a name found in several places (沙河街道: Chengdu's, Shenzhen's …), settled by the document
    /// or home region on one that has no such community, is the one whose villages include the community right
    /// after it (沙河街道白石洲社区 → Shenzhen's).
    fn settle_townships_by_child(&self, text: &str, kept: &mut [(Mention, Option<u32>)]) {
        for i in 0..kept.len() {
            let (mention, entry) = &kept[i];
            let Source::Division { candidates, .. } = &mention.source else { continue };
            // A community the gazetteer found right after it under the township settles nothing here.
            let next_is_child = kept.get(i + 1).is_some_and(|(m, e)| m.range.start == mention.range.end && e.is_some());
            // Nor does one when its county is printed right before it (潮阳区城南街道新华社区: 潮阳区's 城南街道,
            // whatever other 城南街道 has a 新华社区).
            let after_parent = i.checked_sub(1).is_some_and(|p| {
                let (parent, parent_entry) = &kept[p];
                parent.range.end == mention.range.start
                    && matches!((parent_entry, entry), (Some(up), Some(e)) if self.gazetteer.is_within(*e, *up))
            });
            if mention.kind != PlaceKind::Township || candidates.len() < 2 || next_is_child || after_parent {
                continue;
            }
            let rest = &text[mention.range.end..];
            // Only when one township alone has it (城关镇南关村 fits nine 城关镇).
            let others = candidates.iter().filter(|&&c| Some(c) != *entry && !self.gazetteer.lists_villages_under(c));
            let mut with_child = others.copied().filter(|&c| self.child_named_at(rest, c).is_some());
            if let (Some(township), None) = (with_child.next(), with_child.next()) {
                kept[i].1 = Some(township);
            }
        }
    }

    /// The community at the start of `rest` that the village list holds under `township`, as a byte length.
    fn child_named_at(&self, rest: &str, township: u32) -> Option<usize> {
        // Longest first; a village of one character and 村 (余村) too.
        let name_ends: Vec<usize> = rest
            .char_indices()
            .take_while(|&(_, c)| is_cjk(c))
            .skip(1)
            .take(CHILD_NAME_CHARS)
            .map(|(at, _)| at)
            .collect();
        name_ends.into_iter().rev().find_map(|at| {
            let one = rest[..at].chars().nth(1).is_none();
            VILLAGE_SUFFIXES.iter().filter(|s| !one || **s == "村").find_map(|suffix| {
                if !rest[at..].starts_with(suffix) {
                    return None;
                }
                let len = at + suffix.len();
                // 新村建设: a village of one character is no concept's first word.
                let concept = one && CONCEPTS_AFTER_VILLAGE.iter().any(|w| rest[len..].starts_with(w));
                // 枫源村村民: the village is 枫源村, the next 村 begins 村民.
                let doubled = rest[..at].ends_with(suffix) || (*suffix == "村" && rest[len..].starts_with('民'));
                let listed = !doubled && !concept && self.village_elsewhere(&rest[..len], &[township]).is_some();
                listed.then_some(len)
            })
        })
    }

    /// Communities right after a township whose villages the default gazetteer lacks, written as the village list
    /// names them under it, whatever the name (文新街道阳光社区, 粤海街道深圳大学社区: a common word or an
    /// institution's name, which the suffix model must not take on trust).
    fn children_after_townships(&self, text: &str, kept: &[(Mention, Option<u32>)]) -> Vec<Mention> {
        let mut children = Vec::new();
        for (i, (township, entry)) in kept.iter().enumerate() {
            let Some(entry) = *entry else { continue };
            if self.gazetteer.entry(entry).level != 4 || self.gazetteer.lists_villages_under(entry) {
                continue;
            }
            let rest = &text[township.range.end..];
            // Places found inside the name (家园社区 in 万润家园社区) give way to it; one across its end does not.
            let fits = |range: &Range<usize>| {
                kept[i + 1..]
                    .iter()
                    .take_while(|(m, _)| m.range.start < range.end)
                    .all(|(m, _)| m.range.end <= range.end)
            };
            let child = self
                .child_named_at(rest, entry)
                .map(|len| township.range.end..township.range.end + len)
                .filter(|range| fits(range));
            if let Some(range) = child {
                children.push(Mention { range, kind: PlaceKind::Community, source: Source::Unlisted });
            }
        }
        children
    }

    /// Code and path of a community the default gazetteer lacks (it lists Sichuan's alone), found among the
    /// villages of the other provinces under one of the document's `regions` (townships or counties): only when
    /// exactly one fits.
    fn village_elsewhere(&self, name: &str, regions: &[u32]) -> Option<(String, Vec<String>)> {
        if regions.is_empty() {
            return None;
        }
        let (short, base) = gazetteer::village_short(name)?;
        let villages = villages::Villages::get();
        let mut fits: Vec<(u64, &str, u32)> = regions
            .iter()
            .flat_map(|&t| {
                let region = self.gazetteer.entry(t);
                villages.within(base, region.code, region.level).map(move |(code, official)| (code, official, t))
            })
            .collect();
        fits.sort_unstable_by_key(|f| f.0);
        fits.dedup_by_key(|f| f.0);
        // A 社区 is no 村 of the same name (新建社区 is not 新建村), nor the other way round.
        let village = |s: &str| gazetteer::village_short(s).is_some_and(|(short, _)| short.ends_with('村'));
        fits.retain(|f| village(f.1) == village(name));
        // 庆丰社区 and 庆丰村 under one township: the one written as the text writes it.
        if fits.len() > 1 {
            fits.retain(|f| gazetteer::village_short(f.1).is_some_and(|(s, _)| s == short));
        }
        let [(code, official, region)] = fits[..] else { return None };
        let display = gazetteer::village_short(official).map_or_else(|| official.to_string(), |(s, _)| s.into_owned());
        // Under a county named in the text, the path goes through the village's own township.
        let township = self.gazetteer.by_code(gazetteer::prefix(code, 4)).unwrap_or(region);
        let mut path = self.gazetteer.path(township);
        path.push(display);
        Some((format!("{code:012}"), path))
    }

    fn found(&self, text: &str, mention: Mention, entry: Option<u32>) -> FoundPlace {
        let name = text[mention.range.clone()].to_string();
        let (entry, user_path) = match mention.source {
            Source::User(u) => {
                let user = &self.users[u as usize];
                (user.entry, user.path.clone())
            }
            _ => (entry, Vec::new()),
        };
        match entry {
            Some(entry) => FoundPlace {
                range: mention.range,
                name,
                kind: self.gazetteer.entry(entry).kind,
                code: Some(format!("{:012}", self.gazetteer.entry(entry).code)),
                path: self.gazetteer.path(entry),
            },
            None => FoundPlace { range: mention.range, name, kind: mention.kind, code: None, path: user_path },
        }
    }

    /// Adds a place of the user's: a landmark, an estate, a community the gazetteer lacks. With a parent (a
    /// division or a place added before), the place gets the parent's path; a division the gazetteer lists
    /// under that parent gets its code. The name and parent may be in traditional characters.
    pub(crate) fn add(&mut self, name: &str, kind: PlaceKind, parent: Option<&str>) -> Result<()> {
        let invalid = |reason: String| Error::InvalidData { what: "place", line: 0, reason };
        let name = Normalized::new(name.trim()).as_str().to_string();
        if name.chars().count() < 2 {
            return Err(invalid(format!("place name `{name}` is shorter than two characters")));
        }
        let (mut entry, mut path) = (None, Vec::new());
        if let Some(parent) = parent {
            let parent = Normalized::new(parent.trim()).as_str().to_string();
            let (parent_entry, parent_path) =
                self.lookup(&parent).ok_or_else(|| invalid(format!("parent `{parent}` is not a known place")))?;
            if let Some(parent_entry) = parent_entry {
                entry = self
                    .entries_named(&name)
                    .into_iter()
                    .find(|&e| self.gazetteer.parent(e) == Some(parent_entry) && self.gazetteer.entry(e).kind == kind);
            }
            path = match entry {
                Some(e) => self.gazetteer.path(e),
                None => parent_path.into_iter().chain([name.clone()]).collect(),
            };
        }
        let index = self.users.len() as u32;
        self.users.push(UserPlace { entry, path });
        self.user_kinds.push(kind);
        self.names.insert(&name, Target::User(index));
        Ok(())
    }

    /// Adds the places of a list, one per line: `name<TAB>kind[<TAB>parent]` (kinds as the contract names them:
    /// landmark, estate, community …); blank lines and lines starting with `#` are skipped.
    pub(crate) fn add_list(&mut self, list: &str) -> Result<()> {
        for (i, line) in list.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let invalid = |reason: String| Error::InvalidData { what: "places", line: i + 1, reason };
            let mut fields = line.split('\t').map(str::trim);
            let name = fields.next().unwrap_or_default();
            let kind_name = fields.next().ok_or_else(|| invalid("expected `name<TAB>kind[<TAB>parent]`".into()))?;
            let kind = kind_by_name(kind_name).ok_or_else(|| invalid(format!("unknown kind `{kind_name}`")))?;
            let parent = fields.next().filter(|p| !p.is_empty());
            self.add(name, kind, parent).map_err(|e| match e {
                Error::InvalidData { reason, .. } => invalid(reason),
                other => other,
            })?;
        }
        Ok(())
    }

    /// Sets the region that settles a name found in several places when the document does not: a division's
    /// name (成都市, 锦江区) or code (5101, 510100000000); `None` leaves such names unresolved.
    pub(crate) fn set_home_region(&mut self, region: Option<&str>) -> Result<()> {
        let Some(region) = region.map(str::trim) else {
            self.home = None;
            return Ok(());
        };
        let invalid = || Error::InvalidData {
            what: "home region",
            line: 0,
            reason: format!("`{region}` is neither a division code nor the name of exactly one division"),
        };
        let entry = if region.chars().all(|c| c.is_ascii_digit()) && matches!(region.len(), 2 | 4 | 6 | 9 | 12) {
            let code: u64 = region.parse().map_err(|_| invalid())?;
            self.gazetteer.by_code(code * 10u64.pow(12 - region.len() as u32))
        } else {
            match self.entries_named(Normalized::new(region).as_str()).as_slice() {
                [only] => Some(*only),
                _ => None,
            }
        };
        self.home = Some(entry.ok_or_else(invalid)?);
        Ok(())
    }

    /// Gazetteer entries carrying `name` as a full name or alias.
    fn entries_named(&self, name: &str) -> Vec<u32> {
        let targets = self.names.get(name).unwrap_or_default();
        targets
            .iter()
            .filter_map(|t| match t {
                Target::Entry { index, .. } => Some(*index),
                _ => None,
            })
            .collect()
    }

    /// A known place by name: its entry (a division named once, or once in the home region) and its path.
    fn lookup(&self, name: &str) -> Option<(Option<u32>, Vec<String>)> {
        let targets = self.names.get(name)?;
        if let Some(user) = targets.iter().find_map(|t| if let Target::User(u) = t { Some(*u) } else { None }) {
            let user = &self.users[user as usize];
            let path = match user.entry {
                Some(e) => self.gazetteer.path(e),
                None if user.path.is_empty() => vec![name.to_string()],
                None => user.path.clone(),
            };
            return Some((user.entry, path));
        }
        let entries = self.entries_named(name);
        let home_entries: Vec<u32> = match self.home {
            Some(home) => entries.iter().copied().filter(|&e| self.gazetteer.is_within(e, home)).collect(),
            None => Vec::new(),
        };
        match (entries.as_slice(), home_entries.as_slice()) {
            ([only], _) | (_, [only]) => Some((Some(*only), self.gazetteer.path(*only))),
            ([], _) => targets.iter().any(|t| matches!(t, Target::Landmark(_))).then(|| (None, vec![name.to_string()])),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
