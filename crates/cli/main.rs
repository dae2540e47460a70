//! The `jiceng` command: analyze files, folders or standard input and print JSON.
//!
//! Errors on one input are reported for that input (an error record in the output, a line on stderr) and do not
//! stop the others; the exit code says whether anything failed. A closed pipe ends the run quietly.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use jiceng::Analyzer;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
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
        /// Files or folders (their .txt files, recursively); standard input when none.
        paths: Vec<PathBuf>,
        /// `json`: one pretty object, or an array of them for several documents; `jsonl`: one object a line.
        /// Default: json for one document, jsonl for several.
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
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
}

#[derive(clap::Args)]
struct TaxonomyArg {
    /// Extend or replace the built-in themes with a taxonomy file (TOML, or JSON when it ends in .json).
    #[arg(long, value_name = "FILE")]
    taxonomy: Option<PathBuf>,
}

impl TaxonomyArg {
    fn analyzer(&self) -> Result<Analyzer> {
        let Some(path) = &self.taxonomy else { return Ok(Analyzer::new()) };
        let source =
            std::fs::read_to_string(path).with_context(|| format!("cannot read taxonomy {}", path.display()))?;
        let builder = Analyzer::builder();
        let builder = if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            builder.taxonomy_json(source)
        } else {
            builder.taxonomy_toml(source)
        };
        builder.build().with_context(|| format!("taxonomy {}", path.display()))
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Jsonl,
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
        Command::Analyze { paths, format, output, taxonomy } => analyze(&paths, format, output, &taxonomy),
        Command::Themes { taxonomy, json } => themes(&taxonomy, json),
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
        writeln!(
            out,
            "{:<26} {:<8} {:<6} {:>8} {:>5} {:>8}",
            "id", "label", "category", "keywords", "weak", "exclude"
        )?;
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

fn analyze(paths: &[PathBuf], format: Option<Format>, output: Option<PathBuf>, taxonomy: &TaxonomyArg) -> Result<bool> {
    let analyzer = taxonomy.analyzer()?;
    let inputs = collect_inputs(paths)?;
    let format = format.unwrap_or(if inputs.len() == 1 { Format::Json } else { Format::Jsonl });
    let results: Vec<(String, Result<jiceng::Analysis, String>)> = inputs
        .iter()
        .map(|input| {
            (input.id(), input.read().and_then(|bytes| analyzer.analyze_bytes(&bytes).map_err(|e| e.to_string())))
        })
        .map(|(id, result)| (id.clone(), result.map(|a| a.with_id(id))))
        .collect();

    let mut ok = true;
    let records: Vec<serde_json::Value> = results
        .into_iter()
        .map(|(id, result)| match result {
            Ok(analysis) => serde_json::to_value(analysis).expect("an analysis serializes"),
            Err(reason) => {
                ok = false;
                eprintln!("jiceng: {id}: {reason}");
                serde_json::json!({ "id": id, "error": reason })
            }
        })
        .collect();

    let mut out: Box<dyn Write> = match &output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    match (format, records.as_slice()) {
        (Format::Json, [one]) => serde_json::to_writer_pretty(&mut out, one)?,
        (Format::Json, many) => serde_json::to_writer_pretty(&mut out, many)?,
        (Format::Jsonl, many) => {
            for record in many {
                serde_json::to_writer(&mut out, record)?;
                writeln!(out)?;
            }
        }
    }
    if format == Format::Json {
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ok)
}

enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn id(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(path) => path.display().to_string(),
        }
    }

    fn read(&self) -> Result<Vec<u8>, String> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().read_to_end(&mut bytes).map(|_| bytes).map_err(|e| e.to_string())
            }
            Input::File(path) => std::fs::read(path).map_err(|e| e.to_string()),
        }
    }
}

/// Expands folders into their `.txt` files (sorted, so output order is stable); no paths means standard input.
fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    if paths.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files).with_context(|| format!("cannot read folder {}", path.display()))?;
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            files.push(path);
        }
    }
    Ok(())
}
