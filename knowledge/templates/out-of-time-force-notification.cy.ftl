# Llythyr at yr heddlu yn rhoi gwybod am benderfyniad yr IOPC ar gais am
# adolygiad a ddaeth i law ar ôl y terfyn amser o 28 diwrnod, gyda'r dyddiadau
# a'r rhesymau.

subject = Cais am adolygiad a ddaeth i law ar ôl y terfyn amser: penderfyniad yr IOPC (cyfeirnod { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Ein cyfeirnod: { $reference }

    Annwyl { $recipient_name },

    Cais am adolygiad a ddaeth i law ar ôl y terfyn amser

    Rwy'n ysgrifennu i roi gwybod i chi am ein penderfyniad ar gais am adolygiad o ganlyniad cwyn a gafodd ei thrin gan eich heddlu. Daeth y cais i law ar ôl y terfyn amser o 28 diwrnod, felly roedd rhaid i ni benderfynu yn gyntaf a oedd amgylchiadau eithriadol a fyddai'n caniatáu i ni ei ystyried.

    Manylion y cais
    Yr heddlu: { $force_name }
    Dyddiad gwneud y gŵyn: { $complaint_date }
    Dyddiad y llythyr canlyniad: { $outcome_date }
    Y diwrnod olaf i ofyn am adolygiad: { $deadline_date }
    Y dyddiad y daeth y cais am adolygiad i law: { $request_date }
    Nifer y diwrnodau ar ôl y terfyn amser: { $days_late }
    Dyddiad ein penderfyniad: { $decision_date }

    Rhesymau'r achwynydd dros yr oedi
    { $reasons }

    Ein penderfyniad a'r rhesymau drosto
    { $decision_reasons }

    Camau nesaf
    Os ydyn ni wedi penderfynu ystyried yr adolygiad, byddwn ni'n cysylltu â chi ar wahân i ofyn am y cofnodion cwyn sydd eu hangen arnon ni. Byddem yn ddiolchgar pe gallech chi sicrhau bod y cofnodion hynny'n cael eu cadw ar gael.

    Os ydyn ni wedi penderfynu peidio ag ystyried yr adolygiad, nid oes angen i chi gymryd unrhyw gamau pellach ynghylch y cais hwn, ac mae'r canlyniad a roddwyd i'r achwynydd yn dal mewn grym.

    Rydyn ni wedi ysgrifennu at yr achwynydd i roi gwybod am ein penderfyniad.

    Nodwch ein cyfeirnod, { $reference }, ym mhob gohebiaeth am y mater hwn. Os oes gennych chi unrhyw gwestiynau, ffoniwch ni ar { $contact_phone }.

    Yn gywir

    { $adviser_name }
    Canolfan Gyswllt Cwsmeriaid
    Swyddfa Annibynnol Ymddygiad yr Heddlu (IOPC)
