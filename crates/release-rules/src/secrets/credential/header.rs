//! The credential of an `Authorization: Bearer|Basic|Token …` header.

use std::sync::LazyLock;

use regex::Regex;

use super::{find_on_lines, lines, Hit, Text};

/// `Authorization: Bearer …` (also `Basic`, `Token`).
static AUTHORIZATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u:\b)authorization["']?[ \t]*[:=][ \t]*["']?(?:bearer|basic|token)[ \t]+(?<value>[^\s"'`]+)"#)
        .expect("valid regex")
});

/// The credentials of `Authorization: Bearer|Basic|Token …` headers, 8 characters or more.
pub(in crate::secrets) fn find_authorization_headers(text: &Text<'_>) -> Vec<Hit> {
    find_on_lines(text, &lines(text).authorization, &AUTHORIZATION, |value| {
        value.len() >= 8
    })
}
