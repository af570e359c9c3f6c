//! One self-contained HTML page per report, to check the extractor by eye.
//!
//! ```text
//! cargo run --release --example annotate -- a.txt b.txt        # writes a.txt.html, b.txt.html
//! cargo run --release --example annotate -- --out out/ a.txt   # writes out/a.txt.html
//! ```
//! The page shows the report's text with every record highlighted in its kind's
//! colour (hover for its fields, or see them in the side panel), a summary table
//! at the top, the checks (one that does not add up in red) and the diagnostics.
//! Everything is inline: no network resource, no script from elsewhere.
//! `page.html#baocao-r5` scrolls to record 5 and shows it in the panel;
//! `page.html?record=5` shows it without scrolling. Each
//! page written is printed on stdout. A file that cannot be read, or is not
//! UTF-8, gets one line on stderr; the others are still processed, and the exit
//! status is 1 at the end.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use baocao::csv::{enum_name, number};
use baocao::{Extraction, RecordKind};

const USAGE: &str = "usage: annotate [--out DIR] FILE...
  writes FILE.html next to each FILE, or DIR/<file name>.html with --out";

fn main() -> ExitCode {
    let mut out_dir: Option<PathBuf> = None;
    let mut inputs: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => match args.next() {
                Some(dir) => out_dir = Some(PathBuf::from(dir)),
                None => {
                    eprintln!("annotate: --out needs a directory\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprintln!("annotate: unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => inputs.push(arg),
        }
    }
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if let Some(dir) = &out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("annotate: cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let mut failed = false;
    for input in &inputs {
        let text = match read(input) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("annotate: {input}: {message}");
                failed = true;
                continue;
            }
        };
        let extraction = baocao::extract(&text).with_source(input.as_str());
        let path = output_path(Path::new(input), out_dir.as_deref());
        match std::fs::write(&path, page(&text, &extraction)) {
            Ok(()) => println!("{}", path.display()),
            Err(e) => {
                eprintln!("annotate: cannot write {}: {e}", path.display());
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `a.txt` → `a.txt.html`, next to it or in `dir`.
fn output_path(input: &Path, dir: Option<&Path>) -> PathBuf {
    let mut name = input
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| "report".into());
    name.push(".html");
    match dir {
        Some(dir) => dir.join(name),
        None => input.with_file_name(name),
    }
}

/// The text of a file, or a sentence saying what is wrong.
fn read(input: &str) -> Result<String, String> {
    let bytes = std::fs::read(input).map_err(|e| format!("cannot read: {e}"))?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8: invalid byte sequence at byte offset {}",
            e.utf8_error().valid_up_to()
        )
    })
}

