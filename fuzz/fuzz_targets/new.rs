//! Fuzz `new`: values from arbitrary text (YAML, or JSON) and arbitrary `--set`
//! assignments render through the embedded template without panicking, and what is
//! rendered parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use release_gen::{Template, Values};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The first line is a `--set key=value` assignment; the rest is a values file.
    let (set, values_text) = text.split_once('\n').unwrap_or((text, ""));
    let template = Template::embedded();
    for name in ["values.yaml", "values.json"] {
        let Ok(mut values) = Values::from_text(name, values_text) else {
            continue;
        };
        let _ = values.set(set);
        if let Ok(document) = release_gen::render(&template, &values, name) {
            let _ = release_doc::parse(&document);
        }
    }
});
