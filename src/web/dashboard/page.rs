//! `GET /console/dashboard`: the figures for a date range and filters,
//! each as a chart and a table; `GET /console/dashboard/csv?table=…` one
//! table as CSV, with the same filters.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{Duration, NaiveDate};
use serde::Deserialize;

use super::chart::{self, Chart};
use crate::assistant::contact::Channel;
use crate::i18n::{Tr, uk_today};
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;
use crate::reporting::{self, Report, Request};
use crate::store::Unanswered;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::page::{Chrome, render};
use crate::web::session::Manager;
use crate::web::state::AppState;

/// Days shown when no range is given: four weeks to today.
const DEFAULT_DAYS: i64 = 28;

/// The filters, as the form sends them.
#[derive(Debug, Default, Deserialize)]
pub struct Filters {
    from: Option<String>,
    to: Option<String>,
    channel: Option<String>,
    caller_lang: Option<String>,
    /// The table a CSV is asked for.
    table: Option<String>,
}

impl Filters {
    fn request(&self, today: NaiveDate) -> AppResult<Request> {
        let date = |v: &Option<String>, name| -> AppResult<Option<NaiveDate>> {
            match v.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => Ok(None),
                Some(s) => s
                    .parse()
                    .map(Some)
                    .map_err(|_| AppError::BadParameter(name)),
            }
        };
        let to = date(&self.to, "to")?.unwrap_or(today);
        let from = date(&self.from, "from")?.unwrap_or(to - Duration::days(DEFAULT_DAYS - 1));
        let channel = match self
            .channel
            .as_deref()
            .filter(|c| !c.is_empty() && *c != "any")
        {
            Some(c) if Channel::ALL.iter().any(|k| k.as_str() == c) => Some(c.to_string()),
            Some(_) => return Err(AppError::BadParameter("channel")),
            None => None,
        };
        let caller_lang = match self
            .caller_lang
            .as_deref()
            .filter(|c| !c.is_empty() && *c != "any")
        {
            Some(l) => Some(
                l.parse::<Lang>()
                    .map_err(|_| AppError::BadParameter("caller_lang"))?,
            ),
            None => None,
        };
        Ok(Request {
            from,
            to,
            channel,
            caller_lang,
        })
    }
}

/// One table of figures, with its chart.
pub struct Table {
    /// Its id on the page and in CSV links.
    pub id: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub chart: Option<Chart>,
    /// A long table starts folded under its chart.
    pub folded: bool,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    chrome: Chrome,
    request: Request,
    channels: Vec<(&'static str, String)>,
    langs: Vec<(&'static str, String)>,
    /// The caller language chosen (`any`, `cy`, `en`).
    chosen_lang: &'static str,
    report: Report,
    total: String,
    fcr: String,
    handling: String,
    tables: Vec<Table>,
    /// This page's query, for the CSV links.
    query: String,
    /// Matters with spikes: id, name and the days, in words.
    spiking: Vec<(String, String, String)>,
}

/// `13,385`: both languages group thousands with commas.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `m:ss` (or `h:mm:ss`).
fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Names in the reader's language for the ids a report counts.
fn name_of(kb: &KnowledgeBase, t: &Tr, kind: &str, id: &str) -> String {
    let lang = t.lang;
    let found = match kind {
        "intent" => kb
            .signal_rules
            .as_ref()
            .and_then(|r| r.intents.iter().find(|s| s.id == id))
            .map(|s| s.name.get(lang).clone()),
        "agency" => kb.agency(id).map(|a| a.name.get(lang).clone()),
        "adjustment" => kb
            .adjustments
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.get(lang).clone()),
        "channel" => Some(t.tag("channel", id)),
        "outcome" => Some(t.tag("outcome", id)),
        "caller-type" => Some(t.tag("caller-type", id)),
        "matter" => kb
            .matters
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.name.get(lang).clone()),
        "lang" => id.parse::<Lang>().ok().map(|l| t.lang_name(l)),
        _ => None,
    };
    found.unwrap_or_else(|| id.to_string())
}

