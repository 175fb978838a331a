//! The template context: the values (the model's JSON form, plus any flat keys of a
//! user's template) as minijinja objects whose lookups fall back to placeholders.
//!
//! A name that is not given renders as the literal placeholder `{{ name }}`, named by
//! its path (`{{ overview.release_type }}`, `{{ risks.rows[0].owner }}`), so the
//! document can be finished by hand and the linter points at what is left. A missing
//! list iterates once, over a placeholder item, so a loop over table rows or list items
//! still leaves one row of placeholders behind. Values are data: their text is written
//! as it is, never evaluated as template code.

use std::collections::HashSet;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr, Value};
use serde_json::Value as Json;

use release_doc::internal::placeholder;

/// A node of the values: a JSON value by its pointer into the shared root, or the place
/// where a value would be when there is none.
#[derive(Debug)]
pub(crate) struct Node {
    root: Arc<Json>,
    /// JSON pointer of this node (`/overview/release_type`).
    pointer: String,
    /// Its path as written in templates and `--set` (`overview.release_type`).
    path: String,
    /// At the root only: names that must stay undefined so the environment's globals
    /// (functions like `range`) are found.
    reserved: Option<Arc<HashSet<String>>>,
}

/// The root context over `values`; the `reserved` names are left to the environment.
pub(crate) fn root(values: Json, reserved: HashSet<String>) -> Value {
    Value::from_object(Node {
        root: Arc::new(values),
        pointer: String::new(),
        path: String::new(),
        reserved: Some(Arc::new(reserved)),
    })
}

/// The four states of a `release_doc::Field` in its JSON form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Missing,
    Unfilled,
    Invalid,
    Value,
}

fn field_state(json: &Json) -> Option<State> {
    match json.get("state")?.as_str()? {
        "missing" => Some(State::Missing),
        "unfilled" => Some(State::Unfilled),
        "invalid" => Some(State::Invalid),
        "value" => Some(State::Value),
        _ => None,
    }
}

impl Node {
    fn json(&self) -> Option<&Json> {
        self.root.pointer(&self.pointer).filter(|v| !v.is_null())
    }

    fn child_key(&self, key: &str) -> Value {
        let escaped = key.replace('~', "~0").replace('/', "~1");
        let path = if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        };
        self.wrap(format!("{}/{escaped}", self.pointer), path)
    }

    fn child_index(&self, index: usize) -> Value {
        self.wrap(
            format!("{}/{index}", self.pointer),
            format!("{}[{index}]", self.path),
        )
    }

    /// Scalars become plain values; objects, arrays and absent values stay nodes.
    fn wrap(&self, pointer: String, path: String) -> Value {
        match self.root.pointer(&pointer) {
            Some(Json::String(s)) => Value::from(s.as_str()),
            Some(Json::Bool(b)) => Value::from(*b),
            Some(Json::Number(n)) => n
                .as_i64()
                .map(Value::from)
                .or_else(|| n.as_f64().map(Value::from))
                .unwrap_or_else(|| Value::from(n.to_string())),
            _ => Value::from_object(Node {
                root: Arc::clone(&self.root),
                pointer,
                path,
                reserved: None,
            }),
        }
    }

    /// Whether a value is given here (a field counts unless it is `missing`).
    pub(crate) fn is_given(&self) -> bool {
        match self.json() {
            None => false,
            Some(json) => field_state(json) != Some(State::Missing),
        }
    }

    /// Whether this is a field holding filled-in text (a value or invalid text).
    fn is_filled_field(&self) -> bool {
        self.json()
            .and_then(field_state)
            .is_some_and(|s| matches!(s, State::Value | State::Invalid))
    }

    /// The text this node renders as.
    pub(crate) fn text(&self) -> String {
        field_text(self.json(), &self.path)
    }

    /// The JSON value at this node, if any.
    pub(crate) fn value(&self) -> Option<&Json> {
        self.json()
    }

    /// The `index`th element of this list node (a placeholder past its end).
    pub(crate) fn element(&self, index: usize) -> Value {
        self.child_index(index)
    }
}

/// The text of a value in its JSON form: a field's raw text (or its placeholder), or
/// the `{{ path }}` placeholder of anything else.
pub(crate) fn field_text(json: Option<&Json>, path: &str) -> String {
    let placeholder = || format!("{{{{ {path} }}}}");
    let Some(json) = json.filter(|j| !j.is_null()) else {
        return placeholder();
    };
    let raw = json.get("raw").and_then(Json::as_str);
    match field_state(json) {
        Some(State::Value | State::Invalid) => raw.map_or_else(
            || json.get("value").map_or_else(String::new, json_text),
            str::to_owned,
        ),
        Some(State::Unfilled) => match raw {
            Some(raw) => raw.to_owned(),
            None => unfilled_text(json.get("placeholder").and_then(Json::as_str).unwrap_or("")),
        },
        Some(State::Missing) | None => placeholder(),
    }
}

