//! A generated release history with known outcomes, incident durations and tagged
//! commits, shared by the library's and the CLI's tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// One generated release document.
pub struct Release {
    pub file: &'static str,
    pub component: &'static str,
    pub version: &'static str,
    pub environment: &'static str,
    pub stage: &'static str,
    pub outcome: &'static str,
    pub scheduled: &'static str,
    /// The first timeline row's Start, if the document has a timeline.
    pub start: Option<&'static str>,
    /// Issues Encountered rows: (severity, duration).
    pub issues: &'static [(&'static str, &'static str)],
    /// The Quality Standards bullets, if any.
    pub standards: &'static [(&'static str, &'static str)],
}

/// The history: five production deployments (two failed), three documents that do not
/// count.
pub const RELEASES: &[Release] = &[
    Release {
        file: "2026-03-02-payments.md",
        component: "Payments API",
        version: "1.0.0",
        environment: "Production",
        stage: "deployed",
        outcome: "success",
        scheduled: "2026-03-02",
        start: Some("10:00 UTC"),
        issues: &[],
        standards: &[],
    },
    Release {
        file: "2026-03-09-payments.md",
        component: "Payments API",
        version: "1.1.0",
        environment: "Production",
        stage: "deployed",
        outcome: "rolled-back",
        scheduled: "2026-03-09",
        // 13:00 UTC.
        start: Some("14:00 +01:00"),
        issues: &[("SEV1", "30m")],
        standards: &[],
    },
    Release {
        file: "2026-03-20-payments.md",
        component: "Payments API",
        version: "1.2.0",
        environment: "Production",
        stage: "closed",
        outcome: "success",
        scheduled: "2026-03-20",
        // No timeline: the Scheduled Date at 00:00 UTC.
        start: None,
        issues: &[("Critical", "10m"), ("High", "99m")],
        standards: &[],
    },
    Release {
        file: "2026-04-01-ledger.md",
        component: "Ledger",
        version: "2.0.0",
        environment: "Production",
        stage: "deployed",
        outcome: "success",
        scheduled: "2026-04-01",
        start: Some("09:00"),
        issues: &[],
        standards: &[],
    },
    Release {
        file: "2026-04-03-ledger.md",
        component: "Ledger",
        version: "2.0.1",
        environment: "Production",
        stage: "deployed",
        outcome: "failed",
        scheduled: "2026-04-03",
        start: Some("08:00 UTC"),
        issues: &[("Sev 1", "20m")],
        standards: &[
            ("Deployment Success Rate", ">50% successful deployments"),
            ("Mean Time to Recovery", "<15 minutes for critical issues"),
            (
                "Change Failure Rate",
                "<50% of deployments require rollback",
            ),
            ("Deployment Frequency", "Weekly"),
            (
                "Lead Time for Changes",
                "<2 hours from commit to production",
            ),
        ],
    },
    Release {
        file: "2026-04-02-ledger-staging.md",
        component: "Ledger",
        version: "2.0.1",
        environment: "Staging",
        stage: "deployed",
        outcome: "success",
        scheduled: "2026-04-02",
        start: Some("09:00 UTC"),
        issues: &[],
        standards: &[],
    },
    Release {
        file: "2026-05-01-payments-planned.md",
        component: "Payments API",
        version: "1.3.0",
        environment: "Production",
        stage: "planned",
        outcome: "success",
        scheduled: "2026-05-01",
        start: None,
        issues: &[],
        standards: &[],
    },
    Release {
        file: "2026-04-10-payments-bad-time.md",
        component: "Payments API",
        version: "1.2.1",
        environment: "Production",
        stage: "deployed",
        outcome: "success",
        scheduled: "2026-04-10",
        start: Some("soon-ish"),
        issues: &[],
        standards: &[],
    },
];

