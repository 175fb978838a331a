//! A pretty-printed JSON document written one array element at a time, so that a run over
//! ten thousand documents never holds all their findings.
//!
//! The document is first printed with the streamed array empty (`"files": []`); the text
//! before and after that marker frames the elements. Elements are printed on their own
//! (on any thread) and indented to their depth, which is safe because serde_json never
//! puts a raw line break inside a string. The result is byte for byte what serde_json
//! prints for the whole document (tested).

use std::io::{self, Write};

use serde::Serialize;

/// Where the streamed array sits in the document's skeleton.
#[derive(Debug, Clone)]
pub(crate) struct ArrayFrame {
    /// The skeleton up to and including the array's `[`.
    head: String,
    /// The indentation of the line that holds the array's key.
    indent: String,
}

/// The marker `"key": []`, as serde_json's pretty printer writes an empty array.
fn marker(key: &str) -> String {
    format!("\"{key}\": []")
}

/// Where `key`'s empty array starts in `skeleton`, and the indentation of its line.
fn locate<'a>(skeleton: &'a str, key: &str) -> (usize, &'a str) {
    let at = skeleton
        .find(&marker(key))
        .unwrap_or_else(|| unreachable!("the skeleton always holds an empty `{key}` array"));
    let line_start = skeleton[..at].rfind('\n').map_or(0, |i| i + 1);
    (at, &skeleton[line_start..at])
}

impl ArrayFrame {
    /// What goes between two elements.
    pub(crate) const SEPARATOR: &'static str = ",\n";

    /// The frame of the array under `key` in `skeleton` (printed with that array empty).
    pub(crate) fn new(skeleton: &str, key: &str) -> Self {
        let (at, indent) = locate(skeleton, key);
        let head_len = at + marker(key).len() - 1;
        Self {
            head: skeleton[..head_len].to_owned(),
            indent: indent.to_owned(),
        }
    }

    /// Print `value` as an element of the array: pretty JSON indented one level deeper
    /// than the array's key.
    pub(crate) fn element(&self, value: &impl Serialize) -> String {
        let json = serde_json::to_string_pretty(value)
            .unwrap_or_else(|e| unreachable!("plain structs always serialize: {e}"));
        let depth = format!("{}  ", self.indent);
        // serde_json writes no `\r` and no line break at the end: each `\n` starts a line.
        let breaks: Vec<usize> = memchr::memchr_iter(b'\n', json.as_bytes()).collect();
        let mut out = String::with_capacity(json.len() + (breaks.len() + 1) * depth.len());
        let mut start = 0;
        for end in breaks {
            out.push_str(&depth);
            out.push_str(json.get(start..=end).unwrap_or_default());
            start = end + 1;
        }
        out.push_str(&depth);
        out.push_str(json.get(start..).unwrap_or_default());
        out
    }
}

/// Writes the framed document: head, elements, then the tail.
#[derive(Debug)]
pub(crate) struct ArrayWriter {
    frame: ArrayFrame,
    written: usize,
}

impl ArrayWriter {
    /// Write the head of the document.
    pub(crate) fn begin(out: &mut impl Write, frame: ArrayFrame) -> io::Result<Self> {
        out.write_all(frame.head.as_bytes())?;
        Ok(Self { frame, written: 0 })
    }

    /// Write elements made by [`ArrayFrame::element`]: one, or several joined by
    /// [`ArrayFrame::SEPARATOR`]; an empty string writes nothing.
    pub(crate) fn push(&mut self, out: &mut impl Write, element: &str) -> io::Result<()> {
        if element.is_empty() {
            return Ok(());
        }
        out.write_all(if self.written == 0 {
            b"\n"
        } else {
            ArrayFrame::SEPARATOR.as_bytes()
        })?;
        out.write_all(element.as_bytes())?;
        self.written += 1;
        Ok(())
    }

    /// Close the array and write the rest of `skeleton` (the whole document printed with
    /// the array empty, now that every other value is known), then a newline.
    pub(crate) fn finish(self, out: &mut impl Write, skeleton: &str, key: &str) -> io::Result<()> {
        self.close(out, skeleton, key, None::<(&str, &())>)
    }

    /// Like [`ArrayWriter::finish`], with one more member `(key, value)` of the object
    /// that holds the array, written right after it (whatever the skeleton's key order:
    /// JSON objects are unordered).
    pub(crate) fn finish_with(
        self,
        out: &mut impl Write,
        skeleton: &str,
        key: &str,
        sibling: (&str, &impl Serialize),
    ) -> io::Result<()> {
        self.close(out, skeleton, key, Some(sibling))
    }

