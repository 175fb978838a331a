//! A small wrapper over minijinja: load a template (the embedded default or a user's
//! file), tell syntax errors from render errors (both with file, line and column), list
//! its variables, and render it over checked values.
//!
//! Rendering is sandboxed the way a document generator should be: no auto-escaping
//! (the output is Markdown, not HTML), a fuel limit against runaway loops, and no file
//! access beyond the template's own folder (for `include` and `import`).

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment};
use serde_json::Value as Json;

use crate::context::{self, is_given, node, text};
use crate::error::{line_col, Error, Location, Result};
use crate::values::Checked;

/// The embedded default template, derived from the seed template: rendered with no
/// values it gives a document with the schema of [`release_doc::DEFAULT_TEMPLATE`]
/// (`tests/template_schema.rs`).
pub const DEFAULT_TEMPLATE: &str = include_str!("../templates/release.md.j2");

/// The name the embedded template goes by in messages.
pub const DEFAULT_TEMPLATE_NAME: &str = "release.md.j2";

/// How many instructions a render may run: far more than any document needs, far
/// fewer than a runaway loop takes.
const FUEL: u64 = 2_000_000;

/// The frontmatter keys the default template writes itself.
const KNOWN_FRONTMATTER: &[&str] = &[
    "component",
    "type",
    "phase",
    "status",
    "created",
    "updated",
    "owner",
    "tags",
    "stage",
    "outcome",
];

/// A template ready to render.
#[derive(Debug, Clone)]
pub struct Template {
    name: String,
    source: String,
    /// The folder `include` and `import` may read from; `None` for the embedded one.
    dir: Option<PathBuf>,
}

impl Template {
    /// The embedded default template.
    #[must_use]
    pub fn embedded() -> Self {
        Self {
            name: DEFAULT_TEMPLATE_NAME.to_owned(),
            source: DEFAULT_TEMPLATE.to_owned(),
            dir: None,
        }
    }

    /// A user's template file; `include`/`import` may read files from its folder only.
    ///
    /// # Errors
    ///
    /// The file cannot be read.
    pub fn load(path: &Path) -> Result<Self> {
        let source = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        let dir = path
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .map(Path::to_path_buf);
        Ok(Self {
            name: path.display().to_string(),
            source,
            dir,
        })
    }

    /// A template from text; `dir` is the folder it may include from.
    #[must_use]
    pub fn from_source(name: &str, source: &str, dir: Option<PathBuf>) -> Self {
        Self {
            name: name.to_owned(),
            source: source.to_owned(),
            dir,
        }
    }

    /// Whether this is the embedded default template (whose values are checked strictly).
    #[must_use]
    pub fn is_embedded(&self) -> bool {
        self.dir.is_none() && self.name == DEFAULT_TEMPLATE_NAME && self.source == DEFAULT_TEMPLATE
    }

