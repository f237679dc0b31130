# Retention and subject access.

nav-retention = Personal data
retention-title = Personal data: retention and subject access
retention-policy = How long records are kept
retention-col-kind = Record
retention-col-kept = Kept for
retention-kind-contacts = A contact's personal details, from the day it ended
retention-kind-restricted = The same for Report Line and whistleblowing contacts
retention-kind-audit = Audit entries
retention-kind-searches = Counts of searches, from the day last seen
retention-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
retention-policy-hint = The periods are set in the service's configuration (the --keep-…-days options, or CANLLAW_KEEP_…_DAYS). The service purges when it starts and every day.
retention-due = Past retention now
retention-nothing-due = Nothing is past its retention period.
retention-what-goes = A purge anonymises contacts: the caller's details, the summary, letters, the words of actions and comments, and what the conversation kept go; reasons, outcomes, times and scores stay, so the figures do not change. It deletes old audit entries and search counts.
retention-purge-now = Purge now
retention-purged = The purge is done, and recorded below.
retention-done = Purges done
retention-none-done = No purge has been done yet.
retention-col-when = When
retention-col-who = By
retention-col-what = What went
retention-count-contacts = { $count ->
    [one] { $count } contact anonymised
   *[other] { $count } contacts anonymised
}
retention-count-restricted = { $count ->
    [one] { $count } restricted contact anonymised
   *[other] { $count } restricted contacts anonymised
}
retention-count-audit = { $count ->
    [one] { $count } audit entry deleted
   *[other] { $count } audit entries deleted
}
retention-count-searches = { $count ->
    [one] { $count } search count deleted
   *[other] { $count } search counts deleted
}
retention-subject = Subject access request
retention-subject-hint = Every contact record about one person, as a file to review before sending. It looks in the caller's details and in what advisers wrote, ignoring capitals, spacing and how a phone number is laid out. Each export is recorded in the audit, with the number of records, never the person.
retention-subject-by = Find them by
retention-by-name = Name
retention-by-phone = Phone number
retention-by-email = E-mail address
retention-by-reference = Reference
retention-subject-value = Name, number, address or reference
retention-subject-export = Download the records
retention-subject-too-short = Give more to search by: at least 3 letters or digits (6 digits for a phone number).
retention-views = Views of restricted records
retention-views-hint = Every time someone opened a Report Line or whistleblowing record, newest first. Only managers see this list.
retention-no-views = No restricted record has been opened.
retention-col-viewer = Who looked
retention-col-contact = Record
retention-contact-n = Contact { $id }
