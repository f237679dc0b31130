//! Light Welsh suffix stripping: plurals and a few common endings.
//!
//! Like the mutation rules, this over-generates and relies on the lexicon to
//! keep only real radical words (`cwynion` → `cwyn`, `heddluoedd` → `heddlu`,
//! `cwyno` → `cwyn`, `apelio` → `apel`).

/// Endings tried longest first.
const SUFFIXES: &[&str] = &[
    "iaid", "oedd", "iadau", "iau", "ion", "ydd", "wyr", "aid", "au", "on", "od", "ed", "io", "i",
    "o", "u", "a",
];

/// Plural endings that replace the singular's ending rather than extend it:
/// `galwyr` → `galwr`, `cyfreithwyr` → `cyfreithiwr`, `cynghorwyr` →
/// `cynghorydd`.
const REPLACEMENTS: &[(&str, &str)] = &[("wyr", "wr"), ("wyr", "iwr"), ("wyr", "ydd"), ("ion", "")];

/// Candidate stems of `folded` (not validated).
pub fn stem_candidates(folded: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (plural, singular) in REPLACEMENTS {
        if let Some(stem) = folded.strip_suffix(plural)
            && stem.chars().count() >= 2
        {
            let candidate = format!("{stem}{singular}");
            if candidate.chars().count() >= 3 && !out.contains(&candidate) {
                out.push(candidate);
            }
        }
    }
    for suffix in SUFFIXES {
        if let Some(stem) = folded.strip_suffix(suffix) {
            // Keep at least three letters of stem.
            if stem.chars().count() >= 3 && !out.iter().any(|s| s == stem) {
                out.push(stem.to_string());
                // Plurals often double the final consonant or drop a
                // vowel change: `cwynion` has the stem `cwyn` directly,
                // `gweddillion` ← `gweddill`; try undoing a doubled n/r.
                for double in ["nn", "rr"] {
                    if let Some(s) = stem.strip_suffix(double) {
                        out.push(format!("{s}{}", &double[..1]));
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_plural_endings() {
        assert!(stem_candidates("cwynion").contains(&"cwyn".to_string()));
        assert!(stem_candidates("heddluoedd").contains(&"heddlu".to_string()));
        assert!(stem_candidates("swyddogion").contains(&"swyddog".to_string()));
        assert!(stem_candidates("cwyno").contains(&"cwyn".to_string()));
        assert!(stem_candidates("ab").is_empty());
        assert!(stem_candidates("galwyr").contains(&"galwr".to_string()));
        assert!(stem_candidates("cynghorwyr").contains(&"cynghorydd".to_string()));
    }
}
