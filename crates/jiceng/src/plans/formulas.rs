//! Formulas: numbered slogans (一核两翼三全四圈五化, 三圈共融, 四大体系, “344”架构, 7+N) with their number–unit
//! parts, and the members the text enumerates for a single number when their count matches.
//!
//! Five shapes are recognised, each strict enough that plain quantities (15分钟, 30余次), dates, ordinals and
//! idioms (一对一, 一池春水, 一点一滴) are left alone:
//! a chain of two or more numbered parts; a number, a unit and a joining word (三区联动); a number with 大 and a
//! framework noun (四大体系); a digit code in quotes or before a framework word (“12345”工作思路); a quoted
//! numbered phrase (“三个牢牢把握”); and digit-plus-N forms (1+N).

use super::numerals::value;
use crate::text::normalize::is_cjk;
use crate::text::offsets::after_last;
use std::collections::HashSet;
use std::ops::Range;

const IDIOMS: &str = include_str!("../../data/formula_idioms.txt");
/// One-character numerals that may number the parts of a chain (一 … 十, 两).
fn is_chain_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}
/// Characters that never stand in a unit: function words, measure words of quantities, dates.
const NOT_UNITS: &str =
    "是要的了和与在为年月日号次个名位人户万亿元余多几半对池种些家样批项岁天周期分秒时点只顿块段姐哥室厅卫荤素汤死伤";
/// Words that join a number and its unit into a slogan: 三圈共融, 三区联动.
const JOINERS: &[&str] = &[
    "共融", "联动", "融合", "协同", "共治", "共建", "共享", "并举", "合一", "一体", "齐抓", "联创", "共管", "同步",
    "互动", "统筹", "贯通", "互促", "并进", "共进", "分流", "协商",
];
/// Nouns after 大 that make a framework: 四大体系, 3大核心.
const FRAMEWORK_NOUNS: &[&str] = &[
    "体系",
    "核心",
    "工程",
    "行动",
    "板块",
    "平台",
    "机制",
    "中心",
    "任务",
    "战略",
    "功能",
    "品牌",
    "片区",
    "场景",
    "模块",
    "支柱",
    "领域",
    "载体",
    "主线",
    "攻坚",
    "攻坚战",
    "战役",
    "功能区",
    "产业",
    "计划",
    "举措",
    "目标",
    "抓手",
    "服务",
    "要素",
];
/// Words after a digit code that make it a framework: “344”架构, 12345工作思路.
const FRAMEWORK_WORDS: &[&str] =
    &["架构", "工作思路", "工作法", "工作机制", "模式", "机制", "体系", "格局", "思路", "工程", "战略", "布局", "部署"];
/// Words that lead an enumeration without being part of its first member.
const LEADS: &[&str] = &[
    "成立",
    "深化",
    "以",
    "将",
    "把",
    "推动",
    "建立",
    "构建",
    "打造",
    "形成",
    "围绕",
    "聚焦",
    "用好",
    "依托",
    "实现",
    "推进",
    "突出",
    "坚持",
    "包括",
    "涵盖",
    "整合",
    "统筹",
    "强化",
    "完善",
    "健全",
    "实施",
    "开展",
    "深入开展",
    "落实",
    "加快发展",
    "大力发展",
    "发挥",
    "算好",
    "新增",
    "设立",
    "设置",
    "开设",
    "推出",
    "提供",
    "组建",
    "搭建",
    "建成",
    "做好",
    "做实",
    "抓好",
    "抓实",
];
/// Verbs whose object the slogan is (坚决做到“两个维护”): the words before them are no list of its members.
const VERBS_BEFORE: &[&str] = &[
    "做到", "拥护", "坚持", "落实", "实施", "推进", "实现", "开展", "打好", "抓好", "深化", "强化", "增强", "树牢",
    "践行", "贯彻", "把握", "确立", "维护", "构建", "打造", "推动", "围绕", "聚焦", "突出", "建设", "发挥", "推行",
    "实行", "探索", "建立", "形成", "推广",
];

/// A shape recognised at a numeral: its length in bytes and its number–unit parts.
type Shape = (usize, Vec<(u32, String)>);

/// A formula found in normalized text; ranges are bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) range: Range<usize>,
    pub(crate) parts: Vec<(u32, String)>,
    pub(crate) members: Vec<Range<usize>>,
}

/// Finds formulas; built once for the idiom list.
#[derive(Debug)]
pub(crate) struct Formulas {
    idioms: HashSet<String>,
}

