# The public site: page frame, home, search, articles, who else can help, review deadline.

pub-site-name = Complaining about the police
pub-site-description = How to complain about the police in England and Wales, how to ask for a review, and who else can help.
pub-switch = Cymraeg
pub-nav = Main menu
pub-nav-home = Home
pub-nav-search = Search
pub-nav-review = Review deadline
pub-nav-agencies = Who else can help
pub-phone = Call us on 0300 020 0096.
pub-welsh = You are welcome to contact us in Welsh, by phone and in writing. It will not cause any delay.
pub-no-tracking = No tracking cookies and no analytics: only a cookie that remembers your choice of language.
pub-error-home = Go to the home page

pub-home-title = Complaining about the police
pub-home-lead = How to complain, how to ask for a review of your complaint's outcome, and who else you can turn to.
pub-search-label = Search for help
pub-search-submit = Search
pub-home-tasks = What would you like to do?
pub-task-review = Am I still in time to ask for a review?
pub-task-review-hint = Enter the date on your outcome letter.
pub-task-agencies = Who else can help
pub-task-agencies-hint = Organisations that can help you, by what you need and where you live.
pub-home-topics = Topics

pub-search-title = Search
pub-search-title-for = Search: { $query }
pub-search-nothing = Nothing found for “{ $query }”
pub-search-did-you-mean = Did you mean
pub-search-ways = The main ways to complain
pub-search-count = { $count ->
    [one] One result
   *[other] { $count } results
}
pub-search-agency = Organisation that can help
pub-search-try-other = Chwilio yn Gymraeg yn lle hynny

pub-article-agencies = Who can help
pub-article-related = See also
pub-article-reviewed = This page was last reviewed on { $date }.

pub-agencies-title = Who else can help
pub-agencies-lead = Other organisations that can help or support you. Choose what you need and where you live.
pub-agencies-need = What you need
pub-agencies-area = Where you live
pub-agencies-any = Anything
pub-agencies-anywhere = Anywhere
pub-agencies-welsh = Only those that can help in Welsh
pub-agencies-submit = Show
pub-agencies-count = { $count ->
    [0] No organisations match. Try fewer choices.
    [one] One organisation.
   *[other] { $count } organisations.
}
pub-agency-phone = Phone
pub-agency-text = Text
pub-agency-relay = Relay UK (text relay)
pub-agency-email = Email
pub-agency-web = Website
pub-agency-hours = Opening hours
pub-agency-welsh = In Welsh
pub-agency-welsh-yes = They can help in Welsh
pub-agency-welsh-no = No Welsh-language service that we know of
pub-agency-verified = We checked these details on { $date }.
pub-agency-unverified = We have not been able to check these details. Check them on the organisation's website before you get in touch.

pub-review-title = Am I still in time to ask for a review?
pub-review-lead = You usually have { $days } days from the date on your outcome letter to ask for a review.
pub-review-question = What is the date on your outcome letter?
pub-review-hint = For example, 27 3 2026
pub-review-day = Day
pub-review-month = Month
pub-review-year = Year
pub-review-submit = Check
pub-review-in-time = You are still in time
pub-review-in-time-body = The last day to ask for a review is { $date }. { $days ->
    [0] Today is the last day.
    [one] You have one day left.
   *[other] You have { $days } days left.
}
pub-review-in-time-next = Send your request now, even if you do not have everything yet. Your outcome letter says who to send it to.
pub-review-late = The time limit has passed
pub-review-late-body = The time limit ended on { $date } ({ $days ->
    [one] yesterday
   *[other] { $days } days ago
}).
pub-review-late-next = You can still ask for a review. Say why your request is late: the review body can accept it if there is a good reason.
pub-review-more = More information
pub-review-error-incomplete = Enter the date on your outcome letter, with the day, month and year
pub-review-error-year = The year must include 4 numbers
pub-review-error-real = The date must be a real date
pub-review-error-future = The date must be today or in the past
pub-error-summary = There is a problem
pub-error-prefix = Error:

pub-home-guides = Step-by-step guides
pub-flow-intro = Answer a few questions to find out what you can do next. It takes about a minute.
pub-flow-private = We do not keep your answers.
pub-flow-start = Start now
pub-flow-back = Back
pub-flow-continue = Continue
pub-flow-choose = Select one answer
pub-flow-step = Question { $n }
pub-flow-check-title = Check your answers
pub-flow-change = Change
pub-flow-change-hidden = your answer to: { $question }
pub-flow-confirm = See the result
pub-flow-result-title = What you can do
pub-flow-result-next = Next steps
pub-flow-read = Read more
pub-flow-help = Who can help
pub-flow-again = Start again
