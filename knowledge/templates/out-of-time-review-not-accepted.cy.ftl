# Llythyr at achwynydd y daeth ei gais am adolygiad i law ar ôl y terfyn amser
# o 28 diwrnod, yn dweud nad yw ei resymau'n gyfystyr ag amgylchiadau
# eithriadol, felly na ellir ystyried yr adolygiad, a beth y gall ei wneud o hyd.

subject = Daeth eich cais am adolygiad i law ar ôl y terfyn amser (cyfeirnod { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Ein cyfeirnod: { $reference }

    Annwyl { $recipient_name },

    Eich cais am adolygiad o ganlyniad eich cwyn

    Diolch i chi am ofyn i ni adolygu canlyniad eich cwyn ynghylch { $force_name }. Mae'n ddrwg gen i roi gwybod i chi na allwn ni ystyried eich cais. Daeth y cais i law ar ôl y terfyn amser, ac rydyn ni wedi penderfynu nad oes amgylchiadau eithriadol a fyddai'n caniatáu i ni ei dderbyn.

    Y dyddiadau rydyn ni wedi'u defnyddio
    Dyddiad y llythyr canlyniad: { $outcome_date }
    Y diwrnod olaf i ofyn am adolygiad: { $deadline_date }
    Y dyddiad y daeth eich cais i law: { $request_date }
    Nifer y diwrnodau ar ôl y terfyn amser: { $days_late }

    Fel arfer, dylid gofyn am adolygiad o fewn 28 diwrnod. Mae'r 28 diwrnod fel arfer yn dechrau ar y diwrnod ar ôl y dyddiad sydd ar y llythyr canlyniad. Dim ond os oes amgylchiadau eithriadol y gallwn ni ystyried cais sy'n cyrraedd yn hwyrach.

    Dyma'r rhesymau a roesoch chi dros yr oedi: { $reasons }

    Rydyn ni wedi ystyried yr hyn a ddywedoch chi yn ofalus, ac rydyn ni'n deall y bydd y penderfyniad hwn yn siom i chi. Ar { $decision_date }, penderfynon ni nad yw eich rhesymau'n gyfystyr ag amgylchiadau eithriadol. { $decision_reasons }

    Mae hyn yn golygu na fyddwn ni'n adolygu canlyniad eich cwyn, a bod y canlyniad a nodwyd yn y llythyr dyddiedig { $outcome_date } yn dal mewn grym. Rydyn ni wedi rhoi gwybod i'r heddlu, sef { $force_name }, am ein penderfyniad.

    Beth allwch chi ei wneud o hyd
    Gallwch chi gysylltu â'r heddlu os oes gennych chi gwestiynau am y canlyniad neu am y ffordd y daethpwyd iddo.

    Os oes gennych chi wybodaeth am y rhesymau dros yr oedi na wnaethoch chi ei rhoi i ni o'r blaen, cysylltwch â ni cyn gynted â phosibl a dywedwch wrthon ni beth yw hi.

    Os ydych chi'n credu bod ein penderfyniad yn anghywir yn gyfreithiol, efallai y gallwch chi ei herio drwy adolygiad barnwrol. Mae terfynau amser caeth yn berthnasol, felly dylech chi gael cyngor cyfreithiol yn gyflym, er enghraifft gan gyfreithiwr neu Gyngor ar Bopeth.

    Os oes rhywbeth newydd wedi digwydd sy'n ymwneud â'r heddlu, gallwch chi wneud cwyn newydd i'r heddlu dan sylw.

    Os nad ydych chi'n fodlon ar y gwasanaeth a gawsoch chi gennym ni, gallwch chi gwyno am ein gwasanaeth. Ni all hynny newid y penderfyniad yn y llythyr hwn.

    Os oes gennych chi unrhyw gwestiynau, ffoniwch ni ar { $contact_phone } neu ysgrifennwch aton ni, gan nodi'r cyfeirnod { $reference }.

    { $format_note }

    Yn gywir

    { $adviser_name }
    Canolfan Gyswllt Cwsmeriaid
    Swyddfa Annibynnol Ymddygiad yr Heddlu (IOPC)
