//! The error a workload reports to benchctl.

use std::fmt;

/// Why a workload could not run; sent to benchctl as an `error` message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub(crate) String);

impl Error {
    /// An error with this message, which should name what failed (e.g. the
    /// input file and the byte offset).
    pub fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}
