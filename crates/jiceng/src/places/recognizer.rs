//! Finds the places the name table knows in normalized text: one leftmost-longest pass, then context rules that
//! drop what is part of something else.
//!
//! Output: mentions in document order (a division with its candidate entries, a landmark, a user place) and the
//! ranges that phrases which are not places hide. Whether a weak form (a stem such as 锦江) counts, and which
//! entry a name is, the resolver decides with the whole document in view.

use super::gazetteer::{Form, Gazetteer};
use super::lexicon::Lexicon;
use super::names::{Names, Target};
use super::suffixes::SuffixModel;
use crate::model::PlaceKind;
use crate::text::normalize::is_cjk;
use std::ops::Range;

/// Words after a place name that make it part of an organisation's or medium's name (四川日报, 成都大学,
/// 中山医院).
const ORGANISATION_FOLLOWERS: &[&str] = &[
    "日报",
    "晚报",
    "商报",
    "都市报",
    "社区报",
    "电视台",
    "广播电视台",
    "卫视",
    "大学",
    "学院",
    "师范",
    "理工",
    "职业技术",
    "医院",
    "中学",
    "小学",
    "学校",
    "公司",
    "集团",
    "银行",
    "研究院",
    "商会",
    "协会",
    // Dishes named after their city (北京烤鸭, 兰州拉面): the dish, not the place.
    "烤鸭",
    "拉面",
    "小面",
    "火锅",
    "串串",
    "热干面",
    "米线",
    "米粉",
    // A plain or basin named after it (成都平原).
    "平原",
    "盆地",
];

/// Characters after a short form that make it the beginning of a river, mountain or other feature's name
/// (嘉陵江, 贡嘎山, 大巴山南麓): the short form is not the division.
const FEATURE_CONTINUATIONS: &str = "江河山湖峰岭溪海湾港岛桥站塔寺庙";

/// How a mention was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// A division name: the entries it may be, in the form it was written.
    Division {
        candidates: Vec<u32>,
        form: Form,
        /// The short form straddles a common word (保定 in 确保定期): it needs the document's support.
        fragment: bool,
    },
    /// A built-in landmark (or country, Hong Kong …).
    Landmark,
    /// A place the user added (index into the user places).
    User(u32),
    /// A name the lists lack, marked by its suffix (穗园社区, 金象花园).
    Unlisted,
}

/// A place mentioned in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Byte range in the normalized text.
    pub(crate) range: Range<usize>,
    pub(crate) kind: PlaceKind,
    pub(crate) source: Source,
}

/// What one pass over a text found.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub(crate) mentions: Vec<Mention>,
    /// Ranges inside phrases that are not places: nothing is found there.
    pub(crate) hidden: Vec<Range<usize>>,
}

