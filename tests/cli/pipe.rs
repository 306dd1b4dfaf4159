//! A reader that stops early (`pap-tui export --format csv | head -1`) ends the
//! program quietly: status 0, nothing on stderr, no panic message.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use pap_tui::data::Dataset;

use crate::support::{arg, command, embedded, write_dataset};

/// The embedded dataset with 20 000 organisations, so that every output is far
/// larger than a pipe's buffer and the writer is still writing when it closes.
fn big_dataset() -> Dataset {
    let mut data = embedded();
    let template = data.organisations[0].clone();
    let codes: Vec<String> = data.regions.iter().map(|r| r.code.clone()).collect();
    for i in 0..20_000 {
        let mut o = template.clone();
        o.id = format!("generated-{i:05}");
        o.name = format!("Organisme d'accueil généré numéro {i}");
        o.acronym = None;
        o.regions = vec![codes[i % codes.len()].clone()];
        data.organisations.push(o);
    }
    data
}

#[test]
fn closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_dataset(dir.path(), "big.json", &big_dataset());
    let data = ["--data", arg(&path)];
    let env = [("LANG", "C")];

    let full = command(&[&data[..], &["export", "--format", "csv"]].concat(), &env)
        .output()
        .unwrap();
    assert!(full.status.success());
    assert!(full.stdout.len() > 1 << 20, "{} bytes", full.stdout.len());

    let cases: [(&[&str], &str); 5] = [
        (&["export", "--format", "csv"], "kind,id,name,"),
        (&["export", "--format", "json"], "{"),
        (&["export", "--format", "markdown"], "# Parcours"),
        (&["organisations"], "ID "),
        (&["organisations", "--format", "csv"], "id,name,"),
    ];
    for (args, first_line) in cases {
        let mut child = command(&[&data[..], args].concat(), &env)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with(first_line), "{args:?}: {line:?}");
        drop(reader);
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{args:?}: stderr after the pipe closed"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}
