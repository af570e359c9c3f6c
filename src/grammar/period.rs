//! `period`: a span of time.
//!
//! ```text
//! giai đoạn 2016-2021   nhiệm kỳ 2020 - 2025   giai đoạn từ năm 2016 đến nay     labelled
//! thời kỳ 1954-1975   khoảng thời gian 1955-1960   năm học 2023-2024
//! khóa IV (1971-1975)   nhiệm kỳ Quốc hội khoá II (1960-1964)   khóa 1960-1961
//! từ năm 2016 đến năm 2020   từ 2011 đến 2013   từ 1971-1972   từ tháng 6/2012 đến nay
//! từ năm 1979   từ tháng 6/2012   từ 3/1950   từ đầu năm 2017       start only
//! từ tháng 11/1964 - 4/1975   năm 2016-2021   những năm 1954 - 1959   5 năm 1981-1985
//! ngày 15 - 18/4/2017   ngày 24-25/9/2025   ngày 26/3 - 28/3/2018
//! 17 tháng 7 năm 1981 – 17 tháng 6 năm 1987   26/3/2018 - 28/3/2018    a day first
//! từ ngày 12 đến ngày 15 tháng 10 năm 1923   từ ngày 17 tháng 6 đến ngày 8 tháng 7 năm 1924
//! từ ngày 9 đến 12/12/1927   từ 1/1/2016 đến 31/5/2017
//! trong 5 năm qua   hơn 1 năm qua   mười năm gần đây   3 năm trở lại đây   last_years
//! hằng năm   hàng tháng   hằng quý                                  recurrence
//! quý I/2024   quý II năm 2025   quý 3/2025   quý IV                quarter
//! 6 tháng đầu năm 2024   6 tháng cuối năm   9 tháng đầu năm 2024    part of a year
//! ```
//! `start` and `end` keep the precision written; a range's first end borrows what
//! it leaves out from the second ("ngày 15 - 18/4/2017" → "2017-04-15"). A range
//! whose end comes before its start, or with a day that does not exist, is no record
//! (the latter with an `invalid_date` diagnostic).
//!
//! Relative periods and the reference date: "trong 5 năm qua" (also "5 năm gần
//! đây", "5 năm trở lại đây", "hơn 5 năm qua") always has `last_years` 5. When the
//! caller gave a reference date d (`Extractor::builder().reference_date(d)`), it
//! also has `start` = year(d) − 5 and `end` = year(d), both "YYYY": the span counts
//! back from the year the text was written. Without one, `start` and `end` are null.
//! "năm nay" alone is no period and no record.
//!
//! Not supported:
//! - other relative periods resolved to dates: "6 tháng đầu năm nay", "quý 3 năm
//!   nay" keep `start` and `end` null even with a reference date;
//! - two-digit range ends ("2016-21"), decades ("những năm 80"), ordinal terms
//!   ("nhiệm kỳ II", "nhiệm kỳ tới"), future spans ("5 năm tới");
//! - a start-only day: "từ ngày 1/7/2023" is a date of effect, left to `date`;
//!   a bare start-only year ("từ 1960 là trưởng ban");
//! - a range whose first end has the year and the second not ("từ 26/3/2018 đến
//!   28/3"), ranges in other spellings ("từ 1.2015-12.2017", "từ 11-1964");
//! - lists of quarters ("quý I, II/2024"), ranges of quarters ("từ quý I đến quý
//!   III"), "đầu năm"/"cuối năm" without a month count;
//! - "hằng ngày", "hằng tuần": the contract has no such recurrence.

use chrono::Datelike;
use compact_str::CompactString;

use crate::error::Code;
use crate::record::{Period, PeriodLabel, RecordData, RecordKind, Recurrence};
use crate::text::date::{
    bare_month_year, day_month, day_month_year, day_or_month, may_start_day, nam_year,
    thang_month_year, year_at, PartialDate,
};
use crate::text::keyword::{starts_word, Keyword, Lexicon};
use crate::text::normalize::is_word_char;
use crate::text::roman::roman;

use super::common::{approx_word, number_end, quantity, APPROX, NUMBER_WORD_STARTS};
use super::common::{day_month_year_at, digit_run_starts_free, digit_start};
use super::{Ctx, Grammar, Match, Trigger};

static TU: Keyword = Keyword::new("từ");
static NHUNG: Keyword = Keyword::new("những");
static NAM: Keyword = Keyword::new("năm");
static NGAY: Keyword = Keyword::new("ngày");
static THANG: Keyword = Keyword::new("tháng");
static TRONG: Keyword = Keyword::new("trong");
static QUY: Keyword = Keyword::new("quý");
static KHOA: Keyword = Keyword::new("khóa");

/// Words that name a span and take a range after them.
static LABELS: Lexicon<Option<PeriodLabel>> = Lexicon::new(&[
    ("giai đoạn", Some(PeriodLabel::Stage)),
    ("khoảng thời gian", None),
    ("năm học", None),
    ("nhiệm kì", Some(PeriodLabel::Term)),
    ("nhiệm kỳ", Some(PeriodLabel::Term)),
    ("thời gian", None),
    ("thời kì", None),
    ("thời kỳ", None),
]);

static RECURRENCE: Lexicon<Recurrence> = Lexicon::new(&[
    ("hàng năm", Recurrence::Yearly),
    ("hàng quý", Recurrence::Quarterly),
    ("hàng tháng", Recurrence::Monthly),
    ("hằng năm", Recurrence::Yearly),
    ("hằng quý", Recurrence::Quarterly),
    ("hằng tháng", Recurrence::Monthly),
]);

/// What ends "hằng năm" as something else: "hàng năm trời" (for years on end),
/// "hàng năm trăm người" (hundreds).
static NOT_RECURRENCE: Lexicon<()> = Lexicon::new(&[
    ("chục", ()),
    ("nghìn", ()),
    ("ngàn", ()),
    ("trăm", ()),
    ("triệu", ()),
    ("trời", ()),
    ("vạn", ()),
]);

/// The words between a range's ends.
static TO_WORDS: Lexicon<()> = Lexicon::new(&[
    ("cho đến", ()),
    ("cho tới", ()),
    ("đến", ()),
    ("đến hết", ()),
    ("tới", ()),
]);

