//! Language detection for `--lang auto`, tuned for short queries.
//!
//! Statistical detectors are unreliable on one or two words, which is what
//! advisers type. We combine three kinds of evidence:
//!
//! * function words that only one language has (`fy`, `yr`, `sut` / `my`,
//!   `the`, `how`), the strongest signal on short text;
//! * the Welsh lexicon: how many words are Welsh word forms (after undoing
//!   mutations), against how many have an English stem-like shape;
//! * lingua's character n-gram model for Welsh and English, which dominates on
//!   longer text.

use std::sync::OnceLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

use super::welsh::lexicon::Lexicon;
use super::{fold, tokenize};
use crate::lang::Lang;

/// A detected language and how sure the detector is (0.5 = a coin toss).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// The language chosen.
    pub lang: Lang,
    /// Confidence in `lang`, from 0.5 to 1.
    pub confidence: f64,
}

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[Language::Welsh, Language::English]).build()
    })
}

/// Words that are common in one language and (almost) never words of the
/// other. Welsh `a`, `i`, `am`, `o` are English too, so they are not here.
const WELSH_ONLY: &[&str] = &[
    "ac", "ar", "beth", "bod", "chi", "dw", "dwi", "eisiau", "ei", "eich", "fy", "gan", "gyda",
    "hefyd", "mae", "nhw", "oes", "oedd", "pam", "pwy", "rwy", "sut", "sydd", "wedi", "y", "ydw",
    "ydy", "yn", "yr", "yw",
];
const ENGLISH_ONLY: &[&str] = &[
    "about", "and", "are", "can", "could", "did", "do", "does", "for", "from", "has", "have",
    "how", "is", "it", "me", "my", "of", "on", "said", "the", "they", "this", "to", "want", "was",
    "what", "when", "who", "why", "will", "with", "you", "your",
];

/// Detects whether `text` is Welsh or English. Empty or undecidable text is
/// taken as Welsh, the service's first language.
pub fn detect(text: &str) -> Detection {
    let words: Vec<String> = tokenize::words(text)
        .into_iter()
        .map(|w| fold(w.text))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return Detection {
            lang: Lang::Cy,
            confidence: 0.5,
        };
    }
    let lex = Lexicon::bundled();
    // Evidence in favour of Welsh, in log-odds-like units.
    let mut score = 0.0f64;
    for w in &words {
        let (cy, en) = (
            WELSH_ONLY.contains(&w.as_str()),
            ENGLISH_ONLY.contains(&w.as_str()),
        );
        if cy {
            score += 2.0;
        } else if en {
            score -= 2.0;
        } else if w.chars().count() >= 3 {
            let welsh_word = lex.contains(w)
                || super::expand(Lang::Cy, w)
                    .iter()
                    .skip(1)
                    .any(|t| t.tier != super::Tier::Exact);
            // An English-looking word: ends in a typical English suffix and is
            // not a Welsh form.
            let english_shape = !welsh_word
                && (super::expand(Lang::En, w).len() > 1
                    || w.contains("th") && !w.starts_with("th")
                    || w.ends_with('e')
                    || w.contains('k')
                    || w.contains('q')
                    || w.contains('x')
                    || w.contains('z')
                    || w.contains('j') && !w.starts_with('j'));
            if welsh_word {
                score += 0.8;
            } else if english_shape {
                score -= 0.8;
            } else {
                score -= 0.3;
            }
        }
    }
    // The n-gram model counts for more the longer the text.
    let letters: usize = words.iter().map(|w| w.chars().count()).sum();
    let weight = (letters as f64 / 12.0).clamp(0.5, 4.0);
    let values = detector().compute_language_confidence_values(text);
    let p_cy = values
        .iter()
        .find(|(l, _)| *l == Language::Welsh)
        .map(|(_, v)| *v)
        .unwrap_or(0.5);
    score += weight * (p_cy - 0.5) * 4.0;

    let p = 1.0 / (1.0 + (-score).exp());
    if p >= 0.5 {
        Detection {
            lang: Lang::Cy,
            confidence: p,
        }
    } else {
        Detection {
            lang: Lang::En,
            confidence: 1.0 - p,
        }
    }
}
