//! The statistical division gazetteer (NBS 2023 codes, five levels), loaded once from the compressed data in `data/`.
//!
//! Input: `code<TAB>official name` lines sorted by code (built by `scripts/build-gazetteer`). Output: entries with
//! their 12-digit code, level, kind and parent, and the surface forms each is written in — the official name and
//! the aliases derived from it (枫树社区居委会 → 枫树社区, 成都市 → 成都), each with how much context it needs.

use super::lexicon::Lexicon;
use crate::model::PlaceKind;
use std::borrow::Cow;

/// Levels 1–4 of all China and the villages and communities of Sichuan.
const DEFAULT_DATA: &[u8] = include_bytes!("../../data/gazetteer.tsv.zst");
/// The villages and communities of every other province: in the gazetteer with the feature `villages-all`,
/// else loaded on first need by [`super::villages`].
pub(crate) const VILLAGES_DATA: &[u8] = include_bytes!("../../data/gazetteer_villages.tsv.zst");

/// No parent (provinces).
const NONE: u32 = u32::MAX;

/// Ethnic groups as they appear in the names of autonomous areas (广西壮族自治区, 阿坝藏族羌族自治州), longest
/// first so that 土家族 is stripped before 土族 could be.
const ETHNIC_GROUPS: &[&str] = &[
    "柯尔克孜",
    "乌孜别克",
    "鄂伦春",
    "鄂温克",
    "维吾尔",
    "塔吉克",
    "塔塔尔",
    "达斡尔",
    "俄罗斯",
    "哈萨克",
    "土家",
    "蒙古",
    "布依",
    "朝鲜",
    "哈尼",
    "傈僳",
    "高山",
    "拉祜",
    "东乡",
    "纳西",
    "景颇",
    "仫佬",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "德昂",
    "保安",
    "裕固",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "满",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "水",
    "土",
    "羌",
    "怒",
    "京",
    "汉",
];

/// City-level rows that stand for "the districts/counties directly under …", not for a place.
const PLACEHOLDERS: &[&str] = &["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"];

/// Endings of development zones and similar areas below a city.
const ZONE_ENDINGS: &[&str] = &[
    "开发区",
    "高新区",
    "新区",
    "示范区",
    "片区",
    "园区",
    "工业园",
    "产业园",
    "实验区",
    "合作区",
    "试验区",
    "科技城",
    "新城",
    "管理区",
    "保税区",
    "产业基地",
];

/// Cities known well enough that their short form needs no support from the document (成都, 深圳): the
/// provincial capitals (code xx01) and these.
const MAJOR_CITIES: &[u64] =
    &[2102, 3202, 3205, 3302, 3303, 3502, 3702, 4403, 4404, 4406, 4419, 4420, 4503, 4602, 4103, 6106, 5203];

/// Rows whose level-4 local code is at or above this are "similar to a township" units (zones, farms, prisons).
const FIRST_SIMILAR_TOWNSHIP: u64 = 400;

/// One division.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The 12-digit statistical code.
    pub(crate) code: u64,
    /// 1 province, 2 city, 3 county, 4 township, 5 village or community.
    pub(crate) level: u8,
    pub(crate) kind: PlaceKind,
    /// Index of the parent entry, `NONE` for provinces.
    parent: u32,
    name_start: u32,
    name_len: u16,
    /// A city-level row that only groups counties (市辖区): kept for the codes, left out of paths and matching.
    placeholder: bool,
}

/// How much context a surface form needs before it counts as a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Form {
    /// The official name or its usual short form with the suffix kept (枫树社区, 阿坝州): a place wherever it stands.
    Full,
    /// A variant in use but not derived by rule alone (虹梅街道 for 虹梅路街道, 华悦家园社区 for 华悦家园居委会):
    /// counts only when no entry carries the same string as a full name.
    Variant,
    /// A province without its suffix (四川): a place unless it is a piece of a longer word.
    ProvinceStem,
    /// A city without its suffix (成都): a place when the document supports it or it stands as a word.
    CityStem,
    /// A county without its suffix (锦江): a place only when the document names its city or a neighbour.
    CountyStem,
    /// Names that are common words or too short alone (幸福社区, 新村, 南岗街): only right after their parent.
    ChainOnly,
}

