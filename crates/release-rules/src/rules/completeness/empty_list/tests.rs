//! The tests of empty-list.

use release_doc::values::Stage;

use crate::test_support::check_rule;

const RISKS: &str = "## Pre-Deployment Planning\n\n### Risk Assessment\n\n| Risk | Probability | Impact | Mitigation | Owner |\n|------|------|------|------|------|\n";

#[test]
fn table_without_rows_is_reported_at_its_header() {
    assert_eq!(
        check_rule("RL103", RISKS, Some(Stage::Planned)),
        ["RL103:5"]
    );
    assert!(check_rule("RL103", RISKS, Some(Stage::Draft)).is_empty());
}

#[test]
fn none_row_and_real_rows_fill_a_table() {
    let doc = format!("{RISKS}| None | — | — | — | — |\n");
    assert!(check_rule("RL103", &doc, Some(Stage::Planned)).is_empty());
    let doc = format!("{RISKS}| Lag | Low | High | Alerts | Ana |\n");
    assert!(check_rule("RL103", &doc, Some(Stage::Planned)).is_empty());
}

#[test]
fn section_with_text_but_no_list_is_reported() {
    let doc = "## Release Notes\n\n### Breaking Changes\n\nNothing breaks.\n\n### Known Issues\n\n- None\n\n### Bug Fixes\n";
    assert_eq!(check_rule("RL103", doc, Some(Stage::Ready)), ["RL103:3"]);
    assert!(check_rule("RL103", doc, Some(Stage::Planned)).is_empty());
}

#[test]
fn an_unfilled_list_or_row_is_not_empty() {
    let doc =
        format!("{RISKS}| {{{{risk_1}}}} | {{{{p}}}} | {{{{i}}}} | {{{{m}}}} | {{{{o}}}} |\n");
    assert!(check_rule("RL103", &doc, Some(Stage::Planned)).is_empty());
    let doc = "## Release Notes\n\n### New Features\n\n- {{feature_1}}\n";
    assert!(check_rule("RL103", doc, Some(Stage::Ready)).is_empty());
}