/// Every table the page shows, in order.
fn tables(kb: &KnowledgeBase, t: &Tr, r: &Report, unanswered: &[Unanswered]) -> Vec<Table> {
    let count = t.t("dash-col-contacts");
    let counted = |id: &'static str, kind: &str, rows: &[(String, u64)], limit: usize| {
        let named: Vec<(String, u64)> = rows
            .iter()
            .take(limit)
            .map(|(k, n)| (name_of(kb, t, kind, k), *n))
            .collect();
        Table {
            id: id.to_string(),
            title: t.t(&format!("dash-{id}")),
            columns: vec![t.t(&format!("dash-col-{kind}")), count.clone()],
            rows: named
                .iter()
                .map(|(k, n)| vec![k.clone(), n.to_string()])
                .collect(),
            chart: (!named.is_empty()).then(|| chart::across(&named)),
            folded: true,
        }
    };
    // Days in words; on the axis without the year ("6 Tachwedd").
    let days: Vec<(String, u64)> = r.by_day.iter().map(|(d, n)| (t.date(d), *n)).collect();
    let every = (days.len() / 6).max(1);
    let mut out = vec![Table {
        id: "by-day".into(),
        title: t.t("dash-by-day"),
        columns: vec![t.t("dash-col-day"), count.clone()],
        // ISO days in the table: a spreadsheet reads them as dates.
        rows: r
            .by_day
            .iter()
            .map(|(d, n)| vec![d.to_string(), n.to_string()])
            .collect(),
        chart: Some(chart::up(&days, |i| i % every == 0)).map(|mut c| {
            let year = format!(" {}", r.request.to.format("%Y"));
            for (_, label) in &mut c.ticks {
                *label = label.replace(&year, "");
            }
            c
        }),
        folded: true,
    }];
    out.push(counted("by-channel", "channel", &r.by_channel, usize::MAX));
    out.push(counted("by-lang", "lang", &r.by_lang, usize::MAX));
    out.push(counted(
        "by-caller-type",
        "caller-type",
        &r.by_caller_type,
        usize::MAX,
    ));
    out.push(counted("by-intent", "intent", &r.by_intent, 20));
    out.push(counted("by-outcome", "outcome", &r.by_outcome, usize::MAX));
    out.extend(matter_tables(kb, t, r));
    let questions = crate::assistant::satisfaction::questions(kb, t.lang);
    out.push(Table {
        id: "satisfaction".into(),
        title: t.t("dash-satisfaction"),
        columns: vec![
            t.t("dash-col-question"),
            t.t("dash-col-answers"),
            t.t("dash-col-mean"),
        ],
        rows: r
            .satisfaction
            .iter()
            .map(|s| {
                let text = questions
                    .iter()
                    .find(|q| q.id == s.question)
                    .map_or(s.question.clone(), |q| q.text.clone());
                let mean = format!("{}.{:02}", s.mean_hundredths / 100, s.mean_hundredths % 100);
                vec![text, s.answers.to_string(), mean]
            })
            .collect(),
        chart: None,
        folded: false,
    });
    out.push(counted("referrals", "agency", &r.referrals, 20));
    out.push(counted("adjustments", "adjustment", &r.adjustments, 20));
    let overdue = Table {
        columns: vec![t.t("dash-col-owner"), t.t("dash-col-actions")],
        ..counted("overdue", "owner", &r.overdue, usize::MAX)
    };
    out.push(overdue);
    out.push(Table {
        id: "unanswered".into(),
        title: t.t("dash-unanswered"),
        columns: vec![
            t.t("dash-col-search"),
            t.t("dash-col-lang"),
            t.t("dash-col-times"),
        ],
        rows: unanswered
            .iter()
            .map(|u| vec![u.query.clone(), t.lang_name(u.lang), u.count.to_string()])
            .collect(),
        chart: None,
        folded: false,
    });
    out
}

