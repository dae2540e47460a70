//! Original text → normalized text for matching, with a map of every normalized byte back to the original.
//!
//! Each normalized character comes from exactly one original character (folded, converted or kept as it is);
//! characters are dropped (junk, broken line ends) but never invented, so any normalized span maps back to an
//! original span. Normalized text has one paragraph per line: broken lines are joined, blank lines collapsed.

use super::offsets::CharIndex;
use std::ops::Range;

/// Page furniture that scrapers leave inside lines; dropped wherever it appears.
const FURNITURE: &[&str] =
    &["打开网易新闻 查看精彩图片", "查看精彩图片", "点击查看大图", "【字体:大 中 小】", "【打印】", "【关闭】"];

/// Shortest line that may have been broken inside a sentence (shorter unfinished lines are headings).
const MIN_BROKEN_LINE_CHARS: usize = 40;

/// The normalized form of one document and the way back to its original.
#[derive(Debug, Clone)]
pub struct Normalized {
    text: String,
    /// For each byte of `text`: the byte offset in the original of the character it came from.
    origin: Vec<u32>,
    original_index: CharIndex,
}

/// A span of the original text, in both units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OriginalSpan {
    /// Character offsets (what the contract reports).
    pub chars: (usize, usize),
    /// Byte offsets (what Rust slicing wants).
    pub bytes: (usize, usize),
}

impl Normalized {
    /// Normalizes `original`: folds width, converts traditional to simplified characters, drops junk, joins
    /// lines broken inside a sentence or a quoted term.
    pub fn new(original: &str) -> Self {
        let lines: Vec<Line> = split_lines(original).map(|range| normalize_line(original, range)).collect();
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut paragraph_start = 0;
        let mut previous: Option<&str> = None;
        for (i, line) in lines.iter().enumerate() {
            if line.text.is_empty() {
                previous = None;
                continue;
            }
            if !text.is_empty() {
                let after = lines.get(i + 1).map(|l| l.text.as_str());
                let joined = previous.is_some_and(|p| continues(&text[paragraph_start..], p, &line.text, after));
                if !joined {
                    text.push('\n');
                    origin.push(line.break_before as u32);
                    paragraph_start = text.len();
                }
            }
            text.push_str(&line.text);
            origin.extend_from_slice(&line.origin);
            previous = Some(&line.text);
        }
        // Traditional → simplified, one character for one and byte length kept (fast2s only maps 3-byte
        // characters to 3-byte characters), so `origin` stays valid.
        let simplified = fast2s::convert(&text);
        if simplified.len() == text.len() {
            text = simplified;
        }
        Self { text, origin, original_index: CharIndex::new(original) }
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a byte range of the normalized text (on character boundaries) to the original.
    pub fn original_span(&self, original: &str, range: Range<usize>) -> OriginalSpan {
        if range.is_empty() {
            // An empty span stays empty, placed where its position maps to.
            let at = self.origin.get(range.start).map_or(original.len(), |&o| o as usize);
            let chars = self.original_index.char_at(original, at);
            return OriginalSpan { chars: (chars, chars), bytes: (at, at) };
        }
        let start = self.origin[range.start] as usize;
        let last = self.origin[range.end - 1] as usize;
        let end = last + original[last..].chars().next().map_or(0, char::len_utf8);
        OriginalSpan {
            chars: (self.original_index.char_at(original, start), self.original_index.char_at(original, end)),
            bytes: (start, end),
        }
    }
}

/// One original line after normalization, before lines are joined into paragraphs.
struct Line {
    text: String,
    origin: Vec<u32>,
    /// Byte offset of the line break that precedes the line in the original.
    break_before: usize,
}

/// Byte ranges of the original's lines (contents without their terminators).
fn split_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}') {
                if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
                    chars.next();
                }
                let line = start..i;
                start = chars.peek().map_or(text.len(), |&(j, _)| j);
                return Some(line);
            }
        }
        if start <= text.len() && start != usize::MAX {
            let line = start..text.len();
            start = usize::MAX;
            return Some(line);
        }
        None
    })
}

