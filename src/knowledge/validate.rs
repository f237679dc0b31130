//! Validation of a loaded knowledge base: everything that parsing alone cannot
//! see (ids, references, both languages present, templates' variables).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use super::KnowledgeBase;
use super::details;
use super::model::*;
use super::problem::Problem;
use super::source::Source;
use super::template::{KNOWN_VARIABLES, REQUIRED_MESSAGES};
use crate::i18n::Message;
use crate::lang::{Bilingual, Lang};

/// Need tags that agencies and adjustment rules may use.
pub const NEED_TAGS: &[&str] = &[
    "autism",
    "bereavement",
    "blind",
    "bsl",
    "data-protection",
    "deaf",
    "distress",
    "domestic-abuse",
    "dyslexia",
    "fraud",
    "general-advice",
    "housing",
    "interpreter",
    "learning-disability",
    "legal-advice",
    "literacy",
    "mental-health",
    "no-internet",
    "older-people",
    "outside-remit",
    "physical-disability",
    "sexual-violence",
    "speech",
    "suicidal-thoughts",
    "victim",
    "welsh-language",
    "whistleblowing",
];

/// Areas agencies may serve.
pub const AREAS: &[&str] = &["wales", "england", "scotland", "northern-ireland", "uk"];

/// Whether `id` is a valid id: lowercase ASCII words joined by `-`, at most 64
/// characters. This also rules out every path trick (`..`, `/`, `\`).
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