impl Formulas {
    pub(crate) fn builtin() -> Self {
        let idioms =
            IDIOMS.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).map(String::from).collect();
        Self { idioms }
    }

    /// All formulas in `text`, in order, none overlapping; `is_boundary` tells where the segmentation puts word
    /// boundaries (byte offsets), which decide how long the last unit of a chain is.
    ///
    /// `is_word` tells a word of the general dictionary: a quotation that is one (“八段锦”, “四合院”) is no
    /// slogan's short name.
    pub(crate) fn find(
        &self,
        text: &str,
        is_boundary: impl Fn(usize) -> bool,
        is_word: impl Fn(&str) -> bool,
    ) -> Vec<Found> {
        // Quoted inside a quotation (‘五必访’), a slogan is quoted all the same: the marks have one length in UTF-8,
        // so the offsets hold.
        let requoted: String;
        let text = match requote(text) {
            Some(copy) => {
                requoted = copy;
                requoted.as_str()
            }
            None => text,
        };
        let mut found: Vec<Found> = Vec::new();
        let mut previous: Option<char> = None;
        for (at, c) in text.char_indices() {
            let prev = previous;
            previous = Some(c);
            if found.last().is_some_and(|f| at < f.range.end) {
                continue;
            }
            // A numeral inside a longer number or after 第 (an ordinal) starts nothing.
            if prev.is_some_and(|p| is_chain_numeral(p) || p.is_ascii_digit() || p == '第' || p == '.') {
                continue;
            }
            // Every shape starts with a numeral (双 only a quoted name: “双报到”).
            let quoted = prev == Some('“');
            if !(is_chain_numeral(c) || c.is_ascii_digit() || c == '双' && quoted) {
                continue;
            }
            let rest = &text[at..];
            let shape = self
                .chain(rest, |b| is_boundary(at + b))
                .or_else(|| self.one_and_many(rest))
                .or_else(|| joined(rest))
                .or_else(|| with_da(rest))
                .or_else(|| method(rest))
                .or_else(|| digit_code(rest, quoted))
                .or_else(|| plus_n(rest, quoted))
                .or_else(|| quoted_phrase(rest, quoted))
                .map(|shape| (shape, false))
                .or_else(|| self.quoted_term(rest, quoted, &is_word))
                .map(|(shape, word)| (if quoted { to_closing_quote(rest, shape) } else { shape }, word));
            if let Some(((len, parts), word)) = shape {
                let range = at..at + len;
                let members = members(text, range.clone(), &parts);
                // A word of the dictionary (“三化”) is a slogan when the text lists what it counts.
                if !word || !members.is_empty() {
                    found.push(Found { range, parts, members });
                }
            }
        }
        found
    }

    /// 一核两翼三全四圈五化, 一中心三条线五融合, 一村一品: two or more numbered parts in a row.
    fn chain(&self, rest: &str, is_boundary: impl Fn(usize) -> bool) -> Option<Shape> {
        let chars: Vec<(usize, char)> = rest.char_indices().take(24).collect();
        let mut parts: Vec<(u32, String)> = Vec::new();
        let mut i = 0;
        let mut end = 0;
        while i < chars.len() && is_chain_numeral(chars[i].1) {
            // 一带, 一起, 一样 are words, not one of something (七星岗一带).
            if chars[i].1 == '一' && chars.get(i + 1).is_some_and(|&(_, c)| ONE_WORD_ENDINGS.contains(c)) && i > 0 {
                break;
            }
            let n = value(&chars[i].1.to_string())?;
            // The unit runs to the next numeral; the last one is as long as the one before it, unless its two
            // characters make one word of the segmentation (一区三中心: 中心).
            let unit_start = i + 1;
            let mut j = unit_start;
            // 户, 人, 家, 点 count, except as the first unit of a chain of ones (一户一档, 一人一策).
            let counted = |j: usize| {
                n == 1
                    && j == unit_start
                    && "户人家点".contains(chars[j].1)
                    && chars.get(j + 1).is_some_and(|c| c.1 == '一')
            };
            while j < chars.len()
                && j - unit_start < 2
                && (is_unit_char(chars[j].1) || counted(j))
                && !is_chain_numeral(chars[j].1)
            {
                j += 1;
            }
            let next_is_numeral = chars.get(j).is_some_and(|&(_, c)| is_chain_numeral(c));
            let byte_at = |k: usize| chars.get(k).map_or(rest.len(), |&(b, _)| b);
            let one_word = j - unit_start == 2 && !is_boundary(byte_at(unit_start + 1)) && is_boundary(byte_at(j));
            if !next_is_numeral && !one_word {
                let previous_len = parts.last().map_or(1, |p| p.1.chars().count());
                j = j.min(unit_start + previous_len);
            }
            if j == unit_start {
                break;
            }
            let unit: String = chars[unit_start..j].iter().map(|&(_, c)| c).collect();
            parts.push((n, unit));
            end = chars.get(j).map_or(rest.len(), |&(b, _)| b);
            i = j;
            if !next_is_numeral {
                break;
            }
        }
        // 一楼二楼三楼, 一级一级: one unit numbered in turn is a series, not a slogan. 一套二手房, 一面五星红旗:
        // a measure word and a noun that begins with a numeral.
        let series = parts.iter().all(|p| p.1 == parts[0].1);
        let measured = parts.len() == 2 && parts[0].0 == 1 && MEASURE_WORDS.contains(&parts[0].1.as_str());
        (parts.len() >= 2 && !series && !measured && !self.idioms.contains(&rest[..end])).then_some((end, parts))
    }

    /// 一核多元, 一站多点, 一格多员: one of something and many of another. 多 counts nothing, so the part it
    /// opens is in the text, not among the parts.
    fn one_and_many(&self, rest: &str) -> Option<Shape> {
        let mut chars = rest.chars();
        let (one, unit, many, other) = (chars.next()?, chars.next()?, chars.next()?, chars.next()?);
        if one != '一' || many != '多' {
            return None;
        }
        let whole = &rest[..rest.len() - chars.as_str().len()];
        // 多元 is many of a kind, not money; 一年多, 一个多月 are quantities.
        let counts = |c: char| is_cjk(c) && !"年月日天次个名位人户家口种些样岁万亿时".contains(c);
        let fits = one == '一' && many == '多' && is_unit_char(unit) && counts(unit) && counts(other);
        (fits && !self.idioms.contains(whole)).then(|| (whole.len(), vec![(1, unit.to_string())]))
    }

    /// “两新”, “三农”, “双报到”, “五大兴区战役”: a whole quotation that is a number of two or more (双 is two)
    /// and what it numbers — the short names of campaigns and policies. Not a longer numeral (“十四五”), a
    /// quantity (“三年”), an idiom, or a word that merely begins with a numeral (“四川云教”: see the analyzer).
    /// A word of the dictionary comes flagged: it is a slogan only if the text lists its members.
    fn quoted_term(&self, rest: &str, quoted: bool, is_word: impl Fn(&str) -> bool) -> Option<(Shape, bool)> {
        if !quoted {
            return None;
        }
        let close = rest.find('”')?;
        let inner = &rest[..close];
        if !(2..=8).contains(&inner.chars().count()) || !inner.chars().all(is_cjk) || self.idioms.contains(inner) {
            return None;
        }
        // A word of the dictionary (“八段锦”, “两翼”) is a slogan only when the text defines it (“两翼”即…) or
        // lists what it counts (标准化、规范化、智能化“三化”).
        let after_quote = &rest[close + '”'.len_utf8()..];
        let defined = after_quote.strip_prefix(',').unwrap_or(after_quote).starts_with(['即', '指', ':']);
        let word = is_word(inner) && !DICTIONARY_SLOGANS.contains(&inner) && !defined;
        let numeral = inner.chars().next()?;
        let n = if numeral == '双' { 2 } else { value(&numeral.to_string()).filter(|_| is_chain_numeral(numeral))? };
        if NUMBERED_WORDS.iter().any(|w| inner.starts_with(w)) {
            return None;
        }
        let after = &inner[numeral.len_utf8()..];
        // A measure word is no unit: what it measures is (“三张清单”: 清单, “五个一”: 一, “四支队伍”: 队伍).
        if let Some(measured) = CLASSIFIERS.iter().find_map(|c| after.strip_prefix(*c)).filter(|m| !m.is_empty()) {
            let first = measured.chars().next()?;
            let fits = measured == "一"
                || !is_chain_numeral(first) && !NOT_UNITS.contains(first) && !COUNTED_THINGS.contains(&measured);
            return (n >= 2 && fits).then(|| ((close, vec![(n, measured.into())]), word));
        }
        let counted = after.strip_prefix('大').filter(|u| !u.is_empty());
        let first = counted.unwrap_or(after).chars().next()?;
        // What a number counts is one character (“三会制度”: 会, “两山议事会”: 山) unless said with 大 (五大兴区战役)
        // or in two characters alone (“双报到”).
        let unit = match counted {
            Some(counted) => counted,
            None if after.chars().count() >= 3 => &after[..first.len_utf8()],
            None => after,
        };
        let longer_numeral = numeral != '双' && is_chain_numeral(first);
        (n >= 2 && !longer_numeral && !NOT_UNITS.contains(first)).then(|| ((close, vec![(n, unit.into())]), word))
    }
}

