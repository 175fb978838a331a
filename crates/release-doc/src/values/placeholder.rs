//! Placeholders (`{{ name }}`, `{% … %}`), placeholder-like text, and intentionally
//! empty values.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Words and shapes that stand for "not filled in yet" although they are not
/// `{{ placeholders }}`, matched as whole words and case-sensitively: the capitalised
/// forms writers use for this.
const PLACEHOLDER_WORDS: &[&str] = &["TBD", "TBC", "TODO", "FIXME", "XXX", "YYYY-MM-DD", "HH:MM"];

/// Unfilled wherever it stands, even inside a word.
const QUESTION_MARKS: &str = "???";

/// Whether a byte starts [`QUESTION_MARKS`] or a [`PLACEHOLDER_WORDS`] word, built from
/// them: a table, so that the pass over a text tests each byte once.
const STARTS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    table[QUESTION_MARKS.as_bytes()[0] as usize] = true;
    let mut i = 0;
    while i < PLACEHOLDER_WORDS.len() {
        table[PLACEHOLDER_WORDS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    table
};

/// The first placeholder word of `text` as a whole word, or `???`, with its position:
/// one pass over the bytes, looking closer only at the bytes the words start with.
fn first_placeholder_word(text: &str) -> Option<(usize, &'static str)> {
    let bytes = text.as_bytes();
    let is_word = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    let mut from = 0;
    // A tight search for the next byte that may start a word, then a closer look.
    while let Some(found) = bytes
        .get(from..)?
        .iter()
        .position(|&b| STARTS_WORD[usize::from(b)])
    {
        let at = from + found;
        from = at + 1;
        if bytes[at..].starts_with(QUESTION_MARKS.as_bytes()) {
            return Some((at, QUESTION_MARKS));
        }
        if at > 0 && is_word(at - 1) {
            continue;
        }
        let word = PLACEHOLDER_WORDS
            .iter()
            .find(|w| bytes[at..].starts_with(w.as_bytes()) && !is_word(at + w.len()));
        if let Some(word) = word {
            return Some((at, word));
        }
    }
    None
}

/// A whole value that is an angle-bracket hint such as `<owner name>` (but not an
/// HTML tag like `<br>` or a comparison like `< 1%`).
static ANGLE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^<[A-Za-z][^<>]*[ _\-][^<>]*>$|^<\.\.\.>$|^<…>$").expect("valid regex")
});

/// One `{{ … }}` or `{% … %}` found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Byte range of the whole placeholder in the searched text.
    pub range: Range<usize>,
    /// The trimmed name (`release_version` for `{{ release_version }}`), or the trimmed
    /// statement of a `{% … %}` block.
    pub name: String,
}

/// Every placeholder in `text`, in order. A `{{ … }}` is a placeholder when it holds a
/// name (`release_version`, `risks.rows[0].owner`); Go and Helm template code in
/// commands (`{{ .State.Health.Status }}`, `{{range .items}}`, `{{end}}`) is not.
#[must_use]
pub fn find_all(text: &str) -> Vec<Placeholder> {
    Scan { text, at: 0 }
        .map(|(range, name)| Placeholder {
            range,
            name: name.to_owned(),
        })
        .collect()
}

/// The byte range of every placeholder in `text`, in order: the placeholders
/// [`find_all`] finds, without copying their names.
pub fn find_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    Scan { text, at: 0 }.map(|(range, _)| range)
}

/// The `{{ … }}` (without `{`, `}` or a line break inside) or `{% … %}` (up to the first
/// `%}`, on one line) that starts at `start`: its end and its inner text.
fn marker_at(text: &str, start: usize) -> Option<(usize, &str, bool)> {
    let rest = &text[start..];
    if let Some(body) = rest.strip_prefix("{{") {
        // A byte search: the three are ASCII, never inside a UTF-8 sequence.
        let len = memchr::memchr3(b'{', b'}', b'\n', body.as_bytes())
            .filter(|&end| body[end..].starts_with("}}"));
        if let Some(len) = len {
            return Some((start + 2 + len + 2, &body[..len], false));
        }
    }
    if let Some(body) = rest.strip_prefix("{%") {
        let line = &body[..body.find('\n').unwrap_or(body.len())];
        if let Some(len) = line.find("%}") {
            return Some((start + 2 + len + 2, &body[..len], true));
        }
    }
    None
}

