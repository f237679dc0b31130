//! The four roles and what each may do.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A user's role. Roles are not a ladder: an editor changes content, a
/// manager reads records and figures, an admin manages users. Every role may
/// use the adviser console, because editors and managers take calls too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Answers contacts: search, guidance, scripts, agencies.
    Adviser,
    /// Also edits the knowledge base.
    Editor,
    /// Also sees contact records and figures.
    Manager,
    /// Also manages users.
    Admin,
}

impl Role {
    /// Every role, in order.
    pub const ALL: [Role; 4] = [Role::Adviser, Role::Editor, Role::Manager, Role::Admin];

    /// The name stored and shown (`adviser`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Adviser => "adviser",
            Role::Editor => "editor",
            Role::Manager => "manager",
            Role::Admin => "admin",
        }
    }

    /// Whether this role oversees the service: the figures, the problem
    /// log and personal data (managers and admins).
    pub fn oversees(self) -> bool {
        matches!(self, Role::Manager | Role::Admin)
    }

    /// Whether this role may manage users.
    pub fn manages_users(self) -> bool {
        self == Role::Admin
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role '{s}' (adviser, editor, manager or admin)"))
    }
}
