# Tudalennau'r golygyddion: rhestr y cynnwys, golygu, adolygu, hanes, iechyd, archwilio.

nav-editor = Cynnwys
editor-title = Cynnwys
editor-nav-label = Cynnwys
editor-nav-list = Yr holl gynnwys
editor-nav-new = Eitem newydd
editor-nav-health = Iechyd y cynnwys
editor-nav-audit = Log archwilio
editor-filter = Hidlo
editor-filter-apply = Hidlo
editor-filter-clear = Clirio'r hidlwyr
editor-any = Unrhyw un
editor-kind = Math
editor-language = Iaith
editor-both-languages = Cymraeg a Saesneg
editor-audience = Cynulleidfa
editor-status = Statws
editor-review-due = Angen ei adolygu
editor-translation-needed = Cyfieithiad ar goll neu angen ei ddiweddaru
editor-unverified = Manylion heb eu gwirio
editor-count = Yn dangos { $shown } o { $total } o ffeiliau
editor-item = Eitem
editor-review-by = Adolygu erbyn
editor-translation = Cyfieithiad
editor-retires = yn tynnu'r ffeil yn ôl
editor-overdue = Yn hwyr ers { $date }
editor-unverified-short = Manylion heb eu gwirio
editor-stale-short = { $lang ->
    [cy] Angen diweddaru'r Gymraeg
   *[en] Angen diweddaru'r Saesneg
}
editor-missing-short = Yr iaith arall ar goll

folder-articles = Erthyglau
folder-scripts = Sgriptiau
folder-agencies = Asiantaethau
folder-adjustments = Addasiadau
folder-flows = Llifoedd cwestiynau
folder-templates = Templedi llythyrau
folder-forces = Heddluoedd
folder-rules = Rheolau'r cynorthwyydd
folder-matters = Materion proffil uchel
folder-glossary = Geirfa
status-published = Wedi'i gyhoeddi
status-draft = Drafft
status-in_review = Yn cael ei adolygu
audience-public = Cyhoeddus
audience-internal = Mewnol

