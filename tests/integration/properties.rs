//! Properties that hold for any input: no panic, every span points into the original text, statements are in
//! order and apart, ordinals are positive, and the analysis is deterministic and the same in a batch.

use crate::spans::assert_spans_point_into;
use crate::support::ANALYZER;
use proptest::prelude::*;

/// Pieces of the genre, with the quirks of real input: markers, numerals, slogans, posts, places, punctuation in
/// both widths, traditional characters, line breaks, `?`, junk, other scripts.
const PIECES: &[&str] = &[
    "一是",
    "二是",
    "三是",
    "一要",
    "第一,",
    "第二，",
    "首先,",
    "其次",
    "最后,",
    "（一）",
    "(二)",
    "一、",
    "二、",
    "1.",
    "2、",
    "3)",
    "①",
    "②",
    "(1)",
    "一核两翼三全四圈五化",
    "三圈共融",
    "四大体系",
    "3大核心",
    "“344”架构",
    "7+N",
    "“三个牢牢把握”",
    "经济圈、生活圈、治理圈",
    "“街区景区社区”",
    "三区联动",
    "刘晓 锦江区成龙路街道枫树社区党委书记",
    "成都",
    "历史文化街区",
    "森林公园",
    "国际机场",
    "东路",
    "居民委员会",
    "村委会",
    "越秀区",
    "北京街道",
    "三眼井社区",
    "锦江、青羊、",
    "街道党工委书记",
    "、办事处主任",
    "孙海涛",
    "(台东街道党工委书记):",
    "说",
    "说这话的是",
    "居民王女士说:",
    "(记者 王小明)",
    "王阿姨笑着说",
    "老李",
    "也表示",
    "站在楼道口告诉记者",
    "「",
    "」",
    "古丽米热·艾海提",
    "采访了",
    "湖南人",
    "文新街道阳光社区",
    "沙河街道白石洲社区",
    "家园",
    "居民区",
    "其一,",
    "“五个一”",
    "包括",
    "相结合",
    "1、2月份",
    "首先是",
    "第一要",
    "“两新”",
    "“双报到”",
    "“1+6”",
    "三位一体",
    ",即",
    "+",
    "《",
    "》",
    "中国",
    "协会",
    " ",
    "——访金牛区抚琴街道西南街社区党总支书记李华",
    "海棠路社区党委书记施光梅表示",
    "她表示",
    "陈刚强调:",
    "党建引领",
    "完整社区",
    "一老一小",
    "安全",
    "安全感",
    "社區(qū)",
    "黨總支書記",
    "锦江区",
    "街道",
    "社区",
    "“",
    "”",
    ",",
    "，",
    "。",
    "、",
    "、、",
    ":",
    "?",
    "？",
    " ",
    "　",
    "\n",
    "\r\n",
    "\n\n",
    "|",
    "/p>",
    "<br/>",
    "&nbsp;",
    "&#12345;",
    "【字体: 打印】",
    "打开网易新闻 查看精彩图片",
    "2025年",
    "15分钟",
    "一对一",
    "一池春水",
    "记者:",
    "问:",
    "答:",
    "主持人:",
    "【记者】",
    "【李建华】",
    "嘉宾",
    "欧阳书记:",
    "(点评)",
    "■ ",
    "——访",
    "同志在会议上的讲话",
    "2024年12月26日",
    "一户一档",
    "一核多元",
    "一网统管",
    "四步工作法",
    "‘五必访’",
    "①号楼",
    "(1)班",
    "街道一是",
    "十一是",
    "五里社区村民委员会",
    "映秀镇",
    "映秀",
    "居委会主任",
    "买买提·艾力",
    "泽仁卓玛",
    "十",
    "两",
    "百",
    "万",
    "〇",
    "123",
    "ABC",
    "ｶ",
    "😀",
    "ཀ",
    "ئۇيغۇر",
    "\u{0}",
    "\u{feff}",
    "\u{200b}",
    "\t",
    "…",
];

fn cases() -> u32 {
    std::env::var("JICENG_PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(String::from),
            1 => any::<String>(),
            1 => "[一二三四五六七八九十两是要、（）()，。,.:：“”0-9]{1,8}",
        ],
        0..60,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    // 300 cases a run; `JICENG_PROPTEST_CASES=20000` searches harder.
    #![proptest_config(ProptestConfig { cases: cases(), .. ProptestConfig::default() })]

    #[test]
    fn any_text_gets_a_sound_analysis(text in document()) {
        let analysis = ANALYZER.analyze(&text);
        let json = serde_json::to_value(&analysis).unwrap();
        let chars = text.chars().count();
        prop_assert_eq!(analysis.chars, chars);
        if !analysis.statements.is_empty() || !analysis.themes.is_empty() || !analysis.plan_items.is_empty() {
            assert_spans_point_into(&text, &json, "property");
        }
        for pair in analysis.statements.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for s in &analysis.statements {
            prop_assert!(s.start < s.end && s.end <= chars);
            prop_assert!(s.plan_items.iter().all(|&i| i < analysis.plan_items.len()));
            prop_assert!(s.formulas.iter().all(|&i| i < analysis.formulas.len()));
        }
        for item in &analysis.plan_items {
            prop_assert!(item.ordinal >= 1);
        }
        for theme in &analysis.themes {
            prop_assert!(theme.score > 0.0 && theme.score <= 1.0);
        }
        prop_assert_eq!(&ANALYZER.analyze(&text), &analysis, "deterministic");
        prop_assert_eq!(&ANALYZER.analyze_batch(&[text.clone(), text.clone()])[1], &analysis, "batch equals single");
    }
}
