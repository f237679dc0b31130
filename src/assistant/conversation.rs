//! The conversation pane: each turn (what the caller said, or an adviser's
//! note) is read for intents, flags and access needs; the state carries
//! across turns; and the answer lists guidance, scripts, agencies and next
//! steps, each with the reason it was suggested.
//!
//! Everything comes from the knowledge base: the editable rules in
//! `rules/intents.toml` and `adjustments/`, plus a search of the knowledge
//! base with the turn's own words. Safeguarding comes first: an urgent flag's
//! steps lead the list whatever else was said.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::classifier::Classifier;
use super::recognise::Analysed;
use crate::knowledge::{Audience, Kind, KnowledgeBase, Signal};
use crate::lang::{Bilingual, Lang};
use crate::search::{Boost, SearchRequest, Searcher};

/// Something recognised, and the words that showed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// Intent, flag or adjustment id.
    pub id: String,
    /// Its name in the caller's language.
    pub name: String,
    /// The words or phrases that triggered it.
    pub because: Vec<String>,
    /// The turn (from 1) where it was first recognised.
    pub turn: usize,
    /// Act on it first (risk of harm).
    pub urgent: bool,
    /// How sure the assistant is, in percent (100 for a hand-written rule).
    #[serde(default = "certain")]
    pub confidence: u8,
}

fn certain() -> u8 {
    100
}

/// Which engine reads the turns.
///
/// The service uses [`Engine::LearnedIntents`]: the classifier recognises
/// far more reasons for calling than the phrase lists on sentences nobody
/// tuned for, and intents raise no alarms. Flags still come from the phrase
/// rules alone, because the classifier's flags, though they find more risk
/// of harm, also fire on a few ordinary calls (README, "Understanding
/// callers: measured"), and a false risk-of-harm alarm in the middle of a
/// call is not acceptable either. [`Engine::Learned`] becomes the default
/// when its flags raise none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Engine {
    /// Intents and flags from the phrase lists only.
    Phrases,
    /// Intents learned from examples; flags from the phrase rules.
    #[default]
    LearnedIntents,
    /// Intents learned from examples; flags from the rules or the
    /// classifier, whichever fires (recall first).
    Learned,
}

impl Engine {
    /// Every engine, with its name (for evaluation).
    pub const ALL: [(&'static str, Engine); 3] = [
        ("phrases", Engine::Phrases),
        ("learned-intents", Engine::LearnedIntents),
        ("learned", Engine::Learned),
    ];
}

/// Below this an intent is not taken as heard: the adviser is offered the
/// two best candidates instead. Chosen from the cross-validation sweep of
/// `canllaw eval-assistant`: from here about 85% of the intents the
/// assistant names are right, and it names one for about 80% of sentences
/// (at 0.5 it would be right 90% of the time but name one for only 60%).
pub const INTENT_CONFIDENCE: f32 = 0.35;

/// The probability from which the classifier raises a flag (the phrase
/// rules raise it whatever the classifier says). Chosen from the threshold
/// sweep of `canllaw eval-assistant`'s cross-validation: where about one
/// sentence in a hundred that is not about the flag would raise it for risk
/// of harm (missing it costs most), one in three hundred for the rest, and
/// fewer still for unreasonable behaviour (wrongly treating a caller as
/// abusive is a harm too).
pub fn flag_threshold(flag: &str) -> f32 {
    match flag {
        "risk-of-harm" => 0.6,
        "unreasonable-behaviour" => 0.8,
        _ => 0.6,
    }
}

fn percent(p: f32) -> u8 {
    (p * 100.0).round().clamp(0.0, 100.0) as u8
}

/// A suggested piece of content and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// Content id.
    pub id: String,
    /// Title or name in the caller's language.
    pub title: String,
    /// Why: `flag risk-of-harm: …`, `intent complaint: …`, `search: …` and
    /// so on (machine-readable, for API clients).
    pub because: String,
    /// The caller's words that led to it, for showing to the adviser in
    /// either interface language.
    pub words: Vec<String>,
}

