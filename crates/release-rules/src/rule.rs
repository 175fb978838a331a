//! The rule trait, rule metadata, and the macro that declares a rule with its docs.

use release_doc::values::Stage;
use serde::Serialize;

use crate::context::Context;
use crate::diagnostic::{Applicability, Diagnostic, Severity};

/// The families of rules, each with its own range of codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// `RL0xx`: the document's shape (frontmatter, sections, tables).
    Structure,
    /// `RL1xx`: content that is due but missing or unfilled.
    Completeness,
    /// `RL2xx`: checklist items.
    Checklists,
    /// `RL3xx`: values that do not parse or are not allowed.
    Values,
    /// `RL4xx`: parts of the document that contradict each other.
    Consistency,
    /// `RL5xx`: the team's quality standards.
    Quality,
    /// `RL6xx`: credentials in the document.
    Security,
    /// `RL7xx`: releases compared across the documents of a run (and its history folder).
    History,
}

impl Family {
    /// The family's name (`structure`, ...).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Structure => "structure",
            Family::Completeness => "completeness",
            Family::Checklists => "checklists",
            Family::Values => "values",
            Family::Consistency => "consistency",
            Family::Quality => "quality",
            Family::Security => "security",
            Family::History => "history",
        }
    }

    /// The code prefix of the family (`RL0`, `RL1`, ...).
    #[must_use]
    pub fn code_prefix(self) -> &'static str {
        match self {
            Family::Structure => "RL0",
            Family::Completeness => "RL1",
            Family::Checklists => "RL2",
            Family::Values => "RL3",
            Family::Consistency => "RL4",
            Family::Quality => "RL5",
            Family::Security => "RL6",
            Family::History => "RL7",
        }
    }
}

/// What is known about a rule without running it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct RuleMeta {
    /// Stable code (`RL201`).
    pub code: &'static str,
    /// Kebab-case name of the problem (`unchecked-prerequisite`).
    pub name: &'static str,
    /// Its family.
    pub family: Family,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// The stage from which it applies.
    pub since: Stage,
    /// One line: what it reports.
    pub summary: &'static str,
    /// Whether its findings can have a fix, and of which kind: `Safe` when some are safe
    /// (`release-lint fix` applies them), `Unsafe` when all are unsafe
    /// (`--unsafe-fixes`), `None` when it never proposes one.
    pub fix: Option<Applicability>,
    /// Whether it runs when no selection names it. An opt-in rule (`false`, as ruff's
    /// and markdownlint's opt-in rules) runs only when `select` or `extend-select` name
    /// it: by its code, its name, a prefix of its code, or `ALL`.
    pub default: bool,
    /// The full docs (What it does / Why it matters / Example / How to fix), Markdown.
    #[serde(skip)]
    pub docs: &'static str,
}

impl RuleMeta {
    /// When the rule applies, as `explain` and the rule docs say it: `checks across the
    /// documents of a run` for the history rules, `checks filled values at every stage`
    /// for the value, consistency, quality and security rules that run at every stage,
    /// `checks at every stage` for the other rules that do, else ``due from `ready` ``
    /// (the stage from which the content it reads must be filled).
    #[must_use]
    pub fn applies(&self) -> String {
        match (self.since, self.family) {
            (_, Family::History) => "checks across the documents of a run".to_owned(),
            (Stage::Draft, Family::Structure) => "checks at every stage".to_owned(),
            (Stage::Draft, _) => "checks filled values at every stage".to_owned(),
            (since, _) => format!("due from `{since}`"),
        }
    }

    /// How the rule fixes, as the rule docs say it: `safe fix`, `unsafe fix` or `no fix`.
    #[must_use]
    pub fn fix_kind(&self) -> &'static str {
        match self.fix {
            Some(Applicability::Safe) => "safe fix",
            Some(Applicability::Unsafe) => "unsafe fix",
            None => "no fix",
        }
    }

    /// How an opt-in rule is turned on, as `explain` and the rule docs say it; `None`
    /// for a rule that runs by default.
    #[must_use]
    pub fn opt_in(&self) -> Option<String> {
        (!self.default).then(|| {
            format!(
                "Off by default: enable it with `--extend-select {code}` (or `--select {code}`, \
                 `extend-select = [\"{code}\"]` in the config, or `ALL`)",
                code = self.code
            )
        })
    }
}

