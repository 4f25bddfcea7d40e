# forcesim catalogue: Kazakh.
# Every message here exists in en.ftl, ru.ftl and kk.ftl with the same
# variables (the tests check). { $name } marks a value filled in by the program.

## User interface

app-title = forcesim
app-subtitle = Полиция қызметкерінің қауіпсіздігі жаттықтырғышы

menu-language = Тіл:
menu-scenarios = Сценарийлер
menu-no_scenarios = scenarios/ қалтасында сценарий жоқ.
menu-objectives = Оқу мақсаттары
menu-time_limit = { $min } минутқа дейін
menu-trainee = Курсант нөмірі:
menu-trainee_hint = басып, нөміріңізді теріңіз
menu-policy = Бағалау ережелері:
menu-policy_scenario = Сценарийдегі
menu-continue = Нұсқамаға өту
menu-quit = Шығу
menu-keys = ↑/↓ сценарийді таңдау · Enter: нұсқама

policy-generic = Үлгілік шкала (NIJ)
policy-us_iacp = АҚШ (IACP)
policy-kz = Қазақстан

kind-traffic_stop = Көлікті тоқтату
kind-building_search = Ғимаратты тексеру
kind-armed_vehicle = Көліктегі қарулы адам
kind-armed_building = Ғимараттағы қарулы адам
kind-field_interview = Көшеде сұрастыру
kind-arrest_search = Ұстау және жеке тінту
kind-public_assembly = Көпшілік жиын
kind-checkpoint = Бақылау бекеті

risk-low = төмен қауіп
risk-medium = орташа қауіп
risk-high = жоғары қауіп

briefing-dispatch = Кезекші бөлімнің хабарламасы
briefing-objectives = Міндеттер
briefing-optional = міндетті емес
briefing-seed = нұсқа { $seed }
briefing-start = Бастау
briefing-back = Артқа
briefing-keys = Enter: бастау · Esc: мәзірге оралу

keys-title = Басқару
keys-move = қозғалу
keys-run = ұстап тұрсаңыз: жүгіру
keys-mouse = Тінтуір
keys-face = курсор көрсеткен жаққа қарау және көздеу
keys-tools = қол, газ баллончигі, таяқ, электрошокер, тапанша
keys-rmb = Оң батырма
keys-aim = ұстап тұру: алып, көздеу; жіберу: төмен түсіру
keys-lmb = Сол батырма
keys-use = құралды курсор астындағы адамға қолдану (қол: алып жүру ұстауы)
keys-menu = бұйрықтар мәзірі: бұйрықтар, рация, ескертулер, рәсімдер
keys-identify = өзіңізді таныстыру: «Полиция!»
keys-talk = сабырлы сөйлесу (шиеленісті басу)
keys-interact = әрекет: есіктер, кісен, тінту, алғашқы көмек, куәгерлер
keys-select = курсор астындағы адамды таңдау (немесе көрінетін келесі адамды)
keys-holster = құралды орнына салу
keys-wheel = Тінтуір дөңгелегі, + −
keys-zoom = масштаб
keys-pause = үзіліс (осы тізімді көрсетеді)
keys-diagnostics = кадр уақыты
keys-instructor = нұсқаушы пульті (тек --instructor кілтімен)
keys-screenshot = экран суретін сақтау (screenshots/)

hud-objectives = Міндеттер
hud-log = Рация және хабарламалар
hud-log_empty = Әзірге ештеңе жоқ.
hud-radio = Рация
hud-quote = «{ $text }»
hud-target = Нысана: { $who } ({ $m } м)
hud-distance = { $m } м
hud-hint = Tab: бұйрықтар · R: рация · F: «Полиция!» · Esc: үзіліс
hud-hint_menu = 1–0: таңдау · Tab: келесі тізім · Esc: мәзірді жабу
hud-objective_met = Міндет орындалды: { $what }
hud-backup_arrived = Қосымша күш келді.
hud-witness_joined = { $who } куәгер болуға келісті.
hud-escaped = { $who } қашып кетті.
hud-you_injured = Сіз жараландыңыз!
hud-shot = Атыс! Атқан: { $who }

status-identified = өзін таныстырды
status-called_in = хабарлады
status-cover = Пана
status-backup = қосымша күш шақырылды
status-witnesses = Куәгерлер

