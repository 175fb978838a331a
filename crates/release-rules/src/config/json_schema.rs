//! The JSON Schema of `release-lint.toml`, derived from the serde types of the file, for
//! editors (taplo, Even Better TOML) and for `docs/release-lint.schema.json`.

use serde_json::Value;

use super::file::RawConfig;

/// The JSON Schema of the config, pretty-printed, ending with a newline.
#[must_use]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(RawConfig).to_value();
    drop_nulls(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// TOML has no null: an unset key is simply absent. Drop the `"default": null` of
/// optional keys, which schemars derives from `#[serde(default)]`.
fn drop_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("default") == Some(&Value::Null) {
                map.remove("default");
            }
            map.values_mut().for_each(drop_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_nulls),
        _ => {}
    }
}