/// Every division of the embedded data.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// The decompressed data; entry names are slices of it.
    text: String,
    entries: Vec<Entry>,
    /// Whether level 5 is complete for all provinces (feature `villages-all`) or only for Sichuan.
    all_villages: bool,
}

impl Gazetteer {
    /// Decompresses and indexes the embedded data.
    pub(crate) fn builtin() -> Self {
        #[cfg_attr(not(feature = "villages-all"), allow(unused_mut))]
        let mut text = decompress(DEFAULT_DATA);
        let default_len = text.len();
        #[cfg(feature = "villages-all")]
        text.push_str(&decompress(VILLAGES_DATA));
        let mut entries = parse(&text, 0..default_len);
        let all_villages = text.len() > default_len;
        if all_villages {
            entries = merge(entries, parse(&text, default_len..text.len()));
        }
        link_parents(&mut entries);
        mark_grouping_counties(&text, &mut entries);
        Self { text, entries, all_villages }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    pub(crate) fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// The official name as published (枫树社区居委会).
    pub(crate) fn official(&self, index: u32) -> &str {
        let e = &self.entries[index as usize];
        &self.text[e.name_start as usize..e.name_start as usize + e.name_len as usize]
    }

    /// The name a reader knows the place by: 办事处, 居委会 and bracketed notes dropped (枫树社区).
    pub(crate) fn display(&self, index: u32) -> Cow<'_, str> {
        let entry = self.entry(index);
        let official = clean(self.official(index));
        if let (5, Some((short, _))) = (entry.level, village_short(&official)) {
            return Cow::Owned(short.into_owned());
        }
        official
    }

    /// The parent entry (none for provinces); placeholder cities are skipped.
    pub(crate) fn parent(&self, index: u32) -> Option<u32> {
        let mut parent = self.entries[index as usize].parent;
        while parent != NONE && self.entries[parent as usize].placeholder {
            parent = self.entries[parent as usize].parent;
        }
        (parent != NONE).then_some(parent)
    }

    /// Whether `ancestor` is `index` or above it.
    pub(crate) fn is_within(&self, index: u32, ancestor: u32) -> bool {
        let (a, e) = (self.entry(ancestor), self.entry(index));
        a.level <= e.level && prefix(e.code, a.level) == a.code
    }

    /// How many levels two entries share, from the province down (0: different provinces).
    pub(crate) fn shared_levels(&self, a: u32, b: u32) -> u8 {
        let (a, b) = (self.entry(a), self.entry(b));
        (1..=a.level.min(b.level)).take_while(|&l| prefix(a.code, l) == prefix(b.code, l)).last().unwrap_or(0)
    }

    /// Names from the province down to the entry itself.
    pub(crate) fn path(&self, index: u32) -> Vec<String> {
        let mut path = vec![self.display(index).into_owned()];
        let mut at = index;
        while let Some(parent) = self.parent(at) {
            path.push(self.display(parent).into_owned());
            at = parent;
        }
        path.reverse();
        path
    }

    /// Whether a village or community found once in the data is the only one of its name in China: only when
    /// the data holds every province's villages (feature `villages-all`); by default it holds Sichuan's alone.
    pub(crate) fn villages_complete(&self, _index: u32) -> bool {
        self.all_villages
    }

    /// Whether the data lists villages or communities under the township or county `index` (Sichuan's, by default).
    pub(crate) fn lists_villages_under(&self, index: u32) -> bool {
        let entry = self.entry(index);
        let first = self.entries.partition_point(|e| e.code <= entry.code);
        self.entries[first..].iter().take_while(|e| prefix(e.code, entry.level) == entry.code).any(|e| e.level == 5)
    }

    /// A provincial capital or another city everyone knows (深圳, 苏州): its short form stands on its own.
    pub(crate) fn is_major_city(&self, index: u32) -> bool {
        let e = self.entry(index);
        let city = e.code / 100_000_000;
        e.level == 2 && (city % 100 == 1 || MAJOR_CITIES.contains(&city))
    }

    /// The entry with exactly this code, if any.
    pub(crate) fn by_code(&self, code: u64) -> Option<u32> {
        self.entries.binary_search_by_key(&code, |e| e.code).ok().map(|i| i as u32)
    }

