# Letter to a complainant whose review request arrived after the 28-day time
# limit, telling them that their reasons do not amount to exceptional
# circumstances, so the review cannot be considered, and what they can still do.

subject = Your request for a review arrived after the time limit (reference { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Our reference: { $reference }

    Dear { $recipient_name },

    Your request for a review of the outcome of your complaint

    Thank you for asking us to review the outcome of your complaint about { $force_name }. I am sorry to tell you that we are not able to consider your request. It reached us after the time limit, and we have decided that there are no exceptional circumstances that would allow us to accept it.

    The dates we have used
    Date of the outcome letter: { $outcome_date }
    Last day to ask for a review: { $deadline_date }
    Date we received your request: { $request_date }
    Number of days after the time limit: { $days_late }

    A review should normally be requested within 28 days. The 28 days usually start on the day after the date on the outcome letter. We can only consider a request that arrives later if there are exceptional circumstances.

    These are the reasons you gave for the delay: { $reasons }

    We have considered what you told us carefully, and we understand that this decision will be disappointing. On { $decision_date } we decided that your reasons do not amount to exceptional circumstances. { $decision_reasons }

    This means that we will not review the outcome of your complaint, and the outcome set out in the letter dated { $outcome_date } remains in place. We have told { $force_name } about our decision.

    What you can still do
    You can contact { $force_name } if you have questions about the outcome or how it was reached.

    If you have information about the reasons for the delay that you did not give us before, please contact us as soon as possible and tell us what it is.

    If you believe our decision is wrong in law, you may be able to challenge it by judicial review. Strict time limits apply, so you should get legal advice quickly, for example from a solicitor or Citizens Advice.

    If something new has happened involving the police, you can make a new complaint to the force concerned.

    If you are unhappy with the service we have given you, you can complain about our service. This cannot change the decision in this letter.

    If you have any questions, please call us on { $contact_phone } or write to us, quoting reference { $reference }.

    { $format_note }

    Yours sincerely

    { $adviser_name }
    Customer Contact Centre
    Independent Office for Police Conduct (IOPC)
