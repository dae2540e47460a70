//! Speaker headers and attributions → statements.
//!
//! A text with header lines is split at them, its title and byline (before the first header) belonging to
//! nobody. A text without headers is split at attributions in running text, the narration around them being
//! statements of nobody; an interview printed as turns (`记者:`/`问:` then the answer) is split at its questions
//! (see `interviews`). A text with neither is one statement of nobody. All ranges here are byte ranges of the
//! normalized text.

mod attributions;
mod headers;
mod interviews;
pub(crate) mod lexicon;

use crate::text::sentences::{paragraphs, sentences};
use attributions::Attribution;
use lexicon::Lexicon;
use std::ops::Range;

/// Paragraphs that close an article without being part of anyone's statement.
const EDITORIAL_LEADS: &[&str] = &[
    "图为",
    "(图为",
    "供稿:",
    "供图:",
    "摄影:",
    "责任编辑",
    "编辑:",
    "编辑 ",
    "来源:",
    "原标题",
    "审核:",
    "校对:",
    "(记者",
    "(编辑",
    "(责任编辑",
    "[责任编辑",
    "责编",
    "(责编",
    "本文来源",
    "(本文系",
    "(本版",
    "更多精彩",
    "(来源",
];
/// Endings of a credit in brackets that closes an article: `(天河区委宣传部供稿)`.
const CREDIT_ENDINGS: &[&str] = &["供稿)", "供图)", "供稿]", "供图]"];

/// A speaker found in normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SpeakerMatch {
    /// The whole header or attribution.
    pub(crate) span: Range<usize>,
    pub(crate) name: Range<usize>,
    pub(crate) role: Range<usize>,
    pub(crate) organization: Option<Range<usize>>,
}

/// A statement before it is mapped back to the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) range: Range<usize>,
    pub(crate) speaker: Option<SpeakerMatch>,
}

/// Splits normalized `text` into statements.
pub(crate) fn split(lexicon: &Lexicon, text: &str) -> Vec<Found> {
    let paras: Vec<Range<usize>> = paragraphs(text).filter(|p| !is_editorial(&text[p.clone()])).collect();
    if paras.is_empty() {
        return Vec::new();
    }
    let headers = headers_introducing(lexicon, text, &paras);
    if !headers.is_empty() {
        // A header introduces a guest, who answers the questions of an interview after it.
        let guests: Vec<Attribution> = headers
            .iter()
            .map(|(_, speaker)| Attribution { speaker: speaker.clone(), start: speaker.span.start, to_end: true })
            .collect();
        let lead = |lead: &[Range<usize>], _: &[Attribution]| by_headers(lead, &headers);
        return interviews::split(lexicon, text, &paras, &guests, lead).unwrap_or_else(|| by_headers(&paras, &headers));
    }
    let sents: Vec<Range<usize>> = paras.iter().flat_map(|p| sentences(text, p.clone())).collect();
    let found = attributions::attributions(lexicon, text, &sents);
    let running = |paras: &[Range<usize>], found: &[Attribution]| running(text, paras, found);
    interviews::split(lexicon, text, &paras, &found, running).unwrap_or_else(|| running(&paras, &found))
}

/// The header lines that introduce what follows them, each by the paragraph it begins on (a name and its unit
/// and post may stand on two lines).
fn headers_introducing(lexicon: &Lexicon, text: &str, paras: &[Range<usize>]) -> Vec<(usize, SpeakerMatch)> {
    let mut headers: Vec<(usize, SpeakerMatch)> = Vec::new();
    let mut i = 0;
    while i < paras.len() {
        if let Some(found) = headers::header(lexicon, text, paras[i].clone()) {
            headers.push((i, found));
        } else if let Some(found) = paras.get(i + 1).and_then(|next| headers::two_lines(lexicon, text, &paras[i], next))
        {
            headers.push((i, found));
            i += 1;
        }
        i += 1;
    }
    // One next to another header, or followed by nothing, is a line of a list of officials or a contact block
    // (社区党委书记:王芳 / 社区居委会主任:李华), not a speaker's statement; a signature (`……党委书记 周丽` /
    // `2024年12月26日`) closes a text it did not introduce.
    let after = |(i, found): &(usize, SpeakerMatch)| if found.span.end > paras[*i].end { i + 2 } else { i + 1 };
    let starts: std::collections::HashSet<usize> = headers.iter().map(|(i, _)| *i).collect();
    let ends: std::collections::HashSet<usize> = headers.iter().map(after).collect();
    let signature = |h: &(usize, SpeakerMatch)| paras[after(h)..].iter().all(|p| is_date(&text[p.clone()]));
    headers.retain(|h| after(h) < paras.len() && !starts.contains(&after(h)) && !ends.contains(&h.0) && !signature(h));
    headers
}

