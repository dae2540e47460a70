//! Hostile and degenerate input: empty and blank texts, huge lines without punctuation, endless repeats, stray
//! bytes, other scripts, a whole HTML page. Each gets a best-effort analysis with sound spans (or a typed error),
//! never a panic, and results that stay bounded by the input.

use crate::schema::assert_matches_analysis;
use crate::spans::assert_spans_point_into;
use crate::support::ANALYZER;
use jiceng::{Analysis, WarningKind};
use serde_json::Value;

fn json(analysis: &Analysis) -> Value {
    serde_json::to_value(analysis).unwrap()
}

/// Checks spans and schema, and that nothing is reported more often than the text has characters.
fn assert_sound(text: &str, analysis: &Analysis, origin: &str) {
    let value = json(analysis);
    assert_matches_analysis(&value);
    if !analysis.statements.is_empty() {
        assert_spans_point_into(text, &value, origin);
    }
    let chars = text.chars().count();
    assert_eq!(analysis.chars, chars, "{origin}");
    for (what, count) in [
        ("statements", analysis.statements.len()),
        ("places", analysis.places.len()),
        ("plan_items", analysis.plan_items.len()),
        ("formulas", analysis.formulas.len()),
    ] {
        assert!(count <= chars, "{origin}: {count} {what} in {chars} characters");
    }
}

fn place_names(analysis: &Analysis) -> Vec<&str> {
    analysis.places.iter().map(|p| p.name.as_str()).collect()
}

