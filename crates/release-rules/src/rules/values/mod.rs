//! Value rules (`RL3xx`): filled-in values that do not parse as their type or are not
//! among the allowed options.
//!
//! Each rule reads the filled cells and fields of its type at every stage (mostly the
//! [`Field::Invalid`] ones): unfilled values belong to RL101 `unfilled-placeholder`.

use release_doc::{Field, Frontmatter, Span, Text};

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::{Rule, RuleMeta};

pub(crate) mod enum_not_canonical;
pub(crate) mod invalid_date;
pub(crate) mod invalid_duration;
pub(crate) mod invalid_enum_value;
pub(crate) mod invalid_number;
pub(crate) mod invalid_status;
pub(crate) mod invalid_threshold;
pub(crate) mod invalid_time;
pub(crate) mod template_hint_kept;
pub(crate) mod version_not_semver;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[
    &invalid_enum_value::InvalidEnumValue,
    &invalid_date::InvalidDate,
    &invalid_time::InvalidTime,
    &invalid_duration::InvalidDuration,
    &invalid_number::InvalidNumber,
    &invalid_threshold::InvalidThreshold,
    &version_not_semver::VersionNotSemver,
    &invalid_status::InvalidStatus,
    &enum_not_canonical::EnumNotCanonical,
    &template_hint_kept::TemplateHintKept,
];

/// A filled value that does not parse: its text, what was expected, and where it is.
pub(super) struct Invalid<'f> {
    pub(super) raw: &'f str,
    pub(super) expected: &'f str,
    pub(super) span: Span,
}

/// The field's text, expectation and span when it is filled but does not parse.
pub(super) fn invalid<T>(field: &Field<T>) -> Option<Invalid<'_>> {
    match field {
        Field::Invalid {
            raw,
            expected,
            span,
        } => Some(Invalid {
            raw,
            expected,
            span: *span,
        }),
        _ => None,
    }
}

/// A frontmatter key's value when it is text that does not parse. A list or mapping
/// where text is expected is a structural problem, not a value one, and is skipped.
pub(super) fn invalid_frontmatter<'f, T>(
    frontmatter: &'f Frontmatter,
    key: &str,
    field: &'f Field<T>,
) -> Option<Invalid<'f>> {
    let is_text = frontmatter
        .keys
        .iter()
        .find(|k| k.key == key)
        .is_some_and(|k| k.value.is_string());
    invalid(field).filter(|_| is_text)
}

/// Report `field` when it is invalid: "{what} is `raw`, not {kind}; expected …".
pub(super) fn report<T>(
    ctx: &Context<'_>,
    meta: &'static RuleMeta,
    field: &Field<T>,
    kind: &str,
    what: impl FnOnce() -> String,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(found) = invalid(field) {
        push(ctx, meta, &found, kind, what(), out);
    }
}

/// Push the finding for `found`.
pub(super) fn push(
    ctx: &Context<'_>,
    meta: &'static RuleMeta,
    found: &Invalid<'_>,
    kind: &str,
    what: String,
    out: &mut Vec<Diagnostic>,
) {
    out.push(ctx.diagnostic(
        meta,
        found.span,
        format!(
            "{what} is `{}`, not {kind}; expected {}",
            found.raw, found.expected
        ),
    ));
}

/// How a table row is named in messages: by its first cell (`timeline phase
/// \`Database migration\``), else by its position (`timeline phase in row 2`).
pub(super) fn row(kind: &str, name: &Text, index: usize) -> String {
    match name {
        Field::Value { raw, .. } => {
            // Backticks of the cell would break the quoting of the message.
            let plain = raw.replace('`', "");
            let short: String = plain.chars().take(40).collect();
            let ellipsis = if short.len() < plain.len() { "…" } else { "" };
            format!("{kind} `{short}{ellipsis}`")
        }
        _ => format!("{kind} in row {}", index + 1),
    }
}
