//! The builder's state: the model being filled, the section and group label in force,
//! and the problems met.

use crate::field::Field;
use crate::markdown::{plain, split_label, CodeBlock as MdCode, ListBlock, TableBlock};
use crate::model::{with_normalized, CodeBlock, LabeledField, ReleaseDoc, SectionId};
use crate::problem::{Parsed, Problem, ProblemKind};
use crate::span::Span;
use crate::values::datetime::parse_date_noted;
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
    /// A `**Label**:` paragraph with nothing after it: the label of the list, table or
    /// code block that follows, or else an empty field (kept here until it is known).
    pub empty_field: Option<LabeledField>,
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
            empty_field: None,
        }
    }

    pub fn finish(mut self) -> Parsed<ReleaseDoc> {
        self.flush_empty_field();
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
        self.flush_empty_field();
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
    pub fn read<T, E: Into<String>>(
        &mut self,
        what: &str,
        raw: &str,
        span: Span,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Field<T> {
        self.record_invalid(what, Field::read(raw, span, parse))
    }

    /// Read a typed value that may be followed by a note (see [`Field::read_noted`]),
    /// recording an `InvalidValue` problem when it does not parse.
    pub fn read_noted<'t, T, E: Into<String>>(
        &mut self,
        what: &str,
        raw: &'t str,
        span: Span,
        parse: impl FnOnce(&'t str) -> Result<(T, Option<&'t str>), E>,
    ) -> Field<T> {
        self.record_invalid(what, Field::read_noted(raw, span, parse))
    }

    /// `field`, after recording an `InvalidValue` problem when it is invalid.
    fn record_invalid<T>(&mut self, what: &str, field: Field<T>) -> Field<T> {
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

    /// The year of a date written without one (`May 21`): the Scheduled Date's, else
    /// the frontmatter's `created`, else its `updated`.
    pub fn year(&self) -> Option<i16> {
        let scheduled = || {
            let field = self.doc.fields.iter().find(|f| {
                f.section == Some(SectionId::Overview)
                    && with_normalized(&f.label, |l| l == "scheduled date")
            })?;
            parse_date_noted(field.value.raw()?, None)
                .ok()
                .map(|(d, _)| d)
        };
        let frontmatter = self.doc.frontmatter.as_ref();
        self.doc
            .overview
            .scheduled_date
            .value()
            .copied()
            .or_else(scheduled)
            .or_else(|| frontmatter.and_then(|f| f.created.value().copied()))
            .or_else(|| frontmatter.and_then(|f| f.updated.value().copied()))
            .map(|d| d.year())
    }

    /// Free text at `span`.
    pub fn text(&self, span: Span) -> Field<String> {
        Field::text(span.text(self.source), span)
    }

    /// A pending `**Label**:` followed by no list, table or code block is an empty field.
    pub fn flush_empty_field(&mut self) {
        if let Some(field) = self.empty_field.take() {
            self.doc.fields.push(field);
        }
    }

    pub fn paragraph(&mut self, span: Span) {
        if self.not_applicable_prose(span) {
            return;
        }
        self.flush_empty_field();
        let Some((label, label_span, value)) = split_label(self.source, span, false) else {
            // A paragraph that is only bold text (`**Infrastructure**`) labels what follows.
            if let Some((label, label_span)) = bold_only(self.source, span) {
                self.set_label(label, label_span);
            }
            return;
        };
        if value.is_empty() {
            self.empty_field = Some(LabeledField {
                section: self.section,
                section_title: self.section_title.clone(),
                label: label.clone(),
                label_span,
                value: Field::Unfilled {
                    placeholder: String::new(),
                    span: Span::new(span.end, span.end),
                },
                options: Vec::new(),
            });
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

    /// A paragraph (not a `**Label**: value` field) that says the list or checklist it
    /// stands in for does not apply: read as that list's one item, or as a checklist group
    /// that does not apply. `false` when it is any other paragraph.
    fn not_applicable_prose(&mut self, span: Span) -> bool {
        let Some(section) = self.section else {
            return false;
        };
        let text = span.text(self.source);
        if !placeholder::says_not_applicable(text)
            || split_label(self.source, span, false).is_some()
        {
            return false;
        }
        let label = self.label.as_ref().map(|(l, _)| l.as_str());
        if checklist::is_checklist_place(section, label) {
            self.empty_field = None;
            checklist::not_applicable_group(self, span);
            return true;
        }
        let item = crate::markdown::Item {
            span,
            text: span,
            task: None,
        };
        let block = ListBlock {
            span,
            ordered: false,
            items: vec![item],
        };
        if lists::holds_list(section) {
            self.empty_field = None;
            lists::plain_list(self, &block);
            return true;
        }
        false
    }

    pub fn list(&mut self, list: &ListBlock) {
        self.empty_field = None;
        let single_na = match &list.items[..] {
            [item] if item.task.is_none() => {
                placeholder::says_not_applicable(item.text.text(self.source))
            }
            _ => false,
        };
        let label = self.label.as_ref().map(|(l, _)| l.as_str());
        if single_na
            && self
                .section
                .is_some_and(|s| checklist::is_checklist_place(s, label))
        {
            checklist::not_applicable_group(self, list.items[0].text);
            return;
        }
        if list.items.iter().any(|i| i.task.is_some()) {
            checklist::group(self, list);
        } else {
            lists::plain_list(self, list);
        }
    }

    pub fn table(&mut self, block: &TableBlock) {
        self.empty_field = None;
        table::table(self, block);
    }

    pub fn code(&mut self, code: &MdCode) {
        self.empty_field = None;
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

/// The text and span of a paragraph written wholly in bold (`**Label**`, `__Label__`).
fn bold_only(source: &str, span: Span) -> Option<(String, Span)> {
    let raw = span.text(source);
    let fence = ["**", "__"]
        .into_iter()
        .find(|f| raw.starts_with(f) && raw.ends_with(f))?;
    let inner = raw.get(2..raw.len().checked_sub(2)?)?;
    let plain = !inner.contains(fence) && !inner.contains('\n') && !inner.trim().is_empty();
    plain.then(|| {
        (
            inner.trim().to_owned(),
            Span::new(span.start + 2, span.end - 2),
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::field::Field;

    #[test]
    fn an_empty_label_is_a_field_unless_a_list_follows() {
        let src = "## Overview\n\n**Release Coordinator**:\n\n**Business Owner**: Ana\n\n## Rollback Plan\n\n**Rollback Steps**:\n\n1. Switch back\n";
        let doc = crate::parse(src).value;
        let labels: Vec<&str> = doc.fields.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["Release Coordinator", "Business Owner"]);
        assert!(
            matches!(&doc.fields[0].value, Field::Unfilled { placeholder, .. } if placeholder.is_empty())
        );
        assert!(doc.overview.release_coordinator.is_unfilled());
        assert_eq!(doc.rollback.steps.items.len(), 1);
    }

    #[test]
    fn a_bold_paragraph_labels_the_checklist_below() {
        let src = "## Deployment Prerequisites\n\n**Infrastructure**\n\n- [x] Database backups completed\n";
        let doc = crate::parse(src).value;
        assert_eq!(doc.checklists[0].label, "Infrastructure");
        assert!(doc.fields.is_empty());
    }
}
