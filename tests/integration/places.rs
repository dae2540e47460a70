//! Places: the seed's 31 places with kinds and codes and none of its non-places; other provinces; user places
//! and the home region.

use crate::support::{ANALYZER, sample, seed};
use jiceng::{Analysis, Analyzer, PlaceKind, slice_chars};
use std::collections::BTreeMap;

/// Distinct place names of an analysis with their kind and code.
fn places(analysis: &Analysis) -> BTreeMap<String, (PlaceKind, Option<String>)> {
    analysis.places.iter().map(|p| (p.text.clone(), (p.kind, p.code.clone()))).collect()
}

#[test]
fn the_seeds_places_with_kinds_and_codes() {
    let Some(text) = seed() else { return };
    let analysis = ANALYZER.analyze(&text);
    let found = places(&analysis);
    use PlaceKind::*;
    let expected: &[(&str, PlaceKind)] = &[
        ("成都", City),
        ("锦江区", County),
        ("成华区", County),
        ("武侯区", County),
        ("青羊区", County),
        ("温江区", County),
        ("郫都区", County),
        ("彭州市", County),
        ("成龙路街道", Township),
        ("万年场街道", Township),
        ("浆洗街街道", Township),
        ("金沙街道", Township),
        ("三圣街道", Township),
        ("公平街道", Township),
        ("红光街道", Township),
        ("天彭街道", Township),
        ("枫树社区", Community),
        ("双福路社区", Community),
        ("锦里社区", Community),
        ("金凤社区", Community),
        ("红砂社区", Community),
        ("花都社区", Community),
        ("金土社区", Community),
        ("东林社区", Community),
        ("锦里", Landmark),
        ("武侯祠", Landmark),
        ("华润大厦", Landmark),
        ("万象城", Landmark),
        ("润街", Landmark),
        ("金沙银座", Landmark),
        ("网络文学产业园", Landmark),
    ];
    for (name, kind) in expected {
        let (found_kind, _) = found.get(*name).unwrap_or_else(|| panic!("{name} not found in {:?}", found.keys()));
        assert_eq!(found_kind, kind, "{name}");
    }
    assert_eq!(found.len(), expected.len(), "nothing else: {:?}", found.keys());
    for (name, code) in [
        ("枫树社区", "510104035018"),
        ("双福路社区", "510108011009"),
        ("锦里社区", "510107001006"),
        ("金凤社区", "510105011002"),
        ("红砂社区", "510104037005"),
        ("花都社区", "510115002079"),
        ("金土社区", "510117005002"),
        ("东林社区", "510182001048"),
        ("成龙路街道", "510104035000"),
        ("锦江区", "510104000000"),
        ("成都", "510100000000"),
    ] {
        assert_eq!(found[name].1.as_deref(), Some(code), "{name}");
    }
    let fengshu = analysis.places.iter().find(|p| p.text == "枫树社区").unwrap();
    assert_eq!(fengshu.path, ["四川省", "成都市", "锦江区", "成龙路街道", "枫树社区"]);
    for p in &analysis.places {
        assert_eq!(slice_chars(&text, p.start, p.end), p.text);
    }
    // The places of a statement are those inside it: 刘晓's header names three.
    let first: Vec<&str> = analysis.statements[1].places.iter().map(|&i| analysis.places[i].text.as_str()).collect();
    assert_eq!(&first[..3], ["锦江区", "成龙路街道", "枫树社区"]);
}

#[test]
fn concepts_built_on_place_words_are_not_places() {
    let text = "打造完整社区、精品社区、廉洁社区、慈善社区和城市社区,建设公园新社区和儿童友好社区,进位百强县,迈进千亿城,\
                立足“花都·都好”定位,加大金边银角治理,华西社区报记者报道。";
    let analysis = ANALYZER.analyze(text);
    assert!(analysis.places.is_empty(), "{:?}", analysis.places.iter().map(|p| &p.text).collect::<Vec<_>>());
}

