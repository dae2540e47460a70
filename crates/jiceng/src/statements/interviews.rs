//! Interviews printed as turns: `记者:……?` / `王芳:……` or `问:` / `答:`.
//!
//! A question is the interviewer's and belongs to nobody; the answer after it runs to the next question and
//! belongs to whoever its label names, or, labelled `答:` or not at all, to the guest the lead introduced.

use super::attributions::Attribution;
use super::lexicon::Lexicon;
use super::{Found, SpeakerMatch};
use crate::text::normalize::is_cjk;
use std::ops::Range;

/// Labels that open an interviewer's turn.
const QUESTION_LABELS: &[&str] =
    &["记者:", "本报记者:", "记者问:", "问:", "提问:", "主持人:", "Q:", "【记者】", "【问】", "[记者]", "[问]"];
/// Labels that open the guest's answer without naming the guest.
const ANSWER_LABELS: &[&str] = &["答:", "A:", "【答】", "[答]"];
/// Longest label naming a person, in characters (`嘉宾欧阳明月:`).
const MAX_NAME_LABEL_CHARS: usize = 6;
/// Longest label before a colon, in characters (`成都市武侯区玉林街道党工委书记王芳:`).
const MAX_LABEL_CHARS: usize = 30;
/// Shortest question after its label, in characters, unless it ends with a question mark: `记者:王小明` is a
/// byline.
const MIN_QUESTION_CHARS: usize = 6;
/// Titles said after a surname in an answer's label: `欧阳书记:`, `王主任:`.
const TITLES: &[&str] =
    &["书记", "主任", "村长", "镇长", "乡长", "区长", "县长", "市长", "局长", "院长", "站长", "所长", "校长", "老师"];

/// The statements of a text with questions in it: the lead before the first question split by `lead` (as
/// running text or at headers), then each question and each answer. A guest introduced later (`to_end`: a header
/// line, `记者又采访了……`) answers from there on. `None` when no paragraph is an interviewer's question.
pub(super) fn split(
    lexicon: &Lexicon,
    text: &str,
    paras: &[Range<usize>],
    attributions: &[Attribution],
    lead: impl FnOnce(&[Range<usize>], &[Attribution]) -> Vec<Found>,
) -> Option<Vec<Found>> {
    let questions: Vec<usize> = (0..paras.len()).filter(|&i| is_question(&text[paras[i].clone()])).collect();
    let first = *questions.first()?;
    let in_lead = attributions.partition_point(|a| a.start < paras[first].start);
    let (lead_attributions, later) = attributions.split_at(in_lead);
    // The guest: handed over to by the lead (`记者采访了……书记王芳`), or else the last person it heard speak.
    let mut guest =
        lead_attributions.iter().rev().find(|a| a.to_end).or(lead_attributions.last()).map(|a| a.speaker.clone());
    // The lead introduces the guest (`记者采访了……书记王芳`) without their speaking: that much is narration.
    let spoken: Vec<Attribution> = lead_attributions.iter().filter(|a| !a.to_end).cloned().collect();
    // Everyone the text presents with a post, speaking or not, whom a label may name.
    let people: Vec<SpeakerMatch> =
        attributions.iter().map(|a| a.speaker.clone()).chain(super::attributions::people(lexicon, text)).collect();
    let mut out = lead(&paras[..first], &spoken);
    let mut asked = false;
    for para in &paras[first..] {
        if is_question(&text[para.clone()]) {
            out.push(Found { range: para.clone(), speaker: None });
            asked = true;
            continue;
        }
        // A guest introduced here (a header line of the next section), or an answer naming its speaker.
        let opening = later.iter().find(|a| a.start == para.start || a.to_end && para.contains(&a.start));
        if let Some(introduced) = opening.filter(|a| a.to_end) {
            guest = Some(introduced.speaker.clone());
        }
        let titled = titled_label(text, para.start, &people).map(|speaker| (para.start, speaker));
        let named = titled
            .or_else(|| opening.map(|a| (a.start, a.speaker.clone())))
            .or_else(|| Some((para.start, named_speaker(lexicon, text, para.start, &people)?)));
        match (named, out.last_mut()) {
            (Some((start, speaker)), _) => out.push(Found { range: start..para.end, speaker: Some(speaker) }),
            (None, Some(answer)) if !asked => answer.range.end = para.end,
            (None, _) => {
                let unnamed = label(&text[para.clone()]).is_none_or(|l| ANSWER_LABELS.contains(&l));
                let speaker = unnamed.then(|| guest.clone()).flatten();
                out.push(Found { range: para.clone(), speaker });
            }
        }
        asked = false;
    }
    // Questions and answers with nobody to answer them (a page of FAQs) are running text.
    out.iter().any(|f| f.speaker.is_some()).then_some(out)
}

