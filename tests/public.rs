//! The public site, black box: Welsh first, every address in its language,
//! and never a trace of internal content on any public route.

mod common;

use canllaw::knowledge::Audience;
use canllaw::lang::Lang;
use common::TestApp;

async fn get(c: &reqwest::Client, url: String) -> (u16, String) {
    let r = c.get(url).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

#[tokio::test]
async fn the_home_page_is_welsh_until_english_is_chosen() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    // An English-speaking browser still gets the Welsh page first.
    let r = c
        .get(app.url("/"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("<html lang=\"cy\""), "{html}");
    assert!(html.contains("Cwyno am yr heddlu"));
    assert!(html.contains("hreflang=\"en\" href=\"/en\""));
    // Choosing English redirects there and is remembered.
    let r = c.get(app.url("/?lang=en")).send().await.unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/en");
    let r = c.get(app.url("/")).send().await.unwrap();
    assert_eq!(r.status(), 303, "the cookie remembers English");
    // Reading the public site in English leaves the console's language be.
    let (_, console) = get(&c, app.url("/console/login")).await;
    assert!(console.contains("<html lang=\"cy\""), "{console}");
    // A language-like first segment that is not `cy` or `en` is no language.
    let (status, html) = get(&c, app.url("/english/x")).await;
    assert_eq!(status, 404);
    assert!(
        html.contains("<html lang=\"en\""),
        "the chosen language, not the address's"
    );
    // Reading a Welsh page is choosing Welsh again.
    let (status, _) = get(&c, app.url("/cy")).await;
    assert_eq!(status, 200);
    let (status, html) = get(&c, app.url("/")).await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"cy\""));
}

#[tokio::test]
async fn every_page_links_to_itself_in_the_other_language() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    for (cy, en) in [
        ("/cy", "/en"),
        ("/cy/chwilio?q=adolygiad", "/en/search?q=adolygiad"),
        (
            "/cy/erthyglau/how-to-complain",
            "/en/articles/how-to-complain",
        ),
        (
            "/cy/pwy-arall-all-helpu?need=deaf",
            "/en/who-else-can-help?need=deaf",
        ),
        ("/cy/terfyn-amser-adolygiad", "/en/review-deadline"),
    ] {
        for (here, lang, other) in [(cy, "cy", en), (en, "en", cy)] {
            let (status, html) = get(&c, app.url(here)).await;
            assert_eq!(status, 200, "{here}");
            assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{here}");
            let other_lang = if lang == "cy" { "en" } else { "cy" };
            assert!(
                html.contains(&format!("hreflang=\"{other_lang}\" href=\"{other}\"")),
                "{here}: alternate {other}"
            );
            assert!(
                html.contains(&format!("href=\"{other}\" lang=\"{other_lang}\"")),
                "{here}: switch to {other}"
            );
            // Every English page says there is a Welsh version.
            assert_eq!(
                lang == "en",
                html.contains("id=\"welsh-version\""),
                "{here}"
            );
            // No tracking, nothing from anywhere else, no script at all.
            assert!(!html.contains("<script"), "{here}");
            assert!(!html.contains("src=\"http"), "{here}");
        }
    }
}

#[tokio::test]
async fn errors_come_in_the_address_language() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    for (path, lang, words) in [
        ("/cy/dim-tudalen", "cy", "Ni allem ddod o hyd"),
        ("/en/no-page", "en", "We could not find"),
        (
            "/cy/erthyglau/..%2F..%2Fetc%2Fpasswd",
            "cy",
            "Ni allem ddod o hyd",
        ),
        ("/en/articles/NOT-AN-ID", "en", "We could not find"),
    ] {
        let (status, html) = get(&c, app.url(path)).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{path}");
        assert!(html.contains(words), "{path}: {html}");
        assert!(html.contains("0300 020 0096"), "{path}: the phone number");
    }
    // A query too long for search is refused with a reason, in Welsh.
    let long = "cwyn ".repeat(200);
    let (status, html) = get(&c, app.url(&format!("/cy/chwilio?q={long}"))).await;
    assert_eq!(status, 400);
    assert!(html.contains("<html lang=\"cy\""));
}

