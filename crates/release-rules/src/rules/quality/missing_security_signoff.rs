//! RL503: a Production release without a completed Security Officer sign-off.

use release_doc::internal::placeholder::is_intentionally_empty;
use release_doc::internal::split_hint;
use release_doc::values::Environment;
use release_doc::{Field, SectionId, SignOff, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a release whose Target Environment is `Production` and whose Stakeholder
    /// Sign-off has no completed security sign-off (a role naming `Security`, ticked,
    /// with the signer's name), from the `deployed` stage on. `N/A` does not count: a
    /// Production release is signed off by security. A sign-off that still holds a
    /// placeholder is reported as unfilled (RL101), not here.
    ///
    /// ## Why it matters
    /// The security sign-off is the record that someone accountable looked at what went
    /// to production. Without it, an audit cannot tell a reviewed release from one that
    /// skipped review.
    ///
    /// ## Example
    /// ```markdown
    /// **Target Environment**: Production
    ///
    /// **Stakeholder Sign-off**:
    ///
    /// - [x] Product Owner: Tomás Ferreira (2026-11-04)
    /// - [ ] Security Officer: Rafael Costa
    /// ```
    ///
    /// ## How to fix
    /// Get the Security Officer's sign-off, tick the item and name who signed:
    /// `- [x] Security Officer: Rafael Costa (2026-11-04)`.
    pub(crate) struct MissingSecuritySignoff {
        code: "RL503",
        name: "missing-security-signoff",
        family: Quality,
        severity: Error,
        since: Deployed,
        summary: "A Production release has no completed Security Officer sign-off",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let Field::Value {
        value: Environment::Production,
        raw: environment,
        span: environment_span,
        ..
    } = &model.overview.target_environment
    else {
        return;
    };
    if !ctx.section_due(SectionId::ManualValidation) {
        return;
    }
    let security: Vec<&SignOff> = model
        .signoffs
        .iter()
        .filter(|s| s.role.to_lowercase().contains("security"))
        .collect();
    // A security sign-off that still holds a placeholder belongs to RL101.
    let unfilled = |s: &&SignOff| matches!(&s.signer, Field::Unfilled { placeholder, .. } if !placeholder.is_empty());
    if security.iter().any(|s| is_complete(s) || unfilled(s)) {
        return;
    }
    let label = format!("the target environment is `{}`", split_hint(environment).0);
    let (span, message) = match security.first() {
        Some(signoff) => (
            signoff.span,
            format!(
                "the `{}` sign-off of this Production release is {}; expected it ticked with \
                 the signer's name",
                signoff.role,
                shortfall(signoff)
            ),
        ),
        None => (
            absent_anchor(ctx).unwrap_or(*environment_span),
            "this Production release has no Security Officer sign-off; expected \
             `- [x] Security Officer: Name (date)` under Stakeholder Sign-off"
                .to_owned(),
        ),
    };
    out.push(
        ctx.diagnostic(&MissingSecuritySignoff::META, span, message)
            .with_label(*environment_span, label),
    );
}

/// Ticked, not marked N/A, and signed by someone.
fn is_complete(signoff: &SignOff) -> bool {
    signoff.done
        && !signoff.role.to_lowercase().contains("n/a")
        && matches!(&signoff.signer, Field::Value { raw, .. } if !names_nobody(raw))
}

/// What is wrong with an incomplete sign-off, for the message.
fn shortfall(signoff: &SignOff) -> String {
    if signoff.role.to_lowercase().contains("n/a") {
        return "marked N/A".to_owned();
    }
    match (&signoff.signer, signoff.done) {
        (Field::Value { raw, .. }, _) if names_nobody(raw) => format!("`{raw}`"),
        (Field::Value { .. }, false) => "not ticked".to_owned(),
        _ => "not signed by anyone".to_owned(),
    }
}

/// `None`, `N/A`, `—`, or `N/A: reason`: no signer.
fn names_nobody(signer: &str) -> bool {
    let lowered = signer.trim().to_lowercase();
    is_intentionally_empty(signer) || lowered.starts_with("n/a")
}

/// Where a missing sign-off belongs: the Stakeholder Sign-off group's label, else the
/// Manual Validation heading.
fn absent_anchor(ctx: &Context<'_>) -> Option<Span> {
    let model = ctx.model();
    model
        .checklists_in(SectionId::ManualValidation)
        .find(|g| g.label.to_lowercase().contains("sign"))
        .map(|g| g.label_span)
        .or_else(|| model.section(SectionId::ManualValidation).map(|s| s.span))
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(environment: &str, signoffs: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: deployed\n---\n## Overview\n\n\
             **Target Environment**: {environment}\n\n\
             ## Post-Deployment Validation\n\n### Manual Validation\n\n\
             **Stakeholder Sign-off**:\n\n\
             - [x] Product Owner: Tomás Ferreira (2026-11-04)\n{signoffs}"
        )
    }

    #[test]
    fn unticked_or_nameless_security_signoff_is_reported_at_the_item() {
        let source = doc(
            "Production (Staging | Production | DR)",
            "- [ ] Security Officer: Rafael Costa\n",
        );
        assert_eq!(check_rule("RL503", &source, None), ["RL503:16"]);
        let found = diagnostics("RL503", &source, None);
        assert_eq!(
            found[0].message,
            "the `Security Officer` sign-off of this Production release is not ticked; \
             expected it ticked with the signer's name"
        );
        assert_eq!(
            found[0].labels[0].message,
            "the target environment is `Production`"
        );
        let na = doc("Prod", "- [x] Security Officer: N/A: no security impact\n");
        let found = diagnostics("RL503", &na, None);
        assert!(found[0].message.contains("is `N/A: no security impact`"));
        let skipped = doc(
            "Production",
            "- [x] Security Officer — N/A: config-only change\n",
        );
        let found = diagnostics("RL503", &skipped, None);
        assert!(
            found[0].message.contains("is marked N/A"),
            "{}",
            found[0].message
        );
        let nameless = doc("Production", "- [x] Security Officer\n");
        assert_eq!(check_rule("RL503", &nameless, None), ["RL503:16"]);
    }

    #[test]
    fn absent_signoff_points_at_the_group_label() {
        let source = doc("Production", "- [x] QA Lead: Mei Chen (2026-11-04)\n");
        let found = diagnostics("RL503", &source, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(&source), "Stakeholder Sign-off");
    }

    #[test]
    fn silent_when_signed_unfilled_not_production_or_not_due() {
        let signed = "- [x] Security Officer: Rafael Costa (2026-11-04)\n";
        assert!(check_rule("RL503", &doc("Production", signed), None).is_empty());
        let open = "- [ ] Security Officer: {{security_signoff}}\n";
        assert!(check_rule("RL503", &doc("Production", open), None).is_empty());
        assert!(check_rule("RL503", &doc("Staging", ""), None).is_empty());
        assert!(check_rule("RL503", &doc("{{target_environment}}", ""), None).is_empty());
        assert!(check_rule("RL503", &doc("Production", ""), Some(Stage::Ready)).is_empty());
    }
}
