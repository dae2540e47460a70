//! Places the lists lack, marked in the text by their suffix: a new or out-of-province 社区 or 村, an estate
//! (…小区, …花园, …院落), a zone (…新区), a landmark (…公园, …广场, …大厦, …路, …街).
//!
//! Input: normalized text, the places already found (a name right after its parent is a chain:
//! 石牌街道穗园社区) and the ranges nothing may be found in. The name before a suffix is read backwards to a
//! boundary; it must not be, begin with or end with a common word (组织社区, 老旧小区, 王陈走访社区), and no
//! frequent word may straddle its edges (工作思路, 片区农村). Away from a chain, an unknown 社区 or 村 also needs
//! evidence that it is a place: a post or organ after it (穗园社区党委书记), a verb of going before it
//! (到木杉塘社区), or such evidence for the same name elsewhere in the text — gov reports are full of
//! 居家社区, 开源社区 that are not.

use super::lexicon::Lexicon;
use super::recognizer::{Mention, Source};
use crate::model::PlaceKind;
use crate::statements::lexicon::COMMON_SURNAMES;
use crate::text::normalize::is_cjk;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;
use std::ops::Range;

/// A suffix and what it makes of the name before it.
struct Suffix {
    text: &'static str,
    kind: PlaceKind,
    /// Longest name before the suffix, in characters.
    max_chars: usize,
    /// What the name needs besides being plausible.
    needs: Needs,
    /// Characters right before the suffix that make a word of it (思路, 农村, 城乡): no name ends there.
    not_after: &'static str,
    /// Characters right after the suffix that show it is part of another word (村民, 街区).
    not_before: &'static str,
}

/// What a name before a suffix needs besides being a plausible name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    /// Nothing: the suffix names an organ (居委会) or a built thing (小区, 公园).
    Nothing,
    /// To begin at a clear boundary (punctuation, a function word) or right after a place: zones, which gov
    /// reports coin by the dozen (产业集群示范区).
    Boundary,
    /// Evidence that it is a place (see the module docs), unless right after its parent.
    Evidence,
    /// Its parent right before it (an unknown 街道 or 镇 is a rename or a slip: all current ones are listed).
    Parent,
}

const fn suffix(text: &'static str, kind: PlaceKind, max_chars: usize, needs: Needs) -> Suffix {
    Suffix { text, kind, max_chars, needs, not_after: "", not_before: "" }
}

const fn around(not_after: &'static str, not_before: &'static str, suffix: Suffix) -> Suffix {
    Suffix { not_after, not_before, ..suffix }
}

use Needs::{Boundary, Evidence, Nothing, Parent};
use PlaceKind::{Community, Estate, Landmark, Township, Zone};