    /// The surface forms of an entry, collected (for tests and user lookups; loading uses [`Self::each_form`]).
    #[cfg(test)]
    pub(crate) fn forms(&self, index: u32, lexicon: &Lexicon) -> Vec<(String, Form)> {
        let mut forms = Vec::new();
        self.each_form(index, lexicon, &mut |name, form| forms.push((name.to_string(), form)));
        forms
    }

    /// Calls `f` with each surface form of an entry: its cleaned official name and the aliases derived from it,
    /// each with the context it needs. Names that are or end in common words (幸福社区, 小城镇, 城区) need their
    /// parent before them.
    pub(crate) fn each_form(&self, index: u32, lexicon: &Lexicon, f: &mut impl FnMut(&str, Form)) {
        let entry = *self.entry(index);
        if entry.placeholder {
            return;
        }
        let official = clean(self.official(index));
        let official = official.as_ref();
        if official.chars().count() < 2 {
            return;
        }
        let mut scratch = String::new();
        let mut derived = |parts: &[&str], form: Form, f: &mut dyn FnMut(&str, Form)| {
            scratch.clear();
            parts.iter().for_each(|p| scratch.push_str(p));
            f(&scratch, form);
        };
        match entry.level {
            1 => {
                if let Some(stem) = autonomous_stem(official).or_else(|| strip_any(official, &["省", "市"])) {
                    f(stem, Form::ProvinceStem);
                }
                f(official, Form::Full);
            }
            2 => {
                if let Some(base) = official.strip_suffix("自治州").and_then(strip_ethnic) {
                    derived(&[base, "州"], Form::Full, f);
                    f(base, Form::CityStem);
                } else if let Some(stem) = strip_any(official, &["市", "地区", "盟"]) {
                    f(stem, Form::CityStem);
                }
                f(official, Form::Full);
            }
            3 if entry.kind == PlaceKind::County => {
                let mut autonomous = false;
                for (ending, short) in [("自治县", "县"), ("自治旗", "旗")] {
                    if let Some(base) = official.strip_suffix(ending).and_then(strip_ethnic) {
                        derived(&[base, short], Form::Full, f);
                        f(base, Form::CountyStem);
                        autonomous = true;
                    }
                }
                let stem = strip_any(official, &["新区", "林区", "特区", "区", "县", "市", "旗"]);
                if let (false, Some(stem)) = (autonomous, stem) {
                    f(stem, Form::CountyStem);
                }
                // 城区, 郊区, 矿区, 东区: common words; 荣县, 房县, 芒市 are names (the recognizer tells 县长 in
                // 代县长 from 代县).
                let named = stem.is_some() || official.chars().count() > 2 || official.ends_with(['县', '旗', '市']);
                f(official, if named { Form::Full } else { Form::ChainOnly });
            }
            4 if entry.kind == PlaceKind::Township => {
                let base = official.strip_suffix(['镇', '乡']).or_else(|| official.strip_suffix("街道"));
                let form = match base {
                    Some(base) if base.chars().count() >= 2 && !common_name(official, base, lexicon) => Form::Full,
                    // 城区街道, 新街道 and the like: common words.
                    Some(_) => Form::ChainOnly,
                    // Farms, forest farms and other units that are townships for statistics only.
                    None if entry.code / 1000 % 1000 >= FIRST_SIMILAR_TOWNSHIP => return,
                    None => Form::Full,
                };
                if let Some(x) = official.strip_suffix("路街道") {
                    derived(&[x, "街道"], Form::Variant.max(form), f);
                }
                // 南岗街 for 南岗街道, in chains only (浆洗街街道 and 成龙路街道 have no such form).
                let street = official.strip_suffix("街道").filter(|x| !x.ends_with(['街', '路', '道', '巷', '门']));
                if let Some(x) = street.filter(|x| x.chars().count() >= 2) {
                    derived(&[x, "街"], Form::ChainOnly, f);
                }
                f(official, form);
            }
            3 | 4 => {
                // Zones: only the full name, and only a specific one (not 开发区, 综合保税区, 现代农业产业园).
                let generic = official.char_indices().nth(2).is_some_and(|(i, _)| lexicon.is_frequent(&official[..i]));
                if ZONE_ENDINGS.iter().any(|z| official.ends_with(z)) && official.chars().count() >= 5 && !generic {
                    f(official, Form::Full);
                }
            }
            _ => {
                let Some((short, base)) = village_short(official) else {
                    if official.ends_with("嘎查") && official.chars().count() >= 4 {
                        f(official, Form::Full);
                    }
                    return;
                };
                let common = base.chars().count() < 2 || common_name(&short, base, lexicon);
                let strength = if common { Form::ChainOnly } else { Form::Full };
                if short.ends_with("居委会") {
                    // 华悦家园居委会: the organ's name, and 华悦家园社区 (the form used across the country).
                    derived(&[base, "社区"], Form::Variant.max(strength), f);
                }
                f(&short, strength);
                if official.len() > short.len() {
                    f(official, strength);
                }
            }
        }
    }
}

