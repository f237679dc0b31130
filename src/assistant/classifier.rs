//! Intents and flags learned from editors' example sentences
//! (`rules/examples.toml`), plus the phrases of `rules/intents.toml`.
//!
//! Features come from the Welsh and English analysis search uses (folded
//! words, de-mutated lemmas and stems), word pairs, and character n-grams
//! of the words (which carry typos, missing accents and forms the lexicon
//! does not know), hashed into a fixed-width sparse vector, as Rasa's
//! CountVectors featuriser does. The model is multinomial logistic
//! regression for intents and one binary logistic regression per flag,
//! trained by stochastic gradient descent in a fixed order from zero
//! weights, so the same examples always give the same model. It is written
//! here rather than taken from linfa-logistic because linfa trains on dense
//! ndarray matrices: 2^17 hashed features by a few thousand sentences would
//! be gigabytes, where the sparse form trains in milliseconds.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::recognise::Analysed;
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;

/// Width of the hashed feature space.
const DIM_BITS: u32 = 17;
const DIM: usize = 1 << DIM_BITS;
/// Weight of a character n-gram against a whole word.
const NGRAM_WEIGHT: f32 = 0.35;
/// Passes over the examples.
const EPOCHS: usize = 30;
/// First learning rate; it falls each pass.
const LEARNING_RATE: f32 = 2.0;

/// A sentence as features: (index, value) pairs, sorted by index, with the
/// word each index came from (to explain a decision in the caller's words).
#[derive(Debug, Clone, Default)]
pub struct Features {
    items: Vec<(u32, f32)>,
    origin: HashMap<u32, String>,
}

/// FNV-1a: stable across runs and platforms (std's hasher is seeded).
fn slot(feature: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in feature.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h & (DIM as u32 - 1)
}

impl Features {
    /// The features of an analysed text.
    pub fn of(text: &Analysed) -> Self {
        let mut values: HashMap<u32, f32> = HashMap::new();
        let mut origin: HashMap<u32, String> = HashMap::new();
        let mut add = |feature: String, value: f32, word: &str| {
            let i = slot(&feature);
            *values.entry(i).or_default() += value;
            origin.entry(i).or_insert_with(|| word.to_string());
        };
        for lang in Lang::ALL {
            let words = text.words(lang);
            for w in words {
                // The word as said and its best reading (lemma or stem).
                for t in w.terms.iter().take(2) {
                    add(format!("{lang}|w|{t}"), 1.0, &w.surface);
                }
            }
            for pair in words.windows(2) {
                let lemma = |i: usize| pair[i].terms.get(1).unwrap_or(&pair[i].surface);
                add(
                    format!("{lang}|p|{}|{}", lemma(0), lemma(1)),
                    1.0,
                    &format!("{} {}", pair[0].surface, pair[1].surface),
                );
            }
        }
        // Character n-grams of every content word (either language's).
        let mut surfaces: Vec<&str> = Lang::ALL
            .into_iter()
            .flat_map(|l| text.words(l).iter().map(|w| w.surface.as_str()))
            .collect();
        surfaces.sort_unstable();
        surfaces.dedup();
        for surface in surfaces {
            let chars: Vec<char> = format!("^{surface}$").chars().collect();
            for n in 3..=5 {
                for gram in chars.windows(n) {
                    let gram: String = gram.iter().collect();
                    add(format!("c|{gram}"), NGRAM_WEIGHT, surface);
                }
            }
        }
        // Sorted before summing: float addition depends on order, and the
        // model must be the same on every run.
        let mut items: Vec<(u32, f32)> = values.into_iter().collect();
        items.sort_unstable_by_key(|(i, _)| *i);
        let norm = items.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, v) in &mut items {
                *v /= norm;
            }
        }
        Features { items, origin }
    }

    /// Whether the text had no content words at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Logistic regression over hashed features: softmax over `labels`.
#[derive(Debug, Clone)]
struct Linear {
    classes: usize,
    /// `DIM × classes`, feature-major so one feature's weights are together.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

impl Linear {
    fn scores(&self, x: &Features) -> Vec<f32> {
        let mut z = self.bias.clone();
        for &(i, v) in &x.items {
            let row = &self.weights[i as usize * self.classes..][..self.classes];
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += w * v;
            }
        }
        softmax(&mut z);
        z
    }

