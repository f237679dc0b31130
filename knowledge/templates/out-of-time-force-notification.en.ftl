# Letter to the police force telling it the IOPC's decision on a review
# request that arrived after the 28-day time limit, with the dates and reasons.

subject = Review request received after the time limit: IOPC decision (reference { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Our reference: { $reference }

    Dear { $recipient_name },

    Review request received after the time limit

    I am writing to tell you about our decision on a request for a review of the outcome of a complaint handled by { $force_name }. The request reached us after the 28-day time limit, so we first had to decide whether there were exceptional circumstances that would allow us to consider it.

    Details of the request
    Force: { $force_name }
    Date the complaint was made: { $complaint_date }
    Date of the outcome letter: { $outcome_date }
    Last day to request a review: { $deadline_date }
    Date the review request was received: { $request_date }
    Number of days after the time limit: { $days_late }
    Date of our decision: { $decision_date }

    The complainant's reasons for the delay
    { $reasons }

    Our decision and the reasons for it
    { $decision_reasons }

    Next steps
    If we have decided to consider the review, we will contact you separately to ask for the complaint records we need. We would be grateful if you could make sure those records are kept available.

    If we have decided not to consider the review, you do not need to take any further action on this request, and the outcome given to the complainant remains in place.

    We have written to the complainant to tell them about our decision.

    Please quote our reference, { $reference }, in any correspondence about this matter. If you have any questions, please call us on { $contact_phone }.

    Yours sincerely

    { $adviser_name }
    Customer Contact Centre
    Independent Office for Police Conduct (IOPC)
