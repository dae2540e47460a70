//! Decides which division each name is, from the document as a whole: its 12-digit code and path, or none.
//!
//! In order: a chain (锦江区成龙路街道枫树社区) keeps only the entries that nest; a name left with one entry is
//! resolved; names with several are resolved by the places the paragraph, then the document, already resolved
//! (the entry sharing most levels with them wins, if it alone does); then by the home region (default 成都市),
//! unless the document is about somewhere else. Short forms (锦江, 成都) count only with the support the same
//! rules give. A name still ambiguous stays a place without a code: a wrong province is worse than none.

use super::gazetteer::{Form, Gazetteer, prefix};
use super::recognizer::{Mention, Source};
use std::ops::Range;

/// What became of one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// A place; the entry when the division is known.
    Place(Option<u32>),
    /// Not a place after all (an unsupported short form, a common word away from its parent).
    Dropped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Pending,
    Resolved(u32),
    Dropped,
}

/// Resolves the division mentions of one text; other mentions are places as they are.
pub(crate) fn resolve(gazetteer: &Gazetteer, text: &str, mentions: &[Mention], home: Option<u32>) -> Vec<Resolution> {
    let n = mentions.len();
    let mut candidates: Vec<Vec<u32>> = Vec::with_capacity(n);
    let mut forms: Vec<Option<(Form, bool)>> = Vec::with_capacity(n);
    for m in mentions {
        match &m.source {
            Source::Division { candidates: c, form, fragment } => {
                candidates.push(c.clone());
                forms.push(Some((*form, *fragment)));
            }
            _ => {
                candidates.push(Vec::new());
                forms.push(None);
            }
        }
    }
    let mut state = vec![State::Pending; n];
    // A county short form inside other words (新和 in 创新和) is not worth the document's support.
    for (i, form) in forms.iter().enumerate() {
        if *form == Some((Form::CountyStem, true)) {
            state[i] = State::Dropped;
        }
    }
    // A street written out in full (龙泉街道, 新华街道, not the 南岗街 of 南岗街道): a place even where its name is a
    // common word; the document or the home region settles which, as for any full name.
    let streets: Vec<bool> =
        mentions.iter().map(|m| text[m.range.clone()].ends_with("街道") && m.range.len() >= 4 * 3).collect();
    let chained = filter_chains(gazetteer, text, mentions, &mut candidates, &forms, &streets, &mut state);
    let paragraph: Vec<usize> = paragraphs(text, mentions);

    // Names that need no context: one entry left (a village only when the data lists every village of China, or
    // when its parent stands before it), province short forms, the short forms of well-known cities.
    for i in 0..n {
        let Some((form, fragment)) = forms[i] else { continue };
        if state[i] != State::Pending {
            continue;
        }
        let single = match candidates[i].as_slice() {
            [only] => Some(*only),
            _ => None,
        };
        let Some(only) = single else { continue };
        let certain = match form {
            Form::Full => {
                let complete = gazetteer.entry(only).level < 5 || gazetteer.villages_complete(only);
                (complete && !fragment) || chained[i]
            }
            // A variant (合作街道 for Hebei's 合作路街道) may name a place the data lacks: settled by its parent,
            // the document or the home region, never alone.
            Form::Variant => chained[i],
            Form::ChainOnly => chained[i],
            Form::ProvinceStem => !fragment || chained[i],
            Form::CityStem => (!fragment && gazetteer.is_major_city(only)) || chained[i],
            Form::CountyStem => chained[i],
        };
        if certain {
            state[i] = State::Resolved(only);
        }
    }

    // Context, then the home region, then context again with what the home region settled. The home region
    // applies only to a text that names no place or some place in it (or around it): a text about 眉山 or
    // 广州 does not borrow Chengdu's names.
    by_context(gazetteer, &candidates, &forms, &paragraph, &mut state);
    by_list(gazetteer, text, mentions, &candidates, &mut state);
    by_context(gazetteer, &candidates, &forms, &paragraph, &mut state);
    if let Some(home) = home {
        let anchors: Vec<u32> = resolved(&state).collect();
        let at_home =
            anchors.is_empty() || anchors.iter().any(|&a| gazetteer.is_within(a, home) || gazetteer.is_within(home, a));
        if at_home {
            for i in 0..n {
                let full_like = matches!(forms[i], Some((Form::Full | Form::Variant | Form::ChainOnly, false)));
                if state[i] != State::Pending || !full_like {
                    continue;
                }
                let mut local = candidates[i].iter().filter(|&&c| gazetteer.is_within(c, home));
                if let (Some(&only), None) = (local.next(), local.next()) {
                    state[i] = State::Resolved(only);
                }
            }
            by_context(gazetteer, &candidates, &forms, &paragraph, &mut state);
        }
    }

    (0..n)
        .map(|i| match (state[i], forms[i]) {
            (State::Resolved(entry), _) => Resolution::Place(Some(entry)),
            (State::Dropped, _) => Resolution::Dropped,
            (State::Pending, None | Some((Form::Full | Form::Variant | Form::ChainOnly, false))) => {
                Resolution::Place(None)
            }
            (State::Pending, Some(_)) => Resolution::Dropped,
        })
        .collect()
}

