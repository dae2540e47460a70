//! `jiceng._jiceng.Analyzer`: the core analyzer behind the Python `jiceng.Analyzer`.
//!
//! Each method converts its arguments while attached, releases the GIL for all Rust work, and returns JSON strings
//! (one Python object per document, never one per token); `python/jiceng` turns them into `Analysis` objects.

use crate::document::{self, Input, Output, guarded};
use crate::error::Failure;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The compiled analyzer. Use `jiceng.Analyzer`, which wraps it; this class returns JSON strings.
#[pyclass(frozen, module = "jiceng._jiceng", name = "Analyzer")]
pub struct PyAnalyzer {
    inner: jiceng::Analyzer,
    /// The user dictionary as text, kept so that Python can pickle the analyzer by its arguments.
    dictionary: Option<String>,
    /// The user taxonomy file (JSON or TOML text) as given, kept for the same reason.
    taxonomy_json: Option<String>,
    taxonomy_toml: Option<String>,
    /// The user place list (`name<TAB>kind[<TAB>parent]` lines) and home region as given.
    places: Option<String>,
    home_region: Option<String>,
}

/// `(json, text)`: an analysis as JSON, and the text when Rust decoded it.
type Pair = (String, Option<String>);
/// `(ok, json, text)`: a batch entry; when `ok` is false, `json` is an `{"id", "error"}` record.
type Entry = (bool, String, Option<String>);

fn pair(output: Output) -> Pair {
    (output.json, output.text)
}

#[pymethods]
impl PyAnalyzer {
    /// Loads the built-in data and the options given. `dictionary` is a jieba-format user dictionary as `str`,
    /// or as `bytes` in any supported encoding.
    /// `taxonomy_json` / `taxonomy_toml` are a taxonomy file's text (see `jiceng themes`): themes to add or
    /// extend, or with `replace` a whole taxonomy.
    #[new]
    /// `places` is a list of `name<TAB>kind[<TAB>parent]` lines; `home_region` a name or code prefix, or `"none"`.
    /// `max_document_bytes` is the largest document accepted (default 256 MiB).
    #[pyo3(signature = (*, dictionary = None, taxonomy_json = None, taxonomy_toml = None, places = None, home_region = None, max_document_bytes = None))]
    fn new(
        py: Python<'_>,
        dictionary: Option<&Bound<'_, PyAny>>,
        taxonomy_json: Option<String>,
        taxonomy_toml: Option<String>,
        places: Option<String>,
        home_region: Option<String>,
        max_document_bytes: Option<usize>,
    ) -> PyResult<Self> {
        let dictionary = match dictionary {
            None => None,
            Some(obj) => Some(dictionary_text(obj)?),
        };
        let options =
            (dictionary.clone(), taxonomy_json.clone(), taxonomy_toml.clone(), places.clone(), home_region.clone());
        let inner = py.detach(move || {
            guarded(|| {
                let (dictionary, json, toml, places, home_region) = options;
                let mut builder = jiceng::Analyzer::builder();
                if let Some(dictionary) = dictionary {
                    builder = builder.dictionary(dictionary);
                }
                if let Some(json) = json {
                    builder = builder.taxonomy_json(json);
                }
                if let Some(toml) = toml {
                    builder = builder.taxonomy_toml(toml);
                }
                if let Some(places) = places {
                    builder = builder.places(places);
                }
                if let Some(region) = home_region {
                    builder = builder.home_region((region != "none").then_some(region.as_str()));
                }
                if let Some(limit) = max_document_bytes {
                    builder = builder.max_document_bytes(limit);
                }
                Ok(builder.build()?)
            })
        })?;
        Ok(Self { inner, dictionary, taxonomy_json, taxonomy_toml, places, home_region })
    }

    /// The taxonomy file given as JSON text, or None.
    #[getter]
    fn taxonomy_json(&self) -> Option<&str> {
        self.taxonomy_json.as_deref()
    }

    /// The user place list as given, or None.
    #[getter]
    fn places(&self) -> Option<&str> {
        self.places.as_deref()
    }

    /// The home region as given, or None (the default, 成都市).
    #[getter]
    fn home_region(&self) -> Option<&str> {
        self.home_region.as_deref()
    }

    /// The largest document accepted, in bytes.
    #[getter]
    fn max_document_bytes(&self) -> usize {
        self.inner.max_document_bytes()
    }

    /// The taxonomy file given as TOML text, or None.
    #[getter]
    fn taxonomy_toml(&self) -> Option<&str> {
        self.taxonomy_toml.as_deref()
    }

