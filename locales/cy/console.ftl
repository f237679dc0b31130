# Consol y cynghorydd: ffrâm y dudalen, chwilio, tudalennau cynnwys, mewngofnodi, defnyddwyr.

skip-to-content = Neidio i'r prif gynnwys
nav-label = Prif ddewislen
nav-search = Chwilio
nav-agencies = Asiantaethau
nav-scripts = Sgriptiau
nav-users = Defnyddwyr
switch-ui = English
caller-language = Iaith y galwr: { $lang }.
caller-switch = Gwasanaethu'r galwr yn { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
}
signed-in-as = Wedi mewngofnodi fel { $name }
logout = Allgofnodi
lang-cy = Cymraeg
lang-en = Saesneg
yes = Ie
no = Na

login-title = Mewngofnodi
login-name = Enw defnyddiwr
login-password = Cyfrinair
login-submit = Mewngofnodi

search-title = Chwilio'r canllawiau
search-label = Chwilio canllawiau, asiantaethau a sgriptiau
search-submit = Chwilio
search-help = Teipiwch yn Gymraeg neu yn Saesneg. Pwyswch / i ddod yn ôl yma, ↑ a ↓ i symud drwy'r canlyniadau, Enter i agor un, Esc i glirio.
search-filters = Hidlwyr
search-kind = Dangos
search-qlang = Iaith y chwilio
search-qlang-auto = Canfod o'r geiriau
search-start = Dechreuwch deipio'r hyn sydd ei angen ar y galwr.
search-nothing = Dim byd wedi'i ganfod ar gyfer “{ $query }”.
search-did-you-mean = Oeddech chi'n golygu:
search-tip-fewer = Rhowch gynnig ar lai o eiriau, neu eiriau byrrach.
search-tip-other-language = Rhowch gynnig ar y geiriau yn yr iaith arall, neu dewiswch yr iaith o dan Hidlwyr.
search-starting-points = Mannau cychwyn cyffredin
results-count = { $count ->
    [zero] Dim canlyniadau
    [one] Un canlyniad
    [two] Dau ganlyniad
    [few] { $count } chanlyniad
    [many] { $count } chanlyniad
   *[other] { $count } canlyniad
}
results-language = wedi chwilio yn { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
}
kind-any = Popeth
kind-article = Canllaw
kind-agency = Asiantaeth
kind-script = Sgript
badge-internal = Mewnol

back-to-search = Yn ôl i chwilio
# "gan" would mutate the team name (gan Ganolfan …), which a variable cannot do.
article-reviewed = Adolygwyd { $date }. Perchennog: { $owner }
article-other-version = Darllen yn { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
}
related-title = Cysylltiedig
related-articles = Canllawiau cysylltiedig
related-agencies = Asiantaethau i atgyfeirio atynt
related-scripts = Sgriptiau

agencies-title = Asiantaethau atgyfeirio
agencies-need = Angen y galwr
agencies-area = Ardal
agencies-any = Unrhyw un
agencies-welsh = Yn gallu helpu yn Gymraeg
agencies-welsh-badge = Gwasanaeth Cymraeg
agencies-filter = Hidlo
agencies-count = { $count ->
    [zero] Dim asiantaethau
    [one] Un asiantaeth
    [two] Dwy asiantaeth
    [few] Tair asiantaeth
    [many] Chwe asiantaeth
   *[other] { $count } asiantaeth
}
back-to-agencies = Yn ôl i'r asiantaethau
agency-when = Pryd i atgyfeirio
agency-contact = Manylion cyswllt
agency-phone = Ffôn
agency-text = Neges destun
agency-relay = Cyfnewid testun
agency-email = E-bost
agency-web = Gwefan
agency-hours = Oriau agor
agency-welsh = Gwasanaeth Cymraeg
agency-areas = Ardaloedd
agency-needs = Yn helpu gyda
agency-checked = Manylion wedi'u gwirio
agency-verified-on = Gwiriwyd ar { $date }
agency-not-verified = Nid oedd modd gwirio pob manylyn: cadarnhewch cyn atgyfeirio.
agency-source = Ffynhonnell

scripts-title = Sgriptiau
scripts-in-language = Yn iaith y galwr: { $lang }.
scripts-stage = Cam yr ymholiad
scripts-all-stages = Pob cam
scripts-show = Dangos

users-title = Defnyddwyr
users-name = Enw defnyddiwr
users-role = Rôl
users-state = Statws
users-active = Gweithredol
users-disabled = Wedi'i analluogi
users-add = Ychwanegu defnyddiwr
users-password = Cyfrinair
users-create = Creu defnyddiwr
agency-unverified = Heb ei wirio: cadarnhewch cyn atgyfeirio
users-full-name = Enw llawn
users-full-name-help = Yr enw ar waelod llythyrau, er enghraifft Siân Jones.
users-full-name-of = Enw llawn { $name }
users-full-name-save = Cadw
search-try-other = Chwilio yn { $lang ->
    [cy] Gymraeg
   *[en] Saesneg
} yn lle hynny
account-link = Fy nghyfrif
account-title = Fy nghyfrif
account-password = Newid eich cyfrinair
account-password-help = Rhwng { $min } a { $max } nod, a heb fod yn un cyffredin. Wedi i chi ei newid, cewch eich allgofnodi ym mhob man arall.
account-current = Cyfrinair presennol
account-new = Cyfrinair newydd
account-confirm = Cyfrinair newydd eto
account-save = Newid y cyfrinair
account-changed = Mae eich cyfrinair wedi'i newid. Rydych chi wedi cael eich allgofnodi ym mhob man arall.
users-password-reset = Ailosod cyfrinair
users-reset = Ailosod
users-new-password-of = Cyfrinair newydd i { $name }
users-disable = Analluogi
users-enable = Galluogi
users-disable-name = Analluogi { $name }
users-enable-name = Galluogi { $name }
