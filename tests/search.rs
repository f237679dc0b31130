//! Search behaviour on the bundled knowledge base.

mod common;

use canllaw::knowledge::{Audience, Kind};
use canllaw::lang::Lang;
use canllaw::search::eval::{self, LangMode};
use canllaw::search::{SearchError, SearchRequest};

fn ids(query: &str, lang: Option<Lang>) -> Vec<String> {
    let mut req = SearchRequest::new(query);
    req.lang = lang;
    req.prefix = false;
    common::searcher()
        .search(&req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn my_complaint_in_welsh_finds_the_complaints_article_first() {
    assert_eq!(ids("fy nghwyn", Some(Lang::Cy))[0], "how-to-complain");
    assert_eq!(
        ids("fy nghwyn", None)[0],
        "how-to-complain",
        "auto detects Welsh"
    );
}

#[test]
fn mutated_plural_and_unaccented_forms_find_the_same_articles() {
    for q in ["apêl", "apel", "hapêl", "apeliadau"] {
        let found = ids(q, Some(Lang::Cy));
        assert!(
            found.iter().take(3).any(|id| id == "complaint-reviews"
                || id == "out-of-time-reviews"
                || id == "review-time-limit"),
            "{q}: {found:?}"
        );
    }
    let a = ids("heddluoedd Cymru", Some(Lang::Cy));
    assert_eq!(a[0], "police-forces-wales", "{a:?}");
}

#[test]
fn exact_surface_form_ranks_above_a_radical_only_match() {
    // `gwyn` is both "white" and a soft-mutated `cwyn`; a document that
    // literally says the query word should not lose to the mutation
    // reading. Two articles alike but for that word.
    let kb = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(kb.path().join("articles")).unwrap();
    for (id, word) in [("lliw", "gwyn"), ("cwynion", "cwyn")] {
        let text = format!(
            "+++\nid = \"{id}\"\ntitle = \"Y gair {word}\"\nsummary = \"Am y gair {word}.\"\n\
             audience = \"internal\"\ntopics = [\"test\"]\nkeywords = []\nrelated = []\n\
             reviewed = 2026-11-01\nowner = \"Test\"\n+++\n\nMae'r gair {word} yma.\n"
        );
        std::fs::write(kb.path().join(format!("articles/{id}.cy.md")), text).unwrap();
    }
    let data = tempfile::tempdir().unwrap();
    let opened =
        canllaw::index::open_or_build(kb.path(), data.path(), false, &mut |_, _| {}).unwrap();
    let searcher = canllaw::search::Searcher::new(opened.index).unwrap();
    let mut req = SearchRequest::new("gwyn");
    req.lang = Some(Lang::Cy);
    req.prefix = false;
    let hits: Vec<String> = searcher
        .search(&req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(
        hits,
        ["lliw", "cwynion"],
        "both match, the literal word first"
    );
}

#[test]
fn typos_are_tolerated() {
    assert_eq!(
        ids("compliant about police", Some(Lang::En))[0],
        "how-to-complain"
    );
    let found = ids("whistelblowing", Some(Lang::En));
    assert!(
        found.iter().take(3).any(|id| id == "whistleblowing"),
        "{found:?}"
    );
}

#[test]
fn the_last_word_matches_as_a_prefix_while_typing() {
    let searcher = common::searcher();
    let mut req = SearchRequest::new("whistleb");
    req.lang = Some(Lang::En);
    let found: Vec<String> = searcher
        .search(&req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(
        found.iter().take(3).any(|id| id == "whistleblowing"),
        "{found:?}"
    );
    // In Welsh the prefix is mutation-aware: the nasal-mutated `nhystiol`
    // appears nowhere in the content, yet reaches `tystiolaeth`.
    let mut req = SearchRequest::new("fy nhystiol");
    req.lang = Some(Lang::Cy);
    let found: Vec<String> = searcher
        .search(&req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(!found.is_empty(), "{found:?}");
    let knowledge = std::fs::read_dir(common::knowledge_dir().join("articles"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<String>();
    assert!(
        !knowledge.contains("nhystiol"),
        "the mutated form is not in the text"
    );
    // A finished word (followed by a space) is not a prefix.
    use canllaw::search::expand::Expander;
    use canllaw::search::query::Plan;
    assert!(Plan::new("whistleb", Lang::En, &Expander::default(), true).prefix_last);
    assert!(!Plan::new("whistleb ", Lang::En, &Expander::default(), true).prefix_last);
    assert!(!Plan::new("whistleb", Lang::En, &Expander::default(), false).prefix_last);
}

#[test]
fn snippets_mark_matches_and_escape_html() {
    let mut req = SearchRequest::new("fy nghwyn");
    req.lang = Some(Lang::Cy);
    let hit = &common::searcher().search(&req).unwrap().hits[0];
    assert!(hit.snippet.contains("<mark>"), "{}", hit.snippet);
    let without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "");
    assert!(!without_marks.contains('<'), "{}", hit.snippet);
}

#[test]
fn filters_by_kind_audience_and_language() {
    let searcher = common::searcher();
    let mut req = SearchRequest::new("Report Line");
    req.lang = Some(Lang::En);
    req.audience = Audience::Public;
    let resp = searcher.search(&req).unwrap();
    assert!(
        resp.hits.iter().all(|h| h.audience == Audience::Public),
        "{:?}",
        resp.hits
    );
    assert!(resp.hits.iter().all(|h| h.id != "report-line"));
    req.audience = Audience::Internal;
    assert!(
        searcher
            .search(&req)
            .unwrap()
            .hits
            .iter()
            .any(|h| h.id == "report-line")
    );

    req.query = "deaf".into();
    req.kind = Some(Kind::Agency);
    let resp = searcher.search(&req).unwrap();
    assert!(!resp.hits.is_empty() && resp.hits.iter().all(|h| h.kind == Kind::Agency));
    req.kind = None;
    req.lang = Some(Lang::Cy);
    req.query = "byddar".into();
    let resp = searcher.search(&req).unwrap();
    assert!(!resp.hits.is_empty() && resp.hits.iter().all(|h| h.lang == Lang::Cy));
}

#[test]
fn glossary_terms_from_the_other_language_help() {
    // An English word in a Welsh search still finds Welsh guidance.
    let found = ids("whistleblowing", Some(Lang::Cy));
    assert!(
        found.iter().take(3).any(|id| id == "whistleblowing"),
        "{found:?}"
    );
}

#[test]
fn unparseable_queries_return_results_or_a_clear_error_never_a_panic() {
    let searcher = common::searcher();
    let long = "cwyn ".repeat(2_000);
    let nasty = [
        "\"unbalanced quote",
        "+ - : ( ) ~ ^",
        "cwyn AND (heddlu OR",
        "title:cwyn^3 body:~2",
        "\u{0}\u{7}\u{1b}[31m",
        "",
        "   ",
        "y yr a fy",
        "😀 🚓",
        "*",
        "a'r'n'i'w",
    ];
    for q in nasty {
        for lang in [None, Some(Lang::Cy), Some(Lang::En)] {
            let mut req = SearchRequest::new(q);
            req.lang = lang;
            searcher
                .search(&req)
                .unwrap_or_else(|e| panic!("{q:?}: {e}"));
        }
    }
    let err = searcher.search(&SearchRequest::new(long)).unwrap_err();
    assert!(matches!(err, SearchError::QueryTooLong { .. }));
    assert!(err.to_string().contains("too long"));
    let mut req = SearchRequest::new("cwyn");
    req.limit = 0;
    assert!(matches!(searcher.search(&req), Err(SearchError::BadLimit)));
}

#[test]
fn search_quality_meets_the_floors_on_every_query_set() {
    for file in ["dev.tsv", "extra.tsv"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/eval")
            .join(file);
        let queries = eval::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        for mode in [LangMode::Given, LangMode::Auto] {
            let report = eval::run(|r| common::searcher().search(&r), &queries, mode).unwrap();
            let (cy, en) = (&report.metrics["cy"], &report.metrics["en"]);
            for (lang, m) in [("cy", cy), ("en", en)] {
                assert!(
                    m.recall_at_3 >= 0.90,
                    "{file} {mode:?} {lang}: R@3 {:.3}",
                    m.recall_at_3
                );
                assert!(
                    m.mrr_at_10 >= 0.80,
                    "{file} {mode:?} {lang}: MRR@10 {:.3}",
                    m.mrr_at_10
                );
            }
            assert!(
                cy.mrr_at_10 >= en.mrr_at_10 - 0.03,
                "{file} {mode:?}: Welsh MRR {:.3} trails English {:.3}",
                cy.mrr_at_10,
                en.mrr_at_10
            );
        }
    }
}

#[test]
fn a_mistyped_query_read_as_the_wrong_language_offers_the_other() {
    // "compalint" looks Welsh to the detector and finds nothing in Welsh.
    let mut req = SearchRequest::new("compalint");
    req.prefix = false;
    let r = common::searcher().search(&req).unwrap();
    assert_eq!(r.lang, Lang::Cy);
    assert!(r.hits.is_empty());
    assert_eq!(r.try_lang, Some(Lang::En), "{r:?}");
    // Chosen by the adviser, the language is not second-guessed.
    req.lang = Some(Lang::Cy);
    let r = common::searcher().search(&req).unwrap();
    assert_eq!(r.try_lang, None);
    // A query that finds something in its own language is left alone.
    let r = common::searcher()
        .search(&SearchRequest::new("fy nghwyn"))
        .unwrap();
    assert!(!r.hits.is_empty());
    assert_eq!(r.try_lang, None);
}

#[test]
fn a_sentence_searched_once_is_answered_from_memory_as_asked() {
    let searcher = common::searcher();
    let kb = common::kb();
    let mut req = SearchRequest::new(
        "my nan was pushed over by a copper at the station and nobody has told us anything",
    );
    req.lang = Some(Lang::En);
    // Not yet searched.
    assert!(searcher.cached(&req).is_none());
    let first = canllaw::assistant::guided::search(kb, searcher, req.clone()).unwrap();
    assert!(!first.hits.is_empty());
    // The request as the service receives it (no boosts) is now known, so
    // it is answered before waiting for a search thread, with the same hits.
    let again = searcher.cached(&req).expect("remembered as asked");
    let ids = |r: &canllaw::search::SearchResponse| {
        r.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&again), ids(&first));
}