/// At most 64, so that the automaton keeps its fast prefilter (aho-corasick's Teddy takes no more): a rarer suffix
/// (…陈列馆, …遗址公园) is read through a shorter one (…馆 is none; …公园 is) or a landmark list instead.
const SUFFIXES: &[Suffix] = &[
    around("", "报", suffix("社区", Community, 5, Evidence)),
    suffix("居委会", Community, 6, Nothing),
    suffix("居民委员会", Community, 6, Nothing),
    suffix("居民区", Community, 6, Nothing),
    suffix("村委会", Community, 4, Nothing),
    suffix("村民委员会", Community, 4, Nothing),
    around("农乡山渔全本该各邻城中", "社民级落镇庄寨容貌头口史规务情干集组子里", suffix("村", Community, 4, Evidence)),
    suffix("嘎查", Community, 4, Nothing),
    around("", "办", suffix("街道", Township, 5, Parent)),
    around("城乡集村坐重古小", "压守静定痛", suffix("镇", Township, 4, Parent)),
    around("城家故老下返回同异他", "村镇愁亲土贤情音下", suffix("乡", Township, 4, Parent)),
    suffix("小区", Estate, 6, Nothing),
    suffix("花园", Estate, 4, Nothing),
    suffix("家园", Estate, 4, Nothing),
    around("", "区", suffix("苑", Estate, 4, Nothing)),
    suffix("院落", Estate, 4, Nothing),
    suffix("新区", Zone, 4, Boundary),
    suffix("高新区", Zone, 4, Boundary),
    suffix("开发区", Zone, 6, Boundary),
    suffix("经济开发区", Zone, 4, Boundary),
    suffix("经济技术开发区", Zone, 4, Boundary),
    suffix("高新技术产业开发区", Zone, 4, Boundary),
    suffix("经开区", Zone, 4, Boundary),
    suffix("示范区", Zone, 6, Boundary),
    suffix("片区", Zone, 4, Boundary),
    suffix("科学城", Zone, 4, Boundary),
    suffix("科技城", Zone, 4, Boundary),
    suffix("经济区", Zone, 4, Boundary),
    around("", "城", suffix("公园", Landmark, 6, Nothing)),
    around("", "舞", suffix("广场", Landmark, 5, Nothing)),
    suffix("大厦", Landmark, 5, Nothing),
    suffix("产业园", Landmark, 6, Nothing),
    suffix("产业园区", Landmark, 6, Nothing),
    around("", "路", suffix("大道", Landmark, 4, Nothing)),
    suffix("步行街", Landmark, 4, Nothing),
    suffix("古镇", Landmark, 4, Nothing),
    suffix("景区", Landmark, 5, Nothing),
    suffix("风景区", Landmark, 5, Nothing),
    suffix("度假区", Landmark, 6, Nothing),
    suffix("森林公园", Landmark, 5, Nothing),
    suffix("湿地公园", Landmark, 5, Nothing),
    suffix("历史文化街区", Landmark, 5, Nothing),
    suffix("大街", Landmark, 4, Nothing),
    suffix("教堂", Landmark, 4, Nothing),
    suffix("纪念碑", Landmark, 5, Nothing),
    suffix("纪念塔", Landmark, 5, Nothing),
    suffix("遗址", Landmark, 5, Nothing),
    suffix("水库", Landmark, 4, Nothing),
    suffix("书院", Landmark, 4, Nothing),
    suffix("古城", Landmark, 4, Nothing),
    suffix("石窟", Landmark, 4, Nothing),
    suffix("绿道", Landmark, 4, Nothing),
    suffix("博物馆", Landmark, 6, Nothing),
    suffix("图书馆", Landmark, 6, Nothing),
    suffix("文化馆", Landmark, 6, Nothing),
    suffix("纪念馆", Landmark, 6, Nothing),
    suffix("美术馆", Landmark, 6, Nothing),
    suffix("科技馆", Landmark, 6, Nothing),
    suffix("体育馆", Landmark, 6, Nothing),
    suffix("邻里中心", Landmark, 5, Nothing),
    suffix("国际机场", Landmark, 4, Nothing),
    around(
        "电思道线公铁网链丝出新马一销套门进来去走带领让修铺开水陆回迷末前后心活绝之老歧弯近远支",
        "径线子数演费况灯标网条人程面口由社",
        suffix("路", Landmark, 4, Nothing),
    ),
    around("商背名上逛沿临当满", "道区巷头坊面景市舞边角", suffix("街", Landmark, 4, Nothing)),
];

/// Characters that end the name read backwards: function words and verbs of direction (东至虹漕路 → 虹漕路).
const STOPS: &str = "的了在到是与和及对将把从被给让使于等各每该此这那之或并也就还又而且至往赴我你他她们要已个为以有";

/// Prepositions after which a name may begin (向沙步社区 → 沙步社区).
const LEADING: &str = "向同跟";

/// Characters a name does not begin with (measure words, prepositions, adverbs, one-character verbs: 条道路,
/// 只靠社区, 建铁路).
const NOT_FIRST: &str = "条批级万亿个项座所家处种类次名位户套栋幢层期同跟向只靠也都才再更很最不没未曾正刚便仅均皆建做补通探闯上进抓促推提加看";

/// Last characters that make a name an area or a concept rather than a name (景区社区, 精准化社区, 跨省域).
const NOT_LAST: &str = "区市县省镇乡化性式型级类域址";

