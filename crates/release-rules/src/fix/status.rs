//! Writing the opposite verdict into a status cell in the style the cell uses: `✅ Pass`
//! becomes `❌ Fail`, `Met` becomes `Not met`, `🟢` becomes `🔴`, a note after it is kept.

use release_doc::values::{parse_status, Status};

/// Pass symbols and the fail symbol of the same family, each way.
const SYMBOLS: &[(char, char)] = &[
    ('✅', '❌'),
    ('✔', '✘'),
    ('✓', '✗'),
    ('🟢', '🔴'),
    ('☑', '❌'),
    ('✖', '✔'),
    ('⛔', '✅'),
];

/// Pass words (lower case) and the fail word that says the opposite. A pass word without
/// a natural opposite takes `failed`.
const TO_FAIL: &[(&str, &str)] = &[
    ("pass", "fail"),
    ("passed", "failed"),
    ("passing", "failing"),
    ("met", "not met"),
    ("ok", "not ok"),
    ("okay", "not ok"),
    ("green", "red"),
    ("success", "failure"),
    ("successful", "failed"),
    ("healthy", "failing"),
    ("done", "failed"),
    ("complete", "failed"),
    ("completed", "failed"),
    ("resolved", "failed"),
];

/// Fail words (lower case) and the pass word that says the opposite.
const TO_PASS: &[(&str, &str)] = &[
    ("fail", "pass"),
    ("failed", "passed"),
    ("failing", "passing"),
    ("failure", "success"),
    ("not met", "met"),
    ("not ok", "ok"),
    ("red", "green"),
    ("breached", "met"),
    ("missed", "met"),
];

/// The text of a status cell `raw` changed to say `to` ([`Status::Pass`] or
/// [`Status::Fail`]) in its own style, or `None` when it cannot be written so (the cell
/// says something else, or its wording has no opposite that reads back as `to`).
pub(crate) fn flipped(raw: &str, to: Status) -> Option<String> {
    let pass = matches!(to, Status::Pass);
    if !pass && !matches!(to, Status::Fail) {
        return None;
    }
    let mut out = String::with_capacity(raw.len() + 4);
    let mut rest = raw;
    // Wrapping marks, spaces and symbols before the word.
    rest = symbols(rest, pass, &mut out);
    let words = if pass { TO_PASS } else { TO_FAIL };
    let word = words
        .iter()
        .filter(|(from, _)| {
            rest.get(..from.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(from))
                && rest[from.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .max_by_key(|(from, _)| from.len());
    if let Some((from, into)) = word {
        out.push_str(&cased_like(&rest[..from.len()], into));
        rest = symbols(&rest[from.len()..], pass, &mut out);
    }
    out.push_str(rest);
    (out != raw && parse_status(&out) == Ok(to)).then_some(out)
}

/// Copy the marks, spaces and status symbols at the start of `text` to `out`, each pass or
/// fail symbol turned to its opposite; the rest of `text`.
fn symbols<'t>(text: &'t str, pass: bool, out: &mut String) -> &'t str {
    for (i, c) in text.char_indices() {
        if c.is_whitespace() || matches!(c, '*' | '_' | '`' | '\u{fe0f}') {
            out.push(c);
            continue;
        }
        let opposite = SYMBOLS.iter().find_map(|&(p, f)| match pass {
            true if c == f => Some(p),
            false if c == p => Some(f),
            _ => None,
        });
        match opposite {
            Some(o) => out.push(o),
            None if SYMBOLS.iter().any(|&(p, f)| c == p || c == f) => out.push(c),
            None => return &text[i..],
        }
    }
    ""
}

/// `word` in the case of `written`: `FAIL`, `Fail` or `fail`.
fn cased_like(written: &str, word: &str) -> String {
    let letters = || written.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        return word.to_uppercase();
    }
    if letters().next().is_some_and(char::is_uppercase) {
        let mut chars = word.chars();
        return chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_style_of_the_cell_is_kept() {
        let fail = |raw| flipped(raw, Status::Fail);
        assert_eq!(fail("✅ Pass").as_deref(), Some("❌ Fail"));
        assert_eq!(fail("✅").as_deref(), Some("❌"));
        assert_eq!(fail("✅️").as_deref(), Some("❌️"));
        assert_eq!(fail("Met").as_deref(), Some("Not met"));
        assert_eq!(fail("PASSED").as_deref(), Some("FAILED"));
        assert_eq!(fail("**✅ Met**").as_deref(), Some("**❌ Not met**"));
        assert_eq!(fail("Done ✅").as_deref(), Some("Failed ❌"));
        assert_eq!(fail("🟢 Healthy").as_deref(), Some("🔴 Failing"));
        assert_eq!(
            fail("✅ Pass — within budget").as_deref(),
            Some("❌ Fail — within budget")
        );
        let pass = |raw| flipped(raw, Status::Pass);
        assert_eq!(pass("❌ Fail").as_deref(), Some("✅ Pass"));
        assert_eq!(pass("Not met").as_deref(), Some("Met"));
        assert_eq!(pass("not met").as_deref(), Some("met"));
        assert_eq!(pass("❌ Missed").as_deref(), Some("✅ Met"));
        assert_eq!(pass("🔴").as_deref(), Some("🟢"));
    }

    #[test]
    fn a_status_that_cannot_be_turned_is_left_alone() {
        assert_eq!(flipped("⚠️ Warning", Status::Pass), None);
        assert_eq!(flipped("Rolled back", Status::Pass), None);
        assert_eq!(flipped("✅ Pass", Status::Pass), None);
        assert_eq!(flipped("Pending", Status::Warn), None);
    }
}
