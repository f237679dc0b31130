//! Loading and validating the knowledge base.

mod common;

use std::fs;

use canllaw::i18n::{MessageArg, Tr};
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
        has("case-updates.en.md:1: Front matter is missing"),
        "{lines:#?}"
    );
    assert!(has("closing.en.md:6:") && has("not a date"), "{lines:#?}");
    assert!(has("samaritans.toml:3:"), "{lines:#?}");
    assert!(
        has("shelter-cymru.toml") && has("`audience` is missing"),
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
    let problems = validate(&loaded.kb);
    // Each problem is found by file, line, message and the names it gives.
    let has = |file: &str, line: Option<usize>, id: &str, args: &[(&str, &str)]| {
        problems.iter().any(|p| {
            p.path.ends_with(file)
                && p.line == line
                && p.message.id == id
                && args
                    .iter()
                    .all(|(name, value)| p.message.get(name) == Some(&(*value).into()))
        })
    };
    let new = "articles/new-article.cy.md";
    assert!(
        has(
            new,
            Some(7),
            "check-unknown-ref",
            &[
                ("key", "related"),
                ("kind", "article"),
                ("id", "no-such-article")
            ]
        ),
        "{problems:#?}"
    );
    assert!(
        has(
            new,
            Some(8),
            "check-unknown-ref",
            &[
                ("key", "agencies"),
                ("kind", "agency"),
                ("id", "no-such-agency")
            ]
        ),
        "{problems:#?}"
    );
    assert!(has(new, Some(12), "check-body-empty", &[]), "{problems:#?}");
    assert!(
        has(
            new,
            None,
            "check-public-missing-lang",
            &[("id", "new-article"), ("lang", "en")]
        ),
        "{problems:#?}"
    );
    assert!(
        has(
            "articles/Bad_Id.cy.md",
            Some(2),
            "check-id-invalid",
            &[("id", "Bad_Id")]
        ),
        "{problems:#?}"
    );
    let template = "templates/complaint-acknowledgement.cy.ftl";
    assert!(
        has(
            template,
            Some(1),
            "check-template-variable",
            &[("name", "no_such_variable")]
        ),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.message.id == "check-template-variables-differ"),
        "{problems:#?}"
    );
    // `canllaw check` prints them as path:line: message, in English; the
    // editors' pages put the same problem in Welsh.
    let unknown = problems
        .iter()
        .find(|p| p.line == Some(7) && p.path.ends_with(new))
        .unwrap();
    assert!(
        unknown.to_string().ends_with(
            "new-article.cy.md:7: `related` refers to an article that does not exist: “no-such-article”."
        ),
        "{unknown}"
    );
    let missing = problems
        .iter()
        .find(|p| p.message.id == "check-public-missing-lang")
        .unwrap();
    assert!(
        missing.to_string().contains("has no English version"),
        "{missing}"
    );
    assert!(
        missing
            .text(&Tr::new(Lang::Cy))
            .contains("fersiwn Saesneg o'r erthygl gyhoeddus"),
        "{}",
        missing.text(&Tr::new(Lang::Cy))
    );
    let welsh = unknown.text(&Tr::new(Lang::Cy));
    assert!(
        welsh.contains("no-such-article") && welsh.contains("erthygl"),
        "{welsh}"
    );
    assert_ne!(welsh, unknown.text(&Tr::new(Lang::En)));
}

#[test]
fn contact_details_and_links_must_work_when_read_out() {
    let samaritans = common::knowledge_dir().join("agencies/samaritans.toml");
    let agency = fs::read_to_string(samaritans)
        .unwrap()
        .replace("phone = \"116 123\"", "phone = \"116 12\"")
        .replace(
            "email = \"jo@samaritans.org\"",
            "email = \"jo at samaritans.org\"",
        );
    let article =
        fs::read_to_string(common::knowledge_dir().join("articles/how-to-complain.en.md")).unwrap()
            + "\nSee [the form](www.policeconduct.gov.uk) or [call](tel:0300-123).\n";
    let dir = broken_copy(&[
        ("agencies/samaritans.toml", &agency),
        ("articles/how-to-complain.en.md", &article),
    ]);
    let loaded = load_dir(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let problems = validate(&loaded.kb);
    let values: Vec<(String, String)> = problems
        .iter()
        .filter_map(|p| {
            let arg = |n| match p.message.get(n) {
                Some(MessageArg::Text(t)) => t.clone(),
                _ => String::new(),
            };
            match p.message.id {
                "check-contact-detail" => Some((arg("key"), arg("value"))),
                "check-link" => Some(("link".into(), arg("target"))),
                _ => None,
            }
        })
        .collect();
    let expected = [
        ("phone", "116 12"),
        ("email", "jo at samaritans.org"),
        ("link", "www.policeconduct.gov.uk"),
        ("link", "tel:0300-123"),
    ];
    for (key, value) in expected {
        assert!(
            values.contains(&(key.to_string(), value.to_string())),
            "{key} {value}: {problems:#?}"
        );
    }
    assert_eq!(values.len(), expected.len(), "{problems:#?}");
}
