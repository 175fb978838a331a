//! RL101: a `{{ placeholder }}` or placeholder-like text left in due content.

use release_doc::internal::placeholder;
use release_doc::Span;

use super::coverage::Coverage;
use super::sites::{self, Site};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::{markdown, outline};

declare_rule! {
    /// ## What it does
    /// Reports every template placeholder (`{{ release_version }}`, `{% … %}`) and every
    /// placeholder-like text (`TBD`, `TODO`, `???`, `YYYY-MM-DD`, `<owner name>`, plus the
    /// configured `placeholder-words`) left in content that is due at the document's
    /// stage, one finding per placeholder, saying where it is and what belongs there. An
    /// empty value, cell or item that is due is reported too, except a Deployment
    /// Timeline `Notes` cell: notes are optional commentary (a placeholder left in one is
    /// still reported). Content that is not yet due
    /// (the monitoring table's current values before `deployed`, the Post-Release
    /// Activities before `closed`, Rollback Validation unless the release was rolled
    /// back) may keep its placeholders. Placeholders in code are only the `{{ … }}` kind;
    /// placeholders inside HTML comments are ignored.
    ///
    /// ## Why it matters
    /// A placeholder is a question nobody answered: `Error rate > {{error_threshold}}%`
    /// means nobody decided when to roll back. Other rules read only filled values, so
    /// this is the one finding for each unfilled spot.
    ///
    /// ## Example
    /// ```markdown
    /// **Release**: Payments API ({{release_version}})
    /// ```
    ///
    /// ## How to fix
    /// Replace the placeholder with the real value (`Payments API (2.4.0)`). When there
    /// is nothing to say, write `None` or `N/A` (for a checklist item, `N/A: reason`).
    pub(crate) struct UnfilledPlaceholder {
        code: "RL101",
        name: "unfilled-placeholder",
        family: Completeness,
        severity: Error,
        since: Planned,
        summary: "A placeholder or placeholder-like text is left in due content",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let sites = sites::collect(ctx);
    for site in &sites {
        if ctx.is_due(site.due) {
            report_site(ctx, site, out);
        }
    }
    // Placeholders in due text that the model does not read (a paragraph, a nested list,
    // a table in an unexpected place).
    let source = ctx.source();
    let frontmatter = ctx.model().frontmatter.as_ref().map(|f| f.span);
    // Built at the first placeholder: many documents have none left.
    let mut covered: Option<(Coverage, Coverage)> = None;
    for range in placeholder::find_ranges(source) {
        let span = Span::new(range.start, range.end);
        let (read, comments) = covered.get_or_insert_with(|| {
            (
                Coverage::new(sites.iter().map(|s| s.span)),
                Coverage::new(markdown::comments(source)),
            )
        });
        if read.covers(span) || comments.covers(span) {
            continue;
        }
        let in_frontmatter =
            frontmatter.is_some_and(|f| f.start <= span.start && span.end <= f.end);
        if !in_frontmatter && !ctx.is_due(ctx.due_at(span.start)) {
            continue;
        }
        let place = if in_frontmatter {
            "the frontmatter".to_owned()
        } else {
            ctx.section_at(span.start).map_or_else(
                || "the document".to_owned(),
                |s| format!("`{}`", outline::heading(s)),
            )
        };
        out.push(ctx.diagnostic(
            &UnfilledPlaceholder::META,
            span,
            format!(
                "`{}` is still a placeholder in {place}; expected real content",
                span.text(source)
            ),
        ));
    }
}

/// One finding per placeholder in the site's text; else one for placeholder-like text;
/// else one when the text is empty.
fn report_site(ctx: &Context<'_>, site: &Site, out: &mut Vec<Diagnostic>) {
    let text = site.span.text(ctx.source());
    let meta = &UnfilledPlaceholder::META;
    let (place, expected) = (&site.place, &site.expected);
    let mut found = placeholder::find_ranges(text).peekable();
    if found.peek().is_some() {
        for range in found {
            let span = Span::new(site.span.start + range.start, site.span.start + range.end);
            let raw = span.text(ctx.source());
            out.push(ctx.diagnostic(
                meta,
                span,
                format!("`{raw}` is still a placeholder in {place}; expected {expected}"),
            ));
        }
        return;
    }
    let Some(marker) = ctx.unfilled_marker(text) else {
        return;
    };
    if marker.is_empty() {
        out.push(ctx.diagnostic(
            meta,
            site.span,
            format!("{place} is empty; expected {expected}"),
        ));
        return;
    }
    let span = text.find(marker.as_str()).map_or(site.span, |at| {
        Span::new(site.span.start + at, site.span.start + at + marker.len())
    });
    out.push(ctx.diagnostic(
        meta,
        span,
        format!("`{marker}` is placeholder text in {place}; expected {expected}"),
    ));
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::settings::Settings;
    use crate::test_support::{check_rule, diagnostics};

    const FM: &str = "---\nphase: deployment\nowner: \"{{owner}}\"\n---\n\n";

    #[test]
    fn each_placeholder_is_reported_at_its_span_with_what_belongs_there() {
        let doc = format!(
            "{FM}## Overview\n\n**Release**: {{{{release_name}}}} ({{{{release_version}}}})\n"
        );
        assert_eq!(
            check_rule("RL101", &doc, Some(Stage::Planned)),
            ["RL101:3", "RL101:8", "RL101:8"]
        );
        let found = diagnostics("RL101", &doc, Some(Stage::Planned));
        assert_eq!(
            found[2].message,
            "`{{release_version}}` is still a placeholder in Overview › Release; expected the release's version, like `2.4.0`"
        );
        assert_eq!(found[2].span.text(&doc), "{{release_version}}");
    }

    #[test]
    fn placeholder_like_text_and_empty_cells() {
        let doc = "## Pre-Deployment Planning\n\n### Risk Assessment\n\n| Risk | Probability | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n| Lag | Low | High | TBD | |\n";
        assert_eq!(
            check_rule("RL101", doc, Some(Stage::Planned)),
            ["RL101:7", "RL101:7"]
        );
        let found = diagnostics("RL101", doc, Some(Stage::Planned));
        assert!(
            found[0]
                .message
                .starts_with("`TBD` is placeholder text in Risk Assessment › `Lag` › Mitigation"),
            "{}",
            found[0].message
        );
        assert!(
            found[1].message.contains("Owner is empty"),
            "{}",
            found[1].message
        );
    }

    #[test]
    fn an_empty_timeline_notes_cell_is_fine_but_a_placeholder_in_one_is_not() {
        let doc = "## Deployment Execution\n\n### Deployment Timeline\n\n\
                   | Phase | Start Time | End Time | Duration | Status | Notes |\n\
                   |---|---|---|---|---|---|\n\
                   | Checks | 14:00 | 14:05 | 5m | ✅ Completed |  |\n\
                   | Migration | 14:05 | 14:10 | 5m | ✅ Completed | {{db_notes}} |\n\
                   | Deploy | 14:10 | 14:20 | 10m | ✅ Completed | TBD |\n\
                   | Verify | 14:20 | 14:25 | 5m |  | |\n";
        for stage in [Stage::Deployed, Stage::Closed] {
            assert_eq!(
                check_rule("RL101", doc, Some(stage)),
                ["RL101:8", "RL101:9", "RL101:10"],
                "{stage}"
            );
        }
        let found = diagnostics("RL101", doc, Some(Stage::Deployed));
        assert!(found[0].message.contains("› Notes"), "{}", found[0].message);
        assert!(found[1].message.contains("`TBD`"), "{}", found[1].message);
        // Only Notes may stay empty: the empty Status of the last row is reported.
        assert!(
            found[2].message.contains("`Verify` › Status is empty"),
            "{}",
            found[2].message
        );
    }

    #[test]
    fn configured_words_count() {
        let doc = "## Overview\n\n**Business Owner**: pending\n";
        let settings = Settings {
            stage: Some(Stage::Planned),
            select: vec!["RL101".into()],
            options: crate::settings::RuleOptions {
                placeholder_words: vec!["pending".into()],
                ..Default::default()
            },
            ..Settings::default()
        };
        let parsed = crate::document::Document::parse(doc);
        assert_eq!(crate::check(&parsed, &settings).len(), 1);
        assert!(check_rule("RL101", doc, Some(Stage::Planned)).is_empty());
    }

    #[test]
    fn monitoring_current_values_are_due_from_deployed() {
        let doc = "## Deployment Execution\n\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\n|---|---|---|---|---|\n| Error Rate | < 1% | {{current}}% | {{status}} | PagerDuty |\n";
        assert!(check_rule("RL101", doc, Some(Stage::Ready)).is_empty());
        assert_eq!(
            check_rule("RL101", doc, Some(Stage::Deployed)),
            ["RL101:7", "RL101:7"]
        );
    }

    #[test]
    fn monitoring_alert_cells_are_due_with_the_current_values() {
        let doc = "## Deployment Execution\n\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\n|---|---|---|---|---|\n| Error Rate | < 1% | 0.2% | ✅ | {{alert}} |\n";
        assert!(check_rule("RL101", doc, Some(Stage::Planned)).is_empty());
        assert!(check_rule("RL101", doc, Some(Stage::Ready)).is_empty());
        assert_eq!(check_rule("RL101", doc, Some(Stage::Deployed)), ["RL101:7"]);
    }

    #[test]
    fn rollback_validation_only_when_rolled_back_and_triggers_with_the_plan() {
        let body = "## Pre-Deployment Planning\n\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > {{error_threshold}}%\n\n**Rollback Validation**:\n\n- [ ] Data integrity verified by {{who}}\n";
        assert_eq!(check_rule("RL101", body, Some(Stage::Planned)), ["RL101:7"]);
        assert_eq!(check_rule("RL101", body, Some(Stage::Closed)), ["RL101:7"]);
        let rolled = format!("---\noutcome: rolled-back\n---\n{body}");
        assert_eq!(
            check_rule("RL101", &rolled, Some(Stage::Deployed)),
            ["RL101:10", "RL101:14"]
        );
    }

    #[test]
    fn the_sweep_finds_placeholders_the_model_does_not_read() {
        let doc = "## Overview\n\nSee {{ticket}} for context.\n\n<!-- {{hidden}} -->\n\n## Release Notes\n\nAlso {{later}}.\n";
        assert_eq!(check_rule("RL101", doc, Some(Stage::Planned)), ["RL101:3"]);
        assert_eq!(
            check_rule("RL101", doc, Some(Stage::Ready)),
            ["RL101:3", "RL101:9"]
        );
    }

    #[test]
    fn silent_at_draft_and_when_filled() {
        let doc = format!("{FM}## Overview\n\n**Release**: {{{{release_name}}}} (1.0.0)\n");
        assert!(check_rule("RL101", &doc, Some(Stage::Draft)).is_empty());
        let doc = "## Overview\n\n**Release**: Ledger (1.0.0)\n\n## Deployment Guidelines\n\n- {{anything}}\n";
        assert!(check_rule("RL101", doc, Some(Stage::Closed)).is_empty());
    }

    #[test]
    fn an_empty_outcome_is_due_from_deployed() {
        let doc = "---\nphase: deployment\noutcome:\n---\n";
        assert!(check_rule("RL101", doc, Some(Stage::Ready)).is_empty());
        assert_eq!(check_rule("RL101", doc, Some(Stage::Deployed)), ["RL101:3"]);
    }
}
