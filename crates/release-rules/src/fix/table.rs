//! Replacing the text of a table cell while keeping the table's alignment.
//!
//! A cell's span covers its trimmed text. When the table is aligned (the column's closing
//! pipes are at one character column on every row), a shorter text is padded to the same width and a longer one takes the
//! spaces it needs, keeping at least one. When the padding is too short, the whole column
//! is widened: every other row of the table gets the missing spaces (the delimiter row
//! dashes) at the end of that column's cell, so that the pipes stay aligned.

use release_doc::Span;

use crate::diagnostic::Edit;

/// The edits that write `text` into the cell at `span` (its trimmed text) of a table in
/// `source`. The cell of a table that is not aligned is simply replaced.
#[must_use]
pub fn replace_cell(source: &str, span: Span, text: &str) -> Vec<Edit> {
    let plain = vec![Edit {
        span,
        replacement: text.to_owned(),
    }];
    let Some(after) = source.get(span.end..) else {
        return plain;
    };
    let padding = after.bytes().take_while(|&b| b == b' ').count();
    if padding == 0 || !after[padding..].starts_with('|') || !aligned(source, span.start) {
        return plain;
    }
    let old = width(span.text(source));
    let new = width(text);
    // The room between the text's start and the pipe, keeping one space.
    let room = old + padding.saturating_sub(1);
    if new <= room {
        let pad = room - new + 1;
        return vec![Edit {
            span: Span::new(span.start, span.end + padding),
            replacement: format!("{text}{}", " ".repeat(pad)),
        }];
    }
    let grow = new - room;
    let mut edits = vec![Edit {
        span: Span::new(span.start, span.end + padding),
        replacement: format!("{text} "),
    }];
    edits.extend(widen_column(source, span.start, grow));
    edits
}

/// Edits that add `grow` columns of width to the column holding `offset`, on every row
/// of its table but the row of `offset`.
fn widen_column(source: &str, offset: usize, grow: usize) -> Vec<Edit> {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let Some(column) = column_of(&source[line_start..offset]) else {
        return Vec::new();
    };
    let mut edits = Vec::new();
    for (start, line) in table_lines(source, line_start) {
        if start == line_start {
            continue;
        }
        let Some(end) = cell_end(line, column) else {
            continue;
        };
        let cell = &line[..end];
        let filler = if is_delimiter(line) { '-' } else { ' ' };
        // In the delimiter row, dashes go before an alignment colon.
        let at = if filler == '-' && cell.ends_with(':') {
            end - 1
        } else {
            end
        };
        edits.push(Edit {
            span: Span::new(start + at, start + at),
            replacement: filler.to_string().repeat(grow),
        });
    }
    edits
}

/// Whether the column holding `offset` is aligned: its closing pipe is at the same
/// character column on every row of the table.
fn aligned(source: &str, offset: usize) -> bool {
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let Some(column) = column_of(&source[line_start..offset]) else {
        return false;
    };
    let mut at = table_lines(source, line_start)
        .into_iter()
        .map(|(_, line)| cell_end(line, column).map(|end| width(&line[..end])));
    let first = at.next().flatten();
    first.is_some() && at.all(|w| w == first)
}

/// The lines of the table around the line starting at `line_start`: the contiguous
/// lines that start (after spaces) with a pipe, with their offsets.
fn table_lines(source: &str, line_start: usize) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in source.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        lines.push((start, body));
        start += line.len();
    }
    let Some(here) = lines.iter().position(|(s, _)| *s == line_start) else {
        return Vec::new();
    };
    let in_table = |l: &str| l.trim_start().starts_with('|');
    let first = lines[..here]
        .iter()
        .rposition(|(_, l)| !in_table(l))
        .map_or(0, |i| i + 1);
    let last = lines[here..]
        .iter()
        .position(|(_, l)| !in_table(l))
        .map_or(lines.len(), |i| here + i);
    lines[first..last].to_vec()
}

/// The index of the cell that `prefix` (a row up to some offset) ends in: the number of
/// unescaped pipes before it, the leading pipe being the first.
fn column_of(prefix: &str) -> Option<usize> {
    pipes(prefix).len().checked_sub(1)
}

/// The offset of the pipe that closes cell `column` of `line`.
fn cell_end(line: &str, column: usize) -> Option<usize> {
    pipes(line).get(column + 1).copied()
}

/// The offsets of the pipes of a row that are cell borders (not escaped, not in code).
fn pipes(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut escaped = false;
    let mut code = false;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b'\\' if !escaped => {
                escaped = true;
                continue;
            }
            b'`' if !escaped => code = !code,
            b'|' if !escaped && !code => out.push(i),
            _ => {}
        }
        escaped = false;
    }
    out
}

/// Whether a row is the delimiter row (`|---|:--:|`).
fn is_delimiter(line: &str) -> bool {
    line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The width of a cell's text in characters (how aligned tables are padded).
fn width(text: &str) -> usize {
    text.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::apply;

    fn fixed(source: &str, cell: &str, text: &str) -> String {
        let start = source.find(cell).unwrap();
        let span = Span::new(start, start + cell.len());
        apply(source, &replace_cell(source, span, text))
    }

    #[test]
    fn a_shorter_or_fitting_text_keeps_the_column_width() {
        let table = "| Phase | Duration |\n|-------|----------|\n| App   | 1h 20m   |\n";
        assert_eq!(
            fixed(table, "1h 20m", "12m"),
            "| Phase | Duration |\n|-------|----------|\n| App   | 12m      |\n"
        );
        assert_eq!(
            fixed(table, "1h 20m", "1h 2m 5s"),
            "| Phase | Duration |\n|-------|----------|\n| App   | 1h 2m 5s |\n"
        );
    }

    #[test]
    fn a_longer_text_widens_the_whole_column() {
        let table = "| Phase | Dur |\r\n|-------|:---:|\r\n| App   | 20m |\r\n| Db    | 5m  |\r\n";
        assert_eq!(
            fixed(table, "20m", "1h 20m"),
            "| Phase | Dur    |\r\n|-------|:------:|\r\n| App   | 1h 20m |\r\n| Db    | 5m     |\r\n"
        );
    }

    #[test]
    fn an_unaligned_table_is_not_realigned() {
        let table = "| Phase | Dur |\n|---|---|\n| App | 20m |\n";
        assert_eq!(
            fixed(table, "20m", "1h 20m"),
            "| Phase | Dur |\n|---|---|\n| App | 1h 20m |\n"
        );
    }

    #[test]
    fn an_unpadded_table_is_replaced_as_it_is() {
        let table = "|Phase|Dur|\n|---|---|\n|App|20m|\n";
        assert_eq!(
            fixed(table, "20m", "1h 20m"),
            "|Phase|Dur|\n|---|---|\n|App|1h 20m|\n"
        );
    }
}
