//! Hostile templates for `release-lint new --template`: runaway loops, huge ranges, deep
//! recursion, huge strings, includes that reach out of the template's folder or include
//! themselves. Each must end (fuel and size limits stop it; a hang guard of minutes kills a
//! run that does not end) with exit status 2, a message that says what
//! went wrong (with the template's file), and write nothing. Templates are built in a
//! temporary folder at test time.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

mod support;

use support::{names, run_command_bounded};

const BIN: &str = env!("CARGO_BIN_EXE_release-lint");

/// Run `release-lint` in `dir`, killing it (and failing the test) if it hangs (a runaway
/// template would run for hours; the fuel limit ends it long before the guard).
fn run_bounded(dir: &Path, args: &[&str]) -> (Output, Duration) {
    run_command_bounded(Command::new(BIN), dir, args)
}

/// Render `template` (written to `t.md` beside `others`, each a name and a text) to
/// `out.md` and to standard output; both must fail with status 2 within the bound,
/// naming the template at fault (`t.md` or one it includes) and saying `wanted`, and leave the folder as it was. Returns the
/// error message.
fn refused(template: &str, others: &[(&str, &str)], wanted: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("templates");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("t.md"), template).unwrap();
    for (name, text) in others {
        let path = folder.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let before = names(dir.path());
    let inside = names(&folder);
    let mut message = String::new();
    for args in [
        &["new", "--template", "templates/t.md", "-o", "out.md"][..],
        &["new", "--template", "templates/t.md"][..],
    ] {
        let (output, took) = run_bounded(dir.path(), args);
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?} in {took:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            stderr.contains("templates/") && stderr.contains("template render error"),
            "{stderr}"
        );
        assert!(
            stderr.contains(wanted),
            "{args:?}: no `{wanted}` in {stderr}"
        );
        assert!(
            output.stdout.is_empty(),
            "{args:?} wrote to standard output"
        );
        assert_eq!(names(dir.path()), before, "{args:?} wrote a file");
        assert_eq!(names(&folder), inside, "{args:?} wrote a file");
        message = stderr;
    }
    message
}

#[test]
fn a_huge_range_is_refused() {
    refused(
        "# Doc\n{% for i in range(1000000000) %}{{ i }}\n{% endfor %}\n",
        &[],
        "range has too many elements",
    );
}

#[test]
fn a_runaway_loop_runs_out_of_fuel() {
    // 10^10 iterations, each a few instructions.
    refused(
        "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}",
        &[],
        "ran out of fuel",
    );
}

#[test]
fn an_endless_recursive_loop_is_stopped() {
    refused(
        "{% for x in [[1]] recursive %}{{ loop([x]) }}{% endfor %}",
        &[],
        "recursion limit exceeded",
    );
}

#[test]
fn deep_macro_recursion_is_stopped() {
    refused(
        "{% macro down(n) %}{{ n }} {{ down(n + 1) }}{% endmacro %}{{ down(0) }}",
        &[],
        "recursion limit exceeded",
    );
}

#[test]
fn huge_strings_are_refused() {
    // Refused before the string is made: it would take more fuel than there is.
    refused(
        "{{ 'release notes ' * 1000000000 }}",
        &[],
        "ran out of fuel",
    );
    // Each string is allowed alone; writing them all is not (10^5 MB of output).
    refused(
        "{% for i in range(100000) %}{{ 'x' * 1000000 }}{% endfor %}",
        &[],
        "ran out of fuel",
    );
}

#[test]
fn includes_cannot_leave_the_template_folder() {
    for name in ["../secret.md", "/etc/passwd", "parts/../../secret.md"] {
        refused(
            &format!("# Doc\n{{% include \"{name}\" %}}\n"),
            &[],
            "outside the template's folder",
        );
    }
    // Nested: an included file's own include is held to the same folder.
    refused(
        "# Doc\n{% include \"parts/a.md\" %}\n",
        &[("parts/a.md", "A\n{% include \"../../secret.md\" %}\n")],
        "outside the template's folder",
    );
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_cannot_lead_out_of_the_template_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("templates");
    fs::create_dir(&folder).unwrap();
    fs::write(dir.path().join("secret.md"), "secret\n").unwrap();
    std::os::unix::fs::symlink("../secret.md", folder.join("link.md")).unwrap();
    fs::write(folder.join("t.md"), "{% include \"link.md\" %}\n").unwrap();
    let (output, _) = run_bounded(dir.path(), &["new", "--template", "templates/t.md"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("leads outside the template's folder"),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&output.stdout).contains("secret"));
}

#[test]
fn a_template_that_includes_itself_is_stopped() {
    refused(
        "# Doc\n{% include \"t.md\" %}\n",
        &[],
        "recursion limit exceeded",
    );
    // Two templates that include each other.
    refused(
        "{% include \"a.md\" %}",
        &[
            ("a.md", "{% include \"b.md\" %}"),
            ("b.md", "{% include \"a.md\" %}"),
        ],
        "recursion limit exceeded",
    );
}
