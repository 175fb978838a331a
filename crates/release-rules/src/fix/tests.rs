//! The fix loop: convergence, deferral of overlapping fixes, and the guard.

use release_doc::Span;

use super::*;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};

fn timeline(rows: &str) -> String {
    format!(
        "---\nphase: deployment\nstage: deployed\n---\n## Overview\n\n**Scheduled Date**: 2026-11-30\n\n## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|---|---|---|---|---|---|\n{rows}"
    )
}

fn only(code: &str) -> Settings {
    Settings {
        select: vec![code.to_owned()],
        ..Settings::default()
    }
}

#[test]
fn a_safe_fix_is_applied_and_a_second_run_changes_nothing() {
    let source = timeline("| Checks | 14:00 | 14:12 | 20m | ✅ | |\n");
    let fixed = fix(&source, &only("RL403"), &FixOptions::default());
    assert_eq!(
        fixed.source(),
        timeline("| Checks | 14:00 | 14:12 | 12m | ✅ | |\n")
    );
    assert_eq!(fixed.applied.len(), 1);
    assert_eq!(fixed.applied[0].code, "RL403");
    assert!(fixed.remaining.is_empty());
    assert!(fixed.problems.is_empty());
    let again = fix(fixed.source(), &only("RL403"), &FixOptions::default());
    assert_eq!(again.source(), fixed.source());
    assert!(again.applied.is_empty());
}

/// A test checker: the real check, plus one finding of a made-up rule whose fix is what
/// `broken` makes of the source.
fn with_broken_fix(
    broken: impl Fn(&str) -> Option<Edit>,
) -> impl Fn(&Document, &Settings) -> Vec<Diagnostic> {
    move |doc, settings| {
        let mut found = crate::check(doc, settings);
        if let Some(edit) = broken(doc.source()) {
            found.push(Diagnostic {
                code: "RL999",
                name: "broken-fix",
                severity: Severity::Warning,
                message: "a finding with a broken fix".to_owned(),
                span: edit.span,
                labels: Vec::new(),
                section: None,
                fix: Some(Fix {
                    message: "break it".to_owned(),
                    applicability: Applicability::Safe,
                    edits: vec![edit],
                }),
            });
        }
        found
    }
}

#[test]
fn a_round_that_adds_a_finding_is_reverted_and_blamed_on_its_rule() {
    let source = timeline("| Checks | 14:00 | 14:12 | 20m | ✅ | |\n");
    // Writes a second wrong Duration in the row below: a new RL403 finding.
    let check = with_broken_fix(|s| {
        s.find("| ✅ | |\n").map(|at| Edit {
            span: Span::new(at + "| ✅ | |\n".len(), at + "| ✅ | |\n".len()),
            replacement: "| Db | 15:00 | 15:10 | 1h | ✅ | |\n".to_owned(),
        })
    });
    let fixed = fix_with(
        Document::parse(source.clone()),
        &only("RL403"),
        &FixOptions::default(),
        &check,
    );
    // RL403's own fix still applies; the broken one is reverted and reported.
    assert_eq!(
        fixed.source(),
        timeline("| Checks | 14:00 | 14:12 | 12m | ✅ | |\n")
    );
    assert_eq!(
        fixed.applied.iter().map(|a| a.code).collect::<Vec<_>>(),
        ["RL403"]
    );
    assert_eq!(fixed.problems.len(), 1);
    let FixProblem::Reverted { code, reason } = &fixed.problems[0] else {
        panic!("not reverted: {:?}", fixed.problems);
    };
    assert_eq!(*code, "RL999");
    assert!(
        reason.starts_with("after it, RL403 reports 2 finding(s) where at most 1 should be left"),
        "{reason}"
    );
}

