//! The same text in GB18030/GBK, UTF-16 and UTF-8 with BOM gives the same analysis; binary data is refused.

use crate::support::{ANALYZER, sample, seed};
use jiceng::Error;

fn encodings_of(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
    utf8_bom.extend_from_slice(text.as_bytes());
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable, "the text is representable in GBK");
    let (gb18030, _, _) = encoding_rs::GB18030.encode(text);
    vec![
        ("UTF-8 with BOM", utf8_bom),
        ("UTF-16LE", utf16le),
        ("UTF-16BE", utf16be),
        ("GBK", gbk.into_owned()),
        ("GB18030", gb18030.into_owned()),
    ]
}

fn assert_same_analysis_in_every_encoding(text: &str) {
    let expected = ANALYZER.analyze(text);
    assert!(!expected.statements.is_empty());
    for (name, bytes) in encodings_of(text) {
        let analysis = ANALYZER.analyze_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(analysis, expected, "{name}");
    }
}

#[test]
fn the_sample_reads_the_same_in_every_encoding() {
    assert_same_analysis_in_every_encoding(&sample());
}

#[test]
fn the_seed_reads_the_same_in_every_encoding() {
    let Some(text) = seed() else { return };
    assert_same_analysis_in_every_encoding(&text);
}

#[test]
fn random_bytes_are_a_clear_error() {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    for len in [64, 1000, 100_000] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state >> 24) as u8
            })
            .collect();
        match ANALYZER.analyze_bytes(&bytes) {
            Err(Error::Undecodable { reason }) => assert!(reason.contains("characters"), "{reason}"),
            other => panic!("{len} random bytes: expected Undecodable, got {other:?}"),
        }
    }
}

#[test]
fn a_document_over_the_size_limit_is_refused_with_its_size() {
    let analyzer = jiceng::Analyzer::builder().max_document_bytes(100).build().unwrap();
    let text = sample();
    let err = analyzer.analyze_bytes(text.as_bytes()).unwrap_err();
    assert_eq!(err, Error::TooLarge { bytes: text.len(), limit: 100 });
    assert!(err.to_string().contains("exceeds the limit of 100 bytes"), "{err}");
    assert!(matches!(analyzer.try_analyze(&text), Err(Error::TooLarge { .. })));
    assert!(analyzer.try_analyze("一是落实。").is_ok());
    assert_eq!(jiceng::DEFAULT_MAX_DOCUMENT_BYTES, 256 << 20);
}
