//! `percentage`: a share of something, in both word orders.
//!
//! ```text
//! [từ] [approx] N% [trở lên|trở xuống] [subject]    98%   98,5 %   hơn 97%
//! [approx] N phần trăm [subject]                    trên 90% tổ chức cơ sở đảng
//!     từ 50% trở lên   từ 60% trở xuống   năm phần trăm
//! tỷ lệ <subject> [predicate] <link> [approx] N%    the reverse order
//!     tỷ lệ đảng viên trẻ đạt 98%
//!     tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 92,3%
//!     tỉ lệ hộ nghèo giảm xuống còn 2,5%     tỷ lệ nợ xấu không vượt quá 3%
//! ```
//! Forward order: `subject` is the noun phrase right after the number when it starts
//! with a noun of the genre ("đảng viên", "cơ quan, đơn vị", "kế hoạch năm"); it ends
//! at punctuation or a function word. Null when a verb or punctuation follows ("100%
//! thi hành").
//!
//! Reverse order: the record runs from "tỷ lệ"/"tỉ lệ" to the percent sign. `subject`
//! is the noun phrase after "tỷ lệ", cut by the same stop words as the forward order
//! (so "tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 92,3%" has the subject
//! "tổ chức cơ sở đảng", as "92,3% tổ chức cơ sở đảng hoàn thành …" would); null when
//! a verb comes first ("tỷ lệ tán thành 94,79%"). The number follows a link word
//! (đạt, là, chiếm, còn, với …), an approximation word or the phrase itself, within
//! [`MAX_REVERSE_WORDS`] words and one clause; the subject may hold a year ("tỷ lệ
//! đô thị hóa 2022"), the predicate any number that is no share ("dưới 35 tuổi"). "không vượt quá" gives `at_most`. Refused: a
//! number right after a word of change ("tỷ lệ hộ nghèo giảm 2%" is a change, not a
//! share; "giảm xuống còn 2%" is a share), and "từ N%" that opens a range ("từ 40%
//! lên 60%").
//!
//! Not supported: "tỷ lệ N%" (read in the forward order, from the number); a share
//! written before its subject without "tỷ lệ" ("đảng viên nữ chiếm 41,6%"); ranges
//! ("80-90%"); a phrase with brackets or quotes ("đạt cao (89,6%)").

use crate::record::{Approx, Percentage, RecordData, RecordKind};
use crate::text::keyword::word_len;
use crate::text::keyword::{Keyword, Lexicon};

use super::common::digit_start;
use super::common::{approx_word, number_end, quantity, APPROX, NUMBER_WORD_STARTS};
use super::{Ctx, Grammar, Match, Trigger};

static TU: Keyword = Keyword::new("từ");
static PHAN_TRAM: Keyword = Keyword::new("phần trăm");
static TRO_LEN: Keyword = Keyword::new("trở lên");
static TRO_XUONG: Keyword = Keyword::new("trở xuống");

/// The percentage grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::Percentage,
    name: "percentage",
    triggers: &[
        Trigger::Digit,
        Trigger::Words(&APPROX),
        Trigger::Words(&NUMBER_WORD_STARTS),
        Trigger::Word(&TU),
        Trigger::Words(&TY_LE),
    ],
    parse,
};

/// Nouns a subject may start with.
static SUBJECT_HEADS: Lexicon<()> = Lexicon::new(&[
    ("bệnh nhân", ()),
    ("cán bộ", ()),
    ("chi bộ", ()),
    ("chỉ tiêu", ()),
    ("chiến sĩ", ()),
    ("cổ phần", ()),
    ("công chức", ()),
    ("công nhân", ()),
    ("công trình", ()),
    ("cơ quan", ()),
    ("cơ sở", ()),
    ("cử tri", ()),
    ("dân số", ()),
    ("diện tích", ()),
    ("doanh nghiệp", ()),
    ("doanh thu", ()),
    ("dự án", ()),
    ("đại biểu", ()),
    ("đảng bộ", ()),
    ("đảng viên", ()),
    ("địa phương", ()),
    ("đoàn viên", ()),
    ("đơn vị", ()),
    ("gia đình", ()),
    ("giá trị", ()),
    ("giáo viên", ()),
    ("hồ sơ", ()),
    ("học sinh", ()),
    ("hộ", ()),
    ("hội viên", ()),
    ("huyện", ()),
    ("kế hoạch", ()),
    ("khu dân cư", ()),
    ("kinh phí", ()),
    ("lao động", ()),
    ("lợi nhuận", ()),
    ("người", ()),
    ("nhân dân", ()),
    ("nhiệm vụ", ()),
    ("nông dân", ()),
    ("ngân sách", ()),
    ("phiếu", ()),
    ("phụ nữ", ()),
    ("phường", ()),
    ("sản lượng", ()),
    ("sinh viên", ()),
    ("số", ()),
    ("thanh niên", ()),
    ("thành viên", ()),
    ("thị trấn", ()),
    ("thôn", ()),
    ("thủ tục", ()),
    ("tổ", ()),
    ("tổ chức", ()),
    ("tổng số", ()),
    ("trẻ em", ()),
    ("trường", ()),
    ("văn bản", ()),
    ("vốn", ()),
    ("vụ", ()),
    ("viên chức", ()),
    ("xã", ()),
    ("ý kiến", ()),
]);

