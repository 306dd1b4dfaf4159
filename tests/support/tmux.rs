//! Drives the real binary inside a private tmux server: send keys, read the
//! screen, wait for text with a deadline (never a bare sleep).

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    /// Config and state directories of this run, unless the test gave its own.
    pub home: tempfile::TempDir,
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

impl Tmux {
    /// Starts `command` in a new tmux server of its own, `width`×`height`.
    /// `options` are tmux options set before the program starts.
    pub fn start(
        name: &str,
        width: u16,
        height: u16,
        env: &[(&str, &str)],
        options: &[&str],
        args: &[&str],
    ) -> Tmux {
        assert!(
            tmux_available(),
            "tmux is required for end-to-end tests: install it (apt-get install tmux, brew install tmux); .ci/run does"
        );
        let socket = format!("pap-tui-{name}-{}", std::process::id());
        let home = tempfile::tempdir().expect("tempdir");
        let tmux = Tmux { socket, home };
        let binary = PathBuf::from(env!("CARGO_BIN_EXE_pap-tui"));
        // Start a shell-less placeholder session, set options, then run the app in it.
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            "-s",
            "main",
            "cat",
        ]);
        for option in options {
            let parts: Vec<&str> = option.split_whitespace().collect();
            let mut cmd = vec!["set-option", "-g"];
            cmd.extend(parts);
            tmux.run(&cmd);
        }
        let mut command = String::from("env");
        // Never read or write the user's own config and state.
        for var in ["PAP_TUI_CONFIG_DIR", "PAP_TUI_STATE_DIR"] {
            if !env.iter().any(|(k, _)| *k == var) {
                command.push_str(&format!(" {var}='{}'", tmux.home.path().display()));
            }
        }
        for (k, v) in env {
            command.push_str(&format!(" {k}='{v}'"));
        }
        command.push_str(&format!(" '{}'", binary.display()));
        for a in args {
            command.push_str(&format!(" '{a}'"));
        }
        // tmux does not always learn a quickly-exiting program's status, so a
        // shell records it in a file.
        let status = tmux.home.path().join("exit-status");
        let wrapped = format!("sh -c \"{command}; echo \\$? > '{}'\"", status.display());
        tmux.run(&["respawn-pane", "-k", "-t", "main", &wrapped]);
        tmux
    }

    /// The program's exit status (128 + N for signal N), once it has exited.
    pub fn exit_status(&self) -> String {
        let path = self.home.path().join("exit-status");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Ok(text) = std::fs::read_to_string(&path)
                && text.ends_with('\n')
            {
                return text.trim().to_string();
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The process id of the program (the child of the pane's shell).
    pub fn program_pid(&self) -> u32 {
        let out = self.run(&["display", "-p", "-t", "main", "#{pane_pid}"]);
        let shell = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"))
                .unwrap_or_default();
            if let Some(pid) = children
                .split_whitespace()
                .next()
                .and_then(|p| p.parse().ok())
            {
                return pid;
            }
            assert!(
                Instant::now() < deadline,
                "no program under the pane's shell {shell}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The name of this test's tmux server socket (`tmux -L NAME`).
    pub fn socket(&self) -> &str {
        &self.socket
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// The screen and the scrollback, wrapped lines joined: for what a program
    /// printed after leaving the alternate screen.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(
            &self
                .run(&["capture-pane", "-p", "-J", "-S", "-200", "-t", "main"])
                .stdout,
        )
        .into_owned()
    }

    /// Sends keys as tmux names them (`Enter`, `Escape`, `j`, `C-c`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend(keys);
        self.run(&args);
    }

    /// Types literal text.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "main", "-l", text]);
    }

    /// Waits until `check` holds for the screen, or panics with the screen.
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }

    /// Whether the pane's program has exited.
    pub fn pane_dead(&self) -> bool {
        let out = self.run(&["list-panes", "-t", "main", "-F", "#{pane_dead}"]);
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}
