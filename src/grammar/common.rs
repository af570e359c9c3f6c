//! Pieces several grammars share: approximation words and quantities.

use crate::error::{Code, Diagnostic};
use crate::record::Approx;
use crate::text::keyword::word_len;
use crate::text::keyword::{starts_word, Keyword, Lexicon};
use crate::text::number::{digit_groups_len, scaled_number, Reading};
use crate::text::number_words::{number_words, scale_word};

use super::Ctx;

/// Approximation words before a number (`từ … trở lên` is the grammars' own).
pub(crate) static APPROX: Lexicon<Approx> = Lexicon::new(&[
    ("chưa đến", Approx::LessThan),
    ("chưa tới", Approx::LessThan),
    ("chừng", Approx::About),
    ("dưới", Approx::LessThan),
    ("gần", Approx::Nearly),
    ("hơn", Approx::MoreThan),
    ("khoảng", Approx::About),
    ("không quá", Approx::AtMost),
    ("ít nhất", Approx::AtLeast),
    ("tối thiểu", Approx::AtLeast),
    ("tối đa", Approx::AtMost),
    ("trên", Approx::MoreThan),
    ("xấp xỉ", Approx::About),
]);

/// Words a number written in words can start with (triggers for the grammars).
pub(crate) static NUMBER_WORD_STARTS: Lexicon<()> = Lexicon::new(&[
    ("ba", ()),
    ("bảy", ()),
    ("bốn", ()),
    ("chín", ()),
    ("hai", ()),
    ("mười", ()),
    ("một", ()),
    ("năm", ()),
    ("sáu", ()),
    ("tám", ()),
]);

/// A number read from digits or words, in normalised offsets.
#[derive(Debug, Clone)]
pub(crate) struct Quantity {
    pub value: f64,
    /// The English reading of an ambiguous number ("4,300": 4300).
    pub other_reading: Option<f64>,
    pub end: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a reader found at the last few positions it read: several grammars start
/// at the same digit and each reads the number there.
#[derive(Debug)]
pub(crate) struct Memo<T> {
    /// Slot `p % MEMO_SIZE` holds the last position `p` of its class that was read
    /// and what was found there: one comparison tells a hit. A slot never written
    /// holds [`NO_POSITION`], which no text offset is.
    entries: std::cell::RefCell<[(usize, Option<T>); MEMO_SIZE]>,
}

/// The position of a memo slot never written: no text is `usize::MAX` bytes long.
const NO_POSITION: usize = usize::MAX;

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            entries: std::cell::RefCell::new(std::array::from_fn(|_| (NO_POSITION, None))),
        }
    }
}

/// Slots of a [`Memo`]: the grammars at one position read there or one
/// approximation word further, which seldom share a slot.
const MEMO_SIZE: usize = 8;

impl<T: Clone> Memo<T> {
    /// What `read` finds at `at`, read once while no other position of its slot
    /// was read since.
    #[inline]
    fn get_or(&self, at: usize, read: impl FnOnce() -> Option<T>) -> Option<T> {
        let slot = at % MEMO_SIZE;
        if at != NO_POSITION {
            let entries = self.entries.borrow();
            let (p, found) = &entries[slot];
            if *p == at {
                return found.clone();
            }
        }
        let found = read();
        self.entries.borrow_mut()[slot] = (at, found.clone());
        found
    }
}

/// The readers' memos, one per reader.
#[derive(Debug, Default)]
pub(crate) struct Memos {
    /// The last digit position asked about: the grammars at one position ask one
    /// after another.
    digit_start: std::cell::Cell<Option<(usize, DigitStart)>>,
    number_ends: Memo<usize>,
    words_after_counts: Memo<usize>,
    quantities: Memo<Quantity>,
    counts: Memo<Count>,
    day_month_years: Memo<crate::text::date::DateLex>,
}

/// What the grammars that start at a digit need right after the number, or a day
/// shape, each as a necessary condition: most numbers have none of it, and one
/// look at the bytes turns those grammars away before any of them reads on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DigitStart(u8);

