//! The words that identify a speaker: posts (roles), surnames, speech verbs, and the shapes of names and units.
//!
//! Loaded once from the lists in `data/`; all matching is on normalized (simplified, half-width) text.

use crate::text::normalize::is_cjk;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashSet;
use std::ops::Range;

const ROLES: &str = include_str!("../../data/roles.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");

/// Words that may follow a name directly, strongest first: they show where the name ends (`王陈正在…` is 王陈).
const NAME_FOLLOWERS_LONG: &[&str] = &[
    "正在", "带领", "组织", "关于", "主持", "代表", "参加", "出席", "陪同", "接受", "看到", "笑着", "亲自", "一行",
    "同志", "等人", "一边", "一直", "也是", "就是", "还是", "已经", "曾经", "首先", "随即", "立即", "马上",
    // What a resident is introduced with (居民张秀英今年72岁,她告诉记者).
    "今年", "今天", "每天", "如今", "现在", "平时", "退休", "家住",
];
/// Words after a name that lead to speech as surely as a speech verb (王娟在接受采访时说, 刘洋对记者说).
const NAME_FOLLOWERS_SURE: &[&str] = &["在接受", "对记者", "向记者", "告诉记者", "在采访中", "在会上"];
const NAME_FOLLOWERS_SHORT: &str = "在对为到与和同向带正也就是等一都还将已从把给被则又便曾率来去回及跟没不未";
/// Possible lengths of a transliterated name at the start of `text`, its parts joined by a middle dot
/// (`古丽米热·艾海提`, `阿依努尔·买买提`): two or three parts of two to six characters, the last of any length that
/// fits (what follows decides).
fn dotted_name_lens(text: &str) -> Vec<usize> {
    let part_ends = |from: usize| {
        text[from..]
            .char_indices()
            .take_while(|&(_, c)| is_cjk(c))
            .take(6)
            .skip(1)
            .map(move |(i, c)| from + i + c.len_utf8())
    };
    let mut start = 0;
    for parts in 1..=3 {
        let Some(end) = part_ends(start).last() else { return Vec::new() };
        match text[end..].chars().next() {
            Some(dot @ ('·' | '•' | '.')) if parts < 3 && part_ends(end + dot.len_utf8()).next().is_some() => {
                start = end + dot.len_utf8();
            }
            _ => return if parts >= 2 { part_ends(start).collect() } else { Vec::new() },
        }
    }
    Vec::new()
}

/// The most common surnames: a name guessed from its shape alone (网格员张伟负责…), or a place's short form after
/// one (王成都, 李长春), is taken for a person's only with one of these.
pub(crate) const COMMON_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦付方白邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃戴莫孔汤";

/// Adverbs that may stand between a speaker and the speech verb (`陈勇也表示`, `她还表示`, `王芳进一步介绍`).
pub(crate) const ADVERBS: &[&str] = &[
    "进一步",
    "同时",
    "特别",
    "最后",
    "接着",
    "随后",
    "还",
    "也",
    "则",
    "又",
    "就",
    "曾",
    "常",
    "再",
    "更",
    "便",
    "却",
    "总",
    "都",
];
/// What follows 说 in words that are not speech.
const NOT_SPEECH_AFTER_SHUO: &[&str] = &["完", "服", "明", "不", "什么", "起话", "着说着", "了几句", "到做到"];
/// What 表示 is followed by when it is a gesture, not speech: `表示感谢`, `表示慰问`.
const NOT_SPEECH_AFTER_BIAOSHI: &[&str] =
    &["感谢", "慰问", "祝贺", "欢迎", "肯定", "赞赏", "敬意", "哀悼", "谢意", "同意", "遗憾", "歉意"];
