//! Synthetic contact records for demonstrations and load tests: shaped like
//! a contact centre's weeks (busy Mondays, quiet Sundays, office hours),
//! in both languages, with the knowledge base's own intents, flags,
//! agencies, adjustments, forces and satisfaction questions. Callers'
//! details are fictional by construction: names from a short list, phone
//! numbers from Ofcom's range kept for drama (07700 900000–900999) and
//! e-mail addresses at example.org. The same seed gives the same records.

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::assistant::contact::{
    Action, CallerDetails, Channel, ContactOutcome, ContactRecord, NewContact, RecordedAdjustment,
    SatisfactionAnswer,
};
use crate::assistant::conversation::{Conversation, Found};
use crate::knowledge::{CallerType, KnowledgeBase};
use crate::lang::Lang;

/// What to generate.
#[derive(Debug, Clone)]
pub struct DemoPlan {
    /// How many contacts.
    pub contacts: usize,
    /// Spread over this many days, ending `today`.
    pub days: u32,
    pub today: NaiveDate,
    /// Same seed, same records.
    pub seed: u64,
    /// The advisers who handle them: id and name.
    pub advisers: Vec<(i64, String)>,
    /// A high-profile matter callers mention, with a burst of calls.
    pub matter: Option<DemoMatter>,
}

/// A high-profile matter in the demonstration data: mentioned now and
/// then from the day it starts, and far more often on the days of a burst
/// (news coverage, say), so that the dashboard has a spike to show.
#[derive(Debug, Clone)]
pub struct DemoMatter {
    pub id: String,
    pub starts: NaiveDate,
    /// The first and last day of the burst.
    pub burst: (NaiveDate, NaiveDate),
}

impl DemoMatter {
    /// The demonstration matter for data ending `today`: live for the last
    /// five weeks, with a three-day burst that ended two days ago.
    pub fn for_today(today: NaiveDate) -> Self {
        DemoMatter {
            id: "demo-castle-street".into(),
            starts: today - Duration::days(35),
            burst: (today - Duration::days(4), today - Duration::days(2)),
        }
    }

    /// Where the matter's file is published.
    pub fn path(&self) -> String {
        format!("matters/{}.toml", self.id)
    }

    /// The matter as an editor would write it (fictional, and named as a
    /// demonstration so nobody mistakes it for a real one).
    pub fn file_text(&self) -> String {
        format!(
            r#"# Demonstration data added by `canllaw seed-demo`: fictional.
id = "{id}"
audience = "internal"
name = {{ cy = "Enghraifft: ymchwiliad Heol y Castell", en = "Example: the Castle Street investigation" }}
keywords = {{ cy = ["Heol y Castell", "digwyddiad Heol y Castell"], en = ["Castle Street", "Castle Street incident"] }}
lines_to_take = {{ cy = ["Rydyn ni'n ymwybodol o'r digwyddiad ac yn asesu a ddylen ni ymchwilio iddo.", "Ni allwn ni ddweud rhagor tra bod y gwaith yn mynd rhagddo; byddwn ni'n cyhoeddi diweddariad ar ein gwefan."], en = ["We are aware of the incident and are assessing whether we should investigate it.", "We cannot say more while that work goes on; we will publish an update on our website."] }}
starts = {starts}
ends = false
"#,
            id = self.id,
            starts = self.starts,
        )
    }

    /// How many in a thousand contacts on `day` mention it.
    fn per_mille(&self, day: NaiveDate) -> u32 {
        if day < self.starts {
            0
        } else if (self.burst.0..=self.burst.1).contains(&day) {
            150
        } else {
            10
        }
    }
}

const FIRST: &[&str] = &[
    "Siân", "Gareth", "Elin", "Rhys", "Megan", "Dylan", "Ffion", "Iwan", "Cerys", "Owain", "Sarah",
    "James", "Emma", "David", "Aisha", "Tomasz", "Priya", "Mark",
];
const LAST: &[&str] = &[
    "Jones",
    "Davies",
    "Williams",
    "Evans",
    "Thomas",
    "Roberts",
    "Hughes",
    "Lewis",
    "Morgan",
    "Griffiths",
    "Smith",
    "Khan",
    "Nowak",
    "Patel",
];

/// A weighted pick: `weights` line up with `items`.
fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T], weights: &[u32]) -> &'a T {
    let total: u32 = weights.iter().sum();
    let mut at = rng.u32(0..total.max(1));
    for (item, w) in items.iter().zip(weights) {
        if at < *w {
            return item;
        }
        at -= w;
    }
    &items[items.len() - 1]
}

fn found(id: &str, urgent: bool) -> Found {
    Found {
        id: id.to_string(),
        name: id.to_string(),
        because: Vec::new(),
        turn: 1,
        urgent,
        confidence: 100,
    }
}