/// A next step and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// What to do, in the caller's language.
    pub text: String,
    /// Which intent, flag or adjustment it comes from.
    pub because: String,
}

/// The assistant's answer to a turn: everything recognised so far and what
/// to do about it, most important first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// Why the caller is in contact.
    pub intents: Vec<Found>,
    /// What changes the handling, urgent first.
    pub flags: Vec<Found>,
    /// Access or communication needs (adjustment rules).
    pub adjustments: Vec<Found>,
    /// Guidance articles.
    pub guidance: Vec<Suggestion>,
    /// Scripts.
    pub scripts: Vec<Suggestion>,
    /// Agencies.
    pub agencies: Vec<Suggestion>,
    /// Next steps, urgent ones first.
    pub steps: Vec<Step>,
    /// When the last turn's reason for calling was unclear: the two most
    /// likely intents, to ask about (search results are offered too).
    pub unsure: Vec<Found>,
    /// Live high-profile matters the caller mentioned, with their lines to
    /// take in the caller's language.
    pub matters: Vec<MatterNote>,
}

/// A high-profile matter heard in the conversation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MatterNote {
    /// The matter's id.
    pub id: String,
    /// Its name, in the caller's language.
    pub name: String,
    /// The words that brought it up.
    pub because: Vec<String>,
    /// What the adviser says (and does not), in the caller's language.
    pub lines_to_take: Vec<String>,
}

/// The intent for a call with no more particular reason: its suggestions
/// come after everything more particular that was heard.
const GENERAL_ENQUIRY: &str = "general-enquiry";

/// How many search results of each kind (articles, agencies) a turn adds.
const SEARCH_HITS: usize = 3;
/// How many hits of any kind a turn's search looks through for them: an
/// agency that does not make the first eight is no suggestion worth an
/// adviser's glance (and each hit costs a snippet).
const SEARCH_POOL: usize = 8;

/// One contact's conversation so far: what was recognised, never the words
/// of the conversation themselves (they stay in the adviser's notes, if
/// anywhere), so storing it keeps no more personal data than needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    lang: Lang,
    turns: usize,
    intents: Vec<Found>,
    flags: Vec<Found>,
    adjustments: Vec<Found>,
    /// Articles and agencies search found, with the words that found them.
    searched: Vec<(Kind, String, Vec<String>)>,
    /// The latest number of days since the outcome the caller mentioned.
    days_mentioned: Option<u32>,
    /// The words they said it in ("35 diwrnod").
    #[serde(default)]
    days_words: String,
    /// The two most likely intents when the last turn was unclear.
    #[serde(default)]
    unsure: Vec<Found>,
    /// The police force the caller last named (its id only: the words that
    /// named it, a town say, could say where the caller lives).
    #[serde(default)]
    force: Option<String>,
    /// High-profile matters mentioned while they were live.
    #[serde(default)]
    matters: Vec<Found>,
}

impl Conversation {
    /// A new conversation with a caller served in `lang`.
    pub fn new(lang: Lang) -> Self {
        Conversation {
            lang,
            turns: 0,
            intents: Vec::new(),
            flags: Vec::new(),
            adjustments: Vec::new(),
            searched: Vec::new(),
            days_mentioned: None,
            days_words: String::new(),
            unsure: Vec::new(),
            force: None,
            matters: Vec::new(),
        }
    }

    /// The caller's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Reads one turn and returns the advice for the conversation so far.
    pub fn turn(&mut self, kb: &KnowledgeBase, searcher: &Searcher, text: &str) -> Advice {
        self.turn_with(Engine::default(), kb, searcher, text)
    }

