//! Streaming output for `check`: each file's findings are rendered as soon as it is
//! checked (on any thread), written in path order, and dropped, so that memory does not
//! grow with the number of documents.

use std::io::{self, Write};

use release_rules::{Severity, Stage};

use super::human::HumanRenderer;
use super::json::{JsonStream, JsonWriter};
use super::sarif::{SarifStream, SarifWriter};
use super::statistics::{RuleKey, Tally};
use super::{concise, github, Failure, FileReport, Summary};

/// The output format of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphical reports with snippets.
    Human {
        /// Colour the reports.
        color: bool,
        /// Wrap at this many columns.
        width: usize,
    },
    /// One line per finding.
    Concise,
    /// The JSON document of spec section 8.
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands.
    Github,
}

#[derive(Debug)]
enum Renderer {
    Human(Box<HumanRenderer>),
    Concise,
    Json(JsonStream),
    Sarif(SarifStream),
    Github,
}

/// What a run prints: a format, and whether it ends with a summary line or prints only
/// the per-rule statistics.
#[derive(Debug)]
pub struct Printer {
    renderer: Renderer,
    statistics: Option<StatisticsAs>,
    summary_line: bool,
}

/// How `--statistics` prints its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatisticsAs {
    /// An aligned table, then the summary line.
    Table,
    /// A JSON array.
    Json,
}

/// One checked file, rendered: all the printer needs of it once its document is dropped.
#[derive(Debug)]
pub struct Rendered {
    /// The path as shown.
    pub path: String,
    /// The stage it was checked at.
    pub stage: Stage,
    /// The stage and why: `checked at deployed (from status: shipped)`.
    pub stage_line: String,
    /// Its findings in the run's format (empty with `--statistics`).
    text: String,
    /// The rule of each finding.
    rules: Vec<RuleKey>,
    /// How many findings have a safe fix, and how many an unsafe one.
    fixable: (usize, usize),
}

impl Printer {
    /// A printer for `format`; with `statistics`, only the per-rule counts are printed
    /// (as JSON for [`Format::Json`], else as a table); `summary_line` ends the text
    /// formats with the run's summary.
    #[must_use]
    pub fn new(format: Format, statistics: bool, summary_line: bool) -> Self {
        let renderer = match format {
            Format::Human { color, width } => {
                Renderer::Human(Box::new(HumanRenderer::new(color, width)))
            }
            Format::Concise => Renderer::Concise,
            Format::Json => Renderer::Json(JsonStream::new()),
            Format::Sarif => Renderer::Sarif(SarifStream::new()),
            Format::Github => Renderer::Github,
        };
        let text = matches!(format, Format::Human { .. } | Format::Concise);
        Self {
            renderer,
            statistics: match (statistics, format) {
                (false, _) => None,
                (true, Format::Json) => Some(StatisticsAs::Json),
                (true, _) => Some(StatisticsAs::Table),
            },
            summary_line: summary_line && text,
        }
    }

    /// The same printer, with the SARIF rules' `helpUri` under `docs_url` (the config's
    /// `docs-url`) instead of the default.
    #[must_use]
    pub fn with_docs_url(mut self, docs_url: &str) -> Self {
        if let Renderer::Sarif(stream) = &mut self.renderer {
            *stream = SarifStream::with_docs_url(docs_url);
        }
        self
    }

    /// Whether the report is text for people (human or concise findings) that shows each
    /// file that could not be checked; other reports (JSON, SARIF, workflow commands,
    /// statistics) carry them for machines, so they are also said on standard error.
    #[must_use]
    pub fn is_for_people(&self) -> bool {
        self.statistics.is_none() && matches!(self.renderer, Renderer::Human(_) | Renderer::Concise)
    }

    /// Render one checked file (callable from any thread).
    #[must_use]
    pub fn render(&self, file: &FileReport) -> Rendered {
        self.render_headed(file, &file.stage_line())
    }

    /// A file's entry without its findings' text: what `fix --diff` in a format for
    /// people needs (the diffs are its output), at none of the cost of rendering.
    #[must_use]
    pub fn counted(&self, file: &FileReport) -> Rendered {
        Rendered {
            path: file.path.clone(),
            stage: file.stage,
            stage_line: file.stage_line(),
            text: String::new(),
            rules: Tally::keys(file),
            fixable: file.fixable(),
        }
    }

