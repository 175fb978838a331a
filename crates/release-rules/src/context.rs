//! What a rule sees: the document, the stage, the settings, the schema and the targets.

use release_doc::internal::placeholder;
use release_doc::values::{Outcome, Stage};
use release_doc::{ReleaseDoc, Section, SectionId, Span};

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::due;
use crate::markdown;
use crate::outcome::{self, InferredOutcome};
use crate::outline::{self, Entry};
use crate::rule::RuleMeta;
use crate::schema::Schema;
use crate::secrets::Scan;
use crate::settings::Settings;
use crate::stage::StageResolution;
use crate::standards::Standards;

/// The read-only view every rule gets.
pub struct Context<'a> {
    /// The document being checked.
    pub doc: &'a Document,
    /// The stage it is checked at.
    pub stage: Stage,
    /// Where that stage came from.
    pub resolution: StageResolution,
    /// The settings.
    pub settings: &'a Settings,
    /// The template serving as schema.
    pub schema: &'a Schema,
    /// The quality-standard targets.
    pub standards: Standards,
    /// The source with ASCII letters lower-cased, computed on first use.
    lower: std::cell::OnceCell<String>,
    /// How the release ended, read once.
    outcome: Option<InferredOutcome>,
    /// The template's outline, built on first use.
    outline: std::cell::OnceCell<Vec<Entry<'a>>>,
    /// The document's secrets, which the security rules share, found on first use.
    secrets: std::cell::OnceCell<Scan>,
}

impl<'a> Context<'a> {
    /// Build the context of a check.
    #[must_use]
    pub fn new(
        doc: &'a Document,
        resolution: impl Into<StageResolution>,
        settings: &'a Settings,
    ) -> Self {
        let resolution = resolution.into();
        let schema = settings.schema();
        let standards = Standards::resolve(doc.model(), &settings.standards, schema.template());
        let outcome = outcome::infer(doc.model(), resolution.stage);
        Self {
            outcome,
            doc,
            stage: resolution.stage,
            resolution,
            settings,
            schema,
            standards,
            lower: std::cell::OnceCell::new(),
            outline: std::cell::OnceCell::new(),
            secrets: std::cell::OnceCell::new(),
        }
    }

    /// The template's outline ([`outline::of_template`]), built once per check.
    pub(crate) fn outline(&self) -> &[Entry<'a>] {
        self.outline
            .get_or_init(|| outline::of_template(self.schema.sections()))
    }

    /// The document's secrets by the table of families and the `secret-patterns`
    /// option, found once per check.
    pub(crate) fn secrets(&self) -> &Scan {
        self.secrets.get_or_init(|| {
            Scan::new(
                self.source(),
                self.lower_source(),
                &self.settings.options.secret_patterns,
            )
        })
    }

    /// When content at `offset` becomes due: frontmatter and text before the first
    /// section from `planned`, otherwise as the section holding it
    /// ([`outline::section_due`]).
    pub(crate) fn due_at(&self, offset: usize) -> Option<Stage> {
        match self.section_at(offset) {
            Some(section) => outline::section_due(self.outline(), section),
            None => Some(Stage::Planned),
        }
    }

    /// A section's own text: from the end of its heading to the next heading of any
    /// level.
    pub(crate) fn own_body(&self, section: &Section) -> Span {
        markdown::own_body(&self.model().sections, self.source().len(), section)
    }

    /// The source with its ASCII letters lower-cased (same byte offsets), computed once
    /// per document.
    #[must_use]
    pub fn lower_source(&self) -> &str {
        self.lower
            .get_or_init(|| self.source().to_ascii_lowercase())
    }

