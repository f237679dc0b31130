//! The contact assistant: what the adviser has open during a contact. It
//! works only from the knowledge base (retrieval plus rules editors can
//! change); no external service is involved.
//!
//! The conversation (intents, flags, needs, suggestions), read by phrase
//! rules and by a classifier learned from editors' examples, in Welsh,
//! English or both; search guided by what a sentence is about; the
//! out-of-time review calculator; and letters from the Fluent templates.

pub mod classifier;
pub mod contact;
pub mod conversation;
pub mod eval;
pub mod facts;
pub mod force;
pub mod guided;
pub mod letters;
pub mod recognise;
pub mod review_time;
pub mod satisfaction;
