# Cadw data a cheisiadau gwrthrych am wybodaeth.

nav-retention = Data personol
retention-title = Data personol: cadw data a cheisiadau gwrthrych am wybodaeth
retention-policy = Am faint y cedwir cofnodion
retention-col-kind = Cofnod
retention-col-kept = Cyfnod cadw
retention-kind-contacts = Manylion personol cyswllt, o'r diwrnod y daeth i ben
retention-kind-restricted = Yr un peth ar gyfer cysylltiadau'r Llinell Adrodd a chysylltiadau chwythu'r chwiban
retention-kind-audit = Cofnodion archwilio
retention-kind-searches = Cyfrifon chwilio, o'r diwrnod y'u gwelwyd ddiwethaf
retention-days = { $days ->
    [one] un diwrnod
    [two] dau ddiwrnod
   *[other] { $days } diwrnod
}
retention-policy-hint = Mae'r cyfnodau wedi'u gosod yng nghyfluniad y gwasanaeth (yr opsiynau --keep-…-days, neu CANLLAW_KEEP_…_DAYS). Mae'r gwasanaeth yn carthu pan fydd yn dechrau a phob dydd.
retention-due = Wedi mynd heibio i'r cyfnod cadw nawr
retention-nothing-due = Does dim wedi mynd heibio i'w gyfnod cadw.
retention-what-goes = Mae carthu'n gwneud cysylltiadau'n ddienw: caiff manylion y galwr, y crynodeb, llythyrau, geiriad camau gweithredu a sylwadau, a'r hyn a gadwodd y sgwrs eu tynnu; mae rhesymau, canlyniadau, amseroedd a sgoriau'n aros, felly dydy'r ffigurau ddim yn newid. Mae hefyd yn dileu hen gofnodion archwilio a hen gyfrifon chwilio.
retention-purge-now = Carthu nawr
retention-purged = Mae'r carthu wedi'i wneud, ac wedi'i gofnodi isod.
retention-done = Carthu a wnaed
retention-none-done = Does dim carthu wedi'i wneud eto.
retention-col-when = Pryd
retention-col-who = Gan
retention-col-what = Beth a garthwyd
retention-count-contacts = { $count ->
    [one] un cyswllt wedi'i wneud yn ddienw
    [two] dau gyswllt wedi'u gwneud yn ddienw
   *[other] { $count } cyswllt wedi'u gwneud yn ddienw
}
retention-count-restricted = { $count ->
    [one] un cyswllt cyfyngedig wedi'i wneud yn ddienw
    [two] dau gyswllt cyfyngedig wedi'u gwneud yn ddienw
   *[other] { $count } cyswllt cyfyngedig wedi'u gwneud yn ddienw
}
retention-count-audit = { $count ->
    [one] un cofnod archwilio wedi'i ddileu
    [two] dau gofnod archwilio wedi'u dileu
   *[other] { $count } cofnod archwilio wedi'u dileu
}
retention-count-searches = { $count ->
    [one] un cyfrif chwilio wedi'i ddileu
    [two] dau gyfrif chwilio wedi'u dileu
   *[other] { $count } cyfrif chwilio wedi'u dileu
}
retention-subject = Cais gwrthrych am wybodaeth
retention-subject-hint = Pob cofnod cyswllt am un person, fel ffeil i'w hadolygu cyn ei hanfon. Mae'n edrych ym manylion y galwr ac yn yr hyn a ysgrifennodd cynghorwyr, heb ystyried priflythrennau, bylchau na sut mae rhif ffôn wedi'i osod. Mae pob allforio'n cael ei gofnodi yn y log archwilio, gyda nifer y cofnodion ond byth pwy yw'r person.
retention-subject-by = Chwilio yn ôl
retention-by-name = Enw
retention-by-phone = Rhif ffôn
retention-by-email = Cyfeiriad e-bost
retention-by-reference = Cyfeirnod
retention-subject-value = Enw, rhif, cyfeiriad neu gyfeirnod
retention-subject-export = Llwytho'r cofnodion i lawr
retention-subject-too-short = Rhowch fwy i chwilio amdano: o leiaf 3 llythyren neu ddigid (6 digid ar gyfer rhif ffôn).
retention-views = Pwy sydd wedi agor cofnodion cyfyngedig
retention-views-hint = Bob tro yr agorodd rhywun gofnod y Llinell Adrodd neu gofnod chwythu'r chwiban, y diweddaraf yn gyntaf. Dim ond rheolwyr sy'n gweld y rhestr hon.
retention-no-views = Does neb wedi agor cofnod cyfyngedig.
retention-col-viewer = Pwy edrychodd
retention-col-contact = Cofnod
retention-contact-n = Ymholiad { $id }
