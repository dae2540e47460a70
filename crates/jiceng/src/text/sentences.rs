//! Paragraphs and sentences of normalized text, as byte ranges.
//!
//! Paragraphs are the lines of normalized text (broken lines are already joined); sentences follow the Unicode
//! sentence boundaries of UAX #29, which end sentences at `。！？` as well as at Western terminators.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Byte ranges of the non-empty paragraphs of normalized text.
pub fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\n').filter_map(move |line| {
        let range = start..start + line.len();
        start = range.end + 1;
        (!line.trim().is_empty()).then_some(range)
    })
}

/// Byte ranges of the sentences in `range` of `text`, trailing spaces excluded.
///
/// UAX #29 counts `“` as closing punctuation, so `活动。“一米菜园”项目…` would end the first sentence after the
/// `“`; an opening quote that ends a sentence begins the next one instead.
pub fn sentences(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    let mut carried = None;
    text[range].split_sentence_bound_indices().filter_map(move |(at, sentence)| {
        let start = carried.take().unwrap_or(base + at);
        let mut end = base + at + sentence.trim_end().len();
        while text[start..end].ends_with('“') && end - '“'.len_utf8() > start {
            end -= '“'.len_utf8();
            carried = Some(end);
        }
        let trimmed_end = start + text[start..end].trim_end().len();
        (trimmed_end > start).then_some(start..trimmed_end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_and_chinese_sentences() {
        let text = "标题\n一是推进完整社区建设。二是关爱困境儿童!三是优化服务?\n\n尾段";
        let paras: Vec<&str> = paragraphs(text).map(|r| &text[r]).collect();
        assert_eq!(paras, ["标题", "一是推进完整社区建设。二是关爱困境儿童!三是优化服务?", "尾段"]);
        let second = paragraphs(text).nth(1).unwrap();
        let sents: Vec<&str> = sentences(text, second).map(|r| &text[r]).collect();
        assert_eq!(sents, ["一是推进完整社区建设。", "二是关爱困境儿童!", "三是优化服务?"]);
        // An opening quote begins the sentence it opens.
        let text = "社区举办活动。“一米菜园”项目启动。";
        let sents: Vec<&str> = sentences(text, 0..text.len()).map(|r| &text[r]).collect();
        assert_eq!(sents, ["社区举办活动。", "“一米菜园”项目启动。"]);
    }
}
