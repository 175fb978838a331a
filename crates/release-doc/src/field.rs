//! The tri-state value every field, cell and item of the model holds.

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::values::placeholder;

/// A value read from the document: missing, unfilled, not parseable, or a typed value.
///
/// This is the tri-state of the format (missing / unfilled / value) with the value state
/// split in two: [`Field::Invalid`] is filled-in text that does not parse as the expected
/// type, so rules can say what was found and what was expected.
///
/// Every state but `Missing` carries the byte span of the text it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
#[cfg_attr(feature = "schemars", schemars(rename = "Field_of_{T}"))]
pub enum Field<T> {
    /// The field, cell or item is not in the document at all.
    Missing,
    /// Present but not filled in: it still holds a `{{ placeholder }}` (its name is kept),
    /// placeholder-like text such as `TBD` (the text is kept), or nothing (`""`).
    Unfilled {
        /// The placeholder's name, the placeholder-like text, or `""` for empty text.
        placeholder: String,
        /// Where the text is.
        #[serde(default)]
        span: Span,
    },
    /// Says on purpose that there is nothing here (`None`, `N/A`, `—`) where a typed value
    /// (a number, time, duration, ...) would go: filled, but with no value to check.
    Empty {
        /// The text as written.
        raw: String,
        /// Where the text is.
        #[serde(default)]
        span: Span,
    },
    /// Filled in, but the text is not a valid value of the expected type.
    Invalid {
        /// The text as written.
        raw: String,
        /// What was expected, for messages (`"a date like 2026-11-30"`).
        expected: String,
        /// Where the text is.
        #[serde(default)]
        span: Span,
    },
    /// A typed value.
    Value {
        /// The parsed value.
        value: T,
        /// The text as written (trimmed), which rendering reproduces.
        raw: String,
        /// Where the text is.
        #[serde(default)]
        span: Span,
        /// Words or a parenthesis written after the value (`(incl. rollback)` in
        /// `62m (incl. rollback)`), kept but not read.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
}

// Written by hand: a derive would require `T: Default`.
#[allow(clippy::derivable_impls)]
impl<T> Default for Field<T> {
    fn default() -> Self {
        Field::Missing
    }
}

impl<T> Field<T> {
    /// Read `raw` (the text at `span`): placeholders and placeholder-like text make it
    /// unfilled, otherwise `parse` decides between a value and invalid text. `parse`
    /// returns what was expected when it fails (a [`ValueError`](crate::values::ValueError)
    /// or its message).
    ///
    /// Not part of the API (an importer reads fields, the parser makes them): release-gen
    /// reads the values given on its command line with it.
    #[doc(hidden)]
    pub fn read<E: Into<String>>(
        raw: &str,
        span: Span,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Self {
        Self::read_noted(raw, span, |text| parse(text).map(|value| (value, None)))
    }

    /// Like [`Field::read`], for a value that may be followed by a note: `parse` returns
    /// the value and the note it left (see [`crate::values::note::parse_noted`]).
    pub(crate) fn read_noted<'t, E: Into<String>>(
        raw: &'t str,
        span: Span,
        parse: impl FnOnce(&'t str) -> Result<(T, Option<&'t str>), E>,
    ) -> Self {
        let text = raw.trim();
        if let Some(name) = placeholder::unfilled_marker(text) {
            return Field::Unfilled {
                placeholder: name,
                span,
            };
        }
        match parse(text) {
            Err(_) if placeholder::says_not_applicable(text) => Field::Empty {
                raw: text.to_owned(),
                span,
            },
            Ok((value, note)) => Field::Value {
                value,
                raw: text.to_owned(),
                span,
                note: note.map(str::to_owned),
            },
            Err(expected) => Field::Invalid {
                raw: text.to_owned(),
                expected: expected.into(),
                span,
            },
        }
    }

    /// The typed value, if there is one.
    #[must_use]
    pub fn value(&self) -> Option<&T> {
        match self {
            Field::Value { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The note written after the value (`lag` in `9 min lag`), if any.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        match self {
            Field::Value { note, .. } => note.as_deref(),
            _ => None,
        }
    }

    /// The text of the value without its note (`9 min` of `9 min lag`): `raw` when there
    /// is no note, for `Empty`, `Invalid` and `Value`.
    #[must_use]
    pub fn value_text(&self) -> Option<&str> {
        let raw = self.raw()?;
        match self.note() {
            Some(note) => Some(raw.strip_suffix(note).unwrap_or(raw).trim_end()),
            None => Some(raw),
        }
    }

    /// The span, unless the field is missing.
    #[must_use]
    pub fn span(&self) -> Option<Span> {
        match self {
            Field::Missing => None,
            Field::Unfilled { span, .. }
            | Field::Empty { span, .. }
            | Field::Invalid { span, .. }
            | Field::Value { span, .. } => Some(*span),
        }
    }

    /// The text as written, for `Empty`, `Invalid` and `Value`.
    #[must_use]
    pub fn raw(&self) -> Option<&str> {
        match self {
            Field::Empty { raw, .. } | Field::Invalid { raw, .. } | Field::Value { raw, .. } => {
                Some(raw)
            }
            _ => None,
        }
    }

    /// Whether the field is absent.
    #[must_use]
    pub fn is_missing(&self) -> bool {
        matches!(self, Field::Missing)
    }

    /// Whether the field is present but unfilled.
    #[must_use]
    pub fn is_unfilled(&self) -> bool {
        matches!(self, Field::Unfilled { .. })
    }

    /// Whether the field holds filled-in text (valid or not, or intentionally empty).
    #[must_use]
    pub fn is_filled(&self) -> bool {
        matches!(
            self,
            Field::Value { .. } | Field::Empty { .. } | Field::Invalid { .. }
        )
    }

    /// Whether the field says on purpose that there is nothing (`None`, `N/A`, `—`).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        matches!(self, Field::Empty { .. })
    }

    /// Map the value, keeping the state and span.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        match self {
            Field::Missing => Field::Missing,
            Field::Unfilled { placeholder, span } => Field::Unfilled { placeholder, span },
            Field::Empty { raw, span } => Field::Empty { raw, span },
            Field::Invalid {
                raw,
                expected,
                span,
            } => Field::Invalid {
                raw,
                expected,
                span,
            },
            Field::Value {
                value,
                raw,
                span,
                note,
            } => Field::Value {
                value: f(value),
                raw,
                span,
                note,
            },
        }
    }
}

/// Free text: any filled text is a value.
pub type Text = Field<String>;

impl Field<String> {
    /// Read free text: unfilled when it holds a placeholder, else its trimmed text.
    ///
    /// Not part of the API, like [`Field::read`].
    #[doc(hidden)]
    #[must_use]
    pub fn text(raw: &str, span: Span) -> Self {
        Self::read(raw, span, |s| Ok::<_, String>(s.to_owned()))
    }
}