/// The records of `plan`, oldest day first, not yet stored (ids 0).
pub fn generate(kb: &KnowledgeBase, plan: &DemoPlan) -> Vec<ContactRecord> {
    let mut rng = fastrand::Rng::with_seed(plan.seed);
    let rules = kb.signal_rules.as_ref();
    let intents: Vec<_> = rules
        .map(|r| r.intents.iter().collect())
        .unwrap_or_default();
    // Some reasons for calling are far commoner than others.
    let intent_weights: Vec<u32> = (0..intents.len())
        .map(|i| 60 / (i as u32 + 2) + 1)
        .collect();
    let flags: Vec<_> = rules.map(|r| r.flags.iter().collect()).unwrap_or_default();
    let forces: Vec<&str> = kb.forces.iter().map(|f| f.id.as_str()).collect();
    let force_weights: Vec<u32> = kb
        .forces
        .iter()
        .map(|f| if f.country == "wales" { 12 } else { 1 })
        .collect();
    let channels = [
        Channel::Phone,
        Channel::Email,
        Channel::WebForm,
        Channel::Letter,
        Channel::FaceToFace,
    ];
    let caller_types = [
        CallerType::Public,
        CallerType::Agency,
        CallerType::ElectedRepresentative,
        CallerType::Solicitor,
        CallerType::ReportLine,
    ];
    let outcomes = [
        ContactOutcome::ResolvedFirstContact,
        ContactOutcome::FollowUp,
        ContactOutcome::Referred,
        ContactOutcome::Transferred,
    ];
    // Contacts per weekday, Monday first.
    let weekday = [120u32, 105, 100, 95, 85, 20, 8];
    let days: Vec<NaiveDate> = (0..plan.days.max(1))
        .rev()
        .map(|back| plan.today - Duration::days(i64::from(back)))
        .collect();
    let day_weights: Vec<u32> = days
        .iter()
        .map(|d| {
            use chrono::Datelike;
            weekday[d.weekday().num_days_from_monday() as usize]
        })
        .collect();
    let mut out: Vec<ContactRecord> = (0..plan.contacts)
        .map(|_| {
            let day = *pick(&mut rng, &days, &day_weights);
            let lang = if rng.u32(0..100) < 22 {
                Lang::Cy
            } else {
                Lang::En
            };
            let channel = *pick(&mut rng, &channels, &[55, 20, 15, 7, 3]);
            let caller_type = *pick(&mut rng, &caller_types, &[86, 6, 3, 4, 1]);
            let (adviser_id, adviser_name) = &plan.advisers[rng.usize(0..plan.advisers.len())];
            let start = day.and_time(
                NaiveTime::from_hms_opt(rng.u32(8..18), rng.u32(0..60), rng.u32(0..60))
                    .unwrap_or_default(),
            );
            let mut r = ContactRecord::start(
                NewContact {
                    channel,
                    caller_type,
                    caller_lang: lang,
                },
                *adviser_id,
                adviser_name,
                format!("{}Z", start.format("%Y-%m-%dT%H:%M:%S")),
            );
            let intent = (!intents.is_empty()).then(|| *pick(&mut rng, &intents, &intent_weights));
            let mut heard: Vec<Found> = intent.iter().map(|s| found(&s.id, false)).collect();
            if rng.u32(0..100) < 12
                && let Some(extra) = intents.get(rng.usize(0..intents.len().max(1)))
                && heard.iter().all(|f| f.id != extra.id)
            {
                heard.push(found(&extra.id, false));
            }
            let raised: Vec<Found> = flags
                .iter()
                .filter(|_| rng.u32(0..1000) < 25)
                .map(|f| found(&f.id, f.urgent))
                .collect();
            r.note_intents(&heard.iter().map(|f| f.id.clone()).collect::<Vec<_>>());
            r.conversation = Conversation::recognised(lang, heard, raised);
            if let Some(m) = &plan.matter
                && rng.u32(0..1000) < m.per_mille(day)
            {
                r.conversation.note_matter(found(&m.id, false));
            }
            if let Some(agency) = intent
                .filter(|s| !s.agencies.is_empty() && rng.u32(0..100) < 30)
                .map(|s| s.agencies[rng.usize(0..s.agencies.len())].clone())
            {
                r.referrals.push(agency);
            }
            if !kb.adjustments.is_empty() && rng.u32(0..100) < 7 {
                let a = &kb.adjustments[rng.usize(0..kb.adjustments.len())];
                r.adjustments.push(RecordedAdjustment {
                    id: a.id.clone(),
                    confirmed: rng.u32(0..100) < 80,
                });
            }
            if !forces.is_empty() && rng.u32(0..100) < 60 {
                r.force = Some(pick(&mut rng, &forces, &force_weights).to_string());
            }
            let name = format!(
                "{} {}",
                FIRST[rng.usize(0..FIRST.len())],
                LAST[rng.usize(0..LAST.len())]
            );
            r.caller = CallerDetails {
                contact: Some(if rng.bool() {
                    format!("07700 900{:03}", rng.u32(0..1000))
                } else {
                    format!(
                        "{}.{}@example.org",
                        name.split(' ').next().unwrap_or("caller").to_lowercase(),
                        rng.u32(1..999)
                    )
                }),
                reference: (rng.u32(0..100) < 40)
                    .then(|| format!("DEMO-{}-{:06}", day.format("%Y"), rng.u32(0..1_000_000))),
                name: Some(name),
            };
            // Today's last few contacts are still going.
            let open = day == plan.today && rng.u32(0..100) < 3;
            if !open {
                let minutes = match channel {
                    Channel::Phone | Channel::FaceToFace => rng.u32(3..19),
                    _ => rng.u32(8..31),
                };
                let end = start + Duration::seconds(i64::from(minutes * 60 + rng.u32(0..60)));
                r.ended_at = Some(format!("{}Z", end.format("%Y-%m-%dT%H:%M:%S")));
                let outcome = if r.referrals.is_empty() {
                    *pick(&mut rng, &outcomes, &[72, 18, 4, 6])
                } else {
                    ContactOutcome::Referred
                };
                r.outcome = Some(outcome);
                if outcome == ContactOutcome::FollowUp {
                    let due = day + Duration::days(i64::from(rng.u32(2..6)));
                    let done = (due <= plan.today && rng.u32(0..100) < 85)
                        .then(|| due - Duration::days(i64::from(rng.u32(0..2))));
                    r.actions.push(Action {
                        description: "Call back with an update".into(),
                        owner: adviser_name.clone(),
                        due,
                        done_on: done,
                    });
                }
                if channel == Channel::Phone && rng.u32(0..100) < 35 {
                    let questions = crate::assistant::satisfaction::questions(kb, lang);
                    for q in questions.into_iter().filter(|q| q.scored) {
                        let score = *pick(&mut rng, &[5u8, 4, 3, 2, 1], &[45, 35, 12, 5, 3]);
                        r.satisfaction.push(SatisfactionAnswer {
                            question: q.id,
                            score: Some(score),
                            comment: None,
                        });
                    }
                }
            }
            r
        })
        .collect();
    out.sort_by(|a, b| a.started_at.cmp(&b.started_at));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(seed: u64) -> DemoPlan {
        DemoPlan {
            contacts: 2_000,
            days: 28,
            today: "2026-12-03".parse().unwrap(),
            seed,
            advisers: vec![(1, "Anwen Pryce".into()), (2, "Bryn Hughes".into())],
            matter: Some(DemoMatter::for_today("2026-12-03".parse().unwrap())),
        }
    }

    #[test]
    fn demo_contacts_look_like_a_contact_centres_weeks() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let kb = crate::knowledge::load_dir(&dir).unwrap().kb;
        let records = generate(&kb, &plan(7));
        assert_eq!(
            records,
            generate(&kb, &plan(7)),
            "the same seed, the same records"
        );
        assert_ne!(records, generate(&kb, &plan(8)));
        assert_eq!(records.len(), 2_000);
        let facts: Vec<_> = records.iter().map(|r| r.facts().unwrap()).collect();
        let share = |keep: &dyn Fn(&crate::assistant::facts::ContactFacts) -> bool| {
            facts.iter().filter(|f| keep(f)).count() * 100 / facts.len()
        };
        // Both languages, mostly English; mostly phone; most resolved.
        assert!((15..30).contains(&share(&|f| f.caller_lang == Lang::Cy)));
        assert!((45..65).contains(&share(&|f| f.channel == "phone")));
        assert!(share(&|f| f.outcome == Some("resolved-first-contact")) > 50);
        // Quiet weekends: Sundays far below Mondays.
        use chrono::Datelike;
        let on = |d: chrono::Weekday| facts.iter().filter(|f| f.day.weekday() == d).count();
        assert!(on(chrono::Weekday::Sun) * 5 < on(chrono::Weekday::Mon));
        // Intents the knowledge base knows; fictional callers only.
        let known: Vec<&str> = kb
            .signal_rules
            .as_ref()
            .unwrap()
            .intents
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert!(records.iter().all(|r| {
            r.conversation
                .intents()
                .iter()
                .all(|i| known.contains(&i.id.as_str()))
        }));
        assert!(records.iter().all(|r| {
            let c = r.caller.contact.as_deref().unwrap_or("");
            c.starts_with("07700 900") || c.ends_with("@example.org")
        }));
        // The matter is mentioned from its start, most during its burst.
        let m = DemoMatter::for_today("2026-12-03".parse().unwrap());
        let mentioned = |r: &&ContactRecord| r.conversation.matters().iter().any(|f| f.id == m.id);
        let day_of = |r: &ContactRecord| r.facts().unwrap().day;
        assert!(
            records
                .iter()
                .filter(mentioned)
                .all(|r| day_of(r) >= m.starts)
        );
        let in_burst = records
            .iter()
            .filter(mentioned)
            .filter(|r| (m.burst.0..=m.burst.1).contains(&day_of(r)))
            .count();
        assert!(in_burst * 2 > records.iter().filter(mentioned).count());
        let file: crate::knowledge::Matter = toml::from_str(&m.file_text()).unwrap();
        assert_eq!(file.id, m.id);
        assert!(
            records
                .windows(2)
                .all(|w| w[0].started_at <= w[1].started_at)
        );
    }
}
