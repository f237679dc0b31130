//! The Welsh analysis, pair by pair: every mutated or inflected form must
//! match the form a searcher would type or an editor would write, and must
//! not match unrelated words.

use canllaw::analysis::detect::detect;
use canllaw::analysis::{analyze, words_match};
use canllaw::lang::Lang;
use proptest::prelude::*;

/// (form in a query or document, form it must match, what it exercises)
const PAIRS: &[(&str, &str, &str)] = &[
    // Nasal mutation.
    ("nghwyn", "cwyn", "nasal c→ngh"),
    ("fy nghwyn", "cwyn", "nasal after fy"),
    ("nghais", "cais", "nasal c→ngh"),
    ("nhrin", "trin", "nasal t→nh, verbnoun not in lexicon forms"),
    ("nhad", "tad", "nasal t→nh"),
    ("mhlismon", "plismon", "nasal p→mh"),
    ("mhroblem", "problem", "nasal p→mh"),
    ("ngwasanaeth", "gwasanaeth", "nasal g→ng"),
    ("Nghymru", "Cymru", "nasal, capitalised"),
    ("mywyd", "bywyd", "nasal b→m"),
    ("nghyfeiriad", "cyfeiriad", "nasal c→ngh"),
    ("nghwynion", "cwyn", "nasal and plural"),
    // Soft mutation.
    ("gŵyn", "cwyn", "soft c→g with circumflex"),
    ("gwyn", "cwyn", "soft, typed without circumflex"),
    ("Gymraeg", "Cymraeg", "soft c→g, capitalised"),
    ("bersonol", "personol", "soft p→b"),
    ("drosedd", "trosedd", "soft t→d"),
    ("fyddar", "byddar", "soft b→f"),
    ("wasanaeth", "gwasanaeth", "soft g→∅"),
    ("alwad", "galwad", "soft g→∅ before a vowel"),
    ("alwr", "galwr", "soft g→∅"),
    ("ddiweddariad", "diweddariad", "soft d→dd"),
    ("ddata", "data", "soft d→dd"),
    ("lythyr", "llythyr", "soft ll→l"),
    ("rif", "rhif", "soft rh→r"),
    ("fam", "mam", "soft m→f"),
    ("blismon", "plismon", "soft p→b"),
    ("gyfreithiwr", "cyfreithiwr", "soft c→g"),
    ("dystiolaeth", "tystiolaeth", "soft t→d"),
    ("swyddog", "swyddog", "unmutable s"),
    ("gais", "cais", "soft c→g"),
    ("benderfyniad", "penderfyniad", "soft p→b"),
    ("wybodaeth", "gwybodaeth", "soft g→∅"),
    ("ymchwiliad", "ymchwiliad", "vowel-initial radical"),
    // Aspirate mutation.
    ("chwyn", "cwyn", "aspirate c→ch"),
    ("Throseddu", "troseddu", "aspirate t→th, capitalised"),
    ("phlismon", "plismon", "aspirate p→ph"),
    ("thad", "tad", "aspirate t→th"),
    ("chais", "cais", "aspirate c→ch"),
    // h-prothesis.
    ("hapêl", "apêl", "h before a vowel"),
    ("hachos", "achos", "h before a vowel"),
    ("henw", "enw", "h before a vowel"),
    // Circumflexes and accents typed or not.
    ("apel", "apêl", "circumflex dropped"),
    ("rol", "rôl", "circumflex dropped"),
    ("ffon", "ffôn", "circumflex dropped"),
    // Plurals and suffixes.
    ("cwynion", "cwyn", "plural -ion"),
    ("heddluoedd", "heddlu", "plural -oedd"),
    ("swyddogion", "swyddog", "plural -ion"),
    ("apeliadau", "apêl", "plural -iadau via lexicon"),
    ("adolygiadau", "adolygiad", "plural -au"),
    ("asiantaethau", "asiantaeth", "plural -au"),
    ("galwyr", "galwr", "plural with vowel change (lexicon)"),
    (
        "cyfreithwyr",
        "cyfreithiwr",
        "plural with vowel change (lexicon)",
    ),
    (
        "cynghorwyr",
        "cynghorydd",
        "plural with different suffix (lexicon)",
    ),
    ("ymchwiliadau", "ymchwiliad", "plural -au"),
    ("llythyrau", "llythyr", "plural -au"),
    ("cwyno", "cwyn", "verbnoun -o to noun"),
    ("apelio", "apêl", "verbnoun -io to noun"),
    ("ddioddefwyr", "dioddefwr", "soft mutation and plural"),
    // Apostrophe forms.
    ("heddlu'n", "heddlu", "clitic 'n"),
    ("i'r heddlu", "heddlu", "clitic 'r"),
    (
        "chwythu'r chwiban",
        "chwiban",
        "clitic 'r in a fixed phrase",
    ),
    ("gyda'n cwyn", "cwyn", "clitic after a preposition"),
    ("o'r Alban", "Alban", "clitic 'r after o"),
];

