//! Accounts: the one way to create a user and the one way to sign in, used
//! by the first start, the command line and the web console alike. Both are
//! audited; neither writes a password anywhere, and a failed sign-in's
//! name goes only to the audit.

use std::net::IpAddr;
use std::time::{Duration, SystemTime};

use super::password::{self, PasswordError};
use super::{Role, throttle, valid_user_name};
use crate::store::{Store, StoreError, User};

/// Why a user could not be created.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The name is not 2–64 letters, digits, `.`, `-` or `_`.
    #[error("a user name is 2 to 64 letters, digits, '.', '-' or '_'")]
    BadName,
    /// The password is too short or too long.
    #[error(transparent)]
    BadPassword(PasswordError),
    /// The full name is empty of letters, too long or holds control
    /// characters.
    #[error("a full name is 1 to 80 characters, without control characters")]
    BadFullName,
    /// Someone already has that name.
    #[error("a user called '{0}' already exists")]
    NameTaken(String),
    /// The current password given to change it was wrong.
    #[error("the current password is wrong")]
    WrongPassword,
    /// The new password and its confirmation differ.
    #[error("the new password and its confirmation differ")]
    Mismatch,
    /// An administrator tried to disable their own account.
    #[error("you cannot disable your own account")]
    OwnAccount,
    /// The store failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for AccountError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NameTaken(name) => AccountError::NameTaken(name),
            other => AccountError::Store(other),
        }
    }
}

/// Why a sign-in was refused.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    /// Too many recent failures from this address or for this name.
    #[error("too many failed attempts; try again in {} seconds", .retry_after.as_secs())]
    TooManyAttempts {
        /// How long until the next attempt is allowed.
        retry_after: Duration,
    },
    /// Unknown name, wrong password or a disabled account: deliberately one
    /// answer, so the reply never tells which.
    #[error("the name or password is wrong")]
    BadCredentials,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Creates a user after checking the name and the password, and records
/// who did it in the audit trail. `actor` is the administrator's name, `cli`
/// or `setup`.
/// Longest full name, in characters.
pub const MAX_FULL_NAME_CHARS: usize = 80;

/// Sets the name `user` signs letters with ("Siân Jones"); blank goes back
/// to the login name.
pub async fn set_full_name(
    store: &dyn Store,
    actor: &str,
    user: &User,
    full_name: &str,
) -> Result<(), AccountError> {
    let full_name = full_name.split_whitespace().collect::<Vec<_>>().join(" ");
    if full_name.chars().count() > MAX_FULL_NAME_CHARS || full_name.chars().any(char::is_control) {
        return Err(AccountError::BadFullName);
    }
    store.set_user_full_name(user.id, &full_name).await?;
    store.audit(actor, "user.full-name", &user.name).await?;
    Ok(())
}

/// Runs slow password work (Argon2 is slow on purpose) off the async
/// executor, a few at a time: a burst of sign-ins waits its turn instead
/// of taking every core.
async fn slow<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::task::JoinError> {
    static SLOTS: std::sync::LazyLock<tokio::sync::Semaphore> =
        std::sync::LazyLock::new(|| tokio::sync::Semaphore::new(4));
    let _slot = SLOTS
        .acquire()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(work).await
}

/// Hashes a password by the policy.
async fn hashed(password: String) -> Result<String, AccountError> {
    slow(move || password::hash(&password))
        .await
        .map_err(|e| AccountError::BadPassword(PasswordError::Hash(e.to_string())))?
        .map_err(AccountError::BadPassword)
}

/// A user changes their own password: the current one, then the new one
/// twice. The caller ends the user's sessions.
pub async fn change_password(
    store: &dyn Store,
    user: &User,
    current: &str,
    new: String,
    confirm: &str,
) -> Result<(), AccountError> {
    let stored = user.password_hash.clone();
    let current = current.to_owned();
    let right = slow(move || password::verify(&current, &stored))
        .await
        .unwrap_or(false);
    if !right {
        return Err(AccountError::WrongPassword);
    }
    if new != confirm {
        return Err(AccountError::Mismatch);
    }
    let hash = hashed(new).await?;
    store.set_user_password(user.id, &hash).await?;
    store
        .audit(&user.name, "user.password-change", &user.name)
        .await?;
    Ok(())
}

/// An administrator sets a new password for `user` (who has forgotten
/// theirs). The caller ends the user's sessions.
pub async fn reset_password(
    store: &dyn Store,
    actor: &str,
    user: &User,
    new: String,
) -> Result<(), AccountError> {
    let hash = hashed(new).await?;
    store.set_user_password(user.id, &hash).await?;
    store
        .audit(actor, "user.password-reset", &user.name)
        .await?;
    Ok(())
}

/// An administrator disables `user` (or enables them again). Nobody can
/// disable themselves, so there is always an administrator left to undo
/// it. The caller ends a disabled user's sessions.
pub async fn set_disabled(
    store: &dyn Store,
    actor: &User,
    user: &User,
    disabled: bool,
) -> Result<(), AccountError> {
    if disabled && actor.id == user.id {
        return Err(AccountError::OwnAccount);
    }
    store.set_user_disabled(user.id, disabled).await?;
    let action = if disabled {
        "user.disable"
    } else {
        "user.enable"
    };
    store.audit(&actor.name, action, &user.name).await?;
    Ok(())
}

pub async fn add_user(
    store: &dyn Store,
    actor: &str,
    name: &str,
    role: Role,
    password: String,
) -> Result<User, AccountError> {
    let name = name.trim();
    if !valid_user_name(name) {
        return Err(AccountError::BadName);
    }
    let hash = hashed(password).await?;
    let user = store.create_user(name, role, &hash).await?;
    store
        .audit(
            actor,
            "user.add",
            &format!("{} as {}", user.name, user.role),
        )
        .await?;
    Ok(user)
}

/// Checks a name and password, throttled per name at an address and per
/// address (see [`throttle`](super::throttle)). An unknown name costs the
/// same time as a wrong password, so timing does not reveal which names
/// exist. `address` is the client's network, as the web layer counts it.
pub async fn login(
    store: &dyn Store,
    name: &str,
    password: &str,
    address: IpAddr,
) -> Result<User, LoginError> {
    let name = name.trim();
    let keys = throttle::Keys::new(name, address);
    if let Some(retry_after) = throttle::attempt(store, &keys, SystemTime::now()).await? {
        return Err(LoginError::TooManyAttempts { retry_after });
    }
    let user = store.user_by_name(name).await?;
    let candidate = user.clone().filter(|u| !u.disabled);
    let password = password.to_owned();
    let ok = slow(move || match &candidate {
        Some(u) => password::verify(&password, &u.password_hash),
        None => {
            password::verify_dummy(&password);
            false
        }
    })
    .await
    .unwrap_or(false);
    match user.filter(|u| ok && !u.disabled) {
        Some(user) => {
            throttle::succeeded(store, &keys).await?;
            store.audit(&user.name, "login", "").await?;
            Ok(user)
        }
        None => {
            // Already counted by `attempt`. Who tried which name from
            // where, for whoever investigates an
            // attack (the audit is kept only as long as the retention
            // policy says). Never in the logs.
            let tried: String = name.chars().take(64).collect();
            store
                .audit("-", "login.failed", &format!("{tried} from {address}"))
                .await?;
            tracing::info!("login failed");
            Err(LoginError::BadCredentials)
        }
    }
}
