//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use canllaw::index;
use canllaw::search::Searcher;

/// The bundled knowledge base.
pub fn knowledge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge")
}

/// One searcher over the bundled knowledge base per test binary, built in a
/// temporary data folder.
pub fn searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<(tempfile::TempDir, Searcher)> = OnceLock::new();
    &SEARCHER
        .get_or_init(|| {
            let data = tempfile::tempdir().expect("temp dir");
            let opened = index::open_or_build(&knowledge_dir(), data.path(), false, &mut |_, _| {})
                .expect("index builds from the bundled knowledge");
            assert!(opened.problems.is_empty(), "{:?}", opened.problems);
            let searcher = Searcher::new(opened.index).expect("searcher");
            (data, searcher)
        })
        .1
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
