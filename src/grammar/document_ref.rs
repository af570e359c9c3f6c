//! `document_ref`: a cited Party or State document.
//!
//! ```text
//! <type> [số[:]] <number>[, ] [ngày <date> | năm YYYY | YYYY | (YYYY)] [của <issuer>] [khóa N] [về <title>]
//!     Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh …
//!     Nghị định 30/2020/NĐ-CP        Quy định số 28 ngày 26/3/2018 của Tỉnh ủy
//! <type> [của] [Hội nghị] Trung ương N[,] [(]khóa N[)]          Nghị quyết Trung ương 4 khóa XII
//! <type> ngày <date> [của <issuer>]                          Nghị quyết của Quốc hội ngày 28 tháng 6 năm 1988
//! <n>-<TYPE>/<ISSUER>, <n>/<year>/<TYPE>-<ISSUER>            a bare symbol: 05-CT/TW, 30/2020/NĐ-CP
//! Điều lệ Đảng, Cương lĩnh, Hiến pháp [năm YYYY]
//! ```
//! A type word alone ("các nghị quyết của Đảng", "Luật Đất đai") is no reference.
//! A misspelt type word one tone mark away from a real one ("Chị thị 05") is read,
//! with `corrected_from` and a `corrected_type_word` diagnostic.
//! Not supported yet: lists that share one type word ("Chỉ thị 05, 10 và 15" gives
//! the first only; "… 18-NQ/TW và 19-NQ/TW" gives both, the second as a bare symbol),
//! references back ("Chỉ thị này"), resolution against the registry of known
//! documents.

use compact_str::{CompactString, ToCompactString};
use std::borrow::Cow;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::error::Code;
use crate::record::{DocumentRef, RecordData, RecordKind};
use crate::text::date::{day_month_year, PartialDate};
use crate::text::keyword::{starts_word, Keyword, Lexicon};
use crate::text::normalize::{fold, is_word_char};
use crate::text::number::continues_number;
use crate::text::number_words::number_words;
use crate::text::roman::roman;
use crate::text::symbol::{doc_number, DocNumber, Style};

use super::{Ctx, Grammar, Match, Trigger, Vocabulary};

/// The document_ref grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::DocumentRef,
    name: "document_ref",
    triggers: &[
        Trigger::Words(&TYPE_WORDS),
        Trigger::Words(&Misspelt),
        Trigger::Digit,
    ],
    parse,
};

/// Type words and the contract's `doc_type` (GLOSSARY.md).
static TYPE_WORDS: Lexicon<&str> = Lexicon::new(&[
    ("biên bản", "minutes"),
    ("báo cáo", "report"),
    ("bộ luật", "code"),
    ("chỉ thị", "directive"),
    ("chương trình", "program"),
    ("công văn", "official_letter"),
    ("cương lĩnh", "platform"),
    ("dự án", "project"),
    ("điều lệ đảng", "charter"),
    ("đề án", "scheme"),
    ("hiến pháp", "constitution"),
    ("hướng dẫn", "guideline"),
    ("kết luận", "conclusion"),
    ("kế hoạch", "plan"),
    ("lệnh", "order"),
    ("luật", "law"),
    ("nghị định", "decree"),
    ("nghị quyết", "resolution"),
    ("pháp lệnh", "ordinance"),
    ("phương án", "option"),
    ("quy chế", "rules"),
    ("quy định", "regulation"),
    ("quyết định", "decision"),
    ("sắc lệnh", "presidential_decree"),
    ("thông báo", "notice"),
    ("thông cáo", "communique"),
    ("thông tri", "instruction"),
    ("thông tư", "circular"),
    ("thông tư liên tịch", "joint_circular"),
    ("tờ trình", "submission"),
]);

/// Documents that are references without a number.
const NAMED: [&str; 3] = ["charter", "platform", "constitution"];

/// Type codes inside symbols, for bare symbols ("05-CT/TW"): (code, Party type,
/// State type). `TT` is Thông tri in Party symbols and Thông tư in State ones; `QĐ`
/// in a Party symbol is Quyết định or Quy định, which only the type word decides.
static TYPE_CODES: Lexicon<(&str, &str)> = Lexicon::new(&[
    ("bb", ("minutes", "minutes")),
    ("bc", ("report", "report")),
    ("ct", ("directive", "directive")),
    ("ctr", ("program", "program")),
    ("cv", ("official_letter", "official_letter")),
    ("hd", ("guideline", "guideline")),
    ("kh", ("plan", "plan")),
    ("kl", ("conclusion", "conclusion")),
    ("nđ", ("decree", "decree")),
    ("nq", ("resolution", "resolution")),
    ("qc", ("rules", "rules")),
    ("qđ", ("decision", "decision")),
    ("qđi", ("regulation", "regulation")),
    ("qyđ", ("regulation", "regulation")),
    ("tb", ("notice", "notice")),
    ("tt", ("instruction", "circular")),
    ("ttlt", ("joint_circular", "joint_circular")),
    ("ttr", ("submission", "submission")),
]);

static SO: Keyword = Keyword::new("số");
static NGAY: Keyword = Keyword::new("ngày");
static NAM: Keyword = Keyword::new("năm");
static CUA: Keyword = Keyword::new("của");
static VE: Keyword = Keyword::new("về");
static KHOA: Keyword = Keyword::new("khóa");
static HOI_NGHI: Keyword = Keyword::new("hội nghị");
static DO: Keyword = Keyword::new("do");
static BAN_HANH: Keyword = Keyword::new("ban hành");
static KY_HOP: Keyword = Keyword::new("kỳ họp thứ");
static TAI: Keyword = Keyword::new("tại");
static LAN_THU: Keyword = Keyword::new("lần thứ");
static DAI_HOI: Keyword = Keyword::new("đại hội");

/// Spellings of the Central Committee in a plenum phrase.
static CENTRAL: Lexicon<()> =
    Lexicon::new(&[("t.ư", ()), ("trung ương", ()), ("tw", ()), ("tư", ())]);

const MAX_ISSUER_WORDS: usize = 10;
const MAX_TITLE_WORDS: usize = 40;
const MAX_QUOTED_TITLE: usize = 600;

/// Words that join two references and never end a title.
static JOINERS: [Keyword; 3] = [
    Keyword::new("và"),
    Keyword::new("cùng"),
    Keyword::new("hoặc"),
];

/// Words that end a title: the sentence goes on with its own verb.
static TITLE_STOPS: Lexicon<()> = Lexicon::new(&[
    ("cho biết", ()),
    ("cho thấy", ()),
    ("đã", ()),
    ("đồng thời", ()),
    ("là", ()),
    ("theo đó", ()),
    ("trong đó", ()),
    ("vừa", ()),
]);