#[test]
fn a_round_that_breaks_the_parse_is_reverted() {
    let source = timeline("| Checks | 14:00 | 14:12 | 12m | ✅ | |\n");
    // Opens a second frontmatter key that is not YAML.
    let check = with_broken_fix(|s| {
        s.find("stage:").map(|at| Edit {
            span: Span::new(at, at),
            replacement: "{ not: yaml\n".to_owned(),
        })
    });
    let fixed = fix_with(
        Document::parse(source.clone()),
        &Settings::default(),
        &FixOptions::default(),
        &check,
    );
    assert_eq!(fixed.source(), source);
    assert!(
        matches!(
            &fixed.problems[..],
            [FixProblem::Reverted { code: "RL999", .. }]
        ),
        "{:?}",
        fixed.problems
    );
}

/// One finding per `x` of the last line, each fixed by rewriting the rest of the line
/// with that `x` made a `y`: the fixes overlap, so one applies per round.
fn one_x_per_round(doc: &Document, settings: &Settings) -> Vec<Diagnostic> {
    let mut found = crate::check(doc, settings);
    let source = doc.source();
    let line = source.trim_end().rfind('\n').map_or(0, |i| i + 1);
    let end = source.trim_end().len();
    for (i, _) in source[line..end].match_indices('x') {
        let at = line + i;
        found.push(Diagnostic {
            code: "RL999",
            name: "x-left",
            severity: Severity::Warning,
            message: "an x".to_owned(),
            span: Span::new(at, at + 1),
            labels: Vec::new(),
            section: None,
            fix: Some(Fix {
                message: "write y".to_owned(),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span: Span::new(at, end),
                    replacement: format!("y{}", &source[at + 1..end]),
                }],
            }),
        });
    }
    found
}

#[test]
fn overlapping_fixes_are_applied_one_round_after_the_other() {
    let source = timeline("") + "\nxxx\n";
    let fixed = fix_with(
        Document::parse(source.clone()),
        &Settings::default(),
        &FixOptions::default(),
        &one_x_per_round,
    );
    assert_eq!(fixed.source(), timeline("") + "\nyyy\n");
    assert_eq!(
        fixed.applied.iter().map(|a| a.round).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(fixed.problems.is_empty());
}

#[test]
fn fixes_left_after_the_last_round_are_reported_not_looped() {
    let source = timeline("") + "\nxxx\n";
    let options = FixOptions {
        max_rounds: 2,
        ..FixOptions::default()
    };
    let fixed = fix_with(
        Document::parse(source.clone()),
        &Settings::default(),
        &options,
        &one_x_per_round,
    );
    assert_eq!(fixed.source(), timeline("") + "\nyyx\n");
    assert_eq!(
        fixed.problems,
        [FixProblem::NotConverging {
            code: "RL999",
            rounds: 2
        }]
    );
    assert_eq!(
        fixed.remaining.iter().filter(|d| d.code == "RL999").count(),
        1
    );
}

#[test]
fn overlapping_fixes_wait_for_the_next_round() {
    let d = |start, end, text: &str| Diagnostic {
        code: "RL403",
        name: "n",
        severity: Severity::Warning,
        message: String::new(),
        span: Span::new(start, end),
        labels: Vec::new(),
        section: None,
        fix: Some(Fix {
            message: String::new(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(start, end),
                replacement: text.to_owned(),
            }],
        }),
    };
    let found = [d(0, 4, "a"), d(2, 6, "b"), d(6, 7, "c"), d(0, 4, "a")];
    let chosen = choose(&found, &FixOptions::default(), &[]);
    assert_eq!(
        chosen.iter().map(|c| c.span.start).collect::<Vec<_>>(),
        [0, 6]
    );
}