/// The statements of a text with header lines: each header's runs to the next one; what comes before the first
/// (a title, a lead) is a statement of nobody. Headers on paragraphs past `paras` are left out.
fn by_headers(paras: &[Range<usize>], headers: &[(usize, SpeakerMatch)]) -> Vec<Found> {
    let headers: Vec<&(usize, SpeakerMatch)> = headers.iter().filter(|(i, _)| *i < paras.len()).collect();
    let lead = headers.first().map_or(paras.len(), |(first, _)| *first);
    let lead = (lead > 0).then(|| Found { range: paras[0].start..paras[lead - 1].end, speaker: None });
    lead.into_iter()
        .chain(headers.iter().enumerate().map(|(k, (_, speaker))| {
            let last_para = headers.get(k + 1).map_or(paras.len(), |(next, _)| *next) - 1;
            Found { range: speaker.span.start..paras[last_para].end, speaker: Some(speaker.clone()) }
        }))
        .collect()
}

/// Whether a paragraph is a date alone (`2024年12月26日`, `2025-03-01`).
fn is_date(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    !paragraph.is_empty()
        && paragraph.chars().count() <= 16
        && paragraph.chars().all(|c| c.is_ascii_digit() || "年月日号-./ 〇零一二三四五六七八九十".contains(c))
}

/// The statements of running text: each attribution's, and the narration around them of nobody's; one
/// statement of nobody without attributions.
fn running(text: &str, paras: &[Range<usize>], found: &[Attribution]) -> Vec<Found> {
    let (Some(first), Some(last)) = (paras.first(), paras.last()) else {
        return Vec::new();
    };
    if found.is_empty() {
        return vec![Found { range: first.start..last.end, speaker: None }];
    }
    let mut out: Vec<Found> = Vec::new();
    for (k, attribution) in found.iter().enumerate() {
        let next_start = found.get(k + 1).map_or(text.len(), |n| n.start);
        let end = if attribution.to_end {
            next_start.min(last.end)
        } else {
            statement_end(text, paras, attribution.start).min(next_start)
        };
        let range = attribution.start..trim_end(text, attribution.start..end);
        match out.last_mut() {
            Some(prev)
                if same_speaker(text, prev, &attribution.speaker)
                    && text[prev.range.end..range.start].trim().is_empty() =>
            {
                prev.range.end = range.end;
            }
            _ => out.push(Found { range, speaker: Some(attribution.speaker.clone()) }),
        }
    }
    with_narration(text, paras, out)
}

/// The attributed statements with the text around and between them — the reporter's narration — as statements
/// of nobody, so that every part of the article belongs to one statement (as a text without speakers is one).
fn with_narration(text: &str, paras: &[Range<usize>], attributed: Vec<Found>) -> Vec<Found> {
    let narration = |gap: Range<usize>| {
        let mut pieces = paras
            .iter()
            .map(|p| p.start.max(gap.start)..p.end.min(gap.end))
            .filter(|piece| piece.start < piece.end && !text[piece.clone()].trim().is_empty());
        let first = pieces.next()?;
        let end = pieces.next_back().map_or(first.end, |last| last.end);
        let start = first.start + (text[first.clone()].len() - text[first.clone()].trim_start().len());
        Some(Found { range: start..trim_end(text, start..end), speaker: None })
    };
    let mut out = Vec::with_capacity(attributed.len() * 2 + 1);
    let mut cursor = 0;
    for statement in attributed {
        out.extend(narration(cursor..statement.range.start));
        cursor = statement.range.end;
        out.push(statement);
    }
    out.extend(narration(cursor..text.len()));
    out
}

