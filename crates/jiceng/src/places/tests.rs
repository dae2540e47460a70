//! Place recognition as a whole: snippets in the genre, traditional input, non-places, other provinces,
//! ambiguity, user places, and the seed report when the shared corpus is present.

use super::*;
use std::sync::LazyLock;

static PLACES: LazyLock<Places> = LazyLock::new(Places::builtin);

/// Whether the gazetteer has every village of China, not just Sichuan's.
const ALL_VILLAGES: bool = cfg!(feature = "villages-all");

fn find_with(places: &Places, text: &str) -> Vec<FoundPlace> {
    let normalized = Normalized::new(text);
    let found = places.find(normalized.as_str());
    for place in &found {
        assert_eq!(&normalized.as_str()[place.range.clone()], place.name, "range of {place:?}");
    }
    found
}

fn find(text: &str) -> Vec<FoundPlace> {
    find_with(&PLACES, text)
}

/// (name, kind, code) of each place found.
fn summary(text: &str) -> Vec<(String, PlaceKind, Option<String>)> {
    find(text).into_iter().map(|p| (p.name, p.kind, p.code)).collect()
}

fn place(name: &str, kind: PlaceKind, code: Option<&str>) -> (String, PlaceKind, Option<String>) {
    (name.to_string(), kind, code.map(String::from))
}

use PlaceKind::{City, Community, County, Landmark, Province, Township};

#[test]
fn a_chain_gives_each_place_its_span_code_and_path() {
    let text = "刘晓 锦江区成龙路街道枫树社区党委书记";
    let found = find(text);
    assert_eq!(
        found.iter().map(|p| (p.name.as_str(), p.kind, p.code.as_deref())).collect::<Vec<_>>(),
        [
            ("锦江区", County, Some("510104000000")),
            ("成龙路街道", Township, Some("510104035000")),
            ("枫树社区", Community, Some("510104035018")),
        ]
    );
    assert_eq!(found[0].range, text.find("锦江区").unwrap()..text.find("成龙路").unwrap());
    assert_eq!(found[2].path, ["四川省", "成都市", "锦江区", "成龙路街道", "枫树社区"]);
}

#[test]
fn the_seed_reports_places_resolve_in_their_chains() {
    let cases = [
        ("彭勇 彭州市天彭街道东林社区党委书记", "东林社区", "510182001048"),
        ("何红飙 成华区万年场街道双福路社区党委书记", "双福路社区", "510108011009"),
        ("谭敏 武侯区浆洗街街道锦里社区党委书记", "锦里社区", "510107001006"),
        ("李黎 青羊区金沙街道金凤社区党委书记", "金凤社区", "510105011002"),
        ("冉家俊 锦江区三圣街道红砂社区党委书记", "红砂社区", "510104037005"),
        ("何沁耘 温江区公平街道花都社区党委书记", "花都社区", "510115002079"),
        ("廖飞宇 郫都区红光街道金土社区党委书记", "金土社区", "510117005002"),
    ];
    for (text, name, code) in cases {
        let found = find(text);
        assert_eq!(found.len(), 3, "{text}: {found:?}");
        assert_eq!((found[2].name.as_str(), found[2].code.as_deref()), (name, Some(code)), "{text}");
    }
}

#[test]
fn a_name_resolved_in_a_chain_stays_resolved_in_the_paragraphs_after() {
    let text = "李黎 青羊区金沙街道金凤社区党委书记\n2025年,金凤社区将携手金沙银座打造便民服务综合体。";
    let found = summary(text);
    assert_eq!(found[3], place("金凤社区", Community, Some("510105011002")));
    assert_eq!(found[4], place("金沙银座", Landmark, None));
}

#[test]
fn landmarks_from_the_list() {
    assert_eq!(
        summary("用好锦里、武侯祠两大文化地标"),
        [place("锦里", Landmark, None), place("武侯祠", Landmark, None)]
    );
    assert_eq!(
        summary("依托华润大厦、万象城、润街等重要载体,整合网络文学产业园等辖区景区资源"),
        [
            place("华润大厦", Landmark, None),
            place("万象城", Landmark, None),
            place("润街", Landmark, None),
            place("网络文学产业园", Landmark, None),
        ]
    );
}

