//! The `canllaw` binary, run as a user runs it.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn canllaw(knowledge: &Path, data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .arg("--knowledge")
        .arg(knowledge)
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn check_passes_on_the_bundled_knowledge_base() {
    let data = tempfile::tempdir().unwrap();
    let out = canllaw(&common::knowledge_dir(), data.path(), &["check"]);
    assert!(
        out.status.success(),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("ok:"));
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let kb = tempfile::tempdir().unwrap();
    common::copy_tree(&common::knowledge_dir(), kb.path());
    std::fs::write(
        kb.path().join("articles/role-of-iopc.en.md"),
        "no front matter\n",
    )
    .unwrap();
    std::fs::write(
        kb.path().join("agencies/mind.toml"),
        "id = \"mind\"\nname = 3\n",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = canllaw(kb.path(), data.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("articles/role-of-iopc.en.md:1: "), "{text}");
    assert!(text.contains("agencies/mind.toml:2: "), "{text}");
}

#[test]
fn search_builds_the_index_on_first_use_and_prints_the_json_contract() {
    let data = tempfile::tempdir().unwrap();
    let out = canllaw(
        &common::knowledge_dir(),
        data.path(),
        &["search", "--lang", "cy", "--json", "fy nghwyn"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["query"], "fy nghwyn");
    assert_eq!(v["lang"], "cy");
    let hit = &v["hits"][0];
    assert_eq!(hit["id"], "how-to-complain");
    assert_eq!(hit["kind"], "article");
    assert_eq!(hit["lang"], "cy");
    assert!(hit["title"].is_string() && hit["score"].is_number() && hit["snippet"].is_string());
    assert!(data.path().join("index").is_dir());
}

#[test]
fn search_rebuilds_the_index_when_the_knowledge_changes() {
    let kb = tempfile::tempdir().unwrap();
    common::copy_tree(&common::knowledge_dir(), kb.path());
    let data = tempfile::tempdir().unwrap();
    let search = |q: &str| {
        let out = canllaw(
            kb.path(),
            data.path(),
            &["search", "--lang", "en", "--json", q],
        );
        assert!(out.status.success());
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert!(!search("zeppelin").contains(&"case-updates".to_string()));
    let path = kb.path().join("articles/case-updates.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen("keywords = [", "keywords = [\"zeppelin\", ", 1),
    )
    .unwrap();
    // The store holds the published content; an import publishes the edit
    // and the next search rebuilds the index for it.
    let out = canllaw(
        kb.path(),
        data.path(),
        &["import", kb.path().to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(search("zeppelin")[0], "case-updates");
}

#[test]
fn bad_arguments_and_queries_get_clear_errors() {
    let data = tempfile::tempdir().unwrap();
    let kb = common::knowledge_dir();
    let long = "x".repeat(10_000);
    let out = canllaw(&kb, data.path(), &["search", &long]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("too long"));
    let out = canllaw(&kb, data.path(), &["search", "--lang", "fr", "cwyn"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown language 'fr'"));
    let out = canllaw(&kb, data.path(), &["search", "--", "-(\"+~^"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let missing = data.path().join("nowhere");
    let out = canllaw(&missing, data.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not found"));
}

#[test]
fn eval_prints_metrics_per_language() {
    let data = tempfile::tempdir().unwrap();
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/dev.tsv");
    let out = canllaw(
        &common::knowledge_dir(),
        data.path(),
        &["eval", file.to_str().unwrap()],
    );
    assert!(out.status.success());
    let text = stdout(&out);
    for needle in ["R@1", "R@3", "MRR@10", "nDCG@5", "\ncy ", "\nen ", "\nall "] {
        assert!(text.contains(needle), "{needle}: {text}");
    }
}

#[test]
fn eval_assistant_scores_every_engine_and_cross_validates() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cases.tsv");
    std::fs::write(
        &file,
        "# two sentences\n\
         en\tI want to complain about a rude police officer\tcomplaint\t-\t-\n\
         cy\tdw i'n fyddar, ebostiwch fi os gwelwch yn dda\t?\t?\tdeaf-or-hard-of-hearing\n",
    )
    .unwrap();
    let out = canllaw(
        &common::knowledge_dir(),
        data.path(),
        &[
            "eval-assistant",
            file.to_str().unwrap(),
            "--folds",
            "2",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for engine in ["phrases", "learned-intents", "learned"] {
        let en = &v[engine]["languages"]["en"];
        assert_eq!(en["intent_accuracy"]["total"], 1, "{engine}: {v}");
        assert_eq!(en["false_flags"]["total"], 1, "{engine}");
        assert_eq!(
            v[engine]["languages"]["cy"]["adjustment_recall"]["total"],
            1
        );
    }
    // Cross-validation covers every example of both languages.
    for lang in ["cy", "en"] {
        assert!(
            v["cross_validation"][lang]["intent_accuracy"]["total"]
                .as_u64()
                .unwrap()
                > 500
        );
        assert!(
            v["cross_validation"][lang]["flag_recall"]["risk-of-harm"]["total"]
                .as_u64()
                .unwrap()
                > 60
        );
    }
    // A malformed file is refused with its line.
    std::fs::write(&file, "en\tonly two columns\n").unwrap();
    let out = canllaw(
        &common::knowledge_dir(),
        data.path(),
        &["eval-assistant", file.to_str().unwrap(), "--folds", "0"],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}

#[test]
fn check_reports_intents_with_too_few_examples() {
    let kb = tempfile::tempdir().unwrap();
    common::copy_tree(&common::knowledge_dir(), kb.path());
    let path = kb.path().join("rules/examples.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // Keep only the header and the complaint table's first two sentences.
    let cut = text.find("[examples.complaint]").unwrap();
    std::fs::write(
        &path,
        format!(
            "{}[examples.complaint]\ncy = [\"isio cwyno\"]\nen = [\"want to complain\", \"want to complain\"]\n\n[examples.unicorns]\ncy = []\nen = []\n",
            &text[..cut]
        ),
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = canllaw(kb.path(), data.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let problems = stdout(&out);
    for needle in [
        "“complaint” has 1 Welsh example; at least 40 are needed",
        "“risk-of-harm” has 0 English examples",
        "“unicorns” is not an intent or a flag",
        "is given for both “complaint” and “complaint”",
    ] {
        assert!(problems.contains(needle), "{needle}: {problems}");
    }
}

#[test]
fn check_reports_flag_phrases_that_would_fire_on_ordinary_calls() {
    let kb = tempfile::tempdir().unwrap();
    common::copy_tree(&common::knowledge_dir(), kb.path());
    let path = kb.path().join("rules/intents.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let listed = "\"in danger now\", \"not safe at home\",";
    assert!(text.contains(listed));
    // "can't go on" is only "go" once its stop words are gone; "the" is
    // nothing at all.
    let text = text.replacen(
        listed,
        "\"in danger now\", \"not safe at home\", \"can't go on\", \"the\",",
        1,
    );
    std::fs::write(&path, text).unwrap();
    // A need that raises a flag is held to the same rule: "I sign" is only
    // "sign", as in signing a form.
    let path = kb.path().join("adjustments/bsl-user.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("flag = \"access-need\""));
    let text = text.replacen("\"sign language\",", "\"sign language\", \"I sign\",", 1);
    std::fs::write(&path, text).unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = canllaw(kb.path(), data.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let problems = stdout(&out);
    assert!(
        problems.contains("“risk-of-harm”: “can't go on” occurs in")
            && problems.contains("so it would raise the flag on ordinary calls"),
        "{problems}"
    );
    assert!(
        problems.contains("bsl-user.toml:")
            && problems.contains("“bsl-user”: “I sign” occurs in")
            && problems.contains("other labels than “access-need”"),
        "{problems}"
    );
    assert!(
        problems.contains("“the” has no words left once its common words are taken out"),
        "{problems}"
    );
    // The bundled phrases pass: only the three added lines are reported.
    assert_eq!(problems.matches("intents.toml:").count(), 2, "{problems}");
    assert_eq!(problems.matches("adjustments/").count(), 1, "{problems}");
}

#[test]
fn check_reports_a_flow_that_never_ends() {
    let kb = tempfile::tempdir().unwrap();
    common::copy_tree(&common::knowledge_dir(), kb.path());
    let path = kb.path().join("flows/can-i-ask-for-a-review.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    // "I'm not sure" about the investigation goes back to the first question.
    let looped = text.replacen(
        "next = \"within-28-days\"",
        "next = \"received-outcome\"",
        1,
    );
    assert_ne!(looped, text);
    std::fs::write(&path, looped).unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = canllaw(kb.path(), data.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let problems = stdout(&out);
    assert!(
        problems.contains("can-i-ask-for-a-review.toml:")
            && problems.contains("leads back to itself"),
        "{problems}"
    );
}
