//! Parsers for the typed values found in fields and cells (spec section 4).

pub mod placeholder;
