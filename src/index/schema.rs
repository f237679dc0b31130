//! The index schema: identity and filter fields, stored display text, and for
//! each language four text fields (title, keywords, summary, body) in two
//! analyses (exact and expanded).

use tantivy::schema::{
    FAST, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};

use super::tokenizers::{Mode, name};
use crate::knowledge::Kind;
use crate::lang::Lang;

/// Name of the fast field holding [`kind_code`].
pub const KIND_CODE_FIELD: &str = "kind_code";

/// A kind as a number, for the fast field ranking reads.
pub fn kind_code(kind: Kind) -> u64 {
    match kind {
        Kind::Article => 0,
        Kind::Agency => 1,
        Kind::Script => 2,
    }
}

/// The kind a [`kind_code`] stands for.
pub fn kind_from_code(code: u64) -> Kind {
    match code {
        1 => Kind::Agency,
        2 => Kind::Script,
        _ => Kind::Article,
    }
}

/// The text fields every document has, with their ranking weight: a match in
/// the title counts most, then keywords, summary and body.
pub const TEXT_FIELDS: [(TextField, f32); 4] = [
    (TextField::Title, 3.0),
    (TextField::Keywords, 2.2),
    (TextField::Summary, 1.5),
    (TextField::Body, 1.0),
];

/// A searchable text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// Title or name.
    Title,
    /// Extra search terms.
    Keywords,
    /// Summary or description.
    Summary,
    /// Body or when-to-refer text.
    Body,
}

impl TextField {
    fn name(self) -> &'static str {
        match self {
            TextField::Title => "title",
            TextField::Keywords => "keywords",
            TextField::Summary => "summary",
            TextField::Body => "body",
        }
    }
}

/// Handles to every field.
#[derive(Debug, Clone)]
pub struct Fields {
    /// `kind:id:lang`, unique per document (for updates).
    pub key: Field,
    /// Content id.
    pub id: Field,
    /// `article`, `agency` or `script`.
    pub kind: Field,
    /// The kind as a number (see [`kind_code`]), a fast field for ranking.
    pub kind_code: Field,
    /// `cy` or `en`.
    pub lang: Field,
    /// `public` or `internal`.
    pub audience: Field,
    /// Normalised keys of the title and each keyword (see
    /// [`crate::analysis::phrase_keys`]).
    pub keyphrase: Field,
    /// Title as written, for display.
    pub title_text: Field,
    /// Summary as written, for display.
    pub summary_text: Field,
    /// Body as plain text, for snippets.
    pub body_text: Field,
    text: Vec<(Lang, TextField, Mode, Field)>,
}

impl Fields {
    /// The indexed field for a language, text field and analysis.
    pub fn text(&self, lang: Lang, field: TextField, mode: Mode) -> Field {
        self.text
            .iter()
            .find(|(l, f, m, _)| *l == lang && *f == field && *m == mode)
            .map(|(.., fld)| *fld)
            .expect("every (lang, field, mode) has a field")
    }
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let key = b.add_text_field("key", STRING | STORED);
    let id = b.add_text_field("id", STRING | STORED);
    let kind = b.add_text_field("kind", STRING | STORED);
    let kind_code = b.add_u64_field(KIND_CODE_FIELD, FAST);
    let lang = b.add_text_field("lang", STRING | STORED);
    let audience = b.add_text_field("audience", STRING | STORED);
    let keyphrase = b.add_text_field("keyphrase", STRING);
    let title_text = b.add_text_field("title_text", STORED);
    let summary_text = b.add_text_field("summary_text", STORED);
    let body_text = b.add_text_field("body_text", STORED);
    let mut text = Vec::new();
    for l in Lang::ALL {
        for (f, _) in TEXT_FIELDS {
            for mode in [Mode::Exact, Mode::Expand] {
                let suffix = if mode == Mode::Expand { "_x" } else { "" };
                let options = TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(name(l, mode))
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                );
                let field =
                    b.add_text_field(&format!("{}_{}{suffix}", f.name(), l.code()), options);
                text.push((l, f, mode, field));
            }
        }
    }
    (
        b.build(),
        Fields {
            key,
            id,
            kind,
            kind_code,
            lang,
            audience,
            keyphrase,
            title_text,
            summary_text,
            body_text,
            text,
        },
    )
}
