//! Enumerations: the markers of numbered plan items in every style, grouped into lists, each item running to
//! the next marker of its list or the end of its paragraph.
//!
//! A marker counts only at the start of a clause (paragraph start or after punctuation), so 全国第一 and
//! 第一书记 are not markers, and each style has its own shape test (一是一 is an idiom; 一、二、三产业 is not a
//! heading). Lists are per style: a list goes on while ordinals rise and starts anew when they fall back, so a
//! report's 一、 headings, the （一） headings under each, and the 一是 lists inside paragraphs come out as
//! separate lists of one outline.

use super::numerals::{arabic_len, chinese_len, circled, value};
use std::collections::HashMap;
use std::ops::Range;

/// Highest ordinal taken for a marker; larger numbers are quantities.
const MAX_ORDINAL: u32 = 30;

/// The shape of a marker; items of one list share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    /// 一是
    Shi,
    /// 一要
    Yao,
    /// 第一,
    Di,
    /// 首先 其次 再次 最后
    Sequence,
    /// 其一
    Qi,
    /// (一)
    ParenChinese,
    /// 一、
    ChineseComma,
    /// 1.
    ArabicDot,
    /// 1、
    ArabicComma,
    /// 1)
    ArabicParen,
    /// (1)
    ParenArabic,
    /// ①
    Circled,
}

#[derive(Debug, Clone)]
struct Marker {
    style: Style,
    ordinal: u32,
    range: Range<usize>,
    paragraph: usize,
}

/// One numbered item: byte ranges in normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item {
    pub(crate) list: usize,
    pub(crate) ordinal: u32,
    pub(crate) marker: Range<usize>,
    pub(crate) range: Range<usize>,
}

/// The numbered items of `text`, in document order. `paragraphs` are its paragraphs; `sections` the stretches
/// (statements) that no list runs across.
pub(crate) fn items(text: &str, paragraphs: &[Range<usize>], sections: &[Range<usize>]) -> Vec<Item> {
    let markers: Vec<Marker> = paragraphs
        .iter()
        .enumerate()
        .flat_map(|(i, p)| {
            markers_in(text, p.clone()).into_iter().map(move |(style, ordinal, range)| Marker {
                style,
                ordinal,
                range,
                paragraph: i,
            })
        })
        .collect();
    let section_of = |at: usize| sections.iter().position(|s| s.contains(&at));
    // Group into lists: per style, while ordinals rise within one section.
    let mut open: HashMap<Style, (usize, u32, Option<usize>)> = HashMap::new();
    let mut lists: Vec<Vec<Marker>> = Vec::new();
    for mut marker in markers {
        let section = section_of(marker.range.start);
        // 其次, 再次, 最后 in a paragraph of their own go on from the list before (首先 … ; \n 最后 …).
        if marker.style == Style::Sequence
            && !text[marker.range.clone()].starts_with("首先")
            && let Some(&(_, last, s)) = open.get(&Style::Sequence)
            && s == section
            && marker.ordinal <= last
        {
            marker.ordinal = last + 1;
        }
        // 其次, 最后 after 第一 go on from its list (第一,…其次,…最后,…).
        if marker.style == Style::Sequence
            && marker.ordinal >= 2
            && open.get(&Style::Sequence).is_none_or(|&(_, _, s)| s != section)
            && let Some((list, last, s)) = open.get_mut(&Style::Di)
            && *s == section
            && *last + 1 == marker.ordinal
        {
            *last = marker.ordinal;
            lists[*list].push(marker);
            continue;
        }
        match open.get_mut(&marker.style) {
            Some((list, last, s)) if marker.ordinal > *last && *s == section => {
                *last = marker.ordinal;
                lists[*list].push(marker);
            }
            _ => {
                open.insert(marker.style, (lists.len(), marker.ordinal, section));
                lists.push(vec![marker]);
            }
        }
    }
    // 首先 alone is a way of speaking, not a list; so is 一要 alone (一要一个准, 一要坚持).
    lists.retain(|list| !matches!(list[0].style, Style::Sequence | Style::Yao) || list.len() >= 2);
    // An item ends at the next marker in its paragraph of its own style (its list's next item, or a list of the
    // same style starting anew) or of a list begun before its own (the outline above it going on: （二） after
    // 二要…, 二是 after the 首先…其次… inside 一是); else at the paragraph's end. Before a list starting anew, it
    // ends with the sentence before the new list's lead-in (下半年要做好三件事:).
    let first_of_list: Vec<usize> = lists.iter().map(|list| list[0].range.start).collect();
    let mut in_paragraph: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for (list_index, list) in lists.iter().enumerate() {
        for marker in list {
            in_paragraph.entry(marker.paragraph).or_default().push((marker.range.start, list_index));
        }
    }
    in_paragraph.values_mut().for_each(|starts| starts.sort_unstable());
    let mut items = Vec::new();
    for (list_index, list) in lists.iter().enumerate() {
        for marker in list {
            let later = &in_paragraph[&marker.paragraph];
            let after = later.partition_point(|&(s, _)| s <= marker.range.start);
            let ending = later[after..].iter().find(|&&(_, other)| {
                other == list_index
                    || lists[other][0].style == marker.style
                    || first_of_list[other] < first_of_list[list_index]
            });
            let end = match ending {
                Some(&(start, other)) if start == first_of_list[other] => {
                    // A new list: end with the last sentence before its lead-in, if one ended after the marker.
                    let between = &text[marker.range.end..start];
                    between
                        .rfind(['。', ';', '!', '?'])
                        .map_or(start, |i| marker.range.end + i + between[i..].chars().next().map_or(0, char::len_utf8))
                }
                Some(&(start, _)) => start,
                None => paragraphs[marker.paragraph].end,
            };
            let end = marker.range.start + text[marker.range.start..end].trim_end().len();
            items.push(Item {
                list: list_index,
                ordinal: marker.ordinal,
                marker: marker.range.clone(),
                range: marker.range.start..end,
            });
        }
    }
    items.sort_by_key(|i| (i.range.start, i.list));
    items
}

