//! BM25 statistics remembered for one search.
//!
//! Building a query asks the index whether each candidate term occurs, to
//! leave out clauses that would match nothing; tantivy then asks again for
//! each term's document frequency, and for each field's token count, as it
//! weighs every clause. A long sentence has dozens of clauses, and each
//! question is a walk of the term dictionary: answering the second time
//! from memory saved a fifth of the work of weighing.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tantivy::Term;
use tantivy::query::Bm25StatisticsProvider;
use tantivy::schema::Field;

/// The statistics of one searcher, each looked up once.
pub struct Statistics<'a> {
    searcher: &'a tantivy::Searcher,
    doc_freqs: RefCell<FxHashMap<Term, u64>>,
    tokens: RefCell<FxHashMap<Field, u64>>,
}

impl<'a> Statistics<'a> {
    /// Statistics read from `searcher` as they are asked for.
    pub fn new(searcher: &'a tantivy::Searcher) -> Self {
        Statistics {
            searcher,
            doc_freqs: RefCell::default(),
            tokens: RefCell::default(),
        }
    }

    /// Whether any document has `term` (a failed read counts as no).
    pub fn has(&self, term: &Term) -> bool {
        self.doc_freq(term).is_ok_and(|n| n > 0)
    }
}

impl Bm25StatisticsProvider for Statistics<'_> {
    fn total_num_tokens(&self, field: Field) -> tantivy::Result<u64> {
        if let Some(&n) = self.tokens.borrow().get(&field) {
            return Ok(n);
        }
        let n = self.searcher.total_num_tokens(field)?;
        self.tokens.borrow_mut().insert(field, n);
        Ok(n)
    }

    fn total_num_docs(&self) -> tantivy::Result<u64> {
        Bm25StatisticsProvider::total_num_docs(self.searcher)
    }

    fn doc_freq(&self, term: &Term) -> tantivy::Result<u64> {
        if let Some(&n) = self.doc_freqs.borrow().get(term) {
            return Ok(n);
        }
        let n = self.searcher.doc_freq(term)?;
        self.doc_freqs.borrow_mut().insert(term.clone(), n);
        Ok(n)
    }
}