/// Whether a township or village name reads as common words: its base is one (幸福社区, 中心镇, 自然村), the
/// whole name is one, or a frequent word joins the base's last character to the suffix (小城镇, 同乡村, 上农村).
fn common_name(name: &str, base: &str, lexicon: &Lexicon) -> bool {
    let across = base.char_indices().next_back().and_then(|(i, _)| {
        let next = name[base.len()..].chars().next()?;
        Some(&name[i..base.len() + next.len_utf8()])
    });
    lexicon.is_common(base)
        || lexicon.is_frequent(base)
        || lexicon.is_frequent(name)
        || across.is_some_and(|w| lexicon.is_very_frequent(w))
}

/// Pads a code of 2–12 digits to 12.
fn pad(code: &str) -> Option<u64> {
    let value: u64 = code.parse().ok()?;
    Some(value * 10u64.pow(12u32.checked_sub(code.len() as u32)?))
}

/// The first `level` levels of a 12-digit code, padded (510104035018 at level 3 → 510104000000).
pub(crate) fn prefix(code: u64, level: u8) -> u64 {
    let keep = match level {
        0 => return 0,
        1 => 2,
        2 => 4,
        3 => 6,
        4 => 9,
        _ => 12,
    };
    let unit = 10u64.pow(12 - keep);
    code / unit * unit
}

pub(crate) fn decompress(data: &[u8]) -> String {
    let bytes = zstd::stream::decode_all(data).expect("the embedded gazetteer decompresses");
    String::from_utf8(bytes).expect("the embedded gazetteer is UTF-8")
}

/// Entries of the lines of `text[range]`, in file order (sorted by code).
fn parse(text: &str, range: std::ops::Range<usize>) -> Vec<Entry> {
    let mut entries = Vec::with_capacity(range.len() / 28);
    let mut at = range.start;
    for line in text[range].split_terminator('\n') {
        let line_start = at;
        at += line.len() + 1;
        let Some((code, name)) = line.split_once('\t') else { continue };
        let level = match code.len() {
            2 => 1,
            4 => 2,
            6 => 3,
            9 => 4,
            12 => 5,
            _ => continue,
        };
        let Some(code) = pad(code) else { continue };
        let name_start = line_start + line.len() - name.len();
        entries.push(Entry {
            code,
            level,
            kind: kind(level, code, name),
            parent: NONE,
            name_start: name_start as u32,
            name_len: name.len().min(u16::MAX as usize) as u16,
            placeholder: level == 2 && PLACEHOLDERS.contains(&name),
        });
    }
    entries
}

fn kind(level: u8, code: u64, name: &str) -> PlaceKind {
    match level {
        1 => PlaceKind::Province,
        2 => PlaceKind::City,
        // County codes 70–80 are the development zones and management areas that statistics list as counties.
        3 if (70..81).contains(&(code / 1_000_000 % 100)) => PlaceKind::Zone,
        3 => PlaceKind::County,
        4 if code / 1000 % 1000 >= FIRST_SIMILAR_TOWNSHIP && ZONE_ENDINGS.iter().any(|z| name.ends_with(z)) => {
            PlaceKind::Zone
        }
        4 => PlaceKind::Township,
        _ => PlaceKind::Community,
    }
}

fn merge(a: Vec<Entry>, b: Vec<Entry>) -> Vec<Entry> {
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.code <= y.code => a.next(),
            (Some(_), Some(_)) => b.next(),
            (Some(_), None) => a.next(),
            (None, Some(_)) => b.next(),
            (None, None) => break,
        };
        merged.extend(next);
    }
    merged
}

