//! The tests of business-change-mismatch.

use release_doc::values::Stage;

use crate::test_support::{check_rule, diagnostics};

fn doc(rows: &str) -> String {
    format!(
        "---\nphase: deployment\nstage: closed\n---\n## Post-Release Activities\n### Metrics & Analytics\n\n**Business Impact Metrics**:\n\n| Metric | Baseline | Post-Release | Change |\n|---|---|---|---|\n{rows}"
    )
}

#[test]
fn consistent_changes_pass() {
    let source = doc("| User Engagement | 4,120 | 4,236 | +116 |\n| Conversion Rate | 71.8% | 72.4% | +0.6% |\n| Conversion (rel) | 71.8% | 72.4% | +0.8% |\n| Points | 71.8% | 72.4% | +0.6pp |\n| Support Tickets | 86 | 74 | -12 |\n| Sessions | 4,120 | 4,236 | +2.8% |\n| Latency | 1.2s | 0.9s | -300ms |\n| Load time | 1.20s | 0.95s | -0.25 |\n| Flat | 50 | 50 | 0 |\n| Rounded | 3.14 | 3.76 | +0.6 |\n");
    assert_eq!(check_rule("RL409", &source, None), Vec::<String>::new());
}

#[test]
fn mismatches_are_reported_on_the_change_cell() {
    let source = doc("| Support Tickets | 86 | 74 | +12 |\n| Sessions | 4,120 | 4,236 | +116% |\n| Conversion Rate | 71.8% | 72.4% | +2% |\n| Latency | 1.2s | 0.9s | -0.2s |\n");
    assert_eq!(
        check_rule("RL409", &source, None),
        ["RL409:12", "RL409:13", "RL409:14", "RL409:15"]
    );
    let found = diagnostics("RL409", &source, None);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, [
        "change `+12` does not equal Post-Release `74` − Baseline `86`; expected `-12`",
        "change `+116%` is not the relative change from Baseline `4,120` to Post-Release `4,236`; expected `+2.8%`",
        "change `+2%` is neither the difference in points (`+0.6%`) nor the relative change (`+0.8%`) from Baseline `71.8%` to Post-Release `72.4%`",
        "change `-0.2s` does not equal Post-Release `0.9s` − Baseline `1.2s`; expected `-0.3s`",
    ]);
    assert_eq!(found[0].labels.len(), 2);
}

#[test]
fn notes_and_rates_are_read_as_values() {
    let source = doc("| DAU/MAU | 40.2% DAU/MAU | 41.0% DAU/MAU | +0.8% |\n| Sign-ups | 1,200 | 1,255 | +55 (one day) |\n| Tickets | 62/week | 55/week | -7/week |\n| Deploys | 2/day | 21/week | +1/day |\n");
    assert_eq!(check_rule("RL409", &source, None), Vec::<String>::new());
    let wrong = doc("| Sign-ups | 1,200 (May) | 1,255 (June) | +65 (one month) |\n| Tickets | 62/week | 55/week | -1/week |\n");
    let found = diagnostics("RL409", &wrong, None);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages, [
        "change `+65 (one month)` does not equal Post-Release `1,255 (June)` − Baseline `1,200 (May)`; expected `+55`",
        "change `-1/week` does not equal Post-Release `55/week` − Baseline `62/week`; expected `-7/week`",
    ]);
}

#[test]
fn the_fix_writes_the_change_at_the_precision_shown_keeping_unit_and_note() {
    let fixes = |rows: &str| {
        let source = doc(rows);
        let fixed = crate::fix::fixed_text(
            &source,
            &crate::Settings {
                select: vec!["RL409".to_owned()],
                ..crate::Settings::default()
            },
            &crate::fix::FixOptions::default(),
        );
        assert_eq!(
            fixed[..source.len() - rows.len()],
            source[..source.len() - rows.len()]
        );
        fixed[source.len() - rows.len()..].to_owned()
    };
    assert_eq!(
        fixes("| Tickets | 86 | 74 | +12 |\r\n| Sessions | 4,120 | 4,236 | +116% |\r\n"),
        "| Tickets | 86 | 74 | -12 |\r\n| Sessions | 4,120 | 4,236 | +2.8% |\r\n"
    );
    assert_eq!(
        fixes("| Conversion | 71.8% | 72.4% | +6% |\n| Latency | 1.2s | 0.9s | -0.2s |\n"),
        "| Conversion | 71.8% | 72.4% | +0.6% |\n| Latency | 1.2s | 0.9s | -0.3s |\n"
    );
    assert_eq!(
        fixes("| Sign-ups | 1,200 | 1,255 | +65 (one day) |\n| Tickets | 62/week | 55/week | +7/week |\n"),
        "| Sign-ups | 1,200 | 1,255 | +55 (one day) |\n| Tickets | 62/week | 55/week | -7/week |\n"
    );
    // An aligned column keeps its padding.
    assert_eq!(
        fixes("| Load | 1.20s | 0.95s | +0.25  |\n"),
        "| Load | 1.20s | 0.95s | -0.25  |\n"
    );
    let found = diagnostics("RL409", &doc("| Tickets | 86 | 74 | +12 |\n"), None);
    let fix = found[0].fix.as_ref().expect("RL409 proposes a fix");
    assert_eq!(fix.applicability, crate::Applicability::Safe);
    assert_eq!(fix.message, "write the change `-12`");
}

#[test]
fn silent_when_unfilled_incomparable() {
    let source = doc("| Engagement | {{baseline}} | 4,236 | +116 |\n| Tickets | 86 | 74 | {{change}} |\n| Mixed | 86 | 74% | -12 |\n| From zero | 0 | 12 | +5% |\n");
    assert!(check_rule("RL409", &source, None).is_empty());
    let wrong = doc("| Support Tickets | 86 | 74 | +12 |\n");
    assert!(
        !check_rule("RL409", &wrong, Some(Stage::Deployed)).is_empty(),
        "filled values are checked at every stage"
    );
}
