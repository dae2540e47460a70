//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy Chinese encodings.
//!
//! A byte-order mark wins; then UTF-8 (strict, or with a few invalid sequences among many valid multi-byte ones);
//! then chardetng's guess (GBK is read as its superset GB18030). Whatever decodes is checked for the signature of
//! binary data (control characters, replacement characters), so random bytes give [`Error::Undecodable`] instead
//! of mojibake. A few invalid sequences in otherwise good text are replaced by U+FFFD, and
//! [`Decoded::warnings`] says so.

use crate::error::{Error, Result};
use crate::model::{Warning, WarningKind};
use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding, GB18030, GBK, SHIFT_JIS, UTF_8};

/// Share of control characters above which valid UTF-8 is taken for binary data.
const MAX_CONTROL_SHARE_UTF8: f64 = 0.10;
/// Stricter bound for a guessed legacy encoding, where binary data decodes "successfully" far more often.
const MAX_CONTROL_SHARE_GUESSED: f64 = 0.01;
/// How many leading bytes the encoding detector reads.
const DETECTION_SAMPLE: usize = 4 * 1024;
/// Invalid byte sequences a text may have (replaced by U+FFFD) before a guessed encoding is rejected: this many,
/// plus [`MAX_REPLACED_SHARE`] of its characters. The fixed part lets a short text with a stray byte through.
const MAX_REPLACED_BASE: usize = 8;
/// Share of characters that may be replaced on top of [`MAX_REPLACED_BASE`].
const MAX_REPLACED_SHARE: f64 = 0.01;
/// Valid multi-byte characters needed per invalid sequence for invalid UTF-8 to be read as UTF-8 anyway: a
/// legacy encoding read as UTF-8 gives far more invalid sequences than valid multi-byte ones.
const MIN_VALID_PER_INVALID_UTF8: usize = 4;

/// Text decoded from bytes, with how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, byte-order mark removed.
    pub text: String,
    /// The encoding it was read in, e.g. `UTF-8`, `GB18030`, `UTF-16LE`.
    pub encoding: &'static str,
    /// How many invalid sequences were replaced by U+FFFD.
    pub replaced: usize,
}

impl Decoded {
    /// What the analysis should report about the decoding: the invalid sequences replaced, if any.
    pub fn warnings(&self) -> Vec<Warning> {
        if self.replaced == 0 {
            return Vec::new();
        }
        let (count, encoding) = (self.replaced, self.encoding);
        let sequences = if count == 1 { "sequence" } else { "sequences" };
        let message = format!("{count} invalid byte {sequences} in {encoding} replaced by U+FFFD");
        vec![Warning { kind: WarningKind::ReplacedBytes, count, message }]
    }
}

/// Whether `replaced` invalid sequences among `chars` characters is too many for the text to be taken as read.
fn too_many_replaced(replaced: usize, chars: usize) -> bool {
    replaced > MAX_REPLACED_BASE + (chars as f64 * MAX_REPLACED_SHARE) as usize
}

/// UTF-8 with a few invalid sequences (a truncated character, a stray byte) among many valid multi-byte
/// characters: the invalid sequences of a legacy encoding read as UTF-8 far outnumber its valid ones.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut invalid, mut multibyte, mut chars) = (0usize, 0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            chars += 1;
            multibyte += usize::from(!c.is_ascii());
        }
        if !chunk.invalid().is_empty() {
            invalid += 1;
            chars += 1;
        }
    }
    !too_many_replaced(invalid, chars) && multibyte >= MIN_VALID_PER_INVALID_UTF8 * invalid
}

