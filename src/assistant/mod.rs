//! The contact assistant: what the adviser has open during a contact. It
//! works only from the knowledge base (retrieval plus rules editors can
//! change); no external service is involved.
//!
//! So far: the conversation (intents, flags, needs, suggestions),
//! recognising phrases in what a caller says (Welsh, English or
//! both), the out-of-time review calculator, and letters from the Fluent
//! templates.

pub mod classifier;
pub mod contact;
pub mod conversation;
pub mod eval;
pub mod letters;
pub mod recognise;
pub mod review_time;
pub mod satisfaction;
