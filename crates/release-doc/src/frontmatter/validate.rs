//! serde-saphyr's check of the YAML features that the event pass does not model: tags
//! (`!!int x`, `!!binary`), anchors and aliases (unknown or recursive ones, alias bombs, the
//! alias/anchor ratio) and merge keys. It parses the YAML a second time, so it runs only when
//! the event pass met one of these features; its error, when it has one, is the one reported.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{MessageFormatter as _, UserMessageFormatter};

use super::error::{sanitize, Breach, YamlError};
use super::{MAX_ANCHORS, MAX_DEPTH, MAX_EVENTS, MAX_NODES, MAX_SCALAR_BYTES};

/// The serde-saphyr options: tight budgets for a small frontmatter, duplicates passed through
/// (they are reported by [`Tree::build`](super::tree::Tree::build) with both locations).
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

/// Parse the whole YAML with serde-saphyr, visiting every node, so that bad tagged values,
/// unknown or recursive aliases, bad merge keys and exceeded budgets are found.
pub(super) fn validate(yaml: &str) -> Result<(), YamlError> {
    let Err(err) = serde_saphyr::from_str_with_options::<AnyNode>(yaml, yaml_options()) else {
        return Ok(());
    };
    let (line, column, byte) = match err.location() {
        Some(loc) => (
            loc.line(),
            loc.column(),
            loc.span()
                .byte_offset()
                .and_then(|b| usize::try_from(b).ok()),
        ),
        None => (0, 0, None),
    };
    Err(YamlError {
        cause: yaml_cause(&err),
        line,
        column,
        byte,
        extended: true,
    })
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
fn yaml_cause(err: &serde_saphyr::Error) -> String {
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
        return Breach::AliasBomb.cause();
    }
    sanitize(&UserMessageFormatter.format_message(err))
}

/// The sentence for an exceeded serde-saphyr budget.
fn budget_cause(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    let breach = match breach {
        B::Depth { .. } => Breach::Depth,
        B::Nodes { .. }
        | B::Events { .. }
        | B::RecordedAnchorEvents { .. }
        | B::RecordedAnchorBytes { .. } => Breach::Nodes,
        B::Aliases { .. } | B::Anchors { .. } | B::AliasAnchorRatio { .. } => Breach::Anchors,
        B::ScalarBytes { .. } => Breach::ScalarBytes,
        B::Documents { .. } => Breach::Documents,
        _ => return "it exceeds the YAML parser's resource limits".to_owned(),
    };
    breach.cause()
}
