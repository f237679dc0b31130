//! Scenario tests of the contact assistant: conversations played turn by
//! turn, in Welsh, English and both, asserting what it recognises and what it
//! suggests. Everything comes from the bundled knowledge base.

mod common;

use canllaw::assistant::conversation::{Advice, Conversation, INTENT_CONFIDENCE};
use canllaw::lang::Lang;

use common::kb;

/// Plays `turns` and returns the advice after each.
fn play(lang: Lang, turns: &[&str]) -> Vec<Advice> {
    let mut c = Conversation::new(lang);
    turns
        .iter()
        .map(|t| c.turn(kb(), common::searcher(), t))
        .collect()
}

fn ids<T>(list: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    list.iter().map(|x| id(x).to_string()).collect()
}

fn intents(a: &Advice) -> Vec<String> {
    ids(&a.intents, |f| &f.id)
}
fn flags(a: &Advice) -> Vec<String> {
    ids(&a.flags, |f| &f.id)
}
fn needs(a: &Advice) -> Vec<String> {
    ids(&a.adjustments, |f| &f.id)
}
fn guidance(a: &Advice) -> Vec<String> {
    ids(&a.guidance, |s| &s.id)
}
fn agencies(a: &Advice) -> Vec<String> {
    ids(&a.agencies, |s| &s.id)
}

fn has(list: &[String], id: &str, what: &str) {
    assert!(
        list.iter().any(|x| x == id),
        "{what}: expected {id} in {list:?}"
    );
}

fn lacks(list: &[String], id: &str, what: &str) {
    assert!(
        !list.iter().any(|x| x == id),
        "{what}: did not expect {id} in {list:?}"
    );
}

// ---- Welsh ----------------------------------------------------------------

#[test]
fn cy_deaf_caller_complains_about_heddlu_gwent() {
    let a = play(
        Lang::Cy,
        &[
            "Helo, dw i'n fyddar felly dw i'n ffonio drwy Relay UK",
            "Dw i eisiau gwneud cwyn am swyddog o Heddlu Gwent",
        ],
    );
    has(&needs(&a[0]), "deaf-or-hard-of-hearing", "turn 1 need");
    has(&flags(&a[0]), "access-need", "turn 1 flag");
    let last = &a[1];
    has(&intents(last), "complaint", "intent");
    has(
        &needs(last),
        "deaf-or-hard-of-hearing",
        "need carried to turn 2",
    );
    has(&guidance(last), "how-to-complain", "guidance");
    has(&agencies(last), "relay-uk", "agencies");
    assert!(
        last.steps
            .iter()
            .any(|s| s.because.contains("deaf-or-hard-of-hearing")),
        "adjustment steps"
    );
    // Reasons name the words that triggered them.
    let complaint = last.intents.iter().find(|f| f.id == "complaint").unwrap();
    assert!(!complaint.because.is_empty());
    assert!(last.guidance.iter().all(|g| !g.because.is_empty()));
}

#[test]
fn cy_review_asked_35_days_after_the_outcome_is_out_of_time() {
    let a = play(
        Lang::Cy,
        &[
            "Dw i eisiau apelio yn erbyn canlyniad fy nghwyn",
            "Daeth y llythyr canlyniad 35 diwrnod yn ôl",
        ],
    );
    has(&intents(&a[0]), "review-request", "turn 1");
    lacks(&intents(&a[0]), "out-of-time-review", "turn 1");
    has(&intents(&a[1]), "out-of-time-review", "turn 2");
    has(&guidance(&a[1]), "out-of-time-reviews", "guidance");
    let oot = a[1]
        .intents
        .iter()
        .find(|f| f.id == "out-of-time-review")
        .unwrap();
    assert!(
        oot.because.iter().any(|b| b.contains("35")),
        "{:?}",
        oot.because
    );
}

#[test]
fn cy_officer_calls_the_report_line() {
    let a = play(
        Lang::Cy,
        &["Swyddog heddlu ydw i ac rydw i eisiau adrodd am gamymddwyn gan gydweithiwr"],
    );
    has(&intents(&a[0]), "report-line", "intent");
    has(&guidance(&a[0]), "report-line", "guidance");
}