#[test]
fn a_city_short_form_counts_but_not_a_neighbourhood_after_it() {
    assert_eq!(summary("深入成都街巷村社"), [place("成都", City, Some("510100000000"))]);
    assert_eq!(summary("唱红了成都玉林。"), [place("成都", City, Some("510100000000"))]);
    assert!(summary("确保定期开展活动").is_empty(), "保定 inside 确保定期");
}

#[test]
fn traditional_input_is_found_after_normalization() {
    let text = "劉曉 錦江區成龍路街道楓樹社區黨委書記";
    assert_eq!(
        summary(text),
        [
            place("锦江区", County, Some("510104000000")),
            place("成龙路街道", Township, Some("510104035000")),
            place("枫树社区", Community, Some("510104035018")),
        ]
    );
}

#[test]
fn the_contracts_non_places_give_nothing() {
    let text = "推进完整社区建设,打造宜居宜业的精品社区。以慈善社区为依托,推动廉洁社区建设。推动城市社区经济圈,\
                构建新型社区生态,创新文旅融合场景型产业社区,构建幸福万年场·公园新社区,建设小社区、儿童友好社区。\
                助力彭派之城,进位争先百强县,稳步迈进千亿城。立足“花都·都好”定位,加大金边银角治理。\
                华西社区报“拼出基层好春光”采访报道组";
    assert_eq!(summary(text), []);
    // The same words with a lost middle dot (邻聚力?美空间 in the seed) and in traditional script.
    assert_eq!(summary("立足“花都?都好”定位"), []);
    assert_eq!(summary("推進完整社區建設"), []);
}

#[test]
fn a_short_form_without_support_is_not_a_place() {
    // 花都区 is in Guangzhou, 金沙县 in Guizhou: nothing in a text about Chengdu supports them.
    assert_eq!(
        summary("温江区公平街道花都社区,打造幸福美好花都,围绕金沙文化内核"),
        [
            place("温江区", County, Some("510115000000")),
            place("公平街道", Township, Some("510115002000")),
            place("花都社区", Community, Some("510115002079")),
        ]
    );
    // With its city before it, the short form is the district.
    assert_eq!(summary("广州花都")[1], place("花都", County, Some("440114000000")));
}

#[test]
fn places_in_other_provinces() {
    assert_eq!(
        summary("上海市徐汇区虹梅街道"),
        [
            place("上海市", Province, Some("310000000000")),
            place("徐汇区", County, Some("310104000000")),
            place("虹梅街道", Township, Some("310104012000")),
        ]
    );
    assert_eq!(
        summary("广州市天河区石牌街道穗园社区党委书记孙明芳"),
        [
            place("广州市", City, Some("440100000000")),
            place("天河区", County, Some("440106000000")),
            place("石牌街道", Township, Some("440106006000")),
            // Guangdong's communities are not in the default gazetteer: found by suffix, settled under the
            // township the text names.
            place("穗园社区", Community, Some("440106006034")),
        ]
    );
    assert_eq!(
        summary("江苏省东台市"),
        [place("江苏省", Province, Some("320000000000")), place("东台市", County, Some("320981000000"))]
    );
    assert_eq!(summary("江苏东台经济开发区城北社区党总支副书记王陈")[1].0, "东台经济开发区");
}

#[test]
fn never_a_code_from_the_wrong_province() {
    // 东林社区 exists in Sichuan only (in the default data); after a township of Guangzhou it is another one.
    let found = summary("广州市天河区石牌街道东林社区");
    assert_eq!(found[3], place("东林社区", Community, None));
    // A text about Guangzhou does not fall back on the home region (with all villages, 金土社区 is known to be
    // the only one in China).
    let found = summary("广州市天河区石牌街道。金土社区开展活动");
    assert_eq!(found[3], place("金土社区", Community, ALL_VILLAGES.then_some("510117005002")));
}

