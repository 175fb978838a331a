//! End-to-end tests of `release-lint fix`, `check --fix` and `--diff`: what is written,
//! what is not, and the exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

/// The day of every run of these tests (`RELEASE_LINT_TODAY`), which `updated:` is set to.
const TODAY: &str = "2026-12-03";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn release_lint(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RELEASE_LINT_TODAY", TODAY)
        .output()
        .expect("release-lint runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A folder holding a copy of `fixtures/rules/RL403/bad.md` as `doc.md`.
fn with_bad_duration() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let source = std::fs::read_to_string(root().join("fixtures/rules/RL403/bad.md"))
        .expect("fixture is readable");
    std::fs::write(dir.path().join("doc.md"), &source).expect("copy");
    (dir, source)
}

#[test]
fn fix_writes_the_fixes_and_a_second_run_changes_nothing() {
    let (dir, source) = with_bad_duration();
    let out = release_lint(dir.path(), &["fix", "--select", "RL403", "doc.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let fixed = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    assert_ne!(fixed, source);
    assert!(fixed.contains("| Database migration | 14:12 | 14:20 | 8m |"));
    let report = text(&out.stdout);
    assert!(
        report.contains("doc.md: fixed 2 findings (RL403)"),
        "{report}"
    );
    assert!(report.ends_with("fixed 2 findings in 1 file\n"), "{report}");
    let again = release_lint(
        dir.path(),
        &["check", "--fix", "--select", "RL403", "doc.md"],
    );
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
        fixed
    );
    assert!(text(&again.stdout).ends_with("fixed 0 findings in 0 files\n"));
}

#[test]
fn fix_recomputes_a_business_impact_change() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let source = std::fs::read_to_string(root().join("fixtures/rules/RL409/bad.md"))
        .expect("fixture is readable");
    std::fs::write(dir.path().join("doc.md"), &source).expect("copy");
    let out = release_lint(dir.path(), &["fix", "--select", "RL409", "doc.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let fixed = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    assert!(
        fixed.contains("| User Engagement | 4,120 | 4,236 | +2.8% |\n"),
        "{fixed}"
    );
    assert!(
        fixed.contains("| Conversion Rate | 71.8% | 72.4% | +0.6% |\n"),
        "{fixed}"
    );
    assert!(
        fixed.contains("| Support Tickets | 86 | 74 | -12 |\n"),
        "{fixed}"
    );
    assert!(text(&out.stdout).contains("doc.md: fixed 3 findings (RL409)"));
}

#[test]
fn unsafe_fixes_set_a_status_from_its_value_and_threshold() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let source = std::fs::read_to_string(root().join("fixtures/rules/RL401/bad.md"))
        .expect("fixture is readable");
    std::fs::write(dir.path().join("doc.md"), &source).expect("copy");
    let safe = release_lint(dir.path(), &["fix", "--select", "RL401", "doc.md"]);
    assert_eq!(safe.status.code(), Some(1), "the contradictions are left");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
        source,
        "the fix is unsafe: not applied without --unsafe-fixes"
    );
    let out = release_lint(
        dir.path(),
        &["fix", "--unsafe-fixes", "--select", "RL401", "doc.md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let fixed = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    assert!(
        fixed.contains("| Error Rate | < 1% | 2.3% | ❌ Fail |"),
        "{fixed}"
    );
    assert!(
        fixed.contains("| CPU Usage | < 75% | 48% | ✅ Pass |"),
        "{fixed}"
    );
    assert!(fixed.contains("| Memory Usage | < 80% | 83% | ⚠️ Warning |"));
}

#[test]
fn diff_prints_a_unified_diff_writes_nothing_and_fails_when_something_is_to_fix() {
    let (dir, source) = with_bad_duration();
    let out = release_lint(dir.path(), &["fix", "--diff", "doc.md"]);
    assert_eq!(out.status.code(), Some(1));
    let diff = text(&out.stdout);
    assert!(
        diff.starts_with("--- a/doc.md\n+++ b/doc.md\n@@ "),
        "{diff}"
    );
    assert!(diff.contains("\n-| Database migration | 14:12 | 14:20 | 18m |"));
    assert!(diff.contains("\n+| Database migration | 14:12 | 14:20 | 8m |"));
    assert_eq!(
        text(&out.stderr),
        "release-lint: would fix 2 findings in 1 file\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
        source
    );
    release_lint(dir.path(), &["fix", "doc.md"]);
    let clean = release_lint(dir.path(), &["check", "--diff", "doc.md"]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(text(&clean.stdout), "");
}

#[test]
fn clean_fixtures_are_byte_identical_after_unsafe_fixes() {
    let dir = tempfile::tempdir().unwrap();
    let clean = root().join("fixtures/clean");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&clean).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        std::fs::copy(&path, dir.path().join(&name)).unwrap();
        names.push(name);
    }
    let out = release_lint(dir.path(), &["fix", "--unsafe-fixes", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    for name in names {
        assert_eq!(
            std::fs::read(dir.path().join(&name)).unwrap(),
            std::fs::read(clean.join(&name)).unwrap(),
            "{name:?} changed"
        );
    }
}

#[test]
fn standard_input_is_fixed_to_standard_output_with_the_report_on_standard_error() {
    let (_dir, source) = with_bad_duration();
    let mut child = Command::new(BIN)
        .args(["fix", "-", "--format", "concise"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(source.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let fixed = text(&out.stdout);
    assert_eq!(fixed.len(), source.len() - 4, "18m → 8m, 1h 21m → 21m");
    assert!(fixed.contains("| 14:12 | 14:20 | 8m |"));
    assert!(text(&out.stderr).contains("-: fixed 2 findings (RL403)"));
}

#[test]
fn json_lists_the_applied_fixes_and_check_lists_the_available_ones() {
    let (dir, _) = with_bad_duration();
    let check = release_lint(dir.path(), &["check", "--format", "json", "doc.md"]);
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let findings = json["files"][0]["diagnostics"].as_array().unwrap();
    let rl403 = findings.iter().find(|d| d["code"] == "RL403").unwrap();
    let fix = &rl403["fix"];
    assert_eq!(fix["applicability"], "safe");
    assert_eq!(fix["edits"][0]["replacement"], "8m");
    assert!(
        json["files"][0].get("fixed").is_none(),
        "check applies nothing"
    );
    let out = release_lint(dir.path(), &["fix", "--format", "json", "doc.md"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let fixed = json["files"][0]["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 2);
    assert_eq!(fixed[0]["code"], "RL403");
    assert_eq!(fixed[0]["message"], "write the duration `8m`");
    assert_eq!(fixed[0]["round"], 1);
    assert_eq!(json["files"][0]["fix_problems"], serde_json::json!([]));
}

#[cfg(unix)]
#[test]
fn the_mode_is_kept_and_a_symlink_out_of_the_tree_is_not_written() {
    use std::os::unix::fs::PermissionsExt;
    let (outside, source) = with_bad_duration();
    let tree = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path().join("doc.md"), tree.path().join("link.md")).unwrap();
    let own = tree.path().join("own.md");
    std::fs::write(&own, &source).unwrap();
    std::fs::set_permissions(&own, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = release_lint(tree.path(), &["fix", "--format", "concise", "."]);
    assert_eq!(out.status.code(), Some(2), "the refused file fails the run");
    let report = text(&out.stdout);
    assert!(
        report.contains("fix never writes through a symlink out of the tree it walks"),
        "{report}"
    );
    assert_eq!(
        std::fs::read_to_string(outside.path().join("doc.md")).unwrap(),
        source
    );
    assert_ne!(
        std::fs::read_to_string(&own).unwrap(),
        source,
        "the other file is fixed"
    );
    let mode = std::fs::metadata(&own).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(tree.path().join("link.md").is_symlink());
}

#[test]
fn a_file_that_cannot_be_read_is_reported_and_the_others_are_fixed() {
    let (dir, source) = with_bad_duration();
    let out = release_lint(dir.path(), &["fix", "missing.md", "doc.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).contains("missing.md"));
    assert_ne!(
        std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
        source
    );
}

#[test]
fn sarif_carries_the_fixes_and_still_validates() {
    let (dir, _) = with_bad_duration();
    let out = release_lint(dir.path(), &["check", "--format", "sarif", "doc.md"]);
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let rl403 = results.iter().find(|r| r["ruleId"] == "RL403").unwrap();
    let fix = &rl403["fixes"][0];
    assert_eq!(fix["description"]["text"], "write the duration `8m`");
    assert_eq!(fix["properties"]["applicability"], "safe");
    let change = &fix["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "doc.md");
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "8m");
    assert_eq!(replacement["deletedRegion"]["startLine"], 21);
    assert_eq!(replacement["deletedRegion"]["startColumn"], 40);
    assert_eq!(replacement["deletedRegion"]["endColumn"], 43);
}

#[test]
fn the_human_report_marks_fixable_findings() {
    let (dir, _) = with_bad_duration();
    let out = release_lint(
        dir.path(),
        &["check", "--select", "RL403", "--color", "never", "doc.md"],
    );
    let report = text(&out.stdout);
    assert!(
        report.contains("RL403 timeline-duration-mismatch [*]"),
        "{report}"
    );
    assert!(
        report.contains("write the duration `8m` (fixable with `release-lint fix`)\n"),
        "{report}"
    );
    assert!(
        report.ends_with("[*] 2 fixable with `release-lint fix`\n"),
        "{report}"
    );
}

#[test]
fn the_opt_in_hint_rule_removes_the_hints_and_keeps_every_other_byte() {
    let dir = tempfile::tempdir().unwrap();
    let lf = std::fs::read_to_string(root().join("fixtures/clean/ready.md")).unwrap();
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    std::fs::write(dir.path().join("lf.md"), &lf).unwrap();
    std::fs::write(dir.path().join("crlf.md"), &crlf).unwrap();
    let off = release_lint(dir.path(), &["fix", "lf.md", "crlf.md"]);
    assert_eq!(off.status.code(), Some(0), "{}", text(&off.stdout));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("lf.md")).unwrap(),
        lf
    );
    assert!(text(&off.stdout).ends_with("fixed 0 findings in 0 files\n"));
    let out = release_lint(
        dir.path(),
        &["fix", "--extend-select", "RL310", "lf.md", "crlf.md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(
        text(&out.stdout).contains("lf.md: fixed 3 findings (RL310)"),
        "{}",
        text(&out.stdout)
    );
    let unhinted = |s: &str| {
        s.replace(" (Major | Minor | Patch | Hotfix)", "")
            .replace(" (Staging | Production | DR)", "")
            .replace(" (Blue-Green | Canary | Rolling | Immediate)", "")
    };
    let fixed = std::fs::read_to_string(dir.path().join("lf.md")).unwrap();
    assert_eq!(fixed, unhinted(&lf));
    assert!(fixed.contains("**Release Type**: Patch\n"));
    assert_eq!(
        std::fs::read(dir.path().join("crlf.md")).unwrap(),
        unhinted(&crlf).into_bytes(),
        "the byte order mark and the CRLF line ends are kept"
    );
    let again = release_lint(dir.path(), &["check", "--select", "RL310", "lf.md"]);
    assert!(
        text(&again.stdout).ends_with("no findings in 1 release document\n"),
        "{}",
        text(&again.stdout)
    );
}

/// `with_bad_duration`, with a frontmatter `updated: "2026-11-25"`.
fn with_bad_duration_updated() -> (tempfile::TempDir, String) {
    let (dir, source) = with_bad_duration();
    let dated = source.replacen(
        "phase: deployment\n",
        "phase: deployment\nupdated: \"2026-11-25\"\n",
        1,
    );
    assert_ne!(dated, source);
    std::fs::write(dir.path().join("doc.md"), &dated).expect("write");
    (dir, dated)
}

#[test]
fn unsafe_fixes_set_updated_to_the_day_of_the_run_when_the_document_changed() {
    let (dir, source) = with_bad_duration_updated();
    let out = release_lint(dir.path(), &["fix", "--unsafe-fixes", "doc.md"]);
    let report = text(&out.stdout);
    assert!(report.contains("RL413"), "{report}");
    let fixed = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    assert!(fixed.contains("\nupdated: \"2026-12-03\"\n"), "{fixed}");
    assert!(fixed.contains("| Database migration | 14:12 | 14:20 | 8m |"));
    let expected = source
        .replace("\"2026-11-25\"", "\"2026-12-03\"")
        .replace("| 14:12 | 14:20 | 18m |", "| 14:12 | 14:20 | 8m |");
    assert_eq!(fixed.len(), expected.len() - 3, "18m → 8m, 1h 21m → 21m");
    let again = release_lint(dir.path(), &["fix", "--unsafe-fixes", "doc.md"]);
    assert!(text(&again.stdout).ends_with("fixed 0 findings in 0 files\n"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
        fixed
    );
}

#[test]
fn without_unsafe_fixes_the_new_updated_is_only_offered() {
    let (dir, source) = with_bad_duration_updated();
    let diff = release_lint(dir.path(), &["fix", "--diff", "doc.md"]);
    assert_eq!(diff.status.code(), Some(1));
    assert!(
        !text(&diff.stdout).contains("+updated"),
        "{}",
        text(&diff.stdout)
    );
    assert_eq!(
        text(&diff.stderr),
        "release-lint: would fix 2 findings in 1 file; 1 more with `--unsafe-fixes`\n"
    );
    let unsafe_diff = release_lint(dir.path(), &["fix", "--diff", "--unsafe-fixes", "doc.md"]);
    assert!(
        text(&unsafe_diff.stdout)
            .contains("\n-updated: \"2026-11-25\"\n+updated: \"2026-12-03\"\n"),
        "{}",
        text(&unsafe_diff.stdout)
    );
    let out = release_lint(dir.path(), &["fix", "--format", "json", "doc.md"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let left = json["files"][0]["diagnostics"].as_array().unwrap();
    let rl413 = left
        .iter()
        .find(|d| d["code"] == "RL413")
        .expect("RL413 is offered");
    assert_eq!(rl413["fix"]["applicability"], "unsafe");
    assert_eq!(rl413["fix"]["edits"][0]["replacement"], TODAY);
    assert_eq!(rl413["line"], 4);
    let written = std::fs::read_to_string(dir.path().join("doc.md")).unwrap();
    assert!(
        written.contains("\nupdated: \"2026-11-25\"\n"),
        "kept without --unsafe-fixes"
    );
    assert_ne!(written, source, "the safe fixes are written");
}

#[test]
fn a_day_of_the_run_that_is_not_a_date_fails_the_run_and_writes_nothing() {
    let (dir, source) = with_bad_duration_updated();
    let out = Command::new(BIN)
        .args(["fix", "doc.md"])
        .current_dir(dir.path())
        .env("RELEASE_LINT_TODAY", "tomorrow")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("RELEASE_LINT_TODAY=tomorrow: not a date; expected YYYY-MM-DD"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("doc.md")).unwrap(),
        source
    );
}
