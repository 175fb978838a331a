//! YAML frontmatter: find the `---` block at the top of a document and read its top-level keys.
//!
//! [`split`] finds the block by scanning lines itself (a leading BOM is skipped, CRLF and lone
//! CR line endings are accepted). [`read_entries`] parses the YAML between the fences with
//! `serde-saphyr` (under tight resource budgets, so YAML bombs fail fast) and reads every
//! top-level key with the exact byte spans of its key and value. When the YAML does not parse,
//! the keys are still recovered by a line scanner and one [`ProblemKind::InvalidYaml`] problem
//! points at the offending line.
//!
//! All spans are absolute byte ranges into the original source.

use std::collections::HashMap;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize as DeriveDeserialize, Serialize};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle};
use serde_saphyr::{MessageFormatter as _, UserMessageFormatter};

use crate::problem::{Problem, ProblemKind};
use crate::span::{LineIndex, Span};

/// Deepest nesting of YAML collections accepted in frontmatter.
const MAX_DEPTH: usize = 64;
/// Most YAML nodes (after alias expansion) accepted in frontmatter.
const MAX_NODES: usize = 20_000;
/// Most parser events accepted in frontmatter.
const MAX_EVENTS: usize = 50_000;
/// Most anchors, and most aliases, accepted in frontmatter.
const MAX_ANCHORS: usize = 1_000;
/// Most bytes of scalar text accepted in frontmatter.
const MAX_SCALAR_BYTES: usize = 8 * 1024 * 1024;

/// Where the frontmatter block is, found by splitting the source ourselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, DeriveDeserialize)]
pub struct Split {
    /// The frontmatter block, when the document has a closed one.
    pub block: Option<Block>,
    /// Byte offset at which the Markdown body starts (after the BOM and the block).
    pub body_start: usize,
}

/// The frontmatter block of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, DeriveDeserialize)]
pub struct Block {
    /// From the opening `---` to the end of the closing fence line, including its line break.
    pub span: Span,
    /// The YAML text between the two fence lines.
    pub yaml: Span,
}

/// One top-level `key: value` of the frontmatter.
#[derive(Debug, Clone, PartialEq, Serialize, DeriveDeserialize)]
pub struct Entry {
    /// The key's text (quotes removed).
    pub key: String,
    /// The key as written, with its quotes if quoted.
    pub key_span: Span,
    /// The value.
    pub value: EntryValue,
    /// The value as written: a scalar with its quotes, a whole `[...]` or block sequence, a
    /// whole mapping. An empty value has an empty span just after the key's `:`.
    pub value_span: Span,
}

/// The value of a frontmatter key.
#[derive(Debug, Clone, PartialEq, Serialize, DeriveDeserialize)]
#[serde(rename_all = "kebab-case", tag = "type", content = "value")]
pub enum EntryValue {
    /// No value (`key:`, `~`, `null`).
    Null,
    /// A scalar of any YAML type (string, number, boolean, date), as text: quotes removed and
    /// escapes decoded, numbers and booleans spelled as written.
    Text(String),
    /// A sequence of scalars, each with its text and its own span. A null item is `""`; an
    /// unquoted `{{name}}` item keeps its source text.
    List(Vec<(String, Span)>),
    /// An unquoted `{{name}}` (YAML reads it as a nested flow mapping): the name inside the
    /// braces, trimmed.
    Placeholder(String),
    /// Anything else (a nested mapping, a list holding collections), as JSON.
    Other(serde_json::Value),
}

/// Find the frontmatter block of `source`.
///
/// Frontmatter exists only when the first line (after an optional UTF-8 BOM) is `---`
/// (trailing spaces and tabs allowed). It closes at the next line that is `---` or `...`.
/// When it never closes, there is no block, the whole document (after the BOM) is body, and
/// an [`ProblemKind::UnterminatedFrontmatter`] problem points at the opening line.
#[must_use]
pub fn split(source: &str) -> (Split, Option<Problem>) {
    let bom = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let no_block = Split {
        block: None,
        body_start: bom,
    };
    let mut lines = Lines::new(source, bom, source.len());
    let Some(open) = lines.next() else {
        return (no_block, None);
    };
    if !is_fence(source, open, "---") {
        return (no_block, None);
    }
    for line in lines {
        if is_fence(source, line, "---") || is_fence(source, line, "...") {
            let block = Block {
                span: Span::new(open.start, line.next),
                yaml: Span::new(open.next, line.start),
            };
            return (
                Split {
                    block: Some(block),
                    body_start: line.next,
                },
                None,
            );
        }
    }
    let problem = Problem {
        kind: ProblemKind::UnterminatedFrontmatter,
        message: "frontmatter opened with `---` on line 1 is never closed; expected a closing \
                  `---` line, so the whole file is read as Markdown"
            .to_owned(),
        span: Span::new(open.start, open.end),
        section: None,
    };
    (no_block, Some(problem))
}

/// Read the top-level keys of the frontmatter `block` of `source`, in order.
///
/// Returns every top-level entry (a repeated key is returned each time it appears, and
/// reported as [`ProblemKind::DuplicateKey`]) and the problems found, in source order:
/// [`ProblemKind::InvalidYaml`] (the entries are then recovered line by line),
/// [`ProblemKind::FrontmatterNotMapping`] and [`ProblemKind::DuplicateKey`]. Empty YAML gives
/// no entry and no problem.
#[must_use]
pub fn read_entries(source: &str, block: &Block) -> (Vec<Entry>, Vec<Problem>) {
    let Some(yaml) = source.get(block.yaml.start..block.yaml.end) else {
        return (Vec::new(), Vec::new());
    };
    let ctx = Ctx {
        source,
        base: block.yaml.start,
        yaml,
        lines: LineIndex::new(source.get(..block.yaml.end).unwrap_or(source)),
    };
    if yaml.trim().is_empty() {
        return (Vec::new(), Vec::new());
    }
    if let Err(err) = validate(yaml) {
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
        return ctx.recover(&yaml_cause(&err), line, column, byte);
    }
    match Tree::build(yaml) {
        Err(err) => {
            let marker = err.marker();
            let line = u64::try_from(marker.line()).unwrap_or(0);
            let column = u64::try_from(marker.col()).map_or(0, |c| c.saturating_add(1));
            ctx.recover(&sanitize(&err.info()), line, column, marker.byte_offset())
        }
        Ok(tree) => ctx.entries(&tree),
    }
}

// ---------------------------------------------------------------------------------------------
// Lines

/// One line: `start..end` is its text, `next` is where the following line starts.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    next: usize,
}