/// The ordinal and length in bytes of the enumeration marker that `paragraph` opens with (一是, (一), 1., ①,
/// 首先 …), if any.
pub(crate) fn leading_marker(paragraph: &str) -> Option<(u32, usize)> {
    styled_leading_marker(paragraph).map(|(_, n, len)| (n, len))
}

fn styled_leading_marker(paragraph: &str) -> Option<(Style, u32, usize)> {
    let first = paragraph.chars().next()?;
    circled(first)
        .map(|n| (Style::Circled, n, first.len_utf8()))
        .or_else(|| paren_marker(paragraph))
        .or_else(|| chinese_marker(paragraph, true))
        .or_else(|| arabic_marker(paragraph))
        .or_else(|| sequence_marker(paragraph, 0).map(|(n, len)| (Style::Sequence, n, len)))
}

/// Whether `paragraph` opens with the next item of a list in `previous` (`…二是…;` then a line `三是…`).
pub(crate) fn continues_list(previous: &str, paragraph: &str) -> bool {
    let Some((style, n, _)) = styled_leading_marker(paragraph).filter(|&(_, n, _)| n >= 2) else { return false };
    markers_in(previous, 0..previous.len()).iter().any(|&(s, m, _)| s == style && m + 1 == n)
}

/// Characters that make a word with 一 after them (统一, 唯一, 之一, 同一, 进一步): 一是 or 一要 after them is no
/// marker.
const WORDS_ENDING_BEFORE_ONE: &str = "统唯惟之第进万同单划专逐归合不均整其每任另这那哪某又";

/// Markers in one paragraph: (style, ordinal, byte range of the marker).
fn markers_in(text: &str, paragraph: Range<usize>) -> Vec<(Style, u32, Range<usize>)> {
    let mut found = Vec::new();
    let mut previous: Option<char> = None;
    let mut sequence = 0u32;
    for (offset, c) in text[paragraph.clone()].char_indices() {
        let at = paragraph.start + offset;
        let rest = &text[at..paragraph.end];
        let clause_start = previous
            .is_none_or(|p| matches!(p, '。' | ';' | ',' | ':' | '!' | '?' | ' ' | '“' | '”' | ')' | '、' | '…'));
        let line_start = previous.is_none_or(|p| matches!(p, '。' | ';' | ':' | ' '));
        let before = previous;
        previous = Some(c);
        // Circled numbers are markers wherever they stand, but for numbers of buildings, lines and notes
        // (①号楼, ②号线, 注释①).
        if let Some(n) = circled(c) {
            let after = rest[c.len_utf8()..].trim_start_matches(|d| circled(d).is_some());
            let numbering =
                after.starts_with(NUMBERED_THINGS) || text[paragraph.start..at].ends_with(['注', '释', '见']);
            if !numbering {
                found.push((Style::Circled, n, at..at + c.len_utf8()));
            }
            continue;
        }
        if !clause_start {
            // `街道一是……,二是……`: a list said right after its subject, when its second item follows.
            if c == '一'
                && before.is_some_and(|b| !WORDS_ENDING_BEFORE_ONE.contains(b) && !super::numerals::is_chinese_digit(b))
                && let Some((style @ (Style::Shi | Style::Yao), 1, len)) = chinese_marker(rest, false)
                && rest[len..].contains(if style == Style::Shi { "二是" } else { "二要" })
            {
                found.push((style, 1, at..at + len));
            }
            continue;
        }
        if let Some((style, n, len)) = paren_marker(rest) {
            found.push((style, n, at..at + len));
        } else if let Some((style, n, len)) = chinese_marker(rest, offset == 0 || line_start) {
            found.push((style, n, at..at + len));
        } else if let Some((style, n, len)) = arabic_marker(rest).filter(|_| offset == 0 || line_start) {
            found.push((style, n, at..at + len));
        } else if let Some((n, len)) = sequence_marker(rest, sequence) {
            sequence = n;
            found.push((Style::Sequence, n, at..at + len));
        }
    }
    found
}

