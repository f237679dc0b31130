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
//! is read once for all of them. It is trained by averaged stochastic
//! gradient descent in a fixed order from zero weights, so the same
//! examples always give the same model. It is written here rather than taken from
//! linfa-logistic because linfa trains on dense ndarray matrices: 2^17
//! hashed features by thousands of sentences would be gigabytes, where the
//! sparse form needs a few megabytes.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;
use std::path::Path;
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
    /// The words `items[k]` came from, at `origin[k]`.
    origin: Vec<String>,
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

/// The words a feature came from, kept as borrowed text until the feature
/// is known to be new (most repeat, and most are then dropped as unknown).
#[derive(Debug, Clone, Copy)]
enum Said<'a> {
    Word(&'a str),
    Pair(&'a str, &'a str),
}

impl Said<'_> {
    fn text(self) -> String {
        match self {
            Said::Word(w) => w.to_string(),
            Said::Pair(a, b) => format!("{a} {b}"),
        }
    }
}

impl Features {
    /// The raw feature counts of an analysed text (not yet weighted).
    fn counts(text: &Analysed) -> Self {
        use std::fmt::Write;
        // Every feature as it comes, then summed per slot in the order they
        // came (float sums depend on order, and the model must be the same
        // on every run), the first word kept as its origin.
        let mut raw: Vec<(u32, f32, Said)> = Vec::new();
        let mut name = String::new();
        for lang in Lang::ALL {
            let words = text.words(lang);
            for w in words {
                // The word as said and its best reading (lemma or stem).
                for t in w.terms.iter().take(2) {
                    name.clear();
                    let _ = write!(name, "{lang}|w|{t}");
                    raw.push((slot(&name), 1.0, Said::Word(&w.surface)));
                }
            }
            for pair in words.windows(2) {
                let lemma = |i: usize| pair[i].terms.get(1).unwrap_or(&pair[i].surface);
                name.clear();
                let _ = write!(name, "{lang}|p|{}|{}", lemma(0), lemma(1));
                let said = Said::Pair(&pair[0].surface, &pair[1].surface);
                raw.push((slot(&name), 1.0, said));
            }
        }
        // Character n-grams of every content word (either language's).
        let mut surfaces: Vec<&str> = Lang::ALL
            .into_iter()
            .flat_map(|l| text.words(l).iter().map(|w| w.surface.as_str()))
            .collect();
        surfaces.sort_unstable();
        surfaces.dedup();
        let mut chars: Vec<char> = Vec::new();
        for surface in surfaces {
            chars.clear();
            chars.push('^');
            chars.extend(surface.chars());
            chars.push('$');
            for n in 3..=5 {
                for gram in chars.windows(n) {
                    name.clear();
                    name.push_str("c|");
                    name.extend(gram);
                    raw.push((slot(&name), NGRAM_WEIGHT, Said::Word(surface)));
                }
            }
        }
        // A stable sort keeps each slot's features in the order they came.
        raw.sort_by_key(|(slot, ..)| *slot);
        let mut items: Vec<(u32, f32)> = Vec::new();
        let mut origin = Vec::new();
        for (slot, value, said) in raw {
            match items.last_mut() {
                Some((last, sum)) if *last == slot => *sum += value,
                _ => {
                    items.push((slot, value));
                    origin.push(said.text());
                }
            }
        }
        Features { items, origin }
    }

