# forcesim catalogue: Russian.
# Every message here exists in en.ftl, ru.ftl and kk.ftl with the same
# variables (the tests check). { $name } marks a value filled in by the program.

## User interface

app-title = forcesim
app-subtitle = Тренажёр безопасности сотрудника полиции

menu-language = Язык:
menu-scenarios = Сценарии
menu-no_scenarios = В папке scenarios/ нет сценариев.
menu-objectives = Учебные цели
menu-time_limit = до { $min } мин
menu-trainee = Номер курсанта:
menu-trainee_hint = нажмите и введите номер
menu-policy = Правила оценки:
menu-policy_scenario = Из сценария
menu-continue = К инструктажу
menu-quit = Выход
menu-keys = ↑/↓ выбор сценария · Enter: инструктаж

policy-generic = Типовая шкала (NIJ)
policy-us_iacp = США (IACP)
policy-kz = Казахстан

kind-traffic_stop = Остановка транспорта
kind-building_search = Осмотр здания
kind-armed_vehicle = Вооружённый в автомобиле
kind-armed_building = Вооружённый в здании
kind-field_interview = Опрос на улице
kind-arrest_search = Задержание и досмотр
kind-public_assembly = Публичное мероприятие
kind-checkpoint = Контрольный пост

risk-low = низкий риск
risk-medium = средний риск
risk-high = высокий риск

briefing-dispatch = Сообщение дежурной части
briefing-objectives = Задачи
briefing-optional = необязательно
briefing-seed = вариант { $seed }
briefing-start = Начать
briefing-back = Назад
briefing-keys = Enter: начать · Esc: назад в меню

keys-title = Управление
keys-move = движение
keys-run = удерживать: бег
keys-mouse = Мышь
keys-face = взгляд и прицел туда, куда указывает курсор
keys-tools = руки, газовый баллончик, дубинка, электрошокер, пистолет
keys-rmb = Правая кнопка
keys-aim = удерживать: достать и навести; отпустить: опустить
keys-lmb = Левая кнопка
keys-use = применить средство к человеку под курсором (руки: сопровождающий захват)
keys-menu = меню команд: команды, рация, предупреждения, процедуры
keys-identify = представиться: «Полиция!»
keys-talk = спокойный разговор (деэскалация)
keys-interact = действие: двери, наручники, досмотр, первая помощь, понятые
keys-select = выбрать человека под курсором (или следующего в поле зрения)
keys-holster = убрать средство
keys-wheel = Колесо мыши, + −
keys-zoom = масштаб
keys-pause = пауза (показывает этот список)
keys-diagnostics = время кадра
keys-instructor = пульт инструктора (только с --instructor)
keys-screenshot = сохранить снимок экрана (screenshots/)

hud-objectives = Задачи
hud-log = Рация и сообщения
hud-log_empty = Пока ничего.
hud-radio = Рация
hud-quote = «{ $text }»
hud-target = Цель: { $who } ({ $m } м)
hud-distance = { $m } м
hud-hint = Tab: команды · R: рация · F: «Полиция!» · Esc: пауза
hud-hint_menu = 1–0: выбор · Tab: следующий список · Esc: закрыть меню
hud-objective_met = Задача выполнена: { $what }
hud-backup_arrived = Подкрепление прибыло.
hud-witness_joined = { $who } согласился быть понятым.
hud-escaped = { $who } скрылся.
hud-you_injured = Вы ранены!
hud-shot = Выстрел! Стрелял: { $who }

status-identified = представился
status-called_in = доложил
status-cover = Укрытие
status-backup = подкрепление вызвано
status-witnesses = Понятые

cover-hard = надёжное (держит пули)
cover-soft = только маскировка
cover-none = нет

state-holstered = в кобуре
state-drawn = в руке (опущено)
state-aimed = НАВЕДЕНО

tool-empty_hands = Руки
tool-oc = Газовый баллончик
tool-baton = Дубинка
tool-cew = Электрошокер
tool-handgun = Пистолет

tool_short-empty_hands = Руки
tool_short-oc = Газ
tool_short-baton = Дубинка
tool_short-cew = Шокер
tool_short-handgun = Пистолет

