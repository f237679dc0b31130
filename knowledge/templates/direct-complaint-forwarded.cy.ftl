# Llythyr at achwynydd yn dweud bod yr IOPC wedi anfon ei gwyn at yr heddlu dan
# sylw, a fydd yn cofnodi'r gŵyn ac yn delio â hi.

subject = Rydyn ni wedi anfon eich cwyn at yr heddlu, sef { $force_name } (cyfeirnod { $reference })

body =
    { $recipient_name }
    { $recipient_address }

    { $today }

    Ein cyfeirnod: { $reference }

    Annwyl { $recipient_name },

    Eich cwyn am yr heddlu

    Diolch i chi am eich cwyn, a ddaeth i law ar { $complaint_date }.

    Yn ôl y gyfraith, yr heddlu dan sylw, nid yr IOPC, sy'n cofnodi'r rhan fwyaf o gwynion am yr heddlu ac yn delio â nhw. Felly rydyn ni wedi anfon eich cwyn at yr heddlu perthnasol, sef { $force_name }. Bydd yr heddlu yn cysylltu â chi i drafod eich cwyn ac i esbonio sut bydd yn delio â hi. Rydyn ni wedi anfon yr wybodaeth a roesoch chi i ni at yr heddlu, gan gynnwys eich manylion cyswllt, er mwyn iddo allu gwneud hyn.

    Cysylltu â'r heddlu
    O hyn ymlaen, yr heddlu yw'r sefydliad iawn i gysylltu ag ef am eich cwyn. Adran safonau proffesiynol yr heddlu sy'n delio â chwynion. Mae manylion cyswllt yr adran ar wefan yr heddlu, neu gallwch chi ffonio 101 a gofyn am yr adran safonau proffesiynol. Pan fyddwch chi'n cysylltu â'r heddlu, dywedwch mai'r IOPC a anfonodd eich cwyn ymlaen, a nodwch ein cyfeirnod, { $reference }. Os na fyddwch chi'n clywed gan yr heddlu, cysylltwch â'i adran safonau proffesiynol yn uniongyrchol.

    Pan fydd yr heddlu wedi gorffen
    Pan fydd yr heddlu wedi gorffen delio â'ch cwyn, bydd yn ysgrifennu atoch chi i esbonio'r canlyniad. Bydd y llythyr hwnnw'n dweud a allwch chi ofyn am adolygiad os nad ydych chi'n fodlon ar y canlyniad, a phwy fyddai'n cynnal yr adolygiad. Ar gyfer llawer o gwynion, y corff adolygu yw'r corff plismona lleol, sef { $local_policing_body } yn achos yr heddlu hwn. Ar gyfer rhai cwynion mwy difrifol, yr IOPC yw'r corff adolygu. Fel arfer, bydd gennych chi 28 diwrnod i ofyn am adolygiad, felly cadwch y llythyr canlyniad yn ddiogel.

    Os oes gennych chi unrhyw gwestiynau am y llythyr hwn, ffoniwch ni ar { $contact_phone }, gan nodi'r cyfeirnod { $reference }.

    { $format_note }

    Yn gywir

    { $adviser_name }
    Canolfan Gyswllt Cwsmeriaid
    Swyddfa Annibynnol Ymddygiad yr Heddlu (IOPC)