#[test]
fn mutated_and_inflected_forms_match_their_radicals() {
    assert!(PAIRS.len() >= 60, "keep at least 60 pairs");
    let failures: Vec<String> = PAIRS
        .iter()
        .filter(|(a, b, _)| !words_match(Lang::Cy, a, b))
        .map(|(a, b, why)| format!("{a} → {b} ({why})"))
        .collect();
    assert!(
        failures.is_empty(),
        "no match for:\n{}",
        failures.join("\n")
    );
}

#[test]
fn matching_is_symmetric_for_documents_and_queries() {
    // A document that says `cwyn` is found by `nghwyn`, and the other way.
    for (a, b, _) in PAIRS {
        assert!(words_match(Lang::Cy, b, a), "{b} ↔ {a}");
    }
}

#[test]
fn rules_never_invent_words() {
    // `dyn` (a man) is a soft mutation of `tyn` in form only, and `tyn` is a
    // word, so that match is allowed; but nonsense never gets radicals.
    let terms: Vec<String> = analyze(Lang::Cy, "ngxyz")
        .into_iter()
        .flat_map(|w| w.terms.into_iter().map(|t| t.text))
        .collect();
    assert_eq!(terms, ["ngxyz"]);
    // Unrelated words stay apart.
    for (a, b) in [
        ("cwyn", "heddlu"),
        ("byddar", "dall"),
        ("apêl", "cais"),
        ("gwyn", "du"),
    ] {
        assert!(!words_match(Lang::Cy, a, b), "{a} must not match {b}");
    }
}

#[test]
fn exact_form_comes_first_then_lemma_then_rule() {
    use canllaw::analysis::Tier;
    let w = &analyze(Lang::Cy, "nghwyn")[0];
    assert_eq!(w.terms[0].text, "nghwyn");
    assert_eq!(w.terms[0].tier, Tier::Exact);
    let cwyn = w.terms.iter().find(|t| t.text == "cwyn").unwrap();
    assert_eq!(cwyn.tier, Tier::Lemma, "the lexicon knows nghwyn → cwyn");
    let w = &analyze(Lang::Cy, "nhrin")[0];
    let trin = w.terms.iter().find(|t| t.text == "trin").unwrap();
    assert_eq!(trin.tier, Tier::Rule, "only the rules know nhrin → trin");
    assert!(w.terms.windows(2).all(|p| p[0].tier <= p[1].tier));
}

#[test]
fn english_is_stemmed_and_stopped() {
    assert!(words_match(Lang::En, "complaints", "complaint"));
    assert!(words_match(Lang::En, "officers", "officer"));
    assert!(words_match(Lang::En, "investigating", "investigation"));
    assert!(
        !words_match(Lang::En, "the", "the"),
        "stop words match nothing"
    );
    assert!(!words_match(Lang::En, "complaint", "review"));
}

#[test]
fn detects_the_language_of_short_queries() {
    let cases = [
        ("fy nghwyn", Lang::Cy),
        ("my complaint", Lang::En),
        ("Heddlu Gwent", Lang::Cy),
        ("gwasanaeth Cymraeg", Lang::Cy),
        ("whistleblowing", Lang::En),
        ("chwythu'r chwiban", Lang::Cy),
        ("diogelu data", Lang::Cy),
        ("request my personal data", Lang::En),
        ("print bras", Lang::Cy),
        ("large print", Lang::En),
        ("apêl", Lang::Cy),
        ("appeal", Lang::En),
        ("cwyn am yr heddlu", Lang::Cy),
        ("complaint about the police", Lang::En),
        ("twyll ar-lein", Lang::Cy),
        ("scammed online", Lang::En),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(q, l)| detect(q).lang != *l)
        .map(|(q, l)| format!("{q:?}: expected {l}, got {}", detect(q).lang))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

proptest! {
    #[test]
    fn analysis_never_panics_and_is_deterministic(s in "\\PC{0,200}") {
        for lang in Lang::ALL {
            let a = analyze(lang, &s);
            let b = analyze(lang, &s);
            prop_assert_eq!(&a, &b);
            for w in &a {
                prop_assert!(w.from <= w.to && w.to <= s.len());
                prop_assert!(s.is_char_boundary(w.from) && s.is_char_boundary(w.to));
                prop_assert!(w.stop || !w.terms.is_empty());
            }
        }
        let d = detect(&s);
        prop_assert!(d.confidence >= 0.5 && d.confidence <= 1.0);
    }

    #[test]
    fn any_bytes_as_lossy_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let s = String::from_utf8_lossy(&bytes);
        for lang in Lang::ALL {
            let _ = analyze(lang, &s);
        }
    }
}
