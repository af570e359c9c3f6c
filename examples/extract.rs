//! The program users run.
//!
//! ```text
//! cargo run --release --example extract                  # the embedded sample, pretty JSON
//! cargo run --release --example extract -- a.txt b.txt   # one JSON object per file per line
//! cargo run --release --example extract -- -             # standard input
//! cargo run --release --example extract -- --pretty a.txt
//! cargo run --release --example extract -- --jsonl < docs.jsonl   # {"id", "text"} per line in
//! cargo run --release --example extract -- --format csv a.txt b.txt > records.csv
//! ```
//! `--format csv` writes one header, then one row per record of every document
//! (columns: `baocao::csv::COLUMNS`, documented in docs/outputs.md); it goes with
//! files, the embedded sample and `--jsonl` alike.
//! A file that cannot be read, or is not UTF-8, gets one line on stderr (the file,
//! what is wrong, the byte offset of bad UTF-8); the other files are still
//! processed, and the exit status is 1 at the end. `--jsonl` streams: one input
//! line is read, extracted and written at a time, so memory is bounded by the
//! largest document, not the stream — the shape Spark's `pipe` and Hadoop
//! Streaming expect. On a terminal, a progress line (documents, MB, MB/s) is
//! written to stderr; `--quiet` turns it off.

use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use baocao::{Decoded, Encoding, Extractor};

/// A report written by the baocao team in the genre's style; facts about central
/// documents are real, local figures and names are invented.
const SAMPLE: &str = include_str!("sample_report.txt");

const USAGE: &str = "usage: extract [--pretty] [--format json|csv] [--quiet] [FILE | -]...
       extract --jsonl [--format json|csv] [--quiet] < lines.jsonl
  no FILE:  extract the embedded sample report and pretty-print it
  FILE:     one JSON object per file per line (JSON Lines); - reads standard input
  --jsonl   read {\"id\": …, \"text\": …} per line from standard input, write one
            result per line with `source` set to the id
  --pretty  indent the JSON
  --format  json (default) or csv: one header, then one row per record
  --encoding auto (default: detects UTF-8, TCVN3, VNI), utf8, tcvn3 or vni;
            a file read as a legacy encoding is named on stderr; spans always
            point into the file's bytes
  --lossy   replace invalid UTF-8 (one U+FFFD per run, each run named on stderr)
  --quiet   no progress line on stderr";

struct Options {
    pretty: bool,
    /// `None`: detect (`--encoding auto`, the default).
    encoding: Option<Encoding>,
    lossy: bool,
    csv: bool,
    jsonl: bool,
    quiet: bool,
    inputs: Vec<String>,
}

fn options() -> Result<Options, ExitCode> {
    let mut o = Options {
        pretty: false,
        encoding: None,
        lossy: false,
        csv: false,
        jsonl: false,
        quiet: false,
        inputs: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--pretty" => o.pretty = true,
            "--lossy" => o.lossy = true,
            "--encoding" => match args.next().as_deref() {
                Some("auto") => o.encoding = None,
                Some(name) => match name.parse::<Encoding>() {
                    Ok(e) => o.encoding = Some(e),
                    Err(_) => {
                        eprintln!("extract: --encoding takes auto, utf8, tcvn3 or vni, not {name}\n{USAGE}");
                        return Err(ExitCode::from(2));
                    }
                },
                None => {
                    eprintln!("extract: --encoding needs a value\n{USAGE}");
                    return Err(ExitCode::from(2));
                }
            },
            "--format" => match args.next().as_deref() {
                Some("json") => o.csv = false,
                Some("csv") => o.csv = true,
                other => {
                    let other = other.unwrap_or("nothing");
                    eprintln!("extract: --format takes json or csv, not {other}\n{USAGE}");
                    return Err(ExitCode::from(2));
                }
            },
            "--jsonl" => o.jsonl = true,
            "--quiet" | "-q" => o.quiet = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Err(ExitCode::SUCCESS);
            }
            s if s.starts_with("--") => {
                eprintln!("extract: unknown option {s}\n{USAGE}");
                return Err(ExitCode::from(2));
            }
            _ => o.inputs.push(arg),
        }
    }
    Ok(o)
}

