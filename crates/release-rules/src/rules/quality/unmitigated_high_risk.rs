//! RL501: a High or Critical risk without a mitigation or without an owner.

use release_doc::values::RiskLevel;
use release_doc::{Field, SectionId};

use super::{absent_cell, cell_text};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a Risk Assessment row whose Probability or Impact is `High` or `Critical`
    /// and whose Mitigation or Owner is missing or says on purpose that there is none
    /// (`None`, `N/A`, `—`), from the `planned` stage on. A cell that still holds a
    /// placeholder is reported as unfilled (RL101), not here.
    ///
    /// ## Why it matters
    /// A serious risk that nobody owns, or that nothing reduces, is a risk the release
    /// simply accepts. Reviewers of a `planned` release must see who watches it and what
    /// is done about it.
    ///
    /// ## Example
    /// ```markdown
    /// | Risk | Probability | Impact | Mitigation | Owner |
    /// |------|-------------|--------|------------|-------|
    /// | Migration locks the `orders` table | Medium | High | None | Jonas Weber |
    /// ```
    ///
    /// ## How to fix
    /// Write what reduces the risk (a feature flag, a rehearsal, a lock timeout) and
    /// name the person who owns it; if nothing can reduce it, lower the release's scope
    /// or reassess the risk's level.
    pub(crate) struct UnmitigatedHighRisk {
        code: "RL501",
        name: "unmitigated-high-risk",
        family: Quality,
        severity: Error,
        since: Planned,
        summary: "A High or Critical risk has no mitigation or no owner",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.section_due(SectionId::RiskAssessment) {
        return;
    }
    for row in &ctx.model().risks.rows {
        // The higher of probability and impact, read only from filled, valid cells.
        let levels = [("probability", &row.probability), ("impact", &row.impact)];
        let Some((what, level_cell, level)) = levels
            .into_iter()
            .filter_map(|(what, cell)| match cell {
                Field::Value { value, span, .. } => Some((what, *span, *value)),
                _ => None,
            })
            .max_by_key(|(_, _, level)| *level)
        else {
            continue;
        };
        if level < RiskLevel::High {
            continue;
        }
        let risk = cell_text(&row.risk, "(unnamed)");
        for (column, cell, expected) in [
            ("mitigation", &row.mitigation, "what reduces the risk"),
            ("owner", &row.owner, "the person who owns the risk"),
        ] {
            let Some((span, found)) = absent_cell(cell, row.span, ctx.source()) else {
                continue;
            };
            out.push(
                ctx.diagnostic(
                    &UnmitigatedHighRisk::META,
                    span,
                    format!("{level} risk `{risk}` has no {column} ({found}); expected {expected}"),
                )
                .with_label(level_cell, format!("{what} is `{level}`")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    const HEAD: &str = "---\nphase: deployment\nstage: planned\n---\n## Pre-Deployment Planning\n### Risk Assessment\n\n| Risk | Probability | Impact | Mitigation | Owner |\n|------|-------------|--------|------------|-------|\n";

    fn doc(rows: &str) -> String {
        format!("{HEAD}{rows}")
    }

    #[test]
    fn high_risk_without_mitigation_or_owner_is_reported_at_the_cell() {
        let source = doc("| Lock on orders | Medium | High | None | Jonas |\n\
             | Cache stampede | Critical | Low | Warm-up job | — |\n\
             | Typo in banner | High | Low | N/A | n/a |\n");
        assert_eq!(
            check_rule("RL501", &source, None),
            ["RL501:10", "RL501:11", "RL501:12", "RL501:12"]
        );
        let found = diagnostics("RL501", &source, None);
        assert_eq!(found[0].span.text(&source), "None");
        assert_eq!(
            found[0].message,
            "High risk `Lock on orders` has no mitigation (`None`); expected what reduces the risk"
        );
        assert_eq!(found[0].labels[0].message, "impact is `High`");
        assert_eq!(found[1].span.text(&source), "—");
        assert!(found[1]
            .message
            .starts_with("Critical risk `Cache stampede` has no owner"));
    }

    #[test]
    fn missing_cell_points_at_the_row() {
        let source = "---\nstage: planned\n---\n### Risk Assessment\n\n\
                      | Risk | Probability | Impact | Mitigation |\n|---|---|---|---|\n\
                      | Lock on orders | High | High | Lock timeout |\n";
        let found = diagnostics("RL501", source, None);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].span.text(source),
            "| Lock on orders | High | High | Lock timeout |"
        );
        assert!(found[0].message.contains("has no owner (no cell)"));
    }

    #[test]
    fn silent_when_low_unfilled_filled_or_not_due() {
        let source = doc("| Slow query | Medium | Medium | None | — |\n\
             | Lock on orders | High | High | {{mitigation}} | TBD |\n\
             | Bad mapping | {{probability}} | {{impact}} | None | None |\n\
             | Cache stampede | Very High | Critical | Warm-up job | Amara |\n");
        assert!(check_rule("RL501", &source, None).is_empty());
        let high = doc("| Lock on orders | High | High | None | None |\n");
        assert!(check_rule("RL501", &high, Some(Stage::Draft)).is_empty());
        assert_eq!(check_rule("RL501", &high, Some(Stage::Closed)).len(), 2);
    }
}