/// Words of degree that may stand between 表示 and the gesture: `表示衷心感谢`, `表示热烈欢迎`.
const GESTURE_DEGREES: &[&str] = &["衷心", "诚挚", "热烈", "深切", "亲切", "深深的", "由衷", "真诚", "高度"];
/// Words of action after a name, whose first character a name of three does not end with (王芳站在 → 王芳).
const ACTION_WORDS: &[&str] = &[
    "站在", "坐在", "走在", "蹲在", "来到", "走进", "看着", "拿着", "拉着", "握着", "指着", "带着", "领着", "笑着",
    "接过",
];
/// What 在 introduces after a name when it sets the occasion of speech (李明在主持会议时指出 → 李明).
const OCCASIONS: &[&str] = &[
    "主持", "出席", "参加", "调研", "检查", "走访", "视察", "慰问", "座谈", "讲话", "接受", "会上", "现场", "谈到",
    "谈及", "介绍", "部署", "召开",
];
/// Characters no name without a surname holds: particles, pronouns, words of time and of manner (书记今天表示,
/// 主任也表示, 书记们说).
const NOT_IN_UNLISTED_NAMES: &str =
    "的了们是在和与对向将把被给也都还就又再已曾正刚今昨明天日时此该这那其我你他她它要会等着地得并更很均";
/// Forms of address that make a name of a surname: 罗女士, 张阿姨.
const HONORIFICS: &[&str] = &[
    "女士", "先生", "阿姨", "大爷", "大妈", "师傅", "奶奶", "爷爷", "婆婆", "大姐", "大哥", "阿婆", "孃孃", "娘娘",
    "叔叔", "大叔", "大婶", "老师",
];
/// Last characters of short units' names (王家村, 高新区), which a person's name before a post or opening a
/// sentence does not end with.
pub(crate) const UNIT_LAST_CHARS: &str = "村区镇街乡县市省州社组站所局委会院校队部办厅处科司";
/// Last characters of a unit's name: what an organization before a post ends with.
const UNIT_ENDINGS: &str = "社区村街道镇乡区县市省州盟旗府会委党组支部司团心校学园院站所局厅处馆办队场厂店苑城庭";

/// Posts, names and speech verbs, ready for matching.
#[derive(Debug)]
pub(crate) struct Lexicon {
    roles: AhoCorasick,
    /// The forms of address, found in one pass (not one search of the text each).
    honorifics: AhoCorasick,
    role_set: HashSet<String>,
    surnames: HashSet<String>,
    speech_verbs: Vec<String>,
}

fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).flat_map(str::split_whitespace)
}