/// The keyword at `at` and the gap after it: the position after the gap. A line
/// break counts as a gap: references wrap ("của\nBan Bí thư").
fn word_then_space(text: &str, at: usize, k: &'static Keyword) -> Option<usize> {
    let n = k.match_at(text.get(at..)?)?;
    gap(text, at + n)
}

/// One space or line break at `at`: the position after it.
fn gap(text: &str, at: usize) -> Option<usize> {
    text.get(at..)?.starts_with([' ', '\n']).then_some(at + 1)
}

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    if text[at..].starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(listed) = listed_number(ctx, at) {
            return Some(listed);
        }
        return bare_symbol(ctx, at);
    }
    let (doc_type, misspelt_type, type_len) = match TYPE_WORDS.longest_at(&text[at..]) {
        Some((t, n)) => (t, false, n),
        None => {
            let (t, n) = misspelt(&text[at..])?;
            (t, true, n)
        }
    };
    // the type and the misspelling are written once the reference stands: most
    // type words start none ("kế hoạch đề ra", "các nghị quyết của Đảng")
    let mut r = DocumentRef::default();
    let mut end = at + type_len;
    let mut has_identity = NAMED.contains(&doc_type);
    // Điều lệ Đảng Cộng sản Việt Nam, Hiến pháp năm 2013: the name runs on
    if has_identity {
        end = proper_name_end(ctx, end);
    }
    let mut pos = end;
    // where a plenum was looked for in vain: the first modifier would look again
    let mut no_plenum_at = Some(pos);
    // (của) (Hội nghị) Trung ương 4 (,) (khóa XII)
    if let Some(pl) = plenum(text, pos) {
        no_plenum_at = None;
        r.plenum = Some(pl.plenum);
        r.term = pl.term;
        r.issuer = Some(ctx.written(pl.central.0, pl.central.1));
        has_identity = true;
        end = pl.end;
        pos = pl.end;
    }
    // Đại hội (…) lần thứ XII
    if r.plenum.is_none() {
        if let Some((term, next)) = congress(text, pos) {
            r.term = Some(term);
            has_identity = true;
            end = next;
            pos = next;
        }
    }
    // số 05-CT/TW, 30/2020/NĐ-CP, 05
    let number_at = so_prefix(text, pos).or_else(|| gap(text, pos));
    if let Some(n_at) = number_at {
        if let Some(d) = doc_number(&text[n_at..])
            .filter(|d| starts_word(text, n_at) && !whole_part_of_percentage(text, n_at, d))
        {
            let (a, b) = d.number;
            r.number = Some(ctx.written(n_at + a, n_at + b));
            if let Some((s, e)) = d.symbol {
                r.symbol = Some(symbol_as_written(ctx, n_at + s, n_at + e));
            }
            r.year = d.year;
            r.canonical = canonical(&r, d.style);
            has_identity = true;
            end = n_at + d.len;
            pos = end;
        }
    }
    // "luật 7", "lệnh 3": one-syllable type words are common nouns unless capitalised
    // or followed by a symbol; only the number gives one, so the modifiers of such a
    // word need no reading ("kỷ luật trong toàn Đảng")
    if r.symbol.is_none()
        && !text[at..at + type_len].contains(' ')
        && !NAMED.contains(&doc_type)
        && !ctx.starts_upper_case(at)
    {
        return None;
    }
    // modifiers, in the order reports write them; each at most once
    for _ in 0..6 {
        let sep = match text[pos..].strip_prefix(',') {
            Some(_) => gap(text, pos + 1),
            None => gap(text, pos),
        };
        let Some(sep) = sep else {
            break;
        };
        // most clauses go on with a word no modifier starts with ("báo cáo, đồng
        // thời"), and every round ends so: its first byte turns it away
        if !text
            .as_bytes()
            .get(sep)
            .is_some_and(|&b| may_start_modifier(b))
        {
            break;
        }
        if r.plenum.is_none() && no_plenum_at != Some(sep - 1) {
            // "… ngày 16/6/2022 của Hội nghị Trung ương 5 khóa XIII"
            if let Some(pl) = plenum(text, sep - 1) {
                r.plenum = Some(pl.plenum);
                r.term = r.term.or(pl.term);
                r.issuer = r.issuer.or(Some(ctx.written(pl.central.0, pl.central.1)));
                has_identity = true;
                end = pl.end;
                pos = pl.end;
                continue;
            }
        }
        if r.date.is_none() {
            if let Some((date, next)) = date_after(text, sep) {
                r.year = r.year.or(Some(date.year));
                r.date = Some(date.iso());
                has_identity = true;
                end = next;
                pos = next;
                continue;
            }
        }
        if has_identity {
            // "30/2020/NĐ-CP năm 2020" repeats the year; another year is no part of it
            if let Some((year, next)) =
                year_after(text, sep).filter(|(y, _)| r.year.is_none_or(|known| known == *y))
            {
                r.year = Some(year);
                end = next;
                pos = next;
                continue;
            }
        }
        if r.issuer.is_none() || r.plenum.is_some() && !text[pos..].starts_with(',') {
            if let Some((issuer, next)) = issuer_after(ctx, sep) {
                if r.plenum.is_none() {
                    r.issuer = Some(issuer);
                }
                end = next;
                pos = next;
                continue;
            }
        }
        if r.term.is_none() {
            if let Some((term, next)) = term_after(text, sep) {
                r.term = Some(term);
                has_identity = true;
                end = next;
                pos = next;
                continue;
            }
        }
        if r.plenum.is_none() {
            if let Some((sitting, next)) = sitting_after(text, sep) {
                r.plenum = Some(sitting);
                has_identity = true;
                end = next;
                pos = next;
                continue;
            }
        }
        break;
    }
    if !has_identity {
        return None;
    }
    r.doc_type = CompactString::new(doc_type);
    if misspelt_type {
        r.corrected_from = Some(ctx.written(at, at + type_len));
    }
    // về … / “…”: the title
    if let Some((s, e)) = title_after(ctx, end) {
        let written = ctx.written(s, e);
        let title = written.trim_matches(['*', '“', '”', '"']);
        r.subject = Some(if title.len() == written.len() {
            written
        } else {
            CompactString::new(title)
        });
        end = e;
        pos = end;
        // … do Ban Chấp hành Trung ương ban hành
        if let Some(p) =
            word_then_space(text, pos + 1, &DO).filter(|_| text[pos..].starts_with(' '))
        {
            if let Some((issuer, next)) = issuer_words(ctx, p) {
                if let Some(n) = text[next..]
                    .strip_prefix(' ')
                    .and_then(|a| BAN_HANH.match_at(a))
                {
                    r.issuer = r.issuer.or(Some(issuer));
                    end = next + 1 + n;
                }
            }
        }
    }
    let mut diagnostics = Vec::new();
    if let crate::registry::Resolution::Ambiguous(known) = crate::registry::resolve(&mut r) {
        let written = ctx.written(at, end);
        diagnostics.push(ctx.info(
            Code::AmbiguousReference,
            at,
            end,
            format!(
                "{written:?} fits {} known documents ({}); none was chosen",
                known.len(),
                known.join(", ")
            ),
        ));
    }
    if let Some(wrong) = &r.corrected_from {
        diagnostics.push(ctx.diagnostic(
            Code::CorrectedTypeWord,
            at,
            at + type_len,
            format!("{wrong:?} read as the document type {:?}", r.doc_type),
        ));
    }
    let richness = [
        r.number.is_some(),
        r.date.is_some(),
        r.issuer.is_some(),
        r.subject.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count() as u8;
    Some(Match {
        start: at,
        end,
        richness,
        data: RecordData::DocumentRef(Box::new(r)),
        diagnostics,
    })
}