#[test]
fn unsafe_fixes_apply_only_when_asked() {
    let mut d = Diagnostic {
        code: "RL401",
        name: "n",
        severity: Severity::Warning,
        message: String::new(),
        span: Span::new(0, 1),
        labels: Vec::new(),
        section: None,
        fix: Some(Fix {
            message: String::new(),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span: Span::new(0, 1),
                replacement: "x".to_owned(),
            }],
        }),
    };
    assert!(choose(std::slice::from_ref(&d), &FixOptions::default(), &[]).is_empty());
    let unsafe_too = FixOptions {
        unsafe_fixes: true,
        ..FixOptions::default()
    };
    assert_eq!(choose(std::slice::from_ref(&d), &unsafe_too, &[]).len(), 1);
    d.fix = None;
    assert!(choose(&[d], &unsafe_too, &[]).is_empty());
}

/// A timeline document with a frontmatter `updated: "2026-11-25"`, and its Duration.
fn dated(duration: &str) -> String {
    timeline(&format!("| Checks | 14:00 | 14:12 | {duration} | ✅ | |\n")).replacen(
        "stage: deployed\n",
        "stage: deployed\nupdated: \"2026-11-25\"\n",
        1,
    )
}

fn on(day: jiff::civil::Date, unsafe_fixes: bool) -> FixOptions {
    FixOptions {
        unsafe_fixes,
        today: Some(day),
        ..FixOptions::default()
    }
}

#[test]
fn a_changed_document_gets_updated_set_to_the_day_of_the_run() {
    let today = jiff::civil::date(2026, 12, 3);
    let settings = Settings {
        select: vec!["RL403".to_owned(), "RL413".to_owned()],
        ..Settings::default()
    };
    let fixed = fix(&dated("20m"), &settings, &on(today, true));
    assert_eq!(
        fixed.source(),
        dated("12m").replace("\"2026-11-25\"", "\"2026-12-03\"")
    );
    let codes: Vec<(&str, usize)> = fixed.applied.iter().map(|a| (a.code, a.round)).collect();
    assert_eq!(codes, [("RL403", 1), ("RL413", 2)]);
    assert_eq!(fixed.applied[1].fix.applicability, Applicability::Unsafe);
    assert!(fixed.remaining.is_empty() && fixed.problems.is_empty());
    let again = fix(fixed.source(), &settings, &on(today, true));
    assert_eq!(
        again.source(),
        fixed.source(),
        "a second run changes nothing"
    );
    assert!(again.applied.is_empty());
}

#[test]
fn without_unsafe_fixes_the_date_is_an_available_fix() {
    let today = jiff::civil::date(2026, 12, 3);
    let settings = Settings {
        select: vec!["RL403".to_owned(), "RL413".to_owned()],
        ..Settings::default()
    };
    let fixed = fix(&dated("20m"), &settings, &on(today, false));
    assert_eq!(fixed.source(), dated("12m"), "`updated` is kept");
    assert_eq!(fixed.remaining.len(), 1);
    let left = &fixed.remaining[0];
    assert_eq!(left.code, "RL413");
    assert_eq!(left.span.text(fixed.source()), "2026-11-25");
    let fix = left.fix.as_ref().expect("an available fix");
    assert_eq!(fix.applicability, Applicability::Unsafe);
    assert_eq!(fix.edits[0].replacement, "2026-12-03");
}

#[test]
fn an_unchanged_document_or_no_day_keeps_its_updated() {
    let today = jiff::civil::date(2026, 12, 3);
    let settings = Settings::default();
    let clean = dated("12m");
    let fixed = fix(&clean, &only("RL403"), &on(today, true));
    assert_eq!(fixed.source(), clean, "nothing fixed, nothing dated");
    let fixed = fix(&clean, &settings, &on(today, true));
    assert!(fixed.applied.iter().all(|a| a.code != "RL413"));
    let undated = fix(
        &dated("20m"),
        &settings,
        &FixOptions {
            unsafe_fixes: true,
            ..FixOptions::default()
        },
    );
    assert!(undated.source().contains("updated: \"2026-11-25\""));
    let not_selected = fix(&dated("20m"), &only("RL403"), &on(today, true));
    assert!(not_selected.source().contains("updated: \"2026-11-25\""));
}
