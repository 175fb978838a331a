//! RL008: a file that is not UTF-8 (UTF-16, or a legacy code page), read by decoding it.

use release_doc::Span;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::encoding::Transcoded;

declare_rule! {
    /// ## What it does
    /// Reports a document that is not UTF-8, at its first byte that is not UTF-8. Such a
    /// file is still checked: UTF-16 with a byte order mark is decoded as the mark says,
    /// and any other text (Windows-1252, Latin-1, Shift_JIS…) as the encoding it looks
    /// like. Lines and columns are those of the file. Binary data is not read at all.
    ///
    /// ## Why it matters
    /// Release documents are UTF-8 Markdown. Git shows other encodings as binary or as
    /// garbled text in diffs and reviews, renderers misread them, and a guessed encoding
    /// can be wrong: `café` saved in Windows-1252 reads as `caf�` elsewhere.
    ///
    /// ## Example
    /// A document saved by a Windows editor in its "ANSI" code page:
    /// ```text
    /// **Release**: café   ← byte 0xE9, not UTF-8
    /// ```
    /// or saved as "Unicode" (UTF-16 little-endian with a byte order mark).
    ///
    /// ## How to fix
    /// Save the file as UTF-8 (in most editors: "Save with encoding", "UTF-8"), or
    /// convert it: `iconv -f WINDOWS-1252 -t UTF-8 doc.md > doc.utf8.md`.
    pub(crate) struct NotUtf8 {
        code: "RL008",
        name: "not-utf8",
        family: Structure,
        severity: Warning,
        since: Draft,
        summary: "The file is not UTF-8; it was decoded from the encoding it looks like",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(how) = ctx.doc.transcoded() else {
        return;
    };
    let source = ctx.source();
    let offset = how.offset.min(source.len());
    let len = source
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8);
    out.push(ctx.diagnostic(
        &NotUtf8::META,
        Span::new(offset, offset + len),
        message(how),
    ));
}

fn message(how: &Transcoded) -> String {
    if how.is_utf16() {
        format!(
            "the file is {} (it starts with a UTF-16 byte order mark, byte 0x{:02x}), not UTF-8; it was decoded to check it, but UTF-8 is required: save it as UTF-8",
            how.encoding, how.byte
        )
    } else {
        format!(
            "byte 0x{:02x} is not UTF-8: the file looks like {} and was decoded as such, but UTF-8 is expected: save it as UTF-8",
            how.byte, how.encoding
        )
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::document::Document;
    use crate::settings::Settings;

    fn found(bytes: Vec<u8>) -> Vec<String> {
        let doc = Document::from_bytes(bytes).unwrap();
        let settings = Settings {
            stage: Some(Stage::Draft),
            select: vec!["RL008".into()],
            ..Settings::default()
        };
        crate::check(&doc, &settings)
            .iter()
            .map(|d| {
                let at = doc.line_col(d.span.start);
                format!(
                    "{}:{}:{} {} | {}",
                    d.code,
                    at.line,
                    at.column,
                    doc.text(d.span),
                    d.message
                )
            })
            .collect()
    }

    #[test]
    fn windows_1252_is_reported_at_its_first_bad_byte() {
        let found = found(b"## Overview\n\n**Release**: caf\xe9 \x80\n".to_vec());
        assert_eq!(
            found,
            ["RL008:3:17 é | byte 0xe9 is not UTF-8: the file looks like windows-1252 and was decoded as such, but UTF-8 is expected: save it as UTF-8"]
        );
    }

    #[test]
    fn utf16_says_it_is_utf16_and_that_utf8_is_required() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("## Overview\n".encode_utf16().flat_map(u16::to_le_bytes));
        let found = found(bytes);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("RL008:1:1 #"), "{found:?}");
        assert!(
            found[0].contains("the file is UTF-16LE") && found[0].contains("UTF-8 is required")
        );
    }

    #[test]
    fn utf8_is_silent() {
        assert!(found("## Overview\n\ncafé\n".as_bytes().to_vec()).is_empty());
        assert!(found(b"\xef\xbb\xbf## Overview\n".to_vec()).is_empty());
    }
}
