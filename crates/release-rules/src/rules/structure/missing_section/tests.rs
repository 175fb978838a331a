//! The tests of missing-section.

use std::sync::Arc;

use release_doc::values::Stage;

use crate::diagnostic::Severity;
use crate::document::Document;
use crate::schema::Schema;
use crate::settings::Settings;
use crate::test_support::diagnostics;

const TEMPLATE: &str = release_doc::DEFAULT_TEMPLATE;

/// The template without the lines `from..to` (1-based, inclusive).
fn without(from: usize, to: usize) -> String {
    TEMPLATE
        .lines()
        .enumerate()
        .filter(|(i, _)| *i + 1 < from || *i + 1 > to)
        .map(|(_, l)| format!("{l}\n"))
        .collect()
}

fn line_of(doc: &str, heading: &str) -> usize {
    doc.lines().position(|l| l == heading).map_or(0, |i| i + 1)
}

#[test]
fn the_template_has_every_section() {
    assert!(diagnostics("RL003", TEMPLATE, Some(Stage::Closed)).is_empty());
}

#[test]
fn due_section_is_an_error_and_points_at_the_next_section() {
    let start = line_of(TEMPLATE, "### Risk Assessment");
    let end = line_of(TEMPLATE, "### Rollback Plan") - 1;
    let doc = without(start, end);
    let found = diagnostics("RL003", &doc, Some(Stage::Planned));
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!(d.severity, Severity::Error);
    let parsed = Document::parse(doc.as_str());
    assert_eq!(
        parsed.line_col(d.span.start).line,
        line_of(&doc, "### Rollback Plan")
    );
    assert!(d.message.contains("`### Risk Assessment`"), "{}", d.message);
    assert_eq!(d.labels.len(), 1);
}

#[test]
fn not_yet_due_is_a_warning_and_a_missing_group_is_reported_once() {
    let start = line_of(TEMPLATE, "## Retrospective & Improvements");
    let end = line_of(TEMPLATE, "## Communication Log") - 1;
    let doc = without(start, end);
    let found = diagnostics("RL003", &doc, Some(Stage::Deployed));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(
        found[0].message.contains("`What Went Well`"),
        "{}",
        found[0].message
    );
    let found = diagnostics("RL003", &doc, Some(Stage::Closed));
    assert_eq!(found[0].severity, Severity::Error);
}

#[test]
fn guidance_is_optional_and_the_end_of_the_document_is_a_place() {
    let start = line_of(TEMPLATE, "## Related Documentation");
    let doc = without(start, usize::MAX);
    let found = diagnostics("RL003", &doc, Some(Stage::Planned));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("at the end of the document"));
}

#[test]
fn a_team_template_section_becomes_required() {
    let template = format!("{TEMPLATE}\n## Data Migration Plan\n\n- {{{{step}}}}\n");
    let settings = |stage| Settings {
        stage: Some(stage),
        select: vec!["RL003".into()],
        schema: Some(Arc::new(Schema::from_template(&template))),
        ..Settings::default()
    };
    let doc = Document::parse(TEMPLATE);
    let found = crate::check(&doc, &settings(Stage::Planned));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("Data Migration Plan"));
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(
        crate::check(&doc, &settings(Stage::Draft))[0].severity,
        Severity::Warning
    );
    assert!(crate::check(
        &Document::parse(template.as_str()),
        &settings(Stage::Closed)
    )
    .is_empty());
}

/// The template with two sections renamed the way teams rename them, and a timeline
/// whose Duration disagrees with its times.
fn renamed() -> String {
    TEMPLATE
        .replace("### Rollback Plan", "### Rollback")
        .replace("### Deployment Timeline", "### Timeline (all times CEST)")
        .replace(
            "| Database migration | {{db_start}} | {{db_end}} | {{db_duration}} |",
            "| Database migration | 14:00 | 14:10 | 45m |",
        )
}

#[test]
fn a_renamed_section_is_an_info_that_names_the_heading() {
    let doc = renamed();
    let found = diagnostics("RL003", &doc, Some(Stage::Closed));
    let lines: Vec<usize> = found
        .iter()
        .map(|d| Document::parse(doc.as_str()).line_col(d.span.start).line)
        .collect();
    assert_eq!(
        lines,
        [
            line_of(&doc, "### Rollback"),
            line_of(&doc, "### Timeline (all times CEST)")
        ]
    );
    assert!(found.iter().all(|d| d.severity == Severity::Info));
    assert!(
        found[0].message.contains("did you mean `### Rollback`?"),
        "{}",
        found[0].message
    );
    assert!(
        found[1].message.contains("matched by its table"),
        "{}",
        found[1].message
    );
}

#[test]
fn a_renamed_section_gets_its_rules_and_an_alias_silences_the_rename() {
    let doc = renamed();
    let mut settings = Settings {
        stage: Some(Stage::Closed),
        select: vec!["RL003".into(), "RL403".into()],
        ..Settings::default()
    };
    let codes = |settings: &Settings| {
        let parsed = Document::parse_for(doc.as_str(), settings);
        crate::check(&parsed, settings)
            .iter()
            .map(|d| d.code)
            .collect::<Vec<_>>()
    };
    // The timeline under its new heading is checked: RL403 finds the bad Duration.
    assert_eq!(codes(&settings), ["RL003", "RL003", "RL403"]);
    settings.section_aliases = vec![
        ("Rollback".into(), release_doc::SectionId::RollbackPlan),
        (
            "timeline (all times cest)".into(),
            release_doc::SectionId::DeploymentTimeline,
        ),
    ];
    assert_eq!(codes(&settings), ["RL403"]);
}
