//! `check --write-baseline` and `check --baseline`: known findings are hidden and
//! counted, survive lines moving, new ones fail the run, fixed ones drop out when the
//! baseline is written again; history findings (RL7xx) are baselined like the others.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

const DOC: &str = "---\nphase: deployment\nstage: ready\n---\n\n## Overview\n\n**Release**: Ledger Sync (v1.8.1)\n\n\
## Pre-Deployment Planning\n\n### Deployment Prerequisites\n\n**Code & Testing**:\n\n\
- [x] All automated tests passing\n- [ ] Code review completed and approved\n- [ ] Security scan completed\n";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args([
            "check",
            "--no-config",
            "--select",
            "RL201,RL7",
            "--format",
            "concise",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("release-lint runs")
}

fn text(output: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn known_findings_are_hidden_new_ones_fail_and_fixed_ones_drop_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("release.md"), DOC).unwrap();

    // Today's two findings are recorded; the run that records them passes.
    let written = run(
        dir.path(),
        &["--write-baseline", "baseline.json", "release.md"],
    );
    let (out, err) = text(&written);
    assert_eq!(written.status.code(), Some(0), "{out}{err}");
    assert_eq!(out.matches("error[RL201]").count(), 2, "{out}");
    assert!(
        err.contains("wrote 2 findings to the baseline baseline.json"),
        "{err}"
    );
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&baseline).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["findings"][0]["path"], "release.md");
    assert_eq!(json["findings"][0]["code"], "RL201");
    assert!(
        !baseline.contains("\"line\""),
        "no line numbers: {baseline}"
    );

    // With the baseline, nothing is reported and the run passes.
    let known = run(dir.path(), &["--baseline", "baseline.json", "release.md"]);
    let (out, _) = text(&known);
    assert_eq!(known.status.code(), Some(0), "{out}");
    assert_eq!(
        out,
        "no findings in 1 release document (2 known findings hidden by the baseline)\n"
    );

    // Lines move (a paragraph above, the items re-indented): still known.
    let moved = DOC
        .replace(
            "## Pre-Deployment Planning\n",
            "## Pre-Deployment Planning\n\nPlanned with the ledger team.\n\nSecond paragraph.\n",
        )
        .replace("- [ ] Code review", "-  [ ] Code review");
    std::fs::write(dir.path().join("release.md"), &moved).unwrap();
    let after_move = run(dir.path(), &["--baseline", "baseline.json", "release.md"]);
    let (out, _) = text(&after_move);
    assert_eq!(after_move.status.code(), Some(0), "{out}");
    assert!(out.contains("2 known findings hidden"), "{out}");

    // A new finding is reported, and fails the run; the known ones stay hidden.
    let grown = format!("{moved}- [ ] Load test results reviewed\n");
    std::fs::write(dir.path().join("release.md"), &grown).unwrap();
    let new = run(dir.path(), &["--baseline", "baseline.json", "release.md"]);
    let (out, _) = text(&new);
    assert_eq!(new.status.code(), Some(1), "{out}");
    assert_eq!(out.matches("error[RL201]").count(), 1, "{out}");
    assert!(out.contains("Load test results reviewed"), "{out}");
    assert!(
        out.contains("(2 known findings hidden by the baseline)"),
        "{out}"
    );

    // One known finding is fixed: written again, the baseline drops it.
    let fixed = grown.replace("- [ ] Security scan", "- [x] Security scan");
    std::fs::write(dir.path().join("release.md"), &fixed).unwrap();
    let rewritten = run(
        dir.path(),
        &["--write-baseline", "baseline.json", "release.md"],
    );
    assert_eq!(rewritten.status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(2));
    // Re-adding the item it fixed makes it new again.
    std::fs::write(dir.path().join("release.md"), &grown).unwrap();
    let again = run(dir.path(), &["--baseline", "baseline.json", "release.md"]);
    let (out, _) = text(&again);
    assert_eq!(again.status.code(), Some(1), "{out}");
    assert!(out.contains("Security scan completed"), "{out}");
}

#[test]
fn history_findings_are_baselined_too() {
    let dir = tempfile::tempdir().unwrap();
    let doc = |name: &str| {
        format!("---\ncomponent: Ledger\nphase: deployment\nstage: planned\n---\n# {name}\n\n## Overview\n\n**Release**: {name} (v1.8.1)\n")
    };
    std::fs::write(dir.path().join("a.md"), doc("Sync")).unwrap();
    std::fs::write(dir.path().join("b.md"), doc("Import")).unwrap();
    let written = run(
        dir.path(),
        &["--write-baseline", "baseline.json", "a.md", "b.md"],
    );
    let (out, _) = text(&written);
    assert_eq!(out.matches("error[RL701]").count(), 2, "{out}");
    let known = run(dir.path(), &["--baseline", "baseline.json", "a.md", "b.md"]);
    let (out, _) = text(&known);
    assert_eq!(known.status.code(), Some(0), "{out}");
    assert!(
        out.contains("(2 known findings hidden by the baseline)"),
        "{out}"
    );
}

#[test]
fn a_baseline_that_is_not_one_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("release.md"), DOC).unwrap();
    std::fs::write(dir.path().join("baseline.json"), "{\"findings\": 3}").unwrap();
    let bad = run(dir.path(), &["--baseline", "baseline.json", "release.md"]);
    let (out, err) = text(&bad);
    assert_eq!(bad.status.code(), Some(2), "{out}{err}");
    assert!(
        err.contains(
            "baseline.json: not a baseline; expected the JSON that `check --write-baseline` writes"
        ),
        "{err}"
    );
    let missing = run(dir.path(), &["--baseline", "nope.json", "release.md"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing)
            .1
            .contains("nope.json: cannot read the baseline"),
        "{}",
        text(&missing).1
    );
}