    /// [`Conversation::turn`] with a chosen engine (evaluation compares
    /// them).
    pub fn turn_with(
        &mut self,
        engine: Engine,
        kb: &KnowledgeBase,
        searcher: &Searcher,
        text: &str,
    ) -> Advice {
        self.turns += 1;
        let turn = self.turns;
        // The text is analysed once; rules, classifier and reasons read it.
        let analysed = Analysed::new(text);
        if let Some(rules) = &kb.signal_rules {
            match engine {
                Engine::Phrases => {
                    for signal in &rules.intents {
                        note(
                            &mut self.intents,
                            signal_found(signal, &analysed, self.lang, turn),
                        );
                    }
                    for signal in &rules.flags {
                        note(
                            &mut self.flags,
                            signal_found(signal, &analysed, self.lang, turn),
                        );
                    }
                }
                Engine::LearnedIntents | Engine::Learned => {
                    self.learned(kb, rules, &analysed, turn, engine == Engine::Learned)
                }
            }
        }
        for adj in &kb.adjustments {
            let because = matches(&adj.recognise, &analysed);
            if !because.is_empty() {
                note(
                    &mut self.adjustments,
                    Some(Found {
                        id: adj.id.clone(),
                        name: adj.name.get(self.lang).clone(),
                        because,
                        turn,
                        urgent: false,
                        confidence: 100,
                    }),
                );
            }
        }
        self.derive_flags(kb);
        let today = crate::i18n::uk_today();
        for m in kb.matters.iter().filter(|m| m.live_on(today)) {
            let because = matches(&m.keywords, &analysed);
            if !because.is_empty() {
                note(
                    &mut self.matters,
                    Some(Found {
                        id: m.id.clone(),
                        name: m.name.get(self.lang).clone(),
                        because,
                        turn,
                        urgent: false,
                        confidence: 100,
                    }),
                );
            }
        }
        if let Some(force) = super::force::recognise(kb, &analysed) {
            self.force = Some(force.id.clone());
        }
        if let Some((days, words)) = days_phrase(text) {
            self.days_mentioned = Some(days);
            self.days_words = words;
        }
        self.derive_out_of_time(kb, turn);
        let intents: Vec<(&str, f32)> = self
            .intents
            .iter()
            .map(|f| (f.id.as_str(), f32::from(f.confidence) / 100.0))
            .chain(
                self.unsure
                    .iter()
                    .map(|f| (f.id.as_str(), f32::from(f.confidence) / 100.0)),
            )
            .collect();
        let boost = super::guided::boosts(kb, &intents);
        let found_words = self.search(searcher, text, &analysed, boost);
        if self.unsure.is_empty() {
            self.general_enquiry(kb, turn, found_words);
        }
        self.advice(kb, &[], None)
    }