#[tokio::test]
async fn public_search_finds_public_content_and_helps_when_it_finds_none() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (_, html) = get(&c, app.url("/cy/chwilio?q=adolygiad")).await;
    assert!(
        html.contains("href=\"/cy/erthyglau/complaint-reviews?sq=adolygiad"),
        "{html}"
    );
    assert!(html.contains("<mark>"), "matches are highlighted");
    // A typo gets a suggestion from the index's own words.
    let (_, html) = get(&c, app.url("/cy/chwilio?q=cwym")).await;
    assert!(html.contains("id=\"suggestion\">cwyn<"), "{html}");
    // Welsh words on the English page: offered the Welsh search.
    let (_, html) = get(&c, app.url("/en/search?q=cwynion")).await;
    assert!(
        html.contains("href=\"/cy/chwilio?q=cwynion\" id=\"try-other\""),
        "{html}"
    );

    // Nothing found: the ways to complain, the phone number, Welsh.
    let (_, html) = get(&c, app.url("/cy/chwilio?q=zzxqv")).await;
    assert!(html.contains("id=\"nothing\""));
    assert!(html.contains("/cy/erthyglau/how-to-complain"));
    assert!(html.contains("0300 020 0096"));
    assert!(html.contains("/cy/erthyglau/welsh-language-service"));
}

#[tokio::test]
async fn the_review_deadline_says_whether_a_person_is_in_time() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let today = canllaw::i18n::uk_today();
    let ask = |lang: &str, d: chrono::NaiveDate| {
        use chrono::Datelike;
        let path = if lang == "cy" {
            "/cy/terfyn-amser-adolygiad"
        } else {
            "/en/review-deadline"
        };
        app.url(&format!(
            "{path}?day={}&month={}&year={}",
            d.day(),
            d.month(),
            d.year()
        ))
    };
    let recent = today - chrono::Days::new(3);
    let (status, html) = get(&c, ask("cy", recent)).await;
    assert_eq!(status, 200);
    assert!(html.contains("dal mewn pryd"), "{html}");
    let (_, html) = get(&c, ask("en", recent)).await;
    assert!(html.contains("You are still in time"));
    let old = today - chrono::Days::new(60);
    let (_, html) = get(&c, ask("cy", old)).await;
    assert!(html.contains("terfyn amser wedi mynd heibio"), "{html}");
    assert!(html.contains("/cy/erthyglau/out-of-time-reviews"));
    let (_, html) = get(&c, ask("en", old)).await;
    assert!(html.contains("The time limit has passed"));
    // Bad dates are explained, and what was typed is kept.
    for (query, words) in [
        ("day=31&month=2&year=2026", "go iawn"),
        ("day=1&month=&year=2026", "diwrnod, y mis"),
        ("day=1&month=1&year=26", "4 digid"),
    ] {
        let (status, html) = get(&c, app.url(&format!("/cy/terfyn-amser-adolygiad?{query}"))).await;
        assert_eq!(status, 400, "{query}");
        assert!(html.contains("id=\"error-summary\""), "{query}");
        assert!(html.contains(words), "{query}: {html}");
    }
    let future = today + chrono::Days::new(10);
    let (status, html) = get(&c, ask("en", future)).await;
    assert_eq!(status, 400);
    assert!(html.contains("today or in the past"));
}

#[tokio::test]
async fn the_agency_finder_filters_and_says_when_details_are_unchecked() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (_, all) = get(&c, app.url("/cy/pwy-arall-all-helpu")).await;
    let (_, deaf) = get(&c, app.url("/cy/pwy-arall-all-helpu?need=deaf&welsh=")).await;
    assert!(deaf.contains("id=\"relay-uk\""), "{deaf}");
    assert!(deaf.matches("class=\"card\"").count() < all.matches("class=\"card\"").count());
    let kb = common::kb();
    let welsh: Vec<&str> = kb
        .agencies
        .iter()
        .filter(|a| a.audience == Audience::Public && a.welsh_service)
        .map(|a| a.id.as_str())
        .collect();
    let (_, html) = get(&c, app.url("/en/who-else-can-help?welsh=1")).await;
    assert_eq!(
        html.matches("class=\"card\"").count(),
        welsh.len(),
        "{html}"
    );
    if kb.agencies.iter().any(|a| {
        a.audience == Audience::Public
            && matches!(a.verified, canllaw::knowledge::date::Verified::No)
    }) {
        assert!(all.contains("Nid ydym wedi gallu gwirio"));
    }
    let (status, _) = get(&c, app.url("/cy/pwy-arall-all-helpu?need=unicorns")).await;
    assert_eq!(status, 400);
}