/// An open end: "đến nay".
static NOW: Lexicon<()> = Lexicon::new(&[("hiện nay", ()), ("hiện tại", ()), ("nay", ())]);

/// What follows "N năm" counting back from now.
static PAST: Lexicon<()> = Lexicon::new(&[
    ("gần đây", ()),
    ("nay", ()),
    ("qua", ()),
    ("trở lại đây", ()),
    ("vừa qua", ()),
]);

/// Units after "từ 1500 đến 2000": a quantity, not years (true), unless the word
/// goes on into another ("đồng chí").
static UNITS: Lexicon<bool> = Lexicon::new(&[
    ("cán bộ", true),
    ("đảng viên", true),
    ("đồng", true),
    ("đồng chí", false),
    ("ha", true),
    ("hộ", true),
    ("học sinh", true),
    ("kg", true),
    ("km", true),
    ("lượt", true),
    ("m", true),
    ("nghìn", true),
    ("người", true),
    ("phiếu", true),
    ("tấn", true),
    ("tỷ", true),
    ("triệu", true),
]);

/// "đầu năm", "cuối năm", "giữa năm" after "từ".
static PART_OF_YEAR: Lexicon<()> = Lexicon::new(&[("cuối", ()), ("đầu", ()), ("giữa", ())]);

static DAU: Keyword = Keyword::new("đầu");
static NAY: Keyword = Keyword::new("nay");
static CUOI: Keyword = Keyword::new("cuối");

/// The period grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::Period,
    name: "period",
    triggers: &[
        Trigger::Words(&LABELS),
        Trigger::Word(&KHOA),
        Trigger::Word(&TU),
        Trigger::Word(&NHUNG),
        Trigger::Word(&NAM),
        Trigger::Word(&NGAY),
        Trigger::Word(&THANG),
        Trigger::Word(&TRONG),
        Trigger::Words(&RECURRENCE),
        Trigger::Word(&QUY),
        Trigger::Words(&APPROX),
        Trigger::Words(&NUMBER_WORD_STARTS),
        Trigger::Digit,
    ],
    parse,
};

/// The largest count read before "năm" or "tháng" ("5 năm qua", "6 tháng đầu năm").
const MAX_COUNT: f64 = 100.0;
/// Words allowed between "nhiệm kỳ" and "khóa" ("nhiệm kỳ Quốc hội khoá II").
const MAX_BODY_WORDS: usize = 4;

/// A match of one of the parsers below, in normalised offsets from the trigger.
struct Found {
    end: usize,
    period: Period,
}

/// A range or open span, before its label.
struct Span {
    end: usize,
    start: Option<CompactString>,
    finish: Option<CompactString>,
}

impl Span {
    fn labelled(self, label: Option<PeriodLabel>) -> Found {
        Found {
            end: self.end,
            period: Period {
                start: self.start,
                end: self.finish,
                label,
                ..Period::default()
            },
        }
    }
}

/// A date-shaped text that is no calendar date: where and why.
type Invalid = Option<(usize, usize, String)>;

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    // at a digit, " năm" or " tháng" after the number, or a day
    if !digit_start(ctx, at).may_unit_or_day() {
        return None;
    }
    parse_here(ctx, at)
}

/// [`parse`] once the bytes after a number do not rule it out.
#[inline(never)]
pub(super) fn parse_here(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let t = ctx.text();
    let mut invalid: Invalid = None;
    // most parsers start with a word of their own: at a digit only three can match
    let best = if t.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
        longest_at_digits(ctx, at, &mut invalid)
    } else {
        longest_at_word(ctx, at, &mut invalid)
    };
    if let Some((s, e, why)) = invalid {
        let written = ctx.written(s, e);
        let d = ctx.diagnostic(
            Code::InvalidDate,
            s,
            e,
            format!("{written:?} is not a range of calendar dates: {why}"),
        );
        ctx.diagnostics.push(d);
    }
    let best = best?;
    Some(Match {
        start: at,
        end: best.end,
        data: RecordData::Period(best.period),
        richness: 1,
        diagnostics: vec![],
    })
}

/// The parsers that can start at a digit run, in the order of
/// [`longest_at_word`]: the longest match, the later parser on a tie.
fn longest_at_digits(ctx: &Ctx<'_>, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let t = ctx.text();
    let counted = count_before_unit(ctx, at);
    let mut longest = Longest::new(t, at);
    longest.offer(dash_range(ctx, at, invalid));
    // at a digit neither "trong" nor an approximation word starts: both counts read
    // the number here, and most numbers count no years or months
    if counted.is_some() {
        longest.offer(count_years(ctx, at, counted, invalid));
        longest.offer(months_of_year(ctx, counted));
    }
    longest.found
}

/// Every parser, in a fixed order: the longest match, the later parser on a tie.
/// Each one that cannot start with the word at `at` fails on its first step. Later
/// parsers overwrite `invalid`.
fn longest_at_word(ctx: &Ctx<'_>, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let t = ctx.text();
    // "trong", the commonest trigger, starts only a count of years; every other
    // parser starts with a word or number of its own (a test checks them all)
    if word_sp(t, at, &TRONG).is_some() {
        let mut longest = Longest::new(t, at);
        longest.offer(count_years(ctx, at, None, invalid));
        return longest.found;
    }
    // most other triggers start one parser each (a test checks the others refuse)
    if let Some(opener) = opener_at(t, at) {
        let mut longest = Longest::new(t, at);
        longest.offer(match opener {
            Opener::Labelled => labelled(t, at, invalid),
            Opener::Khoa => khoa(t, at, invalid),
            Opener::FromTo => from_to(t, at, invalid),
            Opener::DashRange => dash_range(ctx, at, invalid),
            Opener::NhungNam => nhung_nam(t, at, invalid),
            Opener::Recurrence => recurrence(t, at),
            Opener::Quarter => quarter(t, at),
        });
        return longest.found;
    }
    every_parser(ctx, at, invalid)
}

