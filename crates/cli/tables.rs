//! Long-format tables of a results file — one row per statement, theme evidence, place, plan item or formula,
//! each with the document id, the statement index and that statement's speaker and county — the same tables as
//! `jiceng.to_frames` in Python, for `jiceng export` and `jiceng summary`.

use anyhow::{Context, Result};
use jiceng::{Analysis, PlaceKind, Statement};
use std::io::BufRead;
use std::path::Path;

/// The tables, with their columns in order.
pub const TABLES: &[(&str, &[&str])] = &[
    (
        "statements",
        &[
            "id",
            "statement",
            "speaker",
            "role",
            "organization",
            "county",
            "start",
            "end",
            "speaker_start",
            "speaker_end",
        ],
    ),
    (
        "themes",
        &[
            "id",
            "statement",
            "speaker",
            "role",
            "organization",
            "county",
            "theme",
            "label",
            "category",
            "count",
            "score",
            "text",
            "start",
            "end",
        ],
    ),
    (
        "places",
        &[
            "id",
            "statement",
            "speaker",
            "role",
            "organization",
            "county",
            "text",
            "name",
            "kind",
            "code",
            "path",
            "start",
            "end",
        ],
    ),
    (
        "plan_items",
        &[
            "id",
            "statement",
            "speaker",
            "role",
            "organization",
            "county",
            "list",
            "ordinal",
            "marker",
            "text",
            "start",
            "end",
        ],
    ),
    (
        "formulas",
        &["id", "statement", "speaker", "role", "organization", "county", "text", "parts", "members", "start", "end"],
    ),
];

/// Reads the analyses of a results file (JSON Lines); error records are skipped and counted.
pub fn read_results(path: &Path) -> Result<(Vec<Analysis>, usize)> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut analyses = Vec::new();
    let mut errors = 0;
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(&line).with_context(|| format!("{} line {}: not JSON", path.display(), i + 1))?;
        if value.get("error").is_some() {
            errors += 1;
            continue;
        }
        analyses.push(
            serde_json::from_value(value)
                .with_context(|| format!("{} line {}: not a jiceng analysis", path.display(), i + 1))?,
        );
    }
    Ok((analyses, errors))
}

/// The rows of `table` for one analysis.
pub fn rows(table: &str, analysis: &Analysis) -> Vec<Vec<String>> {
    let who = |start: usize| who(analysis, start);
    let mut rows = Vec::new();
    match table {
        "statements" => {
            for (i, s) in analysis.statements.iter().enumerate() {
                let mut row = who_of(analysis, Some(i));
                let speaker = s.speaker.as_ref();
                row.extend([
                    s.start.to_string(),
                    s.end.to_string(),
                    speaker.map(|p| p.start.to_string()).unwrap_or_default(),
                    speaker.map(|p| p.end.to_string()).unwrap_or_default(),
                ]);
                rows.push(row);
            }
        }
        "themes" => {
            for t in &analysis.themes {
                for e in &t.evidence {
                    let mut row = who(e.start);
                    row.extend([
                        t.id.clone(),
                        t.label.clone(),
                        t.category.clone(),
                        t.count.to_string(),
                        t.score.to_string(),
                        e.text.clone(),
                        e.start.to_string(),
                        e.end.to_string(),
                    ]);
                    rows.push(row);
                }
            }
        }
        "places" => {
            for p in &analysis.places {
                let mut row = who(p.start);
                row.extend([
                    p.text.clone(),
                    p.name.clone(),
                    serde_json::to_value(p.kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                    p.code.clone().unwrap_or_default(),
                    p.path.join("/"),
                    p.start.to_string(),
                    p.end.to_string(),
                ]);
                rows.push(row);
            }
        }
        "plan_items" => {
            for p in &analysis.plan_items {
                let mut row = who(p.start);
                row.extend([
                    p.list.to_string(),
                    p.ordinal.to_string(),
                    p.marker.clone(),
                    p.text.clone(),
                    p.start.to_string(),
                    p.end.to_string(),
                ]);
                rows.push(row);
            }
        }
        "formulas" => {
            for f in &analysis.formulas {
                let mut row = who(f.start);
                let parts: Vec<String> = f.parts.iter().map(|p| format!("{}{}", p.number, p.unit)).collect();
                let members: Vec<&str> = f.members.iter().map(|m| m.text.as_str()).collect();
                row.extend([
                    f.text.clone(),
                    parts.join(" "),
                    members.join("、"),
                    f.start.to_string(),
                    f.end.to_string(),
                ]);
                rows.push(row);
            }
        }
        _ => {}
    }
    rows
}

/// The statement an offset is in, if any.
fn statement_at(analysis: &Analysis, at: usize) -> Option<usize> {
    let i = analysis.statements.partition_point(|s| s.start <= at).checked_sub(1)?;
    (at < analysis.statements[i].end).then_some(i)
}

fn who(analysis: &Analysis, start: usize) -> Vec<String> {
    who_of(analysis, statement_at(analysis, start))
}

/// id, statement, speaker, role, organization, county.
fn who_of(analysis: &Analysis, statement: Option<usize>) -> Vec<String> {
    let s: Option<&Statement> = statement.map(|i| &analysis.statements[i]);
    let speaker = s.and_then(|s| s.speaker.as_ref());
    vec![
        analysis.id.clone().unwrap_or_default(),
        statement.map(|i| i.to_string()).unwrap_or_default(),
        speaker.map(|p| p.name.clone()).unwrap_or_default(),
        speaker.map(|p| p.role.clone()).unwrap_or_default(),
        speaker.map(|p| p.organization.clone()).unwrap_or_default(),
        county(analysis, s).unwrap_or_default(),
    ]
}

/// The county (区, 县, 县级市) a statement is about: the county of the first administrative place in it, else of
/// the first in the document.
pub fn county(analysis: &Analysis, statement: Option<&Statement>) -> Option<String> {
    let county_of = |i: usize| {
        let place = &analysis.places[i];
        match place.kind {
            PlaceKind::County => Some(place.name.clone()),
            _ => place.path.get(2).filter(|_| place.path.len() > 3 || place.kind != PlaceKind::Zone).cloned(),
        }
    };
    statement
        .and_then(|s| s.places.iter().find_map(|&i| county_of(i)))
        .or_else(|| (0..analysis.places.len()).find_map(county_of))
}
