# forcesim catalogue: English.
# Every message here exists in en.ftl, ru.ftl and kk.ftl with the same
# variables (the tests check). { $name } marks a value filled in by the program.

## User interface

app-title = forcesim
app-subtitle = Officer-safety training simulator

menu-language = Language:
menu-scenarios = Scenarios
menu-no_scenarios = No scenarios found in scenarios/.
menu-objectives = Learning objectives
menu-time_limit = up to { $min } min
menu-trainee = Trainee ID:
menu-trainee_hint = click and type your ID
menu-policy = Policy:
menu-policy_scenario = Scenario's own
menu-continue = Continue to briefing
menu-quit = Quit
menu-keys = ↑/↓ choose a scenario · Enter: briefing

policy-generic = Generic (NIJ)
policy-us_iacp = US (IACP)
policy-kz = Kazakhstan

kind-traffic_stop = Traffic stop
kind-building_search = Building search
kind-armed_vehicle = Armed suspect in a vehicle
kind-armed_building = Armed suspect in a building
kind-field_interview = Field interview
kind-arrest_search = Arrest and search
kind-public_assembly = Public assembly
kind-checkpoint = Checkpoint

risk-low = low risk
risk-medium = medium risk
risk-high = high risk

briefing-dispatch = Dispatch
briefing-objectives = Objectives
briefing-optional = optional
briefing-seed = seed { $seed }
briefing-start = Start
briefing-back = Back
briefing-keys = Enter: start · Esc: back to the menu

keys-title = Controls
keys-move = move
keys-run = hold to run
keys-mouse = Mouse
keys-face = face and aim where the cursor points
keys-tools = hands, OC spray, baton, CEW (Taser), handgun
keys-rmb = Right mouse
keys-aim = hold: draw and aim the tool; release: lower it
keys-lmb = Left mouse
keys-use = use the tool on the person under the cursor (empty hands: escort grip)
keys-menu = command menu: commands, radio, warnings, procedures
keys-identify = identify yourself: "Police!"
keys-talk = talk calmly (de-escalate)
keys-interact = interact: doors, handcuff, search, first aid, witnesses
keys-select = select the person under the cursor (or the next one in sight)
keys-holster = holster the tool
keys-wheel = Mouse wheel, + −
keys-zoom = zoom
keys-pause = pause (shows this list)
keys-diagnostics = frame-time overlay
keys-instructor = instructor console (only with --instructor)
keys-screenshot = save a picture of the screen (screenshots/)

hud-objectives = Objectives
hud-log = Radio and messages
hud-log_empty = Nothing yet.
hud-radio = Radio
hud-quote = “{ $text }”
hud-target = Target: { $who } ({ $m } m)
hud-distance = { $m } m
hud-hint = Tab: commands · R: radio · F: "Police!" · Esc: pause
hud-hint_menu = 1–0: choose · Tab: next list · Esc: close the menu
hud-objective_met = Objective met: { $what }
hud-backup_arrived = Backup has arrived.
hud-witness_joined = { $who } agreed to act as a witness.
hud-escaped = { $who } got away.
hud-you_injured = You are hurt!
hud-shot = Shot fired by { $who }!

status-identified = identified
status-called_in = called in
status-cover = Cover
status-backup = backup requested
status-witnesses = Witnesses

cover-hard = hard (stops rounds)
cover-soft = concealment only
cover-none = none

state-holstered = holstered
state-drawn = drawn (low ready)
state-aimed = AIMED

tool-empty_hands = Empty hands
tool-oc = OC spray
tool-baton = Baton
tool-cew = CEW (Taser)
tool-handgun = Handgun

tool_short-empty_hands = Hands
tool_short-oc = OC
tool_short-baton = Baton
tool_short-cew = CEW
tool_short-handgun = Gun

menu_cat-verbal = Verbal
menu_cat-vehicle = Vehicle
menu_cat-warnings = Warnings
menu_cat-radio = Radio
menu_cat-procedures = Procedures
menu_cat-hands = Hands-on

menu_cmd-target = To: { $who }
menu_cmd-nearest = the nearest person in front
menu_cmd-hint = Number keys or click · Q: select a person · Esc: close

act-identify = Police!
act-talk = Talk calmly
act-talk_bubble = (talks calmly)
act-draw = Draw
act-aim = Aim
act-lower = Lower
act-holster = Holster

command-stop = Stop! Don't move!
command-show_hands = Show me your hands!
command-engine_off = Turn the engine off!
command-keys_out = Drop the keys out of the window!
command-step_out = Step out of the vehicle!
command-stay_in_vehicle = Stay in the vehicle!
command-walk_backwards = Walk backwards toward my voice!
command-turn_around = Turn around!
command-hands_on_head = Hands on your head!
command-kneel = Get down on your knees!
command-prone = Lie face down!
command-drop_weapon = Drop the weapon!
command-move_back = Step back, move along!

warning-force = Comply or force will be used!
warning-cew = Taser! Taser!
warning-firearm = Police! Drop it or I'll shoot!
warning-disperse = Order to disperse

radio-call_in = Call in the stop
radio-request_backup = Request backup
radio-request_ems = Request an ambulance
radio-request_witnesses = Request attesting witnesses
radio-request_specialist = Request a specialist
radio-report_force = Report force used
radio-report_secure = Report: scene secure

procedure-handcuff = Handcuff
procedure-search = Pat-down search
procedure-search_vehicle = Search the vehicle
procedure-clear_room = Clear this room
procedure-seize_evidence = Seize evidence
procedure-seal_evidence = Seal evidence
procedure-first_aid = First aid
procedure-ask_witness = Ask to act as a witness
procedure-interview = Ask questions
procedure-open_door = Open the door
procedure-close_door = Close the door

