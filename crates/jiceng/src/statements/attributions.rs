//! Attributions inside running text: `海棠路社区党委书记施光梅表示`, `陈刚强调:`, `她表示` after an introduction.
//!
//! A post followed by a name introduces a person. The introduction is an attribution when a speech verb follows
//! in the same clause; a later clause that opens with the person's name, or a sentence that opens with 她/他
//! right after the introduction, followed by a speech verb, is an attribution too.

use super::SpeakerMatch;
use super::lexicon::Lexicon;
use crate::text::normalize::is_cjk;
use crate::text::offsets::after_last;
use std::ops::Range;

/// Characters that may stand between a name and its speech verb (`王芳在接受采访时表示`).
const MAX_GAP_TO_VERB: usize = 10;
/// Longest unit name before a post, in characters (`四川省成都市锦江区成龙路街道枫树社区居民委员会` has 23): a
/// longer run without punctuation is not looked into, so that text without punctuation costs no more per post.
const MAX_UNIT_CHARS: usize = 40;
/// Words that lead into a unit's name without being part of it.
const LEADING_WORDS: &[&str] = &[
    "随后", "会上", "其中", "对此", "同时", "此外", "当天", "上午", "下午", "晚上", "今年", "近日", "日前", "作为",
    "来自", "据", "由", "在", "以及", "和", "与", "及", "原",
];
/// Names that begin with a word of [`LEADING_WORDS`]: 和平区, 和田市, 及第村.
const NAMES_WITH_LEADING_WORDS: &[&str] =
    &["和平", "和田", "和顺", "和美", "和谐", "和政", "和县", "和林", "和龙", "及第", "由拉"];
/// Characters after which a unit's name cannot continue backwards (`这深深刺痛了社区…` → 社区, `李大爷对枫树社区…`
/// → 枫树社区).
const CUT_AFTER: &str = "了的是被请让将把到们对问";
const PRONOUNS: &[&str] = &["她", "他"];
/// Posts said after a name as a title (`陆思聪书记`, `李建国主任`); longer posts (党委书记) follow the unit.
const TITLES: &[&str] = &[
    "书记",
    "副书记",
    "主任",
    "副主任",
    "村长",
    "镇长",
    "乡长",
    "区长",
    "县长",
    "市长",
    "省长",
    "局长",
    "社长",
    "院长",
    "站长",
    "所长",
    "校长",
];
/// Words that name, after a quotation, who said it: `“……”说这话的是……书记马丽娜`.
const SPEAKER_NAMED: &[&str] = &["说这话的是", "说这番话的是", "说出这番话的是", "这样说的是"];

/// A person introduced by post and name, and whether that mention attributes speech.
#[derive(Debug, Clone)]
struct Introduction {
    speaker: SpeakerMatch,
    speaks: bool,
    /// Introduced as the guest who speaks from here on (see [`is_guest`]).
    guest: bool,
    /// The name's length guessed from its shape alone (`网格员张伟负责300户`): good enough to find the name again
    /// (`张伟说`), not to give a pronoun or a quotation to.
    by_shape: bool,
}

/// A found attribution: the speaker and where the statement starts.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub(crate) speaker: SpeakerMatch,
    pub(crate) start: usize,
    /// A guest the text hands over to (`我们邀请到……书记陈近清`): the statement runs on to the next speaker,
    /// not only to the end of its paragraph.
    pub(crate) to_end: bool,
}

