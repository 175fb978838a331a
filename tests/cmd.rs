//! The CLI cases in `tests/cmd/*.toml`, each with its expected standard output and error
//! (`*.stdout`, `*.stderr`) and exit status. `TRYCMD=overwrite cargo test --test cmd`
//! rewrites the expectations after a deliberate change.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .case("tests/cmd/*.toml");
}
