//! Why the YAML could not be read, and where: a syntax error of the parser, an exceeded
//! budget, or an error of serde-saphyr's check, with the sentence that explains it.

use serde_saphyr::granit_parser::{ErrorKind, ScanError};

use super::{MAX_DEPTH, MAX_NODES, MAX_SCALAR_BYTES};

/// Why the YAML could not be read, and where: the cause, a 1-based line and column (0 when
/// unknown), a YAML-relative byte offset when known, and whether the YAML met before the
/// error uses features that serde-saphyr must check.
#[derive(Debug)]
pub(super) struct YamlError {
    pub(super) cause: String,
    pub(super) line: u64,
    pub(super) column: u64,
    pub(super) byte: Option<usize>,
    pub(super) extended: bool,
}

impl YamlError {
    /// A syntax error of the parser; an unknown alias is left for serde-saphyr to report.
    pub(super) fn syntax(err: &ScanError, extended: bool) -> Self {
        let marker = err.marker();
        Self {
            cause: sanitize(&err.info()),
            line: u64::try_from(marker.line()).unwrap_or(0),
            column: u64::try_from(marker.col()).map_or(0, |c| c.saturating_add(1)),
            byte: marker.byte_offset(),
            extended: extended || matches!(err.kind(), ErrorKind::UnknownAnchor),
        }
    }

    /// An exceeded budget, at the event starting at `at`.
    pub(super) fn breach(breach: Breach, at: usize, extended: bool) -> Self {
        Self {
            cause: breach.cause(),
            line: 0,
            column: 0,
            byte: Some(at),
            extended,
        }
    }
}

/// A budget that the YAML exceeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Breach {
    /// Collections nested more than [`MAX_DEPTH`] deep.
    Depth,
    /// More than [`MAX_NODES`] values, or [`MAX_EVENTS`](super::MAX_EVENTS) parser events.
    Nodes,
    /// Aliases that replay too many values (found by serde-saphyr).
    AliasBomb,
    /// More than [`MAX_ANCHORS`](super::MAX_ANCHORS) anchors or aliases.
    Anchors,
    /// More than [`MAX_SCALAR_BYTES`] bytes of scalar text and tags.
    ScalarBytes,
    /// More than one YAML document.
    Documents,
}

impl Breach {
    /// The sentence for this breach, completing "frontmatter is not valid YAML: ".
    pub(super) fn cause(self) -> String {
        match self {
            Breach::Depth => format!("it nests more than {MAX_DEPTH} levels deep"),
            Breach::Nodes => format!(
                "it holds or expands to more than {MAX_NODES} values, which is refused as a \
                 resource bomb"
            ),
            Breach::AliasBomb => format!(
                "its aliases expand to more than {MAX_NODES} values, which is refused as an \
                 alias bomb"
            ),
            Breach::Anchors => {
                "it uses too many anchors or aliases, which is refused as an alias bomb".to_owned()
            }
            Breach::ScalarBytes => format!("its text is larger than {MAX_SCALAR_BYTES} bytes"),
            Breach::Documents => "it holds more than one YAML document".to_owned(),
        }
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