/// A rule: metadata and a check over the document.
pub trait Rule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;

    /// Report findings into `out`. Called only when the stage is at least
    /// [`RuleMeta::since`] and the rule is selected.
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Declare a rule: a unit struct, its metadata (docs taken from the `///` comments) and
/// its `Rule` impl, whose `check` body is given as a function.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub(crate) struct UncheckedPrerequisite {
///         code: "RL201", name: "unchecked-prerequisite", family: Checklists,
///         severity: Error, since: Ready,
///         summary: "A Deployment Prerequisites item is not done at `ready`",
///         fix: Safe, // optional: the kind of fix its findings may have
///         default: false, // optional: an opt-in rule, run only when selected
///         check: check,
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            family: $family:ident,
            severity: $severity:ident,
            since: $since:ident,
            summary: $summary:literal,
            $(fix: $fix:ident,)?
            $(default: $default:literal,)?
            check: $check:path $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $name {
            /// The rule's metadata.
            pub(crate) const META: $crate::rule::RuleMeta = $crate::rule_meta! {
                code: $code,
                name: $rname,
                family: $family,
                severity: $severity,
                since: $since,
                summary: $summary,
                fix: [$($fix)?],
                default: [$($default)?],
                docs: [$($doc),*],
            };
        }

        impl $crate::rule::Rule for $name {
            fn meta(&self) -> &'static $crate::rule::RuleMeta {
                &Self::META
            }

            fn check(&self, ctx: &$crate::context::Context<'_>, out: &mut Vec<$crate::diagnostic::Diagnostic>) {
                $check(ctx, out)
            }
        }
    };
}

/// A rule's [`RuleMeta`], for [`declare_rule!`] and [`declare_history_rule!`]: `fix` and
/// `default` may be left empty (`None` and `true`), `docs` are the doc lines.
#[doc(hidden)]
#[macro_export]
macro_rules! rule_meta {
    (
        code: $code:literal,
        name: $rname:literal,
        family: $family:ident,
        severity: $severity:ident,
        since: $since:ident,
        summary: $summary:literal,
        fix: [$($fix:ident)?],
        default: [$($default:literal)?],
        docs: [$($doc:literal),*] $(,)?
    ) => {
        $crate::rule::RuleMeta {
            code: $code,
            name: $rname,
            family: $crate::rule::Family::$family,
            severity: $crate::diagnostic::Severity::$severity,
            since: release_doc::values::Stage::$since,
            summary: $summary,
            fix: $crate::fix_of!($($fix)?),
            default: $crate::default_of!($($default)?),
            docs: concat!($($doc, "\n"),*),
        }
    };
}

/// The `fix` of a rule's metadata in [`declare_rule!`]: `None` when not given.
#[doc(hidden)]
#[macro_export]
macro_rules! fix_of {
    () => {
        None
    };
    ($fix:ident) => {
        Some($crate::diagnostic::Applicability::$fix)
    };
}

/// The `default` of a rule's metadata in [`declare_rule!`]: `true` when not given.
#[doc(hidden)]
#[macro_export]
macro_rules! default_of {
    () => {
        true
    };
    ($default:literal) => {
        $default
    };
}

/// Declare a history rule (family `RL7xx`): like [`declare_rule!`], but its check reads
/// the facts of every document of the run ([`crate::history::Facts`]) instead of one
/// document, and it implements [`crate::history::HistoryRule`].
#[macro_export]
macro_rules! declare_history_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            name: $rname:literal,
            severity: $severity:ident,
            summary: $summary:literal,
            check: $check:path $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $name {
            /// The rule's metadata.
            pub(crate) const META: $crate::rule::RuleMeta = $crate::rule_meta! {
                code: $code,
                name: $rname,
                family: History,
                severity: $severity,
                since: Draft,
                summary: $summary,
                fix: [],
                default: [],
                docs: [$($doc),*],
            };
        }

        impl $crate::history::HistoryRule for $name {
            fn meta(&self) -> &'static $crate::rule::RuleMeta {
                &Self::META
            }

            fn check(&self, set: &$crate::history::History, out: &mut Vec<$crate::history::Finding>) {
                $check(set, out)
            }
        }
    };
}