/// The known places of `text`.
pub(crate) fn scan(
    text: &str,
    names: &Names,
    gazetteer: &Gazetteer,
    lexicon: &Lexicon,
    suffixes: &SuffixModel,
    user_kinds: &[PlaceKind],
) -> Scan {
    let mut scan = Scan::default();
    for hit in names.find_iter(text) {
        let range = hit.range.clone();
        let rest = &text[range.end..];
        // A title that is a place name (a song, 《成都》) and the country beginning an organisation's name
        // (中国社区发展协会) are no mentions of the place.
        let title = text[..range.start].ends_with('《') && rest.starts_with('》');
        if hit.targets.contains(&Target::NotAPlace) || title || is_national_organisation(&text[range.clone()], rest) {
            scan.hidden.push(range);
            continue;
        }
        let user = hit.targets.iter().find_map(|t| match t {
            Target::User(u) => Some(*u),
            _ => None,
        });
        if let Some(user) = user {
            scan.mentions.push(Mention { range, kind: user_kinds[user as usize], source: Source::User(user) });
            continue;
        }
        let landmark = hit.targets.iter().find_map(|t| match t {
            Target::Landmark(l) => Some(*l),
            _ => None,
        });
        // 芙蓉街社区, 翠湖社区: a landmark's name beginning a community's or a street's is that division's.
        if let Some(landmark) = landmark.filter(|_| !begins_a_divisions_name(rest)) {
            let kind = lexicon.landmarks[landmark as usize].1;
            // 深圳湾公园, 解放碑步行街, 天安门广场: a site's name begins a longer one, read whole.
            let range = match suffixes.continues_name(&text[range.clone()], rest) {
                Some((len, PlaceKind::Landmark)) if !begins_a_divisions_name(&rest[len..]) => {
                    range.start..range.end + len
                }
                _ => range,
            };
            scan.mentions.push(Mention { range, kind, source: Source::Landmark });
            continue;
        }
        let mut candidates = Vec::with_capacity(hit.targets.len());
        let mut form = Form::Full;
        for target in hit.targets {
            if let Target::Entry { index, form: f } = target {
                candidates.push(*index);
                form = *f;
            }
        }
        // 深圳市民中心, 深圳市场: the 市 is the first character of 市民 or 市场; the city is named by its stem. Not
        // before a bureau (成都市民政局, 市民族宗教局) or a division (北流市民安镇).
        let mut range = range;
        let bureau = ["民政", "民族", "民宗", "民防"].iter().any(|w| rest.starts_with(w));
        if text[range.clone()].ends_with('市')
            && (rest.starts_with('民') || rest.starts_with('场'))
            && range.len() > 6
            && !bureau
            && !begins_a_division(names, text, range.end)
        {
            range.end -= '市'.len_utf8();
        }
        // 新华社区居民委员会 where the data lists 新华社区居委会: the organ's name in another form, so the community's
        // other entries are candidates too.
        for (organ, place) in [("居民委员会", "社区"), ("居委会", "社区"), ("村民委员会", "村"), ("村委会", "村")]
        {
            let Some(stem) = text[range.clone()].strip_suffix(organ) else { continue };
            let short = if stem.ends_with(place) { stem.to_string() } else { format!("{stem}{place}") };
            for target in names.get(&short).unwrap_or_default() {
                if let Target::Entry { index, .. } = target
                    && !candidates.contains(index)
                {
                    candidates.push(*index);
                }
            }
            // 红星街社区居委会主任: the organ goes with its post; the place is the community.
            if stem.ends_with(place) && ["主任", "副主任", "委员"].iter().any(|p| rest.starts_with(p)) {
                range.end -= organ.len();
            }
            break;
        }
        if candidates.is_empty() {
            continue;
        }
        // Not before a street named after one (海淀区学院路街道, 二七区大学路). A school numbered after its
        // city (成都七中, 成都石室中学 aside) is an organisation too.
        let organisation = ORGANISATION_FOLLOWERS.iter().find(|f| rest.starts_with(*f));
        let numbered_school =
            rest.trim_start_matches(crate::plans::numerals::is_chinese_digit).starts_with(['中', '小'])
                && rest.starts_with(crate::plans::numerals::is_chinese_digit);
        if numbered_school || organisation.is_some_and(|f| !rest[f.len()..].starts_with(['路', '街'])) {
            scan.hidden.push(range);
            continue;
        }
        let stem = matches!(form, Form::ProvinceStem | Form::CityStem | Form::CountyStem);
        // 中山路, 四川路, 成都高新区: the short form begins a longer name, read whole here.
        if stem {
            if let Some((len, kind)) = suffixes.continues_name(&text[range.clone()], rest) {
                // 陇西路社区: the street's name in turn begins a community's, which the suffix model finds.
                if !begins_a_divisions_name(&rest[len..]) {
                    let range = range.start..range.end + len;
                    scan.mentions.push(Mention { range, kind, source: Source::Unlisted });
                }
                continue;
            }
            // 嘉陵江, 双流机场; and 吉林社区, 北京街道: the short form begins the name of a feature, a community or a
            // street, not the division — unless a division's name begins there (南京江宁区, 浙江湖州).
            let begins_name = ["机场", "国际机场", "社区", "街道"].iter().any(|w| rest.starts_with(w));
            let feature = rest.chars().next().is_some_and(|c| FEATURE_CONTINUATIONS.contains(c));
            if (feature && !begins_a_division(names, text, range.end)) || begins_name {
                continue;
            }
            // 沿着锦江散步, 西湖边: a river, lake or mountain named like the division.
            if is_the_feature(&text[..range.start], &text[range.clone()], rest) {
                scan.hidden.push(range);
                continue;
            }
            if is_demonym(rest) || is_persons_name(text, range.clone(), rest) {
                scan.hidden.push(range);
                continue;
            }
        }
        // 平安街道创建, 幸福社区建设: a campaign's goal named like a division, not the division.
        if (rest.starts_with("建设") || rest.starts_with("创建"))
            && CAMPAIGN_WORDS.iter().any(|w| text[range.clone()].starts_with(w))
        {
            scan.hidden.push(range);
            continue;
        }
        // Short forms, full names of three characters or fewer below the city (大兴区 in 五大兴区战役, 和县 in
        // 市和县级) and village names (代化社区 in 现代化社区) may be pieces of other words.
        let levels = |min: u8| candidates.iter().all(|&c| gazetteer.entry(c).level >= min);
        let short = form == Form::Full && (text[range.clone()].chars().count() <= 3 && levels(3) || levels(5));
        let fragment =
            (stem || short) && (is_fragment(text, range.clone(), lexicon) || is_county_in_a_word(text, range.clone()));
        let kind = majority_kind(gazetteer, &candidates);
        scan.mentions.push(Mention { range, kind, source: Source::Division { candidates, form, fragment } });
    }
    scan
}

