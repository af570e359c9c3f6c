//! Calendar dates as Vietnamese writes them, validated with chrono.
//!
//! Shapes accepted (on the normalised view; `sep` is `/`, `-` or `.`, the same
//! both times):
//! ```text
//! 26/3/2018   26-3-2018   26.03.2018           day month year
//! 26 tháng 3 năm 2018     26 tháng 03, 2018    day month year, worded
//! tháng 3/2018  tháng 3-2018  tháng 3 năm 2018 month year (after "tháng")
//! 3/2018                                       month year (the caller decides
//!                                              whether the position is a date)
//! năm 2018                                     year
//! 2018   26/3   26 tháng 3   15               the pieces of a range, for the period
//!                                              grammar ("ngày 15 - 18/4/2017")
//! ```
//! Years have four digits, 1000–2999. Not supported: two-digit years ("26/3/18"),
//! dates without a year (they are not records), lunar dates ("mùng 5 tháng Giêng").
//!
//! The grammars try these lexers at every digit run and at every "ngày", "tháng"
//! and "năm", and nearly all of those positions hold no date. So the lexers are
//! small hand-written steps over bytes, each returning the input after it, and
//! they give up at the first byte that cannot continue a shape.

use chrono::NaiveDate;
use compact_str::CompactString;

use super::keyword::{kw, Keyword};

static THANG: Keyword = Keyword::new("tháng");
static NAM: Keyword = Keyword::new("năm");

/// A date with the parts that were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    /// Validates the parts: the month is 1–12, the day exists in that month.
    pub(crate) fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Result<Self, String> {
        match (month, day) {
            (Some(m), _) if !(1..=12).contains(&m) => Err(format!("there is no month {m}")),
            (Some(m), Some(d)) => match NaiveDate::from_ymd_opt(year, m, d) {
                Some(_) => Ok(PartialDate { year, month, day }),
                None => Err(format!("month {m} of {year} has no day {d}")),
            },
            (None, Some(_)) => Err("a day without a month".to_string()),
            _ => Ok(PartialDate { year, month, day }),
        }
    }

    /// ISO 8601 with only the written parts: "2018-03-26", "2018-03", "2018".
    pub(crate) fn iso(&self) -> CompactString {
        // every date and period record writes these: a calendar date's digits go
        // into a buffer at a tenth of the cost of `format!`, which stays for the
        // rest (a sign, a fifth digit)
        match self.calendar_iso() {
            Some((buf, len)) => std::str::from_utf8(&buf[..len])
                .map_or_else(|_| self.formatted_iso().into(), CompactString::new),
            None => self.formatted_iso().into(),
        }
    }

    /// Whether [`PartialDate::iso`] is `written`, read without building it: a
    /// known document fills a reference's date before the text's own date is read,
    /// and the two mostly agree.
    pub(crate) fn iso_is(&self, written: &str) -> bool {
        match self.calendar_iso() {
            Some((buf, len)) => buf[..len] == *written.as_bytes(),
            None => self.formatted_iso() == written,
        }
    }

    /// [`PartialDate::iso`] in a buffer, with its length, for a year of at most
    /// four digits and a month and day of at most two.
    fn calendar_iso(&self) -> Option<([u8; 10], usize)> {
        let mut buf = *b"0000-00-00";
        let year = u32::try_from(self.year).ok().filter(|&y| y < 10_000)?;
        write_digits(&mut buf[..4], year);
        let Some(month) = self.month else {
            return Some((buf, 4));
        };
        write_digits(&mut buf[5..7], Some(month).filter(|&m| m < 100)?);
        let Some(day) = self.day else {
            return Some((buf, 7));
        };
        write_digits(&mut buf[8..], Some(day).filter(|&d| d < 100)?);
        Some((buf, 10))
    }

    /// [`PartialDate::iso`] by `format!`.
    fn formatted_iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// The last digits of `n` in decimal, as many as `out` holds, over its bytes.
fn write_digits(out: &mut [u8], n: u32) {
    let mut rest = n;
    for d in out.iter_mut().rev() {
        *d = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
}

/// A date-shaped text, valid or not, and its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateLex {
    pub date: Result<PartialDate, String>,
    pub len: usize,
}

// ---------------------------------------------------------------------------
// Steps: each reads one piece at the start of its input and returns what it read
// and the input after it.

/// The value of ASCII digits.
fn digits_value(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |v, d| v * 10 + u32::from(d - b'0'))
}

/// One or two digits (two when there are): a day, a month, a quarter.
fn small(input: &str) -> Option<(u32, &str)> {
    let b = input.as_bytes();
    let n = b.iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    (n > 0).then(|| (digits_value(&b[..n]), &input[n..]))
}

