//! Values for templates: the release-doc model itself (its serde form), read from YAML
//! or JSON, changed by `--set path.to.key=value`, and validated against the model before
//! anything is rendered.
//!
//! The strict form is what `release-lint parse` prints (whole, or just its `document`).
//! A few shorthands make hand-written values short, and are resolved with the model's
//! JSON Schema, so they follow the types as they change:
//!
//! - a field may be given as its text (`release_type: Minor`), which is read the way the
//!   parser reads that field (so `value`, `raw` and the state come out the same);
//! - a list may be given as an array of texts, a table as an array of rows;
//! - labelled items (`scope.impact`, `emergency.communication`, `related_docs`,
//!   `signoffs`) may be given as a mapping from label to text;
//! - spans, and the keys the parser always writes (`items`, `done`, ...), may be left out.

use std::collections::HashMap;
use std::sync::LazyLock;

use release_doc::field::Field;
use release_doc::values::{
    parse_date, parse_duration, parse_moment, parse_quantity, parse_status, parse_threshold,
    parse_version, Environment, Outcome, Priority, ReleaseType, RiskLevel, RollbackStrategy, Stage,
    ValueError,
};
use release_doc::{ReleaseDoc, Span};
use serde::Serialize;
use serde_json::{json, Map, Value as Json};

use crate::error::{Error, Location, Result};

/// The JSON Schema of the model, as schemars derives it from the serde types.
pub(crate) static MODEL_SCHEMA: LazyLock<Json> =
    LazyLock::new(|| serde_json::to_value(schemars::schema_for!(ReleaseDoc)).unwrap_or(Json::Null));

/// Values being put together: a JSON object, not yet checked.
#[derive(Debug, Clone, Default)]
pub struct Values {
    json: Map<String, Json>,
    /// The key order of every mapping as written, by path: JSON objects are sorted,
    /// and a labelled list given as a mapping keeps the order it was written in.
    orders: HashMap<String, Vec<String>>,
}

/// Values checked against the model: the normalised JSON the template reads, and the
/// model it deserialises to.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The normalised values (shorthands resolved, spans filled in).
    pub json: Json,
    /// The same values as the model.
    pub doc: ReleaseDoc,
}

impl Values {
    /// No values: every slot of the template renders as its placeholder.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Values read from the text of a values file: JSON when `name` ends in `.json`,
    /// else YAML. The whole output of `release-lint parse` (`{path, document,
    /// problems}`) is accepted as well as the document alone.
    ///
    /// # Errors
    ///
    /// The text is not valid YAML/JSON, or not a mapping.
    pub fn from_text(name: &str, text: &str) -> Result<Self> {
        let parsed: Ordered = if name.to_ascii_lowercase().ends_with(".json") {
            serde_json::from_str(text).map_err(|e| Error::ValuesSyntax {
                at: Location {
                    file: name.to_owned(),
                    line: Some(e.line()),
                    column: Some(e.column()),
                },
                message: e.to_string(),
            })?
        } else if text.trim().is_empty() {
            Ordered::Object(Vec::new())
        } else {
            serde_saphyr::from_str(text).map_err(|e| Error::ValuesSyntax {
                at: Location {
                    file: name.to_owned(),
                    line: None,
                    column: None,
                },
                message: e.to_string(),
            })?
        };
        let mut parsed = parsed;
        // The whole output of `release-lint parse`: take its document.
        if let Ordered::Object(entries) = &mut parsed {
            let is_parse_output = entries.iter().any(|(k, _)| k == "document")
                && entries.iter().any(|(k, _)| k == "problems" || k == "path");
            if is_parse_output {
                let document = entries
                    .iter()
                    .position(|(k, _)| k == "document")
                    .map(|i| entries.swap_remove(i).1);
                parsed = document.unwrap_or(Ordered::Null);
            }
        }
        let mut orders = HashMap::new();
        let json = match parsed.into_json(&mut Vec::new(), &mut orders) {
            Json::Object(map) => map,
            Json::Null => Map::new(),
            other => {
                return Err(Error::Value {
                    source_name: name.to_owned(),
                    path: "(root)".to_owned(),
                    message: format!("expected a mapping of values, found {}", kind_of(&other)),
                })
            }
        };
        Ok(Self { json, orders })
    }