    /// The taxonomy in use, as JSON: `{"version", "themes": [{"id", "label", "category", "keywords", ...}]}`.
    fn taxonomy(&self) -> String {
        serde_json::to_string(self.inner.taxonomy()).expect("a taxonomy serializes")
    }

    /// The user dictionary as text, or None.
    #[getter]
    fn dictionary(&self) -> Option<&str> {
        self.dictionary.as_deref()
    }

    /// Analyzes one text (`str`, or `bytes` in any supported encoding); returns `(json, decoded text or None)`.
    #[pyo3(signature = (document, id = None))]
    fn analyze(&self, py: Python<'_>, document: &Bound<'_, PyAny>, id: Option<String>) -> PyResult<Pair> {
        let input = Input::document(document)?;
        Ok(pair(py.detach(|| document::analyze(&self.inner, input, id))?))
    }

    /// Reads, decodes and analyzes one file; returns `(json, text)`. The id is the path as given.
    fn analyze_file(&self, py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<Pair> {
        let input = Input::file(path)?;
        Ok(pair(py.detach(|| document::analyze(&self.inner, input, None))?))
    }

    /// Analyzes texts in parallel with the GIL released; returns `(ok, json, decoded text or None)` per document,
    /// in input order. A document that fails gives `ok` false and an `{"id", "error"}` record instead of raising.
    #[pyo3(signature = (documents, ids = None, threads = None))]
    fn analyze_many(
        &self,
        py: Python<'_>,
        documents: &Bound<'_, PyAny>,
        ids: Option<Vec<Option<String>>>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Entry>> {
        let inputs = collect(documents, Input::document)?;
        let ids = match ids {
            None => vec![None; inputs.len()],
            Some(ids) if ids.len() == inputs.len() => ids,
            Some(ids) => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "{} ids for {} documents: give one id per document",
                    ids.len(),
                    inputs.len()
                )));
            }
        };
        let batch: Vec<_> = inputs.into_iter().zip(ids).collect();
        self.run(py, batch, threads)
    }

    /// Reads, decodes and analyzes files in parallel with the GIL released; like `analyze_many`, a file that cannot
    /// be read or decoded gives an `{"id", "error"}` record.
    #[pyo3(signature = (paths, threads = None))]
    fn analyze_files(&self, py: Python<'_>, paths: &Bound<'_, PyAny>, threads: Option<usize>) -> PyResult<Vec<Entry>> {
        let batch = collect(paths, Input::file)?.into_iter().map(|input| (input, None)).collect();
        self.run(py, batch, threads)
    }

    /// Cuts a text into words with the domain dictionary: `(word, start, end)` in character offsets.
    fn segment(&self, py: Python<'_>, text: String) -> PyResult<Vec<(String, usize, usize)>> {
        let words = py.detach(|| guarded(|| Ok(self.inner.segment(&text))))?;
        Ok(words.into_iter().map(|w| (w.text, w.start, w.end)).collect())
    }
}

impl PyAnalyzer {
    fn run(
        &self,
        py: Python<'_>,
        batch: Vec<(Result<Input, Failure>, Option<String>)>,
        threads: Option<usize>,
    ) -> PyResult<Vec<Entry>> {
        if threads == Some(0) {
            return Err(pyo3::exceptions::PyValueError::new_err("threads must be at least 1 (or None)"));
        }
        let outputs = py.detach(|| document::analyze_batch(&self.inner, batch, threads))?;
        Ok(outputs.into_iter().map(|o| (o.ok, o.json, o.text)).collect())
    }
}

/// Converts every item of an iterable; an item that does not convert fails alone, later.
fn collect(
    items: &Bound<'_, PyAny>,
    convert: fn(&Bound<'_, PyAny>) -> Result<Input, Failure>,
) -> PyResult<Vec<Result<Input, Failure>>> {
    if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
        return Err(pyo3::exceptions::PyTypeError::new_err("expected a list of documents, got a single str or bytes"));
    }
    items.try_iter()?.map(|item| Ok(convert(&item?))).collect()
}

/// A user dictionary given as text or as bytes in any supported encoding.
fn dictionary_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    match Input::document(obj) {
        Ok(Input::Text(text)) => Ok(text),
        Ok(Input::Bytes(bytes)) => Ok(jiceng::text::decode::decode(&bytes).map_err(Failure::from)?.text),
        Ok(Input::File(_)) => unreachable!("Input::document never gives a file"),
        Err(_) => Err(pyo3::exceptions::PyTypeError::new_err("dictionary must be str or bytes")),
    }
}