/// Four digits, 1000–2999, not followed by another digit.
fn year(input: &str) -> Option<(i32, &str)> {
    let b = input.as_bytes();
    let four = b.get(..4).filter(|d| d.iter().all(u8::is_ascii_digit))?;
    let y = digits_value(four);
    let rest = &input[4..];
    // 4 digits then another digit is no year
    let more = rest.starts_with(|c: char| c.is_ascii_digit());
    ((1000..=2999).contains(&y) && !more).then_some((y as i32, rest))
}

/// The byte `c`.
fn byte(input: &str, c: u8) -> Option<&str> {
    (input.as_bytes().first() == Some(&c)).then(|| &input[1..])
}

/// One of the ASCII bytes in `set`: which one, and the rest.
fn one_of<'a>(input: &'a str, set: &[u8]) -> Option<(u8, &'a str)> {
    let c = *input.as_bytes().first()?;
    set.contains(&c).then(|| (c, &input[1..]))
}

/// The keyword, at a word boundary.
fn keyword<'a>(input: &'a str, k: &'static Keyword) -> Option<&'a str> {
    kw(k)(input).ok().map(|(rest, _)| rest)
}

/// " tháng " between a day and its month.
fn space_thang_space(input: &str) -> Option<&str> {
    byte(keyword(byte(input, b' ')?, &THANG)?, b' ')
}

// ---------------------------------------------------------------------------
// Shapes.

// 26/3/2018, 26-3-2018, 26.3.2018
fn numeric_dmy(input: &str) -> Option<((u32, u32, i32), &str)> {
    let (d, rest) = small(input)?;
    let (sep, rest) = one_of(rest, b"/-.")?;
    let (m, rest) = small(rest)?;
    let (y, rest) = year(byte(rest, sep)?)?;
    Some(((d, m, y), rest))
}

// 26 tháng 3 năm 2018, 26 tháng 3, 2018
fn worded_dmy(input: &str) -> Option<((u32, u32, i32), &str)> {
    let (d, rest) = small(input)?;
    let (m, rest) = small(space_thang_space(rest)?)?;
    let rest = rest.strip_prefix(' ').or_else(|| rest.strip_prefix(", "))?;
    // "năm " is optional: "năm" without a space after it is no year either
    let rest = keyword(rest, &NAM)
        .and_then(|r| byte(r, b' '))
        .unwrap_or(rest);
    let (y, rest) = year(rest)?;
    Some(((d, m, y), rest))
}

// 3/2018, 3-2018, 3 năm 2018, 3 - 2018
fn month_year(input: &str) -> Option<((u32, i32), &str)> {
    let (m, rest) = small(input)?;
    let (y, rest) = one_of(rest, b"/-")
        .and_then(|(_, r)| year(r))
        .or_else(|| year(byte(keyword(byte(rest, b' ')?, &NAM)?, b' ')?))
        .or_else(|| year(rest.strip_prefix(" - ")?))?;
    Some(((m, y), rest))
}

fn lexed(input: &str, rest: &str, date: Result<PartialDate, String>) -> Option<DateLex> {
    Some(DateLex {
        date,
        len: input.len() - rest.len(),
    })
}

/// Whether a day (or a bare month) may start `input`: every shape
/// [`day_month_year`], [`day_month`] and [`bare_month_year`] read starts with one
/// or two digits ([`small`]) and "/", "-", "." or " tháng". The grammars ask at every digit run, and most runs are counts and
/// years: this answers them from a few bytes.
#[inline]
pub(crate) fn may_start_day(input: &str) -> bool {
    let b = input.as_bytes();
    let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    match b.get(digits) {
        Some(b'/' | b'-' | b'.') => true,
        Some(b' ') => b[digits + 1..].starts_with(THANG.folded().as_bytes()),
        _ => false,
    }
}

/// A day-month-year date at the start of `input`, numeric or worded.
pub(crate) fn day_month_year(input: &str) -> Option<DateLex> {
    if !may_start_day(input) {
        return None;
    }
    read_day_month_year(input)
}

/// [`day_month_year`] without the quick refusal.
fn read_day_month_year(input: &str) -> Option<DateLex> {
    let ((d, m, y), rest) = numeric_dmy(input).or_else(|| worded_dmy(input))?;
    lexed(input, rest, PartialDate::new(y, Some(m), Some(d)))
}