menu_cat-verbal = Речь
menu_cat-vehicle = Автомобиль
menu_cat-warnings = Предупреждения
menu_cat-radio = Рация
menu_cat-procedures = Процедуры
menu_cat-hands = Приёмы

menu_cmd-target = Кому: { $who }
menu_cmd-nearest = ближайшему впереди
menu_cmd-hint = Цифры или щелчок · Q: выбрать человека · Esc: закрыть

act-identify = Полиция!
act-talk = Спокойный разговор
act-talk_bubble = (спокойно разговаривает)
act-draw = Достать
act-aim = Навести
act-lower = Опустить
act-holster = Убрать

command-stop = Стоять! Не двигаться!
command-show_hands = Покажите руки!
command-engine_off = Заглушите двигатель!
command-keys_out = Выбросьте ключи в окно!
command-step_out = Выйдите из машины!
command-stay_in_vehicle = Оставайтесь в машине!
command-walk_backwards = Идите спиной ко мне, на голос!
command-turn_around = Повернитесь!
command-hands_on_head = Руки за голову!
command-kneel = На колени!
command-prone = Лечь лицом вниз!
command-drop_weapon = Бросить оружие!
command-move_back = Отойдите, проходите!

warning-force = Подчинитесь, или будет применена сила!
warning-cew = Электрошокер! Электрошокер!
warning-firearm = Полиция! Брось, или буду стрелять!
warning-disperse = Требование разойтись

radio-call_in = Доложить об остановке
radio-request_backup = Вызвать подкрепление
radio-request_ems = Вызвать скорую помощь
radio-request_witnesses = Запросить понятых
radio-request_specialist = Вызвать специалиста
radio-report_force = Доложить о применении силы
radio-report_secure = Доложить: обстановка под контролем

procedure-handcuff = Надеть наручники
procedure-search = Личный досмотр
procedure-search_vehicle = Досмотр автомобиля
procedure-clear_room = Осмотреть помещение
procedure-seize_evidence = Изъять улики
procedure-seal_evidence = Опечатать улики
procedure-first_aid = Первая помощь
procedure-ask_witness = Пригласить в понятые
procedure-interview = Задать вопросы
procedure-open_door = Открыть дверь
procedure-close_door = Закрыть дверь

option-escort_grip = Сопровождающий захват
option-joint_lock = Загиб руки
option-takedown = Бросок на землю
option-strike = Удар
option-oc = Газовый баллончик
option-baton = Удар дубинкой
option-cew = Электрошокер
option-point_firearm = Навести пистолет
option-firearm = Выстрелить

refusal-too_far = слишком далеко ({ $distance } м; нужно { $needed } м)
refusal-no_target = не к кому применить
refusal-unknown_target = этого человека здесь нет
refusal-not_equipped = у вас нет нужного снаряжения
refusal-not_ready = сначала достаньте (удерживайте правую кнопку)
refusal-resisting = человек активно сопротивляется
refusal-already_restrained = наручники уже надеты
refusal-locked = дверь заперта
refusal-nothing_to_seize = нечего изымать или опечатывать
refusal-not_injured = человек не ранен
refusal-declined = человек отказался
refusal-not_visible = вы его не видите
refusal-incapacitated = вы выведены из строя
refusal-already_done = уже сделано
refusal-empty = нет патронов

cue-hands_visible = руки видны
cue-hands_hidden = руки не видны
cue-hands_up = руки вверх
cue-reaching = тянется к поясу!
cue-weapon_visible = ОРУЖИЕ
cue-bladed_stance = боевая стойка
cue-clenched_fists = сжатые кулаки
cue-shouting = кричит
cue-looking_for_exit = ищет, куда бежать
cue-pacing = ходит взад-вперёд
cue-kneeling = на коленях
cue-prone = лежит лицом вниз
cue-restrained = в наручниках
cue-injured = ранен
cue-incapacitated = обездвижен
cue-intoxicated = пьян или под наркотиками
cue-distressed = в отчаянии
cue-running = бежит
cue-ignoring = не слушает

trait-woman = женщина
trait-child = ребёнок
trait-teen = несовершеннолетний

health-unhurt = невредим
health-minor = лёгкое ранение
health-serious = тяжело ранен
health-dead = погиб