#[test]
fn an_ambiguous_name_without_context_is_left_unresolved() {
    // Three 金凤社区 in Chengdu alone, two 东林社区.
    assert_eq!(summary("金凤社区开展活动"), [place("金凤社区", Community, None)]);
    assert_eq!(summary("东林社区开展活动"), [place("东林社区", Community, None)]);
    // One 金土社区 in Chengdu: the home region settles it, unless there is no home region.
    assert_eq!(summary("金土社区开展活动"), [place("金土社区", Community, Some("510117005002"))]);
    let mut places = Places::builtin();
    places.set_home_region(None).unwrap();
    assert_eq!(find_with(&places, "金土社区开展活动")[0].code.as_deref(), ALL_VILLAGES.then_some("510117005002"));
    // Another home region settles names by its own places: the 东林社区 of 成华区.
    places.set_home_region(Some("成华区")).unwrap();
    assert_eq!(find_with(&places, "东林社区开展活动")[0].code.as_deref(), Some("510108015002"));
    places.set_home_region(Some("510182")).unwrap();
    assert_eq!(find_with(&places, "东林社区开展活动")[0].code.as_deref(), Some("510182001048"));
    assert!(places.set_home_region(Some("金凤社区")).is_err(), "not one division");
    assert!(places.set_home_region(Some("999999")).is_err());
}

#[test]
fn unlisted_places_are_found_by_their_suffix() {
    assert_eq!(
        summary("3月1日,镇党委书记陈刚到木杉塘社区调研工作,对木杉塘社区工作思路予以肯定"),
        // With all villages it is the one in Pingxiang, Jiangxi (where the report comes from).
        vec![place("木杉塘社区", Community, ALL_VILLAGES.then_some("360302100018")); 2]
    );
    assert_eq!(summary("东至虹漕路,南至漕宝路")[0], place("虹漕路", Landmark, None));
    assert_eq!(summary("华悦家园小区始建于2012年")[0], place("华悦家园小区", PlaceKind::Estate, None));
    assert!(summary("王陈走访社区内老人,组织社区党员,推进老旧小区改造").is_empty());
}

#[test]
fn an_unlisted_community_right_after_its_township_needs_no_other_evidence() {
    let found = summary("彭州市丹景山镇关口场社区花村街");
    assert_eq!(found[2], place("关口场社区", Community, None), "{found:?}");
    assert_eq!(found[3].0, "花村街");
    // Chained, it is settled under its township too (the default gazetteer lists Sichuan's villages only).
    assert_eq!(summary("石牌街道穗园社区开展活动")[1], place("穗园社区", Community, Some("440106006034")));
    // Not a name right after a place: an everyday word (召开研三期), a verb (推进), a modifier (全域).
    let found = summary("青龙街道召开研三期小区现场会,武侯区推进社区治理,成华区全域社区");
    assert!(found.iter().all(|p| !p.0.starts_with("召开") && !p.0.ends_with("社区")), "{found:?}");
}

#[test]
fn user_places_with_a_parent_get_its_path() {
    let mut places = Places::builtin();
    places.add("金象花园", PlaceKind::Estate, Some("成华区")).unwrap();
    places.add("邻聚力美空间", Landmark, Some("金土社区")).unwrap();
    places.add("东林社区", Community, Some("天彭街道")).unwrap();
    let found = find_with(&places, "金象花园的居民来到邻聚力美空间。東林社區开展活动");
    assert_eq!(found[0].path, ["四川省", "成都市", "成华区", "金象花园"]);
    assert_eq!((found[0].kind, found[0].code.as_deref()), (PlaceKind::Estate, None));
    assert_eq!(found[1].path, ["四川省", "成都市", "郫都区", "红光街道", "金土社区", "邻聚力美空间"]);
    // A division the gazetteer lists under the parent given: its code.
    assert_eq!(found[2].code.as_deref(), Some("510182001048"));
    assert!(places.add("某", Landmark, None).is_err());
    assert!(places.add("新地标", Landmark, Some("不存在的地方")).is_err());
}