/// "tháng 3/2018", "tháng 3 năm 2018" at the start of `input`.
pub(crate) fn thang_month_year(input: &str) -> Option<DateLex> {
    let ((m, y), rest) = month_year(byte(keyword(input, &THANG)?, b' ')?)?;
    lexed(input, rest, PartialDate::new(y, Some(m), None))
}

/// A bare "3/2018" at the start of `input`: only a date where the caller says so.
pub(crate) fn bare_month_year(input: &str) -> Option<DateLex> {
    let (m, rest) = small(input)?;
    let (y, rest) = year(byte(rest, b'/')?)?;
    lexed(input, rest, PartialDate::new(y, Some(m), None))
}

/// "năm 2018" at the start of `input`.
pub(crate) fn nam_year(input: &str) -> Option<DateLex> {
    let (y, rest) = year(byte(keyword(input, &NAM)?, b' ')?)?;
    lexed(input, rest, PartialDate::new(y, None, None))
}

/// A four-digit year (1000–2999) at the start of `input`, not followed by a digit:
/// the year and its byte length. A range's ends are written this way ("2016-2021").
pub(crate) fn year_at(input: &str) -> Option<(i32, usize)> {
    let (y, rest) = year(input)?;
    Some((y, input.len() - rest.len()))
}

/// A one- or two-digit number (a day, a month, a quarter) at the start of `input`,
/// not followed by another digit: its value and byte length.
pub(crate) fn day_or_month(input: &str) -> Option<(u32, usize)> {
    let (n, rest) = small(input)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((n, input.len() - rest.len()))
}

// 26/3, 26 tháng 3
fn day_month_only(input: &str) -> Option<((u32, u32), &str)> {
    let (d, rest) = small(input)?;
    // the first shape that reads is taken, even when the caller then refuses it
    let after_day = byte(rest, b'/').or_else(|| space_thang_space(rest))?;
    let (m, rest) = small(after_day)?;
    Some(((d, m), rest))
}

/// A day and month without a year at the start of `input` ("26/3", "26 tháng 3"),
/// as the first end of a range writes it ("26/3 - 28/3/2018"): the day, the month
/// and the byte length. Not when more digits follow ("26/3/18", "26/123"); the
/// caller tries [`day_month_year`] first. The values are not validated.
pub(crate) fn day_month(input: &str) -> Option<(u32, u32, usize)> {
    if !may_start_day(input) {
        return None;
    }
    read_day_month(input)
}