    /// Render the findings of the history pass about one file: like [`Printer::render`],
    /// the human format heading them `compared with the other release documents`.
    #[must_use]
    pub fn render_history(&self, file: &FileReport) -> Rendered {
        self.render_headed(file, "compared with the other release documents")
    }

    /// Render `file`, the human format heading its findings with `path: heading`.
    fn render_headed(&self, file: &FileReport, heading: &str) -> Rendered {
        let text = if self.statistics.is_some() {
            String::new()
        } else {
            match &self.renderer {
                Renderer::Human(renderer) => {
                    let mut text = String::new();
                    renderer.render_file(&mut text, file);
                    // Each file says the stage it was checked at and why, above its
                    // findings (not with `--quiet`).
                    if self.summary_line {
                        let sep = if text.is_empty() { "" } else { "\n" };
                        let mut head = format!("{}: {heading}\n", file.path);
                        if let Some(line) = file.fixes.as_ref().and_then(super::FixReport::line) {
                            head.push_str(&format!("{}: {line}\n", file.path));
                        }
                        text = format!("{head}{sep}{text}");
                    }
                    for problem in file.fixes.iter().flat_map(|f| &f.problems) {
                        text.push_str(&format!("warning: {}: {problem}\n", file.path));
                    }
                    text
                }
                Renderer::Concise => {
                    let mut text = concise::render_file(file);
                    if let Some(line) = file.fixes.as_ref().and_then(super::FixReport::line) {
                        text.insert_str(0, &format!("{}: {line}\n", file.path));
                    }
                    for problem in file.fixes.iter().flat_map(|f| &f.problems) {
                        text.push_str(&format!("{}: warning: {problem}\n", file.path));
                    }
                    text
                }
                Renderer::Json(stream) => stream.render_file(file),
                Renderer::Sarif(stream) => stream.render_file(file),
                Renderer::Github => github::render_file(file),
            }
        };
        Rendered {
            path: file.path.clone(),
            stage: file.stage,
            stage_line: file.stage_line(),
            text,
            rules: Tally::keys(file),
            fixable: file.fixable(),
        }
    }

    /// Write the start of the output.
    pub fn begin(&self, out: &mut impl Write) -> io::Result<Printing<'_>> {
        let open = match &self.renderer {
            // Statistics in JSON are one array: the findings' document is never opened.
            _ if self.statistics.is_some() => Open::Text { blank_line: false },
            Renderer::Json(stream) => Open::Json(stream.begin(out)?),
            Renderer::Sarif(stream) => Open::Sarif(stream.begin(out)?),
            _ => Open::Text { blank_line: false },
        };
        Ok(Printing {
            printer: self,
            open,
            summary: Summary::default(),
            tally: Tally::default(),
            fixable: (0, 0),
        })
    }
}

#[derive(Debug)]
enum Open<'p> {
    /// Human, concise and GitHub output: whether a blank line is due before the next
    /// block (human reports are separated by one).
    Text {
        blank_line: bool,
    },
    Json(JsonWriter),
    Sarif(SarifWriter<'p>),
}

/// Output in progress: files go in one at a time, in order, then [`Printing::finish`].
#[derive(Debug)]
pub struct Printing<'p> {
    printer: &'p Printer,
    open: Open<'p>,
    summary: Summary,
    tally: Tally,
    fixable: (usize, usize),
}

