//! The node tree of the YAML, built in one pass over the parser's events: every node with its
//! byte range, the anchors, the duplicate keys, and syntax errors and exceeded budgets with
//! their position.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle, Tag};

use super::budget::Budget;
use super::error::{Breach, YamlError};
use super::lines::YAML_SPACE;
use super::MAX_DEPTH;

/// Pairs of a mapping above which its keys are looked up in a hash map instead of compared
/// one by one.
const LINEAR_KEYS: usize = 16;

/// A YAML node with its byte range in the YAML text.
#[derive(Debug, Clone)]
pub(super) struct Node<'y> {
    pub(super) kind: Kind<'y>,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// What a [`Node`] is.
#[derive(Debug, Clone)]
pub(super) enum Kind<'y> {
    /// A scalar: its decoded text, whether it is a null, whether it was written plain.
    Scalar {
        text: Cow<'y, str>,
        null: bool,
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node<'y>>),
    /// A mapping, its pairs in order.
    Map(Vec<(Node<'y>, Node<'y>)>),
    /// An alias (`*name`) to the anchor with this id.
    Alias(usize),
}

/// A collection being built: its start, style, anchor id and content.
struct Frame<'y> {
    start: usize,
    flow: bool,
    anchor: usize,
    body: Body<'y>,
}

/// The content of a [`Frame`].
enum Body<'y> {
    /// The items so far.
    Seq(Vec<Node<'y>>),
    /// The pairs so far, the key awaiting its value, and (for large mappings) the keys seen
    /// (text -> start).
    Map {
        pairs: Vec<(Node<'y>, Node<'y>)>,
        key: Option<Node<'y>>,
        seen: Option<HashMap<String, usize>>,
    },
}

/// The parsed document: its root node, its anchors, the duplicate keys met, and whether it
/// uses tags, anchors, aliases or merge keys (which serde-saphyr then checks).
pub(super) struct Tree<'y> {
    pub(super) root: Option<Node<'y>>,
    anchors: HashMap<usize, Node<'y>>,
    /// `(key, first start, second start, second end)`, relative to the YAML text.
    pub(super) duplicates: Vec<(String, usize, usize, usize)>,
    pub(super) extended: bool,
}

impl<'y> Tree<'y> {
    /// Build the tree from granit-parser events, within the budgets.
    pub(super) fn build(yaml: &'y str) -> Result<Self, YamlError> {
        let options = serde_saphyr::granit_parser::options! {
            flow_nesting_limit: MAX_DEPTH,
            block_nesting_limit: MAX_DEPTH.saturating_mul(2),
        };
        let parser = Parser::new_from_str_with_options(yaml, options);
        let mut builder = Builder {
            yaml,
            tree: Tree {
                root: None,
                anchors: HashMap::new(),
                duplicates: Vec::new(),
                extended: false,
            },
            stack: Vec::new(),
            budget: Budget::default(),
            last_end: 0,
        };
        for item in parser {
            let extended = builder.tree.extended;
            let (event, span) = item.map_err(|err| YamlError::syntax(&err, extended))?;
            let last_end = builder.last_end;
            let range = span.byte_range().unwrap_or(last_end..last_end);
            let (start, end) = (range.start.min(yaml.len()), range.end.min(yaml.len()));
            builder
                .event(event, start, end)
                .map_err(|breach| YamlError::breach(breach, start, builder.tree.extended))?;
            if end > start {
                builder.last_end = end;
            }
        }
        Ok(builder.tree)
    }

    /// The node anchored as `id`.
    pub(super) fn anchor(&self, id: usize) -> Option<&Node<'y>> {
        self.anchors.get(&id)
    }
}

/// The state of one pass over the events: the tree so far, the collections being built,
/// the budgets, and where the previous token ended.
struct Builder<'y> {
    yaml: &'y str,
    tree: Tree<'y>,
    stack: Vec<Frame<'y>>,
    budget: Budget,
    last_end: usize,
}

