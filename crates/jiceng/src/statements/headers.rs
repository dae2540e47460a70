//! Speaker header lines: `刘晓 锦江区成龙路街道枫树社区党委书记`, `成都市人民政府市长 王凤朝`,
//! `——访金牛区抚琴街道西南街社区党总支书记李华`.
//!
//! A header is a short line of its own, without sentence punctuation, made of a name and a unit-and-post in
//! either order (separated by a space), or of a unit-and-post followed directly by a name.

use super::SpeakerMatch;
use super::lexicon::Lexicon;
use std::ops::Range;

/// Longest line, in characters, that is still taken for a header.
const MAX_HEADER_CHARS: usize = 60;
/// What may open a header line before the unit: dashes and the words of an interview headline.
const LEADS: &[&str] = &["记者专访", "专访", "对话", "访"];

/// Marks that open the items of a list of speakers.
const BULLETS: &[char] = &['■', '□', '◆', '◇', '●', '○', '▲', '△', '★', '☆', '▶', '►', '◎', '•'];

/// Notes after a header's name on what follows: `(点评)`, `(寄语)`.
const NOTES: &[&str] = &["(点评)", "(评论)", "(讲话)", "(发言)", "(寄语)", "(感言)", "(访谈)"];

/// Labels that present an interview's guest before the header proper: `本期嘉宾:……党委书记李华`.
const GUEST_LABELS: &[&str] = &["本期嘉宾:", "访谈嘉宾:", "对话嘉宾:", "嘉宾:", "受访者:", "采访对象:"];

/// Marks that end a sentence or a clause: a line with them is running text, not a header.
const SENTENCE_MARKS: [char; 7] = ['。', ',', ';', '!', '?', '“', '”'];
/// Verbs that follow a post in a title (`社区书记谈打算`, `街道书记说发展`), where a name would stand in a header.
const TITLE_VERBS: [char; 6] = ['谈', '说', '讲', '聊', '话', '论'];
/// Longest title after the colon of a headline led by its speaker (`…党委书记刘晓:让居民住得更舒心`).
const MAX_TITLE_CHARS: usize = 25;

/// The speaker a header line introduces, if `line` (a paragraph of normalized text) is one.
pub(crate) fn header(lexicon: &Lexicon, text: &str, line: Range<usize>) -> Option<SpeakerMatch> {
    // A headline with the interview's guest after it: `小院里的“大治理”——访玉林街道党工委书记王芳`.
    let line = match text[line.clone()].rfind("——") {
        Some(dash) if LEADS.iter().any(|l| text[line.start + dash + "——".len()..line.end].starts_with(l)) => {
            line.start + dash..line.end
        }
        _ => line,
    };
    let s = &text[line.clone()];
    if s.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    if let Some(found) = speech_title(lexicon, text, line.clone()) {
        return Some(found);
    }
    if !s.contains(SENTENCE_MARKS)
        && let Some(found) = header_body(lexicon, text, line.clone())
    {
        return Some(found);
    }
    // A colon inside the line: a headline led by its speaker (`…党委书记刘晓:让居民住得更舒心`), or a colon
    // between post and name (`…党委书记:王芳`).
    let colon = line.start + s.find(':')?;
    let (before, after) = (line.start..colon, colon + 1..line.end);
    let title = &text[after.clone()];
    if text[before.clone()].contains(SENTENCE_MARKS) || title.contains(['。', '!', '?']) {
        return None;
    }
    if title.chars().count() <= MAX_TITLE_CHARS
        && let Some(found) = header_body(lexicon, text, before.clone())
    {
        return Some(found);
    }
    // Post and name across a colon only with a named unit (not a contact line `社区党委书记:王芳`).
    let name = trim(text, after);
    let found =
        lexicon.is_name(&text[name.clone()]).then(|| post_at_end(lexicon, text, trim(text, before), name))??;
    found.organization.as_ref().is_some_and(|o| text[o.clone()].chars().count() >= 3).then_some(found)
}

/// A header printed on two lines: the name on one, the unit and post on the other, in either order
/// (`刘晓` / `锦江区成龙路街道枫树社区党委书记`). The post needs its unit here: a name above a bare post is as likely a
/// list of officials.
pub(crate) fn two_lines(
    lexicon: &Lexicon,
    text: &str,
    first: &Range<usize>,
    second: &Range<usize>,
) -> Option<SpeakerMatch> {
    let (first, second) = (trim(text, first.clone()), trim(text, second.clone()));
    let is_post_line = |line: &Range<usize>| {
        let s = &text[line.clone()];
        s.chars().count() <= MAX_HEADER_CHARS && !s.contains(SENTENCE_MARKS) && !s.contains(':')
    };
    let found = if lexicon.is_name(&text[first.clone()]) && is_post_line(&second) {
        post_at_end(lexicon, text, second, first)?
    } else if lexicon.is_name(&text[second.clone()]) && is_post_line(&first) {
        post_at_end(lexicon, text, first, second)?
    } else {
        return None;
    };
    found.organization.is_some().then_some(found)
}