impl Printing<'_> {
    /// Write one rendered file and count it and its findings.
    pub fn push(&mut self, out: &mut impl Write, file: &Rendered) -> io::Result<()> {
        self.summary.files += 1;
        self.write(out, file)
    }

    /// Write more findings of a file already pushed (those of the history pass), and
    /// count them; the file is not counted again.
    pub fn push_more(&mut self, out: &mut impl Write, file: &Rendered) -> io::Result<()> {
        self.write(out, file)
    }

    /// Count `n` findings that a baseline hid.
    pub fn hide(&mut self, n: usize) {
        self.summary.hidden += n;
    }

    fn write(&mut self, out: &mut impl Write, file: &Rendered) -> io::Result<()> {
        for &(_, _, severity) in &file.rules {
            match severity {
                Severity::Error => self.summary.errors += 1,
                Severity::Warning => self.summary.warnings += 1,
                Severity::Info => self.summary.infos += 1,
            }
        }
        self.tally.add(&file.rules);
        self.fixable.0 += file.fixable.0;
        self.fixable.1 += file.fixable.1;
        match &mut self.open {
            Open::Json(writer) => writer.push(out, &file.text),
            Open::Sarif(writer) => writer.push(out, &file.text),
            Open::Text { blank_line } => {
                if file.text.is_empty() {
                    return Ok(());
                }
                // Human reports are separated by a blank line; a file that is only its
                // stage line is not.
                let separated = matches!(self.printer.renderer, Renderer::Human(_))
                    && file.text.trim_end().contains('\n');
                if *blank_line || separated && self.summary.files > 1 {
                    out.write_all(b"\n")?;
                }
                *blank_line = separated;
                out.write_all(file.text.as_bytes())
            }
        }
    }

    /// Write a file that could not be checked, and count it.
    pub fn fail(&mut self, out: &mut impl Write, failure: &Failure) -> io::Result<()> {
        self.summary.failed += 1;
        if self.printer.statistics.is_some() {
            return Ok(());
        }
        let text = match (&self.printer.renderer, &mut self.open) {
            (Renderer::Json(stream), Open::Json(writer)) => {
                return writer.push(out, &stream.render_failure(failure));
            }
            (_, Open::Sarif(writer)) => {
                writer.fail(failure);
                return Ok(());
            }
            (Renderer::Human(renderer), _) => {
                let mut text = String::new();
                renderer.render_failure(&mut text, failure);
                text
            }
            (Renderer::Github, _) => github::render_failure(failure),
            _ => concise::render_failure(failure),
        };
        if let Open::Text { blank_line } = &mut self.open {
            if *blank_line {
                out.write_all(b"\n")?;
            }
            *blank_line = matches!(self.printer.renderer, Renderer::Human(_));
        }
        out.write_all(text.as_bytes())
    }

    /// Count a file that `fix --diff` checked and would not change (its report is not
    /// printed: the diffs are the output).
    pub fn skip_fixed(&mut self) {
        self.summary.files += 1;
    }

    /// Count a file that was skipped (not a release document, or excluded).
    pub fn skip(&mut self) {
        self.summary.skipped += 1;
    }

    /// Write the end of the output (statistics, summary line, closing brackets) and
    /// return the run's counts.
    pub fn finish(self, out: &mut impl Write) -> io::Result<Summary> {
        let summary = self.summary;
        match self.printer.statistics {
            Some(StatisticsAs::Json) => {
                self.tally.write_json(out)?;
                return Ok(summary);
            }
            Some(StatisticsAs::Table) => {
                self.tally.write_text(out)?;
                if self.printer.summary_line && summary.has_a_line() {
                    writeln!(out, "{}", summary.line())?;
                }
                return Ok(summary);
            }
            None => {}
        }
        match self.open {
            Open::Json(writer) => writer.finish(out, summary)?,
            Open::Sarif(writer) => writer.finish(out)?,
            Open::Text { blank_line } => {
                if self.printer.summary_line && summary.has_a_line() {
                    if blank_line {
                        out.write_all(b"\n")?;
                    }
                    writeln!(out, "{}", summary.line())?;
                    if matches!(self.printer.renderer, Renderer::Human(_)) {
                        if let Some(line) = fixable_line(self.fixable) {
                            writeln!(out, "{line}")?;
                        }
                    }
                }
            }
        }
        Ok(summary)
    }
}

/// `[*] 2 fixable with `release-lint fix` (1 more with `--unsafe-fixes`)`, when any is.
fn fixable_line((safe, unsafe_): (usize, usize)) -> Option<String> {
    let more = |n| format!("{n} more with `release-lint fix --unsafe-fixes`");
    match (safe, unsafe_) {
        (0, 0) => None,
        (0, n) => Some(format!(
            "{n} fixable with `release-lint fix --unsafe-fixes`"
        )),
        (n, 0) => Some(format!("[*] {n} fixable with `release-lint fix`")),
        (n, m) => Some(format!(
            "[*] {n} fixable with `release-lint fix` ({})",
            more(m)
        )),
    }
}
