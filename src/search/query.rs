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
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur,
    PhraseQuery, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;

use crate::analysis::welsh::mutation::radical_candidates;
use crate::analysis::{Term, Tier, Word, analyze, phrase_keys};
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
/// Weight of words that came from the glossary, not from the query.
const TRANSLATED_WEIGHT: f32 = 0.5;
/// Weight of a typo-tolerant match.
const FUZZY_WEIGHT: f32 = 0.5;
/// Weight of a prefix match of the last word.
const PREFIX_WEIGHT: f32 = 0.6;
/// Weight of the phrase-proximity bonus.
const PHRASE_WEIGHT: f32 = 0.8;
/// Weight of a query that equals an editor's keyword or a title.
const KEYPHRASE_WEIGHT: f32 = 6.0;
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
    /// Extra weight (glossary translations count less).
    pub weight: f32,
    /// Whether it came from the glossary.
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
}

impl Plan {
    /// Analyses `text` for a search in `lang`, adding glossary translations of
    /// other-language terms found in it.
    pub fn new(text: &str, lang: Lang, glossary: &[(String, String)], prefix: bool) -> Plan {
        let analysed = analyze(lang, text);
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
        let next_position = analysed.last().map_or(0, |w| w.position + 2);
        words.extend(translations(text, lang, glossary, next_position));
        Plan {
            lang,
            words,
            prefix_last,
            keys: phrase_keys(lang, text),
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

/// Glossary terms of the other language found in `text`, as words of `lang`.
fn translations(
    text: &str,
    lang: Lang,
    glossary: &[(String, String)],
    mut position: usize,
) -> Vec<QueryWord> {
    let other = lang.other();
    let source: Vec<Word> = analyze(other, text)
        .into_iter()
        .filter(|w| !w.stop)
        .collect();
    if source.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (cy, en) in glossary {
        let (from, to) = match lang {
            Lang::Cy => (en, cy),
            Lang::En => (cy, en),
        };
        let phrase: Vec<Word> = analyze(other, from)
            .into_iter()
            .filter(|w| !w.stop)
            .collect();
        if phrase.is_empty() || !contains_phrase(&source, &phrase) {
            continue;
        }
        for w in analyze(lang, to).into_iter().filter(|w| !w.stop) {
            out.push(QueryWord {
                surface: w.surface,
                position,
                terms: w.terms,
                weight: TRANSLATED_WEIGHT,
                translated: true,
            });
            position += 1;
        }
    }
    out
}

/// Whether `phrase` occurs as consecutive words of `words`, comparing the
/// words' best analysed forms (surface or stem).
fn contains_phrase(words: &[Word], phrase: &[Word]) -> bool {
    let key = |w: &Word| w.terms.last().map(|t| t.text.clone()).unwrap_or_default();
    let p: Vec<String> = phrase.iter().map(key).collect();
    let s: Vec<String> = words.iter().map(key).collect();
    s.windows(p.len()).any(|win| win == p.as_slice())
}

/// Turns a plan into a tantivy query. `known` says whether a term occurs in a
/// field (typo tolerance is only needed for words the index has never seen).
pub fn build(
    plan: &Plan,
    fields: &Fields,
    audience: Audience,
    kind: Option<Kind>,
    known: &dyn Fn(&IndexTerm) -> bool,
) -> Box<dyn Query> {
    let lang = plan.lang;
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
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
            let surface = IndexTerm::from_field_text(exact, &word.surface);
            clauses.push(boosted(term_query(surface), fw * word.weight));
            for t in &word.terms {
                let term = IndexTerm::from_field_text(expand, &t.text);
                seen_anywhere |= known(&term);
                clauses.push(boosted(
                    term_query(term),
                    fw * word.weight * tier_weight(t.tier),
                ));
            }
        }
        let chars = word.surface.chars().count();
        if !seen_anywhere && chars >= 5 {
            let distance = if chars >= 9 { 2 } else { 1 };
            for (field, fw) in TEXT_FIELDS {
                let term = IndexTerm::from_field_text(
                    fields.text(lang, field, Mode::Expand),
                    &word.surface,
                );
                clauses.push(boosted(
                    Box::new(FuzzyTermQuery::new(term, distance, true)),
                    fw * word.weight * FUZZY_WEIGHT,
                ));
            }
        }
        if plan.prefix_last && !word.translated && i == last && chars >= 2 {
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
        should.push((
            Occur::Should,
            Box::new(DisjunctionMaxQuery::with_tie_breaker(clauses, TIE_BREAKER)),
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
