//! The closed vocabularies of a release document (release type, environment, rollback
//! strategy, risk level, stage, outcome, priority) and the `(A | B | C)` hints that list them.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::ValueError;
use super::quantity::strip_wrapping;

/// Split a trailing option hint `( A | B | C )` off a field value: the text before it
/// (trimmed) and the options (trimmed, in order, empty ones dropped). Parentheses without
/// a `|` are not a hint: then the whole text (trimmed) is returned with no options.
///
/// `{{release_type}} (Major | Minor | Patch | Hotfix)` gives `("{{release_type}}",
/// ["Major", "Minor", "Patch", "Hotfix"])`.
#[must_use]
pub fn split_hint(text: &str) -> (&str, Vec<String>) {
    match hint(text) {
        Some((before, inner)) => {
            let options = inner
                .split('|')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_owned)
                .collect();
            (before.trim(), options)
        }
        None => (text.trim(), Vec::new()),
    }
}

/// The text before a trailing `( A | B )` hint and the hint's inside, if there is one.
fn hint(text: &str) -> Option<(&str, &str)> {
    let body = text.trim().strip_suffix(')')?;
    let open = body.rfind('(')?;
    let inner = body.get(open + 1..)?;
    let before = body.get(..open)?;
    inner.contains('|').then_some((before, inner))
}

/// The characters of `text` lower-cased with everything but letters and digits removed, so
/// that `Blue-Green`, `blue green`, `blue/green` and `bluegreen` compare equal.
fn key(text: &str) -> impl Iterator<Item = char> + Clone + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// Find the value one of whose spellings matches `text` (see the generated `parse`).
fn parse_among<T: Copy + fmt::Display>(
    text: &str,
    all: &[T],
    spellings: impl Fn(T) -> &'static [&'static str],
    what: &str,
) -> Result<T, String> {
    let text = strip_wrapping(text);
    let value = hint(text).map_or(text, |(before, _)| before);
    let wanted = key(strip_wrapping(value));
    let found = (wanted.clone().next().is_some())
        .then(|| {
            all.iter()
                .copied()
                .find(|v| spellings(*v).iter().any(|s| key(s).eq(wanted.clone())))
        })
        .flatten();
    found.ok_or_else(|| {
        let names: Vec<String> = all.iter().map(ToString::to_string).collect();
        let options = match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, init)) => format!("{} or {last}", init.join(", ")),
            None => String::new(),
        };
        format!("{what} ({options})")
    })
}

/// Define a closed vocabulary: the enum, `ALL`, `as_str`, `parse` and `Display`.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $canonical:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &[Self] = &[$(Self::$variant),+];

            /// The canonical spelling, as [`Display`](fmt::Display) writes it.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $canonical,)+
                }
            }

            /// Parse a value: case-insensitive, ignoring space, `-`, `/` and other
            /// punctuation, surrounding `**`/`` ` `` and a trailing `(A | B)` hint; a few
            /// aliases are accepted.
            ///
            /// # Errors
            ///
            /// What was expected, listing the canonical options.
            pub fn parse(text: &str) -> Result<Self, ValueError> {
                parse_among(
                    text,
                    Self::ALL,
                    |v| match v {
                        $(Self::$variant => &[$canonical $(, $alias)*],)+
                    },
                    $what,
                )
                .map_err(|expected| ValueError::in_text(text, expected))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The kind of release (Overview, `**Release Type**`).
    #[non_exhaustive]
    ReleaseType, "a release type" {
        /// Breaking changes.
        Major => "Major",
        /// New features, backwards compatible.
        Minor => "Minor",
        /// Fixes only.
        Patch => "Patch",
        /// An urgent fix outside the normal schedule.
        Hotfix => "Hotfix" | "hot fix",
    }
}

vocabulary! {
    /// Where the release goes (Overview, `**Target Environment**`).
    #[non_exhaustive]
    Environment, "an environment" {
        /// The staging environment.
        Staging => "Staging" | "stage" | "stg",
        /// The production environment.
        Production => "Production" | "prod",
        /// The disaster-recovery environment.
        Dr => "DR" | "disaster recovery",
    }
}

vocabulary! {
    /// How a release is rolled back (Rollback Plan, `**Rollback Strategy**`).
    #[non_exhaustive]
    RollbackStrategy, "a rollback strategy" {
        /// Switch traffic back to the previous environment.
        BlueGreen => "Blue-Green",
        /// Shift the canary's traffic back.
        Canary => "Canary",
        /// Roll instances back one batch at a time.
        Rolling => "Rolling",
        /// Redeploy the previous version at once.
        Immediate => "Immediate",
    }
}

vocabulary! {
    /// A risk's probability or impact, ordered from `Low` to `Critical`.
    #[non_exhaustive]
    #[derive(PartialOrd, Ord)]
    RiskLevel, "a risk level" {
        /// Low.
        Low => "Low",
        /// Medium.
        Medium => "Medium" | "med",
        /// High.
        High => "High",
        /// Critical.
        Critical => "Critical" | "crit",
    }
}

vocabulary! {
    /// The lifecycle stage of a document (spec section 2), ordered from `draft` to `closed`.
    #[non_exhaustive]
    #[derive(PartialOrd, Ord)]
    Stage, "a stage" {
        /// Being written.
        Draft => "draft",
        /// Up for review.
        Planned => "planned",
        /// Go/no-go.
        Ready => "ready",
        /// Shipped.
        Deployed => "deployed",
        /// After the first week.
        Closed => "closed",
    }
}

