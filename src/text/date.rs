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

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, one_of};
use nom::combinator::{map, map_res, opt, verify};
use nom::sequence::{preceded, tuple};
use nom::IResult;

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
    pub(crate) fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// A date-shaped text, valid or not, and its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateLex {
    pub date: Result<PartialDate, String>,
    pub len: usize,
}

fn small(input: &str) -> IResult<&str, u32> {
    map_res(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        str::parse,
    )(input)
}

fn year(input: &str) -> IResult<&str, i32> {
    let (rest, y) = verify(
        map_res(
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            str::parse,
        ),
        |y: &i32| (1000..=2999).contains(y),
    )(input)?;
    // 4 digits then another digit is no year
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, y))
}

// 26/3/2018, 26-3-2018, 26.3.2018
fn numeric_dmy(input: &str) -> IResult<&str, (u32, u32, i32)> {
    let (rest, (d, sep, m)) = tuple((small, one_of("/-."), small))(input)?;
    let (rest, y) = preceded(char(sep), year)(rest)?;
    Ok((rest, (d, m, y)))
}

// 26 tháng 3 năm 2018, 26 tháng 3, 2018
fn worded_dmy(input: &str) -> IResult<&str, (u32, u32, i32)> {
    let (rest, (d, _, _, _, m)) = tuple((small, char(' '), kw(&THANG), char(' '), small))(input)?;
    let (rest, y) = preceded(
        alt((tag(" "), tag(", "))),
        preceded(opt(tuple((kw(&NAM), char(' ')))), year),
    )(rest)?;
    Ok((rest, (d, m, y)))
}

// 3/2018, 3-2018, 3 năm 2018, 3, 2018
fn month_year(input: &str) -> IResult<&str, (u32, i32)> {
    let (rest, m) = small(input)?;
    let (rest, y) = alt((
        preceded(one_of("/-"), year),
        preceded(tuple((char(' '), kw(&NAM), char(' '))), year),
        preceded(tag(" - "), year),
    ))(rest)?;
    Ok((rest, (m, y)))
}

fn lexed(input: &str, rest: &str, date: Result<PartialDate, String>) -> Option<DateLex> {
    Some(DateLex {
        date,
        len: input.len() - rest.len(),
    })
}

/// A day-month-year date at the start of `input`, numeric or worded.
pub(crate) fn day_month_year(input: &str) -> Option<DateLex> {
    let (rest, (d, m, y)) = alt((numeric_dmy, worded_dmy))(input).ok()?;
    lexed(input, rest, PartialDate::new(y, Some(m), Some(d)))
}

/// "tháng 3/2018", "tháng 3 năm 2018" at the start of `input`.
pub(crate) fn thang_month_year(input: &str) -> Option<DateLex> {
    let (rest, (m, y)) = preceded(tuple((kw(&THANG), char(' '))), month_year)(input).ok()?;
    lexed(input, rest, PartialDate::new(y, Some(m), None))
}

/// A bare "3/2018" at the start of `input`: only a date where the caller says so.
pub(crate) fn bare_month_year(input: &str) -> Option<DateLex> {
    let (rest, (m, y)) = tuple((small, preceded(char('/'), year)))(input).ok()?;
    lexed(input, rest, PartialDate::new(y, Some(m), None))
}

/// "năm 2018" at the start of `input`.
pub(crate) fn nam_year(input: &str) -> Option<DateLex> {
    let (rest, y) = preceded(tuple((kw(&NAM), char(' '))), year)(input).ok()?;
    lexed(input, rest, PartialDate::new(y, None, None))
}

/// A four-digit year (1000–2999) at the start of `input`, not followed by a digit:
/// the year and its byte length. A range's ends are written this way ("2016-2021").
pub(crate) fn year_at(input: &str) -> Option<(i32, usize)> {
    let (rest, y) = year(input).ok()?;
    Some((y, input.len() - rest.len()))
}

/// A one- or two-digit number (a day, a month, a quarter) at the start of `input`,
/// not followed by another digit: its value and byte length.
pub(crate) fn day_or_month(input: &str) -> Option<(u32, usize)> {
    let (rest, n) = small(input).ok()?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((n, input.len() - rest.len()))
}

// 26/3, 26 tháng 3
fn day_month_only(input: &str) -> IResult<&str, (u32, u32)> {
    alt((
        map(tuple((small, char('/'), small)), |(d, _, m)| (d, m)),
        map(
            tuple((small, char(' '), kw(&THANG), char(' '), small)),
            |(d, _, _, _, m)| (d, m),
        ),
    ))(input)
}

/// A day and month without a year at the start of `input` ("26/3", "26 tháng 3"),
/// as the first end of a range writes it ("26/3 - 28/3/2018"): the day, the month
/// and the byte length. Not when more digits follow ("26/3/18", "26/123"); the
/// caller tries [`day_month_year`] first. The values are not validated.
pub(crate) fn day_month(input: &str) -> Option<(u32, u32, usize)> {
    let (rest, (d, m)) = day_month_only(input).ok()?;
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
        f(&fold(s)).map(|l| l.date.map(|d| d.iso()))
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