/// The one parser that can start at `at`, when the trigger there says: an
/// [`OPENERS`] word, or "năm" before a digit ("năm 2016-2021": neither "năm học"
/// nor a count of years, whose "năm" is a number).
fn opener_at(t: &str, at: usize) -> Option<Opener> {
    if let Some((opener, _)) = OPENERS.longest_at(t.get(at..)?) {
        return Some(opener);
    }
    let year = word_sp(t, at, &NAM)?;
    t.as_bytes()
        .get(year)
        .is_some_and(u8::is_ascii_digit)
        .then_some(Opener::DashRange)
}

/// [`longest_at_word`] trying every parser: for a word that starts a count ("năm",
/// "hơn", "một") or that may start several of them.
fn every_parser(ctx: &Ctx<'_>, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let t = ctx.text();
    // "năm năm qua", "sáu tháng đầu năm": both counts read the same number
    let counted = count_before_unit(ctx, at);
    let mut longest = Longest::new(t, at);
    longest.offer(labelled(t, at, invalid));
    longest.offer(khoa(t, at, invalid));
    longest.offer(from_to(t, at, invalid));
    longest.offer(dash_range(ctx, at, invalid));
    longest.offer(nhung_nam(t, at, invalid));
    longest.offer(count_years(ctx, at, counted, invalid));
    longest.offer(months_of_year(ctx, counted));
    longest.offer(recurrence(t, at));
    longest.offer(quarter(t, at));
    longest.found
}

/// The one parser a trigger word can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    Labelled,
    Khoa,
    FromTo,
    DashRange,
    NhungNam,
    Recurrence,
    Quarter,
}

/// Trigger words that start one parser and no count (no number or approximation
/// word starts with them): the others are not tried there.
static OPENERS: Lexicon<Opener> = Lexicon::new(&[
    ("giai đoạn", Opener::Labelled),
    ("hàng", Opener::Recurrence),
    ("hằng", Opener::Recurrence),
    ("khoảng thời gian", Opener::Labelled),
    ("khóa", Opener::Khoa),
    ("ngày", Opener::DashRange),
    ("nhiệm kì", Opener::Labelled),
    ("nhiệm kỳ", Opener::Labelled),
    ("những", Opener::NhungNam),
    ("quý", Opener::Quarter),
    ("tháng", Opener::DashRange),
    ("thời gian", Opener::Labelled),
    ("thời kì", Opener::Labelled),
    ("thời kỳ", Opener::Labelled),
    ("từ", Opener::FromTo),
]);

/// The longest of the matches offered that ends after the trigger and inside the
/// text; on a tie the one offered last.
struct Longest {
    at: usize,
    text_len: usize,
    found: Option<Found>,
}

impl Longest {
    fn new(t: &str, at: usize) -> Self {
        Longest {
            at,
            text_len: t.len(),
            found: None,
        }
    }

    fn offer(&mut self, candidate: Option<Found>) {
        let Some(f) = candidate else {
            return;
        };
        let fits = f.end > self.at && f.end <= self.text_len;
        if fits && self.found.as_ref().is_none_or(|best| f.end >= best.end) {
            self.found = Some(f);
        }
    }
}

// ---------------------------------------------------------------------------
// Small lexical steps, all on the normalised view, all bounded.

/// The keyword at `p` and one space after it: where the next word starts.
fn word_sp(t: &str, p: usize, k: &Keyword) -> Option<usize> {
    let n = k.match_at(t.get(p..)?)?;
    t.get(p + n..)?.starts_with(' ').then_some(p + n + 1)
}

/// One space at `p`.
fn sp(t: &str, p: usize) -> Option<usize> {
    t.get(p..)?.starts_with(' ').then_some(p + 1)
}

/// What follows a period: not a letter or digit, and no symbol continuing ("/QĐ").
fn ends_free(t: &str, end: usize) -> bool {
    let Some(rest) = t.get(end..) else {
        return false;
    };
    let mut after = rest.chars();
    match after.next() {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('/' | '-' | '.') => !after.next().is_some_and(|c| c.is_alphanumeric()),
        Some(_) => true,
    }
}

// ---------------------------------------------------------------------------
// Points and ranges.

/// A point in time with the parts written (or borrowed from the range's other end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Point {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Point {
    const fn new(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Self {
        Point { year, month, day }
    }

    /// 2 for a day, 1 for a month, 0 for a year alone.
    fn precision(&self) -> u8 {
        if self.day.is_some() {
            2
        } else if self.month.is_some() {
            1
        } else {
            0
        }
    }
}

impl From<PartialDate> for Point {
    fn from(d: PartialDate) -> Self {
        Point::new(Some(d.year), d.month, d.day)
    }
}

/// A lexed point: its parts (or why it is no calendar date), where it ends, and
/// whether it was a bare year ("2016", which alone says little).
struct Lexed {
    point: Result<Point, String>,
    end: usize,
    bare_year: bool,
}

impl Lexed {
    fn ok(point: Point, end: usize) -> Option<Lexed> {
        Some(Lexed {
            point: Ok(point),
            end,
            bare_year: false,
        })
    }
}

/// A point at `p`:
/// ```text
/// ngày 26/3/2018 | ngày 26 tháng 3 năm 2018 | ngày 26/3 | ngày 26 tháng 3 | ngày 26
/// tháng 3/2018 | tháng 3 năm 2018 | tháng 3
/// năm 2018
/// 26/3/2018 | 3/2018 | 26/3 | 2018          only when `bare`
/// ```
fn point(t: &str, p: usize, bare: bool) -> Option<Lexed> {
    let rest = t.get(p..)?;
    if let Some(b) = word_sp(t, p, &NGAY) {
        let body = t.get(b..)?;
        if let Some(l) = day_month_year(body) {
            return Some(Lexed {
                point: l.date.map(Point::from),
                end: b + l.len,
                bare_year: false,
            });
        }
        if let Some((d, m, n)) = day_month(body) {
            return Lexed::ok(Point::new(None, Some(m), Some(d)), b + n);
        }
        let (d, n) = day_or_month(body)?;
        return (!continues_number(t, b + n))
            .then(|| Lexed::ok(Point::new(None, None, Some(d)), b + n))
            .flatten();
    }
    if THANG.match_at(rest).is_some() {
        if let Some(l) = thang_month_year(rest) {
            return Some(Lexed {
                point: l.date.map(Point::from),
                end: p + l.len,
                bare_year: false,
            });
        }
        let b = word_sp(t, p, &THANG)?;
        let (m, n) = day_or_month(t.get(b..)?)?;
        return (!continues_number(t, b + n))
            .then(|| Lexed::ok(Point::new(None, Some(m), None), b + n))
            .flatten();
    }
    if NAM.match_at(rest).is_some() {
        let l = nam_year(rest)?;
        return Some(Lexed {
            point: l.date.map(Point::from),
            end: p + l.len,
            bare_year: false,
        });
    }
    if !bare || !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(l) = day_month_year(rest).or_else(|| bare_month_year(rest)) {
        return Some(Lexed {
            point: l.date.map(Point::from),
            end: p + l.len,
            bare_year: false,
        });
    }
    if let Some((d, m, n)) = day_month(rest) {
        return Lexed::ok(Point::new(None, Some(m), Some(d)), p + n);
    }
    let (y, n) = year_at(rest)?;
    Some(Lexed {
        point: Ok(Point::new(Some(y), None, None)),
        end: p + n,
        bare_year: true,
    })
}

