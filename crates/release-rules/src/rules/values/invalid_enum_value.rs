//! RL301: a value outside its closed list of options (release type, environment,
//! rollback strategy, risk level, stage, outcome).

use release_doc::internal::split_hint;
use release_doc::internal::strip_wrapping;
use release_doc::values::{Environment, Outcome, ReleaseType, RiskLevel, RollbackStrategy, Stage};
use release_doc::{Field, SectionId, Span};

use super::{invalid, invalid_frontmatter, row, Invalid};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a filled value that is not one of its allowed options: the Overview's
    /// Release Type (`Major | Minor | Patch | Hotfix`) and Target Environment
    /// (`Staging | Production | DR`), the Rollback Strategy (`Blue-Green | Canary |
    /// Rolling | Immediate`), a risk's Probability or Impact (`Low | Medium | High |
    /// Critical`), and the frontmatter's `stage` and `outcome`.
    ///
    /// Matching ignores case, spacing and punctuation (`blue green` is `Blue-Green`), and
    /// a value may keep the template's hint after it (`Minor (Major | Minor | Patch |
    /// Hotfix)`). An option that the template's hint adds (a team template offering
    /// `Emergency` as a Release Type) is allowed. Every filled value is checked at every
    /// stage.
    ///
    /// ## Why it matters
    /// Other rules and tools read these values: the release type is checked against the
    /// version, the risk level decides whether a mitigation is required, the stage
    /// decides what is due. A value outside the list silently turns those checks off.
    ///
    /// ## Example
    /// ```markdown
    /// **Release Type**: Feature (Major | Minor | Patch | Hotfix)
    /// ```
    ///
    /// ## How to fix
    /// Pick one of the options the message lists (`Minor`). If your team needs another
    /// option, add it to the hint of your own template (config key `template`).
    pub(crate) struct InvalidEnumValue {
        code: "RL301",
        name: "invalid-enum-value",
        family: Values,
        severity: Error,
        since: Draft,
        summary: "A value is not one of its allowed options",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    if let Some(fm) = &model.frontmatter {
        let stage = invalid_frontmatter(fm, "stage", &fm.stage);
        let outcome = invalid_frontmatter(fm, "outcome", &fm.outcome);
        if let Some(found) = stage {
            let options = names(Stage::ALL);
            push(ctx, &found, "frontmatter `stage`", &options, out);
        }
        if let Some(found) = outcome {
            let options = names(Outcome::ALL);
            push(ctx, &found, "frontmatter `outcome`", &options, out);
        }
    }
    let overview = &model.overview;
    field(
        ctx,
        &overview.release_type,
        "Release Type",
        || hinted(ctx, SectionId::Overview, "Release Type", ReleaseType::ALL),
        out,
    );
    field(
        ctx,
        &overview.target_environment,
        "Target Environment",
        || {
            hinted(
                ctx,
                SectionId::Overview,
                "Target Environment",
                Environment::ALL,
            )
        },
        out,
    );
    field(
        ctx,
        &model.rollback.strategy,
        "Rollback Strategy",
        || {
            hinted(
                ctx,
                SectionId::RollbackPlan,
                "Rollback Strategy",
                RollbackStrategy::ALL,
            )
        },
        out,
    );
    let mut levels: Option<Vec<String>> = None;
    for (i, risk) in model.risks.rows.iter().enumerate() {
        for (column, cell) in [("Probability", &risk.probability), ("Impact", &risk.impact)] {
            if let Some(found) = invalid(cell) {
                let what = format!("{column} of {}", row("risk", &risk.risk, i));
                let levels = levels.get_or_insert_with(|| names(RiskLevel::ALL));
                push(ctx, &found, &what, levels, out);
            }
        }
    }
}

/// The canonical names of an enum's values.
fn names<T: ToString>(all: &[T]) -> Vec<String> {
    all.iter().map(ToString::to_string).collect()
}

/// The parser's options plus those the template's hint adds.
fn hinted<T: ToString>(
    ctx: &Context<'_>,
    section: SectionId,
    label: &str,
    all: &[T],
) -> Vec<String> {
    let mut options = names(all);
    for extra in ctx.schema.options(section, label) {
        if !options.iter().any(|o| key(o) == key(extra)) {
            options.push(extra.clone());
        }
    }
    options
}

/// A value for comparison: lower case, letters and digits only.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The chosen value of a field's text, without the hint and wrapping markup.
fn chosen(raw: &str) -> &str {
    strip_wrapping(split_hint(strip_wrapping(raw)).0)
}