/// Endings of the title of a speech: `王建军同志在全市城乡社区治理工作会议上的讲话`.
const SPEECH_ENDINGS: &[&str] = &["的讲话", "的发言", "的致辞", "的讲话提纲", "的主持词", "的总结讲话"];

/// The speaker of a speech by its title: a name (with 同志, or after a unit and post) before 在 and the occasion,
/// then 的讲话 or the like.
fn speech_title(lexicon: &Lexicon, text: &str, line: Range<usize>) -> Option<SpeakerMatch> {
    let s = &text[line.clone()];
    if !SPEECH_ENDINGS.iter().any(|e| s.ends_with(e)) || s.contains(['。', ',', '“']) {
        return None;
    }
    let before = line.start + s.find('在')?;
    let name_end = text[line.start..before].strip_suffix("同志").map_or(before, |n| line.start + n.len());
    let speaker = line.start..name_end;
    if lexicon.is_name(&text[speaker.clone()]) {
        return Some(SpeakerMatch {
            span: speaker.clone(),
            name: speaker.clone(),
            role: speaker.start..speaker.start,
            organization: None,
        });
    }
    joined_header(lexicon, text, speaker)
}

/// The speaker of a header line's body: dashes, an interview lead, a list number and 【】 taken off, then a name
/// and a unit-and-post in either order, or a name with its unit and post in brackets.
fn header_body(lexicon: &Lexicon, text: &str, line: Range<usize>) -> Option<SpeakerMatch> {
    let s = &text[line.clone()];
    // Bullets of lists of speakers (`■ 何晓燕(……党委书记)`).
    let s_start = line.start + (s.len() - s.trim_start_matches(BULLETS).trim_start().len());
    let s = &text[s_start..line.end];
    let mut start = s_start + (s.len() - s.trim_start_matches(['—', '-', '–', '─']).len());
    let dashed = start > s_start;
    if dashed && let Some(lead) = LEADS.iter().find(|l| text[start..line.end].starts_with(*l)) {
        start += lead.len();
    }
    if let Some(label) = GUEST_LABELS.iter().find(|l| text[start..line.end].starts_with(*l)) {
        start += label.len();
    }
    start += list_number_len(&text[start..line.end]);
    let mut end = line.end - (text[start..line.end].len() - text[start..line.end].trim_end_matches(':').len());
    // What the header introduces, in brackets after the name: `……书记 王敏(点评):`.
    if let Some(note) = NOTES.iter().find(|n| text[start..end].ends_with(*n)) {
        end -= note.len();
    }
    if text[start..end].starts_with('【') && text[start..end].ends_with('】') {
        start += '【'.len_utf8();
        end -= '】'.len_utf8();
    }
    let body = trim(text, start..end);
    if let Some(found) = bracketed(lexicon, text, body.clone()) {
        return Some(found);
    }
    let tokens = tokens(text, body.clone());
    match tokens.as_slice() {
        [] => None,
        [only] => joined_header(lexicon, text, only.clone()),
        // A two-character name spaced to the width of three, first (`王 芳 武侯区…党委书记`).
        [given_first, given_last, .., last]
            if let Some(name) = spaced_name(lexicon, text, given_first, given_last)
                && given_last.end < last.start =>
        {
            post_at_end(lexicon, text, trim(text, given_last.end..body.end), name)
        }
        [first, .., last] => {
            let rest = first.end + 1..body.end;
            let head = body.start..last.start - 1;
            // A name set apart by a space may be one no surname list knows (`……党委书记 泽仁卓玛`).
            let is_name = |token: &Range<usize>| {
                lexicon.is_name(&text[token.clone()]) || lexicon.is_unlisted_name(&text[token.clone()])
            };
            if is_name(first)
                && let Some(found) = post_at_end(lexicon, text, trim(text, rest), first.clone())
            {
                return Some(found);
            }
            if is_name(last) {
                return post_at_end(lexicon, text, trim(text, head), last.clone());
            }
            // The same name last (`上海市市长 龚 正`).
            if let [.., unit_and_post, given_first, given_last] = tokens.as_slice()
                && let Some(name) = spaced_name(lexicon, text, given_first, given_last)
            {
                return post_at_end(lexicon, text, trim(text, body.start..unit_and_post.end), name);
            }
            None
        }
    }
}