/// Decodes a document's bytes, detecting the encoding when no byte-order mark declares it.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let decoded = decode_with(encoding, &bytes[bom_len..]);
        return check(decoded, MAX_CONTROL_SHARE_UTF8);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let decoded = Decoded { text: text.to_owned(), encoding: "UTF-8", replaced: 0 };
        return check(decoded, MAX_CONTROL_SHARE_UTF8);
    }
    if mostly_utf8(bytes) {
        return check(decode_with(UTF_8, bytes), MAX_CONTROL_SHARE_UTF8);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The guess settles within a few kilobytes of Chinese text, and chardetng reads about 10 MB/s: feeding the
    // whole file would make detection, not decoding, the slow part. The sample starts at the first non-ASCII
    // byte, so that a long ASCII preamble (markup, a URL list) does not leave the detector with nothing to go on.
    let from = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let sample = &bytes[from..bytes.len().min(from + DETECTION_SAMPLE)];
    detector.feed(sample, from + sample.len() == bytes.len());
    let mut encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    if encoding == GBK {
        encoding = GB18030;
    }
    let decoded = if is_cjk_encoding(encoding) { decode_with(encoding, bytes) } else { damaged_cjk(bytes, encoding) };
    let chars = decoded.text.chars().count().max(1);
    if too_many_replaced(decoded.replaced, chars) {
        return Err(Error::Undecodable {
            reason: format!(
                "not UTF-8, and {} of {chars} characters are invalid as {} (the best guess)",
                decoded.replaced, decoded.encoding
            ),
        });
    }
    check(decoded, MAX_CONTROL_SHARE_GUESSED)
}

fn is_cjk_encoding(encoding: &'static Encoding) -> bool {
    [GB18030, GBK, BIG5, EUC_KR, SHIFT_JIS, EUC_JP].contains(&encoding)
}

/// chardetng rules out an encoding at its first invalid byte, so a GBK or Big5 file with one stray byte comes back
/// as a single-byte Western encoding, which reads anything as mojibake. When GB18030 or Big5 (whichever has fewer
/// invalid sequences) reads the bytes as Chinese — at least [`MIN_CJK_SHARE`] of the characters CJK, and nearly
/// all non-ASCII ones — that reading is taken, invalid sequences and all (the caller rejects too many); otherwise
/// the detector's `guess` stands.
fn damaged_cjk(bytes: &[u8], guess: &'static Encoding) -> Decoded {
    let best = [GB18030, BIG5].map(|e| decode_with(e, bytes)).into_iter().min_by_key(|d| d.replaced);
    match best {
        Some(decoded) if looks_chinese(&decoded.text) => decoded,
        _ => decode_with(guess, bytes),
    }
}

/// Share of all characters that must be CJK for a damaged legacy file to be read as Chinese (markup and Latin
/// text between Chinese paragraphs allowed).
const MIN_CJK_SHARE: f64 = 0.05;
/// Share of the non-ASCII characters that must be CJK (ideographs, CJK and full-width punctuation).
const MIN_CJK_SHARE_OF_NON_ASCII: f64 = 0.9;

fn looks_chinese(text: &str) -> bool {
    let (mut chars, mut non_ascii, mut cjk) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c.is_ascii() || c == char::REPLACEMENT_CHARACTER {
            continue;
        }
        non_ascii += 1;
        let punctuation =
            matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '\u{2018}'..='\u{201d}' | '…' | '—');
        cjk += usize::from(crate::text::normalize::is_cjk(c) || punctuation);
    }
    cjk as f64 >= MIN_CJK_SHARE * chars as f64 && cjk as f64 >= MIN_CJK_SHARE_OF_NON_ASCII * non_ascii as f64
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let replaced = if had_errors { text.chars().filter(|&c| c == char::REPLACEMENT_CHARACTER).count() } else { 0 };
    Decoded { text: text.into_owned(), encoding: encoding.name(), replaced }
}