impl DigitStart {
    /// A space or a slash after the number: a count's noun follows it, or a
    /// "/total" and then the noun.
    const COUNT: u8 = 1;
    /// A space or a percent sign after the number: the registrants' noun follows,
    /// after the sign or not.
    const SIGN_OR_WORD: u8 = 2;
    /// A percent sign after the number: "%", " %" or " phần trăm".
    const PERCENT: u8 = 4;
    /// A unit of time after the number: " năm", " tháng".
    const UNIT: u8 = 8;
    /// The digit run may start a day ("26/3", "15 - 18/4", "17 tháng 7") and ends
    /// no symbol or longer number before it.
    const DAY: u8 = 16;
    /// Anything may follow: what a position that is no digit says.
    const ANY: DigitStart =
        DigitStart(Self::COUNT | Self::SIGN_OR_WORD | Self::PERCENT | Self::UNIT | Self::DAY);

    /// Whether a count ([`count_at`] and [`word_after_count`]) may be followed by
    /// its noun.
    pub(crate) fn may_count(self) -> bool {
        self.0 & Self::COUNT != 0
    }

    /// Whether a percent sign or a word may follow the number.
    pub(crate) fn may_sign_or_word(self) -> bool {
        self.0 & Self::SIGN_OR_WORD != 0
    }

    /// Whether a percent sign follows the number.
    pub(crate) fn may_percent(self) -> bool {
        self.0 & Self::PERCENT != 0
    }

    /// Whether a unit of time follows the number or a day starts at it.
    pub(crate) fn may_unit_or_day(self) -> bool {
        self.0 & (Self::UNIT | Self::DAY) != 0
    }

    /// Whether a day may start at the digit run.
    pub(crate) fn may_day(self) -> bool {
        self.0 & Self::DAY != 0
    }
}

/// [`DigitStart`] at `at`; [`DigitStart::ANY`] where no digit is.
#[inline]
pub(crate) fn digit_start(ctx: &Ctx<'_>, at: usize) -> DigitStart {
    if !ctx
        .text()
        .as_bytes()
        .get(at)
        .is_some_and(u8::is_ascii_digit)
    {
        return DigitStart::ANY;
    }
    match ctx.memos.digit_start.get() {
        Some((p, found)) if p == at => found,
        _ => {
            let found = read_digit_start(ctx, at);
            ctx.memos.digit_start.set(Some((at, found)));
            found
        }
    }
}

#[inline(never)]
fn read_digit_start(ctx: &Ctx<'_>, at: usize) -> DigitStart {
    let text = ctx.text();
    let end = number_end(ctx, at);
    let mut flags = match end.and_then(|e| text.as_bytes().get(e)) {
        Some(b' ') => DigitStart::COUNT | DigitStart::SIGN_OR_WORD,
        Some(b'/') => DigitStart::COUNT,
        Some(b'%') => DigitStart::SIGN_OR_WORD,
        _ => 0,
    };
    // both start with a space or a sign
    if let Some(e) = end.filter(|_| flags & DigitStart::SIGN_OR_WORD != 0) {
        if super::percentage::percent_sign_len(&text[e..]).is_some() {
            flags |= DigitStart::PERCENT;
        }
        if super::period::unit_follows(text, e) {
            flags |= DigitStart::UNIT;
        }
    }
    if crate::text::date::may_start_day(&text[at..]) && digit_run_starts_free(text, at) {
        flags |= DigitStart::DAY;
    }
    DigitStart(flags)
}

/// A digit run that is not the tail of a symbol or a longer number ("05-CT/TW 15").
pub(crate) fn digit_run_starts_free(text: &str, at: usize) -> bool {
    !text
        .get(..at)
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | ','))
}

/// The day-month-year date at `at` ("26/3/2018", "17 tháng 7 năm 1981"), as
/// [`day_month_year`](crate::text::date::day_month_year) reads it: date and period
/// both read it at a digit run that may start a day.
pub(crate) fn day_month_year_at(ctx: &Ctx<'_>, at: usize) -> Option<crate::text::date::DateLex> {
    ctx.memos.day_month_years.get_or(at, || {
        crate::text::date::day_month_year(ctx.text().get(at..)?)
    })
}

