//! Search parameters as every front end receives them (strings from a URL,
//! a form or the command line), checked once and turned into a
//! [`SearchRequest`].

use serde::Deserialize;

use super::{MAX_LIMIT, MAX_QUERY_CHARS, SearchError, SearchRequest};
use crate::knowledge::{Audience, Kind};
use crate::lang::Lang;

/// Search parameters before they are checked. Empty values mean the default.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct SearchParams {
    /// The query.
    #[serde(default)]
    pub q: String,
    /// `cy`, `en` or `auto` (the default: detect it from the query).
    pub lang: Option<String>,
    /// `article`, `agency`, `script` or `any` (the default).
    pub kind: Option<String>,
    /// 1 to [`MAX_LIMIT`] (default 10).
    pub limit: Option<String>,
    /// `internal` (the default: everything staff may see) or `public`.
    pub audience: Option<String>,
}

fn bad(name: &'static str) -> impl Fn(String) -> SearchError {
    move |problem| SearchError::BadParameter { name, problem }
}

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl SearchParams {
    /// Checks every parameter and builds the request. Errors name the
    /// parameter at fault.
    pub fn parse(&self) -> Result<SearchRequest, SearchError> {
        let chars = self.q.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(SearchError::QueryTooLong { chars });
        }
        let mut req = SearchRequest::new(self.q.trim());
        req.lang = match given(&self.lang) {
            None | Some("auto") => None,
            Some(l) => Some(l.parse::<Lang>().map_err(|e| bad("lang")(e.to_string()))?),
        };
        req.kind = match given(&self.kind) {
            None | Some("any") => None,
            Some(k) => Some(k.parse::<Kind>().map_err(|e| bad("kind")(e.to_string()))?),
        };
        if let Some(l) = given(&self.limit) {
            req.limit = l
                .parse()
                .ok()
                .filter(|n| (1..=MAX_LIMIT).contains(n))
                .ok_or(SearchError::BadLimit)?;
        }
        if let Some(a) = given(&self.audience) {
            req.audience = a
                .parse::<Audience>()
                .map_err(|e| bad("audience")(e.to_string()))?;
        }
        Ok(req)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(q: &str) -> SearchParams {
        SearchParams {
            q: q.into(),
            ..SearchParams::default()
        }
    }

    #[test]
    fn defaults_and_values() {
        let req = params("  fy nghwyn ").parse().unwrap();
        assert_eq!(req.query, "fy nghwyn");
        assert_eq!((req.lang, req.kind, req.limit), (None, None, 10));
        assert_eq!(req.audience, Audience::Internal);
        let req = SearchParams {
            lang: Some("cy".into()),
            kind: Some("agency".into()),
            limit: Some("5".into()),
            audience: Some("public".into()),
            ..params("x")
        }
        .parse()
        .unwrap();
        assert_eq!(req.lang, Some(Lang::Cy));
        assert_eq!(req.kind, Some(Kind::Agency));
        assert_eq!(req.limit, 5);
        assert_eq!(req.audience, Audience::Public);
    }

    #[test]
    fn bad_values_name_the_parameter() {
        let with = |f: fn(&mut SearchParams)| {
            let mut p = params("x");
            f(&mut p);
            p.parse().unwrap_err()
        };
        assert!(matches!(
            with(|p| p.lang = Some("fr".into())),
            SearchError::BadParameter { name: "lang", .. }
        ));
        assert!(matches!(
            with(|p| p.kind = Some("flow".into())),
            SearchError::BadParameter { name: "kind", .. }
        ));
        assert!(matches!(
            with(|p| p.audience = Some("everyone".into())),
            SearchError::BadParameter {
                name: "audience",
                ..
            }
        ));
        for bad in ["0", "101", "ten"] {
            let mut p = params("x");
            p.limit = Some(bad.into());
            assert!(matches!(p.parse(), Err(SearchError::BadLimit)), "{bad}");
        }
        assert!(matches!(
            params(&"a".repeat(MAX_QUERY_CHARS + 1)).parse(),
            Err(SearchError::QueryTooLong { .. })
        ));
    }
}
