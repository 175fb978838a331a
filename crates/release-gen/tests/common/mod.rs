//! Helpers shared by the round-trip tests.
#![allow(dead_code)]

use release_doc::ReleaseDoc;
use serde_json::{json, Value as Json};

/// The model as JSON with every span zeroed: spans say where text is, which a template
/// is free to change.
pub fn without_spans(doc: &ReleaseDoc) -> Json {
    let mut json = serde_json::to_value(doc).unwrap_or(Json::Null);
    zero(&mut json);
    json
}

fn zero(json: &mut Json) {
    match json {
        Json::Object(map) => {
            for (key, value) in map.iter_mut() {
                let is_span =
                    key == "span" || key == "body" || key == "none_row" || key.ends_with("_span");
                if is_span && value.is_object() {
                    *value = json!({ "start": 0, "end": 0 });
                } else if key == "placeholders" {
                    for pair in value.as_array_mut().into_iter().flatten() {
                        if let Some(span) = pair.get_mut(1) {
                            *span = json!({ "start": 0, "end": 0 });
                        }
                    }
                } else {
                    zero(value);
                }
            }
        }
        Json::Array(items) => items.iter_mut().for_each(zero),
        _ => {}
    }
}

/// Render the embedded template over `values`.
pub fn render(values: &release_gen::Values) -> String {
    release_gen::render(&release_gen::Template::embedded(), values, "values")
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The model as values, the way `release-lint parse --format json` prints it.
pub fn values_of(doc: &ReleaseDoc) -> release_gen::Values {
    let output = json!({ "path": "doc.md", "document": doc, "problems": [] });
    release_gen::Values::from_text("values.json", &output.to_string())
        .unwrap_or_else(|e| panic!("{e}"))
}