#[test]
fn cy_caller_in_distress_gets_safeguarding_first() {
    let a = play(
        Lang::Cy,
        &[
            "Dw i eisiau cwyno am yr heddlu ond alla i ddim ymdopi, dw i eisiau rhoi diwedd ar y cyfan",
        ],
    );
    let advice = &a[0];
    assert_eq!(advice.flags[0].id, "risk-of-harm");
    assert!(advice.flags[0].urgent);
    assert_eq!(
        advice.steps[0].because, "flag risk-of-harm",
        "safeguarding steps lead"
    );
    has(&agencies(advice), "samaritans", "agencies");
    has(
        &intents(advice),
        "complaint",
        "the complaint is still heard",
    );
}

#[test]
fn cy_complaint_about_police_in_scotland_is_outside_our_remit() {
    let a = play(Lang::Cy, &["Mae gen i gŵyn am yr heddlu yn yr Alban"]);
    has(&intents(&a[0]), "outside-remit", "intent");
    has(&agencies(&a[0]), "pirc-scotland", "agencies");
}

#[test]
fn cy_member_of_the_senedd_writes_for_a_constituent() {
    let a = play(
        Lang::Cy,
        &["Aelod o'r Senedd ydw i ac rwy'n cysylltu ar ran etholwr"],
    );
    has(&intents(&a[0]), "mp-correspondence", "intent");
    has(&guidance(&a[0]), "mp-correspondence", "guidance");
}

#[test]
fn cy_asks_for_a_copy_of_their_data() {
    let a = play(
        Lang::Cy,
        &["Hoffwn i gael copi o'r wybodaeth bersonol sydd gennych chi amdana i"],
    );
    has(&intents(&a[0]), "data-protection-request", "intent");
    has(&guidance(&a[0]), "data-protection-requests", "guidance");
}

#[test]
fn cy_complaint_about_our_own_service() {
    let a = play(
        Lang::Cy,
        &["Dw i eisiau cwyno am y gwasanaeth ges i gan eich staff chi, nid am yr heddlu"],
    );
    has(&intents(&a[0]), "service-complaint", "intent");
    has(&guidance(&a[0]), "complaints-about-our-service", "guidance");
}

#[test]
fn cy_death_after_police_contact() {
    let a = play(Lang::Cy, &["Bu farw fy mrawd yn y ddalfa"]);
    has(&intents(&a[0]), "death-or-serious-injury", "intent");
    has(&guidance(&a[0]), "death-or-serious-injury", "guidance");
}

#[test]
fn cy_welsh_speaker_wants_a_case_update() {
    let a = play(
        Lang::Cy,
        &["Ga i siarad Cymraeg os gwelwch yn dda? Dw i eisiau diweddariad ar fy achos"],
    );
    has(&needs(&a[0]), "welsh-language-preference", "need");
    has(&intents(&a[0]), "case-update", "intent");
    has(&guidance(&a[0]), "case-updates", "guidance");
}

// ---- English --------------------------------------------------------------

#[test]
fn en_deaf_bsl_user_complains_about_gwent_police() {
    let a = play(
        Lang::En,
        &[
            "I'm Deaf and BSL is my first language",
            "I want to make a complaint about Gwent Police",
        ],
    );
    has(&needs(&a[1]), "bsl-user", "need carried");
    has(&intents(&a[1]), "complaint", "intent");
    has(&agencies(&a[1]), "signvideo", "agencies");
    has(&guidance(&a[1]), "how-to-complain", "guidance");
}

#[test]
fn en_appeal_35_days_after_the_outcome() {
    let a = play(
        Lang::En,
        &[
            "I want to appeal against the outcome of my complaint",
            "The outcome letter was dated 35 days ago, I was in hospital",
        ],
    );
    has(&intents(&a[1]), "out-of-time-review", "intent");
    has(&guidance(&a[1]), "out-of-time-reviews", "guidance");
}

#[test]
fn en_serving_officer_reports_wrongdoing() {
    let a = play(
        Lang::En,
        &["I'm a serving police officer and I want to report corruption by a colleague"],
    );
    has(&intents(&a[0]), "report-line", "intent");
}

#[test]
fn en_caller_at_risk_of_harm() {
    let a = play(
        Lang::En,
        &["Nobody listens. I can't go on, I'm going to kill myself"],
    );
    assert_eq!(a[0].flags[0].id, "risk-of-harm");
    assert_eq!(a[0].steps[0].because, "flag risk-of-harm");
    has(&agencies(&a[0]), "samaritans", "agencies");
}