#[test]
fn a_list_of_user_places_reports_the_line_of_an_error() {
    let mut places = Places::builtin();
    places.add_list("# my places\n金象花园\testate\t成华区\n\n339电视塔\tlandmark\n").unwrap();
    assert_eq!(find_with(&places, "去339电视塔")[0].name, "339电视塔");
    let err = places.add_list("好地方\tlandmark\n坏地方\tplanet\n").unwrap_err();
    assert_eq!(err, Error::InvalidData { what: "places", line: 2, reason: "unknown kind `planet`".into() });
}

#[test]
#[ignore = "prints the places of every corpus file, for inspection: cargo test -p jiceng dump -- --ignored --nocapture"]
fn dump_corpus() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let only = std::env::var("DUMP").unwrap_or_default();
    for dir in ["dev", "reports"] {
        let Ok(files) = std::fs::read_dir(root.join(dir)) else { continue };
        let mut files: Vec<_> = files.flatten().map(|f| f.path()).collect();
        files.sort();
        for path in files.into_iter().filter(|p| p.to_string_lossy().contains(&only)) {
            let text = std::fs::read_to_string(&path).unwrap();
            let t = std::time::Instant::now();
            let found = find(&text);
            eprintln!("=== {} ({:?})", path.display(), t.elapsed());
            for p in found {
                eprintln!("  {}\t{:?}\t{}\t{}", p.name, p.kind, p.code.unwrap_or_default(), p.path.join("/"));
            }
        }
    }
}

#[test]
#[ignore = "timing: cargo test --release -p jiceng load_time -- --ignored --nocapture"]
fn load_time() {
    for _ in 0..5 {
        let t = std::time::Instant::now();
        let gazetteer = gazetteer::Gazetteer::builtin();
        let decompressed = t.elapsed();
        let places = Places::builtin();
        let loaded = t.elapsed() - decompressed;
        eprintln!(
            "Places::builtin {loaded:?} ({} names), of which the gazetteer alone {decompressed:?} ({} entries)",
            places.names.len(),
            gazetteer.len()
        );
    }
}

#[test]
fn communities_the_village_list_holds_under_a_township_of_the_text() {
    // Alone, or second in a list, with nothing else showing it is a place.
    let found = summary("中南路街道开展活动。石牌岭社区则把锅炉房改造。");
    assert_eq!(found[1], place("石牌岭社区", Community, Some("420106011007")));
    let found = summary("小白楼街道泰安道社区、承德道社区则组建了服务队。");
    assert_eq!(found[2], place("承德道社区", Community, Some("120101002007")));
    // Right after its township, a name that is a common word or an institution's.
    assert_eq!(summary("文新街道阳光社区开展活动。")[1], place("阳光社区", Community, Some("330106013013")));
    assert_eq!(summary("粤海街道深圳大学社区开展活动。")[1], place("深圳大学社区", Community, Some("440305007004")));
    // A village of one character and 村; Shanghai's 居民区 for the list's 居委会.
    assert_eq!(summary("天荒坪镇余村开展活动。")[1], place("余村", Community, Some("330523108204")));
    assert_eq!(
        summary("陆家嘴街道梅园一村居民区开展活动。")[1],
        place("梅园一村居民区", Community, Some("310115005001"))
    );
    // A name the plausibility tests doubt (太平角: 太平 is a common word), confirmed by the list.
    let found = summary("八大关街道开展活动。太平角社区、福山路社区试点。");
    assert_eq!(
        found[1..],
        [place("太平角社区", Community, Some("370202009004")), place("福山路社区", Community, Some("370202009002"))]
    );
    // Not listed under the text's townships: no place, however it looks.
    assert_eq!(summary("中南路街道开展活动。幸福里社区则把锅炉房改造。").len(), 1);
    assert!(summary("政府推进居家社区养老服务。").is_empty());
    // Its posts vouch for it, but not for a clause that opens with an everyday word, nor for a concept.
    assert_eq!(summary("幸福社区党委书记高峰表示,要做好服务。"), [place("幸福社区", Community, None)]);
    assert!(summary("今年幸福社区党委书记王芳表示。").is_empty());
    assert!(summary("打造幸福社区。").is_empty());
    assert!(summary("城市社区党组织书记要带头。").is_empty());
    assert!(summary("30余名社区书记参加培训,百名社区书记齐聚。").is_empty());
    assert!(summary("开展社区书记培训。").is_empty());
    // A 社区 is not confirmed by a 村 of its name (新建村 of 浦东新区).
    assert_eq!(summary("浦东新区塘桥街道。新建社区长者食堂2家。").len(), 2);
}