/// All attributions in `text`, in order; `sentences` are the byte ranges of its sentences, in order.
pub(crate) fn attributions<'a>(lexicon: &Lexicon, text: &'a str, sentences: &[Range<usize>]) -> Vec<Attribution> {
    let mut introductions = introductions(lexicon, text);
    introductions.sort_by_key(|i| i.speaker.span.start);
    // The first introduction of each name, for the clauses that open with a name: looked up by the clause's first
    // two to four characters instead of trying every earlier introduction (quadratic in a long text).
    let mut first_of_name: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (index, intro) in introductions.iter().enumerate() {
        first_of_name.entry(&text[intro.speaker.name.clone()]).or_insert(index);
    }
    let dotted_names: Vec<&str> = first_of_name.keys().copied().filter(|name| name.contains('·')).collect();
    // Where the person was last heard of: their introduction, or a later statement of theirs found so far.
    let last_heard = |found: &[Attribution], intro: &Introduction, before: usize| {
        let name = &text[intro.speaker.name.clone()];
        found
            .iter()
            .filter(|a| a.start <= before && text[a.speaker.name.clone()] == *name)
            .map(|a| a.start)
            .fold(intro.speaker.span.end, usize::max)
            .min(before)
    };
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at).min(sentences.len().saturating_sub(1));
    let mut found: Vec<Attribution> = Vec::new();
    for intro in &introductions {
        // `“……”说这话的是……书记马丽娜`: the words before the introduction name the speaker of the quotation.
        let before = &text[..intro.speaker.span.start];
        let naming = SPEAKER_NAMED.iter().find_map(|lead| before.strip_suffix(lead));
        let quote = quote_before(text, naming.map_or(intro.speaker.span.start, str::len));
        if intro.speaks || intro.guest || (quote.is_some() && !intro.by_shape) {
            let start = quote.unwrap_or(sentences[sentence_of(intro.speaker.span.start)].start);
            found.push(Attribution { speaker: intro.speaker.clone(), start, to_end: intro.guest });
        }
    }
    for (index, sentence) in sentences.iter().enumerate() {
        for clause in clause_starts(text, sentence.clone()) {
            let rest = &text[clause..sentence.end];
            let earlier = introductions.partition_point(|i| i.speaker.span.start < clause);
            // A name introduced earlier, speaking again: `陈刚强调:`, `“……”,陈开渠回忆`, `在王陈看来`.
            let quote = quote_before(text, clause);
            let opinion = rest.strip_prefix("在");
            let introduced = |words: &'a str| {
                // Transliterated names are longer than four characters (买买提·艾力).
                let dotted = dotted_names.iter().filter_map(move |name| words.strip_prefix(name).map(|a| (*name, a)));
                prefixes(words)
                    .chain(dotted)
                    .filter_map(|(name, after)| Some((*first_of_name.get(name)?, after)))
                    .filter(|&(i, _)| i < earlier)
            };
            let again = introduced(rest)
                .filter(|&(_, after)| {
                    quote.is_some() || verb_follows(lexicon, after) || speaks_after_action(lexicon, after)
                })
                .map(|(i, _)| (i, clause));
            let opinion = opinion
                .into_iter()
                .flat_map(introduced)
                .filter(|&(_, after)| after.starts_with("看来"))
                .map(|(i, _)| (i, clause + "在".len()));
            let first = again.chain(opinion).min_by_key(|&(i, _)| i);
            if let Some((intro, at)) = first.map(|(i, at)| (&introductions[i], at)) {
                let name = at..at + intro.speaker.name.len();
                let speaker = SpeakerMatch { span: name.clone(), name, ..intro.speaker.clone() };
                found.push(Attribution { speaker, start: quote.unwrap_or(sentence.start), to_end: false });
                continue;
            }
            // The person called by surname and title (`“……”张书记说` after 张立新, 党支部书记).
            if let Some((intro, len)) = titled_again(text, rest, &introductions[..earlier])
                && (quote.is_some() || verb_follows(lexicon, &rest[len..]))
            {
                let speaker = SpeakerMatch { span: clause..clause + len, ..intro.speaker.clone() };
                found.push(Attribution { speaker, start: quote.unwrap_or(sentence.start), to_end: false });
                continue;
            }
            // `她表示` after an introduction. Opening the next sentence, the statement takes in the introducing one;
            // opening a later paragraph or a clause (`谈起变化,他说`, `在他看来`), it begins a statement of the
            // person last introduced, as long as at most one other paragraph stands between.
            let after_pronoun = |words: &'a str| PRONOUNS.iter().find_map(|p| words.strip_prefix(p));
            let pronoun_speaks = after_pronoun(rest).is_some_and(|after| verb_follows_directly(lexicon, after))
                || rest.strip_prefix("在").and_then(after_pronoun).is_some_and(|after| after.starts_with("看来"));
            let Some(intro) = introductions[..earlier].last().filter(|i| pronoun_speaks && !i.by_shape) else {
                continue;
            };
            let previous = index.checked_sub(1).map(|i| &sentences[i]);
            let same_paragraph = |p: &Range<usize>| !text[p.start..sentence.start].contains('\n');
            if clause == sentence.start
                && previous.is_some_and(|p| p.contains(&intro.speaker.span.start) && same_paragraph(p))
            {
                let start = previous.map_or(sentence.start, |p| p.start);
                found.push(Attribution { speaker: intro.speaker.clone(), start, to_end: false });
            } else if let between = &text[last_heard(&found, intro, sentence.start)..clause]
                && between.split('\n').filter(|l| !l.trim().is_empty()).count() <= MAX_PARAGRAPHS_TO_PRONOUN
                && !names_another_person(lexicon, between)
            {
                let start = quote.unwrap_or(sentence.start);
                found.push(Attribution { speaker: intro.speaker.clone(), start, to_end: false });
            }
        }
    }
    // A form of address read as a name (张书记) is the person introduced with that surname and post.
    for attribution in &mut found {
        let speaker = &attribution.speaker;
        if !speaker.role.is_empty() {
            continue;
        }
        let earlier = introductions.partition_point(|i| i.speaker.span.start < speaker.span.start);
        let form = &text[speaker.name.clone()];
        if let Some((intro, len)) =
            titled_again(text, form, &introductions[..earlier]).filter(|&(_, l)| l == form.len())
        {
            let span = speaker.name.start..speaker.name.start + len;
            attribution.speaker = SpeakerMatch { span, ..intro.speaker.clone() };
        }
    }
    found.sort_by_key(|a| (a.start, a.speaker.span.start));
    found.dedup_by_key(|a| a.start);
    found
}

/// Everyone `text` presents by post and name, whether or not they speak there (whom an interview's labels name).
pub(crate) fn people(lexicon: &Lexicon, text: &str) -> Vec<SpeakerMatch> {
    introductions(lexicon, text)
        .into_iter()
        .filter(|i| !i.by_shape && !i.speaker.role.is_empty())
        .map(|i| i.speaker)
        .collect()
}

/// The person introduced earlier whom `rest` opens with by surname and title (`张书记` for 张立新, 党支部书记), and
/// the length of that form.
fn titled_again<'i>(text: &str, rest: &str, earlier: &'i [Introduction]) -> Option<(&'i Introduction, usize)> {
    [2, 1].into_iter().find_map(|chars| {
        let surname_len = rest.char_indices().nth(chars).map(|(i, _)| i)?;
        let surname = &rest[..surname_len];
        let title = TITLES.iter().find(|t| rest[surname_len..].starts_with(*t))?;
        let intro = earlier.iter().rev().find(|i| {
            let name = &text[i.speaker.name.clone()];
            name.starts_with(surname) && name.len() > surname.len() && text[i.speaker.role.clone()].ends_with(title)
        })?;
        Some((intro, surname_len + title.len()))
    })
}

/// The two-, three- and four-character prefixes of `words` (the lengths of a name), each with what follows it.
fn prefixes(words: &str) -> impl Iterator<Item = (&str, &str)> {
    // Where the second, third and fourth characters end (the end of `words` when it is shorter).
    let ends = words.char_indices().map(|(i, _)| i).chain([words.len()]).skip(2).take(3);
    ends.map(move |i| words.split_at(i))
}