#[test]
fn en_complaint_about_police_scotland() {
    let a = play(
        Lang::En,
        &["I want to complain about an officer from Police Scotland"],
    );
    has(&intents(&a[0]), "outside-remit", "intent");
    has(&agencies(&a[0]), "pirc-scotland", "agencies");
}

#[test]
fn en_parent_calls_without_consent() {
    let a = play(
        Lang::En,
        &["I'm calling about my son's arrest, he doesn't know I'm phoning you"],
    );
    has(&flags(&a[0]), "third-party-no-consent", "flag");
    has(&guidance(&a[0]), "complaint-on-behalf", "guidance");
}

#[test]
fn en_abusive_caller() {
    let a = play(
        Lang::En,
        &[
            "You are completely useless, I'm going to keep ringing every day until you do what I say, you idiots",
        ],
    );
    has(&flags(&a[0]), "unreasonable-behaviour", "flag");
    has(&guidance(&a[0]), "unreasonable-behaviour", "guidance");
}

#[test]
fn en_high_profile_matter() {
    let a = play(
        Lang::En,
        &["This case has been all over the national news and journalists keep calling me"],
    );
    has(&flags(&a[0]), "high-profile", "flag");
    has(&guidance(&a[0]), "high-profile-matters", "guidance");
}

#[test]
fn en_wants_the_iopc_to_take_the_complaint_directly() {
    let a = play(
        Lang::En,
        &["I don't trust the police to deal with it, I want the IOPC to take my complaint"],
    );
    has(&intents(&a[0]), "direct-complaint", "intent");
    has(&guidance(&a[0]), "direct-complaints", "guidance");
}

#[test]
fn en_need_mentioned_in_turn_one_still_shapes_turn_four() {
    let a = play(
        Lang::En,
        &[
            "I'm registered blind",
            "It's about what happened last month",
            "They searched my car",
            "So I want to make a complaint",
        ],
    );
    let last = &a[3];
    has(&needs(last), "blind-or-partially-sighted", "need carried");
    assert_eq!(last.adjustments[0].turn, 1);
    has(&intents(last), "complaint", "intent");
    assert!(
        last.steps
            .iter()
            .any(|s| s.because == "adjustment blind-or-partially-sighted")
    );
}

// ---- Mixed ----------------------------------------------------------------

#[test]
fn mixed_welsh_and_english_in_one_sentence() {
    let a = play(
        Lang::Cy,
        &["Dw i eisiau gwneud cwyn about the police, I'm dyslexic"],
    );
    has(&intents(&a[0]), "complaint", "intent");
    has(&needs(&a[0]), "dyslexia", "need");
    // Suggestions come in the caller's language (Welsh).
    let g = a[0]
        .guidance
        .iter()
        .find(|g| g.id == "how-to-complain")
        .unwrap();
    assert!(g.title.contains("cwyn"), "{}", g.title);
}

#[test]
fn mixed_turns_switch_language() {
    let a = play(
        Lang::En,
        &["Sut mae, dw i'n fyddar", "I want to appeal the outcome"],
    );
    has(
        &needs(&a[1]),
        "deaf-or-hard-of-hearing",
        "need from the Welsh turn",
    );
    has(
        &intents(&a[1]),
        "review-request",
        "intent from the English turn",
    );
}

#[test]
fn a_plain_question_is_a_general_enquiry_with_search_suggestions() {
    let a = play(Lang::En, &["What does the IOPC actually do?"]);
    has(&intents(&a[0]), "general-enquiry", "intent");
    has(&guidance(&a[0]), "role-of-iopc", "guidance");
}

#[test]
fn ordinary_calls_raise_no_flags() {
    // Everyday calls, annoyed or upset but with no risk, need or abuse, and
    // near misses ("this waiting is killing me"): tests/eval/everyday.*.txt.
    let mut raised = Vec::new();
    for lang in Lang::ALL {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("tests/eval/everyday.{}.txt", lang.code()));
        let text = std::fs::read_to_string(&path).unwrap();
        let sentences: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert!(
            sentences.len() >= 60,
            "{}: {}",
            path.display(),
            sentences.len()
        );
        for sentence in sentences {
            let a = play(lang, &[sentence]);
            if !a[0].flags.is_empty() || !a[0].adjustments.is_empty() {
                let needs = ids(&a[0].adjustments, |f| &f.id);
                raised.push(format!("{lang} {sentence:?}: {:?} {needs:?}", flags(&a[0])));
            }
        }
    }
    assert!(
        raised.is_empty(),
        "flags or needs on ordinary calls:\n{}",
        raised.join("\n")
    );
}

