//! The JSON Schema of values files (`release-lint schema values`): the model's schema,
//! derived by schemars from the release-doc types, widened by the shorthands
//! [`Values::check`](crate::Values::check) accepts, so editors accept what `new` accepts.

use serde_json::{json, Map, Value as Json};

use crate::values::MODEL_SCHEMA;

/// The JSON Schema of values files.
#[must_use]
pub fn values_schema() -> Json {
    let mut schema = MODEL_SCHEMA.clone();
    if let Some(root) = schema.as_object_mut() {
        root.insert(
            "title".into(),
            json!("release-lint values (the release-doc model)"),
        );
        root.insert(
            "description".into(),
            json!(
                "Values of `release-lint new`: the model `release-lint parse` prints (its `document`), \
                 with shorthands: a field as its text, a list as an array of texts, a table as an array \
                 of rows, labelled items as a mapping from label to text; spans may be left out."
            ),
        );
    }
    if let Some(defs) = schema.get_mut("$defs").and_then(Json::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            widen_def(name, def);
            if let Some(properties) = def.get_mut("properties").and_then(Json::as_object_mut) {
                properties.values_mut().for_each(widen_labelled);
            }
        }
    }
    if let Some(properties) = schema.get_mut("properties").and_then(Json::as_object_mut) {
        properties.values_mut().for_each(widen_labelled);
    }
    schema
}

/// Accept the shorthand of a field, list or table beside its full form.
fn widen_def(name: &str, def: &mut Json) {
    let shorthand = if name.starts_with("Field_of_") {
        json!({
            "description": "Shorthand: the field's text, read the way the parser reads it.",
            "type": ["string", "number", "boolean", "array", "null"]
        })
    } else if name == "List" {
        json!({
            "description": "Shorthand: the items' texts.",
            "type": "array",
            "items": { "anyOf": [{ "type": "string" }, { "$ref": "#/$defs/ListItem" }] }
        })
    } else if let Some(row) = name.strip_prefix("Table_of_") {
        json!({
            "description": "Shorthand: the rows.",
            "type": "array",
            "items": { "$ref": format!("#/$defs/{row}") }
        })
    } else {
        return;
    };
    let Some(map) = def.as_object_mut() else {
        return;
    };
    let description = map.remove("description");
    let full = Json::Object(std::mem::take(map));
    let mut widened = Map::new();
    if let Some(d) = description {
        widened.insert("description".into(), d);
    }
    widened.insert("anyOf".into(), json!([full, shorthand]));
    *map = widened;
}

/// A list of labelled items may be a mapping from label to text.
fn widen_labelled(property: &mut Json) {
    let item = property
        .get("items")
        .and_then(|i| i.get("$ref"))
        .and_then(Json::as_str)
        .and_then(|r| r.rsplit('/').next())
        .map(str::to_owned);
    if !matches!(item.as_deref(), Some("LabeledItem" | "DocLink" | "SignOff")) {
        return;
    }
    let Some(map) = property.as_object_mut() else {
        return;
    };
    let description = map.remove("description");
    let default = map.remove("default");
    let full = Json::Object(std::mem::take(map));
    if let Some(d) = description {
        map.insert("description".into(), d);
    }
    if let Some(d) = default {
        map.insert("default".into(), d);
    }
    map.insert(
        "anyOf".into(),
        json!([full, {
            "description": "Shorthand: a mapping from label to text.",
            "type": "object",
            "additionalProperties": { "type": ["string", "number", "boolean"] }
        }]),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorthands_are_in_the_schema() {
        let schema = values_schema();
        let defs = &schema["$defs"];
        assert!(defs["Field_of_ReleaseType"]["anyOf"].is_array());
        assert!(defs["List"]["anyOf"].is_array());
        assert!(defs["Table_of_RiskRow"]["anyOf"].is_array());
        assert!(defs["Scope"]["properties"]["impact"]["anyOf"].is_array());
        assert_eq!(schema["properties"]["overview"]["$ref"], "#/$defs/Overview");
    }
}
