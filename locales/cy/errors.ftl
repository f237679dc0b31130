# Gwallau, ar dudalennau ac yn ymatebion yr API.

error-title = Aeth rhywbeth o'i le
error-status = Cod gwall { $status }
error-home = Mynd i'r dudalen chwilio
error-not-found = Ni allem ddod o hyd i'r dudalen neu'r eitem honno. Efallai ei bod wedi'i symud neu ei dileu.
error-method-not-allowed = Nid yw'n bosibl gwneud hynny yma.
error-too-large = Mae'r hyn a anfonwyd yn rhy fawr.
error-unsupported-media-type = Nid yw'r hyn a anfonwyd mewn fformat rydym yn ei dderbyn.
error-unauthenticated = Mewngofnodwch yn gyntaf.
error-forbidden = Nid yw eich rôl yn caniatáu hyn.
error-csrf = Mae'r ffurflen hon wedi dod i ben neu ni ddaeth o'r wefan hon. Ewch yn ôl, ail-lwythwch y dudalen a rhowch gynnig arall arni.
error-query-too-long = Mae'r chwiliad yn rhy hir: defnyddiwch { $limit } nod ar y mwyaf.
error-bad-parameter = Nid ydym yn adnabod gwerth “{ $name }”.
error-bad-request = Nid oedd modd deall y cais.
error-internal = Aeth rhywbeth o'i le ar ein hochr ni. Mae wedi'i gofnodi; rhowch gynnig arall arni.
error-conflict = Mae rhywun arall wedi newid y cofnod hwn, neu mae wedi'i gau. Ail-lwythwch ef a rhowch gynnig arall arni.
error-letter-incomplete = Nid oes modd creu'r llythyr eto. Llenwch: { $names }.
error-request-before-outcome = Mae'r cais wedi'i ddyddio cyn y canlyniad y mae'n gofyn am ei adolygu. Gwiriwch y ddau ddyddiad.
error-date-out-of-range = Mae'r dyddiad yn rhy bell i ffwrdd i gyfrif ag ef. Gwiriwch y flwyddyn.
error-bad-credentials = Nid yw'r enw defnyddiwr neu'r cyfrinair yn gywir. Gwiriwch nhw a rhowch gynnig arall arni.
error-too-many-attempts = Gormod o ymdrechion aflwyddiannus. Rhowch gynnig arall arni { $minutes ->
    [one] ymhen munud
   *[other] ymhen { $minutes } munud
}.
error-too-many-requests = Gormod o chwiliadau mewn amser byr. Arhoswch ychydig eiliadau a rhowch gynnig arall arni.
error-bad-user-name = Mae enw defnyddiwr rhwng 2 a 64 o lythrennau, digidau, atalnodau llawn, cysylltnodau neu danlinellau.
error-bad-password = Rhaid i'r cyfrinair fod rhwng { $min } a { $max } nod o hyd, a heb fod yn un cyffredin nac yn hawdd ei ddyfalu.
error-name-taken = Mae defnyddiwr gyda'r enw hwnnw'n bodoli eisoes.
error-own-change = Rhaid i rywun na ysgrifennodd y newid hwn ei gymeradwyo.
error-not-in-review = Anfonwch y newid i'w adolygu cyn ei gyhoeddi.
error-content-invalid = Trwsiwch y problemau hyn cyn cyhoeddi'r newid: { $problems }
error-translation-stale = Mae angen diweddaru'r iaith arall: { $texts }. Cadarnhewch os ydych chi am gyhoeddi beth bynnag.
error-record-full = { $what ->
    [letters] Mae gan y cofnod cyswllt hwn gymaint o lythyrau ag y gall eu dal.
   *[size] Mae'r cofnod cyswllt hwn yn llawn. Byrhewch yr hyn a ysgrifennwyd, yna cadwch eto.
}
error-wrong-password = Nid yw'r cyfrinair presennol yn gywir.
error-password-mismatch = Nid yw'r cyfrinair newydd a'i gadarnhad yr un fath.
error-own-account = Allwch chi ddim analluogi eich cyfrif eich hun. Gofynnwch i weinyddwr arall.
