# Labeli ar gyfer gwerthoedd yn y gronfa wybodaeth: anghenion galwyr, ardaloedd, camau ymholiad, rolau.

need-autism = Awtistiaeth
need-bereavement = Profedigaeth
need-blind = Dall neu rannol ddall
need-bsl = Iaith Arwyddion Prydain
need-data-protection = Diogelu data
need-deaf = Byddar neu drwm eu clyw
need-distress = Trallod
need-domestic-abuse = Cam-drin domestig
need-dyslexia = Dyslecsia
need-fraud = Twyll
need-general-advice = Cyngor cyffredinol
need-housing = Tai
need-interpreter = Cyfieithydd
need-learning-disability = Anabledd dysgu
need-legal-advice = Cyngor cyfreithiol
need-literacy = Darllen ac ysgrifennu
need-mental-health = Iechyd meddwl
need-no-internet = Dim mynediad i'r rhyngrwyd
need-older-people = Pobl hŷn
need-outside-remit = Y tu hwnt i'n cylch gwaith
need-physical-disability = Anabledd corfforol
need-sexual-violence = Trais rhywiol
need-speech = Anhawster lleferydd
need-suicidal-thoughts = Meddyliau am hunanladdiad
need-victim = Dioddefwyr trosedd
need-welsh-language = Y Gymraeg
need-whistleblowing = Chwythu'r chwiban

area-wales = Cymru
area-england = Lloegr
area-scotland = Yr Alban
area-northern-ireland = Gogledd Iwerddon
area-uk = Y DU gyfan

stage-greeting = Cyfarch a chynnig dewis iaith
stage-identify = Adnabod a gwirio
stage-listen = Gwrando a chrynhoi
stage-advise = Cynghori
stage-check-understanding = Gwirio dealltwriaeth
stage-next-steps = Cytuno ar y camau nesaf
stage-refer = Trosglwyddo neu atgyfeirio
stage-close = Cloi
stage-record = Cofnodi
stage-satisfaction = Cwestiynau bodlonrwydd
stage-any = Ar unrhyw gam

role-adviser = Cynghorydd
role-editor = Golygydd
role-manager = Rheolwr
role-admin = Gweinyddwr