cover-hard = берік (оқ өтпейді)
cover-soft = тек бүркеніш
cover-none = жоқ

state-holstered = қабында
state-drawn = қолда (төмен)
state-aimed = КӨЗДЕЛДІ

tool-empty_hands = Қол
tool-oc = Газ баллончигі
tool-baton = Таяқ
tool-cew = Электрошокер
tool-handgun = Тапанша

tool_short-empty_hands = Қол
tool_short-oc = Газ
tool_short-baton = Таяқ
tool_short-cew = Шокер
tool_short-handgun = Тапанша

menu_cat-verbal = Сөз
menu_cat-vehicle = Көлік
menu_cat-warnings = Ескертулер
menu_cat-radio = Рация
menu_cat-procedures = Рәсімдер
menu_cat-hands = Әдістер

menu_cmd-target = Кімге: { $who }
menu_cmd-nearest = алдыңғы ең жақын адамға
menu_cmd-hint = Сандар немесе басу · Q: адамды таңдау · Esc: жабу

act-identify = Полиция!
act-talk = Сабырлы сөйлесу
act-talk_bubble = (сабырлы сөйлеседі)
act-draw = Алу
act-aim = Көздеу
act-lower = Түсіру
act-holster = Орнына салу

command-stop = Тоқта! Қозғалма!
command-show_hands = Қолыңызды көрсетіңіз!
command-engine_off = Қозғалтқышты сөндіріңіз!
command-keys_out = Кілтті терезеден лақтырыңыз!
command-step_out = Көліктен шығыңыз!
command-stay_in_vehicle = Көлікте қалыңыз!
command-walk_backwards = Дауысыма қарай шегіншектеп жүріңіз!
command-turn_around = Бұрылыңыз!
command-hands_on_head = Қолыңызды басыңызға қойыңыз!
command-kneel = Тізерлеңіз!
command-prone = Етпетіңізден жатыңыз!
command-drop_weapon = Қаруды таста!
command-move_back = Шегініңіз, өтіп кетіңіз!

warning-force = Бағыныңыз, әйтпесе күш қолданылады!
warning-cew = Электрошокер! Электрошокер!
warning-firearm = Полиция! Таста, әйтпесе атамын!
warning-disperse = Тарау туралы талап

radio-call_in = Тоқтату туралы хабарлау
radio-request_backup = Қосымша күш шақыру
radio-request_ems = Жедел жәрдем шақыру
radio-request_witnesses = Куәгерлер сұрау
radio-request_specialist = Маман шақыру
radio-report_force = Күш қолданғаны туралы баяндау
radio-report_secure = Баяндау: жағдай бақылауда

procedure-handcuff = Кісен салу
procedure-search = Жеке тінту
procedure-search_vehicle = Көлікті тінту
procedure-clear_room = Бөлмені тексеру
procedure-seize_evidence = Айғақтарды алу
procedure-seal_evidence = Айғақтарды мөрлеу
procedure-first_aid = Алғашқы көмек
procedure-ask_witness = Куәгер болуға шақыру
procedure-interview = Сұрақ қою
procedure-open_door = Есікті ашу
procedure-close_door = Есікті жабу

option-escort_grip = Алып жүру ұстауы
option-joint_lock = Қолды қайыру
option-takedown = Жерге жығу
option-strike = Соққы
option-oc = Газ баллончигі
option-baton = Таяқпен соққы
option-cew = Электрошокер
option-point_firearm = Тапаншаны көздеу
option-firearm = Ату

refusal-too_far = тым алыс ({ $distance } м; { $needed } м керек)
refusal-no_target = қолданатын адам жоқ
refusal-unknown_target = бұл адам мұнда жоқ
refusal-not_equipped = қажетті құрал жоқ
refusal-not_ready = алдымен алыңыз (оң батырманы ұстаңыз)
refusal-resisting = адам белсенді қарсылық көрсетуде
refusal-already_restrained = кісен салынып қойған
refusal-locked = есік құлыптаулы
refusal-nothing_to_seize = алатын не мөрлейтін ештеңе жоқ
refusal-not_injured = адам жараланбаған
refusal-declined = адам бас тартты
refusal-not_visible = сіз оны көрмейсіз
refusal-incapacitated = сіз әрекет ете алмайсыз
refusal-already_done = бұл жасалып қойған
refusal-empty = оқ таусылды