option-escort_grip = Escort grip
option-joint_lock = Joint lock
option-takedown = Takedown
option-strike = Strike
option-oc = OC spray
option-baton = Baton strike
option-cew = CEW (Taser)
option-point_firearm = Point the handgun
option-firearm = Fire the handgun

refusal-too_far = too far ({ $distance } m; needs { $needed } m)
refusal-no_target = nobody to do it to
refusal-unknown_target = that person is not here
refusal-not_equipped = you do not carry what it takes
refusal-not_ready = draw it first (hold right mouse)
refusal-resisting = the person is actively resisting
refusal-already_restrained = already handcuffed
refusal-locked = the door is locked
refusal-nothing_to_seize = nothing to seize or seal
refusal-not_injured = the person is not injured
refusal-declined = the person declined
refusal-not_visible = you cannot see them
refusal-incapacitated = you are incapacitated
refusal-already_done = already done
refusal-empty = out of ammunition

cue-hands_visible = hands visible
cue-hands_hidden = hands hidden
cue-hands_up = hands up
cue-reaching = reaching to the waist!
cue-weapon_visible = WEAPON
cue-bladed_stance = bladed stance
cue-clenched_fists = clenched fists
cue-shouting = shouting
cue-looking_for_exit = looking for a way out
cue-pacing = pacing
cue-kneeling = kneeling
cue-prone = lying face down
cue-restrained = handcuffed
cue-injured = injured
cue-incapacitated = down
cue-intoxicated = drunk or high
cue-distressed = distressed
cue-running = running
cue-ignoring = ignoring you

trait-woman = woman
trait-child = child
trait-teen = minor

health-unhurt = unhurt
health-minor = lightly hurt
health-serious = seriously hurt
health-dead = dead

people-you = You
people-bystander = bystander
people-backup = backup officer
people-contact = partner (contact)
people-cover = partner (cover)
people-dispatch = dispatch

zone-area = area
zone-room = room
zone-exit = exit
zone-assembly = assembly area
zone-hiding = hiding place

pause-title = Paused
pause-resume = Resume (Esc)
pause-end_run = End the run
pause-menu = Quit to menu

debrief-title = Debrief
debrief-policy = Scored under: { $policy }
debrief-pass = PASS
debrief-fail = FAIL
debrief-pass_mark = pass mark { $mark }
debrief-critical = A critical breach fails the session whatever the total.
debrief-findings = Findings
debrief-no_findings = No findings.
debrief-no_score = This build cannot score yet; the timeline and the session record are still saved.
debrief-replay = Replay (R)
debrief-retry = Retry, new seed (N)
debrief-menu = Menu (M)
debrief-saved = Session saved: { $path }
debrief-save_failed = Could not save the session: { $error }

end-objectives_met = Objectives met
end-time_limit = Time ran out
end-officer_down = Officer down
end-subjects_gone = No subject left to detain
end-stopped = Stopped

category-force = Use of force
category-officer_safety = Officer safety
category-procedure = Procedure and law
category-outcome = Outcome

chart-title = Timeline
chart-perceived = resistance you could see
chart-force = force and words you used
chart-ceiling = proportional under the policy
chart-findings = findings

level-compliant = Compliant
level-passive = Passive
level-active = Active
level-assaultive = Assaultive
level-deadly = Deadly

force-presence = Presence
force-verbal = Verbal
force-soft_control = Soft control
force-hard_control = Hard control
force-lethal = Lethal

replay-title = Replay
replay-play_pause = Play / pause
replay-speed = Speed
replay-back = Back to debrief
replay-keys = Space: play/pause · ←/→: 5 s back/forward · S: speed · click the bar to jump · Esc: back
replay-no_finding_yet = No finding up to this moment.

console-title = Instructor console (F2)
console-comply = Comply
console-resist = Resist
console-attack = Attack
console-flee = Flee
console-add_bystander = Add a bystander
console-pause = Pause
console-hint = Every action here is written to the session's event log.

reload-errors = The scenario file changed and no longer checks; still running the last good version:

## Score card and the words findings use

