//! Every interface string exists in Welsh and English, and every message id
//! the code or templates use exists.

use std::collections::BTreeSet;
use std::path::Path;

use canllaw::assistant::contact::{Channel, ContactOutcome};
use canllaw::auth::Role;
use canllaw::i18n::has_message;
use canllaw::knowledge::validate::{AREAS, NEED_TAGS};
use canllaw::knowledge::{CallerType, Stage};
use canllaw::lang::Lang;
use fluent_syntax::ast::Entry;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Message ids defined in `locales/<lang>/*.ftl`, parsed with fluent-syntax
/// (a syntax error fails the test).
fn defined(lang: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("locales").join(lang)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for e in resource.body {
            if let Entry::Message(m) = e {
                assert!(
                    ids.insert(m.id.name.to_string()),
                    "{} defined twice",
                    m.id.name
                );
            }
        }
    }
    ids
}

fn files(dir: &Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some(ext) {
            out.push(path);
        }
    }
}

/// Ids passed as literals to `t(…)`, `t1(…)`, `t2(…)` or `Message::new(…)`
/// in code and templates.
fn used() -> BTreeSet<String> {
    let mut paths = Vec::new();
    files(&root().join("src"), "rs", &mut paths);
    files(&root().join("templates"), "html", &mut paths);
    let mut ids = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        for call in [".t(\"", ".t1(\"", ".t2(\"", "Message::new(\""] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(call) {
                rest = &rest[at + call.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                if !id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                {
                    ids.insert(id.to_string());
                }
            }
        }
    }
    ids
}

#[test]
fn both_languages_define_the_same_messages() {
    let (cy, en) = (defined("cy"), defined("en"));
    let only_cy: Vec<_> = cy.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&cy).collect();
    assert!(
        only_cy.is_empty() && only_en.is_empty(),
        "only in cy: {only_cy:?}; only in en: {only_en:?}"
    );
    assert!(cy.len() > 100);
}

#[test]
fn every_message_used_in_code_exists() {
    let used = used();
    assert!(used.len() > 50, "the scan finds the calls ({})", used.len());
    let cy = defined("cy");
    let missing: Vec<_> = used.iter().filter(|id| !cy.contains(*id)).collect();
    assert!(missing.is_empty(), "used but not defined: {missing:?}");
}

#[test]
fn labels_exist_for_every_tag_stage_and_role() {
    let mut ids: Vec<String> = Vec::new();
    ids.extend(NEED_TAGS.iter().map(|t| format!("need-{t}")));
    ids.extend(AREAS.iter().map(|a| format!("area-{a}")));
    ids.extend(Stage::ALL.iter().map(|s| format!("stage-{}", s.as_str())));
    ids.extend(Role::ALL.iter().map(|r| format!("role-{}", r.as_str())));
    ids.extend(
        Channel::ALL
            .iter()
            .map(|c| format!("channel-{}", c.as_str())),
    );
    ids.extend(
        CallerType::ALL
            .iter()
            .map(|c| format!("caller-type-{}", c.as_str())),
    );
    ids.extend(
        ContactOutcome::ALL
            .iter()
            .map(|o| format!("outcome-{}", o.as_str())),
    );
    ids.extend(
        canllaw::knowledge::template::KNOWN_VARIABLES
            .iter()
            .map(|v| format!("letter-var-{}", v.replace('_', "-"))),
    );
    // The editors' pages: folders, workflow states, what was just done,
    // and what a refused field expected.
    ids.extend(
        canllaw::knowledge::load::FOLDERS
            .iter()
            .chain(&["glossary"])
            .map(|f| format!("folder-{f}")),
    );
    ids.extend(
        ["published", "draft", "in_review"]
            .iter()
            .map(|s| format!("status-{s}")),
    );
    ids.extend(
        ["public", "internal"]
            .iter()
            .map(|a| format!("audience-{a}")),
    );
    ids.extend(
        ["draft", "in-review"]
            .iter()
            .map(|s| format!("editor-draft-state-{s}")),
    );
    ids.extend(
        [
            "saved",
            "submitted",
            "published",
            "published-not-reloaded",
            "discarded",
            "confirmed",
            "retire-saved",
            "translation-started",
            "restored",
            "created",
        ]
        .iter()
        .map(|d| format!("editor-done-{d}")),
    );
    ids.extend(
        ["text", "list", "bool", "date", "integer", "number"]
            .iter()
            .map(|k| format!("editor-expected-{k}")),
    );
    ids.push("editor-problem-in".into());
    for list in ["unfound", "abandoned"] {
        ids.push(format!("editor-health-{list}"));
        ids.push(format!("editor-health-{list}-help"));
        ids.push(format!("editor-search-times-{list}"));
    }
    for lang in Lang::ALL {
        for id in &ids {
            assert!(has_message(lang, id), "{id} missing in {lang}");
        }
    }
}

/// Each message's source text (value and continuation lines), by id.
fn sources(lang: &str) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(root().join("locales").join(lang)).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with(' ') {
                if let Some(id) = &current {
                    out.entry(id.clone())
                        .or_insert_with(String::new)
                        .push_str(line);
                }
            } else if let Some((id, value)) = line.split_once(" = ") {
                current = Some(id.to_string());
                out.insert(id.to_string(), value.to_string());
            } else {
                current = None;
            }
        }
    }
    out
}

#[test]
fn welsh_and_english_strings_differ() {
    // A message copied without translation is a bug the id check cannot see.
    let (cy, en) = (sources("cy"), sources("en"));
    // Messages made only of variables ("{ $day } { $month } { $year }")
    // have no words to translate.
    let has_words = |text: &str| {
        let mut rest = text.to_string();
        while let (Some(a), Some(b)) = (rest.find('{'), rest.find('}')) {
            if b < a {
                break;
            }
            rest.replace_range(a..=b, "");
        }
        rest.chars().any(char::is_alphabetic)
    };
    let same: Vec<_> = cy
        .iter()
        .filter(|(id, text)| en.get(*id) == Some(text) && has_words(text))
        .map(|(id, _)| id)
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
    assert!(cy.len() > 100);
}

#[test]
fn welsh_never_puts_a_language_name_unmutated_after_yn() {
    // "yn Gymraeg", never "yn Cymraeg": a language name after "yn" must
    // come from a selector that spells the mutated form, not a variable.
    let cy = sources("cy");
    let bad: Vec<_> = cy
        .iter()
        .filter(|(_, text)| text.contains("yn { $lang }") || text.contains("yn Cymraeg"))
        .map(|(id, _)| id)
        .collect();
    assert!(bad.is_empty(), "unmutated language names: {bad:?}");
}