    /// Apply `--set path.to.key=value`. The value is text, except that one starting
    /// with `[` or `{` (but not `{{` or `{%`) is read as YAML (`--set 'scope.changes=[a, b]'`). Paths name
    /// keys with `.` and list positions with `[n]` or `.n`.
    ///
    /// # Errors
    ///
    /// The argument has no `=`, an empty path, or a value that is not valid YAML.
    pub fn set(&mut self, arg: &str) -> Result<()> {
        let fail = |message: String| Error::Set {
            arg: arg.to_owned(),
            message,
        };
        let (path, raw) = arg
            .split_once('=')
            .ok_or_else(|| fail("expected path.to.key=value".to_owned()))?;
        let segments = parse_path(path.trim()).map_err(fail)?;
        let trimmed = raw.trim_start();
        let structured = trimmed.starts_with('[')
            || (trimmed.starts_with('{')
                && !trimmed.starts_with("{{")
                && !trimmed.starts_with("{%"));
        let value = if structured {
            let ordered = serde_saphyr::from_str::<Ordered>(raw)
                .map_err(|e| fail(format!("not valid YAML: {e}")))?;
            let mut prefix = segments.clone();
            ordered.into_json(&mut prefix, &mut self.orders)
        } else {
            Json::String(raw.to_owned())
        };
        let mut root = Json::Object(std::mem::take(&mut self.json));
        insert(&mut root, &segments, value);
        if let Json::Object(map) = root {
            self.json = map;
        }
        Ok(())
    }

    /// Set the frontmatter's `stage` (the `--stage` flag).
    pub fn set_stage(&mut self, stage: &str) {
        let mut root = Json::Object(std::mem::take(&mut self.json));
        insert(
            &mut root,
            &[Seg::Key("frontmatter".into()), Seg::Key("stage".into())],
            Json::String(stage.to_owned()),
        );
        if let Json::Object(map) = root {
            self.json = map;
        }
    }

    /// The values as given so far.
    #[must_use]
    pub fn as_json(&self) -> &Map<String, Json> {
        &self.json
    }

    /// Resolve the shorthands and check the values against the model. With `strict`
    /// (the embedded template), a top-level key the model does not have is an error;
    /// otherwise such keys are a user template's own flat variables and pass through.
    ///
    /// # Errors
    ///
    /// [`Error::Value`] naming the path of the first bad key.
    pub fn check(&self, source_name: &str, strict: bool) -> Result<Checked> {
        let mut n = Normaliser {
            orders: &self.orders,
            defs: MODEL_SCHEMA
                .get("$defs")
                .and_then(Json::as_object)
                .cloned()
                .unwrap_or_default(),
            strict_root: strict,
            errors: Vec::new(),
        };
        let json = n.walk(
            Json::Object(self.json.clone()),
            &MODEL_SCHEMA,
            &mut Vec::new(),
        );
        if let Some((path, message)) = n.errors.into_iter().next() {
            return Err(Error::Value {
                source_name: source_name.to_owned(),
                path,
                message,
            });
        }
        let doc: ReleaseDoc = serde_path_to_error::deserialize(json.clone()).map_err(|e| {
            let path = e.path().to_string();
            Error::Value {
                source_name: source_name.to_owned(),
                path: if path == "." {
                    "(root)".to_owned()
                } else {
                    path
                },
                message: e.into_inner().to_string(),
            }
        })?;
        Ok(Checked { json, doc })
    }
}

/// One step of a values path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

fn display_path(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if out.is_empty() => out.push_str(k),
            Seg::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        "(root)".to_owned()
    } else {
        out
    }
}

