//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy Chinese encodings.
//!
//! A byte-order mark wins; then strict UTF-8; then chardetng's guess (GBK is read as its superset GB18030).
//! Whatever decodes is checked for the signature of binary data (control characters, replacement characters),
//! so random bytes give [`Error::Undecodable`] instead of mojibake.

use crate::error::{Error, Result};
use encoding_rs::{Encoding, GB18030, GBK};

/// Share of control characters above which valid UTF-8 is taken for binary data.
const MAX_CONTROL_SHARE_UTF8: f64 = 0.10;
/// Stricter bound for a guessed legacy encoding, where binary data decodes "successfully" far more often.
const MAX_CONTROL_SHARE_GUESSED: f64 = 0.01;
/// How many leading bytes the encoding detector reads.
const DETECTION_SAMPLE: usize = 4 * 1024;
/// Share of characters that may be replaced (invalid byte sequences) before the guess is rejected.
const MAX_REPLACED_SHARE: f64 = 0.01;

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
    let decoded = decode_with(encoding, bytes);
    let chars = decoded.text.chars().count().max(1);
    if decoded.replaced as f64 / chars as f64 > MAX_REPLACED_SHARE {
        return Err(Error::Undecodable {
            reason: format!(
                "not UTF-8, and {} of {chars} characters are invalid as {} (the best guess)",
                decoded.replaced, decoded.encoding
            ),
        });
    }
    check(decoded, MAX_CONTROL_SHARE_GUESSED)
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
