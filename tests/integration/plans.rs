//! Plan items and formulas: the seed's lists and slogans, the outlines of full work reports, adversarial input.

use crate::support::{ANALYZER, corpus_dir, read_text, sample, seed};
use jiceng::{Analysis, slice_chars};

fn items_of<'a>(analysis: &'a Analysis, speaker: &str) -> Vec<&'a jiceng::PlanItem> {
    let statement = analysis.statements.iter().find(|s| s.speaker.as_ref().is_some_and(|p| p.name == speaker)).unwrap();
    statement.plan_items.iter().map(|&i| &analysis.plan_items[i]).collect()
}

#[test]
fn seed_lists_of_four_items() {
    let Some(text) = seed() else { return };
    let analysis = ANALYZER.analyze(&text);
    let expected = [
        ("刘晓", ["一是推进完整社区建设", "二是关爱困境儿童", "三是关注重点特殊人群", "四是优化就业服务"]),
        ("冉家俊", ["一是采取“一中心三条线", "二是完善“两新”书记", "三是推动“红砂流彩", "四是整合网络文学产业园"]),
    ];
    for (speaker, starts) in expected {
        let items = items_of(&analysis, speaker);
        assert_eq!(items.len(), 4, "{speaker}");
        let list = items[0].list;
        for (k, (item, start)) in items.iter().zip(starts).enumerate() {
            assert_eq!((item.list, item.ordinal), (list, k as u32 + 1), "{speaker}");
            assert_eq!(item.marker, ["一是", "二是", "三是", "四是"][k]);
            assert!(item.text.starts_with(start), "{speaker}: {}", item.text);
            assert_eq!(slice_chars(&text, item.start, item.end), item.text);
        }
    }
    // 刘晓's first item runs to the next marker, no further.
    assert!(items_of(&analysis, "刘晓")[0].text.ends_with("提升社区居住品质。"));
    // Only these two statements enumerate.
    assert_eq!(analysis.plan_items.len(), 8);
}

#[test]
fn seed_formulas_with_parts_and_members() {
    let Some(text) = seed() else { return };
    let analysis = ANALYZER.analyze(&text);
    let formula = |t: &str| analysis.formulas.iter().find(|f| f.text == t).unwrap_or_else(|| panic!("no formula {t}"));
    let parts = |t: &str| formula(t).parts.iter().map(|p| (p.number, p.unit.clone())).collect::<Vec<_>>();
    let members = |t: &str| formula(t).members.iter().map(|m| m.text.clone()).collect::<Vec<_>>();
    let owned = |v: &[(u32, &str)]| v.iter().map(|&(n, u)| (n, u.to_string())).collect::<Vec<_>>();
    assert_eq!(parts("一核两翼三全四圈五化"), owned(&[(1, "核"), (2, "翼"), (3, "全"), (4, "圈"), (5, "化")]));
    assert_eq!(parts("一中心三条线五融合"), owned(&[(1, "中心"), (3, "条线"), (5, "融合")]));
    assert_eq!(parts("344"), owned(&[(3, ""), (4, ""), (4, "")]));
    assert_eq!(members("三圈共融"), ["经济圈", "生活圈", "治理圈"]);
    assert_eq!(members("四大体系"), ["动员", "支持", "运营", "品牌"]);
    assert_eq!(members("3大核心"), ["社区“两委”", "社区社会企业", "社区基金"]);
    assert_eq!(members("三区联动"), ["街区", "景区", "社区"]);
    for f in &analysis.formulas {
        assert_eq!(slice_chars(&text, f.start, f.end), f.text);
        for m in &f.members {
            assert_eq!(slice_chars(&text, m.start, m.end), m.text);
        }
    }
    for not_formula in ["15分钟", "一对一", "一池春水", "一站式", "2025年", "N项"] {
        assert!(!analysis.formulas.iter().any(|f| f.text.contains(not_formula)), "{not_formula}");
    }
    // The statements own their formulas: 彭勇's three, 李黎's one.
    let count = |name: &str| {
        let said = |s: &&jiceng::Statement| s.speaker.as_ref().is_some_and(|p| p.name == name);
        analysis.statements.iter().find(said).unwrap().formulas.len()
    };
    assert_eq!((count("彭勇"), count("李黎"), count("廖飞宇")), (3, 1, 0));
}

