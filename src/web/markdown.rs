//! Knowledge-base Markdown to HTML. References to other items
//! (`[[kind:id]]`) become links titled in the page's language. Always
//! sanitised with ammonia: content is written by editors, and a slip (or a
//! pasted `<script>`) must never run in an adviser's browser.

use pulldown_cmark::{CowStr, Event, LinkType, Parser, Tag, TagEnd, html};

use crate::knowledge::Kind;
use crate::knowledge::reference::{markdown_options, parse_target};

/// Where a reference leads: its title and address, or `None` when it names
/// nothing (then its text is shown without a link).
pub trait Links {
    /// The title and address of `id`.
    fn link(&self, kind: Kind, id: &str) -> Option<(String, String)>;
}

impl<F: Fn(Kind, &str) -> Option<(String, String)>> Links for F {
    fn link(&self, kind: Kind, id: &str) -> Option<(String, String)> {
        self(kind, id)
    }
}

/// Renders Markdown to safe HTML, resolving references with `links`.
/// Headings move down `heading_offset` levels, so a body shown under the
/// page's own headings keeps the outline in order (a script under its `h3`
/// title starts at `h4`).
pub fn to_safe_html(markdown: &str, links: &impl Links, heading_offset: usize) -> String {
    use pulldown_cmark::HeadingLevel;
    let shift = |level: HeadingLevel| {
        HeadingLevel::try_from((level as usize + heading_offset).min(6)).unwrap_or(HeadingLevel::H6)
    };
    /// Where the renderer is relative to a reference.
    enum Inside {
        /// Not in a reference.
        No,
        /// A linked reference whose text is the target's title.
        Titled(String),
        /// A linked reference with the editor's own text (`|text`).
        OwnText,
        /// A reference to nothing: its target is shown, unlinked.
        Unresolved,
    }
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut inside = Inside::No;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match (event, &inside) {
            (
                Event::Start(Tag::Link {
                    link_type: LinkType::WikiLink { has_pothole },
                    dest_url,
                    ..
                }),
                _,
            ) => {
                let target = parse_target(&dest_url).and_then(|(kind, id)| links.link(kind, &id));
                inside = match target {
                    Some((title, href)) => {
                        events.push(Event::Start(Tag::Link {
                            link_type: LinkType::Inline,
                            dest_url: CowStr::from(href),
                            title: CowStr::from(""),
                            id: CowStr::from(""),
                        }));
                        if has_pothole {
                            Inside::OwnText
                        } else {
                            Inside::Titled(title)
                        }
                    }
                    // `canllaw check` reports it; show the words, no link.
                    None => {
                        events.push(Event::Text(dest_url));
                        Inside::Unresolved
                    }
                };
            }
            (
                Event::End(TagEnd::Link),
                Inside::Titled(_) | Inside::OwnText | Inside::Unresolved,
            ) => match std::mem::replace(&mut inside, Inside::No) {
                Inside::Titled(title) => {
                    events.push(Event::Text(CowStr::from(title)));
                    events.push(Event::End(TagEnd::Link));
                }
                Inside::OwnText => events.push(Event::End(TagEnd::Link)),
                _ => {}
            },
            // A wiki-link's own text is its target: replaced by the title.
            (_, Inside::Titled(_) | Inside::Unresolved) => {}
            (
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }),
                _,
            ) => events.push(Event::Start(Tag::Heading {
                level: shift(level),
                id,
                classes,
                attrs,
            })),
            (Event::End(TagEnd::Heading(level)), _) => {
                events.push(Event::End(TagEnd::Heading(shift(level))))
            }
            (other, _) => events.push(other),
        }
    }
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, events.into_iter());
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&raw)
        .to_string()
}

/// The text of each top-level block quote, in order: in a script these
/// are the lines to say aloud. Plain text (references keep their visible
/// text), so the console can show the line for the current stage alone.
pub fn quotes(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && !current.trim().is_empty() {
                    out.push(current.split_whitespace().collect::<Vec<_>>().join(" "));
                    current.clear();
                }
            }
            Event::Text(t) | Event::Code(t) if depth > 0 => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak if depth > 0 => current.push(' '),
            Event::End(TagEnd::Paragraph) if depth > 0 => current.push(' '),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_the_lines_to_say() {
        let md = "## When\n\nUse it.\n\n> Bore da, **[enw]** sy'n siarad.\n> Sut alla i helpu?\n\nThen:\n\n> Diolch.\n";
        assert_eq!(
            quotes(md),
            ["Bore da, [enw] sy'n siarad. Sut alla i helpu?", "Diolch."]
        );
        assert!(quotes("No quotes here.").is_empty());
    }

    #[test]
    fn headings_move_down_under_the_page_outline() {
        let html = to_safe_html("## Pryd\n\n### Sut\n\n###### Dwfn", &none, 2);
        assert!(html.contains("<h4>Pryd</h4>"), "{html}");
        assert!(html.contains("<h5>Sut</h5>"), "{html}");
        assert!(html.contains("<h6>Dwfn</h6>"), "capped at h6: {html}");
    }

    fn none(_: Kind, _: &str) -> Option<(String, String)> {
        None
    }

    fn titles(kind: Kind, id: &str) -> Option<(String, String)> {
        (id != "missing").then(|| (format!("Teitl {id}"), format!("/{kind}/{id}")))
    }

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = to_safe_html(
            "Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n**bold**",
            &none,
            0,
        );
        assert!(!html.contains("<script"));
        assert!(!html.contains("javascript:"));
        assert!(!html.contains("onerror"));
        assert!(html.contains("<strong>bold</strong>"));
    }

    #[test]
    fn references_become_links_titled_by_the_target() {
        let html = to_safe_html(
            "Gweler [[script:identity-check]], [[article:how-to-complain|sut i gwyno]] a [[article:missing]].",
            &titles,
            0,
        );
        assert!(
            html.contains(r#"<a href="/script/identity-check" rel="noopener noreferrer">Teitl identity-check</a>"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<a href="/article/how-to-complain" rel="noopener noreferrer">sut i gwyno</a>"#
            ),
            "{html}"
        );
        assert!(!html.contains("[["), "{html}");
        assert!(!html.contains("/article/missing"), "{html}");
        assert!(
            html.contains("article:missing"),
            "unresolved shows its target: {html}"
        );
    }

    #[test]
    fn titles_are_escaped() {
        let evil =
            |_: Kind, _: &str| Some(("<img src=x onerror=alert(1)>".to_string(), "/x".to_string()));
        let html = to_safe_html("[[article:how-to-complain]]", &evil, 0);
        assert!(!html.contains("<img"), "{html}");
    }
}