/// The lines of `source[start..limit]`; a line ends at `\n`, `\r\n` or a lone `\r`.
struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    limit: usize,
}

impl<'a> Lines<'a> {
    fn new(source: &'a str, start: usize, limit: usize) -> Self {
        let bytes = source.as_bytes();
        Self {
            bytes,
            pos: start,
            limit: limit.min(bytes.len()),
        }
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        if self.pos >= self.limit {
            return None;
        }
        let start = self.pos;
        let mut i = start;
        while i < self.limit {
            match self.bytes.get(i) {
                Some(b'\n') => {
                    self.pos = i + 1;
                    return Some(Line {
                        start,
                        end: i,
                        next: i + 1,
                    });
                }
                Some(b'\r') => {
                    let next = if i + 1 < self.limit && self.bytes.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + 1
                    };
                    self.pos = next;
                    return Some(Line {
                        start,
                        end: i,
                        next,
                    });
                }
                _ => i += 1,
            }
        }
        self.pos = self.limit;
        Some(Line {
            start,
            end: self.limit,
            next: self.limit,
        })
    }
}

/// Whether `line` is `fence` followed only by spaces and tabs.
fn is_fence(source: &str, line: Line, fence: &str) -> bool {
    source
        .get(line.start..line.end)
        .is_some_and(|text| text.trim_end_matches([' ', '\t']) == fence)
}

