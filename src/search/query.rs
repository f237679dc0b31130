//! From query text to a tantivy query.
//!
//! Queries are never parsed as syntax: the text is analysed exactly like the
//! documents, so quotes, operators and stray punctuation cannot cause an
//! error. Each word becomes a disjunction over fields and over its expansions
//! (surface, lemma, rule radical), weighted so that an exact surface match
//! ranks above a lemma match, which ranks above a rule-only match. Words the
//! index has never seen get typo tolerance; the last word can match as a
//! prefix (search-as-you-type); consecutive words add a proximity bonus.

use std::collections::HashSet;

use tantivy::Term as IndexTerm;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur, PhraseQuery,
    Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;

use super::Boost;
use super::any_of::AnyOf;
use super::expand::Expander;
use crate::analysis::filler::drop_filler;
use crate::analysis::welsh::mutation::radical_candidates;
use crate::analysis::{Reading, Term, Tier, phrase_keys};
use crate::index::{Fields, Mode, TEXT_FIELDS};
use crate::knowledge::{Audience, Kind};
use crate::lang::Lang;

/// Weight of a term by how it relates to the query word.
fn tier_weight(tier: Tier) -> f32 {
    match tier {
        Tier::Exact => 0.9,
        Tier::Lemma => 0.7,
        Tier::Rule => 0.45,
    }
}
/// Share of a word's other field matches added to its best one.
const TIE_BREAKER: f32 = 0.25;
/// Weight of a typo-tolerant match.
const FUZZY_WEIGHT: f32 = 0.5;
/// Weight of a prefix match of the last word.
const PREFIX_WEIGHT: f32 = 0.6;
/// Weight of the phrase-proximity bonus.
const PHRASE_WEIGHT: f32 = 0.8;
/// Weight of a query that equals an editor's keyword or a title.
const KEYPHRASE_WEIGHT: f32 = 6.0;
/// Score of a boosted piece of content at 100%, added when it matches.
/// Chosen on the real-world development set: twice as much lifted the
/// sentences a little but pushed short-ish queries' specific articles below
/// the intent's general ones.
pub const BOOST_WEIGHT: f32 = 4.0;
/// How many unknown words of a sentence get typo tolerance.
const SENTENCE_FUZZY_WORDS: usize = 2;
/// Words further apart than this (in positions) get no proximity bonus.
const PHRASE_SLOP: u32 = 3;

/// A word of the query, ready to turn into clauses.
#[derive(Debug, Clone)]
pub struct QueryWord {
    /// Folded surface form.
    pub surface: String,
    /// Position in the query.
    pub position: usize,
    /// What it matches.
    pub terms: Vec<Term>,
    /// Extra weight (words the glossary or thesaurus added count less).
    pub weight: f32,
    /// Whether the glossary or thesaurus added it.
    pub translated: bool,
}

/// The analysed query.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Language searched.
    pub lang: Lang,
    /// Content words, in order.
    pub words: Vec<QueryWord>,
    /// Whether the last word may be unfinished.
    pub prefix_last: bool,
    /// Normalised keys of the whole query.
    pub keys: Vec<String>,
    /// How many of the typed words a document must match (0: any one).
    pub minimum_match: usize,
}

/// A query of at least this many words (stop words included) is a spoken
/// sentence rather than search terms: its filler is dropped and a share of
/// its words must match.
pub const SENTENCE_WORDS: usize = 6;

/// How many of a sentence's `n` content words a document must match: a
/// quarter, so that a long sentence finds what several of its words are
/// about, not everything that shares one common word.
fn minimum_match(n: usize) -> usize {
    n.div_ceil(4)
}

impl Plan {
    /// Analyses `text` for a search in `lang`, adding the words its
    /// glossary and thesaurus expansions mean.
    pub fn new(text: &str, lang: Lang, expander: &Expander, prefix: bool) -> Plan {
        Plan::read(text, &Reading::new(text), lang, expander, prefix)
    }

