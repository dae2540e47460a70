//! The output types: what an analysis reports, in the JSON shape of the extraction contract.
//!
//! Every offset is a character offset (Unicode scalar values) into the original input, end exclusive, so that
//! Python's `text[start:end]` and [`crate::slice_chars`] give back the item's `text`.

use serde::{Deserialize, Serialize};

/// The analysis of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Caller-supplied document id (a path, a URL), `null` when none was given.
    pub id: Option<String>,
    /// Length of the original text in characters.
    pub chars: usize,
    /// Who said what: the document split by speaker.
    pub statements: Vec<Statement>,
    /// Themes of the taxonomy the document speaks of, highest score first.
    pub themes: Vec<Theme>,
    /// Named places in document order.
    pub places: Vec<Place>,
    /// Items of numbered enumerations in document order.
    pub plan_items: Vec<PlanItem>,
    /// Numbered slogans in document order.
    pub formulas: Vec<Formula>,
    /// Salient phrases no theme covers, highest weight first.
    pub keyphrases: Vec<Keyphrase>,
    /// What had to be worked around in the input, such as bytes replaced in decoding; omitted when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
}

impl Analysis {
    /// Sets the document id, for use in a builder-like chain.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
}

/// A stretch of the document attributed to one speaker (or to nobody).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// First character of the statement, its speaker header included.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// Who said it; `None` for a text with no speaker at all.
    pub speaker: Option<Speaker>,
    /// Ids of the themes found in this statement.
    pub themes: Vec<String>,
    /// Indices into [`Analysis::places`].
    pub places: Vec<usize>,
    /// Indices into [`Analysis::plan_items`].
    pub plan_items: Vec<usize>,
    /// Indices into [`Analysis::formulas`].
    pub formulas: Vec<usize>,
}

/// The person a statement is attributed to, as the text introduces them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The person, e.g. `刘晓` or `罗女士`.
    pub name: String,
    /// The post in simplified characters, e.g. `党委书记`; several posts are joined by `、`.
    pub role: String,
    /// The unit as printed, e.g. `锦江区成龙路街道枫树社区`; empty when the text names none.
    pub organization: String,
    /// The header or attribution exactly as it stands in the original text.
    pub text: String,
    /// First character of the header or attribution.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
}

/// A stretch of the original text that is evidence for something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The original text of the span.
    pub text: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A theme of the taxonomy found in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable snake_case id, e.g. `party_building`.
    pub id: String,
    /// Short Chinese name, e.g. `党建`.
    pub label: String,
    /// Group of themes, e.g. `治理`.
    pub category: String,
    /// Number of evidence spans.
    pub count: usize,
    /// Rank of the theme within the document, 0..1.
    pub score: f64,
    /// The words that justify the theme.
    pub evidence: Vec<Mention>,
}

/// The level or sort of a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A country.
    Country,
    /// Province, autonomous region or municipality.
    Province,
    /// Prefecture-level city.
    City,
    /// District, county or county-level city.
    County,
    /// High-tech zone, new area, development zone.
    Zone,
    /// Sub-district (街道), town or township.
    Township,
    /// Urban community (社区) or village.
    Community,
    /// Housing estate (小区, 院落).
    Estate,
    /// Scenic site, building, mall, park, road, square, industrial park.
    Landmark,
}

/// A named place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The original text of the mention.
    pub text: String,
    /// The name in simplified characters.
    pub name: String,
    /// Level or sort.
    pub kind: PlaceKind,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// 12-digit statistical division code when resolved.
    pub code: Option<String>,
    /// Administrative path from province down to the place itself; empty when unresolved.
    pub path: Vec<String>,
}

/// One item of a numbered enumeration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanItem {
    /// Which enumeration, 0-based in document order.
    pub list: usize,
    /// 1-based position the marker states.
    pub ordinal: u32,
    /// The marker as printed, e.g. `一是` or `（二）`.
    pub marker: String,
    /// The item from its marker to its end.
    pub text: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One number–unit pair of a slogan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormulaPart {
    /// The number, e.g. 2 for `两翼`.
    pub number: u32,
    /// What is counted, e.g. `翼`.
    pub unit: String,
}

/// A numbered slogan such as `一核两翼三全四圈五化`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Formula {
    /// The slogan as printed.
    pub text: String,
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Number–unit pairs in order.
    pub parts: Vec<FormulaPart>,
    /// The phrases the text enumerates as what the number counts.
    pub members: Vec<Mention>,
}

/// A salient phrase that no theme covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyphrase {
    /// The phrase.
    pub text: String,
    /// Weight in 0..1.
    pub weight: f64,
}

/// Something in the input the analysis worked around instead of refusing the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What happened.
    pub kind: WarningKind,
    /// How many times, e.g. how many invalid byte sequences.
    pub count: usize,
    /// The same in words, e.g. `3 invalid byte sequences in GB18030 replaced by U+FFFD`.
    pub message: String,
}

/// The sorts of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// Byte sequences invalid in the document's encoding (a lone UTF-16 surrogate included) were decoded as
    /// U+FFFD: the text around them is analyzed, what they held is lost.
    ReplacedBytes,
}