// ---------------------------------------------------------------------------------------------
// Validation with serde-saphyr (budgets, syntax errors)

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
fn validate(yaml: &str) -> Result<(), serde_saphyr::Error> {
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
fn sanitize(text: &str) -> String {
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

// ---------------------------------------------------------------------------------------------
// The node tree, built from the parser's events (after validation)

/// A YAML node with its byte range in the YAML text.
#[derive(Debug, Clone)]
struct Node {
    kind: Kind,
    start: usize,
    end: usize,
}

/// What a [`Node`] is.
#[derive(Debug, Clone)]
enum Kind {
    /// A scalar: its decoded text, whether it is a null, whether it was written plain.
    Scalar {
        text: String,
        null: bool,
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping, its pairs in order.
    Map(Vec<(Node, Node)>),
    /// An alias (`*name`) to the anchor with this id.
    Alias(usize),
}

/// A collection being built.
enum Frame {
    /// A sequence: its start, style, anchor id and items so far.
    Seq {
        start: usize,
        flow: bool,
        anchor: usize,
        items: Vec<Node>,
    },
    /// A mapping: its start, style, anchor id, pairs so far, the key awaiting its value, and
    /// the keys seen (text -> start).
    Map {
        start: usize,
        flow: bool,
        anchor: usize,
        pairs: Vec<(Node, Node)>,
        key: Option<Node>,
        seen: HashMap<String, usize>,
    },
}

/// The parsed document: its root node, its anchors, and the duplicate keys met.
struct Tree {
    root: Option<Node>,
    anchors: HashMap<usize, Node>,
    /// `(key, first start, second start, second end)`, relative to the YAML text.
    duplicates: Vec<(String, usize, usize, usize)>,
}

impl Tree {
    /// Build the tree from granit-parser events (the YAML was validated by [`validate`]).
    fn build(yaml: &str) -> Result<Self, serde_saphyr::granit_parser::ScanError> {
        let options = serde_saphyr::granit_parser::options! {
            flow_nesting_limit: MAX_DEPTH,
            block_nesting_limit: MAX_DEPTH.saturating_mul(2),
        };
        let parser = Parser::new_from_str_with_options(yaml, options);
        let mut tree = Tree {
            root: None,
            anchors: HashMap::new(),
            duplicates: Vec::new(),
        };
        let mut stack: Vec<Frame> = Vec::new();
        let mut last_end = 0;
        let mut events = 0usize;
        for item in parser {
            let (event, span) = item?;
            events += 1;
            if events > MAX_EVENTS || stack.len() > MAX_DEPTH {
                break;
            }
            let range = span.byte_range().unwrap_or(last_end..last_end);
            let (start, end) = (range.start.min(yaml.len()), range.end.min(yaml.len()));
            match event {
                Event::Scalar(text, style, anchor, tag) => {
                    let core = tag
                        .as_ref()
                        .and_then(|t| t.core_suffix().map(str::to_owned));
                    let plain = style == ScalarStyle::Plain;
                    let null = match core.as_deref() {
                        Some("null") => true,
                        Some(_) => false,
                        None => plain && matches!(&*text, "" | "~" | "null" | "Null" | "NULL"),
                    };
                    let (start, end) = match style {
                        ScalarStyle::Literal | ScalarStyle::Folded => {
                            block_scalar_range(yaml, last_end, start, end)
                        }
                        _ => (start, end),
                    };
                    let node = Node {
                        kind: Kind::Scalar {
                            text: text.into_owned(),
                            null,
                            plain,
                        },
                        start,
                        end,
                    };
                    tree.complete(&mut stack, node, anchor, yaml);
                }
                Event::Alias(id) => {
                    let node = Node {
                        kind: Kind::Alias(id),
                        start,
                        end,
                    };
                    tree.complete(&mut stack, node, 0, yaml);
                }
                Event::SequenceStart(style, anchor, _) => {
                    let flow = style == StructureStyle::Flow;
                    let start = if flow {
                        start
                    } else {
                        block_item_start(yaml, start)
                    };
                    stack.push(Frame::Seq {
                        start,
                        flow,
                        anchor,
                        items: Vec::new(),
                    });
                }
                Event::MappingStart(style, anchor, _) => {
                    stack.push(Frame::Map {
                        start,
                        flow: style == StructureStyle::Flow,
                        anchor,
                        pairs: Vec::new(),
                        key: None,
                        seen: HashMap::new(),
                    });
                }
                Event::SequenceEnd | Event::MappingEnd => {
                    if let Some(frame) = stack.pop() {
                        let (node, anchor) = match frame {
                            Frame::Seq {
                                start: s,
                                flow,
                                anchor,
                                items,
                            } => {
                                let e = if flow {
                                    end
                                } else {
                                    items.last().map_or(s, |n| n.end)
                                };
                                (
                                    Node {
                                        kind: Kind::Seq(items),
                                        start: s,
                                        end: e.max(s),
                                    },
                                    anchor,
                                )
                            }
                            Frame::Map {
                                start: s,
                                flow,
                                anchor,
                                pairs,
                                ..
                            } => {
                                let e = if flow {
                                    end
                                } else {
                                    pairs.last().map_or(s, |(k, v)| k.end.max(v.end))
                                };
                                (
                                    Node {
                                        kind: Kind::Map(pairs),
                                        start: s,
                                        end: e.max(s),
                                    },
                                    anchor,
                                )
                            }
                        };
                        tree.complete(&mut stack, node, anchor, yaml);
                    }
                }
                _ => {}
            }
            if end > start {
                last_end = end;
            }
        }
        Ok(tree)
    }

    /// Attach a finished node to its parent (or make it the root).
    fn complete(&mut self, stack: &mut [Frame], node: Node, anchor: usize, yaml: &str) {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                pairs, key, seen, ..
            }) => match key.take() {
                Some(k) => pairs.push((k, node)),
                None => {
                    let text = self.key_text(&node, yaml);
                    if let Some(&first) = seen.get(&text) {
                        self.duplicates.push((text, first, node.start, node.end));
                    } else {
                        seen.insert(text, node.start);
                    }
                    *key = Some(node);
                }
            },
        }
    }

    /// The anchored node an alias refers to (`node` itself when it is not an alias).
    fn resolve<'n>(&'n self, mut node: &'n Node) -> Option<&'n Node> {
        for _ in 0..=MAX_ANCHORS {
            match node.kind {
                Kind::Alias(id) => node = self.anchors.get(&id)?,
                _ => return Some(node),
            }
        }
        None
    }

    /// The text of a key: a scalar's text, else the key as written.
    fn key_text(&self, node: &Node, yaml: &str) -> String {
        match self.resolve(node).map(|n| &n.kind) {
            Some(Kind::Scalar { text, .. }) => text.clone(),
            _ => yaml
                .get(node.start..node.end)
                .unwrap_or("")
                .trim()
                .to_owned(),
        }
    }

    /// The name inside an unquoted `{{name}}` (a flow mapping whose only key is a flow
    /// mapping whose only key is a plain scalar, all values null).
    fn placeholder(&self, node: &Node) -> Option<String> {
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

    /// The node as JSON (plain scalars typed by the YAML core schema), expanding aliases
    /// within a node budget.
    fn to_json(
        &self,
        node: &Node,
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
                .anchors
                .get(id)
                .map_or(Value::Null, |n| self.to_json(n, depth + 1, budget, yaml)),
            Kind::Scalar { text, null, plain } => {
                if *null {
                    Value::Null
                } else if *plain {
                    plain_json(text)
                } else {
                    Value::String(text.clone())
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
                    let key = self.key_text(k, yaml);
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

/// The range of a block scalar as written: from its `|` or `>` indicator (searched after the
/// previous token) to the end of its last non-blank line.
fn block_scalar_range(yaml: &str, after: usize, start: usize, end: usize) -> (usize, usize) {
    let from = yaml
        .get(after..start)
        .and_then(|gap| gap.find(['|', '>']))
        .map_or(start, |i| after + i);
    let text = yaml.get(from..end).unwrap_or("");
    let trimmed = text.trim_end_matches([' ', '\t', '\r', '\n']);
    (from, from + trimmed.len().max(1).min(text.len()))
}

/// The start of a block sequence: its first `-` (the parser may point at the first item).
fn block_item_start(yaml: &str, start: usize) -> usize {
    let before = yaml.get(..start).unwrap_or("");
    let trimmed = before.trim_end_matches([' ', '\t']);
    if trimmed.ends_with('-') && !yaml.get(start..).unwrap_or("").starts_with('-') {
        trimmed.len() - 1
    } else {
        start
    }
}

// ---------------------------------------------------------------------------------------------
// Entries

/// Everything needed to turn YAML-relative positions into absolute spans and lines.
struct Ctx<'a> {
    source: &'a str,
    base: usize,
    yaml: &'a str,
    lines: LineIndex,
}

impl Ctx<'_> {
    /// An absolute span for a YAML-relative range.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    /// The 1-based line of an absolute offset.
    fn line_of(&self, offset: usize) -> usize {
        self.lines.line_col(self.source, offset).line
    }

    /// Entries and problems from a successfully parsed tree.
    fn entries(&self, tree: &Tree) -> (Vec<Entry>, Vec<Problem>) {
        let mut problems: Vec<Problem> = tree
            .duplicates
            .iter()
            .map(|(key, first, start, end)| {
                duplicate_problem(
                    key,
                    self.line_of(self.base + first),
                    self.span(*start, *end),
                )
            })
            .collect();
        let Some(root) = &tree.root else {
            return (Vec::new(), problems);
        };
        let Kind::Map(pairs) = &root.kind else {
            let found = match &root.kind {
                Kind::Seq(_) => "a list".to_owned(),
                Kind::Scalar { null: true, .. } => "a null value".to_owned(),
                Kind::Scalar { text, .. } => {
                    let short: String = text.chars().take(40).collect();
                    format!("a single value (`{}`)", sanitize(&short))
                }
                _ => "a single value".to_owned(),
            };
            problems.push(Problem {
                kind: ProblemKind::FrontmatterNotMapping,
                message: format!(
                    "frontmatter is {found}, but a mapping of `key: value` lines was expected"
                ),
                span: self.span(root.start, root.end.max(root.start)),
                section: None,
            });
            return (Vec::new(), problems);
        };
        let entries = pairs
            .iter()
            .map(|(k, v)| {
                let (value, value_span) = self.value(tree, k, v);
                Entry {
                    key: tree.key_text(k, self.yaml),
                    key_span: self.span(k.start, k.end),
                    value,
                    value_span,
                }
            })
            .collect();
        problems.sort_by_key(|p| p.span.start);
        (entries, problems)
    }

    /// The value of a top-level entry and its span.
    fn value(&self, tree: &Tree, key: &Node, node: &Node) -> (EntryValue, Span) {
        let span = self.span(node.start, node.end);
        let Some(target) = tree.resolve(node) else {
            return (EntryValue::Null, span);
        };
        match &target.kind {
            Kind::Scalar { null: true, .. } => {
                if node.start == node.end {
                    let at = self.after_colon(key.end, node.start);
                    (EntryValue::Null, self.span(at, at))
                } else {
                    (EntryValue::Null, span)
                }
            }
            Kind::Scalar { text, .. } => (EntryValue::Text(text.clone()), span),
            Kind::Seq(items) => match self.scalar_items(tree, items) {
                Some(list) => (EntryValue::List(list), span),
                None => (EntryValue::Other(self.json(tree, target)), span),
            },
            Kind::Map(_) => match tree.placeholder(target) {
                Some(name) => (EntryValue::Placeholder(name), span),
                None => (EntryValue::Other(self.json(tree, target)), span),
            },
            Kind::Alias(_) => (EntryValue::Null, span),
        }
    }

    /// The items of a sequence of scalars (or unquoted placeholders), or `None`.
    fn scalar_items(&self, tree: &Tree, items: &[Node]) -> Option<Vec<(String, Span)>> {
        items
            .iter()
            .map(|item| {
                let target = tree.resolve(item)?;
                let span = self.span(item.start, item.end);
                match &target.kind {
                    Kind::Scalar { null: true, .. } => Some((String::new(), span)),
                    Kind::Scalar { text, .. } => Some((text.clone(), span)),
                    Kind::Map(_) => tree.placeholder(target).map(|_| {
                        let text = self.yaml.get(item.start..item.end).unwrap_or("");
                        (text.to_owned(), span)
                    }),
                    _ => None,
                }
            })
            .collect()
    }

    /// A node as JSON.
    fn json(&self, tree: &Tree, node: &Node) -> serde_json::Value {
        let mut budget = MAX_NODES;
        tree.to_json(node, 0, &mut budget, self.yaml)
    }

    /// The YAML-relative offset just after the `:` that follows a key ending at `key_end`
    /// (`fallback` when there is none before it).
    fn after_colon(&self, key_end: usize, fallback: usize) -> usize {
        let limit = fallback.max(key_end);
        self.yaml
            .get(key_end..)
            .and_then(|rest| rest.find(':'))
            .map(|i| key_end + i + 1)
            .filter(|&at| at <= limit + 1 && at <= self.yaml.len())
            .unwrap_or(fallback)
    }

    /// The InvalidYaml problem at the error position, plus the entries a line scanner recovers.
    fn recover(
        &self,
        cause: &str,
        line: u64,
        column: u64,
        byte: Option<usize>,
    ) -> (Vec<Entry>, Vec<Problem>) {
        let offset = self.error_offset(line, column, byte);
        let problem = Problem {
            kind: ProblemKind::InvalidYaml,
            message: format!(
                "frontmatter is not valid YAML: {cause}; fix this line so the frontmatter \
                 parses (the other keys were still read line by line)"
            ),
            span: self.error_span(offset),
            section: None,
        };
        let (entries, mut problems) = scan_entries(self);
        problems.push(problem);
        problems.sort_by_key(|p| p.span.start);
        (entries, problems)
    }

    /// The YAML-relative byte offset of a 1-based line and column (in characters) of the
    /// YAML text, or of the parser's byte offset when it gave one.
    fn error_offset(&self, line: u64, column: u64, byte: Option<usize>) -> usize {
        if let Some(b) = byte.filter(|&b| self.yaml.is_char_boundary(b)) {
            return b;
        }
        let mut lines = Lines::new(self.yaml, 0, self.yaml.len());
        let Some(index) = usize::try_from(line).ok().and_then(|l| l.checked_sub(1)) else {
            return 0;
        };
        let Some(found) = lines.nth(index) else {
            return self.yaml.len();
        };
        let text = self.yaml.get(found.start..found.end).unwrap_or("");
        let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
        found.start + text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i)
    }

    /// An absolute span for a YAML error at a YAML-relative offset: from the offset to the
    /// end of its line, or the whole line (the last non-blank one at the end of the YAML).
    fn error_span(&self, offset: usize) -> Span {
        let lines: Vec<Line> = Lines::new(self.yaml, 0, self.yaml.len()).collect();
        let blank = |l: &Line| {
            self.yaml
                .get(l.start..l.end)
                .is_none_or(|t| t.trim().is_empty())
        };
        let index = lines
            .iter()
            .position(|l| offset >= l.start && offset < l.next.max(l.start + 1))
            .unwrap_or(lines.len());
        let Some(line) = lines
            .get(..=index.min(lines.len().saturating_sub(1)))
            .and_then(|before| before.iter().rev().find(|l| !blank(l)))
            .copied()
        else {
            return self.span(0, 0);
        };
        if offset >= line.start && offset < line.end {
            self.span(offset, line.end)
        } else {
            self.span(line.start, line.end)
        }
    }
}

/// The DuplicateKey problem for a key set again at `span`, first set on `first_line`.
fn duplicate_problem(key: &str, first_line: usize, span: Span) -> Problem {
    Problem {
        kind: ProblemKind::DuplicateKey,
        message: format!(
            "frontmatter key `{}` is set more than once: first on line {first_line}, \
             again here; keep only one",
            sanitize(key)
        ),
        span,
        section: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Line scanner (recovery when the YAML does not parse)

/// A top-level entry being scanned.
struct Pending {
    key: String,
    key_span: Span,
    /// The value written on the key's line, if any.
    inline: Option<Span>,
    /// `- item` lines below the key.
    items: Vec<(String, Span)>,
    /// The indented lines below the key.
    body: Option<Span>,
    /// Whether the indented lines hold anything but `- item` lines.
    nested: bool,
    /// Offset just after the key's `:`.
    colon_end: usize,
}

/// Recover top-level `key: value` entries line by line, and report repeated keys.
fn scan_entries(ctx: &Ctx<'_>) -> (Vec<Entry>, Vec<Problem>) {
    let source = ctx.source;
    let mut entries = Vec::new();
    let mut current: Option<Pending> = None;
    for line in Lines::new(source, ctx.base, ctx.base + ctx.yaml.len()) {
        let Some(text) = source.get(line.start..line.end) else {
            continue;
        };
        let trimmed = text.trim_start_matches([' ', '\t']);
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = text.len() - trimmed.len();
        let is_item = trimmed == "-" || trimmed.starts_with("- ") || trimmed.starts_with("-\t");
        if indent == 0 && !is_item {
            if let Some(done) = current.take() {
                entries.push(finish(source, done));
            }
            current = scan_key_line(line.start, trimmed);
            continue;
        }
        let Some(cur) = current.as_mut() else {
            continue;
        };
        let line_span = Span::new(line.start + indent, line.end);
        cur.body = Some(cur.body.map_or(line_span, |b| b.cover(line_span)));
        if is_item && !cur.nested {
            let item_start = line.start + indent + 1;
            let rest = source.get(item_start..line.end).unwrap_or("");
            let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            let (value, span) = scalar_text(source, item_start + lead, line.end);
            cur.items.push((value, span));
        } else {
            cur.nested = true;
        }
    }
    if let Some(done) = current.take() {
        entries.push(finish(source, done));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    for entry in &entries {
        if let Some(&first) = seen.get(entry.key.as_str()) {
            problems.push(duplicate_problem(
                &entry.key,
                ctx.line_of(first),
                entry.key_span,
            ));
        } else {
            seen.insert(&entry.key, entry.key_span.start);
        }
    }
    (entries, problems)
}

/// Read `key: value` from a top-level line starting at `start` (text `text`).
fn scan_key_line(start: usize, text: &str) -> Option<Pending> {
    let (key, key_len, after_key) = if let Some(quote) =
        text.chars().next().filter(|c| matches!(c, '"' | '\''))
    {
        let close = closing_quote(text, quote)?;
        let raw = text.get(..=close)?;
        let rest = text.get(close + 1..)?;
        let colon = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if !rest.get(colon..)?.starts_with(':') {
            return None;
        }
        (unquote(raw), raw.len(), close + 1 + colon + 1)
    } else {
        let bytes = text.as_bytes();
        let colon = (0..bytes.len()).find(|&i| {
            bytes.get(i) == Some(&b':')
                && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n'))
        })?;
        let raw = text.get(..colon)?.trim_end_matches([' ', '\t']);
        if raw.is_empty() || raw.starts_with(['-', '?', '[', '{', '&', '*', '!', '%', '@', '`']) {
            return None;
        }
        (raw.to_owned(), raw.len(), colon + 1)
    };
    let colon_end = start + after_key;
    let rest = text.get(after_key..).unwrap_or("");
    let lead = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let value_start = colon_end + lead;
    let value_text = rest.get(lead..).unwrap_or("");
    let inline = (!value_text.is_empty() && !value_text.starts_with('#')).then(|| {
        let len = value_len(value_text);
        Span::new(value_start, value_start + len)
    });
    Some(Pending {
        key,
        key_span: Span::new(start, start + key_len),
        inline,
        items: Vec::new(),
        body: None,
        nested: false,
        colon_end,
    })
}

/// Turn a scanned entry into an [`Entry`].
fn finish(source: &str, p: Pending) -> Entry {
    let (value, value_span) = match (p.inline, p.body) {
        (Some(span), _) => {
            let text = span.text(source);
            if text.starts_with(['|', '>']) {
                let body = p.body.map(|b| b.text(source)).unwrap_or("");
                let lines: Vec<&str> = body.lines().map(str::trim).collect();
                let whole = p.body.map_or(span, |b| span.cover(b));
                (EntryValue::Text(lines.join("\n")), whole)
            } else {
                (inline_value(source, span), span)
            }
        }
        (None, Some(body)) if !p.nested => (EntryValue::List(p.items), body),
        (None, Some(body)) => (
            EntryValue::Other(serde_json::Value::String(body.text(source).to_owned())),
            body,
        ),
        (None, None) => (EntryValue::Null, Span::new(p.colon_end, p.colon_end)),
    };
    Entry {
        key: p.key,
        key_span: p.key_span,
        value,
        value_span,
    }
}

/// The value written on a key's line.
fn inline_value(source: &str, span: Span) -> EntryValue {
    let text = span.text(source);
    if let Some(inner) = text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")) {
        if !inner.contains(['{', '}']) {
            return EntryValue::Placeholder(inner.trim().to_owned());
        }
    }
    if text.starts_with('[') && text.ends_with(']') && text.len() >= 2 {
        return EntryValue::List(flow_items(source, span.start + 1, span.end - 1));
    }
    let (value, _) = scalar_text(source, span.start, span.end);
    if is_null_word(text) {
        EntryValue::Null
    } else {
        EntryValue::Text(value)
    }
}

/// The items of a one-line `[a, "b"]` between `start` and `end` (inside the brackets).
fn flow_items(source: &str, start: usize, end: usize) -> Vec<(String, Span)> {
    let inner = source.get(start..end).unwrap_or("");
    if inner.trim().is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut quote: Option<char> = None;
    let mut item_start = 0;
    let mut push = |from: usize, to: usize| {
        let raw = inner.get(from..to).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let len = raw.trim().len();
        let (value, span) = scalar_text(source, start + from + lead, start + from + lead + len);
        items.push((value, span));
    };
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => {
                push(item_start, i);
                item_start = i + 1;
            }
            _ => {}
        }
    }
    push(item_start, inner.len());
    items
}

/// The text of a scalar written between `start` and `end` (comment cut, quotes removed) and
/// its span as written.
fn scalar_text(source: &str, start: usize, end: usize) -> (String, Span) {
    let text = source.get(start..end).unwrap_or("");
    let len = value_len(text);
    let raw = text.get(..len).unwrap_or("");
    let span = Span::new(start, start + len);
    if is_null_word(raw) {
        return (String::new(), span);
    }
    (unquote(raw), span)
}

/// The length of a value as written: a quoted scalar up to its closing quote, else up to a
/// ` #` comment, trailing blanks removed.
fn value_len(text: &str) -> usize {
    if let Some(quote) = text.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        if let Some(close) = closing_quote(text, quote) {
            return close + 1;
        }
    }
    let bytes = text.as_bytes();
    let cut = (1..bytes.len())
        .find(|&i| bytes.get(i) == Some(&b'#') && matches!(bytes.get(i - 1), Some(b' ' | b'\t')))
        .unwrap_or(text.len());
    text.get(..cut).unwrap_or("").trim_end().len()
}

/// Whether a plain value is a YAML null spelling.
fn is_null_word(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// Byte index of the quote closing the quoted scalar that opens `text`.
fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return Some(i);
            }
        }
    }
    None
}

