//! Checking the config's values one by one: stages, severities, rule selectors, regular
//! expressions and thresholds. Each failure names the value and its line.

use std::ops::Range;
use std::path::Path;

use release_doc::values::parse_threshold;
use release_doc::values::Stage;
use release_doc::values::Unit;
use release_doc::{LineCol, LineIndex, SectionId};
use toml::Spanned;

use super::error::{ConfigError, ConfigErrorKind};
use crate::diagnostic::Severity;
use crate::registry;
use crate::rule::Family;
use crate::settings::VersionScheme;

const FAMILIES: [Family; 8] = [
    Family::Structure,
    Family::Completeness,
    Family::Checklists,
    Family::Values,
    Family::Consistency,
    Family::Quality,
    Family::Security,
    Family::History,
];

/// Turns byte spans of the config text into located errors.
pub(crate) struct Locator<'a> {
    path: &'a Path,
    source: &'a str,
    lines: LineIndex,
}

impl<'a> Locator<'a> {
    pub fn new(path: &'a Path, source: &'a str) -> Self {
        Self {
            path,
            source,
            lines: LineIndex::new(source),
        }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(self.source, offset)
    }

    /// The config text at `span`, if it is one line.
    pub fn text(&self, span: Range<usize>) -> Option<&'a str> {
        self.source.get(span).filter(|t| !t.contains('\n'))
    }

    pub fn error(
        &self,
        kind: ConfigErrorKind,
        span: Option<Range<usize>>,
        what: impl Into<String>,
        expected: impl Into<String>,
    ) -> ConfigError {
        let at = span.map(|s| self.line_col(s.start));
        ConfigError::new(kind, self.path, at, what, expected)
    }

    pub fn invalid(
        &self,
        value: &Spanned<impl Sized>,
        what: impl Into<String>,
        expected: impl Into<String>,
    ) -> ConfigError {
        self.error(
            ConfigErrorKind::InvalidValue,
            Some(value.span()),
            what,
            expected,
        )
    }
}

/// Quote a list of names for a message: `` `a`, `b` or `c` ``.
fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(|n| format!("`{n}`")).collect();
            format!("{} or `{last}`", rest.join(", "))
        }
    }
}

/// `default-stage`.
pub(crate) fn stage(loc: &Locator<'_>, value: &Spanned<String>) -> Result<Stage, ConfigError> {
    Stage::parse(value.get_ref()).map_err(|_| {
        let names: Vec<&str> = Stage::ALL.iter().map(|s| s.as_str()).collect();
        loc.invalid(
            value,
            format!("bad stage value `{}` for `default-stage`", value.get_ref()),
            one_of(&names),
        )
    })
}

/// An entry of `[sections] aliases`: a heading and the template section it stands for.
pub(crate) fn section_alias(
    loc: &Locator<'_>,
    heading: &Spanned<String>,
    section: &Spanned<String>,
) -> Result<(String, SectionId), ConfigError> {
    if heading.get_ref().trim().is_empty() {
        return Err(loc.invalid(
            heading,
            "an empty heading in `[sections] aliases`".to_owned(),
            "the heading as the documents write it, like `Rollback`",
        ));
    }
    match SectionId::from_title(section.get_ref()) {
        Some(id) => Ok((heading.get_ref().clone(), id)),
        None => {
            let nearest = SectionId::ALL
                .iter()
                .min_by_key(|id| {
                    strsim::levenshtein(
                        &id.title().to_lowercase(),
                        &section.get_ref().to_lowercase(),
                    )
                })
                .map_or(String::new(), |id| {
                    format!(" (did you mean `{}`?)", id.title())
                });
            Err(loc.invalid(
                section,
                format!(
                    "`{}` is not a section of the template{nearest}",
                    section.get_ref()
                ),
                "the title of a template section, like `Rollback Plan`",
            ))
        }
    }
}

