# The editors' pages: content list, editing, review, history, health, audit.

nav-editor = Content
editor-title = Content
editor-nav-label = Content
editor-nav-list = All content
editor-nav-new = New item
editor-nav-health = Content health
editor-nav-audit = Audit log
editor-filter = Filter
editor-filter-apply = Apply filters
editor-filter-clear = Clear filters
editor-any = Any
editor-kind = Kind
editor-language = Language
editor-both-languages = Welsh and English
editor-audience = Audience
editor-status = Status
editor-review-due = Review due
editor-translation-needed = Translation missing or needs updating
editor-unverified = Unverified details
editor-count = Showing { $shown } of { $total } files
editor-item = Item
editor-review-by = Review by
editor-translation = Translation
editor-retires = retires the file
editor-overdue = Overdue since { $date }
editor-unverified-short = Details unverified
editor-stale-short = { $lang ->
    [cy] Welsh needs updating
   *[en] English needs updating
}
editor-missing-short = Other language missing

folder-articles = Articles
folder-scripts = Scripts
folder-agencies = Agencies
folder-adjustments = Adjustments
folder-flows = Question flows
folder-templates = Letter templates
folder-forces = Police forces
folder-rules = Assistant rules
folder-matters = High-profile matters
folder-glossary = Glossary
status-published = Published
status-draft = Draft
status-in_review = In review
audience-public = Public
audience-internal = Internal

editor-back-to-list = Back to all content
editor-back-to-item = Back to the item
editor-back-to-history = Back to the history
editor-four-eyes = A change is published by someone other than the person who wrote it.
editor-missing-translation = This language version does not exist yet.
editor-start-translation = Start it from the other language's text
editor-published-revision = Published revision { $revision }
editor-never-published = Not published yet
editor-draft-state-draft = Draft
editor-draft-state-in-review = In review
editor-draft-by = by { $names }
editor-history = History
editor-stale = { $lang ->
    [cy] The English version changed since this Welsh text was last updated: it needs updating.
   *[en] The Welsh version changed since this English text was last updated: it needs updating.
}
editor-confirm-translation = { $lang ->
    [cy] The Welsh is up to date
   *[en] The English is up to date
}
editor-problems = { $count ->
    [one] One problem to fix
   *[other] { $count } problems to fix
}
editor-problem-at = Line { $line }: { $message }
editor-problem-in = { $file }: { $message }
editor-confirm-stale-intro = Publishing now leaves these texts out of date:
editor-confirm-stale = Publish anyway (this is recorded in the audit log)
editor-retire-explained = This draft retires the file: once published, it leaves search and the public site. Its history stays.
editor-details = Details: title, summary, audience, keywords and links
editor-body = Text (Markdown)
editor-body-hint = ## for a heading, **bold**, - for a list, [[article:id]] for a link to other guidance.
editor-preview = Preview
editor-preview-button = Show preview
editor-preview-not-saved = This is a preview: nothing has been saved yet.
editor-text = Text
editor-save = Save draft
editor-save-submit = Save and send for review
editor-see-changes = See what this change does
editor-publish = Approve and publish
editor-own-change = You wrote this change, so someone else approves it.
editor-discard = Throw the draft away
editor-retire = Retire…
editor-remove-entry = Remove this one
editor-add-entry = Add another
editor-remove-field = Remove this field
editor-add-field = Add a field
editor-add-field-button = Add
editor-no-welsh-value = No Welsh value
editor-no-english-value = No English value
editor-one-per-line = One per line.
editor-date-hint = A date as YYYY-MM-DD.
editor-fields-refused = Some values could not be used. Nothing was saved; what you typed is below.
editor-expected-text = Enter text.
editor-expected-list = Enter one value per line.
editor-expected-bool = Choose yes or no.
editor-expected-date = Enter a date as YYYY-MM-DD (or false where details could not be checked).
editor-expected-integer = Enter a whole number.
editor-expected-number = Enter a number.
editor-done-saved = Draft saved.
editor-done-submitted = Saved and sent for review.
editor-done-published = Published. Search and the assistant already use it.
editor-done-published-not-reloaded = Published, but search could not be updated yet: it will be after the next publication or restart.
editor-done-discarded = The draft was thrown away; the published text is unchanged.
editor-done-confirmed = Marked as up to date.
editor-done-retire-saved = A draft retiring the file is ready for review.
editor-done-translation-started = The other language version was started from this text: translate it and save.
editor-done-restored = The old revision is now a draft: review and publish it to bring it back.
editor-done-created = New item started as a draft. It is internal until you choose its audience.