fn normalize_line(original: &str, range: Range<usize>) -> Line {
    let break_before = range.start.saturating_sub(1);
    let line = &original[range.clone()];
    let base = range.start;
    let mut out = LineBuilder { text: String::with_capacity(line.len()), origin: Vec::with_capacity(line.len()) };
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let at = base + (line.len() - rest.len());
        // Junk starts with one of a few characters; most text is not looked at twice.
        if matches!(c, '<' | '/' | '(' | '（' | '【' | '打' | '查' | '点')
            && let Some(skip) = junk_len(rest, out.text.chars().next_back())
        {
            rest = &rest[skip..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        let raw = c;
        let c = fold(c);
        let last = out.text.chars().next_back();
        match c {
            '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{00ad}' => {}
            c if c.is_whitespace() || c == '\u{00a0}' => {
                if last.is_some_and(|l| l != ' ') {
                    out.push(' ', at);
                }
            }
            ',' | '、' | '。' | ';' | ':' | '!' | '?' if last == Some(c) => {}
            '?' if raw == '?' && is_lost_character(&out.text, rest) => out.push('·', at),
            '&' => match entity(rest) {
                Some((replacement, len)) => {
                    rest = &rest[len..];
                    if let Some(r) = replacement {
                        out.push(r, at);
                    }
                }
                None => out.push('&', at),
            },
            c => out.push(c, at),
        }
    }
    // Trailing spaces and table borders ('|') left by scrapers are not content.
    while out.text.ends_with([' ', '|']) {
        out.pop();
    }
    while out.text.starts_with([' ', '|']) {
        out.text.remove(0);
        out.origin.remove(0);
    }
    Line { text: out.text, origin: out.origin, break_before }
}

struct LineBuilder {
    text: String,
    origin: Vec<u32>,
}

impl LineBuilder {
    fn push(&mut self, c: char, at: usize) {
        self.text.push(c);
        self.origin.extend(std::iter::repeat_n(at as u32, c.len_utf8()));
    }

    fn pop(&mut self) {
        if let Some(c) = self.text.pop() {
            self.origin.truncate(self.origin.len() - c.len_utf8());
        }
    }
}

/// Full-width ASCII and the ideographic space → their half-width forms.
fn fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// Length of junk at the start of `rest` that carries no content: HTML tags and their remnants, pinyin glosses
/// after a character (`社區(qū)`), page furniture.
fn junk_len(rest: &str, previous: Option<char>) -> Option<usize> {
    let first = rest.as_bytes()[0];
    if first == b'<' || first == b'/' {
        let body = rest.strip_prefix('<').unwrap_or(rest);
        let body = body.strip_prefix('/').unwrap_or(body);
        let name_len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
        if name_len > 0 && body.as_bytes()[0].is_ascii_alphabetic() {
            let close = body[name_len..].find('>').filter(|&i| i < 200 && !body[name_len..name_len + i].contains('<'));
            let tag_like = first == b'<' || (name_len <= 6 && close == Some(0));
            if let (true, Some(close)) = (tag_like, close) {
                return Some(rest.len() - body.len() + name_len + close + 1);
            }
        }
    }
    if rest.starts_with(['(', '（'])
        && previous.is_some_and(is_cjk)
        && let Some(len) = pinyin_gloss_len(rest)
    {
        return Some(len);
    }
    if rest.starts_with("【字体")
        && let Some(close) = rest.find('】').filter(|&i| i < 60)
    {
        return Some(close + '】'.len_utf8());
    }
    FURNITURE.iter().find(|f| rest.starts_with(*f)).map(|f| f.len())
}

/// `(qū)` or `（shè qū）`: Latin letters with at least one tone mark, in brackets.
fn pinyin_gloss_len(rest: &str) -> Option<usize> {
    let open = rest.chars().next()?;
    let inner = &rest[open.len_utf8()..];
    let close = inner.find([')', '）'])?;
    let body = &inner[..close];
    let has_tone = body.chars().any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c));
    let all_pinyin = body.chars().all(|c| c.is_alphabetic() && !is_cjk(c) || c == ' ');
    let close_len = inner[close..].chars().next()?.len_utf8();
    (has_tone && all_pinyin && body.chars().count() <= 24).then(|| open.len_utf8() + close + close_len)
}

/// `&nbsp;` and friends: what to put in their place, and their length after the `&`.
fn entity(rest: &str) -> Option<(Option<char>, usize)> {
    let end = rest.find(';').filter(|&i| (2..=8).contains(&i))?;
    let replacement = match &rest[..end] {
        "nbsp" | "ensp" | "emsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "middot" => '·',
        name if name.starts_with('#') => {
            let code = name[1..].parse().ok().and_then(char::from_u32);
            return code.map(|c| (Some(c), end + 1)).or(Some((None, end + 1)));
        }
        _ => return None,
    };
    Some((Some(replacement), end + 1))
}

/// A half-width `?` between two Chinese characters, in a clause with no question word, stands for a character
/// an encoding conversion lost (typically `·` as in `邻聚力?美空间`).
fn is_lost_character(before: &str, after: &str) -> bool {
    const QUESTION_CUES: &[&str] =
        &["吗", "呢", "么", "吧", "啊", "谁", "哪", "几", "多少", "如何", "怎", "为何", "何"];
    let (Some(prev), Some(next)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    if !is_cjk(prev) || !is_cjk(next) {
        return false;
    }
    let clause_start = super::offsets::after_last(before, &[',', '。', ';', ':', '!', '?', '、', ' ']);
    let clause = &before[clause_start..];
    !QUESTION_CUES.iter().any(|cue| clause.contains(cue))
}

/// Chinese ideographs (the unified blocks and their extensions).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}')
}

/// Punctuation that may end a paragraph.
fn ends_paragraph(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ':' | '…' | '”' | '’' | '」' | '』' | ')' | '】' | '》' | '.' | '"')
}

/// Punctuation that marks running prose, as opposed to a title, header or heading.
fn is_prose(line: &str) -> bool {
    line.contains([',', '。', '、', ';'])
}

