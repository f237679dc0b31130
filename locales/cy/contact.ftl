# Ymholiad yn y consol: dechrau, camau, sgwrs, cyngor, cloi.

nav-new-contact = Ymholiad newydd
contact-new-title = Dechrau ymholiad
contact-channel = Sut wnaethon nhw gysylltu â ni?
channel-phone = Ffôn
channel-email = E-bost
channel-letter = Llythyr
channel-web-form = Ffurflen ar y we
channel-face-to-face = Wyneb yn wyneb
contact-caller-type = Pwy sy'n cysylltu â ni?
caller-type-public = Aelod o'r cyhoedd
caller-type-report-line = Swyddog neu aelod o staff (y Llinell Adrodd)
caller-type-elected-representative = Aelod Seneddol neu Aelod o'r Senedd
caller-type-solicitor = Cyfreithiwr neu gynrychiolydd cyfreithiol
caller-type-agency = Asiantaeth arall
contact-caller-lang = Ym mha iaith hoffen nhw gael eu gwasanaethu? Gofynnwch ar y dechrau.
contact-start = Dechrau'r ymholiad
contact-title = Ymholiad { $id }
contact-restricted = Cofnod cyfyngedig: dim ond chi a rheolwyr sy'n gallu ei weld.
contact-stages = Camau'r ymholiad
contact-stage-go = Mynd i'r cam hwn
contact-current-stage = Y cam presennol: { $stage }
contact-checklist = Rhestr wirio
contact-checklist-save = Cadw'r rhestr wirio
contact-script = Beth i'w ddweud
contact-no-script = Does dim llinell wedi'i sgriptio ar gyfer y cam hwn.
contact-conversation = Sgwrs
contact-turn-label = Beth mae'r galwr yn ei ddweud, neu eich nodyn
contact-turn-help = Ysgrifennwch yn y naill iaith neu'r llall. Dim ond yr hyn y mae'r cynorthwyydd yn ei adnabod sy'n cael ei gadw ar y cofnod, nid y geiriau hyn.
contact-turn-submit = Ychwanegu at y sgwrs
contact-advice = Cyngor
contact-nothing-yet = Dim byd wedi'i adnabod eto.
contact-flags = Byddwch yn ofalus
contact-intents = Pam maen nhw'n cysylltu
contact-needs = Anghenion mynediad a chyfathrebu
contact-steps = Y camau nesaf
contact-guidance = Canllawiau
contact-scripts = Sgriptiau
contact-agencies = Asiantaethau
contact-because = oherwydd: { $why }
contact-unsure = Dydyn ni ddim yn siŵr eto pam maen nhw'n cysylltu. Gofynnwch iddyn nhw. Y ddau fwyaf tebygol:
contact-confidence = { $percent }% yn siŵr
contact-confirm = Wedi cytuno â'r galwr
contact-refer = Wedi atgyfeirio
contact-save-choices = Cadw addasiadau ac atgyfeiriadau
contact-close = Cloi'r ymholiad
contact-outcome = Canlyniad
outcome-resolved-first-contact = Wedi'i ddatrys ar y cyswllt cyntaf
outcome-follow-up = Angen dilyniant
outcome-referred = Wedi'i atgyfeirio at asiantaeth arall
outcome-transferred = Wedi'i drosglwyddo
contact-action = Cam gweithredu i'w ddilyn (beth)
contact-action-owner = Pwy fydd yn ei wneud
contact-action-due = Erbyn pryd
contact-satisfaction = Cwestiynau bodlonrwydd (gofynnwch dim ond gyda chaniatâd; 1 = anfodlon iawn, 5 = bodlon iawn)
contact-satisfaction-none = Heb ofyn
contact-end = Cadw'r cofnod a chloi
contact-ended = Wedi'i gloi { $when }.
contact-actions = Camau gweithredu
contact-urgent = Brys
contact-letters = Llythyrau
contact-letter-title = Llythyr ar gyfer ymholiad { $id }
contact-letter-template = Llythyr
contact-letter-force = Heddlu
contact-letter-no-force = Dim
contact-letter-outcome-date = Dyddiad y llythyr canlyniad
contact-letter-request-date = Y dyddiad y daeth y cais am adolygiad i law
contact-letter-reasons = Y rhesymau a roddwyd dros unrhyw oedi
contact-letter-values = Manylion ar gyfer y llythyr
contact-letter-preview = Rhagolwg
contact-letter-missing = Angen o hyd: { $names }.
contact-letter-subject = Pwnc
contact-letter-body = Testun y llythyr (gallwch ei olygu cyn ei gadw)
contact-letter-save = Cadw'r llythyr gyda'r ymholiad
contact-letter-open = Ysgrifennu llythyr
contact-letter-saved = Llythyrau wedi'u cadw
contact-timing = Amseru'r adolygiad
contact-timing-in-time = Mewn pryd: diwrnod { $day }; y diwrnod olaf yw { $deadline }.
contact-timing-late = Yn hwyr o { $days ->
    [zero] ddim diwrnod
    [one] un diwrnod
    [two] ddau ddiwrnod
   *[other] { $days } diwrnod
}. Y diwrnod olaf oedd { $deadline }.
contact-timing-advice = Achos anarferol: gofynnwch i uwch weithiwr achos cyn ateb.
letter-format-default = Rhowch wybod i ni os hoffech chi gael y llythyr hwn mewn fformat arall.
letter-format-adjustments = Rydyn ni wedi ystyried yr hyn y gwnaethoch chi ofyn amdano: { $names }.
contact-force-body = Corff plismona lleol
contact-force-route = Sut i gwyno i'r heddlu hwn
contact-timing-guidance = Y canllawiau i'w dilyn
contact-add-need = Ychwanegu angen y soniodd y galwr amdano
contact-add-need-none = Dewiswch angen
contact-action-done = Nodi ei fod wedi'i wneud
contact-action-done-on = Wedi'i wneud { $date }