/// A number at `at`: digits (with an optional scale word) or number words.
#[inline]
pub(crate) fn quantity(ctx: &Ctx<'_>, at: usize) -> Option<Quantity> {
    ctx.memos.quantities.get_or(at, || read_quantity(ctx, at))
}

#[inline(never)]
fn read_quantity(ctx: &Ctx<'_>, at: usize) -> Option<Quantity> {
    let rest = &ctx.text()[at..];
    if let Some(n) = scaled_number(rest) {
        let end = at + n.len;
        let written = &ctx.text()[at..end];
        let diagnostics = match n.reading {
            Reading::Clear => vec![],
            Reading::Ambiguous { other } => vec![ctx.diagnostic(
                Code::AmbiguousNumber,
                at,
                end,
                format!(
                    "{written:?} reads {} in the Vietnamese convention and {} in the English one; the Vietnamese reading was used",
                    n.value, other
                ),
            )],
            Reading::English => vec![ctx.diagnostic(
                Code::ForeignNumberFormat,
                at,
                end,
                format!("{written:?} is not Vietnamese number style; read as {} (English style)", n.value),
            )],
        };
        return Some(Quantity {
            other_reading: match n.reading {
                Reading::Ambiguous { other } => Some(other),
                _ => None,
            },
            value: n.value,
            end,
            diagnostics,
        });
    }
    let (value, len) = number_words(rest)?;
    Some(Quantity {
        other_reading: None,
        value: value as f64,
        end: at + len,
        diagnostics: vec![],
    })
}

/// Where the number that [`quantity`] reads at `at` ends, found without reading its
/// value: for digits the digit groups ("1.500", "2,5") and a scale word after them
/// ("5,3 triệu"), for words what `number_words` reads. When `quantity` reads a
/// number at `at` it ends there; `None` when it reads none for sure. A grammar that
/// needs a sign or a word after the number looks there first: most numbers have
/// neither, and reading a value (and its diagnostics) costs far more.
#[inline]
pub(crate) fn number_end(ctx: &Ctx<'_>, at: usize) -> Option<usize> {
    // every grammar that starts at a digit asks, most of them first
    ctx.memos
        .number_ends
        .get_or(at, || read_number_end(ctx.text(), at))
}

#[inline(never)]
fn read_number_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return number_words(rest).map(|(_, len)| at + len);
    }
    let end = at + digit_groups_len(rest.as_bytes())?;
    Some(match text[end..].strip_prefix(' ').and_then(scale_word) {
        Some((_, len)) => end + 1 + len,
        None => end,
    })
}

/// "55/55", "195/160": the count is the first number; the target or total after the
/// slash is skipped. A small denominator makes a fraction ("2/3 đảng viên": two
/// thirds), which is no count: `None`.
#[inline]
pub(crate) fn skip_of_total(text: &str, end: usize) -> Option<usize> {
    // most numbers have no slash after them
    if text.as_bytes().get(end) != Some(&b'/') {
        return Some(end);
    }
    skip_slash_total(text, end)
}

/// [`skip_of_total`] at a slash.
#[inline(never)]
fn skip_slash_total(text: &str, end: usize) -> Option<usize> {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix('/')) else {
        return Some(end);
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let dotted = rest[digits..]
        .strip_prefix('.')
        .is_some_and(|r| r.bytes().take_while(u8::is_ascii_digit).count() == 3);
    if digits == 0 || dotted {
        return Some(end);
    }
    let denominator: u64 = rest[..digits].parse().unwrap_or(u64::MAX);
    (denominator > 10).then_some(end + 1 + digits)
}

/// Where the word after a count at `at` starts: past an approximation word, the
/// number, a "/total" and one space. Found without reading the number, and where
/// [`count_at`] and [`skip_of_total`] would put it when they read a count. Most
/// numbers count nothing a grammar counts, and the word after says so for less
/// than reading the number costs.
#[inline]
pub(crate) fn word_after_count(ctx: &Ctx<'_>, at: usize) -> Option<usize> {
    // org_count and member_count both ask at every digit
    ctx.memos
        .words_after_counts
        .get_or(at, || read_word_after_count(ctx, at))
}

