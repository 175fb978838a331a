//! Fixing documents: the edits the rules propose, applied in rounds until the text stops
//! changing, with a guard that reverts a round which breaks the document.
//!
//! [`fix`] is the whole pipeline that `release-lint fix` and the language server use:
//! check, take the applicable fixes ([`Applicability::Safe`], and
//! [`Applicability::Unsafe`] when asked), apply those that do not overlap (the others
//! wait for the next round), re-parse and re-check. A round after which some rule
//! reports more findings than before, or the parser reports more structural problems,
//! is reverted, and the rules whose fixes did it are reported
//! ([`FixProblem::Reverted`]) and fix nothing more. A rule whose fixes keep changing the
//! text after [`FixOptions::max_rounds`] rounds, or bring back a text already seen, is
//! reported too ([`FixProblem::NotConverging`]). Once the rounds changed the text, and
//! [`FixOptions::today`] is given, RL413 `updated-not-today` sets the frontmatter
//! `updated` to that day (an unsafe fix, listed as available without `--unsafe-fixes`).

mod edits;
mod stamp;
pub(crate) mod status;
pub mod table;

use std::collections::BTreeMap;

use serde::Serialize;

pub use edits::{apply, apply_some, overlap};

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::document::Document;
use crate::settings::Settings;

/// How many rounds [`fix`] runs at most unless told otherwise.
pub const DEFAULT_MAX_ROUNDS: usize = 10;

/// What [`fix`] may do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixOptions {
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
    /// Stop after this many rounds.
    pub max_rounds: usize,
    /// The day of the run, which a changed document's `updated` is set to (RL413); the
    /// caller gives it (the CLI from the local date) so that no rule reads the clock.
    /// `None`: `updated` is left alone.
    pub today: Option<jiff::civil::Date>,
}

impl Default for FixOptions {
    fn default() -> Self {
        Self {
            unsafe_fixes: false,
            max_rounds: DEFAULT_MAX_ROUNDS,
            today: None,
        }
    }
}

impl FixOptions {
    /// Whether a fix of this applicability is applied.
    #[must_use]
    pub fn applies(&self, applicability: Applicability) -> bool {
        match applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => self.unsafe_fixes,
        }
    }
}

/// A fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedFix {
    /// The code of the rule that proposed it.
    pub code: &'static str,
    /// The rule's name.
    pub name: &'static str,
    /// The finding it fixed, as reported in the text of its round.
    pub finding: String,
    /// The fix, its spans in the text of its round.
    pub fix: Fix,
    /// The round (from 1) it was applied in.
    pub round: usize,
}

/// Why a rule's fixes were stopped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FixProblem {
    /// Its fixes would have made the document worse; the round was reverted. This is a
    /// bug of the rule's fix.
    Reverted {
        /// The rule.
        code: &'static str,
        /// What went wrong: the finding added, or the parse broken.
        reason: String,
    },
    /// Its fixes kept changing the text.
    NotConverging {
        /// The rule.
        code: &'static str,
        /// After how many rounds it was stopped.
        rounds: usize,
    },
}

impl std::fmt::Display for FixProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixProblem::Reverted { code, reason } => write!(
                f,
                "the fix of {code} was reverted: {reason} (a bug of the rule's fix; please report it)"
            ),
            FixProblem::NotConverging { code, rounds } => write!(
                f,
                "the fixes of {code} did not converge: fixes were still left after {rounds} rounds"
            ),
        }
    }
}

/// What [`fix`] did to a source.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The fixed document (its source is the fixed text).
    pub document: Document,
    /// The findings left in it.
    pub remaining: Vec<Diagnostic>,
    /// The fixes applied, round by round.
    pub applied: Vec<AppliedFix>,
    /// Rules whose fixes were stopped.
    pub problems: Vec<FixProblem>,
}

impl Fixed {
    /// The fixed text.
    #[must_use]
    pub fn source(&self) -> &str {
        self.document.source()
    }
}