    /// Trains on (features, class, weight) in a fixed order.
    fn train(classes: usize, data: &[(&Features, usize, f32)]) -> Self {
        let mut m = Linear {
            classes,
            weights: vec![0.0; DIM * classes],
            bias: vec![0.0; classes],
        };
        // A fixed permutation per pass (an LCG), so the order does not
        // follow the file but every run is the same.
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for epoch in 0..EPOCHS {
            for k in (1..order.len()).rev() {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                order.swap(k, (state >> 33) as usize % (k + 1));
            }
            let rate = LEARNING_RATE / (1.0 + epoch as f32 * 0.5);
            for &n in &order {
                let (x, y, weight) = data[n];
                let p = m.scores(x);
                for (c, pc) in p.iter().enumerate() {
                    let g = (pc - if c == y { 1.0 } else { 0.0 }) * weight * rate;
                    if g == 0.0 {
                        continue;
                    }
                    m.bias[c] -= g;
                    for &(i, v) in &x.items {
                        m.weights[i as usize * classes + c] -= g * v;
                    }
                }
            }
        }
        m
    }

    /// The words that weighed most for class `c`, heaviest first.
    fn reasons(&self, x: &Features, c: usize, most: usize) -> Vec<String> {
        let mut by_word: HashMap<&str, f32> = HashMap::new();
        for &(i, v) in &x.items {
            let w = self.weights[i as usize * self.classes + c] * v;
            if let Some(word) = x.origin.get(&i) {
                *by_word.entry(word.as_str()).or_default() += w;
            }
        }
        let mut words: Vec<(&str, f32)> = by_word.into_iter().filter(|(_, w)| *w > 0.0).collect();
        words.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        words
            .into_iter()
            .take(most)
            .map(|(w, _)| w.to_string())
            .collect()
    }
}

fn softmax(z: &mut [f32]) {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - max).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

/// A label the classifier found, how sure it is, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    /// Intent or flag id.
    pub id: String,
    /// Probability, 0 to 1.
    pub confidence: f32,
    /// The caller's words that weighed most.
    pub because: Vec<String>,
}

/// The trained classifier: intents and flags.
#[derive(Debug, Clone)]
pub struct Classifier {
    intents: Vec<String>,
    intent_model: Linear,
    flags: Vec<(String, Linear)>,
}

/// One labelled sentence to learn from.
#[derive(Debug, Clone)]
pub struct Example<'a> {
    /// Intent or flag id.
    pub label: &'a str,
    /// The sentence's language.
    pub lang: Lang,
    /// The sentence.
    pub text: &'a str,
}

/// How much more a flag's own examples count than the rest when it is
/// learned (they are few against many).
const FLAG_POSITIVE_WEIGHT: f32 = 4.0;

