//! Finding content in a loaded knowledge base the way every reader asks for
//! it: an item by id in a language (falling back to the other language for
//! items that exist in one only), agencies by need and area, scripts by
//! stage, forces by part of a name. Malformed ids simply find nothing, so a
//! path trick in a URL can never reach past the knowledge base.

use serde::Deserialize;

use super::validate::{AREAS, NEED_TAGS, is_valid_id};
use super::{Agency, Article, Force, KnowledgeBase, Script, Stage};
use crate::analysis::fold;
use crate::lang::Lang;

/// Longest query accepted, in characters, by every search of the knowledge
/// (the index and the force list alike). Nobody types more on a call; a
/// longer one is almost certainly pasted text.
pub const MAX_QUERY_CHARS: usize = 500;

/// Why a lookup could not run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// A filter names a value that does not exist (an unknown need or area).
    #[error("unknown value for '{0}'")]
    UnknownValue(&'static str),
    /// The query is longer than the limit.
    #[error("the query is too long (the limit is {limit} characters)")]
    QueryTooLong {
        /// The limit.
        limit: usize,
    },
}

impl KnowledgeBase {
    /// An article in `lang`, or in the other language when it exists in one
    /// only (internal articles may).
    pub fn find_article(&self, id: &str, lang: Lang) -> Option<&Article> {
        if !is_valid_id(id) {
            return None;
        }
        self.article(id, lang)
            .or_else(|| self.article(id, lang.other()))
    }

    /// A script in `lang`, or in the other language when it exists in one
    /// only.
    pub fn find_script(&self, id: &str, lang: Lang) -> Option<&Script> {
        if !is_valid_id(id) {
            return None;
        }
        self.script(id, lang)
            .or_else(|| self.script(id, lang.other()))
    }

    /// An agency by id.
    pub fn find_agency(&self, id: &str) -> Option<&Agency> {
        is_valid_id(id).then(|| self.agency(id)).flatten()
    }

    /// A police force by id.
    pub fn find_force(&self, id: &str) -> Option<&Force> {
        is_valid_id(id)
            .then(|| self.forces.iter().find(|f| f.id == id))
            .flatten()
    }

    /// Forces whose Welsh or English name contains `q` (accents and case
    /// ignored); all of them when `q` is empty.
    pub fn find_forces(&self, q: Option<&str>) -> Result<Vec<&Force>, LookupError> {
        if q.is_some_and(|q| q.chars().count() > MAX_QUERY_CHARS) {
            return Err(LookupError::QueryTooLong {
                limit: MAX_QUERY_CHARS,
            });
        }
        let needle = q.map(|q| fold(q.trim())).filter(|q| !q.is_empty());
        Ok(self
            .forces
            .iter()
            .filter(|f| match &needle {
                Some(n) => {
                    fold(&f.name.cy).contains(n.as_str()) || fold(&f.name.en).contains(n.as_str())
                }
                None => true,
            })
            .collect())
    }

    /// The agencies passing `filter`, sorted by their name in `lang`.
    pub fn find_agencies(
        &self,
        filter: &AgencyFilter,
        lang: Lang,
    ) -> Result<Vec<&Agency>, LookupError> {
        filter.check()?;
        let mut list: Vec<&Agency> = self.agencies.iter().filter(|a| filter.matches(a)).collect();
        list.sort_by_key(|a| fold(a.name.get(lang)));
        Ok(list)
    }

    /// Scripts in `lang`, in the order of a contact, optionally one stage.
    pub fn find_scripts(&self, stage: Option<Stage>, lang: Lang) -> Vec<&Script> {
        let mut list: Vec<&Script> = self
            .scripts
            .iter()
            .filter(|s| s.page.lang == lang && stage.is_none_or(|st| s.stage == st))
            .collect();
        list.sort_by_key(|s| (s.stage, s.page.id.clone()));
        list
    }
}

/// Agency filters: a need tag, an area, Welsh service. Empty values mean no
/// filter.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct AgencyFilter {
    /// Only agencies serving this need.
    pub need: Option<String>,
    /// Only agencies serving this area (UK-wide ones always match).
    pub area: Option<String>,
    /// Only agencies that can serve callers in Welsh.
    pub welsh: Option<bool>,
    /// Only public agencies (the public site); staff see all.
    #[serde(skip)]
    pub public_only: bool,
}

impl AgencyFilter {
    fn need(&self) -> Option<&str> {
        self.need.as_deref().filter(|n| !n.is_empty())
    }

    fn area(&self) -> Option<&str> {
        self.area.as_deref().filter(|a| !a.is_empty())
    }

    /// Unknown tags are an error, not an empty list.
    fn check(&self) -> Result<(), LookupError> {
        if self.need().is_some_and(|n| !NEED_TAGS.contains(&n)) {
            return Err(LookupError::UnknownValue("need"));
        }
        if self.area().is_some_and(|a| !AREAS.contains(&a)) {
            return Err(LookupError::UnknownValue("area"));
        }
        Ok(())
    }

    /// Whether `a` passes the filter.
    pub fn matches(&self, a: &Agency) -> bool {
        let need_ok = self.need().is_none_or(|n| a.needs.iter().any(|x| x == n));
        let area_ok = self
            .area()
            .is_none_or(|area| a.areas.iter().any(|x| x == area || x == "uk"));
        need_ok
            && area_ok
            && (self.welsh != Some(true) || a.welsh_service)
            && (!self.public_only || a.audience == super::Audience::Public)
    }
}
