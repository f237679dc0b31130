//! The content store through the command line: first fill, import, export,
//! users.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn canllaw(data: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_canllaw"))
        .arg("--knowledge")
        .arg(common::knowledge_dir())
        .arg("--data")
        .arg(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        // A command that refuses its arguments exits before reading stdin,
        // and the write then meets a closed pipe: its output says why.
        let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`, as (relative path, bytes), sorted.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn export_gives_back_the_imported_files_byte_for_byte() {
    let data = tempfile::tempdir().unwrap();
    let out_dir = data.path().join("exported");
    let o = canllaw(data.path(), &["export", out_dir.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut original = tree(&common::knowledge_dir());
    // The format description is documentation, not content.
    original.retain(|(p, _)| p != "README.md");
    let exported = tree(&out_dir);
    assert_eq!(
        original.iter().map(|f| &f.0).collect::<Vec<_>>(),
        exported.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    assert!(original == exported, "bytes differ");

    // And importing the export changes nothing.
    let o = canllaw(data.path(), &["import", out_dir.to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("0 added, 0 changed, 0 removed"),
        "{}",
        stderr(&o)
    );

    // Exporting over existing files is refused.
    let o = canllaw(data.path(), &["export", out_dir.to_str().unwrap()], None);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not empty"));
}

#[test]
fn a_broken_import_is_refused_whole_and_loses_nothing() {
    let data = tempfile::tempdir().unwrap();
    let kb = tempfile::tempdir().unwrap();
    common::copy_tree(&common::knowledge_dir(), kb.path());
    // One good change and one broken file.
    let good = kb.path().join("articles/case-updates.en.md");
    let text = std::fs::read_to_string(&good).unwrap();
    std::fs::write(
        &good,
        text.replacen("keywords = [", "keywords = [\"zeppelin\", ", 1),
    )
    .unwrap();
    std::fs::write(
        kb.path().join("articles/broken.en.md"),
        "+++\nid = \"broken\"\ntitle = \n+++\n",
    )
    .unwrap();
    let o = canllaw(data.path(), &["import", kb.path().to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("broken.en.md"), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing was imported"));
    let o = canllaw(
        data.path(),
        &["search", "--json", "--lang", "en", "zeppelin"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["lang"], "en");
    assert!(
        v["hits"].as_array().unwrap().is_empty(),
        "the good change waits too"
    );

    // Fixed, the import goes in, and search sees it at once.
    std::fs::remove_file(kb.path().join("articles/broken.en.md")).unwrap();
    let o = canllaw(data.path(), &["import", kb.path().to_str().unwrap()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("1 changed"), "{}", stderr(&o));
    let o = canllaw(
        data.path(),
        &["search", "--json", "--lang", "en", "zeppelin"],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["hits"][0]["id"], "case-updates");
}

#[test]
fn user_add_takes_the_password_from_stdin_and_checks_it() {
    let data = tempfile::tempdir().unwrap();
    let o = canllaw(
        data.path(),
        &["user", "add", "ceri", "--role", "editor"],
        Some("a good long password\n"),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = canllaw(
        data.path(),
        &["user", "add", "ceri", "--role", "adviser"],
        Some("another long password\n"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("already exists"));
    let o = canllaw(
        data.path(),
        &["user", "add", "dai", "--role", "adviser"],
        Some("short\n"),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("12 to 256"));
    let o = canllaw(
        data.path(),
        &["user", "add", "x/../y", "--role", "adviser"],
        Some("a good long password\n"),
    );
    assert_eq!(o.status.code(), Some(2));
    let o = canllaw(
        data.path(),
        &["user", "add", "eve", "--role", "root"],
        Some("a good long password\n"),
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("unknown role"));
    let o = canllaw(data.path(), &["user", "list"], None);
    let listed = String::from_utf8_lossy(&o.stdout);
    assert!(listed.contains("ceri\teditor"), "{listed}");
    // The password itself is stored only as an argon2 hash.
    let db = std::fs::read(data.path().join("canllaw.db")).unwrap();
    assert!(!db.windows(9).any(|w| w == b"good long"));
}