#[test]
fn a_community_of_another_province_is_settled_by_its_township_in_the_text() {
    let found = find_with(&PLACES, "广州市天河区石牌街道穗园社区党委书记孙明芳");
    assert_eq!(found[3].path, ["广东省", "广州市", "天河区", "石牌街道", "穗园社区"]);
    // No township named: a name found in any province stays unsettled; under another township it is not there.
    assert_eq!(summary("穗园社区党委书记孙明芳")[0], place("穗园社区", Community, None));
    let elsewhere = summary("广州市越秀区北京街道。穗园社区党委书记孙明芳");
    assert!(elsewhere.iter().all(|p| p.2.as_deref() != Some("440106006034")), "{elsewhere:?}");
    // Under its county, though the text names another township of it.
    let county = summary("广州市天河区五山街道。穗园社区开展活动");
    assert_eq!(county[3], place("穗园社区", Community, Some("440106006034")));
    // Shanghai's residents' committees are written 居委会 or 居民委员会.
    let found = find_with(&PLACES, "上海市徐汇区虹梅街道华悦家园居委会");
    assert_eq!(found[3].path.last().map(String::as_str), Some("华悦家园居委会"));
    assert!(found[3].code.as_deref().is_some_and(|c| c.starts_with("310104012")), "{:?}", found[3]);
}

#[test]
fn short_forms_listed_together_support_each_other() {
    let found = summary("锦江、青羊、金牛、武侯、成华五个城区");
    assert_eq!(found.len(), 5);
    assert_eq!(found[1], place("青羊", County, Some("510105000000")));
    assert_eq!(summary("重庆:奉节、巫山")[2], place("巫山", County, Some("500237000000")));
    assert!(summary("扩大三星堆、大熊猫、都江堰的影响力").is_empty(), "one short form among other things");
}

#[test]
fn a_variant_name_alone_is_not_settled_in_another_province() {
    // 合作街道 is a variant of Hebei's 合作路街道, and the name of a street of Chengdu (the home region).
    assert_eq!(summary("成都高新区合作街道")[1], place("合作街道", Township, Some("510117019000")));
    assert_eq!(summary("龙泉街道开展活动")[0], place("龙泉街道", Township, Some("510112001000")));
    let found = find("上海市徐汇区虹梅街道");
    assert_eq!(found[2].code.as_deref(), Some("310104012000"), "in its chain it is settled");
}

#[test]
fn titles_associations_airports_and_streets_named_after_places() {
    assert!(summary("一首《成都》唱响了玉林").is_empty(), "a song title");
    assert!(summary("申报中国社区发展协会重点课题").is_empty());
    assert_eq!(summary("杭州萧山国际机场")[1], place("萧山国际机场", Landmark, None));
    assert_eq!(summary("推进南京东路改造")[0], place("南京东路", Landmark, None));
}

#[test]
fn facilities_science_cities_and_economic_zones_by_their_suffix() {
    assert_eq!(summary("推进青龙邻里中心建设")[0], place("青龙邻里中心", Landmark, None));
    assert_eq!(summary("支持怀柔科学城建设")[0], place("怀柔科学城", PlaceKind::Zone, None));
    assert!(summary("推动川南经济区、攀西经济区协同发展").contains(&place("攀西经济区", PlaceKind::Zone, None)));
    assert!(summary("打造社区邻里中心,建设社区图书馆").is_empty(), "a facility of no name");
}

#[test]
fn a_listed_name_placed_by_the_text_under_a_township_elsewhere_gets_its_code_there() {
    // 庆丰社区 is listed in Sichuan; the text places it in Tongxiang, where a 庆丰村 is listed too.
    let found = summary("浙江省桐乡市梧桐街道庆丰社区开展活动");
    assert_eq!(found[3], place("庆丰社区", Community, Some("330483001001")));
}