editor-conflict-title = Someone else changed this
editor-conflict-intro = Someone else saved or published this file after you opened it. Your text has not been lost: it is below. Compare it with theirs, then save yours over it or start again from theirs.
editor-conflict-changes = What your text changes in theirs
editor-conflict-yours = Your text
editor-conflict-yours-label = Your text, whole
editor-conflict-save-mine = Save my text over theirs
editor-conflict-open-theirs = Open theirs instead
editor-diff-legend = Added words are underlined; removed words are struck through.
editor-diff-none = No fields changed.
editor-diff-field = Field
editor-diff-before = Before
editor-diff-after = After
editor-diff-absent = (none)
editor-diff-title = { $from } compared with { $to }
editor-compare = Compare two versions
editor-compare-from = From
editor-compare-to = to
editor-compare-button = Compare
editor-the-draft = the draft
editor-nothing = nothing (before the first revision)
editor-revision = revision { $revision }
editor-revision-col = Revision
editor-when = When
editor-who = Who
editor-actions = Actions
editor-retired = retired
editor-what-changed = What changed in revision { $revision }
editor-restore = Restore revision { $revision } as a draft

editor-health-title = Content health
editor-health-none = Nothing here.
editor-health-overdue = Past their review date ({ $count })
editor-health-missing = Missing a language version ({ $count })
editor-health-stale = Translation needs updating ({ $count })
editor-health-unverified = Agencies with unverified details ({ $count })
editor-health-problems = Problems in published content, broken references among them ({ $count })
editor-health-unfound = Searches that found nothing
editor-health-unfound-help = What people searched for without finding anything, most frequent first. Personal details are removed before anything is stored.
editor-health-unfound-group = { $lang ->
    [cy] In Welsh
   *[en] In English
}, { $audience ->
    [public] on the public site
   *[internal] in the console
}
editor-search-text = Search
editor-search-times-unfound = Times
editor-search-times-abandoned = Times not followed
editor-health-abandoned = Searches people gave up on
editor-health-abandoned-help = Searches whose results were shown but none was opened, most frequent first. A search counts once it is submitted or left for two seconds; personal details are removed first.
editor-search-last = Last searched
editor-write-article = Write an article for this

editor-new-title = Start a new item
editor-new-id = Identifier
editor-new-id-hint = Lower-case letters, numbers and hyphens, the same in both languages, for example lost-property.
editor-new-keywords = Keywords
editor-new-keywords-hint = Words people search with, separated by commas.
editor-new-explained = Articles and scripts get a Welsh and an English file; other kinds keep both languages in one. The new item starts as a draft laid out like the others of its kind, with its audience internal.
editor-new-create = Start the draft
editor-new-bad-id = Choose an identifier of lower-case letters, numbers and hyphens.
editor-new-exists = { $path } already exists.

editor-audit-title = Audit log
editor-audit-actor = Who (user name)
editor-audit-item = Item
editor-audit-from = From
editor-audit-to = To
editor-audit-action = What
editor-audit-detail = Detail
editor-audit-count = { $count } entries (newest first, at most { $limit })

field-id = Identifier
field-title = Title
field-summary = Summary
field-audience = Audience
field-topics = Topics
field-keywords = Keywords
field-related = Related articles
field-agencies = Agencies
field-scripts = Scripts
field-articles = Articles
field-reviewed = Last reviewed
field-owner = Owner
field-stage = Stage
field-caller-types = Callers
field-name = Name
field-description = Description
field-when-to-refer = When to refer
field-contact = Contact
field-phone = Phone
field-text = Text
field-subject = Subject
field-body = Letter
field-contact-text = Text-message number
field-relay = Relay UK or textphone
field-email = Email
field-web = Web address
field-hours = Opening hours
field-needs = Needs
field-areas = Areas
field-welsh-service = Service in Welsh
field-source = Source checked
field-verified = Details checked on
field-questions = Question
field-answers = Answer
field-label = Button text
field-next = Next question
field-outcome = Outcome
field-outcomes = Outcome
field-help = Help text
field-start = First question
field-steps = Steps
field-recognise = Recognised by
field-decisive = Settled by
field-intents = Intent
field-flags = Flag
editor-problems-placed = { $count ->
    [one] One is shown next to the field or text it is about.
   *[other] { $count } are shown next to the fields or text they are about.
}
field-lines-to-take = Lines to take
field-starts = Live from
field-ends = Live until (or false)

editor-letter-variables = Details a letter can use
editor-letter-variables-help = Type one where you want the detail to appear in the letter, curly brackets included; it is filled in from the contact record.
