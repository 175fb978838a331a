//! RL408: a Major release whose Breaking Changes list is empty or says `None`.

use release_doc::internal::placeholder::says_not_applicable;
use release_doc::values::ReleaseType;
use release_doc::{Field, SectionId};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a release whose Release Type is `Major` while the Release Notes'
    /// Breaking Changes section lists nothing, or only `None` / `N/A` / `—`, from `ready`
    /// on, except for a first stable release (`1.0.0`), which has nothing to break. A
    /// Breaking Changes section that is missing altogether is left to the
    /// structure rules, and one that still holds placeholders to
    /// `unfilled-placeholder`.
    ///
    /// ## Why it matters
    /// A major version tells users to expect breaking changes and to read the notes
    /// before upgrading. If nothing breaks, the release is probably Minor; if something
    /// does, the notes are where users look for it.
    ///
    /// ## Example
    /// ```markdown
    /// **Release Type**: Major
    ///
    /// ### Breaking Changes
    ///
    /// - None
    /// ```
    ///
    /// ## How to fix
    /// List the breaking changes, or make the release Minor (type and version) if it
    /// breaks nothing.
    pub(crate) struct MajorWithoutBreakingChanges {
        code: "RL408",
        name: "major-without-breaking-changes",
        family: Consistency,
        severity: Warning,
        since: Ready,
        summary: "A Major release lists no breaking changes",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.section_due(SectionId::BreakingChanges) {
        return;
    }
    let model = ctx.model();
    let Field::Value {
        value: ReleaseType::Major,
        raw: type_raw,
        span: type_span,
        ..
    } = &model.overview.release_type
    else {
        return;
    };
    // A first stable release (`1.0.0`) is Major by its version but has nothing to break.
    let version = model.overview.release_version.value();
    if version.is_some_and(|v| (v.major, v.minor, v.patch) == (1, 0, 0)) {
        return;
    }
    let Some(section) = model.section(SectionId::BreakingChanges) else {
        return;
    };
    let list = &model.release_notes.breaking_changes;
    let mut said = None;
    for item in &list.items {
        match &item.text {
            Field::Value { value, .. } if says_not_applicable(value) => {
                said.get_or_insert((value.clone(), item.text.span().unwrap_or(item.span)));
            }
            // A real item, or one for `unfilled-placeholder`.
            _ => return,
        }
    }
    let (message, span) = match said {
        Some((text, span)) => (
            format!(
                "`Major` release lists no breaking changes (Breaking Changes says `{text}`); expected the changes that make it major, or a Minor release type"
            ),
            span,
        ),
        None => (
            "`Major` release lists no breaking changes (Breaking Changes is empty); expected the changes that make it major, or a Minor release type".to_owned(),
            list.span.unwrap_or(section.span),
        ),
    };
    out.push(
        ctx.diagnostic(&MajorWithoutBreakingChanges::META, span, message)
            .with_label(*type_span, format!("release type `{type_raw}`")),
    );
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(release_type: &str, items: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: ready\n---\n## Overview\n\n**Release Type**: {release_type}\n\n## Release Notes\n\n### Breaking Changes\n\n{items}\n### Known Issues\n\n- None\n"
        )
    }

    #[test]
    fn major_with_none_or_nothing_is_reported() {
        let source = doc("Major", "- None\n");
        assert_eq!(check_rule("RL408", &source, None), ["RL408:13"]);
        let found = diagnostics("RL408", &source, None);
        assert!(
            found[0].message.contains("says `None`"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].labels.len(), 1);
        assert_eq!(check_rule("RL408", &doc("Major", ""), None), ["RL408:11"]);
    }

    #[test]
    fn silent_with_real_items_unfilled_other_types() {
        assert!(check_rule("RL408", &doc("Major", "- Password grant removed\n"), None).is_empty());
        assert!(check_rule("RL408", &doc("Major", "- {{breaking_change_1}}\n"), None).is_empty());
        assert!(check_rule("RL408", &doc("Minor", "- None\n"), None).is_empty());
        let first = doc("Major", "- None\n").replace(
            "**Release Type**",
            "**Release**: Ledger (v1.0.0)\n\n**Release Type**",
        );
        assert!(check_rule("RL408", &first, None).is_empty());
        assert!(check_rule("RL408", &doc("Major", "- None\n"), Some(Stage::Planned)).is_empty());
    }
}