card-total = Total
card-pass = PASS
card-fail = FAIL
card-pass_mark = pass mark
card-policy = Policy
card-findings = Findings
card-no_findings = No findings.
card-critical = critical
noun-option-escort_grip = an escort grip
noun-option-joint_lock = a joint lock
noun-option-takedown = a takedown
noun-option-strike = an empty-hand strike
noun-option-oc = OC spray
noun-option-baton = the baton
noun-option-cew = the CEW (Taser)
noun-option-point_firearm = pointing your firearm
noun-option-firearm = your firearm (a shot)
noun-level-compliant = compliant
noun-level-passive = passive resistance
noun-level-active = active resistance
noun-level-assaultive = assaultive
noun-level-deadly = deadly threat
noun-force-presence = officer presence
noun-force-verbal = verbal commands
noun-force-soft_control = soft empty-hand control
noun-force-hard_control = hard empty-hand control and intermediate weapons
noun-force-lethal = lethal force
noun-cue-hands_visible = hands visible
noun-cue-hands_hidden = hands hidden
noun-cue-hands_up = hands up
noun-cue-reaching = reaching toward the waistband
noun-cue-weapon_visible = a weapon in view
noun-cue-bladed_stance = bladed stance
noun-cue-clenched_fists = fists clenched
noun-cue-shouting = shouting
noun-cue-looking_for_exit = looking for a way out
noun-cue-pacing = pacing
noun-cue-kneeling = kneeling
noun-cue-prone = lying face down
noun-cue-restrained = handcuffed
noun-cue-injured = injured
noun-cue-incapacitated = down and not moving
noun-cue-intoxicated = intoxicated
noun-cue-distressed = distressed
noun-cue-running = running
noun-cue-ignoring = ignoring commands
noun-weapon-none = a weapon
noun-weapon-knife = a knife
noun-weapon-blunt = a blunt weapon
noun-weapon-handgun = a handgun
noun-weapon-long_gun = a long gun
noun-health-unhurt = unhurt
noun-health-minor = minor injuries
noun-health-serious = serious injuries
noun-health-dead = killed
noun-group-women = a woman
noun-group-visibly_disabled = a person with an obvious disability
noun-group-young_children = a young child
noun-group-minors = an obvious minor
noun-end-objectives_met = objectives met
noun-end-time_limit = time ran out
noun-end-officer_down = the officer went down
noun-end-subjects_gone = no subject was left to take into custody
noun-end-stopped = stopped early
noun-procedure-personal_search = a personal search
noun-procedure-vehicle_search = a vehicle search
noun-procedure-drug_arrest = the arrest of a drug suspect
noun-procedure-seizure = a seizure of evidence
noun-procedure-sealing = sealing of evidence

seen-cues = { $level } ({ $cues })
seen-weapon = { noun-cue-weapon_visible }: { $weapon }

## Findings: one message per rule and case, named after the rule id

finding-force-deadly_force = At { $t } you fired at { $who }. What you could see: { $seen }. A firearm is only for an imminent threat of death or serious injury.
finding-force-after_compliance = At { $t } you used force on { $who }, who had stopped resisting: { $option }. What you could see: { $seen }. Once resistance stops, force must stop too; the most the policy allows here: { $allowed }.
finding-force-proportionality = At { $t } you used force on { $who }: { $option }. What you could see: { $seen }. The most the policy allows here: { $allowed }.
finding-force-necessity = At { $t } you used force on { $who } without trying words first (a command, talk or a warning), although there was time: { $option }. What you could see: { $seen }.
finding-force-warning-given = At { $t } you warned { $who } before using force: { $option }. Good.
finding-force-warning = At { $t } you used force on { $who } without a warning, although time and distance allowed one: { $option }. Distance { $d } m; what you could see: { $seen }.
finding-force-protected_group = At { $t } you used force on { $who }, who is protected by law ({ $group }), with no armed, group or life-threatening attack: { $option }.
finding-force-line_of_fire-people = in the line of fire: { $people }
finding-force-line_of_fire = At { $t } you fired at { $who } although the shot was not safe: { $hazards }.
finding-force-peaceful_assembly = At { $t } you used force on { $who }, a peaceful participant of the assembly: { $option }. What you could see: { $seen }. Isolate the violent few; no force against peaceful participants.
finding-force-peaceful_assembly-crowd = At { $t } force was used against peaceful participants of the assembly { $crowd }.
finding-force-de_escalation = At { $t } your calm talk brought { $who } from { $from } to compliance without force. Good.
finding-safety-exposure-weapon = { $who } had { $weapon } in view
finding-safety-exposure-deadly = { $who } was a deadly threat
finding-safety-reactionary_gap = At { $t } you were { $d } m from { $who }, who was not restrained and could be armed or was fighting ({ $seen }), without moving in to control. Keep the reactionary gap unless you go hands-on.
finding-safety-crossfire = At { $t } you aimed your weapon with people in the line of fire: { $people }. Never let the muzzle cover a partner or a bystander.
finding-safety-crossfire-2 = At { $t } you stood in your partner { $who }'s line of fire for { $d } s (crossfire).
finding-safety-doorway = At { $t } you stood in the doorway { $door } for { $d } s: the fatal funnel. Slice the pie from beside the door instead.
finding-safety-felony_approach = At { $t } you walked up to the vehicle { $veh } in a high-risk stop. Call the occupants out one at a time from the cover of your car instead.
finding-safety-search_before_cuff = At { $t } you searched { $who } before handcuffing them. Handcuff first, then search (waistband first).
finding-safety-call_in = At { $t } you approached without first calling in the stop or the call (location, plate, what you have).
finding-safety-backup = From { $t } the risk called for backup (a high-risk call, a weapon, a deadly threat or several resisting subjects), and you did not request it within { $n } s.
finding-safety-back_turned = At { $t } you turned your back on { $who }, who had not been searched, for { $d } s.
finding-procedure-identify = At { $t } you gave commands or used force before identifying yourself as police.
finding-procedure-commands = At { $t } you used force on { $who } only { $d } s after your first command: no time to comply ({ $option }).
finding-procedure-commands-2 = At { $t } your commands to { $who } were unclear: too many at once or contradictory. One clear command at a time, then give time to comply.
finding-procedure-witnesses-ineligible = { $who } may not be a witness
finding-procedure-witnesses-reused = { $who } already witnessed another arrest
finding-procedure-witnesses = At { $t } too few valid attesting witnesses were present: { $n } (at least { $min } required). Procedures: { $what }.
finding-procedure-same_sex_search = At { $t } { $who } was searched by an officer of the other sex. A personal search is done by an officer of the same sex.
finding-procedure-evidence = Evidence found but not seized: { $items }.
finding-procedure-evidence-2 = Evidence seized but not sealed on the spot: { $items }.
finding-procedure-first_aid = From { $t } the scene was safe, but { $who } ({ $health }) got no first aid and no ambulance was called.
finding-procedure-report_force = You used force (last at { $t }) and did not report it by radio to your supervisor.
finding-procedure-victim_care = At { $t } { $who } showed signs of being a victim (trafficking or a child courier), and you did not call a specialist.
finding-procedure-victim_care-2 = At { $t } you treated { $who }, who showed signs of being a victim, as a suspect (force, handcuffs or arrest). Treat victims as victims.
finding-outcome-custody-escaped = At { $t } { $who } escaped.
finding-outcome-custody-hurt = { $who } ended{ $custody ->
        [yes] {" "}in custody
       *[no] {""}
    } with this outcome: { $health }.
