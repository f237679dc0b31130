//! Welsh initial mutations, undone.
//!
//! Given a folded word, [`radical_candidates`] lists every radical (unmutated)
//! form it could be a mutation of, by the soft, nasal and aspirate mutations
//! and h-prothesis. The rules over-generate on purpose (`dyn` could be a soft
//! mutation of `tyn`); the caller keeps only candidates the lexicon knows as
//! radical words, so a rule never invents a word.

/// Which mutation a candidate undoes (for explanations and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    /// Treiglad meddal.
    Soft,
    /// Treiglad trwynol.
    Nasal,
    /// Treiglad llaes.
    Aspirate,
    /// `h` before a vowel.
    HProthesis,
}

/// (mutated initial, radical initial, mutation), longest initials first so
/// `ngh` is tried before `ng` and `dd` before `d`.
const RULES: &[(&str, &str, Mutation)] = &[
    ("ngh", "c", Mutation::Nasal),
    ("mh", "p", Mutation::Nasal),
    ("nh", "t", Mutation::Nasal),
    ("ng", "g", Mutation::Nasal),
    ("ch", "c", Mutation::Aspirate),
    ("ph", "p", Mutation::Aspirate),
    ("th", "t", Mutation::Aspirate),
    ("dd", "d", Mutation::Soft),
    ("g", "c", Mutation::Soft),
    ("b", "p", Mutation::Soft),
    ("d", "t", Mutation::Soft),
    ("f", "b", Mutation::Soft),
    ("f", "m", Mutation::Soft),
    ("l", "ll", Mutation::Soft),
    ("r", "rh", Mutation::Soft),
    ("m", "b", Mutation::Nasal),
    ("n", "d", Mutation::Nasal),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y')
}

/// Every radical form `folded` could be a mutation of (not validated).
pub fn radical_candidates(folded: &str) -> Vec<(String, Mutation)> {
    let mut out = Vec::new();
    // Words this short are mostly function words; undoing them is noise.
    if folded.chars().count() < 3 {
        return out;
    }
    let mut push = |s: String, m| {
        if !out.iter().any(|(o, _)| *o == s) {
            out.push((s, m));
        }
    };
    for (mutated, radical, m) in RULES {
        if let Some(rest) = folded.strip_prefix(mutated) {
            // `ngh` must not also be read as `ng` + `h...`.
            let shadowed = RULES.iter().any(|(longer, _, _)| {
                longer.len() > mutated.len()
                    && longer.starts_with(mutated)
                    && folded.starts_with(longer)
            });
            // `rh`, `ll` and `ff` are letters of their own, never an `r`,
            // `l` or `f` that a mutation produced.
            let digraph = ["rh", "ll", "ff"].iter().any(|d| {
                folded.starts_with(d) && d.starts_with(mutated) && d.len() > mutated.len()
            });
            if !shadowed && !digraph && !rest.is_empty() {
                push(format!("{radical}{rest}"), *m);
            }
        }
    }
    // Soft mutation drops an initial g: `wasanaeth` ← `gwasanaeth`,
    // `alwad` ← `galwad`, `lan` ← `glan`, `wr` ← `gwr`.
    let first = folded.chars().next().unwrap_or(' ');
    if is_vowel(first) || first == 'l' || first == 'r' {
        push(format!("g{folded}"), Mutation::Soft);
    }
    // h-prothesis: `hapel` ← `apel`.
    if let Some(rest) = folded.strip_prefix('h')
        && rest.chars().next().is_some_and(is_vowel)
    {
        push(rest.to_string(), Mutation::HProthesis);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cands(w: &str) -> Vec<String> {
        radical_candidates(w).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn undoes_each_mutation() {
        assert!(cands("nghwyn").contains(&"cwyn".to_string()));
        assert!(!cands("nghwyn").contains(&"ghwyn".to_string()));
        assert!(cands("chwyn").contains(&"cwyn".to_string()));
        assert!(cands("gwyn").contains(&"cwyn".to_string()));
        assert!(cands("nhrin").contains(&"trin".to_string()));
        assert!(cands("ddyn").contains(&"dyn".to_string()));
        assert!(cands("fyddar").contains(&"byddar".to_string()));
        assert!(cands("wasanaeth").contains(&"gwasanaeth".to_string()));
        assert!(cands("hapel").contains(&"apel".to_string()));
        assert!(cands("lythyr").contains(&"llythyr".to_string()));
        assert!(cands("rhai").iter().all(|c| c != "rhhai"));
        assert!(cands("llythyr").iter().all(|c| c != "lllythyr"));
        assert!(
            cands("ffon")
                .iter()
                .all(|c| !c.starts_with("bf") && !c.starts_with("mf"))
        );
    }
}
