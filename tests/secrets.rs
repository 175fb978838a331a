//! End-to-end: no command prints a secret in full. `tests/data/docs/secrets.md` holds
//! one secret of several families (a private key, an AWS key written twice, a GitHub
//! token in a field, a JWT in a cell, a Slack webhook and a Stripe key in the release
//! notes); `check` in every format, `parse` and `notes` must mask all of them, `parse
//! --show-secrets` shows them, and `new` warns about the credentials it is given.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

/// The part of each secret of `secrets.md` that masking hides (what follows the
/// characters it keeps).
const HIDDEN: &[&str] = &[
    "ZXktdjEAAAAABG5vbmUAAAAE",
    "IOSFODNN7EXAMPLE",
    "EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN",
    "iJIUzI1NiJ9.eyJzdWIi",
    "B0EXAMPLE/EXAMPLE0not0a0real0hook0",
    "EXAMPLE0not0a0real0key0000",
];

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/docs")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("release-lint runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The secrets of `secrets.md` that `text` shows in full.
fn shown(text: &str) -> Vec<&'static str> {
    HIDDEN
        .iter()
        .copied()
        .filter(|h| text.contains(h))
        .collect()
}

#[test]
fn check_masks_every_occurrence_in_every_format() {
    for format in ["human", "concise", "json", "sarif", "github"] {
        let output = run(&docs(), &["check", "--format", format, "secrets.md"]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {}",
            stderr(&output)
        );
        let text = stdout(&output);
        // SARIF carries the rule docs, whose examples are secrets: look at the results.
        let text = if format == "sarif" {
            let log: serde_json::Value = serde_json::from_str(&text).unwrap();
            log["runs"][0]["results"].to_string()
        } else {
            text
        };
        assert_eq!(shown(&text), Vec::<&str>::new(), "{format}: {text}");
    }
    let human = stdout(&run(&docs(), &["check", "secrets.md"]));
    // The second occurrence of the AWS key, on a line of its own finding's snippet and
    // in the context lines of others.
    assert!(
        human.contains("no longer uses AKIA****************"),
        "{human}"
    );
    assert!(human.contains("services/T0EX****"), "{human}");
}

#[test]
fn parse_masks_secrets_unless_asked_to_show_them() {
    for format in ["json", "yaml"] {
        let output = run(&docs(), &["parse", "--format", format, "secrets.md"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        assert_eq!(shown(&text), Vec::<&str>::new(), "{format}: {text}");
        assert!(text.contains("AKIA****************"), "{format}: {text}");

        let output = run(
            &docs(),
            &["parse", "--show-secrets", "--format", format, "secrets.md"],
        );
        // Every secret the model holds (the JWT's table is no part of it).
        let full = shown(&stdout(&output));
        assert_eq!(full.len(), HIDDEN.len() - 1, "{format}: {full:?}");
    }
}

#[test]
fn notes_mask_secrets_in_markdown_and_json() {
    for format in ["md", "json"] {
        let output = run(&docs(), &["notes", "--format", format, "secrets.md"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let text = stdout(&output);
        assert!(text.contains("Billing moved to sk_l"), "{format}: {text}");
        assert_eq!(shown(&text), Vec::<&str>::new(), "{format}: {text}");
    }
}

#[test]
fn new_warns_about_given_credentials_and_still_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let token = "ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN";
    let output = run(
        dir.path(),
        &[
            "new",
            "--set",
            &format!("frontmatter.owner={token}"),
            "--set",
            "overview.release_type=Minor",
            "-o",
            "release.md",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let warnings = stderr(&output);
    assert!(
        warnings.contains("`frontmatter.owner` looks like a credential (GitHub token)"),
        "{warnings}"
    );
    assert!(
        !warnings.contains("ghp_"),
        "the warning shows the value: {warnings}"
    );
    assert!(!warnings.contains("release_type"), "{warnings}");
    let written = std::fs::read_to_string(dir.path().join("release.md")).unwrap();
    assert!(written.contains(token));

    let quiet = run(dir.path(), &["new", "--set", "overview.release_type=Minor"]);
    assert_eq!(stderr(&quiet), "");
}