/// Whether a paragraph opens with an interviewer's label and asks something.
fn is_question(paragraph: &str) -> bool {
    QUESTION_LABELS.iter().any(|label| {
        paragraph.strip_prefix(label).map(str::trim).is_some_and(|rest| {
            rest.chars().count() >= MIN_QUESTION_CHARS || rest.len() > '?'.len_utf8() && rest.ends_with('?')
        })
    })
}

/// The words of the short label that opens the paragraph at `start`: before a colon (`张强:`) or in 【】
/// (`【李建华】`).
fn label_words(text: &str, start: usize) -> Option<Range<usize>> {
    let head = &text[start..label_limit(text, start)];
    if let Some(inner) = head.strip_prefix('【') {
        let close = inner.find('】')?;
        let from = start + '【'.len_utf8();
        return Some(from..from + close);
    }
    head.find(':').map(|colon| start..start + colon)
}

/// The name an answer's label is: `张强:……`, `嘉宾张强:`, `【张强】`.
fn named_label(lexicon: &Lexicon, text: &str, start: usize) -> Option<Range<usize>> {
    let words = label_words(text, start)?;
    let from = words.start + if text[words.clone()].starts_with("嘉宾") { "嘉宾".len() } else { 0 };
    lexicon.is_name(&text[from..words.end]).then_some(from..words.end)
}

/// The speaker an answer's label names (`张强:`), with the post the text gave them if it did (`李华:` after
/// `本期嘉宾:……书记李华`).
fn named_speaker(lexicon: &Lexicon, text: &str, start: usize, people: &[SpeakerMatch]) -> Option<SpeakerMatch> {
    let name = named_label(lexicon, text, start)?;
    let known = people.iter().find(|p| text[p.name.clone()] == text[name.clone()] && !p.role.is_empty());
    Some(match known {
        Some(person) => SpeakerMatch { span: name.clone(), name, ..person.clone() },
        None => {
            SpeakerMatch { span: name.clone(), name: name.clone(), role: name.start..name.start, organization: None }
        }
    })
}

/// The person introduced earlier whom an answer's label calls by surname and title: `欧阳书记:` for 欧阳娜.
fn titled_label(text: &str, start: usize, known: &[SpeakerMatch]) -> Option<SpeakerMatch> {
    let words = label_words(text, start)?;
    let surname = TITLES.iter().find_map(|t| text[words.clone()].strip_suffix(t))?;
    if !(1..=2).contains(&surname.chars().count()) {
        return None;
    }
    let person = known.iter().find(|p| {
        let name = &text[p.name.clone()];
        name.starts_with(surname) && name.len() > surname.len()
    })?;
    Some(SpeakerMatch { span: words, ..person.clone() })
}

/// Where to stop looking for the end of a label: a few characters into the paragraph.
fn label_limit(text: &str, start: usize) -> usize {
    text[start..].char_indices().nth(MAX_NAME_LABEL_CHARS + 2).map_or(text.len(), |(i, _)| start + i)
}

