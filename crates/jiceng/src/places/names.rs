//! Every known place name in one table — gazetteer names and aliases, landmarks, user places, and the phrases
//! that are not places — with leftmost-longest matching over normalized text.
//!
//! A hash table keyed by the name plus, for every pair of first characters, the lengths of the names that start
//! with it: matching costs one probe per character of text and a few more where a name may start. An
//! aho-corasick automaton over the 90k names would match as fast but takes 200–300 ms to build (measured), five
//! times the whole load budget. Names live in one string and targets in one vector, so that building and
//! dropping the table allocates a handful of times, not once per name.

use super::gazetteer::Form;
use rustc_hash::{FxHashMap, FxHasher};
use std::hash::Hasher;
use std::ops::Range;

/// What a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// A gazetteer entry, written in a form that needs some context.
    Entry { index: u32, form: Form },
    /// A built-in landmark (index into the landmark list).
    Landmark(u32),
    /// A place the user added (index into the user places).
    User(u32),
    /// A phrase that is not a place and hides the names inside it (完整社区, 金边银角).
    NotAPlace,
}

/// The longest name found at some position.
#[derive(Debug, Clone)]
pub(crate) struct Hit<'a> {
    pub(crate) range: Range<usize>,
    pub(crate) targets: &'a [Target],
}

/// Names of at most this many characters are indexed (the longest official names are longer, and never written
/// out in running text).
const MAX_CHARS: usize = 31;

/// No slot.
const NONE: u32 = u32::MAX;

/// One name: where it is in the arena, where its targets are, the next name with the same hash.
#[derive(Debug, Clone, Copy)]
struct Slot {
    start: u32,
    len: u32,
    targets: (u32, u32),
    next: u32,
}

/// The name table.
#[derive(Debug)]
pub(crate) struct Names {
    arena: String,
    slots: Vec<Slot>,
    /// Hash of a name → its slot (others with the same hash follow `Slot::next`).
    index: FxHashMap<u64, u32>,
    targets: Vec<Target>,
    /// For the first two characters of every name: bit `n` is set when a name of `n` characters starts with them.
    lengths: FxHashMap<u64, u32>,
    /// One bit per character of the Basic Multilingual Plane that begins a name: most positions of a text
    /// are ruled out by one bit before any hashing.
    starts: Box<[u64]>,
    /// Whether `lengths` is kept up to date on insertion (after building: the builder fills it in one pass).
    lengths_ready: bool,
}

impl Default for Names {
    fn default() -> Self {
        Self {
            arena: String::new(),
            slots: Vec::new(),
            index: FxHashMap::default(),
            targets: Vec::new(),
            lengths: FxHashMap::default(),
            starts: vec![0; 0x10000 / 64].into_boxed_slice(),
            lengths_ready: true,
        }
    }
}

/// Collects names and targets, then lays the targets out by name.
#[derive(Debug)]
pub(crate) struct NamesBuilder {
    names: Names,
    pending: Vec<(u32, Target)>,
}

impl Default for NamesBuilder {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

pub(super) fn hash(name: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(name.as_bytes());
    hasher.finish()
}

fn pair(a: char, b: char) -> u64 {
    (a as u64) << 32 | b as u64
}

impl NamesBuilder {
    pub(crate) fn with_capacity(names: usize) -> Self {
        let mut builder = Self { names: Names::default(), pending: Vec::new() };
        builder.names.lengths_ready = false;
        builder.names.arena.reserve(names * 12);
        builder.names.slots.reserve(names);
        builder.names.index.reserve(names);
        builder.names.lengths.reserve(names / 2);
        builder.pending.reserve(names * 3 / 2);
        builder
    }

    pub(crate) fn push(&mut self, name: &str, target: Target) {
        if let Some(slot) = self.names.slot_or_insert(name) {
            self.pending.push((slot, target));
        }
    }

