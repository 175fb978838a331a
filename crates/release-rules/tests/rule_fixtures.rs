//! Every `fixtures/rules/<CODE>/*.md`: a `bad*.md` must trigger rule CODE, an `ok*.md`
//! (or a `fix*.md`, the fixture of a rule that reports only while fixing, see
//! `fix_fixtures.rs`) must not, and the findings (rule CODE alone selected) are
//! snapshotted. Files are read
//! as bytes and decoded as `check` decodes them.

use release_rules::{check, Document, Settings};

fn render(doc: &Document, code: &str) -> String {
    let settings = Settings {
        select: vec![code.to_owned()],
        ..Settings::default()
    };
    let mut out = String::new();
    for d in check(doc, &settings) {
        let start = doc.line_col(d.span.start);
        out.push_str(&format!(
            "{}:{}: {}[{}] {}\n",
            start.line, start.column, d.severity, d.code, d.message
        ));
        for label in &d.labels {
            let at = doc.line_col(label.span.start);
            out.push_str(&format!(
                "  = {}:{}: {}\n",
                at.line, at.column, label.message
            ));
        }
    }
    out
}

#[test]
fn rule_fixtures() {
    insta::glob!("../../../fixtures/rules", "*/*.md", |path| {
        let code = path
            .parent()
            .and_then(std::path::Path::file_name)
            .and_then(|n| n.to_str())
            .expect("fixture folder is a code");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("fixture name");
        // Read as `check` reads files: fixtures of `not-utf8` are in other encodings.
        let bytes = std::fs::read(path).expect("fixture is readable");
        let doc = Document::from_bytes(bytes).expect("fixture is text");
        let rendered = render(&doc, code);
        if name.starts_with("bad") {
            assert!(
                rendered.contains(&format!("[{code}]")),
                "{} does not trigger {code}",
                path.display()
            );
        } else {
            assert!(
                rendered.is_empty(),
                "{} triggers {code}:\n{rendered}",
                path.display()
            );
        }
        let stem = name.trim_end_matches(".md");
        insta::with_settings!({ snapshot_suffix => "", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("{code}-{stem}"), rendered);
        });
    });
}
