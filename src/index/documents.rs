//! Turning the knowledge base into index documents: one per searchable item
//! and language.

use pulldown_cmark::{Event, Parser, TagEnd};

use crate::knowledge::reference::to_words;
use crate::knowledge::{Audience, Kind, KnowledgeBase, Page};
use crate::lang::Lang;

/// One document to index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDoc {
    /// Content id.
    pub id: String,
    /// Kind of content.
    pub kind: Kind,
    /// Language of this version.
    pub lang: Lang,
    /// Who may see it.
    pub audience: Audience,
    /// Title or name.
    pub title: String,
    /// Search terms, one per line.
    pub keywords: String,
    /// Summary or description.
    pub summary: String,
    /// Plain-text body.
    pub body: String,
}

/// Every searchable document in `kb`: articles, scripts, and each agency once
/// per language.
pub fn documents(kb: &KnowledgeBase) -> Vec<IndexDoc> {
    let mut docs = Vec::new();
    for a in &kb.articles {
        docs.push(page_doc(kb, &a.page, Kind::Article));
    }
    for s in &kb.scripts {
        docs.push(page_doc(kb, &s.page, Kind::Script));
    }
    for a in &kb.agencies {
        for lang in Lang::ALL {
            // Callers often know an agency by its name in the other language.
            let mut keywords = a.keywords.get(lang).clone();
            keywords.push(a.name.get(lang.other()).clone());
            let mut body = a.when_to_refer.get(lang).clone();
            if let Some(h) = &a.hours {
                body.push('\n');
                body.push_str(h.get(lang));
            }
            docs.push(IndexDoc {
                id: a.id.clone(),
                kind: Kind::Agency,
                lang,
                audience: a.audience,
                title: a.name.get(lang).clone(),
                keywords: keywords.join("\n"),
                summary: a.description.get(lang).clone(),
                body,
            });
        }
    }
    docs
}

fn page_doc(kb: &KnowledgeBase, p: &Page, kind: Kind) -> IndexDoc {
    IndexDoc {
        id: p.id.clone(),
        kind,
        lang: p.lang,
        audience: p.audience,
        title: p.title.clone(),
        keywords: p.keywords.join("\n"),
        summary: p.summary.clone(),
        // References are indexed (and snippets shown) as the titles the
        // reader sees, not as ids.
        body: markdown_to_text(&to_words(&p.body, kb, p.lang)),
    }
}

/// The readable text of Markdown: no markup, no raw HTML, one line per block.
pub fn markdown_to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::BlockQuote(_),
            ) if !out.ends_with('\n') => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_plain_text_without_html() {
        let text = markdown_to_text("## Heading\n\nSome *em* text <b>bold</b>\n\n- item");
        assert_eq!(text, "Heading\nSome em text bold\nitem");
        let text = markdown_to_text("<script>alert(1)</script>\n\nafter");
        assert!(!text.contains('<'), "{text}");
    }
}