/// `text` with single quotation marks made double, when it has any: ‘ and “ (’ and ”) differ in their last byte
/// alone, so the copy is patched in place instead of rebuilt character by character.
fn requote(text: &str) -> Option<String> {
    let opening = text.match_indices('‘').map(|(at, _)| at);
    let closing = text.match_indices('’').map(|(at, _)| at);
    let mut marks = opening.chain(closing).peekable();
    marks.peek()?;
    let mut bytes = text.as_bytes().to_vec();
    for at in marks {
        // ‘ E2 80 98 → “ E2 80 9C; ’ E2 80 99 → ” E2 80 9D.
        bytes[at + 2] += 4;
    }
    String::from_utf8(bytes).ok()
}

/// Characters that make a word with 一 before them (一带, 一起, 一样, 一直): no part of a chain begins so.
const ONE_WORD_ENDINGS: &str = "带起些样直般定致切同道再律旦边向度并齐时";

/// Measure words that make 一 an article (一套二手房, 一间两居室), not the first part of a slogan.
const MEASURE_WORDS: &[&str] =
    &["套", "面", "间", "本", "碗", "条", "栋", "台", "辆", "部", "座", "张", "盘", "杯", "份", "把"];

/// Things counted in a quotation that is a quantity, not a slogan's name (“五个社区”, “两个月”).
const COUNTED_THINGS: &[&str] = &["社区", "小区", "村", "街道", "院落", "部门", "单位", "月", "小时"];

/// Measure words between a number and what it counts in a slogan's name.
const CLASSIFIERS: &[char] = &['个', '张', '支', '项', '条', '类', '件', '套', '份', '本'];

/// Short names of policies that the general dictionary also has as words.
const DICTIONARY_SLOGANS: &[&str] =
    &["两重", "三农", "三公", "三资", "三保", "四化", "双拥", "三北", "十条", "四上", "双城记"];

/// Words that begin with a numeral and count nothing (“双向奔赴”, “双赢”).
const NUMBERED_WORDS: &[&str] = &[
    "双向",
    "双赢",
    "双方",
    "双手",
    "双休",
    "两岸",
    "两手",
    "三亚",
    "四川",
    "万一",
    "双十一",
    "双十二",
    "双节",
    "七彩",
    "五彩",
    "四季",
    "八方",
    "九寨",
];

/// A slogan that opens a quotation runs to its close (“三大攻坚战”, “六大产业基地”): the quoted words after the
/// part recognised (at most four characters) belong to its last unit.
fn to_closing_quote(rest: &str, (len, mut parts): Shape) -> Shape {
    let Some(close) = rest[len..].find('”').map(|c| len + c) else { return (len, parts) };
    let tail = &rest[len..close];
    if tail.is_empty() || tail.chars().count() > 4 || !tail.chars().all(is_cjk) {
        return (len, parts);
    }
    if let [(_, unit)] = parts.as_mut_slice()
        && !unit.is_empty()
    {
        unit.push_str(tail);
    }
    (close, parts)
}

fn is_unit_char(c: char) -> bool {
    is_cjk(c) && !NOT_UNITS.contains(c)
}

/// Words that join 一 and a unit into the name of a reform: 一网统管, 一窗通办.
const ONE_JOINERS: &[&str] = &["统管", "通办", "通管", "统揽", "统办", "统览", "智治"];

/// 三圈共融, 五社联动, 三治融合: a number from two to ten, a one-character unit, a joining word; or 一, a unit and
/// a word of [`ONE_JOINERS`] (一网统管).
fn joined(rest: &str) -> Option<Shape> {
    let mut chars = rest.char_indices();
    let (_, numeral) = chars.next()?;
    let n = value(&numeral.to_string()).filter(|n| (1..=10).contains(n))?;
    let (unit_at, unit) = chars.next()?;
    let after = unit_at + unit.len_utf8();
    // 位 counts people, except in 三位一体, 五位一体.
    let unit_ok = is_unit_char(unit) || unit == '位' && rest[after..].starts_with("一体");
    if !unit_ok || !is_chain_numeral(numeral) {
        return None;
    }
    let joiners = if n == 1 { ONE_JOINERS } else { JOINERS };
    let joiner = joiners.iter().find(|j| rest[after..].starts_with(*j))?;
    Some((after + joiner.len(), vec![(n, unit.to_string())]))
}

/// Words that make a number and its unit a method: 四步工作法, 五字调解法.
const METHODS: &[&str] = &["工作法", "调解法", "工作机制", "议事法", "服务法"];

/// 四步工作法, 五字调解法: a number from two to ten, a one-character unit and a method's name.
fn method(rest: &str) -> Option<Shape> {
    let mut chars = rest.char_indices();
    let (_, numeral) = chars.next().filter(|&(_, c)| is_chain_numeral(c))?;
    let n = value(&numeral.to_string()).filter(|n| (2..=10).contains(n))?;
    let (unit_at, unit) = chars.next().filter(|&(_, c)| is_unit_char(c))?;
    let after = unit_at + unit.len_utf8();
    let name = METHODS.iter().find(|m| rest[after..].starts_with(*m))?;
    Some((after + name.len(), vec![(n, unit.to_string())]))
}

