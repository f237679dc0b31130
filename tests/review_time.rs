//! The out-of-time review calculator at its boundaries, with the rule from
//! the bundled `knowledge/rules/reviews.toml`, and letters from the Fluent
//! templates in both languages.

mod common;

use std::collections::BTreeMap;

use canllaw::assistant::letters::{LetterError, render};
use canllaw::assistant::review_time::{TimingError, assess};
use canllaw::knowledge::ReviewRules;
use canllaw::lang::Lang;
use chrono::NaiveDate;

use common::kb;

fn rules() -> &'static ReviewRules {
    kb().review_rules
        .as_ref()
        .expect("rules/reviews.toml is bundled")
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_bundled_rule_is_28_days() {
    assert_eq!(rules().time_limit_days, 28);
}

#[test]
fn day_28_is_in_time_and_day_29_is_one_day_late() {
    // The article's own example: letter dated 3 March, last day 31 March.
    let t = assess(rules(), d("2026-03-03"), d("2026-03-31"), "").unwrap();
    assert!(t.in_time);
    assert_eq!((t.day, t.days_late), (28, 0));
    assert_eq!(t.deadline, d("2026-03-31"));
    assert_eq!(t.guidance, "review-time-limit");
    let t = assess(rules(), d("2026-03-03"), d("2026-04-01"), "").unwrap();
    assert!(!t.in_time);
    assert_eq!((t.day, t.days_late), (29, 1));
    assert_eq!(t.guidance, "out-of-time-reviews");
    assert!(!t.seek_advice);
    // Same day as the outcome: in time, day 0.
    let t = assess(rules(), d("2026-03-03"), d("2026-03-03"), "").unwrap();
    assert!(t.in_time && t.day == 0);
}

#[test]
fn month_ends_and_leap_years() {
    // 31 January + 28 days: 28 February in a common year…
    assert_eq!(
        assess(rules(), d("2026-01-31"), d("2026-02-28"), "")
            .unwrap()
            .deadline,
        d("2026-02-28")
    );
    // …and in a leap year the count runs through 29 February.
    let t = assess(rules(), d("2028-02-01"), d("2028-02-29"), "").unwrap();
    assert_eq!(t.deadline, d("2028-02-29"));
    assert!(t.in_time);
    let t = assess(rules(), d("2028-02-10"), d("2028-03-10"), "").unwrap();
    assert_eq!(t.deadline, d("2028-03-09"));
    assert_eq!(t.days_late, 1);
    let t = assess(rules(), d("2027-02-10"), d("2027-03-10"), "").unwrap();
    assert_eq!(t.deadline, d("2027-03-10"));
    assert!(t.in_time);
    // Across the year end.
    assert_eq!(
        assess(rules(), d("2026-12-15"), d("2027-01-12"), "")
            .unwrap()
            .deadline,
        d("2027-01-12")
    );
}

#[test]
fn a_request_before_the_outcome_is_a_clear_error() {
    let e = assess(rules(), d("2026-05-10"), d("2026-05-09"), "").unwrap_err();
    assert_eq!(
        e,
        TimingError::RequestBeforeOutcome {
            outcome: d("2026-05-10"),
            received: d("2026-05-09")
        }
    );
    assert!(e.to_string().contains("before the outcome"));
}

#[test]
fn reasons_are_recognised_in_either_language_and_shape_the_advice() {
    // 35 days after the outcome: a week late, ill in hospital (in Welsh).
    let t = assess(
        rules(),
        d("2026-06-01"),
        d("2026-07-06"),
        "Roeddwn i yn yr ysbyty am dair wythnos",
    )
    .unwrap();
    assert_eq!(t.days_late, 7);
    assert_eq!(
        t.reasons.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["illness"]
    );
    assert!(!t.seek_advice);
    // The letter went to an old address: the start date itself is in doubt.
    let t = assess(
        rules(),
        d("2026-06-01"),
        d("2026-07-06"),
        "I never received the letter, it went to my old address",
    )
    .unwrap();
    assert!(t.reasons.iter().any(|r| r.id == "outcome-not-received"));
    assert!(t.seek_advice);
    // Very late: advice whatever the reason.
    let t = assess(rules(), d("2025-01-01"), d("2026-01-01"), "my mother died").unwrap();
    assert!(t.days_late >= rules().seek_advice_after_days);
    assert!(t.seek_advice);
    assert_eq!(t.reasons[0].id, "bereavement");
    // In time: reasons do not matter.
    assert!(
        assess(rules(), d("2026-06-01"), d("2026-06-02"), "ysbyty")
            .unwrap()
            .reasons
            .is_empty()
    );
}

fn values() -> BTreeMap<String, String> {
    canllaw::knowledge::template::KNOWN_VARIABLES
        .iter()
        .map(|v| (v.to_string(), format!("<{v}>")))
        .collect()
}

#[test]
fn every_letter_renders_in_both_languages_with_every_variable_filled() {
    let ids: std::collections::BTreeSet<&str> =
        kb().templates.iter().map(|t| t.id.as_str()).collect();
    assert!(ids.len() >= 5);
    for id in ids {
        for lang in Lang::ALL {
            let letter = render(kb(), id, lang, &values()).unwrap();
            let template = kb()
                .templates
                .iter()
                .find(|t| t.id == id && t.lang == lang)
                .unwrap();
            for v in &template.variables {
                assert!(
                    letter.subject.contains(&format!("<{v}>"))
                        || letter.body.contains(&format!("<{v}>")),
                    "{id}.{lang}: {v} filled"
                );
            }
            assert!(!letter.body.contains('{'), "{id}.{lang}: no placeable left");
            assert!(!letter.subject.is_empty());
        }
    }
    let cy = render(kb(), "out-of-time-review-not-accepted", Lang::Cy, &values()).unwrap();
    let en = render(kb(), "out-of-time-review-not-accepted", Lang::En, &values()).unwrap();
    assert!(cy.body.contains("Annwyl"));
    assert!(en.body.contains("Dear"));
}

#[test]
fn a_missing_or_empty_variable_is_an_error_not_a_blank() {
    let mut v = values();
    v.remove("days_late");
    v.remove("reference");
    let e = render(kb(), "out-of-time-review-not-accepted", Lang::En, &v).unwrap_err();
    assert_eq!(
        e,
        LetterError::Missing(vec!["days_late".into(), "reference".into()])
    );
    assert!(e.to_string().contains("days_late, reference"));
    let mut v = values();
    v.insert("force_name".into(), "  ".into());
    assert!(matches!(
        render(kb(), "out-of-time-review-not-accepted", Lang::Cy, &v),
        Err(LetterError::Empty(_))
    ));
    assert!(matches!(
        render(kb(), "no-such-letter", Lang::Cy, &values()),
        Err(LetterError::UnknownTemplate(..))
    ));
}
