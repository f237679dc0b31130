# Letter to a complainant whose review request arrived after the 28-day time
# limit, telling them that their reasons amount to exceptional circumstances
# and that the review will be considered.

subject = Your request for a review: we will consider it (reference { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Our reference: { $reference }

    Dear { $recipient_name },

    Your request for a review of the outcome of your complaint

    Thank you for asking us to review the outcome of your complaint about { $force_name }. I am writing to let you know that, although your request reached us after the time limit, we have decided to consider it.

    The dates we have used
    Date of the outcome letter: { $outcome_date }
    Last day to ask for a review: { $deadline_date }
    Date we received your request: { $request_date }
    Number of days after the time limit: { $days_late }

    A review should normally be requested within 28 days. The 28 days usually start on the day after the date on the outcome letter. We can only consider a request that arrives later if there are exceptional circumstances.

    These are the reasons you gave for the delay: { $reasons }

    We have considered what you told us carefully. On { $decision_date } we decided that your reasons amount to exceptional circumstances. { $decision_reasons }

    What happens next
    We will now consider whether the outcome of your complaint was reasonable and proportionate. We will ask { $force_name } for the information it holds about how your complaint was handled, and we have told the force about our decision. We will write to you again when we have completed the review.

    You do not need to do anything at the moment. If you have information that you have not yet sent us, please send it as soon as possible, quoting our reference.

    If you have any questions, please call us on { $contact_phone } or write to us, quoting reference { $reference }.

    { $format_note }

    Yours sincerely

    { $adviser_name }
    Customer Contact Centre
    Independent Office for Police Conduct (IOPC)