#[test]
fn a_phrase_that_says_not_needs_a_caller_who_says_not() {
    // "I can't read" is a literacy need; reading the letter is not.
    let a = play(Lang::En, &["I can't read very well, can you help me"]);
    has(
        &ids(&a[0].adjustments, |f| &f.id),
        "limited-literacy",
        "need",
    );
    let a = play(Lang::En, &["When I read the letter I was livid"]);
    assert!(a[0].adjustments.is_empty(), "{:?}", a[0].adjustments);
    let a = play(Lang::Cy, &["Dwi'm yn deall Saesneg yn dda iawn"]);
    has(
        &ids(&a[0].adjustments, |f| &f.id),
        "limited-english",
        "need",
    );
}

#[test]
fn email_and_the_internet_are_a_need_only_when_the_caller_lacks_them() {
    let no_internet = |lang, said: &str| {
        let a = play(lang, &[said]);
        let needs = ids(&a[0].adjustments, |f| &f.id);
        (
            needs.contains(&"no-internet-access".to_string()),
            flags(&a[0]),
        )
    };
    for (lang, said) in [
        (Lang::En, "Please email me the form."),
        (Lang::En, "Can you send it by email?"),
        (Lang::En, "I have email and internet at home."),
        (Lang::Cy, "Anfonwch y ffurflen ata i ar e-bost plis."),
        (Lang::Cy, "Mae gen i e-bost a rhyngrwyd adre."),
        (Lang::Cy, "Allwch chi ei yrru fo drwy e-bost?"),
    ] {
        let (need, flags) = no_internet(lang, said);
        assert!(!need, "{said}: no internet access suggested");
        lacks(&flags, "access-need", said);
    }
    for (lang, said) in [
        (Lang::En, "I have no email."),
        (Lang::En, "I don't have email, I'm not on the internet."),
        (Lang::En, "I live without the internet."),
        (Lang::Cy, "Does gen i ddim rhyngrwyd."),
        (Lang::Cy, "Dim e-bost gen i."),
        (Lang::Cy, "Dw i heb e-bost."),
    ] {
        let (need, flags) = no_internet(lang, said);
        assert!(need, "{said}: no internet access missed");
        has(&flags, "access-need", said);
    }
}

#[test]
fn needs_and_flags_raise_the_flags_that_follow_from_them() {
    // A deaf caller has an access need; distress makes a caller vulnerable;
    // a caller at risk of harm is vulnerable too. Each for the same words.
    for (lang, said, need, flag) in [
        (
            Lang::En,
            "I'm deaf so please write to me",
            "deaf-or-hard-of-hearing",
            "access-need",
        ),
        (
            Lang::Cy,
            "Dw i'n fyddar, ysgrifennwch ata i plis",
            "deaf-or-hard-of-hearing",
            "access-need",
        ),
        (
            Lang::En,
            "Sorry, I can't stop crying",
            "caller-in-distress",
            "vulnerability",
        ),
    ] {
        let a = play(lang, &[said]);
        has(&ids(&a[0].adjustments, |f| &f.id), need, "need");
        has(&flags(&a[0]), flag, "flag");
    }
    for (lang, said) in [
        (
            Lang::En,
            "I'm scared to go home tonight, he said he'd kill me",
        ),
        (
            Lang::Cy,
            "Mae ofn mynd adre arna i, mae o wedi bygwth fy lladd",
        ),
    ] {
        let a = play(lang, &[said]);
        has(&flags(&a[0]), "risk-of-harm", "flag");
        has(&flags(&a[0]), "vulnerability", "flag");
        let risk = a[0].flags.iter().find(|f| f.id == "risk-of-harm").unwrap();
        let vulnerable = a[0].flags.iter().find(|f| f.id == "vulnerability").unwrap();
        assert!(risk.because.iter().all(|w| vulnerable.because.contains(w)));
        assert!(!vulnerable.urgent, "only risk of harm is urgent");
    }
}