/// Every post followed by a name, with the unit before the post when there is one.
fn introductions<'a>(lexicon: &Lexicon, text: &'a str) -> Vec<Introduction> {
    let mut out = Vec::new();
    // Found once, not searched for after each introduction.
    let last_first_person = text.rfind('我');
    // Whether a name occurs more than once, asked of at most a bounded number of names (each asks the whole text).
    let mut recurring: rustc_hash::FxHashMap<&str, bool> = rustc_hash::FxHashMap::default();
    let mut recurs = |name: &'a str| -> bool {
        if let Some(&known) = recurring.get(name) {
            return known;
        }
        let known = recurring.len() < MAX_RECURRENCE_CHECKS && text.matches(name).nth(1).is_some();
        recurring.insert(name, known);
        known
    };
    for chain in lexicon.role_chains(text) {
        // A space may stand between the post and the name in an interview's answers (`社区党委书记 孙海涛:`).
        let gap = usize::from(text[chain.end..].starts_with(' ') && !text[..chain.start].ends_with(' '));
        let after_post = &text[chain.end + gap..];
        let settled = lexicon
            .name_at(after_post)
            .or_else(|| name_before_speech(lexicon, after_post))
            .or_else(|| name_before_an_action(lexicon, after_post));
        let by_shape = settled.is_none();
        // Only a common surname makes a name of a shape alone (区党总 after 居民 in 居民区党总支 is none).
        let shaped = || {
            let common = after_post.chars().next().is_some_and(|c| super::lexicon::COMMON_SURNAMES.contains(c));
            let len = name_by_shape(lexicon, after_post)
                .filter(|_| common && !is_title_before(lexicon, text, chain.clone()))?;
            // Three characters read from the shape, two written again later: the name is the two (张伟负责…, 张伟说).
            let two = after_post.char_indices().nth(2).map_or(len, |(i, _)| i);
            Some(if len > two && !recurs(&after_post[..len]) && recurs(&after_post[..two]) { two } else { len })
        };
        let name_len = settled.or_else(shaped);
        let Some(name_len) = name_len else {
            // The post in brackets after the name, answering: `孙海涛(台东街道党工委书记):`.
            if let Some(intro) = bracketed_post(lexicon, text, chain.clone()) {
                out.push(intro);
                continue;
            }
            // The post in apposition to the name before it: `王建华,梅岭北居民区党总支书记,` or `王建华是……书记`.
            if let Some(intro) = appositive(lexicon, text, chain.clone()) {
                out.push(intro);
                continue;
            }
            // The post as a title after the name, speaking: `陆思聪书记表示`.
            if TITLES.contains(&&text[chain.clone()])
                && let Some(start) = lexicon.name_before(text, chain.start)
                && verb_follows_directly(lexicon, &text[chain.end..])
            {
                let name = start..chain.start;
                let speaker = SpeakerMatch { span: start..chain.end, name, role: chain, organization: None };
                out.push(Introduction { speaker, speaks: true, guest: false, by_shape: false });
            }
            continue;
        };
        let role = lexicon.split_unit_prefix(text, chain.clone());
        let name = chain.end + gap..chain.end + gap + name_len;
        let organization = unit_before(lexicon, text, role.start);
        let start = organization.as_ref().map_or(role.start, |o| o.start);
        let organization = organization.or_else(|| unit_of_the_scene(lexicon, text, role.start));
        // Someone spoken to is no speaker: `居民向社区党委书记王芳表示`, `李大爷对书记王芳说`.
        let addressed = text[..start].ends_with(ADDRESSEE_MARKERS);
        let speaks =
            !addressed && (verb_follows(lexicon, &text[name.end..]) || speaks_after_action(lexicon, &text[name.end..]));
        let guest = is_guest(text, start, name.end, last_first_person);
        out.push(Introduction {
            speaker: SpeakerMatch { span: start..name.end, name, role, organization },
            speaks,
            guest,
            by_shape,
        });
    }
    // Someone introduced with a post who speaks again by name keeps the post (see `attributions`).
    let posted: Vec<&str> = out.iter().map(|i| &text[i.speaker.name.clone()]).collect();
    let mut unposted = unposted(lexicon, text);
    unposted.retain(|u| !posted.contains(&&text[u.speaker.name.clone()]));
    out.extend(unposted);
    out
}

/// How many stretches of text (the rest of the introducing paragraph, paragraphs between) may stand between an
/// introduction and a pronoun that refers to it.
const MAX_PARAGRAPHS_TO_PRONOUN: usize = 2;

/// The unit the clause before a post sets the scene in, when the post has none of its own: `在枫树社区,党委书记王芳说`
/// → 枫树社区.
fn unit_of_the_scene(lexicon: &Lexicon, text: &str, post: usize) -> Option<Range<usize>> {
    let before = text[..post].strip_suffix(',')?;
    let window = before.char_indices().rev().nth(MAX_UNIT_CHARS).map_or(0, |(i, _)| i);
    let at = window + before[window..].rfind('在')?;
    let unit = at + '在'.len_utf8()..before.len();
    let opens_clause = !text[..at].chars().next_back().is_some_and(is_cjk);
    (opens_clause && text[unit.clone()].chars().all(is_cjk) && lexicon.is_unit(&text[unit.clone()])).then_some(unit)
}

/// Characters that begin what a person does right after being named (`沈丽华站在楼道口`, `黄阿姨拉着…`, `王芳对此`):
/// a name of three characters does not end with one of them.
const ACTION_STARTS: &str = "站坐走来去拉拿握指看望带领和与同跟对向在正一边深早常经又也还就便再都已曾将把被给为从到刚先首亲专特每多仍依主组率面蹲笑感激动热耐认仔逐挨捧翻递端打接陪忙赶迎";
/// How many names a text is searched for again (see `introductions`): beyond it, a name guessed from its shape
/// keeps the guess, so that text full of posts costs no more per post.
const MAX_RECURRENCE_CHECKS: usize = 64;

/// How far, in characters, the speech verb may follow a name that an action follows (`站在楼道口告诉记者`,
/// `在大棚里一边摘辣椒一边说`).
const MAX_ACTION_CHARS: usize = 20;

/// The name after a post when what follows it is an action, not a word that shows where names end: three
/// characters unless the third begins an action (`沈丽华站在…` → 沈丽华, `王芳站在…` → 王芳). Only kept when the
/// action leads to speech (see [`speaks_after_action`]).
fn name_before_an_action(lexicon: &Lexicon, rest: &str) -> Option<usize> {
    name_by_shape(lexicon, rest).filter(|&len| speaks_after_action(lexicon, &rest[len..]))
}

/// A name no surname list knows, right after a post and right before a speech verb: 次仁卓玛, 扎西多吉, 俄木沙马 —
/// Tibetan and Yi names, which a Han surname does not open. Three or four characters, the longest that fits: two
/// are as often an adverb (亲自表示, 多次强调).
fn name_before_speech(lexicon: &Lexicon, rest: &str) -> Option<usize> {
    let ends: Vec<usize> = rest.char_indices().skip(3).take(2).map(|(i, _)| i).collect();
    ends.into_iter()
        .rev()
        .find(|&end| lexicon.is_unlisted_name(&rest[..end]) && lexicon.speech_verb_at(&rest[end..]).is_some())
}

/// The name at the start of `rest` by its shape alone: three characters unless the third begins an action.
fn name_by_shape(lexicon: &Lexicon, rest: &str) -> Option<usize> {
    let ends: Vec<usize> = rest.char_indices().skip(2).take(2).map(|(i, _)| i).collect();
    let third = rest[*ends.first()?..].chars().next()?;
    let len = if ACTION_STARTS.contains(third) || ends.len() < 2 { ends[0] } else { ends[1] };
    lexicon.is_name(&rest[..len]).then_some(len)
}