/// What a number names rather than orders: ①号楼, (1)班, (2)号线.
const NUMBERED_THINGS: &[char] = &['号', '楼', '栋', '班', '线', '组', '层', '门', '室', '排'];

/// `(一)`, `(12)`.
fn paren_marker(rest: &str) -> Option<(Style, u32, usize)> {
    let inner = rest.strip_prefix('(')?;
    let chinese = chinese_len(inner);
    let (style, len) =
        if chinese > 0 { (Style::ParenChinese, chinese) } else { (Style::ParenArabic, arabic_len(inner)) };
    if len == 0 || !inner[len..].starts_with(')') {
        return None;
    }
    let n = value(&inner[..len]).filter(|n| (1..=MAX_ORDINAL).contains(n))?;
    if inner[len + 1..].starts_with(NUMBERED_THINGS) {
        return None;
    }
    Some((style, n, len + 2))
}

/// `一是`, `一要`, `第一,`, and at the start of a line `一、`.
fn chinese_marker(rest: &str, line_start: bool) -> Option<(Style, u32, usize)> {
    let (numeral_at, style_hint) = match (rest.strip_prefix('第'), rest.strip_prefix('其')) {
        (Some(after), _) => (after, Some(Style::Di)),
        (_, Some(after)) => (after, Some(Style::Qi)),
        _ => (rest, None),
    };
    let len = chinese_len(numeral_at);
    if len == 0 {
        return None;
    }
    let numeral = &numeral_at[..len];
    let n = value(numeral).filter(|n| (1..=MAX_ORDINAL).contains(n))?;
    let after = &numeral_at[len..];
    let prefix = rest.len() - numeral_at.len() + len;
    let next = after.chars().next()?;
    if let Some(style) = style_hint {
        // 第一, 第二:, 第一要, 其一, — but not 第一书记, 第一次, 第一批, 其一生.
        return match next {
            ',' | '、' | ':' | ' ' => Some((style, n, prefix)),
            // 第一要务, 第一要素, 第一要义 are nouns.
            '要' if after['要'.len_utf8()..].starts_with(['务', '素', '义']) => None,
            '要' | '是' => Some((style, n, prefix + next.len_utf8())),
            _ => None,
        };
    }
    match next {
        // 一是一,二是二 is an idiom of exactness, not a list.
        '是' if !after['是'.len_utf8()..].starts_with(numeral) => Some((Style::Shi, n, prefix + '是'.len_utf8())),
        '要' => Some((Style::Yao, n, prefix + '要'.len_utf8())),
        // A heading 一、 opens a line; 一、二、三产业 counts things. Scraped text may print 一. for 一、.
        '、' | '.' if line_start && chinese_len(&after[next.len_utf8()..]) == 0 => {
            Some((Style::ChineseComma, n, prefix + next.len_utf8()))
        }
        _ => None,
    }
}

/// `1.`, `1、`, `1)` at the start of a line (not `1.5`, not a year).
fn arabic_marker(rest: &str) -> Option<(Style, u32, usize)> {
    let len = arabic_len(rest);
    if len == 0 || len > 2 {
        return None;
    }
    let n = value(&rest[..len]).filter(|n| (1..=MAX_ORDINAL).contains(n))?;
    let after = &rest[len..];
    let sign = after.chars().next()?;
    // 1、2月份, 3、4号楼, a decimal with a stray space (2. 5万元): numbers, not markers.
    if after[sign.len_utf8()..].trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let style = match sign {
        '.' => Style::ArabicDot,
        '、' => Style::ArabicComma,
        ')' => Style::ArabicParen,
        _ => return None,
    };
    Some((style, n, len + after.chars().next()?.len_utf8()))
}

