//! README.md stays true: its example scenario and policy check clean, and its
//! first commands are the ones CI runs.

use std::path::Path;

/// The first ```ron block after `heading`.
fn ron_block_after(readme: &str, heading: &str) -> String {
    let start = readme
        .find(heading)
        .unwrap_or_else(|| panic!("README lacks {heading}"));
    let rest = &readme[start..];
    let open = rest.find("```ron\n").expect("a ```ron block") + "```ron\n".len();
    let close = rest[open..].find("```").expect("closing ```");
    rest[open..open + close].to_string()
}

#[test]
fn readme_examples_check_clean() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let scenario = ron_block_after(&readme, "## The scenario format");
    let s = forcesim::scenario::check_str(Path::new("README.md#scenario"), &scenario)
        .unwrap_or_else(|d| {
            panic!(
                "{}",
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
    assert_eq!(s.scenario.id, "field_interview_park");
    let policy = ron_block_after(&readme, "## The policy format");
    let p =
        forcesim::policy::check_str(Path::new("README.md#policy"), &policy).unwrap_or_else(|d| {
            panic!(
                "{}",
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
    assert_eq!(p.policy.id, "academy");
}

#[test]
fn readme_starts_with_the_two_commands_ci_runs() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let first_block = &readme[readme.find("```sh\n").unwrap()..];
    let first_block = &first_block[..first_block[5..].find("```").unwrap()];
    assert!(first_block.contains("cargo run"));
    assert!(first_block.contains("cargo test"));
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    assert!(
        ci.contains("\ncargo test"),
        "CI runs the README's test command"
    );
}

/// The ```ron block right after `marker` in `doc`.
fn ron_block_after_marker(doc: &str, marker: &str) -> String {
    let start = doc
        .find(marker)
        .unwrap_or_else(|| panic!("the guide lacks {marker}"));
    ron_block_after(&doc[start..], marker)
}

#[test]
fn the_authoring_guides_example_checks_clean_and_its_script_loads() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut examples = Vec::new();
    for doc in [
        "docs/AUTHORING.md",
        "docs/AUTHORING.ru.md",
        "docs/AUTHORING.kk.md",
    ] {
        assert!(readme.contains(doc), "README does not link {doc}");
        let text = std::fs::read_to_string(doc).unwrap();
        let scenario = ron_block_after_marker(&text, "<!-- authoring-example -->");
        let loaded = forcesim::scenario::check_str(Path::new(doc), &scenario).unwrap_or_else(|d| {
            panic!(
                "{}",
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(loaded.scenario.id, "shop_theft");
        let script = ron_block_after_marker(&text, "<!-- authoring-script -->");
        forcesim::trainee::script::parse(Path::new(doc), &script, Some(&loaded.scenario))
            .unwrap_or_else(|d| {
                panic!(
                    "{}",
                    d.iter()
                        .map(|d| d.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            });
        examples.push(scenario);
    }
    // One example in three languages: the translations show the same file.
    assert_eq!(examples[0], examples[1]);
    assert_eq!(examples[0], examples[2]);
}
