//! Contacts through the JSON API: a whole contact in Welsh with the deaf
//! caller, records, restrictions, conflicts and bad input.

mod common;

use canllaw::auth::Role;
use common::TestApp;
use serde_json::{Value, json};

struct Adviser {
    client: reqwest::Client,
    csrf: String,
}

impl Adviser {
    async fn new(app: &TestApp, role: Role) -> Self {
        let client = app.signed_in(role).await;
        let csrf = app.csrf_of(&client).await;
        Adviser { client, csrf }
    }

    async fn send(&self, app: &TestApp, method: &str, path: &str, body: Value) -> (u16, Value) {
        let req = match method {
            "POST" => self.client.post(app.url(path)),
            "PATCH" => self.client.patch(app.url(path)),
            _ => self.client.get(app.url(path)),
        };
        let r = req
            .header("x-csrf-token", &self.csrf)
            .header("accept-language", "cy")
            .json(&body)
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        (status, r.json().await.unwrap_or(Value::Null))
    }
}

fn letter_values() -> Value {
    json!({
        "recipient_name": "Ceri Jones",
        "recipient_address": "1 Stryd y Bont, Casnewydd",
        "today": "2026-11-23",
        "reference": "CC-2026-0042",
        "force_name": "Heddlu Gwent",
        "local_policing_body": "Comisiynydd Heddlu a Throseddu Gwent",
        "complaint_date": "2026-11-23",
        "reply_date": "2026-12-21",
        "adviser_name": "Eleri",
        "contact_phone": "0300 020 0096",
        "format_note": "Rydyn ni'n anfon y llythyr hwn mewn print bras.",
    })
}