/// A bare point at `p` that names a valid day ("26/3/2018", "26/3", "17 tháng 7 năm
/// 1981"): what [`point`] reads there when its result has a day. The shapes without
/// a day are not tried: "(1983-1986)", "5/1974-9/1989" start no range here. (Where
/// "5/1974" is a month and year, "5/19" is no day either: more digits follow.)
fn bare_day(ctx: &Ctx<'_>, p: usize) -> Option<Lexed> {
    let rest = ctx.text().get(p..)?;
    if !may_start_day(rest) {
        return None; // most digit runs: refused before either reading is called
    }
    if let Some(l) = day_month_year_at(ctx, p) {
        return Lexed::ok(Point::from(l.date.ok()?), p + l.len);
    }
    let (d, m, n) = day_month(rest)?;
    Lexed::ok(Point::new(None, Some(m), Some(d)), p + n)
}

/// "/3", ".5" after a number: a longer number or date than the one read.
fn continues_number(t: &str, p: usize) -> bool {
    let mut after = t.get(p..).unwrap_or("").chars();
    matches!(after.next(), Some('/' | '.')) && after.next().is_some_and(|c| c.is_ascii_digit())
}

/// A separator at `p`:
/// ```text
/// -   " - "   "- "   " -"                 always
/// " đến "  " tới "  " cho đến "  " đến hết "   when `words`
/// ```
/// Returns where the second end starts and whether the separator was a word.
fn separator(t: &str, p: usize, words: bool) -> Option<(usize, bool)> {
    let rest = t.get(p..)?;
    let r = rest.strip_prefix(' ').unwrap_or(rest);
    if let Some(r) = r.strip_prefix('-') {
        let r = r.strip_prefix(' ').unwrap_or(r);
        return Some((p + rest.len() - r.len(), false));
    }
    if !words {
        return None;
    }
    let r = rest.strip_prefix(' ')?;
    let (_, n) = TO_WORDS.longest_at(r)?;
    let r = r.get(n..)?.strip_prefix(' ')?;
    Some((p + rest.len() - r.len(), true))
}

/// A range at `p`: `point separator point`, or with a word separator `point đến nay`.
/// `bare` lets the first end be bare digits; `words` allows "đến"/"tới".
/// ```text
/// năm 2016-2021   2016 - 2021   tháng 11/1964 - 4/1975   ngày 15 - 18/4/2017
/// năm 2016 đến năm 2020   ngày 12 đến ngày 15 tháng 10 năm 1923   tháng 6/2012 đến nay
/// ```
fn range(t: &str, p: usize, bare: bool, words: bool, invalid: &mut Invalid) -> Option<Span> {
    let first = point(t, p, bare)?;
    range_from(t, p, first, words, false, invalid)
}

/// The rest of a range whose first end, starting at `p`, is lexed. With `strict`,
/// bare years must look like years ("từ 1500 đến 2000 người" is a quantity).
fn range_from(
    t: &str,
    p: usize,
    first: Lexed,
    words: bool,
    strict: bool,
    invalid: &mut Invalid,
) -> Option<Span> {
    let (q, worded) = separator(t, first.end, words)?;
    if worded {
        if let Some((_, n)) = NOW.longest_at(t.get(q..)?) {
            let end = q + n;
            if !ends_free(t, end) {
                return None;
            }
            let s = match first.point {
                Ok(s) => s,
                Err(why) => {
                    *invalid = Some((p, end, why));
                    return None;
                }
            };
            s.year?;
            return Some(Span {
                end,
                start: Some(iso(s, p, end, invalid)?),
                finish: None,
            });
        }
    }
    let second = point(t, q, true)?;
    let end = second.end;
    if !ends_free(t, end) {
        return None;
    }
    let (s, e) = match (first.point, second.point) {
        (Ok(s), Ok(e)) => (s, e),
        (Err(why), _) | (_, Err(why)) => {
            *invalid = Some((p, end, why));
            return None;
        }
    };
    let s = fill(s, e)?;
    if strict && first.bare_year && !plausible_bare_years(t, s, e, end) {
        return None;
    }
    let start = iso(s, p, end, invalid)?;
    let finish = iso(e, p, end, invalid)?;
    if earliest(s) > latest(e) {
        return None; // "năm 2021-2016"
    }
    Some(Span {
        end,
        start: Some(start),
        finish: Some(finish),
    })
}

/// The first end with what it leaves out taken from the second: a first end without
/// a year must be as precise as the second ("ngày 15" with "18/4/2017").
fn fill(s: Point, e: Point) -> Option<Point> {
    let year = e.year?;
    if s.year.is_some() {
        return Some(s);
    }
    if s.precision() == 0 || s.precision() != e.precision() {
        return None;
    }
    Some(Point::new(Some(year), s.month.or(e.month), s.day))
}

/// Two bare years after "từ" are years, not a quantity: 1900–2099, no unit after.
fn plausible_bare_years(t: &str, s: Point, e: Point, end: usize) -> bool {
    let modern = |y: Option<i32>| y.is_some_and(|y| (1900..=2099).contains(&y));
    let unit = t
        .get(end..)
        .and_then(|r| r.strip_prefix(' '))
        .is_some_and(|r| UNITS.longest_at(r).is_some_and(|(unit, _)| unit))
        || t.get(end..)
            .is_some_and(|r| r.trim_start().starts_with('%'));
    modern(s.year) && modern(e.year) && !unit
}

