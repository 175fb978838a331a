//! Turning a file's bytes into text: UTF-8 as it is; UTF-16 with a byte order mark, and
//! legacy encodings (guessed by `chardetng`), decoded with `encoding_rs` and remembered
//! so that the `not-utf8` rule can say so; binary data refused.
//!
//! Every encoding read here maps a line feed to a line feed, one for one, so the decoded
//! text has the same lines as the file: positions are reported in the decoded text's
//! lines and columns, which are the file's own.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE};
use release_doc::{LineCol, LineIndex};

/// How a document that is not UTF-8 was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transcoded {
    /// The encoding it was decoded from (`UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
    /// Whether the encoding was announced by a byte order mark (else it was guessed).
    pub by_bom: bool,
    /// The first byte of the file that is not UTF-8.
    pub byte: u8,
    /// Where that byte's character starts in the decoded text (a byte offset).
    pub offset: usize,
}

impl Transcoded {
    /// Whether the encoding is UTF-16 (either byte order).
    #[must_use]
    pub fn is_utf16(&self) -> bool {
        self.encoding.starts_with("UTF-16")
    }
}

/// Why a file's bytes are not a text that can be checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DecodeError {
    /// Not UTF-8 and holding a NUL or another control byte that no text file holds.
    #[error(
        "binary data, not text (byte 0x{byte:02x}); expected a UTF-8 Markdown file (UTF-16 is read only with a byte order mark)"
    )]
    Binary {
        /// Where the byte is.
        at: LineCol,
        /// The byte.
        byte: u8,
    },
    /// Not UTF-8, and not valid in the encoding its byte order mark names or that it
    /// looks like either.
    #[error(
        "not UTF-8 text, nor valid {encoding} (byte 0x{byte:02x}); expected a UTF-8 Markdown file"
    )]
    Malformed {
        /// Where the first byte that does not decode is.
        at: LineCol,
        /// The encoding that was tried.
        encoding: &'static str,
        /// The byte.
        byte: u8,
    },
}

impl DecodeError {
    /// The line and column of the byte at fault.
    #[must_use]
    pub fn location(&self) -> LineCol {
        match self {
            DecodeError::Binary { at, .. } | DecodeError::Malformed { at, .. } => *at,
        }
    }
}