/// Fix `source` as `settings` and `options` say (see the module docs).
#[must_use]
pub fn fix(source: &str, settings: &Settings, options: &FixOptions) -> Fixed {
    fix_document(Document::parse_for(source, settings), settings, options)
}

/// [`fix`] for a document already parsed (as `settings` say).
#[must_use]
pub fn fix_document(document: Document, settings: &Settings, options: &FixOptions) -> Fixed {
    fix_with(document, settings, options, &crate::check)
}

/// The text of `source` with its applicable fixes applied: [`fix`] when only the text is
/// wanted.
#[must_use]
pub fn fixed_text(source: &str, settings: &Settings, options: &FixOptions) -> String {
    fix(source, settings, options).document.source().to_owned()
}

/// How a document is checked: [`crate::check`], or a test's checker with a broken fix.
type Checker<'c> = &'c dyn Fn(&Document, &Settings) -> Vec<Diagnostic>;

/// The loop of [`fix`], with the checker given.
fn fix_with(
    document: Document,
    settings: &Settings,
    options: &FixOptions,
    check: Checker<'_>,
) -> Fixed {
    let original = options.today.map(|_| document.source().to_owned());
    let mut state = Round::new(document, settings, check);
    let mut applied = Vec::new();
    let mut problems = Vec::new();
    let mut stopped: Vec<&'static str> = Vec::new();
    let mut round = 0;
    loop {
        let chosen = choose(&state.found, options, &stopped);
        if chosen.is_empty() {
            break;
        }
        if round == options.max_rounds {
            for code in codes(&chosen) {
                problems.push(FixProblem::NotConverging {
                    code,
                    rounds: round,
                });
            }
            break;
        }
        round += 1;
        let next = match state.try_apply(&chosen, settings, check) {
            Ok(next) => next,
            Err(reason) => {
                // Find the rules at fault: those whose fixes alone do it; when none
                // does alone, every rule of the round.
                let mut bad: Vec<(&'static str, String)> = codes(&chosen)
                    .into_iter()
                    .filter_map(|code| {
                        let alone: Vec<_> =
                            chosen.iter().filter(|d| d.code == code).cloned().collect();
                        state
                            .try_apply(&alone, settings, check)
                            .err()
                            .map(|reason| (code, reason))
                    })
                    .collect();
                if bad.is_empty() {
                    bad = codes(&chosen)
                        .into_iter()
                        .map(|code| (code, reason.clone()))
                        .collect();
                }
                for (code, reason) in bad {
                    stopped.push(code);
                    problems.push(FixProblem::Reverted { code, reason });
                }
                continue;
            }
        };
        applied.extend(chosen.iter().filter_map(|d| {
            Some(AppliedFix {
                code: d.code,
                name: d.name,
                finding: d.message.clone(),
                fix: d.fix.clone()?,
                round,
            })
        }));
        state = next;
    }
    let changed = original
        .as_deref()
        .is_some_and(|before| before != state.document.source());
    if let (true, Some(today)) = (changed, options.today) {
        if let Some(found) = stamp::finding(&state.document, settings, today) {
            let applies = found
                .fix
                .as_ref()
                .is_some_and(|f| options.applies(f.applicability));
            if !applies {
                // Not applied: listed with what is left, as an available fix.
                let at = state
                    .found
                    .partition_point(|d| (d.span.start, d.code) <= (found.span.start, found.code));
                state.found.insert(at, found);
            } else {
                match state.try_apply(std::slice::from_ref(&found), settings, check) {
                    Ok(next) => {
                        applied.extend(found.fix.clone().map(|fix| AppliedFix {
                            code: found.code,
                            name: found.name,
                            finding: found.message.clone(),
                            fix,
                            round: round + 1,
                        }));
                        state = next;
                    }
                    Err(reason) => problems.push(FixProblem::Reverted {
                        code: found.code,
                        reason,
                    }),
                }
            }
        }
    }
    Fixed {
        document: state.document,
        remaining: state.found,
        applied,
        problems,
    }
}

/// A document with its findings, between two rounds.
struct Round {
    document: Document,
    found: Vec<Diagnostic>,
}

impl Round {
    fn new(document: Document, settings: &Settings, check: Checker<'_>) -> Self {
        let found = check(&document, settings);
        Self { document, found }
    }

    /// The document after the fixes of `chosen`, or why the result is worse.
    fn try_apply(
        &self,
        chosen: &[Diagnostic],
        settings: &Settings,
        check: Checker<'_>,
    ) -> Result<Round, String> {
        let edits: Vec<Edit> = chosen
            .iter()
            .filter_map(|d| d.fix.as_ref())
            .flat_map(|f| f.edits.iter().cloned())
            .collect();
        let text = apply(self.document.source(), &edits);
        let document = Document::parse_for(text, settings);
        let before = self.document.parsed().problems.len();
        let after = document.parsed().problems.len();
        if after > before {
            return Err(format!(
                "the document no longer parses as it did ({} structural problem(s) instead of {before})",
                after
            ));
        }
        let next = Round::new(document, settings, check);
        // Each finding fixed goes away; no rule may report more than what is left.
        let mut expected = counts(&self.found);
        for d in chosen {
            if let Some(n) = expected.get_mut(d.code) {
                *n = n.saturating_sub(1);
            }
        }
        let after = counts(&next.found);
        if let Some((code, n)) = after
            .iter()
            .find(|(code, n)| **n > expected.get(*code).copied().unwrap_or(0))
        {
            let at_most = expected.get(*code).copied().unwrap_or(0);
            let example = next
                .found
                .iter()
                .find(|d| d.code == *code)
                .map_or_else(String::new, |d| format!(" (`{}`)", d.message));
            return Err(format!(
                "after it, {code} reports {n} finding(s) where at most {at_most} should be left{example}"
            ));
        }
        Ok(next)
    }
}

/// The number of findings of each rule.
fn counts(found: &[Diagnostic]) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for d in found {
        *out.entry(d.code).or_insert(0) += 1;
    }
    out
}

