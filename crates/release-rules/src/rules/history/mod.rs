//! History rules (`RL7xx`): releases compared across the documents of a run, and the
//! documents of its history folder (`--history DIR`). They read [`Facts`], never whole
//! documents, and run once every document has been checked.
//!
//! [`Facts`]: crate::history::Facts

use crate::history::HistoryRule;

pub(crate) mod duplicate_release;
pub(crate) mod unresolved_link;
pub(crate) mod version_regression;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn HistoryRule] = &[
    &duplicate_release::DuplicateRelease,
    &version_regression::VersionRegression,
    &unresolved_link::UnresolvedLink,
];

/// `path:line:column` of a place in another document, for messages.
pub(crate) fn place(path: &str, at: release_doc::LineCol) -> String {
    format!("{path}:{}:{}", at.line, at.column)
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for the history rules' unit tests.

    use crate::document::Document;
    use crate::history::{self, Facts, History};
    use crate::settings::Settings;

    /// A release document of `component` at `version`, deployed to `environment` on
    /// `date` with `outcome` (`""`: none declared, and not deployed).
    pub(crate) fn release(
        component: &str,
        version: &str,
        environment: &str,
        date: &str,
        outcome: &str,
    ) -> String {
        let outcome = if outcome.is_empty() {
            "stage: planned\n".to_owned()
        } else {
            format!("stage: closed\noutcome: {outcome}\n")
        };
        format!(
            "---\ncomponent: {component}\nphase: deployment\n{outcome}---\n# Release\n\n## Overview\n\n\
             **Release**: Launch ({version})\n\n**Target Environment**: {environment}\n\n\
             **Scheduled Date**: {date}\n"
        )
    }

    /// The findings of rule `code` over `docs` (path, source, reported), as
    /// `path:line: message`, with `settings` for every document.
    pub(crate) fn findings_with(
        code: &str,
        docs: &[(&str, &str, bool)],
        settings: &Settings,
    ) -> Vec<String> {
        let settings = Settings {
            select: vec![code.to_owned()],
            ..settings.clone()
        };
        let mut set = History::new();
        let mut parsed = Vec::new();
        for &(path, source, reported) in docs {
            let doc = Document::parse(source);
            set.push(Facts::of(&doc, &settings, path, reported));
            parsed.push(doc);
        }
        history::check(&set)
            .into_iter()
            .filter(|f| {
                !history::unsuppressed(&parsed[f.file], vec![f.diagnostic.clone()]).is_empty()
            })
            .map(|f| {
                let path = &set.facts()[f.file].path;
                let line = parsed[f.file].line_col(f.diagnostic.span.start).line;
                format!("{path}:{line}: {}", f.diagnostic.message)
            })
            .collect()
    }

    /// [`findings_with`] default settings, every document reported on.
    pub(crate) fn findings(code: &str, docs: &[(&str, &str)]) -> Vec<String> {
        let docs: Vec<_> = docs.iter().map(|&(p, s)| (p, s, true)).collect();
        findings_with(code, &docs, &Settings::default())
    }
}
