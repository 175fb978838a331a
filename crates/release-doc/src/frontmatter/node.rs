//! Reading the nodes of a [`Tree`]: aliases resolved to their anchored node, the text of a
//! key, and unquoted `{{name}}` placeholders.

use super::tree::{Kind, Node, Tree};
use super::MAX_ANCHORS;

impl<'y> Tree<'y> {
    /// The anchored node an alias refers to (`node` itself when it is not an alias).
    pub(super) fn resolve<'n>(&'n self, mut node: &'n Node<'y>) -> Option<&'n Node<'y>> {
        for _ in 0..=MAX_ANCHORS {
            match node.kind {
                Kind::Alias(id) => node = self.anchor(id)?,
                _ => return Some(node),
            }
        }
        None
    }

    /// The text of a key: a scalar's text, else the key as written.
    pub(super) fn key_text<'a>(&'a self, node: &'a Node<'y>, yaml: &'a str) -> &'a str {
        match self.resolve(node).map(|n| &n.kind) {
            Some(Kind::Scalar { text, .. }) => text,
            _ => yaml.get(node.start..node.end).unwrap_or("").trim(),
        }
    }

    /// The name inside an unquoted `{{name}}` (a flow mapping whose only key is a flow
    /// mapping whose only key is a plain scalar, all values null).
    pub(super) fn placeholder(&self, node: &Node<'y>) -> Option<String> {
        let Kind::Map(pairs) = &node.kind else {
            return None;
        };
        let [(inner, outer_value)] = pairs.as_slice() else {
            return None;
        };
        let Kind::Map(inner_pairs) = &inner.kind else {
            return None;
        };
        let [(name, inner_value)] = inner_pairs.as_slice() else {
            return None;
        };
        match (&name.kind, &inner_value.kind, &outer_value.kind) {
            (
                Kind::Scalar {
                    text,
                    plain: true,
                    null: false,
                },
                Kind::Scalar { null: true, .. },
                Kind::Scalar { null: true, .. },
            ) => Some(text.trim().to_owned()),
            _ => None,
        }
    }
}
