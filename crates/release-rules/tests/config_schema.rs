//! The checked-in JSON Schema of the config is the one the config types give, and every
//! key it knows is documented in `docs/configuration.md` and in the `init` text.
//!
//! Regenerate with `RELEASE_LINT_BLESS=1 cargo test -p release-rules`.

use std::path::{Path, PathBuf};

use release_rules::config::{init_text, json_schema};
use serde_json::Value;

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

fn bless() -> bool {
    std::env::var_os("RELEASE_LINT_BLESS").is_some_and(|v| v != "0")
}

#[test]
fn the_checked_in_schema_is_current() {
    let path = docs_dir().join("release-lint.schema.json");
    let expected = json_schema();
    if bless() {
        std::fs::create_dir_all(docs_dir()).expect("docs/");
        std::fs::write(&path, &expected).expect("write the schema");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == expected,
        "{} is stale; regenerate it with `RELEASE_LINT_BLESS=1 cargo test -p release-rules`",
        path.display()
    );
}

/// Every key of the schema, as `table.key` paths (`rules.options.secret-patterns`).
fn keys(schema: &Value) -> Vec<String> {
    fn walk(schema: &Value, node: &Value, prefix: &str, out: &mut Vec<String>) {
        let node = match node.get("$ref").and_then(Value::as_str) {
            Some(r) => r
                .strip_prefix("#/$defs/")
                .and_then(|name| schema.get("$defs")?.get(name))
                .unwrap_or(node),
            None => node,
        };
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            for (name, child) in props {
                let path = format!("{prefix}{name}");
                out.push(path.clone());
                walk(schema, child, &format!("{path}."), out);
            }
        }
    }
    let mut out = Vec::new();
    walk(schema, schema, "", &mut out);
    out
}

#[test]
fn every_key_is_documented() {
    let schema: Value = serde_json::from_str(&json_schema()).expect("the schema is JSON");
    let keys = keys(&schema);
    assert!(keys.len() >= 17, "{keys:?}");
    let guide = std::fs::read_to_string(docs_dir().join("configuration.md")).unwrap_or_default();
    for key in &keys {
        let name = key.rsplit('.').next().unwrap_or(key);
        // A key by its name, a table by its header (`[rules.options]`).
        assert!(
            guide.contains(&format!("`{name}`")) || guide.contains(&format!("`[{key}]`")),
            "docs/configuration.md does not document `{key}`"
        );
        assert!(
            init_text().contains(name),
            "the init text does not document `{key}`"
        );
    }
}

#[test]
fn the_schema_forbids_unknown_keys_in_every_table() {
    let schema: Value = serde_json::from_str(&json_schema()).expect("JSON");
    assert_eq!(schema["additionalProperties"], Value::Bool(false));
    for (name, def) in schema["$defs"].as_object().expect("$defs") {
        if def.get("properties").is_some() {
            assert_eq!(def["additionalProperties"], Value::Bool(false), "{name}");
        }
    }
    assert_eq!(
        schema["properties"]["default-stage"]["enum"],
        serde_json::json!(["draft", "planned", "ready", "deployed", "closed"])
    );
}

#[test]
fn the_guides_toml_examples_are_valid_configs() {
    let guide = std::fs::read_to_string(docs_dir().join("configuration.md")).unwrap_or_default();
    let mut blocks = 0;
    let mut rest = guide.as_str();
    while let Some(start) = rest.find("```toml\n") {
        let body = &rest[start + "```toml\n".len()..];
        let end = body.find("```").unwrap_or(body.len());
        let path = docs_dir().join("release-lint.toml");
        if let Err(e) = release_rules::config::Config::parse(&body[..end], &path) {
            panic!("an example of docs/configuration.md is invalid: {e}");
        }
        blocks += 1;
        rest = &body[end..];
    }
    assert!(blocks >= 2, "the guide has {blocks} TOML examples");
}