finding-outcome-custody-unhurt = At { $t } { $who } was taken into custody unhurt. Good.
finding-outcome-officer_injury-self = At { $t } you were hurt: { $health }.
finding-outcome-officer_injury = At { $t } officer { $who } was hurt: { $health }.
finding-outcome-objectives = The session ended ({ $reason }) with required objectives not met.
finding-safety-exposure-moved = At { $t } you moved out of cover or into the line of fire while { $threat }. Distance and cover buy time.
finding-safety-exposure-stayed = At { $t } you stayed exposed for { $d } s (in the open or in the line of fire) while { $threat }. Distance and cover buy time.
finding-outcome-third_party_injury-by_you = At { $t } you hurt a bystander, { $who }: { $health }.
finding-outcome-third_party_injury = At { $t } a bystander, { $who }, was hurt: { $health }.
finding-force-line_of_fire-crowd = a crowd behind the target
finding-outcome-objectives-missed = The session ended ({ $reason }) with required objectives not met: { $list }.
finding-procedure-witnesses-problems = { $problems }.
card-repeats = { $who ->
        [none] (Repeated { $n } more { $n ->
            [one] time
           *[other] times
        }; not scored again.)
       *[other] (Repeated { $n } more { $n ->
            [one] time
           *[other] times
        } with { $who }; not scored again.)
    }
finding-outcome-objectives-met = Every required objective was met. Good.

## Dispatch replies on the radio

dispatch-call_in = Copy, stop logged. Advise when code 4.
dispatch-backup = Copy, backup en route.
dispatch-backup-already = Backup already en route.
dispatch-backup-none = No units available at this time.
dispatch-ems = Copy, EMS en route.
dispatch-witnesses = Copy, will try to find attesting witnesses.
dispatch-specialist = Copy, specialist notified.
dispatch-report_force = Copy, force reported. Supervisor notified.
dispatch-report_secure = Copy, scene secure.

## What a bystander asked to witness says about a bar to serving (CPC art. 90)

witness-bar-serial = Again? I witness for the district police nearly every week.
witness-bar-police = I'm a police officer myself.
witness-bar-law_enforcement_student = Of course! I'm a cadet at the police academy.
witness-bar-court_staff = I work at the district court.
witness-bar-probationer = I'm on probation, is that a problem?
witness-bar-under_prosecution = I have a case open against me myself...
witness-bar-relative = We're family. I'm not going anywhere.
witness-bar-minor = I'm fifteen, is that OK?
witness-bar-dependent = I work for the investigator's office.

## Names the simulation gives

label-weapon = { $weapon } ({ $owner })
label-crowd_member = a person in the crowd ({ $n })

## What became of each subject (forcesim run)

outcome-summary = { $state }, { $health }
outcome-state-escaped = escaped
outcome-state-in_custody = in custody
outcome-state-free = not in custody
outcome-health-unhurt = unhurt
outcome-health-minor = lightly injured
outcome-health-serious = seriously injured
outcome-health-dead = killed

## Verdicts that agree with the law
finding-force-intermediate_on_passive = At { $t } you used { $option } on { $who }, who at most resisted passively, with no assault and no weapon in view. What you could see: { $seen }. An intermediate weapon or a strike is never for passive resistance; the most the policy allows here: { $allowed }.
finding-safety-exposure-reported = { $who } had been reported armed and was not yet searched
finding-outcome-objectives-not_searched = { $who } was handcuffed but never searched: custody means handcuffed and searched.
outcome-state-cuffed_not_searched = handcuffed, not yet searched
hud-objective-not_searched = handcuffed, not yet searched
## The instructor's workbench: authoring messages in the instructor's language

verbatim = { $text }
diag-key-twice = "{ $key }" is given twice in the same item; keep one
diag-cannot-read = cannot read the file: { $reason }
diag-not-utf8 = the file is not valid UTF-8 text
diag-did-you-mean = ; did you mean "{ $guess }"?
diag-did-you-mean-then = ; did you mean "{ $guess }"? { $rest }
diag-then = ; { $rest }
diag-one-of = { $init } or { $last }
diag-this-item = this item
diag-found-eof = the end of the file
diag-found-other = something else
diag-expected-found = { $place }expected { $expected }, found { $found }
diag-unknown-field = unknown field "{ $found }" in { $item }{ $hint }
diag-valid-fields = valid fields: { $list }
diag-choice = choice
diag-choice-a = a choice
diag-unknown-variant = { $place }unknown { $what } "{ $found }"{ $hint }
diag-expected-choice = expected { $what }: { $choices }
diag-missing-field = missing field "{ $field }" in { $item }{ $where }: add `{ $field }: ...`
diag-field-twice = field "{ $field }" is given twice in { $item }
diag-wrong-length = { $place }expected { $expected }, found { $n } { $n ->
    [one] value
   *[other] values
  }
