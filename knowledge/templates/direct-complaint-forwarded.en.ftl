# Letter to a complainant telling them that the IOPC has passed their complaint
# to the police force concerned, which will record it and deal with it.

subject = We have passed your complaint to { $force_name } (reference { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Our reference: { $reference }

    Dear { $recipient_name },

    Your complaint about the police

    Thank you for your complaint, which we received on { $complaint_date }.

    By law, most complaints about the police are recorded and dealt with by the police force concerned, not by the IOPC. We have therefore passed your complaint to the force concerned, { $force_name }. The force will contact you to discuss your complaint and explain how it will deal with it. We have sent the force the information you gave us, including your contact details, so that it can do this.

    Contacting the force
    From now on, the force is the right organisation to contact about your complaint. Complaints are dealt with by the force's professional standards department. You can find its contact details on the force's website, or you can call 101 and ask for the professional standards department. When you contact the force, please say that the IOPC passed your complaint on, and quote our reference, { $reference }. If you do not hear from the force, please contact its professional standards department directly.

    When the force has finished
    When the force has finished dealing with your complaint, it will write to you to explain the outcome. That letter will tell you whether you can ask for a review if you are unhappy with the outcome, and who would carry out the review. For many complaints the review body is the local policing body, which for this force is { $local_policing_body }. For some more serious complaints it is the IOPC. You will normally have 28 days to ask for a review, so please keep the outcome letter safe.

    If you have any questions about this letter, please call us on { $contact_phone }, quoting reference { $reference }.

    { $format_note }

    Yours sincerely

    { $adviser_name }
    Customer Contact Centre
    Independent Office for Police Conduct (IOPC)
