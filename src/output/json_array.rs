//! A pretty-printed JSON document written one array element at a time, so that a run over
//! ten thousand documents never holds all their findings.
//!
//! The document is first printed with the streamed array empty (`"files": []`); the text
//! before and after that marker frames the elements. Each element is printed on its own
//! (on any thread, so that files are checked in parallel and written in order) by
//! serde_json's pretty printer set to the depth of the array, which is what the printer
//! is at when it meets the element inside the whole document. The result is byte for
//! byte what serde_json prints for the whole document (tested).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// One level of indentation, as `serde_json::to_string_pretty` writes it.
const INDENT: &str = "  ";

/// Where the streamed array sits in the document's skeleton.
#[derive(Debug, Clone)]
pub(crate) struct ArrayFrame {
    /// The skeleton up to and including the array's `[`.
    head: String,
    /// How many objects and arrays hold the array's key (`1` for a member of the
    /// top-level object).
    depth: usize,
}

/// The marker `"key": []`, as serde_json's pretty printer writes an empty array.
fn marker(key: &str) -> String {
    format!("\"{key}\": []")
}

/// Where `key`'s empty array starts in `skeleton`, and the depth of its line.
fn locate(skeleton: &str, key: &str) -> (usize, usize) {
    let at = skeleton
        .find(&marker(key))
        .unwrap_or_else(|| unreachable!("the skeleton always holds an empty `{key}` array"));
    let line_start = skeleton[..at].rfind('\n').map_or(0, |i| i + 1);
    (at, (at - line_start) / INDENT.len())
}

/// serde_json's pretty printer as it stands inside `depth` open objects or arrays.
fn pretty_at(depth: usize) -> PrettyFormatter<'static> {
    let mut formatter = PrettyFormatter::with_indent(INDENT.as_bytes());
    for _ in 0..depth {
        // Opening a level is the printer's only way deeper; the `[` goes nowhere, and
        // writing to a sink cannot fail.
        let _ = formatter.begin_array(&mut io::sink());
    }
    formatter
}

/// Write `value` as serde_json's pretty printer writes it at `depth`: its first line
/// not indented (it follows a key, or an indentation written by the caller), its other
/// lines indented to that depth.
fn write_at(out: &mut impl Write, depth: usize, value: &impl Serialize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, pretty_at(depth));
    value.serialize(&mut serializer).map_err(io::Error::other)
}

impl ArrayFrame {
    /// What goes between two elements.
    pub(crate) const SEPARATOR: &'static str = ",\n";

    /// The frame of the array under `key` in `skeleton` (printed with that array empty).
    pub(crate) fn new(skeleton: &str, key: &str) -> Self {
        let (at, depth) = locate(skeleton, key);
        let head_len = at + marker(key).len() - 1;
        Self {
            head: skeleton[..head_len].to_owned(),
            depth,
        }
    }

    /// Print `value` as an element of the array: pretty JSON indented one level deeper
    /// than the array's key.
    pub(crate) fn element(&self, value: &impl Serialize) -> String {
        let depth = self.depth + 1;
        let mut out = INDENT.repeat(depth).into_bytes();
        write_at(&mut out, depth, value)
            .unwrap_or_else(|e| unreachable!("plain structs always serialize: {e}"));
        // serde_json writes UTF-8 only.
        String::from_utf8(out).unwrap_or_else(|e| unreachable!("serde_json wrote {e}"))
    }
}

/// Writes the framed document: head, elements, then the tail.
#[derive(Debug)]
pub(crate) struct ArrayWriter {
    written: usize,
}

impl ArrayWriter {
    /// Write the head of the document.
    pub(crate) fn begin(out: &mut impl Write, frame: &ArrayFrame) -> io::Result<Self> {
        out.write_all(frame.head.as_bytes())?;
        Ok(Self { written: 0 })
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
        let (at, depth) = locate(skeleton, key);
        let tail = &skeleton[at + marker(key).len()..];
        let indent = INDENT.repeat(depth);
        if self.written > 0 {
            write!(out, "\n{indent}]")?;
        } else {
            out.write_all(b"]")?;
        }
        if let Some((name, value)) = sibling {
            let name = serde_json::to_string(name).map_err(io::Error::other)?;
            write!(out, ",\n{indent}{name}: ")?;
            write_at(out, depth, value)?;
        }
        out.write_all(tail.as_bytes())?;
        writeln!(out)
    }
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
        let mut writer = ArrayWriter::begin(&mut out, &frame).unwrap();
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
            json!({"path": "zwölf 🚀\u{1}\t\\.md", "deep": {"a": [[], {}, [{"b": null}]]}}),
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
            let mut writer = ArrayWriter::begin(&mut out, &frame).unwrap();
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
        let mut writer = ArrayWriter::begin(&mut out, &frame).unwrap();
        writer
            .push(&mut out, &frame.element(&json!({"id": 1})))
            .unwrap();
        writer.finish(&mut out, &skeleton, "results").unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole);
    }
}
