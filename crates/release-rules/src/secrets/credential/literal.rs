//! What makes a value a literal credential rather than a reference (`${VAR}`, a path, a
//! call) or a dummy (`changeme`, `xxxx`, a description).

use crate::secrets::is_filler;

/// Whole values that are dummies, lower-cased.
#[rustfmt::skip]
const DUMMIES: &[&str] = &[
    "changeme", "change-me", "change_me", "changeit", "redacted", "removed", "masked",
    "hidden", "secret", "password", "passwd", "pass", "token", "example", "dummy", "test",
    "placeholder", "null", "nil", "none", "n/a", "true", "false", "yes", "no", "required",
    "optional", "string", "value", "undefined", "empty", "foo", "bar", "baz", "abc", "xyz",
    "new", "await", "this", "self",
];

/// Text that makes a value a dummy wherever it appears, lower-cased.
const DUMMY_PARTS: &[&str] = &[
    "example", "redacted", "changeme", "your-", "your_", "<", "{{", "{%",
];

/// Whether `value` is a literal credential: not a reference, a path, a dummy or a number.
pub(in crate::secrets) fn is_literal(value: &str) -> bool {
    let lower = value.to_lowercase();
    let reference = value.starts_with(['$', '%', '!', '*', '<', '@', '/', '~'])
        || value.starts_with("./")
        || value.starts_with("../")
        || value.contains('(');
    let dummy = DUMMIES.contains(&lower.as_str())
        || DUMMY_PARTS.iter().any(|p| lower.contains(p))
        || is_filler(value)
        || value
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        || is_sentence(value);
    value.chars().any(char::is_alphanumeric) && !reference && !dummy
}

/// Three words or more of letters only: a description, not a secret.
fn is_sentence(value: &str) -> bool {
    let mut words = 0;
    for word in value.split_whitespace() {
        if !word.chars().all(char::is_alphabetic) {
            return false;
        }
        words += 1;
    }
    words >= 3
}
