//! Strict single-value parses (`FromStr`): the whole input must be one value.

use std::str::FromStr;

use crate::error::Error;
use crate::record::{Date, Percentage};
use crate::Extractor;
use crate::RecordData;
use crate::RecordKind;

fn strict(input: &str, kind: RecordKind, what: &'static str) -> Result<RecordData, Error> {
    let trimmed = input.trim();
    let lead = input.len() - input.trim_start().len();
    let extractor = Extractor::builder()
        .kinds([kind])
        .build()
        .expect("one kind is a valid choice");
    let out = extractor.extract(trimmed);
    if let Some(d) = out
        .diagnostics
        .iter()
        .find(|d| d.code == crate::Code::InvalidDate)
    {
        return Err(Error::InvalidDate {
            input: input.to_string(),
            reason: d.message.clone(),
        });
    }
    match out.records.as_slice() {
        [r] if r.span.start == 0 && r.span.end == trimmed.len() => Ok(r.data.clone()),
        [r, ..] => {
            let offset = lead + if r.span.start > 0 { 0 } else { r.span.end };
            Err(Error::Parse {
                what,
                input: input.to_string(),
                offset,
                reason: if r.span.start > 0 {
                    format!("unexpected text before {:?}", r.text)
                } else {
                    "unexpected text after the value".to_string()
                },
            })
        }
        [] => Err(Error::Parse {
            what,
            input: input.to_string(),
            offset: lead,
            reason: format!("this is not {what}"),
        }),
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses one date: "26/3/2018", "ngày 26 tháng 3 năm 2018", "tháng 3/2018",
    /// "năm 2018".
    ///
    /// # Errors
    /// [`Error::InvalidDate`] for a date-shaped text that is no day ("31/02/2024"),
    /// [`Error::Parse`] for anything else that is not exactly one date.
    ///
    /// ```
    /// let d: baocao::Date = "ngày 26 tháng 3 năm 2018".parse().unwrap();
    /// assert_eq!(d.value, "2018-03-26");
    /// assert!("26/3/2018 xyz".parse::<baocao::Date>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match strict(s, RecordKind::Date, "a date")? {
            RecordData::Date(d) => Ok(d),
            _ => unreachable!("only the date grammar ran"),
        }
    }
}

impl FromStr for Percentage {
    type Err = Error;

    /// Parses one percentage: "98,5%", "hơn 90% đảng viên", "từ 50% trở lên".
    ///
    /// # Errors
    /// [`Error::Parse`] when the text is not exactly one percentage.
    ///
    /// ```
    /// let p: baocao::Percentage = "98,5%".parse().unwrap();
    /// assert_eq!(p.value, 98.5);
    /// let err = "98,5".parse::<baocao::Percentage>().unwrap_err();
    /// assert!(err.to_string().contains("this is not a percentage"));
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match strict(s, RecordKind::Percentage, "a percentage")? {
            RecordData::Percentage(p) => Ok(p),
            _ => unreachable!("only the percentage grammar ran"),
        }
    }
}
