//! The figures of a release history (spec section 9): deployments, deployment
//! frequency, change failure rate, deployment success rate, mean time to recovery and
//! lead time for changes, overall, per component and per period, judged against the
//! quality standards and placed in DORA's performance bands.
//!
//! A history is built one document at a time: [`facts::read`] takes what a document
//! contributes (a few numbers, never its text) and [`History::add`] keeps it, so the
//! documents can be parsed in parallel and dropped at once. [`History::report`] computes
//! the figures; lead time needs git repositories ([`lead_time::Repositories`]).
#![warn(missing_docs)]

pub mod bands;
pub mod error;
pub mod facts;
pub mod figures;
pub mod history;
pub mod lead_time;
pub mod period;
pub mod standards;
pub mod tags;
pub mod time;

pub use error::HistoryError;
pub use history::{History, Options, Report};
pub use period::PeriodKind;
