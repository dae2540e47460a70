//! The one error type of the core crate.
//!
//! Analysis itself never fails: any text gets a best-effort result. What can fail is turning bytes into text
//! and, later, loading user-supplied data; each failure names what went wrong so a batch can report it per document.

/// Everything that can go wrong in jiceng.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not text in any encoding jiceng reads (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5).
    #[error("not decodable as text: {reason}")]
    Undecodable {
        /// Why the bytes were rejected, for example the share of control characters found.
        reason: String,
    },
    /// A document is larger than the analyzer accepts.
    #[error("document of {bytes} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// Size of the offending document.
        bytes: usize,
        /// The configured maximum.
        limit: usize,
    },
    /// A data file (dictionary, taxonomy, places) could not be parsed.
    #[error("invalid {what} at line {line}: {reason}")]
    InvalidData {
        /// Which kind of data, e.g. "domain dictionary".
        what: &'static str,
        /// 1-based line number of the problem.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