people-you = Вы
people-bystander = прохожий
people-backup = сотрудник подкрепления
people-contact = напарник (контакт)
people-cover = напарник (прикрытие)
people-dispatch = дежурная часть

zone-area = участок
zone-room = помещение
zone-exit = выход
zone-assembly = место собрания
zone-hiding = укромное место

pause-title = Пауза
pause-resume = Продолжить (Esc)
pause-end_run = Завершить
pause-menu = Выйти в меню

debrief-title = Разбор
debrief-policy = Оценка по правилам: { $policy }
debrief-pass = ЗАЧЁТ
debrief-fail = НЕЗАЧЁТ
debrief-pass_mark = проходной балл { $mark }
debrief-critical = Грубое нарушение означает незачёт при любом итоговом балле.
debrief-findings = Замечания
debrief-no_findings = Замечаний нет.
debrief-no_score = Эта сборка ещё не умеет оценивать; хронология и запись сессии всё равно сохранены.
debrief-replay = Повтор (R)
debrief-retry = Заново, новый вариант (N)
debrief-menu = Меню (M)
debrief-saved = Сессия сохранена: { $path }
debrief-save_failed = Не удалось сохранить сессию: { $error }

end-objectives_met = Задачи выполнены
end-time_limit = Время вышло
end-officer_down = Сотрудник выведен из строя
end-subjects_gone = Некого задерживать
end-stopped = Остановлено

category-force = Применение силы
category-officer_safety = Безопасность сотрудника
category-procedure = Процедура и закон
category-outcome = Исход

chart-title = Хронология
chart-perceived = видимое сопротивление
chart-force = ваши слова и сила
chart-ceiling = соразмерно по правилам
chart-findings = замечания

level-compliant = Подчиняется
level-passive = Пассивное
level-active = Активное
level-assaultive = Нападение
level-deadly = Угроза жизни

force-presence = Присутствие
force-verbal = Слова
force-soft_control = Мягкий контроль
force-hard_control = Жёсткий контроль
force-lethal = Огнестрельное

replay-title = Повтор
replay-play_pause = Пуск / пауза
replay-speed = Скорость
replay-back = К разбору
replay-keys = Пробел: пуск/пауза · ←/→: на 5 с назад/вперёд · S: скорость · щелчок по полосе: переход · Esc: назад
replay-no_finding_yet = До этого момента замечаний нет.

console-title = Пульт инструктора (F2)
console-comply = Подчиниться
console-resist = Сопротивляться
console-attack = Напасть
console-flee = Бежать
console-add_bystander = Добавить прохожего
console-pause = Пауза
console-hint = Каждое действие здесь записывается в журнал сессии.

reload-errors = Файл сценария изменился и больше не проходит проверку; работает последняя исправная версия:

## Score card and the words findings use

