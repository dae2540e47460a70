//! `jiceng analyze`: documents read, decoded and analyzed in parallel, results written in input order.
//!
//! Documents go through in chunks (a few per worker thread), so memory is bounded by the documents in flight,
//! not by the size of the folder. An input that cannot be read or decoded becomes an error record (and a line on
//! stderr) and the run goes on. With `--incremental`, documents whose bytes hash as in the manifest of the
//! previous run keep their previous record and are not analyzed again.

use crate::inputs::{self, Input};
use crate::manifest::{self, Manifest};
use crate::output::Output;
use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressStyle};
use jiceng::Analyzer;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Documents per worker thread in one chunk.
const CHUNK_PER_THREAD: usize = 8;

/// How results are printed.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Jsonl,
}

/// What `jiceng analyze` was asked to do.
pub struct Options {
    pub paths: Vec<PathBuf>,
    pub format: Option<Format>,
    pub output: Option<PathBuf>,
    pub jobs: Option<usize>,
    pub glob: String,
    pub incremental: bool,
}

/// One document's outcome.
enum Outcome {
    /// The analysis as JSON.
    Analyzed { json: String, hash: String },
    /// Not analyzed again: the previous record stands.
    Unchanged { hash: String },
    /// Could not be read or decoded; `hash` when the bytes were read.
    Failed { reason: String, hash: Option<String> },
}

/// Runs the command; `Ok(false)` when an input failed.
pub fn analyze(analyzer: &Analyzer, options: Options) -> Result<bool> {
    let inputs = inputs::collect(&options.paths, &options.glob)?;
    let format = options.format.unwrap_or(if inputs.len() == 1 { Format::Json } else { Format::Jsonl });
    let previous = match (&options.output, options.incremental) {
        (Some(path), true) if format == Format::Jsonl => Previous::load(path)?,
        (_, true) => {
            bail!("--incremental keeps its results in a JSON Lines file: give -o FILE (and not --format json)")
        }
        _ => Previous::default(),
    };
    let threads = options.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("cannot start worker threads")?;
    let chunk = pool.current_num_threads() * CHUNK_PER_THREAD;
    let progress = progress_bar(inputs.len());

    let mut output = Output::create(options.output.as_deref())?;
    let mut old_results = previous.open_results()?;
    let mut manifest: Vec<(String, String)> = Vec::new();
    let (mut analyzed, mut unchanged, mut failed) = (0usize, 0usize, 0usize);
    let mut first = true;
    let many = inputs.len() != 1;
    if format == Format::Json && many {
        writeln!(output.writer(), "[")?;
    }
    for batch in inputs.chunks(chunk) {
        let outcomes: Vec<Outcome> =
            pool.install(|| batch.par_iter().map(|input| process(analyzer, input, &previous)).collect());
        for (input, outcome) in batch.iter().zip(outcomes) {
            let id = input.id();
            let record = match outcome {
                Outcome::Analyzed { json, hash } => {
                    analyzed += 1;
                    manifest.push((id.clone(), hash));
                    json
                }
                Outcome::Unchanged { hash } => {
                    unchanged += 1;
                    manifest.push((id.clone(), hash));
                    previous.record(&id, old_results.as_mut().expect("unchanged implies previous results"))?
                }
                Outcome::Failed { reason, hash } => {
                    failed += 1;
                    progress.suspend(|| eprintln!("jiceng: {id}: {reason}"));
                    manifest.extend(hash.map(|h| (id.clone(), h)));
                    serde_json::json!({ "id": id, "error": reason }).to_string()
                }
            };
            write_record(output.writer(), format, many, &mut first, &record)?;
            progress.inc(1);
        }
    }
    if format == Format::Json && many {
        writeln!(output.writer(), "\n]")?;
    }
    output.finish()?;
    progress.finish_and_clear();
    if let (Some(path), true) = (&options.output, options.incremental) {
        manifest::Manifest::save(&manifest::path_for(path), &manifest)?;
        let current: std::collections::HashSet<&str> = manifest.iter().map(|(id, _)| id.as_str()).collect();
        let removed = previous.manifest.ids().filter(|id| !current.contains(id)).count();
        if analyzed + failed == 0 {
            eprintln!("jiceng: nothing new to analyze ({unchanged} unchanged, {removed} removed)");
        } else {
            eprintln!("jiceng: {analyzed} analyzed, {failed} failed, {unchanged} unchanged, {removed} removed");
        }
    }
    Ok(failed == 0)
}