/// The ISO form of a complete point, validated; an impossible one is noted.
fn iso(pt: Point, from: usize, to: usize, invalid: &mut Invalid) -> Option<CompactString> {
    match PartialDate::new(pt.year?, pt.month, pt.day) {
        Ok(d) => Some(d.iso()),
        Err(why) => {
            *invalid = Some((from, to, why));
            None
        }
    }
}

fn earliest(p: Point) -> (i32, u32, u32) {
    (
        p.year.unwrap_or(0),
        p.month.unwrap_or(1),
        p.day.unwrap_or(1),
    )
}

fn latest(p: Point) -> (i32, u32, u32) {
    (
        p.year.unwrap_or(0),
        p.month.unwrap_or(12),
        p.day.unwrap_or(31),
    )
}

/// A range at `p`, optionally in parentheses: "(1971-1975)".
fn paren_range(t: &str, p: usize, words: bool, invalid: &mut Invalid) -> Option<Span> {
    if t.get(p..)?.starts_with('(') {
        let mut s = range(t, p + 1, true, words, invalid)?;
        if !t.get(s.end..)?.starts_with(')') {
            return None;
        }
        s.end += 1;
        return Some(s);
    }
    range(t, p, true, words, invalid)
}

// ---------------------------------------------------------------------------
// The parsers tried at a trigger.

// giai đoạn 2016-2021, nhiệm kỳ 2020 - 2025, nhiệm kỳ (2020-2025), thời kỳ 1954-1975,
// khoảng thời gian 1955-1960, năm học 2023-2024, giai đoạn từ năm 2016 đến nay,
// nhiệm kỳ Quốc hội khoá II (1960-1964)
fn labelled(t: &str, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let (label, n) = LABELS.longest_at(t.get(at..)?)?;
    let p = sp(t, at + n)?;
    if let Some(s) = paren_range(t, p, true, invalid) {
        return Some(s.labelled(label));
    }
    if label.is_some() {
        if let Some(q) = word_sp(t, p, &TU) {
            if let Some(s) = from_body(t, q, invalid) {
                return Some(s.labelled(label));
            }
        }
    }
    if label == Some(PeriodLabel::Term) {
        // a few words naming the body, then its khóa
        let mut q = p;
        for _ in 0..MAX_BODY_WORDS {
            if let Some(f) = khoa(t, q, invalid) {
                return Some(Found {
                    period: Period {
                        label: Some(PeriodLabel::Term),
                        ..f.period
                    },
                    ..f
                });
            }
            let rest = t.get(q..)?;
            let len = rest
                .char_indices()
                .find(|&(_, c)| !is_word_char(c))
                .map_or(rest.len(), |(i, _)| i);
            if len == 0 || rest.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            q = sp(t, q + len)?;
        }
    }
    None
}

// khóa IV (1971-1975), khoá 4 (1976-1982) → term; khóa 1960-1961 (a class) → no label
fn khoa(t: &str, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let p = word_sp(t, at, &KHOA)?;
    let rest = t.get(p..)?;
    let numbered = roman(rest)
        .or_else(|| day_or_month(rest))
        .filter(|&(v, _)| (1..=99).contains(&v));
    match numbered {
        Some((_, n)) => {
            let mut q = p + n;
            if t.get(q..)?.starts_with(',') {
                q += 1;
            }
            let s = paren_range(t, sp(t, q)?, true, invalid)?;
            Some(s.labelled(Some(PeriodLabel::Term)))
        }
        None => Some(range(t, p, true, false, invalid)?.labelled(None)),
    }
}

// từ năm 2016 đến năm 2020, từ 2011 đến 2013, từ 1971-1972, từ tháng 6/2012 đến nay,
// từ ngày 9 đến 12/12/1927, từ 1/1/2016 đến 31/5/2017, từ năm 1979, từ tháng 6/2012
fn from_to(t: &str, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let p = word_sp(t, at, &TU)?;
    Some(from_body(t, p, invalid)?.labelled(None))
}

/// What follows "từ ": a range, or a start alone when it is a month or a year
/// written as one ("năm 1979", "tháng 6/2012", "3/1950").
fn from_body(t: &str, p: usize, invalid: &mut Invalid) -> Option<Span> {
    // "từ đầu năm 2012", "từ cuối năm 2024": the start is that year
    let p = PART_OF_YEAR
        .longest_at(t.get(p..)?)
        .and_then(|(_, n)| sp(t, p + n))
        .filter(|&q| NAM.match_at(t.get(q..).unwrap_or("")).is_some())
        .unwrap_or(p);
    let first = point(t, p, true)?;
    let (first_end, bare_year, single) = (first.end, first.bare_year, first.point.clone());
    if let Some(s) = range_from(t, p, first, true, true, invalid) {
        return Some(s);
    }
    // a start alone
    let s = single.ok()?;
    if bare_year || s.year.is_none() || s.day.is_some() || !ends_free(t, first_end) {
        return None;
    }
    if range_follows(t, first_end) {
        return None; // a range that did not hold, or broke across lines: no half of it
    }
    Some(Span {
        end: first_end,
        start: Some(iso(s, p, first_end, invalid)?),
        finish: None,
    })
}

/// Whether a second end follows `p`, even across a line break: "- 2020",
/// " đến\nnăm 2025", " đến nay".
fn range_follows(t: &str, p: usize) -> bool {
    fn skip(r: &str) -> &str {
        r.strip_prefix([' ', '\n']).unwrap_or(r)
    }
    let Some(r) = t.get(p..).map(skip) else {
        return false;
    };
    let r = match r.strip_prefix('-') {
        Some(r) => r,
        None => match TO_WORDS.longest_at(r) {
            Some((_, n)) => r.get(n..).unwrap_or(""),
            None => return false,
        },
    };
    let q = t.len() - skip(r).len();
    point(t, q, true).is_some() || t.get(q..).is_some_and(|r| NOW.longest_at(r).is_some())
}