/// The range of a two-character name printed as two tokens of one character each, spaced to the width of three.
fn spaced_name(lexicon: &Lexicon, text: &str, first: &Range<usize>, last: &Range<usize>) -> Option<Range<usize>> {
    let (first_char, last_char) = (&text[first.clone()], &text[last.clone()]);
    let single = first_char.chars().count() == 1 && last_char.chars().count() == 1;
    (single && lexicon.is_name(&format!("{first_char}{last_char}"))).then_some(first.start..last.end)
}

/// Length of a list number opening a header line (`1. `, `2、`, `三、`, `(四)`), spaces after it included.
fn list_number_len(s: &str) -> usize {
    let len = crate::plans::enumerations::leading_marker(s).map_or(0, |(_, len)| len);
    len + (s.len() - len - s[len..].trim_start().len())
}

/// `王芳(武侯区玉林街道黉门街社区党委书记)`: a name, then its unit and post in brackets closing the line.
fn bracketed(lexicon: &Lexicon, text: &str, body: Range<usize>) -> Option<SpeakerMatch> {
    let inner_end = body.end.checked_sub(1).filter(|_| text[..body.end].ends_with(')'))?;
    let open = body.start + text[body.clone()].find('(')?;
    let name = trim(text, body.start..open);
    if !lexicon.is_name(&text[name.clone()]) {
        return None;
    }
    let found = post_at_end(lexicon, text, trim(text, open + 1..inner_end), name.clone())?;
    Some(SpeakerMatch { span: body, ..found })
}

/// Space-separated tokens of `range`, as byte ranges.
fn tokens(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for token in text[range.clone()].split(' ') {
        if !token.is_empty() {
            out.push(at..at + token.len());
        }
        at += token.len() + 1;
    }
    out
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    // All whitespace: an empty range where it began, not one that ends before it starts.
    start..(range.end - (s.len() - s.trim_end().len())).max(start)
}

/// `unit_and_post` ends with a post: the speaker is `name`, with the unit before the post.
fn post_at_end(lexicon: &Lexicon, text: &str, unit_and_post: Range<usize>, name: Range<usize>) -> Option<SpeakerMatch> {
    let chains = lexicon.role_chains(&text[unit_and_post.clone()]);
    let last = chains.last()?;
    if unit_and_post.start + last.end != unit_and_post.end {
        return None;
    }
    let role = lexicon.split_unit_prefix(text, unit_and_post.start + last.start..unit_and_post.end);
    let organization = unit_tokens(lexicon, text, trim(text, unit_and_post.start..role.start)).map(|unit| {
        // `全国人大代表、寿光市洛城街道东斗村`: a title of the person's before the unit is no part of it.
        match text[unit.clone()].rfind('、') {
            Some(i) if lexicon.is_unit(&text[unit.start + i + '、'.len_utf8()..unit.end]) => {
                unit.start + i + '、'.len_utf8()..unit.end
            }
            _ => unit,
        }
    });
    let start = organization.as_ref().map_or(role.start, |o| o.start);
    let span = start.min(name.start)..unit_and_post.end.max(name.end);
    Some(SpeakerMatch { span, name, role, organization })
}

/// The unit before a post: the token that holds the post, and the tokens before it that name units too
/// (`四川省 成都市人民政府市长`), but not a dateline or meeting before them.
fn unit_tokens(lexicon: &Lexicon, text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let tokens = tokens(text, range.clone());
    let last = tokens.last()?;
    let first = tokens.iter().rev().skip(1).take_while(|t| lexicon.is_unit(&text[(*t).clone()])).last().unwrap_or(last);
    Some(first.start..range.end)
}

