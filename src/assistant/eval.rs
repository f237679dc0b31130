//! Measuring the assistant: a file of sentences with the intents, flags and
//! adjustments each should raise, read one sentence per contact; and k-fold
//! cross-validation of the classifier over the knowledge base's examples.
//!
//! The file is `lang<TAB>sentence<TAB>intents<TAB>flags<TAB>adjustments`; in
//! the last three columns ids are separated by commas, `-` means none is
//! expected and `?` means the column is not scored. `#` starts a comment.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::classifier::{Classifier, Example, training_set};
use super::conversation::{Conversation, Engine, INTENT_CONFIDENCE, flag_threshold};
use super::recognise::Analysed;
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;
use crate::search::Searcher;

/// What a column expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Not scored (`?`).
    Unscored,
    /// These ids (empty for `-`).
    Ids(BTreeSet<String>),
}

/// One line of an evaluation file.
#[derive(Debug, Clone)]
pub struct Case {
    /// Language of the sentence (the caller's).
    pub lang: Lang,
    /// What the caller says.
    pub sentence: String,
    /// Intents, any one of which is right.
    pub intents: Expect,
    /// Flags that must be raised (all of them).
    pub flags: Expect,
    /// Adjustments that must be recognised.
    pub adjustments: Expect,
}

fn expect(column: &str) -> Expect {
    match column.trim() {
        "?" => Expect::Unscored,
        "-" | "" => Expect::Ids(BTreeSet::new()),
        ids => Expect::Ids(
            ids.split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
        ),
    }
}

/// Parses an evaluation file; errors name the line.
pub fn parse(text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 5 {
            return Err(format!(
                "line {}: expected 5 tab-separated columns (lang, sentence, intents, flags, adjustments), found {}",
                n + 1,
                cols.len()
            ));
        }
        let lang: Lang = cols[0]
            .trim()
            .parse()
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        cases.push(Case {
            lang,
            sentence: cols[1].to_string(),
            intents: expect(cols[2]),
            flags: expect(cols[3]),
            adjustments: expect(cols[4]),
        });
    }
    Ok(cases)
}

/// Hits out of a total.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq)]
pub struct Ratio {
    /// Hits.
    pub hits: usize,
    /// Out of.
    pub total: usize,
}

impl Ratio {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }

    /// The ratio, or `NaN` with nothing to count.
    pub fn value(&self) -> f64 {
        if self.total == 0 {
            f64::NAN
        } else {
            self.hits as f64 / self.total as f64
        }
    }
}

/// Figures for one language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct LangReport {
    /// Sentences whose recognised intent is one of the expected (an unsure
    /// answer counts as wrong).
    pub intent_accuracy: Ratio,
    /// Sentences whose most likely intent is one of the expected, sure or
    /// not.
    pub top_intent: Ratio,
    /// Sentences given no intent because the assistant was unsure.
    pub unsure: Ratio,
    /// Per flag: expected and raised.
    pub flag_recall: BTreeMap<String, Ratio>,
    /// Expected adjustments recognised.
    pub adjustment_recall: Ratio,
    /// Sentences expecting no flag that raised one.
    pub false_flags: Ratio,
    /// Sentences expecting no adjustment that recognised one.
    pub false_adjustments: Ratio,
    /// Wrong intents: expected → given (`-` for none or unsure) → count.
    pub confusion: Confusion,
}

/// Wrong intents: expected id → the id given instead (`-` for none) →
/// how often.
pub type Confusion = BTreeMap<String, BTreeMap<String, usize>>;

fn confused(c: &mut Confusion, want: &str, got: Option<&str>) {
    *c.entry(want.to_string())
        .or_default()
        .entry(got.unwrap_or("-").to_string())
        .or_default() += 1;
}

/// The most frequent confusions, most first: (expected, given, count).
pub fn worst(c: &Confusion, most: usize) -> Vec<(&str, &str, usize)> {
    let mut all: Vec<(&str, &str, usize)> = c
        .iter()
        .flat_map(|(w, gots)| gots.iter().map(move |(g, n)| (w.as_str(), g.as_str(), *n)))
        .collect();
    all.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)).then(a.1.cmp(b.1)));
    all.truncate(most);
    all
}

