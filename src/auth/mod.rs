//! Who may do what: roles, password hashing, session tokens, login
//! throttling, and the account operations built on them (creating a user,
//! signing in). The web layer turns these into extractors; nothing here
//! knows about HTTP.

pub mod accounts;
pub mod password;
pub mod role;
pub mod throttle;
pub mod token;

pub use self::accounts::{
    AccountError, LoginError, add_user, change_password, login, reset_password, set_disabled,
    set_full_name,
};
pub use self::role::Role;

/// Whether a login name is acceptable: 2–64 ASCII letters, digits, `.`, `-`
/// or `_`, so names are safe in logs, audit lines and URLs.
pub fn valid_user_name(name: &str) -> bool {
    (2..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}