cue-hands_visible = қолы көрінеді
cue-hands_hidden = қолы көрінбейді
cue-hands_up = қолы жоғары
cue-reaching = белдігіне қол созуда!
cue-weapon_visible = ҚАРУ
cue-bladed_stance = төбелес тұрысы
cue-clenched_fists = жұдырығын түйген
cue-shouting = айқайлап тұр
cue-looking_for_exit = қашатын жер іздеуде
cue-pacing = әрі-бері жүр
cue-kneeling = тізерлеп отыр
cue-prone = етпетінен жатыр
cue-restrained = кісенде
cue-injured = жараланған
cue-incapacitated = қимылсыз
cue-intoxicated = мас не есірткі әсерінде
cue-distressed = күйзелген
cue-running = жүгіріп барады
cue-ignoring = тыңдамайды

trait-woman = әйел
trait-child = бала
trait-teen = кәмелетке толмаған

health-unhurt = аман
health-minor = жеңіл жараланған
health-serious = ауыр жараланған
health-dead = қаза тапты

people-you = Сіз
people-bystander = жүргінші
people-backup = қосымша күш қызметкері
people-contact = серіктес (сөйлесуші)
people-cover = серіктес (қорғаушы)
people-dispatch = кезекші бөлім

zone-area = аймақ
zone-room = бөлме
zone-exit = шығу
zone-assembly = жиын орны
zone-hiding = жасырынатын жер

pause-title = Үзіліс
pause-resume = Жалғастыру (Esc)
pause-end_run = Аяқтау
pause-menu = Мәзірге шығу

debrief-title = Талдау
debrief-policy = Бағалау ережелері: { $policy }
debrief-pass = СЫНАҚТАН ӨТТІ
debrief-fail = СЫНАҚТАН ӨТПЕДІ
debrief-pass_mark = өту шегі { $mark }
debrief-critical = Өрескел бұзушылық жалпы балға қарамастан сынақтан өтпеуді білдіреді.
debrief-findings = Ескертпелер
debrief-no_findings = Ескертпе жоқ.
debrief-no_score = Бұл құрастыру әлі бағалай алмайды; хронология мен сессия жазбасы бәрібір сақталды.
debrief-replay = Қайталау (R)
debrief-retry = Қайта, жаңа нұсқа (N)
debrief-menu = Мәзір (M)
debrief-saved = Сессия сақталды: { $path }
debrief-save_failed = Сессияны сақтау мүмкін болмады: { $error }

end-objectives_met = Міндеттер орындалды
end-time_limit = Уақыт бітті
end-officer_down = Қызметкер істен шықты
end-subjects_gone = Ұсталатын ешкім қалмады
end-stopped = Тоқтатылды

category-force = Күш қолдану
category-officer_safety = Қызметкер қауіпсіздігі
category-procedure = Рәсім және заң
category-outcome = Нәтиже

chart-title = Хронология
chart-perceived = көрінген қарсылық
chart-force = сіздің сөзіңіз бен күшіңіз
chart-ceiling = ережеге сай мөлшерлес
chart-findings = ескертпелер

level-compliant = Бағынады
level-passive = Енжар
level-active = Белсенді
level-assaultive = Шабуыл
level-deadly = Өмірге қауіп

force-presence = Қатысу
force-verbal = Сөз
force-soft_control = Жұмсақ бақылау
force-hard_control = Қатаң бақылау
force-lethal = Атыс қаруы

replay-title = Қайталау
replay-play_pause = Ойнату / үзіліс
replay-speed = Жылдамдық
replay-back = Талдауға оралу
replay-keys = Бос орын: ойнату/үзіліс · ←/→: 5 с артқа/алға · S: жылдамдық · жолақты басу: өту · Esc: артқа
replay-no_finding_yet = Осы сәтке дейін ескертпе жоқ.

console-title = Нұсқаушы пульті (F2)
console-comply = Бағыну
console-resist = Қарсыласу
console-attack = Шабуыл
console-flee = Қашу
console-add_bystander = Жүргінші қосу
console-pause = Үзіліс
console-hint = Мұндағы әр әрекет сессия журналына жазылады.

reload-errors = Сценарий файлы өзгерді және тексеруден өтпейді; соңғы дұрыс нұсқа жұмыс істеп тұр:

## Score card and the words findings use

card-total = Барлығы
card-pass = СЫНАҚТАН ӨТТІ
card-fail = СЫНАҚТАН ӨТПЕДІ
card-pass_mark = өту шегі
card-policy = Саясат
card-findings = Ескертулер
card-no_findings = Ескертулер жоқ.
card-critical = сыни
noun-option-escort_grip = алып жүру ұстауы
noun-option-joint_lock = буынды қайыру әдісі
noun-option-takedown = жерге құлату
noun-option-strike = қолмен соққы
noun-option-oc = бұрыш спрейі (OC)
noun-option-baton = резеңке таяқ
noun-option-cew = электршокер (CEW)
noun-option-point_firearm = атыс қаруын кезеу
noun-option-firearm = атыс қаруынан ату
noun-level-compliant = бағынады
noun-level-passive = енжар қарсылық
noun-level-active = белсенді қарсылық
noun-level-assaultive = шабуыл
noun-level-deadly = өлім қаупі
noun-force-presence = қызметкердің қатысуы
noun-force-verbal = ауызша командалар
noun-force-soft_control = жұмсақ дене күшімен бақылау
noun-force-hard_control = қатаң дене күші және арнайы құралдар
noun-force-lethal = өлімге әкелетін күш (атыс қаруы)
noun-cue-hands_visible = қолдары көрініп тұр
noun-cue-hands_hidden = қолдары көрінбейді
noun-cue-hands_up = қолдары көтерулі
noun-cue-reaching = белдігіне қол созып жатыр
noun-cue-weapon_visible = қару көрініп тұр
noun-cue-bladed_stance = төбелес тұрысы
noun-cue-clenched_fists = жұдырықтары түйілген
noun-cue-shouting = айқайлап тұр
noun-cue-looking_for_exit = қашуға жол іздеп тұр
noun-cue-pacing = әрі-бері жүр
noun-cue-kneeling = тізерлеп тұр
noun-cue-prone = етпетінен жатыр
noun-cue-restrained = қолкісен салынған
noun-cue-injured = жараланған
noun-cue-incapacitated = қимылсыз жатыр
noun-cue-intoxicated = мас күйде
noun-cue-distressed = күйзеліп тұр
noun-cue-running = жүгіріп барады
noun-cue-ignoring = командаларды елемейді
noun-weapon-none = қару
noun-weapon-knife = пышақ
noun-weapon-blunt = доғал зат
noun-weapon-handgun = тапанша
noun-weapon-long_gun = мылтық
noun-health-unhurt = жарақатсыз
noun-health-minor = жеңіл жарақат
noun-health-serious = ауыр жарақат
noun-health-dead = қаза тапты
noun-group-women = әйел
noun-group-visibly_disabled = мүгедектігі анық адам
noun-group-young_children = жас бала
noun-group-minors = кәмелетке толмағаны анық
noun-end-objectives_met = міндеттер орындалды
noun-end-time_limit = уақыт бітті
noun-end-officer_down = қызметкер саптан шықты
noun-end-subjects_gone = ұсталатын күдікті қалмады
noun-end-stopped = мерзімінен бұрын тоқтатылды
noun-procedure-personal_search = жеке тінту
noun-procedure-vehicle_search = көлікті тінту
noun-procedure-drug_arrest = есірткіге күдіктіні ұстау
noun-procedure-seizure = айғақты алып қою
noun-procedure-sealing = айғақты мөрлеу

seen-cues = { $level } ({ $cues })
seen-weapon = { noun-cue-weapon_visible }: { $weapon }

## Findings: one message per rule and case, named after the rule id

