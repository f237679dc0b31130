//! Welsh and English as one item: which texts a change leaves needing a
//! translation update, and which it brings up to date.
//!
//! Articles, scripts and letter templates keep each language in its own
//! file (`x.cy.md`, `x.en.md`): a change to one file leaves the other stale
//! and makes its own text current. Structured content keeps both languages
//! in one TOML file (`name.cy`, `name.en`): the values under a `cy` or `en`
//! key are compared, and a change to only one language's values leaves the
//! other stale in the same file.

use std::collections::BTreeSet;

use crate::lang::Lang;

/// Texts, each a file and the language of its text.
pub type Texts = Vec<(String, Lang)>;

/// The file with the other language's text of `path`, for files that hold
/// one language each. Read as the loader reads file names
/// (`<id>.<lang>.<ext>`), so both agree on which files pair up.
pub fn counterpart(path: &str) -> Option<(String, Lang)> {
    let (stem, ext) = path.rsplit_once('.')?;
    let (id, lang) = stem.rsplit_once('.')?;
    let lang = lang.parse::<Lang>().ok()?;
    if ext == "toml" || id.ends_with('/') {
        return None;
    }
    let other = lang.other();
    Some((format!("{id}.{}.{ext}", other.code()), other))
}

/// The language of a one-language file.
pub fn lang_of(path: &str) -> Option<Lang> {
    counterpart(path).map(|(_, other)| other.other())
}

/// What publishing `new` over `old` at `path` does to translations:
/// `(stale, fresh)`, each a list of (file, language of its text).
pub fn effects(path: &str, old: Option<&str>, new: Option<&str>) -> (Texts, Texts) {
    if let Some((other, other_lang)) = counterpart(path) {
        let own = other_lang.other();
        // Retiring one language retires nothing of the other's text.
        if new.is_none() {
            return (Vec::new(), vec![(path.to_string(), own)]);
        }
        return (vec![(other, other_lang)], vec![(path.to_string(), own)]);
    }
    if !path.ends_with(".toml") {
        return (Vec::new(), Vec::new());
    }
    let parse = |t: Option<&str>| t.and_then(|t| t.parse::<toml::Table>().ok());
    let (old, new) = (parse(old), parse(new));
    let mut changed = BTreeSet::new();
    compare(
        old.as_ref().map(|t| t as &toml::Table),
        new.as_ref(),
        None,
        &mut changed,
    );
    let mut stale = Vec::new();
    let mut fresh = Vec::new();
    for lang in Lang::ALL {
        if changed.contains(&lang) {
            fresh.push((path.to_string(), lang));
        } else if changed.contains(&lang.other()) && old.is_some() && new.is_some() {
            stale.push((path.to_string(), lang));
        }
    }
    (stale, fresh)
}

/// Collects the languages whose values differ between two tables.
fn compare(
    old: Option<&toml::Table>,
    new: Option<&toml::Table>,
    lang: Option<Lang>,
    changed: &mut BTreeSet<Lang>,
) {
    let empty = toml::Table::new();
    let (o, n) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let keys: BTreeSet<&String> = o.keys().chain(n.keys()).collect();
    for key in keys {
        let lang = lang.or_else(|| key.parse::<Lang>().ok());
        compare_values(o.get(key), n.get(key), lang, changed);
    }
}

fn compare_values(
    old: Option<&toml::Value>,
    new: Option<&toml::Value>,
    lang: Option<Lang>,
    changed: &mut BTreeSet<Lang>,
) {
    use toml::Value;
    match (old, new) {
        (Some(Value::Table(a)), Some(Value::Table(b))) => compare(Some(a), Some(b), lang, changed),
        (Some(Value::Array(a)), Some(Value::Array(b))) => {
            for (x, y) in a.iter().zip(b) {
                compare_values(Some(x), Some(y), lang, changed);
            }
            // Items added or taken away at the end.
            let longer = if a.len() > b.len() { a } else { b };
            for v in &longer[a.len().min(b.len())..] {
                match lang {
                    Some(lang) => {
                        changed.insert(lang);
                    }
                    None => languages_in(v, changed),
                }
            }
        }
        (a, b) if a == b => {}
        (a, b) => match lang {
            Some(lang) => {
                changed.insert(lang);
            }
            // A table that came or went, or changed type: look inside for
            // the languages it holds.
            None => {
                for v in [a, b].into_iter().flatten() {
                    languages_in(v, changed);
                }
            }
        },
    }
}

/// Every language named by a key inside `v`.
fn languages_in(v: &toml::Value, langs: &mut BTreeSet<Lang>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                if let Ok(lang) = k.parse::<Lang>() {
                    langs.insert(lang);
                }
                languages_in(v, langs);
            }
        }
        toml::Value::Array(a) => a.iter().for_each(|v| languages_in(v, langs)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_language_files_leave_the_other_stale() {
        assert_eq!(
            counterpart("articles/review-time-limit.cy.md"),
            Some(("articles/review-time-limit.en.md".into(), Lang::En))
        );
        assert_eq!(lang_of("templates/x.en.ftl"), Some(Lang::En));
        // Read as the loader reads names: the last language before the
        // extension, aliases included.
        assert_eq!(
            counterpart("articles/a.en.b.cy.md"),
            Some(("articles/a.en.b.en.md".into(), Lang::En))
        );
        assert_eq!(
            counterpart("scripts/x.welsh.md"),
            Some(("scripts/x.en.md".into(), Lang::En))
        );
        assert_eq!(counterpart("agencies/samaritans.toml"), None);
        let (stale, fresh) = effects("articles/x.cy.md", Some("a"), Some("b"));
        assert_eq!(stale, [("articles/x.en.md".to_string(), Lang::En)]);
        assert_eq!(fresh, [("articles/x.cy.md".to_string(), Lang::Cy)]);
    }

    #[test]
    fn structured_files_compare_each_language() {
        let old = "id = \"a\"\nphone = \"1\"\n[name]\ncy = \"Un\"\nen = \"One\"\n";
        let cy_only = old.replace("Un", "Unrhyw");
        let (stale, fresh) = effects("agencies/a.toml", Some(old), Some(&cy_only));
        assert_eq!(stale, [("agencies/a.toml".to_string(), Lang::En)]);
        assert_eq!(fresh, [("agencies/a.toml".to_string(), Lang::Cy)]);
        // Both languages changed: nothing is left behind.
        let both = cy_only.replace("One", "Any");
        let (stale, fresh) = effects("agencies/a.toml", Some(old), Some(&both));
        assert!(stale.is_empty());
        assert_eq!(fresh.len(), 2);
        // A change to neither language (a phone number) touches neither.
        let phone = old.replace("\"1\"", "\"2\"");
        assert_eq!(
            effects("agencies/a.toml", Some(old), Some(&phone)),
            (vec![], vec![])
        );
        // A list item in one language only.
        let flow = "[[questions]]\ncy = \"Q1\"\nen = \"Q1e\"\n";
        let grown = format!("{flow}[[questions]]\ncy = \"Q2\"\n");
        let (stale, _) = effects("flows/f.toml", Some(flow), Some(&grown));
        assert_eq!(stale, [("flows/f.toml".to_string(), Lang::En)]);
    }
}