impl Classifier {
    /// Trains on `examples` for the given intent and flag ids.
    pub fn train(intents: &[String], flags: &[String], examples: &[Example<'_>]) -> Self {
        let analysed: Vec<Features> = examples
            .iter()
            .map(|e| Features::of(&Analysed::new(e.text)))
            .collect();
        let intent_data: Vec<(&Features, usize, f32)> = examples
            .iter()
            .zip(&analysed)
            .filter_map(|(e, x)| {
                let c = intents.iter().position(|i| i == e.label)?;
                Some((x, c, 1.0))
            })
            .collect();
        let intent_model = Linear::train(intents.len().max(1), &intent_data);
        let flags = flags
            .iter()
            .map(|flag| {
                let data: Vec<(&Features, usize, f32)> = examples
                    .iter()
                    .zip(&analysed)
                    .map(|(e, x)| {
                        if e.label == flag {
                            (x, 1, FLAG_POSITIVE_WEIGHT)
                        } else {
                            (x, 0, 1.0)
                        }
                    })
                    .collect();
                (flag.clone(), Linear::train(2, &data))
            })
            .collect();
        Classifier {
            intents: intents.to_vec(),
            intent_model,
            flags,
        }
    }

    /// The classifier for a knowledge base: its examples plus the intents'
    /// and flags' phrases. Trained once per set of examples and shared.
    pub fn for_kb(kb: &KnowledgeBase) -> Arc<Classifier> {
        static CACHE: Mutex<Option<(u64, Arc<Classifier>)>> = Mutex::new(None);
        let (intents, flags, examples) = training_set(kb);
        let key = fingerprint(&intents, &flags, &examples);
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((k, c)) = cache.as_ref()
            && *k == key
        {
            return c.clone();
        }
        let trained = Arc::new(Classifier::train(&intents, &flags, &examples));
        *cache = Some((key, trained.clone()));
        trained
    }

    /// Intents for a text, most likely first, with their probabilities.
    pub fn intents(&self, x: &Features) -> Vec<Guess> {
        if x.is_empty() || self.intents.is_empty() {
            return Vec::new();
        }
        let p = self.intent_model.scores(x);
        let mut guesses: Vec<Guess> = self
            .intents
            .iter()
            .enumerate()
            .map(|(c, id)| Guess {
                id: id.clone(),
                confidence: p[c],
                because: Vec::new(),
            })
            .collect();
        guesses.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        for g in guesses.iter_mut().take(2) {
            let c = self.intents.iter().position(|i| *i == g.id).unwrap_or(0);
            g.because = self.intent_model.reasons(x, c, 3);
        }
        guesses
    }

    /// The probability of each flag for a text.
    pub fn flags(&self, x: &Features) -> Vec<Guess> {
        if x.is_empty() {
            return Vec::new();
        }
        self.flags
            .iter()
            .map(|(id, model)| Guess {
                id: id.clone(),
                confidence: model.scores(x)[1],
                because: model.reasons(x, 1, 3),
            })
            .collect()
    }
}

/// Everything the classifier learns from in a knowledge base: the intent
/// and flag ids, and the labelled sentences (examples, then phrases).
pub fn training_set(kb: &KnowledgeBase) -> (Vec<String>, Vec<String>, Vec<Example<'_>>) {
    let Some(rules) = &kb.signal_rules else {
        return Default::default();
    };
    let intents: Vec<String> = rules.intents.iter().map(|s| s.id.clone()).collect();
    let flags: Vec<String> = rules.flags.iter().map(|s| s.id.clone()).collect();
    let mut examples = Vec::new();
    if let Some(ex) = &kb.examples {
        for (label, sentences) in &ex.examples {
            for lang in Lang::ALL {
                examples.extend(sentences.get(lang).iter().map(|text| Example {
                    label: label.as_str(),
                    lang,
                    text: text.as_str(),
                }));
            }
        }
    }
    for signal in rules.intents.iter().chain(&rules.flags) {
        for lang in Lang::ALL {
            examples.extend(signal.recognise.get(lang).iter().map(|text| Example {
                label: signal.id.as_str(),
                lang,
                text: text.as_str(),
            }));
        }
    }
    (intents, flags, examples)
}

fn fingerprint(intents: &[String], flags: &[String], examples: &[Example<'_>]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |s: &str| {
        for b in s.bytes().chain([0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    intents.iter().chain(flags).for_each(|s| eat(s));
    for e in examples {
        eat(e.label);
        eat(e.text);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Classifier {
        let intents = vec!["complaint".to_string(), "case-update".to_string()];
        let flags = vec!["risk-of-harm".to_string()];
        let data = [
            ("complaint", "I want to complain about a rude officer"),
            ("complaint", "dw i isio cwyno am blismon"),
            ("complaint", "the copper was rude to me"),
            ("case-update", "any news on my case"),
            ("case-update", "unrhyw newyddion am fy achos"),
            ("case-update", "nobody has told me anything about my case"),
            ("risk-of-harm", "he will hurt me if I go home"),
            ("risk-of-harm", "I can't go on any more"),
        ];
        let examples: Vec<Example<'_>> = data
            .iter()
            .map(|&(label, text)| Example {
                label,
                lang: Lang::En,
                text,
            })
            .collect();
        Classifier::train(&intents, &flags, &examples)
    }

    #[test]
    fn learns_and_explains_in_the_callers_words() {
        let c = toy();
        let x = Features::of(&Analysed::new("is there any news about my case"));
        let top = &c.intents(&x)[0];
        assert_eq!(top.id, "case-update");
        assert!(top.confidence > 0.5, "{top:?}");
        assert!(
            top.because.iter().any(|w| w == "news" || w == "case"),
            "{top:?}"
        );
        let x = Features::of(&Analysed::new(
            "mae'r plismon yn anghwrtais, dw i isio cwyno",
        ));
        assert_eq!(c.intents(&x)[0].id, "complaint");
    }

    #[test]
    fn training_is_deterministic() {
        let (a, b) = (toy(), toy());
        let x = Features::of(&Analysed::new("I'm scared to go home"));
        assert_eq!(a.flags(&x), b.flags(&x));
        assert_eq!(a.intents(&x), b.intents(&x));
    }

    #[test]
    fn nothing_to_read_gives_nothing() {
        let c = toy();
        let x = Features::of(&Analysed::new("... !!"));
        assert!(c.intents(&x).is_empty());
        assert!(c.flags(&x).is_empty());
    }
}
