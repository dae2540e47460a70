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
const NOT_UNITS: &str = "是要的了和与在为年月日号次个名位人户万亿元余多几对池种些家样批项岁天周期分秒时点";
/// Words that join a number and its unit into a slogan: 三圈共融, 三区联动.
const JOINERS: &[&str] = &[
    "共融", "联动", "融合", "协同", "共治", "共建", "共享", "并举", "合一", "一体", "齐抓", "联创", "共管", "同步",
    "互动", "统筹", "贯通", "互促", "并进", "共进",
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
    "功能区",
    "产业",
    "计划",
    "举措",
    "目标",
    "抓手",
    "服务",
];
/// Words after a digit code that make it a framework: “344”架构, 12345工作思路.
const FRAMEWORK_WORDS: &[&str] =
    &["架构", "工作思路", "工作法", "工作机制", "模式", "机制", "体系", "格局", "思路", "工程", "战略", "布局"];
/// Words that lead an enumeration without being part of its first member.
const LEADS: &[&str] = &[
    "以", "将", "把", "推动", "建立", "构建", "打造", "形成", "围绕", "聚焦", "用好", "依托", "实现", "推进", "突出",
    "坚持", "包括", "涵盖", "整合", "统筹", "强化", "完善", "健全",
];

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
    pub(crate) fn find(&self, text: &str, is_boundary: impl Fn(usize) -> bool) -> Vec<Found> {
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
            // Every shape starts with a numeral.
            if !(is_chain_numeral(c) || c.is_ascii_digit()) {
                continue;
            }
            let rest = &text[at..];
            let quoted = prev == Some('“');
            let shape = self
                .chain(rest, |b| is_boundary(at + b))
                .or_else(|| joined(rest))
                .or_else(|| with_da(rest))
                .or_else(|| digit_code(rest, quoted))
                .or_else(|| plus_n(rest))
                .or_else(|| quoted_phrase(rest, quoted));
            if let Some((len, parts)) = shape {
                let range = at..at + len;
                let members = members(text, range.clone(), &parts);
                found.push(Found { range, parts, members });
            }
        }
        found
    }

    /// 一核两翼三全四圈五化, 一中心三条线五融合, 一村一品: two or more numbered parts in a row.
    fn chain(&self, rest: &str, is_boundary: impl Fn(usize) -> bool) -> Option<(usize, Vec<(u32, String)>)> {
        let chars: Vec<(usize, char)> = rest.char_indices().take(24).collect();
        let mut parts: Vec<(u32, String)> = Vec::new();
        let mut i = 0;
        let mut end = 0;
        while i < chars.len() && is_chain_numeral(chars[i].1) {
            let n = value(&chars[i].1.to_string())?;
            // The unit runs to the next numeral; the last one is as long as the one before it, unless its two
            // characters make one word of the segmentation (一区三中心: 中心).
            let unit_start = i + 1;
            let mut j = unit_start;
            while j < chars.len() && j - unit_start < 2 && is_unit_char(chars[j].1) && !is_chain_numeral(chars[j].1) {
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
        (parts.len() >= 2 && !self.idioms.contains(&rest[..end])).then_some((end, parts))
    }
}

fn is_unit_char(c: char) -> bool {
    is_cjk(c) && !NOT_UNITS.contains(c)
}

/// 三圈共融, 五社联动, 三治融合: a number from two to ten, a one-character unit, a joining word.
fn joined(rest: &str) -> Option<(usize, Vec<(u32, String)>)> {
    let mut chars = rest.char_indices();
    let (_, numeral) = chars.next()?;
    let n = value(&numeral.to_string()).filter(|n| (2..=10).contains(n))?;
    let (unit_at, unit) = chars.next()?;
    if !is_unit_char(unit) || !is_chain_numeral(numeral) {
        return None;
    }
    let after = unit_at + unit.len_utf8();
    let joiner = JOINERS.iter().find(|j| rest[after..].starts_with(*j))?;
    Some((after + joiner.len(), vec![(n, unit.to_string())]))
}

/// 四大体系, 3大核心.
fn with_da(rest: &str) -> Option<(usize, Vec<(u32, String)>)> {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let numeral_len =
        if digits > 0 { digits } else { rest.chars().next().filter(|&c| is_chain_numeral(c))?.len_utf8() };
    let n = value(&rest[..numeral_len]).filter(|n| (2..=12).contains(n))?;
    let after = rest[numeral_len..].strip_prefix('大')?;
    let noun = FRAMEWORK_NOUNS.iter().filter(|w| after.starts_with(*w)).max_by_key(|w| w.len())?;
    Some((numeral_len + '大'.len_utf8() + noun.len(), vec![(n, noun.to_string())]))
}

/// “344”架构, “12345”工作思路, 12345工作法: a code of digits, quoted or naming a framework.
fn digit_code(rest: &str, quoted: bool) -> Option<(usize, Vec<(u32, String)>)> {
    let len = rest.bytes().take_while(|b| (b'1'..=b'9').contains(b)).count();
    if !(2..=6).contains(&len) || rest[len..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let after = &rest[len..];
    // Quoted, the code must close the quote; either way a framework word must follow (12345热线 is a number).
    if quoted && !after.starts_with('”') {
        return None;
    }
    let framework = FRAMEWORK_WORDS.iter().find(|w| after.trim_start_matches('”').starts_with(*w))?;
    let len = if quoted { len } else { len + framework.len() };
    let parts = rest.bytes().take_while(u8::is_ascii_digit).map(|b| ((b - b'0') as u32, String::new())).collect();
    Some((len, parts))
}

/// 1+N, 7+N, 1+3+N.
fn plus_n(rest: &str) -> Option<(usize, Vec<(u32, String)>)> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut parts = Vec::new();
    let mut saw_n = false;
    loop {
        let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && digits <= 2 {
            parts.push((value(&rest[i..i + digits])?, String::new()));
            i += digits;
        } else if bytes.get(i).is_some_and(|&b| b == b'N' || b == b'X') && !parts.is_empty() {
            saw_n = true;
            i += 1;
        } else {
            return None;
        }
        if bytes.get(i) != Some(&b'+') || saw_n {
            break;
        }
        i += 1;
    }
    let last = parts.last_mut()?;
    if saw_n {
        last.1 = "+N".into();
    }
    (saw_n && !bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric())).then_some((i, parts))
}