    /// [`Plan::new`] for text already read.
    pub fn read(
        text: &str,
        reading: &Reading,
        lang: Lang,
        expander: &Expander,
        prefix: bool,
    ) -> Plan {
        let mut read = Lang::ALL.map(|l| reading.words(l).to_vec());
        let sentence = read[lang as usize].len() >= SENTENCE_WORDS;
        if sentence {
            for l in Lang::ALL {
                drop_filler(l, &mut read[l as usize]);
            }
        }
        let analysed = &read[lang as usize];
        let mut words: Vec<QueryWord> = analysed
            .iter()
            .filter(|w| !w.stop)
            .map(|w| QueryWord {
                surface: w.surface.clone(),
                position: w.position,
                terms: w.terms.clone(),
                weight: 1.0,
                translated: false,
            })
            .collect();
        // The last word is unfinished only if the user is still typing it.
        let prefix_last = prefix
            && analysed
                .last()
                .is_some_and(|w| !w.stop && w.to == text.trim_end().len())
            && text.len() == text.trim_end().len();
        let typed = words.len();
        // Added words stand after the query, so they never join its
        // proximity bonus.
        let after = analysed.last().map_or(0, |w| w.position + 2);
        for (position, added) in (after..).zip(expander.expand(lang, &read)) {
            words.push(QueryWord {
                surface: added.surface,
                position,
                terms: added.terms,
                weight: added.weight,
                translated: true,
            });
        }
        Plan {
            lang,
            words,
            prefix_last,
            keys: phrase_keys(lang, text),
            minimum_match: if sentence { minimum_match(typed) } else { 0 },
        }
    }

    /// Every term a matching document word may have, for highlighting.
    pub fn highlight_terms(&self) -> HashSet<String> {
        self.words
            .iter()
            .flat_map(|w| w.terms.iter().map(|t| t.text.clone()))
            .collect()
    }

    /// Whether there is anything to search for.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// What building a query asks of the index.
pub struct Lookup<'a> {
    /// Whether a term occurs in a field (typo tolerance is only needed for
    /// words the index has never seen).
    pub known: &'a dyn Fn(&IndexTerm) -> bool,
    /// The terms of the searched language's text fields within a distance
    /// (1 or 2) of a word (see [`super::fuzzy`]).
    pub near: &'a dyn Fn(&str, u8) -> std::sync::Arc<[String]>,
}

