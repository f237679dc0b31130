//! Search that reads what a caller meant. When an adviser types or pastes a
//! whole sentence, the classifier reads it for the reason of the call, and
//! the content linked to that reason (the intent's articles, agencies and
//! scripts, in the editors' order) ranks higher where it matches. Short
//! queries are searched as typed: they say what they mean.

use std::sync::Arc;

use super::classifier::Classifier;
use super::recognise::Analysed;
use crate::analysis::Reading;
use crate::knowledge::{Kind, KnowledgeBase};
use crate::search::query::SENTENCE_WORDS;
use crate::search::{Boost, SearchError, SearchRequest, SearchResponse, Searcher};

/// Intents less likely than this boost nothing.
const BOOST_FROM: f32 = 0.25;
/// How many of the likeliest intents may boost.
const BOOSTING_INTENTS: usize = 2;
/// Each later item of an intent's list counts this much less than the one
/// before it (editors list the best first).
const RANK_DECAY: f32 = 0.75;

/// The content to boost for intents recognised with these confidences
/// (0 to 1), likeliest first.
pub fn boosts(kb: &KnowledgeBase, intents: &[(&str, f32)]) -> Vec<Boost> {
    let Some(rules) = &kb.signal_rules else {
        return Vec::new();
    };
    let mut out: Vec<Boost> = Vec::new();
    for &(id, confidence) in intents
        .iter()
        .filter(|(_, c)| *c >= BOOST_FROM)
        .take(BOOSTING_INTENTS)
    {
        let Some(signal) = rules.intents.iter().find(|s| s.id == id) else {
            continue;
        };
        for (kind, ids) in [
            (Kind::Article, &signal.articles),
            (Kind::Agency, &signal.agencies),
            (Kind::Script, &signal.scripts),
        ] {
            let mut weight = confidence;
            for id in ids {
                let percent = (weight * 100.0).round().clamp(1.0, 100.0) as u8;
                if !out.iter().any(|b| b.kind == kind && b.id == *id) {
                    out.push(Boost {
                        kind,
                        id: id.clone(),
                        percent,
                    });
                }
                weight *= RANK_DECAY;
            }
        }
    }
    out
}

/// Whether a query is a spoken sentence rather than search terms (either
/// language's reading has the same words).
pub fn is_sentence(reading: &Reading) -> bool {
    reading.words(crate::lang::Lang::Cy).len() >= SENTENCE_WORDS
}

/// Searches like [`Searcher::search`], boosting what a sentence is about.
pub fn search(
    kb: &KnowledgeBase,
    searcher: &Searcher,
    mut req: SearchRequest,
) -> Result<SearchResponse, SearchError> {
    if !req.boost.is_empty() || req.query.chars().count() > crate::search::MAX_QUERY_CHARS {
        return searcher.search(&req);
    }
    if let Some(hit) = searcher.cached(&req) {
        return Ok(hit);
    }
    let asked = req.clone();
    let reading = match &req.reading {
        Some(r) => r.clone(),
        None => Arc::new(Reading::new(&req.query)),
    };
    if is_sentence(&reading) {
        let classifier = Classifier::for_kb(kb);
        let analysed = Analysed::of(reading.clone());
        let guesses = classifier.likeliest(&classifier.features(&analysed));
        let intents: Vec<(&str, f32)> = guesses
            .iter()
            .map(|g| (g.id.as_str(), g.confidence))
            .collect();
        req.boost = boosts(kb, &intents);
    }
    req.reading = Some(reading);
    // Not `searcher.search`: the cache was asked just above.
    let response = searcher.search_uncached(&req)?;
    searcher.remember(&req, &response);
    // Remembered as asked too (the boosts follow from the words), so the
    // same sentence again is answered before it is read, and by the
    // service before it waits for a search thread.
    if !req.boost.is_empty() {
        searcher.remember(&asked, &response);
    }
    Ok(response)
}
