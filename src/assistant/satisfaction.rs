//! The satisfaction questions, read from the `satisfaction-questions`
//! script so editors change them in one place: every numbered item of the
//! script is a question, in order, and the last one is the open question
//! (a comment, not a score).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;

/// The script the questions come from.
pub const SCRIPT_ID: &str = "satisfaction-questions";

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// `q1`, `q2`, … in order.
    pub id: String,
    /// The question as the adviser reads it.
    pub text: String,
    /// Scored 1–5 (otherwise a free comment).
    pub scored: bool,
}

/// The questions in `lang`, or none if the script has no numbered list.
pub fn questions(kb: &KnowledgeBase, lang: Lang) -> Vec<Question> {
    let Some(script) = kb.script(SCRIPT_ID, lang) else {
        return Vec::new();
    };
    let mut items: Vec<String> = Vec::new();
    let mut in_ordered = 0usize;
    let mut current: Option<String> = None;
    for event in Parser::new(&script.page.body) {
        match event {
            Event::Start(Tag::List(Some(_))) => in_ordered += 1,
            Event::End(TagEnd::List(true)) => in_ordered = in_ordered.saturating_sub(1),
            Event::Start(Tag::Item) if in_ordered > 0 => current = Some(String::new()),
            Event::End(TagEnd::Item) => {
                if let Some(text) = current.take() {
                    items.push(text.trim().to_string());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = current.as_mut() {
                    c.push(' ');
                }
            }
            _ => {}
        }
    }
    let last = items.len().saturating_sub(1);
    items
        .into_iter()
        .enumerate()
        .map(|(i, text)| Question {
            id: format!("q{}", i + 1),
            text,
            scored: i < last,
        })
        .collect()
}
