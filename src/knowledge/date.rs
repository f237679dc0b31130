//! Dates in knowledge files: TOML dates (`reviewed = 2026-11-01`), or quoted
//! ISO dates for editors who quote them.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::problem::{NOT_A_DATE, VERIFIED_NOT_A_DATE, VERIFIED_TRUE};

/// A calendar date from a knowledge file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Repr {
    Toml(toml::value::Datetime),
    Text(String),
}

fn parse(text: &str) -> Result<Date, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map(Date)
        .map_err(|_| format!("{NOT_A_DATE}{text}'"))
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = match Repr::deserialize(d)? {
            Repr::Toml(dt) => match (dt.date, dt.time) {
                (Some(date), None) => date.to_string(),
                _ => {
                    return Err(serde::de::Error::custom(format!("{NOT_A_DATE}{dt}'")));
                }
            },
            Repr::Text(s) => s,
        };
        parse(&text).map_err(serde::de::Error::custom)
    }
}

/// When an agency's details were last checked, or `false` where a detail
/// could not be checked and the UI must say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    /// Every detail was checked on this date.
    On(Date),
    /// Some detail could not be checked.
    No,
}

impl Serialize for Verified {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Verified::On(d) => d.serialize(s),
            Verified::No => s.serialize_bool(false),
        }
    }
}

impl<'de> Deserialize<'de> for Verified {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum V {
            Flag(bool),
            Date(Date),
        }
        match V::deserialize(d).map_err(|_| serde::de::Error::custom(VERIFIED_NOT_A_DATE))? {
            V::Flag(false) => Ok(Verified::No),
            V::Flag(true) => Err(serde::de::Error::custom(VERIFIED_TRUE)),
            V::Date(d) => Ok(Verified::On(d)),
        }
    }
}
