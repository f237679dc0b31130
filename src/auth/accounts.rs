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
    // Hashing is slow on purpose; keep it off the async executor.
    let hash = tokio::task::spawn_blocking(move || password::hash(&password))
        .await
        .map_err(|e| AccountError::BadPassword(PasswordError::Hash(e.to_string())))?
        .map_err(AccountError::BadPassword)?;
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
    if let Some(retry_after) = throttle::locked(store, &keys, SystemTime::now()).await? {
        return Err(LoginError::TooManyAttempts { retry_after });
    }
    let user = store.user_by_name(name).await?;
    let candidate = user.clone().filter(|u| !u.disabled);
    let password = password.to_owned();
    let ok = tokio::task::spawn_blocking(move || match &candidate {
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
            throttle::failed(store, &keys, SystemTime::now()).await?;
            // Who tried which name from where, for whoever investigates an
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