/// The `version-scheme` key.
pub(crate) fn version_scheme(
    loc: &Locator<'_>,
    value: &Spanned<String>,
) -> Result<VersionScheme, ConfigError> {
    VersionScheme::ALL
        .into_iter()
        .find(|s| s.as_str().eq_ignore_ascii_case(value.get_ref().trim()))
        .ok_or_else(|| {
            let names: Vec<&str> = VersionScheme::ALL.iter().map(|s| s.as_str()).collect();
            loc.invalid(
                value,
                format!(
                    "bad version scheme `{}` for `version-scheme`",
                    value.get_ref()
                ),
                one_of(&names),
            )
        })
}

/// A severity of `[rules] severity`.
pub(crate) fn severity(
    loc: &Locator<'_>,
    rule: &str,
    value: &Spanned<String>,
) -> Result<Severity, ConfigError> {
    let all = [Severity::Error, Severity::Warning, Severity::Info];
    all.into_iter()
        .find(|s| s.as_str() == value.get_ref().trim())
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|s| s.as_str()).collect();
            loc.invalid(
                value,
                format!("bad severity `{}` for `{rule}`", value.get_ref()),
                one_of(&names),
            )
        })
}

/// Whether `text` is a code prefix (`RL2`, `RL20`) of a family or of some rule.
fn is_code_prefix(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    let digits = upper.strip_prefix("RL").unwrap_or("");
    upper.len() < 5
        && digits.chars().all(|c| c.is_ascii_digit())
        && (FAMILIES.iter().any(|f| f.code_prefix() == upper)
            || registry::metas().any(|m| m.code.starts_with(&upper)))
}

/// An entry of `select` or `ignore`: `ALL`, a code, a code prefix or a rule name.
pub(crate) fn selector(
    loc: &Locator<'_>,
    key: &str,
    value: &Spanned<String>,
) -> Result<String, ConfigError> {
    let text = value.get_ref().trim();
    if text.eq_ignore_ascii_case("ALL")
        || registry::find_meta(text).is_some()
        || is_code_prefix(text)
    {
        Ok(text.to_owned())
    } else {
        Err(loc.invalid(
            value,
            format!(
                "unknown rule `{text}` in `rules.{key}`{}",
                registry::did_you_mean(text)
            ),
            "`ALL`, a rule code (`RL201`), a code prefix (`RL2`) or a rule name (`unchecked-prerequisite`)",
        ))
    }
}

/// A key of `[rules] severity`: a rule code or name, returned as the rule's code.
pub(crate) fn rule_code(
    loc: &Locator<'_>,
    value: &Spanned<String>,
) -> Result<&'static str, ConfigError> {
    registry::find_meta(value.get_ref())
        .map(|m| m.code)
        .ok_or_else(|| {
            loc.invalid(
                value,
                format!(
                    "unknown rule `{}` in `rules.severity`{}",
                    value.get_ref(),
                    registry::did_you_mean(value.get_ref())
                ),
                "a rule code (`RL201`) or a rule name (`unchecked-prerequisite`)",
            )
        })
}

/// An entry of `secret-patterns`: a valid regular expression.
pub(crate) fn regex(loc: &Locator<'_>, value: &Spanned<String>) -> Result<String, ConfigError> {
    match regex::Regex::new(value.get_ref()) {
        Ok(_) => Ok(value.get_ref().clone()),
        Err(e) => {
            // A syntax error renders as the pattern, a caret line and `error: <reason>`.
            let text = e.to_string();
            let reason = text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .trim_start_matches("error: ")
                .to_owned();
            Err(loc.invalid(
                value,
                format!(
                    "invalid regex `{}` in `secret-patterns`: {reason}",
                    value.get_ref()
                ),
                "a regular expression in Rust `regex` syntax",
            ))
        }
    }
}

/// A folder key (`history`, `links.root`): a non-empty path, relative to the config's
/// folder (or absolute).
pub(crate) fn folder(
    loc: &Locator<'_>,
    key: &str,
    value: &Spanned<String>,
) -> Result<std::path::PathBuf, ConfigError> {
    let text = value.get_ref().trim();
    if text.is_empty() {
        Err(loc.invalid(
            value,
            format!("empty `{key}`"),
            "a folder, relative to the config's folder, such as `releases/`",
        ))
    } else {
        Ok(std::path::PathBuf::from(text))
    }
}

