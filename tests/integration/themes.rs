//! Themes on the seed and the sample: what a careful reader tags, per statement, with evidence; user taxonomies
//! from the command line; keyphrases.

use crate::support::{ANALYZER, repo, sample, seed};
use jiceng::{Analysis, Analyzer, slice_chars};
use std::process::Command;

fn statement_themes<'a>(analysis: &'a Analysis, speaker: &str) -> Vec<&'a str> {
    let statement = analysis
        .statements
        .iter()
        .find(|s| s.speaker.as_ref().is_some_and(|p| p.name == speaker))
        .unwrap_or_else(|| panic!("no statement of {speaker}"));
    statement.themes.iter().map(String::as_str).collect()
}

fn assert_themes(analysis: &Analysis, speaker: &str, present: &[&str], absent: &[&str]) {
    let themes = statement_themes(analysis, speaker);
    for id in present {
        assert!(themes.contains(id), "{speaker}: {id} missing from {themes:?}");
    }
    for id in absent {
        assert!(!themes.contains(id), "{speaker}: {id} should not be in {themes:?}");
    }
}

#[test]
fn seed_statements_carry_the_themes_a_reader_would_tag() {
    let Some(text) = seed() else { return };
    let analysis = ANALYZER.analyze(&text);
    assert_themes(
        &analysis,
        "刘晓",
        &["complete_community", "elderly_and_children", "vulnerable_groups", "employment", "conflict_mediation"],
        &["culture_tourism", "smart_governance", "rural_revitalization", "new_employment_groups"],
    );
    assert_themes(
        &analysis,
        "谭敏",
        &["culture_tourism", "party_building", "culture_heritage", "grid_governance", "conflict_mediation"],
        &["smart_governance", "co_governance", "employment", "elderly_and_children"],
    );
    assert_themes(
        &analysis,
        "廖飞宇",
        &["rule_of_law_integrity", "party_building", "culture_heritage", "resident_self_governance"],
        // 干事创业 is an idiom for hard work, not a word on jobs.
        &["employment", "public_safety", "culture_tourism"],
    );
    assert_themes(
        &analysis,
        "何沁耘",
        &["elderly_and_children", "public_safety", "neighbourhood_renewal", "party_building", "neighbourliness"],
        &["employment", "culture_heritage"],
    );
    assert_themes(
        &analysis,
        "冉家俊",
        &["party_building", "rural_revitalization", "culture_tourism", "new_employment_groups"],
        &["elderly_and_children", "health_services"],
    );
    // 平台 four times over is not a word on digital governance.
    assert_themes(&analysis, "彭勇", &["co_governance", "community_economy"], &["smart_governance", "party_building"]);
}

#[test]
fn evidence_points_at_the_words_that_justify_a_theme() {
    let Some(text) = seed() else { return };
    let analysis = ANALYZER.analyze(&text);
    let theme = |id: &str| analysis.themes.iter().find(|t| t.id == id).unwrap_or_else(|| panic!("no {id}"));
    let evidence = |id: &str| theme(id).evidence.iter().map(|e| e.text.as_str()).collect::<Vec<_>>();
    assert!(evidence("rule_of_law_integrity").contains(&"廉洁社区"));
    assert!(evidence("complete_community").iter().all(|e| e.starts_with("完整社区")));
    assert!(evidence("party_building").contains(&"党建引领"));
    assert!(!evidence("party_building").iter().any(|e| e.ends_with("书记")), "a job title is no evidence");
    assert!(evidence("neighbourhood_renewal").contains(&"金边银角"));
    for t in &analysis.themes {
        assert_eq!(t.count, t.evidence.len());
        assert!(t.score > 0.0 && t.score <= 1.0, "{}: {}", t.id, t.score);
        for e in &t.evidence {
            assert_eq!(slice_chars(&text, e.start, e.end), e.text);
        }
    }
    assert_eq!(analysis.themes[0].score, 1.0, "the top theme ranks 1");
    assert!(analysis.themes.windows(2).all(|w| w[0].score >= w[1].score), "themes come strongest first");
}

#[test]
fn a_theme_is_reported_per_document_when_any_statement_has_it() {
    let analysis = ANALYZER.analyze(&sample());
    let document: Vec<&str> = analysis.themes.iter().map(|t| t.id.as_str()).collect();
    for statement in &analysis.statements {
        for id in &statement.themes {
            assert!(document.contains(&id.as_str()), "{id}");
        }
    }
    assert_themes(
        &analysis,
        "陈静",
        &["new_employment_groups", "grid_governance", "community_economy"],
        &["rural_revitalization"],
    );
    assert_themes(&analysis, "赵明", &["rural_revitalization", "conflict_mediation"], &["new_employment_groups"]);
}

