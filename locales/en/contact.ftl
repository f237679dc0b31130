# A contact in the console: start, stages, conversation, advice, close.

nav-new-contact = New contact
contact-new-title = Start a contact
contact-channel = How did they contact us?
channel-phone = Phone
channel-email = Email
channel-letter = Letter
channel-web-form = Web form
channel-face-to-face = Face to face
contact-caller-type = Who is contacting us?
caller-type-public = Member of the public
caller-type-report-line = Serving officer or staff (Report Line)
caller-type-elected-representative = MP or Member of the Senedd
caller-type-solicitor = Solicitor or legal representative
caller-type-agency = Another agency
contact-caller-lang = Which language would they like? Ask at the start.
contact-start = Start the contact
contact-title = Contact { $id }
contact-restricted = Restricted record: only you and managers can see it.
contact-stages = Stages of the contact
contact-stage-go = Go to this stage
contact-current-stage = Current stage: { $stage }
contact-checklist = Checklist
contact-checklist-save = Save the checklist
contact-script = What to say
contact-no-script = There is no scripted line for this stage.
contact-conversation = Conversation
contact-turn-label = What the caller says, or your note
contact-turn-help = Write it in either language. Only what the assistant recognises is kept on the record, not these words.
contact-turn-submit = Add to the conversation
contact-advice = Advice
contact-nothing-yet = Nothing recognised yet.
contact-flags = Take care
contact-intents = Why they are in contact
contact-needs = Access and communication needs
contact-steps = Next steps
contact-guidance = Guidance
contact-scripts = Scripts
contact-agencies = Agencies
contact-because = because: { $why }
contact-unsure = We are not sure yet why they are in contact. Ask them. The two most likely:
contact-confidence = { $percent }% sure
contact-confirm = Agreed with the caller
contact-refer = Referred
contact-save-choices = Save adjustments and referrals
contact-close = Close the contact
contact-outcome = Outcome
outcome-resolved-first-contact = Resolved at first contact
outcome-follow-up = Follow-up needed
outcome-referred = Referred to another agency
outcome-transferred = Transferred
contact-action = Action to follow up (what)
contact-action-owner = Who will do it
contact-action-due = By when
contact-satisfaction = Satisfaction questions (ask only with consent; 1 = very dissatisfied, 5 = very satisfied)
contact-satisfaction-none = Not asked
contact-end = Save the record and close
contact-ended = Closed { $when }.
contact-actions = Actions
contact-urgent = Urgent
contact-letters = Letters
contact-letter-title = Letter for contact { $id }
contact-letter-template = Letter
contact-letter-force = Police force
contact-letter-no-force = None
contact-letter-outcome-date = Date of the outcome letter
contact-letter-request-date = Date the review request arrived
contact-letter-reasons = Reasons given for any delay
contact-letter-values = Details for the letter
contact-letter-preview = Preview
contact-letter-missing = Still needed: { $names }.
contact-letter-subject = Subject
contact-letter-body = Letter text (you can edit it before saving)
contact-letter-save = Save the letter with the contact
contact-letter-open = Write a letter
contact-letter-saved = Letters saved
contact-timing = Review timing
contact-timing-in-time = In time: day { $day }; the last day is { $deadline }.
contact-timing-late = Out of time by { $days ->
    [one] one day
   *[other] { $days } days
}. Last day was { $deadline }.
contact-timing-advice = Unusual case: ask a senior caseworker before replying.
letter-format-default = Let us know if you would like this letter in another format.
letter-format-adjustments = We have taken account of what you asked for: { $names }.
contact-force-body = Local policing body
contact-force-route = How to complain to this force
contact-timing-guidance = Guidance to apply
contact-add-need = Add a need the caller told you about
contact-add-need-none = Choose a need
contact-action-done = Mark done
contact-action-done-on = Done { $date }

# Letter details, by template variable.
letter-var-adviser-name = Adviser's name
letter-var-complaint-date = Date of the complaint
letter-var-contact-phone = Phone number for the caller to use
letter-var-days-late = Days late
letter-var-deadline-date = Last day
letter-var-reply-date = The date we will be in touch again by
letter-var-decision-date = Date of the decision
letter-var-decision-reasons = Reasons for the decision
letter-var-force-name = Police force
letter-var-format-note = Note on the letter's format
letter-var-local-policing-body = Local policing body
letter-var-outcome-date = Date of the outcome letter
letter-var-reasons = Reasons given for the delay
letter-var-recipient-address = Recipient's address
letter-var-recipient-name = Recipient's name
letter-var-reference = Reference
letter-var-request-date = Date the request arrived
letter-var-today = Date of the letter

# The workspace during a call: one screen.
contact-served-in = { $lang ->
    [cy] in Welsh
   *[en] in English
}
contact-stage-now = Stage now:
contact-next-stage = Next stage: { $stage }
contact-copy-line = Copy the line
contact-panels = Parts of the contact
contact-search = Search the guidance
contact-needs-referrals = Needs and referrals
contact-details = Force and summary
contact-more = { $count ->
    [one] One more
   *[other] { $count } more
}
contact-advice-empty = Steps, guidance and agencies appear here as you add to the conversation.
contact-agency-no-phone = No phone number on record
contact-referred = Referred
contact-refer-button = Refer
contact-refer-to = Refer to { $name }
contact-unrefer = Undo the referral to { $name }
contact-force = The force concerned
contact-force-heard = heard in the conversation
contact-force-heard-help = Recognised from the conversation. Change it if it is wrong.
contact-force-none = No force chosen
contact-summary = Your summary
contact-summary-help = A few words to remind you or a colleague. Not a transcript: do not record the caller's words.
contact-save-details = Save the force and summary
contact-in-progress = Contact { $id } is in progress: back to it
contact-need-agreed = agreed
contact-need-not-agreed = not agreed
contact-referrals = Referrals
contact-none-recorded = None recorded.

# The contacts list.
nav-contacts = My contacts
contacts-title = My contacts
contacts-status = Status
contacts-status-any = All
contacts-status-open = Open
contacts-status-closed = Closed
contacts-channel-any = Every channel
contacts-filter = Filter
contacts-none = There are no contacts here.
contacts-contact = Contact
contacts-started = Started
contacts-caller = Caller
contacts-about = About

# Dates.
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
contact-unrefer-short = Undo
contact-letter-bad-date = Enter a real date, for example 2 December 2026.
contact-letter-print = Print the letter
contact-letter-print-view = Print version
contact-matter = High-profile matter
contact-matter-lines = Lines to take:
