//! A parsed document together with its source and line index.

use release_doc::{LineCol, LineIndex, ParseOptions, Parsed, ReleaseDoc, Span};

use crate::encoding::{self, DecodeError, Transcoded};
use crate::settings::Settings;

/// A document ready to be checked: its text, its model and its structural problems.
#[derive(Debug, Clone)]
pub struct Document {
    source: String,
    parsed: Parsed<ReleaseDoc>,
    lines: LineIndex,
    transcoded: Option<Transcoded>,
}

impl Document {
    /// Parse `source`.
    #[must_use]
    pub fn parse(source: impl Into<String>) -> Self {
        Self::parse_with(source, &ParseOptions::default())
    }

    /// Parse `source` as `settings` say (the configured `[sections] aliases`).
    #[must_use]
    pub fn parse_for(source: impl Into<String>, settings: &Settings) -> Self {
        Self::parse_with(
            source,
            &ParseOptions::with_aliases(settings.section_aliases.clone()),
        )
    }

    /// Parse `source` with parser options.
    #[must_use]
    pub fn parse_with(source: impl Into<String>, options: &ParseOptions) -> Self {
        let source = source.into();
        let parsed = release_doc::parse_with(&source, options);
        let lines = LineIndex::new(&source);
        Self {
            source,
            parsed,
            lines,
            transcoded: None,
        }
    }

    /// Decode and parse a file's bytes: UTF-8 as it is, UTF-16 with a byte order mark and
    /// legacy encodings decoded first (the `not-utf8` rule reports them, see
    /// [`Document::transcoded`]).
    ///
    /// # Errors
    /// [`DecodeError`] for binary data and for bytes that do not decode.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, DecodeError> {
        Self::from_bytes_for(bytes, &Settings::default())
    }

    /// [`Document::from_bytes`], parsed as `settings` say (see [`Document::parse_for`]).
    ///
    /// # Errors
    /// [`DecodeError`] for binary data and for bytes that do not decode.
    pub fn from_bytes_for(bytes: Vec<u8>, settings: &Settings) -> Result<Self, DecodeError> {
        let (text, transcoded) = encoding::decode(bytes)?;
        Ok(Self {
            transcoded,
            ..Self::parse_for(text, settings)
        })
    }

    /// How the file was decoded, when it was not UTF-8.
    #[must_use]
    pub fn transcoded(&self) -> Option<&Transcoded> {
        self.transcoded.as_ref()
    }

    /// The text as given (decoded, for a file that was not UTF-8).
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The model.
    #[must_use]
    pub fn model(&self) -> &ReleaseDoc {
        &self.parsed.value
    }

    /// The model and the structural problems.
    #[must_use]
    pub fn parsed(&self) -> &Parsed<ReleaseDoc> {
        &self.parsed
    }

    /// The line index of the source.
    #[must_use]
    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    /// The 1-based line and column of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.source, offset)
    }

    /// The text a span covers.
    #[must_use]
    pub fn text(&self, span: Span) -> &str {
        span.text(&self.source)
    }

    /// Whether this is a release document (spec section 1): frontmatter `phase:
    /// deployment`, or an Overview section with a `**Release**:` field. (Matching the
    /// configured `include` globs is the caller's business.)
    #[must_use]
    pub fn is_release_document(&self) -> bool {
        let model = self.model();
        let phase = model
            .frontmatter
            .as_ref()
            .and_then(|f| f.phase.value())
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("deployment"));
        phase
            || model
                .fields_in(release_doc::SectionId::Overview)
                .any(|f| f.label.trim().eq_ignore_ascii_case("release"))
    }
}
