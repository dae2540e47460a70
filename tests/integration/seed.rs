//! The seed report: eight statements, one per party secretary, with exact names, posts, units and spans.

use crate::support::{ANALYZER, seed};
use jiceng::slice_chars;

const SPEAKERS: [(&str, &str); 8] = [
    ("刘晓", "锦江区成龙路街道枫树社区"),
    ("何红飙", "成华区万年场街道双福路社区"),
    ("谭敏", "武侯区浆洗街街道锦里社区"),
    ("李黎", "青羊区金沙街道金凤社区"),
    ("冉家俊", "锦江区三圣街道红砂社区"),
    ("何沁耘", "温江区公平街道花都社区"),
    ("廖飞宇", "郫都区红光街道金土社区"),
    ("彭勇", "彭州市天彭街道东林社区"),
];

#[test]
fn eight_statements_with_speakers_posts_and_units() {
    let Some(text) = seed() else { return };
    let analysis = ANALYZER.analyze(&text);
    // The title and lead before the first header, then the eight secretaries.
    assert_eq!(analysis.statements.len(), 9);
    assert!(analysis.statements[0].speaker.is_none());
    for (statement, (name, unit)) in analysis.statements[1..].iter().zip(SPEAKERS) {
        let speaker = statement.speaker.as_ref().expect("every statement has a speaker");
        assert_eq!(
            (speaker.name.as_str(), speaker.role.as_str(), speaker.organization.as_str()),
            (name, "党委书记", unit)
        );
        // The header is the line `name unit党委书记`, and the statement starts with it.
        assert_eq!(speaker.text, format!("{name} {unit}党委书记"));
        assert_eq!(slice_chars(&text, speaker.start, speaker.end), speaker.text);
        assert_eq!(statement.start, speaker.start);
    }
}

#[test]
fn statements_cover_each_speakers_paragraphs_and_nothing_else() {
    let Some(text) = seed() else { return };
    let analysis = ANALYZER.analyze(&text);
    let bodies: Vec<&str> = analysis.statements.iter().map(|s| slice_chars(&text, s.start, s.end)).collect();
    // The title and byline before the first header are nobody's.
    assert!(text.starts_with("“拼出基层好春光”"));
    assert!(bodies[0].starts_with("“拼出基层好春光”") && bodies[0].contains("采访报道"));
    assert!(bodies[1..].iter().all(|b| !b.contains("采访报道")));
    // Each statement runs up to the next header, trailing line break excluded.
    for pair in analysis.statements.windows(2) {
        let between = slice_chars(&text, pair[0].end, pair[1].start);
        assert_eq!(between, "\n");
    }
    assert_eq!(analysis.statements[8].end, text.trim_end().chars().count());
    // 廖飞宇's paragraph is broken across two lines in the source; both lines are his.
    assert!(bodies[7].contains("小区单元门厅\n美化项目"), "{}", bodies[7]);
    assert!(bodies[7].ends_with("共享美好生活。"));
    // 彭勇's statement has two paragraphs.
    assert!(bodies[8].contains("价值。以平台思维") && bodies[8].contains("\n社区将在“344”架构下"), "{}", bodies[8]);
    assert!(bodies[8].ends_with("早日成就副中心。"));
    assert!(bodies[1].contains("四是优化就业服务"));
}
