# What `canllaw check` finds wrong with content, shown on the command line
# (in English) and next to the field on the editors' pages (in the editor's
# language). Ids and field names in backticks are as written in the files.

## Languages and kinds, as variables take them

check-lang-name = { $lang ->
    [cy] Welsh
   *[en] English
}

## Reading files

check-not-utf8 = The file is not valid UTF-8 text.
check-unreadable = The file cannot be read: { $detail }
check-path-characters = A file name may only use a–z, 0–9, “-” and “.”.
check-file-name = The file name must be <id>.cy{ $ext } or <id>.en{ $ext }.
check-unexpected-file = This file does not belong here: { $folder ->
    [articles] this folder holds only <id>.cy.md and <id>.en.md files.
    [scripts] this folder holds only <id>.cy.md and <id>.en.md files.
    [templates] this folder holds only <id>.cy.ftl and <id>.en.ftl files.
    [forces] this folder holds only forces.toml.
    [rules] this folder holds only reviews.toml, intents.toml, examples.toml and thesaurus.tsv.
   *[other] this folder holds only <id>.toml files.
}
check-front-matter-missing = Front matter is missing: the file must start with a line “+++”.
check-front-matter-not-closed = The front matter is not closed: add a line “+++” after it.
check-toml = This is not valid TOML: { $detail }
check-missing-field = `{ $field }` is missing.
check-missing-audience = `audience` is missing: say whether this is public or internal.
check-unknown-field = `{ $field }` is not a field here. Expected: { $expected }.
check-unknown-value = “{ $value }” is not allowed here. Expected: { $expected }.
check-wrong-type = { $expected ->
    [text] This should be text in quotes
    [list] This should be a list in square brackets
    [bool] This should be true or false
    [integer] This should be a whole number
    [number] This should be a number
    [date] This should be a date (YYYY-MM-DD)
    [table] This should be a table of fields
   *[other] This value is of the wrong kind
}, not { $found ->
    [text] text
    [list] a list
    [bool] true or false
    [integer] a whole number
    [number] a number
    [date] a date
    [table] a table
   *[other] this
}.
check-not-a-date = “{ $value }” is not a date: write it as YYYY-MM-DD, with no time.
check-verified-not-a-date = `verified` must be a date (YYYY-MM-DD), or false if a detail could not be checked.
check-verified-true = `verified = true` says nothing: give the date the details were checked.
check-ends-not-a-date = `ends` must be a date (YYYY-MM-DD), or false while the matter is live.
check-ends-true = `ends = true` says nothing: give the last day, or false while the matter is live.
check-fluent-syntax = Fluent syntax error: { $detail }
check-thesaurus-line = Expected “cy or en <TAB> what callers say <TAB> what the guidance says”.
check-glossary-line = Expected “English <TAB> Welsh”, with an optional note after another tab.
check-line-twice = This line is given twice.

## Ids and references

