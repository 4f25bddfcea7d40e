//! `forcesim preview`: which ids get a label (every one the file names, with
//! the words that matter: a door's state, hard or soft cover, the engine
//! block), reload on save with `check`'s errors in the preview's language
//! while the last good map stays drawn, and the command's own errors. No
//! window or GPU needed; the screenshots are checked in `game.rs`.

use super::cli::forcesim_without_display as without_display;
use bevy::prelude::*;
use forcesim::domain::Lang;
use forcesim::game::gameplay::map::MapPart;
use forcesim::game::preview::labels::{LabelKind, MapLabel, labels};
use forcesim::game::preview::{PreviewFile, PreviewOptions, headless_app};
use forcesim::scenario::schema::*;
use std::path::{Path, PathBuf};

fn shipped() -> Vec<(PathBuf, Scenario)> {
    let mut v: Vec<(PathBuf, Scenario)> = std::fs::read_dir("scenarios")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|p| {
            let s = forcesim::scenario::check_file(&p)
                .unwrap_or_else(|e| panic!("{}: {e:?}", p.display()))
                .scenario;
            (p, s)
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn of_kind(ls: &[MapLabel], kind: LabelKind) -> Vec<&MapLabel> {
    ls.iter().filter(|l| l.kind == kind).collect()
}

fn ids(ls: &[MapLabel], kind: LabelKind) -> Vec<String> {
    of_kind(ls, kind).iter().map(|l| l.id.clone()).collect()
}

#[test]
fn every_id_of_every_shipped_scenario_gets_a_label() {
    let mut kinds = std::collections::BTreeSet::new();
    for (path, s) in shipped() {
        let ls = labels(&s, Lang::En);
        let p = path.display();
        let m = &s.map;
        let want = |v: Vec<String>| v;
        assert_eq!(ids(&ls, LabelKind::Trainee).len(), 1, "{p}");
        assert_eq!(
            ids(&ls, LabelKind::Partner),
            want(s.officers.partners.iter().map(|x| x.id.clone()).collect()),
            "{p}"
        );
        assert_eq!(
            ids(&ls, LabelKind::Backup).len(),
            usize::from(s.officers.backup.is_some()),
            "{p}"
        );
        assert_eq!(
            ids(&ls, LabelKind::Subject),
            want(s.subjects.iter().map(|x| x.id.clone()).collect()),
            "{p}"
        );
        assert_eq!(
            ids(&ls, LabelKind::Bystander),
            want(s.bystanders.iter().map(|x| x.id.clone()).collect()),
            "{p}"
        );
        assert_eq!(
            ids(&ls, LabelKind::Crowd),
            want(s.crowds.iter().map(|x| x.id.clone()).collect()),
            "{p}"
        );
        assert_eq!(
            ids(&ls, LabelKind::Door),
            want(m.doors.iter().map(|x| x.id.clone()).collect()),
            "{p}"
        );
        let vehicles: Vec<String> = m.vehicles.iter().map(|x| x.id.clone()).collect();
        assert_eq!(ids(&ls, LabelKind::Vehicle), vehicles, "{p}");
        assert_eq!(ids(&ls, LabelKind::Engine), vehicles, "{p}");
        assert_eq!(ids(&ls, LabelKind::Cabin), vehicles, "{p}");
        assert_eq!(of_kind(&ls, LabelKind::Cover).len(), m.cover.len(), "{p}");
        for c in m.cover.iter().filter(|c| !c.id.is_empty()) {
            assert!(ids(&ls, LabelKind::Cover).contains(&c.id), "{p}: {}", c.id);
        }
        // Every zone, hiding places too: the author needs to see them.
        assert_eq!(
            ids(&ls, LabelKind::Zone),
            want(m.zones.iter().map(|x| x.id.clone()).collect()),
            "{p}"
        );
        assert_eq!(
            ids(&ls, LabelKind::Wall),
            want((0..m.walls.len()).map(|i| format!("walls[{i}]")).collect()),
            "{p}"
        );
        // Spawns are labelled where they are; each label's text names its id.
        for sub in &s.subjects {
            let l = of_kind(&ls, LabelKind::Subject)
                .into_iter()
                .find(|l| l.id == sub.id)
                .unwrap();
            assert_eq!(l.at, sub.spawn, "{p}");
            assert!(l.text.contains(&sub.id), "{p}: {}", l.text);
        }
        kinds.extend(ls.iter().map(|l| l.kind));
        // The most important come first: people before the map, walls last.
        let order: Vec<LabelKind> = ls.iter().map(|l| l.kind).collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted, "{p}");
    }
    // The shipped scenarios between them show every kind of label.
    assert_eq!(kinds.len(), 13, "{kinds:?}");
}

#[test]
fn labels_say_a_doors_state_hard_or_soft_and_where_the_engine_block_is() {
    let (_, s) = shipped()
        .into_iter()
        .find(|(_, s)| !s.map.doors.is_empty())
        .unwrap();
    let ls = labels(&s, Lang::En);
    for d in &s.map.doors {
        let l = ls
            .iter()
            .find(|l| l.kind == LabelKind::Door && l.id == d.id)
            .unwrap();
        let word = match d.state {
            DoorState::Open => "open",
            DoorState::Closed => "closed",
            DoorState::Locked => "locked",
        };
        assert!(l.text.contains(word), "{}", l.text);
    }
    for (_, s) in shipped() {
        let ls = labels(&s, Lang::En);
        for (c, l) in s.map.cover.iter().zip(of_kind(&ls, LabelKind::Cover)) {
            // The words after the id: "low hard cover (stops rounds, ...)".
            let what = l.text.rsplit(" · ").next().unwrap();
            assert_eq!(
                what.contains("hard cover"),
                c.kind == CoverKind::Hard,
                "{}",
                l.text
            );
            assert_eq!(what.starts_with("low "), c.low, "{}", l.text);
        }
        for v in &s.map.vehicles {
            // The engine block's label is ahead of the centre, the cabin's behind.
            let fwd = Vec2::from_angle(v.heading.to_radians());
            let rel = |l: &MapLabel| {
                (Vec2::new(l.at.0, l.at.1) - Vec2::new(v.position.0, v.position.1)).dot(fwd)
            };
            let e = of_kind(&ls, LabelKind::Engine)
                .into_iter()
                .find(|l| l.id == v.id)
                .unwrap();
            let c = of_kind(&ls, LabelKind::Cabin)
                .into_iter()
                .find(|l| l.id == v.id)
                .unwrap();
            assert!(
                rel(e) > v.size.0 / 6.0 && rel(e) < v.size.0 / 2.0,
                "{}",
                v.id
            );
            assert!(rel(c) < 0.0, "{}", v.id);
        }
    }
}

#[test]
fn labels_are_in_the_previews_language_and_ids_stay_as_written() {
    for (_, s) in shipped() {
        let en = labels(&s, Lang::En);
        for lang in [Lang::Ru, Lang::Kk] {
            let other = labels(&s, lang);
            assert_eq!(en.len(), other.len());
            for (a, b) in en.iter().zip(&other) {
                assert_eq!((a.kind, &a.id, a.at), (b.kind, &b.id, b.at));
                if !matches!(a.kind, LabelKind::Trainee | LabelKind::Backup) {
                    assert!(b.text.contains(&b.id), "{}", b.text);
                }
                if !matches!(a.kind, LabelKind::Wall | LabelKind::Vehicle) {
                    assert!(
                        b.text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)),
                        "{lang:?}: {}",
                        b.text
                    );
                }
            }
        }
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("forcesim-preview-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Writes `text` and moves the file's time on, as a save in an editor does.
fn save(path: &Path, text: &str, secs: u64) {
    std::fs::write(path, text).unwrap();
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(secs))
        .unwrap();
}

fn texts(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    world
        .query::<&Text>()
        .iter(world)
        .map(|t| t.0.clone())
        .collect()
}

fn map_parts(app: &mut App) -> usize {
    let world = app.world_mut();
    world
        .query_filtered::<(), With<MapPart>>()
        .iter(world)
        .count()
}

#[test]
fn a_save_reloads_and_a_broken_save_keeps_the_last_map_with_its_errors_translated() {
    let dir = temp_dir("reload");
    let file = dir.join("search.ron");
    let original = std::fs::read_to_string("scenarios/building_search.ron").unwrap();
    std::fs::write(&file, &original).unwrap();
    let mut app = headless_app(PreviewOptions {
        path: file.clone(),
        lang: Lang::Ru,
        screenshot: None,
        resolution: (1280, 720),
    });
    for _ in 0..5 {
        app.update();
    }
    let drawn = map_parts(&mut app);
    assert!(drawn > 20, "{drawn}");
    let s = app
        .world()
        .resource::<PreviewFile>()
        .scenario
        .clone()
        .unwrap();
    let door = s.map.doors[0].id.clone();
    assert!(
        texts(&mut app)
            .iter()
            .any(|t| t.contains(&door) && t.contains("дверь"))
    );

    // A broken save: the errors in Russian, in place, and the map still drawn.
    save(&file, &original.replace("time_limit: ", "time_limit: -"), 2);
    for _ in 0..40 {
        app.update();
    }
    let f = app.world().resource::<PreviewFile>();
    assert!(!f.errors.is_empty());
    assert!(f.scenario.is_some());
    assert_eq!(f.loads, 1);
    let shown = texts(&mut app);
    assert!(
        shown
            .iter()
            .any(|t| t.contains("search.ron:") && t.contains("error:") && t.contains("больше 0")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t.contains("последняя исправная карта"))
    );
    assert_eq!(map_parts(&mut app), drawn);

    // A good save: drawn again with the change, the errors gone.
    save(
        &file,
        &original.replace(&format!("\"{door}\""), "\"renamed_door\""),
        4,
    );
    for _ in 0..40 {
        app.update();
    }
    let f = app.world().resource::<PreviewFile>();
    assert!(f.errors.is_empty(), "{:?}", f.errors);
    assert_eq!(f.loads, 2);
    let shown = texts(&mut app);
    assert!(
        shown.iter().any(|t| t.contains("renamed_door")),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|t| t.contains("error:")));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn preview_names_a_missing_file_and_prints_a_broken_ones_errors_in_the_language() {
    let (code, err) = without_display(&["preview", "no_such_map", "--lang", "kk"], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\"no_such_map\" сценарийі жоқ"), "{err}");
    // A broken file: its errors as `check` prints them, then no window here.
    let (code, err) = without_display(
        &["preview", "tests/data/broken/negative_time_limit.ron"],
        &[("LANG", "ru_RU.UTF-8")],
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("tests/data/broken/negative_time_limit.ron:8:17: error:")
            && err.contains("больше 0"),
        "{err}"
    );
    assert!(
        err.contains("нет дисплея") && err.contains("xvfb-run"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
