//! The typed values found in fields and cells (spec section 4), and their parsers.
//!
//! Every type and parser is here at the top: `release_doc::values::Stage`,
//! `release_doc::values::parse_duration`. The submodules are not part of the API: they
//! stay reachable, hidden, for one minor version so that the paths of release 0.1
//! (`values::enums::Stage`) keep compiling. The helpers the workspace's other crates
//! share are in [`crate::internal`], also hidden: they are not part of the API either.

#[doc(hidden)]
pub mod datetime;
#[doc(hidden)]
pub mod enums;
mod error;
pub(crate) mod note;
pub(crate) mod placeholder;
#[doc(hidden)]
pub mod quantity;
#[doc(hidden)]
pub mod status;
#[doc(hidden)]
pub mod threshold;
#[doc(hidden)]
pub mod version;

pub use datetime::{parse_date, parse_duration, parse_moment, Duration, Moment};
pub use enums::{Environment, Outcome, Priority, ReleaseType, RiskLevel, RollbackStrategy, Stage};
pub use error::ValueError;
pub use quantity::{parse_quantity, Quantity, Unit};
pub use status::{parse_status, Status};
pub use threshold::{parse_threshold, Comparator, Threshold};
pub use version::{parse_calver, parse_version, CalVer};