fn theme_ids(analysis: &Analysis) -> Vec<&str> {
    analysis.themes.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn empty_blank_and_punctuation_only_texts_give_empty_analyses() {
    for text in ["", " ", "\n\n\n", " \t\r\n\u{3000}\u{a0}\n  ", "，。、！？……——“”（）【】", ",.;:!?()[]{}<>", "?????"]
    {
        let analysis = ANALYZER.analyze(text);
        assert_sound(text, &analysis, &format!("{text:?}"));
        assert!(analysis.statements.len() <= 1, "{text:?}");
        assert!(analysis.statements.iter().all(|s| s.speaker.is_none()), "{text:?}");
        assert_eq!(
            (
                analysis.themes.len(),
                analysis.places.len(),
                analysis.plan_items.len(),
                analysis.formulas.len(),
                analysis.keyphrases.len(),
                analysis.warnings.len()
            ),
            (0, 0, 0, 0, 0, 0),
            "{text:?}"
        );
    }
    let empty = ANALYZER.analyze("");
    assert_eq!((empty.chars, empty.statements.len()), (0, 0));
    assert_eq!(ANALYZER.analyze_bytes(b"").unwrap(), empty);
    assert!(ANALYZER.analyze(" \n\t\n").statements.is_empty(), "whitespace is no statement");
}

#[test]
fn a_long_line_without_punctuation_is_analyzed_in_pieces_with_sound_spans() {
    // 2 MB of Han characters without a break: segmentation cuts it into pieces by force. Places at both ends
    // and themes throughout are still found, and the words tile the text.
    let unit = "推进完整社区建设关爱一老一小深化文旅融合完善社区合伙人模式落实微网实格";
    let body = unit.repeat(2_000_000 / unit.len());
    let text = format!("成都市锦江区{body}金牛区抚琴街道");
    let analysis = ANALYZER.analyze(&text);
    // Spans checked by hand: the helpers slice from the text's start for each of the many theme hits.
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(analysis.chars, chars.len());
    assert_eq!((analysis.statements.len(), analysis.statements[0].end), (1, chars.len()));
    for place in &analysis.places {
        assert_eq!(chars[place.start..place.end].iter().collect::<String>(), place.text);
    }
    let names = place_names(&analysis);
    assert_eq!(names.first(), Some(&"成都市"), "{:?}", &names[..names.len().min(5)]);
    assert_eq!(&names[names.len() - 2..], ["金牛区", "抚琴街道"]);
    assert!(theme_ids(&analysis).contains(&"complete_community"));
    let words = ANALYZER.segment(&text);
    assert!(words.windows(2).all(|w| w[0].end == w[1].start), "words tile the text");
    assert_eq!(words.last().unwrap().end, text.chars().count());
}

#[test]
fn a_hundred_thousand_place_suffixes_find_no_places() {
    let text = "社区".repeat(100_000);
    let analysis = ANALYZER.analyze(&text);
    assert_sound(&text, &analysis, "社区 × 100,000");
    assert_eq!((analysis.places.len(), analysis.statements.len()), (0, 1));
    // After a real name, the suffix run does not make the name's place swallow the run.
    let text = format!("锦江区枫树{}", "社区".repeat(100_000));
    let analysis = ANALYZER.analyze(&text);
    assert_sound(&text, &analysis, "锦江区枫树社区社区…");
    assert!(analysis.places.len() <= 2, "{:?}", place_names(&analysis));
    assert!(analysis.places.iter().all(|p| p.text.chars().count() <= 10), "{:?}", place_names(&analysis));
}

#[test]
fn ten_thousand_opening_brackets_are_no_plan_items() {
    for text in ["（".repeat(10_000), "(".repeat(10_000), format!("{}一）推进完整社区建设。", "（".repeat(10_000))]
    {
        let analysis = ANALYZER.analyze(&text);
        assert_sound(&text, &analysis, "brackets");
        assert!(analysis.plan_items.len() <= 1);
        assert!(analysis.places.is_empty() && analysis.formulas.is_empty());
    }
}

#[test]
fn a_nul_byte_does_not_stop_the_analysis() {
    let text = "枫树社区\0党委书记刘晓表示,\0要在锦江区成龙路街道推进完整社区建设。一是关爱一老一小。";
    for analysis in [ANALYZER.analyze(text), ANALYZER.analyze_bytes(text.as_bytes()).unwrap()] {
        assert_sound(text, &analysis, "NUL");
        let names = place_names(&analysis);
        assert!(names.contains(&"锦江区") && names.contains(&"成龙路街道"), "{names:?}");
        assert!(theme_ids(&analysis).contains(&"complete_community"));
        assert_eq!(analysis.plan_items.len(), 1);
        assert!(analysis.warnings.is_empty());
    }
}

#[test]
fn other_scripts_keep_spans_sound_and_the_chinese_is_found() {
    let text = "བོད་ཀྱི་ཡི་གེ། 成都市锦江区成龙路街道枫树社区党委书记刘晓表示,😀要推进完整社区建设🏘️。\n\
                ئۇيغۇرچە تېكىست 一是关爱一老一小👨‍👩‍👧;二是深化文旅融合。𠀀𪚥 Ελληνικά кириллица";
    let analysis = ANALYZER.analyze(text);
    assert_sound(text, &analysis, "mixed scripts");
    let names = place_names(&analysis);
    for name in ["成都市", "锦江区", "成龙路街道", "枫树社区"] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    assert_eq!(analysis.statements[0].speaker.as_ref().map(|s| s.name.as_str()), Some("刘晓"));
    assert_eq!(analysis.plan_items.len(), 2);
    for theme in ["complete_community", "elderly_and_children", "culture_tourism"] {
        assert!(theme_ids(&analysis).contains(&theme), "{theme}");
    }
}

/// A news page as a scraper saves it: head, style, scripts, navigation, entities, the article, a footer.
const HTML_PAGE: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>锦江区：完整社区建设见成效_新闻中心</title>
<style type="text/css">
body { font-family: "Microsoft YaHei", sans-serif; color: #333; }
.article p { line-height: 1.8em; margin: 0 0 12px; }
</style>
<script type="text/javascript">
window.dataLayer = window.dataLayer || [];
function track(event) { window.dataLayer.push({event: event, page: location.pathname}); }
var config = {channel: "news", retries: 3, related: "青羊区少城街道宽窄巷子社区党建引领"};
</script>
</head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/news/">新闻中心</a></div>
<div class="article">
<h1>锦江区：完整社区建设见成效</h1>
<p>本报讯&nbsp;近日，成都市锦江区成龙路街道枫树社区召开居民议事会，围绕完整社区建设听取意见。</p>
<p>枫树社区党委书记刘晓表示，社区将坚持党建引领，一是完善养老服务设施，二是新建儿童活动空间，让&ldquo;一老一小&rdquo;都有去处。</p>
<p>据了解，锦江区已有12个社区通过完整社区验收&hellip;</p>
</div>
<script>track("article_view"); document.querySelectorAll(".share").forEach(function (b) { b.hidden = false; });</script>
<div class="footer">版权所有 &copy; 2024 &amp; 技术支持</div>
</body>
</html>
"#;

#[test]
fn an_html_page_yields_its_article_and_no_script() {
    let analysis = ANALYZER.analyze(HTML_PAGE);
    assert_sound(HTML_PAGE, &analysis, "HTML page");
    let names = place_names(&analysis);
    for name in ["锦江区", "成都市", "成龙路街道", "枫树社区"] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    let speakers: Vec<&str> =
        analysis.statements.iter().filter_map(|s| s.speaker.as_ref()).map(|s| s.name.as_str()).collect();
    assert_eq!(speakers, ["刘晓"]);
    assert_eq!(analysis.plan_items.len(), 2);
    assert!(theme_ids(&analysis).contains(&"complete_community"));
    // The script's Chinese string is code, not content.
    assert!(!names.iter().any(|n| ["青羊区", "少城街道", "宽窄巷子"].contains(n)), "{names:?}");
    let chars_to = |pattern: &str| HTML_PAGE[..HTML_PAGE.find(pattern).unwrap()].chars().count();
    let script = chars_to("<script")..chars_to("</script>");
    assert!(analysis.themes.iter().flat_map(|t| &t.evidence).all(|e| !script.contains(&e.start)));
    let script_words = ["window", "dataLayer", "function", "track", "config", "font", "YaHei", "href", "querySelector"];
    for phrase in &analysis.keyphrases {
        assert!(!phrase.text.is_ascii(), "script or markup as a keyphrase: {}", phrase.text);
        assert!(!script_words.iter().any(|w| phrase.text.contains(w)), "{}", phrase.text);
    }
    for theme in &analysis.themes {
        for evidence in &theme.evidence {
            assert!(evidence.text.chars().all(|c| !c.is_ascii_alphabetic()), "{}", evidence.text);
        }
    }
}

#[test]
fn a_gbk_file_with_a_few_invalid_bytes_is_read_and_the_replacement_reported() {
    let parts = ["枫树社区党委书记刘晓表示,", "要在锦江区成龙路街道推进", "完整社区建设。一是关爱一老一小。"];
    let mut bytes = Vec::new();
    for part in parts {
        bytes.extend_from_slice(&encoding_rs::GBK.encode(part).0);
        bytes.push(0xFF);
    }
    let analysis = ANALYZER.analyze_bytes(&bytes).unwrap();
    let warning = &analysis.warnings[0];
    assert_eq!((warning.kind, warning.count), (WarningKind::ReplacedBytes, 3));
    assert_eq!(warning.message, "3 invalid byte sequences in gb18030 replaced by U+FFFD");
    let value = json(&analysis);
    assert_matches_analysis(&value);
    assert_eq!(value["warnings"][0]["kind"], "replaced_bytes");
    let text = parts.join("\u{FFFD}") + "\u{FFFD}";
    assert_eq!(analysis.chars, text.chars().count());
    assert_spans_point_into(&text, &value, "GBK with invalid bytes");
    assert!(place_names(&analysis).contains(&"成龙路街道"));
    // Without bad bytes, no warnings field at all.
    let clean = ANALYZER.analyze_bytes(&encoding_rs::GBK.encode(&parts.concat()).0).unwrap();
    assert!(clean.warnings.is_empty());
    assert!(json(&clean).get("warnings").is_none());
}

#[test]
fn a_lone_surrogate_in_utf16_is_replaced_and_reported() {
    let text = "枫树社区党委书记刘晓表示,要在锦江区推进完整社区建设。";
    let mut units: Vec<u16> = text.encode_utf16().collect();
    units.insert(4, 0xDC00);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    let analysis = ANALYZER.analyze_bytes(&bytes).unwrap();
    assert_eq!(analysis.warnings.len(), 1);
    assert_eq!(analysis.warnings[0].count, 1);
    assert!(analysis.warnings[0].message.contains("UTF-16LE"));
    assert_eq!(analysis.chars, text.chars().count() + 1);
    assert!(place_names(&analysis).contains(&"锦江区"));
}

#[test]
fn mostly_valid_utf8_with_a_few_bad_bytes_stays_utf8() {
    let text = "枫树社区党委书记刘晓表示,要在锦江区成龙路街道推进完整社区建设。一是关爱一老一小。";
    let mut bytes = text.as_bytes().to_vec();
    bytes.insert(12, 0xC3); // a lead byte without its continuation, before 党
    bytes.push(0xE5); // a truncated last character
    let decoded = jiceng::text::decode::decode(&bytes).unwrap();
    assert_eq!((decoded.encoding, decoded.replaced), ("UTF-8", 2));
    let analysis = ANALYZER.analyze_bytes(&bytes).unwrap();
    let expected = format!("{}\u{FFFD}{}\u{FFFD}", &text[..12], &text[12..]);
    let mut same = ANALYZER.analyze(&expected);
    same.warnings = analysis.warnings.clone();
    assert_eq!(analysis, same);
    assert_eq!(analysis.warnings[0].message, "2 invalid byte sequences in UTF-8 replaced by U+FFFD");
}

#[test]
#[ignore = "50 MB in one line; run in release: cargo test --release --test integration fifty -- --ignored"]
fn fifty_megabytes_in_one_line() {
    let unit = "推进完整社区建设关爱一老一小深化文旅融合完善社区合伙人模式落实微网实格";
    let text = format!("成都市锦江区{}", unit.repeat(50_000_000 / unit.len()));
    let analysis = ANALYZER.try_analyze(&text).unwrap();
    assert_eq!(analysis.places.len(), 2);
    assert!(theme_ids(&analysis).contains(&"complete_community"));
}