/// Verbs that stand right before a place's name and are no part of it (紧邻翠湖公园, 依托潘安湖湿地公园).
const VERBS_BEFORE_NAMES: &[&str] = &[
    "紧邻", "毗邻", "依托", "位于", "建成", "打造", "新建", "改造", "提升", "辖区", "解锁", "走进", "来到", "下辖",
    "包括",
];

/// Name endings that let a name begin with a common word (建设路, 人民南路 are names though 建设 is common).
const NAME_ENDINGS: &str = "路街里巷桥湾坝沟坪园苑院楼山湖河江南北东西门口塘池堰";

/// Words after an unknown 社区 or 村 that show it is a place: its organs and posts.
const ORGANS_AFTER: &[&str] = &[
    "党委",
    "党总支",
    "党支部",
    "党组织",
    "党群",
    "居委会",
    "居民委员会",
    "村委会",
    "村民委员会",
    "两委",
    "书记",
    "主任",
    "工作站",
    "服务站",
    "服务中心",
    "网格",
    "居民",
    "村民",
    "辖区",
    "位于",
    "成立",
    "工作人员",
    "社工",
];

/// Posts of a 社区 or 村 right after it, which make a place of a name that is a common word.
const POSTS_AFTER: &[&str] =
    &["党委书记", "党委副书记", "党总支书记", "党支部书记", "党组织书记", "居委会主任", "村委会主任", "书记", "主任"];

/// Verbs of going right before an unknown 社区 or 村 (到木杉塘社区调研).
const GOING_BEFORE: &[&str] = &["到", "赴", "走进", "来到", "前往", "走访", "位于", "深入", "在"];

/// Finds names by suffix.
#[derive(Debug)]
pub(crate) struct SuffixModel {
    automaton: AhoCorasick,
}

/// A name found before a suffix, before evidence is weighed.
struct Candidate {
    range: Range<usize>,
    kind: PlaceKind,
    name: Range<usize>,
    needs_evidence: bool,
    evidence: bool,
    /// A name no plausibility test accepts (see [`name_start`]).
    doubtful: bool,
}

impl SuffixModel {
    pub(crate) fn new() -> Self {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(SUFFIXES.iter().map(|s| s.text))
            .expect("the place suffixes build an automaton");
        Self { automaton }
    }

    /// The length and kind of a suffix that `rest` begins with and that makes a name of `name` before it:
    /// 路 after 中山, 高新区 after 成都 — but not 街 in 街巷, 乡 after 通城 (城乡), nor a suffix whose names need
    /// more evidence than a division's short form gives (社区, 村, 镇).
    pub(crate) fn continues_name(&self, name: &str, rest: &str) -> Option<(usize, PlaceKind)> {
        // 南京东路, 人民西街: a direction between the name and a street's suffix.
        if let Some(street) = rest.strip_prefix(['东', '西', '南', '北', '中'])
            && let Some((len, kind)) = self.continues_name(name, street)
            && kind == Landmark
            && ["路", "街", "大道", "大街"].iter().any(|s| street[..len].starts_with(s))
        {
            return Some((len + '东'.len_utf8(), kind));
        }
        // The longest suffix has nine characters; one more shows what follows it.
        let head = &rest[..rest.char_indices().nth(10).map_or(rest.len(), |(i, _)| i)];
        let m = self.automaton.find(head).filter(|m| m.start() == 0)?;
        let suffix = &SUFFIXES[m.pattern().as_usize()];
        let joins_before = name.chars().next_back().is_some_and(|c| suffix.not_after.contains(c));
        let joins_after = head[m.end()..].chars().next().is_some_and(|c| suffix.not_before.contains(c));
        let strong = matches!(suffix.needs, Nothing | Boundary);
        (strong && !joins_before && !joins_after).then_some((m.end(), suffix.kind))
    }