/// Reads, hashes, decodes and analyzes one input (or finds it unchanged).
fn process(analyzer: &Analyzer, input: &Input, previous: &Previous) -> Outcome {
    let bytes = match input.read() {
        Ok(bytes) => bytes,
        Err(reason) => return Outcome::Failed { reason, hash: None },
    };
    let hash = manifest::hash(&bytes);
    let id = input.id();
    if previous.is_unchanged(&id, &hash) {
        return Outcome::Unchanged { hash };
    }
    // A bug in an extractor must cost one document, not the batch: a panic becomes that document's error record.
    let analyzed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyzer.analyze_bytes(&bytes)));
    match analyzed {
        Ok(Ok(analysis)) => Outcome::Analyzed {
            json: serde_json::to_string(&analysis.with_id(id)).expect("an analysis serializes"),
            hash,
        },
        Ok(Err(err)) => Outcome::Failed { reason: err.to_string(), hash: Some(hash) },
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            // No hash: the next incremental run tries it again.
            Outcome::Failed { reason: format!("internal error, please report it: {message}"), hash: None }
        }
    }
}

fn write_record(out: &mut dyn Write, format: Format, many: bool, first: &mut bool, record: &str) -> Result<()> {
    match format {
        Format::Jsonl => writeln!(out, "{record}")?,
        Format::Json => {
            let value: serde_json::Value = serde_json::from_str(record)?;
            if many && !*first {
                writeln!(out, ",")?;
            }
            serde_json::to_writer_pretty(&mut *out, &value)?;
            if !many {
                writeln!(out)?;
            }
        }
    }
    *first = false;
    Ok(())
}

/// A progress bar on a terminal; nothing when stderr is piped or redirected.
fn progress_bar(total: usize) -> ProgressBar {
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} documents, {per_sec}, {eta} left") {
        bar.set_style(style);
    }
    if total < 2 {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    bar
}

/// The previous run of an incremental analysis: its manifest, and where each record of its results file is.
#[derive(Default)]
struct Previous {
    manifest: Manifest,
    results: Option<PathBuf>,
    /// Byte offset and length of each document's record in the previous results.
    records: HashMap<String, (u64, usize)>,
}

impl Previous {
    fn load(results: &Path) -> Result<Self> {
        let manifest = Manifest::load(&manifest::path_for(results))?;
        let Ok(file) = std::fs::File::open(results) else { return Ok(Self { manifest, ..Self::default() }) };
        #[derive(serde::Deserialize)]
        struct Id {
            id: Option<String>,
        }
        let mut records = HashMap::new();
        let mut reader = BufReader::new(file);
        let mut offset = 0u64;
        let mut line = String::new();
        loop {
            line.clear();
            let len = reader.read_line(&mut line).with_context(|| format!("cannot read {}", results.display()))?;
            if len == 0 {
                break;
            }
            if let Ok(Id { id: Some(id) }) = serde_json::from_str::<Id>(&line) {
                records.insert(id, (offset, line.trim_end().len()));
            }
            offset += len as u64;
        }
        Ok(Self { manifest, results: Some(results.to_path_buf()), records })
    }

    fn is_unchanged(&self, id: &str, hash: &str) -> bool {
        self.manifest.get(id) == Some(hash) && self.records.contains_key(id)
    }

    fn open_results(&self) -> Result<Option<std::fs::File>> {
        self.results
            .as_ref()
            .map(|p| std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display())))
            .transpose()
    }

    /// The previous record of `id`, read from the previous results file.
    fn record(&self, id: &str, file: &mut std::fs::File) -> Result<String> {
        let (offset, len) = self.records[id];
        file.seek(SeekFrom::Start(offset))?;
        let mut bytes = vec![0; len];
        file.read_exact(&mut bytes)?;
        String::from_utf8(bytes).context("the previous results are not UTF-8")
    }
}