#[test]
fn work_reports_come_out_as_nested_outlines() {
    let Some(dir) = corpus_dir() else { return };
    let cases = [
        ("036_gov-report-2026-sichuan.txt", ["一、2025年工作回顾", "二、“十五五”发展的主要", "三、2026年工作安排"]),
        ("039_gov-report-2026-beijing.txt", ["一、2025年工作回顾", "二、“十四五”时期发展成", "三、2026年重点工作"]),
    ];
    for (file, headings) in cases {
        let text = read_text(&dir.join("reports").join(file));
        let analysis = ANALYZER.analyze(&text);
        let top: Vec<&jiceng::PlanItem> = analysis.plan_items.iter().filter(|i| i.list == 0).collect();
        assert_eq!(top.len(), 3, "{file}");
        for (item, heading) in top.iter().zip(headings) {
            assert!(item.text.starts_with(heading), "{file}: {}", item.text);
            assert!(!item.text.contains('\n'), "a heading item is its own line");
        }
        // (一) headings form lists of their own, and so do the 一是 lists inside paragraphs.
        assert!(analysis.plan_items.iter().any(|i| i.marker == "（一）" && i.list > 0), "{file}");
        assert!(analysis.plan_items.iter().any(|i| i.marker == "一是"), "{file}");
    }
    let text = read_text(&dir.join("reports/036_gov-report-2026-sichuan.txt"));
    let analysis = ANALYZER.analyze(&text);
    let first =
        analysis.plan_items.iter().find(|i| i.text.starts_with("一是着力扩内需稳增长")).expect("the review's list");
    let list: Vec<&str> = analysis
        .plan_items
        .iter()
        .filter(|i| i.list == first.list)
        .map(|i| &i.text[..i.text.char_indices().nth(10).unwrap().0])
        .collect();
    assert_eq!(
        list,
        [
            "一是着力扩内需稳增长",
            "二是着力抓科技兴产业",
            "三是着力强统筹促共兴",
            "四是着力增动能拓空间",
            "五是着力惠民生增福祉",
            "六是着力防风险守底线"
        ]
    );
}

#[test]
fn the_sample_has_a_first_then_last_list_and_slogans() {
    let analysis = ANALYZER.analyze(&sample());
    let markers: Vec<(&str, u32)> =
        items_of(&analysis, "陈静").iter().map(|i| (i.marker.as_str(), i.ordinal)).collect();
    assert_eq!(markers, [("首先", 1), ("其次", 2), ("最后", 3)]);
    let texts: Vec<&str> = analysis.formulas.iter().map(|f| f.text.as_str()).collect();
    for expected in ["一核三治", "一老一小", "三区联动", "一村一品"] {
        assert!(texts.contains(&expected), "{expected} in {texts:?}");
    }
}

#[test]
fn ten_thousand_markers_in_a_row_stay_linear_and_correct() {
    let text = "一是落实。".repeat(10_000);
    let analysis = ANALYZER.analyze(&text);
    assert_eq!(analysis.plan_items.len(), 10_000);
    assert!(analysis.plan_items.iter().all(|i| i.ordinal == 1 && i.text == "一是落实。"));
    assert_eq!(analysis.plan_items.last().unwrap().list, 9_999, "each 一是 after a 一是 opens a new list");
}

#[test]
fn slogans_begin_words_and_idioms_inside_words_are_not_slogans() {
    let text = "提升“八站两场”接驳能力,进一步统一思想,大家你一言我一语,提供一站式服务,推进“四川云教”建设。";
    let formulas: Vec<String> = ANALYZER.analyze(text).formulas.into_iter().map(|f| f.text).collect();
    assert_eq!(formulas, ["八站两场"], "a place (四川) begins no slogan");
}

#[test]
fn the_last_unit_of_a_chain_is_a_whole_word_of_the_segmentation() {
    let text = "全力构建一区三中心发展格局,落实一核两翼三全四圈五化建设,推进一村一品。";
    let formulas: Vec<(String, Vec<(u32, String)>)> = ANALYZER
        .analyze(text)
        .formulas
        .into_iter()
        .map(|f| (f.text, f.parts.into_iter().map(|p| (p.number, p.unit)).collect()))
        .collect();
    let part = |n: u32, u: &str| (n, u.to_string());
    assert_eq!(
        formulas,
        [
            ("一区三中心".to_string(), vec![part(1, "区"), part(3, "中心")]),
            (
                "一核两翼三全四圈五化".to_string(),
                vec![part(1, "核"), part(2, "翼"), part(3, "全"), part(4, "圈"), part(5, "化")]
            ),
            ("一村一品".to_string(), vec![part(1, "村"), part(1, "品")]),
        ]
    );
}