#[test]
fn an_official_name_in_another_form_or_under_its_county() {
    // The data writes 新华社区居委会 and 明月村村委会; the text writes the organ out in full.
    let found = summary("双桥子街道新华社区居民委员会开展活动");
    assert_eq!(found[1].2.as_deref(), Some("510108004007"));
    assert_eq!(summary("蒲江县甘溪镇明月村村民委员会")[2].2.as_deref(), Some("510131106205"));
    // A name of the data that only a chain makes a place, not hidden by another's variant (北京路街道 → 北京街道).
    assert_eq!(summary("越秀区北京街道开展活动")[1], place("北京街道", Township, Some("440104003000")));
    // A community of another province under the county the text names.
    let found = find("越秀区三眼井社区开展活动");
    assert_eq!(found[1].code.as_deref(), Some("440104001007"));
    assert_eq!(found[1].path[3], "洪桥街道", "{:?}", found[1].path);
}

#[test]
fn a_short_form_read_on_into_a_longer_name_overlapping_the_next_is_no_panic() {
    for text in ["成都历史文化街区", "杭州历史文化街区、锦江历史文化街区", "都江堰历史文化街区"]
    {
        let found = find(text);
        assert!(!found.is_empty(), "{text}");
    }
}

#[test]
fn streets_named_x_jie_stay_streets_and_streets_in_full_stay_townships() {
    // 永兴街 is the short form of a Chengdu 街道 only in chains; alone it is a street.
    assert_eq!(summary("用好龙骧大街、永兴街等历史街巷")[0].1, Landmark);
    assert_eq!(summary("芙蓉街社区党委书记孙丽娟说,要做好服务")[0], place("芙蓉街社区", Community, None));
    assert_eq!(summary("成华区新华街道开展活动")[1], place("新华街道", Township, None));
    // No bare suffix after a landmark.
    assert_eq!(summary("锦江区合江亭街道开展活动").iter().filter(|p| p.0 == "街道").count(), 0);
}

#[test]
fn a_common_name_placed_by_its_chain_is_the_same_place_again_later() {
    let found = summary("成华区双桥子街道新华社区党委书记 张三\n新华社区将推进改造。");
    assert_eq!(found.iter().filter(|p| p.2.as_deref() == Some("510108004007")).count(), 2, "{found:?}");
    assert!(summary("大力建设幸福社区").is_empty(), "a common name alone stays a word");
}

#[test]
fn a_short_form_that_begins_a_communitys_name_is_not_the_province() {
    assert!(summary("吉林社区地处汉口").iter().all(|p| p.1 != Province), "{:?}", summary("吉林社区地处汉口"));
    assert_eq!(summary("四川省成都市")[0].1, Province);
}

#[test]
fn where_people_come_from_and_peoples_names_are_no_places() {
    assert!(summary("他是土生土长的湖南人,广东籍的居民也来了。").is_empty());
    assert!(summary("网格员王成都、李长春参加活动。李长春说,好。").is_empty());
    // The place's own bodies, its figures, and the place where a person is.
    let found = summary("四川人民政府和成都人大。成都人均收入增长。住在成都的王大爷。");
    assert_eq!(found.iter().map(|p| p.0.as_str()).collect::<Vec<_>>(), ["四川", "成都", "成都", "成都"]);
}

#[test]
fn the_goal_of_a_campaign_named_like_a_division_is_none() {
    assert!(summary("推进幸福社区建设和平安街道创建。").is_empty());
}

#[test]
fn landmarks_of_other_provinces_and_their_suffixes() {
    let found = summary("武汉黄鹤楼、重庆洪崖洞游客多。游客来到中央大街、索菲亚教堂和防洪纪念塔。");
    let landmarks: Vec<&str> = found.iter().filter(|p| p.1 == Landmark).map(|p| p.0.as_str()).collect();
    assert_eq!(landmarks, ["黄鹤楼", "洪崖洞", "中央大街", "索菲亚教堂", "防洪纪念塔"]);
    let found = summary("居民住在嘉绿苑、竞舟北苑和华悦家园。");
    assert!(found.iter().all(|p| p.1 == PlaceKind::Estate) && found.len() == 3, "{found:?}");
    // Kinds of things, not names: no place.
    assert!(summary("保护湿地,整治病险水库,共建美好家园,参观革命旧址遗址。").is_empty());
}

