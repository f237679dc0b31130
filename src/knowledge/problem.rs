//! Problems found while loading or validating the knowledge base.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one file, printed as `path:line: message` (or `path:
/// message` when no line applies), the format editors and editors' tools
/// understand.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as given to the loader (relative paths stay relative).
    pub path: PathBuf,
    /// 1-based line, where one applies.
    pub line: Option<usize>,
    /// What is wrong, in words an editor can act on.
    pub message: String,
}

impl Problem {
    /// A problem at a line of a file.
    pub fn at(path: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}