/// Whether `next` continues the paragraph so far (whose last line is `previous`) instead of starting a new one:
/// a quotation still open, or a long line of prose cut off before its sentence ended. Short unfinished lines
/// are titles and subheadings, not broken sentences.
fn continues(paragraph: &str, previous: &str, next: &str, after_next: Option<&str>) -> bool {
    if open_quote(paragraph) && (closes_quote(next) || after_next.is_some_and(closes_quote)) {
        return true;
    }
    let Some(last) = paragraph.chars().next_back() else { return false };
    previous.chars().count() >= MIN_BROKEN_LINE_CHARS
        && is_prose(paragraph)
        && !ends_paragraph(last)
        && is_prose(next)
        && !starts_like_heading(next)
}

fn open_quote(paragraph: &str) -> bool {
    let opened = paragraph.matches(['“', '「', '《']).count();
    let closed = paragraph.matches(['”', '」', '》']).count();
    opened > closed
}

fn closes_quote(line: &str) -> bool {
    line.contains(['”', '」', '》'])
}

/// Enumeration markers and dashes that open a new block even after an unfinished line.
fn starts_like_heading(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    matches!(first, '(' | '①'..='⑳' | '—' | '-' | '•' | '●' | '■' | '□' | '第')
        || (first.is_ascii_digit() || "一二三四五六七八九十".contains(first))
            && matches!(second, '、' | '.' | '是' | '要')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(original: &str) -> Normalized {
        let n = Normalized::new(original);
        // Every normalized character maps to an original character that normalizes to it or was folded to it.
        for (i, c) in n.as_str().char_indices() {
            let span = n.original_span(original, i..i + c.len_utf8());
            assert_eq!(span.chars.1 - span.chars.0, 1, "{c:?} at {i} in {:?}", n.as_str());
        }
        n
    }

    #[test]
    fn folds_width_and_converts_traditional() {
        let n = roundtrip("（一）黨總支書記在社區，ＡＢＣ１２３");
        assert_eq!(n.as_str(), "(一)党总支书记在社区,ABC123");
    }

    #[test]
    fn drops_pinyin_glosses_and_html_remnants() {
        let n = roundtrip("社區(qū)治理/p>工作<br/>推进&nbsp;落实");
        assert_eq!(n.as_str(), "社区治理工作推进 落实");
    }

    #[test]
    fn lost_character_question_mark_becomes_a_dot_but_real_questions_stay() {
        assert_eq!(roundtrip("实施邻聚力?美空间").as_str(), "实施邻聚力·美空间");
        assert_eq!(roundtrip("你觉得怎么样?我觉得很好").as_str(), "你觉得怎么样?我觉得很好");
        assert_eq!(roundtrip("大家好。实施邻聚力?美空间").as_str(), "大家好。实施邻聚力·美空间");
    }

    #[test]
    fn joins_lines_broken_inside_a_sentence_but_keeps_headers() {
        let original = "刘晓 锦江区成龙路街道枫树社区党委书记\n新的一年,金土社区将持续聚焦社区红色资源,以保障资金为切口,实施邻聚力美空间,小区单元门厅\n美化项目,共筑宜居家园。\n彭勇 彭州市天彭街道东林社区党委书记";
        let n = roundtrip(original);
        assert_eq!(
            n.as_str(),
            "刘晓 锦江区成龙路街道枫树社区党委书记\n新的一年,金土社区将持续聚焦社区红色资源,以保障资金为切口,实施邻聚力美空间,小区单元门厅美化项目,共筑宜居家园。\n彭勇 彭州市天彭街道东林社区党委书记"
        );
    }

    #[test]
    fn a_short_unfinished_line_is_a_subheading() {
        let original = "共建\n社区党总支引导,各家各户派代表选出5名居民代表组成共建委员会\n“袁书记的办法很简单,把居民组织起来”,陈开渠回忆。";
        assert_eq!(roundtrip(original).as_str(), original);
    }

    #[test]
    fn joins_a_quoted_term_broken_across_lines() {
        assert_eq!(roundtrip("开展“双向\n揭榜\n挂帅”活动").as_str(), "开展“双向揭榜挂帅”活动");
    }

    #[test]
    fn collapses_doubled_punctuation_blank_lines_and_indents() {
        let n = roundtrip("  第一段,,内容、、完。 |\n   \n\n\t第二段  内容");
        assert_eq!(n.as_str(), "第一段,内容、完。\n第二段 内容");
    }

    #[test]
    fn maps_spans_back_to_the_original() {
        let original = "\u{feff}  社區(qū)，錦江區成龍路街道";
        let n = Normalized::new(original);
        let at = n.as_str().find("锦江区").unwrap();
        let span = n.original_span(original, at..at + "锦江区成龙路街道".len());
        assert_eq!(&original[span.bytes.0..span.bytes.1], "錦江區成龍路街道");
        assert_eq!(super::super::offsets::slice_chars(original, span.chars.0, span.chars.1), "錦江區成龍路街道");
    }
}
