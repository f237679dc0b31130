//! Which police force a caller means, from their own words: a force's name
//! in either language ("Heddlu Gwent", "Gwent police"), or one of the short
//! forms and towns editors list for it in `forces/forces.toml` ("Gwent",
//! "yng Nghasnewydd"). Mutated and inflected forms count, as for every rule
//! phrase. When two forces are heard, the longer phrase wins ("Heddlu
//! Gogledd Cymru" over "Cymru" alone); a tie is no answer, since a wrong
//! force on a letter is worse than none.

use super::recognise::Analysed;
use crate::knowledge::{Force, KnowledgeBase};
use crate::lang::Lang;

/// The force `text` points to, if exactly one does.
pub fn recognise<'a>(kb: &'a KnowledgeBase, text: &Analysed) -> Option<&'a Force> {
    let mut best: Option<(usize, &'a Force)> = None;
    let mut tied = false;
    for force in &kb.forces {
        let phrases = [&force.name.cy, &force.name.en]
            .into_iter()
            .chain(&force.recognise);
        for phrase in phrases {
            let Some(length) = heard(text, phrase) else {
                continue;
            };
            match best {
                Some((l, b)) if l > length || b.id == force.id && l == length => {}
                Some((l, _)) if l == length => tied = true,
                _ => {
                    tied = false;
                    best = Some((length, force));
                }
            }
        }
    }
    best.filter(|_| !tied).map(|(_, f)| f)
}

/// The number of content words of `phrase` when it occurs in `text` in
/// either language's reading.
fn heard(text: &Analysed, phrase: &str) -> Option<usize> {
    Lang::ALL
        .into_iter()
        .filter(|lang| text.contains(*lang, phrase))
        .map(|lang| {
            crate::analysis::analyze(lang, phrase)
                .iter()
                .filter(|w| !w.stop)
                .count()
        })
        .max()
}