/// A scalar's text: quotes removed and escapes decoded (plain text is returned as is).
fn unquote(raw: &str) -> String {
    if raw.len() >= 2 && raw.starts_with('\'') && raw.ends_with('\'') {
        return raw.get(1..raw.len() - 1).unwrap_or("").replace("''", "'");
    }
    if !(raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"')) {
        return raw.to_owned();
    }
    let inner = raw.get(1..raw.len() - 1).unwrap_or("");
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        let hex = |n: usize, chars: &mut std::str::Chars<'_>| {
            let digits: String = chars.by_ref().take(n).collect();
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        let decoded = match e {
            'n' => Some('\n'),
            't' | '\t' => Some('\t'),
            'r' => Some('\r'),
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'e' => Some('\u{1b}'),
            'f' => Some('\u{c}'),
            'v' => Some('\u{b}'),
            ' ' => Some(' '),
            '"' => Some('"'),
            '/' => Some('/'),
            '\\' => Some('\\'),
            'N' => Some('\u{85}'),
            '_' => Some('\u{a0}'),
            'L' => Some('\u{2028}'),
            'P' => Some('\u{2029}'),
            'x' => hex(2, &mut chars),
            'u' => hex(4, &mut chars),
            'U' => hex(8, &mut chars),
            _ => None,
        };
        match decoded {
            Some(d) => out.push(d),
            None => {
                out.push('\\');
                out.push(e);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frontmatter of the Deployment & Release Process template.
    const TEMPLATE: &str = "---
component: \"{{component}}\"
type: \"workflow\"
phase: \"deployment\"
status: \"active\"
created: \"{{date}}\"
updated: \"{{date}}\"
owner: \"{{owner}}\"
tags: [\"deployment\", \"release\", \"ci-cd\", \"production\", \"rollback\"]
---

# Deployment & Release Process Template
";

    fn read(source: &str) -> (Vec<Entry>, Vec<Problem>) {
        let (split, problem) = split(source);
        assert_eq!(problem, None);
        let block = split.block.expect("a frontmatter block");
        read_entries(source, &block)
    }

    fn get<'e>(entries: &'e [Entry], key: &str) -> &'e Entry {
        entries.iter().find(|e| e.key == key).expect("the key")
    }

    fn line(source: &str, offset: usize) -> usize {
        LineIndex::new(source).line_col(source, offset).line
    }

    #[test]
    fn template_frontmatter() {
        let (split, problem) = split(TEMPLATE);
        assert_eq!(problem, None);
        let block = split.block.expect("block");
        assert_eq!(block.span.start, 0);
        assert_eq!(
            &TEMPLATE[split.body_start..],
            "\n# Deployment & Release Process Template\n"
        );
        assert!(block.yaml.text(TEMPLATE).starts_with("component:"));
        assert!(block.yaml.text(TEMPLATE).ends_with("\"rollback\"]\n"));

        let (entries, problems) = read_entries(TEMPLATE, &block);
        assert!(problems.is_empty(), "{problems:?}");
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "component",
                "type",
                "phase",
                "status",
                "created",
                "updated",
                "owner",
                "tags"
            ]
        );
        let phase = get(&entries, "phase");
        assert_eq!(phase.value, EntryValue::Text("deployment".into()));
        assert_eq!(phase.key_span.text(TEMPLATE), "phase");
        assert_eq!(phase.value_span.text(TEMPLATE), "\"deployment\"");
        let owner = get(&entries, "owner");
        assert_eq!(owner.value, EntryValue::Text("{{owner}}".into()));
        assert_eq!(owner.value_span.text(TEMPLATE), "\"{{owner}}\"");
        let tags = get(&entries, "tags");
        assert_eq!(
            tags.value_span.text(TEMPLATE),
            "[\"deployment\", \"release\", \"ci-cd\", \"production\", \"rollback\"]"
        );
        let EntryValue::List(items) = &tags.value else {
            panic!("tags is a list: {:?}", tags.value);
        };
        let names: Vec<&str> = items.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            names,
            ["deployment", "release", "ci-cd", "production", "rollback"]
        );
        assert_eq!(items[2].1.text(TEMPLATE), "\"ci-cd\"");
        assert_eq!(line(TEMPLATE, items[2].1.start), 9);
    }

    #[test]
    fn crlf_and_bom_give_the_same_entries_with_shifted_spans() {
        let crlf = format!("\u{feff}{}", TEMPLATE.replace('\n', "\r\n"));
        let (split_crlf, problem) = split(&crlf);
        assert_eq!(problem, None);
        let block = split_crlf.block.expect("block");
        assert_eq!(block.span.start, 3);
        assert!(crlf[split_crlf.body_start..].starts_with("\r\n# Deployment"));
        let (plain_entries, _) = read(TEMPLATE);
        let (entries, problems) = read_entries(&crlf, &block);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(entries.len(), plain_entries.len());
        for (a, b) in plain_entries.iter().zip(&entries) {
            assert_eq!(a.key, b.key);
            assert_eq!(a.key_span.text(TEMPLATE), b.key_span.text(&crlf));
            assert_eq!(a.value_span.text(TEMPLATE), b.value_span.text(&crlf));
            // 3 bytes of BOM plus one `\r` per line before it.
            let shift = 3 + line(TEMPLATE, a.key_span.start) - 1;
            assert_eq!(b.key_span, a.key_span.shifted(shift));
            assert_eq!(b.value_span, a.value_span.shifted(shift));
            match (&a.value, &b.value) {
                (EntryValue::List(x), EntryValue::List(y)) => {
                    for ((sx, px), (sy, py)) in x.iter().zip(y) {
                        assert_eq!(sx, sy);
                        assert_eq!(*py, px.shifted(shift));
                    }
                }
                (x, y) => assert_eq!(x, y),
            }
        }
    }

    #[test]
    fn lone_cr_line_endings() {
        let source = "---\rphase: deployment\rowner: Ana\r---\rbody";
        let (entries, problems) = read(source);
        assert!(problems.is_empty());
        assert_eq!(get(&entries, "owner").value_span.text(source), "Ana");
        assert_eq!(&source[split(source).0.body_start..], "body");
    }

    #[test]
    fn no_frontmatter() {
        for source in [
            "# Title\n",
            "",
            "\u{feff}text",
            " ---\na: b\n---\n",
            "----\n",
        ] {
            let (split, problem) = split(source);
            assert_eq!(split.block, None, "{source:?}");
            assert_eq!(problem, None);
            assert_eq!(
                split.body_start,
                if source.starts_with('\u{feff}') { 3 } else { 0 }
            );
        }
    }

    #[test]
    fn fences_allow_trailing_blanks_and_dots_close() {
        let source = "---  \t\na: 1\n... \nbody";
        let (split, problem) = split(source);
        assert_eq!(problem, None);
        let block = split.block.expect("block");
        assert_eq!(block.yaml.text(source), "a: 1\n");
        assert_eq!(block.span.text(source), "---  \t\na: 1\n... \n");
        assert_eq!(&source[split.body_start..], "body");
    }

    #[test]
    fn unterminated() {
        let source = "\u{feff}---\r\nphase: deployment\r\n# Title\r\n";
        let (split, problem) = split(source);
        assert_eq!(split.block, None);
        assert_eq!(split.body_start, 3);
        let problem = problem.expect("problem");
        assert_eq!(problem.kind, ProblemKind::UnterminatedFrontmatter);
        assert_eq!(problem.span.text(source), "---");
        assert!(
            problem.message.contains("never closed"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn empty_yaml() {
        for source in [
            "---\n---\nbody",
            "---\n\n  \n---\n",
            "---\n# only a comment\n---\n",
        ] {
            let (entries, problems) = read(source);
            assert!(entries.is_empty() && problems.is_empty(), "{source:?}");
        }
    }

    #[test]
    fn list_frontmatter() {
        let source = "---\n- a\n- b\n---\n";
        let (entries, problems) = read(source);
        assert!(entries.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::FrontmatterNotMapping);
        assert!(
            problems[0].message.contains("a list"),
            "{}",
            problems[0].message
        );
        assert!(problems[0].message.contains("mapping"));
        assert_eq!(problems[0].span.text(source), "- a\n- b");
    }

    #[test]
    fn scalar_frontmatter() {
        let source = "---\njust some text\n---\n";
        let (entries, problems) = read(source);
        assert!(entries.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::FrontmatterNotMapping);
        assert!(problems[0].message.contains("`just some text`"));
        assert_eq!(problems[0].span.text(source), "just some text");
    }

    #[test]
    fn duplicate_key() {
        let source = "---\nphase: deployment\nowner: Ana\nphase: planning\n---\n";
        let (entries, problems) = read(source);
        assert_eq!(entries.len(), 3);
        assert_eq!(problems.len(), 1);
        let p = &problems[0];
        assert_eq!(p.kind, ProblemKind::DuplicateKey);
        assert_eq!(line(source, p.span.start), 4);
        assert_eq!(p.span.text(source), "phase");
        assert!(
            p.message.contains("`phase`") && p.message.contains("line 2"),
            "{}",
            p.message
        );
    }

    #[test]
    fn nested_duplicate_key() {
        let source = "---\nextra:\n  a: 1\n  a: 2\n---\n";
        let (_, problems) = read(source);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::DuplicateKey);
        assert_eq!(line(source, problems[0].span.start), 4);
    }

    #[test]
    fn syntax_error_points_at_its_line_and_keeps_the_other_keys() {
        let source = "---\nphase: deployment\nowner: Ana\nstatus: a: b\nstage: ready\ntags: [x, \"y\"]\n---\n";
        let (entries, problems) = read(source);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert_eq!(p.kind, ProblemKind::InvalidYaml);
        assert_eq!(line(source, p.span.start), 4);
        assert!(
            p.message.starts_with("frontmatter is not valid YAML: "),
            "{}",
            p.message
        );
        assert!(!p.message.contains("line 4, column"), "{}", p.message);
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["phase", "owner", "status", "stage", "tags"]);
        assert_eq!(
            get(&entries, "stage").value,
            EntryValue::Text("ready".into())
        );
        assert_eq!(get(&entries, "stage").value_span.text(source), "ready");
        let EntryValue::List(items) = &get(&entries, "tags").value else {
            panic!("list");
        };
        assert_eq!(items[1].0, "y");
        assert_eq!(items[1].1.text(source), "\"y\"");
    }

    #[test]
    fn unclosed_quote_is_reported_where_it_opens() {
        let source = "---\nphase: deployment\nowner: \"Ana\nstage: ready\n---\n";
        let (entries, problems) = read(source);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
        assert_eq!(line(source, problems[0].span.start), 3);
        assert!(entries.iter().any(|e| e.key == "stage"));
    }

    #[test]
    fn recovery_reads_block_lists_placeholders_and_nulls() {
        let source = "---\nbad: [\nowner: {{ owner }}\nempty:\ntags:\n  - a\n  - 'b c'\nname: \"x\\ty\" # note\n---\n";
        let (entries, problems) = read(source);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            get(&entries, "owner").value,
            EntryValue::Placeholder("owner".into())
        );
        assert_eq!(get(&entries, "empty").value, EntryValue::Null);
        let EntryValue::List(items) = &get(&entries, "tags").value else {
            panic!("list");
        };
        assert_eq!(items[1].0, "b c");
        assert_eq!(items[1].1.text(source), "'b c'");
        assert_eq!(get(&entries, "name").value, EntryValue::Text("x\ty".into()));
        assert_eq!(get(&entries, "name").value_span.text(source), "\"x\\ty\"");
    }

    #[test]
    fn unquoted_placeholders() {
        let source = "---\nowner: {{owner}}\ncomponent: {{ component }}\ntags: [a, {{tag}}]\n---\n";
        let (entries, problems) = read(source);
        assert!(problems.is_empty(), "{problems:?}");
        let owner = get(&entries, "owner");
        assert_eq!(owner.value, EntryValue::Placeholder("owner".into()));
        assert_eq!(owner.value_span.text(source), "{{owner}}");
        let component = get(&entries, "component");
        assert_eq!(component.value, EntryValue::Placeholder("component".into()));
        assert_eq!(component.value_span.text(source), "{{ component }}");
        let EntryValue::List(items) = &get(&entries, "tags").value else {
            panic!("list");
        };
        assert_eq!(items[1].0, "{{tag}}");
        assert_eq!(items[1].1.text(source), "{{tag}}");
    }

    #[test]
    fn scalar_types_become_text_and_nulls_null() {
        let source = "---\ncreated: 2026-11-30\ncount: 007\nratio: 1.10\nflag: true\ninf: .inf\nq: 'it''s'\nempty:\ntilde: ~\nlit: |\n  one\n  two\n\nlast: x\n---\n";
        let (entries, problems) = read(source);
        assert!(problems.is_empty());
        assert_eq!(
            get(&entries, "created").value,
            EntryValue::Text("2026-11-30".into())
        );
        assert_eq!(get(&entries, "count").value, EntryValue::Text("007".into()));
        assert_eq!(
            get(&entries, "ratio").value,
            EntryValue::Text("1.10".into())
        );
        assert_eq!(get(&entries, "flag").value, EntryValue::Text("true".into()));
        assert_eq!(get(&entries, "inf").value, EntryValue::Text(".inf".into()));
        assert_eq!(get(&entries, "q").value, EntryValue::Text("it's".into()));
        assert_eq!(get(&entries, "q").value_span.text(source), "'it''s'");
        let empty = get(&entries, "empty");
        assert_eq!(empty.value, EntryValue::Null);
        assert!(empty.value_span.is_empty());
        assert_eq!(
            Some(empty.value_span.start),
            source.find("empty:").map(|i| i + "empty:".len())
        );
        assert_eq!(get(&entries, "tilde").value, EntryValue::Null);
        assert_eq!(get(&entries, "tilde").value_span.text(source), "~");
        let lit = get(&entries, "lit");
        assert_eq!(lit.value, EntryValue::Text("one\ntwo\n".into()));
        assert_eq!(lit.value_span.text(source), "|\n  one\n  two");
    }

    #[test]
    fn block_sequences() {
        let source = "---\ntags:\n  - one\n  - \"two\"\nmore:\n- x\n- y\nnone: []\n---\n";
        let (entries, problems) = read(source);
        assert!(problems.is_empty());
        let tags = get(&entries, "tags");
        assert_eq!(tags.value_span.text(source), "- one\n  - \"two\"");
        let more = get(&entries, "more");
        assert_eq!(more.value_span.text(source), "- x\n- y");
        assert_eq!(
            more.value,
            EntryValue::List(vec![
                (
                    "x".into(),
                    Span::new(
                        source.find("x\n").unwrap_or(0),
                        source.find("x\n").unwrap_or(0) + 1
                    )
                ),
                (
                    "y".into(),
                    Span::new(
                        source.find("y\n").unwrap_or(0),
                        source.find("y\n").unwrap_or(0) + 1
                    )
                ),
            ])
        );
        assert_eq!(get(&entries, "none").value, EntryValue::List(Vec::new()));
    }

    #[test]
    fn nested_map_value() {
        let source = "---\nextra:\n  reviewers: [a, b]\n  count: 2\n  flag: false\n  who: \"3\"\nafter: x\n---\n";
        let (entries, problems) = read(source);
        assert!(problems.is_empty());
        let extra = get(&entries, "extra");
        assert_eq!(
            extra.value,
            EntryValue::Other(serde_json::json!({
                "reviewers": ["a", "b"], "count": 2, "flag": false, "who": "3"
            }))
        );
        assert_eq!(
            extra.value_span.text(source),
            "reviewers: [a, b]\n  count: 2\n  flag: false\n  who: \"3\""
        );
        assert_eq!(get(&entries, "after").value, EntryValue::Text("x".into()));
        let source = "---\nmatrix: [[1, 2], [3]]\n---\n";
        let (entries, _) = read(source);
        assert_eq!(
            entries[0].value,
            EntryValue::Other(serde_json::json!([[1, 2], [3]]))
        );
        assert_eq!(entries[0].value_span.text(source), "[[1, 2], [3]]");
    }

    #[test]
    fn aliases_resolve() {
        let source = "---\nbase: &o Ana\nowner: *o\n---\n";
        let (entries, problems) = read(source);
        assert!(problems.is_empty());
        assert_eq!(get(&entries, "owner").value, EntryValue::Text("Ana".into()));
        assert_eq!(get(&entries, "owner").value_span.text(source), "*o");
    }

    #[test]
    fn non_ascii_values() {
        let source = "\u{feff}---\nowner: Tomás Ferreira\nteam: \"Équipe ☕\"\ntags: [café, \"naïve\"]\nname: \"caf\\u00e9\"\n---\n";
        let (entries, problems) = read(source);
        assert!(problems.is_empty());
        let owner = get(&entries, "owner");
        assert_eq!(owner.value, EntryValue::Text("Tomás Ferreira".into()));
        assert_eq!(owner.value_span.text(source), "Tomás Ferreira");
        assert_eq!(
            get(&entries, "team").value_span.text(source),
            "\"Équipe ☕\""
        );
        let EntryValue::List(items) = &get(&entries, "tags").value else {
            panic!("list");
        };
        assert_eq!(items[0].1.text(source), "café");
        assert_eq!(items[1].1.text(source), "\"naïve\"");
        assert_eq!(get(&entries, "name").value, EntryValue::Text("café".into()));
    }

    #[test]
    fn non_ascii_error_position() {
        let source = "---\nowner: Tomás\nteam: é: x\n---\n";
        let (entries, problems) = read(source);
        assert_eq!(problems.len(), 1);
        assert_eq!(line(source, problems[0].span.start), 3);
        assert!(source.is_char_boundary(problems[0].span.start));
        assert_eq!(
            get(&entries, "owner").value,
            EntryValue::Text("Tomás".into())
        );
    }

    #[test]
    fn tabs() {
        let source = "---\nphase:\tdeployment\t\nowner: Ana\n---\n";
        let (entries, problems) = read(source);
        assert!(problems.is_empty());
        assert_eq!(
            get(&entries, "phase").value,
            EntryValue::Text("deployment".into())
        );
        assert_eq!(get(&entries, "phase").value_span.text(source), "deployment");

        let source = "---\nphase: deployment\ntags:\n\t- a\nowner: Ana\n---\n";
        let (entries, problems) = read(source);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
        assert_eq!(line(source, problems[0].span.start), 4);
        assert_eq!(get(&entries, "owner").value, EntryValue::Text("Ana".into()));
    }

    #[test]
    fn deep_nesting_bombs_fail_fast() {
        let depth = 10_000;
        let flow = format!(
            "---\na: {}{}\nb: c\n---\n",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let block = format!("---\na:\n  {}x\n---\n", "- ".repeat(depth));
        let maps = format!("---\n{}x{}\n---\n", "{a: ".repeat(depth), "}".repeat(depth));
        for source in [flow, block, maps] {
            let started = std::time::Instant::now();
            let (_, problems) = read(&source);
            assert!(started.elapsed().as_secs() < 5);
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
            assert!(problems[0].span.end <= source.len());
            let message = &problems[0].message;
            assert!(
                message.contains("deep") || message.contains("recursion"),
                "{message}"
            );
        }
    }

    #[test]
    fn billion_laughs_fails_fast() {
        let mut yaml = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
        for pair in names.windows(2) {
            let refs = vec![format!("*{}", pair[0]); 9].join(",");
            yaml.push_str(&format!("{}: &{} [{refs}]\n", pair[1], pair[1]));
        }
        let source = format!("---\n{yaml}---\n");
        let started = std::time::Instant::now();
        let (_, problems) = read(&source);
        assert!(started.elapsed().as_secs() < 5);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
        assert!(
            problems[0].message.contains("bomb"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn serde_round_trip() {
        let (entries, _) = read(TEMPLATE);
        let json = serde_json::to_string(&entries).unwrap_or_default();
        assert!(json.contains("\"type\":\"list\""), "{json}");
        let back: Vec<Entry> = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, entries);
    }

    #[test]
    fn never_panics_on_odd_inputs() {
        let inputs = [
            "---\n: x\n---\n",
            "---\n? [a]\n: b\n---\n",
            "---\n\"unterminated: x\n---\n",
            "---\na: *nope\n---\n",
            "---\n%YAML 1.2\n---\n",
            "---\n[a, b\n---\n",
            "---\n{{x}}: y\n---\n",
            "---\na: |\n---\n",
            "---\n'\n---\n",
            "---\na: \"\\u12\"\n---\n",
            "---\n- [\n---\n",
            "---\n\u{0}\n---\n",
        ];
        for source in inputs {
            let (split, _) = split(source);
            if let Some(block) = split.block {
                let (entries, problems) = read_entries(source, &block);
                for e in &entries {
                    assert!(e.key_span.end <= source.len() && e.value_span.end <= source.len());
                }
                for p in &problems {
                    assert!(p.span.end <= source.len(), "{source:?} {p:?}");
                }
            }
        }
    }
}