/// Placeholders from `at` on, left to right, never overlapping. Written by hand: this
/// runs on every cell and field, where a regex with captures cost a thousand instructions
/// a call.
struct Scan<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for Scan<'t> {
    /// The placeholder's range and its trimmed name.
    type Item = (Range<usize>, &'t str);

    fn next(&mut self) -> Option<Self::Item> {
        // `memchr` rather than `str::find`: most texts hold no `{` at all.
        while let Some(offset) = memchr::memchr(b'{', self.text.get(self.at..)?.as_bytes()) {
            let start = self.at + offset;
            let Some((end, inner, is_tag)) = marker_at(self.text, start) else {
                self.at = start + 1;
                continue;
            };
            self.at = end;
            let name = inner.trim();
            if is_tag || is_placeholder_name(name) {
                return Some((start..end, name));
            }
        }
        self.at = self.text.len();
        None
    }
}

/// Go template actions that look like names.
const GO_TEMPLATE_WORDS: &[&str] = &["end", "else", "break", "continue", "nil"];

/// A placeholder name: letters, digits, `_`, `-`, dots between parts and `[N]` indexes,
/// starting with a letter or `_` (so not Go's `.Field` or `$var`), not a Go keyword.
fn is_placeholder_name(name: &str) -> bool {
    // Nearly every name is ASCII: read it byte by byte, without decoding characters.
    if name.is_ascii() {
        let bytes = name.as_bytes();
        return bytes
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
            && bytes.iter().all(|&b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'[' | b']')
            })
            && !GO_TEMPLATE_WORDS.contains(&name);
    }
    is_placeholder_name_in_chars(name)
}

/// [`is_placeholder_name`] for any text, one character at a time.
fn is_placeholder_name_in_chars(name: &str) -> bool {
    let starts_well = name.starts_with(|c: char| c.is_alphabetic() || c == '_');
    let chars_ok = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'));
    starts_well && chars_ok && !GO_TEMPLATE_WORDS.contains(&name)
}

/// The first placeholder-like word in `trimmed` (`TBD`, `TODO`, `???`, `YYYY-MM-DD`, ...),
/// or the whole text when it is an angle-bracket hint like `<service name>`.
fn trimmed_placeholder_like(trimmed: &str) -> Option<String> {
    if trimmed.starts_with('<') && ANGLE_HINT.is_match(trimmed) {
        return Some(trimmed.to_owned());
    }
    first_placeholder_word(trimmed).map(|(_, word)| word.to_owned())
}

/// Why `text` counts as unfilled, if it does: the name of its first placeholder, its
/// placeholder-like text, or `""` when it is empty.
#[must_use]
pub fn unfilled_marker(text: &str) -> Option<String> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Some(String::new());
    }
    // Most texts hold no `{` at all: the placeholder scan starts only at the first one.
    if let Some(at) = memchr::memchr(b'{', trimmed.as_bytes()) {
        if let Some((_, name)) = (Scan { text: trimmed, at }).next() {
            return Some(name.to_owned());
        }
    }
    trimmed_placeholder_like(trimmed)
}

/// Whether `text` says on purpose that there is nothing here: `None`, `N/A`, `n/a`,
/// `—`, `–` or `-` (optionally in emphasis, with a trailing period).
#[must_use]
pub fn is_intentionally_empty(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c| c == '*' || c == '_')
        .trim()
        .trim_end_matches('.');
    ["none", "n/a", "na", "—", "–", "-", "nothing"]
        .iter()
        .any(|word| t.eq_ignore_ascii_case(word))
}

