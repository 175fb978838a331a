//! `release-lint parse` output fed back to `release-lint new` gives an equivalent
//! document: the same model, spans aside (and, for a document that follows the
//! template's layout, the same bytes).

mod common;

use common::{render, values_of, without_spans};

fn fixture(name: &str) -> String {
    let path = format!("{}/../../fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn clean_fixtures_round_trip_through_json_values() {
    for stage in ["draft", "planned", "ready", "deployed", "closed"] {
        let source = fixture(&format!("clean/{stage}.md"));
        let doc = release_doc::parse(&source).value;
        let rendered = render(&values_of(&doc));
        let back = release_doc::parse(&rendered).value;
        assert_eq!(
            without_spans(&back),
            without_spans(&doc),
            "clean/{stage}.md"
        );
    }
}

#[test]
fn clean_fixtures_round_trip_through_yaml_values() {
    for stage in ["draft", "deployed"] {
        let source = fixture(&format!("clean/{stage}.md"));
        let doc = release_doc::parse(&source).value;
        let output = serde_json::json!({ "path": "doc.md", "document": doc, "problems": [] });
        let yaml = serde_saphyr::to_string(&output).unwrap_or_else(|e| panic!("{e}"));
        let values =
            release_gen::Values::from_text("values.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
        let back = release_doc::parse(&render(&values)).value;
        assert_eq!(
            without_spans(&back),
            without_spans(&doc),
            "clean/{stage}.md"
        );
    }
}

#[test]
fn a_document_in_the_template_layout_comes_back_byte_for_byte() {
    let source = fixture("clean/closed.md");
    let doc = release_doc::parse(&source).value;
    assert_eq!(render(&values_of(&doc)), source);
}

#[test]
fn odd_tables_keep_their_cells_and_extra_columns() {
    let source = fixture("broken/odd-tables.md");
    let doc = release_doc::parse(&source).value;
    let back = release_doc::parse(&render(&values_of(&doc))).value;
    // Columns come back in the template's order, and a missing column as placeholders;
    // the cells, extra columns included, are the same.
    let cells = |d: &release_doc::ReleaseDoc| {
        let t = serde_json::to_value(&d.timeline.rows).unwrap_or_default();
        let c = serde_json::to_value(&d.communication_log.rows).unwrap_or_default();
        let mut j = serde_json::json!([t, c]);
        strip_spans(&mut j);
        j
    };
    assert_eq!(cells(&back), cells(&doc));
}

fn strip_spans(json: &mut serde_json::Value) {
    match json {
        serde_json::Value::Object(map) => {
            map.remove("span");
            map.values_mut().for_each(strip_spans);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_spans),
        _ => {}
    }
}