/// Turns a plan into a tantivy query.
pub fn build(
    plan: &Plan,
    fields: &Fields,
    audience: Audience,
    kind: Option<Kind>,
    boost: &[Boost],
    index: &Lookup,
) -> Box<dyn Query> {
    let lang = plan.lang;
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut typed: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let mut fuzzy_words = 0;
    let last = plan
        .words
        .iter()
        .filter(|w| !w.translated)
        .count()
        .saturating_sub(1);
    for (i, word) in plan.words.iter().enumerate() {
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        let mut seen_anywhere = false;
        for (field, fw) in TEXT_FIELDS {
            let exact = fields.text(lang, field, Mode::Exact);
            let expand = fields.text(lang, field, Mode::Expand);
            // A term a field does not have matches nothing there: leaving
            // it out changes no score and saves its weight and scorer
            // (most of a long query's terms are missing from most fields).
            let surface = IndexTerm::from_field_text(exact, &word.surface);
            if (index.known)(&surface) {
                clauses.push(boosted(term_query(surface), fw * word.weight));
            }
            for t in &word.terms {
                let term = IndexTerm::from_field_text(expand, &t.text);
                if (index.known)(&term) {
                    seen_anywhere = true;
                    clauses.push(boosted(
                        term_query(term),
                        fw * word.weight * tier_weight(t.tier),
                    ));
                }
            }
        }
        let chars = word.surface.chars().count();
        // Typo tolerance walks the term dictionary with an automaton per
        // field, the dearest part of a query; a sentence gets it for its
        // first few unknown words only (the rest still match exactly).
        let fuzzy_allowed = plan.minimum_match == 0 || fuzzy_words < SENTENCE_FUZZY_WORDS;
        if !seen_anywhere && chars >= 5 && fuzzy_allowed {
            fuzzy_words += 1;
            let distance = if chars >= 9 { 2 } else { 1 };
            let near = (index.near)(&word.surface, distance);
            if !near.is_empty() {
                for (field, fw) in TEXT_FIELDS {
                    let field = fields.text(lang, field, Mode::Expand);
                    // A union of term queries, not a `TermSetQuery`: that
                    // builds an `fst` per field, dearer than a few look-ups.
                    let any = AnyOf::new(
                        near.iter()
                            .map(|t| term_query(IndexTerm::from_field_text(field, t)))
                            .collect(),
                        0.0,
                    );
                    clauses.push(Box::new(ConstScoreQuery::new(
                        Box::new(any),
                        fw * word.weight * FUZZY_WEIGHT,
                    )));
                }
            }
        }
        // The last word may be unfinished: only then can it be the start of
        // a longer word. A word the index has is finished, or as good as
        // (its inflections are already among its terms).
        if plan.prefix_last && !word.translated && i == last && chars >= 2 && !seen_anywhere {
            let mut prefixes = vec![(word.surface.clone(), 1.0)];
            if lang == Lang::Cy && chars >= 3 {
                // `fy nghw…` should already find `cwyn`.
                prefixes.extend(
                    radical_candidates(&word.surface)
                        .into_iter()
                        .map(|(c, _)| (c, 0.5)),
                );
            }
            for (prefix, pw) in prefixes {
                for (field, fw) in [TEXT_FIELDS[0], TEXT_FIELDS[1], TEXT_FIELDS[3]] {
                    let term =
                        IndexTerm::from_field_text(fields.text(lang, field, Mode::Exact), &prefix);
                    clauses.push(boosted(
                        Box::new(FuzzyTermQuery::new_prefix(term, 0, false)),
                        fw * word.weight * PREFIX_WEIGHT * pw,
                    ));
                }
            }
        }
        // A word the index lacks still counts as a word of a sentence (it
        // is one of those a document may miss).
        let clause: Box<dyn Query> = if clauses.is_empty() {
            Box::new(EmptyQuery)
        } else {
            Box::new(AnyOf::new(clauses, TIE_BREAKER))
        };
        if plan.minimum_match > 0 && !word.translated {
            typed.push((Occur::Should, clause));
        } else {
            should.push((Occur::Should, clause));
        }
    }
    if !typed.is_empty() {
        // A sentence: enough of its own words must match, and its typed
        // words' score counts as one clause among the bonuses.
        let n = plan.minimum_match.min(typed.len());
        should.push((
            Occur::Must,
            Box::new(BooleanQuery::with_minimum_required_clauses(typed, n)),
        ));
    }
    should.extend(
        proximity(plan, fields)
            .into_iter()
            .map(|q| (Occur::Should, q)),
    );
    for key in &plan.keys {
        let q = term_query(IndexTerm::from_field_text(fields.keyphrase, key));
        should.push((Occur::Should, boosted(q, KEYPHRASE_WEIGHT)));
    }
    for b in boost {
        let key = format!("{}:{}:{}", b.kind, b.id, lang);
        let q = term_query(IndexTerm::from_field_text(fields.key, &key));
        let weight = BOOST_WEIGHT * f32::from(b.percent) / 100.0;
        should.push((Occur::Should, Box::new(ConstScoreQuery::new(q, weight))));
    }

    let mut must: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, Box::new(BooleanQuery::new(should)))];
    let mut filter = |field, value: &str| {
        let q = term_query(IndexTerm::from_field_text(field, value));
        must.push((Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))));
    };
    filter(fields.lang, lang.code());
    if audience == Audience::Public {
        filter(fields.audience, Audience::Public.as_str());
    }
    if let Some(kind) = kind {
        filter(fields.kind, kind.as_str());
    }
    Box::new(BooleanQuery::new(must))
}

/// A bonus for documents where the query's words stand close together.
fn proximity(plan: &Plan, fields: &Fields) -> Vec<Box<dyn Query>> {
    let words: Vec<&QueryWord> = plan.words.iter().filter(|w| !w.translated).collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let first = words[0].position;
    let mut out = Vec::new();
    for (field, fw) in [TEXT_FIELDS[0], TEXT_FIELDS[2], TEXT_FIELDS[3]] {
        let f = fields.text(plan.lang, field, Mode::Expand);
        let terms: Vec<(usize, IndexTerm)> = words
            .iter()
            .map(|w| {
                // The lemma when there is one: it is what every form shares.
                let t = w
                    .terms
                    .iter()
                    .find(|t| t.tier == Tier::Lemma)
                    .unwrap_or(&w.terms[0]);
                (w.position - first, IndexTerm::from_field_text(f, &t.text))
            })
            .collect();
        let q = PhraseQuery::new_with_offset_and_slop(terms, PHRASE_SLOP);
        out.push(boosted(Box::new(q), fw * PHRASE_WEIGHT));
    }
    out
}

fn term_query(term: IndexTerm) -> Box<dyn Query> {
    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}