/// 首先 其次 再次 最后, with the ordinal each takes after the one before.
fn sequence_marker(rest: &str, previous: u32) -> Option<(u32, usize)> {
    let word = ["首先", "其次", "再次", "最后"].into_iter().find(|w| rest.starts_with(w))?;
    let after = &rest[word.len()..];
    // 最后一公里, 再次当选: the closing and repeating words begin lists only when set off by a comma or said as
    // a list's words are (再次是, 最后要).
    if matches!(word, "最后" | "再次") && !after.starts_with([',', ':', ' ', '是', '要']) {
        return None;
    }
    let n = match word {
        "首先" => 1,
        "其次" => previous.max(1) + 1,
        _ => previous + 1,
    };
    Some((n, word.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::paragraphs;

    fn lists(text: &str) -> Vec<(usize, u32, String)> {
        let paras: Vec<Range<usize>> = paragraphs(text).collect();
        items(text, &paras, std::slice::from_ref(&(0..text.len())))
            .into_iter()
            .map(|i| (i.list, i.ordinal, text[i.range].chars().take(6).collect()))
            .collect()
    }

    fn owned(rows: &[(usize, u32, &str)]) -> Vec<(usize, u32, String)> {
        rows.iter().map(|&(l, o, t)| (l, o, t.to_string())).collect()
    }

    #[test]
    fn yishi_items_run_to_the_next_marker() {
        let text = "2025年,社区将坚持原则。一是推进完整社区建设。持续开展验收。二是关爱困境儿童。三是关注重点人群;四是优化就业服务。";
        assert_eq!(
            lists(text),
            owned(&[(0, 1, "一是推进完整"), (0, 2, "二是关爱困境"), (0, 3, "三是关注重点"), (0, 4, "四是优化就业")])
        );
        let paras: Vec<Range<usize>> = paragraphs(text).collect();
        let first = &items(text, &paras, std::slice::from_ref(&(0..text.len())))[0];
        assert_eq!(&text[first.range.clone()], "一是推进完整社区建设。持续开展验收。");
        assert_eq!(&text[first.marker.clone()], "一是");
    }

    #[test]
    fn an_outline_comes_out_as_nested_lists() {
        let text = "一、2025年工作回顾\n(一)经济运行\n一是扩内需。二是稳增长。\n(二)改革开放\n二、2026年工作安排\n(一)扩大内需\n1.提振消费\n2.扩大投资";
        assert_eq!(
            lists(text),
            owned(&[
                (0, 1, "一、2025"),
                (1, 1, "(一)经济运"),
                (2, 1, "一是扩内需。"),
                (2, 2, "二是稳增长。"),
                (1, 2, "(二)改革开"),
                (0, 2, "二、2026"),
                (3, 1, "(一)扩大内"),
                (4, 1, "1.提振消费"),
                (4, 2, "2.扩大投资"),
            ])
        );
    }

    #[test]
    fn words_that_only_look_like_markers_are_not() {
        assert!(lists("他被评为全国第一,并担任驻村第一书记。").is_empty());
        assert!(lists("做到一是一,二是二。").is_empty());
        assert!(lists("推动一、二、三产业融合。").is_empty());
        assert!(lists("打通服务群众最后一公里。首先,要感谢大家。").is_empty());
        assert!(lists("2025年1.5亿元").is_empty());
    }

    #[test]
    fn an_item_ends_before_a_new_list_and_where_the_outline_above_goes_on() {
        let text = "上半年做了两件事:一是完成改造,二是建成食堂。下半年要做好三件事:一是抓安全,二是抓服务。";
        let ends: Vec<String> = lists(text).into_iter().map(|l| l.2).collect();
        assert_eq!(ends, ["一是完成改造", "二是建成食堂", "一是抓安全,", "二是抓服务。"]);
        let paras: Vec<Range<usize>> = paragraphs(text).collect();
        let second = &items(text, &paras, std::slice::from_ref(&(0..text.len())))[1];
        assert_eq!(&text[second.range.clone()], "二是建成食堂。", "the next list's lead-in is not in it");
        let text = "(一)强化责任。一要压实责任;二要建立清单,逐项销号。(二)强化考核。一要定期督查。";
        let paras: Vec<Range<usize>> = paragraphs(text).collect();
        let found = items(text, &paras, std::slice::from_ref(&(0..text.len())));
        let second = found.iter().find(|i| &text[i.marker.clone()] == "二要").unwrap();
        assert_eq!(&text[second.range.clone()], "二要建立清单,逐项销号。");
        let text = "一是加强领导,首先要统一思想,其次要明确分工。二是完善机制。";
        let paras: Vec<Range<usize>> = paragraphs(text).collect();
        let found = items(text, &paras, std::slice::from_ref(&(0..text.len())));
        let then = found.iter().find(|i| &text[i.marker.clone()] == "其次").unwrap();
        assert_eq!(&text[then.range.clone()], "其次要明确分工。");
    }

    #[test]
    fn numbers_joined_by_a_comma_are_no_markers() {
        assert!(lists("1、2月份开展招聘会。\n3、4号楼的居民也参加了。\n2. 5万元资金已到位。").is_empty());
        assert!(continues_list("一是建强阵地;二是实施机制;", "三是打造品牌。"));
        assert!(
            !continues_list("一是建强阵地;", "三是打造品牌。") && !continues_list("一要建强阵地;", "二是打造品牌。")
        );
    }

    #[test]
    fn other_styles() {
        assert_eq!(
            lists("首先,发展经济;其次,完善网格;最后,关注骑手。"),
            owned(&[(0, 1, "首先,发展经"), (0, 2, "其次,完善网"), (0, 3, "最后,关注骑")])
        );
        assert_eq!(lists("一要抓团结,二要抓服务。"), owned(&[(0, 1, "一要抓团结,"), (0, 2, "二要抓服务。")]));
        assert_eq!(lists("第一,抓党建;第二,抓服务。"), owned(&[(0, 1, "第一,抓党建"), (0, 2, "第二,抓服务")]));
        assert_eq!(lists("第一要抓党建,第二要抓服务。").len(), 2);
        assert_eq!(lists("第一要务是发展。第二,要保稳定。"), owned(&[(0, 2, "第二,要保稳")]));
        assert_eq!(lists("一.加强排查\n二.及时化解").len(), 2);
        assert_eq!(lists("今年街道一是抓党建,二是抓服务。").len(), 2);
        assert_eq!(lists("社区一要抓党建,二要抓服务。")[0], (0, 1, "一要抓党建,".to_string()));
        assert!(lists("统一是前提,唯一要求是落实。").is_empty());
        assert!(lists("街道一是抓党建。").is_empty(), "mid-clause, a list needs its second item");
        // 十一是 is one marker, not 一是 inside one.
        assert_eq!(lists("十是抓党建;十一是抓服务;十二是抓培训。").len(), 3);
        // Numbers of notes, buildings and classes; 一要 alone.
        for text in ["参见注释①。", "①号楼的电梯坏了。", "(1)班和(2)班进行了拔河比赛。", "一要坚持,就一定能成功。"]
        {
            assert!(lists(text).is_empty(), "{text}: {:?}", lists(text));
        }
        let across = lists("首先,抓党建;\n其次,抓服务;\n再次,抓安全;\n最后,抓培训。");
        assert_eq!(across.iter().map(|l| (l.0, l.1)).collect::<Vec<_>>(), [(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_eq!(
            lists("首先是抓党建;其次是抓服务;再次要抓安全;最后是抓培训。").iter().map(|l| l.1).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        assert_eq!(lists("包括①居民;②商户。"), owned(&[(0, 1, "①居民;"), (0, 2, "②商户。")]));
        assert_eq!(lists("其一,抓党建;其二,抓服务。"), owned(&[(0, 1, "其一,抓党建"), (0, 2, "其二,抓服务")]));
        assert!(lists("他其一生都在奉献。").is_empty());
        assert_eq!(
            lists("第一,抓党建。其次,抓服务。最后,抓培训。"),
            owned(&[(0, 1, "第一,抓党建"), (0, 2, "其次,抓服务"), (0, 3, "最后,抓培训")])
        );
        assert_eq!(lists("措施:(1)摸底;(2)建档。"), owned(&[(0, 1, "(1)摸底;"), (0, 2, "(2)建档。")]));
        assert_eq!(lists("一是推进;三是落实。"), owned(&[(0, 1, "一是推进;"), (0, 3, "三是落实。")]));
    }
}
