//! RL406: a Release Type that the release's SemVer version contradicts.

use release_doc::values::enums::ReleaseType;
use release_doc::Field;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Compares the Overview's Release Type with the version in `**Release**: name
    /// (version)`, at every stage: a `Major` release is `x.0.0`, a `Minor` release
    /// `x.y.0` with y > 0, a `Patch` or `Hotfix` release `x.y.z` with z > 0. Pre-release
    /// and build suffixes (`3.0.0-rc.1`) are ignored.
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
    /// ## How to fix
    /// Correct whichever is wrong: the Release Type (`Major` above) or the version
    /// (`v2.4.1`).
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

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
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
    } = &overview.release_version
    else {
        return;
    };
    let implied = match (version.minor, version.patch) {
        (0, 0) => "Major",
        (_, 0) => "Minor",
        _ => "Patch or Hotfix",
    };
    let shape = match release_type {
        ReleaseType::Major if implied == "Major" => return,
        ReleaseType::Minor if implied == "Minor" => return,
        ReleaseType::Patch | ReleaseType::Hotfix if implied == "Patch or Hotfix" => return,
        ReleaseType::Major => "x.0.0",
        ReleaseType::Minor => "x.y.0 with y > 0",
        _ => "x.y.z with z > 0",
    };
    let message = format!(
        "release type `{release_type}` contradicts version `{version_raw}`; a {release_type} release is {shape}, and `{version_raw}` is a {implied} version"
    );
    out.push(
        ctx.diagnostic(&ReleaseTypeContradictsVersion::META, *span, message)
            .with_label(*version_span, format!("version `{version_raw}`")),
    );
}

#[cfg(test)]
mod tests {
    use release_doc::values::enums::Stage;

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
    fn silent_when_unfilled() {
        assert!(check_rule("RL406", &doc("{{release_version}}", "Patch"), None).is_empty());
        assert!(check_rule("RL406", &doc("3.0.0", "{{release_type}}"), None).is_empty());
        assert!(
            !check_rule("RL406", &doc("3.0.0", "Patch"), Some(Stage::Draft)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
