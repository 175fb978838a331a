//! Release versions: SemVer 2.0 with an optional leading `v` (`2.4.0`, `v1.0.0-rc.1+build.5`).

use super::quantity::strip_wrapping;

/// What [`parse_version`] expects, for messages.
const EXPECTED: &str = "a SemVer version like 2.4.0";

/// Parse a SemVer version, allowing a leading `v` or `V` (`v2.4.0`). Surrounding space
/// and wrapping `**bold**` or `` `code` `` are ignored.
///
/// # Errors
///
/// What was expected, for anything that is not a full `MAJOR.MINOR.PATCH` version with
/// optional pre-release and build parts (`v2.4` and `2.4.0.1` are errors).
pub fn parse_version(text: &str) -> Result<semver::Version, String> {
    let text = strip_wrapping(text);
    let text = text
        .strip_prefix('v')
        .or_else(|| text.strip_prefix('V'))
        .unwrap_or(text);
    semver::Version::parse(text).map_err(|_| EXPECTED.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_semver_with_optional_v() {
        for (text, expected) in [
            ("2.4.0", "2.4.0"),
            ("v2.4.0", "2.4.0"),
            ("V2.4.0", "2.4.0"),
            ("`v10.0.1`", "10.0.1"),
            ("1.0.0-rc.1+build.5", "1.0.0-rc.1+build.5"),
            ("v1.0.0-alpha", "1.0.0-alpha"),
        ] {
            assert_eq!(
                parse_version(text).map(|v| v.to_string()),
                Ok(expected.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn rejects_everything_else() {
        for text in [
            "v2.4",
            "2.4.0.1",
            "2",
            "",
            "v",
            "vv2.4.0",
            "02.4.0",
            "2.4.0 (beta)",
            "version 2.4.0",
            "2.4.x",
        ] {
            assert_eq!(parse_version(text), Err(EXPECTED.to_owned()), "{text:?}");
        }
    }

    #[test]
    fn versions_order_by_semver() {
        let older = parse_version("2.4.0-rc.1");
        let newer = parse_version("v2.4.0");
        assert!(matches!((older, newer), (Ok(a), Ok(b)) if a < b));
    }
}