check-id-invalid = The id “{ $id }” is not valid: use lowercase a–z, 0–9 and single hyphens, at most 64 characters.
check-id-file-name = The id “{ $id }” does not match the file name (expected “{ $expected }”).
check-id-used = The id “{ $id }” is already used by { $kind ->
    [article] an article
    [script] a script
   *[agency] an agency
}.
check-unknown-ref = `{ $key }` refers to { $kind ->
    [article] an article
    [script] a script
   *[agency] an agency
} that does not exist: “{ $id }”.
check-public-links-internal = `{ $key }` links public content to the internal article “{ $id }”.
check-not-a-reference = “[[{ $target }]]” is not a reference: write [[kind:id]], where kind is article, script or agency.
check-ref-unknown = This refers to { $kind ->
    [article] an article
    [script] a script
   *[agency] an agency
} that does not exist: “{ $id }”.
check-ref-internal = Public content refers to the internal { $kind ->
    [article] article
    [script] script
   *[agency] agency
} “{ $id }”.
check-bare-id = The id “{ $id }” stands bare in the text: write a reference such as [[article:{ $id }]], or name it in words.
check-link = The link “{ $target }” does not work: use a full web address (https://…), mailto: with an e-mail address, or tel: with a phone number.
check-unknown-tag = “{ $tag }” is not a known `{ $key }` tag. Known: { $known }.

## Text that must be there

check-empty = `{ $key }` is empty.
check-empty-in = `{ $key }` has no { check-lang-name } text: every item needs both Welsh and English.
check-body-empty = The body is empty.
check-topics-empty = `topics` is empty: give at least one topic.
check-related-self = An article cannot be related to itself.
check-audience-disagree = The Welsh and English versions of “{ $id }” disagree on `audience`.
check-public-missing-lang = The public { $kind ->
    [article] article
    [script] script
   *[agency] agency
} “{ $id }” has no { check-lang-name } version: public content must exist in Welsh and English.
check-script-audience = Scripts are for advisers: `audience` must be “internal”.
check-article-stage = Articles have no `stage`: should this file be in scripts/?
check-script-stage = `stage` is missing: greeting, identify, listen, advise, check-understanding, next-steps, refer, close, record, satisfaction or any.

## Agencies, adjustments and matters

check-contact-detail = { $key ->
    [phone] “{ $value }” is not a UK phone number: write it in digits and spaces, such as 0300 123 4567, 116 123 or +44 300 123 4567.
    [text] “{ $value }” is not a number for text messages: a mobile number or a five- or six-digit short code.
    [email] “{ $value }” is not an e-mail address.
   *[other] “{ $value }” is not a web address: it must start with https:// and name a website.
}
check-agency-no-contact = There is no way to contact the agency: give at least a web address.
check-no-steps = There are no `[[steps]]`: say what the adviser should do.
check-unknown-flag = `flag` refers to a flag that does not exist: “{ $flag }”.
check-matter-audience = High-profile matters are for advisers: `audience` must be “internal”.
check-ends-before-starts = `ends` ({ $ends }) is before `starts` ({ $starts }).

## Flows

check-flow-ids-unique = Question and outcome ids must be unique within a flow.
check-flow-start = `start` names a question that does not exist: “{ $id }”.
check-question-no-answers = The question “{ $id }” has no answers.
check-unknown-next = `next` names a question that does not exist: “{ $id }”.
check-unknown-outcome = `outcome` names an outcome that does not exist: “{ $id }”.
check-answer-next-or-outcome = Each answer to “{ $id }” needs exactly one of `next` or `outcome`.
check-outcome-unreached = No answer leads to the outcome “{ $id }”.
check-flow-loop = The question “{ $id }” leads back to itself, or a path through the flow is longer than { $max } questions.

## Letter templates

check-template-message = The template has no `{ $message }` message.
check-template-variable = ${ $name } is not a known variable. Known: { $known }.
check-template-missing-lang = The template “{ $id }” has no { check-lang-name } version.
check-template-variables-differ = The Welsh and English versions of “{ $id }” use different variables (only in Welsh: { $cy }; only in English: { $en }).

## Forces

check-force-id = The force id “{ $id }” is not valid.
check-force-twice = The force id “{ $id }” appears twice.
check-force-country = The force “{ $id }” has an unknown country: “{ $country }”.
check-force-names = The force “{ $id }” needs a name and a local policing body in both languages.

## The assistant's rules and examples

check-time-limit-days = `time_limit_days` must be between 1 and 366.
check-seek-advice-days = `seek_advice_after_days` must be at least 1.
check-reason-twice = The reason “{ $id }” appears twice.
check-reason-no-words = The reason “{ $id }” has no { check-lang-name } words to recognise.
check-signal-twice = “{ $id }” appears twice.
check-intent-urgent = The intent “{ $id }” cannot be urgent: only flags can.
check-signal-no-words = “{ $id }” has no { check-lang-name } words to recognise.
check-flag-decisive = The flag “{ $id }” cannot have decisive phrases: only intents have them.
check-intent-raises = The intent “{ $id }” cannot raise flags: only flags raise other flags.
check-raises-not-flag = “{ $other }”, in `raises` of “{ $id }”, is not another flag.
check-phrase-no-words = “{ $id }”: “{ $phrase }” has no words left once its common words are taken out.
check-phrase-common = “{ $id }”: “{ $phrase }” occurs in { $with } of { $of } { check-lang-name } examples of other labels than “{ $flag }”, so it would raise the flag on ordinary calls.
check-examples-missing = rules/examples.toml is missing: the assistant learns intents and flags from it.
check-examples-too-few = “{ $label }” has { $n } { check-lang-name } { $n ->
    [one] example
   *[other] examples
}; at least { $min } are needed.
check-examples-unknown-label = “{ $label }” is not an intent or a flag in rules/intents.toml, nor “{ $ordinary }”.
check-example-empty = An empty { check-lang-name } example for “{ $label }”.
check-example-too-long = An example for “{ $label }” is { $chars } characters long; at most { $max } are allowed.
check-example-twice = The { check-lang-name } example “{ $sentence }” is given for both “{ $first }” and “{ $label }”.
