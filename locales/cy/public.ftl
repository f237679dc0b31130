# Y wefan gyhoeddus: ffrâm y dudalen, yr hafan, chwilio, erthyglau, pwy arall all helpu, terfyn amser adolygiad.

pub-site-name = Cwyno am yr heddlu
pub-site-description = Sut i gwyno am yr heddlu yng Nghymru a Lloegr, sut i ofyn am adolygiad, a phwy arall all helpu.
pub-switch = English
pub-nav = Prif ddewislen
pub-nav-home = Hafan
pub-nav-search = Chwilio
pub-nav-review = Terfyn amser adolygiad
pub-nav-agencies = Pwy arall all helpu
pub-phone = Ffoniwch ni ar 0300 020 0096.
pub-welsh = Mae croeso i chi gysylltu â ni yn Gymraeg, ar y ffôn ac yn ysgrifenedig. Ni fydd hynny'n achosi oedi.
pub-no-tracking = Dim cwcis olrhain a dim dadansoddeg: dim ond cwci sy'n cofio eich dewis iaith.
pub-error-home = Mynd i'r hafan

pub-home-title = Cwyno am yr heddlu
pub-home-lead = Sut i gwyno, sut i ofyn am adolygiad o ganlyniad eich cwyn, ac at bwy arall y gallwch chi droi.
pub-search-label = Chwilio am help
pub-search-submit = Chwilio
pub-home-tasks = Beth hoffech chi ei wneud?
pub-task-review = Ydw i'n dal mewn pryd i ofyn am adolygiad?
pub-task-review-hint = Rhowch y dyddiad sydd ar eich llythyr canlyniad.
pub-task-agencies = Pwy arall all helpu
pub-task-agencies-hint = Sefydliadau a all eich helpu, yn ôl yr hyn sydd ei angen arnoch chi a ble rydych chi'n byw.
pub-home-topics = Pynciau

pub-search-title = Chwilio
pub-search-title-for = Chwilio: { $query }
pub-search-nothing = Ni chafwyd dim ar gyfer “{ $query }”
pub-search-did-you-mean = Oeddech chi'n golygu
pub-search-ways = Y prif ffyrdd o gwyno
pub-search-count = { $count ->
    [zero] Dim canlyniadau
    [one] Un canlyniad
    [two] Dau ganlyniad
   *[other] { $count } canlyniad
}
pub-search-agency = Sefydliad a all helpu
pub-search-try-other = Search in English instead

pub-article-agencies = Pwy all helpu
pub-article-related = Gweler hefyd
pub-article-reviewed = Adolygwyd y dudalen hon ddiwethaf ar { $date }.

pub-agencies-title = Pwy arall all helpu
pub-agencies-lead = Sefydliadau eraill a all eich helpu neu eich cefnogi. Dewiswch beth sydd ei angen arnoch chi a ble rydych chi'n byw.
pub-agencies-need = Beth sydd ei angen arnoch chi
pub-agencies-area = Ble rydych chi'n byw
pub-agencies-any = Unrhyw beth
pub-agencies-anywhere = Unrhyw le
pub-agencies-welsh = Dim ond y rhai sy'n gallu helpu yn Gymraeg
pub-agencies-submit = Dangos
pub-agencies-count = { $count ->
    [zero] Does dim sefydliad yn cyfateb. Rhowch gynnig ar lai o ddewisiadau.
    [one] Un sefydliad.
    [two] Dau sefydliad.
   *[other] { $count } sefydliad.
}
pub-agency-phone = Ffôn
pub-agency-text = Neges destun
pub-agency-relay = Relay UK (trosglwyddo testun)
pub-agency-email = E-bost
pub-agency-web = Gwefan
pub-agency-hours = Oriau agor
pub-agency-welsh = Yn Gymraeg
pub-agency-welsh-yes = Maen nhw'n gallu helpu yn Gymraeg
pub-agency-welsh-no = Dim gwasanaeth Cymraeg y gwyddom ni amdano
pub-agency-verified = Gwiriwyd y manylion hyn ar { $date }.
pub-agency-unverified = Nid ydym wedi gallu gwirio'r manylion hyn. Gwiriwch nhw ar wefan y sefydliad cyn cysylltu.

pub-review-title = Ydw i'n dal mewn pryd i ofyn am adolygiad?
pub-review-lead = Fel arfer, mae gennych chi { $days } diwrnod o'r dyddiad sydd ar eich llythyr canlyniad i ofyn am adolygiad.
pub-review-question = Beth yw'r dyddiad ar eich llythyr canlyniad?
pub-review-hint = Er enghraifft, 27 3 2026
pub-review-day = Diwrnod
pub-review-month = Mis
pub-review-year = Blwyddyn
pub-review-submit = Gwirio
pub-review-in-time = Rydych chi'n dal mewn pryd
pub-review-in-time-body = Y diwrnod olaf i ofyn am adolygiad yw { $date }. { $days ->
    [zero] Heddiw yw'r diwrnod olaf.
    [one] Mae gennych chi un diwrnod ar ôl.
    [two] Mae gennych chi ddau ddiwrnod ar ôl.
   *[other] Mae gennych chi { $days } diwrnod ar ôl.
}
pub-review-in-time-next = Anfonwch eich cais nawr, hyd yn oed os nad yw popeth gennych chi eto. Mae eich llythyr canlyniad yn dweud at bwy i'w anfon.
pub-review-late = Mae'r terfyn amser wedi mynd heibio
pub-review-late-body = Daeth y terfyn amser i ben ar { $date } ({ $days ->
    [one] ddoe
    [two] ddeuddydd yn ôl
   *[other] { $days } diwrnod yn ôl
}).
pub-review-late-next = Gallwch chi ddal i ofyn am adolygiad. Dywedwch pam mae eich cais yn hwyr: gall y corff adolygu ei dderbyn os oes rheswm da.
pub-review-more = Rhagor o wybodaeth
pub-review-error-incomplete = Rhowch y dyddiad sydd ar eich llythyr canlyniad, gyda'r diwrnod, y mis a'r flwyddyn
pub-review-error-year = Rhaid i'r flwyddyn gynnwys 4 digid
pub-review-error-real = Rhaid i'r dyddiad fod yn ddyddiad go iawn
pub-review-error-future = Rhaid i'r dyddiad fod heddiw neu yn y gorffennol
pub-error-summary = Mae problem wedi codi
pub-error-prefix = Gwall:

pub-home-guides = Canllawiau cam wrth gam
pub-flow-intro = Atebwch ychydig o gwestiynau i gael gwybod beth allwch chi ei wneud nesaf. Mae'n cymryd tua munud.
pub-flow-private = Nid ydym yn cadw eich atebion.
pub-flow-start = Dechrau nawr
pub-flow-back = Yn ôl
pub-flow-continue = Parhau
pub-flow-choose = Dewiswch un ateb
pub-flow-step = Cwestiwn { $n }
pub-flow-check-title = Gwiriwch eich atebion
pub-flow-change = Newid
pub-flow-change-hidden = eich ateb i: { $question }
pub-flow-confirm = Gweld y canlyniad
pub-flow-result-title = Beth allwch chi ei wneud
pub-flow-result-next = Y camau nesaf
pub-flow-read = Darllen rhagor
pub-flow-help = Pwy all helpu
pub-flow-again = Dechrau eto
