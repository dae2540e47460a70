//! Speakers of other corpus texts: work reports' bylines and attributions in news reports.

use crate::support::{ANALYZER, corpus_dir, read_text};
use jiceng::Analysis;

/// The analysis of the corpus file whose name starts with `prefix`, if the corpus is present.
fn analyze(prefix: &str) -> Option<(String, Analysis)> {
    let dir = corpus_dir()?;
    for sub in ["dev", "reports"] {
        for entry in std::fs::read_dir(dir.join(sub)).ok()?.flatten() {
            if entry.file_name().to_string_lossy().starts_with(prefix) {
                let text = read_text(&entry.path());
                let analysis = ANALYZER.analyze(&text);
                return Some((text, analysis));
            }
        }
    }
    panic!("no corpus file starts with {prefix}");
}

fn speakers(analysis: &Analysis) -> Vec<(&str, &str, &str)> {
    analysis
        .statements
        .iter()
        .filter_map(|s| s.speaker.as_ref())
        .map(|s| (s.name.as_str(), s.role.as_str(), s.organization.as_str()))
        .collect()
}

#[test]
fn a_work_report_is_one_statement_of_the_official_who_delivers_it() {
    let cases = [
        ("023_", ("王凤朝", "市长", "成都市人民政府")),
        ("028_", ("蒲发友", "代区长", "成华区人民政府")),
        ("036_", ("施小琳", "省长", "四川省人民政府")),
        ("041_", ("赵刚", "省长", "陕西省")),
    ];
    for (prefix, expected) in cases {
        let Some((text, analysis)) = analyze(prefix) else { return };
        assert_eq!(speakers(&analysis), [expected], "{prefix}");
        // The statement runs from the byline to the end of the report; the title before it is nobody's.
        let [title, report] = &analysis.statements[..] else { panic!("{prefix}: {:?}", analysis.statements) };
        assert!(title.speaker.is_none() && title.end < report.start, "{prefix}");
        assert_eq!(report.end, text.trim_end().chars().count(), "{prefix}");
    }
}

#[test]
fn a_news_report_attributes_speech_to_the_secretary_it_quotes() {
    let Some((text, analysis)) = analyze("005_") else { return };
    assert_eq!(speakers(&analysis), [("施光梅", "党委书记", "海棠路社区")]);
    let body = |statement: &jiceng::Statement| -> String {
        text.chars().skip(statement.start).take(statement.end - statement.start).collect()
    };
    let said = analysis.statements.iter().find(|s| s.speaker.is_some()).unwrap();
    assert!(body(said).starts_with("随后,海棠路社区党委书记施光梅"), "{}", body(said));
    assert!(body(said).contains("她表示"), "{}", body(said));
    // The report's lead before her is the reporter's: a statement of nobody.
    let lead = &analysis.statements[0];
    assert!(lead.speaker.is_none() && lead.start == 0 && lead.end < said.start, "{lead:?}");
    assert!(body(lead).contains("会议现场"), "{}", body(lead));
}

#[test]
fn a_speaker_is_found_again_by_name_and_by_quotation() {
    let Some((_, analysis)) = analyze("010_") else { return };
    assert_eq!(speakers(&analysis), [("陈刚", "镇党委书记", "")]);
    let Some((_, analysis)) = analyze("001_") else { return };
    let found = speakers(&analysis);
    assert!(!found.is_empty());
    assert!(found.iter().all(|s| *s == ("王陈", "党总支副书记", "江苏东台经济开发区城北社区")), "{found:?}");
}

#[test]
fn a_text_without_speakers_is_one_statement_of_nobody() {
    let Some((text, analysis)) = analyze("020_") else { return };
    assert_eq!(analysis.statements.len(), 1);
    assert!(analysis.statements[0].speaker.is_none());
    assert_eq!(analysis.statements[0].start, 0);
    assert_eq!(analysis.statements[0].end, text.trim_end().chars().count());
}
