# Errors, shown on pages and in API responses.

error-title = Something went wrong
error-status = Error code { $status }
error-home = Go to the search page
error-not-found = We could not find that page or item. It may have been moved or removed.
error-method-not-allowed = That action is not possible here.
error-too-large = What was sent is too large.
error-unsupported-media-type = What was sent is not in a format we accept.
error-unauthenticated = Please sign in first.
error-forbidden = Your role does not allow this.
error-csrf = This form has expired or did not come from this site. Go back, reload the page and try again.
error-query-too-long = The search is too long: use at most { $limit } characters.
error-bad-parameter = The value of “{ $name }” is not one we recognise.
error-bad-request = The request could not be understood.
error-internal = Something went wrong on our side. It has been logged; please try again.
error-conflict = Someone else changed this record, or it is closed. Reload it and try again.
error-letter-incomplete = The letter cannot be made yet. Fill in: { $names }.
error-request-before-outcome = The request is dated before the outcome it asks to review. Check both dates.
error-date-out-of-range = The date is too far away to count with. Check the year.
error-bad-credentials = The user name or password is not right. Check them and try again.
error-too-many-attempts = Too many failed attempts. Try again in { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}.
error-too-many-requests = Too many searches in a short time. Wait a few seconds and try again.
error-bad-user-name = A user name is 2 to 64 letters, digits, full stops, hyphens or underscores.
error-bad-password = The password must be { $min } to { $max } characters long, and not a common or easily guessed one.
error-name-taken = There is already a user with that name.
error-own-change = Someone who did not write this change has to approve it.
error-not-in-review = Send the change for review before it is published.
error-content-invalid = Fix these problems before the change is published: { $problems }
error-translation-stale = The other language needs updating: { $texts }. Confirm if you want to publish anyway.
error-record-full = { $what ->
    [letters] This contact record already holds as many letters as it can.
   *[size] This contact record is full. Shorten what was written, then save again.
}
error-wrong-password = The current password is not right.
error-password-mismatch = The new password and its confirmation are not the same.
error-own-account = You cannot disable your own account. Ask another administrator.
