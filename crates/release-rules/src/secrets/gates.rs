//! Cheap tests that a text can hold a token of a family, run before its regex: most
//! documents hold none, and the regex costs more to compile than a whole check of such a
//! document.

/// Whether `source` holds a GitHub token prefix (`ghp_`, `gho_`, `ghu_`, `ghs_`,
/// `ghr_`).
pub(crate) fn has_github_prefix(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, "gh").any(|at| {
        matches!(
            bytes.get(at + 2..).unwrap_or_default(),
            [b'p' | b'o' | b'u' | b's' | b'r', b'_', ..]
        )
    })
}

/// Whether `source` holds a Slack token prefix (`xox[abprs]-`).
pub(crate) fn has_slack_prefix(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, "xox").any(|at| {
        matches!(
            bytes.get(at + 3..).unwrap_or_default(),
            [b'a' | b'b' | b'p' | b'r' | b's', b'-', ..]
        )
    })
}