/// Words that end a subject: function words and the genre's verbs.
pub(crate) static SUBJECT_STOPS: Lexicon<()> = Lexicon::new(&[
    ("ban hành", ()),
    ("bỏ phiếu", ()),
    ("cam kết", ()),
    ("chấp hành", ()),
    ("duy trì", ()),
    ("đăng ký", ()),
    ("đánh giá", ()),
    ("hoàn thành", ()),
    ("học", ()),
    ("in", ()),
    ("ký", ()),
    ("làm", ()),
    ("nghiên cứu", ()),
    ("quán triệt", ()),
    ("sử dụng", ()),
    ("tham gia", ()),
    ("thực hiện", ()),
    ("tán thành", ()),
    ("tổ chức thực hiện", ()),
    ("triển khai", ()),
    ("ủng hộ", ()),
    ("vi phạm", ()),
    ("xây dựng", ()),
    ("xếp loại", ()),
    ("bị", ()),
    ("cho", ()),
    ("chưa", ()),
    ("có", ()),
    ("của", ()),
    ("do", ()),
    ("đã", ()),
    ("đang", ()),
    ("đạt", ()),
    ("để", ()),
    ("đều", ()),
    ("đối với", ()),
    ("được", ()),
    ("giảm", ()),
    ("hoặc", ()),
    ("khi", ()),
    ("không", ()),
    ("là", ()),
    ("mà", ()),
    ("nhưng", ()),
    ("nhằm", ()),
    ("như", ()),
    ("phải", ()),
    ("sẽ", ()),
    ("so với", ()),
    ("tại", ()),
    ("tăng", ()),
    ("theo", ()),
    ("thì", ()),
    ("trở lên", ()),
    ("trong", ()),
    ("từ", ()),
    ("và", ()),
    ("vào", ()),
    ("về", ()),
    ("với", ()),
    ("ở", ()),
]);

const MAX_SUBJECT_WORDS: usize = 10;
/// The most words between "tỷ lệ" and the number in the reverse order.
const MAX_REVERSE_WORDS: usize = 20;

/// "tỷ lệ", the word that opens the reverse order.
pub(crate) static TY_LE: Lexicon<()> = Lexicon::new(&[("tỉ lệ", ()), ("tỷ lệ", ())]);

/// Words that link a reverse-order phrase to its number, with the approximation
/// they imply.
static LINKS: Lexicon<Option<Approx>> = Lexicon::new(&[
    ("chiếm", None),
    ("chiếm tới", None),
    ("chỉ", None),
    ("chỉ còn", None),
    ("chỉ đạt", None),
    ("còn", None),
    ("không vượt quá", Some(Approx::AtMost)),
    ("là", None),
    ("lên", None),
    ("tới", None),
    ("với", None),
    ("xuống", None),
    ("đạt", None),
    ("đạt tới", None),
    ("đạt được", None),
    ("ước đạt", None),
    ("ở mức", None),
]);