#[test]
fn places_elsewhere_in_china_resolve_and_traditional_script_is_read() {
    let analysis = ANALYZER.analyze("广州市天河区石牌街道穗园社区党委书记孙明芳表示,要做好服务。");
    let found = places(&analysis);
    assert_eq!(found["天河区"].1.as_deref(), Some("440106000000"));
    assert_eq!(found["石牌街道"].0, PlaceKind::Township);
    let analysis = ANALYZER.analyze("錦江區成龍路街道楓樹社區黨委書記劉曉表示,要做好服務。");
    let found = places(&analysis);
    assert_eq!(found["楓樹社區"].1.as_deref(), Some("510104035018"), "{found:?}");
}

#[test]
fn user_places_and_the_home_region() {
    let analyzer = Analyzer::builder()
        .place("锦绣花园", PlaceKind::Estate, Some("枫树社区"))
        .places("# name\tkind\tparent\n新桥社区\tcommunity\t成龙路街道\n")
        .build()
        .unwrap();
    let text = "枫树社区锦绣花园的居民和新桥社区的居民一起议事。";
    let analysis = analyzer.analyze(text);
    let estate = analysis.places.iter().find(|p| p.text == "锦绣花园").expect("a user estate is found");
    assert_eq!(estate.kind, PlaceKind::Estate);
    assert_eq!(estate.path.last().map(String::as_str), Some("锦绣花园"));
    assert!(analysis.places.iter().any(|p| p.text == "新桥社区"));
    let err = Analyzer::builder().places("新桥社区\tvillage-ish\n").build().unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
    // 金凤社区 exists three times in 成都: with no home region and no context it stays unresolved.
    let unresolved = Analyzer::builder().home_region(None).build().unwrap().analyze("金凤社区开展活动。");
    assert!(unresolved.places.iter().all(|p| p.text != "金凤社区" || p.code.is_none()));
}

#[test]
fn the_sample_reports_places() {
    let analysis = ANALYZER.analyze(&sample());
    let found = places(&analysis);
    for name in [
        "锦江区",
        "春熙路街道",
        "总府路社区",
        "青羊区",
        "少城街道",
        "成华区",
        "猛追湾街道",
        "郫都区",
        "唐昌镇",
        "战旗村",
    ] {
        assert!(found.contains_key(name), "{name} not in {:?}", found.keys());
    }
    assert_eq!(found["锦江区"].1.as_deref(), Some("510104000000"));
    assert!(!found.contains_key("人和社区"), "社区合伙人和社区基金 names no 人和社区");
}

#[test]
fn the_command_takes_a_place_list_and_a_home_region() {
    let dir = std::env::temp_dir().join(format!("jiceng-places-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let list = dir.join("places.tsv");
    std::fs::write(&list, "锦绣花园\testate\t枫树社区\n").unwrap();
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "# comment\n锦绣花园\tpalace\n").unwrap();
    let text = dir.join("doc.txt");
    std::fs::write(&text, "枫树社区锦绣花园开展活动。金凤社区也来了。").unwrap();
    let jiceng = |args: &[&str]| std::process::Command::new(env!("CARGO_BIN_EXE_jiceng")).args(args).output().unwrap();

    let output = jiceng(&["analyze", "--places", list.to_str().unwrap(), text.to_str().unwrap()]);
    let analysis: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let estate =
        analysis["places"].as_array().unwrap().iter().find(|p| p["text"] == "锦绣花园").expect("the user's estate");
    assert_eq!(estate["kind"], "estate");

    let output = jiceng(&["analyze", "--home-region", "none", text.to_str().unwrap()]);
    let analysis: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let jinfeng = analysis["places"].as_array().unwrap().iter().find(|p| p["text"] == "金凤社区").unwrap();
    assert!(jinfeng["code"].is_null(), "three 金凤社区 in 成都 and no home region: unresolved");

    let output = jiceng(&["analyze", "--places", bad.to_str().unwrap(), text.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2") && stderr.contains("palace"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn places_alone_are_what_the_analysis_holds() {
    let text = sample();
    assert_eq!(ANALYZER.places(&text), ANALYZER.analyze(&text).places);
}