impl Lexicon {
    pub(crate) fn builtin() -> Self {
        let roles: Vec<&str> = entries(ROLES).collect();
        let mut speech_verbs: Vec<String> = entries(SPEECH_VERBS).map(String::from).collect();
        speech_verbs.sort_by_key(|v| std::cmp::Reverse(v.len()));
        Self {
            roles: AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&roles)
                .expect("the role list builds an automaton"),
            honorifics: AhoCorasick::new(HONORIFICS).expect("the forms of address build an automaton"),
            role_set: roles.iter().map(|r| r.to_string()).collect(),
            surnames: entries(SURNAMES).map(String::from).collect(),
            speech_verbs,
        }
    }

    /// Byte ranges of posts in `text`, chained posts (`党委书记、居委会主任`, `党委书记兼主任`) merged into one.
    pub(crate) fn role_chains(&self, text: &str) -> Vec<Range<usize>> {
        let mut chains: Vec<Range<usize>> = Vec::new();
        for m in self.roles.find_iter(text) {
            // 居民区 is a unit (Shanghai's communities), not residents.
            if &text[m.range()] == "居民" && text[m.end()..].starts_with('区') {
                continue;
            }
            // A deputy of any post (副厅长, 副州长): the list names only the common ones.
            let deputy = text[..m.start()].ends_with('副') && !text[m.range()].starts_with('副');
            let start = if deputy { m.start() - '副'.len_utf8() } else { m.start() };
            if let Some(last) = chains.last_mut() {
                let between = &text[last.end..start];
                if matches!(between, "、" | "兼" | "/" | "及" | "") {
                    last.end = m.end();
                    continue;
                }
            }
            chains.push(start..m.end());
        }
        chains
    }

    /// Splits a post that begins with a unit character into unit and post when a unit name stands before it:
    /// in `丹景山镇党委书记` the post is 党委书记 of 丹景山镇, while a bare `镇党委书记` is a post of its own.
    pub(crate) fn split_unit_prefix(&self, text: &str, chain: Range<usize>) -> Range<usize> {
        let role = &text[chain.clone()];
        let Some(first) = role.chars().next() else {
            return chain;
        };
        let before = text[..chain.start].chars().next_back();
        let rest = &role[first.len_utf8()..];
        // 街道党工委书记 after 双桥子: the post is 党工委书记 of 双桥子街道.
        let (unit, rest) = match role.strip_prefix("街道") {
            Some(after) => ("街道", after),
            None => (&role[..first.len_utf8()], rest),
        };
        if (unit == "街道" || "镇村乡".contains(first))
            && before.is_some_and(is_cjk)
            && self.role_set.contains(rest.split(['、', '兼']).next().unwrap_or(rest))
        {
            chain.start + unit.len()..chain.end
        } else {
            chain
        }
    }

    /// Whether the last character of `text[..len]` begins what follows a name rather than ending the name: an
    /// adverb before a speech verb (也表示), a speech verb (笑称, 坦言), an action word (站在, 拉着).
    fn begins_what_follows_a_name(&self, text: &str, len: usize) -> bool {
        let Some(last) = text[..len].chars().next_back() else { return false };
        let from_last = &text[len - last.len_utf8()..];
        let one_character_adverb = ADVERBS.iter().any(|a| a.len() == last.len_utf8() && from_last.starts_with(a));
        let occasion = from_last.strip_prefix('在').is_some_and(|r| OCCASIONS.iter().any(|w| r.starts_with(w)));
        (one_character_adverb && self.speaks_at_once(from_last))
            || self.speech_verb_at(from_last).is_some_and(|l| l > last.len_utf8())
            || ACTION_WORDS.iter().any(|w| from_last.starts_with(w))
            || occasion
    }

    /// Whether `s` is a person's name: a surname with one or two (compound: two or three) more characters,
    /// or a surname with a form of address.
    pub(crate) fn is_name(&self, s: &str) -> bool {
        // Asked of whole lines too: the length is told before anything is collected.
        if !(2 * 3..=4 * 4).contains(&s.len()) || !(2..=4).contains(&s.chars().take(5).count()) {
            return false;
        }
        let chars: Vec<char> = s.chars().collect();
        if !chars.iter().all(|&c| is_cjk(c)) {
            return false;
        }
        // 居民们, 王芳的: a plural or a possessive ends no name.
        if matches!(chars[chars.len() - 1], '们' | '的') {
            return false;
        }
        let first: String = chars[..1].iter().collect();
        let first_two: String = chars[..2].iter().collect();
        let rest_after = |n: usize| chars[n..].iter().collect::<String>();
        if self.surnames.contains(&first) && HONORIFICS.contains(&rest_after(1).as_str()) {
            return true;
        }
        // 老李, 小王: a surname called by familiarity (not 小区, 小时, 小组 …).
        if chars.len() == 2
            && matches!(chars[0], '老' | '小')
            && !"区时心组学朋伙孩师年党康常公伴婆板乡妈爸总".contains(chars[1])
        {
            return self.is_surname_char(chars[1]);
        }
        if chars.len() >= 3 && self.surnames.contains(&first_two) {
            return true;
        }
        self.surnames.contains(&first) && chars.len() <= 3
    }

    /// Whether `name` may be a name no surname list knows (次仁卓玛, 扎西多吉, 俄木沙马 — Tibetan and Yi names):
    /// three or four characters, no particle, pronoun, word of time or adverb, no people (老百姓, 小孙女) or unit
    /// (小康社区). Only where its place tells it is a name: after a post and before a speech verb, or in a header.
    pub(crate) fn is_unlisted_name(&self, name: &str) -> bool {
        let count = name.chars().count();
        let person_or_unit =
            name.starts_with(['老', '小', '大']) || name.ends_with(|c| UNIT_LAST_CHARS.contains(c) || c == '人');
        (3..=4).contains(&count)
            && !person_or_unit
            && name.chars().all(|c| is_cjk(c) && !NOT_IN_UNLISTED_NAMES.contains(c))
            && !ADVERBS.iter().any(|a| name.starts_with(a))
    }

    /// Where the name starts that ends at `end`, right before a post used as a title (`,陆思聪书记表示`): two or
    /// three characters opening their clause, not ending like a unit (王家村 in `王家村党委书记` is a village).
    pub(crate) fn name_before(&self, text: &str, end: usize) -> Option<usize> {
        let before = &text[..end];
        [3, 2].into_iter().find_map(|chars| {
            let start = before.char_indices().rev().nth(chars - 1)?.0;
            let opens_clause = !before[..start].chars().next_back().is_some_and(is_cjk);
            let name = &before[start..];
            let unit_like = name.chars().next_back().is_some_and(|c| UNIT_LAST_CHARS.contains(c));
            (opens_clause && !unit_like && self.is_name(name)).then_some(start)
        })
    }

    /// The name that starts `text` (after a post), chosen by what follows it: `施光梅表示` → 施光梅.
    pub(crate) fn name_at(&self, text: &str) -> Option<usize> {
        let mut best: Option<(u8, usize)> = None;
        for chars in [3, 2, 4] {
            let end = text.char_indices().nth(chars).map(|(i, _)| i);
            // `take`, not `count`: text is the rest of the document, and this runs for every post found.
            let Some(len) = end.or((text.chars().take(chars + 1).count() == chars).then_some(text.len())) else {
                continue;
            };
            if !self.is_name(&text[..len]) {
                continue;
            }
            let mut strength = self.follower_strength(&text[len..]);
            // `陈勇也表示`, `何俊笑称`, `王芳站在…`: a name ends before an adverb, a speech verb or an action word
            // that its last character would begin.
            if chars > 2 && self.begins_what_follows_a_name(text, len) {
                strength = 0;
            }
            if strength > 0 && best.is_none_or(|(s, _)| strength > s) {
                best = Some((strength, len));
            }
        }
        for len in dotted_name_lens(text) {
            let strength = self.follower_strength(&text[len..]);
            if strength > 0 && best.is_none_or(|(s, _)| strength > s) {
                best = Some((strength, len));
            }
        }
        best.map(|(_, len)| len)
    }

    /// How surely `rest` begins right after a name ends: 4 for a speech verb, 3 for an end or punctuation, 2 for
    /// a two-character word that often follows names, 1 for a one-character one, 0 for none. The verb ranks
    /// above punctuation so that in `刘晓说:` the name is 刘晓, not the three characters before the colon.
    fn follower_strength(&self, rest: &str) -> u8 {
        let Some(next) = rest.chars().next() else {
            return 3;
        };
        if self.speaks_at_once(rest) {
            4
        } else if next == '·' {
            // A middle dot goes on with the rest of a transliterated name.
            0
        } else if !is_cjk(next) {
            3
        } else if NAME_FOLLOWERS_LONG.iter().any(|w| rest.starts_with(w)) {
            2
        } else if NAME_FOLLOWERS_SHORT.contains(next) {
            1
        } else {
            0
        }
    }

    /// Whether `s` begins with a common surname (王, 李 …: [`COMMON_SURNAMES`]) or a compound one (欧阳, 司马,
    /// 上官 …): what a name found by its place alone must open with.
    pub(crate) fn begins_with_usual_surname(&self, s: &str) -> bool {
        s.chars().next().is_some_and(|c| COMMON_SURNAMES.contains(c))
            || s.char_indices().nth(2).is_some_and(|(i, _)| self.surnames.contains(&s[..i]))
    }

    /// Whether `c` is a one-character surname.
    pub(crate) fn is_surname_char(&self, c: char) -> bool {
        let mut buffer = [0u8; 4];
        self.surnames.contains(c.encode_utf8(&mut buffer) as &str)
    }

    /// Where each form of address stands (`阿姨` in 王阿姨), for names without a post.
    pub(crate) fn honorific_starts<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, &'static str)> + 'a {
        self.honorifics.find_iter(text).map(|m| (m.start(), HONORIFICS[m.pattern().as_usize()]))
    }

    /// Whether a name ending where `rest` begins is a speaker without a post to vouch for it: a speech verb at
    /// once (after one adverb), or what [`Self::leads_to_speech`] accepts.
    pub(crate) fn speaks_at_once(&self, rest: &str) -> bool {
        let rest = ADVERBS.iter().find_map(|a| rest.strip_prefix(a)).unwrap_or(rest);
        self.leads_to_speech(rest)
    }

    /// Whether `rest` surely goes on to speech: a speech verb, words that lead to one (`对记者`), or a manner
    /// word first (`笑着说`, `高兴地说`: up to four characters ending in 着 or 地, then the verb).
    fn leads_to_speech(&self, rest: &str) -> bool {
        if self.speech_verb_at(rest).is_some() || NAME_FOLLOWERS_SURE.iter().any(|w| rest.starts_with(w)) {
            return true;
        }
        rest.char_indices()
            .take(4)
            .take_while(|&(_, c)| is_cjk(c))
            .filter(|&(i, c)| i > 0 && (c == '着' || c == '地'))
            .any(|(i, c)| self.speech_verb_at(&rest[i + c.len_utf8()..]).is_some())
    }

    /// Length of the speech verb that starts `text`, if one does.
    pub(crate) fn speech_verb_at(&self, text: &str) -> Option<usize> {
        let len = self.speech_verbs.iter().find(|v| text.starts_with(v.as_str())).map(String::len)?;
        // Not speech: a verb qualifying a noun (`王芳介绍的经验`), a gesture (`表示感谢`).
        let rest = &text[len..];
        let gesture = text.starts_with("表示") && {
            let rest = GESTURE_DEGREES.iter().find_map(|d| rest.strip_prefix(d)).unwrap_or(rest);
            NOT_SPEECH_AFTER_BIAOSHI.iter().any(|w| rest.starts_with(w))
        };
        // 称为, 称作, 称赞: naming or praising, not saying; 介绍人, 介绍信: nouns.
        let naming = text.starts_with('称') && rest.starts_with(['为', '作', '赞', '号'])
            || text.starts_with("介绍") && rest.starts_with(['人', '信']);
        // 说完, 说服, 说明, 说不出, 说什么也, 说着说着: 说 in words that are not speech.
        let not_said = text.starts_with('说') && NOT_SPEECH_AFTER_SHUO.iter().any(|w| rest.starts_with(w));
        (!rest.starts_with('的') && !gesture && !not_said && !naming).then_some(len)
    }

    /// Whether `org` looks like the name of a unit (ends as units' names do).
    pub(crate) fn is_unit(&self, org: &str) -> bool {
        org.chars().next_back().is_some_and(|c| UNIT_ENDINGS.contains(c)) && org.chars().count() >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_names() {
        let lexicon = Lexicon::builtin();
        for name in ["刘晓", "何红飙", "欧阳娜娜", "罗女士", "司马光"] {
            assert!(lexicon.is_name(name), "{name}");
        }
        for not_name in ["采访", "社区报道组", "刘", "拼出基层好"] {
            assert!(!lexicon.is_name(not_name), "{not_name}");
        }
    }

    #[test]
    fn finds_where_a_name_ends() {
        let lexicon = Lexicon::builtin();
        let name = |t: &str| lexicon.name_at(t).map(|n| t[..n].to_string());
        assert_eq!(name("施光梅表示,过去半年"), Some("施光梅".into()));
        assert_eq!(name("王陈正在与社区的同事们"), Some("王陈".into()));
        assert_eq!(name("陈刚到木杉塘社区调研"), Some("陈刚".into()));
        assert_eq!(name("刘佳蔚关于社区"), Some("刘佳蔚".into()));
        assert_eq!(name("孙明芳,组织社区党员"), Some("孙明芳".into()));
        assert_eq!(name("进行全面总结"), None);
        assert_eq!(name("刘晓说:“要做好服务。”"), Some("刘晓".into()), "the speech verb is no part of the name");
        assert_eq!(name("张华称,要做好服务"), Some("张华".into()));
        assert_eq!(name("欧阳娜娜说,"), Some("欧阳娜娜".into()));
        assert_eq!(name("王娟在接受采访时说"), Some("王娟".into()));
        assert_eq!(name("李明在主持会议时指出"), Some("李明".into()));
        assert_eq!(name("李明在出席活动时说"), Some("李明".into()));
        assert_eq!(name("古丽米热·艾海提说:“好。”"), Some("古丽米热·艾海提".into()), "a transliterated name");
        assert_eq!(name("阿依努尔·买买提·艾力表示,"), Some("阿依努尔·买买提·艾力".into()));
        assert_eq!(name("陈勇也表示,"), Some("陈勇".into()), "an adverb before the verb is no part of the name");
        assert_eq!(name("何俊笑称,"), Some("何俊".into()));
    }

    #[test]
    fn chains_posts() {
        let lexicon = Lexicon::builtin();
        let text = "枫树社区党委书记、居委会主任刘晓";
        let chains = lexicon.role_chains(text);
        assert_eq!(chains.len(), 1);
        assert_eq!(&text[chains[0].clone()], "党委书记、居委会主任");
    }
}