/// 四大体系, 3大核心.
fn with_da(rest: &str) -> Option<Shape> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let numeral_len =
        if digits > 0 { digits } else { rest.chars().next().filter(|&c| is_chain_numeral(c))?.len_utf8() };
    let n = value(&rest[..numeral_len]).filter(|n| (2..=12).contains(n))?;
    let after = rest[numeral_len..].strip_prefix('大')?;
    let noun = FRAMEWORK_NOUNS.iter().filter(|w| after.starts_with(*w)).max_by_key(|w| w.len())?;
    Some((numeral_len + '大'.len_utf8() + noun.len(), vec![(n, noun.to_string())]))
}

/// “344”架构, “12345”工作思路, 12345工作法: a code of digits, quoted or naming a framework.
fn digit_code(rest: &str, quoted: bool) -> Option<Shape> {
    let len = rest.bytes().take_while(|b| (b'1'..=b'9').contains(b)).count();
    if !(2..=6).contains(&len) || rest[len..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = &rest[len..];
    let parts = rest[..len].bytes().map(|b| ((b - b'0') as u32, String::new())).collect();
    // Quoted, the code must close the quote, alone or with its framework word (“344架构”); either way a framework
    // word must follow (12345热线 is a number).
    let inside = FRAMEWORK_WORDS.iter().find(|w| after.strip_prefix(*w).is_some_and(|a| a.starts_with('”')));
    if let (true, Some(word)) = (quoted, inside) {
        return Some((len + word.len(), parts));
    }
    if quoted && !after.starts_with('”') {
        return None;
    }
    // A hotline is a number; quoted, the framework word may follow a few words on (“141”基层智治体系).
    let after_quote = after.trim_start_matches('”');
    if after_quote.starts_with("热线") {
        return None;
    }
    let reach = if quoted { 7 } else { 0 };
    let framework = after_quote
        .char_indices()
        .take_while(|&(_, c)| is_cjk(c))
        .take(reach + 1)
        .find_map(|(i, _)| FRAMEWORK_WORDS.iter().find(|w| after_quote[i..].starts_with(*w)))?;
    let len = if quoted { len } else { len + framework.len() };
    Some((len, parts))
}

/// 1+N, 7+N, 1+3+N; and “1+6”, 4+1机制: numbers alone, when quoted whole or naming a framework (1+1 is sums).
fn plus_n(rest: &str, quoted: bool) -> Option<Shape> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut parts = Vec::new();
    let mut letter = None;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && digits <= 2 {
            parts.push((value(&rest[i..i + digits])?, String::new()));
            i += digits;
        } else if let Some(&b @ (b'N' | b'X' | b'n')) = bytes.get(i).filter(|_| !parts.is_empty()) {
            letter = Some(b as char);
            i += 1;
        } else {
            return None;
        }
        if bytes.get(i) != Some(&b'+') || letter.is_some() {
            break;
        }
        i += 1;
    }
    let last = parts.last_mut()?;
    if let Some(letter) = letter {
        // The open part, as printed: 7+N, 3+X.
        last.1 = format!("+{letter}");
    }
    if bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.') {
        return None;
    }
    let after = &rest[i..];
    let names_framework = (quoted && after.starts_with('”')) || FRAMEWORK_WORDS.iter().any(|w| after.starts_with(w));
    (letter.is_some() || parts.len() >= 2 && names_framework).then_some((i, parts))
}

/// “三个牢牢把握”, “两个确立”, “四个意识”: a quoted phrase that is a number and what it counts.
fn quoted_phrase(rest: &str, quoted: bool) -> Option<Shape> {
    if !quoted {
        return None;
    }
    let close = rest.find('”').filter(|&c| rest[..c].chars().count() <= 10)?;
    let inner = &rest[..close];
    let numeral = inner.chars().next().filter(|&c| is_chain_numeral(c))?;
    let n = value(&numeral.to_string()).filter(|n| (2..=10).contains(n))?;
    // 个 marks the count: without it a quoted name merely begins with a numeral (“四川云教”, “十四五”).
    let counted = inner[numeral.len_utf8()..].strip_prefix('个')?;
    let len = counted.chars().count();
    // “两个多月”, “三个半小时”, “五个社区”: a quantity.
    let quantity = counted.starts_with(['多', '余', '几', '半']) || COUNTED_THINGS.contains(&counted);
    ((2..=8).contains(&len) && counted.chars().all(is_cjk) && !quantity)
        .then(|| (close, vec![(n, counted.to_string())]))
}

/// What the text enumerates for a single-number formula: the list just before it (经济圈、生活圈、治理圈
/// “三圈共融”; 动员、支持、运营、品牌四大体系), a compound made of as many words on its unit (“街区景区社区”三区联动), or
/// the list after a colon. Empty unless the count equals the number.
fn members(text: &str, formula: Range<usize>, parts: &[(u32, String)]) -> Vec<Range<usize>> {
    let [(n, unit)] = parts else { return Vec::new() };
    let n = *n as usize;
    let listed = |items: &Vec<Range<usize>>| items.len() == n && items.iter().all(|r| is_member(&text[r.clone()]));
    let before = list_before(text, formula.start);
    if listed(&before) {
        return before;
    }
    if let Some(joined) = split_last_joined(text, before, n).filter(listed) {
        return joined;
    }
    if let Some(compound) = compound_before(text, formula.start, n, unit) {
        return compound;
    }
    let after = list_after(text, formula.end);
    if listed(&after) {
        return after;
    }
    split_last_joined(text, after, n).filter(listed).unwrap_or_default()
}

/// Longest member, in characters: what a slogan counts is named briefly (经济圈, 社区社会企业); a longer item is a
/// clause of a list that merely has the right length.
const MAX_MEMBER_CHARS: usize = 14;

/// Whether `item` reads as a member: short, no figures (10所学校, 死亡人数连续9年 are clauses), quotes balanced.
fn is_member(item: &str) -> bool {
    let count = item.chars().count();
    (1..=MAX_MEMBER_CHARS).contains(&count)
        && !item.bytes().any(|b| b.is_ascii_digit())
        && item.matches('“').count() == item.matches('”').count()
}