#[test]
fn satisfaction_questions_come_from_the_script_in_both_languages() {
    for lang in Lang::ALL {
        let q = canllaw::assistant::satisfaction::questions(kb(), lang);
        assert_eq!(q.len(), 5, "{lang}");
        assert!(q[..4].iter().all(|q| q.scored));
        assert!(!q[4].scored, "the last is the open question");
        assert_eq!(q[0].id, "q1");
    }
    let cy = canllaw::assistant::satisfaction::questions(kb(), Lang::Cy);
    assert!(cy[3].text.contains("Cymraeg"), "{}", cy[3].text);
}

#[test]
fn an_unclear_sentence_offers_the_two_likeliest_intents_instead_of_a_guess() {
    for (lang, text) in [
        (
            Lang::En,
            "I got something in the post from you lot and I am not sure what to make of it",
        ),
        (
            Lang::Cy,
            "Allwch chi ffonio fi nôl am y peth efo'r swyddog a'r llythyr",
        ),
    ] {
        let a = play(lang, &[text]);
        assert!(a[0].intents.is_empty(), "{lang}: {:?}", a[0].intents);
        let unsure = &a[0].unsure;
        assert_eq!(unsure.len(), 2, "{lang}: {unsure:?}");
        assert_ne!(unsure[0].id, unsure[1].id);
        assert!(unsure[0].confidence >= unsure[1].confidence, "{unsure:?}");
        let below = (INTENT_CONFIDENCE * 100.0) as u8;
        assert!(unsure.iter().all(|f| f.confidence < below), "{unsure:?}");
    }
}

// ---- The force, the area and the first few suggestions --------------------

/// The force a conversation of one turn heard.
fn force_heard(lang: Lang, said: &str) -> Option<String> {
    let mut c = Conversation::new(lang);
    c.turn(kb(), common::searcher(), said);
    c.force().map(str::to_string)
}

#[test]
fn the_force_is_recognised_from_names_short_forms_and_towns_in_both_languages() {
    for (lang, said, force) in [
        (Lang::Cy, "Dw i isio cwyno am Heddlu Gwent", "gwent-police"),
        (Lang::En, "it's about Gwent police", "gwent-police"),
        // Soft and nasal mutation: "yng Nghasnewydd" is Casnewydd.
        (Lang::Cy, "digwyddodd o yng Nghasnewydd", "gwent-police"),
        (Lang::Cy, "heddlu'r gogledd oedd o", "north-wales-police"),
        (
            Lang::Cy,
            "roedd Heddlu Gogledd Cymru yn y tŷ",
            "north-wales-police",
        ),
        (
            Lang::En,
            "the officers in Swansea were rude",
            "south-wales-police",
        ),
        (
            Lang::En,
            "my son was stopped in Aberystwyth",
            "dyfed-powys-police",
        ),
        (
            Lang::En,
            "I live in Glasgow and the police ignored me",
            "police-scotland",
        ),
        (
            Lang::En,
            "the PSNI arrested my brother",
            "police-service-of-northern-ireland",
        ),
        // The longer phrase wins: Scotland Yard is the Met.
        (
            Lang::En,
            "someone from Scotland Yard phoned me",
            "metropolitan-police",
        ),
    ] {
        assert_eq!(force_heard(lang, said).as_deref(), Some(force), "{said}");
    }
    // A country alone, or no place at all, names no force.
    for (lang, said) in [
        (Lang::Cy, "Dw i'n byw yng Nghymru ac isio gwneud cwyn"),
        (Lang::En, "I want to complain about the police in Wales"),
        (Lang::En, "the officer was rude to me"),
    ] {
        assert_eq!(force_heard(lang, said), None, "{said}");
    }
}

#[test]
fn bodies_for_scotland_or_northern_ireland_appear_only_when_the_caller_is_there() {
    let gwent = play(
        Lang::En,
        &["I want to complain about Gwent Police, an officer assaulted me"],
    );
    let scotland = play(
        Lang::En,
        &["I want to complain about Police Scotland, an officer in Glasgow assaulted me"],
    );
    let last = |a: &[Advice]| agencies(a.last().unwrap());
    lacks(&last(&gwent), "pirc-scotland", "a Gwent caller");
    lacks(
        &last(&gwent),
        "police-ombudsman-northern-ireland",
        "a Gwent caller",
    );
    has(&last(&scotland), "pirc-scotland", "a caller in Scotland");
    lacks(
        &last(&scotland),
        "police-ombudsman-northern-ireland",
        "a caller in Scotland",
    );
}

