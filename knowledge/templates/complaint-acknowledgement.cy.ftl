# Llythyr at achwynydd yn cydnabod ei neges, yn rhoi'r cyfeirnod ac yn esbonio
# beth fydd yn digwydd nesaf a phryd.

subject = Mae eich neges wedi dod i law (cyfeirnod { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Ein cyfeirnod: { $reference }

    Annwyl { $recipient_name },

    Diolch i chi am gysylltu â Swyddfa Annibynnol Ymddygiad yr Heddlu (IOPC). Daeth eich neges i law ar { $complaint_date }, ac rydyn ni wedi rhoi'r cyfeirnod { $reference } iddi. Nodwch y cyfeirnod hwn bob tro y byddwch chi'n cysylltu â ni am y mater hwn.

    Beth fydd yn digwydd nesaf
    Byddwn ni'n darllen yr hyn rydych chi wedi'i anfon aton ni yn ofalus, ac yn penderfynu ar y ffordd orau o ddelio ag ef.

    Yr heddlu dan sylw, nid yr IOPC, sy'n cofnodi'r rhan fwyaf o gwynion am yr heddlu ac yn delio â nhw. Os cwyn am yr heddlu yw eich neges, byddwn ni fel arfer yn ei hanfon at yr heddlu ac yn ysgrifennu atoch chi i ddweud ein bod wedi gwneud hynny. Bydd yr heddlu wedyn yn cysylltu â chi.

    Os yw eich neges am rywbeth rydyn ni'n delio ag ef ein hunain, fel cais am adolygiad, byddwn ni'n dweud wrthych chi beth fydd yn digwydd a faint o amser y mae'n debygol o'i gymryd. Os yw am rywbeth y tu allan i'n cylch gwaith, byddwn ni'n dweud wrthych chi pa sefydliad a allai eich helpu.

    Ein nod yw cysylltu â chi eto erbyn { $reply_date }.

    Os hoffech chi ychwanegu rhywbeth, neu os oes gennych chi unrhyw gwestiynau yn y cyfamser, ffoniwch ni ar { $contact_phone }. Os oes angen i ni gyfathrebu â chi mewn ffordd wahanol, er enghraifft mewn print bras, mewn fformat hawdd ei ddeall, drwy Relay UK neu yn Saesneg, rhowch wybod i ni.

    Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999. Ni all yr IOPC ymateb i argyfyngau.

    { $format_note }

    Yn gywir

    { $adviser_name }
    Canolfan Gyswllt Cwsmeriaid
    Swyddfa Annibynnol Ymddygiad yr Heddlu (IOPC)
