//! `percentage`: a share of something, in both word orders.
//!
//! ```text
//! [từ] [approx] N% [trở lên] [subject]     98%   98,5 %   trên 90% tổ chức cơ sở đảng
//! [approx] N phần trăm [subject]          từ 50% trở lên
//! tỷ lệ <subject> [predicate] <link> [approx] N%          the reverse order
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
//! [`MAX_REVERSE_WORDS`] words and one clause; the phrase may hold a year ("tính đến
//! năm 2022") but no other number. "không vượt quá" gives `at_most`.
//!
//! Not supported: "tỷ lệ N%" (read in the forward order, from the number); a share
//! written before its subject without "tỷ lệ" ("đảng viên nữ chiếm 41,6%"); ranges
//! ("80-90%"); a phrase with brackets or quotes ("đạt cao (89,6%)").

use crate::record::{Approx, Percentage, RecordData, RecordKind};
use crate::text::keyword::{Keyword, Lexicon};

use crate::text::normalize::is_word_char;

use super::common::{approx_word, quantity, APPROX, NUMBER_WORD_STARTS};
use super::{Ctx, Grammar, Match, Trigger};

static TU: Keyword = Keyword::new("từ");
static PHAN_TRAM: Keyword = Keyword::new("phần trăm");
static TRO_LEN: Keyword = Keyword::new("trở lên");

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
    ("chỉ", None),
    ("chỉ còn", None),
    ("chỉ đạt", None),
    ("chiếm", None),
    ("chiếm tới", None),
    ("còn", None),
    ("đạt", None),
    ("đạt được", None),
    ("đạt tới", None),
    ("không vượt quá", Some(Approx::AtMost)),
    ("là", None),
    ("lên", None),
    ("tới", None),
    ("ước đạt", None),
    ("với", None),
    ("xuống", None),
]);

/// Words that end a reverse-order subject besides [`SUBJECT_STOPS`]: "tỷ lệ đô thị
/// hóa tính đến năm 2022 đạt 35,6%".
static REVERSE_STOPS: Lexicon<()> = Lexicon::new(&[
    ("đến", ()),
    ("hiện nay", ()),
    ("năm", ()),
    ("tính", ()),
    ("tính đến", ()),
]);

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    if TY_LE.longest_at(&text[at..]).is_some() {
        return reverse(ctx, at);
    }
    let share = share_at(ctx, at)?;
    let mut end = share.end;
    let subject = subject(text, end);
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
    let (from, at_num) = match TU.match_at(&text[at..]) {
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
    let q = quantity(ctx, num_at)?;
    let after = &text[q.end..];
    let sign_len = if after.starts_with('%') {
        1
    } else if after.starts_with(" %") {
        2
    } else if let Some(n) = after.strip_prefix(' ').and_then(|a| PHAN_TRAM.match_at(a)) {
        n + 1
    } else {
        return None;
    };
    let mut end = q.end + sign_len;
    if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let approx = if from {
        let n = text[end..]
            .strip_prefix(' ')
            .and_then(|a| TRO_LEN.match_at(a))?;
        end += 1 + n;
        Approx::AtLeast
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

// tỷ lệ đảng viên trẻ đạt 98%, tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt
// 92,3%, tỷ lệ phiếu biểu quyết trên 90%, tỷ lệ tán thành 94,79%
fn reverse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let (_, n) = TY_LE.longest_at(&text[at..])?;
    if !text[at + n..].starts_with(' ') {
        return None;
    }
    let start = at + n + 1;
    // the subject is open until a stop word; words after it are the predicate
    let first = &text[start..];
    let mut subject_open =
        SUBJECT_HEADS.longest_at(first).is_some() || SUBJECT_STOPS.longest_at(first).is_none();
    let mut subject_end = start;
    let mut pos = start;
    for words in 0..MAX_REVERSE_WORDS {
        let rest = &text[pos..];
        if words > 0 {
            if let Some(found) = number_here(ctx, pos) {
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
            if subject_open
                && (SUBJECT_HEADS.longest_at(rest).is_none()
                    && (SUBJECT_STOPS.longest_at(rest).is_some()
                        || REVERSE_STOPS.longest_at(rest).is_some())
                    || LINKS.longest_at(rest).is_some()
                    || APPROX.longest_at(rest).is_some())
            {
                subject_open = false;
            }
        } else if rest.starts_with(|c: char| c.is_ascii_digit())
            || LINKS.longest_at(rest).is_some()
            || APPROX.longest_at(rest).is_some()
        {
            return None; // "tỷ lệ 65%", "tỷ lệ là 75%": the forward order reads it
        }
        let len = if rest.starts_with(|c: char| c.is_ascii_digit()) {
            // a year may stand in the phrase ("tính đến năm 2022"), no other number
            subject_open = false;
            let len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let year = rest[..len].parse::<u32>().ok()?;
            if len != 4 || !(1900..=2100).contains(&year) {
                return None;
            }
            len
        } else {
            rest.char_indices()
                .find(|(_, c)| !is_word_char(*c))
                .map_or(rest.len(), |(i, _)| i)
        };
        if len == 0 {
            return None;
        }
        pos += len;
        if subject_open {
            subject_end = pos;
        }
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if let Some(list) = tail.strip_prefix(", ") {
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

/// The number of a reverse-order phrase at `pos`: after a link word ("đạt 98%"), or
/// right there ("trên 90%", "94,79%").
fn number_here(ctx: &Ctx<'_>, pos: usize) -> Option<Share> {
    let text = ctx.text();
    if let Some((implied, n)) = LINKS.longest_at(&text[pos..]) {
        let q = text
            .get(pos + n..)?
            .strip_prefix(' ')
            .map(|_| pos + n + 1)?;
        let mut share = share_at(ctx, q)?;
        if share.approx == Approx::Exact {
            share.approx = implied.unwrap_or(Approx::Exact);
        }
        return Some(share);
    }
    share_at(ctx, pos)
}

/// The subject noun phrase right after the percent sign, in normalised offsets.
fn subject(text: &str, end: usize) -> Option<(usize, usize)> {
    let start = end + 1;
    let first = text.get(end..)?.strip_prefix(' ')?;
    SUBJECT_HEADS.longest_at(first)?;
    let mut stop = start;
    let mut pos = start;
    let mut words = 0;
    while words < MAX_SUBJECT_WORDS {
        let rest = &text[pos..];
        // the head noun was checked already ("học sinh" is no verb "học")
        if words > 0
            && (SUBJECT_STOPS.longest_at(rest).is_some() || APPROX.longest_at(rest).is_some())
        {
            break;
        }
        let word_len = rest
            .char_indices()
            .find(|(_, c)| !crate::text::normalize::is_word_char(*c))
            .map_or(rest.len(), |(i, _)| i);
        if word_len == 0 {
            break;
        }
        pos += word_len;
        stop = pos;
        words += 1;
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if let Some(list) = tail.strip_prefix(", ") {
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