struct Checker<'a> {
    kb: &'a KnowledgeBase,
    problems: Vec<Problem>,
    article_ids: BTreeSet<&'a str>,
    public_article_ids: BTreeSet<&'a str>,
    script_ids: BTreeSet<&'a str>,
    agency_ids: BTreeSet<&'a str>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, source: &Source, line: Option<usize>, message: Message) {
        self.problems
            .push(Problem::at(source.path(), line, message));
    }

    fn id(&mut self, source: &Source, id: &str) {
        if !is_valid_id(id) {
            self.report(
                source,
                source.line_of_key("id"),
                Message::new("check-id-invalid").arg("id", id),
            );
        }
    }

    fn not_empty(&mut self, source: &Source, key: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(
                source,
                source.line_of_key(key).or(Some(1)),
                Message::new("check-empty").arg("key", key),
            );
        }
    }

    fn bilingual(&mut self, source: &Source, key: &str, value: &Bilingual<String>) {
        for lang in Lang::ALL {
            if value.get(lang).trim().is_empty() {
                self.report(
                    source,
                    source.line_of_key(key),
                    Message::new("check-empty-in")
                        .arg("key", key)
                        .arg("lang", lang),
                );
            }
        }
    }

    fn refs(&mut self, source: &Source, key: &str, ids: &[String], what: RefKind) {
        for id in ids {
            let ok = match what {
                RefKind::Article => self.article_ids.contains(id.as_str()),
                RefKind::PublicArticle => self.public_article_ids.contains(id.as_str()),
                RefKind::Agency => self.agency_ids.contains(id.as_str()),
                RefKind::Script => self.script_ids.contains(id.as_str()),
            };
            if !ok {
                let message =
                    if what == RefKind::PublicArticle && self.article_ids.contains(id.as_str()) {
                        Message::new("check-public-links-internal")
                            .arg("key", key)
                            .arg("id", id)
                    } else {
                        Message::new("check-unknown-ref")
                            .arg("key", key)
                            .arg("kind", what.name())
                            .arg("id", id)
                    };
                self.report(source, source.line_of_value(key, id), message);
            }
        }
    }

    fn tags(&mut self, source: &Source, key: &str, tags: &[String], allowed: &[&str]) {
        for t in tags {
            if !allowed.contains(&t.as_str()) {
                self.report(
                    source,
                    source.line_of_value(key, t),
                    Message::new("check-unknown-tag")
                        .arg("key", key)
                        .arg("tag", t)
                        .arg("known", allowed.join(", ")),
                );
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RefKind {
    Article,
    PublicArticle,
    Agency,
    Script,
}

impl RefKind {
    fn name(self) -> &'static str {
        match self {
            RefKind::Article | RefKind::PublicArticle => "article",
            RefKind::Agency => "agency",
            RefKind::Script => "script",
        }
    }
}

/// Validates `kb` and returns every problem found, sorted by path and line.
pub fn validate(kb: &KnowledgeBase) -> Vec<Problem> {
    let mut c = Checker {
        kb,
        problems: Vec::new(),
        article_ids: kb.articles.iter().map(|a| a.page.id.as_str()).collect(),
        public_article_ids: kb
            .articles
            .iter()
            .filter(|a| a.page.audience == Audience::Public)
            .map(|a| a.page.id.as_str())
            .collect(),
        script_ids: kb.scripts.iter().map(|s| s.page.id.as_str()).collect(),
        agency_ids: kb.agencies.iter().map(|a| a.id.as_str()).collect(),
    };
    check_pages(
        &mut c,
        Kind::Article,
        kb.articles.iter().map(|a| &a.page).collect(),
    );
    check_pages(
        &mut c,
        Kind::Script,
        kb.scripts.iter().map(|s| &s.page).collect(),
    );
    for s in &kb.scripts {
        if s.page.audience != Audience::Internal {
            c.report(
                &s.page.source,
                s.page.source.line_of_key("audience"),
                Message::new("check-script-audience"),
            );
        }
    }
    check_shared_id_space(&mut c);
    let pages = kb
        .articles
        .iter()
        .map(|a| &a.page)
        .chain(kb.scripts.iter().map(|s| &s.page));
    for page in pages {
        check_body_references(&mut c, page);
    }
    for a in &kb.agencies {
        check_agency(&mut c, a);
    }
    for a in &kb.adjustments {
        check_adjustment(&mut c, a);
    }
    for f in &kb.flows {
        check_flow(&mut c, f);
    }
    for m in &kb.matters {
        check_matter(&mut c, m);
    }
    check_templates(&mut c);
    check_forces(&mut c);
    if let Some(r) = &kb.review_rules {
        check_review_rules(&mut c, r);
    }
    if let Some(r) = &kb.signal_rules {
        check_signal_rules(&mut c, r);
        check_examples(&mut c, r, kb.examples.as_ref());
        check_phrase_words(&mut c, r, kb.examples.as_ref());
    }
    let mut problems = c.problems;
    problems.sort();
    problems.dedup();
    problems
}

fn check_review_rules(c: &mut Checker<'_>, r: &ReviewRules) {
    let s = &r.file;
    if !(1..=366).contains(&r.time_limit_days) {
        c.report(
            s,
            s.line_of_key("time_limit_days"),
            Message::new("check-time-limit-days"),
        );
    }
    if r.seek_advice_after_days == 0 {
        c.report(
            s,
            s.line_of_key("seek_advice_after_days"),
            Message::new("check-seek-advice-days"),
        );
    }
    c.refs(
        s,
        "in_time_guidance",
        std::slice::from_ref(&r.in_time_guidance),
        RefKind::Article,
    );
    c.refs(
        s,
        "late_guidance",
        std::slice::from_ref(&r.late_guidance),
        RefKind::Article,
    );
    let mut seen = BTreeSet::new();
    for reason in &r.reasons {
        c.id(s, &reason.id);
        if !seen.insert(reason.id.as_str()) {
            c.report(
                s,
                s.line_of_value("id", &reason.id),
                Message::new("check-reason-twice").arg("id", &reason.id),
            );
        }
        for lang in Lang::ALL {
            if reason
                .recognise
                .get(lang)
                .iter()
                .all(|w| w.trim().is_empty())
            {
                c.report(
                    s,
                    s.line_of_value("id", &reason.id),
                    Message::new("check-reason-no-words")
                        .arg("id", &reason.id)
                        .arg("lang", lang),
                );
            }
        }
    }
}

fn check_signal_rules(c: &mut Checker<'_>, r: &SignalRules) {
    let s = &r.file;
    let mut seen = BTreeSet::new();
    for (signal, is_flag) in r
        .intents
        .iter()
        .map(|i| (i, false))
        .chain(r.flags.iter().map(|f| (f, true)))
    {
        let line = s.line_of_value("id", &signal.id);
        c.id(s, &signal.id);
        if !seen.insert(signal.id.as_str()) {
            c.report(
                s,
                line,
                Message::new("check-signal-twice").arg("id", &signal.id),
            );
        }
        if signal.urgent && !is_flag {
            c.report(
                s,
                line,
                Message::new("check-intent-urgent").arg("id", &signal.id),
            );
        }
        for lang in Lang::ALL {
            if signal
                .recognise
                .get(lang)
                .iter()
                .all(|w| w.trim().is_empty())
            {
                c.report(
                    s,
                    line,
                    Message::new("check-signal-no-words")
                        .arg("id", &signal.id)
                        .arg("lang", lang),
                );
            }
        }
        if is_flag
            && Lang::ALL
                .iter()
                .any(|l| !signal.decisive.get(*l).is_empty())
        {
            c.report(
                s,
                line,
                Message::new("check-flag-decisive").arg("id", &signal.id),
            );
        }
        if !is_flag && !signal.raises.is_empty() {
            c.report(
                s,
                line,
                Message::new("check-intent-raises").arg("id", &signal.id),
            );
        }
        for other in &signal.raises {
            if other == &signal.id || !r.flags.iter().any(|f| &f.id == other) {
                c.report(
                    s,
                    s.line_of_value("raises", other),
                    Message::new("check-raises-not-flag")
                        .arg("id", &signal.id)
                        .arg("other", other),
                );
            }
        }
        c.refs(s, "articles", &signal.articles, RefKind::Article);
        c.refs(s, "scripts", &signal.scripts, RefKind::Script);
        c.refs(s, "agencies", &signal.agencies, RefKind::Agency);
    }
}

/// A flag's phrase that occurs in more than this share of the other labels'
/// example sentences would fire on ordinary calls.
pub const COMMON_PHRASE_SHARE: f64 = 0.005;
/// The same for a phrase that comes down to one word: a word alone means
/// what it says in fewer sentences than a phrase ("killing me" is only
/// "kill"), so it must be rarer still.
pub const COMMON_WORD_SHARE: f64 = 0.002;

/// Every phrase keeps a word once its stop words are gone, and no phrase
/// that raises a flag is common in what callers say about other things ("I
/// want to die" is only "die"; "end it" is only "end"): measured on the
/// example sentences of every other label. Flags' phrases are checked
/// because their rules fire whatever the classifier says, and so are the
/// phrases of needs that raise a flag; intents' phrases only teach the
/// classifier.
fn check_phrase_words(c: &mut Checker<'_>, rules: &SignalRules, examples: Option<&Examples>) {
    use crate::analysis::analyze;
    use crate::analysis::phrase::{ContentWord, Phrase, content_words};
    // Per language: each example's label and its content words.
    type Labelled<'a> = (&'a str, Vec<ContentWord>);
    let corpus: Vec<Vec<Labelled<'_>>> = Lang::ALL
        .iter()
        .map(|&lang| {
            examples
                .into_iter()
                .flat_map(|e| &e.examples)
                .flat_map(|(label, sentences)| {
                    sentences.get(lang).iter().map(move |t| (label.as_str(), t))
                })
                .map(|(label, text)| (label, content_words(lang, &analyze(lang, text))))
                .collect()
        })
        .collect();
    // Whose phrases, where, and the flag they raise (if any).
    type Owner<'a> = (
        &'a Source,
        &'a str,
        Option<&'a str>,
        Vec<(Lang, &'a String)>,
    );
    let mut owners: Vec<Owner<'_>> = Vec::new();
    for (signal, is_flag) in rules
        .intents
        .iter()
        .map(|i| (i, false))
        .chain(rules.flags.iter().map(|f| (f, true)))
    {
        let phrases = Lang::ALL
            .into_iter()
            .flat_map(|l| {
                signal
                    .recognise
                    .get(l)
                    .iter()
                    .chain(signal.decisive.get(l))
                    .map(move |p| (l, p))
            })
            .collect();
        let flag = is_flag.then_some(signal.id.as_str());
        owners.push((&rules.file, signal.id.as_str(), flag, phrases));
    }
    for adj in &c.kb.adjustments {
        let phrases = Lang::ALL
            .into_iter()
            .flat_map(|l| adj.recognise.get(l).iter().map(move |p| (l, p)))
            .collect();
        owners.push((&adj.file, adj.id.as_str(), adj.flag.as_deref(), phrases));
    }
    for (s, id, flag, phrases) in owners {
        let from = s.line_of_value("id", id).unwrap_or(1);
        for (lang, quoted) in phrases {
            let at = s
                .text
                .lines()
                .enumerate()
                .skip(from - 1)
                .find(|(_, l)| l.contains(&format!("\"{quoted}\"")))
                .map(|(i, _)| i + 1)
                .or(Some(from));
            let wanted = Phrase::new(lang, quoted);
            if wanted.words.is_empty() {
                c.report(
                    s,
                    at,
                    Message::new("check-phrase-no-words")
                        .arg("id", id)
                        .arg("phrase", quoted),
                );
                continue;
            }
            let Some(flag) = flag else { continue };
            let (mut with, mut of) = (0usize, 0usize);
            for (label, words) in &corpus[lang as usize] {
                if *label == flag {
                    continue;
                }
                of += 1;
                with += usize::from(wanted.occurs_in(words));
            }
            let share = with as f64 / of.max(1) as f64;
            let most = if wanted.words.len() == 1 {
                COMMON_WORD_SHARE
            } else {
                COMMON_PHRASE_SHARE
            };
            if share > most {
                c.report(
                    s,
                    at,
                    Message::new("check-phrase-common")
                        .arg("id", id)
                        .arg("phrase", quoted)
                        .arg("with", with)
                        .arg("of", of)
                        .arg("lang", lang)
                        .arg("flag", flag),
                );
            }
        }
    }
}

/// Fewest example sentences per intent or flag and language: fewer and the
/// classifier cannot learn how differently people say the same thing.
pub const MIN_EXAMPLES: usize = 40;
/// Longest example sentence, in characters.
pub const MAX_EXAMPLE_CHARS: usize = 400;

/// Every intent and flag has enough examples in both languages; every
/// example names a known intent or flag, is not empty or too long, and is
/// not given twice (for the same or another label: it would teach both).
fn check_examples(c: &mut Checker<'_>, rules: &SignalRules, examples: Option<&Examples>) {
    let Some(examples) = examples else {
        c.report(&rules.file, None, Message::new("check-examples-missing"));
        return;
    };
    let s = &examples.file;
    let table_line = |label: &str| {
        let header = format!("[examples.{label}]");
        s.text
            .lines()
            .position(|l| l.trim() == header)
            .map(|i| i + 1)
            .or(Some(1))
    };
    let labels: BTreeSet<&str> = rules
        .intents
        .iter()
        .chain(&rules.flags)
        .map(|x| x.id.as_str())
        .chain([crate::knowledge::ORDINARY])
        .collect();
    for label in &labels {
        for lang in Lang::ALL {
            let n = examples
                .examples
                .get(*label)
                .map_or(0, |e| e.get(lang).len());
            if n < MIN_EXAMPLES {
                c.report(
                    s,
                    table_line(label),
                    Message::new("check-examples-too-few")
                        .arg("label", *label)
                        .arg("n", n)
                        .arg("lang", lang)
                        .arg("min", MIN_EXAMPLES),
                );
            }
        }
    }
    let mut seen: BTreeMap<(Lang, String), &str> = BTreeMap::new();
    for (label, sentences) in &examples.examples {
        let line = table_line(label);
        if !labels.contains(label.as_str()) {
            c.report(
                s,
                line,
                Message::new("check-examples-unknown-label")
                    .arg("label", label)
                    .arg("ordinary", crate::knowledge::ORDINARY),
            );
        }
        for lang in Lang::ALL {
            for sentence in sentences.get(lang) {
                // Finding the line scans the file: only for a report.
                let at = || s.line_of_value(lang.code(), sentence).or(line);
                let chars = sentence.chars().count();
                if sentence.trim().is_empty() {
                    c.report(
                        s,
                        at(),
                        Message::new("check-example-empty")
                            .arg("lang", lang)
                            .arg("label", label),
                    );
                } else if chars > MAX_EXAMPLE_CHARS {
                    c.report(
                        s,
                        at(),
                        Message::new("check-example-too-long")
                            .arg("label", label)
                            .arg("chars", chars)
                            .arg("max", MAX_EXAMPLE_CHARS),
                    );
                }
                let key = (lang, crate::analysis::fold(sentence.trim()));
                if let Some(first) = seen.insert(key, label.as_str()) {
                    c.report(
                        s,
                        at(),
                        Message::new("check-example-twice")
                            .arg("lang", lang)
                            .arg("sentence", sentence)
                            .arg("first", first)
                            .arg("label", label),
                    );
                }
            }
        }
    }
}

fn check_pages(c: &mut Checker<'_>, kind: Kind, pages: Vec<&Page>) {
    let mut by_id: BTreeMap<&str, Vec<&Page>> = BTreeMap::new();
    for p in &pages {
        by_id.entry(p.id.as_str()).or_default().push(p);
    }
    for p in &pages {
        let s = &p.source;
        c.id(s, &p.id);
        c.not_empty(s, "title", &p.title);
        c.not_empty(s, "summary", &p.summary);
        c.not_empty(s, "owner", &p.owner);
        if p.body.trim().is_empty() {
            c.report(s, Some(p.body_line), Message::new("check-body-empty"));
        }
        if kind == Kind::Article && p.topics.is_empty() {
            c.report(s, Some(2), Message::new("check-topics-empty"));
        }
        if p.related.contains(&p.id) {
            c.report(
                s,
                s.line_of_key("related"),
                Message::new("check-related-self"),
            );
        }
        let related_kind = if p.audience == Audience::Public && kind == Kind::Article {
            RefKind::PublicArticle
        } else {
            RefKind::Article
        };
        c.refs(s, "related", &p.related, related_kind);
        c.refs(s, "agencies", &p.agencies, RefKind::Agency);
        c.refs(s, "scripts", &p.scripts, RefKind::Script);
    }
    for (id, versions) in by_id {
        let langs: BTreeSet<Lang> = versions.iter().map(|p| p.lang).collect();
        let first = versions[0];
        if versions.iter().any(|p| p.audience != first.audience) {
            c.report(
                &first.source,
                first.source.line_of_key("audience"),
                Message::new("check-audience-disagree").arg("id", id),
            );
        }
        if first.audience == Audience::Public && langs.len() < 2 {
            let missing = if langs.contains(&Lang::Cy) {
                Lang::En
            } else {
                Lang::Cy
            };
            c.report(
                &first.source,
                None,
                Message::new("check-public-missing-lang")
                    .arg("kind", kind.as_str())
                    .arg("id", id)
                    .arg("lang", missing),
            );
        }
    }
}

/// References in a body must name something that exists, and a public page
/// may only point at public content (the public site shows it). Ids of
/// other items must not be left bare in the text: an adviser reading Welsh
/// would see an English id.
fn check_body_references(c: &mut Checker<'_>, page: &Page) {
    use super::reference::{markdown_options, references};
    let line = |offset: usize| page.body_line + page.body[..offset].matches('\n').count();
    let public = page.audience == Audience::Public;
    for r in references(&page.body) {
        let at = Some(line(r.span.start));
        let Some((kind, id)) = &r.resolved else {
            c.report(
                &page.source,
                at,
                Message::new("check-not-a-reference").arg("target", &r.target),
            );
            continue;
        };
        let audience = match kind {
            Kind::Article => c.kb.find_article(id, page.lang).map(|a| a.page.audience),
            Kind::Script => c.kb.find_script(id, page.lang).map(|s| s.page.audience),
            Kind::Agency => c.kb.find_agency(id).map(|a| a.audience),
        };
        match audience {
            None => c.report(
                &page.source,
                at,
                Message::new("check-ref-unknown")
                    .arg("kind", kind.as_str())
                    .arg("id", id),
            ),
            Some(Audience::Internal) if public => c.report(
                &page.source,
                at,
                Message::new("check-ref-internal")
                    .arg("kind", kind.as_str())
                    .arg("id", id),
            ),
            Some(_) => {}
        }
    }
    // Hyphenated ids only: one-word ids ("greeting", "mind") are ordinary
    // words too.
    let ids: BTreeSet<&str> = c
        .article_ids
        .iter()
        .chain(&c.script_ids)
        .chain(&c.agency_ids)
        .copied()
        .chain(c.kb.adjustments.iter().map(|a| a.id.as_str()))
        .filter(|id| id.contains('-'))
        .collect();
    let parser = pulldown_cmark::Parser::new_ext(&page.body, markdown_options());
    let mut in_link = 0usize;
    for (event, span) in parser.into_offset_iter() {
        match event {
            pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                in_link += 1;
                let reference = matches!(link_type, pulldown_cmark::LinkType::WikiLink { .. });
                if !reference && !is_working_link(&dest_url) {
                    c.report(
                        &page.source,
                        Some(line(span.start)),
                        Message::new("check-link").arg("target", dest_url.to_string()),
                    );
                }
            }
            pulldown_cmark::Event::End(pulldown_cmark::TagEnd::Link) => {
                in_link = in_link.saturating_sub(1)
            }
            pulldown_cmark::Event::Text(text) if in_link == 0 => {
                for id in bare_ids(&text, &ids) {
                    c.report(
                        &page.source,
                        Some(line(span.start)),
                        Message::new("check-bare-id").arg("id", id),
                    );
                }
            }
            _ => {}
        }
    }
}

