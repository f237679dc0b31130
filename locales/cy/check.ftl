# Beth mae `canllaw check` yn ei weld o'i le yn y cynnwys, a ddangosir ar y llinell
# orchymyn (yn Saesneg) ac wrth ymyl y maes ar dudalennau'r golygyddion (yn iaith
# y golygydd). Mae dynodyddion ac enwau meysydd mewn `…` fel y maent yn y ffeiliau.

## Ieithoedd a mathau, fel y mae'r newidynnau'n eu rhoi

check-lang-name = { $lang ->
    [cy] Cymraeg
   *[en] Saesneg
}

## Darllen ffeiliau

check-not-utf8 = Dydy'r ffeil ddim yn destun UTF-8 dilys.
check-unreadable = Does dim modd darllen y ffeil: { $detail }
check-path-characters = Mewn enw ffeil, defnyddiwch a–z, 0–9, “-” a “.” yn unig.
check-file-name = Rhaid i enw'r ffeil fod yn <id>.cy{ $ext } neu'n <id>.en{ $ext }.
check-unexpected-file = Dydy'r ffeil hon ddim yn perthyn yma: { $folder ->
    [articles] dim ond ffeiliau <id>.cy.md ac <id>.en.md sydd i fod yn y ffolder yma.
    [scripts] dim ond ffeiliau <id>.cy.md ac <id>.en.md sydd i fod yn y ffolder yma.
    [templates] dim ond ffeiliau <id>.cy.ftl ac <id>.en.ftl sydd i fod yn y ffolder yma.
    [forces] dim ond forces.toml sydd i fod yn y ffolder yma.
    [rules] dim ond reviews.toml, intents.toml, examples.toml a thesaurus.tsv sydd i fod yn y ffolder yma.
   *[other] dim ond ffeiliau <id>.toml sydd i fod yn y ffolder yma.
}
check-front-matter-missing = Mae'r adran flaen ar goll: rhaid i'r ffeil ddechrau gyda llinell “+++”.
check-front-matter-not-closed = Dydy'r adran flaen ddim wedi'i chau: ychwanegwch linell “+++” ar ei hôl.
check-toml = Dydy hwn ddim yn TOML dilys: { $detail }
check-missing-field = Mae `{ $field }` ar goll.
check-missing-audience = Mae `audience` ar goll: nodwch a yw hwn yn gyhoeddus (public) neu'n fewnol (internal).
check-unknown-field = Dydy `{ $field }` ddim yn faes yma. Y meysydd disgwyliedig: { $expected }.
check-unknown-value = Dydy “{ $value }” ddim yn werth a ganiateir yma. Y gwerthoedd disgwyliedig: { $expected }.
check-wrong-type = { $expected ->
    [text] Dylai hwn fod yn destun mewn dyfynodau
    [list] Dylai hwn fod yn rhestr mewn cromfachau sgwâr
    [bool] Dylai hwn fod yn true neu false
    [integer] Dylai hwn fod yn rhif cyfan
    [number] Dylai hwn fod yn rhif
    [date] Dylai hwn fod yn ddyddiad (YYYY-MM-DD)
    [table] Dylai hwn fod yn dabl o feysydd
   *[other] Mae'r gwerth hwn o'r math anghywir
}, nid { $found ->
    [text] testun
    [list] rhestr
    [bool] true neu false
    [integer] rhif cyfan
    [number] rhif
    [date] dyddiad
    [table] tabl
   *[other] hyn
}.
check-not-a-date = Dydy “{ $value }” ddim yn ddyddiad: ysgrifennwch ef ar ffurf YYYY-MM-DD, heb amser.
check-verified-not-a-date = Rhaid i `verified` fod yn ddyddiad (YYYY-MM-DD), neu false os nad oedd modd gwirio manylyn.
check-verified-true = Dydy `verified = true` ddim yn dweud dim: rhowch y dyddiad y cafodd y manylion eu gwirio.
check-ends-not-a-date = Rhaid i `ends` fod yn ddyddiad (YYYY-MM-DD), neu false tra bo'r mater yn fyw.
check-ends-true = Dydy `ends = true` ddim yn dweud dim: rhowch y diwrnod olaf, neu false tra bo'r mater yn fyw.
check-fluent-syntax = Gwall yng nghystrawen Fluent: { $detail }
check-thesaurus-line = Disgwylir “cy neu en <TAB> beth mae galwyr yn ei ddweud <TAB> beth mae'r canllawiau'n ei ddweud”.
check-glossary-line = Disgwylir “Saesneg <TAB> Cymraeg”, gyda nodyn dewisol ar ôl tab arall.
check-line-twice = Mae'r llinell hon wedi'i rhoi ddwywaith.

## Dynodyddion a chyfeiriadau