finding-force-deadly_force = { $t } сәтте сіз { $who } адамға оқ аттыңыз. Көрінгені: { $seen }. Атыс қаруы тек өлім немесе ауыр зиян келтіру қаупі тікелей төнгенде ғана қолданылады.
finding-force-after_compliance = { $t } сәтте қарсылық тоқтаса да, сіз { $who } адамға күш қолдандыңыз: { $option }. Көрінгені: { $seen }. Қарсылық тоқтағанда күш те тоқтауы керек; бұл жерде саясат рұқсат ететін ең жоғары деңгей: { $allowed }.
finding-force-proportionality = { $t } сәтте сіз { $who } адамға күш қолдандыңыз: { $option }. Көрінгені: { $seen }. Бұл жерде саясат рұқсат ететін ең жоғары деңгей: { $allowed }.
finding-force-necessity = { $t } сәтте уақыт болса да, сіз алдымен сөзбен (команда, әңгіме немесе ескерту) тырыспай, { $who } адамға күш қолдандыңыз: { $option }. Көрінгені: { $seen }.
finding-force-warning-given = { $t } сәтте сіз күш қолданар алдында { $who } адамды ескерттіңіз: { $option }. Дұрыс.
finding-force-warning = { $t } сәтте уақыт пен қашықтық мүмкіндік берсе де, сіз { $who } адамға ескертусіз күш қолдандыңыз: { $option }. Қашықтық { $d } м; көрінгені: { $seen }.
finding-force-protected_group = { $t } сәтте қарулы, топтық немесе өмірге қауіпті шабуыл болмаса да, сіз заңмен қорғалатын { $who } адамға ({ $group }) күш қолдандыңыз: { $option }.
finding-force-line_of_fire-people = ату сызығында: { $people }
finding-force-line_of_fire = { $t } сәтте ату қауіпсіз болмаса да, сіз { $who } адамға оқ аттыңыз: { $hazards }.
finding-force-peaceful_assembly = { $t } сәтте сіз жиынның бейбіт қатысушысы { $who } адамға күш қолдандыңыз: { $option }. Көрінгені: { $seen }. Зорлық жасаған азғантай адамды оқшаулаңыз; бейбіт қатысушыларға күш қолданылмайды.
finding-force-peaceful_assembly-crowd = { $t } сәтте { $crowd } жиынының бейбіт қатысушыларына күш қолданылды.
finding-force-de_escalation = { $t } сәтте сабырлы әңгімеңіз { $who } адамды күш қолданбай бағынуға келтірді (бұрын: { $from }). Дұрыс.
finding-safety-exposure-weapon = { $who } қолында көрініп тұр: { $weapon }
finding-safety-exposure-deadly = { $who }: өлім қаупі
finding-safety-reactionary_gap = { $t } сәтте сіз ұсталмаған, қарулы болуы мүмкін немесе қарсыласып жатқан { $who } адамнан { $d } м қашықтықта болдыңыз ({ $seen }), бірақ бақылауға алмадыңыз. Бақылауға алмасаңыз, әрекет ету қашықтығын сақтаңыз.
finding-safety-crossfire = { $t } сәтте ату сызығында адамдар тұрғанда сіз қаруды кезедіңіз: { $people }. Ұңғы ешқашан серіктеске немесе бөгде адамға бағытталмауы керек.
finding-safety-crossfire-2 = { $t } сәтте сіз { $d } с бойы серіктесіңіз { $who } ату сызығында тұрдыңыз (айқас оқ).
finding-safety-doorway = { $t } сәтте сіз { $d } с бойы { $door } есік ойығында тұрдыңыз: «өлім шұңқыры». Бөлмені есіктің бүйірінен секторлап қараңыз.
finding-safety-felony_approach = { $t } сәтте жоғары қауіпті тоқтату кезінде сіз { $veh } көлігіне жақындадыңыз. Оның орнына көліктегілерді өз көлігіңіздің панасынан бір-бірлеп шақырыңыз.
finding-safety-search_before_cuff = { $t } сәтте сіз { $who } адамға қолкісен салмай тұрып тінттіңіз. Алдымен қолкісен, содан кейін тінту (белдіктен бастап).
finding-safety-call_in = { $t } сәтте сіз алдымен рация арқылы тоқтату немесе шақыру туралы (орны, нөмірі, жағдай) хабарламай жақындадыңыз.
finding-safety-backup = { $t } сәттен бастап жағдай қосымша күш шақыруды талап етті (жоғары қауіпті шақыру, қару, өлім қаупі немесе бірнеше қарсыласушы), бірақ сіз оны { $n } с ішінде сұрамадыңыз.
finding-safety-back_turned = { $t } сәтте сіз әлі тінтілмеген { $who } адамға { $d } с бойы арқаңызды бұрдыңыз.
finding-procedure-identify = { $t } сәтте сіз өзіңізді полиция қызметкері ретінде таныстырмай тұрып команда бердіңіз немесе күш қолдандыңыз.
finding-procedure-commands = { $t } сәтте сіз алғашқы командадан небәрі { $d } с өткен соң { $who } адамға күш қолдандыңыз: бағынуға уақыт болмады ({ $option }).
finding-procedure-commands-2 = { $t } сәтте { $who } адамға берген командаларыңыз түсініксіз болды: бірден тым көп немесе бір-біріне қайшы. Бір уақытта бір анық команда беріп, орындауға уақыт беріңіз.
finding-procedure-witnesses-ineligible = { $who } куәгер бола алмайды
finding-procedure-witnesses-reused = { $who } басқа ұстауда куәгер болған
finding-procedure-witnesses = { $t } сәтте талаптарға сай куәгерлер жеткіліксіз болды: { $n } (кемінде { $min } қажет). Әрекеттер: { $what }.
finding-procedure-same_sex_search = { $t } сәтте { $who } адамды басқа жыныстағы қызметкер тінтті. Жеке тінтуді жынысы бірдей қызметкер жүргізеді.
finding-procedure-evidence = Табылды, бірақ алынбады: { $items }.
finding-procedure-evidence-2 = Алынды, бірақ орнында мөрленбеді: { $items }.
finding-procedure-first_aid = { $t } сәттен бастап жағдай қауіпсіз болды, бірақ { $who } ({ $health }) алғашқы көмек алмады және жедел жәрдем шақырылмады.
finding-procedure-report_force = Сіз күш қолдандыңыз (соңғы рет { $t } сәтте) және бұл туралы басшыға рация арқылы баяндамадыңыз.
finding-procedure-victim_care = { $t } сәтте { $who } адамда құрбан белгілері (адам саудасы немесе бала-курьер) байқалды, бірақ сіз маман шақырмадыңыз.
finding-procedure-victim_care-2 = { $t } сәтте сіз құрбан белгілері бар { $who } адамға күдікті ретінде қарадыңыз (күш, қолкісен немесе ұстау). Құрбанға құрбан ретінде қараңыз.
finding-outcome-custody-escaped = { $t } сәтте { $who } қашып кетті.
finding-outcome-custody-hurt = { $who }{ $custody ->
        [yes] {" "}ұсталған күйде
       *[no] {""}
    }, нәтиже: { $health }.
