#![doc = include_str!("../README.md")]
//!
//! # How it fits together
//!
//! [`check`] runs every selected rule of the [`registry`] over a parsed [`Document`] and
//! returns the diagnostics, sorted by position. Each rule knows the lifecycle stage from
//! which the content it reads is due ([`due`]); the required sections, fields, checklist
//! items and table columns come from a template parsed with the same parser
//! ([`Schema`]).
//!
//! The rules read what a check shares through the [`Context`]: the document, its stage
//! and the settings, the schema, and, found once per check on first use, the template's
//! outline and the document's [`secrets`]. A rule never reads another rule's module, and
//! only the [`registry`] names the rules.
#![deny(missing_docs)]

pub mod config;
mod context;
pub mod diagnostic;
pub mod docs;
pub mod document;
pub mod due;
pub mod encoding;
mod engine;
pub mod fix;
pub mod history;
mod markdown;
pub mod outcome;
mod outline;
pub mod registry;
pub mod rule;
mod rules;
pub mod schema;
pub mod secrets;
pub mod settings;
pub mod stage;
pub mod standards;
mod suppression;
#[cfg(test)]
mod test_support;

pub use context::Context;
pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
pub use document::Document;
pub use engine::{check, resolve_stage};
pub use release_doc::values::Stage;
pub use rule::{Family, Rule, RuleMeta};
pub use schema::Schema;
pub use settings::{Settings, VersionScheme};
pub use stage::{StageResolution, StageSource};
