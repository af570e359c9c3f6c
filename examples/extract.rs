//! The program users run.
//!
//! ```text
//! cargo run --release --example extract                  # the embedded sample, pretty JSON
//! cargo run --release --example extract -- a.txt b.txt   # one JSON object per file per line
//! cargo run --release --example extract -- -             # standard input
//! cargo run --release --example extract -- --pretty a.txt
//! ```
//! A file that cannot be read, or is not UTF-8, gets one line on stderr (the file,
//! what is wrong, the byte offset of bad UTF-8); the other files are still
//! processed, and the exit status is 1 at the end.

use std::io::{self, Read, Write};
use std::process::ExitCode;

/// A report written by the baocao team in the genre's style; facts about central
/// documents are real, local figures and names are invented.
const SAMPLE: &str = include_str!("sample_report.txt");

const USAGE: &str = "usage: extract [--pretty] [FILE | -]...
  no FILE: extract the embedded sample report and pretty-print it
  FILE:    one JSON object per file per line (JSON Lines); - reads standard input
  --pretty indent the JSON";

fn main() -> ExitCode {
    let mut pretty = false;
    let mut inputs: Vec<String> = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--pretty" => pretty = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("extract: unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => inputs.push(arg),
        }
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if inputs.is_empty() {
        let extraction = baocao::extract(SAMPLE);
        return match writeln!(out, "{}", extraction.to_json_pretty()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("extract: cannot write output: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let mut failed = false;
    for input in &inputs {
        let text = match read(input) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("extract: {input}: {message}");
                failed = true;
                continue;
            }
        };
        let extraction = baocao::extract(&text);
        let extraction = if input == "-" {
            extraction
        } else {
            extraction.with_source(input.as_str())
        };
        let json = if pretty {
            extraction.to_json_pretty()
        } else {
            extraction.to_json()
        };
        if let Err(e) = writeln!(out, "{json}") {
            eprintln!("extract: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = out.flush() {
        eprintln!("extract: cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The text of a file (or of stdin for "-"), or a sentence saying what is wrong.
fn read(input: &str) -> Result<String, String> {
    let bytes = if input == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(input).map_err(|e| format!("cannot read: {e}"))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let err = e.utf8_error();
        format!(
            "not UTF-8: invalid byte sequence at byte offset {}",
            err.valid_up_to()
        )
    })
}