    /// Unlisted places of `text`, outside `taken` (sorted ranges of places found and phrases hidden); `found` are
    /// the places found so far (sorted), for chains. Each comes with whether the text attests it; an unattested
    /// 社区 or 村 is a place only if a list holds it under a division the document names (see `Places::find`).
    pub(crate) fn find(
        &self,
        text: &str,
        lexicon: &Lexicon,
        found: &[Mention],
        taken: &[Range<usize>],
    ) -> Vec<(Mention, bool)> {
        let mut candidates: Vec<Candidate> = Vec::new();
        for m in self.automaton.find_iter(text) {
            let suffix = &SUFFIXES[m.pattern().as_usize()];
            if overlaps(taken, m.range()) || candidates.last().is_some_and(|c| c.range.end > m.start()) {
                continue;
            }
            if text[m.end()..].chars().next().is_some_and(|c| suffix.not_before.contains(c)) {
                continue;
            }
            if text[..m.start()].chars().next_back().is_some_and(|c| suffix.not_after.contains(c)) {
                continue;
            }
            let parent = parent_before(found, m.start(), suffix.kind);
            let Some((start, chained, clear, doubtful)) = name_start(text, m.start(), suffix, lexicon, parent, taken)
            else {
                continue;
            };
            if (suffix.needs == Parent && !chained) || (suffix.needs == Boundary && !chained && !clear) {
                continue;
            }
            let rest = &text[m.end()..];
            let before = &text[..start];
            // A longer name over the same start (黄门街 → 黄门街社区) replaces the one found first.
            if candidates.last().is_some_and(|c| c.range.start >= start) {
                candidates.pop();
            }
            candidates.push(Candidate {
                range: start..m.end(),
                kind: suffix.kind,
                name: start..m.start(),
                needs_evidence: suffix.needs == Evidence && !chained,
                evidence: !doubtful
                    && (ORGANS_AFTER.iter().any(|w| rest.starts_with(w))
                        || GOING_BEFORE.iter().any(|w| before.ends_with(w))),
                doubtful,
            });
        }
        // A name with evidence anywhere counts everywhere (穗园社区党委书记 … 代表穗园社区).
        let attested: HashSet<&str> = candidates
            .iter()
            .filter(|c| !c.doubtful && (!c.needs_evidence || c.evidence))
            .map(|c| &text[c.name.clone()])
            .collect();
        candidates
            .into_iter()
            .map(|c| {
                let attested = !c.doubtful && (!c.needs_evidence || attested.contains(&text[c.name.clone()]));
                (Mention { range: c.range, kind: c.kind, source: Source::Unlisted }, attested)
            })
            .collect()
    }
}

/// The end of the last place of `found` (sorted) before `at`, the suffix, when it can be the parent of a place
/// of `kind` (a community under a township or county, a township under a county or city; landmarks and estates
/// may follow any place: 关口场社区花村街). The name before the suffix is chained to it only if it begins right
/// where the parent ends (石牌街道|穗园|社区), which [`name_start`] checks.
fn parent_before(found: &[Mention], at: usize, kind: PlaceKind) -> Option<usize> {
    let i = found.partition_point(|f| f.range.end <= at);
    let parent = found[..i].last()?;
    let fits = match kind {
        PlaceKind::Community => matches!(parent.kind, PlaceKind::Township | PlaceKind::County | PlaceKind::Zone),
        PlaceKind::Township => matches!(parent.kind, PlaceKind::County | PlaceKind::City | PlaceKind::Zone),
        _ => parent.kind != PlaceKind::Country,
    };
    fits.then_some(parent.range.end)
}

fn overlaps(taken: &[Range<usize>], range: Range<usize>) -> bool {
    let i = taken.partition_point(|t| t.end <= range.start);
    taken.get(i).is_some_and(|t| t.start < range.end)
}

