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

## Doctrine you can play: sight over cars, partners in view, escapes (issue 10)

hud-alert-flight = ⚠ A suspect is running: radio a broadcast (description, direction)
hud-heard = heard
hud-flight = ⚠ { $who } is running, heading { $direction }!
hud-flight-toward = ⚠ { $who } is running for { $place }, heading { $direction }!
compass-e = east
compass-ne = north-east
compass-n = north
compass-nw = north-west
compass-w = west
compass-sw = south-west
compass-s = south
compass-se = south-east
hud-officer-took_cover = { $who } is in cover, covering { $subject }.
hud-officer-covering = { $who } covers { $subject } from the open: no cover near.
hud-officer-moving_up = { $who } is moving up to { $subject }.
hud-officer-following = { $who } follows { $subject } at a safe distance.
hud-officer-containing = { $who } heads for the way out to cut off { $subject }.
hud-officer-subject = the subject
hud-partner-restrained = { $who } handcuffed { $subject }.
hud-partner-searched = { $who } searched { $subject }.
hud-partner-place_searched = { $who } searched { $place }.
hud-partner-said = { $who }: { $text }
hud-partner-draw = { $who } drew a weapon.
hud-partner-holster = { $who } holstered the weapon.
hud-partner-force = { $who } used force on { $subject }: { $option }.
radio-broadcast_escape = Broadcast: suspect fled (description, direction)
dispatch-broadcast_escape = Copy, to all units: suspect on foot, description and direction of travel as given. Units are setting up a perimeter; do not pursue alone.
dispatch-broadcast_escape-none = Say again? Nobody has been reported running.
finding-outcome-custody-escaped-broadcast = At { $t } { $who } escaped; at { $at } you radioed the description and direction of travel, so other units could take up the search. Partly credited.
