//! The editors' pages over HTTP, as a browser without JavaScript uses them:
//! plain forms, redirects after each step, the conflict page, structured
//! content as a form, history and differences, health, audit, new items.

mod common;

use canllaw::auth::Role;
use common::TestApp;

const CY: &str = "articles/review-time-limit.cy.md";
const EN: &str = "articles/review-time-limit.en.md";

/// The value of the hidden field `name` in the form whose `path` is
/// `path`.
fn hidden(html: &str, path: &str, name: &str) -> String {
    let form = html
        .find(&format!("name=\"path\" value=\"{path}\""))
        .unwrap_or_else(|| panic!("a form for {path}"));
    let rest = &html[form..];
    let at = rest
        .find(&format!("name=\"{name}\" value=\""))
        .unwrap_or_else(|| panic!("{name} for {path}"))
        + name.len()
        + 15;
    rest[at..at + rest[at..].find('"').unwrap()].to_string()
}

/// The text of the textarea `name` in the form for `path`.
fn textarea(html: &str, path: &str, name: &str) -> String {
    let form = html
        .find(&format!("name=\"path\" value=\"{path}\""))
        .unwrap();
    let rest = &html[form..];
    let open = rest.find(&format!("name=\"{name}\"")).unwrap();
    let start = open + rest[open..].find('>').unwrap() + 1;
    let end = start + rest[start..].find("</textarea>").unwrap();
    unescape(&rest[start..end])
}

fn unescape(s: &str) -> String {
    s.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x27;", "'")
        .replace("&#34;", "\"")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let r = client.get(app.url(path)).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let r = client.post(app.url(path)).form(form).send().await.unwrap();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (r.status().as_u16(), location, r.text().await.unwrap())
}