/// A sentence the assistant got wrong.
#[derive(Debug, Clone, Serialize)]
pub struct Miss {
    /// Language.
    pub lang: Lang,
    /// The sentence.
    pub sentence: String,
    /// What was wrong.
    pub what: String,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Per language.
    pub languages: BTreeMap<Lang, LangReport>,
    /// Every miss.
    pub misses: Vec<Miss>,
}

/// Runs every case as the first turn of a new contact with `engine`.
pub fn run(kb: &KnowledgeBase, searcher: &Searcher, cases: &[Case], engine: Engine) -> Report {
    let mut report = Report::default();
    for case in cases {
        let mut conversation = Conversation::new(case.lang);
        let advice = conversation.turn_with(engine, kb, searcher, &case.sentence);
        let r = report.languages.entry(case.lang).or_default();
        let mut miss = |what: String| {
            report.misses.push(Miss {
                lang: case.lang,
                sentence: case.sentence.clone(),
                what,
            })
        };
        let top = advice
            .intents
            .iter()
            .max_by_key(|f| f.confidence)
            .map(|f| f.id.clone());
        if let Expect::Ids(want) = &case.intents {
            let right = match &top {
                Some(id) => want.contains(id),
                None => want.is_empty(),
            };
            r.intent_accuracy.add(right);
            let likeliest = top.as_ref().or(advice.unsure.first().map(|f| &f.id));
            r.top_intent
                .add(likeliest.map_or(want.is_empty(), |id| want.contains(id)));
            r.unsure.add(top.is_none() && !advice.unsure.is_empty());
            if !right && let Some(first) = want.iter().next() {
                confused(&mut r.confusion, first, top.as_deref());
            }
            if !right {
                let unsure: Vec<String> = advice
                    .unsure
                    .iter()
                    .map(|f| format!("{} {}%", f.id, f.confidence))
                    .collect();
                miss(format!(
                    "intent: want {want:?}, got {top:?} (unsure: {unsure:?})"
                ));
            }
        }
        let raised: BTreeSet<&str> = advice.flags.iter().map(|f| f.id.as_str()).collect();
        if let Expect::Ids(want) = &case.flags {
            for flag in want {
                let hit = raised.contains(flag.as_str());
                r.flag_recall.entry(flag.clone()).or_default().add(hit);
                if !hit {
                    miss(format!("flag {flag} missed"));
                }
            }
            if want.is_empty() {
                r.false_flags.add(!raised.is_empty());
                if !raised.is_empty() {
                    miss(format!("false flags {raised:?}"));
                }
            }
        }
        if let Expect::Ids(want) = &case.adjustments {
            for adj in want {
                let hit = advice.adjustments.iter().any(|a| &a.id == adj);
                r.adjustment_recall.add(hit);
                if !hit {
                    miss(format!("adjustment {adj} missed"));
                }
            }
            if want.is_empty() {
                let given: BTreeSet<&str> =
                    advice.adjustments.iter().map(|a| a.id.as_str()).collect();
                r.false_adjustments.add(!given.is_empty());
                if !given.is_empty() {
                    let words: Vec<&String> =
                        advice.adjustments.iter().flat_map(|a| &a.because).collect();
                    miss(format!("false adjustments {given:?} from {words:?}"));
                }
            }
        }
    }
    report
}

/// Cross-validation figures for one language.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FoldReport {
    /// Intent examples classified as their own intent (confident or not).
    pub intent_accuracy: Ratio,
    /// Intent examples classified confidently and correctly.
    pub confident_accuracy: Ratio,
    /// Per flag: its examples that raise it.
    pub flag_recall: BTreeMap<String, Ratio>,
    /// Intent examples that raise any flag.
    pub false_flags: Ratio,
    /// Wrong intents.
    pub confusion: Confusion,
    /// Ordinary-talk examples that raise a flag.
    pub ordinary_flagged: Ratio,
    /// Ordinary-talk examples given an intent.
    pub ordinary_intent: Ratio,
    /// At each threshold of [`SWEEP`]: intent examples whose likeliest
    /// intent reaches it (answered), and of those, the right ones.
    pub intent_sweep: Vec<(Ratio, Ratio)>,
    /// Per flag, at each threshold of [`SWEEP`]: its examples that reach
    /// it (recall), and other examples that reach it (false alarms).
    pub sweep: BTreeMap<String, Vec<(Ratio, Ratio)>>,
}

