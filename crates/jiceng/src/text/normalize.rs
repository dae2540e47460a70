//! Original text → normalized text for matching, with a map of every normalized byte back to the original.
//!
//! Each normalized character comes from exactly one original character (folded, converted or kept as it is);
//! characters are dropped (junk, broken line ends) but never invented, so any normalized span maps back to an
//! original span. Normalized text has one paragraph per line: broken lines are joined, blank lines collapsed.

use super::offsets::CharIndex;
use std::ops::Range;
use std::sync::LazyLock;

/// Page furniture that scrapers leave inside lines; dropped wherever it appears.
const FURNITURE: &[&str] =
    &["打开网易新闻 查看精彩图片", "查看精彩图片", "点击查看大图", "【字体:大 中 小】", "【打印】", "【关闭】"];

/// Shortest line that may have been broken inside a sentence (shorter unfinished lines are headings).
const MIN_BROKEN_LINE_CHARS: usize = 40;
/// The same for a line of a paragraph in which a sentence has already ended (see [`Paragraph`]).
const MIN_BROKEN_SENTENCE_CHARS: usize = 10;

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
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut paragraph = Paragraph::default();
        // Characters of the line before, unless it was blank (a blank line always ends a paragraph).
        let mut previous_chars: Option<usize> = None;
        // Lines are normalized one ahead of the one placed: whether a line continues a paragraph may depend on
        // the line after it, and no more of the document than that is held twice.
        let code = code_blocks(original);
        let mut lines = split_lines(original).map(|range| normalize_line(original, range, &code)).peekable();
        while let Some(line) = lines.next() {
            if line.text.is_empty() {
                previous_chars = None;
                continue;
            }
            if !text.is_empty() {
                let after = lines.peek().map(|l| l.text.as_str());
                let joined = previous_chars.is_some_and(|p| paragraph.continued_by(p, &line.text, after));
                if !joined {
                    text.push('\n');
                    origin.push(line.break_before as u32);
                    paragraph = Paragraph::default();
                }
            }
            paragraph.extend(&line.text);
            text.push_str(&line.text);
            origin.extend_from_slice(&line.origin);
            previous_chars = Some(line.text.chars().count());
        }
        simplify(&mut text);
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

/// Traditional → simplified with fast2s, one character for one and byte length kept (fast2s only maps 3-byte
/// characters to 3-byte characters), so `origin` stays valid. fast2s looks at a character's two neighbours, so
/// each character it might change is converted in its window of three, as converting the whole text would.
fn simplify(text: &mut String) {
    let mut changes: Vec<(usize, char)> = Vec::new();
    let mut window = String::with_capacity(12);
    let mut previous = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if may_simplify(c) {
            window.clear();
            window.extend(previous);
            window.push(c);
            window.extend(chars.peek().map(|&(_, n)| n));
            let converted = fast2s::convert(&window);
            let simple = converted.chars().nth(usize::from(previous.is_some())).unwrap_or(c);
            if simple != c && simple.len_utf8() == c.len_utf8() {
                changes.push((at, simple));
            }
        }
        previous = Some(c);
    }
    if changes.is_empty() {
        return;
    }
    let mut simplified = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, simple) in changes {
        simplified.push_str(&text[copied..at]);
        simplified.push(simple);
        copied = at + simple.len_utf8();
    }
    simplified.push_str(&text[copied..]);
    *text = simplified;
}