/// Whether `text` says that what it stands in for does not apply: intentionally empty
/// ([`is_intentionally_empty`]), or prose that starts so: `N/A — hotfix, no schema
/// change.`, `Not applicable: API-only release`, `None known.`, `None for this release`,
/// `Nothing to report.` Content that only starts with such a word (`None of the users
/// noticed`, `Nothing broke`) is not.
#[must_use]
pub fn says_not_applicable(text: &str) -> bool {
    if is_intentionally_empty(text) {
        return true;
    }
    let t = text.trim().trim_start_matches(['*', '_']).trim_start();
    let lower: String = t.chars().take(40).flat_map(char::to_lowercase).collect();
    let rest_after = |word: &str| lower.strip_prefix(word);
    // What may follow the word: the end, punctuation, or words that keep it a "none".
    let separated = |rest: &str| {
        rest.is_empty()
            || rest.starts_with(|c: char| ".,;:()[]—–-*_!".contains(c))
            || rest.starts_with(" —")
            || rest.starts_with(" –")
            || rest.starts_with(" - ")
            || rest.starts_with(" (")
            || rest.starts_with(": ")
    };
    const NONE_WORDS: &[&str] = &[
        " known",
        " expected",
        " planned",
        " reported",
        " identified",
        " so far",
        " yet",
        " this release",
        " for this",
        " in this",
        " required",
        " needed",
        " applicable",
    ];
    if let Some(rest) = rest_after("n/a") {
        return rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric() || c == '/');
    }
    if rest_after("not applicable").is_some() {
        return true;
    }
    for word in ["none", "nothing"] {
        if let Some(rest) = rest_after(word) {
            return separated(rest)
                || NONE_WORDS.iter().any(|w| rest.starts_with(w))
                || (word == "nothing"
                    && (rest.starts_with(" to report") || rest.starts_with(" to note")));
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_that_says_it_does_not_apply() {
        for t in [
            "N/A — hotfix, no schema change.",
            "N/A: API-only release",
            "n/a (rolled back)",
            "Not applicable: no database in this service",
            "None known.",
            "None for this release.",
            "None — the change is additive",
            "*None expected*",
            "Nothing to report.",
            "None",
        ] {
            assert!(says_not_applicable(t), "{t}");
        }
        for t in [
            "None of the users noticed",
            "Nothing broke during the cut-over",
            "N/Ab testing",
            "Nonetheless the canary held",
            "Payments API",
        ] {
            assert!(!says_not_applicable(t), "{t}");
        }
    }

    /// The scanner finds what the regex `\{\{([^{}\n]*)\}\}|\{%([^\n]*?)%\}` finds.
    fn by_regex(text: &str) -> Vec<Placeholder> {
        let re = regex::Regex::new(r"\{\{([^{}\n]*)\}\}|\{%([^\n]*?)%\}").unwrap();
        re.captures_iter(text)
            .filter_map(|c| {
                let (inner, is_tag) = match c.get(1) {
                    Some(name) => (name, false),
                    None => (c.get(2)?, true),
                };
                let name = inner.as_str().trim();
                let range = c.get(0)?.range();
                (is_tag || is_placeholder_name(name)).then(|| Placeholder {
                    range,
                    name: name.to_owned(),
                })
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn the_scanner_agrees_with_the_regex(text in "[{}%a .\n_é]{0,24}") {
            proptest::prop_assert_eq!(find_all(&text), by_regex(&text));
            let ranges: Vec<_> = find_all(&text).into_iter().map(|p| p.range).collect();
            proptest::prop_assert_eq!(find_ranges(&text).collect::<Vec<_>>(), ranges);
        }

        #[test]
        fn names_read_by_bytes_as_by_characters(name in "[a-zA-Z0-9_.\\[\\]$ -]{0,8}|end|nil") {
            proptest::prop_assert_eq!(is_placeholder_name(&name), is_placeholder_name_in_chars(&name));
        }
    }

    #[test]
    fn every_placeholder_word_is_found() {
        for word in PLACEHOLDER_WORDS.iter().chain(&[QUESTION_MARKS]) {
            assert_eq!(first_placeholder_word(word), Some((0, *word)), "{word}");
            assert_eq!(
                first_placeholder_word(&format!("a {word}.")),
                Some((2, *word))
            );
            // A placeholder word counts as a whole word only; `???` anywhere.
            let glued = (*word == QUESTION_MARKS).then_some((1, QUESTION_MARKS));
            assert_eq!(first_placeholder_word(&format!("x{word}")), glued);
            assert_eq!(
                trimmed_placeholder_like(&format!("Owner: {word}")).as_deref(),
                Some(*word)
            );
        }
    }

    #[test]
    fn the_table_holds_the_first_bytes_of_the_words_and_no_other() {
        let firsts: std::collections::BTreeSet<u8> = PLACEHOLDER_WORDS
            .iter()
            .chain(&[QUESTION_MARKS])
            .map(|w| w.as_bytes()[0])
            .collect();
        let table: std::collections::BTreeSet<u8> = (0..=u8::MAX)
            .filter(|&b| STARTS_WORD[usize::from(b)])
            .collect();
        assert_eq!(table, firsts);
    }

    /// [`first_placeholder_word`] the plain way: at every position, `???` or a whole word.
    fn first_placeholder_word_plainly(text: &str) -> Option<(usize, &'static str)> {
        let bytes = text.as_bytes();
        let is_word = |i: usize| {
            bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        };
        (0..bytes.len()).find_map(|at| {
            if bytes[at..].starts_with(QUESTION_MARKS.as_bytes()) {
                return Some((at, QUESTION_MARKS));
            }
            let starts_word = at == 0 || !is_word(at - 1);
            PLACEHOLDER_WORDS
                .iter()
                .find(|w| {
                    starts_word && bytes[at..].starts_with(w.as_bytes()) && !is_word(at + w.len())
                })
                .map(|w| (at, *w))
        })
    }

    proptest::proptest! {
        #[test]
        fn the_byte_table_search_agrees_with_the_plain_one(
            text in "(TBD|TBC|TODO|FIXME|XXX|YYYY-MM-DD|HH:MM|\\?|T|H|Y|x|_|-| |é|:){0,10}"
        ) {
            proptest::prop_assert_eq!(
                first_placeholder_word(&text),
                first_placeholder_word_plainly(&text)
            );
        }
    }

    #[test]
    fn the_scanner_handles_nesting_and_unclosed_markers() {
        for text in [
            "{{{x}}",
            "{{a}} {%b%} {{ .C }}{{d}}",
            "{{a\n}}",
            "{% a %} %}",
            "{{}}",
            "{%%}",
        ] {
            assert_eq!(find_all(text), by_regex(text), "{text:?}");
        }
    }

    #[test]
    fn finds_placeholders_with_names_and_ranges() {
        let found = find_all("< {{ error_threshold }}% and {{x}}");
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].name, "error_threshold");
        assert_eq!(found[0].range, 2..23);
        assert_eq!(found[1].name, "x");
        assert_eq!(find_all("{% if a %}")[0].name, "if a");
        assert_eq!(
            find_all("{{ risks.rows[0].owner }}")[0].name,
            "risks.rows[0].owner"
        );
        assert!(find_all("--format '{{ .State.Health.Status }}'").is_empty());
        assert!(find_all("'{{range .items}}{{.metadata.name}}{{end}}'").is_empty());
        assert!(find_all("{{ 7*7 }}").is_empty());
    }

    #[test]
    fn unfilled_markers() {
        assert_eq!(
            unfilled_marker("{{release_type}} (Major | Minor)").as_deref(),
            Some("release_type")
        );
        assert_eq!(unfilled_marker("  ").as_deref(), Some(""));
        assert_eq!(unfilled_marker("owner TBD").as_deref(), Some("TBD"));
        assert_eq!(unfilled_marker("???").as_deref(), Some("???"));
        assert_eq!(unfilled_marker("YYYY-MM-DD").as_deref(), Some("YYYY-MM-DD"));
        assert_eq!(
            unfilled_marker("<service name>").as_deref(),
            Some("<service name>")
        );
        assert_eq!(unfilled_marker("< 1%"), None);
        assert_eq!(unfilled_marker("<br>"), None);
        assert_eq!(unfilled_marker("Payments API"), None);
        assert_eq!(unfilled_marker("todo list cleanup"), None);
    }

    #[test]
    fn intentionally_empty() {
        for t in ["None", "N/A", "n/a", "—", "-", "*None*", "None."] {
            assert!(is_intentionally_empty(t), "{t}");
        }
        assert!(!is_intentionally_empty("None of the users"));
    }
}