# Letter details, by template variable.
letter-var-adviser-name = Enw'r cynghorydd
letter-var-complaint-date = Dyddiad y gŵyn
letter-var-contact-phone = Rhif ffôn i'r galwr ei ddefnyddio
letter-var-days-late = Nifer y diwrnodau'n hwyr
letter-var-deadline-date = Y diwrnod olaf
letter-var-reply-date = Y dyddiad y byddwn ni mewn cysylltiad eto
letter-var-decision-date = Dyddiad y penderfyniad
letter-var-decision-reasons = Y rhesymau dros y penderfyniad
letter-var-force-name = Heddlu
letter-var-format-note = Nodyn am fformat y llythyr
letter-var-local-policing-body = Corff plismona lleol
letter-var-outcome-date = Dyddiad y llythyr canlyniad
letter-var-reasons = Y rhesymau a roddwyd dros yr oedi
letter-var-recipient-address = Cyfeiriad y derbynnydd
letter-var-recipient-name = Enw'r derbynnydd
letter-var-reference = Cyfeirnod
letter-var-request-date = Y dyddiad y daeth y cais i law
letter-var-today = Dyddiad y llythyr

# Y gweithle yn ystod galwad: un sgrin.
contact-served-in = { $lang ->
    [cy] yn Gymraeg
   *[en] yn Saesneg
}
contact-stage-now = Y cam nawr:
contact-next-stage = Cam nesaf: { $stage }
contact-copy-line = Copïo'r llinell
contact-panels = Rhannau'r ymholiad
contact-search = Chwilio'r canllawiau
contact-needs-referrals = Anghenion ac atgyfeiriadau
contact-details = Heddlu a chrynodeb
contact-more = { $count ->
    [one] Un arall
    [two] Dau arall
   *[other] { $count } arall
}
contact-advice-empty = Bydd camau, canllawiau ac asiantaethau'n ymddangos yma wrth i chi ychwanegu at y sgwrs.
contact-agency-no-phone = Dim rhif ffôn ar gofnod
contact-referred = Wedi atgyfeirio
contact-refer-button = Atgyfeirio
contact-refer-to = Atgyfeirio at { $name }
contact-unrefer = Dadwneud yr atgyfeiriad at { $name }
contact-force = Yr heddlu dan sylw
contact-force-heard = wedi'i glywed yn y sgwrs
contact-force-heard-help = Wedi'i adnabod o'r sgwrs. Newidiwch ef os yw'n anghywir.
contact-force-none = Dim heddlu wedi'i ddewis
contact-summary = Eich crynodeb
contact-summary-help = Ychydig o eiriau i'ch atgoffa chi neu gydweithiwr. Nid trawsgrifiad: peidiwch â chofnodi geiriau'r galwr.
contact-save-details = Cadw'r heddlu a'r crynodeb
contact-in-progress = Mae ymholiad { $id } ar y gweill: yn ôl ato
contact-need-agreed = wedi cytuno
contact-need-not-agreed = heb gytuno
contact-referrals = Atgyfeiriadau
contact-none-recorded = Dim wedi'i gofnodi.

# Rhestr yr ymholiadau.
nav-contacts = Fy ymholiadau
contacts-title = Fy ymholiadau
contacts-status = Statws
contacts-status-any = Y cyfan
contacts-status-open = Ar agor
contacts-status-closed = Wedi'i gloi
contacts-channel-any = Pob ffordd
contacts-filter = Hidlo
contacts-none = Does dim ymholiadau yma.
contacts-contact = Ymholiad
contacts-started = Wedi dechrau
contacts-caller = Galwr
contacts-about = Amdano

# Dyddiadau.
date-long = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
contact-unrefer-short = Dadwneud
contact-letter-bad-date = Rhowch ddyddiad go iawn, er enghraifft 2 Rhagfyr 2026.
contact-letter-print = Argraffu'r llythyr
contact-letter-print-view = Fersiwn i'w argraffu
contact-matter = Mater proffil uchel
contact-matter-lines = Llinellau i'w dilyn:
