//! `date`: a free-standing calendar date.
//!
//! ```text
//! ngày 26/3/2018    26/3/2018    ngày 26 tháng 3 năm 2018    26 tháng 3 năm 2018
//! tháng 3/2018      tháng 3 năm 2018
//! năm 2018
//! (1/2017)   đến 6/2020                a month in a clear date position
//! ```
//! Not records: a date without a year ("ngày 26/3"), a bare year ("2018"), and the
//! start of a range ("năm 2016-2021", "26/3 - 28/3/2018"), which is a period.
//! A date-shaped text that is no calendar date ("31/02/2024") makes an
//! `invalid_date` diagnostic and no record.

use crate::error::Code;
use crate::record::{Date, Precision, RecordData, RecordKind};
use crate::text::date::{
    bare_month_year, day_month_year, may_start_day, nam_year, thang_month_year, DateLex,
    PartialDate,
};
use crate::text::keyword::Keyword;

use super::common::{day_month_year_at, digit_run_starts_free, digit_start};
use super::{Ctx, Grammar, Match, Trigger};

static NGAY: Keyword = Keyword::new("ngày");
static THANG: Keyword = Keyword::new("tháng");
static NAM: Keyword = Keyword::new("năm");
static DEN: Keyword = Keyword::new("đến");
static TU: Keyword = Keyword::new("từ");

/// The date grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::Date,
    name: "date",
    triggers: &[
        Trigger::Word(&NGAY),
        Trigger::Word(&THANG),
        Trigger::Word(&NAM),
        Trigger::Digit,
    ],
    parse,
};

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    // at a digit, only a day
    if !digit_start(ctx, at).may_day() {
        return None;
    }
    parse_here(ctx, at)
}

/// [`parse`] once the bytes after a number do not rule it out.
#[inline(never)]
pub(super) fn parse_here(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let rest = &text[at..];
    // no keyword below starts with a digit, and most calls are at digit runs
    let at_digit = rest.starts_with(|c: char| c.is_ascii_digit());
    let lex = if at_digit {
        digit_run_date(ctx, at)
    } else if let Some(n) = NGAY.match_at(rest) {
        // ngày 26/3/2018, ngày 26 tháng 3 năm 2018
        let body = rest[n..].strip_prefix(' ')?;
        day_month_year(body).map(|l| DateLex {
            len: l.len + n + 1,
            ..l
        })
    } else if THANG.match_at(rest).is_some() {
        thang_month_year(rest)
    } else if NAM.match_at(rest).is_some() {
        nam_year(rest)
    } else {
        digit_run_date(ctx, at)
    }?;
    let end = at + lex.len;
    if !ends_free(text, end) || starts_range(&text[end..]) {
        return None;
    }
    let date = match lex.date {
        Ok(d) => d,
        Err(why) => {
            let written = ctx.written(at, end);
            let d = ctx.diagnostic(
                Code::InvalidDate,
                at,
                end,
                format!("{written:?} is not a calendar date: {why}"),
            );
            ctx.diagnostics.push(d);
            return None;
        }
    };
    Some(Match {
        start: at,
        end,
        data: RecordData::Date(record(date)),
        richness: 0,
        diagnostics: vec![],
    })
}

/// A date written from the digit run at `at`: "26/3/2018", "26 tháng 3 năm 2018",
/// or "6/2020" where a month is expected.
fn digit_run_date(ctx: &Ctx<'_>, at: usize) -> Option<DateLex> {
    let text = ctx.text();
    let rest = &text[at..];
    // both shapes start with a day or month and a separator: most runs have none
    if !may_start_day(rest) || !digit_run_starts_free(text, at) {
        return None;
    }
    day_month_year_at(ctx, at).or_else(|| {
        month_position(text, at)
            .then(|| bare_month_year(rest))
            .flatten()
    })
}

/// The record for a valid partial date.
pub(crate) fn record(date: PartialDate) -> Date {
    let precision = match (date.month, date.day) {
        (Some(_), Some(_)) => Precision::Day,
        (Some(_), None) => Precision::Month,
        _ => Precision::Year,
    };
    Date {
        value: date.iso(),
        precision,
    }
}

/// What follows a date: not a letter or digit, and not a symbol continuing ("/QĐ").
fn ends_free(text: &str, end: usize) -> bool {
    let mut after = text[end..].chars();
    match after.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('/' | '-' | '.') => !after.next().is_some_and(|c| c.is_alphanumeric()),
        Some(_) => true,
    }
}

/// "- 2021", "-2021": the date is the start of a range.
fn starts_range(after: &str) -> bool {
    let t = after.trim_start_matches(' ');
    t.strip_prefix('-').is_some_and(|t| {
        t.trim_start_matches(' ')
            .starts_with(|c: char| c.is_ascii_digit())
    })
}

/// A bare "6/2020" is a month where a reader expects a date: in parentheses or
/// after "đến"/"từ".
fn month_position(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    if before.ends_with('(') {
        return true;
    }
    [&DEN, &TU].iter().any(|k| {
        let w = k.folded();
        before.len() >= w.len()
            && before.ends_with(w)
            && crate::text::keyword::starts_word(before, before.len() - w.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_date_word_starts_with_a_digit() {
        for k in [&NGAY, &THANG, &NAM] {
            assert!(!k.folded().starts_with(|c: char| c.is_ascii_digit()));
        }
    }
}