/// The high-profile matters: one table of all of them, then each by day
/// with its spikes marked.
fn matter_tables(kb: &KnowledgeBase, t: &Tr, r: &Report) -> Vec<Table> {
    let yes = t.t("dash-spike-yes");
    let mut out = vec![Table {
        id: "matters".into(),
        title: t.t("dash-matters"),
        columns: vec![
            t.t("dash-col-matter"),
            t.t("dash-col-contacts"),
            t.t("dash-col-spikes"),
        ],
        rows: r
            .matters
            .iter()
            .map(|m| {
                let spikes: Vec<String> = m.spikes().map(|d| t.date(d.day)).collect();
                vec![
                    name_of(kb, t, "matter", &m.id),
                    m.total.to_string(),
                    spikes.join("; "),
                ]
            })
            .collect(),
        chart: None,
        folded: false,
    }];
    for m in &r.matters {
        let name = name_of(kb, t, "matter", &m.id);
        let days: Vec<(String, u64)> = m.days.iter().map(|d| (t.date(d.day), d.contacts)).collect();
        let every = (days.len() / 6).max(1);
        let mut chart = chart::up(&days, |i| i % every == 0);
        let year = format!(" {}", r.request.to.format("%Y"));
        for (_, label) in &mut chart.ticks {
            *label = label.replace(&year, "");
        }
        for (bar, day) in chart.bars.iter_mut().zip(&m.days) {
            bar.mark = day.spike;
            if day.spike {
                bar.label = format!("{} ({})", bar.label, t.t("dash-spike"));
            }
        }
        out.push(Table {
            id: format!("matter-{}", m.id),
            title: t.t1("dash-matter-by-day", "name", name.clone()),
            columns: vec![
                t.t("dash-col-day"),
                t.t("dash-col-contacts"),
                t.t("dash-col-trailing"),
                t.t("dash-col-spike"),
            ],
            rows: m
                .days
                .iter()
                .map(|d| {
                    vec![
                        d.day.to_string(),
                        d.contacts.to_string(),
                        format!("{}.{}", d.trailing_tenths / 10, d.trailing_tenths % 10),
                        if d.spike { yes.clone() } else { String::new() },
                    ]
                })
                .collect(),
            chart: Some(chart),
            folded: true,
        });
    }
    out
}

async fn figures(
    state: &AppState,
    session: &crate::store::Session,
    t: &Tr,
    f: &Filters,
) -> AppResult<(Report, Vec<Table>)> {
    let today = uk_today();
    let request = f.request(today)?;
    let report = reporting::report(&*state.store, &session.user, request, today).await?;
    let unanswered = state.store.unanswered(20).await?;
    let tables = tables(&state.published().kb, t, &report, &unanswered);
    Ok((report, tables))
}

pub async fn page(
    Manager(session): Manager,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(f): Query<Filters>,
) -> AppResult<Response> {
    let t = ctx.tr();
    let (report, tables) = figures(&state, &session, &t, &f).await?;
    let r = &report.request;
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("from", &r.from.to_string())
        .append_pair("to", &r.to.to_string());
    if let Some(c) = &r.channel {
        q.append_pair("channel", c);
    }
    if let Some(l) = r.caller_lang {
        q.append_pair("caller_lang", l.code());
    }
    Ok(render(&DashboardPage {
        chrome: Chrome::new(&ctx, "dashboard"),
        channels: Channel::ALL
            .iter()
            .map(|c| (c.as_str(), t.tag("channel", c.as_str())))
            .collect(),
        langs: Lang::ALL
            .iter()
            .map(|l| (l.code(), t.lang_name(l)))
            .collect(),
        chosen_lang: report.request.caller_lang.map_or("any", |l| l.code()),
        total: thousands(report.total),
        fcr: report
            .first_contact_resolution
            .percent()
            .map_or_else(|| "–".into(), |p| format!("{p}%")),
        handling: report
            .average_handling_secs
            .map_or_else(|| "–".into(), duration),
        spiking: report
            .matters
            .iter()
            .filter(|m| m.spikes().next().is_some())
            .map(|m| {
                let days: Vec<String> = m.spikes().map(|d| t.date(d.day)).collect();
                (
                    m.id.clone(),
                    name_of(&state.published().kb, &t, "matter", &m.id),
                    days.join("; "),
                )
            })
            .collect(),
        request: report.request.clone(),
        report,
        tables,
        query: q.finish(),
    }))
}

/// `GET /csv?table=…`: one table as CSV (RFC 4180), named for its range.
pub async fn csv(
    Manager(session): Manager,
    ctx: Ctx,
    State(state): State<Arc<AppState>>,
    Query(f): Query<Filters>,
) -> AppResult<Response> {
    let t = ctx.tr();
    let (report, tables) = figures(&state, &session, &t, &f).await?;
    let wanted = f.table.as_deref().unwrap_or("");
    let table = tables
        .into_iter()
        .find(|tb| tb.id == wanted)
        .ok_or(AppError::BadParameter("table"))?;
    let mut out = String::new();
    for row in std::iter::once(&table.columns).chain(&table.rows) {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    let name = format!(
        "canllaw-{}-{}-{}.csv",
        table.id, report.request.from, report.request.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        out,
    )
        .into_response())
}

/// A CSV cell: quoted when it must be, and never read as a formula by a
/// spreadsheet (a leading `=`, `+`, `-` or `@` is prefixed with `'`).
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(duration(75), "1:15");
        assert_eq!(thousands(13_385), "13,385");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(duration(3725), "1:02:05");
    }
}