    /// The table, each name's targets in the order pushed, filtered by [`keep_strongest`].
    pub(crate) fn finish(self) -> Names {
        let Self { mut names, pending } = self;
        for slot in &names.slots {
            let name = &names.arena[slot.start as usize..(slot.start + slot.len) as usize];
            let mut chars = name.chars();
            if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                *names.lengths.entry(pair(a, b)).or_default() |= 1 << (2 + chars.count());
                mark_start(&mut names.starts, a);
            }
        }
        names.lengths_ready = true;
        let mut counts = vec![0u32; names.slots.len() + 1];
        for &(slot, _) in &pending {
            counts[slot as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut targets = vec![Target::NotAPlace; pending.len()];
        let mut fill = counts.clone();
        for (slot, target) in pending {
            targets[fill[slot as usize] as usize] = target;
            fill[slot as usize] += 1;
        }
        // Filter in place, slot by slot (what is kept never outgrows what was there).
        let mut out = 0usize;
        let mut kept = Vec::new();
        for (slot, window) in names.slots.iter_mut().zip(counts.windows(2)) {
            keep_strongest(&targets[window[0] as usize..window[1] as usize], &mut kept);
            targets[out..out + kept.len()].copy_from_slice(&kept);
            slot.targets = (out as u32, (out + kept.len()) as u32);
            out += kept.len();
        }
        targets.truncate(out);
        names.targets = targets;
        names
    }
}

/// Within one name, gazetteer entries keep only their strongest form: a full name beats a variant, a variant
/// a short form (东林 as a full village name hides 东林 as anyone's short form). A variant never hides an official
/// name, even one that needs its parent (北京街道 of 越秀区 is no variant of another's 北京路街道).
fn keep_strongest(targets: &[Target], kept: &mut Vec<Target>) {
    kept.clear();
    let official_in_chains = targets.iter().any(|t| entry_form(t) == Some(Form::ChainOnly));
    let strongest =
        targets.iter().filter_map(entry_form).filter(|&f| !(official_in_chains && f == Form::Variant)).min();
    for &t in targets {
        if entry_form(&t).is_some_and(|f| Some(f) != strongest) || kept.contains(&t) {
            continue;
        }
        kept.push(t);
    }
}

impl Names {
    /// The slot of `name`, created if new; `None` for names too short or too long to index.
    fn slot_or_insert(&mut self, name: &str) -> Option<u32> {
        let mut chars = name.chars();
        let (Some(a), Some(b)) = (chars.next(), chars.next()) else { return None };
        let count = 2 + chars.count();
        if count > MAX_CHARS {
            return None;
        }
        let h = hash(name);
        if let Some(slot) = self.find_slot(h, name) {
            return Some(slot);
        }
        let slot = self.slots.len() as u32;
        let next = self.index.insert(h, slot).unwrap_or(NONE);
        self.slots.push(Slot { start: self.arena.len() as u32, len: name.len() as u32, targets: (0, 0), next });
        self.arena.push_str(name);
        if self.lengths_ready {
            *self.lengths.entry(pair(a, b)).or_default() |= 1 << count;
            mark_start(&mut self.starts, a);
        }
        Some(slot)
    }

    fn find_slot(&self, h: u64, name: &str) -> Option<u32> {
        let mut at = *self.index.get(&h)?;
        while at != NONE {
            let slot = &self.slots[at as usize];
            if &self.arena[slot.start as usize..(slot.start + slot.len) as usize] == name {
                return Some(at);
            }
            at = slot.next;
        }
        None
    }

    /// Adds `name` for `target` after the table is built (landmarks, user places): its targets move to the
    /// end of the target list, which is cheap for the few names added this way.
    pub(crate) fn insert(&mut self, name: &str, target: Target) {
        let Some(slot) = self.slot_or_insert(name) else { return };
        let (start, end) = self.slots[slot as usize].targets;
        let mut targets: Vec<Target> = self.targets[start as usize..end as usize].to_vec();
        targets.push(target);
        let mut kept = Vec::new();
        keep_strongest(&targets, &mut kept);
        let new_start = self.targets.len() as u32;
        self.targets.extend(kept);
        self.slots[slot as usize].targets = (new_start, self.targets.len() as u32);
    }

    /// The targets of exactly `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&[Target]> {
        let slot = self.find_slot(hash(name), name)?;
        Some(self.targets_of(slot))
    }