check-id-invalid = Dydy'r dynodydd “{ $id }” ddim yn ddilys: defnyddiwch lythrennau bach a–z, 0–9 a chysylltnodau unigol, 64 nod ar y mwyaf.
check-id-file-name = Dydy'r dynodydd “{ $id }” ddim yn cyfateb i enw'r ffeil (dylai fod yn “{ $expected }”).
check-id-used = Mae'r dynodydd “{ $id }” eisoes yn cael ei ddefnyddio gan { $kind ->
    [article] erthygl
    [script] sgript
   *[agency] asiantaeth
}.
check-unknown-ref = Mae `{ $key }` yn cyfeirio at { $kind ->
    [article] erthygl
    [script] sgript
   *[agency] asiantaeth
} nad yw'n bodoli: “{ $id }”.
check-public-links-internal = Mae `{ $key }` yn cysylltu cynnwys cyhoeddus â'r erthygl fewnol “{ $id }”.
check-not-a-reference = Dydy “[[{ $target }]]” ddim yn gyfeiriad: ysgrifennwch [[math:dynodydd]], lle mae'r math yn article (erthygl), script (sgript) neu agency (asiantaeth).
check-ref-unknown = Mae hwn yn cyfeirio at { $kind ->
    [article] erthygl
    [script] sgript
   *[agency] asiantaeth
} nad yw'n bodoli: “{ $id }”.
check-ref-internal = Mae cynnwys cyhoeddus yn cyfeirio at { $kind ->
    [article] yr erthygl fewnol
    [script] y sgript fewnol
   *[agency] yr asiantaeth fewnol
} “{ $id }”.
check-bare-id = Mae'r dynodydd “{ $id }” ar ei ben ei hun yn y testun: ysgrifennwch gyfeiriad fel [[article:{ $id }]], neu rhowch ei enw mewn geiriau.
check-link = Dydy'r ddolen “{ $target }” ddim yn gweithio: defnyddiwch gyfeiriad gwe llawn (https://…), mailto: gyda chyfeiriad e-bost, neu tel: gyda rhif ffôn.
check-unknown-tag = Dydy “{ $tag }” ddim yn dag `{ $key }` hysbys. Y tagiau hysbys: { $known }.

## Testun sy'n gorfod bod yno

check-empty = Mae `{ $key }` yn wag.
check-empty-in = Does dim testun { $lang ->
    [cy] Cymraeg
   *[en] Saesneg
} yn `{ $key }`: mae angen Cymraeg a Saesneg ar bob eitem.
check-body-empty = Mae'r prif destun yn wag.
check-topics-empty = Mae `topics` yn wag: rhowch o leiaf un pwnc.
check-related-self = Ni all erthygl fod yn gysylltiedig â hi ei hun.
check-audience-disagree = Dydy'r fersiynau Cymraeg a Saesneg o “{ $id }” ddim yn cytuno ar `audience`.
check-public-missing-lang = Does dim fersiwn { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
} o'r { $kind ->
    [article] erthygl gyhoeddus
    [script] sgript gyhoeddus
   *[agency] asiantaeth gyhoeddus
} “{ $id }”: rhaid i gynnwys cyhoeddus fod ar gael yn Gymraeg ac yn Saesneg.
check-script-audience = Mae sgriptiau ar gyfer cynghorwyr: rhaid i `audience` fod yn “internal” (mewnol).
check-article-stage = Does dim `stage` mewn erthyglau: a ddylai'r ffeil hon fod yn scripts/?
check-script-stage = Mae `stage` ar goll. Rhowch un o'r rhain: greeting, identify, listen, advise, check-understanding, next-steps, refer, close, record, satisfaction neu any.

## Asiantaethau, addasiadau a materion

check-contact-detail = { $key ->
    [phone] Dydy “{ $value }” ddim yn rhif ffôn yn y DU: ysgrifennwch ef mewn digidau a bylchau, fel 0300 123 4567, 116 123 neu +44 300 123 4567.
    [text] Dydy “{ $value }” ddim yn rhif ar gyfer negeseuon testun: rhowch rif ffôn symudol neu god byr pum neu chwe digid.
    [email] Dydy “{ $value }” ddim yn gyfeiriad e-bost.
   *[other] Dydy “{ $value }” ddim yn gyfeiriad gwe: rhaid iddo ddechrau gyda https:// ac enwi gwefan.
}
check-agency-no-contact = Does dim ffordd o gysylltu â'r asiantaeth: rhowch gyfeiriad gwe o leiaf.
check-no-steps = Does dim `[[steps]]`: nodwch beth ddylai'r cynghorydd ei wneud.
check-unknown-flag = Mae `flag` yn cyfeirio at faner nad yw'n bodoli: “{ $flag }”.
check-matter-audience = Mae materion proffil uchel ar gyfer cynghorwyr: rhaid i `audience` fod yn “internal” (mewnol).
check-ends-before-starts = Mae `ends` ({ $ends }) cyn `starts` ({ $starts }).

## Llifoedd

