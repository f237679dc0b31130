# Labels for values in the knowledge base: caller needs, areas, stages of a
# contact, roles.

need-autism = Autism
need-bereavement = Bereavement
need-blind = Blind or partially sighted
need-bsl = British Sign Language
need-data-protection = Data protection
need-deaf = Deaf or hard of hearing
need-distress = Distress
need-domestic-abuse = Domestic abuse
need-dyslexia = Dyslexia
need-fraud = Fraud
need-general-advice = General advice
need-housing = Housing
need-interpreter = Interpreter
need-learning-disability = Learning disability
need-legal-advice = Legal advice
need-literacy = Reading and writing
need-mental-health = Mental health
need-no-internet = No internet access
need-older-people = Older people
need-outside-remit = Outside our remit
need-physical-disability = Physical disability
need-sexual-violence = Sexual violence
need-speech = Speech difficulty
need-suicidal-thoughts = Suicidal thoughts
need-victim = Victims of crime
need-welsh-language = Welsh language
need-whistleblowing = Whistleblowing

area-wales = Wales
area-england = England
area-scotland = Scotland
area-northern-ireland = Northern Ireland
area-uk = Whole UK

stage-greeting = Greet and offer the language choice
stage-identify = Identify and verify
stage-listen = Listen and summarise
stage-advise = Advise
stage-check-understanding = Check understanding
stage-next-steps = Agree next steps
stage-refer = Transfer or refer
stage-close = Close
stage-record = Record
stage-satisfaction = Satisfaction questions
stage-any = At any stage

role-adviser = Adviser
role-editor = Editor
role-manager = Manager
role-admin = Administrator
