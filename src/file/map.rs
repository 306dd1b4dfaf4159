//! A large file mapped from the system's page cache rather than copied into
//! fresh memory: the pages are already in memory, so nothing is copied and
//! the process does not ask the system for hundreds of megabytes at start
//! (on a virtual machine, fresh memory is what makes a start slow at times).
//!
//! The risk of a mapping: when another program makes the file shorter while
//! it is mapped, reading past its new end raises `SIGBUS`, which would end the
//! process without a word. While a map lives, `SIGBUS` is caught: the handler
//! writes a message naming the file and ends the process with status 2, the
//! status of a dataset that does not load. Datasets load before the terminal
//! is touched, so there is no screen to restore and no session to save then.

use std::fs::File;
use std::os::fd::AsRawFd;
use std::sync::Mutex;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

/// A file's bytes, mapped read-only; unmapped when dropped.
pub struct Map {
    ptr: *const u8,
    len: usize,
}

// SAFETY: the mapping is read-only and owned by this value alone; shared
// references to its bytes are as safe to send and share as a `&[u8]`.
unsafe impl Send for Map {}
// SAFETY: as above.
unsafe impl Sync for Map {}

/// The message the `SIGBUS` handler writes, set before a map is made.
static MESSAGE: AtomicPtr<u8> = AtomicPtr::new(std::ptr::null_mut());
static MESSAGE_LEN: AtomicUsize = AtomicUsize::new(0);

/// How many maps live, and the handler that was in place before the first.
static LIVE: Mutex<(usize, Option<libc::sigaction>)> = Mutex::new((0, None));

/// Writes the message and ends the process: both calls are safe in a
/// signal handler.
extern "C" fn cut_short(_: libc::c_int) {
    let (ptr, len) = (
        MESSAGE.load(Ordering::Acquire),
        MESSAGE_LEN.load(Ordering::Acquire),
    );
    // SAFETY: `ptr` and `len` describe a leaked, never freed message.
    unsafe {
        if !ptr.is_null() {
            libc::write(libc::STDERR_FILENO, ptr.cast(), len);
        }
        libc::_exit(2);
    }
}

impl Map {
    /// `size` bytes of `file` mapped, `None` when the system refuses (the
    /// caller reads the file instead). `name` is how the message names it.
    pub fn new(file: &File, size: u64, name: &str) -> Option<Map> {
        let len = usize::try_from(size).ok().filter(|&n| n > 0)?;
        let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        let message = format!(
            "pap-tui: {}: another program cut the file short while it was read; \
             nothing was changed, try again once it is written\n",
            crate::text::line(name)
        );
        let message: &'static mut [u8] = Box::leak(message.into_bytes().into_boxed_slice());
        MESSAGE_LEN.store(message.len(), Ordering::Release);
        MESSAGE.store(message.as_mut_ptr(), Ordering::Release);
        if live.0 == 0 {
            live.1 = catch_sigbus();
        }
        // SAFETY: a new read-only private mapping of an open file; its
        // address and length are checked before use.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE | libc::MAP_POPULATE,
                file.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED || ptr.is_null() {
            if live.0 == 0 {
                restore(live.1.take());
            }
            return None;
        }
        live.0 += 1;
        Some(Map {
            ptr: ptr.cast_const().cast(),
            len,
        })
    }
}

/// Puts [`cut_short`] in place for `SIGBUS`; the handler it replaced.
fn catch_sigbus() -> Option<libc::sigaction> {
    // SAFETY: a zeroed `sigaction` is a valid value to fill in; the handler
    // only calls functions that are safe in a signal handler.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = cut_short as extern "C" fn(libc::c_int) as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        let mut previous: libc::sigaction = std::mem::zeroed();
        (libc::sigaction(libc::SIGBUS, &action, &mut previous) == 0).then_some(previous)
    }
}

fn restore(previous: Option<libc::sigaction>) {
    if let Some(previous) = previous {
        // SAFETY: puts back the handler `sigaction` returned.
        unsafe { libc::sigaction(libc::SIGBUS, &previous, std::ptr::null_mut()) };
    }
}

impl std::ops::Deref for Map {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        // SAFETY: `ptr` maps `len` readable bytes until `drop`.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl Drop for Map {
    fn drop(&mut self) {
        let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
        // SAFETY: unmaps what `new` mapped, once; no reference outlives `self`.
        unsafe { libc::munmap(self.ptr.cast_mut().cast(), self.len) };
        live.0 = live.0.saturating_sub(1);
        if live.0 == 0 {
            restore(live.1.take());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_of(dir: &std::path::Path, len: usize) -> std::path::PathBuf {
        let path = dir.join("large.json");
        let content: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
        std::fs::write(&path, content).expect("write");
        path
    }

    #[test]
    fn a_mapped_file_holds_its_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = file_of(dir.path(), 100_000);
        let file = File::open(&path).expect("open");
        let map = Map::new(&file, 100_000, "large.json").expect("mapped");
        assert!(*map == std::fs::read(&path).expect("read")[..]);
        assert!(Map::new(&file, 0, "empty").is_none(), "nothing to map");
        let handler = || {
            // SAFETY: reads the current action without changing it.
            unsafe {
                let mut now: libc::sigaction = std::mem::zeroed();
                libc::sigaction(libc::SIGBUS, std::ptr::null(), &mut now);
                now.sa_sigaction
            }
        };
        let ours = cut_short as extern "C" fn(libc::c_int) as libc::sighandler_t;
        assert_eq!(handler(), ours, "caught while the map lives");
        drop(map);
        assert_ne!(handler(), ours, "the previous handler back once it is gone");
    }

    /// The child's part of the next test: maps a file, has it cut short,
    /// reads its last byte. The handler ends the process before the end.
    fn cut_while_mapped(dir: &std::path::Path) {
        let path = file_of(dir, 1 << 20);
        let file = File::open(&path).expect("open");
        let map = Map::new(&file, 1 << 20, "cut\u{1b}[2J.json").expect("mapped");
        File::options()
            .write(true)
            .open(&path)
            .and_then(|f| f.set_len(0))
            .expect("cut");
        let last = std::hint::black_box(map[map.len() - 1]);
        println!("read {last} past the end");
        std::process::exit(0);
    }

    #[test]
    fn a_file_cut_short_while_mapped_ends_the_process_with_a_message() {
        const CHILD: &str = "PAP_TUI_TEST_CUT_WHILE_MAPPED";
        if let Some(dir) = std::env::var_os(CHILD) {
            cut_while_mapped(std::path::Path::new(&dir));
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let out = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "file::map::tests::a_file_cut_short_while_mapped_ends_the_process_with_a_message",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, dir.path())
            .output()
            .expect("run the child");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(
                "pap-tui: cut\\x1B[2J.json: another program cut the file short while it was read"
            ),
            "{stderr}"
        );
        assert!(!String::from_utf8_lossy(&out.stdout).contains("past the end"));
    }
}
