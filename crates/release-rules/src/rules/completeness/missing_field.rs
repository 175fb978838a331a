//! RL105: a `**Label**: value` field of the template missing from a due section.

use release_doc::{LabeledField, Section};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::markdown;
use crate::outline::{self, normalize};

declare_rule! {
    /// ## What it does
    /// Reports every `**Label**: value` field of the template (the seven Overview fields,
    /// the Rollback Strategy, and any a team template adds) that is missing from its
    /// section once the section is due. A field written without a value
    /// (`**Business Owner**:`) is present but empty: `unfilled-placeholder` reports it.
    /// A missing or empty section is reported by `missing-section` or `empty-section`
    /// instead.
    ///
    /// ## Why it matters
    /// These fields are the release's identity card: without the Release Type the
    /// version cannot be checked, without the Business Owner nobody signs off on the
    /// business risk.
    ///
    /// ## Example
    /// ```markdown
    /// ## Overview
    ///
    /// **Release**: Payments API (2.4.0)
    ///
    /// **Component**: Payments API
    /// ```
    ///
    /// ## How to fix
    /// Add the field as in the template, with its value: `**Release Type**: Minor`.
    pub(crate) struct MissingField {
        code: "RL105",
        name: "missing-field",
        family: Completeness,
        severity: Error,
        since: Planned,
        summary: "A field of the template is missing from a due section",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let entries = ctx.outline();
    let doc = ctx.model();
    let mut seen: Vec<(String, String)> = Vec::new();
    // The document's labels, normalised once, when first needed.
    let mut doc_labels: Option<Vec<String>> = None;
    for wanted in &ctx.schema.template().fields {
        let Some(entry) = entries.iter().find(|e| same_section(e.section, wanted)) else {
            continue;
        };
        if entry.guidance || !ctx.is_due(entry.due) {
            continue;
        }
        let key = (normalize(&wanted.section_title), normalize(&wanted.label));
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let Some(section) = outline::find_in_doc(doc, entry.section) else {
            continue; // missing-section
        };
        let body = ctx.own_body(section);
        if !markdown::has_content(body.text(ctx.source())) {
            continue; // empty-section
        }
        let Some((_, label)) = seen.last() else {
            continue;
        };
        let labels = doc_labels.get_or_insert_with(|| {
            doc.fields
                .iter()
                .map(|f| normalize(&f.label))
                .collect::<Vec<_>>()
        });
        if doc
            .fields
            .iter()
            .zip(labels.iter())
            .any(|(f, l)| l == label && same_section(section, f))
        {
            continue;
        }
        out.push(report(ctx, section, wanted));
    }
}

/// Whether a field is in the given section: a known one by id, any other by title.
fn same_section(section: &Section, field: &LabeledField) -> bool {
    match section.id {
        Some(id) => field.section == Some(id),
        None => {
            field.section.is_none() && normalize(&field.section_title) == normalize(&section.title)
        }
    }
}

fn report(ctx: &Context<'_>, section: &Section, wanted: &LabeledField) -> Diagnostic {
    let source = ctx.source();
    let heading = outline::heading(section);
    let options = if wanted.options.is_empty() {
        String::new()
    } else {
        format!(" (one of {})", wanted.options.join(", "))
    };
    // A label written without a value is read as the label of what follows it.
    let body = ctx.own_body(section);
    let lower = body.text(source).to_lowercase();
    let label = wanted.label.to_lowercase();
    let bare = [format!("**{label}**:"), format!("**{label}:**")]
        .iter()
        .find_map(|pattern| lower.find(pattern.as_str()).map(|at| (at, pattern.len())))
        .filter(|_| lower.len() == body.text(source).len());
    match bare {
        Some((at, len)) => ctx.diagnostic(
            &MissingField::META,
            release_doc::Span::new(body.start + at, body.start + at + len),
            format!(
                "field `{}` in `{heading}` has no value; expected `**{}**: value`{options}",
                wanted.label, wanted.label
            ),
        ),
        None => ctx.diagnostic(
            &MissingField::META,
            section.span,
            format!(
                "field `{}` is missing from `{heading}`; expected a `**{}**: value` line as in the template{options}",
                wanted.label, wanted.label
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    const OVERVIEW: &str = "## Overview\n\n**Release**: Ledger Sync (1.8.0)\n\n**Component**: Ledger Sync\n\n**Release Type**: Minor\n\n**Target Environment**: Production\n\n**Scheduled Date**: 2026-12-09\n\n**Release Coordinator**: Aiko Tanaka\n\n**Business Owner**: Omar Haddad\n";

    #[test]
    fn missing_overview_field_is_reported_at_the_heading() {
        let doc = OVERVIEW.replace("**Release Type**: Minor\n\n", "");
        assert_eq!(check_rule("RL105", &doc, Some(Stage::Planned)), ["RL105:1"]);
        let found = diagnostics("RL105", &doc, Some(Stage::Planned));
        assert!(
            found[0].message.contains("`Release Type`"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("Major, Minor, Patch, Hotfix"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_label_without_value_is_an_empty_field_not_a_missing_one() {
        let doc = OVERVIEW.replace("**Business Owner**: Omar Haddad", "**Business Owner**:");
        assert!(check_rule("RL105", &doc, Some(Stage::Planned)).is_empty());
        assert_eq!(
            check_rule("RL101", &doc, Some(Stage::Planned)),
            ["RL101:15"]
        );
    }

    #[test]
    fn silent_when_complete_not_due_or_section_missing() {
        assert!(check_rule("RL105", OVERVIEW, Some(Stage::Planned)).is_empty());
        let doc = OVERVIEW.replace("**Component**: Ledger Sync\n\n", "");
        assert!(check_rule("RL105", &doc, Some(Stage::Draft)).is_empty());
        assert!(check_rule("RL105", "## Notes\n\ntext\n", Some(Stage::Closed)).is_empty());
        assert!(check_rule("RL105", "## Overview\n\n", Some(Stage::Closed)).is_empty());
    }

    #[test]
    fn an_unfilled_field_is_not_missing() {
        let doc = OVERVIEW.replace("Omar Haddad", "{{business_owner}}");
        assert!(check_rule("RL105", &doc, Some(Stage::Planned)).is_empty());
    }
}
