//! `--data -` and `validate -`: a dataset read from standard input, within the
//! file size limit, named `<stdin>` in messages.

use crate::support::{command, pap, pap_stdin};

fn embedded_json() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/pap.json")).expect("assets/pap.json")
}

#[test]
fn a_dataset_on_standard_input_serves_every_subcommand_as_its_file_does() {
    let json = embedded_json();
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/pap.json");
    for args in [
        &["regions"][..],
        &["organisations", "--region", "14", "--format", "csv"],
        &["search", "safima", "--format", "json"],
        &["cite", "gatineau"],
        &["export", "--format", "markdown"],
    ] {
        let from_file = pap(&[&["--data", file][..], args].concat()).ok();
        let piped = pap_stdin(&[&["--data", "-"][..], args].concat(), &json).ok();
        assert_eq!(piped, from_file, "{args:?}");
    }
    let valid = pap_stdin(&["validate", "-"], &json).ok();
    assert!(
        valid.starts_with("<stdin>: dataset is valid: 17 regions"),
        "{valid}"
    );
}

#[test]
fn a_broken_dataset_on_standard_input_is_placed_by_line_and_column() {
    let err = pap_stdin(&["--data", "-", "regions"], b"{\n  \"document\": \n").error();
    assert_eq!(err, "pap-tui: <stdin>:3:1: EOF while parsing a value\n");
    let err = pap_stdin(&["validate", "-"], b"[]").code(2).stderr;
    assert!(err.starts_with("pap-tui: <stdin>:1:2: "), "{err}");
    // Nothing on standard input is an empty file, not a wait.
    let err = pap_stdin(&["--data", "-", "cities"], b"").error();
    assert!(err.starts_with("pap-tui: <stdin>:"), "{err}");
}

#[test]
fn a_file_named_dash_is_read_as_dot_slash_dash() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("-"), embedded_json()).expect("write");
    let out = command(&["--data", "./-", "regions"], &[("LANG", "C")])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Lanaudière"));
}

#[test]
fn the_explorer_on_standard_input_without_a_terminal_says_so() {
    let run = pap_stdin(&["--data", "-"], &embedded_json()).code(2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("the explorer needs an interactive terminal"),
        "{}",
        run.stderr
    );
}
