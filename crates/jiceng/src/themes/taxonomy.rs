//! The theme taxonomy: the built-in one (`data/taxonomy.toml`) and user changes to it from TOML or JSON.
//!
//! A user file either extends the taxonomy in use (new themes, more keywords or exclusions for a built-in
//! theme) or, with `replace = true`, replaces it. Every error names the line and the field at fault.

use crate::error::{Error, Result};
use crate::text::normalize::Normalized;
use serde::{Deserialize, Serialize};

const BUILTIN: &str = include_str!("../../data/taxonomy.toml");

/// A set of themes to match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    /// Version of the taxonomy, e.g. `2026.1`.
    pub version: String,
    /// The themes, in the order `jiceng themes` lists them.
    pub themes: Vec<ThemeDefinition>,
}

/// One theme and the phrases that are evidence of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeDefinition {
    /// Stable snake_case id, e.g. `party_building`.
    pub id: String,
    /// Short Chinese name, e.g. `党建`.
    pub label: String,
    /// Group of themes, e.g. `治理`.
    pub category: String,
    /// What the theme covers.
    #[serde(default)]
    pub description: String,
    /// Phrases of which one mention is evidence.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Common words that count half: evidence only together with more.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Phrases that contain a keyword but are not evidence (job titles, set phrases of other topics).
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// A user's change to the taxonomy, as read from a file or built in code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyUpdate {
    /// Replace the taxonomy in use instead of extending it.
    #[serde(default)]
    pub replace: bool,
    /// Version of the resulting taxonomy (kept as it was when absent).
    #[serde(default)]
    pub version: Option<String>,
    /// Themes to add, or to extend when their id exists.
    #[serde(default)]
    pub themes: Vec<ThemeUpdate>,
}

/// A new theme, or more phrases for an existing one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeUpdate {
    /// Id of the theme to add or extend.
    pub id: String,
    /// Label (required for a new theme).
    #[serde(default)]
    pub label: Option<String>,
    /// Category (required for a new theme).
    #[serde(default)]
    pub category: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Keywords to add.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Weak words to add.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Exclusions to add.
    #[serde(default)]
    pub exclude: Vec<String>,
}

impl Taxonomy {
    /// The taxonomy that ships with jiceng.
    pub fn builtin() -> Self {
        let taxonomy: Taxonomy = toml::from_str(BUILTIN).expect("the built-in taxonomy parses");
        taxonomy.validate(BUILTIN).expect("the built-in taxonomy is valid");
        taxonomy
    }

    /// Applies a user's change: extends this taxonomy or replaces it.
    pub fn apply(&mut self, update: TaxonomyUpdate) -> Result<()> {
        self.apply_from(update, "")
    }

    fn apply_from(&mut self, update: TaxonomyUpdate, source: &str) -> Result<()> {
        if update.replace {
            self.themes.clear();
        }
        if let Some(version) = update.version {
            self.version = version;
        }
        for theme in update.themes {
            match self.themes.iter_mut().find(|t| t.id == theme.id) {
                Some(existing) => {
                    existing.label = theme.label.unwrap_or(existing.label.clone());
                    existing.category = theme.category.unwrap_or(existing.category.clone());
                    existing.description = theme.description.unwrap_or(existing.description.clone());
                    existing.keywords.extend(theme.keywords);
                    existing.weak.extend(theme.weak);
                    existing.exclude.extend(theme.exclude);
                }
                None => {
                    let line = line_of_id(source, &theme.id);
                    let missing = |field: &str| invalid(line, format!("new theme `{}` needs a `{field}`", theme.id));
                    self.themes.push(ThemeDefinition {
                        label: theme.label.ok_or_else(|| missing("label"))?,
                        category: theme.category.ok_or_else(|| missing("category"))?,
                        description: theme.description.unwrap_or_default(),
                        keywords: theme.keywords,
                        weak: theme.weak,
                        exclude: theme.exclude,
                        id: theme.id,
                    });
                }
            }
        }
        self.validate(source)
    }

    /// Checks ids, labels and phrases; `source` is the file they came from, for line numbers.
    fn validate(&self, source: &str) -> Result<()> {
        let mut seen = std::collections::HashSet::new();
        for theme in &self.themes {
            let line = line_of_id(source, &theme.id);
            let valid_id = theme.id.starts_with(|c: char| c.is_ascii_lowercase())
                && theme.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid_id {
                return Err(invalid(line, format!("field `id`: `{}` is not snake_case ASCII", theme.id)));
            }
            if !seen.insert(&theme.id) {
                return Err(invalid(line, format!("field `id`: theme `{}` is defined twice", theme.id)));
            }
            if theme.label.trim().is_empty() {
                return Err(invalid(line, format!("field `label` of theme `{}` is empty", theme.id)));
            }
            if theme.keywords.is_empty() && theme.weak.is_empty() {
                return Err(invalid(line, format!("theme `{}` has no `keywords` and no `weak` words", theme.id)));
            }
            for (field, phrases) in [("keywords", &theme.keywords), ("weak", &theme.weak), ("exclude", &theme.exclude)]
            {
                if phrases.iter().any(|p| p.trim().is_empty()) {
                    return Err(invalid(line, format!("field `{field}` of theme `{}` has an empty phrase", theme.id)));
                }
            }
        }
        Ok(())
    }