/// Words that end a subject in either order besides [`SUBJECT_STOPS`] (which the
/// registration grammar shares): "tỷ lệ đô thị hóa tính đến năm 2022 đạt 35,6%",
/// "tỷ lệ này …", "38% dân số sống ở nông thôn", "60% sản lượng còn 40% …".
static PERCENT_STOPS: Lexicon<()> = Lexicon::new(&[
    ("bảo đảm", ()),
    ("còn", ()),
    ("cũng", ()),
    ("dành", ()),
    ("dự định", ()),
    ("hiện nay", ()),
    ("hàng năm", ()),
    ("hằng năm", ()),
    ("kéo giảm", ()),
    ("mỗi", ()),
    ("này", ()),
    ("nhất trí", ()),
    ("nói", ()),
    ("năm nay", ()),
    ("sinh sống", ()),
    ("sống", ()),
    ("tiếp tục", ()),
    ("tính", ()),
    ("tính đến", ()),
    ("tập trung", ()),
    ("đó", ()),
    ("đảm bảo", ()),
    ("đến", ()),
    ("đủ", ()),
    ("ước", ()),
    ("ổn định", ()),
]);

/// Words of change: a number right after them is a change of the share, not the
/// share ("tỷ lệ hộ nghèo giảm 2%").
static CHANGES: Lexicon<()> = Lexicon::new(&[("giảm", ()), ("thêm", ()), ("tăng", ())]);

static NAM: Keyword = Keyword::new("năm");

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    // the percent sign follows the number, or a space and "phần trăm"
    if !digit_start(ctx, at).may_percent() {
        return None;
    }
    parse_here(ctx, at)
}

/// [`parse`] once the bytes after a number do not rule it out.
#[inline(never)]
pub(super) fn parse_here(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    if TY_LE.longest_at(&text[at..]).is_some() {
        return reverse(ctx, at);
    }
    let share = share_at(ctx, at)?;
    let mut end = share.end;
    let subject = subject(ctx, end);
    let subject_text = subject.map(|(s, e)| ctx.written(s, e));
    if let Some((_, e)) = subject {
        end = e;
    }
    Some(Match {
        start: at,
        end,
        richness: u8::from(subject_text.is_some()),
        data: RecordData::Percentage(Percentage {
            value: share.value,
            approx: share.approx,
            subject: subject_text,
        }),
        diagnostics: share.diagnostics,
    })
}

/// The number and its sign, read by [`share_at`], in normalised offsets.
struct Share {
    value: f64,
    approx: Approx,
    end: usize,
    diagnostics: Vec<crate::error::Diagnostic>,
}

/// `[từ] [approx] N (%| %| phần trăm) [trở lên]` at `at`.
fn share_at(ctx: &Ctx<'_>, at: usize) -> Option<Share> {
    let text = ctx.text();
    // "từ" starts with no digit, where most calls are
    let at_digit = text.as_bytes().get(at).is_some_and(u8::is_ascii_digit);
    let tu = if at_digit {
        None
    } else {
        TU.match_at(&text[at..])
    };
    let (from, at_num) = match tu {
        Some(n) if text[at + n..].starts_with(' ') => (true, at + n + 1),
        Some(_) => return None,
        None => (false, at),
    };
    let (approx, num_at) = match approx_word(text, at_num) {
        Some((a, next)) => (a, next),
        None => (Approx::Exact, at_num),
    };
    if !text
        .get(num_at..)?
        .starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic())
    {
        return None;
    }
    if !crate::text::keyword::starts_word(text, num_at) {
        return None;
    }
    // most numbers have no percent sign: look for it before reading the number
    let number_end = number_end(ctx, num_at)?;
    let sign_len = percent_sign_len(&text[number_end..])?;
    let q = quantity(ctx, num_at)?;
    let mut end = q.end + sign_len;
    if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // từ 50% trở lên, từ 60% trở xuống
    let approx = if from {
        let after = text[end..].strip_prefix(' ')?;
        let (bound, n) = TRO_LEN
            .match_at(after)
            .map(|n| (Approx::AtLeast, n))
            .or_else(|| TRO_XUONG.match_at(after).map(|n| (Approx::AtMost, n)))?;
        end += 1 + n;
        bound
    } else {
        approx
    };
    Some(Share {
        value: q.value,
        approx,
        end,
        diagnostics: q.diagnostics,
    })
}

/// The percent sign at the start of `after` (what follows a number): "%", " %" or
/// " phần trăm", and its byte length.
pub(super) fn percent_sign_len(after: &str) -> Option<usize> {
    if after.starts_with('%') {
        Some(1)
    } else if after.starts_with(" %") {
        Some(2)
    } else {
        let n = PHAN_TRAM.match_at(after.strip_prefix(' ')?)?;
        Some(n + 1)
    }
}

