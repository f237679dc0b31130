//! Adapters that let tantivy use our analysis. Each language has two
//! analysers: `exact` (folded surface forms) and `expand` (every term a word
//! should match, at the word's position, so phrases still line up).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer, TokenizerManager};

use crate::analysis::analyze;
use crate::lang::Lang;

/// Which terms a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The folded surface form only.
    Exact,
    /// Surface form, lemmas, radicals and stems.
    Expand,
}

/// Name under which the analyser for `lang` and `mode` is registered.
pub fn name(lang: Lang, mode: Mode) -> &'static str {
    match (lang, mode) {
        (Lang::Cy, Mode::Exact) => "cy_exact",
        (Lang::Cy, Mode::Expand) => "cy_expand",
        (Lang::En, Mode::Exact) => "en_exact",
        (Lang::En, Mode::Expand) => "en_expand",
    }
}

/// Registers all four analysers.
pub fn register(manager: &TokenizerManager) {
    for lang in Lang::ALL {
        for mode in [Mode::Exact, Mode::Expand] {
            manager.register(name(lang, mode), Analyzer { lang, mode });
        }
    }
}

/// One of our analysers, as a tantivy tokenizer.
#[derive(Debug, Clone)]
pub struct Analyzer {
    lang: Lang,
    mode: Mode,
}

/// Tokens produced up front from our analysis.
pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

impl Tokenizer for Analyzer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let mut tokens = Vec::new();
        for word in analyze(self.lang, text) {
            if word.stop {
                continue;
            }
            let terms = match self.mode {
                Mode::Exact => &word.terms[..1],
                Mode::Expand => &word.terms[..],
            };
            for term in terms {
                tokens.push(Token {
                    offset_from: word.from,
                    offset_to: word.to,
                    position: word.position,
                    text: term.text.clone(),
                    position_length: 1,
                });
            }
        }
        VecTokenStream { tokens, next: 0 }
    }
}