    /// Reads a taxonomy file in TOML and applies it to a copy of `self`.
    pub fn with_toml(&self, source: &str) -> Result<Self> {
        let update: TaxonomyUpdate = toml::from_str(source).map_err(|e| {
            let line = e.span().map_or(0, |s| source[..s.start].matches('\n').count() + 1);
            invalid(line, e.message().to_string())
        })?;
        let mut taxonomy = self.clone();
        taxonomy.apply_from(update, source)?;
        Ok(taxonomy)
    }

    /// Reads a taxonomy file in JSON and applies it to a copy of `self`.
    pub fn with_json(&self, source: &str) -> Result<Self> {
        let update: TaxonomyUpdate = serde_json::from_str(source).map_err(|e| invalid(e.line(), e.to_string()))?;
        let mut taxonomy = self.clone();
        taxonomy.apply_from(update, source)?;
        Ok(taxonomy)
    }
}

impl ThemeDefinition {
    /// The theme's phrases in matching form (simplified, half-width), each with how it counts.
    pub(crate) fn phrases(&self) -> impl Iterator<Item = (String, Evidence)> + '_ {
        let normal = |p: &String| Normalized::new(p.trim()).as_str().to_string();
        (self.keywords.iter().map(move |p| (normal(p), Evidence::Keyword)))
            .chain(self.weak.iter().map(move |p| (normal(p), Evidence::Weak)))
            .chain(self.exclude.iter().map(move |p| (normal(p), Evidence::Exclude)))
    }
}

/// How a phrase counts for its theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    Keyword,
    Weak,
    Exclude,
}

fn invalid(line: usize, reason: String) -> Error {
    Error::InvalidData { what: "taxonomy", line, reason }
}

/// Line (1-based) on which `id` is declared in `source`, 0 when it cannot be found.
fn line_of_id(source: &str, id: &str) -> usize {
    let quoted = format!("\"{id}\"");
    source.lines().position(|l| l.contains(&quoted) && l.contains("id")).map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_taxonomy_has_the_contracts_themes() {
        let taxonomy = Taxonomy::builtin();
        let ids: Vec<&str> = taxonomy.themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.len(), 23);
        for (id, label, category) in [
            ("party_building", "党建", "治理"),
            ("complete_community", "完整社区", "宜居"),
            ("elderly_and_children", "一老一小", "民生"),
            ("culture_tourism", "文旅融合", "发展"),
            ("neighbourliness", "邻里营造", "文化"),
        ] {
            let theme = taxonomy.themes.iter().find(|t| t.id == id).unwrap();
            assert_eq!((theme.label.as_str(), theme.category.as_str()), (label, category));
        }
    }

    #[test]
    fn a_file_adds_a_theme_and_extends_another() {
        let source = "[[themes]]\nid = \"night_economy\"\nlabel = \"夜间经济\"\ncategory = \"发展\"\nkeywords = [\"夜市\"]\n\n[[themes]]\nid = \"party_building\"\nkeywords = [\"红色管家\"]\n";
        let taxonomy = Taxonomy::builtin().with_toml(source).unwrap();
        assert_eq!(taxonomy.themes.len(), 24);
        assert!(
            taxonomy.themes.iter().find(|t| t.id == "party_building").unwrap().keywords.contains(&"红色管家".into())
        );
        let replaced = Taxonomy::builtin()
            .with_json(
                r#"{"replace": true, "themes": [{"id": "x", "label": "X", "category": "c", "keywords": ["夜市"]}]}"#,
            )
            .unwrap();
        assert_eq!(replaced.themes.len(), 1);
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let base = Taxonomy::builtin();
        let err = base
            .with_toml("[[themes]]\nid = \"x\"\nlabel = \"X\"\ncategory = \"c\"\nkeyword = [\"夜市\"]\n")
            .unwrap_err();
        assert!(matches!(&err, Error::InvalidData { line: 5, reason, .. } if reason.contains("keyword")), "{err}");
        let err = base.with_toml("[[themes]]\nid = \"night\"\nkeywords = [\"夜市\"]\n").unwrap_err();
        assert!(matches!(&err, Error::InvalidData { line: 2, reason, .. } if reason.contains("`label`")), "{err}");
        let err = base
            .with_json(
                "{\n\"themes\": [{\"id\": \"Bad Id\", \"label\": \"x\", \"category\": \"c\", \"keywords\": [\"a\"]}]}",
            )
            .unwrap_err();
        assert!(matches!(&err, Error::InvalidData { line: 2, reason, .. } if reason.contains("snake_case")), "{err}");
        let err = base.with_json("{\"themes\": [}").unwrap_err();
        assert!(matches!(&err, Error::InvalidData { line: 1, .. }), "{err}");
    }
}
