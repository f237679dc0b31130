//! Letter templates: Fluent resources with variables.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use super::problem::Problem;
use super::source::Source;
use crate::i18n::Message;

/// Variables the application can fill in a letter. A template that uses any
/// other would render with a gap, so `canllaw check` rejects it.
pub const KNOWN_VARIABLES: &[&str] = &[
    "adviser_name",
    "complaint_date",
    "contact_phone",
    "days_late",
    "deadline_date",
    "decision_date",
    "decision_reasons",
    "force_name",
    "format_note",
    "local_policing_body",
    "outcome_date",
    "reasons",
    "recipient_address",
    "recipient_name",
    "reference",
    "reply_date",
    "request_date",
    "today",
];

/// Messages every letter template defines.
pub const REQUIRED_MESSAGES: &[&str] = &["subject", "body"];

/// What a template defines and uses.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// Message ids.
    pub messages: BTreeSet<String>,
    /// Variable names, without `$`.
    pub variables: BTreeSet<String>,
}

/// Parses a Fluent resource, reporting every syntax error with its line.
pub fn parse(source: &Source) -> Result<Parsed, Vec<Problem>> {
    let resource = match fluent_syntax::parser::parse(source.text.as_ref()) {
        Ok(r) => r,
        Err((_, errors)) => {
            return Err(errors
                .into_iter()
                .map(|e| {
                    // Errors at a line end (an unclosed `{`) point past the
                    // newline; report the line the editor has to fix.
                    let at = e.pos.start.min(source.text.len());
                    let at = source.text.get(..at).unwrap_or("").trim_end().len().max(1) - 1;
                    Problem::at(
                        source.path(),
                        Some(source.line_of_offset(at)),
                        Message::new("check-fluent-syntax").arg("detail", e.to_string()),
                    )
                })
                .collect());
        }
    };
    let mut parsed = Parsed::default();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                parsed.messages.insert(m.id.name.to_string());
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut parsed.variables);
                }
                for a in &m.attributes {
                    pattern_vars(&a.value, &mut parsed.variables);
                }
            }
            Entry::Term(t) => {
                pattern_vars(&t.value, &mut parsed.variables);
                for a in &t.attributes {
                    pattern_vars(&a.value, &mut parsed.variables);
                }
            }
            _ => {}
        }
    }
    Ok(parsed)
}

fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, out),
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_messages_and_variables() {
        let s = Source::new(
            "t.en.ftl",
            "subject = Your review { $reference }\nbody =\n    Dear { $recipient_name },\n    { $days_late ->\n        [one] one day\n       *[other] { $days_late } days\n    } late.\n",
        );
        let p = parse(&s).unwrap();
        assert_eq!(p.messages.len(), 2);
        let vars: Vec<_> = p.variables.iter().map(String::as_str).collect();
        assert_eq!(vars, ["days_late", "recipient_name", "reference"]);
    }

    #[test]
    fn syntax_errors_have_lines() {
        let s = Source::new("t.cy.ftl", "subject = ok\nbody = { $x\n");
        let e = parse(&s).unwrap_err();
        assert_eq!(e[0].line, Some(2), "{}", e[0]);
    }
}