/// Items separated by 、 that end right before `end` (quotes and a linking 为/等/的 between them and it).
fn list_before(text: &str, end: usize) -> Vec<Range<usize>> {
    let mut end = end;
    loop {
        let head = &text[..end];
        let trimmed = head.trim_end_matches(['“', '”', '"']);
        let trimmed = ["为", "等", "的", "这"].iter().find_map(|w| trimmed.strip_suffix(w)).unwrap_or(trimmed);
        if trimmed.len() == end {
            break;
        }
        end = trimmed.len();
    }
    // After a verb the slogan is its object (坚决做到“两个维护”); after 、 it is an item of a list itself
    // (用足用好中央预算内投资、“两重”“两新”): the words before it are not what it counts.
    if VERBS_BEFORE.iter().any(|v| text[..end].ends_with(v)) || text[..end].ends_with('、') {
        return Vec::new();
    }
    let mut start = after_last(&text[..end], &[',', '。', ';', ':', '!', '?', '\n', '(', ')', ' ']);
    // A quoted list (坚持“保护、更新、治理”三位一体) begins inside its quotation.
    let closed = text[end..].starts_with('”');
    if closed && let Some(open) = text[start..end].rfind('“') {
        start += open + '“'.len_utf8();
    }
    let span = &text[start..end];
    if !span.contains('、') {
        return Vec::new();
    }
    let mut items = split_on(span, '、', start);
    subject_off(text, &mut items);
    trim_first(text, &mut items);
    items.retain(|r| !r.is_empty());
    items
}

/// Cuts the subject off the first item of a list before a formula when a verb follows it (就业超市设立了岗位推荐,
/// 技能培训 …): the item begins at the verb, if what remains is no longer than the longest other item.
fn subject_off(text: &str, items: &mut [Range<usize>]) {
    let Some((first, others)) = items.split_first_mut() else { return };
    let longest = others.iter().map(|r| text[r.clone()].chars().count()).max().unwrap_or(0);
    let item = &text[first.clone()];
    let verb = LEADS
        .iter()
        .filter(|l| l.chars().count() >= 2)
        .filter_map(|l| item.rfind(l).filter(|&at| at > 0).map(|at| (at, l.len())))
        .max_by_key(|&(at, len)| at + len);
    if let Some((at, len)) = verb {
        let rest = item[at + len..].trim_start_matches('了');
        if !rest.is_empty() && rest.chars().count() <= longest {
            first.start += at;
        }
    }
}

/// Words in which 和, 及 or 与 is no joiner.
const WORDS_WITH_JOINERS: &[&str] = &[
    "参与", "给与", "与其", "与会", "和谐", "和美", "和平", "和睦", "和顺", "温和", "缓和", "调和", "总和", "共和",
    "及时", "涉及", "普及", "波及", "危及", "顾及", "以及",
];

/// The list before a slogan of `n` (`items`, one short), its last item split where two are joined by 和, 及 or 与
/// (软件信息、科技服务和商务服务三大产业).
fn split_last_joined(text: &str, mut items: Vec<Range<usize>>, n: usize) -> Option<Vec<Range<usize>>> {
    if items.len() + 1 != n {
        return None;
    }
    let last = items.pop()?;
    let (at, joiner) = ["以及", "和", "及", "与"].iter().find_map(|j| text[last.clone()].find(j).map(|i| (i, *j)))?;
    let split = last.start + at;
    // Not the joiner inside a word (参与, 和谐, 及时, 涉及).
    let around = &text[text[..split].char_indices().next_back()?.0..];
    if WORDS_WITH_JOINERS.iter().any(|w| around.starts_with(w) || text[split..].starts_with(w)) {
        return None;
    }
    let (left, right) = (last.start..split, split + joiner.len()..last.end);
    if left.is_empty() || right.is_empty() || text[right.clone()].contains(['和', '及', '与']) {
        return None;
    }
    items.extend([left, right]);
    Some(items)
}

/// Words that gloss a formula with its members: `“三治融合”,即自治、法治、德治`, `“三张清单”,包括…`. After a verb
/// (邀请居民、商户、驻区单位) a list is what the work reaches, which may count as many by chance.
const GLOSSES: &[&str] = &["即", "指", "是指", "就是", "也就是", "包括", "包含", "涵盖", "分别是", "分别为", "主要是"];
/// Longest stretch, in characters, between a formula and its gloss (`“四早”工程:…`, `“四个一”网格治理工作法:…`).
const MAX_GLOSS_LEAD_CHARS: usize = 8;
/// What the last member of a list may be followed by without it being part of the member: `德治相结合`,
/// `社会慈善资源联动`.
const MEMBER_PREDICATES: &[&str] =
    &["相结合", "相融合", "结合", "融合", "联动", "协同", "发力", "并举", "并重", "参与", "参加", "为主", "共同", "等"];

/// Items after the formula: in brackets right after it, or after a colon or a gloss word (see [`GLOSSES`]), up to
/// the end of the clause.
fn list_after<'a>(text: &'a str, start: usize) -> Vec<Range<usize>> {
    let rest = text[start..].strip_prefix('”').unwrap_or(&text[start..]);
    // The words between the slogan and its gloss (`“四早”工程:…`) may close the last member again (`…早诊治工程`).
    let mut named = "";
    let (from, end) = if let Some(inner) = rest.strip_prefix('(') {
        let from = text.len() - inner.len();
        let Some(close) = inner.find(')') else { return Vec::new() };
        (from, from + close)
    } else {
        // A few words (机制, 作用) and a comma may stand before the gloss.
        let lead = rest.char_indices().take(MAX_GLOSS_LEAD_CHARS + 1).find(|&(_, c)| !is_cjk(c)).map(|(i, _)| i);
        let gloss = |r: &'a str| GLOSSES.iter().filter_map(|g| r.strip_prefix(g)).min_by_key(|a| a.len());
        // `:` or a gloss word, or both (`“两重”:是指…`).
        let glossed = |r: &'a str| -> Option<usize> {
            let after = match r.strip_prefix(':') {
                Some(after) => gloss(after).unwrap_or(after),
                None => gloss(r)?,
            };
            Some(text.len() - after.len())
        };
        let after_lead = |r: &'a str| glossed(r).or_else(|| glossed(r.strip_prefix(',')?));
        let from = after_lead(rest).or_else(|| {
            let lead = lead.filter(|&l| l > 0)?;
            named = &rest[..lead];
            after_lead(&rest[lead..])
        });
        let Some(from) = from else { return Vec::new() };
        let end = text[from..].find([',', '。', ';', '\n', '!', '?', '(']).map_or(text.len(), |i| from + i);
        // Members as clauses of their own after a colon: `“三个坚持”:坚持党建引领;坚持问需于民;坚持数字赋能。`
        if text[end..].starts_with(';') && !text[from..end].contains('、') {
            let stop = text[from..].find(['。', '\n', '!', '?']).map_or(text.len(), |i| from + i);
            let span = text[from..stop].trim_end_matches(';');
            return split_on(span, ';', from);
        }
        (from, end)
    };
    let span = &text[from..end];
    if !span.contains(['、', '和', '及', '与']) {
        return Vec::new();
    }
    let mut items = split_on(span, '、', from);
    if let Some(last) = items.last_mut() {
        // A quoted mention of the formula again (`德治“三治”相结合`) or a predicate after the last member.
        let mut member = &text[last.clone()];
        if let Some(quote) = member.find('“').filter(|&i| i > 0) {
            member = &member[..quote];
        }
        // `人员等资源`: what follows 等 sums the list up.
        if let Some(etc) = member.find('等').filter(|&i| i > 0) {
            member = &member[..etc];
        }
        while let Some(cut) = MEMBER_PREDICATES.iter().find_map(|p| member.strip_suffix(p)).filter(|m| !m.is_empty()) {
            member = cut;
        }
        if let Some(cut) = member.strip_suffix(named).filter(|m| !named.is_empty() && !m.is_empty()) {
            member = cut;
        }
        last.end = last.start + member.len();
    }
    // A verb before the first item is no part of it, unless every item begins so (即聚焦民生、聚焦治理).
    let second_opening = items.get(1).and_then(|r| text[r.clone()].chars().next());
    if second_opening != text[items[0].clone()].chars().next() {
        trim_first(text, &mut items);
    }
    items
}