/// A phrase of `body` (six words of one of its paragraphs) found in no
/// public text, so finding it on a public page can only be a leak.
fn distinctive(body: &str, public: &str) -> Option<String> {
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#') && !l.starts_with('>') && !l.starts_with('-'))
        .map(|l| {
            l.split_whitespace()
                .filter(|w| w.chars().all(|c| c.is_alphanumeric() || "'’,.".contains(c)))
                .take(6)
                .collect::<Vec<_>>()
                .join(" ")
                .trim_end_matches([',', '.'])
                .to_string()
        })
        .find(|p| p.split(' ').count() == 6 && !public.contains(&p.to_lowercase()))
}

/// A page's text without its tags (search wraps matched words in `<mark>`).
fn without_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// `text` as askama escapes it into a page.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[tokio::test]
async fn internal_content_never_appears_on_a_public_route() {
    // Hundreds of searches from one address: past the public limit.
    let app = TestApp::spawn_with(canllaw::web::WebConfig {
        public_searches_per_minute: 100_000,
        ..Default::default()
    })
    .await;
    let c = TestApp::client();
    let kb = common::kb();
    // Everything the public may see, to pick phrases that only internal
    // content has.
    let public: String = kb
        .articles
        .iter()
        .filter(|a| a.page.audience == Audience::Public)
        .map(|a| format!("{} {} {}", a.page.title, a.page.summary, a.page.body))
        .chain(
            kb.agencies
                .iter()
                .filter(|a| a.audience == Audience::Public)
                .map(|a| {
                    Lang::ALL
                        .iter()
                        .map(|l| format!("{} {}", a.name.get(*l), a.description.get(*l)))
                        .collect::<String>()
                }),
        )
        .collect::<String>()
        .to_lowercase();
    // (what, language, id, title, phrase)
    let mut secrets: Vec<(&str, Lang, String, String, Option<String>)> = Vec::new();
    for a in kb
        .articles
        .iter()
        .filter(|a| a.page.audience == Audience::Internal)
    {
        let p = &a.page;
        secrets.push((
            "article",
            p.lang,
            p.id.clone(),
            p.title.clone(),
            distinctive(&p.body, &public),
        ));
    }
    for s in &kb.scripts {
        let p = &s.page;
        secrets.push((
            "script",
            p.lang,
            p.id.clone(),
            p.title.clone(),
            distinctive(&p.body, &public),
        ));
    }
    for a in &kb.agencies {
        for lang in Lang::ALL {
            // Advice to advisers on public agencies is internal too.
            let advice = a.when_to_refer.get(lang);
            secrets.push((
                "advice",
                lang,
                a.id.clone(),
                String::new(),
                distinctive(advice, &public),
            ));
            if a.audience == Audience::Internal {
                secrets.push(("agency", lang, a.id.clone(), a.name.get(lang).clone(), None));
            }
        }
    }
    let with_phrases = secrets.iter().filter(|s| s.4.is_some()).count();
    assert!(
        secrets.len() > 60 && with_phrases > 50,
        "{} secrets, {with_phrases} phrases",
        secrets.len()
    );

    let (_, finder_cy) = get(&c, app.url("/cy/pwy-arall-all-helpu")).await;
    let (_, finder_en) = get(&c, app.url("/en/who-else-can-help")).await;
    let (_, home_cy) = get(&c, app.url("/cy")).await;
    let (_, home_en) = get(&c, app.url("/en")).await;
    let mut fixed = [finder_cy, finder_en, home_cy, home_en].concat();
    // Every outcome of every flow, reached by its first answers.
    for flow in &kb.flows {
        for (path, lang) in [("/cy/canllaw", "cy"), ("/en/guide", "en")] {
            let (status, start) = get(&c, app.url(&format!("{path}/{}", flow.id))).await;
            assert_eq!(status, 200, "{lang} {}", flow.id);
            fixed.push_str(&start);
            for outcome in 0..flow.questions[0].answers.len() {
                let step = if lang == "cy" { "canlyniad" } else { "result" };
                let (_, page) = get(
                    &c,
                    app.url(&format!("{path}/{}/{step}?a={outcome}", flow.id)),
                )
                .await;
                fixed.push_str(&page);
            }
        }
    }

    let mut leaks = Vec::new();
    for (what, lang, id, title, phrase) in &secrets {
        let words: Vec<&String> = [title]
            .into_iter()
            .chain(phrase)
            .filter(|w| !w.is_empty())
            .collect();
        for w in &words {
            if fixed.contains(w.as_str()) || fixed.contains(&escaped(w)) {
                leaks.push(format!("{what} {id}: {w:?} on a fixed public page"));
            }
        }
        // Searched for on the public site in both languages, and through
        // the API without a session.
        for w in &words {
            let q: String = form_urlencoded::byte_serialize(w.as_bytes()).collect();
            for path in [format!("/cy/chwilio?q={q}"), format!("/en/search?q={q}")] {
                let (status, html) = get(&c, app.url(&path)).await;
                assert_eq!(status, 200, "{path}");
                // The page repeats the query; anything else is a leak.
                let rest = without_tags(&html.replace(&escaped(w), ""));
                let linked = *what != "advice"
                    && (html.contains(&format!("/{id}\"")) || html.contains(&format!("#{id}\"")));
                if rest.contains(w.as_str()) || rest.contains(&escaped(w)) || linked {
                    leaks.push(format!("{what} {id}: {w:?} found by {path}"));
                }
            }
            let (status, body) = get(
                &c,
                app.url(&format!("/api/v1/search?q={q}&audience=internal")),
            )
            .await;
            if status != 401 || body.contains(&format!("\"{id}\"")) {
                leaks.push(format!(
                    "{what} {id}: the API answered {status} without a session"
                ));
            }
        }
        // A word only internal content uses, mistyped: a public page may
        // suggest a correction only when following it finds public content,
        // so a suggestion never gives away a word of internal content.
        for word in title.split_whitespace().filter(|w| {
            w.chars().count() >= 6
                && w.chars().all(char::is_alphabetic)
                && !public.contains(&w.to_lowercase())
        }) {
            let mut typo: Vec<char> = word.to_lowercase().chars().collect();
            let n = typo.len();
            typo.swap(n - 2, n - 1);
            let typo: String = typo.into_iter().collect();
            let path = match lang {
                Lang::Cy => format!("/cy/chwilio?q={typo}"),
                Lang::En => format!("/en/search?q={typo}"),
            };
            let (_, html) = get(&c, app.url(&path)).await;
            let suggested = html
                .split("id=\"suggestion\"")
                .next()
                .and_then(|before| before.rsplit("href=\"").next())
                .and_then(|href| href.split('"').next())
                .filter(|_| html.contains("id=\"suggestion\""))
                .map(|href| href.replace("&#38;", "&"));
            if let Some(href) = suggested {
                let (_, followed) = get(&c, app.url(&href)).await;
                if !followed.contains("id=\"results\"") {
                    leaks.push(format!(
                        "{what} {id}: {path} suggests {href} which finds nothing public"
                    ));
                }
            }
        }
        // Its id typed straight into a public address.
        if *what == "article" || *what == "script" {
            let path = match lang {
                Lang::Cy => format!("/cy/erthyglau/{id}"),
                Lang::En => format!("/en/articles/{id}"),
            };
            let (status, html) = get(&c, app.url(&path)).await;
            if status != 404 || html.contains(title.as_str()) || html.contains(&escaped(title)) {
                leaks.push(format!("{what} {id}: {path} answered {status}"));
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "internal content on public routes:\n{}",
        leaks.join("\n")
    );
}

#[tokio::test]
async fn pages_are_light_and_the_stylesheet_is_cached_for_a_year() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let (_, home) = get(&c, app.url("/cy")).await;
    let css = home
        .split("rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .to_string();
    assert!(
        css.starts_with("/assets/public.") && css.ends_with(".css"),
        "{css}"
    );
    let r = c.get(app.url(&css)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let css_bytes = r.bytes().await.unwrap().len();
    for path in [
        "/cy",
        "/en",
        "/cy/chwilio?q=cwyn",
        "/en/search?q=complaint",
        "/cy/erthyglau/how-to-complain",
        "/en/articles/complaint-reviews",
        "/cy/pwy-arall-all-helpu",
        "/en/who-else-can-help",
        "/cy/terfyn-amser-adolygiad?day=1&month=11&year=2026",
    ] {
        let (status, html) = get(&c, app.url(path)).await;
        assert_eq!(status, 200, "{path}");
        let total = html.len() + css_bytes;
        assert!(
            total < 50 * 1024,
            "{path}: {total} bytes with the stylesheet"
        );
        // Pages themselves are not cached: they carry the language cookie.
        let r = c.get(app.url(path)).send().await.unwrap();
        let h = r.headers();
        assert!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("frame-ancestors 'none'")
        );
        assert!(h.contains_key("referrer-policy"));
    }
}

#[tokio::test]
async fn a_flow_is_walked_one_question_at_a_time_with_the_answers_in_the_address() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let flow = "/cy/canllaw/can-i-ask-for-a-review";
    let (status, start) = get(&c, app.url(flow)).await;
    assert_eq!(status, 200);
    assert!(
        start.contains(&format!("href=\"{flow}/cwestiwn?a=\"")),
        "{start}"
    );
    // Choosing an answer moves on, keeping the answers in the address.
    let r = c
        .get(app.url(&format!("{flow}/cwestiwn?a=&choice=0")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], format!("{flow}/cwestiwn?a=0"));
    let (_, q2) = get(&c, app.url(&format!("{flow}/cwestiwn?a=0"))).await;
    assert!(q2.contains("Cwestiwn 2"));
    assert!(
        q2.contains(&format!("href=\"{flow}/cwestiwn?a=\" class=\"back\"")),
        "back link"
    );
    // The same step in English keeps the answers.
    assert!(q2.contains("href=\"/en/guide/can-i-ask-for-a-review/question?a=0\""));
    // Nothing chosen: an error, in Welsh, on the same question.
    let (status, page) = get(&c, app.url(&format!("{flow}/cwestiwn?a=0&sent=1"))).await;
    assert_eq!(status, 400);
    assert!(page.contains("Dewiswch un ateb") && page.contains("Cwestiwn 2"));
    // The last answer leads to checking them, each with a change link.
    let r = c
        .get(app.url(&format!("{flow}/cwestiwn?a=0.1.1&choice=1")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        format!("{flow}/gwirio-atebion?a=0.1.1.1")
    );
    let (_, check) = get(&c, app.url(&format!("{flow}/gwirio-atebion?a=0.1.1.1"))).await;
    assert_eq!(check.matches("class=\"summary-row\"").count(), 4);
    assert!(
        check.contains(&format!(
            "href=\"{flow}/cwestiwn?a=0.1&#38;was=1&#38;from=0.1.1.1\""
        )),
        "change the third: {check}"
    );
    // Coming back to change an answer shows it chosen.
    let (_, q3) = get(
        &c,
        app.url(&format!("{flow}/cwestiwn?a=0.1&was=1&from=0.1.1.1")),
    )
    .await;
    assert!(
        q3.contains("value=\"1\" checked") && q3.contains("name=\"from\" value=\"0.1.1.1\""),
        "{q3}"
    );
    // Its back link returns to checking the answers, not to the question
    // before it.
    assert!(
        q3.contains(&format!("href=\"{flow}/gwirio-atebion?a=0.1.1.1\"")),
        "{q3}"
    );
    // A changed answer that leads to questions already answered goes
    // straight back to checking, with those answers kept.
    let r = c
        .get(app.url(&format!("{flow}/cwestiwn?a=0.1&choice=2&from=0.1.1.1")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        format!("{flow}/gwirio-atebion?a=0.1.2.1")
    );
    // One that ends the flow sooner keeps only what still applies; one
    // that leads to a question not yet answered asks it.
    for (change, to) in [
        ("a=0&choice=0&from=0.1.1.1", "gwirio-atebion?a=0.0"),
        ("a=0&choice=1&from=0.0", "cwestiwn?a=0.1"),
    ] {
        let r = c
            .get(app.url(&format!("{flow}/cwestiwn?{change}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["location"], format!("{flow}/{to}"), "{change}");
    }
    let (_, result) = get(&c, app.url(&format!("{flow}/canlyniad?a=0.1.1.1"))).await;
    assert!(
        result.contains("id=\"outcome\"") && result.contains("/cy/erthyglau/out-of-time-reviews")
    );
    // An outcome about the 28 days offers the deadline checker, as does
    // the article on them; one that is not about them does not.
    let checker = "<a href=\"/cy/terfyn-amser-adolygiad\" id=\"deadline-checker\"";
    assert!(result.contains(checker), "{result}");
    let (_, article) = get(&c, app.url("/cy/erthyglau/review-time-limit")).await;
    assert!(article.contains(checker), "{article}");
    let (_, elsewhere) = get(&c, app.url(&format!("{flow}/canlyniad?a=0.1.0"))).await;
    assert!(
        elsewhere.contains("id=\"outcome\"") && !elsewhere.contains("deadline-checker"),
        "{elsewhere}"
    );
    // Addresses the flow did not make are refused, never half-walked.
    for bad in [
        "cwestiwn?a=7",
        "cwestiwn?a=x",
        "canlyniad?a=0",
        "cwestiwn?a=0&choice=9",
    ] {
        let r = c
            .get(app.url(&format!("{flow}/{bad}")))
            .send()
            .await
            .unwrap();
        assert!(
            matches!(r.status().as_u16(), 400 | 303),
            "{bad}: {}",
            r.status()
        );
    }
    let (status, _) = get(&c, app.url("/en/guide/no-such-flow")).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn one_client_cannot_flood_public_search() {
    let app = TestApp::spawn_with(canllaw::web::WebConfig {
        public_searches_per_minute: 5,
        ..Default::default()
    })
    .await;
    let c = TestApp::client();
    for n in 0..5 {
        let (status, _) = get(&c, app.url(&format!("/cy/chwilio?q=cwyn+{n}"))).await;
        assert_eq!(status, 200, "search {n}");
    }
    let r = c.get(app.url("/cy/chwilio?q=cwyn+6")).send().await.unwrap();
    assert_eq!(r.status(), 429);
    assert!(r.headers().contains_key("retry-after"));
    let html = r.text().await.unwrap();
    assert!(
        html.contains("<html lang=\"cy\"") && html.contains("Gormod o chwiliadau"),
        "{html}"
    );
    // The rest of the site, and the empty search page, still answer.
    let (status, _) = get(&c, app.url("/cy/chwilio")).await;
    assert_eq!(status, 200);
    let (status, _) = get(&c, app.url("/cy/erthyglau/how-to-complain")).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_search_budget() {
    let search = |app: &TestApp, client: &'static str, n: u32| {
        let url = app.url(&format!("/en/search?q=complaint+{n}"));
        async move {
            TestApp::client()
                .get(url)
                .header("x-forwarded-for", client)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    // The tests' requests come from 127.0.0.1: here, the proxy.
    let proxied = TestApp::spawn_with(canllaw::web::WebConfig {
        public_searches_per_minute: 2,
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..Default::default()
    })
    .await;
    for n in 0..2 {
        assert_eq!(search(&proxied, "203.0.113.7", n).await, 200);
    }
    assert_eq!(search(&proxied, "203.0.113.7", 3).await, 429);
    // Another person behind the same proxy is not held back.
    assert_eq!(search(&proxied, "198.51.100.1", 4).await, 200);

    // Not trusted: a client cannot name itself anyone else to escape.
    let direct = TestApp::spawn_with(canllaw::web::WebConfig {
        public_searches_per_minute: 2,
        ..Default::default()
    })
    .await;
    for (n, client) in ["203.0.113.7", "198.51.100.1"].into_iter().enumerate() {
        assert_eq!(search(&direct, client, n as u32).await, 200);
    }
    assert_eq!(search(&direct, "192.0.2.9", 3).await, 429);
}

#[tokio::test]
async fn browsers_are_told_to_keep_to_https_only_behind_tls() {
    let plain = TestApp::spawn().await;
    let r = TestApp::client()
        .get(plain.url("/cy"))
        .send()
        .await
        .unwrap();
    assert!(!r.headers().contains_key("strict-transport-security"));
    let tls = TestApp::spawn_with(canllaw::web::WebConfig {
        secure_cookies: true,
        ..Default::default()
    })
    .await;
    let r = TestApp::client().get(tls.url("/cy")).send().await.unwrap();
    let hsts = r.headers()["strict-transport-security"].to_str().unwrap();
    assert!(hsts.contains("max-age=31536000"), "{hsts}");
}

#[tokio::test]
async fn searches_that_find_nothing_are_counted_without_personal_details() {
    let app = TestApp::spawn().await;
    let c = TestApp::client();
    let q = "zzxqv 07700 900123 jo@example.com CF10 1AA";
    for _ in 0..2 {
        let (_, html) = get(&c, app.url(&format!("/cy/chwilio?q={q}"))).await;
        assert!(html.contains("id=\"nothing\""));
    }
    let (_, _) = get(
        &c,
        app.url(&format!("/en/search?q={}", "qqzzv ".repeat(20))),
    )
    .await;
    let (_, _) = get(&c, app.url("/en/search?q=complaint")).await;
    let counted = app.state.store.unanswered(10).await.unwrap();
    assert_eq!(counted.len(), 1, "{counted:?}");
    let u = &counted[0];
    assert_eq!(
        (u.query.as_str(), u.lang, u.audience.as_str(), u.count),
        ("zzxqv", Lang::Cy, "public", 2)
    );
}