/// End of a statement opened at `start`: the end of its paragraph, or of the quoted paragraphs that follow it, or
/// of the list that follows it — announced by a colon (`王芳介绍了社区的做法:`) or begun right after it (首先…).
fn statement_end(text: &str, paras: &[Range<usize>], start: usize) -> usize {
    let at = paras.partition_point(|p| p.end <= start);
    let mut end = paras.get(at).map_or(text.len(), |p| p.end);
    let mut listing = text[..end].ends_with(':');
    for (k, p) in paras.iter().enumerate().skip(at + 1) {
        let paragraph = &text[p.clone()];
        let quoted = paragraph.starts_with(['“', '"']);
        let ordinal = crate::plans::enumerations::leading_marker(paragraph).map(|(n, _)| n);
        listing |= k == at + 1 && ordinal == Some(1);
        // A list of the statement going on in a paragraph of its own (`……二是……;` then `三是……`).
        let next_item = crate::plans::enumerations::continues_list(&text[paras[k - 1].clone()], paragraph);
        let continues = quoted || next_item || listing && ordinal.is_some();
        if !continues {
            break;
        }
        listing &= !quoted;
        end = p.end;
    }
    end
}

fn trim_end(text: &str, range: Range<usize>) -> usize {
    range.start + text[range].trim_end().len()
}

fn same_speaker(text: &str, found: &Found, speaker: &SpeakerMatch) -> bool {
    found.speaker.as_ref().is_some_and(|s| text[s.name.clone()] == text[speaker.name.clone()])
}