/// Strips a leading verb from the first item, and cuts it to the length of the others when they all share
/// one length and it ends like them (推动城市社区经济圈 → 经济圈 beside 生活圈, 治理圈).
fn trim_first(text: &str, items: &mut [Range<usize>]) {
    let Some((first, others)) = items.split_first_mut() else { return };
    if let Some(lead) = LEADS.iter().filter(|l| text[first.clone()].starts_with(*l)).max_by_key(|l| l.len())
        && text[first.clone()].len() > lead.len()
    {
        first.start += lead.len();
        // 构建了组织、服务…: the aspect particle goes with the verb.
        if text[first.clone()].starts_with('了') && text[first.clone()].chars().count() > 1 {
            first.start += '了'.len_utf8();
        }
    }
    let lengths: HashSet<usize> = others.iter().map(|r| text[r.clone()].chars().count()).collect();
    if let (1, Some(other)) = (lengths.len(), others.first())
        && let len @ 1.. = text[other.clone()].chars().count()
    {
        let first_text = &text[first.clone()];
        let other_text = &text[other.clone()];
        let same_ending = first_text.chars().last() == other_text.chars().last();
        // 重大慢性病综合防治早预防 beside 早干预, 早发现: the tail of the others' length opens as they do.
        let tail = first_text.char_indices().rev().nth(len - 1).map_or("", |(i, _)| &first_text[i..]);
        let same_opening = others.iter().all(|o| text[o.clone()].chars().next() == tail.chars().next());
        if first_text.chars().count() > len && (same_ending || same_opening) {
            let cut = first_text.char_indices().rev().nth(len - 1).map_or(0, |(i, _)| i);
            first.start += cut;
        }
    }
}

/// Byte ranges of the pieces of `span` (which starts at byte `offset` of its text) between `sign`s.
fn split_on(span: &str, sign: char, offset: usize) -> Vec<Range<usize>> {
    let mut at = offset;
    span.split(sign)
        .map(|piece| {
            let item = at..at + piece.len();
            at = item.end + sign.len_utf8();
            item
        })
        .collect()
}

