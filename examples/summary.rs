//! A corpus at a glance: what baocao found in each document and across them all.
//!
//! ```text
//! cargo run --release --example summary -- ../shared/corpus/docs      # every .txt below the directory
//! cargo run --release --example summary -- a.txt b.txt --top 10
//! cargo run --release --example summary -- DIR --format json          # every table, one JSON object
//! cargo run --release --example summary -- DIR --format csv            # one row per document
//! cargo run --release --example summary -- DIR --format csv --table cited
//! ```
//! The tables:
//! - `kinds` — records of each kind across the corpus, and in how many documents;
//! - `cited` — the most cited documents by canonical form (`05-CT/TW`): citations
//!   and citing documents (`--top N`, 20 by default; all of them in CSV and JSON);
//! - `checks` — every check that failed: where, what was expected, what was found;
//! - `documents` — per document: records by kind, checks, failed checks,
//!   diagnostics, and the member and organisation totals found: the largest
//!   `member_count` of all members (category `member`, one without a scope
//!   preferred) and the largest `org_count` (one without a scope preferred, then
//!   grassroots organisations), each with its text.
//!
//! Plain text by default; `--format csv --table documents|kinds|cited|checks` or
//! `--format json` for machines. A progress bar goes to stderr when stderr is a
//! terminal, and nothing when it is not. A file that cannot be read, or is not
//! UTF-8, gets one line on stderr; the others are still counted, and the exit
//! status is 1 at the end.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use baocao::csv::{enum_name, number};
use baocao::{Extraction, MemberCategory, OrgUnit, Record, RecordData, RecordKind};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

const USAGE: &str = "usage: summary [--format text|csv|json] [--table documents|kinds|cited|checks] [--top N] (DIR | FILE)...
  DIR: every .txt file below it; FILE: that file
  --format  text (default), csv (one table, --table, default documents) or json (every table)
  --top     how many cited documents the text shows (default 20)";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Text,
    Csv,
    Json,
}

