//! Loading and validating the knowledge base.

mod common;

use std::fs;

use canllaw::knowledge::validate::validate;
use canllaw::knowledge::{Audience, load_dir};
use canllaw::lang::Lang;

#[test]
fn bundled_knowledge_base_has_no_problems() {
    let loaded = load_dir(&common::knowledge_dir()).unwrap();
    let mut problems = loaded.problems.clone();
    problems.extend(validate(&loaded.kb));
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "{}", listed.join("\n"));
}

#[test]
fn bundled_knowledge_base_covers_every_kind() {
    let kb = load_dir(&common::knowledge_dir()).unwrap().kb;
    let public = kb
        .articles
        .iter()
        .filter(|a| a.page.audience == Audience::Public)
        .count();
    let internal = kb.articles.len() - public;
    assert!(
        public >= 8 && internal >= 1,
        "{public} public, {internal} internal"
    );
    assert!(kb.agencies.len() >= 5 && kb.scripts.len() >= 6);
    assert!(!kb.adjustments.is_empty() && !kb.flows.is_empty() && !kb.templates.is_empty());
    assert!(kb.forces.iter().any(|f| f.name.cy == "Heddlu Gwent"));
    assert!(kb.glossary.iter().any(|g| g.cy.starts_with("cwyn")));
    for a in &kb.articles {
        if a.page.audience == Audience::Public {
            assert!(
                kb.article(&a.page.id, a.page.lang.other()).is_some(),
                "{}",
                a.page.id
            );
        }
    }
    assert!(kb.article("how-to-complain", Lang::Cy).is_some());
}

/// Writes a copy of the bundled knowledge base with some files replaced.
fn broken_copy(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&common::knowledge_dir(), dir.path());
    for (path, text) in files {
        fs::write(dir.path().join(path), text).unwrap();
    }
    dir
}

#[test]
fn broken_files_are_reported_with_path_and_line_and_the_rest_still_loads() {
    // An agency that does not say who may see it is refused, not public.
    let shelter = fs::read_to_string(common::knowledge_dir().join("agencies/shelter-cymru.toml"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("audience"))
        .collect::<Vec<_>>()
        .join("\n");
    let dir = broken_copy(&[
        ("agencies/shelter-cymru.toml", &shelter),
        // Broken TOML on line 4 of the file.
        (
            "articles/role-of-iopc.en.md",
            "+++\nid = \"role-of-iopc\"\ntitle = \"x\"\nsummary = \"unterminated\n+++\nbody\n",
        ),
        // No front matter at all.
        ("articles/case-updates.en.md", "# Just a heading\n"),
        // A date that is not a date.
        (
            "scripts/closing.en.md",
            "+++\nid = \"closing\"\ntitle = \"t\"\nsummary = \"s\"\nstage = \"close\"\nreviewed = \"last tuesday\"\nowner = \"o\"\n+++\n> Bye\n",
        ),
        // Wrong type for a field, on line 3.
        (
            "agencies/samaritans.toml",
            "id = \"samaritans\"\nwelsh_service = true\nneeds = \"distress\"\n",
        ),
        // Not valid Fluent.
        (
            "templates/complaint-acknowledgement.en.ftl",
            "subject = ok\nbody = { $reference\n",
        ),
    ]);
    let loaded = load_dir(dir.path()).unwrap();
    let lines: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    let has = |needle: &str| lines.iter().any(|l| l.contains(needle));
    assert!(has("role-of-iopc.en.md:4:"), "{lines:#?}");
    assert!(
        has("case-updates.en.md:1: expected front matter"),
        "{lines:#?}"
    );
    assert!(has("closing.en.md:6:") && has("not a date"), "{lines:#?}");
    assert!(has("samaritans.toml:3:"), "{lines:#?}");
    assert!(
        has("shelter-cymru.toml") && has("missing field `audience`"),
        "{lines:#?}"
    );
    assert!(
        has("complaint-acknowledgement.en.ftl:2: Fluent syntax error"),
        "{lines:#?}"
    );
    assert_eq!(loaded.problems.len(), 6, "{lines:#?}");
    // Everything else loaded.
    let kb = &loaded.kb;
    assert!(kb.article("how-to-complain", Lang::En).is_some());
    assert!(kb.article("role-of-iopc", Lang::Cy).is_some());
    assert!(kb.article("role-of-iopc", Lang::En).is_none());
    assert_eq!(kb.agencies.len(), 26);
}

#[test]
fn validation_lists_every_problem_not_only_the_first() {
    let dir = broken_copy(&[
        // English version of a public article removed below; Welsh left alone.
        (
            "articles/new-article.cy.md",
            "+++\nid = \"new-article\"\ntitle = \"Teitl\"\nsummary = \"Crynodeb\"\naudience = \"public\"\ntopics = [\"x\"]\nrelated = [\"no-such-article\", \"how-to-complain\"]\nagencies = [\"no-such-agency\"]\nreviewed = 2026-11-01\nowner = \"Tîm\"\n+++\n\n",
        ),
        (
            "articles/Bad_Id.cy.md",
            "+++\nid = \"Bad_Id\"\ntitle = \"t\"\nsummary = \"s\"\naudience = \"internal\"\ntopics = [\"x\"]\nreviewed = 2026-11-01\nowner = \"o\"\n+++\nbody\n",
        ),
        (
            "templates/complaint-acknowledgement.cy.ftl",
            "subject = Cydnabod { $no_such_variable }\nbody = Annwyl { $recipient_name }\n",
        ),
    ]);
    let loaded = load_dir(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let problems: Vec<String> = validate(&loaded.kb)
        .iter()
        .map(ToString::to_string)
        .collect();
    let has = |needle: &str| problems.iter().any(|l| l.contains(needle));
    assert!(
        has("new-article.cy.md:7: `related` refers to unknown article 'no-such-article'"),
        "{problems:#?}"
    );
    assert!(
        has("new-article.cy.md:8: `agencies` refers to unknown agency 'no-such-agency'"),
        "{problems:#?}"
    );
    assert!(
        has("new-article.cy.md:12: the body is empty"),
        "{problems:#?}"
    );
    assert!(
        has("public article 'new-article' has no en version"),
        "{problems:#?}"
    );
    assert!(has("Bad_Id.cy.md:2: invalid id 'Bad_Id'"), "{problems:#?}");
    assert!(
        has("complaint-acknowledgement.cy.ftl:1: unknown variable $no_such_variable"),
        "{problems:#?}"
    );
    assert!(has("use different variables"), "{problems:#?}");
}