const STYLE: &str = r#"
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bad: #d1242f; --bad-bg: #ffebe9; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "Noto Sans", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); background: #f6f8fa; }
header, main { max-width: 78rem; margin: 0 auto; padding: 0.75rem 1.25rem; }
h1 { font-size: 1.25rem; margin: 0.25rem 0; word-break: break-all; }
h2 { font-size: 0.95rem; margin: 1rem 0 0.4rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 0.5rem; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid var(--line); padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eef1f4; font-weight: 600; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
.chip { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; margin-right: 0.4em; vertical-align: -0.1em; }
tr.failed td, td.failed { background: var(--bad-bg); color: var(--bad); font-weight: 600; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 26rem; gap: 1.25rem; align-items: start; }
article { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem; line-height: 1.9; }
aside { position: sticky; top: 0.75rem; max-height: calc(100vh - 1.5rem); overflow: auto; }
aside table { width: 100%; font-size: 0.9rem; }
.panel { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; font-size: 0.9rem; }
.panel dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.15rem 0.75rem; margin: 0.4rem 0 0; }
.panel dt { color: var(--muted); }
.panel dd { margin: 0; overflow-wrap: anywhere; }
.panel .quote { font-style: italic; }
.hint { color: var(--muted); }
mark.baocao { color: inherit; border-radius: 3px; padding: 0.1em 0; cursor: pointer; }
mark.baocao.active { box-shadow: 0 0 0 2px var(--ink); }
mark.baocao-failed { outline: 2px solid var(--bad); outline-offset: 1px; }
mark.baocao-flagged, .baocao-diagnostic { text-decoration: underline wavy #bc4c00; text-decoration-skip-ink: none; }
.baocao-diagnostic { background: #fff1e5; }
a { color: #0969da; text-decoration: none; }
a:hover { text-decoration: underline; }
@media (max-width: 60rem) { main { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
"#;

/// Background colour of each kind's highlight.
fn colour(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::OrgCount => "#ffc078",
        RecordKind::MemberCount => "#8ce99a",
        RecordKind::Registration => "#74c0fc",
        RecordKind::Percentage => "#ffe066",
        RecordKind::DocumentRef => "#d0bfff",
        RecordKind::Date => "#99e9f2",
        RecordKind::Period => "#ced4da",
        RecordKind::Person => "#faa2c1",
    }
}

/// Shows a record's fields in the side panel on hover, focus or click; records
/// that it ran (and any error) on the root element, for the browser test.
const SCRIPT: &str = r#"
(function () {
  var root = document.documentElement;
  window.addEventListener("error", function (e) {
    root.setAttribute("data-baocao-errors", (root.getAttribute("data-baocao-errors") || "") + e.message + ";");
  });
  var article = document.getElementById("text");
  var shown = null;
  function show(mark) {
    var detail = document.getElementById("baocao-d" + mark.getAttribute("data-index"));
    if (!detail) return;
    if (shown) { shown.detail.hidden = true; shown.mark.classList.remove("active"); }
    document.getElementById("baocao-hint").hidden = true;
    detail.hidden = false;
    mark.classList.add("active");
    shown = { detail: detail, mark: mark };
  }
  function onEvent(e) {
    var mark = e.target.closest ? e.target.closest("mark.baocao") : null;
    if (mark) show(mark);
  }
  article.addEventListener("mouseover", onEvent);
  article.addEventListener("click", onEvent);
  article.addEventListener("focusin", onEvent);
  var marks = article.querySelectorAll("mark.baocao");
  for (var i = 0; i < marks.length; i++) marks[i].tabIndex = 0;
  function fromHash() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.matches("mark.baocao")) show(target);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  var asked = /[?&]record=(\d+)/.exec(location.search);
  var first = asked ? document.getElementById("baocao-r" + asked[1]) : null;
  if (first) show(first);
  root.setAttribute("data-baocao-ready", String(marks.length));
})();
"#;

/// The whole page for one document.
fn page(text: &str, ex: &Extraction) -> String {
    let source = ex.source.as_deref().unwrap_or("(text)");
    let failed = ex.checks.iter().filter(|c| !c.ok).count();
    let mut h = String::with_capacity(text.len() * 4 + 16 * 1024);
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — baocao</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>{STYLE}",
        esc(source),
    );
    for kind in RecordKind::ALL {
        let _ = writeln!(h, "mark.baocao-{kind} {{ background: {}; }}", colour(kind));
    }
    let _ = writeln!(
        h,
        "</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>",
        esc(source)
    );
    let _ = writeln!(
        h,
        "<p class=\"meta\">{} records · {} checks, {} failed · {} diagnostics · {} bytes · schema {}</p>",
        ex.records.len(),
        ex.checks.len(),
        failed,
        ex.diagnostics.len(),
        text.len(),
        esc(&ex.schema)
    );

    // The summary: records by kind, then checks and diagnostics.
    h.push_str("<div class=\"summary\">\n<table>\n<tr><th>kind</th><th>records</th></tr>\n");
    for kind in RecordKind::ALL {
        let n = ex.records.iter().filter(|r| r.kind() == kind).count();
        let _ = writeln!(
            h,
            "<tr><td><span class=\"chip\" style=\"background:{}\"></span>{kind}</td><td class=\"n\">{n}</td></tr>",
            colour(kind)
        );
    }
    let _ = writeln!(
        h,
        "<tr><th>all</th><th class=\"n\">{}</th></tr>\n</table>",
        ex.records.len()
    );
    let _ = writeln!(
        h,
        "<table>\n<tr><th>checks</th><th>count</th></tr>\n\
         <tr><td>passed</td><td class=\"n\">{}</td></tr>\n\
         <tr><td{}>failed</td><td class=\"n{}\">{failed}</td></tr>\n\
         <tr><td>diagnostics</td><td class=\"n\">{}</td></tr>\n</table>\n</div>\n</header>",
        ex.checks.len() - failed,
        if failed > 0 { " class=\"failed\"" } else { "" },
        if failed > 0 { " failed" } else { "" },
        ex.diagnostics.len()
    );

    // The text, and beside it the panel.
    let _ = writeln!(
        h,
        "<main>\n<article id=\"text\">{}</article>\n<aside>",
        baocao::annotate(text, ex)
    );
    h.push_str(
        "<h2>Record</h2>\n<div class=\"panel\">\
         <p id=\"baocao-hint\" class=\"hint\">Hover over or click a highlight to see what was read from it.</p>\n",
    );
    for (i, r) in ex.records.iter().enumerate() {
        let _ = write!(
            h,
            "<div id=\"baocao-d{i}\" hidden><strong><span class=\"chip\" style=\"background:{}\"></span>{} #{i}</strong> \
             <span class=\"hint\">bytes {}–{}</span><p class=\"quote\">“{}”</p><dl>",
            colour(r.kind()),
            r.kind(),
            r.span.start,
            r.span.end,
            esc(&r.text)
        );
        for (name, value) in baocao::csv::fields(r) {
            let _ = write!(h, "<dt>{}</dt><dd>{}</dd>", name, esc(&value));
        }
        for (j, c) in ex.checks.iter().enumerate() {
            if c.total == i || c.parts.contains(&i) {
                let _ = write!(
                    h,
                    "<dt>check</dt><dd{}><a href=\"#baocao-c{j}\">{} #{j}</a>: {}</dd>",
                    if c.ok { "" } else { " class=\"failed\"" },
                    check_kind(c),
                    if c.ok { "ok" } else { "failed" }
                );
            }
        }
        h.push_str("</dl></div>\n");
    }
    h.push_str("</div>\n");

    // Checks.
    let _ = writeln!(h, "<h2>Checks ({})</h2>", ex.checks.len());
    if ex.checks.is_empty() {
        h.push_str("<p class=\"hint\">No check: no total with a breakdown, rate or dated reference was found.</p>\n");
    } else {
        h.push_str(
            "<table>\n<tr><th>#</th><th>check</th><th>total = parts</th><th>expected / found</th></tr>\n",
        );
        for (j, c) in ex.checks.iter().enumerate() {
            let parts: Vec<String> = c.parts.iter().map(|&p| link(ex, p)).collect();
            let _ = writeln!(
                h,
                "<tr id=\"baocao-c{j}\"{}><td class=\"n\">{j}</td><td>{} {}</td><td>{}{}{}</td>\
                 <td class=\"n\">{}&nbsp;/&nbsp;{}</td></tr>",
                if c.ok { "" } else { " class=\"failed\"" },
                check_kind(c),
                if c.ok { "ok" } else { "failed" },
                link(ex, c.total),
                if parts.is_empty() { "" } else { " = " },
                parts.join(" + "),
                number(c.expected),
                number(c.found)
            );
        }
        h.push_str("</table>\n");
    }

    // Diagnostics.
    let _ = writeln!(h, "<h2>Diagnostics ({})</h2>", ex.diagnostics.len());
    if ex.diagnostics.is_empty() {
        h.push_str("<p class=\"hint\">None.</p>\n");
    } else {
        h.push_str("<table>\n<tr><th>where</th><th>what</th></tr>\n");
        for (j, d) in ex.diagnostics.iter().enumerate() {
            let at = text.get(d.span.range()).unwrap_or("");
            let inside = ex.records.iter().position(|r| r.span.overlaps(d.span));
            let place = match inside {
                Some(i) => link(ex, i),
                None => format!("<a href=\"#baocao-g{j}\">“{}”</a>", esc(at)),
            };
            let _ = writeln!(
                h,
                "<tr><td>{place}<br><span class=\"hint\">bytes {}–{}</span></td><td><strong>{} {}</strong><br>{}</td></tr>",
                d.span.start,
                d.span.end,
                esc(&enum_name(&d.level).unwrap_or_default()),
                esc(&enum_name(&d.code).unwrap_or_default()),
                esc(&d.message)
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</aside>\n</main>\n<script>");
    h.push_str(SCRIPT);
    h.push_str("</script>\n</body>\n</html>\n");
    h
}

/// A link to record `i` in the text, showing its text.
fn link(ex: &Extraction, i: usize) -> String {
    match ex.records.get(i) {
        Some(r) => format!("<a href=\"#baocao-r{i}\">“{}”</a>", esc(&r.text)),
        None => format!("record {i}"),
    }
}

fn check_kind(c: &baocao::Check) -> String {
    enum_name(&c.check).unwrap_or_default()
}

/// `s` escaped for HTML text and double-quoted attributes.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
