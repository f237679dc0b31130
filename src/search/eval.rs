//! Search-quality evaluation: Recall@1, Recall@3, MRR@10 and nDCG@5 over a
//! query set, per language and overall.
//!
//! The query-set format is one query a line: `lang<TAB>query<TAB>ids`, where
//! `ids` is a comma-separated list and any one of them counts as relevant.
//! Blank lines and lines starting with `#` are skipped.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{SearchError, SearchRequest, SearchResponse};
use crate::lang::Lang;

/// One evaluation query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalQuery {
    /// Its language.
    pub lang: Lang,
    /// The query text.
    pub query: String,
    /// Ids that count as relevant.
    pub relevant: Vec<String>,
}

/// Parses a query set; errors name the line.
pub fn parse(text: &str) -> Result<Vec<EvalQuery>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 3 {
            return Err(format!("line {}: expected lang<TAB>query<TAB>ids", i + 1));
        }
        let lang = cols[0]
            .parse()
            .map_err(|e| format!("line {}: {e}", i + 1))?;
        let relevant: Vec<String> = cols[2]
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if relevant.is_empty() {
            return Err(format!("line {}: no relevant ids", i + 1));
        }
        out.push(EvalQuery {
            lang,
            query: cols[1].to_string(),
            relevant,
        });
    }
    Ok(out)
}

/// How the query's language is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangMode {
    /// Use the language given in the query set.
    Given,
    /// Detect it, as `--lang auto` does.
    Auto,
}

/// Metrics over a group of queries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Number of queries.
    pub queries: usize,
    /// Share with a relevant hit first.
    pub recall_at_1: f64,
    /// Share with a relevant hit in the top 3.
    pub recall_at_3: f64,
    /// Mean reciprocal rank of the first relevant hit in the top 10.
    pub mrr_at_10: f64,
    /// Normalised discounted cumulative gain over the top 5.
    pub ndcg_at_5: f64,
}

/// The outcome of one query.
#[derive(Debug, Clone, Serialize)]
pub struct QueryResult {
    /// Language in the query set.
    pub lang: Lang,
    /// Language searched.
    pub searched: Lang,
    /// The query.
    pub query: String,
    /// Relevant ids.
    pub relevant: Vec<String>,
    /// 1-based rank of the first relevant hit in the top 10.
    pub rank: Option<usize>,
    /// The top ids returned.
    pub top: Vec<String>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Metrics per language and `all`.
    pub metrics: BTreeMap<String, Metrics>,
    /// Every query's outcome.
    pub results: Vec<QueryResult>,
}

/// Runs every query and computes the metrics.
/// `search` runs one request: the plain searcher, or search guided by the
/// assistant.
pub fn run(
    search: impl Fn(SearchRequest) -> Result<SearchResponse, SearchError>,
    queries: &[EvalQuery],
    mode: LangMode,
) -> Result<Report, SearchError> {
    let mut results = Vec::new();
    for q in queries {
        let mut req = SearchRequest::new(q.query.clone());
        req.lang = match mode {
            LangMode::Given => Some(q.lang),
            LangMode::Auto => None,
        };
        req.prefix = false;
        let resp = search(req)?;
        let mut top: Vec<String> = Vec::new();
        for h in resp.hits {
            if !top.contains(&h.id) {
                top.push(h.id);
            }
        }
        let rank = top
            .iter()
            .take(10)
            .position(|id| q.relevant.contains(id))
            .map(|p| p + 1);
        results.push(QueryResult {
            lang: q.lang,
            searched: resp.lang,
            query: q.query.clone(),
            relevant: q.relevant.clone(),
            rank,
            top,
        });
    }
    let mut metrics = BTreeMap::new();
    for lang in Lang::ALL {
        let group: Vec<&QueryResult> = results.iter().filter(|r| r.lang == lang).collect();
        metrics.insert(lang.code().to_string(), compute(&group));
    }
    metrics.insert(
        "all".to_string(),
        compute(&results.iter().collect::<Vec<_>>()),
    );
    Ok(Report { metrics, results })
}

fn compute(results: &[&QueryResult]) -> Metrics {
    let n = results.len();
    if n == 0 {
        return Metrics::default();
    }
    let mut m = Metrics {
        queries: n,
        ..Metrics::default()
    };
    for r in results {
        if r.rank == Some(1) {
            m.recall_at_1 += 1.0;
        }
        if r.rank.is_some_and(|k| k <= 3) {
            m.recall_at_3 += 1.0;
        }
        if let Some(k) = r.rank {
            m.mrr_at_10 += 1.0 / k as f64;
        }
        m.ndcg_at_5 += ndcg(&r.top, &r.relevant, 5);
    }
    let nf = n as f64;
    m.recall_at_1 /= nf;
    m.recall_at_3 /= nf;
    m.mrr_at_10 /= nf;
    m.ndcg_at_5 /= nf;
    m
}

/// nDCG@k with binary relevance: every listed id has gain 1.
pub fn ndcg(top: &[String], relevant: &[String], k: usize) -> f64 {
    let dcg: f64 = top
        .iter()
        .take(k)
        .enumerate()
        .filter(|(_, id)| relevant.contains(id))
        .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
        .sum();
    let ideal: f64 = (0..relevant.len().min(k))
        .map(|i| 1.0 / ((i + 2) as f64).log2())
        .sum();
    if ideal == 0.0 { 0.0 } else { dcg / ideal }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ndcg_is_one_for_ideal_order_and_less_otherwise() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert!((ndcg(&ids(&["a", "b", "x"]), &ids(&["a", "b"]), 5) - 1.0).abs() < 1e-9);
        let worse = ndcg(&ids(&["x", "a", "b"]), &ids(&["a", "b"]), 5);
        assert!(worse < 1.0 && worse > 0.0);
        assert_eq!(ndcg(&ids(&["x"]), &ids(&["a"]), 5), 0.0);
    }

    #[test]
    fn parses_and_rejects_bad_lines() {
        let q = parse("# c\ncy\tfy nghwyn\thow-to-complain,direct-complaints\n").unwrap();
        assert_eq!(q[0].relevant.len(), 2);
        assert!(parse("xx\tq\tid").unwrap_err().contains("line 1"));
        assert!(parse("cy\tq").is_err());
    }
}