/// Decode `bytes`: the text, and how it was transcoded when it was not UTF-8.
///
/// # Errors
/// [`DecodeError`] for binary data and for bytes that do not decode in the encoding
/// found.
pub fn decode(bytes: Vec<u8>) -> Result<(String, Option<Transcoded>), DecodeError> {
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(UTF_16LE),
        Some([0xFE, 0xFF]) => Some(UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let text = decode_strictly(encoding, &bytes[2..])?;
        let transcoded = Transcoded {
            encoding: encoding.name(),
            by_bom: true,
            byte: bytes[0],
            offset: 0,
        };
        return Ok((text, Some(transcoded)));
    }
    let (bytes, valid_up_to) = match String::from_utf8(bytes) {
        Ok(text) => return Ok((text, None)),
        Err(err) => {
            let valid_up_to = err.utf8_error().valid_up_to();
            (err.into_bytes(), valid_up_to)
        }
    };
    if let Some(at) = bytes.iter().position(|&b| is_binary(b)) {
        return Err(DecodeError::Binary {
            at: location_of_byte(&bytes, at),
            byte: bytes[at],
        });
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(&bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let text = decode_strictly(encoding, &bytes)?;
    let transcoded = Transcoded {
        encoding: encoding.name(),
        by_bom: false,
        byte: bytes[valid_up_to],
        offset: decoded_len(encoding, &bytes[..valid_up_to]),
    };
    Ok((text, Some(transcoded)))
}

/// A byte that a text file in an ASCII-compatible encoding never holds: NUL, and the
/// other C0 controls and DEL, except tab, line feed, form feed and carriage return.
fn is_binary(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\x0c' | b'\r')) || byte == 0x7F
}

/// `bytes` decoded as `encoding` (no byte order mark handling), or where they stop
/// decoding.
fn decode_strictly(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(bytes, &mut text, true);
    match result {
        DecoderResult::InputEmpty => Ok(text),
        DecoderResult::Malformed(bad, _) => {
            // `read` is past the malformed sequence, whose last `bad` bytes were consumed.
            let at = read.saturating_sub(usize::from(bad));
            Err(DecodeError::Malformed {
                at: end_of(&text),
                encoding: encoding.name(),
                byte: bytes.get(at).copied().unwrap_or_default(),
            })
        }
        // The buffer was sized for the worst case; should it not be, say where it stopped.
        DecoderResult::OutputFull => Err(DecodeError::Malformed {
            at: end_of(&text),
            encoding: encoding.name(),
            byte: bytes.get(read).copied().unwrap_or_default(),
        }),
    }
}

/// How long `prefix` is once decoded, leaving out a character it ends in the middle of.
fn decoded_len(encoding: &'static Encoding, prefix: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(prefix.len().saturating_mul(3).saturating_add(4));
    let _ = decoder.decode_to_string(prefix, &mut text, false);
    text.len()
}

/// The line and column just past the end of `text`.
fn end_of(text: &str) -> LineCol {
    LineIndex::new(text).line_col(text, text.len())
}

/// The line and column of byte `at` of a file that is not UTF-8: lines counted by line
/// feeds, columns by characters of the line read as UTF-8 with each bad byte one
/// character.
fn location_of_byte(bytes: &[u8], at: usize) -> LineCol {
    let line_start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    LineCol {
        line: memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1,
        column: String::from_utf8_lossy(&bytes[line_start..at])
            .chars()
            .count()
            + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn utf8_is_read_as_it_is() {
        let (text, how) = decode("## Overview\n\ncafé\0\n".as_bytes().to_vec()).unwrap();
        assert_eq!(text, "## Overview\n\ncafé\0\n");
        assert_eq!(how, None);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let (text, how) = decode(utf16le("## Overview\r\n\r\ncafé €\r\n")).unwrap();
        assert_eq!(text, "## Overview\r\n\r\ncafé €\r\n");
        let how = how.unwrap();
        assert_eq!(
            (how.encoding, how.by_bom, how.byte, how.offset),
            ("UTF-16LE", true, 0xFF, 0)
        );
        assert!(how.is_utf16());

        let mut be = vec![0xFE, 0xFF];
        be.extend("a\nb".encode_utf16().flat_map(u16::to_be_bytes));
        let (text, how) = decode(be).unwrap();
        assert_eq!((text.as_str(), how.unwrap().encoding), ("a\nb", "UTF-16BE"));
    }

    #[test]
    fn windows_1252_is_guessed_and_the_first_bad_byte_located() {
        let bytes = b"## Overview\n\n**Release**: caf\xe9 \x93quoted\x94 \x80 5\n".to_vec();
        let (text, how) = decode(bytes).unwrap();
        assert_eq!(
            text,
            "## Overview\n\n**Release**: café \u{201c}quoted\u{201d} € 5\n"
        );
        let how = how.unwrap();
        assert_eq!(
            (how.encoding, how.by_bom, how.byte),
            ("windows-1252", false, 0xE9)
        );
        assert_eq!(&text[how.offset..how.offset + 2], "é");
    }

    #[test]
    fn the_offset_counts_decoded_text_before_the_bad_byte() {
        // `Ã©` in UTF-8 is valid, and decodes to four characters in windows-1252.
        let bytes = "ÃÃ "
            .bytes()
            .chain(*b"caf\xe9 d\xe9j\xe0 vu")
            .collect::<Vec<u8>>();
        let (text, how) = decode(bytes).unwrap();
        let how = how.unwrap();
        assert!(
            text[how.offset..].starts_with('é'),
            "{text:?} at {}",
            how.offset
        );
    }

    #[test]
    fn binary_data_is_refused_at_its_first_control_byte() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0".to_vec()).unwrap_err();
        assert_eq!(err.location(), LineCol { line: 2, column: 1 });
        assert!(
            err.to_string()
                .contains("binary data, not text (byte 0x1a)"),
            "{err}"
        );
        // UTF-16 without a byte order mark has NUL bytes.
        let bytes: Vec<u8> = "ab\u{e9}"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(matches!(
            decode(bytes),
            Err(DecodeError::Binary { byte: 0, .. })
        ));
    }

    #[test]
    fn broken_utf16_is_refused_where_it_breaks() {
        let mut bytes = utf16le("ok\nno");
        bytes.extend([0x00, 0xD8, b'x', 0x00]); // a lone high surrogate
        let err = decode(bytes).unwrap_err();
        assert!(
            matches!(
                err,
                DecodeError::Malformed {
                    encoding: "UTF-16LE",
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(err.location(), LineCol { line: 2, column: 3 });
    }
}
