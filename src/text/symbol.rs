//! Document numbers and symbols, in the two official systems and their real-world
//! variants (Quy định 66-QĐ/TW for Party documents, Nghị định 30/2020/NĐ-CP for
//! State documents).
//!
//! Shapes accepted (on the normalised view, so letters are lower case here):
//! ```text
//! 05-CT/TW   05 - CT/TW   05 – CT/TW   470- QĐNS/TW   858CV/ĐUK   149 NQ/HĐNN8   Party
//! 30/2020/NĐ-CP   30a/2008/NQ- CP   81/2025/UBTVQH15                 State, legal
//! 187/QĐ-TTg   74/NQ-CP   261/SL   26/HĐBT                            State, administrative
//! 64-SL   19-LCT                                                     old State style
//! 05   181   30a                                                   a number alone
//! ```
//! Not supported: numbers written in words, symbols broken across lines.

/// Which numbering system a written number follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `<n>-<TYPE>/<ISSUER>`
    Party,
    /// `<n>/<year>/<TYPE>-<ISSUER>`
    StateLegal,
    /// `<n>/<TYPE>-<ISSUER>`
    StateAdministrative,
    /// `<n>-<CODE>` (Sắc lệnh 64-SL)
    OldState,
    /// A number with no symbol.
    NumberOnly,
}

/// A document number lexed at the start of a text, in byte offsets into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocNumber {
    /// The number, as a range (`05`, `30a`).
    pub number: (usize, usize),
    /// The year of a State legal number.
    pub year: Option<i32>,
    /// The symbol as a range (`ct/tw`, `nđ-cp`), if any.
    pub symbol: Option<(usize, usize)>,
    pub style: Style,
    pub len: usize,
}

const MAX_NUMBER: usize = 6;
const MAX_SYMBOL: usize = 40;

fn number_len(s: &str) -> Option<usize> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_NUMBER {
        return None;
    }
    // "30a": one letter glued to the number, when a separator follows
    let b = s.as_bytes();
    let with_letter = b.get(digits).is_some_and(|c| c.is_ascii_lowercase())
        && b.get(digits + 1).is_some_and(|c| matches!(c, b'/' | b'-'));
    Some(digits + usize::from(with_letter))
}

/// A symbol token: a letter, then letters, digits and inner `/` `-` `.` (an inner
/// "- " is allowed where the next character is a letter: "NQ- CP").
fn symbol_len(s: &str) -> Option<usize> {
    let mut chars = s.char_indices().peekable();
    match chars.peek() {
        Some((_, c)) if c.is_alphabetic() => {}
        _ => return None,
    }
    let mut end = 0;
    while let Some((i, c)) = chars.next() {
        if i > MAX_SYMBOL {
            return None;
        }
        if c.is_alphanumeric() {
            end = i + c.len_utf8();
            continue;
        }
        if matches!(c, '/' | '-' | '.') {
            let rest = &s[i + 1..];
            let next = rest.strip_prefix(' ').filter(|_| c == '-').unwrap_or(rest);
            if next.starts_with(|c: char| c.is_alphanumeric()) {
                let skip = rest.len() - next.len();
                for _ in 0..skip {
                    chars.next();
                }
                continue;
            }
        }
        break;
    }
    (end > 0).then_some(end)
}

fn year4(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && !b.get(4).is_some_and(u8::is_ascii_digit)
    {
        s[..4].parse().ok().filter(|y| (1900..=2199).contains(y))
    } else {
        None
    }
}

