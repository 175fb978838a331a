//! End-to-end tests of `release-lint new`, `notes`, `template vars` and `schema values`,
//! with golden files under `tests/golden/gen/` (regenerate with `UPDATE_GOLDEN=1`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_release-lint"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("cannot run release-lint: {e}"))
}

fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("{e}"))
}

/// Compare with a golden file; `UPDATE_GOLDEN=1` rewrites it instead.
fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden/gen").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{} differs from the output (run with UPDATE_GOLDEN=1 to accept):\n{actual}",
        path.display()
    );
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("release-lint-gen-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

#[test]
fn new_without_values() {
    golden("new-empty.md", &stdout(&["new"]));
}

#[test]
fn new_with_values_and_stage() {
    let out = stdout(&[
        "new",
        "--values",
        "tests/golden/gen/values.yaml",
        "--set",
        "risks.rows[0].owner=Priya Raman",
        "--stage",
        "planned",
    ]);
    assert!(out.contains("stage: \"planned\""));
    assert!(out.contains("| Priya Raman |"));
    assert!(out.contains("(| pipes | are fine)"));
    assert!(out.contains("`{{ 7*7 }}` stays as written"));
    golden("new-values.md", &out);
}

#[test]
fn seed_template_with_flat_values() {
    let out = stdout(&[
        "new",
        "--template",
        "fixtures/template.md",
        "--values",
        "tests/golden/gen/flat.yaml",
    ]);
    assert!(out.contains("**Release**: Ledger Sync Pipeline (1.8.0)"));
    assert!(
        out.contains("{{ change_2 }}"),
        "unset variables stay placeholders"
    );
    golden("seed-flat.md", &out);
}

#[test]
fn notes_of_documents() {
    golden(
        "notes-closed.md",
        &stdout(&["notes", "fixtures/clean/closed.md"]),
    );
    golden(
        "notes-deployed.md",
        &stdout(&["notes", "fixtures/clean/deployed.md"]),
    );
    golden(
        "notes-closed.json",
        &stdout(&["notes", "--format", "json", "fixtures/clean/closed.md"]),
    );
}

#[test]
fn parse_output_gives_back_the_document() {
    let dir = scratch_dir("round-trip");
    let values = dir.join("values.yaml");
    let yaml = stdout(&["parse", "--format", "yaml", "fixtures/clean/closed.md"]);
    std::fs::write(&values, yaml).unwrap_or_else(|e| panic!("{e}"));
    let out = stdout(&["new", "--values", values.to_str().unwrap_or_default()]);
    let original = std::fs::read_to_string(root().join("fixtures/clean/closed.md"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out, original);
}

#[test]
fn values_are_data() {
    let out = stdout(&[
        "new",
        "--set",
        "overview.release_name={{ 7*7 }}",
        "--set",
        "overview.business_owner={% if true %}yes{% endif %}",
    ]);
    assert!(out.contains("**Release**: {{ 7*7 }} ("));
    assert!(out.contains("**Business Owner**: {% if true %}yes{% endif %}"));
}

#[test]
fn output_file_is_written_atomically_and_never_overwritten_without_force() {
    let dir = scratch_dir("output");
    let file = dir.join("release.md");
    let path = file.to_str().unwrap_or_default();
    assert!(run(&["new", "-o", path]).status.success());
    let first = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(first.starts_with("---\n"));

    let again = run(&["new", "-o", path, "--set", "title=Changed"]);
    assert_eq!(again.status.code(), Some(2));
    let message = String::from_utf8_lossy(&again.stderr);
    assert!(
        message.contains("already exists; pass --force"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), first);

    assert!(
        run(&["new", "-o", path, "--set", "title=Changed", "--force"])
            .status
            .success()
    );
    assert!(std::fs::read_to_string(&file)
        .unwrap_or_default()
        .contains("# Changed\n"));
    let left: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind: {left:?}");
}

#[test]
fn bad_values_name_the_key() {
    let dir = scratch_dir("bad-values");
    let values = dir.join("values.yaml");
    std::fs::write(&values, "overview:\n  relase_type: Minor\n").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["new", "--values", values.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(
        message.contains("`overview.relase_type`: unknown key"),
        "{message}"
    );

    let out = run(&[
        "new",
        "--set",
        "risks.rows[0].probability={state: value, value: huge, raw: Huge}",
    ]);
    let message = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(message.contains("`risks.rows[0].probability`"), "{message}");

    std::fs::write(&values, "overview: [1, 2\n").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["new", "--values", values.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read values"));
}

#[test]
fn bad_templates_are_located() {
    let dir = scratch_dir("bad-template");
    let template = dir.join("t.md");
    std::fs::write(&template, "# Title\n\n{{ release_name }\n").unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["new", "--template", template.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("t.md:3:"), "{message}");
    assert!(message.contains("template syntax error"), "{message}");

    std::fs::write(&template, "ok\n{{ range(3) | join(1, 2, 3) }}\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let out = run(&["new", "--template", template.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("t.md:2:"), "{message}");
    assert!(message.contains("template render error"), "{message}");
}

#[test]
fn template_vars_lists_variables() {
    let seed = stdout(&["template", "vars", "fixtures/template.md"]);
    for name in [
        "release_name",
        "change_1",
        "po_signoff",
        "requirements_link",
    ] {
        assert!(seed.lines().any(|l| l == name), "{name} in {seed}");
    }
    let embedded = stdout(&["template", "vars"]);
    for name in [
        "overview.release_type",
        "risks.rows",
        "frontmatter.outcome",
        "signoffs",
    ] {
        assert!(embedded.lines().any(|l| l == name), "{name} in {embedded}");
    }
    assert!(!embedded.lines().any(|l| l == "range" || l == "group"));
}

#[test]
fn values_schema_is_checked_in() {
    let schema = stdout(&["schema", "values"]);
    let path = root().join("docs/values.schema.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &schema).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == schema,
        "docs/values.schema.json is stale: run `UPDATE_GOLDEN=1 cargo test --test gen_cli`"
    );
}