/// Where the name before the suffix at `at` begins, whether it follows its parent, whether it begins at a
/// clear boundary, and whether it is doubtful — if there is a name at all. A doubtful name (太平角 before 社区: 太平
/// is a common word) is the whole run back to a clear boundary that the plausibility tests reject; only a list
/// can confirm it, or one of its posts right after it (幸福社区党委书记).
fn name_start(
    text: &str,
    at: usize,
    suffix: &Suffix,
    lexicon: &Lexicon,
    parent_end: Option<usize>,
    taken: &[Range<usize>],
) -> Option<(usize, bool, bool, bool)> {
    // A frequent word across the name's end (思路, 农村, 城镇) means the suffix is that word's last character.
    if lexicon.word_crosses(text, at) {
        return None;
    }
    // The characters before the suffix, nearest first, back to a boundary or max_chars; `hard` when a boundary
    // (not the length) ended the walk.
    let mut starts: Vec<usize> = Vec::new();
    let mut hard = true;
    for (i, c) in text[..at].char_indices().rev() {
        let end = i + c.len_utf8();
        if parent_end == Some(end) || overlaps(taken, i..end) || !is_cjk(c) || STOPS.contains(c) {
            break;
        }
        if starts.len() == suffix.max_chars {
            hard = false;
            break;
        }
        starts.push(i);
    }
    let run_start = *starts.last()?;
    if parent_end == Some(run_start) && hard {
        let name = &text[run_start..at];
        // Right after its parent a name may be a word (关口场, 红旗) but not begin with an everyday one.
        let plausible = name.chars().count() >= 2
            && !lexicon.is_frequent(name)
            && !ends_badly(name, lexicon)
            && !name.chars().next().is_some_and(|c| NOT_FIRST.contains(c))
            && !VERBS_BEFORE_NAMES.iter().any(|v| name.starts_with(v))
            && !lexicon.begins_with_everyday_word(name);
        if plausible {
            return Some((run_start, true, true, false));
        }
    }
    // Longest first: a start is plausible after a boundary or a preposition, or where a frequent word ends and
    // none straddles.
    for (k, &start) in starts.iter().enumerate().rev().take_while(|(k, _)| *k >= 1) {
        let previous = text[..start].chars().next_back();
        let clear = (k + 1 == starts.len() && hard) || previous.is_some_and(|c| LEADING.contains(c));
        let after_verb = VERBS_BEFORE_NAMES.iter().any(|v| text[..start].ends_with(v));
        let after_word = (after_verb || ends_with_word(&text[..start], lexicon)) && !lexicon.word_crosses(text, start);
        if (clear || after_word) && (is_name(&text[start..at], lexicon) || is_estates_name(&text[start..at], lexicon)) {
            return Some((start, false, clear, false));
        }
    }
    let whole = &text[run_start..at];
    if suffix.needs != Evidence || !hard || !(2..=6).contains(&whole.chars().count()) {
        return None;
    }
    // Its posts vouch for a name that is a common word (幸福社区党委书记高峰, 新华社区居委会主任李华).
    // The post is someone's: a name follows it (幸福社区党委书记高峰; not 开展社区书记培训).
    let after = &text[at + suffix.text.len()..];
    let named = |post: &&str| {
        after.strip_prefix(*post).and_then(|r| r.chars().next()).is_some_and(|c| COMMON_SURNAMES.contains(c))
    };
    let staffed = POSTS_AFTER.iter().any(named)
        && whole.chars().count() <= 4
        && !whole.chars().next().is_some_and(|c| NOT_FIRST.contains(c))
        && !is_count(whole)
        && !ends_in_a_campaign_verb(whole)
        && !VERBS_BEFORE_NAMES.iter().any(|v| whole.starts_with(v))
        && !lexicon.opens_with_shorter_everyday_word(whole);
    Some((run_start, false, true, !staffed))
}

/// Whether `before` ends with a frequent word of two or three characters.
fn ends_with_word(before: &str, lexicon: &Lexicon) -> bool {
    before.char_indices().rev().skip(1).take(2).any(|(i, _)| lexicon.is_frequent(&before[i..]))
}

/// Whether the name ends like an area or concept (景区, 精准化) or with a common word (王陈走访).
fn ends_badly(name: &str, lexicon: &Lexicon) -> bool {
    if name.chars().next_back().is_some_and(|c| NOT_LAST.contains(c)) {
        return true;
    }
    let count = name.chars().count();
    count >= 3 && name.char_indices().rev().nth(1).is_some_and(|(i, _)| lexicon.is_frequent(&name[i..]))
}

/// Estate words that end the name of the community an estate makes (百步亭花园社区, 锦绣家园社区).
const ESTATE_ENDINGS: &[&str] = &["花园", "家园", "新村", "小区", "公寓", "新城"];

