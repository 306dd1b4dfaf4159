//! The explorer's output: each frame gathered whole and written at once.

use std::io::{self, Write};

/// Room for a frame: the first frame at 200×60 takes about 14 KB.
const ROOM: usize = 64 * 1024;

/// Gathers what the backend writes and sends it to `out` in one write when
/// flushed; ratatui flushes once a frame is drawn. The standard output alone
/// would send a frame in pieces of 1 KiB, and a terminal could show half of it
/// over the last one. Unlike a `BufWriter`, it never writes on its own: a
/// frame left unfinished by a panic is dropped, not written over the shell
/// once the terminal has been restored.
pub(crate) struct FrameWriter<W: Write> {
    frame: Vec<u8>,
    out: W,
}

impl<W: Write> FrameWriter<W> {
    pub(crate) fn new(out: W) -> FrameWriter<W> {
        FrameWriter {
            frame: Vec::with_capacity(ROOM),
            out,
        }
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let sent = self.out.write_all(&self.frame);
        self.frame.clear();
        sent.and_then(|()| self.out.flush())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Each write call that reached the terminal, as it came.
    #[derive(Clone, Default)]
    struct Terminal(Rc<RefCell<Vec<Vec<u8>>>>);

    impl Write for Terminal {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().push(bytes.to_vec());
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_reaches_the_terminal_in_one_write_when_flushed() {
        let terminal = Terminal::default();
        let mut out = FrameWriter::new(terminal.clone());
        for cell in 0..5_000 {
            write!(out, "\x1b[{cell}H█").expect("gathered");
        }
        assert!(terminal.0.borrow().is_empty(), "nothing before the flush");
        out.flush().expect("flushed");
        let writes = terminal.0.borrow();
        assert_eq!(writes.len(), 1, "one write");
        assert!(writes[0].starts_with(b"\x1b[0H") && writes[0].ends_with("\x1b[4999H█".as_bytes()));
        drop(writes);
        write!(out, "next").expect("gathered");
        out.flush().expect("flushed");
        assert_eq!(
            terminal.0.borrow().last().map(Vec::as_slice),
            Some(&b"next"[..])
        );
    }

    #[test]
    fn an_unfinished_frame_is_dropped_unwritten() {
        let terminal = Terminal::default();
        let mut out = FrameWriter::new(terminal.clone());
        write!(out, "half a frame").expect("gathered");
        drop(out);
        assert!(terminal.0.borrow().is_empty());
    }
}
