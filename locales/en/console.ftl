# The adviser console: page frame, search, content pages, login, users.

skip-to-content = Skip to main content
nav-label = Main
nav-search = Search
nav-agencies = Agencies
nav-scripts = Scripts
nav-users = Users
switch-ui = Cymraeg
caller-language = Caller's language: { $lang }.
caller-switch = Serve the caller in { $lang ->
    [cy] Welsh
   *[en] English
}
signed-in-as = Signed in as { $name }
logout = Sign out
lang-cy = Welsh
lang-en = English
yes = Yes
no = No

login-title = Sign in
login-name = User name
login-password = Password
login-submit = Sign in

search-title = Search the guidance
search-label = Search guidance, agencies and scripts
search-submit = Search
search-help = Type in Welsh or English. Press / to come back here, ↑ and ↓ to move through results, Enter to open one, Esc to clear.
search-filters = Filters
search-kind = Show
search-qlang = Language of the search
search-qlang-auto = Detect from the words
search-start = Start typing what the caller needs.
search-nothing = Nothing found for “{ $query }”.
search-did-you-mean = Did you mean:
search-tip-fewer = Try fewer or shorter words.
search-tip-other-language = Try the words in the other language, or choose the language under Filters.
search-starting-points = Common starting points
results-count = { $count ->
    [one] One result
   *[other] { $count } results
}
results-language = searched in { $lang ->
    [cy] Welsh
   *[en] English
}
kind-any = Everything
kind-article = Guidance
kind-agency = Agency
kind-script = Script
badge-internal = Internal

back-to-search = Back to search
article-reviewed = Reviewed { $date } by { $owner }
article-other-version = Read in { $lang ->
    [cy] Welsh
   *[en] English
}
related-title = Related
related-articles = Related guidance
related-agencies = Agencies to refer to
related-scripts = Scripts

agencies-title = Referral agencies
agencies-need = Caller's need
agencies-area = Area
agencies-any = Any
agencies-welsh = Can help in Welsh
agencies-welsh-badge = Welsh service
agencies-filter = Filter
agencies-count = { $count ->
    [one] One agency
   *[other] { $count } agencies
}
back-to-agencies = Back to agencies
agency-when = When to refer
agency-contact = Contact details
agency-phone = Phone
agency-text = Text
agency-relay = Relay
agency-email = Email
agency-web = Website
agency-hours = Opening hours
agency-welsh = Service in Welsh
agency-areas = Areas served
agency-needs = Helps with
agency-checked = Details checked
agency-verified-on = Checked on { $date }
agency-not-verified = Not every detail could be checked: confirm before you refer.
agency-source = Source

scripts-title = Scripts
scripts-in-language = Shown in the caller's language: { $lang }.
scripts-stage = Stage of the contact
scripts-all-stages = All stages
scripts-show = Show

users-title = Users
users-name = User name
users-role = Role
users-state = State
users-active = Active
users-disabled = Disabled
users-add = Add a user
users-password = Password
users-create = Create user
agency-unverified = Not verified: confirm before referring
users-full-name = Full name
users-full-name-help = The name letters are signed with, for example Siân Jones.
users-full-name-of = Full name of { $name }
users-full-name-save = Save
search-try-other = Search in { $lang ->
    [cy] Welsh
   *[en] English
} instead
account-link = My account
account-title = My account
account-password = Change your password
account-password-help = { $min } to { $max } characters, and not a common one. Changing it signs you out everywhere else.
account-current = Current password
account-new = New password
account-confirm = New password again
account-save = Change password
account-changed = Your password has been changed. You have been signed out everywhere else.
users-password-reset = Reset password
users-reset = Reset
users-new-password-of = New password for { $name }
users-disable = Disable
users-enable = Enable
users-disable-name = Disable { $name }
users-enable-name = Enable { $name }