editor-back-to-list = Yn ôl i'r holl gynnwys
editor-back-to-item = Yn ôl i'r eitem
editor-back-to-history = Yn ôl i'r hanes
editor-four-eyes = Rhywun heblaw'r sawl a ysgrifennodd newid sy'n ei gyhoeddi.
editor-missing-translation = Dydy'r fersiwn hon yn yr iaith hon ddim yn bodoli eto.
editor-start-translation = Ei dechrau o destun yr iaith arall
editor-published-revision = Diwygiad { $revision } wedi'i gyhoeddi
editor-never-published = Heb ei gyhoeddi eto
editor-draft-state-draft = Drafft
editor-draft-state-in-review = Yn cael ei adolygu
editor-draft-by = gan { $names }
editor-history = Hanes
editor-stale = { $lang ->
    [cy] Mae'r fersiwn Saesneg wedi newid ers i'r testun Cymraeg hwn gael ei ddiweddaru ddiwethaf: mae angen ei ddiweddaru.
   *[en] Mae'r fersiwn Gymraeg wedi newid ers i'r testun Saesneg hwn gael ei ddiweddaru ddiwethaf: mae angen ei ddiweddaru.
}
editor-confirm-translation = { $lang ->
    [cy] Mae'r Gymraeg yn gyfredol
   *[en] Mae'r Saesneg yn gyfredol
}
editor-problems = { $count ->
    [one] Un broblem i'w chywiro
    [two] Dwy broblem i'w cywiro
   *[other] { $count } o broblemau i'w cywiro
}
editor-problem-at = Llinell { $line }: { $message }
editor-problem-in = { $file }: { $message }
editor-confirm-stale-intro = Bydd cyhoeddi nawr yn gadael y testunau hyn heb eu diweddaru:
editor-confirm-stale = Cyhoeddi beth bynnag (caiff hyn ei gofnodi yn y log archwilio)
editor-retire-explained = Mae'r drafft hwn yn tynnu'r ffeil yn ôl: ar ôl ei gyhoeddi, bydd yn diflannu o'r chwilio ac o'r wefan gyhoeddus. Bydd ei hanes yn aros.
editor-details = Manylion: teitl, crynodeb, cynulleidfa, allweddeiriau a dolenni
editor-body = Testun (Markdown)
editor-body-hint = ## ar gyfer pennawd, **trwm**, - ar gyfer rhestr, [[article:id]] ar gyfer dolen i ganllaw arall.
editor-preview = Rhagolwg
editor-preview-button = Dangos rhagolwg
editor-preview-not-saved = Rhagolwg yw hwn: does dim wedi'i gadw eto.
editor-text = Testun
editor-save = Cadw'r drafft
editor-save-submit = Cadw a'i anfon i'w adolygu
editor-see-changes = Gweld beth mae'r newid hwn yn ei wneud
editor-publish = Cymeradwyo a chyhoeddi
editor-own-change = Chi ysgrifennodd y newid hwn, felly rhywun arall sy'n ei gymeradwyo.
editor-discard = Taflu'r drafft
editor-retire = Tynnu'n ôl…
editor-remove-entry = Tynnu hwn
editor-add-entry = Ychwanegu un arall
editor-remove-field = Tynnu'r maes hwn
editor-add-field = Ychwanegu maes
editor-add-field-button = Ychwanegu
editor-no-welsh-value = Dim gwerth Cymraeg
editor-no-english-value = Dim gwerth Saesneg
editor-one-per-line = Un ar bob llinell.
editor-date-hint = Dyddiad ar ffurf BBBB-MM-DD.
editor-fields-refused = Doedd dim modd defnyddio rhai o'r gwerthoedd. Does dim wedi'i gadw; mae'r hyn a deipiwyd gennych isod.
editor-expected-text = Rhowch destun.
editor-expected-list = Rhowch un gwerth ar bob llinell.
editor-expected-bool = Dewiswch ie neu na.
editor-expected-date = Rhowch ddyddiad ar ffurf BBBB-MM-DD (neu false lle nad oedd modd gwirio'r manylion).
editor-expected-integer = Rhowch rif cyfan.
editor-expected-number = Rhowch rif.
editor-done-saved = Mae'r drafft wedi'i gadw.
editor-done-submitted = Wedi'i gadw a'i anfon i'w adolygu.
editor-done-published = Wedi'i gyhoeddi. Mae'r chwilio a'r cynorthwyydd eisoes yn ei ddefnyddio.
editor-done-published-not-reloaded = Wedi'i gyhoeddi, ond doedd dim modd diweddaru'r chwilio eto: bydd yn cael ei ddiweddaru ar ôl y cyhoeddi nesaf neu'r ailgychwyn nesaf.
editor-done-discarded = Mae'r drafft wedi'i daflu; dydy'r testun a gyhoeddwyd ddim wedi newid.
editor-done-confirmed = Wedi'i nodi'n gyfredol.
editor-done-retire-saved = Mae drafft sy'n tynnu'r ffeil yn ôl yn barod i'w adolygu.
editor-done-translation-started = Mae'r fersiwn yn yr iaith arall wedi'i dechrau o'r testun hwn: cyfieithwch hi a'i chadw.
editor-done-restored = Mae'r hen ddiwygiad bellach yn ddrafft: adolygwch a chyhoeddwch ef i'w adfer.
editor-done-created = Mae'r eitem newydd wedi'i dechrau fel drafft. Bydd yn fewnol nes i chi ddewis ei chynulleidfa.

editor-conflict-title = Mae rhywun arall wedi newid hyn
editor-conflict-intro = Mae rhywun arall wedi cadw neu gyhoeddi'r ffeil hon ers i chi ei hagor. Dydy eich testun chi ddim wedi'i golli: mae isod. Cymharwch ef â'u testun nhw, yna cadwch eich un chi drosto neu dechreuwch eto o'u testun nhw.
editor-conflict-changes = Beth mae eich testun chi'n ei newid yn eu testun nhw
editor-conflict-yours = Eich testun chi
editor-conflict-yours-label = Eich testun chi, yn gyfan
editor-conflict-save-mine = Cadw fy nhestun i dros eu testun nhw
editor-conflict-open-theirs = Agor eu testun nhw yn lle hynny
editor-diff-legend = Mae llinell o dan eiriau a ychwanegwyd, a llinell drwy eiriau a dynnwyd.
editor-diff-none = Does dim un maes wedi newid.
editor-diff-field = Maes
editor-diff-before = Cyn
editor-diff-after = Ar ôl
editor-diff-absent = (dim)
editor-diff-title = { $from } o'i gymharu â { $to }
editor-compare = Cymharu dwy fersiwn
editor-compare-from = O
editor-compare-to = i
editor-compare-button = Cymharu
editor-the-draft = y drafft
editor-nothing = dim (cyn y diwygiad cyntaf)
editor-revision = diwygiad { $revision }
editor-revision-col = Diwygiad
editor-when = Pryd
editor-who = Pwy
editor-actions = Camau
editor-retired = wedi'i dynnu'n ôl
editor-what-changed = Beth newidiodd yn niwygiad { $revision }
editor-restore = Adfer diwygiad { $revision } fel drafft

editor-health-title = Iechyd y cynnwys
editor-health-none = Dim byd yma.
editor-health-overdue = Wedi pasio'r dyddiad adolygu ({ $count })
editor-health-missing = Fersiwn mewn un iaith ar goll ({ $count })
editor-health-stale = Angen diweddaru'r cyfieithiad ({ $count })
editor-health-unverified = Asiantaethau â manylion heb eu gwirio ({ $count })
editor-health-problems = Problemau yn y cynnwys a gyhoeddwyd, gan gynnwys cyfeiriadau wedi torri ({ $count })
editor-health-unfound = Chwiliadau na chafodd ddim
editor-health-unfound-help = Beth chwiliodd pobl amdano heb gael dim, y mwyaf cyffredin yn gyntaf. Caiff manylion personol eu tynnu cyn i ddim gael ei gadw.
editor-health-unfound-group = { $lang ->
    [cy] Yn Gymraeg
   *[en] Yn Saesneg
}, { $audience ->
    [public] ar y wefan gyhoeddus
   *[internal] yn y consol
}
editor-search-text = Chwiliad
editor-search-times-unfound = Sawl gwaith
editor-search-times-abandoned = Sawl gwaith heb agor dim
editor-health-abandoned = Chwiliadau y rhoddodd pobl y gorau iddyn nhw
editor-health-abandoned-help = Chwiliadau lle dangoswyd canlyniadau ond nad agorwyd yr un ohonyn nhw, y mwyaf cyffredin yn gyntaf. Caiff chwiliad ei gyfrif pan gaiff ei gyflwyno neu ei adael am ddwy eiliad; caiff manylion personol eu tynnu yn gyntaf.
editor-search-last = Chwiliwyd ddiwethaf
editor-write-article = Ysgrifennu erthygl ar gyfer hyn

editor-new-title = Dechrau eitem newydd
editor-new-id = Dynodydd
editor-new-id-hint = Llythrennau bach, rhifau a chysylltnodau, yr un peth yn y ddwy iaith, er enghraifft eiddo-coll.
editor-new-keywords = Allweddeiriau
editor-new-keywords-hint = Geiriau y mae pobl yn chwilio â nhw, wedi'u gwahanu gan atalnodau.
editor-new-explained = Mae erthyglau a sgriptiau'n cael ffeil Gymraeg a ffeil Saesneg; mae mathau eraill yn cadw'r ddwy iaith mewn un ffeil. Mae'r eitem newydd yn dechrau fel drafft wedi'i gosod fel y lleill o'r un math, a'i chynulleidfa'n fewnol.
editor-new-create = Dechrau'r drafft
editor-new-bad-id = Dewiswch ddynodydd o lythrennau bach, rhifau a chysylltnodau.
editor-new-exists = Mae { $path } yn bodoli'n barod.

editor-audit-title = Log archwilio
editor-audit-actor = Pwy (enw defnyddiwr)
editor-audit-item = Eitem
editor-audit-from = O
editor-audit-to = Hyd at
editor-audit-action = Beth
editor-audit-detail = Manylion
editor-audit-count = { $count } o gofnodion (y diweddaraf yn gyntaf, { $limit } ar y mwyaf)

field-id = Dynodydd
field-title = Teitl
field-summary = Crynodeb
field-audience = Cynulleidfa
field-topics = Pynciau
field-keywords = Allweddeiriau
field-related = Erthyglau cysylltiedig
field-agencies = Asiantaethau
field-scripts = Sgriptiau
field-articles = Erthyglau
field-reviewed = Adolygwyd ddiwethaf
field-owner = Perchennog
field-stage = Cam
field-caller-types = Galwyr
field-name = Enw
field-description = Disgrifiad
field-when-to-refer = Pryd i atgyfeirio
field-contact = Cysylltu
field-phone = Ffôn
field-text = Testun
field-subject = Pwnc
field-body = Llythyr
field-contact-text = Rhif negeseuon testun
field-relay = Relay UK neu ffôn testun
field-email = E-bost
field-web = Cyfeiriad gwe
field-hours = Oriau agor
field-needs = Anghenion
field-areas = Ardaloedd
field-welsh-service = Gwasanaeth Cymraeg
field-source = Ffynhonnell a wiriwyd
field-verified = Manylion wedi'u gwirio ar
field-questions = Cwestiwn
field-answers = Ateb
field-label = Testun y botwm
field-next = Cwestiwn nesaf
field-outcome = Canlyniad
field-outcomes = Canlyniad
field-help = Testun help
field-start = Cwestiwn cyntaf
field-steps = Camau
field-recognise = Yn cael ei adnabod gan
field-decisive = Yn cael ei setlo gan
field-intents = Bwriad
field-flags = Baner
editor-problems-placed = { $count ->
    [one] Mae un i'w gweld wrth ymyl y maes neu'r testun dan sylw.
   *[other] Mae { $count } i'w gweld wrth ymyl y meysydd neu'r testun dan sylw.
}
field-lines-to-take = Llinellau i'w dilyn
field-starts = Yn fyw o
field-ends = Yn fyw tan (neu false)

editor-letter-variables = Manylion y gall llythyr eu defnyddio
editor-letter-variables-help = Teipiwch un ohonyn nhw lle rydych chi am i'r manylyn ymddangos yn y llythyr, gan gynnwys y cromfachau cyrliog; caiff ei lenwi o gofnod y cyswllt.