fn main() -> ExitCode {
    let mut format = Format::Text;
    let mut table = "documents".to_string();
    let mut top = 20usize;
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed: Result<(), String> = match arg.as_str() {
            "--format" => match args.next().as_deref() {
                Some("text") => {
                    format = Format::Text;
                    Ok(())
                }
                Some("csv") => {
                    format = Format::Csv;
                    Ok(())
                }
                Some("json") => {
                    format = Format::Json;
                    Ok(())
                }
                other => Err(format!("unknown format {other:?}")),
            },
            "--table" => match args.next() {
                Some(t) if ["documents", "kinds", "cited", "checks"].contains(&t.as_str()) => {
                    table = t;
                    Ok(())
                }
                other => Err(format!("unknown table {other:?}")),
            },
            "--top" => match args.next().map(|v| v.parse::<usize>()) {
                Some(Ok(n)) => {
                    top = n;
                    Ok(())
                }
                _ => Err("--top needs a number".to_string()),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => Err(format!("unknown option {s}")),
            _ => {
                inputs.push(PathBuf::from(&arg));
                Ok(())
            }
        };
        if let Err(message) = parsed {
            eprintln!("summary: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }

    let mut failed = false;
    let mut files = Vec::new();
    for input in &inputs {
        if input.is_dir() {
            if let Err(e) = walk(input, &mut files) {
                eprintln!("summary: {}: cannot list: {e}", input.display());
                failed = true;
            }
        } else {
            files.push(input.clone());
        }
    }

    let bar = if io::stderr().is_terminal() {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {bar:40.cyan/blue} {pos}/{len} documents, {elapsed} ({eta} left) {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let mut corpus = Corpus::default();
    for file in &files {
        bar.set_message(
            file.file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        );
        match read(file) {
            Ok(text) => {
                let ex = baocao::extract(&text).with_source(file.display().to_string());
                corpus.add(text.len(), &ex);
            }
            Err(message) => {
                bar.suspend(|| eprintln!("summary: {}: {message}", file.display()));
                failed = true;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = match format {
        Format::Text => corpus.write_text(&mut out, top),
        Format::Csv => corpus.write_csv(&mut out, &table),
        Format::Json => serde_json::to_writer_pretty(&mut out, &corpus.report())
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out)),
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("summary: cannot write output: {e}");
            return ExitCode::FAILURE;
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Every `.txt` file below `dir`, in path order.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            files.push(path);
        }
    }
    Ok(())
}

/// The text of a file, or a sentence saying what is wrong.
fn read(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8: invalid byte sequence at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}

/// A count found in a document, with its text.
#[derive(Debug, Clone, Serialize)]
struct Total {
    value: u64,
    unit: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct Document {
    source: String,
    bytes: usize,
    records: usize,
    /// Records by kind, in contract order.
    kinds: BTreeMap<&'static str, usize>,
    checks: usize,
    failed_checks: usize,
    diagnostics: usize,
    members: Option<Total>,
    organisations: Option<Total>,
}

#[derive(Debug, Serialize)]
struct KindRow {
    kind: &'static str,
    records: usize,
    documents: usize,
}

#[derive(Debug, Default, Serialize)]
struct Cited {
    canonical: String,
    doc_type: String,
    citations: usize,
    documents: usize,
    /// One way it was written.
    example: String,
}

#[derive(Debug, Serialize)]
struct FailedCheck {
    source: String,
    check: String,
    expected: f64,
    found: f64,
    /// The total's text, then the parts' texts.
    total: String,
    parts: Vec<String>,
    start: usize,
}

#[derive(Debug, Serialize)]
struct Report<'a> {
    documents: usize,
    bytes: usize,
    records: usize,
    checks: usize,
    failed_checks: usize,
    diagnostics: usize,
    references_without_canonical: usize,
    kinds: Vec<KindRow>,
    cited: Vec<&'a Cited>,
    failed: &'a [FailedCheck],
    per_document: &'a [Document],
}

#[derive(Default)]
struct Corpus {
    documents: Vec<Document>,
    cited: BTreeMap<String, Cited>,
    uncanonical: usize,
    failed: Vec<FailedCheck>,
}

impl Corpus {
    fn add(&mut self, bytes: usize, ex: &Extraction) {
        let source = ex.source.clone().unwrap_or_default();
        let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
        for r in &ex.records {
            *kinds.entry(r.kind().as_str()).or_default() += 1;
        }
        let mut seen_here: Vec<&str> = Vec::new();
        for r in &ex.records {
            if let RecordData::DocumentRef(d) = &r.data {
                let Some(canonical) = &d.canonical else {
                    self.uncanonical += 1;
                    continue;
                };
                let entry = self
                    .cited
                    .entry(canonical.to_string())
                    .or_insert_with(|| Cited {
                        canonical: canonical.to_string(),
                        doc_type: d.doc_type.to_string(),
                        example: r.text.to_string(),
                        ..Cited::default()
                    });
                entry.citations += 1;
                if !seen_here.contains(&canonical.as_str()) {
                    seen_here.push(canonical);
                    entry.documents += 1;
                }
            }
        }
        let text_of = |i: usize| {
            ex.records
                .get(i)
                .map(|r| r.text.to_string())
                .unwrap_or_default()
        };
        for c in ex.checks.iter().filter(|c| !c.ok) {
            self.failed.push(FailedCheck {
                source: source.clone(),
                check: enum_name(&c.check).unwrap_or_default(),
                expected: c.expected,
                found: c.found,
                total: text_of(c.total),
                parts: c.parts.iter().map(|&p| text_of(p)).collect(),
                start: ex.records.get(c.total).map_or(0, |r| r.span.start),
            });
        }
        self.documents.push(Document {
            source,
            bytes,
            records: ex.records.len(),
            kinds,
            checks: ex.checks.len(),
            failed_checks: ex.checks.iter().filter(|c| !c.ok).count(),
            diagnostics: ex.diagnostics.len(),
            members: members_total(&ex.records),
            organisations: organisations_total(&ex.records),
        });
    }

    fn kinds(&self) -> Vec<KindRow> {
        RecordKind::ALL
            .iter()
            .map(|k| {
                let k = k.as_str();
                let counts = self.documents.iter().filter_map(|d| d.kinds.get(k));
                KindRow {
                    kind: k,
                    records: counts.clone().sum(),
                    documents: counts.filter(|&&n| n > 0).count(),
                }
            })
            .collect()
    }

    /// Most cited first; ties by canonical form.
    fn cited(&self) -> Vec<&Cited> {
        let mut cited: Vec<&Cited> = self.cited.values().collect();
        cited.sort_by(|a, b| {
            b.citations
                .cmp(&a.citations)
                .then(b.documents.cmp(&a.documents))
                .then(a.canonical.cmp(&b.canonical))
        });
        cited
    }

    fn report(&self) -> Report<'_> {
        Report {
            documents: self.documents.len(),
            bytes: self.documents.iter().map(|d| d.bytes).sum(),
            records: self.documents.iter().map(|d| d.records).sum(),
            checks: self.documents.iter().map(|d| d.checks).sum(),
            failed_checks: self.failed.len(),
            diagnostics: self.documents.iter().map(|d| d.diagnostics).sum(),
            references_without_canonical: self.uncanonical,
            kinds: self.kinds(),
            cited: self.cited(),
            failed: &self.failed,
            per_document: &self.documents,
        }
    }

    fn write_text(&self, out: &mut impl Write, top: usize) -> io::Result<()> {
        let r = self.report();
        writeln!(
            out,
            "baocao summary: {} documents, {} records, {} checks ({} failed), {} diagnostics, {:.1} MB",
            r.documents,
            r.records,
            r.checks,
            r.failed_checks,
            r.diagnostics,
            r.bytes as f64 / 1e6
        )?;

        writeln!(out, "\nRecords by kind")?;
        let mut rows = vec![cells(["kind", "records", "documents"])];
        for k in &r.kinds {
            rows.push(vec![
                k.kind.to_string(),
                k.records.to_string(),
                k.documents.to_string(),
            ]);
        }
        table(out, &rows, &[false, true, true])?;

        let cited = &r.cited;
        writeln!(
            out,
            "\nMost cited documents ({} shown of {} distinct; {} references without a canonical form)",
            top.min(cited.len()),
            cited.len(),
            r.references_without_canonical
        )?;
        let mut rows = vec![cells([
            "#",
            "canonical",
            "type",
            "citations",
            "documents",
            "as written once",
        ])];
        for (i, c) in cited.iter().take(top).enumerate() {
            rows.push(vec![
                (i + 1).to_string(),
                c.canonical.clone(),
                c.doc_type.clone(),
                c.citations.to_string(),
                c.documents.to_string(),
                clip(&c.example, 60),
            ]);
        }
        table(out, &rows, &[true, false, false, true, true, false])?;

        writeln!(out, "\nChecks that failed ({})", r.failed.len())?;
        if r.failed.is_empty() {
            writeln!(out, "  none")?;
        }
        let mut rows = vec![cells([
            "source", "check", "expected", "found", "total", "parts",
        ])];
        for f in r.failed {
            rows.push(vec![
                f.source.clone(),
                f.check.clone(),
                number(f.expected),
                number(f.found),
                clip(&f.total, 40),
                clip(&f.parts.join(" + "), 70),
            ]);
        }
        if !r.failed.is_empty() {
            table(out, &rows, &[false, false, true, true, false, false])?;
        }

        // Paths are shown below their common directory.
        let dir = common_dir(r.per_document.iter().map(|d| d.source.as_str()));
        writeln!(
            out,
            "\nPer document{}: records by kind; members, organisations: the largest totals found",
            if dir.is_empty() {
                String::new()
            } else {
                format!(" (in {dir})")
            }
        )?;
        let mut header = vec!["source".to_string()];
        header.extend(RecordKind::ALL.iter().map(|k| short(*k).to_string()));
        header.extend(cells([
            "all", "checks", "failed", "diag", "members", "orgs", "org unit",
        ]));
        let mut rows = vec![header];
        for d in r.per_document {
            let mut row = vec![d.source[dir.len()..].to_string()];
            row.extend(
                RecordKind::ALL
                    .iter()
                    .map(|k| d.kinds.get(k.as_str()).copied().unwrap_or(0).to_string()),
            );
            row.extend([
                d.records.to_string(),
                d.checks.to_string(),
                d.failed_checks.to_string(),
                d.diagnostics.to_string(),
                d.members
                    .as_ref()
                    .map_or(String::new(), |t| t.value.to_string()),
                d.organisations
                    .as_ref()
                    .map_or(String::new(), |t| t.value.to_string()),
                d.organisations
                    .as_ref()
                    .map_or(String::new(), |t| t.unit.clone()),
            ]);
            rows.push(row);
        }
        let mut right = vec![false];
        right.extend([true; 14]);
        right.push(false);
        table(out, &rows, &right)
    }

    fn write_csv(&self, out: &mut impl Write, which: &str) -> io::Result<()> {
        self.csv_tables(out, which)
            .map_err(|e| match e.into_kind() {
                csv::ErrorKind::Io(e) => e,
                other => io::Error::other(format!("{other:?}")),
            })
    }

    fn csv_tables(&self, out: &mut impl Write, which: &str) -> csv::Result<()> {
        let r = self.report();
        let mut w = csv::Writer::from_writer(out);
        match which {
            "kinds" => {
                w.write_record(["kind", "records", "documents"])?;
                for k in &r.kinds {
                    w.write_record([
                        k.kind.to_string(),
                        k.records.to_string(),
                        k.documents.to_string(),
                    ])?;
                }
            }
            "cited" => {
                w.write_record(["canonical", "doc_type", "citations", "documents", "example"])?;
                for c in &r.cited {
                    w.write_record([
                        c.canonical.clone(),
                        c.doc_type.clone(),
                        c.citations.to_string(),
                        c.documents.to_string(),
                        c.example.clone(),
                    ])?;
                }
            }
            "checks" => {
                w.write_record([
                    "source", "check", "expected", "found", "total", "parts", "start",
                ])?;
                for f in r.failed {
                    w.write_record([
                        f.source.clone(),
                        f.check.clone(),
                        number(f.expected),
                        number(f.found),
                        f.total.clone(),
                        f.parts.join(" | "),
                        f.start.to_string(),
                    ])?;
                }
            }
            _ => {
                let mut header = vec!["source".to_string(), "bytes".to_string()];
                header.extend(RecordKind::ALL.iter().map(|k| k.as_str().to_string()));
                header.extend(cells([
                    "records",
                    "checks",
                    "failed_checks",
                    "diagnostics",
                    "members",
                    "members_text",
                    "organisations",
                    "organisations_unit",
                    "organisations_text",
                ]));
                w.write_record(&header)?;
                for d in r.per_document {
                    let mut row = vec![d.source.clone(), d.bytes.to_string()];
                    row.extend(
                        RecordKind::ALL
                            .iter()
                            .map(|k| d.kinds.get(k.as_str()).copied().unwrap_or(0).to_string()),
                    );
                    let (m, o) = (d.members.as_ref(), d.organisations.as_ref());
                    row.extend([
                        d.records.to_string(),
                        d.checks.to_string(),
                        d.failed_checks.to_string(),
                        d.diagnostics.to_string(),
                        m.map_or(String::new(), |t| t.value.to_string()),
                        m.map_or(String::new(), |t| t.text.clone()),
                        o.map_or(String::new(), |t| t.value.to_string()),
                        o.map_or(String::new(), |t| t.unit.clone()),
                        o.map_or(String::new(), |t| t.text.clone()),
                    ]);
                    w.write_record(&row)?;
                }
            }
        }
        Ok(w.flush()?)
    }
}

/// The largest count of all members, one without a scope preferred.
fn members_total(records: &[Record]) -> Option<Total> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RecordData::MemberCount(m) if m.category == MemberCategory::Member => Some((
                (m.scope.is_none(), m.value),
                r,
                enum_name(&m.category).unwrap_or_default(),
            )),
            _ => None,
        })
        .max_by_key(|(key, _, _)| *key)
        .map(|((_, value), r, unit)| Total {
            value,
            unit,
            text: r.text.to_string(),
        })
}

/// The largest count of organisations: one without a scope preferred, then
/// grassroots organisations.
fn organisations_total(records: &[Record]) -> Option<Total> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RecordData::OrgCount(o) => Some((
                (
                    o.scope.is_none(),
                    o.unit == OrgUnit::GrassrootsOrganization,
                    o.value,
                ),
                r,
                enum_name(&o.unit).unwrap_or_default(),
            )),
            _ => None,
        })
        .max_by_key(|(key, _, _)| *key)
        .map(|((_, _, value), r, unit)| Total {
            value,
            unit,
            text: r.text.to_string(),
        })
}