    /// The template's name as messages give it.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The template's text.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    fn environment(&self) -> Result<Environment<'static>> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| AutoEscape::None);
        env.set_fuel(Some(FUEL));
        let mut syntax = SyntaxConfig::builder();
        syntax.keep_trailing_newline(true);
        if self.is_embedded() {
            // The embedded template puts its block tags on lines of their own.
            syntax.trim_blocks(true).lstrip_blocks(true);
        }
        env.set_syntax(syntax.build().map_err(|e| self.syntax_error(&e))?);
        if let Some(dir) = self.dir.clone() {
            env.set_loader(move |name| load_beside(&dir, name));
        }
        register(&mut env);
        env.add_template_owned(self.name.clone(), self.source.clone())
            .map_err(|e| self.syntax_error(&e))?;
        Ok(env)
    }

    /// Check that the template parses.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] with file, line and column.
    pub fn check(&self) -> Result<()> {
        self.environment().map(|_| ())
    }

    /// The variables the template reads, sorted (`overview.release_type`, `risks.rows`,
    /// or a flat template's `release_name`). The environment's own functions are left out.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] when the template does not parse.
    pub fn variables(&self) -> Result<Vec<String>> {
        let env = self.environment()?;
        let template = env
            .get_template(&self.name)
            .map_err(|e| self.syntax_error(&e))?;
        let globals: HashSet<String> = env.globals().map(|(name, _)| name.to_owned()).collect();
        let mut names: Vec<String> = template
            .undeclared_variables(true)
            .into_iter()
            .filter(|name| {
                let root = name.split('.').next().unwrap_or(name);
                !globals.contains(root)
            })
            .collect();
        names.sort();
        Ok(names)
    }

    /// Render over checked values. A value that is not given renders as its `{{ name }}`
    /// placeholder.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] or [`Error::Render`], with file, line and column.
    pub fn render(&self, values: &Checked) -> Result<String> {
        self.render_json(values.json.clone())
    }

    /// Render over values in their JSON form, as they are.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] or [`Error::Render`], with file, line and column.
    pub fn render_json(&self, values: Json) -> Result<String> {
        let env = self.environment()?;
        let template = env
            .get_template(&self.name)
            .map_err(|e| self.syntax_error(&e))?;
        let reserved = env.globals().map(|(name, _)| name.to_owned()).collect();
        template
            .render(context::root(values, reserved))
            .map_err(|e| Error::Render {
                at: self.locate(&e),
                message: message(&e),
            })
    }

    fn syntax_error(&self, err: &minijinja::Error) -> Error {
        Error::Syntax {
            at: self.locate(err),
            message: message(err),
        }
    }

    /// `file:line:column` of a minijinja error, in this template or one it includes.
    fn locate(&self, err: &minijinja::Error) -> Location {
        let name = err.name().unwrap_or(&self.name);
        let (file, source) = if name == self.name {
            (self.name.clone(), Some(self.source.clone()))
        } else {
            let path = self.dir.as_ref().map(|d| d.join(name));
            let source = path.as_ref().and_then(|p| std::fs::read_to_string(p).ok());
            (
                path.map_or_else(|| name.to_owned(), |p| p.display().to_string()),
                source,
            )
        };
        let (line, column) = match (err.range(), source) {
            (Some(range), Some(source)) => {
                let (line, column) = line_col(&source, range.start);
                (Some(line), Some(column))
            }
            _ => (err.line(), None),
        };
        Location { file, line, column }
    }
}

/// What went wrong: the error, and for an error inside an included template, its
/// innermost cause (`could not render include: error in "a.md": invalid operation:
/// ...`), which is what says why. Only the innermost: a template that includes itself
/// nests one error per level, hundreds of them.
fn message(err: &minijinja::Error) -> String {
    let one = |err: &minijinja::Error| match err.detail() {
        Some(detail) => format!("{}: {detail}", err.kind()),
        None => err.kind().to_string(),
    };
    let mut innermost = None;
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        if let Some(cause) = cause.downcast_ref::<minijinja::Error>() {
            innermost = Some(cause);
        }
        source = cause.source();
    }
    match innermost {
        Some(cause) => format!("{}: {}", one(err), one(cause)),
        None => one(err),
    }
}

/// The loader of a user's template: files in its folder (or below), nothing else.
fn load_beside(dir: &Path, name: &str) -> Result<Option<String>, minijinja::Error> {
    let relative = Path::new(name);
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !inside || name.contains('\\') {
        return Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!(
                "`{name}` is outside the template's folder; only files beside it can be included"
            ),
        ));
    }
    let path = dir.join(relative);
    // A symbolic link must not lead out of the folder either.
    let (Ok(real_dir), Ok(real)) = (dir.canonicalize(), path.canonicalize()) else {
        return Ok(None);
    };
    if !real.starts_with(&real_dir) {
        return Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!("`{name}` leads outside the template's folder"),
        ));
    }
    std::fs::read_to_string(&real)
        .map(Some)
        .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::TemplateNotFound, e.to_string()))
}

