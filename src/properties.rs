//! The properties the fuzz targets (`fuzz/fuzz_targets/check.rs`, `new.rs`) and their
//! proptest versions (`tests/fuzz_properties.rs`) both assert: one copy, so the two can
//! never drift apart. Not part of the command line's interface.

use release_gen::{Template, Values};
use release_rules::{Document, Settings, Stage};

use crate::output::{self, human::HumanRenderer, FileReport, Summary};

/// The `check` property over `text`: checked at every stage and rendered in every
/// output format without panicking, every finding's spans inside the text.
///
/// # Panics
///
/// When the property does not hold: that is what it is for.
pub fn check_everything(text: &str) {
    for &stage in Stage::ALL {
        let document = Document::parse(text);
        let settings = Settings {
            stage: Some(stage),
            ..Settings::default()
        };
        let diagnostics = release_rules::check(&document, &settings);
        for diagnostic in &diagnostics {
            let spans =
                std::iter::once(diagnostic.span).chain(diagnostic.labels.iter().map(|l| l.span));
            for span in spans {
                assert!(
                    span.start <= span.end && span.end <= text.len(),
                    "{} at {stage:?}: span {span:?} outside 0..{}",
                    diagnostic.code,
                    text.len()
                );
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
        let reports = vec![FileReport::new(
            "prop.md".into(),
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
        let written = (|| -> std::io::Result<()> {
            output::concise::write(&mut sink, &reports)?;
            output::json::write(&mut sink, &reports, summary)?;
            output::sarif::write(&mut sink, &reports)?;
            output::github::write(&mut sink, &reports)?;
            output::statistics::write_text(&mut sink, &reports)?;
            output::statistics::write_json(&mut sink, &reports)
        })();
        assert!(written.is_ok(), "rendering into memory failed: {written:?}");
    }
}

/// The `new` property over a `--set` line and a values text: values that load render
/// through the embedded template, and what is rendered parses with every problem inside
/// it.
///
/// # Panics
///
/// When the property does not hold.
pub fn generate(set: &str, values_text: &str) {
    let template = Template::embedded();
    for name in ["values.yaml", "values.json"] {
        let Ok(mut values) = Values::from_text(name, values_text) else {
            continue;
        };
        let _ = values.set(set);
        if let Ok(document) = release_gen::render(&template, &values, name) {
            let parsed = release_doc::parse(&document);
            for problem in &parsed.problems {
                assert!(problem.span.end <= document.len());
            }
        }
    }
}
