//! The `include` and `exclude` globs, matched against paths relative to the config's
//! folder.

use std::path::{Component, Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use toml::Spanned;

use super::error::ConfigError;
use super::values::Locator;

/// A compiled list of globs. `*` stays within a path segment, `**` crosses segments.
#[derive(Debug, Clone)]
pub(crate) struct Globs {
    patterns: Vec<String>,
    set: GlobSet,
}

impl Default for Globs {
    fn default() -> Self {
        Self {
            patterns: Vec::new(),
            set: GlobSet::empty(),
        }
    }
}

impl Globs {
    /// Compile the globs of config key `key`; a leading `./` or `/` anchors a glob at the
    /// config's folder, which every glob is relative to anyway.
    pub fn new(
        loc: &Locator<'_>,
        key: &str,
        patterns: &[Spanned<String>],
    ) -> Result<Self, ConfigError> {
        let mut builder = GlobSetBuilder::new();
        let mut kept = Vec::new();
        for pattern in patterns {
            let text = pattern.get_ref().trim();
            let anchored = text.trim_start_matches("./").trim_start_matches('/');
            let glob = GlobBuilder::new(anchored)
                .literal_separator(true)
                .backslash_escape(true)
                .build()
                .map_err(|e| {
                    loc.invalid(
                        pattern,
                        format!("bad glob `{text}` in `{key}`: {}", e.kind()),
                        "a glob relative to the config's folder, like `releases/**/*.md`",
                    )
                })?;
            builder.add(glob);
            kept.push(text.to_owned());
        }
        let set = builder.build().map_err(|e| {
            loc.error(
                super::error::ConfigErrorKind::InvalidValue,
                patterns.first().map(Spanned::span),
                format!("bad globs in `{key}`: {e}"),
                "globs relative to the config's folder",
            )
        })?;
        Ok(Self {
            patterns: kept,
            set,
        })
    }

    /// The globs as written.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Whether a relative path matches a glob.
    pub fn matches(&self, relative: &Path) -> bool {
        !self.patterns.is_empty() && self.set.is_match(relative)
    }

    /// Whether a relative path, or a folder it is in, matches a glob.
    pub fn matches_or_inside(&self, relative: &Path) -> bool {
        !self.patterns.is_empty()
            && relative
                .ancestors()
                .filter(|p| !p.as_os_str().is_empty())
                .any(|p| self.set.is_match(p))
    }
}

/// `path` made absolute (against the current directory) with `.` and `..` resolved
/// lexically, without touching the file system.
pub(crate) fn absolute(path: &Path) -> PathBuf {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to the folder `base` (absolute and normalized), if it is inside it.
/// Falls back to resolving symbolic links when the lexical paths do not share a prefix.
pub(crate) fn relative_to(base: &Path, path: &Path) -> Option<PathBuf> {
    let lexical = absolute(path);
    if let Ok(rel) = lexical.strip_prefix(base) {
        return Some(rel.to_path_buf());
    }
    let real_base = std::fs::canonicalize(base).ok()?;
    let real_path = std::fs::canonicalize(&lexical).ok()?;
    real_path
        .strip_prefix(real_base)
        .ok()
        .map(Path::to_path_buf)
}
