//! A disjunction sized for a small index: the documents any of its queries
//! match, scored as the best match plus a share of the others (the scoring
//! of tantivy's `DisjunctionMaxQuery`).
//!
//! tantivy's unions buffer a window of 4,096 documents, so each one
//! allocates and clears 48 to 64 kB when its scorer is made. A long
//! sentence makes one per word, and that copying was a tenth of an
//! uncached public search. The knowledge base has hundreds of documents and
//! a word a handful of clauses, so stepping through the clauses together
//! costs less. In an index larger than that window (the 100,000-document
//! benchmark), tantivy's buffered union is the faster again, and is used.

use tantivy::query::{
    BooleanWeight, DisjunctionMaxCombiner, EmptyScorer, EnableScoring, Explanation, Occur, Query,
    Scorer, Weight,
};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// Indexes up to this many documents step through the clauses together:
/// tantivy's union buffers this many at a time.
const SMALL_INDEX_DOCS: u64 = 4096;

/// Documents matching any of `queries`; see the module documentation.
#[derive(Debug)]
pub struct AnyOf {
    queries: Vec<Box<dyn Query>>,
    tie_breaker: Score,
}

impl AnyOf {
    /// Matches what any of `queries` matches. A document scores its best
    /// match plus `tie_breaker` times the sum of its other matches.
    pub fn new(queries: Vec<Box<dyn Query>>, tie_breaker: Score) -> Self {
        AnyOf {
            queries,
            tie_breaker,
        }
    }
}

impl Clone for AnyOf {
    fn clone(&self) -> Self {
        AnyOf {
            queries: self.queries.iter().map(|q| q.box_clone()).collect(),
            tie_breaker: self.tie_breaker,
        }
    }
}

impl Query for AnyOf {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .queries
            .iter()
            .map(|q| q.weight(scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let docs = scoring.searcher().map_or(0, |s| s.num_docs());
        if docs > SMALL_INDEX_DOCS {
            let tie_breaker = self.tie_breaker;
            return Ok(Box::new(BooleanWeight::with_minimum_number_should_match(
                weights.into_iter().map(|w| (Occur::Should, w)).collect(),
                1,
                scoring.is_scoring_enabled(),
                Box::new(move || DisjunctionMaxCombiner::with_tie_breaker(tie_breaker)),
            )));
        }
        Ok(Box::new(AnyOfWeight {
            weights,
            tie_breaker: self.tie_breaker,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.queries {
            q.query_terms(visitor);
        }
    }
}

struct AnyOfWeight {
    weights: Vec<Box<dyn Weight>>,
    tie_breaker: Score,
}

impl Weight for AnyOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        for weight in &self.weights {
            // A new scorer stands on its first document; one that matches
            // nothing stands at the end.
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() != TERMINATED {
                scorers.push(scorer);
            }
        }
        if scorers.is_empty() {
            return Ok(Box::new(EmptyScorer));
        }
        if scorers.len() == 1 {
            return Ok(scorers.pop().expect("one scorer"));
        }
        let doc = scorers.iter().map(|s| s.doc()).min().unwrap_or(TERMINATED);
        Ok(Box::new(AnyOfScorer {
            scorers,
            tie_breaker: self.tie_breaker,
            doc,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        let mut explanation = Explanation::new("any of", scorer.score());
        for weight in &self.weights {
            if let Ok(detail) = weight.explain(reader, doc) {
                explanation.add_detail(detail);
            }
        }
        Ok(explanation)
    }
}

struct AnyOfScorer {
    scorers: Vec<Box<dyn Scorer>>,
    tie_breaker: Score,
    doc: DocId,
}

impl DocSet for AnyOfScorer {
    fn advance(&mut self) -> DocId {
        let current = self.doc;
        let mut next = TERMINATED;
        for scorer in &mut self.scorers {
            let doc = if scorer.doc() == current {
                scorer.advance()
            } else {
                scorer.doc()
            };
            next = next.min(doc);
        }
        self.doc = next;
        next
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        let mut next = TERMINATED;
        for scorer in &mut self.scorers {
            let doc = if scorer.doc() < target {
                scorer.seek(target)
            } else {
                scorer.doc()
            };
            next = next.min(doc);
        }
        self.doc = next;
        next
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .map(|s| s.size_hint())
            .max()
            .unwrap_or(0)
    }
}

impl Scorer for AnyOfScorer {
    fn score(&mut self) -> Score {
        // Summed in the clauses' order, as tantivy's union does, so scores
        // come out the same to the last bit.
        let (mut max, mut sum) = (0.0 as Score, 0.0 as Score);
        for scorer in &mut self.scorers {
            if scorer.doc() == self.doc {
                let score = scorer.score();
                max = max.max(score);
                sum += score;
            }
        }
        max + (sum - max) * self.tie_breaker
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BoostQuery, DisjunctionMaxQuery, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{Index, TantivyDocument, doc};

    /// The same documents with the same scores as tantivy's
    /// `DisjunctionMaxQuery`, on documents that match one, several or none
    /// of the clauses.
    #[test]
    fn scores_as_disjunction_max() {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let id = schema.add_text_field("id", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let texts = [
            "cwyn am yr heddlu",
            "adolygiad cwyn cwyn",
            "heddlu",
            "dim byd",
            "cwyn heddlu adolygiad",
        ];
        for (i, text) in texts.iter().enumerate() {
            writer
                .add_document(doc!(body => *text, id => i.to_string()))
                .unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let clauses = || -> Vec<Box<dyn Query>> {
            ["cwyn", "heddlu", "adolygiad", "absennol"]
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let q = TermQuery::new(
                        Term::from_field_text(body, w),
                        IndexRecordOption::WithFreqs,
                    );
                    Box::new(BoostQuery::new(Box::new(q), 1.0 + i as f32)) as Box<dyn Query>
                })
                .collect()
        };
        let top = |q: &dyn Query| {
            searcher
                .search(q, &TopDocs::with_limit(10).order_by_score())
                .unwrap()
                .into_iter()
                .map(|(score, address)| {
                    let doc: TantivyDocument = searcher.doc(address).unwrap();
                    let id = doc
                        .get_first(id)
                        .and_then(|v| tantivy::schema::Value::as_str(&v).map(str::to_string));
                    (id, score)
                })
                .collect::<Vec<_>>()
        };
        let ours = top(&AnyOf::new(clauses(), 0.25));
        let theirs = top(&DisjunctionMaxQuery::with_tie_breaker(clauses(), 0.25));
        assert_eq!(ours.len(), 4, "{ours:?}");
        assert_eq!(ours, theirs);
        // Nothing matches: nothing found.
        assert!(top(&AnyOf::new(Vec::new(), 0.25)).is_empty());
    }
}
