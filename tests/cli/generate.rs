//! Shell completions and the man page, checked by the programs that read them:
//! bash (and zsh and fish where installed) parse the scripts, groff and man
//! render the page.

use std::io::Write;
use std::process::{Command, Stdio};

use pap_tui::i18n::{Label, Lang, enter_text, help_text};
use pap_tui::keys::Action;
use pap_tui::keys::table::{Mode, bindings, keys_by_action};

use crate::support::{self, pap, pap_env};

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

/// What the bash script offers after `pap-tui WORDS…` (the last word the
/// one being completed), run in `dir`.
fn bash_completes(script: &str, words: &[&str], dir: &std::path::Path) -> String {
    let cur = words.last().copied().unwrap_or("");
    let prev = words
        .get(words.len().saturating_sub(2))
        .copied()
        .unwrap_or("");
    let probe = format!(
        "{script}\n\
         f=$(complete -p pap-tui | sed 's/.*-F \\([^ ]*\\).*/\\1/')\n\
         COMP_WORDS=(pap-tui {}); COMP_CWORD={}; \"$f\" pap-tui '{cur}' '{prev}'\n\
         echo \"${{COMPREPLY[*]}}\"\n",
        words.join(" "),
        words.len(),
    );
    let mut child = Command::new("bash")
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(probe.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim_end().to_string()
}

#[test]
fn bash_completes_the_regions_of_region_not_file_names() {
    let script = pap(&["completions", "bash"]).ok();
    // Files a file-name completion would offer.
    let dir = tempfile::tempdir().unwrap();
    for name in ["lanaudiere.json", "1.csv"] {
        std::fs::write(dir.path().join(name), "").unwrap();
    }
    let region = |words: &[&str]| bash_completes(&script, words, dir.path());
    assert_eq!(region(&["cities", "--region", "lanau"]), "lanaudiere");
    assert_eq!(
        region(&["organisations", "--region", "1"]),
        "10 11 12 13 14 15 16 17"
    );
    assert_eq!(
        region(&["villes", "--region", "gasp"]),
        "gaspesie-iles-de-la-madeleine"
    );
    // Every code and every name of the embedded data, nothing else.
    let all = region(&["cities", "--region", ""]);
    let offered: Vec<&str> = all.split(' ').collect();
    let regions = pap_tui::data::load(None).expect("embedded").dataset.regions;
    assert_eq!(offered.len(), 2 * regions.len(), "{all}");
    let (codes, names) = offered.split_at(regions.len());
    for ((r, code), name) in regions.iter().zip(codes).zip(names) {
        assert_eq!(*code, r.code, "{all}");
        // The name offered selects its region, and it alone.
        let listed = pap(&["regions", "--region", name, "--format", "csv"]).ok();
        assert_eq!(listed.lines().count(), 2, "{name}: {listed}");
        assert!(listed.contains(&r.name), "{name}: {listed}");
    }
    // Elsewhere, file names are still completed.
    assert_eq!(region(&["export", "--output", "lanau"]), "lanaudiere.json");
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

/// The page as groff renders it, with emboldening (`N\x08N`) undone: None
/// when groff is not installed. Fails on any warning.
fn rendered(lang: &str) -> Option<String> {
    let page = pap_env(&["man"], &[("LANG", lang)]).ok();
    assert!(page.is_ascii(), "{lang}: the page is not ASCII");
    if !installed("groff") {
        eprintln!("groff is not installed: the page is not rendered (apt-get install groff)");
        return None;
    }
    // -ww: every warning. No -k: the page needs no preprocessor.
    let (ok, text, err) = feed("groff", &["-man", "-Tutf8", "-ww"], &page);
    assert!(ok && err.is_empty(), "{lang}: groff: {err}");
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    Some(plain)
}

/// Rendered text with its layout undone: one space between words, and the
/// words groff hyphenated at a line's end whole again.
fn flat(plain: &str) -> String {
    let flat: String = plain.split_whitespace().collect::<Vec<_>>().join(" ");
    flat.replace("‐ ", "").replace("- ", "-")
}

/// The lines of `plain` from the subsection headed `from` to the one headed
/// `to` (groff indents those headings by three spaces).
fn between<'a>(plain: &'a str, from: &str, to: &str) -> &'a str {
    let at = |heading: &str| {
        plain
            .find(&format!("\n   {heading}\n"))
            .unwrap_or_else(|| panic!("no heading {heading} in\n{plain}"))
    };
    &plain[at(from)..at(to)]
}