#[inline(never)]
fn read_word_after_count(ctx: &Ctx<'_>, at: usize) -> Option<usize> {
    let text = ctx.text();
    let num_at = approx_word(text, at).map_or(at, |(_, next)| next);
    let end = skip_of_total(text, number_end(ctx, num_at)?)?;
    text.get(end..)?.starts_with(' ').then_some(end + 1)
}

/// Approximation word (and one space) at `at`: the word's value and where the number
/// starts.
#[inline]
pub(crate) fn approx_word(text: &str, at: usize) -> Option<(Approx, usize)> {
    // no approximation word starts with a digit, and most callers stand at one
    if text.as_bytes().get(at).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    word_approx(text, at)
}

/// [`approx_word`] at a letter.
fn word_approx(text: &str, at: usize) -> Option<(Approx, usize)> {
    let (a, len) = APPROX.longest_at(text.get(at..)?)?;
    text.get(at + len..)?
        .starts_with(' ')
        .then_some((a, at + len + 1))
}

/// A whole count at `at`, with an approximation word before it: where the number
/// starts, its value, the approximation and where it ends. Refuses decimals that do
/// not scale to a whole number ("5,3 triệu" is whole; "5,3" is not), numbers glued
/// to a symbol ("05-CT", "2/3"), and numbers that a year or ordinal word governs
/// ("năm 2016 đảng bộ", "khóa 12").
#[inline]
pub(crate) fn count_at(ctx: &Ctx<'_>, at: usize) -> Option<Count> {
    ctx.memos.counts.get_or(at, || read_count(ctx, at))
}

#[inline(never)]
fn read_count(ctx: &Ctx<'_>, at: usize) -> Option<Count> {
    let text = ctx.text();
    let (approx, num_at) = match approx_word(text, at) {
        Some((a, next)) => (a, next),
        None => (Approx::Exact, at),
    };
    let first = text.get(num_at..)?.chars().next()?;
    if !(first.is_ascii_digit() || first.is_alphabetic()) || !starts_word(text, num_at) {
        return None;
    }
    if num_at == at && governed_by_year_word(text, at) {
        return None;
    }
    if text[..num_at].ends_with(['/', '-', '.', ',']) {
        return None;
    }
    let mut q = quantity(ctx, num_at)?;
    // "4,300 đảng viên": 4.3 members is no count, so the English reading stands —
    // and the diagnostic says so
    if let Some(other) = q
        .other_reading
        .filter(|o| q.value.fract() != 0.0 && o.fract() == 0.0)
    {
        let written = ctx.written(num_at, q.end);
        q.diagnostics = vec![ctx.diagnostic(
            Code::AmbiguousNumber,
            num_at,
            q.end,
            format!("{written:?} reads {} in the Vietnamese convention and {other} in the English one; a count is whole, so {other} was used", q.value),
        )];
        q.value = other;
    }
    if q.value.fract() != 0.0 || q.value < 0.0 || q.value > 1e15 {
        return None;
    }
    Some(Count {
        value: q.value as u64,
        approx,
        end: q.end,
        diagnostics: q.diagnostics,
    })
}

