//! Writes a synthetic dataset for benchmarks: the embedded one with N generated
//! organisations, as JSON that `pap-tui --data` loads, or with `--names` one
//! organisation label per line for `fzf --filter`.
//!
//! ```sh
//! cargo run --release --example synthetic -- 100000 > big.json
//! cargo run --release --example synthetic -- 100000 --names > names.txt
//! ```

use std::io::{BufWriter, Write};

use anyhow::{Context, bail};
use pap_tui::synthetic;

const USAGE: &str = "usage: synthetic COUNT [--names]";

fn main() -> anyhow::Result<()> {
    let mut count = None;
    let mut names = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--names" => names = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            n => {
                let n: usize = n
                    .replace('_', "")
                    .parse()
                    .with_context(|| format!("{n:?} is not a count; {USAGE}"))?;
                count = Some(n);
            }
        }
    }
    let Some(count) = count else {
        bail!("{USAGE}");
    };
    let data = synthetic::dataset(count)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if names {
        for o in &data.organisations {
            writeln!(out, "{}", o.display_name())?;
        }
    } else {
        serde_json::to_writer(&mut out, &data)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}