    fn close(
        self,
        out: &mut impl Write,
        skeleton: &str,
        key: &str,
        sibling: Option<(&str, &impl Serialize)>,
    ) -> io::Result<()> {
        let (at, _) = locate(skeleton, key);
        let tail = &skeleton[at + marker(key).len()..];
        if self.written > 0 {
            write!(out, "\n{}]", self.frame.indent)?;
        } else {
            out.write_all(b"]")?;
        }
        if let Some((name, value)) = sibling {
            // The value is printed like an element, then its first line's indentation
            // (one level deeper than the key's) is taken off, as it follows the key.
            let element = self.frame.element(value);
            let depth = self.frame.indent.len() + 2;
            let name = serde_json::to_string(name).map_err(io::Error::other)?;
            let shallower = reindent(&element, depth, self.frame.indent.len());
            write!(
                out,
                ",\n{}{name}: {}",
                self.frame.indent,
                shallower.trim_start()
            )?;
        }
        out.write_all(tail.as_bytes())?;
        writeln!(out)
    }
}

/// `text` with `from` leading spaces of each line replaced by `to` spaces.
fn reindent(text: &str, from: usize, to: usize) -> String {
    let pad = " ".repeat(to);
    text.split('\n')
        .map(|line| {
            let spaces = line.len() - line.trim_start_matches(' ').len();
            format!("{pad}{}", &line[spaces.min(from)..])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn streamed(doc: &serde_json::Value, key: &str, items: &[serde_json::Value]) -> String {
        let mut empty = doc.clone();
        empty[key] = json!([]);
        let skeleton = serde_json::to_string_pretty(&empty).unwrap();
        let frame = ArrayFrame::new(&skeleton, key);
        let mut out = Vec::new();
        let mut writer = ArrayWriter::begin(&mut out, frame.clone()).unwrap();
        for item in items {
            writer.push(&mut out, &frame.element(item)).unwrap();
        }
        writer.finish(&mut out, &skeleton, key).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn streaming_prints_what_serde_json_prints() {
        let items = [
            json!({"path": "a \"b\"\nc.md", "list": [1, {"x": []}]}),
            json!({"path": "d.md", "list": []}),
        ];
        for n in 0..=items.len() {
            let doc = json!({"version": 1, "files": items[..n], "summary": {"files": n}});
            let whole = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            assert_eq!(streamed(&doc, "files", &items[..n]), whole, "{n} items");
        }
    }

    #[test]
    fn a_sibling_after_the_array_prints_as_serde_json_would() {
        let doc = json!({"results": [json!({"id": 1})], "tool": {"name": "x"}});
        let mut empty = doc.clone();
        empty["results"] = json!([]);
        let skeleton = serde_json::to_string_pretty(&empty).unwrap();
        for items in [&[][..], &[json!({"id": 1})][..]] {
            let frame = ArrayFrame::new(&skeleton, "results");
            let mut out = Vec::new();
            let mut writer = ArrayWriter::begin(&mut out, frame.clone()).unwrap();
            for item in items {
                writer.push(&mut out, &frame.element(item)).unwrap();
            }
            let extra = json!([{"notes": [{"text": "a"}]}]);
            writer
                .finish_with(&mut out, &skeleton, "results", ("invocations", &extra))
                .unwrap();
            let printed: serde_json::Value = serde_json::from_slice(&out).unwrap();
            let mut expected = doc.clone();
            expected["results"] = json!(items);
            expected["invocations"] = extra;
            assert_eq!(printed, expected);
            // Pretty: what serde_json prints, but for the order of the keys.
            let text = String::from_utf8(out).unwrap();
            assert!(
                text.contains("\n  \"invocations\": [\n    {\n      \"notes\": [\n"),
                "{text}"
            );
        }
    }

    #[test]
    fn nested_arrays_keep_their_depth() {
        let doc = json!({"runs": [{"tool": {"name": "x"}, "results": [json!({"id": 1})]}]});
        let whole = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let mut empty = doc.clone();
        empty["runs"][0]["results"] = json!([]);
        let skeleton = serde_json::to_string_pretty(&empty).unwrap();
        let frame = ArrayFrame::new(&skeleton, "results");
        let mut out = Vec::new();
        let mut writer = ArrayWriter::begin(&mut out, frame.clone()).unwrap();
        writer
            .push(&mut out, &frame.element(&json!({"id": 1})))
            .unwrap();
        writer.finish(&mut out, &skeleton, "results").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole);
    }
}
