//! `forcesim play`'s command-line errors come from the catalogues, in
//! `--lang` or the locale, like `check`'s: an unknown scenario or bot, a bad
//! flag value, a scenario file that does not check. All are told before a
//! window opens, so no display is needed. (The game's hot reload shows the
//! same translated errors: `game.rs`, `hot_reload_errors_show_in_the_games_language`.)

use super::cli::forcesim_without_display as play;

#[test]
fn a_broken_scenario_file_gives_checks_line_and_column_in_the_language() {
    let file = "tests/data/broken/negative_time_limit.ron";
    let (_, check, _) = super::cli::forcesim(&["check", file, "--lang", "ru"]);
    let line = check.lines().next().unwrap().to_string();
    for (args, env) in [
        (vec!["play", file, "--lang", "ru"], vec![]),
        (vec!["play", file], vec![("LANG", "ru_RU.UTF-8")]),
    ] {
        let (code, err) = play(&args, &env);
        assert_eq!(code, 2, "{err}");
        // The very line `check` prints.
        assert!(err.lines().any(|l| l == line), "{err}\nwanted: {line}");
    }
    let (code, err) = play(&["play", file, "--lang", "kk"], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains(":8:17: error: уақыт шегі"), "{err}");
    let (_, err) = play(&["play", file], &[]);
    assert!(
        err.contains(":8:17: error: ") && err.contains("greater than 0"),
        "{err}"
    );
}

#[test]
fn unknown_names_and_bad_values_are_told_in_the_language() {
    let (code, err) = play(&["play", "no_such_scenario", "--lang", "kk"], &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("\"no_such_scenario\" сценарийі жоқ"), "{err}");
    let (code, err) = play(
        &[
            "play",
            "traffic_stop_low",
            "--screen",
            "debrief",
            "--bot",
            "robocop",
        ],
        &[("LC_ALL", "ru_RU.UTF-8")],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("неизвестный бот \"robocop\""), "{err}");
    let (code, err) = play(
        &[
            "play",
            "traffic_stop_low",
            "--resolution",
            "huge",
            "--lang",
            "ru",
        ],
        &[],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("неверное разрешение \"huge\""), "{err}");
    let (code, err) = play(&["play", "--screen", "debrief"], &[("LANG", "kk_KZ.UTF-8")]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("сценарий керек"), "{err}");
    // Nothing wrong but the display: that too in the language.
    let (code, err) = play(&["play", "traffic_stop_low", "--lang", "ru"], &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("нет дисплея"), "{err}");
}