finding-outcome-custody-unhurt = { $t } сәтте { $who } жарақатсыз ұсталды. Дұрыс.
finding-outcome-officer_injury-self = { $t } сәтте сіз зардап шектіңіз: { $health }.
finding-outcome-officer_injury = { $t } сәтте { $who } қызметкер зардап шекті: { $health }.
finding-outcome-objectives = Сессия аяқталды ({ $reason }), міндетті тапсырмалар орындалмады.
finding-safety-exposure-moved = { $t } сәтте қауіп анық болғанда ({ $threat }) сіз паналаудан немесе ату сызығына шықтыңыз. Қашықтық пен пана уақыт береді.
finding-safety-exposure-stayed = { $t } сәтте қауіп анық болғанда ({ $threat }) сіз { $d } с бойы ашық жерде немесе ату сызығында қалдыңыз. Қашықтық пен пана уақыт береді.
finding-outcome-third_party_injury-by_you = { $t } сәтте сіз бөгде адамға, { $who }, зиян келтірдіңіз: { $health }.
finding-outcome-third_party_injury = { $t } сәтте бөгде адам, { $who }, зардап шекті: { $health }.
finding-force-line_of_fire-crowd = нысананың артында топ адам болды
finding-outcome-objectives-missed = Сессия аяқталды ({ $reason }), міндетті тапсырмалар орындалмады: { $list }.
finding-procedure-witnesses-problems = { $problems }.
card-repeats = { $who ->
        [none] (Тағы { $n } рет қайталанды; қайта есептелмейді.)
       *[other] ({ $who } адаммен тағы { $n } рет қайталанды; қайта есептелмейді.)
    }
finding-outcome-objectives-met = Барлық міндетті тапсырмалар орындалды. Дұрыс.

## Dispatch replies on the radio