card-total = Итого
card-pass = ЗАЧЁТ
card-fail = НЕЗАЧЁТ
card-pass_mark = проходной балл
card-policy = Политика
card-findings = Замечания
card-no_findings = Замечаний нет.
card-critical = критическое
noun-option-escort_grip = сопровождающий захват
noun-option-joint_lock = болевой приём на сустав
noun-option-takedown = загиб с переводом на землю
noun-option-strike = удар рукой
noun-option-oc = перцовый баллончик (OC)
noun-option-baton = дубинка
noun-option-cew = электрошокер (CEW)
noun-option-point_firearm = наведение огнестрельного оружия
noun-option-firearm = выстрел из огнестрельного оружия
noun-level-compliant = подчиняется
noun-level-passive = пассивное сопротивление
noun-level-active = активное сопротивление
noun-level-assaultive = нападение
noun-level-deadly = смертельная угроза
noun-force-presence = присутствие сотрудника
noun-force-verbal = словесные команды
noun-force-soft_control = мягкий физический контроль
noun-force-hard_control = жёсткий физический контроль и специальные средства
noun-force-lethal = летальная сила (огнестрельное оружие)
noun-cue-hands_visible = руки на виду
noun-cue-hands_hidden = руки не видны
noun-cue-hands_up = руки подняты
noun-cue-reaching = тянется к поясу
noun-cue-weapon_visible = оружие на виду
noun-cue-bladed_stance = боевая стойка
noun-cue-clenched_fists = сжатые кулаки
noun-cue-shouting = кричит
noun-cue-looking_for_exit = ищет путь к бегству
noun-cue-pacing = мечется
noun-cue-kneeling = на коленях
noun-cue-prone = лежит лицом вниз
noun-cue-restrained = в наручниках
noun-cue-injured = ранен
noun-cue-incapacitated = лежит без движения
noun-cue-intoxicated = в состоянии опьянения
noun-cue-distressed = в смятении
noun-cue-running = бежит
noun-cue-ignoring = игнорирует команды
noun-weapon-none = оружие
noun-weapon-knife = нож
noun-weapon-blunt = бита или труба
noun-weapon-handgun = пистолет
noun-weapon-long_gun = ружьё или винтовка
noun-health-unhurt = невредим
noun-health-minor = лёгкие травмы
noun-health-serious = тяжёлые травмы
noun-health-dead = погиб
noun-group-women = женщина
noun-group-visibly_disabled = лицо с явными признаками инвалидности
noun-group-young_children = малолетний ребёнок
noun-group-minors = явно несовершеннолетний
noun-end-objectives_met = задачи выполнены
noun-end-time_limit = время истекло
noun-end-officer_down = сотрудник выведен из строя
noun-end-subjects_gone = не осталось фигурантов, которых можно задержать
noun-end-stopped = остановлено досрочно
noun-procedure-personal_search = личный досмотр
noun-procedure-vehicle_search = досмотр автомобиля
noun-procedure-drug_arrest = задержание подозреваемого по наркотикам
noun-procedure-seizure = изъятие
noun-procedure-sealing = опечатывание

seen-cues = { $level } ({ $cues })
seen-weapon = { noun-cue-weapon_visible }: { $weapon }

## Findings: one message per rule and case, named after the rule id