// tỷ lệ đảng viên trẻ đạt 98%, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt
// 92,3%, tỷ lệ phiếu biểu quyết trên 90%, tỷ lệ tán thành 94,79%
fn reverse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let (_, n) = TY_LE.longest_at(&text[at..])?;
    let start = word_gap(ctx, at + n)?;
    let first = &text[start..];
    if first.starts_with(|c: char| c.is_ascii_digit())
        || LINKS.longest_at(first).is_some()
        || APPROX.longest_at(first).is_some()
        || TU.match_at(first).is_some()
    {
        return None; // "tỷ lệ 65%", "tỷ lệ là 75%": the forward order reads it
    }
    // the subject is open until a stop word; the words after it are the predicate
    let mut subject_open = !ends_subject(text, start);
    let mut subject_end = start;
    let mut after_change = false;
    let mut pos = start;
    for words in 0..MAX_REVERSE_WORDS {
        let rest = &text[pos..];
        let was_open = subject_open;
        if words > 0 {
            match number_here(ctx, pos, after_change) {
                Number::Here(found) => {
                    let subject = (subject_end > start).then(|| ctx.written(start, subject_end));
                    return Some(Match {
                        start: at,
                        end: found.end,
                        richness: u8::from(subject.is_some()),
                        data: RecordData::Percentage(Percentage {
                            value: found.value,
                            approx: found.approx,
                            subject,
                        }),
                        diagnostics: found.diagnostics,
                    });
                }
                Number::Refused => return None,
                Number::NotHere => {}
            }
            subject_open = subject_open && !ends_subject(text, pos);
        }
        let len = if rest.starts_with(|c: char| c.is_ascii_digit()) {
            // a year may stand in the subject ("tỷ lệ đô thị hóa 2022"), any number in
            // the predicate ("dưới 35 tuổi"); none right after "tỷ lệ"
            let len = number_len(rest);
            let year = rest[..len].parse::<u32>().ok();
            if was_open && !(len == 4 && year.is_some_and(|y| (1900..=2100).contains(&y))) {
                return None;
            }
            subject_open = false;
            len
        } else {
            word_len(rest)
        };
        if len == 0 {
            return None;
        }
        after_change = CHANGES.longest_at(rest).is_some_and(|(_, n)| n == len);
        pos += len;
        if subject_open {
            subject_end = pos;
        }
        if let Some(next) = word_gap(ctx, pos) {
            pos = next;
        } else if let Some(list) = text[pos..].strip_prefix(", ") {
            // "tỷ lệ cán bộ, đảng viên …": a list of nouns in the subject
            if !subject_open || SUBJECT_HEADS.longest_at(list).is_none() {
                return None;
            }
            pos += 2;
        } else {
            return None;
        }
    }
    None
}

/// The length of the number at the start of `rest`: digits, with "." or ","
/// between digits ("1.500", "2,5").
fn number_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let inner =
            matches!(b[i], b'.' | b',') && i > 0 && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !(b[i].is_ascii_digit() || inner) {
            break;
        }
        i += 1;
    }
    i
}

