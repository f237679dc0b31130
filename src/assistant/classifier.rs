//! Intents and flags learned from editors' example sentences
//! (`rules/examples.toml`), plus the phrases of `rules/intents.toml`.
//!
//! Features come from the Welsh and English analysis search uses (folded
//! words, de-mutated lemmas and stems), word pairs, and character n-grams
//! of the words (which carry typos, missing accents and forms the lexicon
//! does not know), hashed as Rasa's CountVectors featuriser does, then kept
//! to the slots the examples use and weighed by inverse document frequency.
//! One model holds multinomial logistic regression over the intents (with
//! ordinary talk as one more class, never reported) and a binary logistic
//! regression per flag, sharing each feature's row of weights so a sentence
//! is read once for all of them. It is trained by stochastic gradient
//! descent in a fixed order from zero weights, so the same examples always
//! give the same model. It is written here rather than taken from
//! linfa-logistic because linfa trains on dense ndarray matrices: 2^17
//! hashed features by thousands of sentences would be gigabytes, where the
//! sparse form needs a few megabytes.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use super::recognise::Analysed;
// Ordinary talk (`knowledge::ORDINARY`) is learned as one more intent, which
// is never reported, and as a negative for every flag.
use crate::knowledge::{KnowledgeBase, ORDINARY};
use crate::lang::Lang;

/// Width of the hashed feature space.
const DIM_BITS: u32 = 17;
const DIM: usize = 1 << DIM_BITS;

/// Weight of a character n-gram against a whole word.
const NGRAM_WEIGHT: f32 = 0.35;
/// Passes over the examples.
const EPOCHS: usize = 8;
/// First learning rate; it falls each pass.
const LEARNING_RATE: f32 = 2.0;
/// Smallest update worth making to an output's weights.
const MIN_STEP: f32 = 1e-3;
/// How much more a flag's own examples count than the rest when it is
/// learned (they are few against many).
const FLAG_POSITIVE_WEIGHT: f32 = 4.0;

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
    /// The raw feature counts of an analysed text (not yet weighted).
    fn counts(text: &Analysed) -> Self {
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
        // Sorted: float sums depend on order, and the model must be the
        // same on every run.
        let mut items: Vec<(u32, f32)> = values.into_iter().collect();
        items.sort_unstable_by_key(|(i, _)| *i);
        Features { items, origin }
    }

    /// Keeps the features the classifier knows, as their index in its
    /// vocabulary, weighed by their inverse document frequency and scaled
    /// to unit length. Unknown features would only meet zero weights.
    fn weighed(self, vocabulary: &HashMap<u32, u32>, idf: &[f32]) -> Self {
        let mut items: Vec<(u32, f32)> = self
            .items
            .iter()
            .filter_map(|&(slot, v)| {
                let i = *vocabulary.get(&slot)?;
                Some((i, v * idf[i as usize]))
            })
            .collect();
        items.sort_unstable_by_key(|(i, _)| *i);
        let norm = items.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, v) in &mut items {
                *v /= norm;
            }
        }
        let origin = self
            .origin
            .into_iter()
            .filter_map(|(slot, word)| Some((*vocabulary.get(&slot)?, word)))
            .collect();
        Features { items, origin }
    }

    /// Whether the text had no content words at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// One example as the model learns it: its features, its intent (if it is
/// an intent's example) and its flag (if it is a flag's).
struct Labelled<'a> {
    x: &'a Features,
    intent: Option<usize>,
    flag: Option<usize>,
}

/// Multinomial logistic regression over the intents and one binary logistic
/// regression per flag, sharing one weight row per feature: a sentence's
/// features are read once for all of them, which keeps training in cache.
#[derive(Debug, Clone)]
struct Model {
    intents: usize,
    flags: usize,
    /// `features × (intents + flags)`, feature-major.
    weights: Vec<f32>,
    bias: Vec<f32>,
}

impl Model {
    fn width(&self) -> usize {
        self.intents + self.flags
    }

