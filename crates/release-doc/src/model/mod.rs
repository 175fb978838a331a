//! The typed model of a release document.
//!
//! [`ReleaseDoc`] has two layers. The generic layer keeps every section heading, every
//! `**Label**: value` field and every checklist group as written, whatever section it is
//! in, so a template parsed with the same parser can serve as the schema of required
//! sections, fields and items. The typed layer reads the known parts of the template
//! (Overview, tables, rollback plan, release notes, ...) into typed values.
//!
//! The structs are `#[non_exhaustive]`, so that a new part of the format is a new field
//! and not a breaking change: outside this crate they are read, not built with a struct
//! literal.
//!
//! ```compile_fail,E0639
//! use release_doc::{Field, ListItem, Span};
//! let item = ListItem { text: Field::Missing, span: Span::default() };
//! ```
//!
//! A tool that needs one anyway (a generator, a test) starts from `Default` where the
//! struct has it, or from a parsed document:
//!
//! ```
//! use release_doc::{ListItem, Span};
//! let mut item = ListItem::default();
//! item.span = Span::new(0, 12);
//! assert!(item.text.is_missing());
//! ```

mod document;
mod parts;
mod sections;
mod tables;

pub use document::{
    Emergency, Frontmatter, FrontmatterKey, Overview, ReleaseDoc, ReleaseNotes, Retrospective,
    Rollback, Scope,
};
pub use parts::{
    ChecklistGroup, ChecklistItem, CodeBlock, DocLink, LabeledField, LabeledItem, List, ListItem,
    NotApplicable, QualityTarget, SignOff, TargetKind, TriggerCondition, UnknownSection,
};
pub(crate) use sections::{normalize_title as normalize_label, with_normalized};
pub use sections::{normalize_title, MatchedBy, Section, SectionId};
pub use tables::{
    ActionItemRow, BusinessMetricRow, Column, CommunicationRow, IssueRow, MetricRow, RawRow,
    RiskRow, SuccessMetricRow, Table, TimelineRow,
};
