//! Content files as the store holds them, and moving them between a folder
//! in the knowledge-base format and the store. The store keeps each file's
//! exact text, so `import` followed by `export` gives back the same bytes.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::knowledge::load::{FOLDERS, GLOSSARY_FILE};
use crate::knowledge::validate::validate;
use crate::knowledge::{Problem, Source, load_sources, read_sources};

/// One content file: its path inside the knowledge base (`articles/x.cy.md`,
/// always with `/`) and its exact text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContentFile {
    /// Path relative to the knowledge-base folder.
    pub path: String,
    /// The whole file.
    pub text: String,
}

/// Whether `path` is a place a content file may live: the glossary, or a
/// plain file name directly inside one of the knowledge folders. Refuses
/// anything that could escape the folder on export.
pub fn valid_content_path(path: &str) -> bool {
    if path == GLOSSARY_FILE {
        return true;
    }
    let Some((folder, name)) = path.split_once('/') else {
        return false;
    };
    FOLDERS.contains(&folder)
        && !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

/// Reads a knowledge-base folder for import. Every file must parse and the
/// whole must validate: an import with problems is refused as a whole, so a
/// broken edit never replaces working content.
pub fn read_import_dir(dir: &Path) -> io::Result<Result<Vec<ContentFile>, Vec<Problem>>> {
    let (sources, mut problems) = read_sources(dir)?;
    let mut loaded = load_sources(dir, &sources);
    problems.append(&mut loaded.problems);
    problems.extend(validate(&loaded.kb));
    let mut files = Vec::with_capacity(sources.len());
    for s in &sources {
        let rel = relative(dir, &s.path);
        if valid_content_path(&rel) {
            files.push(ContentFile {
                path: rel,
                text: s.text.to_string(),
            });
        } else {
            problems.push(Problem::at(
                &s.path,
                None,
                crate::i18n::Message::new("check-path-characters"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(Ok(files))
    } else {
        problems.sort();
        Ok(Err(problems))
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The stored files as loader sources, with paths relative to the
/// knowledge base (problems then read `articles/x.cy.md:3: …`).
pub fn sources_of(files: &[ContentFile]) -> Vec<Source> {
    files
        .iter()
        .map(|f| Source::new(PathBuf::from(&f.path), f.text.as_str()))
        .collect()
}

/// Writes `files` under `dir` in the knowledge-base layout. `dir` must not
/// exist or be empty, so an export never mixes with or overwrites other
/// files. Each file is written to a temporary name and renamed into place.
pub fn export_dir(files: &[ContentFile], dir: &Path) -> io::Result<()> {
    if dir.exists() && fs::read_dir(dir)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("'{}' is not empty; export into a new folder", dir.display()),
        ));
    }
    for f in files {
        if !valid_content_path(&f.path) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("refusing to export odd path '{}'", f.path),
            ));
        }
        let target = dir.join(&f.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        let tmp = target.with_extension("partial~");
        fs::write(&tmp, f.text.as_bytes())?;
        fs::rename(&tmp, &target)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_paths_cannot_escape() {
        assert!(valid_content_path("articles/how-to-complain.cy.md"));
        assert!(valid_content_path("glossary.tsv"));
        assert!(valid_content_path("forces/forces.toml"));
        for bad in [
            "../etc/passwd",
            "articles/../../x",
            "articles/.hidden",
            "articles/",
            "secrets/x.md",
            "articles/a/b.md",
            "/articles/x.md",
            "articles/X.md",
        ] {
            assert!(!valid_content_path(bad), "{bad}");
        }
    }
}
