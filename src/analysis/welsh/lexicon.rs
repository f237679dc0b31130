//! The Welsh lexicon: folded word form → lemmas, derived from the Bangor
//! Welsh Lexicon (Lecsicon Cymraeg Bangor, CC0).
//!
//! The table is built by `build-lexicon` (see `src/bin/build_lexicon.rs`) and
//! compiled into the binary, so nothing is read from disk at run time. It is
//! an `fst` map whose values pack, for each form:
//!
//! * bit 62: the form is a radical (unmutated) word: a lemma, or a reading
//!   with no `Mutation=` tag;
//! * bits 60–61: how many lemma ids follow (0–3);
//! * bits 0–59: up to three 20-bit indexes into the lemma list.

use std::sync::OnceLock;

use fst::Map;

/// The packed form table.
static FORMS: &[u8] = include_bytes!("../../../assets/lexicon/cy-forms.fst");
/// The lemma list, one folded lemma a line; line number = lemma id.
static LEMMAS: &str = include_str!("../../../assets/lexicon/cy-lemmas.txt");

/// Bits used by one lemma id.
pub const LEMMA_BITS: u32 = 20;
/// Flag: the form is a radical (unmutated) word.
pub const RADICAL_FLAG: u64 = 1 << 62;
/// At most this many lemmas are kept per form.
pub const MAX_LEMMAS: usize = 3;

/// Packs a form's entry into the `u64` stored in the map.
pub fn pack(radical: bool, lemma_ids: &[u32]) -> u64 {
    let n = lemma_ids.len().min(MAX_LEMMAS);
    let mut v = (n as u64) << 60;
    if radical {
        v |= RADICAL_FLAG;
    }
    for (i, id) in lemma_ids.iter().take(n).enumerate() {
        v |= u64::from(*id) << (LEMMA_BITS * i as u32);
    }
    v
}

/// What the lexicon knows about one folded word form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The form is a radical word in its own right (not only a mutated form).
    pub radical: bool,
    /// Its lemmas (folded), best first.
    pub lemmas: Vec<&'static str>,
}

/// The loaded lexicon.
pub struct Lexicon {
    forms: Map<&'static [u8]>,
    lemmas: Vec<&'static str>,
}

impl Lexicon {
    /// The lexicon compiled into this binary.
    pub fn bundled() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            forms: Map::new(FORMS).expect("the bundled lexicon table is a valid fst map"),
            lemmas: LEMMAS.lines().collect(),
        })
    }

    /// Looks up a folded form.
    pub fn lookup(&self, folded: &str) -> Option<Entry> {
        let v = self.forms.get(folded)?;
        let n = ((v >> 60) & 0b11) as usize;
        let mask = (1u64 << LEMMA_BITS) - 1;
        let lemmas = (0..n)
            .filter_map(|i| {
                let id = (v >> (LEMMA_BITS * i as u32)) & mask;
                self.lemmas.get(id as usize).copied()
            })
            .collect();
        Some(Entry {
            radical: v & RADICAL_FLAG != 0,
            lemmas,
        })
    }

    /// Whether a folded form is a Welsh word in radical (unmutated) form.
    /// Mutation rules only ever produce candidates that pass this test.
    pub fn is_radical_word(&self, folded: &str) -> bool {
        self.lookup(folded).is_some_and(|e| e.radical)
    }

    /// Whether a folded form is in the lexicon at all.
    pub fn contains(&self, folded: &str) -> bool {
        self.forms.contains_key(folded)
    }

    /// Number of forms in the table.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// Whether the table is empty (never, for the bundled one).
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_mutated_and_inflected_forms_to_lemmas() {
        let lex = Lexicon::bundled();
        assert_eq!(lex.lookup("nghwyn").unwrap().lemmas, vec!["cwyn"]);
        assert!(lex.lookup("cwynion").unwrap().lemmas.contains(&"cwyn"));
        assert!(lex.lookup("heddluoedd").unwrap().lemmas.contains(&"heddlu"));
        // Folding merges `gŵyn` (a mutated complaint) with `gwyn` (white).
        let gwyn = lex.lookup("gwyn").unwrap();
        assert!(gwyn.lemmas.contains(&"cwyn") && gwyn.lemmas.contains(&"gwyn"));
    }

    #[test]
    fn knows_radical_forms_including_bare_verbnouns() {
        let lex = Lexicon::bundled();
        assert!(lex.is_radical_word("trin"));
        assert!(lex.is_radical_word("cwyn"));
        assert!(!lex.is_radical_word("nghwyn"));
        assert!(!lex.contains("xqzt"));
    }

    #[test]
    fn pack_round_trips() {
        let v = pack(true, &[1, 0xFFFFF, 7]);
        assert_eq!(v & RADICAL_FLAG, RADICAL_FLAG);
        assert_eq!((v >> 60) & 0b11, 3);
        assert_eq!((v >> 20) & 0xFFFFF, 0xFFFFF);
    }
}
