//! References from one item's text to another: `[[kind:id]]`, or
//! `[[kind:id|text]]` with the link text given, where kind is `article`,
//! `script` or `agency` (Markdown wiki-links, parsed by pulldown-cmark). A
//! reference is shown as a link titled in the reader's language, indexed as
//! that title, and `canllaw check` reports references to ids that do not
//! exist.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};

use super::{Kind, KnowledgeBase};
use crate::lang::Lang;

/// The Markdown extensions content is written with.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_WIKILINKS
}

/// One reference in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// What it points at, as written (`script:identity-check`).
    pub target: String,
    /// The kind and id, when the target is well formed.
    pub resolved: Option<(Kind, String)>,
    /// The link text given after `|`, if any.
    pub text: Option<String>,
    /// Where the whole `[[…]]` is in the text (bytes).
    pub span: Range<usize>,
}

/// Splits `kind:id`.
pub fn parse_target(target: &str) -> Option<(Kind, String)> {
    let (kind, id) = target.trim().split_once(':')?;
    let kind: Kind = kind.trim().parse().ok()?;
    let id = id.trim();
    super::validate::is_valid_id(id).then(|| (kind, id.to_string()))
}

/// Every reference in a Markdown text, in order.
pub fn references(markdown: &str) -> Vec<Reference> {
    let mut found: Vec<Reference> = Vec::new();
    let mut inside: Option<(Reference, bool)> = None;
    for (event, span) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                dest_url,
                ..
            }) => {
                let target = dest_url.to_string();
                inside = Some((
                    Reference {
                        resolved: parse_target(&target),
                        target,
                        text: has_pothole.then(String::new),
                        span,
                    },
                    has_pothole,
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((r, true)) = &mut inside
                    && let Some(text) = &mut r.text
                {
                    text.push_str(&t);
                }
            }
            Event::End(pulldown_cmark::TagEnd::Link) => {
                if let Some((r, _)) = inside.take() {
                    found.push(r);
                }
            }
            _ => {}
        }
    }
    found
}

/// The title of an item in `lang` (in the other language for an item that
/// exists in one only).
pub fn title(kb: &KnowledgeBase, kind: Kind, id: &str, lang: Lang) -> Option<String> {
    match kind {
        Kind::Article => kb.find_article(id, lang).map(|a| a.page.title.clone()),
        Kind::Script => kb.find_script(id, lang).map(|s| s.page.title.clone()),
        Kind::Agency => kb.find_agency(id).map(|a| a.name.get(lang).clone()),
    }
}

/// The text with each reference replaced by its words in `lang` (the given
/// link text, else the target's title), as search and snippets should see
/// it. A reference to nothing keeps its target as written.
pub fn to_words(markdown: &str, kb: &KnowledgeBase, lang: Lang) -> String {
    let refs = references(markdown);
    if refs.is_empty() {
        return markdown.to_string();
    }
    let mut out = String::with_capacity(markdown.len());
    let mut at = 0;
    for r in refs {
        out.push_str(&markdown[at..r.span.start]);
        let words = r
            .text
            .clone()
            .or_else(|| {
                let (kind, id) = r.resolved.as_ref()?;
                title(kb, *kind, id, lang)
            })
            .unwrap_or(r.target);
        out.push_str(&words);
        at = r.span.end;
    }
    out.push_str(&markdown[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_with_their_spans() {
        let text = "Gweler y sgript [[script:identity-check]] a [[article:how-to-complain|sut i gwyno]].\n\n`[[not:this]]` [x](https://example.org) [ref] [[ nonsense ]]";
        let refs = references(text);
        assert_eq!(refs.len(), 3, "{refs:?}");
        assert_eq!(
            refs[0].resolved,
            Some((Kind::Script, "identity-check".into()))
        );
        assert_eq!(&text[refs[0].span.clone()], "[[script:identity-check]]");
        assert_eq!(refs[0].text, None);
        assert_eq!(
            refs[1].resolved,
            Some((Kind::Article, "how-to-complain".into()))
        );
        assert_eq!(refs[1].text.as_deref(), Some("sut i gwyno"));
        assert_eq!(
            refs[2].resolved, None,
            "no kind: not a reference to anything"
        );
    }

    #[test]
    fn targets_need_a_kind_and_a_valid_id() {
        assert_eq!(
            parse_target("agency:relay-uk"),
            Some((Kind::Agency, "relay-uk".into()))
        );
        for bad in [
            "relay-uk",
            "flow:x",
            "article:../etc",
            "article:",
            "Article:X",
        ] {
            assert_eq!(parse_target(bad), None, "{bad}");
        }
    }
}