/// Sorted by code, parents come first: the parent of an entry is the last entry seen one level up.
fn link_parents(entries: &mut [Entry]) {
    let mut last = [NONE; 6];
    for i in 0..entries.len() {
        let level = entries[i].level as usize;
        let mut parent = NONE;
        for up in (1..level).rev() {
            let p = last[up];
            if p != NONE && prefix(entries[i].code, up as u8) == entries[p as usize].code {
                parent = p;
                break;
            }
        }
        entries[i].parent = parent;
        last[level] = i as u32;
        for deeper in last.iter_mut().skip(level + 1) {
            *deeper = NONE;
        }
    }
}

/// A city without counties (东莞市, 中山市, 儋州市) lists its towns under a county row of its own name: that row
/// only groups them, like 市辖区, and is left out of paths and matching.
fn mark_grouping_counties(text: &str, entries: &mut [Entry]) {
    let name = |e: &Entry| &text[e.name_start as usize..e.name_start as usize + e.name_len as usize];
    for i in 0..entries.len() {
        let entry = entries[i];
        if entry.level == 3 && entry.parent != NONE {
            let city = entries[entry.parent as usize];
            entries[i].placeholder = city.level == 2 && name(&city) == name(&entry);
        }
    }
}

/// The name without bracketed notes and the 办事处 of sub-district offices: `（工业园区）城南街道` → 城南街道.
fn clean(name: &str) -> Cow<'_, str> {
    let mut name = Cow::Borrowed(name);
    while let (Some(open), Some(close)) = (name.find('（'), name.find('）')) {
        if close < open {
            break;
        }
        let mut owned = name.into_owned();
        owned.replace_range(open..close + '）'.len_utf8(), "");
        name = Cow::Owned(owned);
    }
    if let Some(stripped) = name.strip_suffix("办事处").filter(|s| s.ends_with("街道") || s.ends_with("地区")) {
        return Cow::Owned(stripped.to_string());
    }
    name
}

/// A village or community name in its usual short form, and the name without 社区/村:
/// 枫树社区居委会 → (枫树社区, 枫树); 东林村村民委员会 → (东林村, 东林); 南高村委会 → (南高村, 南高);
/// 华悦家园居民委员会 → (华悦家园居委会, 华悦家园).
pub(crate) fn village_short(name: &str) -> Option<(Cow<'_, str>, &str)> {
    // 五里社区村民委员会: a rural community, known as 五里社区.
    for ending in ["社区居民委员会", "社区村民委员会", "社区村委会", "社区居委会", "社区居委", "社区"]
    {
        if let Some(base) = name.strip_suffix(ending) {
            return Some((Cow::Borrowed(&name[..base.len() + "社区".len()]), base));
        }
    }
    for ending in ["村民委员会", "村委会", "村"] {
        if let Some(base) = name.strip_suffix(ending) {
            // 东林村村民委员会: the 村 is part of the name already.
            let short = if base.ends_with('村') { base } else { &name[..base.len() + "村".len()] };
            return Some((Cow::Borrowed(short), short.strip_suffix('村').unwrap_or(short)));
        }
    }
    // Shanghai's texts say 居民区 for the 居委会 of the lists.
    for ending in ["居民委员会", "居委会", "居民区"] {
        if let Some(base) = name.strip_suffix(ending) {
            return Some((Cow::Owned(format!("{base}居委会")), base));
        }
    }
    None
}

/// `name` without the first of `endings` it ends with, when at least two characters remain.
fn strip_any<'a>(name: &'a str, endings: &[&str]) -> Option<&'a str> {
    endings.iter().find_map(|e| name.strip_suffix(e)).filter(|s| s.chars().count() >= 2)
}

/// The place name of an autonomous region: 广西壮族自治区 → 广西, 西藏自治区 → 西藏.
fn autonomous_stem(name: &str) -> Option<&str> {
    let base = name.strip_suffix("自治区")?;
    Some(strip_ethnic(base).unwrap_or(base))
}

