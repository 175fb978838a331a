//! Checking one open document as `check` would check the file at its path: the closest
//! configuration (or none for a document that is not a file), the same test of what is a
//! release document, the same stage resolution and rules.

use std::path::{Path, PathBuf};

use lsp_types::Url;
use release_rules::secrets::Masker;
use release_rules::{Diagnostic, Document};

use super::position::Lines;
use crate::config::Configs;
use crate::input::{format_size, DEFAULT_MAX_FILE_SIZE};
use crate::mask;
use crate::output::sarif::DEFAULT_DOCS_URL;
use crate::output::{trim_line_break, Failure};

/// A checked release document.
#[derive(Debug)]
pub struct Checked {
    /// The parsed document (its source is the text that was checked).
    pub document: Document,
    /// The findings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The lines of the source.
    pub lines: Lines,
    /// The base URL of the rule pages (`docs-url`, else the default).
    pub docs_url: String,
}

impl Checked {
    /// The text that was checked.
    pub fn text(&self) -> &str {
        self.document.source()
    }
}

/// What checking a document gave.
#[derive(Debug)]
pub enum Analysis {
    /// Not a release document, or excluded by the configuration: no diagnostics, as
    /// `check` skips it.
    Skipped,
    /// The configuration that governs it could not be loaded.
    Failed(Failure),
    /// Checked.
    Checked(Box<Checked>),
}

/// The file a URI names, when it is a `file:` URI.
pub fn file_path(uri: &Url) -> Option<PathBuf> {
    (uri.scheme() == "file")
        .then(|| uri.to_file_path().ok())
        .flatten()
}

/// Check `text`, the content of the document at `uri`.
pub fn analyse(uri: &Url, text: &str, configs: &Configs) -> Analysis {
    let path = file_path(uri);
    let config = match &path {
        Some(path) => match configs.for_file(path) {
            Ok(config) => config,
            Err(failure) => return Analysis::Failed(failure),
        },
        None => None,
    };
    let governs = |test: &dyn Fn(&crate::config::Loaded, &Path) -> bool| {
        config
            .as_ref()
            .zip(path.as_deref())
            .is_some_and(|(c, p)| test(c, p))
    };
    if governs(&|c, p| c.is_excluded(p)) {
        return Analysis::Skipped;
    }
    // The size limit of `check` (the config's `max-file-size`, else 10 MiB).
    let limit = config
        .as_ref()
        .and_then(|c| c.max_file_size())
        .unwrap_or(DEFAULT_MAX_FILE_SIZE);
    if text.len() as u64 > limit {
        return Analysis::Failed(Failure::new(
            uri.as_str(),
            format!(
                "larger than the limit of {} (max-file-size); not checked",
                format_size(limit)
            ),
        ));
    }
    let included = governs(&|c, p| c.is_included(p));
    let settings = config
        .as_ref()
        .map(|c| c.settings.clone())
        .unwrap_or_default();
    let document = Document::parse_for(text, &settings);
    if !included && !document.is_release_document() {
        return Analysis::Skipped;
    }
    let mut diagnostics = release_rules::check(&document, &settings);
    // Secrets are masked in messages, as in every output of `check`.
    if !diagnostics.is_empty() {
        let spans = mask::secret_spans(document.source(), &diagnostics);
        let masker = Masker::new(document.source(), spans.iter().copied());
        mask::mask_messages(&mut diagnostics, &masker);
    }
    // As every output format shows them: a finding on a whole line ends at the line's
    // end, not at the start of the next line.
    for d in &mut diagnostics {
        d.span = trim_line_break(document.source(), d.span);
        for label in &mut d.labels {
            label.span = trim_line_break(document.source(), label.span);
        }
    }
    let docs_url = config
        .as_ref()
        .and_then(|c| c.docs_url().map(str::to_owned))
        .unwrap_or_else(|| DEFAULT_DOCS_URL.to_owned());
    let lines = Lines::new(document.source());
    Analysis::Checked(Box::new(Checked {
        document,
        diagnostics,
        lines,
        docs_url,
    }))
}