/// A count read by [`count_at`], in normalised offsets.
#[derive(Debug, Clone)]
pub(crate) struct Count {
    pub value: u64,
    pub approx: Approx,
    pub end: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Words after which a number is a date, an ordinal or a label, not a count.
static NOT_COUNT_AFTER: Lexicon<()> = Lexicon::new(&[
    ("điều", ()),
    ("khóa", ()),
    ("khoản", ()),
    ("lần", ()),
    ("mục", ()),
    ("ngày", ()),
    ("năm", ()),
    ("quý", ()),
    ("số", ()),
    ("tháng", ()),
    ("thứ", ()),
]);

fn governed_by_year_word(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| !crate::text::normalize::is_word_char(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let governed = NOT_COUNT_AFTER
        .longest_at(&before[word_start..])
        .is_some_and(|(_, n)| word_start + n == before.len());
    // "tổng số 2.500 đảng viên" is a total, "số 05" a document number
    governed
        && !before[..word_start]
            .trim_end_matches(' ')
            .ends_with(TONG.folded())
}

static TONG: Keyword = Keyword::new("tổng");

/// A phrase that narrows a count ("trong doanh nghiệp", "ở địa bàn dân cư",
/// "trường học, trạm y tế"), starting one space after `at`: where it starts and
/// ends, in normalised offsets. It ends at punctuation, a digit, a function word or
/// a verb, after at most [`MAX_SCOPE_WORDS`] words.
pub(crate) fn scope_after(
    ctx: &Ctx<'_>,
    at: usize,
    prepositions_only: bool,
) -> Option<(usize, usize)> {
    let text = ctx.text();
    let start = at + 1;
    let first = text.get(at..)?.strip_prefix(' ')?;
    // "trong sạch" is an adjective, "trong đó" a list: a stop beats an opener
    if SCOPE_STOPS.longest_at(first).is_some() || APPROX.longest_at(first).is_some() {
        return None;
    }
    let opener = SCOPE_OPENERS.longest_at(first).map(|(_, n)| n);
    if prepositions_only && opener.is_none() {
        return None;
    }
    let mut pos = start;
    let mut stop = start;
    let mut words = 0;
    while words < MAX_SCOPE_WORDS {
        let rest = &text[pos..];
        if words > 0 && SCOPE_STOPS.longest_at(rest).is_some() {
            break;
        }
        let len = word_len(rest);
        if len == 0 {
            break;
        }
        pos += len;
        stop = pos;
        words += 1;
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if let Some(next) = tail.strip_prefix(", ") {
            // "trường học, trạm y tế": a list of places, not the next count
            let glued = next.starts_with(|c: char| c.is_alphabetic())
                && !ctx.starts_upper_case(pos + 2)
                && SCOPE_STOPS.longest_at(next).is_none()
                && APPROX.longest_at(next).is_none()
                && !list_reaches_a_number(next);
            if !glued {
                break;
            }
            pos += 2;
        } else {
            break;
        }
    }
    // a preposition alone ("kết nạp 150 đảng viên mới trong năm 2024") narrows nothing
    let bare_opener = opener.is_some_and(|n| stop <= start + n);
    (stop > start && !bare_opener).then_some((start, stop))
}

/// Whether the words after a comma run into a number before the next punctuation
/// ("…, 3 chi bộ" or "…, trên 5 chi bộ"): then the comma separates counts.
fn list_reaches_a_number(next: &str) -> bool {
    let clause = next
        .split(['\n', ',', '.', ';', ':', '(', ')'])
        .next()
        .unwrap_or("");
    clause.split(' ').take(4).any(|word| {
        word.starts_with(|c: char| c.is_ascii_digit())
            || NUMBER_WORD_STARTS.longest_at(word).is_some()
    })
}

const MAX_SCOPE_WORDS: usize = 10;

/// Words that open a narrowing phrase.
static SCOPE_OPENERS: Lexicon<()> =
    Lexicon::new(&[("ở", ()), ("tại", ()), ("thuộc", ()), ("trong", ())]);

/// Words that end a narrowing phrase: function words and the genre's verbs.
static SCOPE_STOPS: Lexicon<()> = Lexicon::new(&[
    ("bầu", ()),
    ("bằng", ()),
    ("bị", ()),
    ("bị kỷ luật", ()),
    ("cam kết", ()),
    ("chiếm", ()),
    ("cho", ()),
    ("có", ()),
    ("cần", ()),
    ("của", ()),
    ("do", ()),
    ("giảm", ()),
    ("giới thiệu", ()),
    ("gồm", ()),
    ("hiện", ()),
    ("hy sinh", ()),
    ("hợp nhất", ()),
    ("khi", ()),
    ("khác", ()),
    ("không", ()),
    ("ký", ()),
    ("là", ()),
    ("làm", ()),
    ("lượt", ()),
    ("lập", ()),
    ("mang", ()),
    ("mà", ()),
    ("ngày", ()),
    ("như", ()),
    ("nhưng", ()),
    ("nhận", ()),
    ("nhằm", ()),
    ("này", ()),
    ("năm", ()),
    ("nếu", ()),
    ("phải", ()),
    ("sinh hoạt", ()),
    ("so với", ()),
    ("sẽ", ()),
    ("tham dự", ()),
    ("tham gia", ()),
    ("tham nhũng", ()),
    ("theo", ()),
    ("thuộc diện", ()),
    ("tháng", ()),
    ("thêm", ()),
    ("thì", ()),
    ("tiến hành", ()),
    ("trong sạch", ()),
    ("trong đó", ()),
    ("trở lên", ()),
    ("trở xuống", ()),
    ("tán thành", ()),
    ("tăng", ()),
    ("từ", ()),
    ("vi phạm", ()),
    ("và", ()),
    ("về", ()),
    ("với", ()),
    ("vừa", ()),
    ("xếp loại", ()),
    ("đang", ()),
    ("đã", ()),
    ("đó", ()),
    ("đăng ký", ()),
    ("được", ()),
    ("đạt", ()),
    ("đến", ()),
    ("đều", ()),
    ("để", ()),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use std::cell::Cell;

    #[test]
    fn approximation_words_are_sorted_and_unique() {
        let words: Vec<&str> = APPROX.written().iter().map(|(w, _)| *w).collect();
        let mut sorted = words.clone();
        sorted.sort_by_key(|w| fold(w));
        sorted.dedup();
        assert_eq!(words.len(), sorted.len());
    }

    #[test]
    fn no_approximation_word_starts_with_a_digit() {
        for w in APPROX.folded_words() {
            assert!(!w.starts_with(|c: char| c.is_ascii_digit()), "{w}");
        }
    }

    #[test]
    fn approximation_words() {
        for (s, a) in [
            ("hơn 5", Approx::MoreThan),
            ("Trên 5", Approx::MoreThan),
            ("chưa đến 5", Approx::LessThan),
            ("gần 5", Approx::Nearly),
            ("xấp xỉ 5", Approx::About),
            ("ít nhất 5", Approx::AtLeast),
            ("không quá 5", Approx::AtMost),
        ] {
            let t = fold(s);
            assert_eq!(approx_word(&t, 0).map(|x| x.0), Some(a), "{s}");
        }
        assert_eq!(approx_word(&fold("hơnx 5"), 0), None);
    }

    proptest::proptest! {
        #[test]
        fn skip_of_total_refuses_no_slash_the_full_reading_reads(
            s in "[0-9/., a\u{1ea1}]{0,12}",
        ) {
            for end in 0..=s.len() + 1 {
                proptest::prop_assert_eq!(skip_of_total(&s, end), skip_slash_total(&s, end));
            }
        }
    }

    /// Pieces of text around numbers: what follows them, and what may precede.
    const AROUND_NUMBERS: &[&str] = &[
        "5",
        "26",
        "2018",
        "1.500",
        "5,3",
        "55/55",
        "2/3",
        "/",
        "-",
        " - ",
        ".",
        ",",
        " ",
        "%",
        " %",
        " phần trăm",
        " chi bộ",
        " đảng viên",
        " lượt",
        " cán bộ",
        " đã đăng ký",
        " năm",
        " tháng",
        " tháng 3",
        " qua",
        "ngày ",
        "(",
        ")",
        "x",
        "\n",
        " nghìn",
        " triệu",
        "hơn ",
        "từ ",
        "trong ",
        "đến ",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn a_digit_start_turns_away_only_grammars_that_refuse(
            pieces in proptest::collection::vec(proptest::sample::select(AROUND_NUMBERS), 0..10),
        ) {
            use super::super::{date, member_count, org_count, percentage, period, registration};
            type Parse = fn(&mut Ctx<'_>, usize) -> Option<super::super::Match>;
            let text = pieces.concat();
            let view = crate::text::normalize::Normalized::new(&text);
            let t = view.as_str();
            for at in (0..t.len()).filter(|&i| t.as_bytes()[i].is_ascii_digit()) {
                let mut ctx = Ctx::new(&view, &text, None);
                let start = digit_start(&ctx, at);
                let grammars: [(&str, bool, Parse); 6] = [
                    ("org_count", start.may_count(), org_count::parse_here),
                    ("member_count", start.may_count(), member_count::parse_here),
                    ("registration", start.may_sign_or_word(), registration::parse_here),
                    ("percentage", start.may_percent(), percentage::parse_here),
                    ("period", start.may_unit_or_day(), period::parse_here),
                    ("date", start.may_day(), date::parse_here),
                ];
                for (name, may, parse) in grammars {
                    if !may {
                        proptest::prop_assert!(parse(&mut ctx, at).is_none(), "{} at {} in {:?}", name, at, t);
                    }
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_remembered_date_is_the_date_read_there(
            s in "([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{1,2} tháng [0-9]{1,2} năm [0-9]{4}|[0-9]{1,4}|[/. -]|ngày ){0,6}",
        ) {
            let view = crate::text::normalize::Normalized::new(&s);
            let ctx = Ctx::new(&view, &s, None);
            let t = view.as_str();
            let positions: Vec<usize> = (0..t.len()).filter(|&i| t.is_char_boundary(i)).collect();
            // twice over, so that the second pass reads what the first remembered
            for at in positions.iter().chain(&positions).copied() {
                proptest::prop_assert_eq!(
                    day_month_year_at(&ctx, at),
                    crate::text::date::day_month_year(&t[at..])
                );
            }
        }
    }

    #[test]
    fn a_digit_start_says_no_after_most_numbers() {
        let text = "5, năm 2018. 26/3";
        let view = crate::text::normalize::Normalized::new(text);
        let ctx = Ctx::new(&view, text, None);
        assert_eq!(digit_start(&ctx, 0), DigitStart(0));
        let at = |s: &str| text.find(s).unwrap_or(0);
        assert!(!digit_start(&ctx, at("2018")).may_unit_or_day());
        assert!(digit_start(&ctx, at("26/3")).may_day());
        assert_eq!(digit_start(&ctx, at("năm")), DigitStart::ANY);
        // no day starts at three digits, but a count of months may
        let text = "006 tháng đầu năm";
        let view = crate::text::normalize::Normalized::new(text);
        let mut ctx = Ctx::new(&view, text, None);
        assert!(super::super::period::parse_here(&mut ctx, 0).is_some());
        assert!(digit_start(&ctx, 0).may_unit_or_day());
    }

    #[test]
    fn memo_reads_a_position_once_while_it_is_recent() {
        let memo: Memo<usize> = Memo::default();
        let reads = Cell::new(0);
        let read = |at: usize| {
            reads.set(reads.get() + 1);
            (at % 2 == 0).then_some(at * 10)
        };
        assert_eq!(memo.get_or(4, || read(4)), Some(40));
        assert_eq!(memo.get_or(4, || read(4)), Some(40));
        assert_eq!(memo.get_or(5, || read(5)), None);
        assert_eq!(memo.get_or(5, || read(5)), None); // a miss is remembered too
        assert_eq!(reads.get(), 2);
        // the positions of the other slots leave it
        for at in (0..3 * MEMO_SIZE).filter(|at| at % MEMO_SIZE != 4 % MEMO_SIZE) {
            memo.get_or(at, || read(at));
        }
        let before = reads.get();
        assert_eq!(memo.get_or(4, || read(4)), Some(40));
        assert_eq!(reads.get(), before);
        // a position of its own slot takes it
        memo.get_or(4 + MEMO_SIZE, || read(4 + MEMO_SIZE));
        let before = reads.get();
        assert_eq!(memo.get_or(4, || read(4)), Some(40)); // forgotten: read again
        assert_eq!(reads.get(), before + 1);
        // an empty slot answers for no position, not even the one it is marked with
        let fresh: Memo<usize> = Memo::default();
        assert_eq!(fresh.get_or(NO_POSITION, || Some(7)), Some(7));
    }
}