// năm 2016-2021, tháng 11/1964 - 4/1975, ngày 15 - 18/4/2017, ngày 24-25/9/2025,
// tháng 4 năm 2008 đến tháng 3 năm 2011
// 17 tháng 7 năm 1981 – 17 tháng 6 năm 1987, 7 tháng 1 năm 1963 – 1964,
// 26/3/2018 - 28/3/2018: a bare first end, only when it names a day
fn dash_range(ctx: &Ctx<'_>, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let t = ctx.text();
    let rest = t.get(at..)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        // the cheaper refusal first: most digit runs start no day
        if !may_start_day(rest) || !digit_run_starts_free(t, at) {
            return None;
        }
        let first = bare_day(ctx, at)?;
        return Some(range_from(t, at, first, true, false, invalid)?.labelled(None));
    }
    if NGAY.match_at(rest).is_none()
        && THANG.match_at(rest).is_none()
        && NAM.match_at(rest).is_none()
    {
        return None;
    }
    if inside_longer_start(t, at) {
        return None;
    }
    Some(range(t, at, false, true, invalid)?.labelled(None))
}

/// "17 tháng 7 năm 1981 – …", "tháng 4 năm 2008 đến …": a range from the "tháng" or
/// "năm" at `at` would lose the day or month written before it; the range starts
/// at that number. ("2 ngày 13-14 tháng 3", "lần thứ 8 năm 1996 đến nay" are fine.)
fn inside_longer_start(t: &str, at: usize) -> bool {
    let Some(rest) = t.get(at..) else {
        return false;
    };
    let before = t.get(..at).unwrap_or("").trim_end_matches([' ', '\n']);
    let Some(number) = before
        .strip_suffix(|c: char| c.is_ascii_digit())
        .map(|b| b.trim_end_matches(|c: char| c.is_ascii_digit()))
    else {
        return false;
    };
    if THANG.match_at(rest).is_some() {
        return true; // a day before the month
    }
    // a month before the year: "tháng 4 năm 2008"
    let w = THANG.folded();
    let number = number.trim_end_matches([' ', '\n']);
    NAM.match_at(rest).is_some()
        && number.ends_with(w)
        && starts_word(number, number.len() - w.len())
}

// những năm 1954 - 1959
fn nhung_nam(t: &str, at: usize, invalid: &mut Invalid) -> Option<Found> {
    let p = word_sp(t, at, &NHUNG)?;
    NAM.match_at(t.get(p..)?)?;
    Some(range(t, p, false, false, invalid)?.labelled(None))
}

// [trong] [hơn|gần|khoảng…] N năm (qua|vừa qua|gần đây|trở lại đây|nay)   last_years
// N năm 1981-1985, N năm (2016-2020)                                     N = the span
// `counted` is the count at `at`, read by the caller.
fn count_years(
    ctx: &Ctx<'_>,
    at: usize,
    counted: Option<(u64, usize)>,
    invalid: &mut Invalid,
) -> Option<Found> {
    let t = ctx.text();
    let (inside, p) = match word_sp(t, at, &TRONG) {
        Some(p) => (true, p),
        None => (false, at),
    };
    let p = approx_word(t, p).map_or(p, |(_, next)| next);
    // the count must be followed by " năm", which is cheaper to see than the count
    let (n, after) = if p == at {
        counted?
    } else {
        count_before_unit(ctx, p)?
    };
    let q = word_sp(t, sp(t, after)?, &NAM)?;
    if let Some((_, len)) = PAST.longest_at(t.get(q..)?) {
        let end = q + len;
        let years = u32::try_from(n).ok()?;
        // counted back from the year of the reference date, when there is one
        let (start, finish) = match ctx.reference_date {
            Some(d) if d.year() >= years as i32 => {
                let y = d.year();
                (Some(year_iso(y - years as i32)), Some(year_iso(y)))
            }
            _ => (None, None),
        };
        return ends_free(t, end).then_some(Found {
            end,
            period: Period {
                start,
                end: finish,
                last_years: Some(years),
                ..Period::default()
            },
        });
    }
    if inside {
        return None;
    }
    let s = paren_range(t, q, false, invalid)?;
    // years, and the count agrees with them: "5 năm 1981-1985", "5 năm 2015-2020"
    let y = |v: &Option<CompactString>| v.as_deref().filter(|v| v.len() == 4)?.parse::<u64>().ok();
    let span = y(&s.finish)?.checked_sub(y(&s.start)?)?;
    (n == span || n == span + 1).then(|| s.labelled(None))
}

/// A year as an ISO partial date: "2019".
fn year_iso(y: i32) -> CompactString {
    month_iso(y, None)
}

/// "2016-05" ("2016" without a month), as `format!("{y:04}-{m:02}")` writes it:
/// [`PartialDate::iso`] pushes the digits at a tenth of the cost of `format!`.
fn month_iso(year: i32, month: Option<u32>) -> CompactString {
    PartialDate {
        year,
        month,
        day: None,
    }
    .iso()
}

/// A whole count at `p` (digits or words), 1 to 100, and where it ends.
fn count(ctx: &Ctx<'_>, p: usize) -> Option<(u64, usize)> {
    let t = ctx.text();
    let first = t.get(p..)?.chars().next()?;
    if first.is_ascii_digit() && !digit_run_starts_free(t, p) {
        return None;
    }
    if !first.is_alphanumeric() || !starts_word(t, p) || after_date_word(t, p) {
        return None;
    }
    let q = quantity(ctx, p)?;
    let ok = q.value.fract() == 0.0 && (1.0..=MAX_COUNT).contains(&q.value);
    ok.then_some((q.value as u64, q.end))
}

/// The count at `p` that [`count_years`] and [`months_of_year`] read, when a unit
/// follows it: a number is rarely a count of years or months, so it is read only
/// when it could be one.
fn count_before_unit(ctx: &Ctx<'_>, p: usize) -> Option<(u64, usize)> {
    unit_follows_number(ctx, p).then(|| count(ctx, p)).flatten()
}