/// Whether a byte of the normalised view may start a modifier of a reference: a
/// plenum ("của", "hội nghị", a name of the Central Committee), "ngày", "năm", a
/// year's digit or "(", "của", "khóa", "tại" or "kỳ họp thứ".
fn may_start_modifier(b: u8) -> bool {
    matches!(b, b'c' | b'h' | b'k' | b'n' | b't' | b'(') || b.is_ascii_digit()
}

/// How far back a list's type word may stand ("Chỉ thị 05, 10, 12 và 15").
const MAX_LIST_LOOKBACK: usize = 160;

/// A number that continues a list sharing one type word: "Chỉ thị 05, 10 và 15",
/// "Nghị quyết số 18-NQ/TW và 19-NQ/TW". The type word is looked for at most
/// [`MAX_LIST_LOOKBACK`] bytes back, and everything between it and `at` must be
/// numbers joined by commas and "và".
fn listed_number(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let before = &text[..at];
    let before_sep = before
        .strip_suffix(", ")
        .or_else(|| before.strip_suffix(" và "))?;
    if !ends_like_doc_number(before_sep.strip_suffix(',').unwrap_or(before_sep)) {
        return None;
    }
    let mut from = at.saturating_sub(MAX_LIST_LOOKBACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    // the last type word in the window
    let (type_at, doc_type, type_len) = text[from..at]
        .char_indices()
        .map(|(i, _)| from + i)
        .filter(|&i| starts_word(text, i))
        .filter_map(|i| TYPE_WORDS.longest_at(&text[i..at]).map(|(t, n)| (i, t, n)))
        .next_back()?;
    // [số] n (, n)* (và|, và|,) — reaching `at` exactly
    let mut pos = so_prefix(text, type_at + type_len).or_else(|| gap(text, type_at + type_len))?;
    let mut count = 0;
    while pos < at && count < 12 {
        let d = doc_number(text.get(pos..at)?)?;
        pos += d.len;
        let rest = &text[pos..at];
        let sep = [", và ", " và ", ", "]
            .iter()
            .find(|s| rest.starts_with(*s))?;
        pos += sep.len();
        count += 1;
    }
    if pos != at || count == 0 {
        return None;
    }
    let d = doc_number(&text[at..]).filter(|d| !whole_part_of_percentage(text, at, d))?;
    let mut r = DocumentRef {
        doc_type: CompactString::new(doc_type),
        number: Some(ctx.written(at + d.number.0, at + d.number.1)),
        symbol: d
            .symbol
            .map(|(s, e)| symbol_as_written(ctx, at + s, at + e)),
        year: d.year,
        ..DocumentRef::default()
    };
    r.canonical = canonical(&r, d.style);
    let _ = crate::registry::resolve(&mut r);
    Some(Match {
        start: at,
        end: at + d.len,
        richness: 1,
        data: RecordData::DocumentRef(Box::new(r)),
        diagnostics: vec![],
    })
}

/// Whether the number read at `at` is the whole part of a percentage ("14" in
/// "vượt chỉ tiêu kế hoạch 14,58%"): a figure, no document's number. Only a
/// percentage tells: "số 66.7/2025/NQ-CP", "số 98,99/QĐ-VKSTC" and "Nghị quyết 59,
/// 70, 71,72" carry numbers on the same separators.
fn whole_part_of_percentage(text: &str, at: usize, d: &DocNumber) -> bool {
    let after = at + d.number.1;
    let bytes = text.as_bytes();
    if !bytes.get(after + 1).is_some_and(u8::is_ascii_digit) || !continues_number(bytes, after + 1)
    {
        return false;
    }
    let fraction = &bytes[after + 1..];
    let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
    let sign = &fraction[digits..];
    sign.starts_with(b"%") || sign.starts_with(b" %")
}

/// Whether `s` can end with a document number ("05", "18-NQ/TW", "05 - CT/TW",
/// "30a/2008/NQ- CP"): it ends with a letter or digit, and its last token starts
/// with a digit, carries a symbol's "/" or "-", or follows a "-". Numbers after a
/// comma are common; this spares most of them the look-back for a type word.
fn ends_like_doc_number(s: &str) -> bool {
    let last = s.rsplit([' ', '\n']).next().unwrap_or(s);
    let before_last = s[..s.len() - last.len()].trim_end_matches(' ');
    // the shape of the last token first: most lists end in a word, and telling
    // whether a Vietnamese letter is alphanumeric takes a table search
    (last.starts_with(|c: char| c.is_ascii_digit())
        || last.contains(['/', '-'])
        || before_last.ends_with('-'))
        && s.ends_with(char::is_alphanumeric)
}

/// A bare symbol at a digit: "05-CT/TW", "30/2020/NĐ-CP"; a number alone is not one.
fn bare_symbol(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    if !may_start_bare_symbol(&text.as_bytes()[at..])
        || !starts_word(text, at)
        || text[..at].ends_with(['/', '-', '.'])
    {
        return None;
    }
    let (d, doc_type, code) = bare_symbol_type(&text[at..])?;
    let (s, e) = d.symbol?;
    let mut r = DocumentRef {
        doc_type: CompactString::new(doc_type),
        number: Some(ctx.written(at + d.number.0, at + d.number.1)),
        symbol: Some(symbol_as_written(ctx, at + s, at + e)),
        year: d.year,
        ..DocumentRef::default()
    };
    r.canonical = canonical(&r, d.style);
    let mut end = at + d.len;
    let known = crate::registry::resolve(&mut r);
    if let Some((date, next)) = text[end..]
        .strip_prefix(' ')
        .or_else(|| text[end..].strip_prefix(", "))
        .and_then(|_| date_after(text, end + if text[end..].starts_with(',') { 2 } else { 1 }))
    {
        r.year = r.year.or(Some(date.year));
        // the known document's date, filled above, is mostly the one written
        if !r.date.as_deref().is_some_and(|known| date.iso_is(known)) {
            r.date = Some(date.iso());
        }
        end = next;
    }
    let mut diagnostics = Vec::new();
    if let crate::registry::Resolution::Ambiguous(known) = known {
        diagnostics.push(ctx.info(
            Code::AmbiguousReference,
            at,
            end,
            format!(
                "{} fits {} known documents; none was chosen",
                known[0],
                known.len()
            ),
        ));
    }
    // the code as the normalised view spells it, folded once
    static QD: Keyword = Keyword::new("qđ");
    if d.style == Style::Party && code == QD.folded() {
        diagnostics.push(ctx.diagnostic(
            Code::AmbiguousDocumentType,
            at,
            at + d.len,
            "a Party \"QĐ\" symbol is a Quyết định or, in older central texts, a Quy định; read as a decision".to_string(),
        ));
    }
    Some(Match {
        start: at,
        end,
        richness: 0,
        data: RecordData::DocumentRef(Box::new(r)),
        diagnostics,
    })
}

/// The number and symbol at the start of `s` when its type code names a document
/// type: the number read, the type, and the code.
fn bare_symbol_type(s: &str) -> Option<(DocNumber, &'static str, &str)> {
    let d = doc_number(s)?;
    let (start, end) = d.symbol?;
    let sym = &s[start..end];
    let code = match d.style {
        Style::Party => sym.split('/').next()?,
        Style::StateLegal | Style::StateAdministrative => sym.split(['-', ' ']).next()?,
        _ => return None,
    };
    let ((party, state), n) = TYPE_CODES.longest_at(code)?;
    if n != code.len() {
        return None;
    }
    let doc_type = if d.style == Style::Party {
        party
    } else {
        state
    };
    Some((d, doc_type, code))
}

/// Whether the digit run at the start of `s` may begin a bare symbol: after the
/// number, a type code must start where [`doc_number`] looks for the symbol
/// ("-CT/TW", " - CT/TW", " NQ/HĐNN8", "/QĐ-TTg", "/2020/NĐ-CP"). A necessary
/// condition, read from a few bytes: most digit runs are counts, dates and years,
/// and this turns them away before `doc_number` reads the word after them.
fn may_start_bare_symbol(s: &[u8]) -> bool {
    let byte = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = s.iter().take_while(|b| b.is_ascii_digit()).count();
    // "30a/2008/…": one letter glued to the number
    if byte(i).is_ascii_lowercase() && matches!(byte(i + 1), b'/' | b'-') {
        i += 1;
    }
    if byte(i) == b'/' {
        let year = s.get(i + 1..i + 5);
        if year.is_some_and(|y| y.iter().all(u8::is_ascii_digit)) && byte(i + 5) == b'/' {
            return starts_type_code(byte(i + 6));
        }
        return starts_type_code(byte(i + 1));
    }
    i += usize::from(byte(i) == b' ');
    i += usize::from(byte(i) == b'-');
    i += usize::from(byte(i) == b' ');
    // without a "/" after the number only a Party symbol reads, its code (two to
    // four bytes) ending at the "/": "5 cán bộ", "3 tháng" go no further
    starts_type_code(byte(i)) && (2..=4).any(|k| byte(i + k) == b'/')
}

/// Whether a byte of the normalised view may start an entry of [`TYPE_CODES`].
fn starts_type_code(b: u8) -> bool {
    matches!(b, b'b' | b'c' | b'h' | b'k' | b'n' | b'q' | b't')
}

/// The symbol as written: NFC, Đ for Ð, inner spaces kept ("NQ- CP"), "TƯ" as "TW".
fn symbol_as_written(ctx: &Ctx<'_>, s: usize, e: usize) -> CompactString {
    ctx.written(s, e)
}

/// The canonical identifier: `05-CT/TW`, `30/2020/NĐ-CP`, `187/QĐ-TTg`, `64-SL`.
fn canonical(r: &DocumentRef, style: Style) -> Option<CompactString> {
    let number = r.number.as_deref()?;
    let written = r.symbol.as_deref()?;
    // most symbols are written as the canonical form spells them: no copy for those
    let symbol: Cow<str> = if written.contains(|c: char| c.is_whitespace() || c == 'Ư') {
        let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
        Cow::Owned(compact.replace("TƯ", "TW").replace("T.Ư", "TW"))
    } else {
        Cow::Borrowed(written)
    };
    // pushed into a string of the right size: `concat` and `format!` cost several
    // times as much, and every numbered reference has a canonical form
    Some(match style {
        Style::Party | Style::OldState => joined(&[number, "-", &symbol]),
        Style::StateLegal => {
            // itoa underneath: no `fmt` machinery, and inline like the result
            let year = r.year?.to_compact_string();
            joined(&[number, "/", &year, "/", &symbol])
        }
        // "45/HD-BTCTW": a Party issuer, written in the State shape
        Style::StateAdministrative if party_issuer(&symbol) => {
            joined(&[number, "-", &symbol.replacen('-', "/", 1)])
        }
        Style::StateAdministrative => joined(&[number, "/", &symbol]),
        Style::NumberOnly => return None,
    })
}

/// The parts one after the other, in one allocation.
fn joined(parts: &[&str]) -> CompactString {
    let mut out = CompactString::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Whether a State-shaped symbol names a Party issuer ("HD-BTCTW", "KH-TU").
fn party_issuer(symbol: &str) -> bool {
    let issuer = symbol.split_once('-').map_or("", |(_, i)| i);
    ["TW", "TU", "HU", "QU", "ĐU", "ĐUK", "BCĐ"]
        .iter()
        .any(|suffix| issuer.ends_with(suffix))
}

/// " số ", " số: ", " Số: " before a number: the position of the number.
fn so_prefix(text: &str, pos: usize) -> Option<usize> {
    let p = pos
        .checked_add(1)
        .filter(|_| text[pos..].starts_with(' '))?;
    let n = SO.match_at(text.get(p..)?)?;
    let rest = &text[p + n..];
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    Some(text.len() - rest.len())
}

/// "Trung ương 4", "Hội nghị Trung ương 4", "của Hội nghị Trung ương 5", "TW4",
/// "T.Ư 4", then optionally ", khóa XII" or " (khóa VIII)". Returns the plenum, the
/// range of the word naming the Central Committee, and the end.
fn plenum(text: &str, pos: usize) -> Option<Plenum> {
    let mut p = gap(text, pos)?;
    // "của", "hội nghị" and every name of the Central Committee start so; the
    // modifiers ask here after every word they read
    if !matches!(text.as_bytes().get(p), Some(b'c' | b'h' | b't')) {
        return None;
    }
    // most plenums name the Central Committee at once ("Trung ương 4"): the lead
    // words are looked for only where their first letters stand
    if text.as_bytes().get(p) == Some(&b'c') {
        p = word_then_space(text, p, &CUA).unwrap_or(p);
    }
    if text.as_bytes().get(p) == Some(&b'h') {
        p = word_then_space(text, p, &HOI_NGHI).unwrap_or(p);
    }
    let t = text.get(p..)?;
    let n = match CENTRAL.longest_at(t) {
        Some((_, n)) => n,
        // "tw4": the plenum glued to the abbreviation
        None if t.starts_with("tw") => 2,
        None => return None,
    };
    let central = (p, p + n);
    let num_at = p + n + usize::from(text[p + n..].starts_with(' '));
    let digits = text[num_at..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0
        || digits > 2
        || text[num_at + digits..].starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    let plenum = text[num_at..num_at + digits].parse().ok()?;
    let end = num_at + digits;
    let (term, end) = match term_with_punctuation(text, end) {
        Some((term, next)) => (Some(term), next),
        None => (None, end),
    };
    Some(Plenum {
        plenum,
        term,
        central,
        end,
    })
}

/// A plenum phrase read by [`plenum`].
struct Plenum {
    plenum: u32,
    term: Option<u32>,
    /// The words naming the Central Committee ("Trung ương", "TW").
    central: (usize, usize),
    end: usize,
}

/// ", khóa XII", " (khóa VIII)", " khóa XII" after a plenum.
fn term_with_punctuation(text: &str, at: usize) -> Option<(u32, usize)> {
    let rest = text.get(at..)?;
    let (skip, close) = if rest.starts_with(" (") {
        (2, true)
    } else if rest.starts_with(", ") {
        (2, false)
    } else if rest.starts_with(' ') {
        (1, false)
    } else {
        return None;
    };
    let p = word_then_space(text, at + skip, &KHOA)?;
    let (term, n) = roman_or_digits(&text[p..])?;
    let mut end = p + n;
    if close {
        end = end
            .checked_add(1)
            .filter(|_| text[end..].starts_with(')'))?;
    }
    Some((term, end))
}

fn roman_or_digits(s: &str) -> Option<(u32, usize)> {
    if let Some(r) = roman(s) {
        return Some(r);
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 || s[digits..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((s[..digits].parse().ok()?, digits))
}

/// "Đại hội … lần thứ XII" (at most eight words between): the term.
fn congress(text: &str, pos: usize) -> Option<(u32, usize)> {
    let p = pos
        .checked_add(1)
        .filter(|_| text[pos..].starts_with(' '))?;
    let p = word_then_space(text, p, &DAI_HOI)?;
    let mut q = p;
    for _ in 0..8 {
        if let Some(r) = word_then_space(text, q, &LAN_THU) {
            let (term, n) = roman_or_digits(&text[r..])?;
            return Some((term, r + n));
        }
        if let Some((term, n)) = roman(&text[q..]) {
            return Some((term, q + n));
        }
        let w = text[q..].find(' ')?;
        if !text[q..q + w].chars().all(is_word_char) {
            return None;
        }
        q += w + 1;
    }
    None
}

/// "ngày 15/5/2016", "ngày 26 tháng 3 năm 2018": the date and the end.
fn date_after(text: &str, at: usize) -> Option<(PartialDate, usize)> {
    let p = word_then_space(text, at, &NGAY)?;
    let lex = day_month_year(text.get(p..)?)?;
    let date = lex.date.ok()?;
    let end = p + lex.len;
    if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((date, end))
}

/// "năm 2025", "2025", "(2025)" after a numbered document.
fn year_after(text: &str, at: usize) -> Option<(i32, usize)> {
    let (p, close) = if let Some(p) = word_then_space(text, at, &NAM) {
        (p, false)
    } else if text[at..].starts_with('(') {
        (at + 1, true)
    } else {
        (at, false)
    };
    let s = text.get(p..)?;
    if s.len() < 4 || !s.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year: i32 = s[..4].parse().ok()?;
    let tail = &s[4..];
    let range = tail
        .trim_start_matches(' ')
        .strip_prefix('-')
        .is_some_and(|t| {
            t.trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit())
        });
    if !(1900..=2199).contains(&year)
        || tail.starts_with(|c: char| c.is_alphanumeric() || c == '/')
        || range
    {
        return None;
    }
    let mut end = p + 4;
    if close {
        end = end
            .checked_add(1)
            .filter(|_| text[end..].starts_with(')'))?;
    }
    Some((year, end))
}

/// "khóa XII", "khóa 12".
fn term_after(text: &str, at: usize) -> Option<(u32, usize)> {
    let p = word_then_space(text, at, &KHOA)?;
    let (term, n) = roman_or_digits(&text[p..])?;
    Some((term, p + n))
}

/// "tại kỳ họp thứ Tám", "kỳ họp thứ 8": the sitting, read as the plenum.
fn sitting_after(text: &str, at: usize) -> Option<(u32, usize)> {
    let p = word_then_space(text, at, &TAI).unwrap_or(at);
    let p = word_then_space(text, p, &KY_HOP)?;
    let s = &text[p..];
    if let Some(r) = roman_or_digits(s) {
        return Some((r.0, p + r.1));
    }
    let (n, len) = ordinal_word(s)?;
    Some((n, p + len))
}

/// "nhất", "hai" … "mười": ordinals after "thứ".
fn ordinal_word(s: &str) -> Option<(u32, usize)> {
    static NHAT: Keyword = Keyword::new("nhất");
    static TU: Keyword = Keyword::new("tư");
    if let Some(n) = NHAT.match_at(s) {
        return Some((1, n));
    }
    if let Some(n) = TU.match_at(s) {
        return Some((4, n));
    }
    let (v, n) = number_words(s)?;
    (v <= 20).then_some((v as u32, n))
}

/// "của Bộ Chính trị", "của Ban Bí thư", "của HĐND huyện Bảo Lâm": the issuer as
/// written and the end.
fn issuer_after(ctx: &Ctx<'_>, at: usize) -> Option<(CompactString, usize)> {
    let p = word_then_space(ctx.text(), at, &CUA)?;
    issuer_words(ctx, p)
}

/// Lower-case place nouns that carry an issuer on ("Đảng ủy xã", "Ban Thường vụ
/// Huyện ủy huyện …").
static PLACE_NOUNS: Lexicon<()> = Lexicon::new(&[
    ("huyện", ()),
    ("khối", ()),
    ("phường", ()),
    ("quận", ()),
    ("thành phố", ()),
    ("thị trấn", ()),
    ("thị xã", ()),
    ("tỉnh", ()),
    ("xã", ()),
]);

/// Words that end an issuer.
static ISSUER_STOPS: Lexicon<()> = Lexicon::new(&[
    ("ban hành", ()),
    ("đã", ()),
    ("khóa", ()),
    ("là", ()),
    ("ngày", ()),
    ("quy định", ()),
    ("tại", ()),
    ("và", ()),
    ("về", ()),
    ("được", ()),
]);

/// An issuer: starts with a capital letter in the original; runs over words until
/// punctuation or a stop word; a comma continues it when a capitalised word follows
/// ("Bộ Chính trị, Ban Bí thư"). Names capitalise the first syllable of each word
/// ("Bộ Chính trị", "HĐND huyện Bảo Lâm"), so two lower-case syllables in a row end
/// it ("Bộ Chính trị | vào chương trình").
fn issuer_words(ctx: &Ctx<'_>, at: usize) -> Option<(CompactString, usize)> {
    let text = ctx.text();
    if !ctx.starts_upper_case(at) {
        return None;
    }
    let mut pos = at;
    let mut end = at;
    let mut lower_before = false;
    for _ in 0..MAX_ISSUER_WORDS {
        let rest = text.get(pos..)?;
        if pos > at && ISSUER_STOPS.longest_at(rest).is_some() {
            break;
        }
        // the first word was seen to be capitalised above
        let lower = pos > at && !ctx.starts_upper_case(pos);
        if lower && lower_before && PLACE_NOUNS.longest_at(rest).is_none() {
            break;
        }
        lower_before = lower;
        let len = rest
            .char_indices()
            .find(|(_, c)| !(is_word_char(*c) || c.is_ascii_digit() || *c == '.'))
            .map_or(rest.len(), |(i, _)| i);
        let len = rest[..len].trim_end_matches('.').len();
        if len == 0 {
            break;
        }
        pos += len;
        end = pos;
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if tail.starts_with(", ")
            && ctx.starts_upper_case(pos + 2)
            && TYPE_WORDS.longest_at(&tail[2..]).is_none()
        {
            pos += 2;
        } else {
            break;
        }
    }
    (end > at).then(|| (ctx.written(at, end), end))
}

/// The title after "về" (or a quoted title), up to the end of the clause, the start
/// of another numbered reference, or [`MAX_TITLE_WORDS`] words.
fn title_after(ctx: &Ctx<'_>, end: usize) -> Option<(usize, usize)> {
    let text = ctx.text();
    let rest = text.get(end..)?;
    let lead = rest.len() - rest.trim_start_matches([' ', '\n', '*']).len();
    let start = end + lead;
    let body = &text[start..];
    // a quoted title opens after a gap ("… của Ban Bí thư “Về …”"); a quote right
    // after the reference closes an outer quotation instead
    if lead > 0 && body.starts_with(['“', '"']) {
        let open = body.chars().next()?.len_utf8();
        let close = body[open..]
            .find(['”', '"'])
            .map(|i| i + open)
            .filter(|&c| c <= MAX_QUOTED_TITLE)?;
        let stop = start + close + body[close..].chars().next()?.len_utf8();
        let stop = stop + text[stop..].len() - text[stop..].trim_start_matches('*').len();
        return Some((start, stop));
    }
    if lead == 0 || text[end..start].contains('\n') {
        return None;
    }
    VE.match_at(body)?;
    let mut pos = start;
    let mut stop = start;
    for _ in 0..MAX_TITLE_WORDS {
        let rest = &text[pos..];
        if pos > start && starts_nested_reference(rest) {
            break;
        }
        if pos > start && (DO.match_at(rest).is_some() && do_ban_hanh(text, pos)) {
            break;
        }
        if pos > start && TITLE_STOPS.longest_at(rest).is_some() {
            break;
        }
        let len = rest
            .char_indices()
            .find(|(_, c)| {
                !(is_word_char(*c) || c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '%'))
            })
            .map_or(rest.len(), |(i, _)| i);
        let len = rest[..len].trim_end_matches('.').len();
        if len == 0 {
            break;
        }
        let word = &text[pos..pos + len];
        pos += len;
        // "… trong giai đoạn mới và Kết luận số 21 …": a joining word is no part of it
        if !JOINERS.iter().any(|j| j.folded() == word) {
            stop = pos;
        }
        let tail = &text[pos..];
        if tail.starts_with(' ') {
            pos += 1;
        } else if tail.starts_with(", ")
            && !ctx.starts_upper_case(pos + 2)
            && !starts_figure(&tail[2..])
        {
            // ", Ban Tổ chức Tỉnh ủy yêu cầu …", ", hơn 85% văn bản …": a new clause
            pos += 2;
        } else {
            break;
        }
    }
    (stop > start + 2).then_some((start, stop))
}

/// Whether a capitalised document type word starts at `at` ("Nghị quyết", "Chỉ
/// thị"): a reference that another record's free text must stop before.
pub(crate) fn starts_reference(ctx: &Ctx<'_>, at: usize) -> bool {
    // the type word first: few words are one, and the case needs the original text
    ctx.text()
        .get(at..)
        .is_some_and(|s| TYPE_WORDS.longest_at(s).is_some())
        && ctx.starts_upper_case(at)
}

/// A number, or an approximation word before one: after a comma, a new clause.
fn starts_figure(s: &str) -> bool {
    let s = super::common::APPROX
        .longest_at(s)
        .map_or(s, |(_, n)| s[n..].trim_start_matches(' '));
    s.starts_with(|c: char| c.is_ascii_digit())
}

/// A type word followed by a number: a reference of its own inside a title.
fn starts_nested_reference(rest: &str) -> bool {
    let Some((doc_type, n)) = TYPE_WORDS.longest_at(rest) else {
        return false;
    };
    if NAMED.contains(&doc_type) {
        return true;
    }
    let after = rest[n..].strip_prefix(' ').unwrap_or("");
    let after = SO
        .match_at(after)
        .map_or(after, |k| after[k..].trim_start_matches(' '));
    after.starts_with(|c: char| c.is_ascii_digit())
}

fn do_ban_hanh(text: &str, pos: usize) -> bool {
    text[pos..]
        .split(['.', ';', '\n'])
        .next()
        .is_some_and(|clause| {
            let folded = BAN_HANH.folded();
            clause
                .split(' ')
                .take(MAX_ISSUER_WORDS + 3)
                .collect::<Vec<_>>()
                .join(" ")
                .contains(folded)
        })
}

/// Names that run on after "Điều lệ Đảng" / "Hiến pháp": "Cộng sản Việt Nam",
/// "năm 2013" are part of the name.
fn proper_name_end(ctx: &Ctx<'_>, end: usize) -> usize {
    static CSVN: Keyword = Keyword::new("cộng sản việt nam");
    let text = ctx.text();
    if let Some(n) = text[end..].strip_prefix(' ').and_then(|a| CSVN.match_at(a)) {
        return end + 1 + n;
    }
    end
}

/// Type words one tone mark away from a real one ("chị thị"), folded, with their type.
fn misspellings() -> &'static Vec<(String, &'static str)> {
    static TABLE: OnceLock<Vec<(String, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let real: Vec<String> = TYPE_WORDS.folded_words().map(str::to_string).collect();
        let mut out = Vec::new();
        for (written, doc_type) in TYPE_WORDS_WRITTEN {
            let syllables: Vec<&str> = written.split(' ').collect();
            if syllables.len() < 2 {
                continue;
            }
            for i in 0..syllables.len() {
                let bare: String = syllables[i].nfd().filter(|c| !TONES.contains(c)).collect();
                let variants = std::iter::once(bare.clone()).chain(TONES.iter().map(|t| {
                    let last_vowel = bare
                        .rfind(['a', 'e', 'i', 'o', 'u', 'y'])
                        .map_or(bare.len(), |p| p + 1);
                    let mut v = bare.clone();
                    v.insert(last_vowel, *t);
                    v
                }));
                for v in variants {
                    let mut words = syllables.clone();
                    words[i] = &v;
                    let f = fold(&words.join(" "));
                    if !real.contains(&f) && !out.iter().any(|(o, _)| *o == f) {
                        out.push((f, *doc_type));
                    }
                }
            }
        }
        out.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        out
    })
}

/// The type words as written, for building misspellings.
const TYPE_WORDS_WRITTEN: &[(&str, &str)] = &[
    ("chỉ thị", "directive"),
    ("hướng dẫn", "guideline"),
    ("kết luận", "conclusion"),
    ("nghị định", "decree"),
    ("nghị quyết", "resolution"),
    ("quy định", "regulation"),
    ("quyết định", "decision"),
    ("thông tư", "circular"),
];

fn misspelt(s: &str) -> Option<(&'static str, usize)> {
    misspellings()
        .iter()
        .find(|(f, _)| s.starts_with(f.as_str()) && crate::text::keyword::ends_word(s, f.len()))
        .map(|(f, t)| (*t, f.len()))
}

/// The misspelt type words, as triggers.
struct Misspelt;

impl Vocabulary for Misspelt {
    fn folded_words(&self) -> Vec<String> {
        misspellings().iter().map(|(f, _)| f.clone()).collect()
    }
}

/// The `date` check of record `i`: a reference's date must fall in the term it
/// names ("Nghị quyết số 04-NQ/TW ngày 30/10/2016 của Hội nghị Trung ương 4 khóa
/// XII"). `expected` is the term written, `found` the term in force on the date (from the registry's
/// congress dates).
///
/// A date outside the term of a registry document with the same number is not
/// flagged: numbering restarts each term and the registry is not complete, so such
/// a date far more often names another document with that number than an error.
///
/// Adds the bytes it reads (the date, the issuer) to `steps`.
#[inline]
pub(crate) fn date_check_at(
    matches: &[Match],
    i: usize,
    steps: &mut usize,
) -> Option<crate::extraction::Check> {
    // most records are of other kinds: they cost no call
    let RecordData::DocumentRef(r) = &matches[i].data else {
        return None;
    };
    date_check_of(r, i, steps)
}

fn date_check_of(r: &DocumentRef, i: usize, steps: &mut usize) -> Option<crate::extraction::Check> {
    // only a written term is checked: most references name none, and reading
    // their dates would find nothing to compare
    let term = r.term?;
    let written = r.date.as_deref()?;
    *steps += written.len();
    let date = chrono::NaiveDate::parse_from_str(written, "%Y-%m-%d").ok()?;
    let found = crate::registry::term_on(date)?;
    // Central Committee terms date only central Party documents; a council's or
    // the National Assembly's "khóa" counts other terms
    if r.canonical.is_none() {
        // lower-cased and searched
        *steps += r.issuer.as_deref().map_or(0, str::len);
    }
    if !is_central_party(r) {
        return None;
    }
    Some(term_check(i, term, found))
}

/// The check of record `i`, which writes `term`, against the term its date falls in.
fn term_check(i: usize, term: u32, found: u32) -> crate::extraction::Check {
    crate::extraction::Check {
        check: crate::extraction::CheckKind::Date,
        total: i,
        parts: vec![],
        expected: f64::from(term),
        found: f64::from(found),
        ok: term == found,
    }
}

/// A document of the Central Committee, the Politburo or the Secretariat.
fn is_central_party(r: &DocumentRef) -> bool {
    if let Some(c) = r.canonical.as_deref() {
        return c.ends_with("/TW");
    }
    r.issuer.as_deref().is_some_and(|i| {
        let i = i.to_lowercase();
        ["trung ương", "bộ chính trị", "ban bí thư"]
            .iter()
            .any(|k| i.contains(k))
            && !i.contains("quốc hội")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    /// [`date_check_at`] over every record, as it read every date before asking
    /// for a term.
    fn date_checks_reading_every_date(matches: &[Match]) -> Vec<crate::extraction::Check> {
        let mut checks = Vec::new();
        for (i, m) in matches.iter().enumerate() {
            let RecordData::DocumentRef(r) = &m.data else {
                continue;
            };
            let Some(date) = r
                .date
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            else {
                continue;
            };
            let Some(found) = crate::registry::term_on(date) else {
                continue;
            };
            let known_terms: Vec<u32> = r.term.into_iter().collect();
            if known_terms.is_empty() || !is_central_party(r) {
                continue;
            }
            let expected = if known_terms.contains(&found) {
                found
            } else {
                known_terms[0]
            };
            checks.push(term_check(i, expected, found));
        }
        checks
    }

    #[test]
    fn date_checks_find_what_reading_every_date_finds() {
        let dates = [
            None,
            Some("2016-05-15"),
            Some("1930-01-01"),
            Some("2016-13-01"),
            Some("x"),
        ];
        let terms = [None, Some(11), Some(12), Some(13)];
        let canonicals = [None, Some("05-CT/TW"), Some("30/2020/NĐ-CP")];
        let issuers = [
            None,
            Some("Bộ Chính trị"),
            Some("Quốc hội"),
            Some("Trung ương, Quốc hội"),
        ];
        let mut matches = vec![Match {
            start: 0,
            end: 1,
            data: RecordData::Period(crate::record::Period::default()),
            richness: 0,
            diagnostics: vec![],
        }];
        for date in dates {
            for term in terms {
                for canonical in canonicals {
                    for issuer in issuers {
                        let r = DocumentRef {
                            date: date.map(CompactString::from),
                            term,
                            canonical: canonical.map(CompactString::from),
                            issuer: issuer.map(CompactString::from),
                            ..DocumentRef::default()
                        };
                        matches.push(Match {
                            start: 0,
                            end: 1,
                            data: RecordData::DocumentRef(Box::new(r)),
                            richness: 0,
                            diagnostics: vec![],
                        });
                    }
                }
            }
        }
        let checks: Vec<_> = (0..matches.len())
            .filter_map(|i| date_check_at(&matches, i, &mut 0))
            .collect();
        assert!(checks.iter().any(|c| c.ok) && checks.iter().any(|c| !c.ok));
        assert_eq!(checks, date_checks_reading_every_date(&matches));
    }

    /// The filter is a necessary condition: wherever a modifier reads, it passes.
    #[test]
    fn the_modifier_filter_passes_every_modifier() {
        let modifiers = [
            "của hội nghị trung ương 5 khóa xiii",
            "hội nghị trung ương 4",
            "trung ương 4",
            "t.ư 4",
            "tw4",
            "tư 6",
            "ngày 15/5/2016",
            "ngày 26 tháng 3 năm 2018",
            "năm 2020",
            "2020",
            "(2020)",
            "của bộ chính trị",
            "khóa xii",
            "khóa 12",
            "tại kỳ họp thứ 8",
            "kỳ họp thứ tám",
        ];
        let leads = ["", "x", "đ", "ư", "-", ",", "\n", "A", "Đ", " ", "é"];
        let mut read = 0;
        for lead in leads {
            for m in modifiers {
                for cut in 0..=1 {
                    let tail = m.get(cut..).unwrap_or("");
                    let text = fold(&format!("quyết định {lead}{tail} tiếp"));
                    let sep = "quyết định ".len();
                    let reads = plenum(&text, sep - 1).is_some()
                        || date_after(&text, sep).is_some()
                        || year_after(&text, sep).is_some()
                        || word_then_space(&text, sep, &CUA).is_some()
                        || term_after(&text, sep).is_some()
                        || sitting_after(&text, sep).is_some();
                    if reads {
                        read += 1;
                        assert!(may_start_modifier(text.as_bytes()[sep]), "{text:?}");
                    }
                }
            }
        }
        assert!(read >= modifiers.len(), "only {read} modifiers read");
    }

    /// [`canonical`] as it was written with `concat` and `format!`.
    fn canonical_by_format(r: &DocumentRef, style: Style) -> Option<String> {
        let number = r.number.as_deref()?;
        let written = r.symbol.as_deref()?;
        let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
        let symbol = compact.replace("TƯ", "TW").replace("T.Ư", "TW");
        Some(match style {
            Style::Party | Style::OldState => format!("{number}-{symbol}"),
            Style::StateLegal => format!("{number}/{}/{symbol}", r.year?),
            Style::StateAdministrative if party_issuer(&symbol) => {
                format!("{number}-{}", symbol.replacen('-', "/", 1))
            }
            Style::StateAdministrative => format!("{number}/{symbol}"),
            Style::NumberOnly => return None,
        })
    }

    #[test]
    fn canonical_is_what_format_writes() {
        let styles = [
            Style::Party,
            Style::OldState,
            Style::StateLegal,
            Style::StateAdministrative,
            Style::NumberOnly,
        ];
        let symbols = [
            None,
            Some("CT/TW"),
            Some("NQ- CP"),
            Some("HD-BTCTW"),
            Some("QĐ-TTg"),
            Some("CT/TƯ"),
            Some("KH/T.Ư"),
            Some(""),
        ];
        let years = [
            None,
            Some(2020),
            Some(0),
            Some(7),
            Some(-45),
            Some(i32::MIN),
            Some(i32::MAX),
        ];
        for style in styles {
            for symbol in symbols {
                for number in [None, Some("05"), Some("30a")] {
                    for year in years {
                        let r = DocumentRef {
                            number: number.map(CompactString::from),
                            symbol: symbol.map(CompactString::from),
                            year,
                            ..DocumentRef::default()
                        };
                        assert_eq!(
                            canonical(&r, style).as_deref(),
                            canonical_by_format(&r, style).as_deref(),
                            "{r:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_plenum_lead_words_start_as_their_filters_expect() {
        assert!(CUA.folded().starts_with('c'));
        assert!(HOI_NGHI.folded().starts_with('h'));
    }

    #[test]
    fn every_plenum_lead_starts_as_the_plenum_filter_expects() {
        let leads = [CUA.folded(), HOI_NGHI.folded(), "tw"];
        for word in CENTRAL.folded_words().chain(leads) {
            assert!(matches!(word.as_bytes()[0], b'c' | b'h' | b't'), "{word}");
        }
    }

    #[test]
    fn every_type_code_starts_as_the_digit_filter_expects() {
        for code in TYPE_CODES.folded_words() {
            assert!(starts_type_code(code.as_bytes()[0]), "{code}");
        }
    }

    /// The filter is a necessary condition: whatever reads as a bare symbol passes it.
    #[test]
    fn the_digit_filter_passes_every_bare_symbol() {
        let numbers = ["05", "5", "470", "30a", "1234567", "2016"];
        let joins = [
            "", "-", " - ", "- ", " -", " ", "/", "/2020/", "/20201/", "/1800/", "a/", "  ",
        ];
        let codes = [
            "CT/TW",
            "NQ-CP",
            "QĐ-TTg",
            "QĐi/TW",
            "QYĐ/TW",
            "NĐ-CP",
            "TTLT/BNV",
            "TTr/HU",
            "KH/HU",
            "HD/BTCTW",
            "BC/TU",
            "CTr/TU",
            "CV/ĐUK",
            "TB/TW",
            "BB/HU",
            "KL/TW",
            "QC/TW",
            "TT/TW",
            "HĐNN8",
            "SL",
            "UBTVQH15",
            "đảng viên",
            "xã",
            "/TW",
            "- CP",
            "2016",
            "5/2016",
            "tháng 5",
        ];
        let tails = ["", " ngày 15/5/2016", ",", ".", "x"];
        let mut passed = 0;
        for n in numbers {
            for j in joins {
                for c in codes {
                    for t in tails {
                        let s = fold(&format!("{n}{j}{c}{t}"));
                        let may = may_start_bare_symbol(s.as_bytes());
                        if bare_symbol_type(&s).is_some() {
                            assert!(may, "{s:?} is a bare symbol the filter turns away");
                            passed += 1;
                        }
                    }
                }
            }
        }
        assert!(passed > 500, "only {passed} bare symbols tried");
        for s in [
            "15 đảng viên",
            "7/8/2017",
            "2016-2020",
            "85%",
            "5.246",
            "3, 4",
            "5 chi bộ",
            "12 tháng",
        ] {
            assert!(!may_start_bare_symbol(fold(s).as_bytes()), "{s}");
        }
    }
}
