//! Fuzz `check`: any UTF-8 text parses, is checked at every stage, and renders in every
//! output format without panicking; every finding's span stays inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use release_lint::output::{self, human::HumanRenderer, FileReport, Summary};
use release_rules::{Document, Settings, Stage};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for stage in [
        Stage::Draft,
        Stage::Planned,
        Stage::Ready,
        Stage::Deployed,
        Stage::Closed,
    ] {
        let document = Document::parse(text);
        let settings = Settings {
            stage: Some(stage),
            ..Settings::default()
        };
        let diagnostics = release_rules::check(&document, &settings);
        for diagnostic in &diagnostics {
            assert!(diagnostic.span.start <= diagnostic.span.end);
            assert!(diagnostic.span.end <= text.len());
        }
        let reports = vec![FileReport::new(
            "fuzz.md".into(),
            stage,
            document,
            diagnostics,
        )];
        let summary = Summary::of(&reports, 0);
        let mut human = String::new();
        for color in [false, true] {
            HumanRenderer::new(color, 80).render_file(&mut human, &reports[0]);
        }
        let mut sink = Vec::new();
        output::concise::write(&mut sink, &reports).unwrap();
        output::json::write(&mut sink, &reports, summary).unwrap();
        output::sarif::write(&mut sink, &reports).unwrap();
        output::github::write(&mut sink, &reports).unwrap();
        output::statistics::write_text(&mut sink, &reports).unwrap();
        output::statistics::write_json(&mut sink, &reports).unwrap();
    }
});
