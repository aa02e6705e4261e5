//! The library's one error type.

use std::fmt;
use std::path::PathBuf;

/// An error from reading or processing a document.
///
/// It names where it happened: the document id or path and, for JSONL input, the line.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    source_name: Option<String>,
    line: Option<u64>,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading a file, folder or stream failed.
    Io(std::io::Error),
    /// A JSONL line is not valid JSON.
    Json(serde_json::Error),
    /// A JSONL record has no `text` field, or it is not a string.
    MissingText,
    /// A JSONL record's `id` is neither a string nor a number.
    BadId,
    /// Text is not valid UTF-8 (with the byte offset of the first bad byte).
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A file holds NUL bytes and looks binary.
    Binary,
    /// Rule data is invalid: every problem found, one per entry.
    RuleData(Vec<String>),
    /// A gold file for evaluation is malformed.
    Gold(String),
}

impl Error {
    /// Makes an error of this kind with no location.
    pub fn new(kind: ErrorKind) -> Error {
        Error {
            kind,
            source_name: None,
            line: None,
        }
    }

    /// Sets the document, file or stream the error is about.
    pub fn with_source(mut self, name: impl Into<String>) -> Error {
        self.source_name = Some(name.into());
        self
    }

    /// Sets the 1-based line number in the input.
    pub fn with_line(mut self, line: u64) -> Error {
        self.line = Some(line);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The document id, file or stream the error is about, if known.
    pub fn source_name(&self) -> Option<&str> {
        self.source_name.as_deref()
    }

    /// The 1-based input line, if known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    pub(crate) fn io(err: std::io::Error, path: impl Into<PathBuf>) -> Error {
        Error::new(ErrorKind::Io(err)).with_source(path.into().display().to_string())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.source_name, self.line) {
            (Some(name), Some(line)) => write!(f, "{name}:{line}: ")?,
            (Some(name), None) => write!(f, "{name}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Json(e) => {
                // A JSONL line is parsed on its own, so serde's "at line 1" would contradict
                // the line number given in front: only the column is kept.
                let message = e.to_string();
                let position = format!(" at line {} column {}", e.line(), e.column());
                match message.strip_suffix(&position) {
                    Some(what) if self.line.is_some() && e.line() == 1 => {
                        write!(f, "invalid JSON at column {}: {what}", e.column())
                    }
                    _ => write!(f, "invalid JSON: {e}"),
                }
            }
            ErrorKind::MissingText => write!(f, "record has no string field \"text\""),
            ErrorKind::BadId => write!(f, "record's \"id\" is neither a string nor a number"),
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            ErrorKind::Binary => write!(f, "binary file (NUL bytes), skipped"),
            ErrorKind::RuleData(problems) => {
                write!(f, "invalid rule data: {}", problems.join("; "))
            }
            ErrorKind::Gold(msg) => write!(f, "invalid gold data: {msg}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            ErrorKind::Json(e) => Some(e),
            _ => None,
        }
    }
}

/// A `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jsonl_error_names_the_file_line_and_column_only() {
        let json = serde_json::from_str::<serde_json::Value>("{bad").unwrap_err();
        let err = Error::new(ErrorKind::Json(json))
            .with_source("in.jsonl")
            .with_line(7);
        assert_eq!(
            err.to_string(),
            "in.jsonl:7: invalid JSON at column 2: key must be a string"
        );
        // Without a line of its own, serde's position stays.
        let json = serde_json::from_str::<serde_json::Value>("\n{bad").unwrap_err();
        let err = Error::new(ErrorKind::Json(json)).with_source("x");
        assert_eq!(
            err.to_string(),
            "x: invalid JSON: key must be a string at line 2 column 2"
        );
    }
}
