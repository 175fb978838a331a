//! Fuzz `new`: values from arbitrary text (YAML, or JSON) and arbitrary `--set`
//! assignments render through the embedded template without panicking, and what is
//! rendered parses (the property is `release_lint::properties::generate`, shared with the
//! proptest version in `tests/fuzz_properties.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first line is a `--set key=value` assignment; the rest is a values file.
    let (set, values_text) = text.split_once('\n').unwrap_or((text, ""));
    release_lint::properties::generate(set, values_text);
});
