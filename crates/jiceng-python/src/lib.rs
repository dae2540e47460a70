//! The compiled module `jiceng._jiceng`: thin Python bindings over the `jiceng` crate, nothing else.
//!
//! Python calls in with texts, bytes or paths; the Rust side releases the GIL for all analysis and hands back each
//! document as the CLI's JSON, so `Analysis.to_dict()` equals `jiceng analyze` output by construction. The
//! Python package `python/jiceng` builds the user-facing objects on top.

mod analyzer;
mod document;
mod error;

use pyo3::prelude::*;

/// Compiled core of jiceng; use the `jiceng` package, which wraps it.
#[pymodule]
mod _jiceng {
    #[pymodule_export]
    use crate::analyzer::PyAnalyzer;
    #[pymodule_export]
    use crate::error::{DataError, DecodeError, JicengError};

    /// Version of the compiled module (the workspace version).
    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const __version__: &str = env!("CARGO_PKG_VERSION");
}