    /// Intents from the classifier; flags from the rules, or from the rules
    /// or the classifier when `learned_flags`.
    fn learned(
        &mut self,
        kb: &KnowledgeBase,
        rules: &crate::knowledge::SignalRules,
        analysed: &Analysed,
        turn: usize,
        learned_flags: bool,
    ) {
        let classifier = Classifier::for_kb(kb);
        let features = classifier.features(analysed);
        let name = |id: &str| {
            rules
                .intents
                .iter()
                .chain(&rules.flags)
                .find(|s| s.id == id)
        };
        let mut guesses = classifier.intents(&features);
        // A decisive phrase settles the intent; otherwise, when the
        // classifier is unsure, an editor's phrase decides: rules are the
        // safety net.
        let mut by_rule = false;
        for signal in &rules.intents {
            let found = found_by(signal, &signal.decisive, analysed, self.lang, turn);
            by_rule |= found.is_some();
            note(&mut self.intents, found);
        }
        if by_rule {
            guesses.clear();
        } else if guesses
            .first()
            .is_none_or(|g| g.confidence < INTENT_CONFIDENCE)
        {
            for signal in &rules.intents {
                let found = signal_found(signal, analysed, self.lang, turn);
                by_rule |= found.is_some();
                note(&mut self.intents, found);
            }
        }
        self.unsure.clear();
        match guesses.first() {
            Some(top) if top.confidence >= INTENT_CONFIDENCE => {
                if let Some(signal) = name(&top.id) {
                    note(
                        &mut self.intents,
                        Some(Found {
                            id: top.id.clone(),
                            name: signal.name.get(self.lang).clone(),
                            because: top.because.clone(),
                            turn,
                            urgent: false,
                            confidence: percent(top.confidence),
                        }),
                    );
                }
            }
            Some(_) if by_rule => {}
            Some(_) => {
                self.unsure = guesses
                    .iter()
                    .take(2)
                    .filter_map(|g| {
                        Some(Found {
                            id: g.id.clone(),
                            name: name(&g.id)?.name.get(self.lang).clone(),
                            because: g.because.clone(),
                            turn,
                            urgent: false,
                            confidence: percent(g.confidence),
                        })
                    })
                    .collect();
            }
            None => {}
        }
        let learned = if learned_flags {
            classifier.flags(&features)
        } else {
            Vec::new()
        };
        for signal in &rules.flags {
            let by_rule = signal_found(signal, analysed, self.lang, turn);
            let by_model = learned
                .iter()
                .find(|g| g.id == signal.id && g.confidence >= flag_threshold(&g.id))
                .map(|g| Found {
                    id: g.id.clone(),
                    name: signal.name.get(self.lang).clone(),
                    because: g.because.clone(),
                    turn,
                    urgent: signal.urgent,
                    confidence: percent(g.confidence),
                });
            note(&mut self.flags, by_rule);
            note(&mut self.flags, by_model);
        }
    }

    /// Flags that follow from what was heard: the flag a need raises
    /// (a deaf caller has an access need) and the flags a flag brings
    /// (a caller at risk of harm is vulnerable), for the same words.
    fn derive_flags(&mut self, kb: &KnowledgeBase) {
        let Some(rules) = &kb.signal_rules else {
            return;
        };
        let from_needs = self.adjustments.iter().filter_map(|found| {
            let adj = kb.adjustments.iter().find(|a| a.id == found.id)?;
            Some((adj.flag.as_deref()?, found))
        });
        let from_flags = self.flags.iter().flat_map(|found| {
            rules
                .flags
                .iter()
                .filter(|f| f.id == found.id)
                .flat_map(move |f| f.raises.iter().map(move |r| (r.as_str(), found)))
        });
        let derived: Vec<Found> = from_needs
            .chain(from_flags)
            .filter_map(|(id, cause)| {
                let flag = rules.flags.iter().find(|f| f.id == id)?;
                Some(Found {
                    id: flag.id.clone(),
                    name: flag.name.get(self.lang).clone(),
                    because: cause.because.clone(),
                    turn: cause.turn,
                    urgent: flag.urgent,
                    confidence: cause.confidence,
                })
            })
            .collect();
        for found in derived {
            note(&mut self.flags, Some(found));
        }
    }

    /// A review request with more days than the limit is an out-of-time
    /// review, even if the caller never says "late".
    fn derive_out_of_time(&mut self, kb: &KnowledgeBase, turn: usize) {
        let (Some(days), Some(rules), Some(signals)) =
            (self.days_mentioned, &kb.review_rules, &kb.signal_rules)
        else {
            return;
        };
        let asked_review = self.intents.iter().any(|f| f.id == "review-request");
        if !asked_review || days <= rules.time_limit_days {
            return;
        }
        if let Some(signal) = signals
            .intents
            .iter()
            .find(|s| s.id == "out-of-time-review")
        {
            // The caller's own words are the reason ("35 diwrnod"); once
            // they are forgotten, the number.
            let because = if self.days_words.is_empty() {
                days.to_string()
            } else {
                self.days_words.clone()
            };
            note(
                &mut self.intents,
                Some(Found {
                    id: signal.id.clone(),
                    name: signal.name.get(self.lang).clone(),
                    because: vec![because],
                    turn,
                    urgent: false,
                    confidence: 100,
                }),
            );
        }
    }