#[tokio::test]
async fn a_deaf_caller_complains_about_heddlu_gwent_in_welsh() {
    let app = TestApp::spawn().await;
    let a = Adviser::new(&app, Role::Adviser).await;

    // Start: channel, caller type, caller's language.
    let (s, c) = a
        .send(
            &app,
            "POST",
            "/api/v1/contacts",
            json!({"channel": "phone", "caller_type": "public", "caller_lang": "cy"}),
        )
        .await;
    assert_eq!(s, 201, "{c}");
    let id = c["id"].as_i64().unwrap();
    assert_eq!(c["stage"], "greeting");
    assert!(
        !c["stage_scripts"].as_array().unwrap().is_empty(),
        "greeting script"
    );
    assert_eq!(c["checklist"].as_array().unwrap().len(), 10);

    // The conversation.
    let (s, t1) = a
        .send(
            &app,
            "POST",
            &format!("/api/v1/contacts/{id}/turns"),
            json!({"text": "Dw i'n fyddar, dw i'n ffonio drwy Relay UK"}),
        )
        .await;
    assert_eq!(s, 200, "{t1}");
    let (_, t2) = a
        .send(
            &app,
            "POST",
            &format!("/api/v1/contacts/{id}/turns"),
            json!({"text": "Dw i eisiau gwneud cwyn am swyddog o Heddlu Gwent"}),
        )
        .await;
    let advice = &t2["advice"];
    let ids = |key: &str| -> Vec<String> {
        advice[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(ids("intents").contains(&"complaint".to_string()));
    assert!(ids("adjustments").contains(&"deaf-or-hard-of-hearing".to_string()));
    assert!(ids("agencies").contains(&"relay-uk".to_string()));
    let version = t2["version"].as_i64().unwrap();

    // Confirm the adjustment, record the referral, move on a stage.
    let (s, c) = a
        .send(
            &app,
            "PATCH",
            &format!("/api/v1/contacts/{id}"),
            json!({
                "version": version,
                "stage": "next-steps",
                "stages_done": ["greeting", "identify", "listen", "advise"],
                "caller": {"name": "Ceri Jones"},
                "adjustments": [{"id": "deaf-or-hard-of-hearing", "confirmed": true}],
                "referrals": ["relay-uk"]
            }),
        )
        .await;
    assert_eq!(s, 200, "{c}");
    let version = c["version"].as_i64().unwrap();

    // The force is found by its Welsh name; its details fill the letter.
    let (_, forces) = a
        .send(&app, "GET", "/api/v1/forces?q=heddlu%20gwent", json!(null))
        .await;
    assert_eq!(forces[0]["id"], "gwent-police");

    // Preview the acknowledgement letter in Welsh, then save it.
    let (s, preview) = a
        .send(
            &app,
            "POST",
            &format!("/api/v1/contacts/{id}/letters"),
            json!({"template": "complaint-acknowledgement", "values": letter_values()}),
        )
        .await;
    assert_eq!(s, 200, "{preview}");
    assert_eq!(preview["lang"], "cy");
    assert!(preview["body"].as_str().unwrap().contains("Ceri Jones"));
    // Dates entered as dates are written out in the letter's language.
    assert!(
        preview["body"]
            .as_str()
            .unwrap()
            .contains("23 Tachwedd 2026")
    );
    let (s, _) = a
        .send(&app, "POST", &format!("/api/v1/contacts/{id}/letters"), json!({"template": "complaint-acknowledgement", "values": letter_values(), "save": true, "version": version}))
        .await;
    assert_eq!(s, 200);

    // Close with the outcome, an action and satisfaction answers.
    let (_, current) = a
        .send(&app, "GET", &format!("/api/v1/contacts/{id}"), json!(null))
        .await;
    let (s, closed) = a
        .send(
            &app,
            "POST",
            &format!("/api/v1/contacts/{id}/end"),
            json!({
                "version": current["version"],
                "outcome": "referred",
                "actions": [{"description": "Anfon y llythyr mewn print bras", "owner": "Eleri", "due": "2026-11-25"}],
                "satisfaction": [{"question": "q1", "score": 5}, {"question": "q5", "comment": "Diolch"}]
            }),
        )
        .await;
    assert_eq!(s, 200, "{closed}");
    assert_eq!(closed["outcome"], "referred");
    assert!(closed["ended_at"].is_string());
    assert_eq!(closed["letters"].as_array().unwrap().len(), 1);
    assert_eq!(closed["adjustments"][0]["confirmed"], true);
    assert_eq!(closed["referrals"][0], "relay-uk");

    // A closed contact takes no more turns.
    let (s, e) = a
        .send(
            &app,
            "POST",
            &format!("/api/v1/contacts/{id}/turns"),
            json!({"text": "un peth arall"}),
        )
        .await;
    assert_eq!(s, 409);
    assert_eq!(e["error"]["code"], "conflict");
}

#[tokio::test]
async fn records_are_private_and_report_line_ones_restricted() {
    let app = TestApp::spawn().await;
    let owner = Adviser::new(&app, Role::Adviser).await;
    let other = Adviser::new(&app, Role::Editor).await;
    let manager = Adviser::new(&app, Role::Manager).await;
    let admin = Adviser::new(&app, Role::Admin).await;

    let (_, c) = owner
        .send(
            &app,
            "POST",
            "/api/v1/contacts",
            json!({"channel": "email", "caller_type": "public", "caller_lang": "en"}),
        )
        .await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/contacts/{id}");
    assert_eq!(other.send(&app, "GET", &path, json!(null)).await.0, 404);
    // Another adviser neither sees nor changes it.
    app.add_user("second-adviser", Role::Adviser).await;
    let client = TestApp::client();
    let r = app
        .login(&client, "second-adviser", common::USER_PASSWORD)
        .await;
    assert_eq!(r.status(), 303);
    let peer = Adviser {
        csrf: app.csrf_of(&client).await,
        client,
    };
    assert_eq!(peer.send(&app, "GET", &path, json!(null)).await.0, 404);
    assert_eq!(
        peer.send(
            &app,
            "POST",
            &format!("{path}/turns"),
            json!({"text": "hello"})
        )
        .await
        .0,
        404
    );
    assert_eq!(manager.send(&app, "GET", &path, json!(null)).await.0, 200);
    assert_eq!(admin.send(&app, "GET", &path, json!(null)).await.0, 200);
    // Only the handling adviser may change it.
    let (s, _) = manager
        .send(
            &app,
            "POST",
            &format!("{path}/turns"),
            json!({"text": "hello"}),
        )
        .await;
    assert_eq!(s, 403);

    // A Report Line call becomes restricted once the assistant hears it.
    let (s, t) = owner
        .send(
            &app,
            "POST",
            &format!("{path}/turns"),
            json!({"text": "I'm a serving officer and want to use the Report Line"}),
        )
        .await;
    assert_eq!(s, 200);
    assert_eq!(t["restricted"], true);
    assert_eq!(admin.send(&app, "GET", &path, json!(null)).await.0, 404);
    assert_eq!(manager.send(&app, "GET", &path, json!(null)).await.0, 200);
    assert_eq!(owner.send(&app, "GET", &path, json!(null)).await.0, 200);

    // Without the CSRF header, nothing changes.
    let r = owner
        .client
        .post(app.url(&format!("{path}/turns")))
        .json(&json!({"text": "hello"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn stale_versions_and_bad_input_are_refused_clearly() {
    let app = TestApp::spawn().await;
    let a = Adviser::new(&app, Role::Adviser).await;
    let (_, c) = a
        .send(
            &app,
            "POST",
            "/api/v1/contacts",
            json!({"channel": "letter", "caller_type": "solicitor", "caller_lang": "en"}),
        )
        .await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/contacts/{id}");
    let v = c["version"].as_i64().unwrap();
    assert_eq!(
        a.send(
            &app,
            "PATCH",
            &path,
            json!({"version": v, "stage": "identify"})
        )
        .await
        .0,
        200
    );
    // The same version again: someone else's change would be lost.
    let (s, e) = a
        .send(
            &app,
            "PATCH",
            &path,
            json!({"version": v, "stage": "listen"}),
        )
        .await;
    assert_eq!(s, 409);
    assert_eq!(e["error"]["code"], "conflict");
    assert!(
        e["error"]["message"].as_str().unwrap().contains("cofnod"),
        "message in Welsh: {e}"
    );

    // Unknown ids in the record.
    let (s, _) = a
        .send(
            &app,
            "PATCH",
            &path,
            json!({"version": v + 1, "referrals": ["no-such-agency"]}),
        )
        .await;
    assert_eq!(s, 400);
    // Malformed body and unknown enum values.
    let (s, _) = a
        .send(
            &app,
            "POST",
            "/api/v1/contacts",
            json!({"channel": "pigeon", "caller_type": "public", "caller_lang": "cy"}),
        )
        .await;
    assert!(s == 400 || s == 422, "{s}");
    // Oversize turn.
    let (s, _) = a
        .send(
            &app,
            "POST",
            &format!("{path}/turns"),
            json!({"text": "x".repeat(2_001)}),
        )
        .await;
    assert_eq!(s, 400);
    // A non-numeric id.
    assert_eq!(
        a.send(&app, "GET", "/api/v1/contacts/abc", json!(null))
            .await
            .0,
        400
    );

    // Review timing: 35 days after the outcome; and dates the wrong way round.
    let (s, t) = a
        .send(&app, "POST", &format!("{path}/review-timing"), json!({"outcome_date": "2026-03-03", "received_date": "2026-04-07", "reasons": "I was in hospital"}))
        .await;
    assert_eq!(s, 200, "{t}");
    assert_eq!(t["in_time"], false);
    assert_eq!(t["days_late"], 7);
    assert_eq!(t["reasons"][0]["id"], "illness");
    let (s, e) = a
        .send(
            &app,
            "POST",
            &format!("{path}/review-timing"),
            json!({"outcome_date": "2026-03-03", "received_date": "2026-03-01"}),
        )
        .await;
    assert_eq!(s, 422);
    assert_eq!(e["error"]["code"], "request-before-outcome");
    // A date too far away to count with: one answer in the API and on the
    // letter page.
    let far = "+262142-12-31";
    let (s, e) = a
        .send(
            &app,
            "POST",
            &format!("{path}/review-timing"),
            json!({"outcome_date": far, "received_date": far}),
        )
        .await;
    assert_eq!(s, 422, "{e}");
    assert_eq!(e["error"]["code"], "date-out-of-range");
    let page = a
        .client
        .get(app.url(&format!("/console/contacts/{id}/letter")))
        .query(&[("outcome_date", far), ("request_date", far)])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 422);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("rhy bell i ffwrdd"),
        "in the adviser's Welsh: {html}"
    );
    // The same for dates the wrong way round on the letter page.
    let page = a
        .client
        .get(app.url(&format!("/console/contacts/{id}/letter")))
        .query(&[
            ("outcome_date", "2026-03-03"),
            ("request_date", "2026-03-01"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 422);

    // A letter with variables missing names them.
    let (s, e) = a
        .send(&app, "POST", &format!("{path}/letters"), json!({"template": "out-of-time-review-not-accepted", "lang": "en", "values": {"reference": "X"}}))
        .await;
    assert_eq!(s, 422);
    assert_eq!(e["error"]["code"], "letter-incomplete");
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("days_late")
    );
    // Dates are entered as dates: anything else is refused, never printed.
    let (s, e) = a
        .send(&app, "POST", &format!("{path}/letters"), json!({"template": "complaint-acknowledgement", "lang": "en", "values": {"complaint_date": "last Tuesday"}}))
        .await;
    assert_eq!(s, 400, "{e}");
    assert_eq!(e["error"]["code"], "bad-parameter");
    // On the letter page: nothing is an error before the adviser asks for a
    // preview; labels are words; the review dates only where used; a date
    // that is not one is pointed out next to its field.
    let letter = |query: &'static [(&'static str, &'static str)]| {
        let (client, url) = (
            a.client.clone(),
            app.url(&format!("/console/contacts/{id}/letter")),
        );
        async move {
            let r = client.get(url).query(query).send().await.unwrap();
            r.text().await.unwrap()
        }
    };
    let first = letter(&[("template", "complaint-acknowledgement"), ("lang", "en")]).await;
    assert!(
        !first.contains("id=\"letter-missing\""),
        "no error before anything is done"
    );
    assert!(!first.contains("(recipient_address)") && !first.contains(">recipient_address<"));
    assert!(
        !first.contains("id=\"outcome_date\""),
        "no review dates on an acknowledgement"
    );
    let late = letter(&[
        ("template", "out-of-time-review-not-accepted"),
        ("lang", "en"),
    ])
    .await;
    assert!(
        late.contains("id=\"outcome_date\""),
        "review dates where the letter uses them"
    );
    let asked = letter(&[
        ("template", "complaint-acknowledgement"),
        ("lang", "en"),
        ("v_complaint_date", "last Tuesday"),
        ("preview", "1"),
    ])
    .await;
    assert!(asked.contains("id=\"v_complaint_date-error\""), "{asked}");
    assert!(asked.contains("id=\"letter-missing\""));
    assert!(
        !asked.contains("id=\"save-letter\""),
        "no letter with a date that is not one"
    );

    // Follow-up without an action says who does what by when: refused.
    let (_, cur) = a.send(&app, "GET", &path, json!(null)).await;
    let (s, _) = a
        .send(
            &app,
            "POST",
            &format!("{path}/end"),
            json!({"version": cur["version"], "outcome": "follow-up"}),
        )
        .await;
    assert_eq!(s, 400);
}

#[tokio::test]
async fn the_force_heard_can_be_corrected_and_the_summary_is_bounded() {
    let app = TestApp::spawn().await;
    let a = Adviser::new(&app, Role::Adviser).await;
    let (_, c) = a
        .send(
            &app,
            "POST",
            "/api/v1/contacts",
            json!({"channel": "phone", "caller_type": "public", "caller_lang": "cy"}),
        )
        .await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/contacts/{id}");
    // Heard in the conversation; the record stores the force's id, never
    // the words.
    let (s, _) = a
        .send(
            &app,
            "POST",
            &format!("{path}/turns"),
            json!({"text": "Roedd plismon yng Nghasnewydd yn anghwrtais"}),
        )
        .await;
    assert_eq!(s, 200);
    let (_, r) = a.send(&app, "GET", &path, json!(null)).await;
    assert_eq!(r["conversation"]["force"], "gwent-police");
    // Not the town, in any form: it could say where the caller lives.
    assert!(!r.to_string().to_lowercase().contains("casnewydd"));
    assert!(!r.to_string().to_lowercase().contains("nghasnewydd"));
    let v = r["version"].as_i64().unwrap();
    // An unknown force, or a summary that is really a transcript, is refused
    // and changes nothing.
    for bad in [
        json!({"version": v, "force": "../gwent-police"}),
        json!({"version": v, "summary": "x".repeat(601)}),
    ] {
        let (s, e) = a.send(&app, "PATCH", &path, bad).await;
        assert_eq!(s, 400, "{e}");
        assert_eq!(e["error"]["code"], "bad-parameter");
    }
    // The adviser corrects it.
    let (s, r) = a
        .send(&app, "PATCH", &path, json!({"version": v, "force": "south-wales-police", "summary": "  Eisiau cwyno; angen llythyr yn Gymraeg. "}))
        .await;
    assert_eq!(s, 200, "{r}");
    assert_eq!(r["force"], "south-wales-police");
    assert_eq!(r["summary"], "Eisiau cwyno; angen llythyr yn Gymraeg.");
    // An empty force goes back to the one heard.
    let v = r["version"].as_i64().unwrap();
    let (_, r) = a
        .send(&app, "PATCH", &path, json!({"version": v, "force": ""}))
        .await;
    assert_eq!(r["force"], Value::Null);
    let record = app.state.store.contact(id).await.unwrap().unwrap();
    assert_eq!(record.force(), Some("gwent-police"));
}

#[tokio::test]
async fn records_stay_bounded_however_often_they_are_saved() {
    let app = TestApp::spawn().await;
    let a = Adviser::new(&app, Role::Adviser).await;
    let (_, c) = a
        .send(
            &app,
            "POST",
            "/api/v1/contacts",
            json!({"channel": "phone", "caller_type": "public", "caller_lang": "cy"}),
        )
        .await;
    let id = c["id"].as_i64().unwrap();
    let path = format!("/api/v1/contacts/{id}");
    let version = || async {
        a.send(&app, "GET", &path, json!(null)).await.1["version"]
            .as_i64()
            .unwrap()
    };
    // A letter saved again and again replaces itself.
    for _ in 0..30 {
        let v = version().await;
        let (s, body) = a
            .send(&app, "POST", &format!("{path}/letters"), json!({"template": "complaint-acknowledgement", "values": letter_values(), "save": true, "version": v}))
            .await;
        assert_eq!(s, 200, "{body}");
    }
    let (_, record) = a.send(&app, "GET", &path, json!(null)).await;
    assert_eq!(record["letters"].as_array().unwrap().len(), 1);

    // Lists keep each item once.
    let many = vec!["greeting"; 5000];
    let (s, record) = a
        .send(&app, "PATCH", &path, json!({"version": version().await, "stages_done": many, "referrals": ["relay-uk", "relay-uk"]}))
        .await;
    assert_eq!(s, 200, "{record}");
    assert_eq!(record["stages_done"], json!(["greeting"]));
    assert_eq!(record["referrals"], json!(["relay-uk"]));

    // A caller detail longer than any real one is refused, and says which.
    let (s, body) = a
        .send(
            &app,
            "PATCH",
            &path,
            json!({"version": version().await, "caller": {"name": "x".repeat(5000)}}),
        )
        .await;
    assert_eq!(s, 400);
    assert_eq!(body["error"]["code"], "bad-parameter");
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("caller"),
        "{body}"
    );
}