async fn searchable(client: &reqwest::Client, app: &TestApp, word: &str) -> bool {
    let found: serde_json::Value = client
        .get(app.url(&format!("/api/v1/search?lang=cy&q={word}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["id"] == "review-time-limit")
}

#[tokio::test]
async fn an_editor_changes_the_welsh_and_another_publishes_it_with_plain_forms() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let admin = app.signed_in(Role::Admin).await;
    let adviser = app.signed_in(Role::Adviser).await;
    let item = format!("/console/editor/item?path={CY}&lang=cy");

    // Advisers do not edit.
    assert_eq!(get(&adviser, &app, &item).await.0, 403);

    let (status, page) = get(&editor, &app, &item).await;
    assert_eq!(status, 200);
    // Welsh and English side by side, each in its own language.
    let (cy_at, en_at) = (page.find(CY).unwrap(), page.find(EN).unwrap());
    assert!(cy_at < en_at, "Welsh first");
    assert!(page.contains("lang=\"cy\" data-preview") && page.contains("lang=\"en\" data-preview"));
    assert!(
        unescape(&page).contains("Cadw'r drafft"),
        "the interface is in Welsh"
    );
    let csrf = TestApp::csrf_in(&page);
    let base = hidden(&page, CY, "base");
    let body = textarea(&page, CY, "body");
    assert!(body.contains("28 diwrnod"));
    let changed = format!("{body}\nMae'r cyfrif yn un tangnefeddus a chlir.\n");

    let (status, location, _) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &csrf),
            ("path", CY),
            ("version", "0"),
            ("base", &base),
            ("body", &changed),
            ("action", "submit"),
        ],
    )
    .await;
    assert_eq!(status, 303, "saved and sent for review");
    assert!(location.contains("done=submitted"), "{location}");

    // The author may not approve it: the page says so.
    let (_, page) = get(&editor, &app, &item).await;
    assert!(page.contains("Yn cael ei adolygu"));
    assert!(unescape(&page).contains("Chi ysgrifennodd y newid hwn"));
    let version = hidden(&page, CY, "version");
    let (status, _, page) = post(
        &editor,
        &app,
        "/console/editor/publish",
        &[("csrf", &csrf), ("path", CY), ("version", &version)],
    )
    .await;
    assert_eq!(status, 403);
    assert!(page.contains("role=\"alert\""));

    // The admin approves; publishing leaves the English out of date, so
    // it asks first.
    let (_, page) = get(&admin, &app, &item).await;
    let admin_csrf = TestApp::csrf_in(&page);
    let (status, _, page) = post(
        &admin,
        &app,
        "/console/editor/publish",
        &[("csrf", &admin_csrf), ("path", CY), ("version", &version)],
    )
    .await;
    assert_eq!(status, 409);
    assert!(page.contains("name=\"confirm_stale\""), "asks to confirm");
    assert!(page.contains(EN));
    assert!(!searchable(&admin, &app, "tangnefeddus").await);
    let (status, location, _) = post(
        &admin,
        &app,
        "/console/editor/publish",
        &[
            ("csrf", &admin_csrf),
            ("path", CY),
            ("version", &version),
            ("confirm_stale", "1"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.contains("done=published"), "{location}");
    // Found by the next search, without a restart.
    assert!(searchable(&adviser, &app, "tangnefeddus").await);

    // The English is flagged on the item, in the list and on the health
    // page; the confirmation went into the audit.
    let (_, page) = get(&editor, &app, &item).await;
    assert!(
        unescape(&page).contains("Mae'r fersiwn Gymraeg wedi newid"),
        "stale note"
    );
    let (_, list) = get(&editor, &app, "/console/editor?translation=1&lang=cy").await;
    assert!(list.contains(EN));
    assert!(!list.contains("articles/how-to-complain.en.md"));
    let (_, health) = get(&editor, &app, "/console/editor/health?lang=en").await;
    assert!(health.contains(EN));
    assert_eq!(get(&editor, &app, "/console/editor/audit").await.0, 403);
    let (status, audit) = get(&admin, &app, &format!("/console/editor/audit?item={CY}")).await;
    assert_eq!(status, 200);
    assert!(audit.contains("content.publish") && audit.contains("content.submit"));
    assert!(audit.contains("confirmed"));

    // History and the difference, by words.
    let (_, history) = get(&editor, &app, &format!("/console/editor/history?path={CY}")).await;
    assert!(history.contains("editor-user"));
    let (status, diff) = get(
        &editor,
        &app,
        &format!(
            "/console/editor/diff?path={CY}&from={base}&to={}",
            base.parse::<i64>().unwrap() + 1
        ),
    )
    .await;
    assert_eq!(status, 200);
    assert!(diff.contains("<ins>"), "{diff}");
    assert!(diff.contains("tangnefeddus"));
}

#[tokio::test]
async fn a_stale_copy_gets_the_conflict_page_and_loses_nothing() {
    let app = TestApp::spawn().await;
    let ann = app.signed_in(Role::Editor).await;
    let admin = app.signed_in(Role::Admin).await;
    let item = format!("/console/editor/item?path={EN}&lang=en");
    let (_, page) = get(&ann, &app, &item).await;
    let (_, admin_page) = get(&admin, &app, &item).await;
    let base = hidden(&page, EN, "base");
    let body = textarea(&page, EN, "body");
    let save = |client: &reqwest::Client, csrf: String, text: String| {
        let base = base.clone();
        let client = client.clone();
        let url = app.url("/console/editor/save");
        async move {
            let r = client
                .post(url)
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("path", EN),
                    ("version", "0"),
                    ("base", base.as_str()),
                    ("body", text.as_str()),
                    ("action", "save"),
                ])
                .send()
                .await
                .unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let (status, _) = save(
        &admin,
        TestApp::csrf_in(&admin_page),
        format!("{body}\nAdmin's line.\n"),
    )
    .await;
    assert_eq!(status, 303);
    let mine = format!("{body}\nAnn's careful new paragraph.\n");
    let (status, page) = save(&ann, TestApp::csrf_in(&page), mine.clone()).await;
    assert_eq!(status, 409);
    assert!(page.contains("Someone else changed this"), "{page}");
    // Ann's whole text is on the page, ready to save over theirs.
    let at = page.find("name=\"raw\"").unwrap();
    let start = at + page[at..].find('>').unwrap() + 1;
    let end = start + page[start..].find("</textarea>").unwrap();
    assert!(unescape(&page[start..end]).contains("Ann's careful new paragraph."));
    // And the difference from theirs shows what she would change.
    assert!(page.contains("<del>") || page.contains("<ins>"));
    // Saving hers over theirs names the version she has now seen.
    let version = hidden(&page, EN, "version");
    let r = ann
        .post(app.url("/console/editor/save"))
        .form(&[
            ("csrf", TestApp::csrf_in(&page).as_str()),
            ("path", EN),
            ("version", version.as_str()),
            ("base", base.as_str()),
            ("raw", mine.as_str()),
            ("action", "save"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let draft = app.state.store.draft(EN).await.unwrap().unwrap();
    assert!(draft.body.unwrap().contains("Ann's careful"));
    assert_eq!(draft.authors, ["admin", "editor-user"]);
}

#[tokio::test]
async fn structured_content_is_a_form_and_a_bad_value_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    const PATH: &str = "agencies/samaritans.toml";
    let (status, page) = get(
        &editor,
        &app,
        &format!("/console/editor/item?path={PATH}&lang=en"),
    )
    .await;
    assert_eq!(status, 200);
    // Each Welsh value beside its English one; no raw TOML box.
    assert!(page.contains("name=\"f:name.cy\"") && page.contains("name=\"f:name.en\""));
    assert!(page.contains("name=\"f:contact.phone\""));
    // Enter in a field saves: the form's first button is "save", ahead of
    // any "add" or "remove".
    let form_at = page.find("action=\"/console/editor/save\"").unwrap();
    let first_button = form_at + page[form_at..].find("<button").unwrap();
    assert!(
        page[first_button..].starts_with("<button type=\"submit\" name=\"action\" value=\"save\"")
    );
    // Who may read it is a choice, not typed.
    assert!(page.contains("<select id=\"f-audience\" name=\"f:audience\""));
    assert!(!page.contains("name=\"raw\""));
    let csrf = TestApp::csrf_in(&page);
    let base = hidden(&page, PATH, "base");
    let original = app
        .state
        .store
        .content_file(PATH)
        .await
        .unwrap()
        .unwrap()
        .0
        .text;

    // A date that is not one: refused next to the field, nothing saved,
    // everything typed still there.
    let (status, _, page) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &csrf),
            ("path", PATH),
            ("version", "0"),
            ("base", &base),
            ("f:verified", "next Tuesday"),
            ("f:description.en", "Typed with care."),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(page.contains("aria-invalid=\"true\""));
    assert!(page.contains("Enter a date as YYYY-MM-DD"));
    assert!(page.contains("next Tuesday") && page.contains("Typed with care."));
    assert!(app.state.store.draft(PATH).await.unwrap().is_none());

    // A good change: only that value moves, the rest of the file stays
    // as it was written.
    let (status, _, _) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &csrf),
            ("path", PATH),
            ("version", "0"),
            ("base", &base),
            ("f:hours.en", "Open all day, every day"),
            ("f:name.cy", "Y Samariaid <script>alert(1)</script>"),
            ("action", "save"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let draft = app.state.store.draft(PATH).await.unwrap().unwrap();
    let text = draft.body.unwrap();
    let t: toml::Table = text.parse().unwrap();
    assert_eq!(t["hours"]["en"].as_str(), Some("Open all day, every day"));
    let changed: Vec<_> = text.lines().filter(|l| !original.contains(l)).collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    // Shown back escaped, never run.
    let (_, page) = get(&editor, &app, &format!("/console/editor/item?path={PATH}")).await;
    assert!(!page.contains("<script>alert(1)"));
    // The live preview is sanitised by the same renderer.
    let r = editor
        .post(app.url("/console/editor/preview"))
        .header("x-csrf-token", csrf.as_str())
        .form(&[
            ("body", "## Pennawd\n\n<script>alert(1)</script><b>trwm</b>"),
            ("lang", "cy"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("Pennawd") && html.contains("<b>trwm</b>"));
    assert!(!html.contains("<script"));
}

#[tokio::test]
async fn a_search_nobody_could_answer_starts_a_new_article() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let adviser = app.signed_in(Role::Adviser).await;
    // A console search that finds nothing is counted, scrubbed.
    let (status, results) = get(&adviser, &app, "/console?q=zzyzx+quux+07700900123&lang=en").await;
    assert_eq!(status, 200);
    assert!(results.contains("Nothing found"), "{results}");
    let (_, health) = get(&editor, &app, "/console/editor/health?lang=en").await;
    assert!(health.contains("zzyzx quux"), "{health}");
    assert!(unescape(&health).contains("/console/editor/new?kind=articles&keywords=zzyzx+quux"));
    let (status, form) = get(
        &editor,
        &app,
        "/console/editor/new?kind=articles&keywords=zzyzx+quux",
    )
    .await;
    assert_eq!(status, 200);
    assert!(form.contains("zzyzx quux"));
    let csrf = TestApp::csrf_in(&form);
    let (status, location, _) = post(
        &editor,
        &app,
        "/console/editor/new",
        &[
            ("csrf", &csrf),
            ("kind", "articles"),
            ("id", "zzyzx-quux"),
            ("keywords", "zzyzx quux"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{location}");
    for lang in ["cy", "en"] {
        let d = app
            .state
            .store
            .draft(&format!("articles/zzyzx-quux.{lang}.md"))
            .await
            .unwrap()
            .expect("a draft per language");
        let body = d.body.unwrap();
        assert!(body.contains("id = \"zzyzx-quux\""), "{body}");
        assert!(body.contains("audience = \"internal\""));
        assert!(body.contains("keywords = [\"zzyzx quux\"]"), "{body}");
    }
    // The same id twice is refused, with the form again.
    let (status, _, page) = post(
        &editor,
        &app,
        "/console/editor/new",
        &[("csrf", &csrf), ("kind", "articles"), ("id", "zzyzx-quux")],
    )
    .await;
    assert_eq!(status, 409);
    assert!(page.contains("zzyzx-quux"));
    // Path tricks are not ids.
    let (status, _, _) = post(
        &editor,
        &app,
        "/console/editor/new",
        &[("csrf", &csrf), ("kind", "articles"), ("id", "../../etc")],
    )
    .await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn problems_are_shown_next_to_their_field_and_stop_the_review() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    let item = format!("/console/editor/item?path={EN}&lang=en");
    let (_, page) = get(&editor, &app, &item).await;
    let csrf = TestApp::csrf_in(&page);
    let base = hidden(&page, EN, "base");
    let body = textarea(&page, EN, "body");
    let (status, _, page) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &csrf),
            ("path", EN),
            ("version", "0"),
            ("base", &base),
            ("f:related", "complaint-reviews\nno-such-article"),
            ("body", &format!("{body}\nSee [[article:nor-this-one]].\n")),
            ("action", "submit"),
        ],
    )
    .await;
    assert_eq!(status, 422, "not sent for review");
    let page = unescape(&page);
    // The unknown id is reported at the field that names it…
    let field = page.find("id=\"f-en-related\"").expect("the related field");
    let error = page
        .find("id=\"f-en-related-error\"")
        .expect("an error at the field");
    assert!(
        error < field && field - error < 600,
        "next to it: {}",
        &page[error.min(field)..error.max(field)]
    );
    assert!(page[error..field].contains("no-such-article"));
    assert!(page[field..].contains("aria-errormessage=\"f-en-related-error\""));
    // Each side's fields have their own ids.
    assert!(page.contains("id=\"f-cy-related\""));
    // …and the broken reference in the text next to the text.
    let en = page.find("data-lang=\"en\"").unwrap();
    let text = en + page[en..].find("name=\"body\"").unwrap();
    let hint = page[..text].rfind("class=\"hint\"").unwrap();
    assert!(
        page[hint..text].contains("nor-this-one"),
        "{}",
        &page[hint..text]
    );
    // Saved as a draft all the same: nothing typed is lost.
    let draft = app.state.store.draft(EN).await.unwrap().unwrap();
    assert_eq!(draft.state, canllaw::store::DraftState::Draft);
    assert!(draft.body.unwrap().contains("nor-this-one"));
    // An editor working in Welsh reads the same problems in Welsh.
    let (_, page) = get(&editor, &app, &format!("{item}&lang=cy")).await;
    let (status, _, page) = post(
        &editor,
        &app,
        "/console/editor/save?lang=cy",
        &[
            ("csrf", &TestApp::csrf_in(&page)),
            ("path", EN),
            ("version", &draft.version.to_string()),
            ("base", &base),
            ("f:related", "complaint-reviews\nno-such-article"),
            ("body", &format!("{body}\nSee [[article:nor-this-one]].\n")),
            ("action", "submit"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    let page = unescape(&page);
    assert!(
        page.contains("yn cyfeirio at erthygl nad yw'n bodoli: “no-such-article”"),
        "{page}"
    );
    assert!(!page.contains("does not exist"));
}

#[tokio::test]
async fn entries_of_a_list_are_added_and_removed_in_the_form() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    const PATH: &str = "flows/can-i-ask-for-a-review.toml";
    let (_, page) = get(
        &editor,
        &app,
        &format!("/console/editor/item?path={PATH}&lang=en"),
    )
    .await;
    assert!(page.contains("value=\"remove:questions[2]\""));
    let questions = |text: &str| {
        let t: toml::Table = text.parse().unwrap();
        t["questions"].as_array().unwrap().len()
    };
    let original = app
        .state
        .store
        .content_file(PATH)
        .await
        .unwrap()
        .unwrap()
        .0
        .text;
    let csrf = TestApp::csrf_in(&page);
    let base = hidden(&page, PATH, "base");
    let (status, _, _) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &csrf),
            ("path", PATH),
            ("version", "0"),
            ("base", &base),
            ("f:title.en", "Can I ask for a review of my complaint?"),
            ("action", "add:questions"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let draft = app.state.store.draft(PATH).await.unwrap().unwrap();
    let grown = draft.body.unwrap();
    assert_eq!(questions(&grown), questions(&original) + 1);
    assert!(
        grown.contains("Can I ask for a review of my complaint?"),
        "typed text kept"
    );
    let last = format!("remove:questions[{}]", questions(&grown));
    let (status, _, _) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &csrf),
            ("path", PATH),
            ("version", &draft.version.to_string()),
            ("base", &base),
            ("action", &last),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let back = app
        .state
        .store
        .draft(PATH)
        .await
        .unwrap()
        .unwrap()
        .body
        .unwrap();
    assert_eq!(questions(&back), questions(&original));
}

/// The first result link in a results list (console or public).
fn first_result(html: &str, marker: &str) -> String {
    let at = html.find(marker).expect("a results list");
    let from = at + html[at..].find("<a href=\"").unwrap() + "<a href=\"".len();
    unescape(&html[from..from + html[from..].find('"').unwrap()])
}

#[tokio::test]
async fn searches_people_give_up_on_are_listed_apart_from_those_they_follow() {
    let app = TestApp::spawn().await;
    let adviser = app.signed_in(Role::Adviser).await;
    let editor = app.signed_in(Role::Editor).await;
    let store = &app.state.store;
    let left = |list: Vec<canllaw::store::Unanswered>, q: &str, audience: &str| {
        list.iter()
            .find(|u| u.query == q && u.audience == audience)
            .map(|u| u.count)
    };
    // Each keystroke's results are not counted…
    let typed = "/console/search/results?q=review+time+limit&qlang=en";
    let (status, results) = get(&adviser, &app, typed).await;
    assert_eq!(status, 200);
    assert_eq!(store.abandoned(50).await.unwrap(), vec![]);
    // …only a search the adviser stopped at: shown, and nothing opened yet.
    let (_, results_again) = get(&adviser, &app, &format!("{typed}&settled=1")).await;
    assert_eq!(results, results_again, "the same results");
    let abandoned = store.abandoned(50).await.unwrap();
    assert_eq!(left(abandoned, "review time limit", "internal"), Some(1));
    // Opening a result from it counts it as followed.
    let href = first_result(&results, "id=\"hits\"");
    assert!(href.contains("sq=review+time+limit&sl=en"), "{href}");
    // Someone signed out following the link does not count.
    let stranger = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let (status, _) = get(&stranger, &app, &href).await;
    assert_ne!(status, 200);
    assert_eq!(store.abandoned(50).await.unwrap().len(), 1);
    let (status, _) = get(&adviser, &app, &href).await;
    assert_eq!(status, 200);
    assert_eq!(store.abandoned(50).await.unwrap(), vec![]);

    // On the public site a submitted search counts, scrubbed of the
    // reader's phone number.
    let reader = reqwest::Client::new();
    let (status, page) = get(
        &reader,
        &app,
        "/cy/chwilio?q=cwyno+am+yr+heddlu+07700900123",
    )
    .await;
    assert_eq!(status, 200);
    let abandoned = store.abandoned(50).await.unwrap();
    assert_eq!(left(abandoned, "cwyno am yr heddlu", "public"), Some(1));
    let (_, health) = get(&editor, &app, "/console/editor/health?lang=cy").await;
    let gave_up = health
        .find("id=\"h-abandoned\"")
        .expect("the section of searches given up on");
    assert!(health[gave_up..].contains("cwyno am yr heddlu"), "{health}");
    assert!(!health.contains("07700900123"));
    assert!(
        unescape(&health[gave_up..])
            .contains("/console/editor/new?kind=articles&keywords=cwyno+am+yr+heddlu")
    );
    let href = first_result(&page, "id=\"results\"");
    let (status, _) = get(&reader, &app, &href).await;
    assert_eq!(status, 200, "{href}");
    assert_eq!(store.abandoned(50).await.unwrap(), vec![]);
}

#[tokio::test]
async fn a_detail_other_items_of_the_kind_have_can_be_added_and_removed() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    const PATH: &str = "agencies/age-cymru.toml";
    let item = format!("/console/editor/item?path={PATH}&lang=en");
    let (_, page) = get(&editor, &app, &item).await;
    // Age Cymru gives no opening hours; other agencies do.
    assert!(!page.contains("name=\"f:hours.en\""));
    let select = page.find("name=\"add_key\"").expect("keys to add");
    assert!(
        page[select..].contains("<option value=\"hours\">"),
        "{page}"
    );
    assert!(
        !page[select..].contains("<option value=\"name\">"),
        "every agency has one"
    );
    let (status, location, _) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &TestApp::csrf_in(&page)),
            ("path", PATH),
            ("version", "0"),
            ("base", &hidden(&page, PATH, "base")),
            ("add_key", "hours"),
            ("action", "add-key"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{location}");
    let (_, page) = get(&editor, &app, &item).await;
    assert!(page.contains("name=\"f:hours.cy\"") && page.contains("name=\"f:hours.en\""));
    // Filled in like any other field, and checked like any other: sent for
    // review, so it passed.
    let draft = app.state.store.draft(PATH).await.unwrap().unwrap();
    let (status, location, _) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &TestApp::csrf_in(&page)),
            ("path", PATH),
            ("version", &draft.version.to_string()),
            ("base", &hidden(&page, PATH, "base")),
            ("f:hours.cy", "Llun i Wener, 8am i 7pm"),
            ("f:hours.en", "Monday to Friday, 8am to 7pm"),
            ("action", "submit"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{location}");
    let text = app
        .state
        .store
        .draft(PATH)
        .await
        .unwrap()
        .unwrap()
        .body
        .unwrap();
    assert!(text.contains("Monday to Friday, 8am to 7pm"), "{text}");
    // And an optional key can go again (a required one offers no button).
    let (_, page) = get(&editor, &app, &item).await;
    assert!(page.contains("value=\"remove-key:hours\""));
    assert!(!page.contains("value=\"remove-key:name\""));
    assert!(!page.contains("value=\"remove-key:id\""));
}

#[tokio::test]
async fn a_letter_template_is_edited_as_the_letter_reads() {
    let app = TestApp::spawn().await;
    let editor = app.signed_in(Role::Editor).await;
    const PATH: &str = "templates/complaint-acknowledgement.cy.ftl";
    let item = format!("/console/editor/item?path={PATH}&lang=cy");
    let (status, page) = get(&editor, &app, &item).await;
    assert_eq!(status, 200);
    // A field per message, the body without Fluent's indentation, and the
    // details a letter can use; no box of Fluent source.
    assert!(page.contains("name=\"m:subject\""));
    let body = textarea(&page, PATH, "m:body");
    assert!(
        body.starts_with("{ $recipient_name }\n{ $recipient_address }\n"),
        "{body}"
    );
    assert!(!body.contains("\n    "), "{body}");
    assert!(!page.contains("name=\"raw\""));
    assert!(page.contains("<code>{ $reference }</code>"));
    // The editor adds a sentence; the file keeps its comments and Fluent
    // form, and passes the checks.
    let edited = body.replace(
        "Yn gywir",
        "Mae croeso i chi ysgrifennu aton ni yn Gymraeg.\n\nYn gywir",
    );
    let (status, location, _) = post(
        &editor,
        &app,
        "/console/editor/save",
        &[
            ("csrf", &TestApp::csrf_in(&page)),
            ("path", PATH),
            ("version", "0"),
            ("base", &hidden(&page, PATH, "base")),
            ("m:subject", &unescape(&hidden(&page, PATH, "m:subject"))),
            ("m:body", &edited.replace('\n', "\r\n")),
            ("action", "submit"),
        ],
    )
    .await;
    assert_eq!(status, 303, "{location}");
    let text = app
        .state
        .store
        .draft(PATH)
        .await
        .unwrap()
        .unwrap()
        .body
        .unwrap();
    assert!(text.starts_with("# "), "comments kept: {text}");
    assert!(
        text.contains("\n    Mae croeso i chi ysgrifennu aton ni yn Gymraeg.\n\n    Yn gywir\n"),
        "{text}"
    );
    let published = app
        .state
        .store
        .content_file(PATH)
        .await
        .unwrap()
        .unwrap()
        .0
        .text;
    let unchanged = |t: &str| t[..t.find("body =").unwrap()].to_string();
    assert_eq!(
        unchanged(&text),
        unchanged(&published),
        "the subject as it was"
    );
}