#[test]
fn a_community_named_after_an_estate_street_or_place_is_found_whole() {
    assert_eq!(summary("回龙观街道万润家园社区开展活动。")[1], place("万润家园社区", Community, Some("110114011002")));
    assert_eq!(summary("张掖路街道陇西路社区开展活动。")[1], place("陇西路社区", Community, Some("620102002001")));
    assert_eq!(summary("回龙观街道北京人家社区开展活动。")[1], place("北京人家社区", Community, Some("110114011026")));
    assert_eq!(summary("鼓浪屿街道下辖内厝社区。")[1], place("内厝社区", Community, Some("350203012008")));
}

#[test]
fn a_township_found_in_several_places_is_the_one_with_the_community_after_it() {
    let found = summary("沙河街道白石洲社区开展活动。");
    assert_eq!(
        found,
        [place("沙河街道", Township, Some("440305003000")), place("白石洲社区", Community, Some("440305003031"))]
    );
    // Alone it stays in the home region; with a community that several of its namesakes have, it stays open.
    assert_eq!(summary("沙河街道开展活动。")[0], place("沙河街道", Township, Some("510104030000")));
    let found = summary("城关镇南关村开展活动。");
    assert!(found.iter().all(|p| p.2.is_none()), "{found:?}");
    // A village of one character is no concept's first word.
    assert!(summary("十渡镇新村建设。").iter().all(|p| p.1 != Community));
}

#[test]
fn a_city_before_shi_min_or_shi_chang_is_named_by_its_stem() {
    assert_eq!(summary("深圳市民中心广场举行活动。")[0], place("深圳", City, Some("440300000000")));
    assert_eq!(summary("广大杭州市民积极参与。")[0], place("杭州", City, Some("330100000000")));
    assert_eq!(summary("成都市人民政府。")[0], place("成都市", City, Some("510100000000")));
}

#[test]
fn features_named_like_divisions_and_divisions_after_a_short_form() {
    // A river, lake or mountain in its context is no division.
    assert_eq!(summary("成都市民沿着锦江散步。"), [place("成都", City, Some("510100000000"))]);
    assert_eq!(summary("杭州市民在西湖边散步。").len(), 1);
    // A division after a short form that would begin a feature's name (南京江…, 重庆江…).
    assert_eq!(
        summary("南京江宁区开展活动。"),
        [place("南京", City, Some("320100000000")), place("江宁区", County, Some("320115000000"))]
    );
    assert_eq!(summary("重庆江北区观音桥街道")[1], place("江北区", County, Some("500105000000")));
    assert!(summary("嘉陵江北岸").is_empty());
    // 市 before a bureau or a division is the city's.
    assert_eq!(summary("成都市民政局发布通知。"), [place("成都市", City, Some("510100000000"))]);
    assert_eq!(summary("北流市民安镇")[1].0, "民安镇");
}

#[test]
fn a_division_before_a_street_named_after_a_college() {
    let found = summary("海淀区学院路街道开展活动。");
    assert_eq!(found[0], place("海淀区", County, Some("110108000000")));
    assert_eq!(found[1].0, "学院路街道");
    assert!(summary("成都大学开学了。").is_empty());
}

#[test]
fn a_city_without_counties_is_a_city() {
    assert_eq!(
        summary("东莞市石龙镇开展活动。"),
        [place("东莞市", City, Some("441900000000")), place("石龙镇", Township, Some("441900102000"))]
    );
}

#[test]
fn a_township_after_its_county_is_that_countys_whatever_community_follows() {
    let found = summary("潮阳区城南街道新华社区开展活动。");
    assert_eq!(found[1], place("城南街道", Township, Some("440513003000")));
}