/// Whether the number at `p` is followed by what [`count_years`] and
/// [`months_of_year`] need after their count: " năm" or " tháng". Much cheaper than
/// reading the number.
fn unit_follows_number(ctx: &Ctx<'_>, p: usize) -> bool {
    number_end(ctx, p).is_some_and(|end| unit_follows(ctx.text(), end))
}

/// Whether " năm" or " tháng" follows a number that ends at `end`.
pub(super) fn unit_follows(t: &str, end: usize) -> bool {
    let Some(next) = t.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    NAM.match_at(next).is_some() || THANG.match_at(next).is_some()
}

/// Whether the word before `p` makes the number there part of a date ("tháng 4 năm
/// 2008", "quý 3 năm nay", "ngày 5 tháng 6"), not a count.
fn after_date_word(t: &str, p: usize) -> bool {
    let before = t.get(..p).unwrap_or("").trim_end_matches(' ');
    [&THANG, &NGAY, &QUY].iter().any(|k| {
        let w = k.folded();
        before.ends_with(w) && starts_word(before, before.len() - w.len())
    })
}

// 6 tháng đầu năm 2024, 6 tháng cuối năm 2024, 9 tháng đầu năm, sáu tháng đầu năm nay
// `counted` is the count at the trigger, read by the caller.
fn months_of_year(ctx: &Ctx<'_>, counted: Option<(u64, usize)>) -> Option<Found> {
    let t = ctx.text();
    let (n, after) = counted?;
    if !(1..=11).contains(&n) {
        return None;
    }
    let p = word_sp(t, sp(t, after)?, &THANG)?;
    let (first, p) = if let Some(q) = word_sp(t, p, &DAU) {
        (true, q)
    } else {
        (false, word_sp(t, p, &CUOI)?)
    };
    let p = p + NAM.match_at(t.get(p..)?)?;
    let n = n as u32;
    let (from, to) = if first { (1, n) } else { (13 - n, 12) };
    let label = (n == 6).then_some(PeriodLabel::HalfYear);
    let (end, year) = match sp(t, p).and_then(|q| Some((q, t.get(q..)?))) {
        Some((q, r)) => match year_at(r) {
            Some((y, len)) => (q + len, Some(y)),
            None => match NAY.match_at(r) {
                Some(len) => (q + len, None),
                None => (p, None),
            },
        },
        None => (p, None),
    };
    if !ends_free(t, end) {
        return None;
    }
    let month = |m: u32| year.map(|y| month_iso(y, Some(m)));
    Some(Found {
        end,
        period: Period {
            start: month(from),
            end: month(to),
            label,
            ..Period::default()
        },
    })
}

// hằng năm, hàng năm, hằng tháng, hàng tháng, hằng quý, hàng quý
fn recurrence(t: &str, at: usize) -> Option<Found> {
    let (r, n) = RECURRENCE.longest_at(t.get(at..)?)?;
    let end = at + n;
    if let Some(next) = t.get(end..)?.strip_prefix(' ') {
        // "hằng tháng 4/2017" names a month; "hàng năm trời" is no recurrence
        if next.starts_with(|c: char| c.is_ascii_digit())
            || NOT_RECURRENCE.longest_at(next).is_some()
        {
            return None;
        }
    }
    Some(Found {
        end,
        period: Period {
            recurrence: Some(r),
            ..Period::default()
        },
    })
}