#[test]
fn a_user_theme_from_the_builder_appears_with_its_evidence() {
    let analyzer = Analyzer::builder()
        .taxonomy_toml("[[themes]]\nid = \"night_economy\"\nlabel = \"夜间经济\"\ncategory = \"发展\"\nkeywords = [\"夜间经济\", \"夜市\"]\n")
        .build()
        .unwrap();
    let text = sample();
    let analysis = analyzer.analyze(&text);
    let theme = analysis.themes.iter().find(|t| t.id == "night_economy").expect("the new theme is found");
    assert_eq!(theme.label, "夜间经济");
    assert_eq!(theme.evidence[0].text, "夜间经济");
    assert_eq!(slice_chars(&text, theme.evidence[0].start, theme.evidence[0].end), "夜间经济");
    assert!(statement_themes(&analysis, "陈静").contains(&"night_economy"));
}

#[test]
fn the_command_takes_a_taxonomy_file_and_lists_themes() {
    let dir = std::env::temp_dir().join(format!("jiceng-taxonomy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("extra.json");
    std::fs::write(
        &good,
        r#"{"themes": [{"id": "night_economy", "label": "夜间经济", "category": "发展", "keywords": ["夜间经济"]}]}"#,
    )
    .unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, "[[themes]]\nid = \"x\"\nlabel = \"X\"\ncategory = \"c\"\nkeyword = [\"夜市\"]\n").unwrap();
    let jiceng =
        |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_jiceng")).args(args).current_dir(repo()).output().unwrap();

    let output = jiceng(&["analyze", "--taxonomy", good.to_str().unwrap(), "examples/sample-report.txt"]);
    assert!(output.status.success());
    let analysis: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(analysis["themes"].as_array().unwrap().iter().any(|t| t["id"] == "night_economy"));

    let output = jiceng(&["analyze", "--taxonomy", bad.to_str().unwrap(), "examples/sample-report.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 5") && stderr.contains("keyword"), "{stderr}");

    let output = jiceng(&["themes", "--taxonomy", good.to_str().unwrap()]);
    let listing = String::from_utf8_lossy(&output.stdout);
    assert!(listing.contains("24 themes"), "{listing}");
    assert!(listing.lines().any(|l| l.starts_with("party_building") && l.contains("党建")), "{listing}");
    assert!(listing.lines().any(|l| l.starts_with("night_economy")), "{listing}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn keyphrases_are_what_no_theme_covers() {
    let analysis = ANALYZER.analyze(&sample());
    assert!(!analysis.keyphrases.is_empty());
    assert_eq!(analysis.keyphrases[0].weight, 1.0);
    let taxonomy = ANALYZER.taxonomy();
    for k in &analysis.keyphrases {
        assert!(k.weight > 0.0 && k.weight <= 1.0);
        assert!(
            !taxonomy.themes.iter().any(|t| t.keywords.contains(&k.text) || t.weak.contains(&k.text)),
            "{} is a theme phrase",
            k.text
        );
        assert!(!["我们", "工作", "社区", "推进"].contains(&k.text.as_str()), "{} is a stop word", k.text);
        assert!(k.text.chars().count() >= 3, "{} is a word of two characters alone", k.text);
        assert!(!analysis.formulas.iter().any(|f| f.text.contains(&k.text)), "{} is a slogan", k.text);
    }
}

#[test]
fn a_speakers_name_is_no_keyphrase_wherever_it_recurs() {
    let text = "关口场社区党总支书记陈开渠说,要改变脏乱差。陈开渠带着大家清理排水沟。陈开渠又组织居民修路。\
                后来陈开渠还发动居民种花,陈开渠说这叫美好生活。";
    let analysis = ANALYZER.analyze(text);
    assert_eq!(analysis.statements[0].speaker.as_ref().map(|s| s.name.as_str()), Some("陈开渠"));
    let keyphrases: Vec<&str> = analysis.keyphrases.iter().map(|k| k.text.as_str()).collect();
    assert!(keyphrases.iter().all(|k| !k.contains("陈开") && !k.contains("开渠")), "{keyphrases:?}");
}

#[test]
fn a_speakers_post_and_unit_are_no_evidence() {
    for text in [
        "驻村第一书记张晨说,今天天气很好。",
        "网格员张晨说,今天天气很好。",
        "社区党群服务中心主任张晨说,今天天气很好。",
    ] {
        let analysis = ANALYZER.analyze(text);
        assert!(analysis.statements[0].speaker.is_some(), "{text}");
        assert!(analysis.themes.is_empty(), "{text}: {:?}", analysis.themes);
    }
}
