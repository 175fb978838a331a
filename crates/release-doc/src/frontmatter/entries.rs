//! Top-level entries from a parsed tree, and the InvalidYaml problem (with the line scanner's
//! entries) when the YAML does not parse.

use std::cell::OnceCell;

use super::error::sanitize;
use super::lines::{Line, Lines};
use super::scan::scan_entries;
use super::tree::{Kind, Node, Tree};
use super::{Entry, EntryValue, MAX_NODES};
use crate::problem::{Problem, ProblemKind};
use crate::span::{LineIndex, Span};

/// Everything needed to turn YAML-relative positions into absolute spans and lines.
pub(super) struct Ctx<'a> {
    pub(super) source: &'a str,
    pub(super) base: usize,
    pub(super) yaml: &'a str,
    /// The lines of the source up to the end of the YAML, indexed when first needed (only
    /// problems need a line).
    lines: OnceCell<LineIndex>,
}

impl<'a> Ctx<'a> {
    /// The context of `yaml`, which starts at byte `base` of `source`.
    pub(super) fn new(source: &'a str, base: usize, yaml: &'a str) -> Self {
        let lines = OnceCell::new();
        Self {
            source,
            base,
            yaml,
            lines,
        }
    }

    /// An absolute span for a YAML-relative range.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end)
    }

    /// The 1-based line of an absolute offset.
    pub(super) fn line_of(&self, offset: usize) -> usize {
        let end = self.base + self.yaml.len();
        let lines = self
            .lines
            .get_or_init(|| LineIndex::new(self.source.get(..end).unwrap_or(self.source)));
        lines.line_col(self.source, offset).line
    }

    /// Entries and problems from a successfully parsed tree.
    pub(super) fn entries(&self, tree: &Tree<'_>) -> (Vec<Entry>, Vec<Problem>) {
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
                    key: tree.key_text(k, self.yaml).to_owned(),
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
    fn value(&self, tree: &Tree<'_>, key: &Node<'_>, node: &Node<'_>) -> (EntryValue, Span) {
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
            Kind::Scalar { text, .. } => (EntryValue::Text(text.to_string()), span),
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
    fn scalar_items(&self, tree: &Tree<'_>, items: &[Node<'_>]) -> Option<Vec<(String, Span)>> {
        items
            .iter()
            .map(|item| {
                let target = tree.resolve(item)?;
                let span = self.span(item.start, item.end);
                match &target.kind {
                    Kind::Scalar { null: true, .. } => Some((String::new(), span)),
                    Kind::Scalar { text, .. } => Some((text.to_string(), span)),
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
    fn json(&self, tree: &Tree<'_>, node: &Node<'_>) -> serde_json::Value {
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
    pub(super) fn recover(
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
pub(super) fn duplicate_problem(key: &str, first_line: usize, span: Span) -> Problem {
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
