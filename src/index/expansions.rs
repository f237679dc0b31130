//! What a query means besides what it says: the glossary's Welsh/English
//! pairs (each way) and the editors' colloquial and dialect thesaurus
//! (`rules/thesaurus.tsv`). Stored beside the index they were built with,
//! so a searcher always expands with the knowledge its index holds.

use serde::{Deserialize, Serialize};

use crate::knowledge::{KnowledgeBase, glossary_pairs};
use crate::lang::Lang;

/// Where an expansion comes from; it sets how much the added words count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// A glossary pair: a term of the other language.
    Glossary,
    /// A thesaurus line: how callers say what the guidance says.
    Thesaurus,
}

/// When a query (read as `from`) contains `said`, a search in `to` also
/// looks for `means`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expansion {
    /// The language `said` is read in.
    pub from: Lang,
    /// The words that trigger it.
    pub said: String,
    /// The language of the search it helps, and of `means`.
    pub to: Lang,
    /// The words added.
    pub means: String,
    /// Glossary or thesaurus.
    pub origin: Origin,
}

/// Every expansion of a knowledge base: glossary pairs both ways, then the
/// thesaurus (whose right-hand side is in the language of its line).
pub fn of(kb: &KnowledgeBase) -> Vec<Expansion> {
    let mut out = Vec::new();
    for (cy, en) in glossary_pairs(kb) {
        for (from, said, to, means) in [
            (Lang::En, &en, Lang::Cy, &cy),
            (Lang::Cy, &cy, Lang::En, &en),
        ] {
            out.push(Expansion {
                from,
                said: said.clone(),
                to,
                means: means.clone(),
                origin: Origin::Glossary,
            });
        }
    }
    out.extend(kb.thesaurus.iter().map(|t| Expansion {
        from: t.lang,
        said: t.said.clone(),
        to: t.lang,
        means: t.means.clone(),
        origin: Origin::Thesaurus,
    }));
    out
}
