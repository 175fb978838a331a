//! The starter config written by `release-lint init`.

/// A `release-lint.toml` that documents every key with its default.
#[must_use]
pub fn init_text() -> &'static str {
    include_str!("init.toml")
}
