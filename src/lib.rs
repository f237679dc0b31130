//! Canllaw: bilingual Welsh/English guidance for contact-centre advisers.
//!
//! The crate is laid out in the order data flows through it:
//!
//! * [`knowledge`]: the knowledge model, loading from files and validation;
//! * [`analysis`]: Welsh and English text analysis (ours: mutations, plurals,
//!   the Bangor lexicon, language detection);
//! * [`index`]: the tantivy index built from the knowledge base;
//! * [`search`]: queries, ranking, snippets and evaluation;
//! * [`assistant`]: the contact assistant (review timing, letters, …);
//! * [`store`]: content and its revisions, users, sessions (SQLite);
//! * [`published`]: the knowledge and index the service currently serves;
//! * [`auth`]: roles, passwords, tokens, login throttling; adding users and
//!   signing in;
//! * [`contacts`]: contact records: access, changes, close-out, letters;
//! * [`i18n`]: interface strings (Fluent) and language negotiation;
//! * [`web`]: the adviser console and the JSON API (axum);
//! * [`app`]: builds the service from its settings;
//! * [`cli`]: the `canllaw` command line.

pub mod analysis;
pub mod app;
pub mod assistant;
pub mod auth;
pub mod cli;
pub mod contacts;
pub mod editorial;
pub mod i18n;
pub mod index;
pub mod knowledge;
pub mod lang;
pub mod problems;
pub mod published;
pub mod reporting;
pub mod retention;
pub mod search;
pub mod store;
pub mod web;
pub mod workers;
