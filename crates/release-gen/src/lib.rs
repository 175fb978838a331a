#![doc = include_str!("../README.md")]
//!
//! # What is in it
//!
//! - [`Template`]: the embedded default template (derived from the seed "Deployment &
//!   Release Process Template") or a user's own minijinja template; syntax and render
//!   errors carry file, line and column; [`Template::variables`] lists what it reads.
//! - [`Values`]: the values a template renders, which are the `release_doc` model itself
//!   (its serde form), read from YAML or JSON and changed with `--set`; checked against
//!   the model before rendering. A value that is not given renders as its `{{ path }}`
//!   placeholder.
//! - [`values_schema`]: the JSON Schema of values files.
//! - [`notes`]: a document's release notes as a Keep a Changelog section.
#![deny(missing_docs)]

mod context;
pub mod error;
pub mod notes;
mod schema;
mod template;
mod values;

pub use error::{Error, Location, Result};
pub use schema::values_schema;
pub use template::{Template, DEFAULT_TEMPLATE, DEFAULT_TEMPLATE_NAME};
pub use values::{Checked, Values};

/// Render `template` over `values`: check the values against the model (strictly for
/// the embedded template, whose variables are all model paths), then render.
///
/// # Errors
///
/// A bad value (with the path of its key), or a template syntax or render error (with
/// file, line and column).
pub fn render(template: &Template, values: &Values, values_name: &str) -> Result<String> {
    template.check()?;
    let checked = values.check(values_name, template.is_embedded())?;
    template.render(&checked)
}
