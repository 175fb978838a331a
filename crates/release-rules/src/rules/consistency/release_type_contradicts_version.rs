//! RL406: a Release Type that the release's SemVer version contradicts.

use release_doc::values::ReleaseType;
use release_doc::Field;
use semver::Version;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::settings::VersionScheme;

declare_rule! {
    /// ## What it does
    /// Compares the Overview's Release Type with the version in `**Release**: name
    /// (version)`, at every stage: a `Major` release is `x.0.0`, a `Minor` release
    /// `x.y.0` with y > 0, a `Patch` or `Hotfix` release `x.y.z` with z > 0. Pre-release
    /// and build suffixes (`3.0.0-rc.1`) are ignored.
    ///
    /// When the field also gives the version it replaces (`Profile revamp (2.3.1 →
    /// 2.3.2)`, `->`, or `from 2.3.1 to 2.3.2`), the bump is checked too: a `Major`
    /// release raises the major number, a `Minor` release the minor number (same major),
    /// a `Patch` or `Hotfix` release the patch number (same major and minor). A change
    /// that does not go up (`2.3.2 → 2.3.1`) is reported as well.
    ///
    /// With `version-scheme = "calver"` in the configuration, versions are calendar
    /// versions (`2024.05.1`) that say nothing about the kind of change: this rule does
    /// not run.
    ///
    /// ## Why it matters
    /// The release type drives the review: a Major release needs migration notes and
    /// partner communication, a Patch release is expected to change nothing visible.
    /// When the type and the version disagree, one of them misleads the reviewers or
    /// the users who read the version number.
    ///
    /// ## Example
    /// ```markdown
    /// **Release**: Payments API (v3.0.0)
    ///
    /// **Release Type**: Patch
    /// ```
    ///
    /// ```markdown
    /// **Release**: Profile revamp (2.3.1 → 2.4.1)
    ///
    /// **Release Type**: Patch
    /// ```
    ///
    /// ## How to fix
    /// Correct whichever is wrong, the Release Type or the version. In the examples above,
    /// the first is a `Major` release (or a Patch whose version is like `v2.4.1`), the
    /// second a `Minor` one (or a Patch from `2.3.1` to `2.3.2`).
    pub(crate) struct ReleaseTypeContradictsVersion {
        code: "RL406",
        name: "release-type-contradicts-version",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "The Release Type contradicts the release's SemVer version",
        check: check,
    }
}

/// Which number of a SemVer version a release raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bump {
    Major,
    Minor,
    Patch,
}

impl Bump {
    fn name(self) -> &'static str {
        match self {
            Bump::Major => "Major",
            Bump::Minor => "Minor",
            Bump::Patch => "Patch",
        }
    }
}

