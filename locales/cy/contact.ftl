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
contact-meta = { $channel } · { $caller } · { $lang } · dechreuwyd { $started }
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
contact-confirm = Wedi cytuno â'r galwr
contact-refer = Wedi atgyfeirio
contact-save-choices = Cadw addasiadau ac atgyfeiriadau
contact-close = Cloi'r ymholiad
contact-outcome = Canlyniad
outcome-resolved-first-contact = Wedi'i ddatrys yn y cyswllt cyntaf
outcome-follow-up = Angen dilyniant
outcome-referred = Wedi'i atgyfeirio at asiantaeth arall
outcome-transferred = Wedi'i drosglwyddo
contact-action = Cam gweithredu i'w ddilyn (beth)
contact-action-owner = Pwy fydd yn ei wneud
contact-action-due = Erbyn pryd
contact-satisfaction = Pa mor fodlon oedd y galwr? (1 = ddim o gwbl, 5 = yn fodlon iawn)
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
