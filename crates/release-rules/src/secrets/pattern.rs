//! A family found by one regular expression, run only on texts that pass a cheap gate.

use std::sync::OnceLock;

use regex::Regex;
use release_doc::Span;

use super::{continues, is_filler, Hit};

/// A regular expression whose group `secret` (else the whole match) is the secret, and
/// whose group `body` (else the secret) must not be filler. A match followed by a
/// letter, a digit or `_` is part of a longer token, not a secret.
#[derive(Debug)]
pub(crate) struct Pattern {
    /// Whether the source can hold a match at all: substring searches, much cheaper
    /// than compiling the regex (which most documents never need).
    gate: fn(&str) -> bool,
    regex: &'static str,
    compiled: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// The pattern `regex`, tried where `gate` says a match can be.
    pub(crate) const fn new(gate: fn(&str) -> bool, regex: &'static str) -> Self {
        Self {
            gate,
            regex,
            compiled: OnceLock::new(),
        }
    }

    /// The secrets `source` holds.
    pub(crate) fn hits(&self, source: &str) -> Vec<Hit> {
        if !(self.gate)(source) {
            return Vec::new();
        }
        // The table's regexes are tested; an invalid one finds nothing rather than
        // stopping the run.
        let Some(regex) = self
            .compiled
            .get_or_init(|| Regex::new(self.regex).ok())
            .as_ref()
        else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for c in regex.captures_iter(source) {
            let Some(secret) = c.name("secret").or_else(|| c.get(0)) else {
                continue;
            };
            let body = c.name("body").unwrap_or(secret);
            let longer = continues(source, secret.end(), |ch| {
                ch.is_ascii_alphanumeric() || ch == '_'
            });
            if !longer && !is_filler(body.as_str()) {
                hits.push(Hit::at(Span::from(secret.range())));
            }
        }
        hits
    }

    /// Whether the regex compiles (the table's test checks every pattern).
    #[cfg(test)]
    pub(crate) fn is_valid(&self) -> bool {
        Regex::new(self.regex).is_ok()
    }
}