/// How an unfilled field is written back: `{{ name }}`, placeholder-like text (`TBD`) as
/// it is, or nothing for an empty one.
pub(crate) fn unfilled_text(name: &str) -> String {
    if name.is_empty() || placeholder::unfilled_marker(name).as_deref() == Some(name) {
        name.to_owned()
    } else {
        format!("{{{{ {name} }}}}")
    }
}

/// A JSON scalar as text (strings without quotes).
pub(crate) fn json_text(json: &Json) -> String {
    match json {
        Json::String(s) => s.clone(),
        Json::Null => String::new(),
        other => other.to_string(),
    }
}

impl Object for Node {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        match self.json() {
            Some(Json::Object(_)) => ObjectRepr::Map,
            _ => ObjectRepr::Seq,
        }
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        if let Some(name) = key.as_str() {
            if self.reserved.as_ref().is_some_and(|r| {
                r.contains(name) && self.json().and_then(|j| j.get(name)).is_none()
            }) {
                return None;
            }
            return Some(self.child_key(name));
        }
        let index = usize::try_from(key.clone()).ok()?;
        Some(self.child_index(index))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        match self.json() {
            Some(Json::Array(items)) => Enumerator::Seq(items.len()),
            Some(Json::Object(map)) => {
                let keys: Vec<Value> = map.keys().map(|k| Value::from(k.as_str())).collect();
                Enumerator::Values(keys)
            }
            // A missing list iterates once, over a placeholder item.
            None => Enumerator::Seq(1),
            Some(_) => Enumerator::Empty,
        }
    }

    fn is_true(self: &Arc<Self>) -> bool {
        match self.json() {
            None => false,
            Some(Json::Array(items)) => !items.is_empty(),
            Some(json) if field_state(json).is_some() => self.is_filled_field(),
            Some(_) => true,
        }
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text())
    }
}

/// The node behind a template value, if it is one.
pub(crate) fn node(value: &Value) -> Option<&Node> {
    value.downcast_object_ref::<Node>()
}

/// Whether a template value is given: a node with a value, or any defined, non-none value.
pub(crate) fn is_given(value: &Value) -> bool {
    match node(value) {
        Some(n) => n.is_given(),
        None => !value.is_undefined() && !value.is_none(),
    }
}

/// The text a template value renders as.
pub(crate) fn text(value: &Value) -> String {
    match node(value) {
        Some(n) => n.text(),
        None if value.is_undefined() || value.is_none() => String::new(),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use minijinja::Environment;
    use serde_json::json;

    use super::*;

    fn render(template: &str, values: Json) -> String {
        let env = Environment::new();
        let ctx = root(values, ["range".to_owned()].into_iter().collect());
        env.render_str(template, ctx)
            .unwrap_or_else(|e| panic!("{e:#}"))
    }

    #[test]
    fn missing_names_render_as_their_placeholder_path() {
        assert_eq!(
            render("{{ a }}|{{ a.b }}|{{ a.b[2].c }}", json!({})),
            "{{ a }}|{{ a.b }}|{{ a.b[2].c }}"
        );
        assert_eq!(render("{{ owner }}", json!({"owner": "Priya"})), "Priya");
    }

    #[test]
    fn fields_render_their_raw_text_or_placeholder() {
        let values = json!({"o": {
            "v": {"state": "value", "value": "minor", "raw": "Minor (Major | Minor)"},
            "u": {"state": "unfilled", "placeholder": "release_type"},
            "t": {"state": "unfilled", "placeholder": "TBD"},
            "e": {"state": "unfilled", "placeholder": ""},
            "m": {"state": "missing"},
        }});
        assert_eq!(
            render("{{ o.v }}|{{ o.u }}|{{ o.t }}|{{ o.e }}|{{ o.m }}", values),
            "Minor (Major | Minor)|{{ release_type }}|TBD||{{ o.m }}"
        );
    }

    #[test]
    fn missing_lists_iterate_once_and_globals_stay_reachable() {
        let t = "{% for r in t.rows %}[{{ r.a }}]{% endfor %}{% for i in range(2) %}{{ i }}{% endfor %}";
        assert_eq!(render(t, json!({})), "[{{ t.rows[0].a }}]01");
        assert_eq!(render(t, json!({"t": {"rows": []}})), "01");
    }

    #[test]
    fn values_are_data_not_code() {
        let values = json!({"x": "{{ 7*7 }} {% if true %}yes{% endif %}"});
        assert_eq!(
            render("{{ x }}", values),
            "{{ 7*7 }} {% if true %}yes{% endif %}"
        );
    }

    #[test]
    fn truthiness_follows_filled_state() {
        let values = json!({
            "v": {"state": "value", "value": 1, "raw": "1"},
            "u": {"state": "unfilled", "placeholder": "x"},
            "l": []
        });
        assert_eq!(
            render("{% if v %}v{% endif %}{% if u %}u{% endif %}{% if l %}l{% endif %}{% if nope %}n{% endif %}", values),
            "v"
        );
    }
}