/// Whether the post at `chain` is a title after a name (`陆思聪书记`), which [`introductions`] reads as such.
fn is_title_before(lexicon: &Lexicon, text: &str, chain: Range<usize>) -> bool {
    TITLES.contains(&&text[chain.clone()]) && lexicon.name_before(text, chain.start).is_some()
}

/// Whether the clause after a name goes on to speech within [`MAX_ACTION_CHARS`] characters: a speech verb, or
/// a colon that opens a quotation (`对此深有体会:“……”`).
fn speaks_after_action(lexicon: &Lexicon, rest: &str) -> bool {
    // 王阿姨家的孩子说, 王芳的女儿说: someone of theirs speaks.
    if rest.starts_with(['的', '家']) {
        return false;
    }
    for (skipped, (at, c)) in rest.char_indices().enumerate() {
        if c == ':' {
            return rest[at + 1..].starts_with('“');
        }
        if skipped > MAX_ACTION_CHARS || !(is_cjk(c) || c.is_ascii_digit()) {
            return false;
        }
        if lexicon.speech_verb_at(&rest[at..]).is_some() {
            return true;
        }
    }
    false
}

/// Words for people that a pronoun may as well refer to (她的丈夫, 一位正在下棋的老人).
const OTHER_PEOPLE: &[&str] =
    &["丈夫", "妻子", "爱人", "老伴", "儿子", "女儿", "孩子", "母亲", "父亲", "老人", "一位", "一名"];

/// Whether `between` names someone a pronoun after it may mean instead of the person introduced before it:
/// a resident by a form of address (老李今年80岁, 王奶奶), family, someone described.
fn names_another_person(lexicon: &Lexicon, between: &str) -> bool {
    OTHER_PEOPLE.iter().any(|w| between.contains(w)) || addressed_names(lexicon, between).next().is_some()
}

/// People called by a form of address (王阿姨, 罗女士) or by familiarity (老李, 小王) in `text`.
fn addressed_names<'a>(lexicon: &'a Lexicon, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    let addressed = lexicon.honorific_starts(text).filter_map(|(at, honorific)| {
        let surname = text[..at].chars().next_back()?;
        Some(at - surname.len_utf8()..at + honorific.len())
    });
    let familiar = text.match_indices(['老', '小']).map(|(at, _)| {
        let end = text[at..].char_indices().nth(2).map_or(text.len(), |(i, _)| at + i);
        at..end
    });
    addressed.chain(familiar).filter(|name| lexicon.is_name(&text[name.clone()]))
}

/// Characters before a post and name that make the person the one spoken to or acted on (拉着书记王芳的手说).
const ADDRESSEE_MARKERS: &[char] = &['对', '向', '给', '跟', '替', '着', '问'];

/// Characters before a name that make it the object of what is said rather than the speaker: `听王阿姨说`,
/// `据老李说`, `跟张大爷说`.
const OBJECT_MARKERS: &str = "听据像如跟和对给让叫请问帮替陪找被把向与同";

/// People who speak without a post: residents called by a form of address (`王阿姨笑着说`, `老李说`), a name
/// right after the quotation of speech it closes (`“……。”张伟说`), and a name opening a sentence that announces
/// what it says (`王芳说:“……”`). No post vouches for them, so the speech verb must
/// follow at once or after a manner word (see [`Lexicon::speaks_at_once`]).
fn unposted(lexicon: &Lexicon, text: &str) -> Vec<Introduction> {
    let named = addressed_names(lexicon, text);
    // A quotation of speech ends a sentence or clause inside its marks; a quoted name (“有事好商量”平台) does not.
    let quoted = text.match_indices('”').filter_map(|(at, q)| {
        text[..at].ends_with(['。', '!', '?', '…', ',']).then_some(())?;
        let start = at + q.len() + usize::from(text[at + q.len()..].starts_with(','));
        let len = lexicon.name_at(&text[start..])?;
        // A common or compound surname, a form of address or a transliterated name: 居住在……的山田先生说 is no
        // 居住.
        let rest = &text[start..];
        let addressed = lexicon.honorific_starts(&rest[..len]).next().is_some() || rest[..len].contains('·');
        (addressed || lexicon.begins_with_usual_surname(rest)).then_some(start..start + len)
    });
    // A sentence opened by a name with a common surname and a speech verb that announces what follows
    // (王芳说:“……”, 刘德华表示,……).
    let opening =
        text.match_indices(['。', '!', '?', '\n']).map(|(at, c)| at + c.len()).chain([0]).filter_map(|start| {
            let rest = &text[start..];
            // Asked of names with a common or a compound surname only: most sentences begin otherwise.
            if !lexicon.begins_with_usual_surname(rest) {
                return None;
            }
            let len = lexicon.name_at(rest).filter(|&len| {
                let name = &rest[..len];
                let unit_like = name.ends_with(|c| super::lexicon::UNIT_LAST_CHARS.contains(c) || "家业".contains(c));
                !unit_like
            })?;
            let verb = lexicon.speech_verb_at(&rest[len..])?;
            // Three characters at least (林业说, 张家说 are a trade and a family), or two announcing a quotation
            // (王芳说:“……”).
            let announced = rest[len + verb..].starts_with(":“");
            let long = rest[..len].chars().count() >= 3;
            (rest[len + verb..].starts_with([':', ',']) && (long || announced)).then_some(start..start + len)
        });
    let mut out: Vec<Introduction> = named
        .chain(quoted)
        .chain(opening)
        .filter(|name| {
            let before = text[..name.start].chars().next_back();
            // Opening its clause, the person may do something first (李大妈一边择菜一边说, 张大爷拉着书记的手说).
            let opens_clause = before.is_none_or(|c| !is_cjk(c));
            let speaks = lexicon.speaks_at_once(&text[name.end..])
                || opens_clause && speaks_after_action(lexicon, &text[name.end..]);
            before.is_none_or(|c| !OBJECT_MARKERS.contains(c)) && speaks
        })
        .map(|name| Introduction {
            speaker: SpeakerMatch {
                span: name.clone(),
                name: name.clone(),
                role: name.start..name.start,
                organization: None,
            },
            speaks: true,
            guest: false,
            by_shape: false,
        })
        .collect();
    out.sort_by_key(|i| i.speaker.name.start);
    out.dedup_by_key(|i| i.speaker.name.start);
    out
}