impl<'y> Builder<'y> {
    /// Take one event spanning `start..end`.
    fn event(&mut self, event: Event<'y>, start: usize, end: usize) -> Result<(), Breach> {
        self.budget.event()?;
        match event {
            Event::DocumentStart(..) => self.budget.document()?,
            Event::Scalar(text, style, anchor, tag) => {
                let plain = style == ScalarStyle::Plain;
                self.tree.extended |= anchor != 0 || tag.is_some() || (plain && text == "<<");
                self.budget.node(self.stack.len(), anchor != 0)?;
                let tag_bytes = tag_len(tag.as_deref());
                self.budget.text(text.len().saturating_add(tag_bytes))?;
                let null = match tag.as_ref().and_then(|t| t.core_suffix()) {
                    Some("null") => true,
                    Some(_) => false,
                    None => plain && matches!(&*text, "" | "~" | "null" | "Null" | "NULL"),
                };
                let (start, end) = match style {
                    ScalarStyle::Literal | ScalarStyle::Folded => {
                        block_scalar_range(self.yaml, self.last_end, start, end)
                    }
                    _ => (start, end),
                };
                let kind = Kind::Scalar { text, null, plain };
                self.complete(Node { kind, start, end }, anchor);
            }
            Event::Alias(id) => {
                self.tree.extended = true;
                self.budget.alias()?;
                let kind = Kind::Alias(id);
                self.complete(Node { kind, start, end }, 0);
            }
            Event::SequenceStart(style, anchor, ref tag)
            | Event::MappingStart(style, anchor, ref tag) => {
                self.tree.extended |= anchor != 0 || tag.is_some();
                self.budget.node(self.stack.len() + 1, anchor != 0)?;
                self.budget.text(tag_len(tag.as_deref()))?;
                let flow = style == StructureStyle::Flow;
                let (start, body) = if matches!(event, Event::SequenceStart(..)) {
                    let start = if flow {
                        start
                    } else {
                        block_item_start(self.yaml, start)
                    };
                    (start, Body::Seq(Vec::new()))
                } else {
                    let (pairs, key, seen) = (Vec::new(), None, None);
                    (start, Body::Map { pairs, key, seen })
                };
                self.stack.push(Frame {
                    start,
                    flow,
                    anchor,
                    body,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = self.stack.pop() {
                    let s = frame.start;
                    let (kind, last) = match frame.body {
                        Body::Seq(items) => {
                            let last = items.last().map_or(s, |n| n.end);
                            (Kind::Seq(items), last)
                        }
                        Body::Map { pairs, .. } => {
                            let last = pairs.last().map_or(s, |(k, v)| k.end.max(v.end));
                            (Kind::Map(pairs), last)
                        }
                    };
                    let e = if frame.flow { end } else { last };
                    let node = Node {
                        kind,
                        start: s,
                        end: e.max(s),
                    };
                    self.complete(node, frame.anchor);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Attach a finished node to its parent (or make it the root), and record its anchor.
    fn complete(&mut self, node: Node<'y>, anchor: usize) {
        let (tree, yaml) = (&mut self.tree, self.yaml);
        if anchor != 0 {
            tree.anchors.insert(anchor, node.clone());
        }
        let Some(frame) = self.stack.last_mut() else {
            if tree.root.is_none() {
                tree.root = Some(node);
            }
            return;
        };
        match &mut frame.body {
            Body::Seq(items) => items.push(node),
            Body::Map { pairs, key, seen } => match key.take() {
                Some(k) => pairs.push((k, node)),
                None => {
                    let text = tree.key_text(&node, yaml);
                    let first = match seen {
                        Some(seen) => seen.get(text).copied(),
                        None => pairs
                            .iter()
                            .find(|(k, _)| tree.key_text(k, yaml) == text)
                            .map(|(k, _)| k.start),
                    };
                    if let Some(first) = first {
                        let text = text.to_owned();
                        tree.duplicates.push((text, first, node.start, node.end));
                    } else if let Some(seen) = seen {
                        seen.insert(text.to_owned(), node.start);
                    } else if pairs.len() >= LINEAR_KEYS {
                        let mut map = HashMap::with_capacity(pairs.len() * 2);
                        for (k, _) in pairs.iter() {
                            map.entry(tree.key_text(k, yaml).to_owned())
                                .or_insert(k.start);
                        }
                        map.insert(text.to_owned(), node.start);
                        *seen = Some(map);
                    }
                    *key = Some(node);
                }
            },
        }
    }
}

/// The bytes of a tag as serde-saphyr counts them (handle and suffix).
fn tag_len(tag: Option<&Tag>) -> usize {
    tag.map_or(0, |t| {
        let (handle, suffix) = t.parts();
        handle.len().saturating_add(suffix.len())
    })
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
    let trimmed = before.trim_end_matches(YAML_SPACE);
    if trimmed.ends_with('-') && !yaml.get(start..).unwrap_or("").starts_with('-') {
        trimmed.len() - 1
    } else {
        start
    }
}