/// Report an Overview or Rollback Plan field unless its value is one of `options`.
fn field<T>(
    ctx: &Context<'_>,
    field: &Field<T>,
    label: &str,
    options: impl FnOnce() -> Vec<String>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(found) = invalid(field) else {
        return;
    };
    let options = options();
    let value = key(chosen(found.raw));
    if !value.is_empty() && options.iter().any(|o| key(o) == value) {
        return;
    }
    push(ctx, &found, label, &options, out);
}

fn push(
    ctx: &Context<'_>,
    found: &Invalid<'_>,
    what: &str,
    options: &[String],
    out: &mut Vec<Diagnostic>,
) {
    let value = chosen(found.raw);
    let (quoted, span) = if value.is_empty() {
        (found.raw, found.span)
    } else {
        (value, narrow(ctx.source(), found.span, value))
    };
    out.push(ctx.diagnostic(
        &InvalidEnumValue::META,
        span,
        format!(
            "{what} is `{quoted}`, not an allowed option; expected {}",
            list(options)
        ),
    ));
}

/// The span of `part` within `span`, or `span` when it is not found there.
fn narrow(source: &str, span: Span, part: &str) -> Span {
    source
        .get(span.start..span.end)
        .and_then(|text| text.find(part))
        .map_or(span, |at| {
            Span::new(span.start + at, span.start + at + part.len())
        })
}

/// `A, B or C`, each in backticks.
fn list(options: &[String]) -> String {
    let quoted: Vec<String> = options.iter().map(|o| format!("`{o}`")).collect();
    match quoted.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, init)) => format!("{} or {last}", init.join(", ")),
        None => String::from("one of the template's options"),
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    const DOC: &str = "---\nphase: deployment\nstage: planned\noutcome: shipped\n---\n## Overview\n\n**Release Type**: Feature (Major | Minor | Patch | Hotfix)\n\n**Target Environment**: prod (Staging | Production | DR)\n\n## Pre-Deployment Planning\n### Risk Assessment\n\n| Risk | Probability | Impact | Mitigation | Owner |\n|------|-------------|--------|------------|-------|\n| Lock on refunds | Very High | {{impact}} | Additive DDL | Jonas Weber |\n\n### Rollback Plan\n\n**Rollback Strategy**: Pray\n";

    #[test]
    fn reports_values_outside_their_options() {
        assert_eq!(
            check_rule("RL301", DOC, None),
            ["RL301:4", "RL301:8", "RL301:17", "RL301:21"]
        );
        let found = diagnostics("RL301", DOC, None);
        assert_eq!(
            found[1].message,
            "Release Type is `Feature`, not an allowed option; expected `Major`, `Minor`, `Patch` or `Hotfix`"
        );
    }

    #[test]
    fn filled_values_are_checked_at_every_stage() {
        let closed = check_rule("RL301", DOC, Some(Stage::Closed));
        assert!(!closed.is_empty());
        for stage in Stage::ALL {
            assert_eq!(check_rule("RL301", DOC, Some(*stage)), closed, "{stage}");
        }
    }

    #[test]
    fn silent_on_valid_and_unfilled_values() {
        let doc = "---\nstage: planned\noutcome: rolled back\n---\n## Overview\n\n**Release Type**: {{release_type}} (Major | Minor | Patch | Hotfix)\n\n**Target Environment**: **Production**\n\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Strategy**: blue green (Blue-Green | Canary | Rolling | Immediate)\n";
        assert!(check_rule("RL301", doc, None).is_empty());
    }

    #[test]
    fn an_option_the_template_adds_is_allowed() {
        use std::sync::Arc;

        use crate::document::Document;
        use crate::schema::{Schema, DEFAULT_TEMPLATE};
        use crate::settings::Settings;

        let template = DEFAULT_TEMPLATE.replace("Patch | Hotfix)", "Patch | Hotfix | Emergency)");
        let settings = Settings {
            select: vec!["RL301".to_owned()],
            schema: Some(Arc::new(Schema::from_template(&template))),
            ..Settings::default()
        };
        let doc = "---\nstage: planned\n---\n## Overview\n\n**Release Type**: Emergency\n";
        assert!(crate::check(&Document::parse(doc), &settings).is_empty());
        assert_eq!(check_rule("RL301", doc, None), ["RL301:6"]);
    }
}
