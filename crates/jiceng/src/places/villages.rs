//! The villages and communities of the provinces the default gazetteer leaves out, for the communities a document
//! names that no list holds but their suffix marks (穗园社区 after 广州市天河区石牌街道).
//!
//! Loaded on the first such community, not at start (decompressing and sorting 586,000 names takes a few hundred
//! milliseconds and about 25 MB), and only consulted under a township the document names, so that a name found
//! in many provinces is settled by where the document is. With the feature `villages-all` these villages are in
//! the gazetteer itself and this table is not used.

use super::gazetteer::{VILLAGES_DATA, decompress, prefix, village_short};
use super::names::hash;
use std::sync::OnceLock;

/// Every village and community of the other provinces, findable by name.
#[derive(Debug)]
pub(crate) struct Villages {
    /// The decompressed data: `code<TAB>official name` lines.
    text: String,
    /// Code and official name (a byte range of `text`) of each village.
    entries: Vec<(u64, u32, u32)>,
    /// (hash of the name without 社区/村/居委会, entry), sorted: the villages of one name are a run.
    by_base: Vec<(u64, u32)>,
}

impl Villages {
    /// The table, loaded on first use.
    pub(crate) fn get() -> &'static Villages {
        static VILLAGES: OnceLock<Villages> = OnceLock::new();
        VILLAGES.get_or_init(Self::load)
    }

    fn load() -> Self {
        let text = decompress(VILLAGES_DATA);
        let mut entries = Vec::with_capacity(text.len() / 36);
        let mut by_base = Vec::with_capacity(text.len() / 36);
        let mut at = 0;
        for line in text.split_terminator('\n') {
            let start = at;
            at += line.len() + 1;
            let Some((digits, name)) = line.split_once('\t') else { continue };
            let (Ok(code), 12) = (digits.parse::<u64>(), digits.len()) else { continue };
            let Some((_, base)) = village_short(name) else { continue };
            by_base.push((hash(base), entries.len() as u32));
            let name_start = start + digits.len() + 1;
            entries.push((code, name_start as u32, name.len() as u32));
        }
        by_base.sort_unstable();
        Self { text, entries, by_base }
    }

    /// The villages whose name without 社区/村/居委会 is `base`, within the township or county of code `region`
    /// (its level: 4 or 3): their codes and official names.
    pub(crate) fn within<'a>(
        &'a self,
        base: &'a str,
        region: u64,
        level: u8,
    ) -> impl Iterator<Item = (u64, &'a str)> + 'a {
        let key = hash(base);
        let first = self.by_base.partition_point(|&(h, _)| h < key);
        self.by_base[first..].iter().take_while(move |&&(h, _)| h == key).filter_map(move |&(_, index)| {
            let (code, start, len) = self.entries[index as usize];
            let name = &self.text[start as usize..(start + len) as usize];
            let same_name = village_short(name).is_some_and(|(_, b)| b == base);
            (same_name && prefix(code, level) == prefix(region, level)).then_some((code, name))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_community_of_another_province_under_its_township() {
        let villages = Villages::get();
        // 穗园社区 of 石牌街道 (天河区, 广州市), and nothing of that name under another township.
        let found: Vec<(u64, &str)> = villages.within("穗园", 440106006000, 4).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0 / 1000, 440106006);
        assert!(found[0].1.starts_with("穗园社区"));
        assert_eq!(villages.within("穗园", 440106007000, 4).count(), 0);
        assert_eq!(villages.within("穗园", 440106000000, 3).count(), 1, "under its county");
    }
}