/// The bump from `previous` to `version`: `Some(None)` when it does not go up, `None`
/// when there is nothing to say (the same version, out of a pre-release: `2.4.0-rc.1 →
/// 2.4.0`).
fn bump_of(previous: &Version, version: &Version) -> Option<Option<Bump>> {
    let (p, v) = (previous, version);
    let bump = if v.major > p.major {
        Some(Bump::Major)
    } else if v.major == p.major && v.minor > p.minor {
        Some(Bump::Minor)
    } else if (v.major, v.minor) == (p.major, p.minor) && v.patch > p.patch {
        Some(Bump::Patch)
    } else if (v.major, v.minor, v.patch) == (p.major, p.minor, p.patch) && !p.pre.is_empty() {
        return None;
    } else {
        None
    };
    Some(bump)
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.settings.version_scheme == VersionScheme::Calver {
        return;
    }
    let overview = &ctx.model().overview;
    let Field::Value {
        value: release_type,
        span,
        ..
    } = &overview.release_type
    else {
        return;
    };
    let Field::Value {
        value: version,
        raw: version_raw,
        span: version_span,
        ..
    } = &overview.release_version
    else {
        return;
    };
    let implied = match (version.minor, version.patch) {
        (0, 0) => "Major",
        (_, 0) => "Minor",
        _ => "Patch or Hotfix",
    };
    let (shape, expected_bump) = match release_type {
        ReleaseType::Major => ("x.0.0", Bump::Major),
        ReleaseType::Minor => ("x.y.0 with y > 0", Bump::Minor),
        _ => ("x.y.z with z > 0", Bump::Patch),
    };
    let shape_fits = match release_type {
        ReleaseType::Major => implied == "Major",
        ReleaseType::Minor => implied == "Minor",
        _ => implied == "Patch or Hotfix",
    };
    if !shape_fits {
        let message = format!(
            "release type `{release_type}` contradicts version `{version_raw}`; a {release_type} release is {shape}, and `{version_raw}` is a {implied} version"
        );
        out.push(
            ctx.diagnostic(&ReleaseTypeContradictsVersion::META, *span, message)
                .with_label(*version_span, format!("version `{version_raw}`")),
        );
        return;
    }
    let Field::Value {
        value: previous,
        raw: previous_raw,
        span: previous_span,
        ..
    } = &overview.previous_version
    else {
        return;
    };
    let Some(bump) = bump_of(previous, version) else {
        return;
    };
    if bump == Some(expected_bump) {
        return;
    }
    let found = match bump {
        Some(bump) => format!("a {} bump", bump.name()),
        None => "not an increase".to_owned(),
    };
    let raises = match expected_bump {
        Bump::Major => "the major number",
        Bump::Minor => "the minor number with the same major",
        Bump::Patch => "the patch number with the same major and minor",
    };
    let message = format!(
        "release type `{release_type}` contradicts the change `{previous_raw}` → `{version_raw}`; a {release_type} release raises {raises}, and `{previous_raw}` → `{version_raw}` is {found}"
    );
    out.push(
        ctx.diagnostic(&ReleaseTypeContradictsVersion::META, *span, message)
            .with_label(*previous_span, format!("previous version `{previous_raw}`"))
            .with_label(*version_span, format!("version `{version_raw}`")),
    );
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::document::Document;
    use crate::settings::{Settings, VersionScheme};
    use crate::test_support::{check_rule, diagnostics};

    fn doc(version: &str, release_type: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: planned\n---\n## Overview\n\n**Release**: Payments API ({version})\n\n**Release Type**: {release_type}\n"
        )
    }

    #[test]
    fn contradictions_are_reported_on_the_release_type() {
        for (version, release_type) in [
            ("v3.0.0", "Patch"),
            ("2.4.0", "Major"),
            ("2.4.1", "Minor (Major | Minor | Patch | Hotfix)"),
            ("3.0.0", "Minor"),
            ("2.4.0", "Hotfix"),
        ] {
            let found = check_rule("RL406", &doc(version, release_type), None);
            assert_eq!(found, ["RL406:9"], "{version} {release_type}");
        }
        let found = diagnostics("RL406", &doc("v3.0.0", "Patch"), None);
        assert_eq!(
            found[0].message,
            "release type `Patch` contradicts version `v3.0.0`; a Patch release is x.y.z with z > 0, and `v3.0.0` is a Major version"
        );
    }

    #[test]
    fn consistent_types_pass_and_pre_releases_are_ignored() {
        for (version, release_type) in [
            ("v3.0.0-rc.1", "Major"),
            ("2.4.0", "Minor"),
            ("2.4.1", "Patch"),
            ("2.4.1+build.7", "Hotfix"),
        ] {
            assert!(check_rule("RL406", &doc(version, release_type), None).is_empty());
        }
    }

    #[test]
    fn a_version_change_is_checked_as_a_bump() {
        for (release, release_type) in [
            ("2.3.1 → 2.3.2", "Patch"),
            ("2.3.1 -> 2.3.2", "Hotfix"),
            ("from 2.3.1 to 2.4.0", "Minor"),
            ("v2.3.1 → v3.0.0", "Major"),
            ("2.4.0-rc.2 → 2.4.0", "Minor"),
        ] {
            let found = check_rule("RL406", &doc(release, release_type), None);
            assert!(found.is_empty(), "{release} {release_type}: {found:?}");
        }
        for (release, release_type) in [
            ("2.3.1 → 2.4.1", "Patch"),
            ("2.3.1 → 3.0.1", "Hotfix"),
            ("1.9.0 → 2.1.0", "Minor"),
            ("2.3.2 → 2.3.1", "Patch"),
            ("3.1.0 → 3.0.0", "Major"),
        ] {
            let found = check_rule("RL406", &doc(release, release_type), None);
            assert_eq!(found, ["RL406:9"], "{release} {release_type}");
        }
        let found = diagnostics("RL406", &doc("2.3.1 → 2.4.1", "Patch"), None);
        assert_eq!(
            found[0].message,
            "release type `Patch` contradicts the change `2.3.1` → `2.4.1`; a Patch release raises the patch number with the same major and minor, and `2.3.1` → `2.4.1` is a Minor bump"
        );
        let found = diagnostics("RL406", &doc("2.3.2 → 2.3.1", "Patch"), None);
        assert!(
            found[0].message.ends_with("is not an increase"),
            "{}",
            found[0].message
        );
        // The version's own shape is checked first: one finding, not two.
        let found = diagnostics("RL406", &doc("2.3.1 → 2.3.2", "Minor"), None);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("a Minor release is x.y.0"));
    }

    #[test]
    fn calendar_versions_are_not_checked() {
        let settings = Settings {
            version_scheme: VersionScheme::Calver,
            select: vec!["RL406".to_owned()],
            ..Settings::default()
        };
        for release in ["3.0.0", "2.3.1 → 2.4.1"] {
            let source = doc(release, "Patch");
            assert!(crate::check(&Document::parse(&source), &settings).is_empty());
        }
    }

    #[test]
    fn silent_when_unfilled() {
        assert!(check_rule("RL406", &doc("{{release_version}}", "Patch"), None).is_empty());
        assert!(check_rule("RL406", &doc("3.0.0", "{{release_type}}"), None).is_empty());
        assert!(
            !check_rule("RL406", &doc("3.0.0", "Patch"), Some(Stage::Draft)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
