//! Reading the knowledge base from files.
//!
//! Loading never stops at the first broken file: each file is parsed on its
//! own, problems are collected with their path and line, and everything that
//! parses is kept, so one bad edit cannot take the whole service down.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::KnowledgeBase;
use super::date::Date;
use super::frontmatter;
use super::model::*;
use super::problem::Problem;
use super::source::Source;
use super::template;
use crate::i18n::Message;
use crate::lang::Lang;

/// Subfolders of the knowledge base, in load order.
pub const FOLDERS: &[&str] = &[
    "articles",
    "scripts",
    "agencies",
    "adjustments",
    "flows",
    "matters",
    "templates",
    "forces",
    "rules",
];
/// The glossary file at the top of the knowledge base.
pub const GLOSSARY_FILE: &str = "glossary.tsv";

/// A knowledge base and the problems met while loading it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Everything that parsed.
    pub kb: KnowledgeBase,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
}

/// Reads every knowledge file under `dir` (the folders in [`FOLDERS`] and the
/// glossary), sorted by path. Files that are not UTF-8 are reported as
/// problems; only a missing or unreadable folder is an error.
pub fn read_sources(dir: &Path) -> io::Result<(Vec<Source>, Vec<Problem>)> {
    if !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("knowledge folder '{}' not found", dir.display()),
        ));
    }
    let mut paths: Vec<PathBuf> = Vec::new();
    let glossary = dir.join(GLOSSARY_FILE);
    if glossary.is_file() {
        paths.push(glossary);
    }
    for folder in FOLDERS {
        let sub = dir.join(folder);
        if !sub.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&sub)? {
            let path = entry?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // Hidden files and editor backups are not content.
            if path.is_file() && !name.starts_with('.') && !name.ends_with('~') {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut sources = Vec::with_capacity(paths.len());
    let mut problems = Vec::new();
    for path in paths {
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => sources.push(Source::new(path, text)),
                Err(_) => problems.push(Problem::at(&path, None, Message::new("check-not-utf8"))),
            },
            Err(e) => problems.push(Problem::at(
                &path,
                None,
                Message::new("check-unreadable").arg("detail", e.to_string()),
            )),
        }
    }
    Ok((sources, problems))
}

/// Loads the knowledge base in `dir`.
pub fn load_dir(dir: &Path) -> io::Result<Loaded> {
    let (sources, mut problems) = read_sources(dir)?;
    let mut loaded = load_sources(dir, &sources);
    problems.append(&mut loaded.problems);
    loaded.problems = problems;
    Ok(loaded)
}

/// Parses already-read sources; `root` is the folder their paths start with.
pub fn load_sources(root: &Path, sources: &[Source]) -> Loaded {
    let mut loaded = Loaded::default();
    for source in sources {
        let rel = source.path.strip_prefix(root).unwrap_or(&source.path);
        let folder = rel
            .parent()
            .and_then(|p| p.to_str())
            .unwrap_or("")
            .to_string();
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if let Err(mut p) = load_one(&mut loaded.kb, source, &folder, name) {
            loaded.problems.append(&mut p);
        }
    }
    loaded
}

fn one(p: Problem) -> Vec<Problem> {
    vec![p]
}

/// Splits `<id>.<lang>.<ext>` into id and language.
fn id_and_lang(source: &Source, name: &str, ext: &str) -> Result<(String, Lang), Vec<Problem>> {
    let stem = name.strip_suffix(ext).unwrap_or(name);
    let bad = || {
        one(Problem::at(
            source.path(),
            None,
            Message::new("check-file-name").arg("ext", ext),
        ))
    };
    let (id, lang) = stem.rsplit_once('.').ok_or_else(bad)?;
    let lang = lang.parse::<Lang>().map_err(|_| bad())?;
    Ok((id.to_string(), lang))
}

