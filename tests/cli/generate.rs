//! Shell completions and the man page, checked by the programs that read them:
//! bash (and zsh and fish where installed) parse the scripts, groff and man
//! render the page.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{pap, pap_env};

/// True when `program` can be run here.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Runs `program args` with `input` on stdin; returns (success, stdout, stderr).
fn feed(program: &str, args: &[&str], input: &str) -> (bool, String, String) {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_shell_gets_a_script_that_names_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = pap(&["completions", shell]).ok();
        for word in [
            "search",
            "organisations",
            "export",
            "completions",
            "--data",
            "sqlite",
        ] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
    let err = pap(&["completions", "tcsh"]).error();
    assert!(err.contains("invalid value 'tcsh'"), "{err}");
}

#[test]
fn the_bash_script_loads_and_completes() {
    let script = pap(&["completions", "bash"]).ok();
    let (ok, _, err) = feed("bash", &["-n"], &script);
    assert!(ok, "bash -n: {err}");
    // Sourced, it completes `pap-tui exp` to `export` and `--format s` to
    // `sqlite`, through the function it registered for pap-tui.
    let probe = format!(
        "{script}\n\
         f=$(complete -p pap-tui | sed 's/.*-F \\([^ ]*\\).*/\\1/')\n\
         COMP_WORDS=(pap-tui exp); COMP_CWORD=1; \"$f\" pap-tui exp pap-tui\n\
         echo \"${{COMPREPLY[*]}}\"\n\
         COMP_WORDS=(pap-tui export --format s); COMP_CWORD=3; \"$f\" pap-tui s --format\n\
         echo \"${{COMPREPLY[*]}}\"\n"
    );
    let (ok, out, err) = feed("bash", &[], &probe);
    assert!(ok, "{err}");
    assert_eq!(out, "export\nsqlite\n", "{err}");
}

#[test]
fn zsh_and_fish_parse_their_scripts_where_installed() {
    for (shell, check) in [("zsh", &["-n"][..]), ("fish", &["--no-execute"])] {
        if !installed(shell) {
            eprintln!("{shell} is not installed: its script is not parsed");
            continue;
        }
        let script = pap(&["completions", shell]).ok();
        let (ok, _, err) = feed(shell, check, &script);
        assert!(ok, "{shell}: {err}");
    }
}

#[test]
fn completions_describe_in_the_interface_language() {
    let fish = pap_env(&["completions", "fish"], &[("LANG", "fr_CA.UTF-8")]).ok();
    assert!(fish.contains("-d 'Les 58 organismes de l"), "{fish}");
}

#[test]
fn the_man_page_renders_without_warnings() {
    let page = pap(&["man"]).ok();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..80]);
    assert!(page.contains(".TH pap-tui 1"), "roff title");
    if !installed("groff") {
        eprintln!("groff is not installed: the page is not rendered (apt-get install groff)");
        return;
    }
    // -k: the page is UTF-8 (accents in French names); -ww: every warning.
    for lang in ["C", "fr_CA.UTF-8"] {
        let page = pap_env(&["man"], &[("LANG", lang)]).ok();
        let (ok, text, err) = feed("groff", &["-k", "-man", "-Tutf8", "-ww"], &page);
        assert!(ok && err.is_empty(), "{lang}: groff: {err}");
        // groff emboldens by overstriking (`N\x08N`), hyphenates and adjusts;
        // the words are there all the same.
        let mut plain = String::new();
        for c in text.chars() {
            if c == '\u{8}' {
                plain.pop();
            } else {
                plain.push(c);
            }
        }
        let flat: String = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        let flat = flat.replace("‐ ", "").replace("- ", "-");
        let worded = if lang == "C" {
            ["COMMANDS", "EXIT STATUS", "search found nothing"]
        } else {
            ["COMMANDES", "CODE DE RETOUR", "search n'a rien trouvé"]
        };
        for word in ["SYNOPSIS", "--format", "PAP_TUI_CLIPBOARD"]
            .iter()
            .chain(&worded)
        {
            assert!(flat.contains(word), "{lang}: no {word} in\n{plain}");
        }
    }
    if installed("man") {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pap-tui.1");
        std::fs::write(&file, &page).unwrap();
        let out = Command::new("man")
            .arg("-l")
            .arg(&file)
            .env("MANWIDTH", "80")
            .env("MANPAGER", "cat")
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        // man justifies lines: words may be two spaces apart.
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains("pap-tui search"), "{text}");
    }
}