/// Rejects text that is mostly control characters: what binary data looks like once decoded.
fn check(decoded: Decoded, max_control_share: f64) -> Result<Decoded> {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for c in decoded.text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0c}') {
            controls += 1;
        }
    }
    if chars > 0 && controls as f64 / chars as f64 > max_control_share {
        return Err(Error::Undecodable {
            reason: format!(
                "{controls} of {chars} characters are control characters when read as {}: binary data, not text",
                decoded.encoding
            ),
        });
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "刘晓 锦江区成龙路街道枫树社区党委书记\n一是推进完整社区建设。二是关爱困境儿童。";

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(decode(SAMPLE.as_bytes()).unwrap().text, SAMPLE);
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        let decoded = decode(&with_bom).unwrap();
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "UTF-8");
    }

    #[test]
    fn reads_utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), Decoded { text: SAMPLE.into(), encoding: "UTF-16LE", replaced: 0 });
        let mut be = vec![0xFE, 0xFF];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn detects_gbk() {
        let (bytes, _, _) = GBK.encode(SAMPLE);
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.text, SAMPLE);
        assert_eq!(decoded.encoding, "gb18030");
    }

    #[test]
    fn detects_gbk_and_big5_after_a_long_ascii_preamble() {
        let preamble = "<html><head><meta name=\"x\"></head>\n".repeat(500);
        let text = format!("{preamble}{}", SAMPLE.repeat(50));
        let (bytes, _, _) = GBK.encode(&text);
        assert_eq!(decode(&bytes).unwrap().text, text);
        let traditional = format!("{preamble}社區黨總支書記表示,我們將推進完整社區建設,關愛困境兒童。");
        let (bytes, _, _) = encoding_rs::BIG5.encode(&traditional);
        let decoded = decode(&bytes).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (traditional.as_str(), "Big5"));
    }

    #[test]
    fn a_few_invalid_bytes_are_replaced_and_reported() {
        // GBK with three bytes that no GB18030 sequence can hold (0xFF).
        let mut bytes = Vec::new();
        for part in ["刘晓 锦江区", "成龙路街道枫树社区党委书记\n一是推进", "完整社区建设。", "二是关爱困境儿童。"]
        {
            bytes.extend_from_slice(&GBK.encode(part).0);
            bytes.push(0xFF);
        }
        bytes.pop();
        let decoded = decode(&bytes).unwrap();
        assert_eq!((decoded.encoding, decoded.replaced), ("gb18030", 3));
        assert_eq!(decoded.text.replace('\u{FFFD}', ""), SAMPLE);
        let warning = &decoded.warnings()[0];
        assert_eq!((warning.kind, warning.count), (WarningKind::ReplacedBytes, 3));
        assert_eq!(warning.message, "3 invalid byte sequences in gb18030 replaced by U+FFFD");

        // UTF-8 with a truncated character and a stray byte stays UTF-8 instead of going to the detector.
        let mut bytes = SAMPLE.as_bytes().to_vec();
        bytes.insert(3, 0xE9);
        bytes.insert(20, 0x80);
        let decoded = decode(&bytes).unwrap();
        assert_eq!((decoded.encoding, decoded.replaced), ("UTF-8", 2));
        assert_eq!(decoded.text.replace('\u{FFFD}', ""), SAMPLE);

        // UTF-16 with a lone high surrogate.
        let mut units: Vec<u16> = SAMPLE.encode_utf16().collect();
        units.insert(5, 0xD800);
        let mut le = vec![0xFF, 0xFE];
        le.extend(units.iter().flat_map(|u| u.to_le_bytes()));
        let decoded = decode(&le).unwrap();
        assert_eq!((decoded.encoding, decoded.replaced), ("UTF-16LE", 1));
        assert_eq!(decoded.warnings()[0].message, "1 invalid byte sequence in UTF-16LE replaced by U+FFFD");
        assert!(decode(SAMPLE.as_bytes()).unwrap().warnings().is_empty());
    }

    #[test]
    fn too_many_invalid_bytes_are_still_refused() {
        // A stray byte after every other character of a GBK text: far more than 8 + 1% of the characters.
        let chars: Vec<char> = SAMPLE.repeat(4).chars().collect();
        let bytes: Vec<u8> =
            chars.chunks(2).flat_map(|pair| [&GBK.encode(&String::from_iter(pair)).0[..], &[0xFF]].concat()).collect();
        let err = decode(&bytes).unwrap_err();
        assert!(err.to_string().contains("characters are invalid as gb18030"), "{err}");
    }

    #[test]
    fn rejects_binary_data_with_a_reason() {
        // A fixed pseudo-random sequence (xorshift) stands in for a binary file.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let err = decode(&bytes).unwrap_err();
        assert!(matches!(err, Error::Undecodable { .. }), "{err}");
        assert!(err.to_string().contains("not"), "{err}");
    }
}
