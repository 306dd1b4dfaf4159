//! Help, version, argument errors, French aliases and the interface language.

use pap_tui::i18n::Lang;

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
    for word in ["--limit", "--kind", "--format", "--data <PATH>"] {
        assert!(out.contains(word), "search --help lacks {word:?}:\n{out}");
    }
    let out = pap(&["cities", "--help"]).ok();
    assert!(out.contains("--region <CODE|NAME>"), "{out}");
    assert!(
        out.contains("[possible values: text, json, csv, markdown]"),
        "{out}"
    );
}

/// Every subcommand's name, from the definitions the binary parses with.
fn subcommands() -> Vec<String> {
    pap_tui::cli::command(Lang::En)
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|name| name != "help")
        .collect()
}

#[test]
fn version_is_the_crate_version_on_every_subcommand() {
    let want = format!("pap-tui {}\n", env!("CARGO_PKG_VERSION"));
    assert_eq!(pap(&["--version"]).ok(), want);
    let names = subcommands();
    assert_eq!(names.len(), 14, "{names:?}");
    for name in &names {
        assert_eq!(pap(&[name, "--version"]).ok(), want, "{name} --version");
        assert_eq!(pap(&[name, "-V"]).ok(), want, "{name} -V");
    }
}

#[test]
fn every_kind_search_accepts_is_listed_in_its_help() {
    let help = pap(&["search", "--help"]).ok();
    let cmd = pap_tui::cli::command(Lang::En);
    let search = cmd.find_subcommand("search").expect("search");
    let kind = search
        .get_arguments()
        .find(|a| a.get_id() == "kind")
        .expect("--kind");
    let mut accepted = Vec::new();
    for value in kind.get_possible_values() {
        accepted.extend(value.get_name_and_aliases().map(str::to_string));
    }
    assert!(accepted.len() >= 8, "{accepted:?}");
    let line = help
        .lines()
        .find(|l| l.contains("--kind"))
        .expect("a --kind line");
    for name in &accepted {
        assert!(line.contains(name.as_str()), "{name} missing from {line}");
        // And each is taken for real.
        let run = pap(&["search", "--kind", name, "18159"]);
        assert_ne!(run.code, 2, "--kind {name}: {}", run.stderr);
    }
    assert!(line.contains("letter (also document, lettre)"), "{line}");
}

#[test]
fn data_is_offered_only_where_a_dataset_is_read() {
    let cmd = pap_tui::cli::command(Lang::En);
    for sub in cmd.get_subcommands() {
        let has = sub.get_arguments().any(|a| a.get_id() == "data");
        let reads = [
            "search",
            "cite",
            "starred",
            "regions",
            "organisations",
            "cities",
            "funding",
            "articles",
            "export",
        ]
        .contains(&sub.get_name());
        assert_eq!(has, reads, "{}: --data offered = {has}", sub.get_name());
    }
    for name in ["paths", "config", "validate", "completions", "man"] {
        let mut after = vec![name];
        if name == "validate" || name == "completions" {
            after.push(if name == "validate" { "x.json" } else { "bash" });
        }
        let mut before = vec!["--data", "pap.json"];
        before.extend(&after);
        let err = pap(&before).error();
        assert!(
            err.starts_with("error: --data does not apply to"),
            "{name}: {err}"
        );
        after.extend(["--data", "pap.json"]);
        let err = pap(&after).error();
        assert!(
            err.starts_with("error: unexpected argument '--data'"),
            "{name}: {err}"
        );
    }
    let err = pap(&["--data", "a.json", "regions", "--data", "b.json"]).error();
    assert!(err.contains("--data is given twice"), "{err}");
}

#[test]
fn data_is_taken_before_or_after_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pap.json");
    std::fs::write(&path, pap(&["export"]).ok()).unwrap();
    let path = path.to_str().unwrap();
    let want = pap(&["regions"]).ok();
    assert_eq!(pap(&["--data", path, "regions"]).ok(), want);
    assert_eq!(pap(&["regions", "--data", path]).ok(), want);
    let err = pap(&["regions", "--data", "/nonexistent/pap.json"]).error();
    assert!(err.contains("/nonexistent/pap.json"), "{err}");
}

#[test]
fn help_follows_the_interface_language() {
    let fr = pap_env(&["export", "--help"], &[("LANG", "fr_CA.UTF-8")]).ok();
    for words in [
        "Utilisation : pap-tui export [OPTIONS]",
        "--output <FICHIER>",
        "[valeurs possibles : json, csv, markdown, sqlite, geojson] [par défaut : json]",
        "Afficher l'aide",
    ] {
        assert!(fr.contains(words), "{words:?} not in\n{fr}");
    }
    // --lang wins over the locale, before or after the subcommand.
    for args in [
        &["--lang", "en", "export", "--help"][..],
        &["export", "--help", "--lang=en"],
    ] {
        let en = pap_env(args, &[("LANG", "fr_CA.UTF-8")]).ok();
        assert!(
            en.contains("Usage: pap-tui export [OPTIONS]"),
            "{args:?}: {en}"
        );
    }
    let top = pap_env(&["--help"], &[("LANG", "fr_CA.UTF-8")]).ok();
    assert!(top.contains("Commandes:"), "{top}");
    assert!(top.starts_with("Explorer la décision"), "{top}");
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
    let french =
        "VILLE                    RÉGION                                          ACCOMPAGNÉES";
    let english =
        "CITY                     REGION                                       ACCOMPANIED";
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
fn settings_commands_read_no_dataset() {
    let paths = pap(&["paths"]).ok();
    assert!(paths.starts_with("config  "), "{paths}");
    let default = pap(&["config", "--print-default"]).ok();
    assert!(default.starts_with("# pap-tui configuration"), "{default}");
}

#[test]
fn the_settings_page_shows_the_default_config_as_printed() {
    let printed = pap(&["config", "--print-default"]).ok();
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/settings.md"))
        .expect("docs/settings.md");
    assert!(
        page.contains(&format!("```toml\n{printed}```\n")),
        "docs/settings.md's config example differs from `pap-tui config --print-default`"
    );
}

#[test]
fn the_command_lines_own_errors_follow_the_interface_language() {
    let fr = [("LANG", "fr_CA.UTF-8")];
    let err = pap_env(&["articles", "--region", "14"], &fr).error();
    assert!(
        err.starts_with("pap-tui : les articles valent")
            || err.starts_with("pap-tui: les articles valent"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pap.json");
    std::fs::write(&file, "mine").unwrap();
    let err = pap_env(&["export", "-o", file.to_str().unwrap()], &fr).error();
    assert!(err.contains("pap.json : existe déjà"), "{err}");
    let err = pap_env(&["--data", "x.json", "paths"], &fr).error();
    assert!(
        err.contains("--data ne s'applique pas à « paths »"),
        "{err}"
    );
    let err = pap_env(&["search", ""], &fr).error();
    assert!(
        err.contains("la requête n'a aucun terme de recherche"),
        "{err}"
    );
}