/// `孙海涛(台东街道党工委书记):`: a name opening its clause, its unit and post in brackets, then a colon or a
/// speech verb.
fn bracketed_post(lexicon: &Lexicon, text: &str, chain: Range<usize>) -> Option<Introduction> {
    let after = text[chain.end..].strip_prefix(')')?;
    if !verb_follows_directly(lexicon, after) {
        return None;
    }
    let window = text[..chain.start].char_indices().rev().nth(MAX_UNIT_CHARS).map_or(0, |(i, _)| i);
    let open = window + text[window..chain.start].rfind('(')?;
    let role = lexicon.split_unit_prefix(text, chain.clone());
    let start = lexicon.name_before(text, open)?;
    let organization = (open + 1 < role.start).then_some(open + 1..role.start);
    let speaker = SpeakerMatch { span: start..chain.end + 1, name: start..open, role, organization };
    Some(Introduction { speaker, speaks: true, guest: false, by_shape: false })
}

/// `王建华,梅岭北居民区党总支书记,` and `王建华是梅岭北居民区党总支书记`: a name opening its clause, then its unit and
/// post. Nothing is said there; the introduction lets a later `王建华说` or `他说` find the post.
fn appositive(lexicon: &Lexicon, text: &str, chain: Range<usize>) -> Option<Introduction> {
    if !text[chain.end..].starts_with([',', '。']) {
        return None;
    }
    let role = lexicon.split_unit_prefix(text, chain.clone());
    let organization = unit_before(lexicon, text, role.start);
    let unit_start = organization.as_ref().map_or(role.start, |o| o.start);
    let before = &text[..unit_start];
    let name_end = before.strip_suffix(',').or_else(|| before.strip_suffix('是'))?.len();
    let start = lexicon.name_before(text, name_end)?;
    let speaker = SpeakerMatch { span: start..role.end, name: start..name_end, role, organization };
    Some(Introduction { speaker, speaks: false, guest: false, by_shape: false })
}

/// Words before a post and name that hand the text over to a guest, in the series and interviews where the guest
/// then speaks in the first person: `第11期我们邀请到……党总支书记陈近清,请她带我们……`.
const GUEST_LEADS: &[&str] = &["邀请到", "邀请了", "请到了", "请来了", "专访了", "采访了", "对话"];

/// Whether the introduction at `start..end` presents a guest: a lead word earlier in its clause, and the text
/// after it speaking in the first person (`last_first_person`: where the text's last 我 stands).
fn is_guest(text: &str, start: usize, end: usize, last_first_person: Option<usize>) -> bool {
    let clause = &text[..start];
    let window = clause.char_indices().rev().nth(20).map_or(0, |(i, _)| i);
    let clause_start = window + after_last(&clause[window..], &[',', '。', ';', ':', '!', '?', '\n']);
    GUEST_LEADS.iter().any(|lead| clause[clause_start..].contains(lead)) && last_first_person.is_some_and(|i| i >= end)
}

/// Whether a speech verb follows within the clause, at most [`MAX_GAP_TO_VERB`] characters on.
fn verb_follows(lexicon: &Lexicon, rest: &str) -> bool {
    for (skipped, (at, c)) in rest.char_indices().enumerate() {
        if skipped > MAX_GAP_TO_VERB || !is_cjk(c) {
            return c == ':' && skipped == 0;
        }
        if lexicon.speech_verb_at(&rest[at..]).is_some() {
            return true;
        }
    }
    false
}

/// A speech verb right away, or after one adverb: `表示`, `还表示`.
fn verb_follows_directly(lexicon: &Lexicon, rest: &str) -> bool {
    let rest = super::lexicon::ADVERBS.iter().find_map(|a| rest.strip_prefix(a)).unwrap_or(rest);
    lexicon.speech_verb_at(rest).is_some() || rest.starts_with(':')
}

/// Where the quotation that ends right before `at` opens (`“……”,陈开渠回忆` → the `“`), within its paragraph. A
/// short description of the speaker or the moment may stand between (`“……”家住锦绣花园的王阿姨说`,
/// `“……”谈到这里,枫树社区党委书记王芳说`).
fn quote_before(text: &str, at: usize) -> Option<usize> {
    let window = text[..at].char_indices().rev().nth(MAX_DESCRIPTION_CHARS).map_or(0, |(i, _)| i);
    let close = window + text[window..at].rfind('”')?;
    let description = &text[close + '”'.len_utf8()..at];
    // A description of the speaker (`正在吃饭的`, a title before the post: `全国人大代表、`, a unit no list knows:
    // `万科物业`), or of the moment (`谈到这里,`, `在接受记者采访时,`).
    // A dash before the speaker credits the quotation (`“……”——居民 张桂芳`).
    let described =
        description.chars().all(|c| is_cjk(c) || c.is_ascii_digit() || matches!(c, ',' | ' ' | '、' | '·' | '—'));
    if !described {
        return None;
    }
    let open = text[..close].rfind('“')?;
    let quoted = &text[open + '“'.len_utf8()..close];
    // A quotation announced by a colon (王阿姨说:“……”) is its announcer's.
    let announced = text[..open].ends_with(':');
    (!quoted.contains('\n') && !announced && is_utterance(quoted)).then_some(open)
}

/// Whether quoted words are said rather than named: a sentence or clause (`“路修好了。”`, `“一是……,二是……”`), or
/// longer than a name usually is (`“邻里节”` and `“有事好商量”` are names).
fn is_utterance(quoted: &str) -> bool {
    quoted.ends_with(['。', '!', '?', '…', ',']) || quoted.contains([',', '。']) || quoted.chars().count() >= 8
}

/// Longest description between a quotation and the speaker it names, in characters.
const MAX_DESCRIPTION_CHARS: usize = 16;

/// Byte offsets where clauses of `sentence` start: the sentence start and after each comma, colon or quote.
fn clause_starts(text: &str, sentence: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let base = sentence.start;
    std::iter::once(base).chain(
        text[sentence]
            .char_indices()
            .filter(|&(_, c)| matches!(c, ',' | ':' | ';' | '”' | ' '))
            .map(move |(i, c)| base + i + c.len_utf8()),
    )
}

