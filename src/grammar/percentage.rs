//! `percentage`: a share of something.
//!
//! ```text
//! [từ] [approx] N% [trở lên] [subject]     98%   98,5 %   trên 90% tổ chức cơ sở đảng
//! [approx] N phần trăm [subject]          từ 50% trở lên
//! ```
//! `subject` is the noun phrase right after the number when it starts with a noun of
//! the genre ("đảng viên", "cơ quan, đơn vị", "kế hoạch năm"); it ends at punctuation
//! or a function word. Null when a verb or punctuation follows ("100% thi hành").
//! Not supported yet: the reverse order "tỷ lệ đảng viên … đạt 98%".

use crate::record::{Approx, Percentage, RecordData, RecordKind};
use crate::text::keyword::{Keyword, Lexicon};

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

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
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
            value: q.value,
            approx,
            subject: subject_text,
        }),
        diagnostics: q.diagnostics,
    })
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