    /// Nothing specific heard yet, but the words found guidance: a general
    /// enquiry, for the reason of the words search matched.
    fn general_enquiry(&mut self, kb: &KnowledgeBase, turn: usize, words: Vec<String>) {
        if !self.intents.is_empty() || words.is_empty() {
            return;
        }
        let Some(signal) = kb
            .signal_rules
            .as_ref()
            .and_then(|r| r.intents.iter().find(|s| s.id == GENERAL_ENQUIRY))
        else {
            return;
        };
        note(
            &mut self.intents,
            Some(Found {
                id: signal.id.clone(),
                name: signal.name.get(self.lang).clone(),
                because: words,
                turn,
                urgent: false,
                confidence: 100,
            }),
        );
    }

    /// Searches articles and agencies with the turn's words, ranking
    /// higher those linked to what was recognised; returns the words the
    /// best article hit matched on.
    fn search(
        &mut self,
        searcher: &Searcher,
        text: &str,
        analysed: &Analysed,
        boost: Vec<Boost>,
    ) -> Vec<String> {
        let mut best_words = Vec::new();
        let query: String = text.chars().take(crate::search::MAX_QUERY_CHARS).collect();
        // The turn's own reading, unless it had to be cut to fit a query.
        let reading = (query.len() == text.len()).then(|| analysed.reading().clone());
        // One search of every kind (a query costs the same whatever the
        // limit), from which the best few articles and agencies are taken.
        let mut req = SearchRequest::new(query);
        req.limit = SEARCH_POOL;
        req.prefix = false;
        req.audience = Audience::Internal;
        req.boost = boost;
        req.reading = reading;
        let Ok(resp) = searcher.search(&req) else {
            return best_words;
        };
        for kind in [Kind::Article, Kind::Agency] {
            for hit in resp
                .hits
                .iter()
                .filter(|h| h.kind == kind)
                .take(SEARCH_HITS)
            {
                let words = marked_words(&hit.snippet);
                if kind == Kind::Article && best_words.is_empty() {
                    best_words = words.clone();
                }
                if !self
                    .searched
                    .iter()
                    .any(|(k, id, _)| *k == kind && *id == hit.id)
                {
                    self.searched.push((kind, hit.id.clone(), words));
                }
            }
        }
        best_words
    }

