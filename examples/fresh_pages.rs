//! What fresh memory costs on this machine, apart from pap-tui's work: takes
//! `MB` megabytes through the binary's allocator (mimalloc, which asks for
//! transparent huge pages unless `MIMALLOC_ALLOW_THP=0`), writes one byte in
//! every 4 KiB page, and prints the wall, user and system time it took.
//!
//! A start of the explorer at 1 000 000 organisations takes about 670 MB of
//! fresh memory; run this at that size, with and without huge pages,
//! alternating, to see whether the machine's starts are bimodal on their own:
//!
//! ```sh
//! cargo run --release --example fresh_pages -- 670
//! MIMALLOC_ALLOW_THP=0 target/release/examples/fresh_pages 670
//! ```

use std::time::Instant;

use anyhow::{Context, bail};

/// The binary's allocator, so that memory is taken as pap-tui takes it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const PAGE: usize = 4096;

/// User and system CPU time of this process so far, in milliseconds.
fn cpu_ms() -> anyhow::Result<(f64, f64)> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes a whole rusage into the pointer on success.
    let usage = unsafe {
        if libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) != 0 {
            bail!("getrusage: {}", std::io::Error::last_os_error());
        }
        usage.assume_init()
    };
    let ms = |t: libc::timeval| t.tv_sec as f64 * 1e3 + t.tv_usec as f64 / 1e3;
    Ok((ms(usage.ru_utime), ms(usage.ru_stime)))
}

fn main() -> anyhow::Result<()> {
    let mb: usize = std::env::args()
        .nth(1)
        .context("usage: fresh_pages MB")?
        .parse()
        .context("MB: a whole number of megabytes")?;
    let (user_before, system_before) = cpu_ms()?;
    let start = Instant::now();
    // Allocated in blocks of 1 MiB, as a parse takes memory a little at a time.
    let mut blocks: Vec<Vec<u8>> = Vec::with_capacity(mb);
    for _ in 0..mb {
        // Zeroed by the kernel when first written, not by the allocator: the
        // memory is fresh from the system.
        let mut block = vec![0u8; 1 << 20];
        for page in block.chunks_mut(PAGE) {
            page[0] = 1;
        }
        blocks.push(block);
    }
    let wall = start.elapsed().as_secs_f64() * 1e3;
    let (user, system) = cpu_ms()?;
    let pages: usize = blocks.iter().map(|b| b.iter().step_by(PAGE).count()).sum();
    println!(
        "{mb} MB, {pages} pages written: wall {wall:.0} ms, user {:.0} ms, system {:.0} ms",
        user - user_before,
        system - system_before
    );
    Ok(())
}
