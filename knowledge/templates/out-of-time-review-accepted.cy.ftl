# Llythyr at achwynydd y daeth ei gais am adolygiad i law ar ôl y terfyn amser
# o 28 diwrnod, yn dweud bod ei resymau'n gyfystyr ag amgylchiadau eithriadol
# ac y bydd yr adolygiad yn cael ei ystyried.

subject = Eich cais am adolygiad: byddwn ni'n ei ystyried (cyfeirnod { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Ein cyfeirnod: { $reference }

    Annwyl { $recipient_name },

    Eich cais am adolygiad o ganlyniad eich cwyn

    Diolch i chi am ofyn i ni adolygu canlyniad eich cwyn ynghylch { $force_name }. Rwy'n ysgrifennu i roi gwybod i chi ein bod wedi penderfynu ystyried eich cais, er iddo ein cyrraedd ar ôl y terfyn amser.

    Y dyddiadau rydyn ni wedi'u defnyddio
    Dyddiad y llythyr canlyniad: { $outcome_date }
    Y diwrnod olaf i ofyn am adolygiad: { $deadline_date }
    Y dyddiad y daeth eich cais i law: { $request_date }
    Nifer y diwrnodau ar ôl y terfyn amser: { $days_late }

    Fel arfer, dylid gofyn am adolygiad o fewn 28 diwrnod. Mae'r 28 diwrnod fel arfer yn dechrau ar y diwrnod ar ôl y dyddiad sydd ar y llythyr canlyniad. Dim ond os oes amgylchiadau eithriadol y gallwn ni ystyried cais sy'n cyrraedd yn hwyrach.

    Dyma'r rhesymau a roesoch chi dros yr oedi: { $reasons }

    Rydyn ni wedi ystyried yr hyn a ddywedoch chi yn ofalus. Ar { $decision_date }, penderfynon ni fod eich rhesymau'n gyfystyr ag amgylchiadau eithriadol. { $decision_reasons }

    Beth fydd yn digwydd nesaf
    Byddwn ni nawr yn ystyried a oedd canlyniad eich cwyn yn rhesymol ac yn gymesur. Byddwn ni'n gofyn i'r heddlu am yr wybodaeth sydd ganddo am y ffordd yr ymdriniwyd â'ch cwyn, ac rydyn ni wedi rhoi gwybod i'r heddlu am ein penderfyniad. Byddwn ni'n ysgrifennu atoch chi eto pan fyddwn ni wedi cwblhau'r adolygiad.

    Nid oes angen i chi wneud unrhyw beth ar hyn o bryd. Os oes gennych chi wybodaeth nad ydych chi wedi'i hanfon aton ni eto, anfonwch hi cyn gynted â phosibl, gan nodi ein cyfeirnod.

    Os oes gennych chi unrhyw gwestiynau, ffoniwch ni ar { $contact_phone } neu ysgrifennwch aton ni, gan nodi'r cyfeirnod { $reference }.

    { $format_note }

    Yn gywir

    { $adviser_name }
    Canolfan Gyswllt Cwsmeriaid
    Swyddfa Annibynnol Ymddygiad yr Heddlu (IOPC)
