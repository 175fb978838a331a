//! The JSON Schema of values files (`release-lint schema values`).

/// The JSON Schema of values files.
#[must_use]
pub fn values_schema() -> serde_json::Value {
    crate::values::MODEL_SCHEMA.clone()
}
