//! Interface strings from `locales/{cy,en}/*.ftl` (Fluent, compiled into the
//! binary) and choosing the interface language for a request.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use unic_langid::LanguageIdentifier;

use crate::lang::Lang;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "cy",
        // Bidirectional isolation marks would end up inside HTML attributes
        // and plain-text letters; both languages are left-to-right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn langid(lang: Lang) -> LanguageIdentifier {
    match lang {
        Lang::Cy => unic_langid::langid!("cy"),
        Lang::En => unic_langid::langid!("en"),
    }
}

/// Looks up interface strings in one language. Cheap to copy into templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    /// The language strings come in.
    pub lang: Lang,
}

impl Tr {
    /// A translator for `lang`.
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    /// The message `id`. A missing id shows as itself (and fails the
    /// locale completeness test long before it could reach a user).
    pub fn t(&self, id: &str) -> String {
        LOCALES
            .try_lookup(&langid(self.lang), id)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with one variable.
    pub fn t1<V: Arg>(&self, id: &str, name: &'static str, value: V) -> String {
        let args = HashMap::from([(Cow::Borrowed(name), value.fluent())]);
        LOCALES
            .try_lookup_with_args(&langid(self.lang), id, &args)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with two variables.
    pub fn t2<A: Arg, B: Arg>(
        &self,
        id: &str,
        a_name: &'static str,
        a: A,
        b_name: &'static str,
        b: B,
    ) -> String {
        let args = HashMap::from([
            (Cow::Borrowed(a_name), a.fluent()),
            (Cow::Borrowed(b_name), b.fluent()),
        ]);
        LOCALES
            .try_lookup_with_args(&langid(self.lang), id, &args)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with any number of variables.
    pub fn with_args(&self, id: &str, args: &[(&'static str, &dyn Arg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), value.fluent()))
            .collect();
        LOCALES
            .try_lookup_with_args(&langid(self.lang), id, &args)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with variables as a [`Message`] keeps them.
    pub fn with_message_args(&self, id: &str, args: &[(&'static str, MessageArg)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MessageArg::Text(v) => v.fluent(),
                    MessageArg::Number(n) => n.fluent(),
                    // Messages inside messages are put into words first, in
                    // this language.
                    MessageArg::List(list) => list
                        .iter()
                        .map(|(place, m)| format!("{place}: {}", m.text(self)))
                        .collect::<Vec<_>>()
                        .join("; ")
                        .fluent(),
                };
                (Cow::Borrowed(*name), value)
            })
            .collect();
        LOCALES
            .try_lookup_with_args(&langid(self.lang), id, &args)
            .unwrap_or_else(|| id.to_string())
    }

    /// The label of a tag-like value: `tag("need", "deaf")` is message
    /// `need-deaf`. Every prefix's values are checked by the locale test.
    pub fn tag(&self, prefix: &str, value: &str) -> String {
        self.t(&format!("{prefix}-{value}"))
    }

    /// A date in this language's long form: "2 Rhagfyr 2026", "2 December
    /// 2026".
    pub fn date<D: std::borrow::Borrow<chrono::NaiveDate>>(&self, date: D) -> String {
        use chrono::Datelike;
        let date = *date.borrow();
        let month = self.t(&format!("month-{}", date.month()));
        self.with_args(
            "date-long",
            &[
                ("day", &date.day().to_string()),
                ("month", &month),
                ("year", &date.year().to_string()),
            ],
        )
    }

    /// A stored time (RFC 3339, UTC) as people in Wales read it: UK local
    /// time, "2 Rhagfyr 2026, 14:05". Text that is not a time is shown as
    /// it is.
    pub fn when(&self, rfc3339: &str) -> String {
        let Ok(t) = chrono::DateTime::parse_from_rfc3339(rfc3339) else {
            return rfc3339.to_string();
        };
        let local = uk_local(t.naive_utc());
        format!("{}, {}", self.date(local.date()), local.format("%H:%M"))
    }

    /// The name of a language, in this language.
    pub fn lang_name<L: std::borrow::Borrow<Lang>>(&self, lang: L) -> String {
        match lang.borrow() {
            Lang::Cy => self.t("lang-cy"),
            Lang::En => self.t("lang-en"),
        }
    }
}

/// Today's date in the UK (deadlines are counted in UK days).
pub fn uk_today() -> chrono::NaiveDate {
    uk_local(chrono::Utc::now().naive_utc()).date()
}

/// The UK day of a stored time (RFC 3339), if it is one.
pub fn uk_date_of(rfc3339: &str) -> Option<chrono::NaiveDate> {
    let t = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(uk_local(t.naive_utc()).date())
}

/// UK civil time for a UTC time: GMT, or BST (an hour ahead) from 01:00
/// UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
/// October. Written here because the rule is fixed in law and one rule does
/// not justify a time-zone database.
fn uk_local(utc: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    use chrono::{Datelike, NaiveDate, TimeDelta};
    let last_sunday = |month: u32| {
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(utc.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(utc.year(), month + 1, 1)
        };
        let last = next.and_then(|d| d.pred_opt()).unwrap_or(utc.date());
        let back = last.weekday().num_days_from_sunday();
        (last - TimeDelta::days(i64::from(back)))
            .and_hms_opt(1, 0, 0)
            .unwrap_or(utc)
    };
    if utc >= last_sunday(3) && utc < last_sunday(10) {
        utc + TimeDelta::hours(1)
    } else {
        utc
    }
}

/// A value for a message variable. Templates pass references, code passes
/// values; both work.
pub trait Arg {
    /// The value as Fluent takes it.
    fn fluent(&self) -> FluentValue<'static>;
}

impl Arg for str {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}

impl Arg for String {
    fn fluent(&self) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn fluent(&self) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}
number_arg!(u8, u16, u64, usize, i64);

impl<T: Arg + ?Sized> Arg for &T {
    fn fluent(&self) -> FluentValue<'static> {
        (**self).fluent()
    }
}

/// A value in a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MessageArg {
    /// Text (a name, an id, a list of names).
    Text(String),
    /// A number (plural forms depend on it).
    Number(u64),
    /// Messages, each after where it applies (`path:line`), put into words
    /// in the reader's language and joined by `; `: the problems in content
    /// that cannot be published, say.
    List(Vec<(String, Message)>),
}

impl From<&str> for MessageArg {
    fn from(v: &str) -> Self {
        MessageArg::Text(v.to_string())
    }
}

impl From<String> for MessageArg {
    fn from(v: String) -> Self {
        MessageArg::Text(v)
    }
}

impl From<&String> for MessageArg {
    fn from(v: &String) -> Self {
        MessageArg::Text(v.clone())
    }
}

impl From<Lang> for MessageArg {
    fn from(v: Lang) -> Self {
        MessageArg::Text(v.code().to_string())
    }
}

impl From<usize> for MessageArg {
    fn from(v: usize) -> Self {
        MessageArg::Number(v as u64)
    }
}

impl From<u64> for MessageArg {
    fn from(v: u64) -> Self {
        MessageArg::Number(v)
    }
}

/// A message not yet put into words: its id in `locales/*/*.ftl` and its
/// variables. Code below the web layer (validation, say) reports with these
/// so each reader gets the words in their own language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    /// The Fluent message id.
    pub id: &'static str,
    /// Its variables, in the order given.
    pub args: Vec<(&'static str, MessageArg)>,
}

impl Message {
    /// The message `id` with no variables yet.
    pub fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// Adds the variable `name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<MessageArg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The variable `name`, if given.
    pub fn get(&self, name: &str) -> Option<&MessageArg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The message in the language of `t`.
    pub fn text(&self, t: &Tr) -> String {
        t.with_message_args(self.id, &self.args)
    }
}

/// Whether a message id is defined in a language itself (no fallback to
/// the other language; a message with variables counts even though it
/// cannot be formatted without them).
pub fn has_message(lang: Lang, id: &str) -> bool {
    use fluent_templates::LanguageIdentifier as Id;
    match LOCALES.lookup_single_language::<&str>(&langid(lang) as &Id, id, None) {
        Ok(_) => true,
        // Found, but its variables were not given. fluent-templates does not
        // export its error type, so the variant is told by name.
        Err(e) => format!("{e:?}").starts_with("FluentError"),
    }
}

/// Picks the interface language: an explicit choice (query parameter), then
/// the cookie, then the browser's `Accept-Language`, then `default`.
pub fn negotiate(
    explicit: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
    default: Lang,
) -> Lang {
    if let Some(lang) = [explicit, cookie]
        .into_iter()
        .flatten()
        .find_map(|v| v.parse::<Lang>().ok())
    {
        return lang;
    }
    if let Some(header) = accept_language {
        let requested = fluent_langneg::accepted_languages::parse(header);
        let available = [langid(Lang::Cy), langid(Lang::En)];
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        if let Some(first) = chosen.first() {
            return if first.language.as_str() == "en" {
                Lang::En
            } else {
                Lang::Cy
            };
        }
    }
    default
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_names_mutate_after_yn() {
        let cy = Tr::new(Lang::Cy);
        assert_eq!(
            cy.t1("results-language", "lang", "cy"),
            "wedi chwilio yn Gymraeg"
        );
        assert_eq!(
            cy.t1("results-language", "lang", "en"),
            "wedi chwilio yn Saesneg"
        );
        assert_eq!(
            cy.t1("caller-switch", "lang", "cy"),
            "Gwasanaethu'r galwr yn Gymraeg"
        );
        assert_eq!(cy.t1("contact-served-in", "lang", "cy"), "yn Gymraeg");
        let en = Tr::new(Lang::En);
        assert_eq!(
            en.t1("article-other-version", "lang", "cy"),
            "Read in Welsh"
        );
    }

    #[test]
    fn times_are_uk_local_and_long_in_both_languages() {
        // Winter: GMT.
        assert_eq!(
            Tr::new(Lang::Cy).when("2026-12-02T12:34:56Z"),
            "2 Rhagfyr 2026, 12:34"
        );
        assert_eq!(
            Tr::new(Lang::En).when("2026-12-02T12:34:56Z"),
            "2 December 2026, 12:34"
        );
        // Summer: BST, across midnight.
        assert_eq!(
            Tr::new(Lang::En).when("2026-07-31T23:30:00Z"),
            "1 August 2026, 00:30"
        );
        // The changes: 29 March and 25 October 2026, at 01:00 UTC.
        assert_eq!(
            Tr::new(Lang::En).when("2026-03-29T00:59:00Z"),
            "29 March 2026, 00:59"
        );
        assert_eq!(
            Tr::new(Lang::En).when("2026-03-29T01:00:00Z"),
            "29 March 2026, 02:00"
        );
        assert_eq!(
            Tr::new(Lang::Cy).when("2026-10-25T00:59:00Z"),
            "25 Hydref 2026, 01:59"
        );
        assert_eq!(
            Tr::new(Lang::Cy).when("2026-10-25T01:00:00Z"),
            "25 Hydref 2026, 01:00"
        );
        assert_eq!(Tr::new(Lang::Cy).when("not a time"), "not a time");
    }

    #[test]
    fn negotiation_order() {
        assert_eq!(negotiate(Some("en"), Some("cy"), None, Lang::Cy), Lang::En);
        assert_eq!(negotiate(Some("xx"), Some("en"), None, Lang::Cy), Lang::En);
        assert_eq!(
            negotiate(None, None, Some("en-GB,en;q=0.9"), Lang::Cy),
            Lang::En
        );
        assert_eq!(
            negotiate(None, None, Some("cy-GB, en;q=0.5"), Lang::En),
            Lang::Cy
        );
        assert_eq!(negotiate(None, None, Some("fr, de"), Lang::Cy), Lang::Cy);
        assert_eq!(
            negotiate(None, None, Some(";;;garbage"), Lang::En),
            Lang::En
        );
    }

    #[test]
    fn welsh_plurals_follow_cldr() {
        let cy = Tr::new(Lang::Cy);
        // 3 and 6 take the aspirate mutation: "3 chanlyniad".
        assert!(
            cy.t1("results-count", "count", 3usize)
                .contains("chanlyniad")
        );
        assert!(
            cy.t1("results-count", "count", 1usize)
                .contains("canlyniad")
        );
    }
}
