//! RL307: the release version in the Overview is not SemVer.

use release_doc::values::parse_calver;
use release_doc::{Field, SectionId};

use super::{push, report, Invalid};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::settings::VersionScheme;

declare_rule! {
    /// ## What it does
    /// Warns, at every stage, when the version in the Overview's `**Release**:` field
    /// (`Payments API (v2.4.0)`) is not a SemVer version `MAJOR.MINOR.PATCH`, with
    /// optional pre-release and build parts. A leading `v` is fine. A filled release
    /// name with no version at all (`**Release**: Payments API`) is reported too, at the
    /// field's value.
    ///
    /// The previous version of a version change (`Profile revamp (2.3.1 → 2.3.2)`) is
    /// checked the same way. With `version-scheme = "calver"` in the configuration, the
    /// versions must instead be calendar versions `YYYY.MM` or `YYYY.MM.N` (`2024.05.1`,
    /// also `YY.MM.N`, a leading `v` and a `-suffix`).
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
    /// Give all three parts: `Payments API (v2.4.0)`. If your team uses calendar
    /// versions, set `version-scheme = "calver"`; if it versions releases another way,
    /// lower this rule to `info` or ignore it in the configuration.
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
    let overview = &ctx.model().overview;
    let versions = [
        (&overview.release_version, "release version"),
        (&overview.previous_version, "previous version"),
    ];
    let scheme = ctx.settings.version_scheme;
    for (version, what) in versions {
        match scheme {
            VersionScheme::Semver => {
                let what = || what.to_owned();
                report(ctx, &VersionNotSemver::META, version, "SemVer", what, out);
            }
            VersionScheme::Calver => not_calver(ctx, version, what, out),
        }
    }
    if let (Field::Missing, Field::Value { raw: name, .. }) =
        (&overview.release_version, &overview.release_name)
    {
        missing_version(ctx, name, scheme, out);
    }
}

/// With `version-scheme = "calver"`: a filled version that is not `YYYY.MM[.N]`.
fn not_calver(
    ctx: &Context<'_>,
    version: &Field<semver::Version>,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    let (Field::Value { raw, span, .. } | Field::Invalid { raw, span, .. }) = version else {
        return;
    };
    if let Err(error) = parse_calver(raw) {
        let found = Invalid {
            raw,
            expected: &error.expected,
            span: *span,
        };
        push(
            ctx,
            &VersionNotSemver::META,
            &found,
            "CalVer",
            what.to_owned(),
            out,
        );
    }
}

/// A `**Release**:` field with a name but no version: reported at the field's value.
fn missing_version(
    ctx: &Context<'_>,
    name: &str,
    scheme: VersionScheme,
    out: &mut Vec<Diagnostic>,
) {
    let Some(span) = ctx
        .model()
        .fields_in(SectionId::Overview)
        .find(|f| f.label.trim().eq_ignore_ascii_case("release"))
        .and_then(|f| f.value.span())
    else {
        return;
    };
    let (kind, example) = match scheme {
        VersionScheme::Semver => ("SemVer", "2.4.0"),
        VersionScheme::Calver => ("CalVer", "2024.05.1"),
    };
    out.push(ctx.diagnostic(
        &VersionNotSemver::META,
        span,
        format!(
            "release `{name}` has no version; expected a {kind} version in parentheses \
             like `{name} ({example})`"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::document::Document;
    use crate::settings::{Settings, VersionScheme};
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

    fn calver(source: &str) -> Vec<String> {
        let settings = Settings {
            version_scheme: VersionScheme::Calver,
            select: vec!["RL307".to_owned()],
            ..Settings::default()
        };
        crate::check(&Document::parse(source), &settings)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn calendar_versions_with_the_calver_scheme() {
        let doc = |v: &str| {
            format!("---\nstage: planned\n---\n## Overview\n\n**Release**: Payments API ({v})\n")
        };
        assert_eq!(check_rule("RL307", &doc("2024.05.1"), None), ["RL307:6"]);
        for good in ["2024.05.1", "v2024.5", "2024.04.2 → 2024.05.1"] {
            assert!(calver(&doc(good)).is_empty(), "{good}");
        }
        assert_eq!(
            calver(&doc("2.3.1")),
            ["release version is `2.3.1`, not CalVer; expected a CalVer version like 2024.05.1 (year.month, then a number)"]
        );
        assert_eq!(
            calver(&doc("2.3.1 → 2024.05.1")),
            ["previous version is `2.3.1`, not CalVer; expected a CalVer version like 2024.05.1 (year.month, then a number)"]
        );
        let none = "---\nstage: planned\n---\n## Overview\n\n**Release**: Payments API\n";
        assert_eq!(
            calver(none),
            ["release `Payments API` has no version; expected a CalVer version in parentheses like `Payments API (2024.05.1)`"]
        );
    }

    #[test]
    fn a_previous_version_that_is_not_semver() {
        let doc =
            "---\nstage: planned\n---\n## Overview\n\n**Release**: Payments API (2.3 → 2.3.2)\n";
        let found = diagnostics("RL307", doc, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.text(doc), "2.3");
        assert!(found[0]
            .message
            .starts_with("previous version is `2.3`, not SemVer"));
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