fn resolved(state: &[State]) -> impl Iterator<Item = u32> + '_ {
    state.iter().filter_map(|s| match s {
        State::Resolved(e) => Some(*e),
        _ => None,
    })
}

/// Adjacent names nest (锦江区成龙路街道枫树社区): each keeps the entries inside one of the name before it, and
/// the name before keeps those containing one of the name after. A short form or a chain-only name right after a
/// division it is not inside is something else (成都玉林 is a neighbourhood of Chengdu, not 玉林市).
/// Returns which mentions follow a parent they nest in.
fn filter_chains(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    candidates: &mut [Vec<u32>],
    forms: &[Option<(Form, bool)>],
    streets: &[bool],
    state: &mut [State],
) -> Vec<bool> {
    let n = mentions.len();
    let mut chained = vec![false; n];
    for i in 1..n {
        if mentions[i - 1].range.end != mentions[i].range.start || forms[i - 1].is_none() {
            continue;
        }
        let Some((form, _)) = forms[i] else { continue };
        let parents = &candidates[i - 1];
        let inside: Vec<u32> = candidates[i]
            .iter()
            .copied()
            .filter(|&c| parents.iter().any(|&p| p != c && gazetteer.is_within(c, p)))
            .collect();
        if !inside.is_empty() {
            candidates[i] = inside;
            chained[i] = true;
        } else if form != Form::Full && form != Form::Variant && !streets[i] {
            state[i] = State::Dropped;
        } else {
            // A full name right after a division above it but not inside it (武隆荆竹村 where the data only has
            // the 荆竹村 of Sichuan): the text places it elsewhere, so none of the entries is it.
            let level = |c: &u32| gazetteer.entry(*c).level;
            let below = candidates[i].iter().map(level).min().unwrap_or(0);
            if !parents.is_empty() && parents.iter().map(level).max().unwrap_or(u8::MAX) < below {
                candidates[i].clear();
            }
        }
    }
    for i in (1..n).rev() {
        if chained[i] {
            let children = candidates[i].clone();
            candidates[i - 1].retain(|&p| children.iter().any(|&c| gazetteer.is_within(c, p)));
        }
    }
    // Each name's first mention in a chain, looked up once per mention (not a search of all mentions each).
    let mut in_chains: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for j in (0..n).filter(|&j| chained[j]) {
        in_chains.entry(&text[mentions[j].range.clone()]).or_insert(j);
    }
    for i in 0..n {
        // Right after a place the data cannot place (成都高新区合作街道), a chain-only name of three characters or
        // more stays, unsettled (a bare 街道 or 社区 after a landmark is no name).
        let after_unplaced = i > 0
            && mentions[i - 1].range.end == mentions[i].range.start
            && forms[i - 1].is_none()
            && mentions[i].range.len() >= 3 * 3;
        // Villages and towns of common names are more often words (幸福社区, 中心镇); streets in full are not.
        let chain_only = forms[i].is_some_and(|(form, _)| form == Form::ChainOnly);
        // The same name in a chain elsewhere in the text (成华区双桥子街道新华社区 … 新华社区将…) is that place.
        let elsewhere = in_chains.get(&text[mentions[i].range.clone()]).copied();
        if chain_only
            && !chained[i]
            && let Some(j) = elsewhere
        {
            candidates[i] = candidates[j].clone();
            chained[i] = true;
            continue;
        }
        if chain_only && !chained[i] && !after_unplaced && !streets[i] {
            state[i] = State::Dropped;
        }
    }
    chained
}

/// Parts of any town named by direction, which are also short forms of districts somewhere (城东区 of 西宁).
const DIRECTION_AREAS: &[&str] = &["城东", "城西", "城南", "城北", "城中"];

/// Names listed together (锦江、青羊、金牛, 奉节、巫山) support each other: when every name of a list of two or more
/// has a candidate in one city and only one, or else in one province and only one, each pending name is settled
/// to its single candidate there.
fn by_list(gazetteer: &Gazetteer, text: &str, mentions: &[Mention], candidates: &[Vec<u32>], state: &mut [State]) {
    let mut start = 0;
    while start < mentions.len() {
        let mut end = start + 1;
        // Mentions may overlap (a short form read on into a longer name): only those with 、 between them list.
        while end < mentions.len() && text.get(mentions[end - 1].range.end..mentions[end].range.start) == Some("、") {
            end += 1;
        }
        // Directions of a city (城东、城西) are parts of any town, not the districts of Xining so named.
        let directions = (start..end).any(|i| DIRECTION_AREAS.contains(&&text[mentions[i].range.clone()]));
        if end - start >= 2 && !directions {
            // Cities, then provinces.
            for level in [2, 1] {
                if settle_list(gazetteer, candidates, state, start..end, |e| prefix(gazetteer.entry(e).code, level)) {
                    break;
                }
            }
        }
        start = end;
    }
}