/// Whether a Markdown link's target is one every reader can follow, on the
/// console and the public site alike: a web address, `mailto:` an address
/// or `tel:` a number (other items are linked by `[[kind:id]]`).
fn is_working_link(target: &str) -> bool {
    if let Some(address) = target.strip_prefix("mailto:") {
        details::is_email(address)
    } else if let Some(number) = target.strip_prefix("tel:") {
        details::is_phone(number)
    } else {
        details::is_web(target)
    }
}

/// The ids from `ids` that stand as whole words in `text`.
fn bare_ids<'a>(text: &str, ids: &BTreeSet<&'a str>) -> Vec<&'a str> {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-';
    text.split(|c: char| !is_word(c))
        .map(|w| w.trim_matches('-'))
        .filter_map(|w| ids.get(w).copied())
        .collect()
}

/// Articles, scripts and agencies are named by id alone in search results.
fn check_shared_id_space(c: &mut Checker<'_>) {
    let kb = c.kb;
    let mut seen: BTreeMap<&str, Kind> = BTreeMap::new();
    for a in &kb.articles {
        seen.insert(&a.page.id, Kind::Article);
    }
    for s in &kb.scripts {
        if let Some(k) = seen.get(s.page.id.as_str()).filter(|k| **k != Kind::Script) {
            let msg = Message::new("check-id-used")
                .arg("id", &s.page.id)
                .arg("kind", k.as_str());
            c.report(&s.page.source, s.page.source.line_of_key("id"), msg);
        }
    }
    for s in &kb.scripts {
        seen.insert(&s.page.id, Kind::Script);
    }
    for a in &kb.agencies {
        if let Some(k) = seen.get(a.id.as_str()) {
            let msg = Message::new("check-id-used")
                .arg("id", &a.id)
                .arg("kind", k.as_str());
            c.report(&a.file, a.file.line_of_key("id"), msg);
        }
    }
}