#[test]
fn the_first_suggestions_cover_each_thing_heard_before_the_rest_of_any_one() {
    let a = play(
        Lang::Cy,
        &["Dw i'n fyddar ac isio cwyno am Heddlu Gwent, roedd y plismon yn anghwrtais efo fi"],
    );
    let last = a.last().unwrap();
    // The complaint's first step, then the access need's, then the
    // deafness adjustment's: not three steps about the complaint.
    let first: Vec<&str> = last
        .steps
        .iter()
        .take(3)
        .map(|s| s.because.as_str())
        .collect();
    let distinct: std::collections::BTreeSet<&str> = first.iter().copied().collect();
    assert_eq!(distinct.len(), 3, "{first:?}");
    assert_eq!(first[0], "intent complaint");
    // Each step once, however many rules suggest it.
    let texts: std::collections::BTreeSet<&str> =
        last.steps.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts.len(), last.steps.len());
    // A relay or video service among the first three agencies.
    let top: Vec<String> = agencies(last).into_iter().take(3).collect();
    assert!(
        top.iter().any(|a| a == "relay-uk" || a == "signvideo"),
        "{top:?}"
    );
}

// ---- High-profile matters ---------------------------------------------------

/// A matter live from `starts` to `ends` (or open), as an editor writes it.
fn matter(starts: &str, ends: &str) -> canllaw::knowledge::Matter {
    toml::from_str(&format!(
        r#"
id = "operation-glaslyn"
audience = "internal"
name = {{ cy = "Ymchwiliad Glaslyn", en = "The Glaslyn investigation" }}
keywords = {{ cy = ["Glaslyn", "ymchwiliad y bont"], en = ["Glaslyn", "bridge investigation"] }}
lines_to_take = {{ cy = ["Mae'r ymchwiliad yn parhau; ni allwn ni drafod y manylion."], en = ["The investigation is ongoing; we cannot discuss its details."] }}
starts = {starts}
ends = {ends}
"#
    ))
    .unwrap()
}

fn with_matter(m: canllaw::knowledge::Matter) -> canllaw::knowledge::KnowledgeBase {
    let mut kb = kb().clone();
    kb.matters.push(m);
    kb
}

#[test]
fn a_live_matter_the_caller_mentions_brings_its_lines_to_take() {
    let today = canllaw::i18n::uk_today();
    let kb = with_matter(matter(
        &(today - chrono::Duration::days(3)).to_string(),
        "false",
    ));
    let mut c = Conversation::new(Lang::Cy);
    let first = c.turn(&kb, common::searcher(), "Helo, dw i eisiau gwneud cwyn");
    assert!(first.matters.is_empty(), "not mentioned yet");
    let a = c.turn(
        &kb,
        common::searcher(),
        "mae e am y busnes Glaslyn 'na ar y newyddion",
    );
    assert_eq!(a.matters.len(), 1, "{:?}", a.matters);
    let m = &a.matters[0];
    assert_eq!(m.name, "Ymchwiliad Glaslyn", "in the caller's language");
    assert_eq!(
        m.lines_to_take,
        ["Mae'r ymchwiliad yn parhau; ni allwn ni drafod y manylion."]
    );
    // English words in a Welsh call count too, and it stays on the record.
    let a = c.turn(
        &kb,
        common::searcher(),
        "the bridge investigation, you know",
    );
    assert_eq!(a.matters.len(), 1);
    assert_eq!(c.matters()[0].id, "operation-glaslyn");
}

#[test]
fn a_matter_not_live_is_not_raised() {
    let today = canllaw::i18n::uk_today();
    let ended = (today - chrono::Duration::days(1)).to_string();
    let started = (today - chrono::Duration::days(30)).to_string();
    let future = (today + chrono::Duration::days(2)).to_string();
    for m in [matter(&started, &ended), matter(&future, "false")] {
        let kb = with_matter(m);
        let mut c = Conversation::new(Lang::En);
        let a = c.turn(&kb, common::searcher(), "I'm calling about Glaslyn");
        assert!(a.matters.is_empty(), "{:?}", a.matters);
    }
}
