//! What the command line leaves around it when it is stopped or limited: a
//! signal while the index is stored or a database exported, a file-size limit
//! (`ulimit -f`), and a cache directory that other users can write in.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::{arg, command, files, write_dataset};

/// A dataset large enough that storing its index or exporting it takes a
/// while, written once for the whole test run.
fn large_dataset() -> &'static Path {
    static DATA: std::sync::OnceLock<(tempfile::TempDir, PathBuf)> = std::sync::OnceLock::new();
    &DATA
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("tempdir");
            let data = pap_tui::synthetic::dataset(60_000).expect("synthetic dataset");
            let path = write_dataset(dir.path(), "large.json", &data);
            (dir, path)
        })
        .1
}

fn is_temporary(name: &str) -> bool {
    name.ends_with(".tmp") || name.ends_with("-journal")
}

/// Waits until a temporary file is in `dir` while `child` runs, then sends
/// it `signal`; whether the signal came while the file was there.
fn signal_while_writing(child: &mut Child, dir: &Path, signal: i32) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if files(dir).iter().any(|n| is_temporary(n)) {
            let pid = i32::try_from(child.id()).expect("a pid");
            // SAFETY: sends a signal to the child this test started.
            assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
            return true;
        }
        if child.try_wait().expect("try_wait").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("no temporary file within the deadline");
}

/// How a run ended, as a shell sees it: its status, or 128 + its signal.
fn status(child: &mut Child) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    let status = child.wait().expect("wait");
    status
        .code()
        .or_else(|| status.signal().map(|s| 128 + s))
        .unwrap_or(-1)
}

const ENDING: [i32; 3] = [libc::SIGTERM, libc::SIGHUP, libc::SIGINT];

#[test]
fn a_signal_while_the_index_is_stored_leaves_no_temporary_file() {
    let data = large_dataset();
    for signal in ENDING {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = dir.path().join("cache");
        let args = ["search", "--data", arg(data), "montreal"];
        let env = [("LANG", "C"), ("PAP_TUI_CACHE_DIR", arg(&cache))];
        // The first sight marks the file; the second stores its index.
        let first = command(&args, &env).output().expect("runs");
        assert!(first.status.success());
        let mut child = command(&args, &env)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs");
        let caught = signal_while_writing(&mut child, &cache, signal);
        let code = status(&mut child);
        assert!(caught, "{signal}: the index was stored before it came");
        assert_eq!(code, 128 + signal, "{signal}");
        let left: Vec<String> = files(&cache)
            .into_iter()
            .filter(|n| is_temporary(n))
            .collect();
        assert!(left.is_empty(), "{signal}: {left:?} left in the cache");
    }
}

#[test]
fn a_signal_during_an_sqlite_export_leaves_nothing_behind() {
    let data = large_dataset();
    for signal in ENDING {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("pap.db");
        let args = [
            "export",
            "--data",
            arg(data),
            "--format",
            "sqlite",
            "-o",
            arg(&out),
        ];
        let mut child = command(&args, &[("LANG", "C")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs");
        let caught = signal_while_writing(&mut child, dir.path(), signal);
        let code = status(&mut child);
        assert!(caught, "{signal}: the export ended before it came");
        assert_eq!(code, 128 + signal, "{signal}");
        assert!(
            files(dir.path()).is_empty(),
            "{signal}: {:?} left",
            files(dir.path())
        );
    }
}

#[test]
fn search_under_a_file_size_limit_prints_its_hits_and_leaves_no_temporary_file() {
    let data = large_dataset();
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let run = |limited: bool| {
        let script = if limited {
            "ulimit -f 8; exec \"$@\""
        } else {
            "exec \"$@\""
        };
        let mut sh = std::process::Command::new("sh");
        let mut args = vec!["-c", script, "sh", crate::support::BIN];
        args.extend(["search", "--data", arg(data), "montreal"]);
        sh.args(&args)
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env("PAP_TUI_CACHE_DIR", arg(&cache))
            .stdin(Stdio::null());
        sh.output().expect("runs")
    };
    let expected = run(false);
    assert!(expected.status.success());
    // Seen once: the limited run stores the index, which takes more than 8 KiB.
    let limited = run(true);
    assert_eq!(limited.status.code(), Some(0), "{limited:?}");
    assert_eq!(limited.stdout, expected.stdout);
    assert!(!limited.stdout.is_empty());
    let left: Vec<String> = files(&cache)
        .into_iter()
        .filter(|n| is_temporary(n))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(
        !files(&cache).iter().any(|n| n.ends_with(".idx")),
        "no index stored"
    );
}

#[test]
fn a_cache_directory_others_can_write_in_is_said_once_and_not_used() {
    use std::os::unix::fs::PermissionsExt;
    let data = pap_tui::synthetic::dataset(500).expect("synthetic dataset");
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write_dataset(dir.path(), "data.json", &data);
    let cache = dir.path().join("shared");
    std::fs::create_dir(&cache).expect("mkdir");
    std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let args = ["search", "--data", arg(&data), "montreal"];
    let plain = command(&[&args[..], &["--no-cache"]].concat(), &[("LANG", "C")])
        .output()
        .expect("runs");
    for (lang, words) in [
        ("C", "other users can write"),
        ("fr_CA.UTF-8", "d'autres utilisateurs"),
    ] {
        for _ in 0..3 {
            let run = command(&args, &[("LANG", lang), ("PAP_TUI_CACHE_DIR", arg(&cache))])
                .output()
                .expect("runs");
            assert_eq!(run.status.code(), Some(0));
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert_eq!(stderr.matches(words).count(), 1, "{stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
            if lang == "C" {
                assert_eq!(run.stdout, plain.stdout);
            }
        }
    }
    assert!(files(&cache).is_empty(), "{:?}", files(&cache));
}

#[test]
fn a_new_cache_directory_is_the_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let data = pap_tui::synthetic::dataset(500).expect("synthetic dataset");
    let dir = tempfile::tempdir().expect("tempdir");
    let data = write_dataset(dir.path(), "data.json", &data);
    let cache = dir.path().join("new/cache");
    let args = ["search", "--data", arg(&data), "montreal"];
    for _ in 0..2 {
        let run = command(&args, &[("LANG", "C"), ("PAP_TUI_CACHE_DIR", arg(&cache))])
            .output()
            .expect("runs");
        assert_eq!(run.status.code(), Some(0));
        assert!(run.stderr.is_empty());
    }
    let mode = std::fs::metadata(&cache)
        .expect("made")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o700);
    assert!(files(&cache).iter().any(|n| n.ends_with(".idx")));
}