/// The unit's name that ends where a post begins, back to the clause start: `…上午,广州市天河区石牌街道穗园社区`.
fn unit_before(lexicon: &Lexicon, text: &str, end: usize) -> Option<Range<usize>> {
    let clause = &text[..end];
    let window = clause.char_indices().rev().nth(MAX_UNIT_CHARS).map_or(0, |(i, c)| i + c.len_utf8());
    let boundary = clause[window..]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_cjk(c) || c.is_ascii_alphanumeric() || c == '·'))
        .map(|(i, c)| window + i + c.len_utf8());
    let mut start = boundary.unwrap_or(window);
    if let Some((i, c)) = text[start..end].char_indices().rev().find(|&(_, c)| CUT_AFTER.contains(c)) {
        start += i + c.len_utf8();
    } else if boundary.is_none() && window > 0 {
        return None;
    }
    loop {
        let s = &text[start..end];
        let named = NAMES_WITH_LEADING_WORDS.iter().any(|n| s.starts_with(n));
        let lead = LEADING_WORDS.iter().find(|w| s.starts_with(*w) && s.len() > w.len()).filter(|_| !named);
        let date = s.find('日').filter(|&i| s[..i].chars().all(|c| c.is_ascii_digit() || "年月".contains(c)) && i > 0);
        match (lead, date) {
            (Some(w), _) => start += w.len(),
            (None, Some(i)) => start += i + '日'.len_utf8(),
            _ => break,
        }
    }
    lexicon.is_unit(&text[start..end]).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::{paragraphs, sentences};

    fn speakers(text: &str) -> Vec<(String, String, String, String)> {
        let lexicon = Lexicon::builtin();
        let sents: Vec<_> = paragraphs(text).flat_map(|p| sentences(text, p)).collect();
        attributions(&lexicon, text, &sents)
            .into_iter()
            .map(|a| {
                let s = a.speaker;
                let org = s.organization.map(|r| text[r].to_string()).unwrap_or_default();
                (text[a.start..].chars().take(4).collect(), text[s.name].to_string(), text[s.role].to_string(), org)
            })
            .collect()
    }

    fn row(start: &str, name: &str, role: &str, org: &str) -> (String, String, String, String) {
        (start.into(), name.into(), role.into(), org.into())
    }

    #[test]
    fn post_name_and_speech_verb() {
        let text = "会议现场。随后,海棠路社区党委书记施光梅表示,过去半年成效明显。";
        assert_eq!(speakers(text), [row("随后,海", "施光梅", "党委书记", "海棠路社区")]);
    }

    #[test]
    fn a_one_character_speech_verb_after_a_two_character_name() {
        let text = "会上,红星社区党委书记张华说,要做好服务。随后,村支书张强称:“路要修好。”";
        assert_eq!(
            speakers(text),
            [row("会上,红", "张华", "党委书记", "红星社区"), row("随后,村", "张强", "村支书", "")]
        );
    }

    #[test]
    fn residents_quoted_by_a_familiar_name_after_their_standing() {
        let text = "活动现场。居民老李笑着说,环境好了。村民张阿姨表示,很满意。";
        let names: Vec<String> = speakers(text).into_iter().map(|r| r.1).collect();
        assert_eq!(names, ["老李", "张阿姨"]);
        assert!(speakers("居民小区环境好了,小时候常来。").is_empty());
    }

    #[test]
    fn residents_without_a_post_called_by_a_form_of_address() {
        let text = "“现在方便多了!”家住锦绣花园的王阿姨笑着说。朱奶奶说,食堂很实惠。“好!”老李高兴地说。";
        assert_eq!(
            speakers(text),
            [row("“现在方", "王阿姨", "", ""), row("朱奶奶说", "朱奶奶", "", ""), row("“好!”", "老李", "", "")]
        );
        // A manner word before the verb after a post too, and the name stops before it.
        let text = "“好!”76岁的居民刘大爷乐呵呵地说。";
        assert_eq!(speakers(text), [row("“好!”", "刘大爷", "居民", "")]);
    }

    #[test]
    fn a_name_right_after_the_quotation_of_speech_it_closes() {
        assert_eq!(speakers("“以后不愁了。”张伟说。"), [row("“以后不", "张伟", "", "")]);
        // A quoted name is no speech; a name that is spoken to or of is no speaker.
        assert!(speakers("“有事好商量”平台介绍了经验。").is_empty());
        assert!(speakers("听王阿姨说,社区要装电梯。据老李说,路修好了。").is_empty());
        assert!(speakers("张阿姨家的孩子说要回来。小区里的人都说好。").is_empty());
    }

    #[test]
    fn a_name_ends_before_the_adverb_or_manner_word_that_leads_to_the_verb() {
        let text = "会上,社区居委会主任陈勇也表示,要做好服务。随后,社区书记何俊笑称,这是好事。";
        let names: Vec<String> = speakers(text).into_iter().map(|r| r.1).collect();
        assert_eq!(names, ["陈勇", "何俊"]);
        // Three characters when the third does not lead on: 施光梅说, 欧阳娜娜说.
        let names: Vec<String> =
            speakers("会上,党委书记施光梅说,好。随后,党委书记欧阳娜娜说,好。").into_iter().map(|r| r.1).collect();
        assert_eq!(names, ["施光梅", "欧阳娜娜"]);
    }

    #[test]
    fn deputies_and_joined_posts_of_officials() {
        let text = "会上,四川省民政厅副厅长周晓东说,要做好服务。随后,成都市武侯区委常委、组织部部长郭永红说,好。";
        assert_eq!(
            speakers(text),
            [
                row("会上,四", "周晓东", "副厅长", "四川省民政厅"),
                row("随后,成", "郭永红", "常委、组织部部长", "成都市武侯区委")
            ]
        );
    }

    #[test]
    fn no_speaker_spoken_to_thanked_or_named_by_a_quoted_term() {
        assert!(speakers("居民们向枫树社区党委书记王芳表示感谢。").is_empty());
        // The one who speaks to the secretary is the speaker.
        assert_eq!(speakers("居民李大爷对枫树社区党委书记王芳说:“谢谢你。”"), [row("居民李大", "李大爷", "居民", "")]);
        assert!(speakers("会上,社区党委书记王芳介绍的经验被推广。").is_empty());
        assert!(speakers("社区举行“邻里节”,社区党委书记赵丽红出席。").is_empty());
        assert_eq!(speakers("“路修好了”,社区党委书记王芳说。"), [row("“路修好", "王芳", "党委书记", "社区")]);
    }

    #[test]
    fn a_pronoun_opening_a_later_paragraph_or_clause_speaks_for_the_person_last_introduced() {
        let text = "枫树社区党委书记刘建英到任三年。\n社区变化很大。\n她表示,还要建食堂。\n谈起变化,她说,居民满意了。";
        let rows = speakers(text);
        assert_eq!(
            rows,
            [row("她表示,", "刘建英", "党委书记", "枫树社区"), row("谈起变化", "刘建英", "党委书记", "枫树社区")]
        );
        // Two paragraphs between: too far to tell whom the pronoun means.
        let text = "枫树社区党委书记刘建英到任三年。\n社区变化很大。\n居民很满意。\n她表示,还要建食堂。";
        assert!(speakers(text).is_empty());
    }

    #[test]
    fn a_quotation_before_a_description_of_the_moment_or_the_speaker() {
        let text = "“关键在人。”谈到这里,枫树社区党委书记王芳说。";
        assert_eq!(speakers(text), [row("“关键在", "王芳", "党委书记", "枫树社区")]);
        let text = "“一荤两素才12块。”正在吃饭的居民王德福说。";
        assert_eq!(speakers(text), [row("“一荤两", "王德福", "居民", "")]);
    }

    #[test]
    fn an_action_between_the_name_and_the_speech_verb() {
        let text = "会上,枫树社区党委书记沈丽华站在楼道口告诉记者,要做好服务。居民黄阿姨拉着小陈的手说:“谢谢。”";
        assert_eq!(
            speakers(text),
            [row("会上,枫", "沈丽华", "党委书记", "枫树社区"), row("居民黄阿", "黄阿姨", "居民", "")]
        );
        // The unit the scene is set in; a colon opening a quotation speaks too.
        let text = "在枫树社区,党委书记王芳对此深有体会:“关键在人。”";
        assert_eq!(speakers(text), [row("在枫树社", "王芳", "党委书记", "枫树社区")]);
        // No speech: no speaker.
        assert!(speakers("会上,社区党委书记王芳带领居民清扫楼道,高度重视。").is_empty());
    }

    #[test]
    fn a_post_in_apposition_introduces_a_name_that_speaks_later() {
        let text = "王建华,梅岭北居民区党总支书记,在社区工作了二十年。\n王建华说,社区的事要大家商量。";
        assert_eq!(speakers(text), [row("王建华说", "王建华", "党总支书记", "梅岭北居民区")]);
        let text = "王建华是梅岭北居民区党总支书记。\n他说,社区的事要大家商量。";
        assert_eq!(speakers(text), [row("他说,社", "王建华", "党总支书记", "梅岭北居民区")]);
    }

    #[test]
    fn answers_after_an_interview_lead_belong_to_the_guest() {
        let text = "记者近日采访了营平社区党委书记林雅琴。\n问:社区有什么变化?\n答:我们建了食堂。";
        let rows = speakers(text);
        assert_eq!(rows, [row("记者近日", "林雅琴", "党委书记", "营平社区")]);
    }

    #[test]
    fn a_quotation_announced_by_a_colon_is_its_announcers() {
        let text = "王阿姨说:“饭菜好吃。”老李说:“价格也实惠。”";
        assert_eq!(speakers(text), [row("王阿姨说", "王阿姨", "", ""), row("老李说:", "老李", "", "")]);
        assert_eq!(speakers("居民王德福说:“我家也分到了地。”居民李红也很高兴。").len(), 1);
    }

    #[test]
    fn names_of_three_before_manner_and_action_words_and_who_is_no_speaker() {
        let names = |text: &str| speakers(text).into_iter().map(|r| r.1).collect::<Vec<_>>();
        assert_eq!(names("“小区变美了。”居民王德福笑着说。"), ["王德福"]);
        assert_eq!(names("会上,社区党委书记王芳站在楼道口告诉记者:“好。”"), ["王芳"]);
        assert_eq!(names("张大爷拉着书记王芳的手说:“谢谢你们。”"), ["张大爷"]);
        assert_eq!(names("李大妈一边择菜一边说:“好。”"), ["李大妈"]);
        for text in [
            "张大爷说什么也不肯收下。",
            "老张说完,大家都笑了。",
            "“我们一起干!”居民们说。",
            "老公说:“你去吧。”",
            "王阿姨家的孩子说要回来。",
        ] {
            assert!(speakers(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_pronoun_after_someone_else_is_named_is_not_the_speakers() {
        let text = "社区书记王芳介绍了情况。\n老李今年80岁,是小区的热心人。他说:“能帮一把是一把。”";
        assert_eq!(speakers(text).len(), 1);
        let text = "社区书记张伟表示,要做好服务。\n他的妻子李红是一名教师。她表示,全家都支持。";
        assert_eq!(speakers(text).len(), 1);
    }

    #[test]
    fn a_name_introduced_doing_something_is_found_again_when_it_speaks() {
        let text = "网格员张伟负责300户。张伟一边翻看台账一边说:“好。”";
        assert_eq!(speakers(text), [row("张伟一边", "张伟", "网格员", "")]);
        // Guessed from its shape, a name gets no pronoun and no quotation.
        assert!(speakers("社区党委书记高度重视。他表示,要落实。").is_empty());
        assert!(speakers("“这是好事。”社区党委书记高度重视。").is_empty());
    }

    #[test]
    fn a_name_opening_a_sentence_that_announces_what_it_says() {
        let text = "记者来到社区。王建芳说:“今年要改造。”";
        assert_eq!(speakers(text), [row("王建芳说", "王建芳", "", "")]);
        // Two characters when a quotation is announced; a compound surname.
        assert_eq!(speakers("记者来到社区。王芳说:“今年要改造。”"), [row("王芳说:", "王芳", "", "")]);
        assert_eq!(speakers("欧阳明月表示,社区将继续推进垃圾分类。"), [row("欧阳明月", "欧阳明月", "", "")]);
        for text in [
            "记者来到社区。王芳说,今年要改造。",
            "大家说,好。有人说,好。",
            "社区很热闹。高度说明问题。",
            "活动结束。张家说:“好。”",
            "会后王芳说了几句。",
            "陈述了意见。林业说,要保护。",
            "游客增多。高新区说:要发展。",
        ] {
            assert!(speakers(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn names_without_a_han_surname_before_a_speech_verb() {
        let text = "阿土列尔村党支部书记次仁卓玛说:“现在搬进了新家。”";
        assert_eq!(speakers(text), [row("阿土列尔", "次仁卓玛", "党支部书记", "阿土列尔村")]);
        assert_eq!(speakers("县长扎西多吉介绍,全县累计搬迁群众三万多人。")[0].1, "扎西多吉");
        assert_eq!(speakers("“现在搬进了新家。”村民央金拉姆说。")[0].0, "“现在搬");
        assert!(speakers("“好。”居住在古北社区的山田先生说。").iter().all(|r| r.1 != "居住"));
        // Gestures, naming, negation and the one asked are no speech.
        for text in [
            "村党委书记李强对捐赠企业表示衷心感谢。",
            "社区党委书记王红被居民亲切地称为“红管家”。",
            "记者问社区党委书记刘晓:社区最难的是什么?",
            "社区党委书记王红介绍人是老支书。",
        ] {
            assert!(speakers(text).is_empty(), "{text}: {:?}", speakers(text));
        }
        assert!(speakers("社区党委书记王红没有表态。").iter().all(|r| r.1 == "王红"));
        let text = "社区党委书记买买提·艾力每天都到小区转一转。“小事也是大事。”买买提·艾力说。";
        assert_eq!(speakers(text)[0].1, "买买提·艾力");
        for text in [
            "社区党委书记今天表示,要做好服务。",
            "社区党委书记们说,要做好服务。",
            "党委书记高度重视说明问题。",
            "党委书记亲自表示。",
            "村党支部书记多次强调,要做好服务。",
            "社区书记进一步表示。",
            "居民老百姓说好才是真的好。",
            "居民小孙女说,奶奶最喜欢去食堂。",
            "居民小康社区说很好。",
            "居民老年人表示,助餐点很方便。",
        ] {
            assert!(speakers(text).is_empty(), "{text}: {:?}", speakers(text));
        }
    }

    #[test]
    fn a_person_called_by_surname_and_title_speaks_again() {
        let text = "龙韵村党支部书记张立新有个习惯。“写日记是为了不忘事。”张书记说。";
        let rows = speakers(text);
        assert_eq!(rows.last().map(|r| r.1.as_str()), Some("张立新"), "{rows:?}");
        let rows = speakers("“写日记是为了不忘事。”张书记说。");
        assert_eq!(rows[0].1, "张书记", "nobody introduced: the form of address is all there is");
    }

    #[test]
    fn a_quotation_then_who_said_it() {
        let text = "“老百姓的事再小也是大事。”说这话的是交道口街道菊儿社区党委书记马丽娜。菊儿社区胡同多。";
        assert_eq!(speakers(text), [row("“老百姓", "马丽娜", "党委书记", "交道口街道菊儿社区")]);
        // 和 begins 和平区; 以及 begins no unit.
        let text = "和平区南市街道党工委书记王芳说:“要推动交往交流交融。”";
        assert_eq!(speakers(text), [row("和平区南", "王芳", "党工委书记", "和平区南市街道")]);
        let text = "参加的有街道党工委副书记欧阳丽,以及社区养老服务中心负责人上官婷婷说:“压力是有的。”";
        assert_eq!(speakers(text)[0].3, "社区养老服务中心");
        // Professions and deputies; 居民区 is a unit, not residents.
        assert_eq!(speakers("“要把想法变成图纸。”同济大学副教授王晓光说。")[0].2, "副教授");
        assert_eq!(speakers("区人大代表王晓光说:“我们帮居民解决了难题。”")[0].1, "王晓光");
        let text = "“加装电梯难度大。”新福康里居民区党总支书记王佩华说。";
        assert_eq!(speakers(text), [row("“加装电", "王佩华", "党总支书记", "新福康里居民区")]);
        // A dash credits the quotation to who follows.
        let text = "“以前办证要跑好几个地方。”——居民 张桂芳\n“我们下放了十二项事项。”——簇桥街道党工委书记 宇文浩";
        let names: Vec<String> = speakers(text).into_iter().map(|r| r.1).collect();
        assert_eq!(names, ["张桂芳", "宇文浩"]);
        // A title or an unlisted unit before the post.
        let text = "“要解决难题。”全国人大代表、玉林社区党委书记王晓光说。";
        assert_eq!(speakers(text), [row("“要解决", "王晓光", "党委书记", "玉林社区")]);
        assert_eq!(speakers("“我们帮居民解决了难题。”万科物业经理王晓光说。")[0].0, "“我们帮");
    }

    #[test]
    fn a_post_in_brackets_after_the_name() {
        let text = "问:难点在哪里?\n孙海涛(台东街道党工委书记):难点在于人。";
        assert_eq!(speakers(text), [row("孙海涛(", "孙海涛", "党工委书记", "台东街道")]);
    }

    #[test]
    fn a_post_as_a_title_after_the_name() {
        let text = "居民议事会上,陆思聪书记表示,要把小区治理做细。随后,李建国主任说,资金已经到位。";
        assert_eq!(speakers(text), [row("居民议事", "陆思聪", "书记", ""), row("随后,李", "李建国", "主任", "")]);
        // A village before its post, a post without a name, a name not opening its clause: no speaker.
        assert!(speakers("会上,王家村党委书记表示,要修路。").is_empty());
        assert!(speakers("会上,社区书记表示,要修路。").is_empty());
        assert!(speakers("我们听取了枫树社区张明书记表示的意见。").is_empty());
    }

    #[test]
    fn pronoun_after_an_introduction() {
        let text = "随后,海棠路社区党委书记施光梅对上半年工作进行全面总结。她表示,过去半年成效明显。";
        assert_eq!(speakers(text), [row("随后,海", "施光梅", "党委书记", "海棠路社区")]);
    }

    #[test]
    fn a_name_introduced_earlier_speaks_again() {
        let text =
            "3月1日,镇党委书记陈刚到木杉塘社区调研工作。会上,陈刚与社区班子成员交谈。 陈刚强调:社区是最后一公里。";
        assert_eq!(speakers(text), [row("陈刚强调", "陈刚", "镇党委书记", "")]);
    }

    #[test]
    fn a_quotation_before_the_speaker_belongs_to_the_statement() {
        let text = "首个工作日。“虽说今天是上班第一天,可是事情也不少呢!”城北社区党总支副书记王陈正在忙碌着。";
        assert_eq!(speakers(text), [row("“虽说今", "王陈", "党总支副书记", "城北社区")]);
    }

    #[test]
    fn an_opinion_of_a_person_introduced_earlier() {
        let text = "城北社区党总支副书记王陈正在忙碌着。大家都很忙。在王陈看来,党建引领是方向。";
        assert_eq!(speakers(text), [row("在王陈看", "王陈", "党总支副书记", "城北社区")]);
    }

    #[test]
    fn a_mention_without_speech_is_not_an_attribution() {
        assert!(speakers("这深深刺痛了社区党总支书记陈开渠。大家都很难过。").is_empty());
    }
}
