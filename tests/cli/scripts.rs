//! The scripts in `scripts/`: they parse, and they look for what cargo built
//! in cargo's target directory, wherever CARGO_TARGET_DIR puts it.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn every_script_parses() {
    let mut scripts = 0;
    for entry in std::fs::read_dir(Path::new(ROOT).join("scripts")).unwrap() {
        let path = entry.unwrap().path();
        let out = Command::new("bash").arg("-n").arg(&path).output().unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        scripts += 1;
    }
    assert!(scripts >= 4, "{scripts}");
}

/// What scripts/target-dir.sh prints, run from `cwd` with CARGO_TARGET_DIR
/// set to `dir` (or removed).
fn target_dir(dir: Option<&str>, cwd: &Path) -> String {
    let mut command = Command::new(Path::new(ROOT).join("scripts/target-dir.sh"));
    command.current_dir(cwd);
    match dir {
        Some(d) => command.env("CARGO_TARGET_DIR", d),
        None => command.env_remove("CARGO_TARGET_DIR"),
    };
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

#[test]
fn scripts_find_the_target_directory_cargo_uses() {
    let elsewhere = tempfile::tempdir().unwrap();
    let absolute = elsewhere.path().join("build");
    let absolute = absolute.to_str().unwrap();
    assert_eq!(target_dir(Some(absolute), elsewhere.path()), absolute);
    // A relative one is taken from the project's root, where the scripts run cargo.
    assert_eq!(
        target_dir(Some("out/here"), elsewhere.path()),
        format!("{ROOT}/out/here")
    );
    let default = target_dir(None, elsewhere.path());
    assert!(default.starts_with('/'), "{default}");
    // No script names target/ itself any more.
    for name in ["e2e-speed.sh", "bench-vs-fzf.sh", "speed-table.sh"] {
        let text = std::fs::read_to_string(Path::new(ROOT).join("scripts").join(name)).unwrap();
        assert!(!text.contains("/target/"), "{name} names target/");
        assert!(text.contains("target-dir.sh"), "{name}");
    }
}
