//! Whether a span lies inside any of many spans, in logarithmic time: the check of every
//! placeholder of a document against every site must not grow with their product.

use release_doc::Span;

/// A set of spans, sorted by start, with the furthest end reached so far.
#[derive(Debug, Default)]
pub(crate) struct Coverage {
    starts: Vec<usize>,
    furthest_end: Vec<usize>,
}

impl Coverage {
    /// The coverage of `spans`, in any order.
    pub(crate) fn new(spans: impl IntoIterator<Item = Span>) -> Self {
        let mut spans: Vec<Span> = spans.into_iter().collect();
        // A stable sort: it merges the runs of spans already in order (each part of the
        // model lists its sites in order), where an unstable sort starts over.
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let furthest_end = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        Self {
            starts: spans.iter().map(|s| s.start).collect(),
            furthest_end,
        }
    }

    /// Whether one of the spans holds all of `span`.
    pub(crate) fn covers(&self, span: Span) -> bool {
        // The spans starting at or before `span` hold it when one of them ends at or
        // after its end.
        let starting_before = self.starts.partition_point(|&start| start <= span.start);
        starting_before > 0 && self.furthest_end[starting_before - 1] >= span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_what_one_span_holds() {
        let c = Coverage::new([Span::new(10, 20), Span::new(0, 5), Span::new(12, 30)]);
        assert!(c.covers(Span::new(0, 5)));
        assert!(c.covers(Span::new(15, 25)));
        assert!(c.covers(Span::new(20, 20)));
        assert!(!c.covers(Span::new(4, 11)));
        assert!(!c.covers(Span::new(29, 31)));
        assert!(!Coverage::default().covers(Span::new(0, 0)));
    }
}