    /// Intent probabilities (softmax), then each flag's (sigmoid).
    fn scores(&self, x: &Features) -> Vec<f32> {
        let width = self.width();
        let mut z = self.bias.clone();
        for &(i, v) in &x.items {
            let row = &self.weights[i as usize * width..][..width];
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += w * v;
            }
        }
        softmax(&mut z[..self.intents]);
        for f in &mut z[self.intents..] {
            *f = 1.0 / (1.0 + (-*f).exp());
        }
        z
    }

    /// Trains by stochastic gradient descent from zero weights, in a fixed
    /// order: the same examples always give the same model.
    fn train(dim: usize, intents: usize, flags: usize, data: &[Labelled<'_>]) -> Self {
        let mut m = Model {
            intents,
            flags,
            weights: vec![0.0; dim * (intents + flags)],
            bias: vec![0.0; intents + flags],
        };
        let width = m.width();
        // A fixed permutation per pass (an LCG), so the order does not
        // follow the file but every run is the same.
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut steps = vec![0.0f32; width];
        for epoch in 0..EPOCHS {
            for k in (1..order.len()).rev() {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                order.swap(k, (state >> 33) as usize % (k + 1));
            }
            let rate = LEARNING_RATE / (1.0 + epoch as f32 * 0.5);
            for &n in &order {
                let e = &data[n];
                let p = m.scores(e.x);
                for (c, step) in steps.iter_mut().enumerate() {
                    *step = if c < intents {
                        // Only intent (and ordinary) examples teach intents.
                        e.intent.map_or(0.0, |y| p[c] - f32::from(u8::from(c == y)))
                    } else {
                        let positive = e.flag == Some(c - intents);
                        let weight = if positive { FLAG_POSITIVE_WEIGHT } else { 1.0 };
                        (p[c] - f32::from(u8::from(positive))) * weight
                    } * rate;
                    // Updates too small to matter are skipped: after a pass
                    // or two most outputs are near their targets.
                    if step.abs() < MIN_STEP {
                        *step = 0.0;
                    }
                }
                if steps.iter().all(|s| *s == 0.0) {
                    continue;
                }
                for (b, s) in m.bias.iter_mut().zip(&steps) {
                    *b -= s;
                }
                for &(i, v) in &e.x.items {
                    let row = &mut m.weights[i as usize * width..][..width];
                    for (w, s) in row.iter_mut().zip(&steps) {
                        *w -= s * v;
                    }
                }
            }
        }
        m
    }

    /// The words that weighed most for output `c`, heaviest first.
    fn reasons(&self, x: &Features, c: usize, most: usize) -> Vec<String> {
        let width = self.width();
        let mut by_word: HashMap<&str, f32> = HashMap::new();
        for &(i, v) in &x.items {
            let w = self.weights[i as usize * width + c] * v;
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
    /// The intents learned, [`ORDINARY`] last.
    intents: Vec<String>,
    flags: Vec<String>,
    model: Model,
    /// Hashed feature slot → index of the features the examples use.
    vocabulary: HashMap<u32, u32>,
    /// Inverse document frequency of each feature over the examples.
    idf: Vec<f32>,
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

impl Classifier {
    /// Trains on `examples` for the given intent and flag ids.
    pub fn train(intents: &[String], flags: &[String], examples: &[Example<'_>]) -> Self {
        let counts: Vec<Features> = examples
            .iter()
            .map(|e| Features::counts(&Analysed::new(e.text)))
            .collect();
        // The slots the examples use, numbered in slot order: the weights
        // then hold only features that can carry any (compact, so training
        // stays in cache).
        let mut df: BTreeMap<u32, u32> = BTreeMap::new();
        for x in &counts {
            for &(slot, _) in &x.items {
                *df.entry(slot).or_default() += 1;
            }
        }
        let vocabulary: HashMap<u32, u32> = df
            .keys()
            .enumerate()
            .map(|(i, &slot)| (slot, i as u32))
            .collect();
        let n = counts.len() as f32;
        let idf: Vec<f32> = df
            .values()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        let dim = idf.len();
        let analysed: Vec<Features> = counts
            .into_iter()
            .map(|x| x.weighed(&vocabulary, &idf))
            .collect();
        let mut intents = intents.to_vec();
        intents.push(ORDINARY.to_string());
        let data: Vec<Labelled<'_>> = examples
            .iter()
            .zip(&analysed)
            .map(|(e, x)| Labelled {
                x,
                intent: intents.iter().position(|i| i == e.label),
                flag: flags.iter().position(|f| f == e.label),
            })
            .collect();
        let model = Model::train(dim, intents.len(), flags.len(), &data);
        Classifier {
            intents,
            flags: flags.to_vec(),
            model,
            vocabulary,
            idf,
        }
    }

    /// The classifier for a knowledge base: its examples plus the intents'
    /// and flags' phrases. Trained once per version of those two files and
    /// shared; finding it again costs a pointer comparison (or, for another
    /// copy of the same knowledge, comparing the files' text).
    pub fn for_kb(kb: &KnowledgeBase) -> Arc<Classifier> {
        type Key = (Arc<str>, Arc<str>);
        static CACHE: Mutex<Option<(Key, Arc<Classifier>)>> = Mutex::new(None);
        let text = |s: Option<&crate::knowledge::Source>| -> Arc<str> {
            s.map_or_else(|| Arc::from(""), |s| s.text.clone())
        };
        let key: Key = (
            text(kb.signal_rules.as_ref().map(|r| &r.file)),
            text(kb.examples.as_ref().map(|e| &e.file)),
        );
        let same = |a: &Arc<str>, b: &Arc<str>| Arc::ptr_eq(a, b) || a == b;
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(((rules, examples), c)) = cache.as_ref()
            && same(rules, &key.0)
            && same(examples, &key.1)
        {
            return c.clone();
        }
        let (intents, flags, examples) = training_set(kb);
        let trained = Arc::new(Classifier::train(&intents, &flags, &examples));
        *cache = Some((key, trained.clone()));
        trained
    }

    /// The features of an analysed text, weighed as in training.
    pub fn features(&self, text: &Analysed) -> Features {
        Features::counts(text).weighed(&self.vocabulary, &self.idf)
    }

    /// Intents for a text, most likely first, with their probabilities.
    /// Ordinary talk is not an intent: when it is the most likely reading,
    /// nothing is returned.
    pub fn intents(&self, x: &Features) -> Vec<Guess> {
        if x.is_empty() || self.intents.len() <= 1 {
            return Vec::new();
        }
        let p = self.model.scores(x);
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
        if guesses[0].id == ORDINARY {
            return Vec::new();
        }
        guesses.retain(|g| g.id != ORDINARY);
        for g in guesses.iter_mut().take(2) {
            let c = self.intents.iter().position(|i| *i == g.id).unwrap_or(0);
            g.because = self.model.reasons(x, c, 3);
        }
        guesses
    }

    /// The probability of each flag for a text.
    pub fn flags(&self, x: &Features) -> Vec<Guess> {
        if x.is_empty() {
            return Vec::new();
        }
        let p = self.model.scores(x);
        let first = self.intents.len();
        self.flags
            .iter()
            .enumerate()
            .map(|(f, id)| Guess {
                id: id.clone(),
                confidence: p[first + f],
                because: self.model.reasons(x, first + f, 3),
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
        let x = c.features(&Analysed::new("is there any news about my case"));
        let top = &c.intents(&x)[0];
        assert_eq!(top.id, "case-update");
        assert!(top.confidence > 0.5, "{top:?}");
        assert!(
            top.because.iter().any(|w| w == "news" || w == "case"),
            "{top:?}"
        );
        let x = c.features(&Analysed::new(
            "mae'r plismon yn anghwrtais, dw i isio cwyno",
        ));
        assert_eq!(c.intents(&x)[0].id, "complaint");
    }

    #[test]
    fn training_is_deterministic() {
        let (a, b) = (toy(), toy());
        let x = a.features(&Analysed::new("I'm scared to go home"));
        assert_eq!(a.flags(&x), b.flags(&x));
        assert_eq!(a.intents(&x), b.intents(&x));
    }

    #[test]
    fn nothing_to_read_gives_nothing() {
        let c = toy();
        let x = c.features(&Analysed::new("... !!"));
        assert!(c.intents(&x).is_empty());
        assert!(c.flags(&x).is_empty());
    }
}
