//! `forcesim list`: one aligned line per valid scenario sorted by id, JSON on
//! request, invalid files on stderr.

use super::cli::forcesim;

#[test]
fn list_prints_aligned_lines_sorted_by_id() {
    let (code, out, err) = forcesim(&["list"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "\
armed_building         armed_building   high    Armed suspect in a building: barricaded in a flat               scenarios/armed_building.ron
arrest_search          arrest_search    medium  Arrest and search: a dealer in the stairwell                    scenarios/arrest_search.ron
building_search        building_search  medium  Building search: alarm at a closed shop                         scenarios/building_search.ron
building_search_night  building_search  medium  Building search at night: an office block in the dark           scenarios/building_search_night.ron
checkpoint_courier     checkpoint       medium  Highway checkpoint: a child courier                             scenarios/checkpoint_courier.ron
checkpoint_minibus     checkpoint       medium  Checkpoint: a minibus and a held passport                       scenarios/checkpoint_minibus.ron
felony_stop            armed_vehicle    high    Felony stop: stolen car, armed driver                           scenarios/felony_stop.ron
field_interview_kz     field_interview  medium  Field interview: courtyard, attesting witnesses                 scenarios/field_interview_kz.ron
public_assembly        public_assembly  medium  Public assembly: a rally and an instigator                      scenarios/public_assembly.ron
public_assembly_large  public_assembly  medium  Public assembly: a rally, a counter-demonstration and a sit-in  scenarios/public_assembly_large.ron
traffic_stop_low       traffic_stop     low     Traffic stop: red light                                         scenarios/traffic_stop_low.ron
traffic_stop_medium    traffic_stop     medium  Traffic stop: a driver who won't get out                        scenarios/traffic_stop_medium.ron
"
    );
}

#[test]
fn list_json_is_an_array_of_objects() {
    let (code, out, _) = forcesim(&["list", "scenarios", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let items = v.as_array().unwrap();
    let shipped = super::run::shipped_scenarios();
    assert_eq!(items.len(), shipped.len());
    let felony = shipped.iter().position(|id| id == "felony_stop").unwrap();
    assert_eq!(items[felony]["id"], "felony_stop");
    assert_eq!(items[felony]["kind"], "armed_vehicle");
    assert_eq!(items[felony]["risk"], "high");
    assert_eq!(
        items[felony]["title"],
        "Felony stop: stolen car, armed driver"
    );
    assert_eq!(items[felony]["policy"], "us_iacp");
    assert_eq!(items[felony]["file"], "scenarios/felony_stop.ron");
}

#[test]
fn list_reports_invalid_files_on_stderr_and_skips_policies() {
    let (code, out, err) = forcesim(&["list", "tests/data/broken"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(
        err.contains("tests/data/broken/misspelt_field.ron:20:13: error: unknown field \"spwan\""),
        "{err}"
    );
    assert!(!err.contains("policies/"), "{err}");
    let (code, out, _) = forcesim(&["list", "assets"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, _, err) = forcesim(&["list", "no/such/folder"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn list_shows_titles_in_the_language_asked_for() {
    let (code, out, _) = forcesim(&["list", "scenarios", "--lang", "kk"]);
    assert_eq!(code, 0);
    assert!(out.contains("Көлікті тоқтату: қызыл шамнан өту"), "{out}");
    let (code, out, _) = forcesim(&["list", "scenarios", "--lang", "ru", "--json"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Остановка транспорта: проезд на красный"),
        "{out}"
    );
}
