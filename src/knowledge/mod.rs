//! The knowledge model: articles, scripts, agencies, adjustment rules, flows,
//! letter templates, police forces and the glossary; loading them from files
//! and validating them.

pub mod date;
pub mod details;
pub mod frontmatter;
pub mod load;
pub mod lookup;
pub mod model;
pub mod problem;
pub mod reference;
pub mod source;
pub mod template;
pub mod validate;
pub mod walk;

use sha2::{Digest, Sha256};

pub use self::load::{Loaded, load_dir, load_sources, read_sources};
pub use self::lookup::{AgencyFilter, LookupError, MAX_QUERY_CHARS};
pub use self::model::*;
pub use self::problem::Problem;
pub use self::source::Source;

use crate::lang::Lang;

/// The whole knowledge base, as loaded.
#[derive(Debug, Default, Clone)]
pub struct KnowledgeBase {
    /// Articles, one entry per language version.
    pub articles: Vec<Article>,
    /// Scripts, one entry per language version.
    pub scripts: Vec<Script>,
    /// Agencies (bilingual).
    pub agencies: Vec<Agency>,
    /// Reasonable-adjustment rules (bilingual).
    pub adjustments: Vec<Adjustment>,
    /// Guided question flows (bilingual).
    pub flows: Vec<Flow>,
    /// High-profile matters and their lines to take (bilingual).
    pub matters: Vec<Matter>,
    /// Letter templates, one entry per language version.
    pub templates: Vec<Template>,
    /// Police forces.
    pub forces: Vec<Force>,
    /// Where the forces came from.
    pub forces_source: Option<Source>,
    /// Welsh/English terminology.
    pub glossary: Vec<GlossaryEntry>,
    /// The review time rule (`rules/reviews.toml`).
    pub review_rules: Option<ReviewRules>,
    /// Intents and flags (`rules/intents.toml`).
    pub signal_rules: Option<SignalRules>,
    /// Example sentences for intents and flags (`rules/examples.toml`).
    pub examples: Option<Examples>,
    /// Callers' words and the guidance's terms (`rules/thesaurus.tsv`).
    pub thesaurus: Vec<ThesaurusEntry>,
}

impl KnowledgeBase {
    /// An article in one language.
    pub fn article(&self, id: &str, lang: Lang) -> Option<&Article> {
        self.articles
            .iter()
            .find(|a| a.page.id == id && a.page.lang == lang)
    }

    /// A script in one language.
    pub fn script(&self, id: &str, lang: Lang) -> Option<&Script> {
        self.scripts
            .iter()
            .find(|s| s.page.id == id && s.page.lang == lang)
    }

    /// An agency.
    pub fn agency(&self, id: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.id == id)
    }
}

/// A fingerprint of the knowledge files' names and contents, so an index built
/// from them can tell when it is stale.
pub fn fingerprint(sources: &[Source], root: &std::path::Path) -> String {
    let mut h = Sha256::new();
    for s in sources {
        let rel = s.path.strip_prefix(root).unwrap_or(&s.path);
        h.update(rel.to_string_lossy().as_bytes());
        h.update([0]);
        h.update(s.text.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// The glossary as (Welsh, English) pairs of folded phrases, without notes in
/// brackets (`cwyn (pl. cwynion)` → `cwyn`), for cross-language expansion.
pub fn glossary_pairs(kb: &KnowledgeBase) -> Vec<(String, String)> {
    fn clean(s: &str) -> String {
        let base = s.split('(').next().unwrap_or(s);
        crate::analysis::fold(base.trim())
    }
    kb.glossary
        .iter()
        .map(|g| (clean(&g.cy), clean(&g.en)))
        .filter(|(cy, en)| !cy.is_empty() && !en.is_empty())
        .collect()
}