diag-expected-lang-key = { $place }expected a language key in double quotes, found { $found }: write texts as {"{"}"en": "...", "ru": "..."{"}"}
diag-x-number = a number (like 2.5)
diag-x-unsigned = a whole number, 0 or more
diag-x-integer = a whole number
diag-x-whole = a whole number (like 3)
diag-x-string = text in double quotes (like "driver")
diag-x-bool = true or false
diag-x-list = a list in square brackets [ ... ]
diag-x-map = a map in braces {"{"} ... {"}"}
diag-x-pair = two numbers in parentheses, like (1.0, 2.0)
diag-x-name = a name
diag-x-value = a value
diag-x-list-end = `,` between list items or `]` to close the list
diag-x-map-open = `{"{"}` to open a text such as {"{"}"en": "..."{"}"} or a map
diag-x-colon = `:` after the key
diag-x-map-end = `,` between entries or `{"}"}` to close the braces
diag-x-comma = a comma between items
diag-x-open-group = `(` to open a group of fields or values
diag-x-open = `(` to open { $what }
diag-a-group-of-fields = a group of fields
diag-x-close-group = `)` to close the parentheses (too many values, or a missing comma?)
diag-x-identifier = a name (a field or a choice)
diag-x-char = a character in single quotes
diag-float-underscore = a number may not contain `_`
diag-string-not-closed = this text is not closed: a `"` is missing
diag-bad-escape = bad escape in text: { $what }
diag-integer-out-of-range = { $place }the number is out of range (too large, or negative where it may not be)
diag-bad-digit = { $place }'{ $digit }' cannot appear in a whole number
diag-leading-underscore = a number may not start with `_`
diag-block-comment-open = a /* comment */ is not closed
diag-line-comment-eof = a // comment at the very end needs a newline
diag-unexpected-char = { $place }unexpected character '{ $char }'
diag-trailing = unexpected text after the end of the file's main `( ... )`: found { $found }
diag-eof = the file ends too early: a closing `)`, `]` or `{"}"}` or a value is missing
diag-too-deep = items are nested too deeply
diag-no-extension = unknown RON extension "{ $name }"
diag-bad-attribute = a `#![enable(...)]` line is malformed
diag-unknown-lang = unknown language "{ $key }"{ $hint }
diag-text-langs = a text's languages are { $list }
diag-no-english = this text has no English ("en") version; "en" is required: {"{"}"en": "...", "ru": "...", "kk": "..."{"}"}
diag-english-empty = the English text is empty
diag-not-finite = { $what } must be a real number, not { $v }
diag-not-positive = { $what } must be greater than 0, found { $v }
diag-negative = { $what } must not be negative, found { $v }
diag-not-within = { $what } must be between { $lo } and { $hi }, found { $v }
diag-chance = a chance must be between 0 and 1 (0.25 means one time in four), found { $v }
diag-no-id = { $what } needs a non-empty id
diag-too-many = { $what }: { $n } is more than the limit of { $max }
diag-too-large = { $what } is { $v }, more than the limit of { $max }
diag-bad-scenario-id = a scenario id uses lowercase letters, digits and `_` only (like "traffic_stop_low"), found "{ $id }"
diag-duplicate-id = duplicate id "{ $id }": already used by the { $kind } at { $at }; ids must be unique in a scenario
diag-ref-empty = this names no { $what }: give the id of one
diag-ref-none = the scenario has no { $what }
diag-ref-known = known: { $list }
diag-ref-unknown = unknown { $what } "{ $id }"{ $hint }
diag-wall-no-length = this wall has no length: its two ends are the same point
diag-zone-corners = a zone's max corner must lie above and to the right of its min corner: min ({ $x0 }, { $y0 }), max ({ $x1 }, { $y1 })
diag-wall-through-door = wall { $wall } runs through door "{ $door }": end the wall at the door's sides to leave a gap { $width } m wide
diag-door-not-in-wall = door "{ $door }" is not in a wall: both sides of the doorway should meet { $dir }
diag-dir-horizontal = an east-west wall (orientation: horizontal)
diag-dir-vertical = a north-south wall (orientation: vertical)
diag-outside-map = { $what } at ({ $x }, { $y }) is outside the map, which spans (0, 0) to ({ $w }, { $h })
diag-spawn-inside = { $what } ({ $x }, { $y }) is inside { $obstacle }; a person needs { $r } m clear of walls, vehicles, cover and closed doors
in-wall = wall { $id }
in-vehicle = vehicle "{ $id }"
in-cover-at = cover object { $id }
in-cover = cover object "{ $id }"
in-door = closed door "{ $id }"
diag-backup-zero = backup needs at least 1 officer
diag-seated-outside = { $who } sits in vehicle "{ $vehicle }" but spawns at ({ $x }, { $y }), outside it; put the spawn on the seat
diag-weapon-none = a weapon of kind none: give its kind (knife, blunt, handgun, long_gun) or remove the weapon
diag-weapon-carry = a weapon's carry must be concealed or visible
diag-rule-does-nothing = this behaviour rule does nothing: give it `to` (a new level), `act` (an action) or `say` (a line)
diag-no-cues = list at least one cue to show
diag-hidden-never-spawned = { $who } is hidden (absent at the start) but no trigger brings them in: add a trigger with effects: [spawn("{ $id }")]
diag-crowd-empty = a crowd needs at least 1 person
diag-trigger-no-effects = a trigger needs at least one effect (spawn, set_level, act, say, radio, reveal_weapon, agitate, door)
diag-trigger-self = trigger "{ $id }" waits for itself to fire, so it never fires
diag-all-any-empty = all([...]) and any([...]) need at least one condition
diag-spawn-present = spawn("{ $id }") brings in someone who is already there: mark them `hidden: true` to have them appear
diag-reveal-no-weapon = reveal_weapon("{ $id }"): subject "{ $id }" has no weapon
diag-no-objectives = a scenario needs at least one objective (custody, area_cleared, assembly_peaceful, victim_identified, evidence_sealed, interviewed or called_in)
diag-area-no-room = area_cleared names no room: list the room zones to clear, like area_cleared(["hall", "office"])
diag-area-not-room = area_cleared names zone "{ $zone }", which is not a room: give it `role: room`
diag-unknown-policy = no policy file or shipped policy named "{ $arg }"{ $hint }
diag-shipped-policies = shipped policies: { $list } (or give the path of a policy file)
diag-modifier-shift = a modifier's shift must be between -4 and 4 and not 0 (levels of force to add or remove), found { $v }
diag-outnumber-zero = officers_outnumber needs at least 1 (officers more than subjects)
diag-protected-empty = protected_groups lists no group: fill no_special_means or no_firearm, or remove it
diag-weights-zero = at least one category weight must be greater than 0
diag-witness-min = min_count must be at least 1 (Kazakh CPC art. 82(3) asks for two)
diag-witness-none = required_for lists no procedure: personal_search, vehicle_search, drug_arrest or seizure
diag-citation-empty = a citation is required: the article, policy section or case it rests on
diag-continuum-twice = the continuum gives "{ $level }" twice (also step { $step }); each resistance level once
diag-continuum-misses = the continuum misses { $levels }: it needs one step for each resistance level (compliant, passive, active, assaultive, deadly)
diag-continuum-falls = "{ $hi }" allows less force ({ $hi_force }) than the lower level "{ $lo }" ({ $lo_force }); force may not fall as resistance rises
diag-no-rules = the policy has no rules: list the rules it scores
diag-unknown-rule = unknown rule id "{ $id }"{ $hint }
diag-valid-rules = valid rule ids: { $list }
diag-rule-twice = rule "{ $id }" is listed twice (also { $first }); list each rule once
diag-rule-needs-section = rule "{ $id }" needs the policy's `{ $section }` section; add it or remove the rule
diag-session-empty = the session file is empty (expected a session record)
diag-session-newer = session format { $format } is newer than this build of forcesim reads (format { $max } or older); update forcesim to open it
diag-session-zero = session format 0 is not valid (expected 1..={ $max })
diag-session-invalid = not a valid session record: { $inner }
diag-read-as-scenario = { $inner } (read as a scenario: the file is not under a policies folder and has no `continuum:`, so it was taken for a scenario)
diag-library-duplicate = { $kind } id "{ $id }" is already used by { $first }; ids must be unique across the library
file-kind-scenario = scenario
file-kind-policy = policy
what-time-limit = the time limit (seconds)
what-map-width = the map's width
what-map-height = the map's height
what-wall-end = a wall's end
what-wall-thickness = a wall's thickness
what-door = a door
what-door-width = a door's width
what-vehicle = a vehicle
what-heading = a heading
what-vehicle-length = a vehicle's length
what-vehicle-width = a vehicle's width
what-cover = a cover object
what-rotation = a rotation
what-cover-width = a cover object's width
what-cover-height = a cover object's height
what-zone-corner = a zone's corner
what-coord = { $what }'s { $axis }
what-spawn = { $who }'s spawn
what-backup-delay = the backup's delay (seconds)
what-item = an item
what-distance = the distance
what-agitation = agitation
what-time = a time (seconds)
what-agitation-change = an agitation change
what-chance = a chance
what-category-weight = the weight of { $key }
what-pass-mark = the pass mark
what-rule-weight = a rule's weight
what-the-time = the time
what-a-distance = a distance
who-trainee = the trainee
who-partner = partner "{ $id }"
who-backup = the backup
who-subject = subject "{ $id }"
who-bystander = bystander "{ $id }"
type-person = person
type-subject_or_bystander = subject or bystander
type-target = target
lim-subjects = subjects
lim-bystanders = bystanders
lim-partners = partner officers
lim-backup = backup officers
lim-crowds = crowds
lim-crowd-people = people in crowds (all crowds together)
lim-vehicles = vehicles
lim-walls = walls
lim-doors = doors
lim-cover = cover objects
lim-zones = zones
lim-triggers = triggers
lim-effects = effects of one trigger
lim-objectives = objectives
lim-behaviour = behaviour rules of one subject
lim-steps = script steps
script-none-here = none in this scenario
script-other-scenario = this script is written for scenario "{ $want }", not "{ $id }"
script-no-steps = the script has no steps (expected `steps: [ ... ]`)
script-step-twice = step id "{ $id }" is used twice
script-seconds-zero-ok = { $what } must be a number of seconds, 0 or more (found { $v })
script-seconds-positive = { $what } must be a number of seconds, more than 0 (found { $v })
script-meters = { $what } must be a distance in meters, 0 or more (found { $v })
script-unknown-id = unknown { $what } "{ $id }" (valid: { $valid })
script-stop-at-alone = `stop_at` needs a `move_to` in the same step
script-move-ahead = `move_to: ahead` has no place to go; `ahead` is only for `face`
script-reaction-when = a reaction needs `when` (or `at`): it is checked every tick
script-reaction-field = a reaction cannot use `{ $field }` (reactions only act and face; put moves in `steps`)
script-repeat-step = `repeat` is only for reactions; a step runs once
script-step-nothing = this step does nothing (give it `do`, `move_to`, `face`, `wait`, `at` or `when`)
script-point-finite = a point needs finite coordinates in meters
script-distance-bounds = `distance` needs `below: METERS` or `above: METERS`
script-below-above = `below: { $below }` must be more than `above: { $above }` or the condition never holds
script-noticed-empty = `noticed` needs an event kind such as "shot"
script-step-later = step "{ $id }" comes later; steps run in order, so this would wait forever
script-no-step = no step has id "{ $id }" (step ids so far: { $so_far })
script-all-any-empty = `all`/`any` needs at least one condition
cli-check-summary = checked { $files ->
    [one] 1 file
   *[other] { $files } files
  }: { $valid } valid, { $invalid } invalid