    /// The advice for everything heard so far. `added` are the ids of
    /// adjustments the adviser recorded by hand (or confirmed) that were not
    /// heard in the conversation: their steps, guidance and agencies count
    /// like those of recognised ones. `force` is the force the adviser
    /// chose, if any; otherwise the one heard counts.
    ///
    /// Each kind of suggestion is ranked by what it comes from: urgent
    /// flags, then intents (surest first), other flags, needs, and search.
    /// The lists take the first item of each source in that order, then the
    /// second of each, and so on, so the first three cover the three most
    /// important things heard rather than everything about the first one.
    /// Agencies that serve only Scotland or Northern Ireland appear only
    /// when the force points there.
    pub fn advice(&self, kb: &KnowledgeBase, added: &[&str], force: Option<&str>) -> Advice {
        let lang = self.lang;
        let mut advice = Advice {
            intents: self.intents.clone(),
            flags: self.flags.clone(),
            adjustments: self.adjustments.clone(),
            unsure: self.unsure.clone(),
            matters: self
                .matters
                .iter()
                .filter_map(|f| {
                    let m = kb.matters.iter().find(|m| m.id == f.id)?;
                    Some(MatterNote {
                        id: m.id.clone(),
                        name: m.name.get(lang).clone(),
                        because: f.because.clone(),
                        lines_to_take: m.lines_to_take.get(lang).clone(),
                    })
                })
                .collect(),
            ..Advice::default()
        };
        // Urgent flags first, then the rest in the order heard.
        advice.flags.sort_by_key(|f| (!f.urgent, f.turn));
        // Surest first; a general enquiry last, after the needs, when
        // anything more particular was heard.
        let mut intents = advice.intents.clone();
        intents.sort_by_key(|f| std::cmp::Reverse(f.confidence));
        let general = intents
            .iter()
            .position(|f| f.id == GENERAL_ENQUIRY)
            .filter(|_| intents.len() > 1)
            .map(|i| intents.remove(i));
        let signal = |id: &str| {
            kb.signal_rules
                .as_ref()
                .and_then(|r| r.flags.iter().chain(r.intents.iter()).find(|s| s.id == id))
        };
        let mut sources: Vec<Source<'_>> = Vec::new();
        let ordered = advice
            .flags
            .iter()
            .filter(|f| f.urgent)
            .map(|f| ("flag", f))
            .chain(intents.iter().map(|f| ("intent", f)))
            .chain(
                advice
                    .flags
                    .iter()
                    .filter(|f| !f.urgent)
                    .map(|f| ("flag", f)),
            );
        for (what, found) in ordered {
            if let Some(s) = signal(&found.id) {
                sources.push(Source::heard(what, found, s, lang));
            }
        }
        let by_hand = added
            .iter()
            .filter(|id| !advice.adjustments.iter().any(|f| f.id == **id))
            .map(|id| (*id, Vec::new()));
        let needs = advice
            .adjustments
            .iter()
            .map(|f| (f.id.as_str(), f.because.clone()))
            .chain(by_hand);
        for (id, words) in needs {
            let Some(adj) = kb.adjustments.iter().find(|a| a.id == id) else {
                continue;
            };
            sources.push(Source {
                because: if words.is_empty() {
                    format!("adjustment {id}")
                } else {
                    format!("adjustment {id}: {}", words.join(", "))
                },
                step_because: format!("adjustment {id}"),
                words,
                articles: adj.related.iter().map(String::as_str).collect(),
                scripts: Vec::new(),
                agencies: adj.agencies.iter().map(String::as_str).collect(),
                steps: adj.steps.iter().map(|t| t.get(lang).as_str()).collect(),
            });
        }
        if let Some(found) = &general
            && let Some(s) = signal(&found.id)
        {
            sources.push(Source::heard("intent", found, s, lang));
        }
        for (kind, id, words) in &self.searched {
            let because = if words.is_empty() {
                "search".to_string()
            } else {
                format!("search: {}", words.join(", "))
            };
            let only = vec![id.as_str()];
            let (articles, agencies) = match kind {
                Kind::Agency => (Vec::new(), only),
                _ => (only, Vec::new()),
            };
            sources.push(Source {
                because,
                step_because: String::new(),
                words: words.clone(),
                articles,
                scripts: Vec::new(),
                agencies,
                steps: Vec::new(),
            });
        }
        let force = force
            .or(self.force.as_deref())
            .and_then(|id| kb.find_force(id));
        let serves_here = |id: &str| {
            kb.agency(id)
                .is_some_and(|a| serves(&a.areas, force.map(|f| f.country.as_str())))
        };
        let suggest = |kind: Kind, pick: Pick| {
            interleave(&sources, pick)
                .into_iter()
                .filter(|(_, id)| kind != Kind::Agency || serves_here(id))
                .filter_map(|(source, id)| {
                    Some(Suggestion {
                        id: id.to_string(),
                        title: crate::knowledge::reference::title(kb, kind, id, lang)?,
                        because: source.because.clone(),
                        words: source.words.clone(),
                    })
                })
                .collect::<Vec<_>>()
        };
        advice.guidance = suggest(Kind::Article, Pick::Articles);
        advice.scripts = suggest(Kind::Script, Pick::Scripts);
        advice.agencies = suggest(Kind::Agency, Pick::Agencies);
        advice.steps = interleave(&sources, Pick::Steps)
            .into_iter()
            .map(|(source, text)| Step {
                text: text.to_string(),
                because: source.step_because.clone(),
            })
            .collect();
        advice
    }