fn check_agency(c: &mut Checker<'_>, a: &Agency) {
    let s = &a.file;
    c.id(s, &a.id);
    c.bilingual(s, "name", &a.name);
    c.bilingual(s, "description", &a.description);
    c.bilingual(s, "when_to_refer", &a.when_to_refer);
    c.not_empty(s, "source", &a.source);
    c.tags(s, "needs", &a.needs, NEED_TAGS);
    c.tags(s, "areas", &a.areas, AREAS);
    c.refs(s, "related", &a.related, RefKind::Article);
    let contact = &a.contact;
    type Rule = fn(&str) -> bool;
    let details: [(&str, &Option<String>, Rule); 4] = [
        ("phone", &contact.phone, details::is_phone),
        ("text", &contact.text, details::is_sms),
        ("email", &contact.email, details::is_email),
        ("web", &contact.web, details::is_web),
    ];
    for (key, value, ok) in details {
        if let Some(value) = value.as_deref().filter(|v| !ok(v)) {
            c.report(
                s,
                s.line_of_key(key),
                Message::new("check-contact-detail")
                    .arg("key", key)
                    .arg("value", value),
            );
        }
    }
    if a.contact == Contact::default() {
        c.report(
            s,
            s.line_of_key("contact").or(Some(1)),
            Message::new("check-agency-no-contact"),
        );
    }
}