check-flow-ids-unique = Rhaid i ddynodyddion cwestiynau a chanlyniadau fod yn unigryw o fewn llif.
check-flow-start = Mae `start` yn enwi cwestiwn nad yw'n bodoli: “{ $id }”.
check-question-no-answers = Does dim atebion i'r cwestiwn “{ $id }”.
check-unknown-next = Mae `next` yn enwi cwestiwn nad yw'n bodoli: “{ $id }”.
check-unknown-outcome = Mae `outcome` yn enwi canlyniad nad yw'n bodoli: “{ $id }”.
check-answer-next-or-outcome = Mae angen union un o `next` neu `outcome` ar bob ateb i “{ $id }”.
check-outcome-unreached = Does dim ateb yn arwain at y canlyniad “{ $id }”.
check-flow-loop = Mae'r cwestiwn “{ $id }” yn arwain yn ôl ato'i hun, neu mae llwybr drwy'r llif yn hirach na { $max } cwestiwn.

## Templedi llythyrau

check-template-message = Does dim neges `{ $message }` yn y templed.
check-template-variable = Dydy ${ $name } ddim yn newidyn hysbys. Y newidynnau hysbys: { $known }.
check-template-missing-lang = Does dim fersiwn { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
} o'r templed “{ $id }”.
check-template-variables-differ = Mae'r fersiynau Cymraeg a Saesneg o “{ $id }” yn defnyddio newidynnau gwahanol (yn y Gymraeg yn unig: { $cy }; yn y Saesneg yn unig: { $en }).

## Heddluoedd

check-force-id = Dydy'r dynodydd heddlu “{ $id }” ddim yn ddilys.
check-force-twice = Mae'r dynodydd heddlu “{ $id }” yn ymddangos ddwywaith.
check-force-country = Mae gan yr heddlu “{ $id }” wlad anhysbys: “{ $country }”.
check-force-names = Mae angen enw a chorff plismona lleol yn y ddwy iaith ar yr heddlu “{ $id }”.

## Rheolau ac enghreifftiau'r cynorthwyydd

check-time-limit-days = Rhaid i `time_limit_days` fod rhwng 1 a 366.
check-seek-advice-days = Rhaid i `seek_advice_after_days` fod yn 1 o leiaf.
check-reason-twice = Mae'r rheswm “{ $id }” yn ymddangos ddwywaith.
check-reason-no-words = Does gan y rheswm “{ $id }” ddim geiriau { $lang ->
    [cy] Cymraeg
   *[en] Saesneg
} i'w hadnabod.
check-signal-twice = Mae “{ $id }” yn ymddangos ddwywaith.
check-intent-urgent = Ni all y bwriad “{ $id }” fod yn un brys: dim ond baneri all fod yn rhai brys.
check-signal-no-words = Does gan “{ $id }” ddim geiriau { $lang ->
    [cy] Cymraeg
   *[en] Saesneg
} i'w hadnabod.
check-flag-decisive = Ni all y faner “{ $id }” gael ymadroddion pendant: dim ond bwriadau sydd â nhw.
check-intent-raises = Ni all y bwriad “{ $id }” godi baneri: dim ond baneri sy'n codi baneri eraill.
check-raises-not-flag = Dydy “{ $other }”, ym maes `raises` “{ $id }”, ddim yn faner arall.
check-phrase-no-words = “{ $id }”: does dim geiriau'n weddill yn “{ $phrase }” ar ôl tynnu'r geiriau cyffredin.
check-phrase-common = “{ $id }”: mae “{ $phrase }” yn ymddangos mewn { $with } o'r { $of } o enghreifftiau { $lang ->
    [cy] Cymraeg
   *[en] Saesneg
} sydd â label heblaw “{ $flag }”, felly byddai'n codi'r faner ar alwadau cyffredin.
check-examples-missing = Mae rules/examples.toml ar goll: o'r ffeil hon y mae'r cynorthwyydd yn dysgu bwriadau a baneri.
check-examples-too-few = { $n ->
    [zero] Does gan “{ $label }” ddim enghreifftiau { $lang ->
        [cy] Cymraeg
       *[en] Saesneg
    }
    [one] Dim ond un enghraifft { $lang ->
        [cy] Gymraeg
       *[en] Saesneg
    } sydd gan “{ $label }”
    [two] Dim ond dwy enghraifft { $lang ->
        [cy] Gymraeg
       *[en] Saesneg
    } sydd gan “{ $label }”
   *[other] Dim ond { $n } enghraifft { $lang ->
        [cy] Gymraeg
       *[en] Saesneg
    } sydd gan “{ $label }”
}; mae angen { $min } o leiaf.
check-examples-unknown-label = Dydy “{ $label }” ddim yn fwriad nac yn faner yn rules/intents.toml, nac yn “{ $ordinary }”.
check-example-empty = Mae enghraifft { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
} ar gyfer “{ $label }” yn wag.
check-example-too-long = Mae enghraifft ar gyfer “{ $label }” yn { $chars } nod o hyd; { $max } yw'r uchafswm.
check-example-twice = Mae'r enghraifft { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
} “{ $sentence }” wedi'i rhoi ar gyfer “{ $first }” ac ar gyfer “{ $label }”.