/// Whether fast2s might change `c`: it converts it on its own, or only beside certain neighbours (看著, 計畫).
/// A text with none of these, as nearly every text in simplified script, is left as it is without the three
/// hash lookups per character that fast2s spends.
fn may_simplify(c: char) -> bool {
    /// The unified ideographs, the only characters fast2s's table converts.
    const IDEOGRAPHS: std::ops::RangeInclusive<char> = '\u{4e00}'..='\u{9fff}';
    /// One bit per ideograph, found by one conversion of them all, each between two letters so that no
    /// neighbour triggers a special case; the characters converted only beside certain neighbours are added.
    static CHANGED: LazyLock<Box<[u64]>> = LazyLock::new(|| {
        let mut bits = vec![0u64; IDEOGRAPHS.count().div_ceil(64)].into_boxed_slice();
        let probe: String = IDEOGRAPHS.flat_map(|c| [c, 'a']).collect();
        let converted = fast2s::convert(&probe);
        let context_only = ['藉', '著', '苧'];
        for (c, s) in probe.chars().zip(converted.chars()).chain(context_only.into_iter().map(|c| (c, ' '))) {
            if c != s && IDEOGRAPHS.contains(&c) {
                let i = c as usize - *IDEOGRAPHS.start() as usize;
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    });
    let Some(i) = (c as usize).checked_sub(*IDEOGRAPHS.start() as usize).filter(|_| IDEOGRAPHS.contains(&c)) else {
        return false;
    };
    CHANGED[i / 64] & (1 << (i % 64)) != 0
}

/// One original line after normalization, before lines are joined into paragraphs.
struct Line {
    text: String,
    origin: Vec<u32>,
    /// Byte offset of the line break that precedes the line in the original.
    break_before: usize,
}

/// Byte ranges of the original's lines (contents without their terminators: \n, \r, \r\n, U+2028, U+2029, \v,
/// \f). A scan of bytes, not characters: every terminator begins with a byte no other character has there.
fn split_lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let from = start;
        for i in from..bytes.len() {
            let len = match bytes[i] {
                b'\n' | 0x0b | 0x0c => 1,
                b'\r' => 1 + usize::from(bytes.get(i + 1) == Some(&b'\n')),
                0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
                _ => continue,
            };
            let line = start..i;
            start = i + len;
            return Some(line);
        }
        done = true;
        Some(start..bytes.len())
    })
}

/// Byte ranges of the `<script>…</script>` and `<style>…</style>` blocks of a saved web page, tags included:
/// code and style sheets, never content (though their strings may be Chinese), often over many lines.
fn code_blocks(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let tag_at = |i: usize, closing: bool| {
        let name_at = i + 1 + usize::from(closing);
        ["script", "style"].into_iter().find(|name| {
            bytes.get(name_at..name_at + name.len()).is_some_and(|b| b.eq_ignore_ascii_case(name.as_bytes()))
                && bytes.get(name_at + name.len()).is_some_and(|&b| b == b'>' || b == b'/' || b.is_ascii_whitespace())
                && (!closing || bytes[i + 1] == b'/')
        })
    };
    let mut blocks = Vec::new();
    // Tag names with no closing tag after some opening tag, hence after any later one: not searched again, so
    // that many unclosed tags cost one scan, not one each.
    let mut unclosed: Vec<&str> = Vec::new();
    let mut at = 0;
    while let Some(open) = text[at..].find('<').map(|i| at + i) {
        at = open + 1;
        let Some(name) = tag_at(open, false).filter(|name| !unclosed.contains(name)) else { continue };
        // The block ends after its closing tag's `>`; without a closing tag there is no block.
        let mut search = at;
        let close = loop {
            let Some(i) = text[search..].find("</").map(|i| search + i) else { break None };
            if tag_at(i, true) == Some(name) {
                break text[i..].find('>').map(|j| i + j + 1);
            }
            search = i + 2;
        };
        match close {
            Some(end) => {
                blocks.push(open..end);
                at = end;
            }
            None => unclosed.push(name),
        }
    }
    blocks
}