cli-check-errors = { $summary } ({ $errors ->
    [one] 1 error
   *[other] { $errors } errors
  })
cli-no-such-path = forcesim { $command }: no such file or folder: { $path }
cli-run-head = { $scenario }  seed { $seed }  { $driver }  policy { $policy }
cli-run-ended = ended: { $end } at { $t } ({ $ticks } ticks, { $events } events)
cli-run-score = score: { $total } / 100  { $verdict }  (pass mark { $mark })
cli-pass = PASS
cli-fail = FAIL
cli-run-top = top findings:
cli-run-not-scored = score: not scored
cli-run-session = session: { $path }
cli-score-policy-changed = forcesim score: warning: policy "{ $policy }" changed since the session was recorded (its hash differs); the card may differ from the recorded one
type-scenario = scenario
type-scenario-a = the scenario
type-map = map
type-map-a = the map
type-wall = wall
type-wall-a = a wall
type-door = door
type-door-a = a door
type-vehicle = vehicle
type-vehicle-a = a vehicle
type-cover_object = cover object
type-cover_object-a = a cover object
type-zone = zone
type-zone-a = a zone
type-officers_section = officers section
type-officers_section-a = the officers section
type-trainee_start = trainee's start
type-trainee_start-a = the trainee's start
type-partner_officer = partner officer
type-partner_officer-a = a partner officer
type-backup = backup
type-backup-a = the backup
type-subject = subject
type-subject-a = a subject
type-weapon = weapon
type-weapon-a = a weapon
type-item = item
type-item-a = an item
type-behaviour_rule = behaviour rule
type-behaviour_rule-a = a behaviour rule
type-cue_list = cue list
type-cue_list-a = a cue list
type-line = line
type-line-a = a line
type-bystander = bystander
type-bystander-a = a bystander
type-crowd = crowd
type-crowd-a = a crowd
type-trigger = trigger
type-trigger-a = a trigger
type-objective = objective
type-objective-a = an objective
type-scenario_kind = scenario kind
type-scenario_kind-a = a scenario kind
type-risk_level = risk level
type-risk_level-a = a risk level
type-ground = ground
type-ground-a = a ground
type-orientation = orientation
type-orientation-a = an orientation
type-door_state = door state
type-door_state-a = a door state
type-vehicle_kind = vehicle kind
type-vehicle_kind-a = a vehicle kind
type-cover_kind = cover kind
type-cover_kind-a = a cover kind
type-zone_role = zone role
type-zone_role-a = a zone role
type-equipment_item = equipment item
type-equipment_item-a = an equipment item
type-partner_role = partner role
type-partner_role-a = a partner role
type-subject_role = subject role
type-subject_role-a = a subject role
type-item_kind = item kind
type-item_kind-a = an item kind
type-stimulus = stimulus
type-stimulus-a = a stimulus
type-condition = condition
type-condition-a = a condition
type-witness_eligibility = witness eligibility
type-witness_eligibility-a = a witness eligibility
type-person_to_watch = person to watch
type-person_to_watch-a = a person to watch
type-trigger_condition = trigger condition
type-trigger_condition-a = a trigger condition
type-effect = effect
type-effect-a = an effect
type-goal = goal
type-goal-a = a goal
type-policy = policy
type-policy-a = the policy
type-continuum_step = continuum step
type-continuum_step-a = a continuum step
type-modifier = modifier
type-modifier-a = a modifier
type-circumstance = circumstance
type-circumstance-a = a circumstance
type-protected_groups_section = protected groups section
type-protected_groups_section-a = the protected groups section
type-protected_group = protected group
type-protected_group-a = a protected group
type-exception = exception
type-exception-a = an exception
type-rule = rule
type-rule-a = a rule
type-category = category
type-category-a = a category
type-severity = severity
type-severity-a = a severity
type-category_weights = category weights
type-category_weights-a = the category weights
type-witness_rules = witness rules
type-witness_rules-a = the witness rules
type-witnessed_procedure = witnessed procedure
type-witnessed_procedure-a = a witnessed procedure
type-resistance_level = resistance level
type-resistance_level-a = a resistance level
type-force_level = force level
type-force_level-a = a force level
type-force_option = force option
type-force_option-a = a force option
type-tool = tool
type-tool-a = a tool
type-tool_state = tool state
type-tool_state-a = a tool state
type-command = command
type-command-a = a command
type-warning = warning
type-warning-a = a warning
type-radio_call = radio call
type-radio_call-a = a radio call
type-procedure = procedure
type-procedure-a = a procedure
type-action = action
type-action-a = an action
type-officer_action = officer action
type-officer_action-a = an officer action
type-sex = sex
type-sex-a = a sex
type-age_group = age group
type-age_group-a = an age group
type-disability = disability
type-disability-a = a disability
type-weapon_kind = weapon kind
type-weapon_kind-a = a weapon kind
type-weapon_place = weapon place
type-weapon_place-a = a weapon place
type-carry = carry
type-carry-a = a carry
type-temperament = temperament
type-temperament-a = a temperament
type-subject_action = subject action
type-subject_action-a = a subject action
type-cue = cue
type-cue-a = a cue
type-health = health
type-health-a = a health
type-language = language
type-language-a = a language
type-script = script
type-script-a = the script
type-step = step
type-step-a = a step
type-place = place
type-place-a = a place
type-text = text
type-text-a = a text