/// Thresholds at which [`cross_validate`] reports each flag's recall and
/// false alarms, to choose its threshold.
pub const SWEEP: [f32; 9] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

/// k-fold cross-validation over the knowledge base's examples: each
/// example is classified by a model trained without its fold.
pub fn cross_validate(kb: &KnowledgeBase, k: usize) -> BTreeMap<Lang, FoldReport> {
    let (intents, flags, examples) = training_set(kb);
    let mut report: BTreeMap<Lang, FoldReport> = BTreeMap::new();
    let k = k.max(2);
    for fold in 0..k {
        let train: Vec<Example<'_>> = examples
            .iter()
            .enumerate()
            .filter(|(n, _)| n % k != fold)
            .map(|(_, e)| e.clone())
            .collect();
        let model = Classifier::train(&intents, &flags, &train);
        for e in examples
            .iter()
            .enumerate()
            .filter(|(n, _)| n % k == fold)
            .map(|(_, e)| e)
        {
            let r = report.entry(e.lang).or_default();
            let x = model.features(&Analysed::new(e.text));
            let flag_guesses = model.flags(&x);
            for g in &flag_guesses {
                let points = r
                    .sweep
                    .entry(g.id.clone())
                    .or_insert_with(|| vec![Default::default(); SWEEP.len()]);
                for (t, (recall, alarms)) in SWEEP.iter().zip(points.iter_mut()) {
                    if e.label == g.id {
                        recall.add(g.confidence >= *t);
                    } else {
                        alarms.add(g.confidence >= *t);
                    }
                }
            }
            let raised: Vec<String> = flag_guesses
                .into_iter()
                .filter(|g| g.confidence >= flag_threshold(&g.id))
                .map(|g| g.id)
                .collect();
            if e.label == crate::knowledge::ORDINARY {
                r.ordinary_flagged.add(!raised.is_empty());
                r.ordinary_intent.add(
                    model
                        .intents(&x)
                        .first()
                        .is_some_and(|g| g.confidence >= INTENT_CONFIDENCE),
                );
            } else if intents.iter().any(|i| i == e.label) {
                let top = model.intents(&x).into_iter().next();
                let right = top.as_ref().is_some_and(|g| g.id == e.label);
                if r.intent_sweep.is_empty() {
                    r.intent_sweep = vec![Default::default(); SWEEP.len()];
                }
                let p = top.as_ref().map_or(0.0, |g| g.confidence);
                for (t, (answered, correct)) in SWEEP.iter().zip(r.intent_sweep.iter_mut()) {
                    answered.add(p >= *t);
                    if p >= *t {
                        correct.add(right);
                    }
                }
                r.intent_accuracy.add(right);
                if !right {
                    confused(
                        &mut r.confusion,
                        e.label,
                        top.as_ref().map(|g| g.id.as_str()),
                    );
                }
                r.confident_accuracy
                    .add(right && top.is_some_and(|g| g.confidence >= INTENT_CONFIDENCE));
                r.false_flags.add(!raised.is_empty());
            } else {
                r.flag_recall
                    .entry(e.label.to_string())
                    .or_default()
                    .add(raised.iter().any(|f| f == e.label));
            }
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_columns() {
        let cases = parse("# comment\ncy\tfy nghwyn\tcomplaint\t-\t?\nen\thi\t?\trisk-of-harm,vulnerability\tdeaf-or-hard-of-hearing\n").unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].lang, Lang::Cy);
        assert_eq!(
            cases[0].intents,
            Expect::Ids(BTreeSet::from(["complaint".to_string()]))
        );
        assert_eq!(cases[0].flags, Expect::Ids(BTreeSet::new()));
        assert_eq!(cases[0].adjustments, Expect::Unscored);
        assert_eq!(cases[1].intents, Expect::Unscored);
        assert!(matches!(&cases[1].flags, Expect::Ids(f) if f.len() == 2));
        let err = parse("cy\tonly two").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
        assert!(parse("fr\ta\tb\tc\td").unwrap_err().contains("line 1"));
    }
}