fn main() -> ExitCode {
    let o = match options() {
        Ok(o) => o,
        Err(code) => return code,
    };
    let extractor = Extractor::builder()
        .build()
        .expect("every kind is a valid choice");
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut progress = Progress::new(!o.quiet && io::stderr().is_terminal());
    let header = if o.csv {
        baocao::csv::write_header(&mut out)
    } else {
        Ok(())
    };
    let result = header.and_then(|()| {
        if o.jsonl {
            stream_jsonl(&extractor, &o, &mut out, &mut progress)
        } else if o.inputs.is_empty() {
            let sample = extractor.extract(SAMPLE);
            if o.csv {
                baocao::csv::write_records(&mut out, &sample)
            } else {
                writeln!(out, "{}", sample.to_json_pretty())
            }
            .map(|()| true)
        } else {
            files(&extractor, &o, &mut out, &mut progress)
        }
    });
    progress.finish();
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), Ok(())) => ExitCode::FAILURE,
        // "extract … | head": the reader has what it wanted
        (Err(e), _) | (_, Err(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("extract: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Each file in turn; `Ok(false)` when one could not be read.
fn files(
    ex: &Extractor,
    o: &Options,
    out: &mut impl Write,
    progress: &mut Progress,
) -> io::Result<bool> {
    let mut all_read = true;
    for input in &o.inputs {
        let decoded = match read(input, o) {
            Ok(decoded) => decoded,
            Err(message) => {
                eprintln!("extract: {input}: {message}");
                all_read = false;
                continue;
            }
        };
        if decoded.encoding() != Encoding::Utf8 || decoded.from_mojibake() {
            eprintln!(
                "extract: {input}: read as {}{} (confidence {:.3})",
                decoded.encoding(),
                if decoded.from_mojibake() {
                    " shown as Windows-1252"
                } else {
                    ""
                },
                decoded.confidence()
            );
        }
        for run in decoded.replaced() {
            eprintln!(
                "extract: {input}: invalid UTF-8 at bytes {}..{} replaced with U+FFFD",
                run.start, run.end
            );
        }
        let text_len = decoded.original_len();
        // spans point into the original bytes, whatever the encoding
        let extraction = decoded.extract_with(ex);
        let extraction = if input == "-" {
            extraction
        } else {
            extraction.with_source(input.as_str())
        };
        write(out, &extraction, o)?;
        progress.add(text_len);
    }
    Ok(all_read)
}

/// `{"id": …, "text": …}` per line in, one result per line out; `Ok(false)` when a
/// line was not such an object.
fn stream_jsonl(
    ex: &Extractor,
    o: &Options,
    out: &mut impl Write,
    progress: &mut Progress,
) -> io::Result<bool> {
    let stdin = io::stdin();
    let mut all_read = true;
    let mut line = String::new();
    let mut reader = stdin.lock();
    let mut number = 0usize;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            break;
        }
        number += 1;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("extract: standard input line {number}: not JSON: {e}");
                all_read = false;
                continue;
            }
        };
        let (Some(id), Some(text)) = (doc.get("id"), doc.get("text").and_then(|t| t.as_str()))
        else {
            eprintln!("extract: standard input line {number}: needs \"id\" and a string \"text\"");
            all_read = false;
            continue;
        };
        let id = id.as_str().map_or_else(|| id.to_string(), str::to_string);
        write(out, &ex.extract(text).with_source(id), o)?;
        progress.add(text.len());
    }
    Ok(all_read)
}

/// One document: its rows (`--format csv`) or one JSON object.
fn write(out: &mut impl Write, e: &baocao::Extraction, o: &Options) -> io::Result<()> {
    if o.csv {
        return baocao::csv::write_records(&mut *out, e);
    }
    let json = if o.pretty {
        e.to_json_pretty()
    } else {
        e.to_json()
    };
    writeln!(out, "{json}")
}

/// The decoded text of a file (or of stdin for "-"), or a sentence saying what is
/// wrong.
fn read(input: &str, o: &Options) -> Result<Decoded, String> {
    let bytes = if input == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(input).map_err(|e| format!("cannot read: {e}"))?
    };
    let decoded = match (o.encoding, o.lossy) {
        (None, false) => baocao::decode(&bytes),
        (None, true) => Ok(baocao::decode_lossy(&bytes)),
        (Some(Encoding::Utf8), true) => Ok(baocao::decode_utf8_lossy(&bytes)),
        (Some(e), _) => baocao::decode_as(&bytes, e),
    };
    decoded.map_err(|e| match e {
        baocao::Error::InvalidUtf8 { offset } => format!(
            "not UTF-8 (nor TCVN3 or VNI): invalid byte sequence at byte offset {offset}; --lossy replaces it"
        ),
        other => other.to_string(),
    })
}

/// "1.234 documents, 56.7 MB, 42.1 MB/s" on stderr, at most twice a second.
struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    documents: usize,
    bytes: usize,
}

impl Progress {
    fn new(on: bool) -> Self {
        let now = Instant::now();
        Progress {
            on,
            start: now,
            last: now,
            documents: 0,
            bytes: 0,
        }
    }

    fn add(&mut self, bytes: usize) {
        self.documents += 1;
        self.bytes += bytes;
        if self.on && self.last.elapsed() >= Duration::from_millis(500) {
            self.last = Instant::now();
            self.show();
        }
    }

    fn show(&self) {
        let mb = self.bytes as f64 / 1e6;
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "\r{} documents, {mb:.1} MB, {:.1} MB/s   ",
            self.documents,
            mb / secs
        );
    }

    fn finish(&self) {
        if self.on && self.documents > 0 {
            self.show();
            eprintln!();
        }
    }
}
