//! Numbers as governance texts write them: 一 … 十, 两, 〇/零, 十一, 二十三, 百, 千, 万, Arabic digits, circled
//! digits. Chinese numerals are parsed by the chinese-number crate; this module finds where a numeral ends and
//! adds the forms that crate does not take (Arabic and circled digits).

use chinese_number::{ChineseCountMethod, ChineseToNumber};

/// Characters that make up Chinese numerals.
pub(crate) fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
    )
}

/// The value of a whole numeral (`二十三` → 23, `两` → 2, `12` → 12, `③` → 3), if it is one.
pub(crate) fn value(numeral: &str) -> Option<u32> {
    let mut chars = numeral.chars();
    let first = chars.next()?;
    if let Some(circled) = circled(first) {
        return chars.next().is_none().then_some(circled);
    }
    if numeral.bytes().all(|b| b.is_ascii_digit()) {
        return numeral.parse().ok();
    }
    numeral.to_number(ChineseCountMethod::TenThousand).ok()
}

/// Length in bytes of the Chinese numeral at the start of `text` (0 when there is none).
pub(crate) fn chinese_len(text: &str) -> usize {
    text.char_indices().find(|&(_, c)| !is_chinese_digit(c)).map_or(text.len(), |(i, _)| i)
}

/// Length in bytes of the Arabic number at the start of `text`.
pub(crate) fn arabic_len(text: &str) -> usize {
    text.bytes().take_while(u8::is_ascii_digit).count()
}

/// ① … ⑳.
pub(crate) fn circled(c: char) -> Option<u32> {
    matches!(c, '①'..='⑳').then(|| c as u32 - '①' as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_texts_use() {
        for (text, expected) in [
            ("一", 1),
            ("两", 2),
            ("十", 10),
            ("十一", 11),
            ("二十三", 23),
            ("一百零五", 105),
            ("三千", 3000),
            ("一万", 10_000),
            ("〇", 0),
            ("12", 12),
            ("③", 3),
        ] {
            assert_eq!(value(text), Some(expected), "{text}");
        }
        assert_eq!(value("百"), None);
        assert_eq!(value("是"), None);
    }

    #[test]
    fn finds_where_a_numeral_ends() {
        assert_eq!(&"二十三是推进"[..chinese_len("二十三是推进")], "二十三");
        assert_eq!(arabic_len("344架构"), 3);
    }
}