fn check_matter(c: &mut Checker<'_>, m: &Matter) {
    let s = &m.file;
    c.id(s, &m.id);
    c.bilingual(s, "name", &m.name);
    if m.audience != Audience::Internal {
        c.report(
            s,
            s.line_of_key("audience"),
            Message::new("check-matter-audience"),
        );
    }
    for (key, lists) in [
        ("keywords", &m.keywords),
        ("lines_to_take", &m.lines_to_take),
    ] {
        for lang in Lang::ALL {
            if lists.get(lang).iter().all(|w| w.trim().is_empty()) {
                c.report(
                    s,
                    s.line_of_key(key).or(Some(1)),
                    Message::new("check-empty-in")
                        .arg("key", key)
                        .arg("lang", lang),
                );
            }
        }
    }
    if let Until::Day(ends) = m.ends
        && ends.0 < m.starts.0
    {
        c.report(
            s,
            s.line_of_key("ends"),
            Message::new("check-ends-before-starts")
                .arg("ends", ends.to_string())
                .arg("starts", m.starts.to_string()),
        );
    }
    c.refs(s, "related", &m.related, RefKind::Article);
}

fn check_adjustment(c: &mut Checker<'_>, a: &Adjustment) {
    let s = &a.file;
    c.id(s, &a.id);
    c.bilingual(s, "name", &a.name);
    c.bilingual(s, "record", &a.record);
    c.tags(s, "need", std::slice::from_ref(&a.need), NEED_TAGS);
    for lang in Lang::ALL {
        if a.recognise.get(lang).iter().all(|w| w.trim().is_empty()) {
            c.report(
                s,
                s.line_of_key("recognise"),
                Message::new("check-empty-in")
                    .arg("key", "recognise")
                    .arg("lang", lang),
            );
        }
    }
    if a.steps.is_empty() {
        c.report(s, Some(1), Message::new("check-no-steps"));
    }
    for step in &a.steps {
        c.bilingual(s, "steps", step);
    }
    if let Some(flag) = &a.flag {
        let known =
            c.kb.signal_rules
                .as_ref()
                .is_some_and(|r| r.flags.iter().any(|f| &f.id == flag));
        if !known {
            c.report(
                s,
                s.line_of_key("flag"),
                Message::new("check-unknown-flag").arg("flag", flag),
            );
        }
    }
    c.refs(s, "agencies", &a.agencies, RefKind::Agency);
    c.refs(s, "related", &a.related, RefKind::Article);
}

