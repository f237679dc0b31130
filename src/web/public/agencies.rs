//! `/cy/pwy-arall-all-helpu`, `/en/who-else-can-help`: the agency finder,
//! by need, area and help in Welsh. Says plainly when details could not be
//! checked.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use serde::Deserialize;

use crate::knowledge::AgencyFilter;
use crate::knowledge::date::Verified;
use crate::knowledge::validate::{AREAS, NEED_TAGS};
use crate::lang::Lang;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::page::render;
use crate::web::site::{Place, Site};
use crate::web::state::AppState;
use crate::web::views::{PublicAgency, public_agencies};

/// The finder's form (strings; `welsh=1` when ticked).
#[derive(Debug, Default, Deserialize)]
pub struct FinderParams {
    need: Option<String>,
    area: Option<String>,
    welsh: Option<String>,
}

/// A `<select>` option.
pub struct Choice {
    value: &'static str,
    label: String,
    selected: bool,
}

/// One agency with its check date written out.
pub struct Card {
    agency: PublicAgency,
    verified_on: Option<String>,
    /// The phone number as a `tel:` address (no spaces).
    tel: String,
}

#[derive(Template)]
#[template(path = "public/agencies.html")]
struct FinderPage {
    site: Site,
    needs: Vec<Choice>,
    areas: Vec<Choice>,
    welsh: bool,
    cards: Vec<Card>,
}

/// `GET`: the filters and the agencies that pass them.
pub async fn page(
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Extension(lang): Extension<Lang>,
    Query(p): Query<FinderParams>,
) -> AppResult<Response> {
    let site = Site::new(&ctx, lang, Place::Agencies, None);
    let filter = AgencyFilter {
        need: p.need.filter(|v| !v.is_empty()),
        area: p.area.filter(|v| !v.is_empty()),
        welsh: Some(p.welsh.as_deref() == Some("1")),
        public_only: true,
    };
    let cards = public_agencies(&state.published().kb, &filter, lang)?
        .into_iter()
        .map(|agency| Card {
            tel: agency
                .contact
                .phone
                .as_deref()
                .unwrap_or("")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
            verified_on: match agency.verified {
                Verified::On(d) => Some(site.t.date(d.0)),
                Verified::No => None,
            },
            agency,
        })
        .collect();
    let choices = |values: &[&'static str], prefix: &str, selected: Option<&str>| {
        let mut list: Vec<Choice> = values
            .iter()
            .map(|v| Choice {
                value: v,
                label: site.t.tag(prefix, v),
                selected: selected == Some(*v),
            })
            .collect();
        list.sort_by_key(|c| crate::analysis::fold(&c.label));
        list
    };
    Ok(render(&FinderPage {
        needs: choices(NEED_TAGS, "need", filter.need.as_deref()),
        areas: choices(AREAS, "area", filter.area.as_deref()),
        welsh: filter.welsh == Some(true),
        cards,
        site,
    }))
}
