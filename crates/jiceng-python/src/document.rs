//! One document of a call: converted from its Python object while attached to the interpreter, analyzed while
//! detached, and handed back as the JSON of the CLI (or an `{"id", "error"}` record in a batch).
//!
//! Conversion never fails a batch: an object that is not a document becomes an [`Input`] that fails alone.

use crate::error::{Failure, panic_reason};
use jiceng::Analysis;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use rayon::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

/// A document as Rust holds it, owning its data so that the GIL can be released.
#[derive(Debug)]
pub enum Input {
    /// A Python `str`.
    Text(String),
    /// Bytes in any encoding the core detects.
    Bytes(Vec<u8>),
    /// A file to read and decode.
    File(PathBuf),
}

impl Input {
    /// A text: a `str`, or `bytes`/`bytearray` holding one in any supported encoding.
    pub fn document(obj: &Bound<'_, PyAny>) -> Result<Input, Failure> {
        if obj.is_instance_of::<PyString>() {
            return obj
                .extract::<String>()
                .map(Input::Text)
                .map_err(|e| Failure::Value(format!("the text cannot be encoded as UTF-8 (lone surrogates?): {e}")));
        }
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(bytes.as_bytes().to_vec()));
        }
        if let Ok(bytes) = obj.cast::<PyByteArray>() {
            return Ok(Input::Bytes(bytes.to_vec()));
        }
        let hint = if obj.hasattr("__fspath__").unwrap_or(false) { "; to read files use analyze_files()" } else { "" };
        Err(Failure::Type(format!(
            "expected a text (str, or bytes in a supported encoding), got {}{hint}",
            describe(obj)
        )))
    }

    /// A file: a `str` or `os.PathLike` path.
    pub fn file(obj: &Bound<'_, PyAny>) -> Result<Input, Failure> {
        obj.extract::<PathBuf>()
            .map(Input::File)
            .map_err(|_| Failure::Type(format!("expected a path (str or os.PathLike), got {}", describe(obj))))
    }

    /// The id a document gets when the caller gives none: a file is known by its path, as in the CLI.
    fn default_id(&self) -> Option<String> {
        match self {
            Input::File(path) => Some(path.display().to_string()),
            Input::Text(_) | Input::Bytes(_) => None,
        }
    }
}

/// The type and a short repr of an object, for error messages.
fn describe(obj: &Bound<'_, PyAny>) -> String {
    let kind = obj.get_type().qualname().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
    let repr = obj.repr().map(|r| r.to_string()).unwrap_or_default();
    let repr: String =
        if repr.chars().count() > 60 { repr.chars().take(57).chain("...".chars()).collect() } else { repr };
    format!("{kind} ({repr})")
}

/// What goes back to Python for one document.
pub struct Output {
    /// False when `json` is an error record (in a batch) instead of an analysis.
    pub ok: bool,
    /// The analysis (or, in a batch, the error record) as JSON.
    pub json: String,
    /// The text when Rust decoded it (bytes, files); a `str` input is kept by Python itself.
    pub text: Option<String>,
}

/// Analyzes one document, with the caller's id or else the document's own.
pub fn analyze(analyzer: &jiceng::Analyzer, input: Input, id: Option<String>) -> Result<Output, Failure> {
    guarded(|| {
        let id = id.or_else(|| input.default_id());
        let (mut analysis, text) = match input {
            Input::Text(text) => (analyzer.try_analyze(&text)?, None),
            // The core's decode + analyze is exactly `Analyzer::analyze_bytes`, which drops the decoded text;
            // Python needs it to slice and highlight.
            Input::Bytes(bytes) => decode_and_analyze(analyzer, &bytes)?,
            Input::File(path) => decode_and_analyze(analyzer, &std::fs::read(path)?)?,
        };
        analysis.id = id;
        Ok(Output { ok: true, json: to_json(&analysis), text })
    })
}

/// What `Analyzer::analyze_bytes` does (size check, decode, analyze, decoding warnings), keeping the text.
fn decode_and_analyze(analyzer: &jiceng::Analyzer, bytes: &[u8]) -> Result<(Analysis, Option<String>), Failure> {
    let limit = analyzer.max_document_bytes();
    if bytes.len() > limit {
        return Err(jiceng::Error::TooLarge { bytes: bytes.len(), limit }.into());
    }
    let decoded = jiceng::text::decode::decode(bytes)?;
    let mut analysis = analyzer.analyze(&decoded.text);
    analysis.warnings = decoded.warnings();
    Ok((analysis, Some(decoded.text)))
}

fn to_json(analysis: &Analysis) -> String {
    serde_json::to_string(analysis).expect("an analysis serializes")
}

/// Analyzes many documents in parallel, in input order; a failed document becomes an error record.
///
/// `threads` runs the batch in a pool of its own of that size; `None` uses rayon's global pool.
pub fn analyze_batch(
    analyzer: &jiceng::Analyzer,
    documents: Vec<(Result<Input, Failure>, Option<String>)>,
    threads: Option<usize>,
) -> Result<Vec<Output>, Failure> {
    let work = move || -> Vec<Output> {
        documents
            .into_par_iter()
            .map(|(input, id)| {
                let id = id.or_else(|| input.as_ref().ok().and_then(Input::default_id));
                input.and_then(|input| analyze(analyzer, input, id.clone())).unwrap_or_else(|failure| Output {
                    ok: false,
                    json: serde_json::json!({ "id": id, "error": failure.message() }).to_string(),
                    text: None,
                })
            })
            .collect()
    };
    match threads {
        None => Ok(work()),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| Failure::Value(format!("cannot start {n} threads: {e}")))?;
            Ok(pool.install(work))
        }
    }
}

/// Runs Rust work so that a panic comes back as a [`Failure`]: Python then sees `JicengError`, never pyo3's
/// `PanicException` (a BaseException that `except Exception` misses) or an abort.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| Err(Failure::Panic(panic_reason(&*payload))))
}
