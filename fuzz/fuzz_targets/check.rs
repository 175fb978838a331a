//! Fuzz `check`: any UTF-8 text parses, is checked at every stage, and renders in every
//! output format without panicking; every finding's span stays inside the text (the
//! property is `release_lint::properties::check_everything`, shared with the proptest
//! version in `tests/fuzz_properties.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        release_lint::properties::check_everything(text);
    }
});
