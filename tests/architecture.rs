//! The layers of `docs/architecture.md`, held against the code: every
//! `crate::` path in a module's code (tests aside) must name a module that the
//! table of allowed imports lets it use, and every top-level module must have a
//! row. A new import across the layers fails here until the table says it may.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The table under "## Allowed imports": module -> the modules it may import.
fn allowed() -> BTreeMap<String, BTreeSet<String>> {
    let doc =
        std::fs::read_to_string(root().join("docs/architecture.md")).expect("architecture.md");
    let start = doc
        .find("## Allowed imports")
        .expect("docs/architecture.md has an \"Allowed imports\" section");
    let mut table = BTreeMap::new();
    for line in doc[start..].lines().skip(1) {
        if line.starts_with("## ") {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        // | `module` | `a`, `b` | what it is |
        if cells.len() < 4 || !cells[1].starts_with('`') {
            continue;
        }
        let module = cells[1].trim_matches('`').to_string();
        let may: BTreeSet<String> = cells[2]
            .split(',')
            .map(|m| m.trim().trim_matches('`').to_string())
            .filter(|m| !m.is_empty() && m != "—")
            .collect();
        table.insert(module, may);
    }
    assert!(!table.is_empty(), "the table of allowed imports is empty");
    table
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without its tests and its comments.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named by `crate::` paths in `code`, grouped imports
/// (`use crate::{a::X, b}`) included.
fn imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (i, _) in code.match_indices("crate::") {
        // `pap_tui::crate::` cannot occur; `$crate::` in a macro is skipped.
        if code[..i].ends_with('$') {
            continue;
        }
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group: those at depth 0.
            let mut depth = 0;
            let mut start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && depth == 0 && !c.is_whitespace() => {
                        found.insert(ident(&group[j..]));
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.insert(ident(rest));
        }
    }
    found.retain(|m| !m.is_empty() && m != "self");
    found
}

#[test]
fn every_module_imports_only_what_the_table_allows() {
    let table = allowed();
    let src = root().join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut problems = Vec::new();
    let mut modules = BTreeSet::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let parts: Vec<String> = relative
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if parts.len() == 1 && (parts[0] == "lib.rs" || parts[0] == "main.rs") {
            continue;
        }
        // Test modules kept in files of their own.
        if parts.iter().any(|p| p == "tests" || p == "tests.rs") {
            continue;
        }
        let module = parts[0].trim_end_matches(".rs").to_string();
        modules.insert(module.clone());
        let Some(may) = table.get(&module) else {
            continue;
        };
        let text = std::fs::read_to_string(file).expect("source");
        for import in imports(&code(&text)) {
            if import != module && !may.contains(&import) {
                problems.push(format!(
                    "{} imports crate::{import}, which `{module}` may not",
                    relative.display()
                ));
            }
        }
    }
    for module in &modules {
        if !table.contains_key(module) {
            problems.push(format!(
                "module `{module}` has no row in docs/architecture.md's allowed imports"
            ));
        }
    }
    for module in table.keys() {
        if !modules.contains(module) {
            problems.push(format!(
                "docs/architecture.md lists `{module}`, which src/ does not have"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_file_name_is_used_once() {
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(root()).expect("under the root");
        if relative.iter().any(|p| p == "tests" || p == "tests.rs") {
            continue;
        }
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        seen.entry(name)
            .or_default()
            .push(relative.display().to_string());
    }
    let twice: Vec<String> = seen
        .into_iter()
        .filter(|(_, paths)| paths.len() > 1)
        .map(|(name, paths)| format!("{name}: {}", paths.join(", ")))
        .collect();
    assert!(
        twice.is_empty(),
        "file names used twice:\n{}",
        twice.join("\n")
    );
}

#[test]
fn imports_are_read_from_paths_and_groups() {
    let code = "use crate::data::{City, Region};\nuse crate::{search::Index, text, i18n::{Lang, Text}};\nlet x = crate::geo::project(p);\nmacro_rules! m { () => { $crate::ui::x } }";
    let found: Vec<String> = imports(code).into_iter().collect();
    assert_eq!(found, ["data", "geo", "i18n", "search", "text"]);
}

#[test]
fn a_forbidden_import_is_found() {
    // The check itself: the command line naming the explorer's state.
    let table = allowed();
    let cli = table.get("cli").expect("cli row");
    let found = imports("use crate::app::App;");
    assert!(found.iter().any(|m| !cli.contains(m)), "{found:?}");
}