finding-force-deadly_force = В { $t } вы выстрелили в { $who }. Что было видно: { $seen }. Огнестрельное оружие допустимо только при непосредственной угрозе смерти или тяжкого вреда.
finding-force-after_compliance = В { $t } вы применили силу к { $who }, хотя сопротивление прекратилось: { $option }. Что было видно: { $seen }. Когда сопротивление прекращается, сила тоже прекращается; здесь политика допускает не более чем: { $allowed }.
finding-force-proportionality = В { $t } вы применили силу к { $who }: { $option }. Что было видно: { $seen }. Здесь политика допускает не более чем: { $allowed }.
finding-force-necessity = В { $t } вы применили силу к { $who }, не попробовав сначала слова (команду, разговор или предупреждение), хотя время было: { $option }. Что было видно: { $seen }.
finding-force-warning-given = В { $t } вы предупредили { $who } перед применением силы: { $option }. Верно.
finding-force-warning = В { $t } вы применили силу к { $who } без предупреждения, хотя время и расстояние позволяли: { $option }. Расстояние { $d } м; что было видно: { $seen }.
finding-force-protected_group = В { $t } вы применили силу к человеку { $who }, которого защищает закон ({ $group }), без вооружённого, группового или опасного для жизни нападения: { $option }.
finding-force-line_of_fire-people = на линии огня: { $people }
finding-force-line_of_fire = В { $t } вы выстрелили в { $who }, хотя выстрел был небезопасен: { $hazards }.
finding-force-peaceful_assembly = В { $t } вы применили силу к { $who }, мирному участнику собрания: { $option }. Что было видно: { $seen }. Изолируйте немногих нарушителей; никакой силы против мирных участников.
finding-force-peaceful_assembly-crowd = В { $t } сила была применена к мирным участникам собрания { $crowd }.
finding-force-de_escalation = В { $t } спокойный разговор привёл { $who } к подчинению без применения силы (было: { $from }). Верно.
finding-safety-exposure-weapon = у { $who } на виду: { $weapon }
finding-safety-exposure-deadly = { $who }: смертельная угроза
finding-safety-reactionary_gap = В { $t } вы находились в { $d } м от человека { $who }, не задержанного и, возможно, вооружённого или сопротивляющегося ({ $seen }), не переходя к контролю. Сохраняйте дистанцию реагирования, если не берёте под контроль.
finding-safety-crossfire = В { $t } вы целились, когда на линии огня были люди: { $people }. Ствол никогда не должен быть направлен на напарника или прохожего.
finding-safety-crossfire-2 = В { $t } вы { $d } с стояли на линии огня напарника { $who } (перекрёстный огонь).
finding-safety-doorway = В { $t } вы { $d } с стояли в дверном проёме { $door }: «смертельная воронка». Осматривайте помещение секторами, стоя сбоку от двери.
finding-safety-felony_approach = В { $t } вы подошли к автомобилю { $veh } при задержании повышенного риска. Вызывайте находящихся в машине по одному из-за укрытия своей машины.
finding-safety-search_before_cuff = В { $t } вы досмотрели { $who } до надевания наручников. Сначала наручники, затем досмотр (начиная с пояса).
finding-safety-call_in = В { $t } вы приблизились, не сообщив сначала по рации об остановке или вызове (место, номер, обстановка).
finding-safety-backup = С { $t } обстановка требовала подкрепления (вызов повышенного риска, оружие, смертельная угроза или несколько сопротивляющихся), но вы не запросили его в течение { $n } с.
finding-safety-back_turned = В { $t } вы на { $d } с повернулись спиной к человеку { $who }, которого ещё не досмотрели.
finding-procedure-identify = В { $t } вы отдавали команды или применяли силу, не представившись сотрудником полиции.
finding-procedure-commands = В { $t } вы применили силу к { $who } всего через { $d } с после первой команды: не было времени подчиниться ({ $option }).
finding-procedure-commands-2 = В { $t } ваши команды для { $who } были неясны: слишком много сразу или противоречивые. Одна чёткая команда за раз, затем время на выполнение.
finding-procedure-witnesses-ineligible = { $who } не может быть понятым
finding-procedure-witnesses-reused = { $who }: уже понятой при другом задержании
finding-procedure-witnesses = В { $t } присутствовало недостаточно понятых, отвечающих требованиям: { $n } (нужно не менее { $min }). Действия: { $what }.
finding-procedure-same_sex_search = В { $t } { $who } досматривал сотрудник другого пола. Личный досмотр проводит сотрудник того же пола.
finding-procedure-evidence = Найдено, но не изъято: { $items }.
finding-procedure-evidence-2 = Изъято, но не опечатано на месте: { $items }.
finding-procedure-first_aid = С { $t } обстановка была безопасной, но первая помощь { $who } ({ $health }) не оказана и скорая не вызвана.
finding-procedure-report_force = Вы применили силу (последний раз в { $t }) и не доложили об этом по рации руководителю.
finding-procedure-victim_care = В { $t } у { $who } были признаки жертвы (торговли людьми или ребёнка-курьера), но вы не вызвали специалиста.
finding-procedure-victim_care-2 = В { $t } вы обращались с { $who }, у кого были признаки жертвы, как с подозреваемым (сила, наручники или задержание). С жертвой обращаются как с жертвой.
finding-outcome-custody-escaped = В { $t } произошёл побег: { $who }.
finding-outcome-custody-hurt = { $who }{ $custody ->
        [yes] {" "}под стражей
       *[no] {""}
    }, итог: { $health }.
finding-outcome-custody-unhurt = В { $t } задержание без травм: { $who }. Верно.
finding-outcome-officer_injury-self = В { $t } вы пострадали: { $health }.
finding-outcome-officer_injury = В { $t } пострадал сотрудник { $who }: { $health }.
finding-outcome-objectives = Сессия завершилась ({ $reason }), обязательные задачи не выполнены.
finding-safety-exposure-moved = В { $t } вы вышли из укрытия или на линию огня, когда { $threat }. Расстояние и укрытие дают время.
finding-safety-exposure-stayed = В { $t } вы { $d } с оставались открыты (без укрытия или на линии огня), когда { $threat }. Расстояние и укрытие дают время.
finding-outcome-third_party_injury-by_you = В { $t } вы причинили вред постороннему лицу { $who }: { $health }.
finding-outcome-third_party_injury = В { $t } пострадало постороннее лицо { $who }: { $health }.
finding-force-line_of_fire-crowd = за целью была толпа
finding-outcome-objectives-missed = Сессия завершилась ({ $reason }), обязательные задачи не выполнены: { $list }.
finding-procedure-witnesses-problems = { $problems }.
card-repeats = { $who ->
        [none] (Ещё { $n } { $n ->
            [one] повтор
            [few] повтора
           *[many] повторов
        }; они не учитываются.)
       *[other] (Ещё { $n } { $n ->
            [one] повтор
            [few] повтора
           *[many] повторов
        } с { $who }; они не учитываются.)
    }
