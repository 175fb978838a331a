//! Parsers for the typed values found in fields and cells (spec section 4).

pub mod datetime;
pub mod enums;
pub mod note;
pub mod placeholder;
pub mod quantity;
pub mod status;
pub mod threshold;
pub mod version;
