//! `release-lint new`'s warning about given values that look like credentials: a value
//! written into a release document is published with it.

use std::collections::BTreeSet;

use release_rules::secrets;
use serde_json::{Map, Value as Json};

/// The fields of `values` whose text looks like a credential, each with what it looks
/// like (`overview.notes: Slack incoming-webhook URL`), in path order. A field's `raw`
/// and `value` (as `parse` writes them) count as the field.
#[must_use]
pub fn credential_fields(values: &Map<String, Json>) -> Vec<(String, String)> {
    let mut found = BTreeSet::new();
    for (key, value) in values {
        walk(key, key, value, &mut found);
    }
    found.into_iter().collect()
}

fn walk(path: &str, key: &str, value: &Json, found: &mut BTreeSet<(String, String)>) {
    match value {
        Json::String(text) => {
            if let Some(kind) = looks_like_credential(key, text) {
                let field = path
                    .strip_suffix(".raw")
                    .or_else(|| path.strip_suffix(".value"))
                    .unwrap_or(path);
                found.insert((field.to_owned(), kind));
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(&format!("{path}[{i}]"), key, item, found);
            }
        }
        Json::Object(map) => {
            for (k, v) in map {
                walk(&format!("{path}.{k}"), k, v, found);
            }
        }
        _ => {}
    }
}

/// What `text`, the value of key `key`, looks like when it looks like a credential: a
/// secret of one of the families in it, or a literal under a credential key
/// (`db_password: hunter2`), read as `check` reads `key: "text"`.
fn looks_like_credential(key: &str, text: &str) -> Option<String> {
    if let Some(secret) = secrets::find(text).into_iter().next() {
        return Some(secret.kind);
    }
    if text.contains(['"', '\n', '\r']) {
        return None;
    }
    let line = format!("{key}: \"{text}\"");
    let value_start = key.len() + 3;
    secrets::find(&line)
        .into_iter()
        .find(|s| s.span.start >= value_start)
        .map(|_| "a literal under a credential key".to_owned())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn fields(values: Json) -> Vec<(String, String)> {
        let Json::Object(map) = values else {
            panic!("an object")
        };
        credential_fields(&map)
    }

    #[test]
    fn secrets_and_credential_keys_are_named_by_field() {
        let found = fields(json!({
            "frontmatter": {"db_password": "hunter2", "owner": "Priya"},
            "overview": {"notes": {"raw": "AKIAIOSFODNN7EXAMPLE", "value": "AKIAIOSFODNN7EXAMPLE"}},
            "scope": {"changes": ["Nothing", "Post to https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/EXAMPLE0not0a0real0hook0"]},
        }));
        assert_eq!(
            found,
            [
                (
                    "frontmatter.db_password".to_owned(),
                    "a literal under a credential key".to_owned()
                ),
                ("overview.notes".to_owned(), "AWS access key id".to_owned()),
                (
                    "scope.changes[1]".to_owned(),
                    "Slack incoming-webhook URL".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn ordinary_values_and_references_are_not_credentials() {
        let found = fields(json!({
            "frontmatter": {"db_password": "${DB_PASSWORD}", "token_file": "/run/secrets/t"},
            "overview": {"release_type": "Minor", "component": "Payments API"},
        }));
        assert!(found.is_empty(), "{found:?}");
    }
}
