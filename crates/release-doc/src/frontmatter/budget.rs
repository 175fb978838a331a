//! The resource budgets of the event pass (events, nesting, values, anchors and aliases,
//! scalar bytes, documents), so YAML bombs fail fast.

use super::error::Breach;
use super::{MAX_ANCHORS, MAX_DEPTH, MAX_EVENTS, MAX_NODES, MAX_SCALAR_BYTES};

/// The counters of one pass over the events (aliases are not expanded by the event pass, so
/// each counts once; serde-saphyr weighs their expansion when the YAML has any).
#[derive(Debug, Default)]
pub(super) struct Budget {
    events: usize,
    nodes: usize,
    anchors: usize,
    aliases: usize,
    scalar_bytes: usize,
    documents: usize,
}

impl Budget {
    /// Count one parser event.
    pub(super) fn event(&mut self) -> Result<(), Breach> {
        self.events += 1;
        check(self.events <= MAX_EVENTS, Breach::Nodes)
    }

    /// Count a document start.
    pub(super) fn document(&mut self) -> Result<(), Breach> {
        self.documents += 1;
        check(self.documents <= 1, Breach::Documents)
    }

    /// Count a value (scalar or collection) at nesting `depth` (a collection counts itself),
    /// with `anchored` when it defines an anchor.
    pub(super) fn node(&mut self, depth: usize, anchored: bool) -> Result<(), Breach> {
        self.nodes += 1;
        check(self.nodes <= MAX_NODES, Breach::Nodes)?;
        check(depth <= MAX_DEPTH, Breach::Depth)?;
        if anchored {
            self.anchors += 1;
            check(self.anchors <= MAX_ANCHORS, Breach::Anchors)?;
        }
        Ok(())
    }

    /// Count `bytes` of scalar text or tag.
    pub(super) fn text(&mut self, bytes: usize) -> Result<(), Breach> {
        self.scalar_bytes = self.scalar_bytes.saturating_add(bytes);
        check(self.scalar_bytes <= MAX_SCALAR_BYTES, Breach::ScalarBytes)
    }

    /// Count an alias.
    pub(super) fn alias(&mut self) -> Result<(), Breach> {
        self.aliases += 1;
        check(self.aliases <= MAX_ANCHORS, Breach::Anchors)
    }
}

/// `Ok` when `within`, else the breach.
fn check(within: bool, breach: Breach) -> Result<(), Breach> {
    if within {
        Ok(())
    } else {
        Err(breach)
    }
}