// quý I/2024, quý II năm 2025, quý 3/2025, quý 1-2024, quý IV (no year: dates null)
fn quarter(t: &str, at: usize) -> Option<Found> {
    let p = word_sp(t, at, &QUY)?;
    let rest = t.get(p..)?;
    let (q, n, digits) = match roman(rest) {
        Some((v, n)) => (v, n, false),
        None => {
            let (v, n) = day_or_month(rest)?;
            (v, n, true)
        }
    };
    if !(1..=4).contains(&q) {
        return None;
    }
    let after = p + n;
    // "/2024", " / 2024", "-2024", " năm 2024"
    let r = t.get(after..)?;
    let sep_len = if r.starts_with(" / ") {
        3
    } else if r.starts_with(['/', '-']) {
        1
    } else {
        r.strip_prefix(' ')
            .and_then(|x| word_sp(x, 0, &NAM))
            .map_or(0, |k| k + 1)
    };
    let year = if sep_len > 0 {
        r.get(sep_len..)
            .and_then(year_at)
            .map(|(y, len)| (y, after + sep_len + len))
    } else {
        None
    };
    let this_year = sp(t, after)
        .and_then(|q| word_sp(t, q, &NAM))
        .and_then(|q| Some(q + NAY.match_at(t.get(q..)?)?));
    let (end, year) = match (year, this_year) {
        (Some((y, end)), _) => (end, Some(y)),
        (None, Some(end)) => (end, None),      // "quý 3 năm nay"
        (None, None) if digits => return None, // "mỗi quý 1 lần"
        (None, None) => (after, None),
    };
    if !ends_free(t, end) {
        return None;
    }
    let month = |m: u32| year.map(|y| month_iso(y, Some(m)));
    Some(Found {
        end,
        period: Period {
            start: month(3 * q - 2),
            end: month(3 * q),
            label: Some(PeriodLabel::Quarter),
            ..Period::default()
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::Normalized;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn after_trong_only_a_count_of_years_can_start(
            words in proptest::collection::vec(prop::sample::select(vec![
                "giai đoạn", "nhiệm kỳ", "thời kỳ", "năm", "tháng", "ngày", "quý", "khóa",
                "từ", "đến", "nay", "qua", "vừa", "đầu", "cuối", "những", "hằng", "mỗi",
                "hơn", "gần", "khoảng", "5", "10", "2016", "2016-2020", "(2020-2025)",
                "2020 - 2025", "3/2024", "IV", "II/2022", "sáu", "năm năm", "-", "(", ",",
            ]), 0..8),
        ) {
            let text = format!("trong {}", words.join(" "));
            let view = Normalized::new(&text);
            let ctx = Ctx::new(&view, &text, None);
            let t = ctx.text();
            let mut invalid = None;
            prop_assert!(count_before_unit(&ctx, 0).is_none());
            prop_assert!(labelled(t, 0, &mut invalid).is_none());
            prop_assert!(khoa(t, 0, &mut invalid).is_none());
            prop_assert!(from_to(t, 0, &mut invalid).is_none());
            prop_assert!(dash_range(&ctx, 0, &mut invalid).is_none());
            prop_assert!(nhung_nam(t, 0, &mut invalid).is_none());
            prop_assert!(months_of_year(&ctx, count_before_unit(&ctx, 0)).is_none());
            prop_assert!(recurrence(t, 0).is_none());
            prop_assert!(quarter(t, 0).is_none());
            prop_assert!(invalid.is_none());
        }
    }

    /// Words a period is made of, and some that end one.
    const PERIOD_WORDS: &[&str] = &[
        "giai đoạn",
        "nhiệm kỳ",
        "thời kỳ",
        "thời gian",
        "khoảng",
        "năm",
        "tháng",
        "ngày",
        "quý",
        "khóa",
        "khoá",
        "từ",
        "đến",
        "tới",
        "nay",
        "qua",
        "vừa",
        "đầu",
        "cuối",
        "những",
        "hằng",
        "hàng",
        "học",
        "trời",
        "mỗi",
        "hơn",
        "gần",
        "5",
        "10",
        "15",
        "2016",
        "2016-2020",
        "(2020-2025)",
        "2020 - 2025",
        "3/2024",
        "26/3/2018",
        "30/2/2024",
        "4",
        "IV",
        "II/2022",
        "sáu",
        "-",
        "(",
        ",",
        "Quốc hội",
        "15 - 18/4/2017",
        "26/3 - 28/3/2018",
        "6/2012 đến nay",
        "2016 đến năm 2020",
        "năm 1954 - 1959",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn an_opener_starts_no_parser_but_its_own(
            word in prop::sample::select(
                OPENERS.written().iter().map(|(w, _)| *w).chain(["năm"]).collect::<Vec<_>>()
            ),
            words in proptest::collection::vec(prop::sample::select(PERIOD_WORDS), 0..8),
            upper in any::<bool>(),
        ) {
            let word = if upper { word.to_uppercase() } else { word.to_string() };
            let text = format!("{word} {}", words.join(" "));
            let view = Normalized::new(&text);
            let ctx = Ctx::new(&view, &text, None);
            let (mut fast_invalid, mut full_invalid) = (None, None);
            let fast = longest_at_word(&ctx, 0, &mut fast_invalid);
            let full = every_parser(&ctx, 0, &mut full_invalid);
            let shown = |f: Option<Found>| f.map(|f| (f.end, format!("{:?}", f.period)));
            prop_assert_eq!(shown(fast), shown(full), "{}", text);
            prop_assert_eq!(fast_invalid, full_invalid, "{}", text);
        }
    }

    #[test]
    fn years_and_months_are_written_as_format_writes_them() {
        let years = (-10_050..=10_050).step_by(7).chain([
            0,
            1,
            999,
            1000,
            2024,
            9999,
            10_000,
            i32::MIN,
            i32::MAX,
        ]);
        for y in years {
            assert_eq!(year_iso(y), format!("{y:04}"));
            for m in [0, 1, 9, 10, 12, 99, 100, u32::MAX] {
                assert_eq!(month_iso(y, Some(m)), format!("{y:04}-{m:02}"));
            }
        }
    }

    fn run(s: &str) -> Option<(String, Period)> {
        let view = Normalized::new(s);
        let mut ctx = Ctx::new(&view, s, None);
        let m = parse(&mut ctx, 0)?;
        let RecordData::Period(p) = m.data else {
            return None;
        };
        Some((s[view.original_span(m.start, m.end).range()].to_string(), p))
    }

    #[test]
    fn no_word_count_years_reads_before_its_count_starts_with_a_digit() {
        // what lets a digit run skip the counts when none follows it
        let words = APPROX.folded_words().chain([TRONG.folded()]);
        for w in words {
            assert!(!w.starts_with(|c: char| c.is_ascii_digit()), "{w}");
        }
    }

    #[test]
    fn anchored_forms() {
        let (text, p) = run("giai đoạn 2016-2021 vừa qua").unwrap();
        assert_eq!(text, "giai đoạn 2016-2021");
        assert_eq!(p.start.as_deref(), Some("2016"));
        assert_eq!(p.label, Some(PeriodLabel::Stage));
        let (text, p) = run("từ ngày 17 tháng 6 đến ngày 8 tháng 7 năm 1924)").unwrap();
        assert_eq!(text, "từ ngày 17 tháng 6 đến ngày 8 tháng 7 năm 1924");
        assert_eq!(p.start.as_deref(), Some("1924-06-17"));
        assert_eq!(p.end.as_deref(), Some("1924-07-08"));
    }

    #[test]
    fn fill_needs_like_precision() {
        let day = Point::new(None, None, Some(15));
        let full = Point::new(Some(2017), Some(4), Some(18));
        assert_eq!(
            fill(day, full),
            Some(Point::new(Some(2017), Some(4), Some(15)))
        );
        assert_eq!(fill(day, Point::new(Some(2017), Some(4), None)), None);
        assert_eq!(fill(day, Point::new(None, Some(4), Some(18))), None);
    }

    #[test]
    fn last_years_count_back_from_the_reference_date() {
        let s = "trong 5 năm qua";
        let view = Normalized::new(s);
        let mut ctx = Ctx::new(&view, s, chrono::NaiveDate::from_ymd_opt(2024, 7, 12));
        let m = parse(&mut ctx, 0).unwrap();
        let RecordData::Period(p) = m.data else {
            panic!("not a period");
        };
        assert_eq!(p.start.as_deref(), Some("2019"));
        assert_eq!(p.end.as_deref(), Some("2024"));
        assert_eq!(p.last_years, Some(5));
        let (_, p) = run(s).unwrap();
        assert_eq!((p.start, p.end, p.last_years), (None, None, Some(5)));
    }

    #[test]
    fn invalid_range_is_diagnosed() {
        let s = "từ ngày 30/2/2024 đến ngày 5/3/2024";
        let view = Normalized::new(s);
        let mut ctx = Ctx::new(&view, s, None);
        assert!(parse(&mut ctx, 0).is_none());
        assert_eq!(ctx.diagnostics.len(), 1);
        assert_eq!(ctx.diagnostics[0].code, Code::InvalidDate);
    }
}