/// The text of a release document.
pub fn document(r: &Release) -> String {
    let mut text = format!(
        "---\ncomponent: \"{c}\"\nphase: deployment\nstage: {stage}\noutcome: {outcome}\n---\n\n\
         # Deployment & Release Process\n\n## Overview\n\n**Release**: {c} (v{v})\n\n\
         **Component**: {c}\n\n**Target Environment**: {env}\n\n**Scheduled Date**: {date}\n\n",
        c = r.component,
        stage = r.stage,
        outcome = r.outcome,
        v = r.version,
        env = r.environment,
        date = r.scheduled,
    );
    text.push_str("## Deployment Execution\n\n### Deployment Timeline\n\n");
    if let Some(start) = r.start {
        text.push_str("| Phase | Start Time | End Time | Duration | Status | Notes |\n|---|---|---|---|---|---|\n");
        text.push_str(&format!(
            "| Application deployment | {start} | {start} | 0m | ✅ Completed | |\n"
        ));
    }
    text.push_str("\n## Incident Response\n\n### Issues Encountered\n\n");
    text.push_str(
        "| Time | Issue | Severity | Impact | Resolution | Duration |\n|---|---|---|---|---|---|\n",
    );
    if r.issues.is_empty() {
        text.push_str("| None | None | None | None | None | None |\n");
    }
    for (severity, duration) in r.issues {
        text.push_str(&format!(
            "| 10:05 | Error spike | {severity} | Checkout slow | Fixed forward | {duration} |\n"
        ));
    }
    if !r.standards.is_empty() {
        text.push_str("\n## Deployment Guidelines\n\n### Quality Standards\n\n");
        for (label, target) in r.standards {
            text.push_str(&format!("- **{label}**: {target}\n"));
        }
    }
    text
}

/// Write every document into `dir`.
pub fn write_documents(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for r in RELEASES {
        std::fs::write(dir.join(r.file), document(r)).unwrap();
    }
}

/// A repository's history: commits (message, commit time) with a tag after some.
pub struct Repo {
    pub name: &'static str,
    pub commits: &'static [(&'static str, &'static str, Option<&'static str>)],
}

/// Payments: `payments-api@X` tags; Ledger: `vX` tags.
pub const REPOS: &[Repo] = &[
    Repo {
        name: "payments",
        commits: &[
            // Deployed 2026-03-02 10:00 UTC: 120 and 60 minutes.
            ("c1", "2026-03-02T08:00:00Z", None),
            ("c2", "2026-03-02T09:00:00Z", Some("payments-api@1.0.0")),
            // Deployed 2026-03-09 13:00 UTC: 60 minutes.
            ("c3", "2026-03-09T12:00:00Z", Some("payments-api@1.1.0")),
            // Deployed 2026-03-20 00:00 UTC: 60 and 30 minutes.
            ("c4", "2026-03-19T23:00:00Z", None),
            ("c5", "2026-03-19T23:30:00Z", Some("payments-api@1.2.0")),
            // Not released.
            ("c6", "2026-03-25T10:00:00Z", None),
        ],
    },
    Repo {
        name: "ledger",
        commits: &[
            // Deployed 2026-04-01 09:00 UTC: 120 minutes.
            ("l1", "2026-04-01T07:00:00Z", Some("v2.0.0")),
            // Deployed 2026-04-03 08:00 UTC: 120 minutes.
            ("l2", "2026-04-03T06:00:00Z", Some("v2.0.1")),
        ],
    },
];

fn git(dir: &Path, args: &[&str], date: Option<&str>) {
    let mut cmd = Command::new("git");
    cmd.current_dir(dir)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir);
    if let Some(date) = date {
        cmd.env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
    }
    let out = cmd.output().expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Create the repositories under `dir`; returns their paths in [`REPOS`] order.
/// (The `git` binary only sets them up; release-lint reads them with gix.)
pub fn write_repos(dir: &Path) -> Vec<PathBuf> {
    REPOS
        .iter()
        .map(|repo| {
            let path = dir.join(repo.name);
            std::fs::create_dir_all(&path).unwrap();
            git(&path, &["init", "-q", "-b", "main"], None);
            for (message, date, tag) in repo.commits {
                std::fs::write(path.join("file.txt"), message).unwrap();
                git(&path, &["add", "file.txt"], None);
                git(&path, &["commit", "-q", "-m", message], Some(date));
                if let Some(tag) = tag {
                    // Annotated, as release tags usually are.
                    git(&path, &["tag", "-a", "-m", tag, tag], Some(date));
                }
            }
            path
        })
        .collect()
}