fn check_flow(c: &mut Checker<'_>, f: &Flow) {
    let s = &f.file;
    c.id(s, &f.id);
    c.bilingual(s, "title", &f.title);
    let questions: HashSet<&str> = f.questions.iter().map(|q| q.id.as_str()).collect();
    let outcomes: HashSet<&str> = f.outcomes.iter().map(|o| o.id.as_str()).collect();
    if questions.len() != f.questions.len() || outcomes.len() != f.outcomes.len() {
        c.report(s, None, Message::new("check-flow-ids-unique"));
    }
    if !questions.contains(f.start.as_str()) {
        c.report(
            s,
            s.line_of_key("start"),
            Message::new("check-flow-start").arg("id", &f.start),
        );
    }
    let article_kind = if f.audience == Audience::Public {
        RefKind::PublicArticle
    } else {
        RefKind::Article
    };
    let mut reached: HashSet<&str> = HashSet::new();
    for q in &f.questions {
        c.bilingual(s, "text", &q.text);
        if q.answers.is_empty() {
            c.report(
                s,
                s.line_of_value("id", &q.id),
                Message::new("check-question-no-answers").arg("id", &q.id),
            );
        }
        for a in &q.answers {
            c.bilingual(s, "label", &a.label);
            match (&a.next, &a.outcome) {
                (Some(n), None) if questions.contains(n.as_str()) => {
                    reached.insert(n);
                }
                (None, Some(o)) if outcomes.contains(o.as_str()) => {
                    reached.insert(o);
                }
                (Some(n), None) => c.report(
                    s,
                    s.line_of_value("next", n),
                    Message::new("check-unknown-next").arg("id", n),
                ),
                (None, Some(o)) => c.report(
                    s,
                    s.line_of_value("outcome", o),
                    Message::new("check-unknown-outcome").arg("id", o),
                ),
                _ => c.report(
                    s,
                    s.line_of_value("id", &q.id),
                    Message::new("check-answer-next-or-outcome").arg("id", &q.id),
                ),
            }
        }
    }
    for o in &f.outcomes {
        c.bilingual(s, "text", &o.text);
        c.refs(s, "articles", &o.articles, article_kind);
        c.refs(s, "agencies", &o.agencies, RefKind::Agency);
        if !reached.contains(o.id.as_str()) {
            c.report(
                s,
                s.line_of_value("id", &o.id),
                Message::new("check-outcome-unreached").arg("id", &o.id),
            );
        }
    }
    if let Some(q) = longest_path(f, &f.start, &mut Vec::new(), &mut BTreeMap::new()).err() {
        c.report(
            s,
            s.line_of_value("id", &q),
            Message::new("check-flow-loop")
                .arg("id", &q)
                .arg("max", super::walk::MAX_ANSWERS),
        );
    }
}