## The instructor's workbench: comments of the scenario templates (forcesim new)

tpl-intro-traffic_stop = A traffic stop: one driver, a routine violation that can turn into an argument or flight. Teaches the call-in, the approach and calm talk.
tpl-intro-armed_vehicle = A felony stop: an armed driver in a stolen car. Teaches staying behind cover and calling the driver out instead of walking up to the car.
tpl-intro-building_search = A building search: an alarm, an open door, someone hiding. Teaches clearing room by room and staying out of doorways.
tpl-intro-armed_building = An armed suspect in a building: a man with a knife behind a door. Teaches containment, distance, talk and the reactionary gap.
tpl-intro-field_interview = A field interview: a person reported as suspicious. Teaches identifying yourself, talking before commanding, and contact and cover.
tpl-intro-arrest_search = An arrest and personal search with attesting witnesses (Kazakh CPC arts. 82, 90, 252): the search and seizure count only with two valid witnesses present.
tpl-intro-public_assembly = A public assembly: a lawful rally and one violent man. Teaches facilitating the assembly and no force against peaceful participants.
tpl-intro-checkpoint = A checkpoint: a car stopped on the highway. Teaches document checks, watching for cues and keeping a safe position.
tpl-how = Check this file with `forcesim check { $id }.ron`, try it with `forcesim run { $id }.ron --bot by_the_book` (also aggressive, passive), play it with `forcesim play { $id }.ron`. Lines starting with // are comments.
tpl-id = The id: lowercase letters, digits and _, unique in the scenario library; `forcesim run` finds the scenario by it.
tpl-texts = Texts for people: "en" is required, "ru" and "kk" are shown when the trainee plays in Russian or Kazakh.
tpl-time = The time limit in seconds (at most 3600) and the policy the session is judged under: generic, us_iacp, kz or a policy file.
tpl-map = The map in metres: x to the east, y to the north, (0, 0) at the south-west corner, at most 500 m a side. ground: road, floor, plaza or field.
tpl-walls = Walls run from one end to the other (thickness in metres, 0.2 by default). Leave a gap where a door goes.
tpl-doors = A door sits in a gap between walls: at is its centre, orientation horizontal for an east-west wall, state open, closed or locked.
tpl-vehicles = Vehicles: position is the centre, heading in degrees (0 = east, 90 = north), kind car, patrol or van. The engine block stops rounds, the doors do not.
tpl-cover = Cover: hard stops rounds (brick, concrete, a safe), soft only hides (a hedge, shelving, a bus shelter).
tpl-zones = Zones are boxes from the min to the max corner. role: area, room (for area_cleared), exit (a subject who reaches it escapes), assembly or hiding.
tpl-officers = The trainee's start and heading; partners (role contact or cover) and the backup, who arrive after delay seconds.
tpl-subjects = Each subject: who they are (role, sex, age), where they start, what they carry, and how they resist at first (compliant, passive, active, assaultive, deadly).
tpl-behaviour = Behaviour rules: on a stimulus (identified, talk, any_command, near(3.0), weapon_aimed, any_force, tick...), if the conditions hold, with this chance, the subject moves to a level (to), acts (act) or speaks (say).
tpl-cues = Cues: what the trainee sees at each resistance level. Findings judge what the trainee could see, never the hidden level, so give every level a cue.
tpl-bystanders = Bystanders: people who are there and watch. hidden: true keeps one out until a trigger's spawn brings them in; wanders_in lets them walk about in a zone.
tpl-witnesses = Attesting witnesses are bystanders the trainee asks to attend (witness: eligible by default; relative, police, law_enforcement_student, serial: true and others may not serve).
tpl-crowds = Crowds: count people standing in a zone (at most 5000 in all crowds), their starting agitation 0..1, the subjects who agitate them, and whether the assembly is lawful.
tpl-triggers = Triggers: when something happens (time(s), zone_entered, action_taken, distance, subject_level, fired, all or any), with a chance, apply the effects (radio, say, spawn, set_level, act, reveal_weapon, agitate, door).
tpl-objectives = Objectives: what the trainee must achieve (custody, area_cleared, interviewed, evidence_sealed, assembly_peaceful, victim_identified, called_in); required: false marks an optional one.
cli-new-unknown-kind = forcesim new: unknown kind "{ $kind }"{ $hint }
cli-new-kinds = kinds: { $list }
cli-new-bad-id = forcesim new: a scenario id uses lowercase letters, digits and `_` only (like "traffic_stop_low"), found "{ $id }"
cli-new-written = wrote { $path }; check it with: forcesim check { $path }
cli-new-cannot-write = forcesim new: cannot write { $path }: { $reason }
run-no-scenario = no scenario "{ $scenario }": not a file, and no scenarios/{ $scenario }.ron
run-unknown-bot = unknown bot "{ $name }" (valid: { $valid })
