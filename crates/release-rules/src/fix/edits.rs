//! Applying edits to a source: sorted, non-overlapping, everything else kept byte for byte.

use release_doc::Span;

use crate::diagnostic::Edit;

/// Whether two edits touch the same bytes (two insertions at the same offset count as
/// overlapping: their order would be a guess).
#[must_use]
pub fn overlap(a: Span, b: Span) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

/// `source` with `edits` applied. Edits are applied in order of position; an edit that
/// overlaps one already taken, is out of range or does not fall on character boundaries
/// is left out (see [`apply_some`] to know which). Bytes outside the edits are kept as
/// they are: a byte order mark, CRLF line ends, padding and trailing spaces.
#[must_use]
pub fn apply(source: &str, edits: &[Edit]) -> String {
    apply_some(source, edits).0
}

/// Like [`apply`], also returning, for each edit in the order given, whether it was
/// applied.
#[must_use]
pub fn apply_some(source: &str, edits: &[Edit]) -> (String, Vec<bool>) {
    let mut order: Vec<usize> = (0..edits.len()).collect();
    order.sort_by_key(|&i| (edits[i].span.start, edits[i].span.end));
    let mut taken = vec![false; edits.len()];
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    let mut last: Option<Span> = None;
    for i in order {
        let span = edits[i].span;
        let fits = span.start >= at
            && source.is_char_boundary(span.start)
            && span.end <= source.len()
            && source.is_char_boundary(span.end)
            && !last.is_some_and(|l| overlap(l, span));
        if !fits {
            continue;
        }
        out.push_str(&source[at..span.start]);
        out.push_str(&edits[i].replacement);
        at = span.end;
        last = Some(span);
        taken[i] = true;
    }
    out.push_str(&source[at..]);
    (out, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: text.to_owned(),
        }
    }

    #[test]
    fn edits_apply_in_position_order_and_keep_the_rest() {
        let source = "\u{feff}a [X] b\r\nc 20m\r\n";
        let x = source.find('X').unwrap();
        let m = source.find("20m").unwrap();
        let fixed = apply(source, &[edit(m, m + 3, "12m"), edit(x, x + 1, "x")]);
        assert_eq!(fixed, "\u{feff}a [x] b\r\nc 12m\r\n");
    }

    #[test]
    fn an_overlapping_or_out_of_range_edit_is_left_out() {
        let (fixed, taken) = apply_some(
            "abcdef",
            &[
                edit(1, 3, "X"),
                edit(2, 4, "Y"),
                edit(5, 9, "Z"),
                edit(3, 3, "+"),
            ],
        );
        assert_eq!(fixed, "aX+def");
        assert_eq!(taken, [true, false, false, true]);
        // Not on a character boundary.
        assert_eq!(apply("é", &[edit(1, 2, "e")]), "é");
    }

    #[test]
    fn insertions_at_one_offset_overlap() {
        assert!(overlap(Span::new(2, 2), Span::new(2, 2)));
        assert!(overlap(Span::new(2, 2), Span::new(2, 5)));
        assert!(!overlap(Span::new(1, 2), Span::new(2, 2)));
        assert!(!overlap(Span::new(1, 2), Span::new(2, 3)));
    }
}