#[test]
fn the_man_page_renders_without_warnings() {
    let page = pap(&["man"]).ok();
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..80]);
    assert!(page.contains(".TH pap-tui 1"), "roff title");
    for lang in ["C", "fr_CA.UTF-8"] {
        let Some(plain) = rendered(lang) else {
            return;
        };
        let flat = flat(&plain);
        let worded = if lang == "C" {
            [
                "COMMANDS",
                "EXIT STATUS",
                "search found nothing",
                "KEYS",
                "FILES",
                "EXAMPLES",
            ]
        } else {
            [
                "COMMANDES",
                "CODE DE RETOUR",
                "search n'a rien trouvé",
                "TOUCHES",
                "FICHIERS",
                "EXEMPLES",
            ]
        };
        for word in ["SYNOPSIS", "--format", "PAP_TUI_CLIPBOARD", "fr* → fr"]
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

#[test]
fn the_man_page_lists_every_key_of_the_main_screen_from_the_key_table() {
    for (locale, lang) in [("C", Lang::En), ("fr_CA.UTF-8", Lang::Fr)] {
        let Some(plain) = rendered(locale) else {
            return;
        };
        // The keys bound everywhere, then the main screen's own.
        let everywhere = help_text("#keys-everywhere", lang).expect("a heading");
        let section = between(&plain, everywhere, lang.word(Label::ModeSearch));
        assert!(section.contains(lang.word(Label::ModeNormal)), "{section}");
        let tokens: Vec<&str> = section
            .split(|c: char| c.is_whitespace() || c == ',')
            .collect();
        let table = bindings();
        let normal = keys_by_action(&table, Mode::Normal);
        assert!(normal.len() > 25, "{}", normal.len());
        for (action, keys) in &normal {
            for key in keys {
                assert!(
                    tokens.contains(&key.as_str()),
                    "{locale}: {key} ({action:?}) not in\n{section}"
                );
            }
        }
        // Each with what the help overlay says it does there: Enter's meaning
        // is the pane's; every other action says what it does everywhere.
        let section = flat(section);
        for (action, _) in &normal {
            let what = match action {
                Action::Open => enter_text("normal", lang).unwrap_or(action.describe(lang)),
                _ => action.describe(lang),
            };
            assert!(
                section.contains(what),
                "{locale}: no {what:?} in\n{section}"
            );
        }
    }
}

/// Every `PAP_TUI_…` variable named in the program's source.
fn variables_in_source() -> Vec<String> {
    let mut found = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source");
            // What the tests alone read is not the program's.
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (at, _) in text.match_indices("PAP_TUI_") {
                let name: String = text[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                    .collect();
                if !name.ends_with('_') && !found.contains(&name) {
                    found.push(name);
                }
            }
        }
    }
    found
}

#[test]
fn the_man_page_names_every_variable_the_program_reads() {
    let variables = variables_in_source();
    assert!(variables.len() >= 5, "{variables:?}");
    for lang in ["C", "fr_CA.UTF-8"] {
        let Some(plain) = rendered(lang) else {
            return;
        };
        let flat = flat(&plain);
        let heading = if lang == "C" {
            "ENVIRONMENT"
        } else {
            "ENVIRONNEMENT"
        };
        let section = &flat[flat.find(heading).expect(heading)..];
        for name in variables.iter().map(String::as_str).chain([
            "NO_COLOR",
            "LC_ALL",
            "LC_MESSAGES",
            "LANG",
            "TERM",
            "TMUX",
        ]) {
            assert!(section.contains(name), "{lang}: no {name} in\n{plain}");
        }
    }
}

#[test]
fn the_man_page_puts_the_files_where_paths_shows_them() {
    // `pap-tui paths` with each XDG directory named after its variable.
    let xdg = ["XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"];
    let mut paths = support::command(&["paths"], &[("LANG", "C")]);
    for var in [
        "PAP_TUI_CONFIG_DIR",
        "PAP_TUI_STATE_DIR",
        "PAP_TUI_CACHE_DIR",
    ] {
        paths.env_remove(var);
    }
    for var in xdg {
        paths.env(var, format!("/{var}"));
    }
    let out = paths.output().expect("pap-tui paths");
    let shown = String::from_utf8(out.stdout).expect("UTF-8");
    let mut shown = shown;
    for var in xdg {
        shown = shown.replace(&format!("/{var}"), &format!("${var}"));
    }
    let Some(plain) = rendered("C") else {
        return;
    };
    let flat = flat(&plain);
    let files = &flat[flat.find("FILES").expect("FILES")..];
    for line in shown.lines() {
        let (_, path) = line.split_once(' ').expect("a name and a path");
        let path = path.trim();
        assert!(path.starts_with("$XDG_"), "{shown}");
        assert!(files.contains(path), "no {path} in\n{files}");
    }
}