/// Whether `name` is an estate's (a plausible name and an estate word) that a community is named after.
fn is_estates_name(name: &str, lexicon: &Lexicon) -> bool {
    ESTATE_ENDINGS.iter().any(|e| name.strip_suffix(e).is_some_and(|base| is_name(base, lexicon)))
}

/// Whether a name begins with a count (四位社区书记, 两个小区, 30余名社区书记, 三大景区).
fn is_count(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| "一二两三四五六七八九十几百千万余多数".contains(c))
        && chars.next().is_some_and(|c| "位个名户家所座条项批类种处大".contains(c))
}

/// Whether a name ends with a verb that joins a campaign to its place (普法宣传进景区, 茶园变景区, 文旅兴街): two
/// characters are names (前进村, 复兴路), three or more a phrase.
fn ends_in_a_campaign_verb(name: &str) -> bool {
    name.chars().count() >= 3 && name.ends_with(['进', '变', '兴', '入'])
}

/// A plausible name: two or more characters, not a common word, not beginning with a character or common word
/// names do not begin with (unless one street or place character follows the word: 建设路, 人民南), not
/// ending badly.
fn is_name(name: &str, lexicon: &Lexicon) -> bool {
    if name.chars().count() < 2 || lexicon.is_frequent(name) || ends_badly(name, lexicon) {
        return false;
    }
    // 紧邻翠湖公园: a verb before the name.
    if is_count(name) || ends_in_a_campaign_verb(name) || VERBS_BEFORE_NAMES.iter().any(|v| name.starts_with(v)) {
        return false;
    }
    if name.chars().next().is_some_and(|c| NOT_FIRST.contains(c)) {
        return false;
    }
    name.char_indices().skip(2).take(2).all(|(i, _)| {
        let rest = &name[i..];
        !lexicon.is_frequent(&name[..i]) || rest.chars().count() == 1 && NAME_ENDINGS.contains(rest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, PlaceKind)> {
        let lexicon = Lexicon::builtin();
        let found = SuffixModel::new().find(text, &lexicon, &[], &[]);
        found.into_iter().filter(|(_, attested)| *attested).map(|(m, _)| (&text[m.range], m.kind)).collect()
    }

    #[test]
    fn finds_unlisted_communities_estates_and_landmarks() {
        assert_eq!(names("穗园社区党委书记孙明芳"), [("穗园社区", PlaceKind::Community)]);
        assert_eq!(names("他到木杉塘社区调研,木杉塘社区班子"), [("木杉塘社区", PlaceKind::Community); 2]);
        assert_eq!(names("东至虹漕路,南至漕宝路"), [("虹漕路", PlaceKind::Landmark), ("漕宝路", PlaceKind::Landmark)]);
        assert_eq!(names("以龙都新苑小区示范点打造为契机"), [("龙都新苑小区", PlaceKind::Estate)]);
        assert_eq!(names("住在金象花园"), [("金象花园", PlaceKind::Estate)]);
        assert_eq!(names("华悦家园居民委员会成立于2018年"), [("华悦家园居民委员会", PlaceKind::Community)]);
        assert_eq!(
            names("穗园社区党委书记,代表穗园社区向沙步社区赠送,沙步社区书记"),
            [
                ("穗园社区", PlaceKind::Community),
                ("穗园社区", PlaceKind::Community),
                ("沙步社区", PlaceKind::Community),
                ("沙步社区", PlaceKind::Community)
            ]
        );
    }

    #[test]
    fn concepts_and_verbs_before_a_suffix_are_not_names() {
        for text in [
            "组织社区党员",
            "聚焦社区一线",
            "提升社区居住品质",
            "更新小区闲置空间",
            "老旧小区改造",
            "空中花园",
            "打造街巷院落",
            "的思路",
            "全市最差街道",
            "王陈走访社区内老人",
            "只靠社区两委不行",
            "工作思路",
            "168条道路",
            "片区农村",
            "为老人提供居家社区养老服务",
            "开源社区",
            "动迁安置小区",
            "三是精准化社区服务",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }
}