/// The most questions any path from `id` asks, or the question where a
/// path loops (or grows past what a walk accepts). A flow must end.
fn longest_path(
    f: &Flow,
    id: &str,
    on_path: &mut Vec<String>,
    known: &mut BTreeMap<String, usize>,
) -> Result<usize, String> {
    if on_path.iter().any(|q| q == id) {
        return Err(id.to_string());
    }
    if let Some(n) = known.get(id) {
        return Ok(*n);
    }
    let Some(q) = f.question(id) else {
        return Ok(0);
    };
    on_path.push(id.to_string());
    let mut most = 0;
    for next in q.answers.iter().filter_map(|a| a.next.as_deref()) {
        most = most.max(longest_path(f, next, on_path, known)?);
    }
    on_path.pop();
    if most + 1 > super::walk::MAX_ANSWERS {
        return Err(id.to_string());
    }
    known.insert(id.to_string(), most + 1);
    Ok(most + 1)
}

fn check_templates(c: &mut Checker<'_>) {
    let kb = c.kb;
    let mut by_id: BTreeMap<&str, Vec<&Template>> = BTreeMap::new();
    for t in &kb.templates {
        by_id.entry(&t.id).or_default().push(t);
        c.id(&t.source, &t.id);
        for m in REQUIRED_MESSAGES {
            if !t.messages.contains(*m) {
                c.report(
                    &t.source,
                    None,
                    Message::new("check-template-message").arg("message", *m),
                );
            }
        }
        for v in &t.variables {
            if !KNOWN_VARIABLES.contains(&v.as_str()) {
                let line = t
                    .source
                    .text
                    .find(&format!("${v}"))
                    .map(|off| t.source.line_of_offset(off));
                c.report(
                    &t.source,
                    line,
                    Message::new("check-template-variable")
                        .arg("name", v)
                        .arg("known", format!("${}", KNOWN_VARIABLES.join(", $"))),
                );
            }
        }
    }
    for (id, versions) in by_id {
        if versions.len() < 2 {
            let t = versions[0];
            c.report(
                &t.source,
                None,
                Message::new("check-template-missing-lang")
                    .arg("id", id)
                    .arg("lang", t.lang.other()),
            );
        } else if versions[0].variables != versions[1].variables {
            let (a, b) = (versions[0], versions[1]);
            let only = |x: &Template, y: &Template| {
                let names: Vec<_> = x
                    .variables
                    .difference(&y.variables)
                    .map(|v| format!("${v}"))
                    .collect();
                names.join(", ")
            };
            let (only_a, only_b) = (only(a, b), only(b, a));
            c.report(
                &a.source,
                None,
                Message::new("check-template-variables-differ")
                    .arg("id", id)
                    .arg(a.lang.code(), only_a)
                    .arg(b.lang.code(), only_b),
            );
        }
    }
}