fn normalize_line(original: &str, range: Range<usize>, code: &[Range<usize>]) -> Line {
    let break_before = range.start.saturating_sub(1);
    let line = &original[range.clone()];
    let base = range.start;
    let mut out =
        LineBuilder { text: String::with_capacity(line.len()), origin: Vec::with_capacity(line.len()), last: None };
    let first_block = code.partition_point(|b| b.end <= range.start);
    let mut blocks = code[first_block..].iter().take_while(|b| b.start < range.end).peekable();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let at = base + (line.len() - rest.len());
        if let Some(block) = blocks.next_if(|b| b.start <= at) {
            rest = &line[block.end.min(range.end) - base..];
            continue;
        }
        // Junk starts with one of a few characters; most text is not looked at twice.
        if matches!(c, '<' | '/' | '(' | '（' | '【' | '打' | '查' | '点')
            && let Some(skip) = junk_len(rest, out.last)
        {
            rest = &rest[skip..];
            continue;
        }
        if is_cjk(c) {
            // Most characters: kept as they are, a run of them at once up to the next block or junk.
            let block_start = blocks.peek().map_or(usize::MAX, |b| b.start);
            let run = plain_run(rest, block_start.saturating_sub(at));
            out.push_run(&rest[..run], at);
            rest = &rest[run..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        let raw = c;
        let c = fold(c);
        let last = out.last;
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
    let kept = out.text.trim_end_matches([' ', '|']).len();
    out.text.truncate(kept);
    out.origin.truncate(kept);
    let dropped = out.text.len() - out.text.trim_start_matches([' ', '|']).len();
    out.text.drain(..dropped);
    out.origin.drain(..dropped);
    Line { text: out.text, origin: out.origin, break_before }
}

struct LineBuilder {
    text: String,
    origin: Vec<u32>,
    /// The last character pushed.
    last: Option<char>,
}

/// Length in bytes of the run of three-byte ideographs that `text` begins with (at least its first character,
/// which must be an ideograph), up to `limit` bytes and short of any character that may begin junk.
fn plain_run(text: &str, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = 0;
    // Three-byte sequences lead with 0xE3..=0xE9 for U+3400..U+9FFF; an ideograph that begins junk (打, 查, 点)
    // or is outside the ranges of `is_cjk` ends the run.
    while end + 3 <= bytes.len() && end < limit && (0xE3..=0xE9).contains(&bytes[end]) {
        let c = text[end..end + 3].chars().next().unwrap_or(' ');
        if !is_cjk(c) || matches!(c, '打' | '查' | '点') {
            break;
        }
        end += 3;
    }
    end.max(text.chars().next().map_or(0, char::len_utf8))
}

impl LineBuilder {
    /// Pushes a run of ideographs of three bytes each (or one character) that starts at byte `at` of the
    /// original, every byte mapped to the start of its character.
    fn push_run(&mut self, run: &str, at: usize) {
        let Some(last) = run.chars().next_back() else { return };
        if run.len() == last.len_utf8() {
            return self.push(last, at);
        }
        self.text.push_str(run);
        self.origin.extend((0..run.len() as u32).map(|i| at as u32 + i - i % 3));
        self.last = Some(last);
    }

    fn push(&mut self, c: char, at: usize) {
        self.text.push(c);
        self.origin.extend(std::iter::repeat_n(at as u32, c.len_utf8()));
        self.last = Some(c);
    }
}

/// Full-width ASCII and the ideographic space → their half-width forms; corner brackets, the quotation marks of
/// traditional texts (「……」, 『……』), → the curly quotes of simplified ones.
fn fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '「' | '『' => '“',
        '」' | '』' => '”',
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
            // Bounded searches (here and below): a long line of `<` or `&` must not be scanned once per character.
            let tail = &body.as_bytes()[name_len..];
            let close = tail.iter().take(200).position(|&b| b == b'>').filter(|&i| !tail[..i].contains(&b'<'));
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
        && let Some((close, _)) = rest.char_indices().take_while(|&(i, _)| i < 60).find(|&(_, c)| c == '】')
    {
        return Some(close + '】'.len_utf8());
    }
    FURNITURE.iter().find(|f| rest.starts_with(*f)).map(|f| f.len())
}

/// `(qū)` or `（shè qū）`: Latin letters with at least one tone mark, in brackets.
fn pinyin_gloss_len(rest: &str) -> Option<usize> {
    let open = rest.chars().next()?;
    let inner = &rest[open.len_utf8()..];
    let (close, _) = inner.char_indices().take(26).find(|&(_, c)| matches!(c, ')' | '）'))?;
    let body = &inner[..close];
    let has_tone = body.chars().any(|c| "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".contains(c));
    let all_pinyin = body.chars().all(|c| c.is_alphabetic() && !is_cjk(c) || c == ' ');
    let close_len = inner[close..].chars().next()?.len_utf8();
    (has_tone && all_pinyin && body.chars().count() <= 24).then(|| open.len_utf8() + close + close_len)
}

/// `&nbsp;` and friends: what to put in their place, and their length after the `&`.
fn entity(rest: &str) -> Option<(Option<char>, usize)> {
    let end = rest.bytes().take(9).position(|b| b == b';').filter(|&i| i >= 2)?;
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
    // The clause back to its punctuation, or its last 60 characters: a cue farther back asks no question here.
    let window = before.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let clause_start =
        window + super::offsets::after_last(&before[window..], &[',', '。', ';', ':', '!', '?', '、', ' ']);
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

/// What decides whether the next line continues a paragraph, kept up to date line by line so that a paragraph
/// of many lines is not read again for each.
#[derive(Debug, Default)]
struct Paragraph {
    /// Quotation marks opened and not closed (negative when more were closed).
    open_quotes: isize,
    /// Whether any of its lines is running prose.
    prose: bool,
    /// Whether a sentence has ended, or an item of a list begun, inside it: a title or heading does neither, so
    /// a shorter unfinished line of it is a broken one (`…配建1处社区综` + `合服务站`, `…一是推进` + `完整社区建设`).
    sentence_inside: bool,
    last: Option<char>,
}

impl Paragraph {
    fn extend(&mut self, line: &str) {
        for c in line.chars() {
            match c {
                '“' | '「' | '《' => self.open_quotes += 1,
                '”' | '」' | '》' => self.open_quotes -= 1,
                _ => {}
            }
        }
        self.prose |= is_prose(line);
        let trimmed = line.trim_end_matches(|c: char| ends_paragraph(c) || c == ',');
        self.sentence_inside |= trimmed.contains(['。', ';', '!', '?'])
            || ["一是", "二是", "三是", "四是", "五是"].iter().any(|m| line.contains(m));
        self.last = line.chars().next_back().or(self.last);
    }

    /// Whether `next` continues the paragraph (whose last line had `previous_chars` characters) instead of
    /// starting a new one: a quotation still open, or a long line of prose cut off before its sentence ended.
    /// Short unfinished lines are titles and subheadings, not broken sentences.
    fn continued_by(&self, previous_chars: usize, next: &str, after_next: Option<&str>) -> bool {
        if self.open_quotes > 0 && (closes_quote(next) || after_next.is_some_and(closes_quote)) {
            return true;
        }
        let Some(last) = self.last else { return false };
        // A line that stops at a comma was cut inside its sentence, however short (`…告诉记者,` + `社区今年…`).
        if matches!(last, ',' | '、') && !starts_like_heading(next) {
            return true;
        }
        let shortest = if self.sentence_inside { MIN_BROKEN_SENTENCE_CHARS } else { MIN_BROKEN_LINE_CHARS };
        previous_chars >= shortest
            && self.prose
            && !ends_paragraph(last)
            && is_prose(next)
            && !starts_like_heading(next)
    }
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
        // Corner brackets quote as curly quotes do.
        assert_eq!(roundtrip("「關鍵在人。」『好』").as_str(), "“关键在人。”“好”");
    }

    #[test]
    fn only_texts_with_traditional_characters_are_converted() {
        assert!(may_simplify('黨') && may_simplify('區') && may_simplify('藉'));
        assert!(!may_simplify('党') && !may_simplify('区') && !may_simplify('A') && !may_simplify('😀'));
        assert_eq!(roundtrip("計畫在社區").as_str(), "计划在社区");
        // Character by character in its window, exactly as fast2s converts a whole text.
        for text in ["著名的計畫,看著答覆", "畫", "乾隆年間的畫與著", "显著提升,覆盖全域", "a藉口b"]
        {
            let mut simplified = text.to_string();
            simplify(&mut simplified);
            assert_eq!(simplified, fast2s::convert(text), "{text}");
        }
    }

    #[test]
    fn drops_script_and_style_blocks_over_lines() {
        let page = "<STYLE>p{}</style><p>成华区\n<script type=\"x\">\nvar t = \"锦江区\";\n</Script >\n二仙桥街道</p>";
        assert_eq!(roundtrip(page).as_str(), "成华区\n二仙桥街道");
        assert!(code_blocks("<script>没有结束").is_empty());
        // Many unclosed tags: one scan, not one per tag (quadratic, this would take minutes).
        let unclosed = "<script>社区".repeat(50_000) + "</style>";
        assert!(code_blocks(&unclosed).is_empty());
        assert_eq!(roundtrip("a<scripture>b").as_str(), "ab");
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
    fn a_line_cut_after_a_sentence_or_a_list_item_began_goes_on() {
        let text =
            "1.完善基本公共服务设施。每个试点社区至少配建1处社区综\n合服务站、1处幼儿园。\n2.完善便民商业服务设施。";
        assert_eq!(
            roundtrip(text).as_str(),
            "1.完善基本公共服务设施。每个试点社区至少配建1处社区综合服务站、1处幼儿园。\n2.完善便民商业服务设施。"
        );
        let text = "今年社区将重点做好两件事,一是推进\n完整社区建设;二是关爱困境儿童。";
        assert!(roundtrip(text).as_str().contains("一是推进完整社区建设"));
        // A title and a heading end no sentence: the lines after them stay apart.
        assert_eq!(
            roundtrip("社区书记谈打算\n今年,社区将推进改造。").as_str(),
            "社区书记谈打算\n今年,社区将推进改造。"
        );
    }

    #[test]
    fn a_line_that_stops_at_a_comma_goes_on_in_the_next() {
        assert_eq!(
            roundtrip("居委会主任刘女士告诉记者,\n社区今年重点推进三项工作。").as_str(),
            "居委会主任刘女士告诉记者,社区今年重点推进三项工作。"
        );
        assert_eq!(roundtrip("工作要求如下,\n一是抓党建。").as_str(), "工作要求如下,\n一是抓党建。");
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