/// The longest directory prefix (ending in `/`) that all paths share.
fn common_dir<'a>(mut paths: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(first) = paths.next() else {
        return "";
    };
    let mut len = first.rfind('/').map_or(0, |i| i + 1);
    for p in paths {
        while len > 0 && !(p.len() >= len && p.as_bytes()[..len] == first.as_bytes()[..len]) {
            len = first[..len - 1].rfind('/').map_or(0, |i| i + 1);
        }
    }
    &first[..len]
}

/// A short column name for a kind.
fn short(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::OrgCount => "org",
        RecordKind::MemberCount => "mem",
        RecordKind::Registration => "reg",
        RecordKind::Percentage => "pct",
        RecordKind::DocumentRef => "doc",
        RecordKind::Date => "date",
        RecordKind::Period => "per",
        RecordKind::Person => "pers",
    }
}

fn cells<const N: usize>(names: [&str; N]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Rows as aligned columns (the first row is the header, underlined).
fn table(out: &mut impl Write, rows: &[Vec<String>], right: &[bool]) -> io::Result<()> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..columns).map(width).collect();
    for (i, row) in rows.iter().enumerate() {
        let mut line = String::from("  ");
        for (c, cell) in row.iter().enumerate() {
            let pad = widths[c].saturating_sub(cell.chars().count());
            let last = c + 1 == row.len();
            if right.get(c).copied().unwrap_or(false) {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if !last {
                    line.push_str(&" ".repeat(pad));
                }
            }
            if !last {
                line.push_str("  ");
            }
        }
        writeln!(out, "{}", line.trim_end())?;
        if i == 0 {
            let rule: usize = widths.iter().sum::<usize>() + 2 * columns.saturating_sub(1);
            writeln!(out, "  {}", "-".repeat(rule))?;
        }
    }
    Ok(())
}

/// At most `n` characters, with "…" when cut.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