    fn targets_of(&self, slot: u32) -> &[Target] {
        let (start, end) = self.slots[slot as usize].targets;
        &self.targets[start as usize..end as usize]
    }

    /// The longest name starting at byte `start` of `text` (which must be a character boundary).
    pub(crate) fn longest_at<'a>(&'a self, text: &str, start: usize) -> Option<Hit<'a>> {
        let mut chars = text[start..].char_indices();
        let (_, a) = chars.next()?;
        if !may_start(&self.starts, a) {
            return None;
        }
        let (_, b) = chars.next()?;
        let mut lengths = *self.lengths.get(&pair(a, b))?;
        // Byte ends of the names' last characters, by character count.
        let mut ends = [0usize; MAX_CHARS + 1];
        let max = 31 - lengths.leading_zeros() as usize;
        let mut count = 0;
        for (offset, c) in text[start..].char_indices() {
            count += 1;
            ends[count] = start + offset + c.len_utf8();
            if count == max {
                break;
            }
        }
        while lengths != 0 {
            let n = 31 - lengths.leading_zeros() as usize;
            lengths &= !(1 << n);
            if n > count {
                continue;
            }
            let name = &text[start..ends[n]];
            if let Some(slot) = self.find_slot(hash(name), name) {
                let targets = self.targets_of(slot);
                if !targets.is_empty() {
                    return Some(Hit { range: start..ends[n], targets });
                }
            }
        }
        None
    }

    /// Leftmost-longest matches over all of `text`, in order, never overlapping.
    pub(crate) fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Hit<'a>> + 'a {
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < text.len() {
                if let Some(hit) = self.longest_at(text, at) {
                    at = hit.range.end;
                    return Some(hit);
                }
                at += text[at..].chars().next().map_or(1, char::len_utf8);
            }
            None
        })
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }
}

fn mark_start(starts: &mut [u64], c: char) {
    if let Some(word) = starts.get_mut(c as usize / 64) {
        *word |= 1 << (c as usize % 64);
    }
}

/// Whether a name may begin with `c` (always, beyond the Basic Multilingual Plane).
fn may_start(starts: &[u64], c: char) -> bool {
    starts.get(c as usize / 64).is_none_or(|word| word & (1 << (c as usize % 64)) != 0)
}

fn entry_form(target: &Target) -> Option<Form> {
    match target {
        Target::Entry { form, .. } => Some(*form),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_leftmost_longest_names() {
        let mut builder = NamesBuilder::default();
        builder.push("锦里社区", Target::Entry { index: 1, form: Form::Full });
        builder.push("武侯", Target::Entry { index: 3, form: Form::CountyStem });
        let mut names = builder.finish();
        names.insert("锦里", Target::Landmark(0));
        names.insert("武侯祠", Target::Landmark(2));
        let text = "用好锦里、武侯祠,锦里社区";
        let found: Vec<&str> = names.find_iter(text).map(|h| &text[h.range]).collect();
        assert_eq!(found, ["锦里", "武侯祠", "锦里社区"]);
    }

    #[test]
    fn a_full_name_beats_weaker_forms_of_the_same_string() {
        let mut builder = NamesBuilder::default();
        builder.push("东林", Target::Entry { index: 1, form: Form::CountyStem });
        builder.push("东林", Target::Entry { index: 2, form: Form::Full });
        builder.push("西林", Target::Entry { index: 4, form: Form::Full });
        builder.push("东林", Target::Entry { index: 3, form: Form::Variant });
        builder.push("东林", Target::Entry { index: 5, form: Form::Full });
        let mut names = builder.finish();
        let full = |index| Target::Entry { index, form: Form::Full };
        assert_eq!(names.get("东林").unwrap(), [full(2), full(5)]);
        names.insert("东林", Target::Landmark(7));
        assert_eq!(names.get("东林").unwrap(), [full(2), full(5), Target::Landmark(7)]);
        assert_eq!(names.get("西林").unwrap(), [full(4)]);
        assert_eq!(names.get("南林"), None);
    }
}
