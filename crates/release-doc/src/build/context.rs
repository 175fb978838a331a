//! The builder's state: the model being filled, the section and group label in force,
//! and the problems met.

use crate::field::Field;
use crate::markdown::{plain, split_label, CodeBlock as MdCode, ListBlock, TableBlock};
use crate::model::{CodeBlock, LabeledField, ReleaseDoc, SectionId};
use crate::problem::{Parsed, Problem, ProblemKind};
use crate::span::Span;
use crate::values::{enums::split_hint, placeholder};

use super::{checklist, lists, overview, table};

pub(crate) struct Builder<'a> {
    pub source: &'a str,
    pub doc: ReleaseDoc,
    pub problems: Vec<Problem>,
    /// The known section in force, `None` in an unknown one or before any heading.
    pub section: Option<SectionId>,
    pub section_title: String,
    pub section_span: Span,
    /// The bold label (or deep heading) in force for the next list, table or code block.
    pub label: Option<(String, Span)>,
}

impl<'a> Builder<'a> {
    pub fn new(source: &'a str) -> Self {
        Self {
            source,
            doc: ReleaseDoc::default(),
            problems: Vec::new(),
            section: None,
            section_title: String::new(),
            section_span: Span::default(),
            label: None,
        }
    }

    pub fn finish(mut self) -> Parsed<ReleaseDoc> {
        overview::overview(&mut self);
        checklist::derive_triggers_and_signoffs(&mut self);
        super::close_sections(&mut self.doc.sections, self.source.len());
        self.problems.sort_by_key(|p| p.span.start);
        Parsed {
            value: self.doc,
            problems: self.problems,
        }
    }

    pub fn enter(&mut self, id: Option<SectionId>, title: String, span: Span) {
        self.section = id;
        self.section_title = title;
        self.section_span = span;
        self.label = None;
    }

    pub fn set_label(&mut self, label: String, span: Span) {
        self.label = Some((label, span));
    }

    /// The line of the first heading of `id`, for messages.
    pub fn line_of_section(&self, id: SectionId) -> usize {
        let start = self.doc.section(id).map_or(0, |s| s.span.start);
        self.source
            .get(..start)
            .map_or(1, |s| s.bytes().filter(|&c| c == b'\n').count() + 1)
    }

    pub fn problem(&mut self, kind: ProblemKind, span: Span, message: String) {
        self.problems.push(Problem {
            kind,
            message,
            span,
            section: None,
        });
    }

    pub fn problem_in(
        &mut self,
        kind: ProblemKind,
        span: Span,
        message: String,
        section: Option<String>,
    ) {
        self.problems.push(Problem {
            kind,
            message,
            span,
            section,
        });
    }

    /// Read a typed value, recording an `InvalidValue` problem when it does not parse.
    pub fn read<T>(
        &mut self,
        what: &str,
        raw: &str,
        span: Span,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Field<T> {
        let field = Field::read(raw, span, parse);
        if let Field::Invalid {
            raw,
            expected,
            span,
        } = &field
        {
            let message = format!("{what} `{raw}` is not valid; expected {expected}");
            let section = (!self.section_title.is_empty()).then(|| self.section_title.clone());
            self.problems.push(Problem {
                kind: ProblemKind::InvalidValue,
                message,
                span: *span,
                section,
            });
        }
        field
    }

    /// Free text at `span`.
    pub fn text(&self, span: Span) -> Field<String> {
        Field::text(span.text(self.source), span)
    }

    pub fn paragraph(&mut self, span: Span) {
        let Some((label, label_span, value)) = split_label(self.source, span, false) else {
            return;
        };
        if value.is_empty() {
            self.set_label(label, label_span);
            return;
        }
        let raw = value.text(self.source);
        let (_, options) = split_hint(raw);
        self.doc.fields.push(LabeledField {
            section: self.section,
            section_title: self.section_title.clone(),
            label,
            label_span,
            value: Field::text(raw, value),
            options,
        });
    }

    pub fn list(&mut self, list: &ListBlock) {
        if list.items.iter().any(|i| i.task.is_some()) {
            checklist::group(self, list);
        } else {
            lists::plain_list(self, list);
        }
    }

    pub fn table(&mut self, block: &TableBlock) {
        table::table(self, block);
    }

    pub fn code(&mut self, code: &MdCode) {
        let text = code.code.text(self.source);
        let placeholders = placeholder::find_all(text)
            .into_iter()
            .map(|p| {
                (
                    p.name,
                    Span::new(
                        code.code.start + p.range.start,
                        code.code.start + p.range.end,
                    ),
                )
            })
            .collect();
        let block = CodeBlock {
            label: self.label.as_ref().map(|(l, _)| plain(l)),
            language: code.language.clone(),
            code: text.to_owned(),
            code_span: code.code,
            span: code.span,
            placeholders,
        };
        match self.section {
            Some(SectionId::DeploymentCommands) => self.doc.commands.push(block),
            None => {
                if let Some(section) = self.doc.unknown_sections.last_mut() {
                    section.code.push(block);
                }
            }
            Some(_) => {}
        }
    }
}
