//! The two languages Canllaw serves, and how they are named on the command
//! line, in files and in JSON.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A content language. Welsh comes first everywhere: it is the default on the
/// public page and the first language in every listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Cymraeg.
    Cy,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Welsh first.
    pub const ALL: [Lang; 2] = [Lang::Cy, Lang::En];

    /// The ISO 639-1 code used in file names and JSON (`cy`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Cy => "cy",
            Lang::En => "en",
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Cy => Lang::En,
            Lang::En => Lang::Cy,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error for a language code that is neither `cy` nor `en`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language '{0}' (expected 'cy' or 'en')")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cy" | "cym" | "cy-gb" | "welsh" | "cymraeg" => Ok(Lang::Cy),
            "en" | "eng" | "en-gb" | "english" | "saesneg" => Ok(Lang::En),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

/// A pair of texts, one per language: the shape of every bilingual field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual<T> {
    /// The Welsh text.
    pub cy: T,
    /// The English text.
    pub en: T,
}

impl<T> Bilingual<T> {
    /// The value for one language.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Cy => &self.cy,
            Lang::En => &self.en,
        }
    }
}
