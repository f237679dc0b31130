# Cadw data a cheisiadau gwrthrych am wybodaeth.

nav-retention = Data personol
retention-title = Data personol: cadw data a cheisiadau gwrthrych am wybodaeth
retention-policy = Am faint y cedwir cofnodion
retention-col-kind = Cofnod
retention-col-kept = Yn cael ei gadw am
retention-kind-contacts = Manylion personol cyswllt, o'r diwrnod y daeth i ben
retention-kind-restricted = Yr un peth ar gyfer cysylltiadau'r Llinell Adrodd a chysylltiadau chwythu'r chwiban
retention-kind-audit = Cofnodion archwilio
retention-kind-searches = Cyfrifon chwiliadau, o'r diwrnod y'u gwelwyd ddiwethaf
retention-days = { $days ->
    [one] { $days } diwrnod
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
}
retention-policy-hint = Mae'r cyfnodau wedi'u gosod yng nghyfluniad y gwasanaeth (yr opsiynau --keep-…-days, neu CANLLAW_KEEP_…_DAYS). Mae'r gwasanaeth yn carthu pan fydd yn dechrau a phob dydd.
retention-due = Wedi mynd heibio i'r cyfnod cadw nawr
retention-nothing-due = Does dim wedi mynd heibio i'w gyfnod cadw.
retention-what-goes = Mae carthu'n gwneud cysylltiadau'n ddienw: mae manylion y galwr, y crynodeb, llythyrau, geiriau camau gweithredu a sylwadau, a'r hyn a gadwodd y sgwrs yn mynd; mae rhesymau, canlyniadau, amseroedd a sgoriau'n aros, felly dydy'r ffigurau ddim yn newid. Mae'n dileu hen gofnodion archwilio a chyfrifon chwiliadau.
retention-purge-now = Carthu nawr
retention-purged = Mae'r carthu wedi'i wneud, ac wedi'i gofnodi isod.
retention-done = Carthu a wnaed
retention-none-done = Does dim carthu wedi'i wneud eto.
retention-col-when = Pryd
retention-col-who = Gan
retention-col-what = Beth aeth
retention-count-contacts = { $count ->
    [one] { $count } cyswllt wedi'i wneud yn ddienw
   *[other] { $count } cyswllt wedi'u gwneud yn ddienw
}
retention-count-restricted = { $count ->
    [one] { $count } cyswllt cyfyngedig wedi'i wneud yn ddienw
   *[other] { $count } cyswllt cyfyngedig wedi'u gwneud yn ddienw
}
retention-count-audit = { $count ->
    [one] { $count } cofnod archwilio wedi'i ddileu
   *[other] { $count } cofnod archwilio wedi'u dileu
}
retention-count-searches = { $count ->
    [one] { $count } cyfrif chwilio wedi'i ddileu
   *[other] { $count } cyfrif chwilio wedi'u dileu
}
retention-subject = Cais gwrthrych am wybodaeth
retention-subject-hint = Pob cofnod cyswllt am un person, fel ffeil i'w hadolygu cyn ei hanfon. Mae'n edrych ym manylion y galwr ac yn yr hyn a ysgrifennodd cynghorwyr, heb ystyried priflythrennau, bylchau na sut mae rhif ffôn wedi'i osod. Mae pob allforio'n cael ei gofnodi yn yr archwiliad, gyda nifer y cofnodion, byth y person.
retention-subject-by = Chwilio amdanyn nhw yn ôl
retention-by-name = Enw
retention-by-phone = Rhif ffôn
retention-by-email = Cyfeiriad e-bost
retention-by-reference = Cyfeirnod
retention-subject-value = Enw, rhif, cyfeiriad neu gyfeirnod
retention-subject-export = Llwytho'r cofnodion i lawr
retention-subject-too-short = Rhowch fwy i chwilio amdano: o leiaf 3 llythyren neu ddigid (6 digid ar gyfer rhif ffôn).