/// Whether `rest`, right after a name, makes it the name of a community or street (芙蓉街社区, 陇西路社区,
/// 北京街道): the whole is that division's, found as such.
fn begins_a_divisions_name(rest: &str) -> bool {
    ["社区", "街道", "村委会", "居委会"].iter().any(|w| rest.starts_with(w))
}

/// Whether a division's name (in full, or a province's or city's short form) begins at byte `at` of `text`.
fn begins_a_division(names: &Names, text: &str, at: usize) -> bool {
    names.longest_at(text, at).is_some_and(|hit| {
        hit.targets
            .iter()
            .any(|t| matches!(t, Target::Entry { form: Form::Full | Form::ProvinceStem | Form::CityStem, .. }))
    })
}

/// Words after a river's, lake's or mountain's name that speak of the feature (锦江边, 西湖畔, 崂山脚下).
const FEATURE_AFTER: &[&str] = &[
    "边", "畔", "两岸", "沿岸", "沿线", "之滨", "之畔", "岸边", "水", "上游", "下游", "中游", "流域", "河道", "河段",
    "江段", "夜游", "山顶", "山脚", "脚下", "之巅", "山上", "山下",
];
/// Words before a river's, lake's or mountain's name that speak of the feature (沿着锦江, 登崂山).
const FEATURE_BEFORE: &[&str] = &["沿着", "沿", "横跨", "跨过", "畅游", "泛舟", "登上", "登", "爬"];

/// Whether a short form that ends like a feature's name (锦江, 西湖, 崂山) names the feature in its context.
fn is_the_feature(before: &str, name: &str, rest: &str) -> bool {
    name.ends_with(['江', '河', '湖', '山', '海', '溪'])
        && (FEATURE_AFTER.iter().any(|w| rest.starts_with(w)) || FEATURE_BEFORE.iter().any(|w| before.ends_with(w)))
}

/// Words that begin the goals of campaigns (平安街道创建, 文明村镇建设).
const CAMPAIGN_WORDS: &[&str] =
    &["平安", "幸福", "文明", "和谐", "美丽", "智慧", "法治", "绿色", "健康", "宜居", "共建"];

