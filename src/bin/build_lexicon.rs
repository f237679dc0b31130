//! Rebuilds the compact Welsh lexicon table in `assets/lexicon/` from the
//! Bangor Welsh Lexicon zip (Lecsicon Cymraeg Bangor, CC0 1.0).
//!
//! ```text
//! cargo run --release --features lexicon-build --bin build-lexicon -- \
//!     ../shared/data/lecsicon_cc0.zip assets/lexicon
//! ```
//!
//! Input lines are `wordform<TAB>lemma<TAB>UPOS<TAB>features`. Forms and lemmas
//! are folded (lowercase, no diacritics) with the same function the analyser
//! uses, so look-ups at run time need no further normalisation.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use canllaw::analysis::fold;
use canllaw::analysis::welsh::lexicon::{MAX_LEMMAS, pack};

#[derive(Default)]
struct FormInfo {
    radical: bool,
    lemmas: Vec<String>,
}

fn is_indexable(word: &str) -> bool {
    !word.is_empty() && word.chars().all(char::is_alphanumeric)
}

fn main() -> Result<()> {
    let mut args = std::env::args_os().skip(1);
    let (Some(zip_path), Some(out_dir)) = (args.next(), args.next()) else {
        bail!("usage: build-lexicon LECSICON_ZIP OUT_DIR");
    };
    let (zip_path, out_dir) = (PathBuf::from(zip_path), PathBuf::from(out_dir));
    let file = std::fs::File::open(&zip_path)
        .with_context(|| format!("cannot open {}", zip_path.display()))?;
    let mut archive = zip::ZipArchive::new(file).context("not a zip archive")?;
    let entry = archive.by_index(0).context("the zip is empty")?;

    let mut forms: BTreeMap<String, FormInfo> = BTreeMap::new();
    let mut lines = 0usize;
    for line in BufReader::new(entry).lines() {
        let line = line.context("reading the lexicon")?;
        let line = line.trim_start_matches('\u{feff}');
        let mut cols = line.split('\t');
        let (Some(form), Some(lemma), _, features) = (
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next().unwrap_or(""),
        ) else {
            continue;
        };
        lines += 1;
        let (form, lemma) = (fold(form), fold(lemma));
        if !is_indexable(&form) || !is_indexable(&lemma) {
            continue;
        }
        let mutated = features.contains("Mutation=");
        let info = forms.entry(form.clone()).or_default();
        info.radical |= !mutated;
        // The lemma of an identical unmutated form goes first.
        if !info.lemmas.contains(&lemma) {
            if lemma == form {
                info.lemmas.insert(0, lemma.clone());
            } else {
                info.lemmas.push(lemma.clone());
            }
        }
        // Bare verbnouns and some lemmas never appear as forms themselves.
        let l = forms.entry(lemma.clone()).or_default();
        l.radical = true;
        if !l.lemmas.contains(&lemma) {
            l.lemmas.insert(0, lemma);
        }
    }

    let mut lemma_list: Vec<&str> = forms
        .values()
        .flat_map(|i| i.lemmas.iter().take(MAX_LEMMAS).map(String::as_str))
        .collect();
    lemma_list.sort_unstable();
    lemma_list.dedup();
    if lemma_list.len() >= 1 << canllaw::analysis::welsh::lexicon::LEMMA_BITS {
        bail!(
            "too many lemmas ({}) for the packed format",
            lemma_list.len()
        );
    }
    let id_of = |l: &str| lemma_list.binary_search(&l).expect("lemma listed") as u32;

    std::fs::create_dir_all(&out_dir)?;
    let fst_path = out_dir.join("cy-forms.fst");
    let mut builder =
        fst::MapBuilder::new(std::io::BufWriter::new(std::fs::File::create(&fst_path)?))?;
    for (form, info) in &forms {
        let ids: Vec<u32> = info
            .lemmas
            .iter()
            .take(MAX_LEMMAS)
            .map(|l| id_of(l))
            .collect();
        builder.insert(form, pack(info.radical, &ids))?;
    }
    builder.finish()?;

    let mut lemmas_out =
        std::io::BufWriter::new(std::fs::File::create(out_dir.join("cy-lemmas.txt"))?);
    for l in &lemma_list {
        writeln!(lemmas_out, "{l}")?;
    }
    lemmas_out.flush()?;

    eprintln!(
        "read {lines} lexicon lines: {} folded forms, {} lemmas -> {}",
        forms.len(),
        lemma_list.len(),
        out_dir.display()
    );
    Ok(())
}
