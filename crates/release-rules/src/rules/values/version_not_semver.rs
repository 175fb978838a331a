//! RL307: the release version in the Overview is not SemVer.

use release_doc::SectionId;

use super::report;
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Warns, from `planned`, when the version in the Overview's `**Release**:` field
    /// (`Payments API (v2.4.0)`) is not a SemVer version `MAJOR.MINOR.PATCH`, with
    /// optional pre-release and build parts. A leading `v` is fine.
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
        since: Planned,
        summary: "The release version is not SemVer",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.section_due(SectionId::Overview) {
        let version = &ctx.model().overview.release_version;
        let what = || "release version".to_owned();
        report(ctx, &VersionNotSemver::META, version, "SemVer", what, out);
    }
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
        assert!(check_rule("RL307", doc, Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn silent_on_semver_and_placeholders() {
        let doc =
            "---\nstage: planned\n---\n## Overview\n\n**Release**: Payments API (v2.4.0-rc.1)\n";
        assert!(check_rule("RL307", doc, None).is_empty());
        let doc = "---\nstage: planned\n---\n## Overview\n\n**Release**: {{release_name}} ({{release_version}})\n";
        assert!(check_rule("RL307", doc, None).is_empty());
    }
}
