//! The `jiceng` command: analyze files, folders or standard input; list the themes; turn results into tables.
//!
//! Errors on one input are reported for that input (an error record in the output, a line on stderr) and do not
//! stop the others; the exit code says whether anything failed. A closed pipe ends the run quietly.

mod inputs;
mod manifest;
mod output;
mod run;
mod tables;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use jiceng::Analyzer;
use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "jiceng",
    version,
    about = "Extract themes, places, plan items, slogans and speakers from Chinese grassroots-governance texts"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyze texts and print one JSON object per document.
    Analyze {
        /// Files or folders (their files matching --glob, recursively); standard input when none.
        paths: Vec<PathBuf>,
        /// `json`: one pretty object, or an array of them for several documents; `jsonl`: one object a line.
        /// Default: json for one document, jsonl for several.
        #[arg(long, value_enum)]
        format: Option<run::Format>,
        /// Write to FILE (complete or not at all: it is written under a temporary name and renamed).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Worker threads (default: all cores).
        #[arg(short, long, value_name = "N")]
        jobs: Option<usize>,
        /// Which files of a folder to read.
        #[arg(long, default_value = "*.txt", value_name = "PATTERN")]
        glob: String,
        /// Analyze only documents that are new or changed since the last run into -o FILE (by content hash, kept
        /// in FILE.manifest); the others keep their records, deleted ones are dropped.
        #[arg(long, requires = "output")]
        incremental: bool,
        /// Refuse documents larger than this many megabytes (10^6 bytes) with an error record (default 256 MiB;
        /// analysis needs about 20 bytes of memory per byte of text).
        #[arg(long, value_name = "MB")]
        max_document_mb: Option<f64>,
        #[command(flatten)]
        taxonomy: TaxonomyArg,
    },
    /// List the themes in use: id, label, category and how many phrases each has.
    Themes {
        #[command(flatten)]
        taxonomy: TaxonomyArg,
        /// Print the whole taxonomy as JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Write one long-format table of a results file as CSV (the tables of jiceng.to_frames in Python).
    Export {
        /// A JSON Lines results file of `jiceng analyze`.
        results: PathBuf,
        /// Which table.
        #[arg(long, value_enum)]
        table: Table,
        /// Output format.
        #[arg(long, value_enum, default_value = "csv")]
        format: ExportFormat,
        /// Start the file with a UTF-8 byte-order mark, so that Excel reads the Chinese correctly.
        #[arg(long)]
        bom: bool,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Count statements by county and theme: the first table a journalist wants.
    Summary {
        /// A JSON Lines results file of `jiceng analyze`.
        results: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Table {
    Statements,
    Themes,
    Places,
    #[value(name = "plan_items")]
    PlanItems,
    Formulas,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Statements => "statements",
            Table::Themes => "themes",
            Table::Places => "places",
            Table::PlanItems => "plan_items",
            Table::Formulas => "formulas",
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Csv,
    Tsv,
}

#[derive(clap::Args)]
struct TaxonomyArg {
    /// Extend or replace the built-in themes with a taxonomy file (TOML, or JSON when it ends in .json).
    #[arg(long, value_name = "FILE")]
    taxonomy: Option<PathBuf>,
    /// Add places the gazetteer lacks: one `name<TAB>kind[<TAB>parent]` per line (kinds: estate, landmark,
    /// community, township …).
    #[arg(long, value_name = "FILE")]
    places: Option<PathBuf>,
    /// The region that settles place names found in several regions (default 成都市): a name or a code prefix;
    /// `none` leaves them unresolved.
    #[arg(long, value_name = "REGION")]
    home_region: Option<String>,
}

impl TaxonomyArg {
    fn analyzer(&self) -> Result<Analyzer> {
        self.analyzer_with(Analyzer::builder())
    }

    fn analyzer_with(&self, builder: jiceng::AnalyzerBuilder) -> Result<Analyzer> {
        let read =
            |path: &PathBuf| std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()));
        let mut builder = builder;
        if let Some(path) = &self.taxonomy {
            let source = read(path)?;
            builder = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
                builder.taxonomy_json(source)
            } else {
                builder.taxonomy_toml(source)
            };
        }
        if let Some(path) = &self.places {
            builder = builder.places(read(path)?);
        }
        if let Some(region) = &self.home_region {
            builder = builder.home_region((region != "none").then_some(region.as_str()));
        }
        builder.build().map_err(|err| {
            // The core names the kind of data and the line; the file is known here.
            let source = match &err {
                jiceng::Error::InvalidData { what: "taxonomy", .. } => self.taxonomy.as_ref().map(|p| p.display()),
                jiceng::Error::InvalidData { what: "places" | "place", .. } => {
                    self.places.as_ref().map(|p| p.display())
                }
                _ => None,
            };
            let context = source.map_or_else(|| "--home-region".into(), |path| path.to_string());
            anyhow::Error::new(err).context(format!("in {context}"))
        })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("jiceng: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

/// Runs the command; `Ok(false)` when some input failed.
fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Analyze { paths, format, output, jobs, glob, incremental, max_document_mb, taxonomy } => {
            let mut builder = Analyzer::builder();
            if let Some(mb) = max_document_mb {
                anyhow::ensure!(mb.is_finite() && mb >= 0.0, "--max-document-mb must be a size in MB, not {mb}");
                builder = builder.max_document_bytes((mb * 1e6) as usize);
            }
            let analyzer = taxonomy.analyzer_with(builder)?;
            run::analyze(&analyzer, run::Options { paths, format, output, jobs, glob, incremental })
        }
        Command::Themes { taxonomy, json } => themes(&taxonomy, json),
        Command::Export { results, table, format, bom, output } => export(&results, table, format, bom, output),
        Command::Summary { results } => summary(&results),
    }
}

fn themes(taxonomy: &TaxonomyArg, json: bool) -> Result<bool> {
    let analyzer = taxonomy.analyzer()?;
    let taxonomy = analyzer.taxonomy();
    let mut out = BufWriter::new(io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, taxonomy)?;
        writeln!(out)?;
    } else {
        writeln!(out, "taxonomy version {}: {} themes", taxonomy.version, taxonomy.themes.len())?;
        let (label, category) = (pad("label", 12), pad("category", 8));
        writeln!(out, "{:<26} {label} {category} {:>8} {:>5} {:>8}", "id", "keywords", "weak", "exclude")?;
        for t in &taxonomy.themes {
            let label = pad(&t.label, 12);
            let category = pad(&t.category, 8);
            let (k, w, e) = (t.keywords.len(), t.weak.len(), t.exclude.len());
            writeln!(out, "{:<26} {label} {category} {k:>8} {w:>5} {e:>8}", t.id)?;
        }
    }
    out.flush()?;
    Ok(true)
}

