# Letter to a complainant acknowledging their contact, giving the reference and
# explaining what happens next and when.

subject = We have received your message (reference { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Our reference: { $reference }

    Dear { $recipient_name },

    Thank you for contacting the Independent Office for Police Conduct (IOPC). We received your message on { $complaint_date } and have given it the reference { $reference }. Please quote this reference whenever you contact us about this matter.

    What happens next
    We will read what you have sent us carefully and decide the best way to deal with it.

    Most complaints about the police are recorded and dealt with by the police force concerned, not by the IOPC. If your message is a complaint about the police, we will usually pass it to the force and write to tell you that we have done so. The force will then contact you.

    If your message is about something we deal with ourselves, such as a request for a review, we will tell you what will happen and how long it is likely to take. If it is about something outside our remit, we will tell you which organisation may be able to help.

    We aim to contact you again by { $reply_date }.

    If you would like to add anything, or you have any questions in the meantime, please call us on { $contact_phone }. If you need us to communicate with you in a different way, for example in large print, in easy read, through Relay UK or in Welsh, please let us know.

    If anyone is in immediate danger, call 999. The IOPC cannot respond to emergencies.

    { $format_note }

    Yours sincerely

    { $adviser_name }
    Customer Contact Centre
    Independent Office for Police Conduct (IOPC)
