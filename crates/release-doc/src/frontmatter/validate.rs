//! The serde-saphyr validation pass (syntax errors, unknown aliases, exceeded budgets) and
//! the sentences that explain its errors.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{MessageFormatter as _, UserMessageFormatter};

use super::{MAX_ANCHORS, MAX_DEPTH, MAX_EVENTS, MAX_NODES, MAX_SCALAR_BYTES};

/// The serde-saphyr options: tight budgets for a small frontmatter, duplicates passed through
/// (they are reported by [`Tree::build`] with both locations).
fn yaml_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_nodes: MAX_NODES,
            max_events: MAX_EVENTS,
            max_aliases: MAX_ANCHORS,
            max_anchors: MAX_ANCHORS,
            max_documents: 1,
            max_total_scalar_bytes: MAX_SCALAR_BYTES,
            flow_nesting_limit: MAX_DEPTH,
            max_recorded_anchor_events: MAX_NODES,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_NODES,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: MAX_ANCHORS,
        },
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString,
        with_snippet: false,
    }
}

/// Parse the whole YAML once with serde-saphyr, visiting every node, so that syntax errors,
/// unknown aliases and exceeded budgets (deep nesting, alias bombs) are found.
pub(super) fn validate(yaml: &str) -> Result<(), serde_saphyr::Error> {
    serde_saphyr::from_str_with_options::<AnyNode>(yaml, yaml_options()).map(|_| ())
}

/// A value that accepts any YAML node and visits all of it.
struct AnyNode;

impl<'de> Deserialize<'de> for AnyNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnyVisitor)
    }
}

/// Visitor of [`AnyNode`].
struct AnyVisitor;

impl<'de> Visitor<'de> for AnyVisitor {
    type Value = AnyNode;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_i64<E>(self, _: i64) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_i128<E>(self, _: i128) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_u64<E>(self, _: u64) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_u128<E>(self, _: u128) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_f64<E>(self, _: f64) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_char<E>(self, _: char) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_str<E>(self, _: &str) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_bytes<E>(self, _: &[u8]) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_unit<E>(self) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_none<E>(self) -> Result<AnyNode, E> {
        Ok(AnyNode)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<AnyNode, D::Error> {
        AnyNode::deserialize(deserializer)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<AnyNode, D::Error> {
        AnyNode::deserialize(deserializer)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyNode, A::Error> {
        while seq.next_element::<AnyNode>()?.is_some() {}
        Ok(AnyNode)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyNode, A::Error> {
        while map.next_key::<AnyNode>()?.is_some() {
            map.next_value::<AnyNode>()?;
        }
        Ok(AnyNode)
    }
}

/// The cause of a serde-saphyr error, without its location suffix.
pub(super) fn yaml_cause(err: &serde_saphyr::Error) -> String {
    let mut err = err.without_snippet();
    while let serde_saphyr::Error::AliasError { error, .. } = err {
        err = error.without_snippet();
    }
    if let serde_saphyr::Error::Budget { breach, .. } = err {
        return budget_cause(breach);
    }
    if matches!(
        err,
        serde_saphyr::Error::AliasReplayCounterOverflow { .. }
            | serde_saphyr::Error::AliasReplayLimitExceeded { .. }
            | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
            | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. }
    ) {
        return format!(
            "its aliases expand to more than {MAX_NODES} values, which is refused as an alias bomb"
        );
    }
    sanitize(&UserMessageFormatter.format_message(err))
}

/// A sentence for an exceeded serde-saphyr budget.
fn budget_cause(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => format!("it nests more than {MAX_DEPTH} levels deep"),
        B::Nodes { .. }
        | B::Events { .. }
        | B::RecordedAnchorEvents { .. }
        | B::RecordedAnchorBytes { .. } => format!(
            "it holds or expands to more than {MAX_NODES} values, which is refused as a \
             resource bomb"
        ),
        B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => {
            "it uses too many anchors or aliases, which is refused as an alias bomb".to_owned()
        }
        B::ScalarBytes { .. } => {
            format!("its text is larger than {MAX_SCALAR_BYTES} bytes")
        }
        B::Documents { .. } => "it holds more than one YAML document".to_owned(),
        _ => "it exceeds the YAML parser's resource limits".to_owned(),
    }
}

/// `text` on one line, control characters replaced by spaces.
pub(super) fn sanitize(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        "syntax error".to_owned()
    } else {
        clean.to_owned()
    }
}