dispatch-call_in = Қабылдадым, тоқтату тіркелді. Аяқтағанда баяндаңыз.
dispatch-backup = Қабылдадым, қосымша күш жолда.
dispatch-backup-already = Қосымша күш жолда келе жатыр.
dispatch-backup-none = Қазір бос жасақ жоқ.
dispatch-ems = Қабылдадым, жедел жәрдем жолда.
dispatch-witnesses = Қабылдадым, куәгерлерді табуға тырысамыз.
dispatch-specialist = Қабылдадым, маманға хабарланды.
dispatch-report_force = Қабылдадым, күш қолдану туралы баяндалды. Басшыға хабарланды.
dispatch-report_secure = Қабылдадым, оқиға орны бақылауда.

## What a bystander asked to witness says about a bar to serving (CPC art. 90)

witness-bar-serial = Тағы ма? Мен учаскелік полицияға әр апта сайын дерлік куәгер боламын.
witness-bar-police = Мен өзім полиция қызметкерімін.
witness-bar-law_enforcement_student = Әрине! Мен полиция академиясының курсантымын.
witness-bar-court_staff = Мен аудандық сотта жұмыс істеймін.
witness-bar-probationer = Мен сынақ мерзіміндемін, бұл кедергі емес пе?
witness-bar-under_prosecution = Менің өзіме қарсы іс қозғалған...
witness-bar-relative = Мен туысымын. Ешқайда кетпеймін.
witness-bar-minor = Маған он бес жас, бола ма?
witness-bar-dependent = Мен тергеушінің аппаратында жұмыс істеймін.

## Names the simulation gives

label-weapon = { $weapon } ({ $owner })
label-crowd_member = жұрттағы адам ({ $n })

## What became of each subject (forcesim run)

outcome-summary = { $state }, { $health }
outcome-state-escaped = қашып кетті
outcome-state-in_custody = ұсталды
outcome-state-free = ұсталмады
outcome-health-unhurt = жарақатсыз
outcome-health-minor = жеңіл жараланды
outcome-health-serious = ауыр жараланды
outcome-health-dead = қаза тапты

## Doctrine you can play: sight over cars, partners in view, escapes (issue 10)

hud-alert-flight = ⚠ Күдікті қашып барады: рациямен бағдар беріңіз (белгілері, бағыты)
hud-heard = естілді
hud-flight = ⚠ { $who } қашып барады, бағыты: { $direction }!
hud-flight-toward = ⚠ { $who } «{ $place }» жаққа қашып барады, бағыты: { $direction }!
compass-e = шығыс
compass-ne = солтүстік-шығыс
compass-n = солтүстік
compass-nw = солтүстік-батыс
compass-w = батыс
compass-sw = оңтүстік-батыс
compass-s = оңтүстік
compass-se = оңтүстік-шығыс
hud-officer-took_cover = { $who } панада, бақылауда ұстап тұр: { $subject }.
hud-officer-covering = { $who } ашық жерден қорғап тұр (жақын маңда пана жоқ): { $subject }.
hud-officer-moving_up = { $who } жақындап барады: { $subject }.
hud-officer-following = { $who } қауіпсіз қашықтықта соңынан жүр: { $subject }.
hud-officer-containing = { $who } қашу жолын бөгеуге барады: { $subject }.
hud-officer-subject = ұсталушы
hud-partner-restrained = { $who } кісен салды: { $subject }.
hud-partner-searched = { $who } тексеріп қарады: { $subject }.
hud-partner-place_searched = { $who } тексерді: { $place }.
hud-partner-said = { $who }: { $text }
hud-partner-draw = { $who } қаруын суырды.
hud-partner-holster = { $who } қаруын қынына салды.
hud-partner-force = { $who } күш қолданды ({ $option }): { $subject }.
radio-broadcast_escape = Бағдар: күдікті қашып кетті (белгілері, бағыты)
dispatch-broadcast_escape = Қабылдандым, барлық бекеттерге: күдікті жаяу қашып кетті, белгілері мен қозғалыс бағыты берілді. Жасақтар қоршау қоюда; жалғыз қуаламаңыз.
dispatch-broadcast_escape-none = Қайталаңыз. Ешкімнің қашқаны туралы хабар жоқ.
finding-outcome-custody-escaped-broadcast = { $t } кезінде { $who } қашып кетті; { $at } кезінде сіз рациямен белгілері мен қозғалыс бағытын бердіңіз, іздеуді басқа жасақтар жалғастыра алды. Ішінара есептелді.