vocabulary! {
    /// How a deployment ended (frontmatter `outcome`).
    #[non_exhaustive]
    Outcome, "an outcome" {
        /// Shipped and stayed.
        Success => "success",
        /// Shipped, then rolled back.
        RolledBack => "rolled-back" | "rollback",
        /// Did not ship.
        Failed => "failed",
    }
}

vocabulary! {
    /// The priority of an action item: a `P0`-`P3` level or a word.
    #[non_exhaustive]
    Priority, "a priority" {
        /// Drop everything.
        P0 => "P0",
        /// Next up.
        P1 => "P1",
        /// Soon.
        P2 => "P2",
        /// Eventually.
        P3 => "P3",
        /// Low.
        Low => "Low",
        /// Medium.
        Medium => "Medium" | "med",
        /// High.
        High => "High",
        /// Critical.
        Critical => "Critical" | "crit",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_default()
    }

    fn parses<T: PartialEq + fmt::Debug>(
        parse: fn(&str) -> Result<T, ValueError>,
        cases: &[(&str, T)],
    ) {
        for (text, expected) in cases {
            assert_eq!(parse(text).as_ref(), Ok(expected), "{text:?}");
        }
    }

    #[test]
    fn hints_split_off() {
        let (value, options) = split_hint("{{release_type}} (Major | Minor | Patch | Hotfix)");
        assert_eq!(value, "{{release_type}}");
        assert_eq!(options, ["Major", "Minor", "Patch", "Hotfix"]);
        assert_eq!(split_hint("  Minor  "), ("Minor", vec![]));
        let unchanged = "Production (us-east-1)";
        assert_eq!(split_hint(unchanged), (unchanged, vec![]));
        assert_eq!(split_hint("x (a|b|)").1, ["a", "b"]);
        assert_eq!(split_hint("(A | B)").0, "");
        assert_eq!(split_hint(")"), (")", vec![]));
    }

    #[rustfmt::skip]
    #[test]
    fn parses_with_hints_markup_case_and_aliases() {
        use RollbackStrategy::BlueGreen;
        parses(ReleaseType::parse, &[
            ("Minor (Major | Minor | Patch | Hotfix)", ReleaseType::Minor),
            ("**hotfix**", ReleaseType::Hotfix),
            ("`PATCH`", ReleaseType::Patch),
        ]);
        parses(Environment::parse, &[
            ("prod", Environment::Production),
            ("Stage", Environment::Staging),
            ("Disaster Recovery", Environment::Dr),
            ("dr (Staging | Production | DR)", Environment::Dr),
        ]);
        parses(RollbackStrategy::parse, &[
            ("Blue-Green", BlueGreen), ("blue green", BlueGreen), ("blue/green", BlueGreen),
            ("BlueGreen", BlueGreen), ("blue_green", BlueGreen), ("canary", RollbackStrategy::Canary),
        ]);
        parses(RiskLevel::parse, &[("Med", RiskLevel::Medium), ("HIGH", RiskLevel::High)]);
        parses(Stage::parse, &[("Deployed", Stage::Deployed), ("draft", Stage::Draft)]);
        parses(Outcome::parse, &[
            ("rolled-back", Outcome::RolledBack), ("Rolled back", Outcome::RolledBack),
            ("rollback", Outcome::RolledBack), ("Success", Outcome::Success),
        ]);
        parses(Priority::parse, &[("p1", Priority::P1), ("High", Priority::High)]);
    }

    #[test]
    fn rejections_list_the_options() {
        let expected = "a release type (Major, Minor, Patch or Hotfix)";
        assert_eq!(
            ReleaseType::parse("Huge").map_err(String::from),
            Err(expected.to_owned())
        );
        let expected = "an environment (Staging, Production or DR)";
        assert_eq!(
            Environment::parse("").map_err(String::from),
            Err(expected.to_owned())
        );
        let expected = "an outcome (success, rolled-back or failed)";
        assert_eq!(
            Outcome::parse("ok").map_err(String::from),
            Err(expected.to_owned())
        );
        assert!(ReleaseType::parse("{{release_type}} (Major | Minor)").is_err());
        assert!(ReleaseType::parse("Minor release").is_err());
        assert!(RollbackStrategy::parse("Blue-Green (Canary)").is_err());
        assert!(Priority::parse("P4").is_err());
        assert!(Stage::parse("(draft | ready)").is_err());
    }

    #[test]
    fn display_all_order_and_serde() {
        assert_eq!(RollbackStrategy::BlueGreen.to_string(), "Blue-Green");
        assert_eq!(Environment::Dr.to_string(), "DR");
        assert_eq!(Outcome::RolledBack.to_string(), "rolled-back");
        assert_eq!((ReleaseType::ALL.len(), Priority::ALL.len()), (4, 8));
        assert!(RiskLevel::Low < RiskLevel::Critical);
        assert!(Stage::Draft < Stage::Planned && Stage::Deployed < Stage::Closed);
        for v in Stage::ALL {
            assert_eq!(Stage::parse(&v.to_string()), Ok(*v));
        }
        for v in Priority::ALL {
            assert_eq!(Priority::parse(&v.to_string()), Ok(*v));
        }
        assert_eq!(json(&RollbackStrategy::BlueGreen), r#""blue-green""#);
        assert_eq!(json(&Outcome::RolledBack), r#""rolled-back""#);
        assert_eq!(json(&Environment::Dr), r#""dr""#);
        assert_eq!(json(&Priority::P0), r#""p0""#);
        let back = serde_json::from_str::<Stage>(r#""planned""#).ok();
        assert_eq!(back, Some(Stage::Planned));
    }
}