    /// The model.
    #[must_use]
    pub fn model(&self) -> &'a ReleaseDoc {
        self.doc.model()
    }

    /// The source text.
    #[must_use]
    pub fn source(&self) -> &'a str {
        self.doc.source()
    }

    /// How the release ended: the frontmatter's `outcome`, else what the document says
    /// (see [`crate::outcome::infer`]).
    #[must_use]
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome.map(|o| o.outcome)
    }

    /// The outcome with where it was read.
    #[must_use]
    pub fn inferred_outcome(&self) -> Option<InferredOutcome> {
        self.outcome
    }

    /// Whether content due from `since` is due now (`None`: never).
    #[must_use]
    pub fn is_due(&self, since: Option<Stage>) -> bool {
        since.is_some_and(|s| self.stage >= s)
    }

    /// Whether a known section's content is due now.
    #[must_use]
    pub fn section_due(&self, id: SectionId) -> bool {
        self.is_due(due::section(id))
    }

    /// The deepest section whose heading or body holds `offset`.
    ///
    /// A binary search: sections are in document order and nest (a body ends at the next
    /// heading of the same or a higher level), so the sections holding an offset are the
    /// last one starting at or before it and that one's parents, and the last one is the
    /// deepest. A scan of every section per call made a check quadratic in the number of
    /// sections (one call per finding).
    #[must_use]
    pub fn section_at(&self, offset: usize) -> Option<&'a Section> {
        let sections = &self.model().sections;
        let after = sections.partition_point(|s| s.span.start <= offset);
        let last = sections.get(after.checked_sub(1)?)?;
        (offset < last.body.end.max(last.span.end)).then_some(last)
    }

    /// Why `text` counts as unfilled, with the configured extra placeholder words.
    #[must_use]
    pub fn unfilled_marker(&self, text: &str) -> Option<String> {
        placeholder::unfilled_marker(text).or_else(|| self.placeholder_word(text).cloned())
    }

    /// Whether `text` counts as unfilled ([`Self::unfilled_marker`]). `filled`: the model
    /// already read `text` as filled in (no placeholder, not placeholder-like), so that
    /// only the configured extra placeholder words are left to look for.
    #[must_use]
    pub fn is_unfilled(&self, text: &str, filled: bool) -> bool {
        if filled {
            self.placeholder_word(text).is_some()
        } else {
            self.unfilled_marker(text).is_some()
        }
    }

    /// The first configured extra placeholder word that is a word of `text`.
    fn placeholder_word(&self, text: &str) -> Option<&'a String> {
        self.settings.options.placeholder_words.iter().find(|word| {
            text.split(|c: char| !c.is_alphanumeric() && c != '?' && c != '-')
                .any(|w| w == word.as_str())
        })
    }

    /// A diagnostic of `rule` at `span`, with the rule's default severity and the
    /// section `span` is in.
    #[must_use]
    pub fn diagnostic(
        &self,
        rule: &'static RuleMeta,
        span: Span,
        message: impl Into<String>,
    ) -> Diagnostic {
        let section = self
            .section_at(span.start)
            .map(|s| s.title.clone())
            .or_else(|| {
                self.model()
                    .frontmatter
                    .as_ref()
                    .filter(|f| f.span.start <= span.start && span.start < f.span.end)
                    .map(|_| "frontmatter".to_owned())
            });
        Diagnostic {
            code: rule.code,
            name: rule.name,
            severity: rule.severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            section,
            fix: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use super::*;

    /// What [`Context::section_at`] is defined as: the deepest of the sections holding
    /// `offset` (the last of them, on a tie), by a scan of every section.
    fn by_scan(doc: &Document, offset: usize) -> Option<&Section> {
        doc.model()
            .sections
            .iter()
            .filter(|s| s.span.start <= offset && offset < s.body.end.max(s.span.end))
            .max_by_key(|s| s.level)
    }

    #[test]
    fn section_at_finds_what_a_scan_of_every_section_finds() {
        let template = include_str!("../../../fixtures/template.md");
        let odd = "intro\n### Deep first\n\ntext\n## Overview\n\n**Release**: x\n#### Deeper\n\n\
                   ## Two\n### Three\n# One\n\ntail\n## Last\n";
        for source in [template, odd, "", "# only\n", "text without headings\n"] {
            let doc = Document::parse(source);
            let settings = Settings::default();
            let ctx = Context::new(&doc, Stage::Draft, &settings);
            for offset in 0..=source.len() + 1 {
                assert_eq!(
                    ctx.section_at(offset).map(|s| s.span),
                    by_scan(&doc, offset).map(|s| s.span),
                    "offset {offset} of {source:?}"
                );
            }
        }
    }
}