/// “三个牢牢把握”, “两个确立”, “四个意识”: a quoted phrase that is a number and what it counts.
fn quoted_phrase(rest: &str, quoted: bool) -> Option<(usize, Vec<(u32, String)>)> {
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
    ((2..=8).contains(&len) && counted.chars().all(is_cjk)).then(|| (close, vec![(n, counted.to_string())]))
}

/// What the text enumerates for a single-number formula: the list just before it (经济圈、生活圈、治理圈
/// “三圈共融”; 动员、支持、运营、品牌四大体系), a compound made of as many words on its unit (“街区景区社区”三区联动), or
/// the list after a colon. Empty unless the count equals the number.
fn members(text: &str, formula: Range<usize>, parts: &[(u32, String)]) -> Vec<Range<usize>> {
    let [(n, unit)] = parts else { return Vec::new() };
    let n = *n as usize;
    let before = list_before(text, formula.start);
    if before.len() == n {
        return before;
    }
    if let Some(compound) = compound_before(text, formula.start, n, unit) {
        return compound;
    }
    let after = list_after(text, formula.end);
    if after.len() == n && after.iter().all(|r| !r.is_empty()) { after } else { Vec::new() }
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
    let start = after_last(&text[..end], &[',', '。', ';', ':', '!', '?', '\n', '(', ')', ' ']);
    let span = &text[start..end];
    if !span.contains('、') {
        return Vec::new();
    }
    let mut items = split_list(span, start);
    trim_first(text, &mut items);
    items.retain(|r| !r.is_empty());
    items
}

/// Items after a colon or 即 that follows the formula, up to the end of the clause.
fn list_after(text: &str, start: usize) -> Vec<Range<usize>> {
    let rest = &text[start..];
    let Some(after) = rest.strip_prefix(':').or_else(|| rest.strip_prefix("即")) else { return Vec::new() };
    let from = start + (rest.len() - after.len());
    let end = after.find([',', '。', ';', '\n', '!', '?']).map_or(text.len(), |i| from + i);
    let span = &text[from..end];
    if !span.contains('、') {
        return Vec::new();
    }
    let mut items = split_list(span, from);
    for item in &mut items {
        item.end = item.start + text[item.clone()].trim_end_matches('等').len();
    }
    items
}

/// Byte ranges of the items of a 、-separated `span` that starts at byte `offset` of its text.
fn split_list(span: &str, offset: usize) -> Vec<Range<usize>> {
    let mut at = offset;
    span.split('、')
        .map(|piece| {
            let item = at..at + piece.len();
            at = item.end + '、'.len_utf8();
            item
        })
        .collect()
}

/// Strips a leading verb from the first item, and cuts it to the length of the others when they all share
/// one length and it ends like them (推动城市社区经济圈 → 经济圈 beside 生活圈, 治理圈).
fn trim_first(text: &str, items: &mut [Range<usize>]) {
    let Some((first, others)) = items.split_first_mut() else { return };
    if let Some(lead) = LEADS.iter().filter(|l| text[first.clone()].starts_with(*l)).max_by_key(|l| l.len())
        && text[first.clone()].len() > lead.len()
    {
        first.start += lead.len();
    }
    let lengths: HashSet<usize> = others.iter().map(|r| text[r.clone()].chars().count()).collect();
    if let (1, Some(other)) = (lengths.len(), others.first()) {
        let len = text[other.clone()].chars().count();
        let first_text = &text[first.clone()];
        let same_ending = first_text.chars().last() == text[other.clone()].chars().last();
        if first_text.chars().count() > len && same_ending {
            let cut = first_text.char_indices().rev().nth(len - 1).map_or(0, |(i, _)| i);
            first.start += cut;
        }
    }
}

/// “街区景区社区”三区联动: the quoted compound before the formula, cut into `n` equal words each ending in `unit`.
fn compound_before(text: &str, end: usize, n: usize, unit: &str) -> Option<Vec<Range<usize>>> {
    let head = text[..end].strip_suffix('”')?;
    let open = head.rfind('“')?;
    let start = open + '“'.len_utf8();
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
            .find(text, |_| true)
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
            "推进“四川云教”建设,编制“十四五”规划",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
