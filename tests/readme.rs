//! The README's Quick start stays true: exactly two commands, and CI runs the second.

fn quick_start_commands() -> Vec<String> {
    let readme = include_str!("../README.md");
    let section = readme
        .split("## Quick start")
        .nth(1)
        .expect("README has a Quick start section");
    let block = section
        .split("```sh")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("a fenced sh block");
    block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn quick_start_has_a_run_and_a_test_command() {
    let commands = quick_start_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(commands[0].starts_with("cargo run"), "{}", commands[0]);
    assert!(
        commands[0].contains("fixtures/"),
        "the first command runs on shipped fixtures"
    );
    assert!(commands[1].starts_with("cargo test"), "{}", commands[1]);
}

#[test]
fn ci_runs_the_readme_test_command() {
    let ci = include_str!("../.ci/run");
    let test_command = &quick_start_commands()[1];
    assert!(
        ci.lines()
            .any(|l| l.trim().starts_with(test_command.as_str())),
        "CI does not run `{test_command}`"
    );
}
