//! A one-line progress display on standard error, shown only when it is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Progress of a run: documents and bytes done, rate, and an ETA when the total is known.
pub struct Progress {
    enabled: bool,
    started: Instant,
    last_draw: Option<Instant>,
    total_bytes: Option<u64>,
}

impl Progress {
    /// A display that draws only if `wanted` and standard error is a terminal.
    pub fn new(wanted: bool, total_bytes: Option<u64>) -> Progress {
        Progress {
            enabled: wanted && std::io::stderr().is_terminal(),
            started: Instant::now(),
            last_draw: None,
            total_bytes,
        }
    }

    /// Whether anything will be drawn.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Updates the display (at most five times a second).
    pub fn update(&mut self, docs: u64, bytes: u64, failed: u64) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        if self
            .last_draw
            .is_some_and(|last| now - last < Duration::from_millis(200))
        {
            return;
        }
        self.last_draw = Some(now);
        let seconds = (now - self.started).as_secs_f64().max(1e-9);
        let rate = bytes as f64 / seconds;
        let mut line = format!(
            "{docs} docs, {:.1} MB, {:.1} MB/s, {:.0} docs/s",
            bytes as f64 / 1e6,
            rate / 1e6,
            docs as f64 / seconds
        );
        if failed > 0 {
            line.push_str(&format!(", {failed} failed"));
        }
        if let Some(total) = self.total_bytes.filter(|&t| t > 0) {
            let done = (bytes as f64 / total as f64).min(1.0);
            let eta = if rate > 0.0 {
                total.saturating_sub(bytes) as f64 / rate
            } else {
                0.0
            };
            line.push_str(&format!(
                ", {:.0}%, ETA {}",
                done * 100.0,
                format_seconds(eta)
            ));
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    }

    /// Clears the line.
    pub fn finish(&mut self) {
        if self.enabled && self.last_draw.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }

    /// Lets a message through without garbling the display line.
    pub fn message(&mut self, message: &str) {
        let mut err = std::io::stderr().lock();
        if self.enabled && self.last_draw.is_some() {
            let _ = write!(err, "\r\x1b[2K");
            self.last_draw = None;
        }
        let _ = writeln!(err, "{message}");
    }
}

fn format_seconds(seconds: f64) -> String {
    let seconds = seconds.round() as u64;
    if seconds >= 3600 {
        format!("{}h{:02}m", seconds / 3600, seconds % 3600 / 60)
    } else if seconds >= 60 {
        format!("{}m{:02}s", seconds / 60, seconds % 60)
    } else {
        format!("{seconds}s")
    }
}
