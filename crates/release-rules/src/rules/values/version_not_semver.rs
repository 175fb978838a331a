//! RL307: the release version in the Overview is not SemVer.

use release_doc::{Field, SectionId};

use super::report;
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns, at every stage, when the version in the Overview's `**Release**:` field
    /// (`Payments API (v2.4.0)`) is not a SemVer version `MAJOR.MINOR.PATCH`, with
    /// optional pre-release and build parts. A leading `v` is fine. A filled release
    /// name with no version at all (`**Release**: Payments API`) is reported too, at the
    /// field's value.
    ///
    /// ## Why it matters
    /// The release type is checked against the version (`Major` is `x.0.0`, `Patch` is
    /// `x.y.z` with z > 0); a version like `v2.4` or `2024.11` cannot be checked, and
    /// deployment tooling that expects SemVer may sort it wrongly.
    ///
    /// ## Example
    /// ```markdown
    /// **Release**: Payments API (v2.4)
    /// ```
    ///
    /// ## How to fix
    /// Give all three parts: `Payments API (v2.4.0)`. If your team versions releases
    /// another way, lower this rule to `info` or ignore it in the configuration.
    pub(crate) struct VersionNotSemver {
        code: "RL307",
        name: "version-not-semver",
        family: Values,
        severity: Warning,
        since: Draft,
        summary: "The release version is not SemVer",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let version = &ctx.model().overview.release_version;
    let what = || "release version".to_owned();
    report(ctx, &VersionNotSemver::META, version, "SemVer", what, out);
    if let (Field::Missing, Field::Value { raw: name, .. }) =
        (version, &ctx.model().overview.release_name)
    {
        missing_version(ctx, name, out);
    }
}

/// A `**Release**:` field with a name but no version: reported at the field's value.
fn missing_version(ctx: &Context<'_>, name: &str, out: &mut Vec<Diagnostic>) {
    let Some(span) = ctx
        .model()
        .fields_in(SectionId::Overview)
        .find(|f| f.label.trim().eq_ignore_ascii_case("release"))
        .and_then(|f| f.value.span())
    else {
        return;
    };
    out.push(ctx.diagnostic(
        &VersionNotSemver::META,
        span,
        format!(
            "release `{name}` has no version; expected a SemVer version in parentheses \
             like `{name} (2.4.0)`"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use release_doc::values::enums::Stage;

    use crate::test_support::{check_rule, diagnostics};

    #[test]
    fn warns_on_a_version_that_is_not_semver() {
        let doc = "---\nstage: planned\n---\n## Overview\n\n**Release**: Payments API (v2.4)\n";
        assert_eq!(check_rule("RL307", doc, None), ["RL307:6"]);
        let found = diagnostics("RL307", doc, None);
        assert_eq!(
            found[0].message,
            "release version is `v2.4`, not SemVer; expected a SemVer version like 2.4.0"
        );
        assert!(
            !check_rule("RL307", doc, Some(Stage::Draft)).is_empty(),
            "filled values are checked at every stage"
        );
    }

    #[test]
    fn silent_on_semver_and_placeholders() {
        let doc =
            "---\nstage: planned\n---\n## Overview\n\n**Release**: Payments API (v2.4.0-rc.1)\n";
        assert!(check_rule("RL307", doc, None).is_empty());
        let doc = "---\nstage: planned\n---\n## Overview\n\n**Release**: {{release_name}} ({{release_version}})\n";
        assert!(check_rule("RL307", doc, None).is_empty());
    }

    #[test]
    fn warns_on_a_release_name_without_version() {
        let doc = "---\nstage: planned\n---\n## Overview\n\n**Release**: Feature Flag Service\n";
        assert_eq!(check_rule("RL307", doc, None), ["RL307:6"]);
        let found = diagnostics("RL307", doc, None);
        assert_eq!(found[0].span.text(doc), "Feature Flag Service");
        assert_eq!(
            found[0].message,
            "release `Feature Flag Service` has no version; expected a SemVer version in \
             parentheses like `Feature Flag Service (2.4.0)`"
        );
        assert!(
            !check_rule("RL307", doc, Some(Stage::Draft)).is_empty(),
            "filled values are checked at every stage"
        );
        let doc = "---\nstage: planned\n---\n## Overview\n\n**Release**: {{release_name}}\n";
        assert!(check_rule("RL307", doc, None).is_empty());
    }
}
