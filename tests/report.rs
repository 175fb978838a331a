//! `release-lint report` end to end, over the generated history of
//! `crates/release-history/tests/support` (documents and git repositories).

#[path = "../crates/release-history/tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .expect("release-lint runs")
}

fn setup() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    support::write_documents(&tmp.path().join("releases"));
    support::write_repos(&tmp.path().join("repos"));
    tmp
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

const REPOS: [&str; 4] = ["--repo", "repos/payments", "--repo", "repos/ledger"];

#[test]
fn json_has_the_documented_figures() {
    let tmp = setup();
    let mut args = vec!["report", "releases", "--format", "json"];
    args.extend(REPOS);
    let out = run(tmp.path(), &args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["deployments"], 5);
    assert_eq!(v["skipped"], 3);
    let m = &v["metrics"];
    assert_eq!(m["change_failure_rate"], 0.4);
    assert_eq!(m["deployment_success_rate"], 0.6);
    assert_eq!(m["deployment_frequency_per_day"], 5.0 / 33.0);
    assert_eq!(m["mttr_minutes"], 20.0);
    assert_eq!(m["lead_time_minutes"], 60.0);
    let standards = v["standards"].as_array().unwrap();
    let mttr = standards
        .iter()
        .find(|s| s["name"] == "Mean Time to Recovery")
        .unwrap();
    assert_eq!(
        (
            mttr["target"].as_str(),
            mttr["actual"].as_f64(),
            mttr["met"].as_bool()
        ),
        (Some("< 15 min"), Some(20.0), Some(false))
    );
    assert_eq!(v["periods"].as_array().unwrap().len(), 2);
    assert_eq!(v["periods"][0]["period"], "2026-03");
}

#[test]
fn check_standards_fails_on_a_standard_not_met() {
    let tmp = setup();
    let out = run(tmp.path(), &["report", "releases", "--check-standards"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Mean Time to Recovery"), "{text}");
    assert!(text.contains("2026-04 ✗"), "{text}");
    // Without the flag the same report exits 0; with a window where MTTR is met, too.
    assert_eq!(
        run(tmp.path(), &["report", "releases"]).status.code(),
        Some(0)
    );
    let out = run(
        tmp.path(),
        &[
            "report",
            "releases",
            "--check-standards",
            "--since",
            "2026-03-01",
            "--until",
            "2026-03-05",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn without_a_repository_lead_time_is_not_measured() {
    let tmp = setup();
    let v = json(&run(
        tmp.path(),
        &["report", "releases", "--format", "json"],
    ));
    assert!(v["metrics"]["lead_time_minutes"].is_null());
    let lead = v["standards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Lead Time for Changes")
        .cloned()
        .unwrap();
    assert_eq!(lead["status"], "not measured");
    assert!(lead["reason"]
        .as_str()
        .unwrap()
        .contains("no git repository"));
}

#[test]
fn verbose_lists_each_skipped_document() {
    let tmp = setup();
    let out = run(tmp.path(), &["report", "releases", "-v"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped releases/2026-04-02-ledger-staging.md: Target Environment (line 16, column 25) is `Staging`, not Production"), "{err}");
    assert!(
        err.contains(
            "skipped releases/2026-05-01-payments-planned.md: not deployed: stage planned"
        ),
        "{err}"
    );
    assert!(err.contains("skipped releases/2026-04-10-payments-bad-time.md: the first Deployment Timeline Start (line 26, column 28) `soon-ish` does not parse"), "{err}");
}

#[test]
fn bad_input_is_a_clear_error_with_exit_2() {
    let tmp = setup();
    for (args, says) in [
        (
            vec!["report", "releases", "--repo", "releases"],
            "not a git repository",
        ),
        (
            vec!["report", "releases", "--since", "March"],
            "`March` is not a date",
        ),
        (
            vec!["report", "releases", "--tag-pattern", "release"],
            "must hold `{version}` exactly once",
        ),
        (
            vec![
                "report",
                "releases",
                "--since",
                "2026-04-01",
                "--until",
                "2026-03-01",
            ],
            "is before --since",
        ),
        (vec!["report", "nowhere"], "no such file or directory"),
    ] {
        let out = run(tmp.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
    std::fs::write(
        tmp.path().join("release-lint.toml"),
        "[report]\ntag-patterns = [\"{name}-{version}\"]\n",
    )
    .unwrap();
    let out = run(tmp.path(), &["report", "releases"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("release-lint.toml:2:17") && err.contains("`{name}-{version}`"),
        "{err}"
    );
}

#[test]
fn config_names_the_repositories_and_patterns() {
    let tmp = setup();
    std::fs::write(
        tmp.path().join("release-lint.toml"),
        "[report]\nrepos = [\"repos/payments\"]\ntag-patterns = [\"{component}@{version}\"]\n",
    )
    .unwrap();
    let v = json(&run(
        tmp.path(),
        &["report", "releases", "--format", "json"],
    ));
    // Only the Payments commits: 120, 60, 60, 60, 30.
    assert_eq!(v["metrics"]["lead_time_minutes"], 60.0);
    assert_eq!(v["metrics"]["lead_time_commits"], 5);
    assert_eq!(v["metrics"]["lead_time_deployments"], 3);
}

#[test]
fn markdown_and_html() {
    let tmp = setup();
    let out = run(
        tmp.path(),
        &[
            "report", "releases", "--format", "markdown", "--by", "quarter",
        ],
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.contains("| Standard | Actual | Target | Judged | DORA band |"),
        "{md}"
    );
    assert!(
        md.contains("| Change Failure Rate | 40.0% | < 50% | ✅ met | low |"),
        "{md}"
    );
    assert!(md.contains("**2026-Q1** ❌"), "{md}");
    let mut args = vec![
        "report",
        "releases",
        "--format",
        "html",
        "-o",
        "report.html",
    ];
    args.extend(REPOS);
    let out = run(tmp.path(), &args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(tmp.path().join("report.html")).unwrap();
    for id in [
        "chart-deployments",
        "chart-change-failure-rate",
        "chart-mttr",
        "chart-lead-time",
    ] {
        assert!(html.contains(&format!("<figure id=\"{id}\"><svg")), "{id}");
    }
    // Self-contained: nothing to fetch.
    for fetch in ["src=\"http", "href=\"http", "<link", "<script", "url("] {
        assert!(!html.contains(fetch), "{fetch}");
    }
}

#[test]
fn an_unreadable_document_is_reported_and_not_counted() {
    let tmp = setup();
    std::fs::write(
        tmp.path().join("releases/broken.md"),
        [0xff, 0xfe, 0x00, 0xd8, 0x41],
    )
    .unwrap();
    let out = run(tmp.path(), &["report", "releases", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(json(&out)["deployments"], 5);
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: releases/broken.md"));
}
