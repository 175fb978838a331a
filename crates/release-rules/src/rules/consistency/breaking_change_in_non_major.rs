//! RL407: a breaking change listed in a release that is not Major.

use release_doc::internal::placeholder::says_not_applicable;
use release_doc::values::ReleaseType;
use release_doc::Field;

use super::quote;
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports each item of the Release Notes' Breaking Changes list in a release whose
    /// Release Type is not `Major`, at every stage.
    /// An item that says only `None`, `N/A` or `—` is not a breaking change.
    ///
    /// ## Why it matters
    /// Users and partners upgrade Minor, Patch and Hotfix releases without reading the
    /// notes, trusting the version number to say that nothing breaks. A breaking change
    /// shipped under such a version breaks them without warning.
    ///
    /// ## Example
    /// ```markdown
    /// **Release Type**: Minor
    ///
    /// ### Breaking Changes
    ///
    /// - `GET /v1/payouts` removed; use `GET /v2/payouts`
    /// ```
    ///
    /// ## How to fix
    /// Make it a Major release (type and version), or keep the change backwards
    /// compatible and write `- None`. If the item is not actually breaking, move it to
    /// New Features or Technical Improvements.
    pub(crate) struct BreakingChangeInNonMajor {
        code: "RL407",
        name: "breaking-change-in-non-major",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "Breaking Changes lists an item in a release that is not Major",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let Field::Value {
        value: release_type,
        raw: type_raw,
        span: type_span,
        ..
    } = &model.overview.release_type
    else {
        return;
    };
    if *release_type == ReleaseType::Major {
        return;
    }
    for item in &model.release_notes.breaking_changes.items {
        let Some(text) = item.text.value() else {
            continue;
        };
        if says_not_applicable(text) {
            continue;
        }
        let span = item.text.span().unwrap_or(item.span);
        let message = format!(
            "breaking change {} is listed in a {release_type} release; expected breaking changes only in a Major release, else `None`",
            quote(text)
        );
        out.push(
            ctx.diagnostic(&BreakingChangeInNonMajor::META, span, message)
                .with_label(*type_span, format!("release type `{type_raw}`")),
        );
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(release_type: &str, items: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: ready\n---\n## Overview\n\n**Release Type**: {release_type}\n\n## Release Notes\n\n### Breaking Changes\n\n{items}"
        )
    }

    #[test]
    fn each_real_item_of_a_non_major_release_is_reported() {
        let source = doc(
            "Minor",
            "- `GET /v1/payouts` removed\n- None\n- Webhook payloads renamed\n",
        );
        assert_eq!(check_rule("RL407", &source, None), ["RL407:13", "RL407:15"]);
        let found = diagnostics("RL407", &source, None);
        assert_eq!(
            found[0].message,
            "breaking change `` `GET /v1/payouts` removed `` is listed in a Minor release; expected breaking changes only in a Major release, else `None`"
        );
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn silent_for_major_none_unfilled() {
        let breaking = "- Webhook payloads renamed\n";
        assert!(check_rule("RL407", &doc("Major", breaking), None).is_empty());
        assert!(check_rule("RL407", &doc("Patch", "- None\n"), None).is_empty());
        assert!(check_rule("RL407", &doc("Hotfix", "- N/A\n- —\n"), None).is_empty());
        assert!(check_rule("RL407", &doc("Patch", "- {{breaking_change_1}}\n"), None).is_empty());
        assert!(check_rule("RL407", &doc("{{release_type}}", breaking), None).is_empty());
        assert!(
            !check_rule("RL407", &doc("Patch", breaking), Some(Stage::Planned)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
