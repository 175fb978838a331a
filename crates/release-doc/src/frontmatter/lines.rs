//! Line iteration over the source: `\n`, `\r\n` and lone `\r` endings, and fence lines.

/// YAML's white space within a line (`s-white`: space and tab), which indents, separates
/// and trims; line breaks end lines instead.
pub(super) const YAML_SPACE: [char; 2] = [' ', '\t'];

/// One line: `start..end` is its text, `next` is where the following line starts.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) next: usize,
}

/// The lines of `source[start..limit]`; a line ends at `\n`, `\r\n` or a lone `\r`.
pub(super) struct Lines<'a> {
    bytes: &'a [u8],
    pos: usize,
    limit: usize,
}

impl<'a> Lines<'a> {
    pub(super) fn new(source: &'a str, start: usize, limit: usize) -> Self {
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
pub(super) fn is_fence(source: &str, line: Line, fence: &str) -> bool {
    source
        .get(line.start..line.end)
        .is_some_and(|text| text.trim_end_matches(YAML_SPACE) == fence)
}