fn load_one(
    kb: &mut KnowledgeBase,
    source: &Source,
    folder: &str,
    name: &str,
) -> Result<(), Vec<Problem>> {
    let unexpected = |what: &str| {
        one(Problem::at(
            source.path(),
            None,
            Message::new("check-unexpected-file").arg("folder", what),
        ))
    };
    match folder {
        "" if name == GLOSSARY_FILE => {
            kb.glossary = parse_glossary(source)?;
        }
        "articles" | "scripts" => {
            if !name.ends_with(".md") {
                return Err(unexpected(folder));
            }
            let (file_id, lang) = id_and_lang(source, name, ".md")?;
            let (page, stage, caller_types) = parse_page(source, &file_id, lang)?;
            if folder == "articles" {
                if stage.is_some() {
                    return Err(one(Problem::at(
                        source.path(),
                        source.line_of_key("stage"),
                        Message::new("check-article-stage"),
                    )));
                }
                kb.articles.push(Article { page });
            } else {
                let Some(stage) = stage else {
                    return Err(one(Problem::at(
                        source.path(),
                        Some(2),
                        Message::new("check-script-stage"),
                    )));
                };
                kb.scripts.push(Script {
                    page,
                    stage,
                    caller_types,
                });
            }
        }
        "agencies" | "adjustments" | "flows" | "matters" => {
            let Some(file_id) = name.strip_suffix(".toml") else {
                return Err(unexpected(folder));
            };
            match folder {
                "agencies" => {
                    let mut a: Agency =
                        frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
                    check_file_id(source, file_id, &a.id)?;
                    a.file = source.clone();
                    kb.agencies.push(a);
                }
                "adjustments" => {
                    let mut a: Adjustment =
                        frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
                    check_file_id(source, file_id, &a.id)?;
                    a.file = source.clone();
                    kb.adjustments.push(a);
                }
                "matters" => {
                    let mut m: Matter =
                        frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
                    check_file_id(source, file_id, &m.id)?;
                    m.file = source.clone();
                    kb.matters.push(m);
                }
                _ => {
                    let mut f: Flow =
                        frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
                    check_file_id(source, file_id, &f.id)?;
                    f.file = source.clone();
                    kb.flows.push(f);
                }
            }
        }
        "templates" => {
            if !name.ends_with(".ftl") {
                return Err(unexpected(folder));
            }
            let (id, lang) = id_and_lang(source, name, ".ftl")?;
            let parsed = template::parse(source)?;
            kb.templates.push(Template {
                id,
                lang,
                messages: parsed.messages,
                variables: parsed.variables,
                source: source.clone(),
            });
        }
        "forces" => {
            if name != "forces.toml" {
                return Err(unexpected(folder));
            }
            #[derive(Deserialize)]
            #[serde(deny_unknown_fields)]
            struct Forces {
                forces: Vec<Force>,
            }
            let f: Forces = frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
            kb.forces = f.forces;
            kb.forces_source = Some(source.clone());
        }
        "rules" if name == "reviews.toml" => {
            let mut rules: ReviewRules =
                frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
            check_file_id(source, "reviews", &rules.id)?;
            rules.file = source.clone();
            kb.review_rules = Some(rules);
        }
        "rules" if name == "intents.toml" => {
            let mut rules: SignalRules =
                frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
            check_file_id(source, "intents", &rules.id)?;
            rules.file = source.clone();
            kb.signal_rules = Some(rules);
        }
        "rules" if name == "examples.toml" => {
            let mut examples: Examples =
                frontmatter::parse_toml(source, &source.text, 1).map_err(one)?;
            check_file_id(source, "examples", &examples.id)?;
            examples.file = source.clone();
            kb.examples = Some(examples);
        }
        "rules" if name == "thesaurus.tsv" => kb.thesaurus = parse_thesaurus(source)?,
        "rules" => return Err(unexpected(folder)),
        _ => {}
    }
    Ok(())
}

fn check_file_id(source: &Source, file_id: &str, id: &str) -> Result<(), Vec<Problem>> {
    if file_id == id {
        Ok(())
    } else {
        Err(one(Problem::at(
            source.path(),
            source.line_of_key("id"),
            Message::new("check-id-file-name")
                .arg("id", id)
                .arg("expected", file_id),
        )))
    }
}

/// Front matter of articles and scripts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFront {
    id: String,
    title: String,
    summary: String,
    audience: Option<Audience>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    related: Vec<String>,
    #[serde(default)]
    agencies: Vec<String>,
    #[serde(default)]
    scripts: Vec<String>,
    reviewed: Date,
    owner: String,
    stage: Option<Stage>,
    #[serde(default)]
    caller_types: Vec<CallerType>,
}

fn parse_page(
    source: &Source,
    file_id: &str,
    lang: Lang,
) -> Result<(Page, Option<Stage>, Vec<CallerType>), Vec<Problem>> {
    let split = frontmatter::split(source).map_err(one)?;
    let front: PageFront =
        frontmatter::parse_toml(source, split.front, split.front_line).map_err(one)?;
    check_file_id(source, file_id, &front.id)?;
    let audience = match (front.audience, front.stage) {
        (Some(a), _) => a,
        // Scripts are for advisers unless said otherwise.
        (None, Some(_)) => Audience::Internal,
        (None, None) => {
            return Err(one(Problem::at(
                source.path(),
                Some(split.front_line),
                Message::new("check-missing-audience"),
            )));
        }
    };
    let page = Page {
        id: front.id,
        lang,
        title: front.title,
        summary: front.summary,
        audience,
        topics: front.topics,
        keywords: front.keywords,
        related: front.related,
        agencies: front.agencies,
        scripts: front.scripts,
        reviewed: front.reviewed,
        owner: front.owner,
        body: split.body.to_string(),
        body_line: split.body_line,
        source: source.clone(),
    };
    Ok((page, front.stage, front.caller_types))
}

/// `lang<TAB>what callers say<TAB>what the guidance says`, `#` comments.
fn parse_thesaurus(source: &Source) -> Result<Vec<ThesaurusEntry>, Vec<Problem>> {
    let mut entries: Vec<ThesaurusEntry> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in source.text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = Some(i + 1);
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let lang = cols
            .first()
            .and_then(|l| l.parse::<crate::lang::Lang>().ok());
        match (lang, cols.as_slice()) {
            (Some(lang), [_, said, means]) if !said.is_empty() && !means.is_empty() => {
                if entries
                    .iter()
                    .any(|e| e.lang == lang && e.said == *said && e.means == *means)
                {
                    problems.push(Problem::at(
                        source.path(),
                        at,
                        Message::new("check-line-twice"),
                    ));
                }
                entries.push(ThesaurusEntry {
                    lang,
                    said: said.to_string(),
                    means: means.to_string(),
                    line: i + 1,
                });
            }
            _ => problems.push(Problem::at(
                source.path(),
                at,
                Message::new("check-thesaurus-line"),
            )),
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

fn parse_glossary(source: &Source) -> Result<Vec<GlossaryEntry>, Vec<Problem>> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in source.text.lines().enumerate() {
        if i == 0 || line.trim().is_empty() {
            continue; // header
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 || cols[0].trim().is_empty() || cols[1].trim().is_empty() {
            problems.push(Problem::at(
                source.path(),
                Some(i + 1),
                Message::new("check-glossary-line"),
            ));
            continue;
        }
        entries.push(GlossaryEntry {
            en: cols[0].trim().to_string(),
            cy: cols[1].trim().to_string(),
            note: cols
                .get(2)
                .map(|s| s.trim().to_string())
                .unwrap_or_default(),
        });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}
