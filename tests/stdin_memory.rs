//! What reading standard input costs in memory: an endless stream is refused
//! at the 512 MiB limit holding little more than the limit, not twice it (a
//! buffer doubled past the limit for its last byte). Alone in its test binary,
//! because the peak is read from `getrusage(RUSAGE_CHILDREN)`, which covers
//! every child the process has waited for.

#![cfg(target_os = "linux")]

use std::process::{Command, Stdio};

/// The limit on a dataset, `data::limits::MAX_FILE_BYTES`.
const LIMIT: u64 = pap_tui::data::limits::MAX_FILE_BYTES;

/// The largest resident set of the children waited for so far, in bytes.
fn children_peak() -> u64 {
    // SAFETY: getrusage fills the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    // Linux gives kilobytes.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

#[test]
fn an_endless_standard_input_is_refused_holding_about_the_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let out = Command::new(env!("CARGO_BIN_EXE_pap-tui"))
        .args(["validate", "-"])
        .env("LANG", "C")
        .env("PAP_TUI_CACHE_DIR", dir.path())
        .stdin(Stdio::from(zero))
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than the limit"), "{err}");
    let peak = children_peak();
    // The limit, the piece being read and the program itself (564 MiB in a
    // debug build; 1 054 MiB when a buffer doubled for the byte past the limit).
    let allowed = LIMIT + LIMIT / 4;
    assert!(
        peak <= allowed,
        "peak resident set {peak} bytes, above {allowed} (limit {LIMIT})"
    );
}