/// The codes of `found`, each once, in order.
fn codes(found: &[Diagnostic]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = found.iter().map(|d| d.code).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The findings whose fixes this round applies: applicable, of a rule not stopped, and
/// not overlapping a fix taken before it (those wait for the next round). A fix is taken
/// whole or not at all; the same fix proposed twice is taken once.
fn choose(found: &[Diagnostic], options: &FixOptions, stopped: &[&str]) -> Vec<Diagnostic> {
    let mut candidates: Vec<&Diagnostic> = found
        .iter()
        .filter(|d| {
            d.fix.as_ref().is_some_and(|f| {
                options.applies(f.applicability)
                    && !f.edits.is_empty()
                    && !stopped.contains(&d.code)
            })
        })
        .collect();
    candidates.sort_by_key(|d| {
        d.fix
            .as_ref()
            .and_then(|f| f.edits.iter().map(|e| e.span.start).min())
    });
    let mut taken: Vec<&Edit> = Vec::new();
    let mut out: Vec<Diagnostic> = Vec::new();
    for d in candidates {
        let Some(fix) = &d.fix else { continue };
        if out
            .iter()
            .any(|o| o.fix.as_ref().is_some_and(|f| f.edits == fix.edits))
        {
            continue;
        }
        let clashes = fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| overlap(t.span, e.span)))
            || fix
                .edits
                .iter()
                .enumerate()
                .any(|(i, e)| fix.edits[i + 1..].iter().any(|o| overlap(o.span, e.span)));
        if clashes {
            continue;
        }
        taken.extend(fix.edits.iter());
        out.push(d.clone());
    }
    out
}

#[cfg(test)]
mod tests;
