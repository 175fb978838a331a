//! RL309: an allowed option written in another spelling than the template's.

use release_doc::internal::split_hint;
use release_doc::{Field, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

declare_rule! {
    /// ## What it does
    /// Reports, as an info, a value of a closed vocabulary written in another case or
    /// spelling than the template's: the Overview's Release Type and Target Environment,
    /// the Rollback Strategy, a risk's Probability and Impact (`production` for
    /// `Production`, `blue green` for `Blue-Green`, `prod` for `Production`). The value
    /// is read as the option it names, so nothing is wrong with it.
    ///
    /// ## Why it matters
    /// The template's spelling is what dashboards group by and what readers scan for:
    /// `production`, `Prod` and `Production` in three documents are one environment
    /// written three ways.
    ///
    /// ## Example
    /// ```markdown
    /// **Target Environment**: production
    /// ```
    ///
    /// ## How to fix
    /// Write the option as the template does: `Production`.
    ///
    /// ## Fix
    /// Safe: `release-lint fix` writes the template's spelling in place of the value, and
    /// keeps a hint or anything else around it.
    pub(crate) struct EnumNotCanonical {
        code: "RL309",
        name: "enum-not-canonical",
        family: Values,
        severity: Info,
        since: Draft,
        summary: "An allowed option is written in another spelling than the template's",
        fix: Safe,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let overview = &model.overview;
    push(ctx, "Release Type", &overview.release_type, out);
    push(ctx, "Target Environment", &overview.target_environment, out);
    push(ctx, "Rollback Strategy", &model.rollback.strategy, out);
    for row in &model.risks.rows {
        push(ctx, "risk Probability", &row.probability, out);
        push(ctx, "risk Impact", &row.impact, out);
    }
}

/// A finding when the filled `field` is not written as its option's canonical spelling.
fn push<T: std::fmt::Display>(
    ctx: &Context<'_>,
    what: &str,
    field: &Field<T>,
    out: &mut Vec<Diagnostic>,
) {
    let Field::Value { value, span, .. } = field else {
        return;
    };
    let canonical = value.to_string();
    let text = span.text(ctx.source());
    let (written, _) = split_hint(text);
    // Markup around the value (`**Production**`) is the author's emphasis: left alone.
    if written == canonical || written.is_empty() || written.contains(['*', '`', '_']) {
        return;
    }
    let Some(at) = text.find(written) else {
        return;
    };
    let place = Span::new(span.start + at, span.start + at + written.len());
    out.push(
        ctx.diagnostic(
            &EnumNotCanonical::META,
            place,
            format!("{what} is written `{written}`; expected the template's `{canonical}`"),
        )
        .with_fix(Fix {
            message: format!("write `{canonical}`"),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: place,
                replacement: canonical.clone(),
            }],
        }),
    );
}

#[cfg(test)]
mod tests {
    use crate::test_support::{check_rule, diagnostics};

    const DOC: &str = "---\nphase: deployment\nstage: draft\n---\n## Overview\n\n**Release Type**: minor (Major | Minor | Patch | Hotfix)\n\n**Target Environment**: prod\n\n## Pre-Deployment Planning\n\n### Risk Assessment\n\n| Risk | Probability | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n| Lock on refunds | Low | **high** | Additive DDL | Jonas Weber |\n\n### Rollback Plan\n\n**Rollback Strategy**: Blue-Green\n";

    #[test]
    fn another_spelling_of_an_option_is_reported_on_the_value() {
        assert_eq!(check_rule("RL309", DOC, None), ["RL309:7", "RL309:9"]);
        let found = diagnostics("RL309", DOC, None);
        assert_eq!(found[0].span.text(DOC), "minor");
        assert_eq!(
            found[1].message,
            "Target Environment is written `prod`; expected the template's `Production`"
        );
    }

    #[test]
    fn the_fix_writes_the_template_spelling_and_keeps_the_hint() {
        let settings = crate::Settings {
            select: vec!["RL309".to_owned()],
            ..crate::Settings::default()
        };
        let fixed = crate::fix::fixed_text(DOC, &settings, &crate::fix::FixOptions::default());
        assert_eq!(
            fixed,
            DOC.replace("**Release Type**: minor (", "**Release Type**: Minor (")
                .replace(
                    "**Target Environment**: prod\n",
                    "**Target Environment**: Production\n"
                )
        );
        assert!(check_rule("RL309", &fixed, None).is_empty());
    }
}