/// “街区景区社区”三区联动: the quoted compound before the formula, cut into `n` equal words each ending in `unit`.
fn compound_before(text: &str, end: usize, n: usize, unit: &str) -> Option<Vec<Range<usize>>> {
    let head = text[..end].strip_suffix('”')?;
    let open = head.rfind('“')?;
    let start = open + '“'.len_utf8();
    // “小区党组织+业委会+物业”三方联动: parts joined by a sign.
    let inner = &text[start..head.len()];
    if let Some(sign) = ['+', '—', '-'].into_iter().find(|&s| inner.contains(s)) {
        let pieces = split_on(inner, sign, start);
        let fits = pieces.len() == n && pieces.iter().all(|r| is_member(&text[r.clone()]) && !r.is_empty());
        return fits.then_some(pieces);
    }
    let chars: Vec<(usize, char)> = text[start..head.len()].char_indices().collect();
    if n < 2 || chars.len() < n || !chars.len().is_multiple_of(n) || chars.len() / n > 4 {
        return None;
    }
    let size = chars.len() / n;
    let mut members = Vec::new();
    for k in 0..n {
        let from = start + chars[k * size].0;
        let to = chars.get((k + 1) * size).map_or(head.len(), |&(b, _)| start + b);
        if !text[from..to].ends_with(unit) {
            return None;
        }
        members.push(from..to);
    }
    Some(members)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Row = (String, Vec<(u32, String)>, Vec<String>);

    fn found(text: &str) -> Vec<Row> {
        Formulas::builtin()
            .find(text, |_| true, |w| ["八段锦", "四合院", "两重", "三化"].contains(&w))
            .into_iter()
            .map(|f| (text[f.range].to_string(), f.parts, f.members.into_iter().map(|m| text[m].to_string()).collect()))
            .collect()
    }

    fn parts(list: &[(u32, &str)]) -> Vec<(u32, String)> {
        list.iter().map(|&(n, u)| (n, u.to_string())).collect()
    }

    #[test]
    fn chains_of_numbered_parts() {
        let f = found("基于“一核两翼三全四圈五化”的发展模式");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].0, "一核两翼三全四圈五化");
        assert_eq!(f[0].1, parts(&[(1, "核"), (2, "翼"), (3, "全"), (4, "圈"), (5, "化")]));
        let f = found("采取“一中心三条线五融合”的思路");
        assert_eq!(f[0].1, parts(&[(1, "中心"), (3, "条线"), (5, "融合")]));
        assert_eq!(found("推进一村一品")[0].0, "一村一品");
    }

    #[test]
    fn single_numbers_with_their_members() {
        let f = found("推动城市社区经济圈、生活圈、治理圈“三圈共融”");
        assert_eq!(
            f,
            [("三圈共融".into(), parts(&[(3, "圈")]), vec!["经济圈".into(), "生活圈".into(), "治理圈".into()])]
        );
        let f = found("建立动员、支持、运营、品牌四大体系");
        assert_eq!(f[0].2, ["动员", "支持", "运营", "品牌"]);
        let f = found("以社区“两委”、社区社会企业、社区基金为3大核心");
        assert_eq!(f[0].0, "3大核心");
        assert_eq!(f[0].2, ["社区“两委”", "社区社会企业", "社区基金"]);
        let f = found("以“街区景区社区”三区联动机制推进");
        assert_eq!(f[0].0, "三区联动");
        assert_eq!(f[0].2, ["街区", "景区", "社区"]);
    }

    #[test]
    fn codes_and_quoted_phrases() {
        assert_eq!(found("社区将在“344”架构下")[0].1, parts(&[(3, ""), (4, ""), (4, "")]));
        assert_eq!(found("社区“12345”工作思路")[0].0, "12345");
        assert_eq!(found("探索“1+N”模式")[0].1, parts(&[(1, "+N")]));
        assert_eq!(found("作出“三个牢牢把握”重要指示")[0].1, parts(&[(3, "牢牢把握")]));
    }

    #[test]
    fn quoted_short_names_of_campaigns_and_policies() {
        let f = found("全面落实“两重”“两新”,纠正“四风”,开展“双报到”,建设“双一流”");
        let rows: Vec<(&str, &[(u32, String)])> = f.iter().map(|r| (r.0.as_str(), r.1.as_slice())).collect();
        assert_eq!(
            rows,
            [
                ("两重", &parts(&[(2, "重")])[..]),
                ("两新", &parts(&[(2, "新")])[..]),
                ("四风", &parts(&[(4, "风")])[..]),
                ("双报到", &parts(&[(2, "报到")])[..]),
                ("双一流", &parts(&[(2, "一流")])[..]),
            ]
        );
        assert_eq!(found("大力实施“五大兴区战役”")[0].1, parts(&[(5, "兴区战役")]));
        assert_eq!(found("推行“三会制度”")[0].1, parts(&[(3, "会")]));
        assert!(found("古城保护与社区治理“双向奔赴”").is_empty());
        assert!(found("游客走进“七彩部落”").is_empty());
        assert!(found("“五个社区”联合开展活动").is_empty());
        // A slogan that opens a quotation runs to its close.
        assert_eq!(found("建设“六大产业基地”")[0].1, parts(&[(6, "产业基地")]));
        assert_eq!(found("打好三大攻坚战")[0].0, "三大攻坚战");
        for text in ["“三年”", "“一网”", "“十四五”", "“三心二意”", "“两项”", "“八段锦”", "“四合院”", "“两只老虎”"]
        {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_verb_after_its_subject_opens_no_member() {
        let rows = found("就业超市设立了岗位推荐、技能培训、创业指导“三项服务”。");
        assert_eq!(rows[0].2, ["岗位推荐", "技能培训", "创业指导"]);
        let rows = found("做好垃圾分类、环境整治、绿化美化“三件事”。");
        assert_eq!(rows[0].2, ["垃圾分类", "环境整治", "绿化美化"]);
    }

    #[test]
    fn series_articles_homes_menus_and_idioms_are_no_slogans() {
        for text in [
            "一楼二楼三楼都住满了",
            "一级一级往上报",
            "买了一套二手房",
            "家里挂着一面五星红旗",
            "租了三室两厅的房子",
            "食堂供应一荤两素",
            "事故造成一死一伤",
            "九死一生",
            "三头六臂",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(found("推行一村一品")[0].0, "一村一品");
    }

    #[test]
    fn methods_and_consultations() {
        assert_eq!(found("推行四步工作法")[0].1, parts(&[(4, "步")]));
        assert_eq!(found("总结出五字调解法")[0].0, "五字调解法");
        assert_eq!(found("建立三方协商机制")[0].0, "三方协商");
        assert!(found("走了三步路").is_empty());
    }

    #[test]
    fn single_quotes_and_words_of_one() {
        assert_eq!(found("他说:“我们坚持‘五必访’,群众很满意。”")[0].0, "五必访");
        assert!(found("七星岗一带新开了店").is_empty());
        assert_eq!(found("推进一村一品")[0].0, "一村一品");
    }

    #[test]
    fn one_and_many() {
        assert_eq!(found("坚持“一核多元”治理格局")[0].0, "一核多元");
        assert_eq!(found("构建一核多元共治格局")[0].1, parts(&[(1, "核")]));
        assert_eq!(found("推行一站多点服务")[0].0, "一站多点");
        assert!(found("这样做一举多得").is_empty());
        assert!(found("一家多口人").is_empty());
        assert!(found("工作了一年多时间").is_empty());
    }

    #[test]
    fn reforms_of_one_chains_of_ones_and_listed_dictionary_words() {
        assert_eq!(found("依托“一网统管”平台,推进一网通办")[0].1, parts(&[(1, "网")]));
        assert_eq!(found("依托“一网统管”平台,推进一网通办").len(), 2);
        assert!(found("一体协同推进").is_empty());
        assert_eq!(found("推行“一户一档”“一人一策”")[1].1, parts(&[(1, "人"), (1, "策")]));
        assert_eq!(found("推行一户一档")[0].0, "一户一档");
        for text in ["一家一户", "一户一人", "一点一滴"] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        let rows = found("推进标准化、规范化、智能化“三化”建设");
        assert_eq!(rows[0].2, ["标准化", "规范化", "智能化"]);
        assert!(found("推进“三化”建设").is_empty());
        assert_eq!(found("统筹阵地、队伍、资源、机制“四大要素”")[0].2.len(), 4);
        let rows = found("“三个坚持”:坚持党建引领;坚持问需于民;坚持数字赋能。");
        assert_eq!(rows[0].2, ["坚持党建引领", "坚持问需于民", "坚持数字赋能"]);
        let rows = found("“五社联动”,即社区、社会组织、社会工作者、社区志愿者、社会慈善资源协同发力。");
        assert_eq!(rows[0].2.last().map(String::as_str), Some("社会慈善资源"));
    }

    #[test]
    fn digit_sums_and_codes_that_name_frameworks() {
        assert_eq!(found("建立“1+6”工作机制")[0].1, parts(&[(1, ""), (6, "")]));
        assert_eq!(found("落实4+1机制")[0].0, "4+1");
        assert_eq!(found("党建统领“141”基层智治体系")[0].1, parts(&[(1, ""), (4, ""), (1, "")]));
        // The framework word inside the quotation; the open part as printed.
        let rows = found("按照“344架构”推进,提炼出“12345工作思路”,构建“3+X”服务体系。");
        let texts: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(texts, ["344架构", "12345工作思路", "3+X"]);
        assert_eq!(rows[2].1, parts(&[(3, "+X")]));
        for text in ["算得1+1等于2", "拨打“12345”热线", "“3+2”"] {
            let hits = found(text);
            assert!(hits.is_empty() || text == "“3+2”", "{text}: {hits:?}");
        }
    }

    #[test]
    fn members_after_a_gloss_and_in_a_compound_of_signs() {
        let f = found("要紧扣“三个聚焦”,即聚焦民生、聚焦治理、聚焦发展。");
        assert_eq!(f[0].2, ["聚焦民生", "聚焦治理", "聚焦发展"]);
        let f = found("推行“小区党组织+业委会+物业”三方联动");
        assert_eq!(f[0].2, ["小区党组织", "业委会", "物业"]);
        let f = found("构建了组织、服务、治理、保障四大体系");
        assert_eq!(f[0].2, ["组织", "服务", "治理", "保障"]);
        assert!(found("在桂城街道、大沥镇、西樵镇推行“三社联动”")[0].2.is_empty(), "places where it is done");
        assert_eq!(found("坚持“保护、更新、治理”三位一体")[0].2, ["保护", "更新", "治理"]);
        assert_eq!(found("探索形成了“三事分流”议事机制")[0].1, parts(&[(3, "事")]));
        assert!(found("完善“12345”热线工作机制").is_empty());
    }

    #[test]
    fn members_joined_by_and_in_brackets_or_after_a_gloss_word() {
        assert_eq!(
            found("建立“三张清单”,包括需求清单、资源清单和项目清单。")[0].2,
            ["需求清单", "资源清单", "项目清单"]
        );
        assert_eq!(found("推行“三微治理”(微网格、微议事、微服务)。")[0].2, ["微网格", "微议事", "微服务"]);
        let f = found("发挥“五老”作用,包括老党员、老干部、老战士、老专家、老教师共同参与。");
        assert_eq!(f[0].2, ["老党员", "老干部", "老战士", "老专家", "老教师"]);
        // After a verb, a list is what the work reaches: 居民, 商户 and 驻区单位 are no 三治.
        assert!(found("深化“三治融合”,邀请居民、商户、驻区单位代表参加议事会。")[0].2.is_empty());
        let f = found("推动“三社联动”,即整合资金、场地、人员等资源。");
        assert_eq!(f[0].2, ["资金", "场地", "人员"]);
        // The last member without the predicate or the slogan said again.
        assert_eq!(found("推进“三治融合”,即自治、法治、德治相结合。")[0].2, ["自治", "法治", "德治"]);
        assert_eq!(found("推进“三治融合”,即自治、法治、德治“三治”相结合。")[0].2, ["自治", "法治", "德治"]);
        assert_eq!(found("“两新”:是指大规模设备更新和消费品以旧换新。")[0].2, ["大规模设备更新", "消费品以旧换新"]);
        // A list of another count, or a list far after the slogan, is not its members.
        assert!(found("推行“三微治理”,包括微网格、微议事。")[0].2.is_empty());
        assert!(found("推行“三微治理”,社区还开展了走访、慰问、义诊等活动。")[0].2.is_empty());
        // The name said again after the last member; the first cut to the others' length.
        let f = found("实施“四早”工程:重大慢性病综合防治早预防、早干预、早发现、早诊治工程。");
        assert_eq!(f[0].2, ["早预防", "早干预", "早发现", "早诊治"]);
    }

    #[test]
    fn a_measure_word_is_no_unit_of_a_slogan() {
        let f = found("推行“四个一”网格治理工作法:一张网格地图、一支网格队伍、一个信息平台、一套考核机制。");
        assert_eq!(f[0].1, parts(&[(4, "一")]));
        assert_eq!(f[0].2, ["一张网格地图", "一支网格队伍", "一个信息平台", "一套考核机制"]);
        let rows = found("建立“三张清单”,打造“四支队伍”“五项机制”。");
        let units: Vec<&str> = rows.iter().map(|r| r.1[0].1.as_str()).collect();
        assert_eq!(units, ["清单", "队伍", "机制"]);
        assert!(found("“两个多月”过去了,“三个半小时”的会。").is_empty(), "quantities");
        // A word of the dictionary, defined by the text: a slogan.
        assert!(found("社区有个“四合院”。").is_empty());
        assert!(found("“两新”:一、,")[0].2.is_empty(), "an empty member after a colon");
        assert_eq!(found("打造“四合院”,即议事院、文化院、养老院、托育院。")[0].2.len(), 4);
    }

    #[test]
    fn members_joined_by_and_but_not_the_object_of_a_verb() {
        let f = found("大力发展软件信息、科技服务和商务服务三大产业");
        assert_eq!(f[0].2, ["软件信息", "科技服务", "商务服务"]);
        let f = found("坚定拥护“两个确立”、坚决做到“两个维护”");
        assert_eq!(f.len(), 2);
        assert!(f[1].2.is_empty(), "{:?}", f[1]);
        let f = found("加快发展算力、数据、人工智能、电子信息“四大产业”");
        assert_eq!(f[0].2, ["算力", "数据", "人工智能", "电子信息"]);
    }

    #[test]
    fn quantities_idioms_and_dates_are_not_formulas() {
        for text in [
            "打造15分钟幸福生活圈",
            "开展30余次活动",
            "开展“一对一”结对帮扶",
            "激活社区治理“一池春水”",
            "提供一站式便民服务",
            "2025年,社区将坚持",
            "一是推进完整社区建设。二是关爱困境儿童。",
            "用好锦里、武侯祠两大文化地标",
            "一点一滴做起",
            "拨打12345热线",
            "全国第一,第一书记",
            "编制“十四五”规划",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
