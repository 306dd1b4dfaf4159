//! Help, version, argument errors, French aliases and the interface language.

use crate::support::{pap, pap_env};

#[test]
fn help_names_every_subcommand_and_alias() {
    let out = pap(&["--help"]).ok();
    assert!(out.starts_with("Explore MIFI's access-to-information decision 18159"));
    assert!(out.contains("Usage: pap-tui [OPTIONS] [COMMAND]"), "{out}");
    for word in [
        "search",
        "regions",
        "organisations",
        "cities",
        "funding",
        "articles",
        "export",
        "validate",
        "organismes",
        "villes",
        "financement",
        "--data <PATH>",
        "--lang <LANG>",
    ] {
        assert!(out.contains(word), "--help lacks {word:?}:\n{out}");
    }
}

#[test]
fn subcommand_help_lists_its_options() {
    let out = pap(&["search", "--help"]).ok();
    for word in ["--limit", "--kind", "--format", "organisation", "document"] {
        assert!(out.contains(word), "search --help lacks {word:?}:\n{out}");
    }
    let out = pap(&["cities", "--help"]).ok();
    assert!(out.contains("--region <CODE|NAME>"), "{out}");
    assert!(out.contains("[possible values: text, json, csv]"), "{out}");
}

#[test]
fn version_is_the_crate_version() {
    assert_eq!(
        pap(&["--version"]).ok(),
        format!("pap-tui {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn unknown_subcommand_and_bad_values_exit_2() {
    let err = pap(&["bogus"]).error();
    assert!(err.contains("unrecognized subcommand 'bogus'"), "{err}");
    let cases: &[&[&str]] = &[
        &["cities", "--format", "xml"],
        &["search", "laval", "--format", "csv"],
        &["search", "laval", "--kind", "planet"],
        &["search", "laval", "--limit", "many"],
        &["search", "laval", "--limit", "0"],
        &["export", "--format", "text"],
        &["--lang", "de", "regions"],
        &["search"],
        &["validate"],
        &["regions", "--no-such-flag"],
    ];
    for args in cases {
        let err = pap(args).error();
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[test]
fn french_aliases_give_the_same_output() {
    for (english, french) in [
        ("organisations", "organismes"),
        ("cities", "villes"),
        ("funding", "financement"),
        ("regions", "régions"),
    ] {
        for format in ["text", "csv", "json"] {
            let want = pap(&[english, "--format", format]).ok();
            assert!(!want.is_empty());
            assert_eq!(pap(&[french, "--format", format]).ok(), want, "{french}");
        }
    }
}

/// The first line of `pap-tui cities` in this environment.
fn cities_header(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut all = vec!["cities"];
    all.extend(args);
    let out = pap_env(&all, env).ok();
    out.lines().next().unwrap_or_default().to_string()
}

#[test]
fn language_comes_from_the_locale_in_posix_order() {
    let french = "VILLE                    RÉGION                               ACCOMPAGNÉES";
    let english = "CITY                     REGION                               ACCOMPANIED";
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[], english),
        (&[("LANG", "C")], english),
        (&[("LANG", "fr_CA.UTF-8")], french),
        (&[("LANG", "fr")], french),
        (&[("LANG", "en_CA.UTF-8")], english),
        (
            &[("LC_ALL", "en_US.UTF-8"), ("LANG", "fr_CA.UTF-8")],
            english,
        ),
        (
            &[("LC_ALL", "fr_FR.UTF-8"), ("LANG", "en_US.UTF-8")],
            french,
        ),
        (&[("LC_MESSAGES", "fr_BE"), ("LANG", "en_US.UTF-8")], french),
        (&[("LC_ALL", ""), ("LANG", "fr_CA.UTF-8")], french),
    ];
    for (env, want) in cases {
        assert_eq!(cities_header(&[], env), *want, "{env:?}");
    }
}

#[test]
fn lang_option_overrides_the_locale() {
    let fr = [("LANG", "fr_CA.UTF-8")];
    let en = [("LC_ALL", "en_US.UTF-8")];
    assert!(cities_header(&["--lang", "en"], &fr).starts_with("CITY "));
    assert!(cities_header(&["--lang", "fr"], &en).starts_with("VILLE "));
    // Global: accepted before the subcommand too.
    let out = pap_env(&["--lang", "fr", "funding"], &en).ok();
    assert!(out.starts_with("ORGANISME "), "{out}");
}

#[test]
fn config_lists_every_problem_the_explorer_would_report() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "theme = \"pink\"\n[keys]\nquit = \"x\"\ndown = [\"x\", \"f5\"]\nfly = \"z\"\n",
    )
    .unwrap();
    let config_dir = dir.path().to_str().unwrap();
    let run = pap_env(&["config"], &[("PAP_TUI_CONFIG_DIR", config_dir)]).code(2);
    let file = dir.path().join("config.toml");
    let file = file.display();
    assert_eq!(
        run.stderr,
        format!(
            "pap-tui: {file}: theme = \"pink\": expected \"dark\", \"light\" or \"mono\"\n\
             pap-tui: {file}: [keys] unknown action \"fly\"\n\
             pap-tui: {file}: [keys] x is bound to both down and quit; down wins\n"
        )
    );
}

#[test]
fn settings_commands_need_no_dataset() {
    let broken = &["--data", "/nonexistent/pap.json"];
    let paths = pap(&[broken[0], broken[1], "paths"]).ok();
    assert!(paths.starts_with("config  "), "{paths}");
    let default = pap(&[broken[0], broken[1], "config", "--print-default"]).ok();
    assert!(default.starts_with("# pap-tui configuration"), "{default}");
}

#[test]
fn the_readme_shows_the_default_config_as_printed() {
    let printed = pap(&["config", "--print-default"]).ok();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    assert!(
        readme.contains(&format!("```toml\n{printed}```\n")),
        "README's config example differs from `pap-tui config --print-default`"
    );
}
