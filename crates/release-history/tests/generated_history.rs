//! The figures of a generated history come out exactly.

mod support;

use jiff::civil::date;
use release_history::facts;
use release_history::lead_time::Repositories;
use release_history::standards::Verdict;
use release_history::tags::{TagPattern, DEFAULT_PATTERNS};
use release_history::{History, Options, PeriodKind, Report};
use release_rules::settings::StandardTargets;
use release_rules::{Document, Schema, Settings};

fn history() -> History {
    let mut history = History::new();
    for release in support::RELEASES {
        let doc = Document::parse(support::document(release));
        history.add(facts::read(&doc, &Settings::default(), release.file));
    }
    history
}

fn patterns() -> Vec<TagPattern> {
    DEFAULT_PATTERNS
        .iter()
        .map(|p| TagPattern::new(p).unwrap())
        .collect()
}

fn report(options: &Options, repos: &Repositories) -> Report {
    history()
        .report(
            options,
            repos,
            &StandardTargets::default(),
            Schema::default_template().template(),
        )
        .unwrap()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

#[test]
fn figures_of_the_generated_history() {
    let tmp = tempfile::tempdir().unwrap();
    let repos = Repositories::open(&support::write_repos(tmp.path()), patterns()).unwrap();
    let r = report(&Options::default(), &repos);

    assert_eq!(r.deployments, 5);
    assert_eq!(r.skipped, 3);
    let skipped: Vec<(&str, &str)> = r
        .skipped_documents
        .iter()
        .map(|s| (s.path.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(skipped.len(), 3);
    assert!(
        skipped[0].0 == "2026-04-02-ledger-staging.md"
            && skipped[0].1.contains("`Staging`, not Production"),
        "{skipped:?}"
    );
    assert!(
        skipped[1].0 == "2026-04-10-payments-bad-time.md"
            && skipped[1].1.contains("`soon-ish` does not parse"),
        "{skipped:?}"
    );
    assert!(
        skipped[2].0 == "2026-05-01-payments-planned.md"
            && skipped[2].1.contains("not deployed: stage planned"),
        "{skipped:?}"
    );

    let w = r.window.unwrap();
    assert_eq!(
        (w.since, w.until, w.days),
        (date(2026, 3, 2), date(2026, 4, 3), 33)
    );
    let m = &r.metrics;
    assert_eq!((m.deployments, m.successes, m.failures), (5, 3, 2));
    assert!(close(m.deployment_frequency_per_day, 5.0 / 33.0));
    assert!(close(m.deployment_frequency_per_week, 35.0 / 33.0));
    assert!(close(m.change_failure_rate, 0.4));
    assert!(close(m.deployment_success_rate, 0.6));
    // (30 + 10 + 20) / 3; the High issue does not count.
    assert!(close(m.mttr_minutes, 20.0));
    assert_eq!(m.critical_incidents, 3);
    // 30, 60, 60, 60, 120, 120, 120: c6 is after the last tag, c1–c2 reach no earlier tag.
    assert!(close(m.lead_time_minutes, 60.0));
    assert_eq!((m.lead_time_commits, m.lead_time_deployments), (7, 5));
    assert_eq!(
        r.lead_time_samples,
        vec![30.0, 60.0, 60.0, 60.0, 120.0, 120.0, 120.0]
    );

    // Targets from the newest document's Quality Standards (the Ledger 2.0.1 one).
    let judged: Vec<(&str, Option<&str>, Verdict)> = r
        .standards
        .iter()
        .map(|j| (j.name, j.target.as_deref(), j.status))
        .collect();
    assert_eq!(
        judged,
        vec![
            ("Deployment Success Rate", Some("> 50%"), Verdict::Met),
            ("Mean Time to Recovery", Some("< 15 min"), Verdict::NotMet),
            ("Change Failure Rate", Some("< 50%"), Verdict::Met),
            ("Deployment Frequency", Some("Weekly"), Verdict::Met),
            ("Lead Time for Changes", Some("< 2 h"), Verdict::Met),
        ]
    );
    assert!(r.fails_standards());

    let components: Vec<(&str, usize, usize)> = r
        .components
        .iter()
        .map(|c| {
            (
                c.component.as_str(),
                c.metrics.deployments,
                c.metrics.failures,
            )
        })
        .collect();
    assert_eq!(components, vec![("Ledger", 2, 1), ("Payments API", 3, 1)]);
    let ledger = &r.components[0].metrics;
    assert!(close(ledger.lead_time_minutes, 120.0));
    assert!(close(ledger.mttr_minutes, 20.0));
    let payments = &r.components[1].metrics;
    assert!(close(payments.lead_time_minutes, 60.0));
    assert!(close(payments.mttr_minutes, 20.0));

    let periods: Vec<(&str, i64, usize, usize)> = r
        .periods
        .iter()
        .map(|p| {
            (
                p.period.as_str(),
                p.metrics.days,
                p.metrics.deployments,
                p.metrics.failures,
            )
        })
        .collect();
    assert_eq!(periods, vec![("2026-03", 30, 3, 1), ("2026-04", 3, 2, 1)]);
    assert!(close(
        r.periods[0].metrics.deployment_frequency_per_day,
        0.1
    ));
    // April: success 50 % misses `> 50%`, MTTR 20 min `< 15 min`, CFR 50 % `< 50%`, and
    // its commits' median of 120 minutes `< 2 h`; March misses MTTR and, at 3 in 30
    // days, `Weekly`.
    assert_eq!(
        r.periods[1].not_met,
        vec![
            "Deployment Success Rate",
            "Mean Time to Recovery",
            "Change Failure Rate",
            "Lead Time for Changes"
        ]
    );
    assert_eq!(
        r.periods[0].not_met,
        vec!["Mean Time to Recovery", "Deployment Frequency"]
    );
}

#[test]
fn since_until_and_weeks() {
    let repos = Repositories::open(&[], patterns()).unwrap();
    let options = Options {
        by: PeriodKind::Week,
        since: Some(date(2026, 3, 5)),
        until: Some(date(2026, 3, 31)),
    };
    let r = report(&options, &repos);
    assert_eq!((r.deployments, r.outside_window), (2, 3));
    assert_eq!(r.window.unwrap().days, 27);
    assert!(close(r.metrics.deployment_frequency_per_day, 2.0 / 27.0));
    let weeks: Vec<&str> = r.periods.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(weeks, vec!["2026-W11", "2026-W12"]);
    // Without a repository the lead time is not measured, and says why.
    assert_eq!(r.metrics.lead_time_minutes, None);
    let lead = r
        .standards
        .iter()
        .find(|j| j.figure == "lead_time_minutes")
        .unwrap();
    assert_eq!(lead.status, Verdict::NotMeasured);
    assert!(lead
        .reason
        .as_deref()
        .unwrap()
        .contains("no git repository"));
}

#[test]
fn a_folder_that_is_not_a_repository_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let err = Repositories::open(&[tmp.path().to_path_buf()], patterns())
        .err()
        .unwrap();
    assert!(err.to_string().contains("not a git repository"), "{err}");
}