/// `锦江区成龙路街道枫树社区党委书记刘晓`: unit, post and name with nothing between them.
fn joined_header(lexicon: &Lexicon, text: &str, token: Range<usize>) -> Option<SpeakerMatch> {
    let chains = lexicon.role_chains(&text[token.clone()]);
    let last = chains.last()?;
    let name = token.start + last.end..token.end;
    // `社区书记谈打算` is a title: what follows the post is a verb and its object, not a name.
    if !lexicon.is_name(&text[name.clone()]) || text[name.clone()].starts_with(TITLE_VERBS) {
        return None;
    }
    post_at_end(lexicon, text, token.start..name.start, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> Option<(String, String, String)> {
        let lexicon = Lexicon::builtin();
        let found = header(&lexicon, line, 0..line.len())?;
        let org = found.organization.map(|r| line[r].to_string()).unwrap_or_default();
        Some((line[found.name].to_string(), line[found.role].to_string(), org))
    }

    fn owned(name: &str, role: &str, org: &str) -> Option<(String, String, String)> {
        Some((name.into(), role.into(), org.into()))
    }

    #[test]
    fn name_then_post() {
        assert_eq!(
            parts("刘晓 锦江区成龙路街道枫树社区党委书记"),
            owned("刘晓", "党委书记", "锦江区成龙路街道枫树社区")
        );
    }

    #[test]
    fn post_then_name() {
        assert_eq!(parts("成都市人民政府市长 王凤朝"), owned("王凤朝", "市长", "成都市人民政府"));
        assert_eq!(parts("上海市市长 龚 正"), owned("龚 正", "市长", "上海市"), "a name spaced to three");
        assert_eq!(parts("郫都区人民政府代区长 李 强"), owned("李 强", "代区长", "郫都区人民政府"));
        assert_eq!(parts("社区 党委 书记"), None);
        assert_eq!(
            parts("锦江区成龙路街道枫树社区党委书记 刘晓"),
            owned("刘晓", "党委书记", "锦江区成龙路街道枫树社区")
        );
    }

    #[test]
    fn a_dateline_before_the_unit_is_not_part_of_it() {
        assert_eq!(
            parts("2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵刚"),
            owned("赵刚", "省长", "陕西省")
        );
    }

    #[test]
    fn interview_headline() {
        assert_eq!(
            parts("——访金牛区抚琴街道西南街社区党总支书记李华"),
            owned("李华", "党总支书记", "金牛区抚琴街道西南街社区")
        );
        // After the headline it subtitles; a guest presented by a label.
        let who = owned("王芳", "党工委书记", "玉林街道");
        assert_eq!(parts("小院里的“大治理”——访玉林街道党工委书记王芳"), who);
        assert_eq!(parts("本期嘉宾:玉林街道党工委书记王芳"), who);
        assert_eq!(parts("玉林街道党工委书记 王芳(点评):"), who);
        assert_eq!(
            parts("全国人大代表、寿光市洛城街道东斗村党支部书记孙海涛:"),
            owned("孙海涛", "党支部书记", "寿光市洛城街道东斗村")
        );
    }

    #[test]
    fn bullets_and_names_no_surname_list_knows() {
        let who = owned("何晓燕", "党委书记", "锦江区书院街街道五昭路社区");
        assert_eq!(parts("■ 何晓燕(锦江区书院街街道五昭路社区党委书记)"), who);
        assert_eq!(parts("◆ 何晓燕 锦江区书院街街道五昭路社区党委书记"), who);
        assert_eq!(
            parts("康定市炉城街道向阳社区党委书记 泽仁卓玛"),
            owned("泽仁卓玛", "党委书记", "康定市炉城街道向阳社区")
        );
    }

    #[test]
    fn the_title_of_a_speech() {
        assert_eq!(parts("王建军同志在全市城乡社区治理工作会议上的讲话"), owned("王建军", "", ""));
        assert_eq!(parts("市委书记王建军在全市城乡社区治理工作会议上的讲话"), owned("王建军", "书记", "市委"));
        assert_eq!(parts("在全市城乡社区治理工作会议上的讲话"), None);
    }

    #[test]
    fn unit_prefixed_post_is_split_from_a_named_unit() {
        assert_eq!(parts("袁熙玉 丹景山镇党委书记"), owned("袁熙玉", "党委书记", "丹景山镇"));
        assert_eq!(parts("陈刚 镇党委书记"), owned("陈刚", "镇党委书记", ""));
    }

    #[test]
    fn numbered_bracketed_spaced_and_headline_headers() {
        let who = owned("王芳", "党委书记", "武侯区玉林街道黉门街社区");
        assert_eq!(parts("1. 王芳 武侯区玉林街道黉门街社区党委书记"), who);
        assert_eq!(parts("王芳(武侯区玉林街道黉门街社区党委书记)"), who);
        assert_eq!(parts("【武侯区玉林街道黉门街社区党委书记 王芳】"), who);
        assert_eq!(parts("武侯区玉林街道黉门街社区党委书记:王芳"), who);
        assert_eq!(parts("武侯区玉林街道黉门街社区党委书记王芳:让居民住得更舒心,让商圈更有温度"), who);
        assert_eq!(
            parts("王 芳 武侯区玉林街道黉门街社区党委书记"),
            owned("王 芳", "党委书记", "武侯区玉林街道黉门街社区")
        );
        // An answer after the colon is running text, not a headline.
        assert_eq!(parts("武侯区玉林街道黉门街社区党委书记王芳:我们社区今年做了三件事。"), None);
    }

    #[test]
    fn titles_and_bylines_are_not_headers() {
        assert_eq!(parts("社区书记谈打算"), None);
        assert_eq!(parts("街道书记说发展"), None);
        assert_eq!(parts("华西社区报“拼出基层好春光”采访报道 组受访者供图"), None);
        assert_eq!(parts("“拼出基层好春光”特别报道聚焦社区一线"), None);
        assert_eq!(parts("在成都市第十八届人民代表大会第三次会议上"), None);
        assert_eq!(parts("致敬 社区党委书记"), None);
    }
}