/// The label that opens a paragraph, colon or brackets included: `答:`, `【答】`, `张强:`.
fn label(paragraph: &str) -> Option<&str> {
    if let Some(label) = ANSWER_LABELS.iter().find(|l| paragraph.starts_with(*l)) {
        return Some(label);
    }
    if let Some(inner) = paragraph.strip_prefix('【')
        && let Some(close) = inner.find('】').filter(|&c| inner[..c].chars().count() <= MAX_LABEL_CHARS)
    {
        return Some(&paragraph[..'【'.len_utf8() + close + '】'.len_utf8()]);
    }
    let colon = paragraph.find(':')?;
    let before = &paragraph[..colon];
    (before.chars().count() <= MAX_LABEL_CHARS && before.chars().all(|c| is_cjk(c) || c == ' '))
        .then(|| &paragraph[..colon + 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each statement's first characters with its speaker's name, role and unit.
    fn statements(text: &str) -> Vec<(String, String)> {
        super::super::split(&Lexicon::builtin(), text)
            .into_iter()
            .map(|f| {
                let speaker = f.speaker.map_or(String::new(), |s| {
                    let org = s.organization.map_or("", |o| &text[o]);
                    format!("{}/{}/{}", &text[s.name], &text[s.role], org)
                });
                (text[f.range].chars().take(5).collect(), speaker)
            })
            .collect()
    }

    fn row(start: &str, speaker: &str) -> (String, String) {
        (start.into(), speaker.into())
    }

    #[test]
    fn questions_belong_to_nobody_and_answers_to_the_guest_of_the_lead() {
        let text = "近日,记者采访了武侯区玉林街道玉林东路社区党委书记王芳。\n记者:社区老人多,你们是怎么做的?\n王芳:我们建了长者食堂。\n记者:孩子放学后怎么办?\n我们开办了四点半课堂。";
        let guest = "王芳/党委书记/武侯区玉林街道玉林东路社区";
        assert_eq!(
            statements(text),
            [
                row("近日,记者", ""),
                row("记者:社区", ""),
                row("王芳:我们", guest),
                row("记者:孩子", ""),
                row("我们开办了", guest)
            ]
        );
        let text = "记者近日采访了营平社区党委书记林雅琴。\n问:社区有什么变化?\n答:我们建了食堂。\n问:下一步呢?还有什么打算?\n答:办好老年大学。";
        let guest = "林雅琴/党委书记/营平社区";
        let found = statements(text);
        assert_eq!(found.iter().filter(|(_, s)| s == guest).count(), 2, "{found:?}");
        assert_eq!(found[1], row("问:社区有", ""));
        assert_eq!(found[4], row("答:办好老", guest));
        assert_eq!(found[0], row("记者近日采", ""));
        // A short question still asks; a guest called by surname and title.
        let text = "记者专访了宽巷子社区党委书记欧阳娜。\n问:商户呢?\n欧阳书记:我们成立了商户联盟。\n问:下一步?\n嘉宾欧阳娜:继续做。";
        let guest = "欧阳娜/党委书记/宽巷子社区";
        assert_eq!(
            statements(text),
            [
                row("记者专访了", ""),
                row("问:商户呢", ""),
                row("欧阳书记:", guest),
                row("问:下一步", ""),
                row("嘉宾欧阳娜", guest)
            ]
        );
    }

    #[test]
    fn a_transcript_names_each_answer_by_its_label() {
        let text = "主持人:今年社区在老旧小区改造方面做了哪些工作?\n张强:我们完成了12个院落的改造。\n李红梅:我补充一点,我们村也在做。\n主持人:居民参与度怎么样?\n张强:议事会开了30多次。";
        assert_eq!(
            statements(text),
            [
                row("主持人:今", ""),
                row("张强:我们", "张强//"),
                row("李红梅:我", "李红梅//"),
                row("主持人:居", ""),
                row("张强:议事", "张强//")
            ]
        );
    }

    #[test]
    fn a_guest_presented_by_a_header_answers_and_keeps_the_post_when_named() {
        let text = "本期嘉宾:金牛区抚琴街道西南街社区党委书记李华\n主持人:李书记,社区是怎么推进老旧小区改造的?\n李华:我们首先成立了自管小组。\n主持人:效果怎么样?居民满意吗?\n大家都很满意。";
        let guest = "李华/党委书记/金牛区抚琴街道西南街社区";
        assert_eq!(
            statements(text),
            [
                row("金牛区抚琴", guest),
                row("主持人:李", ""),
                row("李华:我们", guest),
                row("主持人:效", ""),
                row("大家都很满", guest)
            ]
        );
    }

    #[test]
    fn labels_in_square_brackets() {
        let text =
            "猎德社区党委书记李建华在这里工作了十二年。\n【记者】改造后最大的变化是什么?\n【李建华】居民结构变了。";
        let found = statements(text);
        assert_eq!(found[1], row("【记者】改", ""));
        assert_eq!(found[2], row("【李建华】", "李建华/党委书记/猎德社区"));
    }

    #[test]
    fn a_byline_or_an_answer_without_a_guest_is_nobodys() {
        let text = "问:社区有什么变化?\n答:我们建了食堂。\n记者:王小明";
        assert_eq!(statements(text), [row("问:社区有", "")], "a page of questions and answers is one statement");
        assert!(!is_question("记者:王小明"));
        assert!(is_question("记者:社区老人多,你们是怎么做的?"));
    }
}