/// The filters, tests and functions templates may use.
fn register(env: &mut Environment<'static>) {
    env.add_test("given", |v: Value| is_given(&v));
    env.add_filter(
        "fallback",
        |v: Value, default: Value| {
            if is_given(&v) {
                v
            } else {
                default
            }
        },
    );
    env.add_filter("cell", |v: Value| cell(&text(&v)));
    env.add_filter("yaml", |v: Value, default: Option<Value>| {
        yaml(&v, default.as_ref())
    });
    env.add_filter("fence", |v: Value| fence(&text(&v)));
    env.add_filter("block", |v: Value| {
        let code = text(&v);
        if code.is_empty() || code.ends_with('\n') {
            code
        } else {
            code + "\n"
        }
    });
    env.add_filter("extra_columns", |table: Value| extra_columns(&table));
    env.add_filter("extra_frontmatter", |fm: Value| extra_frontmatter(&fm));
    env.add_filter("header_cells", |names: Vec<String>| {
        names
            .iter()
            .map(|n| format!(" {} |", cell(n)))
            .collect::<String>()
    });
    env.add_filter("rule_cells", |names: Vec<String>| {
        "---|".repeat(names.len())
    });
    env.add_filter("none_cells", |names: Vec<String>| {
        " — |".repeat(names.len())
    });
    env.add_filter("extra_cells", |row: Value, names: Vec<String>| {
        let extra = row.get_attr("extra").unwrap_or_default();
        names
            .iter()
            .map(|n| {
                let v = extra.get_attr(n).unwrap_or_default();
                let value = if is_given(&v) {
                    cell(&text(&v))
                } else {
                    String::new()
                };
                format!(" {value} |")
            })
            .collect::<String>()
    });
    env.add_filter("writes", |fm: Value, key: String| writes(&fm, &key));
    env.add_filter("raw_table", |table: Value| raw_table(&table));
    env.add_function("group", group);
}

/// A table cell's text: pipes escaped, line breaks joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\r', '\n'], " ")
}

/// A YAML scalar (double-quoted) or flow list for a frontmatter value; `default` when
/// the value is not given; the quoted placeholder when neither is.
fn yaml(value: &Value, default: Option<&Value>) -> String {
    let chosen = match (is_given(value), default) {
        (false, Some(d)) => d,
        _ => value,
    };
    let list = match node(chosen) {
        Some(n) => n
            .value()
            .and_then(|j| {
                j.get("value")
                    .filter(|_| j.get("state") == Some(&Json::from("value")))
            })
            .and_then(Json::as_array)
            .map(|items| items.iter().map(context::json_text).collect::<Vec<_>>()),
        None => chosen
            .try_iter()
            .ok()
            .filter(|_| chosen.as_str().is_none())
            .map(|items| items.map(|i| i.to_string()).collect()),
    };
    match list {
        Some(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|i| Json::String(i.clone()).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => Json::String(text(chosen)).to_string(),
    }
}

/// A fence longer than any run of backticks in `code`.
fn fence(code: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in code.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

/// The columns of a table's rows beyond the known ones (their `extra` cells), in the
/// order of the table's header when it has one.
fn extra_columns(table: &Value) -> Vec<String> {
    let Some(json) = node(table).and_then(|n| n.value()) else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    for row in json
        .get("rows")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        for key in row
            .get("extra")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
            .map(|m| m.0)
        {
            if !names.contains(key) {
                names.push(key.clone());
            }
        }
    }
    let header: Vec<&str> = json
        .get("columns")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| c.get("name").and_then(Json::as_str))
        .collect();
    names.sort_by_key(|n| header.iter().position(|h| h == n).unwrap_or(usize::MAX));
    names
}

/// A table of an unknown section: its header and its rows of text cells.
fn raw_table(table: &Value) -> String {
    let Some(json) = node(table).and_then(|n| n.value()) else {
        return String::new();
    };
    let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
    let header: Vec<String> = json
        .get("columns")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .map(|c| cell(c.get("name").and_then(Json::as_str).unwrap_or("")))
        .collect();
    let mut lines = vec![
        line(header.clone()),
        format!("|{}", "---|".repeat(header.len())),
    ];
    for row in json
        .get("rows")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
    {
        let cells = row
            .get("cells")
            .and_then(Json::as_array)
            .into_iter()
            .flatten();
        lines.push(line(
            cells
                .map(|c| cell(&context::field_text(Some(c), "")))
                .collect(),
        ));
    }
    lines.join("\n")
}