    /// Keeps the features the classifier knows, as their index in its
    /// vocabulary, weighed by their inverse document frequency and scaled
    /// to unit length. Unknown features would only meet zero weights.
    fn weighed(self, vocabulary: &FxHashMap<u32, u32>, idf: &[f32]) -> Self {
        let mut known: Vec<(u32, f32, String)> = self
            .items
            .into_iter()
            .zip(self.origin)
            .filter_map(|((slot, v), word)| {
                let i = *vocabulary.get(&slot)?;
                Some((i, v * idf[i as usize], word))
            })
            .collect();
        known.sort_unstable_by_key(|(i, ..)| *i);
        let norm = known.iter().map(|(_, v, _)| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, v, _) in &mut known {
                *v /= norm;
            }
        }
        let (items, origin) = known.into_iter().map(|(i, v, w)| ((i, v), w)).unzip();
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
        // The weights kept are the mean of those after each pass of the
        // second half (averaged SGD): steadier than the last pass's, which
        // follow its last few examples (+1 point of cross-validated intent
        // accuracy in Welsh).
        let mut mean = (vec![0.0f32; m.weights.len()], vec![0.0f32; m.bias.len()]);
        let mut averaged = 0.0f32;
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
            if epoch >= EPOCHS / 2 {
                averaged += 1.0;
                for (a, w) in mean.0.iter_mut().zip(&m.weights) {
                    *a += (w - *a) / averaged;
                }
                for (a, b) in mean.1.iter_mut().zip(&m.bias) {
                    *a += (b - *a) / averaged;
                }
            }
        }
        (m.weights, m.bias) = mean;
        m
    }

    /// The words that weighed most for output `c`, heaviest first.
    fn reasons(&self, x: &Features, c: usize, most: usize) -> Vec<String> {
        let width = self.width();
        let mut by_word: HashMap<&str, f32> = HashMap::new();
        for (&(i, v), word) in x.items.iter().zip(&x.origin) {
            let w = self.weights[i as usize * width + c] * v;
            *by_word.entry(word.as_str()).or_default() += w;
        }
        // "y", "the", "i" explain nothing to an adviser, however they weigh.
        let telling = |word: &str| {
            let f = crate::analysis::fold(word);
            f.chars().count() > 1
                && !crate::analysis::welsh::is_stop_word(&f)
                && !crate::analysis::english::is_stop_word(&f)
        };
        let mut words: Vec<(&str, f32)> = by_word
            .into_iter()
            .filter(|(word, w)| *w > 0.0 && telling(word))
            .collect();
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
    vocabulary: FxHashMap<u32, u32>,
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
        let vocabulary: FxHashMap<u32, u32> = df
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
        Self::shared(kb, None)
    }

    /// [`Classifier::for_kb`], kept in `dir` too: a restart with the same
    /// knowledge reads the trained model back in milliseconds instead of
    /// training again. A missing, stale or damaged file is trained over.
    pub fn for_kb_saved_in(kb: &KnowledgeBase, dir: &Path) -> Arc<Classifier> {
        Self::shared(kb, Some(dir))
    }

    fn shared(kb: &KnowledgeBase, dir: Option<&Path>) -> Arc<Classifier> {
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
        let file = dir.map(|d| d.join(saved::file_name(&key.0, &key.1)));
        let loaded = file.as_deref().and_then(saved::read);
        let classifier = Arc::new(loaded.unwrap_or_else(|| {
            let (intents, flags, examples) = training_set(kb);
            let trained = Classifier::train(&intents, &flags, &examples);
            if let Some(file) = &file {
                saved::write(file, &trained);
            }
            trained
        }));
        *cache = Some((key, classifier.clone()));
        classifier
    }

    /// The features of an analysed text, weighed as in training.
    pub fn features(&self, text: &Analysed) -> Features {
        Features::counts(text).weighed(&self.vocabulary, &self.idf)
    }

    /// Intents for a text, most likely first, with their probabilities.
    /// Ordinary talk is not an intent: when it is the most likely reading,
    /// nothing is returned.
    pub fn intents(&self, x: &Features) -> Vec<Guess> {
        let mut guesses = self.likeliest(x);
        for g in guesses.iter_mut().take(2) {
            let c = self.intents.iter().position(|i| *i == g.id).unwrap_or(0);
            g.because = self.model.reasons(x, c, 3);
        }
        guesses
    }

    /// [`Classifier::intents`] without the reasons (search needs only the
    /// confidences, and weighing the words is a third of the work).
    pub fn likeliest(&self, x: &Features) -> Vec<Guess> {
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

/// The trained model on disk, beside the search index: little-endian
/// numbers after a magic string, named by a digest of the two files it was
/// trained from and of [`saved::FORMAT`].
mod saved {
    use std::path::Path;

    use sha2::{Digest, Sha256};

    use rustc_hash::FxHashMap;

    use super::{Classifier, Model};

    /// Bump whenever features or training change: a model saved by an older
    /// build then no longer matches any name and is trained over.
    pub const FORMAT: &str = "canllaw-classifier-3";

    /// `classifier-<digest>.bin` for the rules' and examples' text.
    pub fn file_name(rules: &str, examples: &str) -> String {
        let mut h = Sha256::new();
        for part in [FORMAT, env!("CARGO_PKG_VERSION"), rules, examples] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        let hex: String = h
            .finalize()
            .iter()
            .take(12)
            .map(|b| format!("{b:02x}"))
            .collect();
        format!("classifier-{hex}.bin")
    }

    /// Writes the model next to its old versions, then removes them. Saving
    /// is only a speed-up, so a failure is logged and otherwise ignored.
    pub fn write(file: &Path, c: &Classifier) {
        let mut out = Vec::with_capacity(16 + 4 * (c.model.weights.len() + c.idf.len()));
        out.extend_from_slice(FORMAT.as_bytes());
        let strings = |out: &mut Vec<u8>, list: &[String]| {
            put(out, list.len() as u32);
            for s in list {
                put(out, s.len() as u32);
                out.extend_from_slice(s.as_bytes());
            }
        };
        strings(&mut out, &c.intents);
        strings(&mut out, &c.flags);
        let mut slots: Vec<(u32, u32)> = c.vocabulary.iter().map(|(s, i)| (*i, *s)).collect();
        slots.sort_unstable();
        put(&mut out, slots.len() as u32);
        for (_, slot) in slots {
            put(&mut out, slot);
        }
        for list in [&c.idf, &c.model.bias, &c.model.weights] {
            put(&mut out, list.len() as u32);
            for v in list.iter() {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        // A digest of everything before it: a file cut short or damaged
        // by a crash is never taken for a model.
        let digest = Sha256::digest(&out);
        out.extend_from_slice(&digest);
        let Some(dir) = file.parent() else { return };
        // This process's own temporary file, flushed to disk before it
        // takes the real name.
        let tmp = file.with_extension(format!("{}.tmp", std::process::id()));
        let result = std::fs::create_dir_all(dir)
            .and_then(|()| {
                use std::io::Write;
                let mut f = std::fs::File::create(&tmp)?;
                f.write_all(&out)?;
                f.sync_all()
            })
            .and_then(|()| std::fs::rename(&tmp, file));
        if let Err(e) = result {
            tracing::warn!(error = %e, file = %file.display(), "could not save the trained classifier");
            return;
        }
        let old = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("classifier-") && name.ends_with(".bin") && e.path() != file
            });
        for entry in old {
            let _ = std::fs::remove_file(entry.path());
        }
    }

    /// The model in `file`, if it is there and whole.
    pub fn read(file: &Path) -> Option<Classifier> {
        let bytes = std::fs::read(file).ok()?;
        let (body, digest) = bytes.split_at_checked(bytes.len().checked_sub(32)?)?;
        if Sha256::digest(body).as_slice() != digest {
            return None;
        }
        let mut r = Reader(body.strip_prefix(FORMAT.as_bytes())?);
        let strings = |r: &mut Reader<'_>| -> Option<Vec<String>> {
            (0..r.u32()?)
                .map(|_| {
                    let n = r.u32()? as usize;
                    String::from_utf8(r.take(n)?.to_vec()).ok()
                })
                .collect()
        };
        let intents = strings(&mut r)?;
        let flags = strings(&mut r)?;
        let vocabulary: FxHashMap<u32, u32> = (0..r.u32()?)
            .map(|i| Some((r.u32()?, i)))
            .collect::<Option<_>>()?;
        let mut floats = || -> Option<Vec<f32>> {
            let n = r.u32()? as usize;
            let raw = r.take(n.checked_mul(4)?)?;
            Some(
                raw.chunks_exact(4)
                    .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                    .collect(),
            )
        };
        let idf = floats()?;
        let bias = floats()?;
        let weights = floats()?;
        let width = intents.len() + flags.len();
        let whole = r.0.is_empty()
            && vocabulary.len() == idf.len()
            && bias.len() == width
            && weights.len() == idf.len() * width;
        whole.then_some(Classifier {
            model: Model {
                intents: intents.len(),
                flags: flags.len(),
                weights,
                bias,
            },
            intents,
            flags,
            vocabulary,
            idf,
        })
    }

    fn put(out: &mut Vec<u8>, v: u32) {
        out.extend_from_slice(&v.to_le_bytes());
    }

    struct Reader<'a>(&'a [u8]);

    impl<'a> Reader<'a> {
        fn take(&mut self, n: usize) -> Option<&'a [u8]> {
            if self.0.len() < n {
                return None;
            }
            let (head, rest) = self.0.split_at(n);
            self.0 = rest;
            Some(head)
        }

        fn u32(&mut self) -> Option<u32> {
            self.take(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        }
    }
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
    fn a_saved_model_reads_back_the_same_and_a_damaged_one_does_not() {
        let c = toy();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(saved::file_name("rules", "examples"));
        saved::write(&file, &c);
        let back = saved::read(&file).expect("reads back");
        assert_eq!(back.model.weights, c.model.weights);
        assert_eq!(back.vocabulary, c.vocabulary);
        let x = Analysed::new("any news on my case");
        assert_eq!(back.intents(&back.features(&x)), c.intents(&c.features(&x)));
        // Cut short, or another format: trained again, never half-read.
        let bytes = std::fs::read(&file).unwrap();
        std::fs::write(&file, &bytes[..bytes.len() - 3]).unwrap();
        assert!(saved::read(&file).is_none());
        std::fs::write(&file, b"canllaw-classifier-0").unwrap();
        assert!(saved::read(&file).is_none());
        // The right length with its content damaged.
        saved::write(&file, &c);
        let mut bytes = std::fs::read(&file).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0xff;
        std::fs::write(&file, &bytes).unwrap();
        assert!(saved::read(&file).is_none());
        // Another version of the files has another name.
        assert_ne!(
            saved::file_name("rules", "examples"),
            saved::file_name("rules", "examples2")
        );
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
