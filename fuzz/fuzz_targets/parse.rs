//! Fuzz `release_doc::parse`: any UTF-8 text parses without panicking, every span stays
//! inside the text, and the model serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = release_doc::parse(text);
    for problem in &parsed.problems {
        assert!(problem.span.start <= problem.span.end && problem.span.end <= text.len());
    }
    let index = release_doc::LineIndex::new(text);
    for section in &parsed.value.sections {
        assert!(section.span.end <= text.len());
        let _ = index.line_col(text, section.span.start);
    }
});