/// A document number (and symbol) at the start of `s`.
pub(crate) fn doc_number(s: &str) -> Option<DocNumber> {
    let n = number_len(s)?;
    let rest = &s[n..];
    let done = |symbol: Option<(usize, usize)>, year, style, len| {
        let after = &s[len..];
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        Some(DocNumber {
            number: (0, n),
            year,
            symbol,
            style,
            len,
        })
    };
    if let Some(r) = rest.strip_prefix('/') {
        // 30/2020/NĐ-CP
        if let Some(y) = year4(r) {
            if let Some(sym) = r[4..].strip_prefix('/') {
                let at = n + 1 + 5;
                let len = symbol_len(sym)?;
                return done(Some((at, at + len)), Some(y), Style::StateLegal, at + len);
            }
            return None;
        }
        // 187/QĐ-TTg, 261/SL
        let len = symbol_len(r)?;
        return done(
            Some((n + 1, n + 1 + len)),
            None,
            Style::StateAdministrative,
            n + 1 + len,
        );
    }
    // 05-CT/TW, 05 - CT/TW, 470- QĐNS/TW, 64-SL
    let dash = rest
        .strip_prefix(" - ")
        .or_else(|| rest.strip_prefix("- "))
        .or_else(|| rest.strip_prefix(" -"))
        .or_else(|| rest.strip_prefix('-'));
    if let Some(r) = dash {
        let at = n + (rest.len() - r.len());
        let len = symbol_len(r)?;
        let sym = &r[..len];
        let style = if sym.contains('/') {
            Style::Party
        } else {
            Style::OldState
        };
        return done(Some((at, at + len)), None, style, at + len);
    }
    // 858CV/ĐUK (hyphen missing), 149 NQ/HĐNN8 (space for hyphen)
    let glued = rest.strip_prefix(' ').unwrap_or(rest);
    if let Some(len) = symbol_len(glued) {
        let sym = &glued[..len];
        let code = sym.split('/').next().unwrap_or("");
        if sym.contains('/') && code.chars().all(char::is_alphabetic) && !code.is_empty() {
            let at = n + (rest.len() - glued.len());
            return done(Some((at, at + len)), None, Style::Party, at + len);
        }
    }
    done(None, None, Style::NumberOnly, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    type Read = (String, Option<String>, Option<i32>, Style, usize);
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, Option<i32>, Style);

    fn read(s: &str) -> Option<Read> {
        let t = fold(s);
        doc_number(&t).map(|d| {
            (
                t[d.number.0..d.number.1].to_string(),
                d.symbol.map(|(a, b)| t[a..b].to_string()),
                d.year,
                d.style,
                d.len,
            )
        })
    }

    #[test]
    fn both_numbering_systems_and_their_variants() {
        let cases: &[Case] = &[
            ("05-CT/TW", "05", Some("ct/tw"), None, Style::Party),
            ("05 - CT/TW", "05", Some("ct/tw"), None, Style::Party),
            ("05 – CT/TW", "05", Some("ct/tw"), None, Style::Party),
            ("470- QĐNS/TW", "470", Some("qđns/tw"), None, Style::Party),
            ("858CV/ĐUK", "858", Some("cv/đuk"), None, Style::Party),
            ("149 NQ/HĐNN8", "149", Some("nq/hđnn8"), None, Style::Party),
            ("08-QĐi/TW", "08", Some("qđi/tw"), None, Style::Party),
            (
                "30/2020/NĐ-CP",
                "30",
                Some("nđ-cp"),
                Some(2020),
                Style::StateLegal,
            ),
            (
                "30a/2008/NQ- CP",
                "30a",
                Some("nq- cp"),
                Some(2008),
                Style::StateLegal,
            ),
            (
                "81/2025/UBTVQH15",
                "81",
                Some("ubtvqh15"),
                Some(2025),
                Style::StateLegal,
            ),
            (
                "187/QĐ-TTg",
                "187",
                Some("qđ-ttg"),
                None,
                Style::StateAdministrative,
            ),
            (
                "261/SL",
                "261",
                Some("sl"),
                None,
                Style::StateAdministrative,
            ),
            ("64-SL", "64", Some("sl"), None, Style::OldState),
            ("05", "05", None, None, Style::NumberOnly),
        ];
        for &(s, n, sym, y, style) in cases {
            let got = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(
                (got.0.as_str(), got.1.as_deref(), got.2, got.3, got.4),
                (n, sym, y, style, fold(s).len()),
                "{s}"
            );
        }
    }

    #[test]
    fn not_document_numbers() {
        for s in ["26/3/2018", "1234567", "5.246", "12a", "2/3"] {
            let got = read(s);
            assert!(
                got.as_ref().is_none_or(|g| g.4 < fold(s).len()),
                "{s}: {got:?}"
            );
        }
        assert_eq!(read("05-ct/tw,").unwrap().4, 8);
        assert_eq!(read("05 cán bộ").unwrap().3, Style::NumberOnly);
    }
}