/// An entry of `placeholder-words`: a non-empty word.
pub(crate) fn word(loc: &Locator<'_>, value: &Spanned<String>) -> Result<String, ConfigError> {
    let word = value.get_ref().trim();
    if word.is_empty() {
        Err(loc.invalid(
            value,
            "empty entry in `placeholder-words`",
            "a word such as `PENDING`",
        ))
    } else if !word
        .chars()
        .all(|c| c.is_alphanumeric() || c == '?' || c == '-')
    {
        // Texts are split into words at any other character, so this could never match.
        Err(loc.invalid(
            value,
            format!("placeholder word `{word}` is not a single word"),
            "letters, digits, `-` and `?` only, such as `PENDING` or `TBC`",
        ))
    } else {
        Ok(word.to_owned())
    }
}

/// `max-file-size`: a size such as `10MB`, in bytes.
pub(crate) fn size(loc: &Locator<'_>, value: &Spanned<String>) -> Result<u64, ConfigError> {
    super::size::parse_size(value.get_ref()).map_err(|_| {
        loc.invalid(
            value,
            format!("bad size `{}` for `max-file-size`", value.get_ref()),
            "bytes, or a number with `KB`, `MB` or `GB` (binary units), such as `10MB`",
        )
    })
}

/// A URL key: an absolute `http`, `https` or `file` URL with no white space, returned
/// without a trailing `/`.
pub(crate) fn url(
    loc: &Locator<'_>,
    key: &str,
    value: &Spanned<String>,
) -> Result<String, ConfigError> {
    let text = value.get_ref().trim();
    let rest = ["https://", "http://", "file://"]
        .iter()
        .find_map(|scheme| {
            text.get(..scheme.len())
                .filter(|s| s.eq_ignore_ascii_case(scheme))
                .map(|_| &text[scheme.len()..])
        });
    match rest {
        Some(rest) if !rest.is_empty() && !rest.contains(char::is_whitespace) => {
            Ok(text.trim_end_matches('/').to_owned())
        }
        _ => Err(loc.invalid(
            value,
            format!("bad URL `{text}` for `{key}`"),
            "an absolute `https://`, `http://` or `file://` URL without spaces",
        )),
    }
}

/// `duration-tolerance-minutes`: a finite number of minutes, not negative.
pub(crate) fn minutes(loc: &Locator<'_>, value: &Spanned<f64>) -> Result<f64, ConfigError> {
    let minutes = *value.get_ref();
    if minutes.is_finite() && minutes >= 0.0 {
        Ok(minutes)
    } else {
        Err(loc.invalid(
            value,
            format!("bad `duration-tolerance-minutes` `{minutes}`"),
            "a number of minutes, 0 or more",
        ))
    }
}

/// The dimension a `[standards]` target must be in.
#[derive(Clone, Copy)]
pub(crate) enum Dimension {
    Percent,
    Time,
}

/// A `[standards]` target: a threshold of the right dimension.
pub(crate) fn threshold(
    loc: &Locator<'_>,
    key: &str,
    dimension: Dimension,
    value: &Spanned<String>,
) -> Result<String, ConfigError> {
    let text = value.get_ref().trim();
    let threshold = parse_threshold(text).map_err(|expected| {
        loc.invalid(
            value,
            format!("bad threshold `{text}` for `standards.{key}`"),
            expected,
        )
    })?;
    let (fits, expected) = match dimension {
        Dimension::Percent => (
            threshold.quantity.unit == Unit::Percent,
            "a percentage, like `> 95%`",
        ),
        Dimension::Time => (
            threshold.quantity.unit == Unit::Millis,
            "a time, like `< 15 min`",
        ),
    };
    if fits {
        Ok(text.to_owned())
    } else {
        Err(loc.invalid(
            value,
            format!("threshold `{text}` for `standards.{key}` is in the wrong unit"),
            expected,
        ))
    }
}