/// Pads to a display width, counting a Chinese character as two columns.
fn pad(text: &str, width: usize) -> String {
    let used: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}

fn export(
    results: &std::path::Path,
    table: Table,
    format: ExportFormat,
    bom: bool,
    out: Option<PathBuf>,
) -> Result<bool> {
    let (analyses, errors) = tables::read_results(results)?;
    let (name, columns) = tables::TABLES.iter().find(|(n, _)| *n == table.name()).expect("every table has columns");
    let mut output = output::Output::create(out.as_deref())?;
    if bom {
        output.writer().write_all("\u{feff}".as_bytes())?;
    }
    let delimiter = match format {
        ExportFormat::Csv => b',',
        ExportFormat::Tsv => b'\t',
    };
    let mut writer = csv::WriterBuilder::new().delimiter(delimiter).from_writer(output.writer());
    writer.write_record(*columns)?;
    for analysis in &analyses {
        for row in tables::rows(name, analysis) {
            writer.write_record(&row)?;
        }
    }
    writer.flush()?;
    drop(writer);
    output.finish()?;
    if errors > 0 {
        eprintln!("jiceng: {errors} error records in {} skipped", results.display());
    }
    Ok(true)
}

fn summary(results: &std::path::Path) -> Result<bool> {
    let (analyses, errors) = tables::read_results(results)?;
    // (county, theme) → (statements, documents)
    let mut counts: BTreeMap<(String, String), (usize, usize)> = BTreeMap::new();
    for analysis in &analyses {
        let mut in_document = std::collections::HashSet::new();
        for statement in &analysis.statements {
            let county = tables::county(analysis, Some(statement)).unwrap_or_else(|| "(unknown)".into());
            for theme in &statement.themes {
                let entry = counts.entry((county.clone(), theme.clone())).or_default();
                entry.0 += 1;
                if in_document.insert((county.clone(), theme.clone())) {
                    entry.1 += 1;
                }
            }
        }
    }
    // Labels as the results carry them (a user taxonomy's included).
    let labels: BTreeMap<&str, &str> =
        analyses.iter().flat_map(|a| &a.themes).map(|t| (t.id.as_str(), t.label.as_str())).collect();
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| a.0.0.cmp(&b.0.0).then(b.1.0.cmp(&a.1.0)).then(a.0.1.cmp(&b.0.1)));
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(out, "{} documents ({errors} error records skipped)", analyses.len())?;
    writeln!(
        out,
        "{} {:<26} {} {:>10} {:>9}",
        pad("county", 14),
        "theme",
        pad("label", 12),
        "statements",
        "documents"
    )?;
    for ((county, theme), (statements, documents)) in rows {
        let label = labels.get(theme.as_str()).copied().unwrap_or("");
        writeln!(out, "{} {theme:<26} {} {statements:>10} {documents:>9}", pad(&county, 14), pad(label, 12))?;
    }
    out.flush()?;
    Ok(true)
}