/// `a.b[0].c` (or `a.b.0.c`) as segments.
pub(crate) fn parse_path(path: &str) -> Result<Vec<Seg>, String> {
    if path.is_empty() {
        return Err("the path is empty".to_owned());
    }
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            match key.parse::<usize>() {
                Ok(i) if !segments.is_empty() => segments.push(Seg::Index(i)),
                _ => segments.push(Seg::Key(key.to_owned())),
            }
        } else if rest.is_empty() {
            return Err(format!("empty key in `{path}`"));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner
                .find(']')
                .ok_or_else(|| format!("unclosed `[` in `{path}`"))?;
            let index = inner[..close]
                .trim()
                .parse::<usize>()
                .map_err(|_| format!("`[{}]` is not a list position", &inner[..close]))?;
            segments.push(Seg::Index(index));
            rest = &inner[close + 1..];
        }
        if !rest.is_empty() {
            return Err(format!("unexpected `{rest}` in `{path}`"));
        }
    }
    Ok(segments)
}

/// Put `value` at `path`, creating mappings and lists on the way.
fn insert(root: &mut Json, path: &[Seg], value: Json) {
    let Some((first, rest)) = path.split_first() else {
        *root = value;
        return;
    };
    let slot = match first {
        Seg::Key(k) => {
            if !root.is_object() {
                *root = Json::Object(Map::new());
            }
            let Json::Object(map) = root else { return };
            map.entry(k.clone()).or_insert(Json::Null)
        }
        Seg::Index(i) => {
            if !root.is_array() {
                *root = Json::Array(Vec::new());
            }
            let Json::Array(items) = root else { return };
            while items.len() <= *i {
                items.push(Json::Object(Map::new()));
            }
            &mut items[*i]
        }
    };
    insert(slot, rest, value);
}

fn kind_of(json: &Json) -> &'static str {
    match json {
        Json::Null => "nothing",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "text",
        Json::Array(_) => "a list",
        Json::Object(_) => "a mapping",
    }
}

/// How a field's text is read, by the field's value type.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Text,
    Tags,
    Date,
    Version,
    Moment,
    Duration,
    Status,
    Threshold,
    Quantity,
    ReleaseType,
    Environment,
    RollbackStrategy,
    RiskLevel,
    Stage,
    Outcome,
    Priority,
}

impl Kind {
    /// The kind of a `Field_of_<type>` schema, with the keys whose values the schema
    /// writes as strings (dates, versions) told apart by name.
    fn of(type_name: &str, key: Option<&str>) -> Option<Kind> {
        Some(match type_name {
            "string" => match key {
                Some("created" | "updated" | "scheduled_date" | "due") => Kind::Date,
                Some("release_version") => Kind::Version,
                _ => Kind::Text,
            },
            "Array_of_string" => Kind::Tags,
            "Moment" => Kind::Moment,
            "Duration" => Kind::Duration,
            "Status" => Kind::Status,
            "Threshold" => Kind::Threshold,
            "Quantity" => Kind::Quantity,
            "ReleaseType" => Kind::ReleaseType,
            "Environment" => Kind::Environment,
            "RollbackStrategy" => Kind::RollbackStrategy,
            "RiskLevel" => Kind::RiskLevel,
            "Stage" => Kind::Stage,
            "Outcome" => Kind::Outcome,
            "Priority" => Kind::Priority,
            _ => return None,
        })
    }

    /// Read `raw` as the parser reads a field of this kind, in its JSON form. An
    /// unfilled field keeps its text as `raw`, so it renders as written.
    fn read(self, raw: &str) -> Json {
        fn json_of<T: Serialize>(
            raw: &str,
            parse: impl FnOnce(&str) -> Result<T, ValueError>,
        ) -> Json {
            let field = Field::read(raw, Span::default(), parse);
            let unfilled = field.is_unfilled();
            let mut json = serde_json::to_value(field).unwrap_or(Json::Null);
            if unfilled {
                if let Json::Object(map) = &mut json {
                    map.insert("raw".into(), Json::String(raw.trim().to_owned()));
                }
            }
            json
        }
        match self {
            Kind::Text => json_of(raw, |s| Ok(s.to_owned())),
            Kind::Tags => json_of(raw, |s| Ok(vec![s.to_owned()])),
            Kind::Date => json_of(raw, parse_date),
            Kind::Version => json_of(raw, parse_version),
            Kind::Moment => json_of(raw, parse_moment),
            Kind::Duration => json_of(raw, parse_duration),
            Kind::Status => json_of(raw, parse_status),
            Kind::Threshold => json_of(raw, parse_threshold),
            Kind::Quantity => json_of(raw, parse_quantity),
            Kind::ReleaseType => json_of(raw, ReleaseType::parse),
            Kind::Environment => json_of(raw, Environment::parse),
            Kind::RollbackStrategy => json_of(raw, RollbackStrategy::parse),
            Kind::RiskLevel => json_of(raw, RiskLevel::parse),
            Kind::Stage => json_of(raw, Stage::parse),
            Kind::Outcome => json_of(raw, Outcome::parse),
            Kind::Priority => json_of(raw, Priority::parse),
        }
    }
}