/// Whether a paragraph is editorial matter: a credit or a byline alone, not a byline that opens the article's
/// first paragraph (`(记者 王小明)近日,社区开展活动。`).
fn is_editorial(paragraph: &str) -> bool {
    let credit = paragraph.starts_with(['(', '[']) && CREDIT_ENDINGS.iter().any(|e| paragraph.ends_with(e));
    credit
        || EDITORIAL_LEADS.iter().any(|lead| {
            paragraph.starts_with(lead)
                && !(lead.starts_with('(')
                    && paragraph.find(')').is_some_and(|close| paragraph[close + 1..].chars().count() > 4))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_split_the_text_and_the_title_is_nobodys() {
        let text = "特别报道标题\n刘晓 锦江区成龙路街道枫树社区党委书记\n一是推进完整社区建设。\n二是关爱困境儿童。\n彭勇 彭州市天彭街道东林社区党委书记\n以社区基金为核心。\n责任编辑:张三";
        let found = split(&Lexicon::builtin(), text);
        let spans: Vec<(&str, bool)> = found.iter().map(|f| (&text[f.range.clone()], f.speaker.is_some())).collect();
        assert_eq!(
            spans,
            [
                ("特别报道标题", false),
                ("刘晓 锦江区成龙路街道枫树社区党委书记\n一是推进完整社区建设。\n二是关爱困境儿童。", true),
                ("彭勇 彭州市天彭街道东林社区党委书记\n以社区基金为核心。", true)
            ]
        );
    }

    #[test]
    fn a_signature_with_a_date_introduces_nothing() {
        let text = "大观楼社区2024年工作总结\n一、工作开展情况\n社区开展助餐服务2.6万人次。\n大观楼社区党委书记 周丽\n2024年12月26日";
        assert_eq!(split(&Lexicon::builtin(), text), [Found { range: 0..text.len(), speaker: None }]);
    }

    #[test]
    fn a_header_on_two_lines() {
        for text in [
            "刘晓\n锦江区成龙路街道枫树社区党委书记\n一是推进完整社区建设。\n彭勇\n彭州市天彭街道东林社区党委书记\n以社区基金为核心。",
            "锦江区成龙路街道枫树社区党委书记\n刘晓\n一是推进完整社区建设。\n彭州市天彭街道东林社区党委书记\n彭勇\n以社区基金为核心。",
        ] {
            let found = split(&Lexicon::builtin(), text);
            let names: Vec<&str> = found.iter().map(|f| &text[f.speaker.as_ref().unwrap().name.clone()]).collect();
            assert_eq!(names, ["刘晓", "彭勇"], "{text}");
            assert!(text[found[0].range.clone()].ends_with("一是推进完整社区建设。"));
        }
        // A list of officials on two lines each is none.
        let text = "出席会议的有:\n张三\n锦江区副区长\n李四\n锦江区副区长";
        assert!(split(&Lexicon::builtin(), text).iter().all(|f| f.speaker.is_none()));
    }

    #[test]
    fn a_guest_introduced_by_the_text_speaks_to_its_end() {
        let text = "社区推荐官第3期\n本期我们邀请到玉林街道黉门街社区党委书记王丽,请她带我们走一走。\n社区成立于2002年。\n我们始终把居民的事放在心上。\n责任编辑:张三";
        let found = split(&Lexicon::builtin(), text);
        let spans: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (&text[f.range.clone()], f.speaker.as_ref().map_or("", |s| &text[s.name.clone()])))
            .collect();
        assert_eq!(
            spans,
            [
                ("社区推荐官第3期", ""),
                (
                    "本期我们邀请到玉林街道黉门街社区党委书记王丽,请她带我们走一走。\n社区成立于2002年。\n我们始终把居民的事放在心上。",
                    "王丽"
                )
            ]
        );
        // Without a first-person voice after it, the introduction attributes nothing.
        let report = "本期我们邀请到玉林街道黉门街社区党委书记王丽参加活动。\n社区成立于2002年。";
        assert!(split(&Lexicon::builtin(), report).iter().all(|f| f.speaker.is_none()));
    }

    #[test]
    fn a_text_without_speakers_is_one_statement_of_nobody() {
        let text = "一是推进完整社区建设。\n二是关爱困境儿童。";
        let found = split(&Lexicon::builtin(), text);
        assert_eq!(found, [Found { range: 0..text.len(), speaker: None }]);
    }

    #[test]
    fn quoted_paragraphs_continue_an_attributed_statement() {
        let text = "活动现场。\n海棠路社区党委书记施光梅表示,过去半年成效明显。\n“下半年我们还要加油。”\n其他居民也参加了活动。";
        let found = split(&Lexicon::builtin(), text);
        let spans: Vec<(&str, bool)> = found.iter().map(|f| (&text[f.range.clone()], f.speaker.is_some())).collect();
        assert_eq!(
            spans,
            [
                ("活动现场。", false),
                ("海棠路社区党委书记施光梅表示,过去半年成效明显。\n“下半年我们还要加油。”", true),
                ("其他居民也参加了活动。", false)
            ]
        );
    }

    #[test]
    fn a_list_announced_by_a_colon_continues_an_attributed_statement() {
        let text = "活动现场。\n黄门街社区党委书记王芳介绍了社区的做法:\n一是抓好院落自治;\n二是做优一老一小服务。\n其他居民也参加了活动。";
        let found = split(&Lexicon::builtin(), text);
        assert_eq!(found.len(), 3);
        assert!(
            text[found[1].range.clone()].ends_with("二是做优一老一小服务。"),
            "{:?}",
            &text[found[1].range.clone()]
        );
    }

    #[test]
    fn a_list_begun_right_after_an_attribution_continues_it() {
        let text = "“老人多。”居委会主任刘女士告诉记者,社区今年推进三项工作。\n首先是适老化改造;\n其次是老年食堂;\n再次是文化活动。\n记者了解到,居民都很满意。";
        let found = split(&Lexicon::builtin(), text);
        assert!(text[found[0].range.clone()].ends_with("再次是文化活动。"), "{:?}", &text[found[0].range.clone()]);
    }

    #[test]
    fn a_byline_opening_the_first_paragraph_is_part_of_it() {
        let text = "(记者 王小明)近日,社区开展活动。\n(编辑 李四)";
        let found = split(&Lexicon::builtin(), text);
        assert_eq!(found, [Found { range: 0..text.find("\n").unwrap(), speaker: None }]);
    }

    #[test]
    fn an_interview_answer_after_a_post_and_a_spaced_name() {
        let text = "问:难点在哪里?\n社区党委书记 孙海涛:难点在于人。";
        let found = split(&Lexicon::builtin(), text);
        let speaker = found.iter().find_map(|f| f.speaker.clone()).expect("a speaker");
        assert_eq!(&text[speaker.name], "孙海涛");
    }

    #[test]
    fn lists_of_officials_contact_blocks_and_captions_are_no_headers() {
        let lexicon = Lexicon::builtin();
        let text = "社区今年将开展活动,一是改造;二是服务。\n社区党委书记:王芳\n社区居委会主任:李华\n联系电话:12345678";
        assert!(split(&lexicon, text).iter().all(|f| f.speaker.is_none()), "{:?}", split(&lexicon, text));
        let text = "一是改造;二是服务。\n图为枫树社区党委书记 王芳";
        assert!(split(&lexicon, text).iter().all(|f| f.speaker.is_none()));
        let text = "出席会议的有:\n1. 张三 锦江区副区长\n2. 李四 锦江区副区长";
        assert!(split(&lexicon, text).iter().all(|f| f.speaker.is_none()));
        let text = "出席领导:\n王强 锦江区委书记\n李明 锦江区区长\n会议由赵丽主持。";
        assert!(split(&lexicon, text).iter().all(|f| f.speaker.is_none()));
    }
}