/// Strips the ethnic groups an autonomous area is named after: 阿坝藏族羌族 → 阿坝, 巴音郭楞蒙古 → 巴音郭楞.
/// `None` when nothing was stripped or fewer than two characters would remain.
fn strip_ethnic(base: &str) -> Option<&str> {
    let mut rest = base;
    loop {
        let before = rest;
        let (body, with_zu) = match rest.strip_suffix('族') {
            Some(body) => (body, true),
            None => (rest, false),
        };
        // Single-character groups (藏, 白, 水 …) only before 族, so that a name ending in 水 keeps it.
        let group = ETHNIC_GROUPS.iter().find(|g| body.ends_with(*g) && (with_zu || g.chars().count() > 1));
        if let Some(group) = group {
            let remaining = &body[..body.len() - group.len()];
            if remaining.chars().count() >= 2 {
                rest = remaining;
            }
        }
        if rest == before {
            break;
        }
    }
    (rest != base && rest.chars().count() >= 2).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::LazyLock;

    pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::builtin);

    fn index(code: u64) -> u32 {
        GAZETTEER.by_code(code).unwrap()
    }

    fn forms(code: u64) -> Vec<(String, Form)> {
        let lexicon = Lexicon::builtin();
        GAZETTEER.forms(index(code), &lexicon)
    }

    #[test]
    fn loads_every_level_with_parents_and_kinds() {
        let g = &*GAZETTEER;
        assert!(g.len() > 79_000, "{}", g.len());
        let fengshu = index(510104035018);
        assert_eq!(g.official(fengshu), "枫树社区居委会");
        assert_eq!(g.display(fengshu), "枫树社区");
        assert_eq!(g.path(fengshu), ["四川省", "成都市", "锦江区", "成龙路街道", "枫树社区"]);
        assert_eq!(g.entry(fengshu).kind, PlaceKind::Community);
        assert_eq!(g.entry(index(510104035000)).kind, PlaceKind::Township);
        assert_eq!(g.entry(index(510104000000)).kind, PlaceKind::County);
        assert_eq!(g.entry(index(510100000000)).kind, PlaceKind::City);
        // Municipalities: the placeholder city 市辖区 is not in the path.
        assert_eq!(g.path(index(310104012000)), ["上海市", "徐汇区", "虹梅路街道"]);
        // A city without counties: the county row of its name is not in the path either.
        assert_eq!(g.path(index(441900102000)), ["广东省", "东莞市", "石龙镇"]);
        assert!(g.is_within(fengshu, index(510104000000)));
        assert_eq!(g.shared_levels(fengshu, index(510108011009)), 2);
    }

    #[test]
    fn derives_short_forms_with_the_context_they_need() {
        assert_eq!(forms(510000000000), [("四川".into(), Form::ProvinceStem), ("四川省".into(), Form::Full)]);
        assert_eq!(forms(450000000000)[0], ("广西".into(), Form::ProvinceStem));
        assert_eq!(forms(510100000000), [("成都".into(), Form::CityStem), ("成都市".into(), Form::Full)]);
        assert_eq!(
            forms(513200000000),
            [("阿坝州".into(), Form::Full), ("阿坝".into(), Form::CityStem), ("阿坝藏族羌族自治州".into(), Form::Full)]
        );
        assert_eq!(forms(510104000000), [("锦江".into(), Form::CountyStem), ("锦江区".into(), Form::Full)]);
        assert!(forms(310104012000).contains(&("虹梅街道".into(), Form::Variant)));
        assert_eq!(forms(510104035018), [("枫树社区".into(), Form::Full), ("枫树社区居委会".into(), Form::Full)]);
        assert_eq!(forms(510117005002)[0], ("金土社区".into(), Form::Full));
    }

    #[test]
    fn strips_ethnic_groups_but_keeps_short_remainders() {
        assert_eq!(strip_ethnic("恩施土家族苗族"), Some("恩施"));
        assert_eq!(strip_ethnic("巴音郭楞蒙古"), Some("巴音郭楞"));
        assert_eq!(strip_ethnic("东乡族"), None);
        assert_eq!(clean("（工业园区）城南街道"), "城南街道");
        assert_eq!(clean("漓东街道办事处"), "漓东街道");
        assert_eq!(village_short("南高村委会"), Some(("南高村".into(), "南高")));
        assert_eq!(village_short("东林村村民委员会"), Some(("东林村".into(), "东林")));
        assert_eq!(village_short("五里社区村民委员会"), Some(("五里社区".into(), "五里")));
        assert_eq!(village_short("华悦家园居民委员会"), Some(("华悦家园居委会".into(), "华悦家园")));
    }
}
