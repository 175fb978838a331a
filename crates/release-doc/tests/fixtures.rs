//! Every document of `fixtures/` parses into the expected model.

use std::path::{Path, PathBuf};

use release_doc::{parse, LineIndex};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Replace every `{"start": s, "end": e}` span of a serialised model by `"line:col-line:col"`,
/// so models of differently encoded copies (CRLF, BOM) can be compared.
fn spans_to_positions(value: &mut Value, source: &str, index: &LineIndex) {
    match value {
        Value::Object(map) => {
            if map.len() == 2 && map.contains_key("start") && map.contains_key("end") {
                let at = |k: &str| map.get(k).and_then(Value::as_u64).unwrap_or(0) as usize;
                let (s, e) = (
                    index.line_col(source, at("start")),
                    index.line_col(source, at("end")),
                );
                *value = Value::String(format!("{}:{}-{}:{}", s.line, s.column, e.line, e.column));
                return;
            }
            for v in map.values_mut() {
                spans_to_positions(v, source, index);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| spans_to_positions(v, source, index)),
        Value::String(s) => *s = s.replace("\r\n", "\n"),
        _ => {}
    }
}

fn located_model(source: &str) -> Value {
    let parsed = parse(source);
    let mut value = serde_json::to_value(&parsed).expect("the model serialises");
    spans_to_positions(&mut value, source, &LineIndex::new(source));
    value
}

#[test]
fn template_model() {
    insta::assert_json_snapshot!("template", located_model(release_doc::DEFAULT_TEMPLATE));
}

/// `fixtures/template.md` is there for the CLI cases and the README's examples; the
/// one source of the template is [`release_doc::DEFAULT_TEMPLATE`].
#[test]
fn the_fixture_template_is_the_default_template_byte_for_byte() {
    let fixture = read(&fixtures().join("template.md"));
    assert!(
        fixture == release_doc::DEFAULT_TEMPLATE,
        "fixtures/template.md differs from crates/release-doc/src/default-template.md; copy the latter over the former"
    );
}

#[test]
fn filled_closed_document_model() {
    let source = read(&fixtures().join("clean/closed.md"));
    insta::assert_json_snapshot!("clean-closed", located_model(&source));
}

#[test]
fn crlf_and_bom_give_the_same_model_as_lf() {
    let lf = read(&fixtures().join("clean/deployed.md"));
    let crlf = read(&fixtures().join("broken/crlf-bom.md"));
    assert!(
        crlf.starts_with('\u{feff}') && crlf.contains("\r\n"),
        "the fixture keeps its BOM and CRLF"
    );
    assert_eq!(located_model(&lf), located_model(&crlf));
    // Built here too, so the property holds for every fixture, not one pair.
    for name in [
        "template.md",
        "clean/closed.md",
        "clean/planned.md",
        "broken/odd-tables.md",
    ] {
        let lf = read(&fixtures().join(name));
        let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
        assert_eq!(located_model(&lf), located_model(&crlf), "{name}");
    }
}

#[test]
fn spans_point_at_their_text() {
    let source = read(&fixtures().join("clean/closed.md"));
    let doc = parse(&source).value;
    let release = &doc.overview.release_version;
    assert_eq!(release.span().map(|s| s.text(&source)), Some("v2.4.0"));
    assert_eq!(
        release.value().map(ToString::to_string).as_deref(),
        Some("2.4.0")
    );
    let risk = &doc.risks.rows[0];
    assert_eq!(
        risk.probability.span().map(|s| s.text(&source)),
        risk.probability.raw()
    );
    for group in &doc.checklists {
        for item in &group.items {
            assert_eq!(item.text_span.text(&source), item.text);
        }
    }
}

/// Structural problems and a summary of what was modelled, for every fixture.
#[test]
fn every_fixture_parses_with_the_expected_problems() {
    let mut paths: Vec<PathBuf> = ["", "clean", "broken"]
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(fixtures().join(dir))
                .expect("fixture folder")
                .flatten()
                .map(|e| e.path())
        })
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20);
    for path in paths {
        let source = read(&path);
        let parsed = parse(&source);
        let index = LineIndex::new(&source);
        let doc = &parsed.value;
        let mut out = format!(
            "sections: {} ({} unknown), fields: {}, checklist groups: {} ({} items), risks: {}, timeline: {}, metrics: {}, issues: {}, actions: {}, log: {}, commands: {}, links: {}, targets: {}\n",
            doc.sections.len(),
            doc.unknown_sections.len(),
            doc.fields.len(),
            doc.checklists.len(),
            doc.checklists.iter().map(|g| g.items.len()).sum::<usize>(),
            doc.risks.rows.len(),
            doc.timeline.rows.len(),
            doc.monitoring.rows.len(),
            doc.issues.rows.len(),
            doc.retrospective.action_items.rows.len(),
            doc.communication_log.rows.len(),
            doc.commands.len(),
            doc.related_docs.len(),
            doc.quality_standards.len(),
        );
        for p in &parsed.problems {
            let at = index.line_col(&source, p.span.start);
            out.push_str(&format!(
                "{}:{}: {:?}: {}\n",
                at.line, at.column, p.kind, p.message
            ));
        }
        let name = path
            .strip_prefix(fixtures())
            .expect("under fixtures")
            .display()
            .to_string()
            .replace('/', "-");
        insta::assert_snapshot!(format!("problems-{name}"), out);
    }
}
