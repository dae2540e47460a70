//! Every error the bindings raise, in one place: the Python exception classes and how Rust failures map to them.
//!
//! `JicengError(ValueError)` is the base, so `except ValueError` keeps working for callers who know nothing of
//! jiceng. A failure inside a batch is not raised at all: it becomes an `{"id", "error"}` record with
//! [`Failure::message`], the same text the CLI prints.

use pyo3::PyErr;
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use std::any::Any;

// The qualified names say `jiceng.`: that is where users import them from (the package re-exports them), and
// what tracebacks should show.
create_exception!(
    jiceng,
    JicengError,
    PyValueError,
    "Base class of jiceng's errors; a subclass of ValueError. A Rust panic (a bug) is raised as this class too."
);
create_exception!(
    jiceng,
    DecodeError,
    JicengError,
    "Bytes that are not text in any encoding jiceng reads (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5)."
);
create_exception!(
    jiceng,
    DataError,
    JicengError,
    "Invalid user-supplied data, such as a malformed user dictionary; the message names the line."
);

/// Why one document could not be analyzed.
#[derive(Debug)]
pub enum Failure {
    /// The file could not be read.
    Io(std::io::Error),
    /// The core rejected the input (undecodable bytes, invalid data).
    Core(jiceng::Error),
    /// The Python object given is not a document of the kind expected (raised as TypeError).
    Type(String),
    /// The object has the right type but an unusable value, e.g. a `str` with lone surrogates.
    Value(String),
    /// Rust panicked: a bug in jiceng, contained to this document.
    Panic(String),
}

impl Failure {
    /// The text of an error record; for I/O and core errors the same text as the CLI's records.
    pub fn message(&self) -> String {
        match self {
            Failure::Io(e) => e.to_string(),
            Failure::Core(e) => e.to_string(),
            Failure::Type(reason) | Failure::Value(reason) => reason.clone(),
            Failure::Panic(reason) => panic_message(reason),
        }
    }
}

impl From<jiceng::Error> for Failure {
    fn from(e: jiceng::Error) -> Self {
        Failure::Core(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> PyErr {
        match failure {
            // pyo3 picks the matching OSError subclass (FileNotFoundError, PermissionError …).
            Failure::Io(e) => e.into(),
            Failure::Core(e @ jiceng::Error::Undecodable { .. }) => DecodeError::new_err(e.to_string()),
            Failure::Core(e @ jiceng::Error::InvalidData { .. }) => DataError::new_err(e.to_string()),
            Failure::Core(e) => JicengError::new_err(e.to_string()),
            Failure::Type(reason) => PyTypeError::new_err(reason),
            Failure::Value(reason) => JicengError::new_err(reason),
            Failure::Panic(reason) => JicengError::new_err(panic_message(&reason)),
        }
    }
}

fn panic_message(reason: &str) -> String {
    format!("internal error in jiceng (please report it): {reason}")
}

/// The text of a panic's payload (`panic!` with a literal or a formatted message; anything else is unnamed).
pub fn panic_reason(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with no message".to_string()
    }
}