fn check_forces(c: &mut Checker<'_>) {
    let kb = c.kb;
    let Some(source) = &kb.forces_source else {
        return;
    };
    let mut seen = HashSet::new();
    for f in &kb.forces {
        if !is_valid_id(&f.id) {
            c.report(
                source,
                source.line_of_value("id", &f.id),
                Message::new("check-force-id").arg("id", &f.id),
            );
        }
        if !seen.insert(f.id.as_str()) {
            c.report(
                source,
                source.line_of_value("id", &f.id),
                Message::new("check-force-twice").arg("id", &f.id),
            );
        }
        if let Some(url) = f.complaints_url.as_deref().filter(|u| !details::is_web(u)) {
            c.report(
                source,
                source.line_of_value("complaints_url", url),
                Message::new("check-contact-detail")
                    .arg("key", "complaints_url")
                    .arg("value", url),
            );
        }
        if !crate::knowledge::FORCE_COUNTRIES.contains(&f.country.as_str()) {
            c.report(
                source,
                source.line_of_value("country", &f.country),
                Message::new("check-force-country")
                    .arg("id", &f.id)
                    .arg("country", &f.country),
            );
        }
        for lang in Lang::ALL {
            if f.name.get(lang).trim().is_empty()
                || f.local_policing_body.get(lang).trim().is_empty()
            {
                c.report(
                    source,
                    source.line_of_value("id", &f.id),
                    Message::new("check-force-names").arg("id", &f.id),
                );
            }
        }
    }
}

/// Whether `path` is inside `root` (for callers that resolve ids to files).
pub fn is_within(root: &Path, path: &Path) -> bool {
    path.starts_with(root)
}