/// Whether the word at `pos` ends a reverse-order subject: a stop word that is no
/// head noun ("học" ends it, "học sinh" does not), a link or approximation word, a
/// change, or "năm" before a year.
fn ends_subject(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let stop = SUBJECT_STOPS.longest_at(rest).is_some()
        || PERCENT_STOPS.longest_at(rest).is_some()
        || CHANGES.longest_at(rest).is_some();
    (stop && SUBJECT_HEADS.longest_at(rest).is_none())
        || LINKS.longest_at(rest).is_some()
        || APPROX.longest_at(rest).is_some()
        || NAM.match_at(rest).is_some_and(|n| {
            rest[n..]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// What [`number_here`] found.
enum Number {
    /// The share.
    Here(Share),
    /// A number that is no share of the phrase: a change ("tăng 5%"), or the start of
    /// a range ("từ 40% lên 60%").
    Refused,
    /// No number here.
    NotHere,
}

/// The number of a reverse-order phrase at `pos`: after a link word ("đạt 98%"), or
/// right there ("trên 90%", "94,79%") unless a change word came just before ("giảm
/// 2%" is a change, not a share).
fn number_here(ctx: &Ctx<'_>, pos: usize, after_change: bool) -> Number {
    let text = ctx.text();
    let rest = &text[pos..];
    if let Some((implied, n)) = LINKS.longest_at(rest) {
        if !text[pos + n..].starts_with(' ') {
            return Number::NotHere;
        }
        let q = pos + n + 1;
        return match share_at(ctx, q) {
            Some(mut share) => {
                if share.approx == Approx::Exact {
                    share.approx = implied.unwrap_or(Approx::Exact);
                }
                Number::Here(share)
            }
            // "đạt từ 40% lên 60%"
            None if opens_range(text, q) => Number::Refused,
            None => Number::NotHere,
        };
    }
    match share_at(ctx, pos) {
        Some(_) if after_change => Number::Refused,
        Some(share) => Number::Here(share),
        None if opens_range(text, pos) => Number::Refused,
        None => Number::NotHere,
    }
}

/// "từ 40% lên 60%", "từ hơn 40%": "từ" and a number that is no "từ … trở lên".
fn opens_range(text: &str, pos: usize) -> bool {
    let Some(n) = TU.match_at(&text[pos..]) else {
        return false;
    };
    let Some(after) = text[pos + n..].strip_prefix(' ') else {
        return false;
    };
    let num = APPROX
        .longest_at(after)
        .and_then(|(_, k)| after[k..].strip_prefix(' '))
        .unwrap_or(after);
    num.starts_with(|c: char| c.is_ascii_digit())
}

/// The subject noun phrase right after the percent sign, in normalised offsets.
fn subject(ctx: &Ctx<'_>, end: usize) -> Option<(usize, usize)> {
    let text = ctx.text();
    let start = word_gap(ctx, end)?;
    SUBJECT_HEADS.longest_at(&text[start..])?;
    let mut stop = start;
    let mut pos = start;
    let mut words = 0;
    while words < MAX_SUBJECT_WORDS {
        let rest = &text[pos..];
        // the head noun was checked already ("học sinh" is no verb "học")
        if words > 0
            && (SUBJECT_STOPS.longest_at(rest).is_some()
                || PERCENT_STOPS.longest_at(rest).is_some()
                || APPROX.longest_at(rest).is_some())
        {
            break;
        }
        let word_len = word_len(rest);
        if word_len == 0 {
            break;
        }
        pos += word_len;
        stop = pos;
        words += 1;
        if let Some(next) = word_gap(ctx, pos) {
            pos = next;
        } else if let Some(list) = text[pos..].strip_prefix(", ") {
            // a list of nouns: "thôn, tổ dân phố", "cơ quan, đơn vị"
            if SUBJECT_HEADS.longest_at(list).is_none() {
                break;
            }
            pos += 2;
        } else {
            break;
        }
    }
    (stop > start).then_some((start, stop))
}

/// The space after a word at `pos`: where the next word starts. A line break counts
/// as a space when a lower-case word follows (hard-wrapped text: "100% cơ sở
/// cai\nnghiện ma túy").
fn word_gap(ctx: &Ctx<'_>, pos: usize) -> Option<usize> {
    let rest = ctx.text().get(pos..)?;
    if rest.starts_with(' ') {
        return Some(pos + 1);
    }
    let next = rest.strip_prefix('\n')?;
    (next.starts_with(char::is_alphabetic) && !ctx.starts_upper_case(pos + 1)).then_some(pos + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tu_starts_with_no_digit() {
        assert!(!TU.folded().starts_with(|c: char| c.is_ascii_digit()));
    }
    use crate::text::normalize::fold;
    use unicode_normalization::UnicodeNormalization;

    fn sorted_nfc_unique<T: Copy>(name: &str, table: &Lexicon<T>) {
        let words: Vec<&str> = table.written().iter().map(|(w, _)| *w).collect();
        for w in &words {
            assert_eq!(w.nfc().collect::<String>(), *w, "{name}: {w} is not NFC");
        }
        let mut sorted = words.clone();
        sorted.sort_by_key(|w| fold(w));
        sorted.dedup_by_key(|w| fold(w));
        assert_eq!(words, sorted, "{name} is not sorted and unique");
    }

    #[test]
    fn new_tables_are_sorted_nfc_and_unique() {
        sorted_nfc_unique("TY_LE", &TY_LE);
        sorted_nfc_unique("LINKS", &LINKS);
        sorted_nfc_unique("PERCENT_STOPS", &PERCENT_STOPS);
        sorted_nfc_unique("CHANGES", &CHANGES);
    }
}
