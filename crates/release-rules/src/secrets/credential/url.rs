//! The password of a URL: `scheme://user:password@host`, the user possibly empty.

use std::sync::LazyLock;

use regex::Regex;

use super::{find_on_lines, lines, Hit, Text};

/// `scheme://user:password@host`, the user possibly empty (`redis://:password@host`).
static URL_PASSWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u:\b)[a-z][a-z0-9+.\-]*://[^\s:/@"'`<>]*:(?<value>[^\s/@"'`<>]+)@"#)
        .expect("valid regex")
});

/// The passwords of URLs (`scheme://user:password@host`).
pub(in crate::secrets) fn find_url_passwords(text: &Text<'_>) -> Vec<Hit> {
    find_on_lines(text, &lines(text).urls, &URL_PASSWORD, |_| true)
}