/// What may follow 湖南人 when 人 ends the word: particles and the verbs of being and saying.
const AFTER_DEMONYM: &str = "的们也都在是说和对从把被就还";

/// 湖南人, 广东籍: where a person is from, not a place the text is about. 人 must end the word (成都人均, 四川人民,
/// 重庆人力资源 speak of the place).
fn is_demonym(rest: &str) -> bool {
    let person = rest
        .strip_prefix('人')
        .is_some_and(|r| r.chars().next().is_none_or(|c| !is_cjk(c) || AFTER_DEMONYM.contains(c)));
    person || rest.starts_with('籍')
}

/// Role words that end right before a person's name (网格员王成都, 书记李长春).
const ROLE_ENDINGS: &str = "员长记任民师者生警";

/// 网格员王成都, 李长春说: a common surname before a short form, after a role or before a speech verb, makes a
/// person's name.
fn is_persons_name(text: &str, range: Range<usize>, rest: &str) -> bool {
    let mut before = text[..range.start].chars().rev();
    let (Some(surname), previous) = (before.next(), before.next()) else { return false };
    let named = previous.is_some_and(|c| ROLE_ENDINGS.contains(c) || c == '、')
        || ["说", "表示", "介绍", "告诉"].iter().any(|v| rest.starts_with(v));
    named && crate::statements::lexicon::COMMON_SURNAMES.contains(surname)
}

/// Ends of the names of associations and societies, which run on for some words after the country's name.
const ASSOCIATIONS: &[&str] = &["协会", "学会", "研究会", "基金会", "联合会", "促进会"];

/// Whether `name` is the country and `rest` continues it into an association's name within a few words.
fn is_national_organisation(name: &str, rest: &str) -> bool {
    if !matches!(name, "中国" | "中华") {
        return false;
    }
    let words: Vec<usize> = rest.char_indices().take_while(|&(_, c)| is_cjk(c)).take(10).map(|(i, _)| i).collect();
    words.iter().any(|&i| ASSOCIATIONS.iter().any(|a| rest[i..].starts_with(a)))
}

/// The kind most candidates have (they nearly always agree).
fn majority_kind(gazetteer: &Gazetteer, candidates: &[u32]) -> PlaceKind {
    let mut counts: Vec<(PlaceKind, usize)> = Vec::new();
    for &c in candidates {
        let kind = gazetteer.entry(c).kind;
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some(count) => count.1 += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map_or(PlaceKind::Community, |(k, _)| *k)
}

/// Whether a county's name of two characters (荣县, 代县, 新县) is rather the end of another word and the
/// beginning of one with 县 (代县长, 新县城, 县级, 县域), or a level in a list (省、市和县).
fn is_county_in_a_word(text: &str, range: Range<usize>) -> bool {
    let name = &text[range.clone()];
    if name.chars().count() != 2 || !name.ends_with('县') {
        return false;
    }
    let next = text[range.end..].chars().next();
    let previous = text[..range.start].chars().next_back();
    next.is_some_and(|c| "长城级域委里乡".contains(c)) || previous.is_some_and(|c| "市省".contains(c))
}

/// Whether a very frequent word crosses either end of `range` (保定 in 确保定期, 新都 in 重新都, 大兴区 in
/// 五大兴区战役), so that its characters more likely belong to other words.
pub(crate) fn is_fragment(text: &str, range: Range<usize>, lexicon: &Lexicon) -> bool {
    lexicon.word_crosses(text, range.start) || lexicon.word_crosses(text, range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_form_inside_common_words_is_a_fragment() {
        let lexicon = Lexicon::builtin();
        let text = "确保定期开展";
        let at = text.find("保定").unwrap();
        assert!(is_fragment(text, at..at + "保定".len(), &lexicon));
        let text = "深入成都街巷";
        let at = text.find("成都").unwrap();
        assert!(!is_fragment(text, at..at + "成都".len(), &lexicon));
    }
}