#[test]
fn a_landmark_whose_name_begins_a_longer_one() {
    let names: Vec<String> =
        summary("游客来到深圳湾公园和解放碑步行街,又去了天安门广场。").into_iter().map(|p| p.0).collect();
    assert_eq!(names, ["深圳湾公园", "解放碑步行街", "天安门广场"]);
}

#[test]
fn counties_of_two_characters() {
    assert_eq!(summary("荣县开展活动。"), [place("荣县", County, Some("510321000000"))]);
    let names: Vec<String> =
        summary("在房县、沛县等地,驻村第一书记带着村民发展种植。").into_iter().map(|p| p.0).collect();
    assert_eq!(names, ["房县", "沛县"]);
    for text in ["省、市和县三级联动。", "代县长王芳说。", "全市新县城建设。", "提高县域经济。"]
    {
        assert!(summary(text).is_empty(), "{text}: {:?}", summary(text));
    }
}

#[test]
fn campaigns_qualities_and_counts_before_a_suffix_are_no_names() {
    for text in [
        "开展普法宣传进景区活动。",
        "推动茶园变景区。",
        "推动文旅兴街。",
        "成为热门景区。",
        "打造休闲度假区。",
        "创建无诈小区。",
        "打造三大景区。",
    ] {
        assert!(summary(text).is_empty(), "{text}: {:?}", summary(text));
    }
    assert_eq!(summary("前进村党支部书记王芳说。"), [place("前进村", Community, None)]);
    // A community named after its estate.
    assert_eq!(summary("百步亭花园社区党委书记王芳说。"), [place("百步亭花园社区", Community, None)]);
}

#[test]
fn dishes_and_plains_named_after_places() {
    for text in ["北京烤鸭和兰州拉面。", "成都平原沃野千里。", "一条幸福路,也是一条致富路。", "他在成都七中读书。"]
    {
        assert!(summary(text).is_empty(), "{text}: {:?}", summary(text));
    }
}

#[test]
fn a_rural_community_by_the_name_it_is_known_by() {
    // Listed as 五里社区村民委员会.
    let found = summary("都江堰市青城山镇五里社区党总支书记邓丽萍说。");
    assert_eq!(found[2], place("五里社区", Community, Some("510181110214")));
}

#[test]
fn a_community_before_a_character_of_four_bytes() {
    // The property test's find: a suffix was looked past before it was known to be there.
    assert_eq!(summary("文新街道阳光社区𠀀")[0].0, "文新街道");
}

#[test]
fn a_village_before_its_villagers() {
    let found = summary("诸暨市枫桥镇枫源村村民陈阿根说。");
    assert_eq!(found[2], place("枫源村", Community, Some("330681109290")));
}

#[test]
fn sites_of_sichuan_with_a_province_or_city_in_their_name() {
    let names: Vec<(String, PlaceKind)> =
        summary("游客来到成都动物园和广东会馆,又去了宝光寺。").into_iter().map(|p| (p.0, p.1)).collect();
    assert_eq!(names, [("成都动物园".into(), Landmark), ("广东会馆".into(), Landmark), ("宝光寺".into(), Landmark)]);
}

#[test]
fn an_organ_before_its_post_goes_with_the_post() {
    let found = summary("武侯区浆洗街街道锦里社区居委会主任何丽说。");
    assert_eq!(found[2], place("锦里社区", Community, Some("510107001006")));
    // Written in full as the subject, the organ stays in the place's name.
    assert_eq!(summary("双桥子街道新华社区居民委员会开展活动")[1].0, "新华社区居民委员会");
}

#[test]
fn chengdus_new_area_by_its_name() {
    assert_eq!(summary("成都东部新区三岔街道。")[0], place("成都东部新区", PlaceKind::Zone, None));
}

#[test]
fn a_township_named_in_full_is_found_again_by_its_short_form() {
    let found = summary("汶川县映秀镇开展活动。如今的映秀,街道整洁。映秀社区也变了样。");
    let township = place("映秀", Township, Some("513221102000"));
    assert_eq!(found.iter().filter(|p| **p == township).count(), 1, "{found:?}");
    // Not without the full name.
    assert!(summary("如今的映秀,街道整洁。").is_empty());
}
