//! Conversational filler: what callers say around their question ("I was
//! just wondering if", "dw i'n ffonio achos", "basically"). In a spoken
//! sentence these words match guidance that happens to use them ("calling",
//! "ffonio", "gwybod") and push the right article down, so search drops
//! them from sentence-length queries. Short queries keep every word: there,
//! "ffonio" may be the point.

use std::sync::OnceLock;

use super::{Word, fold, tokenize};
use crate::lang::Lang;

/// Welsh filler, as phrases (longest first is not needed: every match is
/// dropped).
const CY: &[&str] = &[
    "dw i'n ffonio",
    "dwi'n ffonio",
    "rwy'n ffonio",
    "rydw i'n ffonio",
    "fi'n ffonio",
    "ffonio achos",
    "ffonio ynglŷn â",
    "ffonio am",
    "galw achos",
    "galw ynglŷn â",
    "o'n i'n meddwl tybed",
    "meddwl tybed",
    "tybed",
    "o'n i jyst isio gofyn",
    "isio gofyn",
    "eisiau gofyn",
    "moyn gofyn",
    "isio gwybod",
    "eisiau gwybod",
    "moyn gwybod",
    "ishe gwybod",
    "dw i isio gwybod",
    "allwch chi ddweud wrtha i",
    "allwch chi ddeud wrtha i",
    "allech chi ddweud wrtha i",
    "allwch chi helpu",
    "ga i ofyn",
    "gaf i ofyn",
    "helo",
    "haia",
    "shwmae",
    "su'mae",
    "sut mae",
    "bore da",
    "prynhawn da",
    "noswaith dda",
    "jyst",
    "jest",
    "diolch",
    "plis",
    "os gwelwch yn dda",
    "os gweli di'n dda",
    "yn onest",
    "a dweud y gwir",
    "ti'n gwybod",
    "chi'n gwybod",
    "ti'n gweld",
    "chi'n gweld",
    "basically",
    "actually",
    "sori",
    "ym",
    "ymm",
    "y'know",
    "wel",
    "reit",
    "beth bynnag",
    "unrhyw ffordd",
    "isio",
    "ishe",
    "moyn",
];

/// English filler.
const EN: &[&str] = &[
    "i was wondering",
    "i was just wondering",
    "just wondering",
    "wondering if",
    "i wondered",
    "i'm calling",
    "i am calling",
    "calling about",
    "calling because",
    "i'm ringing",
    "ringing about",
    "ringing because",
    "i'm phoning",
    "phoning about",
    "phoning because",
    "i need to know",
    "i'd like to know",
    "i want to know",
    "can you tell me",
    "could you tell me",
    "can you help me",
    "could you help me",
    "i just wanted to",
    "i wanted to ask",
    "just wanted to ask",
    "i want to ask",
    "quick question",
    "hi",
    "hiya",
    "hello",
    "good morning",
    "good afternoon",
    "basically",
    "to be honest",
    "you know",
    "you see",
    "sort of",
    "kind of",
    "like",
    "um",
    "umm",
    "erm",
    "er",
    "please",
    "thanks",
    "thank you",
    "cheers",
    "just",
    "really",
    "actually",
    "anyway",
    "yeah",
    "ok",
    "okay",
    "sorry",
    "so",
];

/// The filler phrases of `lang`, each as its folded words.
fn phrases(lang: Lang) -> &'static [Vec<String>] {
    static LISTS: OnceLock<[Vec<Vec<String>>; 2]> = OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        let split = |list: &[&str]| {
            list.iter()
                .map(|p| tokenize::words(p).iter().map(|w| fold(w.text)).collect())
                .collect()
        };
        [split(CY), split(EN)]
    });
    &lists[lang as usize]
}

/// Marks the filler in analysed words as stop words, so search ignores it.
pub fn drop_filler(lang: Lang, words: &mut [Word]) {
    let mut filler = vec![false; words.len()];
    for phrase in phrases(lang) {
        let n = phrase.len();
        if n == 0 || n > words.len() {
            continue;
        }
        for start in 0..=words.len() - n {
            if words[start..start + n]
                .iter()
                .zip(phrase)
                .all(|(w, p)| w.surface == *p)
            {
                filler[start..start + n].iter_mut().for_each(|f| *f = true);
            }
        }
    }
    for (w, is_filler) in words.iter_mut().zip(filler) {
        if is_filler {
            w.stop = true;
            w.terms.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn kept(lang: Lang, text: &str) -> Vec<String> {
        let mut words = analyze(lang, text);
        drop_filler(lang, &mut words);
        words
            .into_iter()
            .filter(|w| !w.stop)
            .map(|w| w.surface)
            .collect()
    }

    #[test]
    fn filler_goes_and_the_question_stays() {
        assert_eq!(
            kept(
                Lang::En,
                "Hi, I was just wondering if I can appeal the outcome"
            ),
            ["appeal", "outcome"]
        );
        assert_eq!(
            kept(
                Lang::Cy,
                "Helo, dw i'n ffonio achos dw i isio apelio yn erbyn y canlyniad"
            ),
            ["apelio", "erbyn", "canlyniad"]
        );
        // Words that only look like filler stay.
        assert_eq!(
            kept(Lang::En, "who do I call about a complaint"),
            ["who", "call", "complaint"]
        );
    }
}