/// [`day_month`] without the quick refusal.
fn read_day_month(input: &str) -> Option<(u32, u32, usize)> {
    let ((d, m), rest) = day_month_only(input)?;
    let mut after = rest.chars();
    match after.next() {
        Some(c) if c.is_ascii_digit() => return None,
        Some('/' | '.') if after.next().is_some_and(|c| c.is_ascii_digit()) => return None,
        _ => {}
    }
    Some((d, m, input.len() - rest.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    fn iso(f: fn(&str) -> Option<DateLex>, s: &str) -> Option<Result<String, String>> {
        f(&fold(s)).map(|l| l.date.map(|d| d.iso().into()))
    }

    #[test]
    fn the_quick_refusal_refuses_only_what_reads_no_date() {
        let days = ["", "5", "26", "123", "2018", "x"];
        let firsts = ["", "/", "-", ".", " ", " tháng ", " THÁNG ", "x", ","];
        let months = ["", "3", "12", "123"];
        let seconds = ["", "/", "-", ".", " ", " năm ", ", ", ", năm "];
        let years = ["", "2018", "18", "12345"];
        let tails = ["", "/", "/5", ".5", " x", "5"];
        let mut dates = 0;
        for d in days {
            for a in firsts {
                for m in months {
                    for b in seconds {
                        for y in years {
                            for t in tails {
                                let f = fold(&format!("{d}{a}{m}{b}{y}{t}"));
                                assert_eq!(day_month_year(&f), read_day_month_year(&f), "{f}");
                                assert_eq!(day_month(&f), read_day_month(&f), "{f}");
                                // the callers' refusal before a bare month and year
                                assert!(bare_month_year(&f).is_none() || may_start_day(&f));
                                dates += usize::from(read_day_month(&f).is_some());
                            }
                        }
                    }
                }
            }
        }
        assert!(dates > 100, "the shapes read: {dates}");
    }

    #[test]
    fn value_versus_surface_form() {
        let day = [
            ("26/3/2018", "2018-03-26"),
            ("26-3-2018", "2018-03-26"),
            ("26.03.2018", "2018-03-26"),
            ("01/07/2023", "2023-07-01"),
            ("26 tháng 3 năm 2018", "2018-03-26"),
            ("26 THÁNG 3 NĂM 2018", "2018-03-26"),
            ("26 tháng 3, 2018", "2018-03-26"),
        ];
        for (s, v) in day {
            assert_eq!(iso(day_month_year, s), Some(Ok(v.to_string())), "{s}");
        }
        for (s, v) in [
            ("tháng 3/2018", "2018-03"),
            ("tháng 11 năm 1927", "1927-11"),
            ("tháng 3-2024", "2024-03"),
        ] {
            assert_eq!(iso(thang_month_year, s), Some(Ok(v.to_string())), "{s}");
        }
        assert_eq!(iso(nam_year, "Năm 2016"), Some(Ok("2016".to_string())));
        assert_eq!(
            iso(bare_month_year, "6/2020"),
            Some(Ok("2020-06".to_string()))
        );
    }

    #[test]
    fn iso_pads_like_format() {
        for (y, m, d) in [
            (2018, Some(3), Some(26)),
            (999, Some(12), None),
            (7, None, None),
            (12345, Some(123), Some(0)),
            (-5, Some(1), Some(2)),
            (0, Some(0), None),
        ] {
            let date = PartialDate {
                year: y,
                month: m,
                day: d,
            };
            let expected = match (m, d) {
                (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}"),
            };
            assert_eq!(date.iso(), expected);
        }
    }

    proptest::proptest! {
        #[test]
        fn iso_writes_what_format_writes(
            y in proptest::prop_oneof![0..3000i32, -200..200_000i32, proptest::num::i32::ANY],
            m in proptest::option::of(proptest::prop_oneof![0..13u32, 0..1000u32, proptest::num::u32::ANY]),
            d in proptest::option::of(proptest::prop_oneof![0..32u32, 0..1000u32, proptest::num::u32::ANY]),
        ) {
            let date = PartialDate { year: y, month: m, day: d };
            let expected = match (m, d) {
                (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}"),
            };
            proptest::prop_assert_eq!(date.iso(), expected);
        }

        #[test]
        fn iso_is_reads_what_iso_writes(
            y in proptest::prop_oneof![1000..3000i32, -200..200_000i32],
            m in proptest::option::of(proptest::prop_oneof![1..13u32, 0..1000u32]),
            d in proptest::option::of(proptest::prop_oneof![1..32u32, 0..1000u32]),
            other in proptest::prop_oneof![
                proptest::string::string_regex("[0-9]{4}(-[0-9]{2}){0,2}").unwrap(),
                proptest::string::string_regex("[-0-9]{0,12}").unwrap(),
            ],
        ) {
            let date = PartialDate { year: y, month: m, day: d };
            proptest::prop_assert!(date.iso_is(&date.iso()));
            proptest::prop_assert_eq!(date.iso_is(&other), date.iso() == other);
        }
    }

    #[test]
    fn impossible_dates_are_lexed_but_invalid() {
        let l = day_month_year("31/02/2024").unwrap();
        assert_eq!(l.len, 10);
        assert!(l.date.unwrap_err().contains("no day 31"));
        assert!(day_month_year("12/13/2024").unwrap().date.is_err());
        assert!(thang_month_year(&fold("tháng 13/2024"))
            .unwrap()
            .date
            .is_err());
        assert!(day_month_year("29/02/2024").unwrap().date.is_ok());
    }

    #[test]
    fn range_pieces() {
        assert_eq!(year_at("2016-2021"), Some((2016, 4)));
        assert_eq!(year_at("20165"), None);
        assert_eq!(year_at("0999"), None);
        assert_eq!(day_or_month("15 - 18/4"), Some((15, 2)));
        assert_eq!(day_or_month("2016"), None);
        assert_eq!(day_or_month(""), None);
        assert_eq!(day_month("26/3 - 28/3/2018"), Some((26, 3, 4)));
        let worded = fold("17 tháng 6 đến");
        assert_eq!(day_month(&worded), Some((17, 6, fold("17 tháng 6").len())));
        for s in ["26/3/18", "26/123", "26-3", "2016", "26/3.5"] {
            assert_eq!(day_month(s), None, "{s}");
        }
    }

    #[test]
    fn not_dates() {
        for s in [
            "26/3",
            "26/3/18",
            "26/3-2018",
            "12/2023/",
            "26/3/20188",
            "0026/3/2018",
        ] {
            assert_eq!(day_month_year(s), None, "{s}");
        }
        assert!(nam_year(&fold("năm nay")).is_none());
        assert!(nam_year(&fold("năm 20")).is_none());
        assert!(nam_year("năm 0999").is_none());
    }
}
