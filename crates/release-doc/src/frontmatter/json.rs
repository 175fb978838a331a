//! A node of the tree as JSON (the value of a nested or mixed entry), with aliases expanded
//! under a node budget.

use super::tree::{Kind, Node, Tree};
use super::MAX_DEPTH;

impl<'y> Tree<'y> {
    /// The node as JSON (plain scalars typed by the YAML core schema), expanding aliases
    /// within a node budget.
    pub(super) fn to_json(
        &self,
        node: &Node<'y>,
        depth: usize,
        budget: &mut usize,
        yaml: &str,
    ) -> serde_json::Value {
        use serde_json::Value;
        if *budget == 0 || depth > MAX_DEPTH * 2 {
            return Value::Null;
        }
        *budget -= 1;
        match &node.kind {
            Kind::Alias(id) => self
                .anchor(*id)
                .map_or(Value::Null, |n| self.to_json(n, depth + 1, budget, yaml)),
            Kind::Scalar { text, null, plain } => {
                if *null {
                    Value::Null
                } else if *plain {
                    plain_json(text)
                } else {
                    Value::String(text.to_string())
                }
            }
            Kind::Seq(items) => Value::Array(
                items
                    .iter()
                    .map(|n| self.to_json(n, depth + 1, budget, yaml))
                    .collect(),
            ),
            Kind::Map(pairs) => {
                if let Some(name) = self.placeholder(node) {
                    return Value::String(format!("{{{{{name}}}}}"));
                }
                let mut map = serde_json::Map::new();
                for (k, v) in pairs {
                    let key = self.key_text(k, yaml).to_owned();
                    let value = self.to_json(v, depth + 1, budget, yaml);
                    map.insert(key, value);
                }
                Value::Object(map)
            }
        }
    }
}

/// A plain scalar typed by the YAML 1.2 core schema: boolean, integer, float or string.
fn plain_json(text: &str) -> serde_json::Value {
    use serde_json::Value;
    match text {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let numeric = text
        .trim_start_matches(['-', '+'])
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '.');
    if numeric {
        if let Ok(i) = text.parse::<i64>() {
            return Value::from(i);
        }
        if let Ok(f) = text.parse::<f64>() {
            if let Some(n) = serde_json::Number::from_f64(f) {
                return Value::Number(n);
            }
        }
    }
    Value::String(text.to_owned())
}