finding-outcome-objectives-met = Все обязательные задачи выполнены. Верно.

## Dispatch replies on the radio

dispatch-call_in = Принято, остановку зафиксировали. Доложите, когда закончите.
dispatch-backup = Принято, подкрепление выехало.
dispatch-backup-already = Подкрепление уже в пути.
dispatch-backup-none = Свободных нарядов сейчас нет.
dispatch-ems = Принято, скорая помощь выехала.
dispatch-witnesses = Принято, попробуем найти понятых.
dispatch-specialist = Принято, специалист оповещён.
dispatch-report_force = Принято, о применении силы доложено. Руководитель оповещён.
dispatch-report_secure = Принято, место происшествия под контролем.

## What a bystander asked to witness says about a bar to serving (CPC art. 90)

witness-bar-serial = Опять? Я у участкового понятым почти каждую неделю.
witness-bar-police = Я сам сотрудник полиции.
witness-bar-law_enforcement_student = Конечно! Я курсант академии полиции.
witness-bar-court_staff = Я работаю в районном суде.
witness-bar-probationer = Я на испытательном сроке, это ничего?
witness-bar-under_prosecution = На меня самого дело заведено...
witness-bar-relative = Я родственник. Я никуда не уйду.
witness-bar-minor = Мне пятнадцать, можно?
witness-bar-dependent = Я работаю в аппарате следователя.

## Names the simulation gives

label-weapon = { $weapon } ({ $owner })
label-crowd_member = человек из толпы ({ $n })

## What became of each subject (forcesim run)

outcome-summary = { $state }, { $health }
outcome-state-escaped = скрылся
outcome-state-in_custody = задержан
outcome-state-free = не задержан
outcome-health-unhurt = невредим
outcome-health-minor = легко ранен
outcome-health-serious = тяжело ранен
outcome-health-dead = погиб

## Doctrine you can play: sight over cars, partners in view, escapes (issue 10)

hud-alert-flight = ⚠ Подозреваемый убегает: передайте ориентировку по рации (приметы, направление)
hud-heard = слышно
hud-flight = ⚠ { $who } убегает, направление: { $direction }!
hud-flight-toward = ⚠ { $who } бежит к месту «{ $place }», направление: { $direction }!
compass-e = восток
compass-ne = северо-восток
compass-n = север
compass-nw = северо-запад
compass-w = запад
compass-sw = юго-запад
compass-s = юг
compass-se = юго-восток
hud-officer-took_cover = { $who } в укрытии, держит под прицелом: { $subject }.
hud-officer-covering = { $who } прикрывает с открытого места (укрытия рядом нет): { $subject }.
hud-officer-moving_up = { $who } подходит: { $subject }.
hud-officer-following = { $who } следует на безопасном расстоянии: { $subject }.
hud-officer-containing = { $who } перекрывает путь отхода: { $subject }.
hud-officer-subject = задерживаемый
hud-partner-restrained = { $who } надел наручники: { $subject }.
hud-partner-searched = { $who } провёл досмотр: { $subject }.
hud-partner-place_searched = { $who } осмотрел: { $place }.
hud-partner-said = { $who }: { $text }
hud-partner-draw = { $who } достал оружие.
hud-partner-holster = { $who } убрал оружие в кобуру.
hud-partner-force = { $who } применил силу ({ $option }): { $subject }.
radio-broadcast_escape = Ориентировка: подозреваемый скрылся (приметы, направление)
dispatch-broadcast_escape = Принято, всем постам: подозреваемый скрылся пешком, приметы и направление движения переданы. Наряды выставляют оцепление; в одиночку не преследовать.
dispatch-broadcast_escape-none = Повторите. О побеге никто не сообщал.
finding-outcome-custody-escaped-broadcast = В { $t } { $who } скрылся; в { $at } вы передали по рации приметы и направление движения, и розыск могли продолжить другие наряды. Засчитано частично.
