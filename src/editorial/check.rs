//! `canllaw check` over a set of content files, remembered: publishing a
//! change checks the same two sets of files (the published content, and it
//! with the change) that sending it for review checked a moment before, so
//! the answers are kept for the last few sets, by a digest of their files.
//! The two sets are checked on two threads at once.

use std::path::Path;
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use crate::knowledge::validate::validate;
use crate::knowledge::{Problem, load_sources};
use crate::store::{ContentFile, sources_of};

/// Sets of files whose problems are remembered.
const REMEMBERED: usize = 4;

type Digested = ([u8; 32], Arc<Vec<Problem>>);

static CHECKED: Mutex<Vec<Digested>> = Mutex::new(Vec::new());

fn digest(files: &[ContentFile]) -> [u8; 32] {
    let mut sorted: Vec<&ContentFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut h = Sha256::new();
    for f in sorted {
        // Lengths first, so no two different sets run together the same.
        h.update((f.path.len() as u64).to_le_bytes());
        h.update(f.path.as_bytes());
        h.update((f.text.len() as u64).to_le_bytes());
        h.update(f.text.as_bytes());
    }
    h.finalize().into()
}

/// Every problem `canllaw check` finds in `files`.
pub fn check(files: &[ContentFile]) -> Arc<Vec<Problem>> {
    let key = digest(files);
    let remembered = |key: &[u8; 32]| {
        CHECKED
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, p)| p.clone())
    };
    if let Some(found) = remembered(&key) {
        return found;
    }
    let mut loaded = load_sources(Path::new(""), &sources_of(files));
    loaded.problems.extend(validate(&loaded.kb));
    let problems = Arc::new(loaded.problems);
    let mut checked = CHECKED.lock().unwrap_or_else(|e| e.into_inner());
    checked.retain(|(k, _)| *k != key);
    if checked.len() == REMEMBERED {
        checked.remove(0);
    }
    checked.push((key, problems.clone()));
    problems
}

/// The problems of both sets, checked side by side.
pub fn check_both(a: &[ContentFile], b: &[ContentFile]) -> (Arc<Vec<Problem>>, Arc<Vec<Problem>>) {
    std::thread::scope(|s| {
        let first = s.spawn(|| check(a));
        let second = check(b);
        (first.join().unwrap_or_else(|_| check(a)), second)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> ContentFile {
        ContentFile {
            path: path.into(),
            text: text.into(),
        }
    }

    #[test]
    fn the_same_files_in_any_order_are_checked_once() {
        let a = vec![
            file("glossary.tsv", "cy\ten\n"),
            file("articles/x.en.md", "+++\nid = \"x\"\n+++\n"),
        ];
        let mut b = a.clone();
        b.reverse();
        let first = check(&a);
        assert!(!first.is_empty(), "a broken article is a problem");
        assert!(Arc::ptr_eq(&first, &check(&b)), "remembered");
        // A different text is a different set.
        let c = vec![file("articles/x.en.md", "+++\nid = \"y\"\n+++\n")];
        assert!(!Arc::ptr_eq(&first, &check(&c)));
        assert_ne!(digest(&[file("ab", "c")]), digest(&[file("a", "bc")]));
    }
}