    /// A conversation whose turns are not kept, only what was recognised:
    /// for records made outside a call (demonstration data, imports).
    pub fn recognised(lang: Lang, intents: Vec<Found>, flags: Vec<Found>) -> Self {
        Conversation {
            turns: 1,
            intents,
            flags,
            ..Conversation::new(lang)
        }
    }

    /// Forgets every word the caller said that the conversation kept (the
    /// words that matched, the words search matched, how they gave a number
    /// of days), keeping only ids and numbers: what is stored, and
    /// retention's anonymising.
    pub fn forget_words(&mut self) {
        for found in self
            .intents
            .iter_mut()
            .chain(&mut self.flags)
            .chain(&mut self.adjustments)
            .chain(&mut self.unsure)
            .chain(&mut self.matters)
        {
            found.because.clear();
        }
        for (_, _, words) in &mut self.searched {
            words.clear();
        }
        self.days_words.clear();
    }

    /// Notes a high-profile matter as mentioned (records made elsewhere,
    /// such as demonstration data).
    pub fn note_matter(&mut self, found: Found) {
        note(&mut self.matters, Some(found));
    }

    /// The reasons for calling recognised so far.
    pub fn intents(&self) -> &[Found] {
        &self.intents
    }

    /// The flags raised so far.
    pub fn flags(&self) -> &[Found] {
        &self.flags
    }

    /// The high-profile matters mentioned so far.
    pub fn matters(&self) -> &[Found] {
        &self.matters
    }

    /// The id of the force heard in the conversation, if any.
    pub fn force(&self) -> Option<&str> {
        self.force.as_deref()
    }
}

/// One thing heard (an intent, a flag, a need, a search hit) and what it
/// suggests.
struct Source<'a> {
    because: String,
    step_because: String,
    words: Vec<String>,
    articles: Vec<&'a str>,
    scripts: Vec<&'a str>,
    agencies: Vec<&'a str>,
    steps: Vec<&'a str>,
}

/// Which of a source's suggestions to take.
#[derive(Clone, Copy)]
enum Pick {
    Articles,
    Scripts,
    Agencies,
    Steps,
}

impl<'a> Source<'a> {
    /// What an intent or flag (`what`) that was heard suggests.
    fn heard(what: &str, found: &Found, s: &'a Signal, lang: Lang) -> Self {
        Source {
            because: if found.because.is_empty() {
                format!("{what} {}", found.id)
            } else {
                format!("{what} {}: {}", found.id, found.because.join(", "))
            },
            step_because: format!("{what} {}", found.id),
            words: found.because.clone(),
            articles: s.articles.iter().map(String::as_str).collect(),
            scripts: s.scripts.iter().map(String::as_str).collect(),
            agencies: s.agencies.iter().map(String::as_str).collect(),
            steps: s.steps.iter().map(|t| t.get(lang).as_str()).collect(),
        }
    }

    fn items(&self, pick: Pick) -> &[&'a str] {
        match pick {
            Pick::Articles => &self.articles,
            Pick::Scripts => &self.scripts,
            Pick::Agencies => &self.agencies,
            Pick::Steps => &self.steps,
        }
    }
}

/// The items `pick` takes from each source: the first of each source in
/// order, then the second of each, and so on; each item once, credited to
/// the first source that suggests it.
fn interleave<'s, 'a>(sources: &'s [Source<'a>], pick: Pick) -> Vec<(&'s Source<'a>, &'a str)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let longest = sources
        .iter()
        .map(|s| s.items(pick).len())
        .max()
        .unwrap_or(0);
    for i in 0..longest {
        for source in sources {
            if let Some(item) = source.items(pick).get(i)
                && seen.insert(*item)
            {
                out.push((source, *item));
            }
        }
    }
    out
}

