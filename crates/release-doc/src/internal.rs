//! Helpers the other crates of the workspace (release-rules, release-gen,
//! release-history, the release-lint binary) share with the parser, so that they read
//! text the way the parser does.
//!
//! Not part of the API: hidden from the documentation, outside the semver promise, and
//! changed whenever the workspace needs it. An importer uses the model and
//! [`crate::values`] instead.

pub use crate::build::checklist::find_not_applicable;
pub use crate::frontmatter::unquote::quoted_scalar;
pub use crate::trim::is_ascii_space;
pub use crate::values::datetime::zone_meaning;
pub use crate::values::enums::split_hint;
pub use crate::values::quantity::strip_wrapping;
pub use crate::values::threshold::parse_leading_threshold;

/// `{{ placeholder }}` markers, placeholder-like text (`TBD`) and text that says "not
/// applicable", as the parser finds them.
pub mod placeholder {
    pub use crate::values::placeholder::{
        find_all, find_ranges, is_intentionally_empty, says_not_applicable, unfilled_marker,
        Placeholder,
    };
}

/// The known tables of the template: each one's name and columns, with the header names
/// each column goes by (the parser and the completeness rules read the same list).
pub mod known_tables {
    pub use crate::known_tables::*;
}