/// Settles the mentions of `list` in the one region (as `region` tells it from an entry) that all of them may
/// lie in, if there is one; whether there was.
fn settle_list(
    gazetteer: &Gazetteer,
    candidates: &[Vec<u32>],
    state: &mut [State],
    list: Range<usize>,
    region: impl Fn(u32) -> u64,
) -> bool {
    let below_city = |c: &&u32| gazetteer.entry(**c).level >= 3;
    let regions = |i: usize| -> Vec<u64> {
        match state[i] {
            State::Resolved(entry) => vec![region(entry)],
            State::Pending => candidates[i].iter().filter(below_city).map(|&c| region(c)).collect(),
            State::Dropped => Vec::new(),
        }
    };
    let mut common = regions(list.start);
    for i in list.clone().skip(1) {
        let these = regions(i);
        common.retain(|c| these.contains(c));
    }
    common.sort_unstable();
    common.dedup();
    let [only] = common.as_slice() else { return false };
    for i in list {
        let mut inside = candidates[i].iter().filter(below_city).filter(|&&c| region(c) == *only);
        if let (State::Pending, Some(&entry), None) = (state[i], inside.next(), inside.next()) {
            state[i] = State::Resolved(entry);
        }
    }
    true
}

/// The paragraph (line of normalized text) of each mention.
fn paragraphs(text: &str, mentions: &[Mention]) -> Vec<usize> {
    let mut line = 0;
    let mut at = 0;
    mentions
        .iter()
        .map(|m| {
            line += text.as_bytes()[at..m.range.start].iter().filter(|&&b| b == b'\n').count();
            at = m.range.start;
            line
        })
        .collect()
}

/// Resolves pending names by the places already resolved, first those of the same paragraph, then all, until
/// nothing changes: the candidate sharing most levels with some resolved place wins if it alone does and shares
/// enough (a county short form must share the city).
fn by_context(
    gazetteer: &Gazetteer,
    candidates: &[Vec<u32>],
    forms: &[Option<(Form, bool)>],
    paragraph: &[usize],
    state: &mut [State],
) {
    loop {
        // The places resolved so far, each once per paragraph and once for the document.
        let mut by_paragraph: Vec<(usize, u32)> = (0..state.len())
            .filter_map(|j| match state[j] {
                State::Resolved(e) => Some((paragraph[j], e)),
                _ => None,
            })
            .collect();
        by_paragraph.sort_unstable();
        by_paragraph.dedup();
        let mut everywhere: Vec<u32> = by_paragraph.iter().map(|&(_, e)| e).collect();
        everywhere.sort_unstable();
        everywhere.dedup();
        let mut changed = false;
        for i in 0..state.len() {
            let Some((form, _)) = forms[i] else { continue };
            if state[i] != State::Pending || candidates[i].is_empty() {
                continue;
            }
            // Sharing the province is enough for a city or county; a village or township, a county short form
            // and anything that may be a piece of other words must share the city.
            let fragment = forms[i].is_some_and(|(_, fragment)| fragment);
            let deep = candidates[i].iter().any(|&c| gazetteer.entry(c).level >= 4);
            let needed = if form == Form::CountyStem || fragment || deep { 2 } else { 1 };
            let first = by_paragraph.partition_point(|&(p, _)| p < paragraph[i]);
            let here: Vec<u32> =
                by_paragraph[first..].iter().take_while(|&&(p, _)| p == paragraph[i]).map(|&(_, e)| e).collect();
            for anchors in [&here, &everywhere] {
                if let Some(best) = best_by(gazetteer, &candidates[i], anchors, needed) {
                    state[i] = State::Resolved(best);
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
}

/// The candidate sharing most levels with any anchor, if it alone does and shares at least `needed`.
fn best_by(gazetteer: &Gazetteer, candidates: &[u32], anchors: &[u32], needed: u8) -> Option<u32> {
    let mut best: Option<(u8, u32)> = None;
    let mut tie = false;
    for &c in candidates {
        let score = anchors.iter().map(|&a| gazetteer.shared_levels(c, a)).max().unwrap_or(0);
        match best {
            Some((s, _)) if score < s => {}
            Some((s, _)) if score == s => tie = true,
            _ => {
                best = Some((score, c));
                tie = false;
            }
        }
    }
    best.filter(|&(score, _)| score >= needed && !tie).map(|(_, c)| c)
}