/// Whether an agency serving `areas` is any use to a caller whose force is
/// in `country` (unknown: somewhere in England or Wales, the remit). Bodies
/// for Scotland or Northern Ireland alone are shown only when the caller
/// points there.
fn serves(areas: &[String], country: Option<&str>) -> bool {
    const OUTSIDE: [&str; 2] = ["scotland", "northern-ireland"];
    areas.is_empty()
        || areas
            .iter()
            .any(|a| !OUTSIDE.contains(&a.as_str()) || country.is_some_and(|c| c == a.as_str()))
}

/// Adds `found` to `list`, or merges its words into an earlier entry (which
/// keeps its turn: a need mentioned in turn 1 still counts in turn 4).
fn note(list: &mut Vec<Found>, found: Option<Found>) {
    let Some(found) = found else { return };
    match list.iter_mut().find(|f| f.id == found.id) {
        Some(existing) => {
            for w in found.because {
                if !existing.because.contains(&w) {
                    existing.because.push(w);
                }
            }
        }
        None => list.push(found),
    }
}

fn matches(phrases: &Bilingual<Vec<String>>, text: &Analysed) -> Vec<String> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            phrases
                .get(lang)
                .iter()
                .filter(move |p| text.contains(lang, p))
                .cloned()
        })
        .collect()
}

fn signal_found(signal: &Signal, text: &Analysed, lang: Lang, turn: usize) -> Option<Found> {
    found_by(signal, &signal.recognise, text, lang, turn)
}

/// `signal`, if one of `phrases` occurs in the text.
fn found_by(
    signal: &Signal,
    phrases: &Bilingual<Vec<String>>,
    text: &Analysed,
    lang: Lang,
    turn: usize,
) -> Option<Found> {
    let because = matches(phrases, text);
    (!because.is_empty()).then(|| Found {
        id: signal.id.clone(),
        name: signal.name.get(lang).clone(),
        because,
        turn,
        urgent: signal.urgent,
        confidence: 100,
    })
}

/// The words a search snippet marked, as the reason for the suggestion.
fn marked_words(snippet: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut rest = snippet;
    while let Some(start) = rest.find("<mark>") {
        rest = &rest[start + 6..];
        let Some(end) = rest.find("</mark>") else {
            break;
        };
        let w = rest[..end].to_lowercase();
        if !words.contains(&w) {
            words.push(w);
        }
        rest = &rest[end + 7..];
    }
    words
}

/// A number of days (or weeks) the text mentions: "35 days", "35 diwrnod",
/// "5 weeks", "5 wythnos".
pub fn days_in(text: &str) -> Option<u32> {
    days_phrase(text).map(|(days, _)| days)
}

/// Like [`days_in`], with the words as written.
fn days_phrase(text: &str) -> Option<(u32, String)> {
    let words = crate::analysis::tokenize::words(text);
    words.windows(2).find_map(|pair| {
        let n: u32 = pair[0].text.parse().ok()?;
        let days = match crate::analysis::fold(pair[1].text).as_str() {
            "day" | "days" | "diwrnod" | "niwrnod" | "ddiwrnod" | "diwrnodau" => Some(n),
            "week" | "weeks" | "wythnos" | "wythnosau" => n.checked_mul(7),
            _ => None,
        }?;
        Some((days, text[pair[0].from..pair[1].to].to_string()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_read_in_both_languages() {
        assert_eq!(days_in("it was 35 days after the letter"), Some(35));
        assert_eq!(days_in("35 diwrnod ar ôl y canlyniad"), Some(35));
        assert_eq!(days_in("about 5 weeks ago"), Some(35));
        assert_eq!(days_in("no numbers here"), None);
        assert_eq!(
            marked_words("a <mark>Cwyn</mark> b <mark>cwyn</mark>"),
            ["cwyn"]
        );
    }
}
