//! The original text as HTML with every record marked, to check the extractor by
//! eye (in the spirit of eyecite's `annotate`).
//!
//! The text between records is HTML-escaped and otherwise left byte for byte as it
//! was: line breaks stay line breaks, so show the fragment inside an element with
//! `white-space: pre-wrap`. Because records carry byte spans into the original
//! text, the marks fall exactly where the records are, whatever the text's form
//! (NFD, CRLF, `Ð` for `Đ`).
//!
//! # What is marked
//! A record is marked only where it belongs: its span lies inside the text, starts
//! and ends on character boundaries, is not empty, does not overlap a record
//! marked before it, and its `text` equals the text there. Any other record (from
//! an extraction of another text, say) is left out rather than put in the wrong
//! place; nothing here panics. [`annotate`] also marks each diagnostic whose span
//! holds no marked record, on the same conditions (but for the `text`).

use crate::csv::{cross, enum_name, fields};
use crate::extraction::Extraction;
use crate::record::Record;

/// The text as an HTML fragment, each record wrapped in a `<mark>`.
///
/// Each mark has the classes `baocao` and `baocao-<kind>`; `baocao-failed` when
/// the record takes part in a check that failed, `baocao-flagged` when a
/// diagnostic touches it. Its `id` is `baocao-r<index>` (the record's index in
/// [`Extraction::records`]), it has `data-index`, `data-kind`, `data-start` and
/// `data-end` attributes, and a `title` that lists the record's fields (a
/// tooltip on hover). See the module docs for which records are marked.
///
/// A diagnostic whose span holds no marked record (an impossible date, which
/// gives no record) is wrapped in `<span class="baocao-diagnostic"
/// id="baocao-g<index>" data-diagnostic="<index>" title="…">`, so what was
/// rejected shows too.
///
/// ```
/// let text = "Chi bộ có 25 đảng viên <b>.";
/// let html = baocao::annotate(text, &baocao::extract(text));
/// assert!(html.starts_with("Chi bộ có <mark class=\"baocao baocao-member_count\" id=\"baocao-r0\""));
/// assert!(html.contains(">25 đảng viên</mark> &lt;b&gt;."));
/// ```
pub fn annotate(text: &str, extraction: &Extraction) -> String {
    let cross = cross(extraction);
    let mut items = record_items(text, extraction, |index, record| {
        let mut class = format!("baocao baocao-{}", record.kind());
        let checks = &cross.checks[index];
        if checks.iter().any(|c| c.ends_with(":failed")) {
            class.push_str(" baocao-failed");
        }
        let diagnostics = &cross.diagnostics[index];
        if !diagnostics.is_empty() {
            class.push_str(" baocao-flagged");
        }
        let mut title = record.kind().to_string();
        for (name, value) in fields(record) {
            title.push('\n');
            title.push_str(name);
            title.push_str(": ");
            title.push_str(&value);
        }
        for (name, list) in [("checks", checks), ("diagnostics", diagnostics)] {
            if !list.is_empty() {
                title.push('\n');
                title.push_str(name);
                title.push_str(": ");
                title.push_str(&list.join("; "));
            }
        }
        let open = format!(
            "<mark class=\"{class}\" id=\"baocao-r{index}\" data-index=\"{index}\" \
             data-kind=\"{}\" data-start=\"{}\" data-end=\"{}\" title=\"{}\">",
            record.kind(),
            record.span.start,
            record.span.end,
            attribute(&title),
        );
        (open, "</mark>".to_string())
    });
    let mut extra = Vec::new();
    for (index, d) in extraction.diagnostics.iter().enumerate() {
        let (start, end) = (d.span.start, d.span.end);
        // The items are in text order and do not overlap: the first one that
        // ends after `start` is the only one that can overlap.
        let next = items.partition_point(|item| item.end <= start);
        let clear = items.get(next).is_none_or(|item| end <= item.start);
        if clear && start < end && text.get(start..end).is_some() {
            let title = format!(
                "{} {}: {}",
                enum_name(&d.level).unwrap_or_default(),
                enum_name(&d.code).unwrap_or_default(),
                d.message
            );
            extra.push(Item {
                start,
                end,
                before: format!(
                    "<span class=\"baocao-diagnostic\" id=\"baocao-g{index}\" \
                     data-diagnostic=\"{index}\" title=\"{}\">",
                    attribute(&title)
                ),
                after: "</span>".to_string(),
            });
        }
    }
    items.extend(extra);
    weave(text, items)
}

/// Like [`annotate`], with the markup of your choice and records only:
/// `markup(index, record)` gives the HTML to put before and after each marked
/// record (written as given, not escaped); everything else, the records' own
/// text included, is escaped.
///
/// ```
/// let text = "Ngày 26/3/2018 & sau đó";
/// let out = baocao::extract(text);
/// let html = baocao::annotate_with(text, &out, |i, r| {
///     (format!("<a href=\"#r{i}\" class=\"{}\">", r.kind()), "</a>".to_string())
/// });
/// assert_eq!(html, "<a href=\"#r0\" class=\"date\">Ngày 26/3/2018</a> &amp; sau đó");
/// ```
pub fn annotate_with<F>(text: &str, extraction: &Extraction, markup: F) -> String
where
    F: FnMut(usize, &Record) -> (String, String),
{
    weave(text, record_items(text, extraction, markup))
}

/// Markup to put around `text[start..end]`.
struct Item {
    start: usize,
    end: usize,
    before: String,
    after: String,
}

/// The records that can be marked (see the module docs), in text order, with
/// their markup.
fn record_items<F>(text: &str, extraction: &Extraction, mut markup: F) -> Vec<Item>
where
    F: FnMut(usize, &Record) -> (String, String),
{
    let mut order: Vec<usize> = (0..extraction.records.len()).collect();
    order.sort_by_key(|&i| {
        let span = extraction.records[i].span;
        (span.start, span.end)
    });
    let mut items = Vec::new();
    let mut at = 0;
    for index in order {
        let record = &extraction.records[index];
        let (start, end) = (record.span.start, record.span.end);
        if start < at || start >= end || text.get(start..end) != Some(record.text.as_str()) {
            continue;
        }
        let (before, after) = markup(index, record);
        items.push(Item {
            start,
            end,
            before,
            after,
        });
        at = end;
    }
    items
}

/// The escaped text with the items' markup around their spans. Items that are
/// out of bounds, off a character boundary, empty or overlapping an earlier one
/// are left out.
fn weave(text: &str, mut items: Vec<Item>) -> String {
    items.sort_by_key(|item| (item.start, item.end));
    let mut html = String::with_capacity(text.len() + text.len() / 2);
    let mut at = 0;
    for item in items {
        let (start, end) = (item.start, item.end);
        if start < at || start >= end || text.get(start..end).is_none() {
            continue;
        }
        escape_into(&mut html, &text[at..start]);
        html.push_str(&item.before);
        escape_into(&mut html, &text[start..end]);
        html.push_str(&item.after);
        at = end;
    }
    escape_into(&mut html, &text[at..]);
    html
}

/// `s` escaped for a double-quoted attribute value, line breaks kept as `&#10;`.
fn attribute(s: &str) -> String {
    escape(s).replace('\n', "&#10;")
}

/// `s` with `&`, `<`, `>`, `"` and `'` escaped, safe in HTML text and in quoted
/// attribute values. NUL, which HTML drops, becomes U+FFFD.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

fn escape_into(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            0 => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(rep);
        from = i + 1;
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(
            escape("a&b<c>d\"e'f\0g ệ"),
            "a&amp;b&lt;c&gt;d&quot;e&#39;f\u{FFFD}g ệ"
        );
    }
}
