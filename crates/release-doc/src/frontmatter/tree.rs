//! The node tree of the YAML, built from the parser's events with the byte range of every
//! node, the anchors it defines and the duplicate keys it holds.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, StructureStyle};

use super::{MAX_ANCHORS, MAX_DEPTH, MAX_EVENTS};

/// A YAML node with its byte range in the YAML text.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// What a [`Node`] is.
#[derive(Debug, Clone)]
pub(super) enum Kind {
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
pub(super) struct Tree {
    pub(super) root: Option<Node>,
    pub(super) anchors: HashMap<usize, Node>,
    /// `(key, first start, second start, second end)`, relative to the YAML text.
    pub(super) duplicates: Vec<(String, usize, usize, usize)>,
}

impl Tree {
    /// Build the tree from granit-parser events (the YAML was validated by [`validate`]).
    pub(super) fn build(yaml: &str) -> Result<Self, serde_saphyr::granit_parser::ScanError> {
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
    pub(super) fn resolve<'n>(&'n self, mut node: &'n Node) -> Option<&'n Node> {
        for _ in 0..=MAX_ANCHORS {
            match node.kind {
                Kind::Alias(id) => node = self.anchors.get(&id)?,
                _ => return Some(node),
            }
        }
        None
    }

    /// The text of a key: a scalar's text, else the key as written.
    pub(super) fn key_text(&self, node: &Node, yaml: &str) -> String {
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
    pub(super) fn placeholder(&self, node: &Node) -> Option<String> {
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