/// Walks the values alongside the model's schema, resolving shorthands and filling in
/// what the parser always writes.
struct Normaliser<'o> {
    orders: &'o HashMap<String, Vec<String>>,
    defs: Map<String, Json>,
    strict_root: bool,
    errors: Vec<(String, String)>,
}

impl Normaliser<'_> {
    fn error(&mut self, path: &[Seg], message: String) {
        self.errors.push((display_path(path), message));
    }

    fn walk(&mut self, value: Json, schema: &Json, path: &mut Vec<Seg>) -> Json {
        if let Some(name) = schema
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.rsplit('/').next())
        {
            let Some(def) = self.defs.get(name).cloned() else {
                return value;
            };
            return self.walk_def(value, name, &def, path);
        }
        if let Some(alternatives) = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Json::as_array)
        {
            if value.is_null() {
                return value;
            }
            let not_null: Vec<&Json> = alternatives
                .iter()
                .filter(|a| a.get("type").and_then(Json::as_str) != Some("null"))
                .collect();
            return match not_null.as_slice() {
                [only] => {
                    let only = (*only).clone();
                    self.walk(value, &only, path)
                }
                // A closed vocabulary (`"minor"`): serde checks it.
                _ => value,
            };
        }
        let types: Vec<&str> = match schema.get("type") {
            Some(Json::String(t)) => vec![t.as_str()],
            Some(Json::Array(ts)) => ts.iter().filter_map(Json::as_str).collect(),
            _ => Vec::new(),
        };
        match value {
            Json::Object(map) if types.contains(&"object") => self.object(map, schema, path),
            Json::Object(map) if types.contains(&"array") => {
                let item = schema.get("items").cloned().unwrap_or(Json::Bool(true));
                let order = self.orders.get(&display_path(path));
                match labelled(&item, map, order) {
                    Some(items) => self.walk(Json::Array(items), schema, path),
                    None => {
                        self.error(path, "expected a list, found a mapping".to_owned());
                        Json::Null
                    }
                }
            }
            Json::Array(items) if types.contains(&"array") => {
                let item = schema.get("items").cloned().unwrap_or(Json::Bool(true));
                let items = items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        path.push(Seg::Index(i));
                        let v = self.walk(v, &item, path);
                        path.pop();
                        v
                    })
                    .collect();
                Json::Array(items)
            }
            Json::String(s) if types.contains(&"boolean") => match s.trim() {
                "true" | "yes" => Json::Bool(true),
                "false" | "no" => Json::Bool(false),
                _ => Json::String(s),
            },
            Json::String(s) if types.contains(&"integer") => s
                .trim()
                .parse::<u64>()
                .map_or(Json::String(s), |n| Json::Number(n.into())),
            other => other,
        }
    }

    fn walk_def(&mut self, value: Json, name: &str, def: &Json, path: &mut Vec<Seg>) -> Json {
        if let Some(type_name) = name.strip_prefix("Field_of_") {
            return self.field(value, type_name, path);
        }
        let value = match (name, value) {
            ("List", Json::Array(items)) => json!({ "items": items }),
            (table, Json::Array(rows)) if table.starts_with("Table_of_") => json!({ "rows": rows }),
            ("ListItem", v @ (Json::String(_) | Json::Number(_) | Json::Bool(_))) => {
                json!({ "text": v })
            }
            (_, v) => v,
        };
        self.walk(value, def, path)
    }

    fn object(&mut self, map: Map<String, Json>, schema: &Json, path: &mut Vec<Seg>) -> Json {
        let properties = schema
            .get("properties")
            .and_then(Json::as_object)
            .cloned()
            .unwrap_or_default();
        let additional = schema.get("additionalProperties").cloned();
        let mut out = Map::new();
        for (key, value) in map {
            path.push(Seg::Key(key.clone()));
            if let Some(property) = properties.get(&key) {
                let value = self.walk(value, property, path);
                out.insert(key, value);
            } else if let Some(item) = additional.as_ref().filter(|a| a.is_object()) {
                let value = self.walk(value, item, path);
                out.insert(key, value);
            } else if path.len() > 1 || self.strict_root {
                let mut known: Vec<&str> = properties.keys().map(String::as_str).collect();
                known.sort_unstable();
                self.error(
                    path,
                    format!("unknown key; expected one of: {}", known.join(", ")),
                );
            } else {
                // A user template's own flat variable.
                out.insert(key, value);
            }
            path.pop();
        }
        for required in schema
            .get("required")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
        {
            if !out.contains_key(required) {
                if let Some(default) = properties.get(required).and_then(|p| self.default_for(p)) {
                    out.insert(required.to_owned(), default);
                }
            }
        }
        Json::Object(out)
    }

    /// What the parser would have written for a key left out.
    fn default_for(&self, schema: &Json) -> Option<Json> {
        if let Some(name) = schema
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.rsplit('/').next())
        {
            return match name {
                "Span" => Some(json!({ "start": 0, "end": 0 })),
                "List" => Some(json!({ "items": [] })),
                n if n.starts_with("Field_of_") => Some(json!({ "state": "missing" })),
                _ => None,
            };
        }
        match schema.get("type").and_then(Json::as_str)? {
            "array" => Some(json!([])),
            "boolean" => Some(json!(false)),
            "string" => Some(json!("")),
            "integer" => Some(json!(0)),
            _ => None,
        }
    }

    fn field(&mut self, value: Json, type_name: &str, path: &mut [Seg]) -> Json {
        let key = path.iter().rev().find_map(|s| match s {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        });
        let Some(kind) = Kind::of(type_name, key) else {
            self.error(path, format!("no reader for values of type `{type_name}`"));
            return value;
        };
        match value {
            Json::Null => json!({ "state": "missing" }),
            Json::String(s) => kind.read(&s),
            Json::Number(n) => kind.read(&n.to_string()),
            Json::Bool(b) => kind.read(&b.to_string()),
            Json::Array(items) if matches!(kind, Kind::Tags) => {
                let tags: Vec<String> = items.iter().map(crate::context::json_text).collect();
                let raw = format!(
                    "[{}]",
                    tags.iter()
                        .map(|t| Json::String(t.clone()).to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                json!({ "state": "value", "value": tags, "raw": raw, "span": { "start": 0, "end": 0 } })
            }
            Json::Object(mut map) => {
                let state = map.get("state").and_then(Json::as_str).map(str::to_owned);
                let raw = map.get("raw").and_then(Json::as_str).map(str::to_owned);
                match (state.as_deref(), raw) {
                    // `{raw: …}`, or a value given by its text only: read the text.
                    (None, Some(raw)) => kind.read(&raw),
                    (Some("value" | "invalid"), Some(raw)) if !map.contains_key("value") => {
                        kind.read(&raw)
                    }
                    (Some("missing" | "unfilled" | "invalid" | "value"), _) => {
                        map.entry("span")
                            .or_insert_with(|| json!({ "start": 0, "end": 0 }));
                        Json::Object(map)
                    }
                    (Some(other), _) => {
                        self.error(
                            path,
                            format!(
                                "unknown field state `{other}`; expected missing, unfilled, invalid or value"
                            ),
                        );
                        Json::Object(map)
                    }
                    (None, None) => {
                        self.error(
                            path,
                            "expected text, or a field with `state` (missing, unfilled, invalid or value)"
                                .to_owned(),
                        );
                        Json::Object(map)
                    }
                }
            }
            Json::Array(_) => {
                self.error(path, "expected text, found a list".to_owned());
                Json::Null
            }
        }
    }
}

/// A mapping given where a list of labelled items is expected: `{"Users affected":
/// "40%"}` as `[{label: "Users affected", value: "40%"}]`.
fn labelled(
    item_schema: &Json,
    mut map: Map<String, Json>,
    order: Option<&Vec<String>>,
) -> Option<Vec<Json>> {
    let name = item_schema
        .get("$ref")
        .and_then(Json::as_str)
        .and_then(|r| r.rsplit('/').next())?;
    let (label, value) = match name {
        "LabeledItem" => ("label", "value"),
        "DocLink" => ("label", "target"),
        "SignOff" => ("role", "signer"),
        _ => return None,
    };
    let mut keys: Vec<String> = order
        .into_iter()
        .flatten()
        .filter(|k| map.contains_key(*k))
        .cloned()
        .collect();
    keys.extend(
        map.keys()
            .filter(|k| !keys.contains(k))
            .cloned()
            .collect::<Vec<_>>(),
    );
    Some(
        keys.into_iter()
            .filter_map(|k| map.remove(&k).map(|v| json!({ label: k, value: v })))
            .collect(),
    )
}

/// A YAML or JSON value with its mappings in the order written.
#[derive(Debug)]
enum Ordered {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

impl Ordered {
    /// The JSON value, recording the key order of every mapping under its path.
    fn into_json(self, path: &mut Vec<Seg>, orders: &mut HashMap<String, Vec<String>>) -> Json {
        match self {
            Ordered::Null => Json::Null,
            Ordered::Bool(b) => Json::Bool(b),
            Ordered::Number(n) => Json::Number(n),
            Ordered::String(s) => Json::String(s),
            Ordered::Array(items) => Json::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        path.push(Seg::Index(i));
                        let json = item.into_json(path, orders);
                        path.pop();
                        json
                    })
                    .collect(),
            ),
            Ordered::Object(entries) => {
                orders.insert(
                    display_path(path),
                    entries.iter().map(|(k, _)| k.clone()).collect(),
                );
                let mut map = Map::new();
                for (key, value) in entries {
                    path.push(Seg::Key(key.clone()));
                    let json = value.into_json(path, orders);
                    path.pop();
                    map.insert(key, json);
                }
                Json::Object(map)
            }
        }
    }
}

impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OrderedVisitor)
    }
}

struct OrderedVisitor;

impl<'de> serde::de::Visitor<'de> for OrderedVisitor {
    type Value = Ordered;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a YAML or JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Ordered, E> {
        Ok(Ordered::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Ordered, E> {
        Ok(Ordered::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Ordered, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Ordered::Null, Ordered::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Ordered, E> {
        Ok(Ordered::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Ordered, E> {
        Ok(Ordered::String(v))
    }

    fn visit_unit<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Null)
    }

    fn visit_none<E>(self) -> Result<Ordered, E> {
        Ok(Ordered::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Ordered, D::Error> {
        serde::Deserialize::deserialize(d)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Ordered, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Ordered::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
        let mut entries: Vec<(String, Ordered)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<KeyText, Ordered>()? {
            entries.retain(|(k, _)| *k != key.0);
            entries.push((key.0, value));
        }
        Ok(Ordered::Object(entries))
    }
}

/// A mapping key as text (YAML allows numbers and booleans as keys).
struct KeyText(String);

impl<'de> serde::Deserialize<'de> for KeyText {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Ordered::deserialize(deserializer)? {
            Ordered::String(s) => Ok(KeyText(s)),
            Ordered::Number(n) => Ok(KeyText(n.to_string())),
            Ordered::Bool(b) => Ok(KeyText(b.to_string())),
            Ordered::Null => Ok(KeyText("null".to_owned())),
            _ => Err(serde::de::Error::custom("a mapping key must be text")),
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::ReleaseType;

    use super::*;

    fn check(yaml: &str) -> Result<Checked> {
        Values::from_text("v.yaml", yaml)?.check("v.yaml", true)
    }

    #[test]
    fn paths_parse() {
        use Seg::{Index as I, Key as K};
        assert_eq!(
            parse_path("risks.rows[0].owner"),
            Ok(vec![
                K("risks".into()),
                K("rows".into()),
                I(0),
                K("owner".into())
            ])
        );
        assert_eq!(
            parse_path("a.b.2"),
            Ok(vec![K("a".into()), K("b".into()), I(2)])
        );
        assert_eq!(parse_path("a[1][2]"), Ok(vec![K("a".into()), I(1), I(2)]));
        assert!(parse_path("a[x]").is_err());
        assert!(parse_path("a..b").is_err());
        assert!(parse_path("").is_err());
    }

    #[test]
    fn fields_given_as_text_are_read_like_the_parser_reads_them() {
        let c = check("overview:\n  release_type: Minor\n  release_version: v2.4.0\n  scheduled_date: 2026-11-30\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            c.doc.overview.release_type.value(),
            Some(&ReleaseType::Minor)
        );
        assert_eq!(c.doc.overview.release_version.raw(), Some("v2.4.0"));
        assert_eq!(
            c.doc
                .overview
                .scheduled_date
                .value()
                .map(ToString::to_string)
                .as_deref(),
            Some("2026-11-30")
        );
    }

    #[test]
    fn lists_tables_and_labelled_items_have_shorthands() {
        let c = check(
            "scope:\n  changes: [One, Two]\n  impact:\n    Users affected: all\nrisks:\n  - {risk: Outage, probability: High}\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.doc.scope.changes.items.len(), 2);
        assert_eq!(c.doc.scope.impact[0].label, "Users affected");
        assert!(c.doc.risks.rows[0].owner.is_missing());
        assert!(c.doc.risks.rows[0].probability.value().is_some());
    }

    #[test]
    fn labelled_mappings_keep_their_written_order() -> Result<()> {
        let c = check("scope:\n  impact:\n    Users affected: all\n    Downtime expected: none\n")?;
        let labels: Vec<&str> = c
            .doc
            .scope
            .impact
            .iter()
            .map(|i| i.label.as_str())
            .collect();
        assert_eq!(labels, ["Users affected", "Downtime expected"]);
        let mut v = Values::new();
        v.set("emergency.communication={Status page: x, Internal team: y}")?;
        let c = v.check("--set", true)?;
        assert_eq!(c.doc.emergency.communication[0].label, "Status page");
        Ok(())
    }

    #[test]
    fn bad_values_name_their_path() {
        let err = check("overview:\n  relase_type: Minor\n")
            .map(|_| ())
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("`overview.relase_type`: unknown key"),
            "{err}"
        );
        let err =
            check("risks:\n  rows:\n    - probability: {state: value, value: huge, raw: Huge}\n")
                .map(|_| ())
                .unwrap_err();
        assert!(
            err.to_string().contains("risks.rows[0].probability"),
            "{err}"
        );
        let err = check("nope: 1\n").map(|_| ()).unwrap_err();
        assert!(err.to_string().contains("`nope`"), "{err}");
        let flat = Values::from_text("v.yaml", "nope: 1\n").and_then(|v| v.check("v", false));
        assert!(flat.is_ok());
    }

    #[test]
    fn set_creates_the_path_and_reads_flow_yaml() -> Result<()> {
        let mut v = Values::new();
        v.set("risks.rows[1].owner=Priya")?;
        v.set("scope.changes=[a, b]")?;
        v.set("title=A = B")?;
        let c = v.check("--set", true)?;
        assert_eq!(c.doc.risks.rows.len(), 2);
        assert_eq!(c.doc.scope.changes.items.len(), 2);
        assert_eq!(c.doc.title.as_deref(), Some("A = B"));
        assert!(v.set("no-equals").is_err());
        Ok(())
    }

    #[test]
    fn parse_output_is_unwrapped() -> Result<()> {
        let v = Values::from_text(
            "p.json",
            r#"{"path": "x.md", "document": {"title": "T"}, "problems": []}"#,
        )?;
        assert_eq!(v.check("p.json", true)?.doc.title.as_deref(), Some("T"));
        Ok(())
    }
}