/// Whether the template writes frontmatter `key`: always for new documents; for values
/// that list the document's keys (`release-lint parse` output), when the key was there
/// or is given now.
fn writes(frontmatter: &Value, key: &str) -> bool {
    let Some(fm) = node(frontmatter) else {
        return true;
    };
    let Some(json) = fm.value() else {
        return true;
    };
    if is_given(&frontmatter.get_attr(key).unwrap_or_default()) {
        return true;
    }
    match json.get("keys").and_then(Json::as_array) {
        Some(keys) => keys
            .iter()
            .any(|k| k.get("key").and_then(Json::as_str) == Some(key)),
        None => true,
    }
}

/// `key: value` lines for the frontmatter keys the template does not write itself.
fn extra_frontmatter(frontmatter: &Value) -> Vec<String> {
    let Some(json) = node(frontmatter).and_then(|n| n.value()) else {
        return Vec::new();
    };
    json.get("keys")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let key = entry.get("key")?.as_str()?;
            if KNOWN_FRONTMATTER.contains(&key) {
                return None;
            }
            Some(match entry.get("value") {
                None | Some(Json::Null) => format!("{key}:"),
                Some(value) => format!("{key}: {value}"),
            })
        })
        .collect()
}

/// The checklist group of a known section with this label (`group(checklists,
/// "deployment-prerequisites", "Code & Testing")`), or none.
fn group(checklists: Value, section: &str, label: &str) -> Value {
    let Some(list) = node(&checklists) else {
        return Value::from(());
    };
    let wanted = normalize(label);
    let found = list.value().and_then(Json::as_array).and_then(|groups| {
        groups.iter().position(|g| {
            g.get("section").and_then(Json::as_str) == Some(section)
                && g.get("label")
                    .and_then(Json::as_str)
                    .is_some_and(|l| normalize(l) == wanted)
        })
    });
    found.map_or_else(|| Value::from(()), |i| list.element(i))
}

fn normalize(label: &str) -> String {
    label
        .trim()
        .trim_end_matches(':')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn user(source: &str) -> Template {
        Template::from_source("t.md", source, Some(PathBuf::from(".")))
    }

    #[test]
    fn syntax_errors_have_file_line_and_column() {
        let err = user("line one\n\nsome {{ oops( }} here\n")
            .check()
            .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("t.md:3:"), "{text}");
        assert!(text.contains("template syntax error"), "{text}");
    }

    #[test]
    fn render_errors_have_file_line_and_column() {
        let err = user("ok\n{{ 1 / 0 }}\n")
            .render_json(json!({}))
            .unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("t.md:2:"), "{text}");
        assert!(text.contains("render error"), "{text}");
    }

    #[test]
    fn fuel_stops_runaway_loops() {
        let t = user(
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        );
        let err = t.render_json(json!({})).unwrap_err();
        assert!(err.to_string().contains("fuel"), "{err}");
    }

    #[test]
    fn no_auto_escape_and_flat_variables() -> Result<()> {
        let t = user("<{{ a }}> {{ b }}\n");
        assert_eq!(
            t.render_json(json!({"a": "x & <y>"}))?,
            "<x & <y>> {{ b }}\n"
        );
        assert_eq!(t.variables()?, ["a", "b"]);
        Ok(())
    }

    #[test]
    fn includes_stay_inside_the_template_folder() {
        let t = user("{% include '../etc/passwd' %}");
        let err = t.render_json(json!({})).unwrap_err();
        assert!(
            err.to_string().contains("outside the template's folder"),
            "{err}"
        );
        let t = Template::embedded();
        assert!(t.is_embedded());
        let t = Template::from_source(DEFAULT_TEMPLATE_NAME, "{% include 'x' %}", None);
        assert!(t.render_json(json!({})).is_err());
    }

    #[test]
    fn filters() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(fence("x ```` y"), "`````");
        assert_eq!(fence("plain"), "```");
    }
}
