//! The editors' workflow over the real store and the bundled knowledge:
//! drafts, review, four-eyes approval, translations kept as one item,
//! validation with `canllaw check`'s code, and publication.

mod common;

use canllaw::auth::Role;
use canllaw::editorial::{self, Change, EditorialError, Rules};
use canllaw::lang::Lang;
use canllaw::store::{SqliteStore, Store, User};

const CY: &str = "articles/review-time-limit.cy.md";
const EN: &str = "articles/review-time-limit.en.md";

fn user(name: &str, role: Role) -> User {
    User {
        id: 0,
        name: name.into(),
        role,
        password_hash: String::new(),
        ui_lang: Lang::Cy,
        disabled: false,
        full_name: String::new(),
    }
}

async fn seeded() -> SqliteStore {
    let store = SqliteStore::in_memory().unwrap();
    canllaw::published::import(&store, &common::knowledge_dir(), "seed")
        .await
        .unwrap();
    store
}

async fn published(store: &SqliteStore, path: &str) -> (String, i64) {
    let text = store
        .content()
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.path == path)
        .unwrap()
        .text;
    let revision = store
        .revisions(path)
        .await
        .unwrap()
        .last()
        .unwrap()
        .revision;
    (text, revision)
}

#[tokio::test]
async fn a_welsh_change_is_reviewed_by_another_and_leaves_the_english_stale() {
    let store = seeded().await;
    let (ann, ben) = (user("ann", Role::Editor), user("ben", Role::Editor));
    let (text, base) = published(&store, CY).await;
    let changed = text.replace("28 diwrnod", "wyth diwrnod ar hugain");
    assert_ne!(changed, text);

    // An adviser may not change content at all.
    let change = Change {
        path: CY.into(),
        body: Some(changed.clone()),
        version: 0,
        base,
    };
    assert!(matches!(
        editorial::save(&store, &user("cai", Role::Adviser), change.clone()).await,
        Err(EditorialError::NotEditor)
    ));
    let draft = editorial::save(&store, &ann, change).await.unwrap();
    let draft = editorial::submit(&store, &ann, CY, draft.version)
        .await
        .unwrap();

    // Four eyes: the author does not approve her own change.
    let rules = Rules::default();
    assert!(matches!(
        editorial::publish(&store, &ann, rules, CY, draft.version, true).await,
        Err(EditorialError::OwnChange)
    ));
    // Publishing the Welsh leaves the English behind: asked first.
    match editorial::publish(&store, &ben, rules, CY, draft.version, false).await {
        Err(EditorialError::TranslationStale(left)) => {
            assert_eq!(left, [(EN.to_string(), Lang::En)]);
        }
        other => panic!("{other:?}"),
    }
    let revision = editorial::publish(&store, &ben, rules, CY, draft.version, true)
        .await
        .unwrap();
    assert_eq!(revision, base + 1);
    assert_eq!(published(&store, CY).await, (changed, base + 1));
    let stale = store.stale_translations().await.unwrap();
    assert_eq!(stale.len(), 1);
    assert_eq!((stale[0].path.as_str(), stale[0].lang), (EN, Lang::En));
    assert!(store.draft(CY).await.unwrap().is_none());

    // Updating the English brings it up to date.
    let (en, en_base) = published(&store, EN).await;
    let draft = editorial::save(
        &store,
        &ben,
        Change {
            path: EN.into(),
            body: Some(en.replace("28 days", "twenty-eight days")),
            version: 0,
            base: en_base,
        },
    )
    .await
    .unwrap();
    let draft = editorial::submit(&store, &ben, EN, draft.version)
        .await
        .unwrap();
    editorial::publish(&store, &ann, rules, EN, draft.version, false)
        .await
        .unwrap();
    assert!(store.stale_translations().await.unwrap().is_empty());
}

#[tokio::test]
async fn problems_stop_a_change_and_are_reported_as_check_reports_them() {
    let store = seeded().await;
    let ann = user("ann", Role::Editor);
    let (text, base) = published(&store, CY).await;
    // Broken front matter, and a link to an article that does not exist.
    for (broken, what) in [
        (text.replacen("+++", "++", 1), "front matter"),
        (
            text.replace("\"complaint-reviews\",", "\"no-such-article\","),
            "no-such-article",
        ),
    ] {
        let draft = editorial::save(
            &store,
            &ann,
            Change {
                path: CY.into(),
                body: Some(broken),
                version: store.draft(CY).await.unwrap().map_or(0, |d| d.version),
                base,
            },
        )
        .await
        .unwrap();
        match editorial::submit(&store, &ann, CY, draft.version).await {
            Err(EditorialError::Invalid(problems)) => {
                assert!(
                    problems.iter().any(|p| p.path.to_str() == Some(CY)),
                    "{what}: {problems:?}"
                );
                if what == "no-such-article" {
                    assert!(
                        problems.iter().any(|p| p.message.contains(what)),
                        "{problems:?}"
                    );
                }
            }
            other => panic!("{what}: {other:?}"),
        }
    }
    // Retiring an article others link to is a problem in those others.
    let draft = editorial::save(
        &store,
        &ann,
        Change {
            path: "articles/complaint-reviews.cy.md".into(),
            body: None,
            version: 0,
            base: published(&store, "articles/complaint-reviews.cy.md")
                .await
                .1,
        },
    )
    .await
    .unwrap();
    assert!(matches!(
        editorial::submit(&store, &ann, "articles/complaint-reviews.cy.md", draft.version).await,
        Err(EditorialError::Invalid(p)) if !p.is_empty()
    ));
    // Paths that are not content files are refused before anything else.
    for path in [
        "../etc/passwd",
        "articles/../x.md",
        "articles/X.md",
        "secrets/x.md",
    ] {
        assert!(matches!(
            editorial::save(
                &store,
                &ann,
                Change {
                    path: path.into(),
                    body: Some(String::new()),
                    version: 0,
                    base: 0,
                },
            )
            .await,
            Err(EditorialError::BadPath(_))
        ));
    }
}
