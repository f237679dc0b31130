//! Who may do what with a contact record.

use crate::assistant::contact::ContactRecord;
use crate::auth::Role;
use crate::store::User;

/// Who may read a record: the handling adviser and managers; admins too,
/// except restricted (Report Line, whistleblowing) records.
pub fn may_see(user: &User, record: &ContactRecord) -> bool {
    user.id == record.adviser_id
        || user.role == Role::Manager
        || (user.role == Role::Admin && !record.restricted)
}

/// Who may change a record during the contact: only the handling adviser.
pub fn may_change(user: &User, record: &ContactRecord) -> bool {
    user.id == record.adviser_id
}

/// Who may mark post-contact actions done: the handling adviser and
/// managers (work after the call is often picked up by someone else).
pub fn may_complete_actions(user: &User, record: &ContactRecord) -> bool {
    user.id == record.adviser_id || user.role == Role::Manager
}
