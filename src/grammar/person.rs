//! `person`: a named person, with title when written.
//!
//! ```text
//! <honorific> <name> [, | - | (] [<title>, <title> …] [)]
//!     đồng chí Hứa Tân Hưng, Bí thư Đảng ủy Trường Chính trị tỉnh
//!     ông Trần Văn B - Chủ tịch UBND huyện          ông Hùng        Bà **Nguyễn Thị Yến**
//!     ông Nguyễn Hạnh Phúc (Tổng thư ký Quốc hội …, Ủy viên …)
//! <honorific> <title> <name>                        đồng chí Tổng Bí thư Nguyễn Phú Trọng
//! <title>[, <title> …] <name>                       Bí thư Quận ủy Nguyễn Hoài Nam
//!     Phó Bí thư Thường trực Huyện ủy Cẩm Mỹ Vũ Thanh Tùng    Tổng thống Mỹ Donald Trump
//! <title> <name>, <title>                           Thiếu tướng Nguyễn Văn Man, Phó Tư lệnh Quân khu 4
//! <title>, <academic> <name>                        Thiếu tướng, PGS.TS Nguyễn Hồng Sơn
//! <title>, <honorific> <name>                       Tổng bí thư Đảng Cộng sản Việt Nam, ông Nguyễn Phú Trọng
//! <title> | <name>, <title>: <name>                 a table row, a list: Chủ tịch nước | Lương Cường |
//! <name>[ (years)], <title>[, <title> …]            Đào Trọng Lịch, Trung tướng, Thứ trưởng Bộ Quốc phòng
//! ```
//! A title before and one after the name are one `title`, joined by ", ".
//! A title is a head from [`tables::TITLE_HEADS`] (with "nguyên", "cựu", "quyền"
//! before it) and the words that name the office: capitalised words, the lower-case
//! words of [`tables::TITLE_LOWER`], the lower-case tails of capitalised words ("Sở
//! Xây dựng"), a number ("quận 2"), a short parenthesis. It ends at a verb or
//! function word ([`tables::STOPS`]: "… Bí thư Huyện ủy | chủ trì hội nghị"), at
//! punctuation, or where lower-case words run on without a capitalised word after
//! them; a comma continues it when another head follows.
//!
//! A name is two to five capitalised syllables starting with a family name
//! ([`tables::FAMILY_NAMES`]); after an honorific a given name alone ("ông Hùng") or
//! a two-syllable pen name ("đồng chí Trường Chinh") also counts. Between a title
//! and a name the grammar must decide where the office ends: "Huyện ủy Cẩm Mỹ Vũ
//! Thanh Tùng", "Thành ủy TP HCM Đinh La Thăng". It tries every family name in the
//! last capitalised run, skips place names led by a family name ("Lâm Đồng", "Hà
//! Nội"), names of places and schools ("xã Lê Lợi", "Trường THPT Chu Văn An",
//! "Học viện … Hồ Chí Minh"), and prefers three syllables, then four, two, five.
//! Foreign names follow a head of state or government, maybe after a country
//! ("Tổng thống Nga Vladimir Putin"), and must look foreign (letters or syllable
//! shapes Vietnamese does not have).
//!
//! Not persons: a capitalised common word after an honorific ("đồng chí Bí thư",
//! "ông Giám đốc"), organisations ("Trường Chính trị"), places led by an honorific
//! ("Bà Rịa", "huyện Anh Sơn"), a title inside a longer name ("Lăng Chủ tịch Hồ Chí
//! Minh"), a name alone; a role joined by a verb is no title ("X được bầu làm Bí
//! thư", "giữ chức …"), and "ông" before a woman's name is a pronoun ("Vợ ông
//! Nguyễn Thị Hiền": his wife).
//! Not supported: a given name alone after a title ("Bí thư Thăng"), misspelt
//! honorifics ("Ônh Hùng"), names written in capitals, names broken across lines,
//! family names missing from the table (the name then loses its first syllable or
//! is not found), several names sharing one honorific ("các ông A, B") — only the
//! first is read.

use compact_str::CompactString;

use crate::record::{Person, RecordData, RecordKind};
use crate::text::case::{is_letter, is_upper};
use crate::text::keyword::starts_word;
use crate::text::keyword::word_len;
use crate::text::normalize::is_word_char;

use super::{Ctx, Grammar, Match, Trigger};

mod memo;
mod tables;
mod word_set;

pub(crate) use memo::Memo;
use word_set::WordSet;

/// The person grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::Person,
    name: "person",
    triggers: &[
        Trigger::Words(&HONORIFICS),
        Trigger::Words(&ACADEMIC),
        Trigger::Words(&HEADS),
        Trigger::CapitalisedWords(&FAMILY),
    ],
    parse,
};

static HONORIFICS: WordSet = WordSet::new(tables::HONORIFICS);
static ACADEMIC: WordSet = WordSet::new(tables::ACADEMIC_HONORIFICS);
static HEADS: WordSet = WordSet::new(tables::TITLE_HEADS);
static FOREIGN_HEADS: WordSet = WordSet::new(tables::FOREIGN_TITLE_HEADS);
static RANKS: WordSet = WordSet::new(tables::RANKS);
static PREFIXES: WordSet = WordSet::new(tables::TITLE_PREFIXES);
static FAMILY: WordSet = WordSet::new(tables::FAMILY_NAMES);
static LOWER: WordSet = WordSet::new(tables::TITLE_LOWER);
static STOPS: WordSet = WordSet::new(tables::STOPS);
static PLACES: WordSet = WordSet::new(tables::PLACES_LED_BY_FAMILY_NAMES);
static COUNTRIES: WordSet = WordSet::new(tables::COUNTRIES);
static NAMESAKES: WordSet = WordSet::new(tables::NAMESAKES);
static PRECEDERS: WordSet = WordSet::new(tables::NAMESAKE_PRECEDERS);
static PLACE_WORDS: WordSet = WordSet::new(tables::PLACE_WORDS);
static NOT_PERSONS: WordSet = WordSet::new(tables::NOT_PERSONS);
static ORG_WORDS: WordSet = WordSet::new(tables::ORG_WORDS);
static NOT_GIVEN_NAMES: WordSet = WordSet::new(tables::NOT_GIVEN_NAMES);
static ORG_NOUNS: WordSet = WordSet::new(tables::ORG_NOUNS);
static ORG_COMPOUNDS: WordSet = WordSet::new(tables::ORG_COMPOUNDS);
static RUN_BREAKS: WordSet = WordSet::new(&["lưu trữ", "truy cập", "bản gốc"]);
static CONNECTORS: WordSet = WordSet::new(&["và", "của"]);
static SINGLE_FOREIGN_HEADS: WordSet =
    WordSet::new(&["tổng thống", "phó tổng thống", "ngoại trưởng"]);
/// Words before a title that make it a role taken, not a title worn: "X làm Chính
/// ủy", "giữ chức Bí thư", "kiêm nhiệm Giám đốc" (not "bổ nhiệm Đại tá X").
static ROLE_VERBS: WordSet = WordSet::new(&[
    "làm",
    "giữ",
    "chức",
    "chức vụ",
    "cương vị",
    "đảm nhiệm",
    "kiêm nhiệm",
    "nhận",
    "kiêm",
]);
static PARENT_BODIES: WordSet = WordSet::new(tables::PARENT_BODIES);
static SAYING: WordSet = WordSet::new(tables::SAYING);
/// Function words that start a phrase even when written with a capital ("Chỉ huy
/// Trưởng | Các lực lượng …").
static FUNCTION_WORDS: WordSet = WordSet::new(&[
    "các", "cho", "của", "là", "mọi", "những", "tại", "theo", "trong", "từ", "và", "về", "với",
    "đã",
]);
static CHAIN_WORDS: WordSet = WordSet::new(&["kiêm"]);
static LOOSE_KIN: WordSet = WordSet::new(&["anh", "chị"]);
static KHOA: WordSet = WordSet::new(&["khóa"]);
static MALE: WordSet = WordSet::new(&["ông", "anh"]);
static FEMALE: WordSet = WordSet::new(&["bà", "chị"]);
static THI: WordSet = WordSet::new(&["Thị"]);
static VAN: WordSet = WordSet::new(&["Văn"]);
static CUA: WordSet = WordSet::new(&["của"]);
static PHO: WordSet = WordSet::new(&["phố"]);
static THANH: WordSet = WordSet::new(&["thành"]);

/// Every word set of the grammar.
const ALL_SETS: &[&WordSet] = &[
    &HONORIFICS,
    &ACADEMIC,
    &HEADS,
    &FOREIGN_HEADS,
    &RANKS,
    &PREFIXES,
    &FAMILY,
    &LOWER,
    &STOPS,
    &PLACES,
    &COUNTRIES,
    &NAMESAKES,
    &PRECEDERS,
    &PLACE_WORDS,
    &NOT_PERSONS,
    &ORG_WORDS,
    &NOT_GIVEN_NAMES,
    &ORG_NOUNS,
    &ORG_COMPOUNDS,
    &RUN_BREAKS,
    &CONNECTORS,
    &SINGLE_FOREIGN_HEADS,
    &ROLE_VERBS,
    &PARENT_BODIES,
    &SAYING,
    &FUNCTION_WORDS,
    &CHAIN_WORDS,
    &LOOSE_KIN,
    &KHOA,
    &MALE,
    &FEMALE,
    &THI,
    &VAN,
    &CUA,
    &PHO,
    &THANH,
];

/// Words in a title, between its head and the next head or the name.
const MAX_TITLE_TOKENS: usize = 16;
/// Titles chained with commas.
const MAX_CHAIN: usize = 6;
/// Capitalised words looked at for a name.
const MAX_RUN: usize = 8;
/// A parenthesis inside a title or after a name, in bytes.
const MAX_PAREN: usize = 80;

/// How a word is written in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// "tỉnh"
    Lower,
    /// "Nguyễn", "A"
    Title,
    /// "UBND", "XIV"
    Upper,
    /// "ThS", "McCain"
    Mixed,
}

/// A word of the normalised text (letters, with glued "-" parts: "Jae-in", "TN-MT").
#[derive(Debug, Clone, Copy)]
struct Tok {
    s: usize,
    e: usize,
    case: Case,
    hyphen: bool,
}

impl Tok {
    /// A capitalised syllable that can be part of a Vietnamese name.
    fn syllable(&self) -> bool {
        self.case == Case::Title && !self.hyphen
    }
}

/// Words in a row, at most [`MAX_RUN`]: a run is read for every name tried, and
/// needs no allocation.
#[derive(Clone, Copy)]
struct Run {
    words: [Tok; MAX_RUN],
    len: usize,
}

impl Default for Run {
    fn default() -> Self {
        let none = Tok {
            s: 0,
            e: 0,
            case: Case::Lower,
            hyphen: false,
        };
        Run {
            words: [none; MAX_RUN],
            len: 0,
        }
    }
}

impl Run {
    fn push(&mut self, t: Tok) {
        self.words[self.len] = t;
        self.len += 1;
    }

    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

impl std::ops::Deref for Run {
    type Target = [Tok];

    fn deref(&self) -> &[Tok] {
        &self.words[..self.len]
    }
}

/// The word starting at `at`, if a word starts there.
fn word_at(ctx: &Reader<'_, '_>, at: usize) -> Option<Tok> {
    ctx.memo().words.get_or(at, at, || {
        let word = read_word(ctx, at);
        if let Some(t) = word {
            note_as_previous(ctx, t);
        }
        word
    })
}

/// Tells the memo that `t` is the word before the one after it, when [`prev_word`]
/// would find so: a space follows `t`, and nothing that [`prev_word`] would take
/// for part of the word precedes it. Titles are read forwards and ask for the word
/// before each, which was just read.
fn note_as_previous(ctx: &Reader<'_, '_>, t: Tok) {
    let text = ctx.text();
    let spaced = text.as_bytes().get(t.e) == Some(&b' ');
    let starts = !text[..t.s]
        .chars()
        .next_back()
        .is_some_and(|c| is_word_char(c) || c == '-');
    if spaced && starts {
        ctx.memo().prev_words.set(t.e + 1, t.e + 1, Some(t));
    }
}

fn read_word(ctx: &Ctx<'_>, at: usize) -> Option<Tok> {
    let text = ctx.text();
    let rest = text.get(at..)?;
    if !rest.starts_with(is_word_char) || !starts_word(text, at) {
        return None;
    }
    let letters = |s: &str| word_len(s);
    let mut e = at + letters(rest);
    let mut hyphen = false;
    while let Some(after) = text.get(e..).and_then(|r| r.strip_prefix('-')) {
        let n = letters(after);
        if n == 0 {
            break;
        }
        hyphen = true;
        e += 1 + n;
    }
    if text.get(e..)?.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(Tok {
        s: at,
        e,
        case: case_of(ctx, at, e),
        hyphen,
    })
}

fn case_of(ctx: &Ctx<'_>, s: usize, e: usize) -> Case {
    let span = ctx.view.original_span(s, e);
    let written = ctx.original.get(span.range()).unwrap_or("");
    let mut letters = written.chars().filter(|&c| is_letter(c)).map(is_upper);
    if letters.next() != Some(true) {
        return Case::Lower;
    }
    let (mut upper, mut lower) = (false, false);
    for is_upper in letters {
        upper |= is_upper;
        lower |= !is_upper;
        if upper && lower {
            break;
        }
    }
    match (upper, lower) {
        (false, _) => Case::Title,
        (true, false) => Case::Upper,
        (true, true) => Case::Mixed,
    }
}

/// The word after `end` and one space.
fn next_word(ctx: &Reader<'_, '_>, end: usize) -> Option<Tok> {
    let text = ctx.text();
    text.get(end..)?.strip_prefix(' ')?;
    word_at(ctx, end + 1)
}

/// The word that ends one space before `at`.
fn prev_word(ctx: &Reader<'_, '_>, at: usize) -> Option<Tok> {
    ctx.memo()
        .prev_words
        .get_or(at, at, || read_prev_word(ctx, at))
}

/// [`prev_word`], read.
fn read_prev_word(ctx: &Reader<'_, '_>, at: usize) -> Option<Tok> {
    let text = ctx.text();
    let before = text.get(..at)?.strip_suffix(' ')?;
    if !before.ends_with(is_word_char) {
        return None;
    }
    let mut s = before.len();
    for (i, c) in before.char_indices().rev() {
        if !(is_word_char(c) || c == '-') {
            break;
        }
        s = i;
    }
    let s = s + before[s..].len() - before[s..].trim_start_matches('-').len();
    word_at(ctx, s).filter(|t| t.e == before.len())
}

/// Whether the word at `s` begins a sentence, a line, a list item or a table cell.
fn sentence_start(text: &str, s: usize) -> bool {
    let Some(before) = text.get(..s) else {
        return false;
    };
    let before = before.trim_end_matches([' ', '*', '"', '“', '”', '\'', '(', '[', '_']);
    match before.chars().next_back() {
        None => true,
        Some('.' | '!' | '?' | ':' | ';' | '\n' | '|' | '…') => true,
        Some(c @ ('-' | '+' | '•')) => {
            let b = before[..before.len() - c.len_utf8()].trim_end_matches(' ');
            b.is_empty() || b.ends_with('\n')
        }
        _ => false,
    }
}

/// Folded text of a word.
fn folded<'a>(ctx: &Reader<'_, 'a>, t: Tok) -> &'a str {
    ctx.text().get(t.s..t.e).unwrap_or("")
}

/// What one call to [`parse`] reads through: the context, whose [`Memo`] keeps
/// what earlier calls on the same document read.
struct Reader<'c, 'a> {
    ctx: &'c Ctx<'a>,
}

impl<'c, 'a> Reader<'c, 'a> {
    #[inline(always)]
    fn new(ctx: &'c Ctx<'a>) -> Self {
        Reader { ctx }
    }

    fn memo(&self) -> &'c Memo {
        &self.ctx.person
    }
}

impl<'a> std::ops::Deref for Reader<'_, 'a> {
    type Target = Ctx<'a>;

    fn deref(&self) -> &Ctx<'a> {
        self.ctx
    }
}

fn parse(ctx: &mut Ctx<'_>, at: usize) -> Option<Match> {
    let ctx = &Reader::new(ctx);
    let rest = ctx.text().get(at..)?;
    let upper = ctx.starts_upper_case(at);
    let mut best: Option<Match> = None;
    let mut consider = |m: Option<Match>| {
        if let Some(m) = m {
            if best.as_ref().is_none_or(|b| m.end > b.end) {
                best = Some(m);
            }
        }
    };
    if honorific_at(ctx, at).is_some() {
        consider(from_honorific(ctx, at));
    }
    // a head right here, not after a prefix
    if head_at(ctx, at).is_some_and(|(h, _)| h == at) {
        consider(from_title(ctx, at));
    }
    // a name starts with a capital
    if upper && FAMILY.longest_at(rest).is_some() {
        consider(from_name(ctx, at));
    }
    best
}

/// What the readers found, in normalised offsets.
struct Found {
    start: usize,
    end: usize,
    name: (usize, usize),
    honorific: Option<(usize, usize)>,
    /// One title, or a title before the name and one after it.
    titles: Titles,
}

/// The titles of one mention, kept inline: every record carries them, and only the
/// field built from them needs the heap.
#[derive(Clone, Copy, Default)]
struct Titles {
    ranges: [Range; 2],
    len: usize,
}

impl Titles {
    fn one(range: Range) -> Self {
        let mut titles = Titles::default();
        titles.push(range);
        titles
    }

    /// Adds a title; a mention has at most two, a third is dropped.
    fn push(&mut self, range: Range) {
        if let Some(slot) = self.ranges.get_mut(self.len) {
            *slot = range;
            self.len += 1;
        }
    }
}

impl std::ops::Deref for Titles {
    type Target = [Range];

    fn deref(&self) -> &[Range] {
        &self.ranges[..self.len]
    }
}

fn record(ctx: &Reader<'_, '_>, f: Found) -> Match {
    let mut fields = ctx.memo().fields.borrow_mut();
    let honorific = f.honorific.map(|(s, e)| fields.honorific(ctx, s, e));
    let title = fields.title(ctx, f.titles);
    let richness = u8::from(honorific.is_some()) + u8::from(title.is_some());
    Match {
        start: f.start,
        end: f.end,
        richness,
        data: RecordData::Person(Person {
            name: fields.name(ctx, f.name),
            honorific,
            title,
        }),
        diagnostics: Vec::new(),
    }
}

/// The fields [`record`] built last, by what it built them from: the calls on one
/// mention build its title again, and most honorifics are the same few words.
#[derive(Default)]
struct Fields {
    /// An honorific as in the original, and its field.
    honorific: Option<(String, CompactString)>,
    /// The ranges of the titles, and their field.
    title: Option<(Titles, Option<CompactString>)>,
    /// The range of a name, and its field.
    name: Option<(Range, CompactString)>,
}

/// A range of the normalised text.
type Range = (usize, usize);

impl Fields {
    /// The honorific field of the honorific at `s..e`, by its original spelling
    /// ([`Ctx::written`] reads that alone).
    fn honorific(&mut self, ctx: &Reader<'_, '_>, s: usize, e: usize) -> CompactString {
        let raw = ctx.original.get(ctx.view.original_span(s, e).range());
        match (&self.honorific, raw) {
            (Some((r, field)), Some(raw)) if r == raw => field.clone(),
            _ => {
                let field = honorific_field(&ctx.written(s, e));
                if let Some(raw) = raw {
                    self.honorific = Some((raw.to_string(), field.clone()));
                }
                field
            }
        }
    }

    /// The name field of a name at `range`.
    fn name(&mut self, ctx: &Reader<'_, '_>, range: Range) -> CompactString {
        match &self.name {
            Some((r, field)) if *r == range => field.clone(),
            _ => {
                let field = ctx.written(range.0, range.1);
                self.name = Some((range, field.clone()));
                field
            }
        }
    }

    /// The title field of titles at `ranges`.
    fn title(&mut self, ctx: &Reader<'_, '_>, ranges: Titles) -> Option<CompactString> {
        match &self.title {
            Some((r, field)) if **r == *ranges => field.clone(),
            _ => {
                let field = title_field(ctx, &ranges);
                self.title = Some((ranges, field.clone()));
                field
            }
        }
    }
}

/// The honorific field of one written so.
fn honorific_field(written: &str) -> CompactString {
    // "GS." and "GS" are one honorific; "đ/c" is "đồng chí" abbreviated
    let mut h = written.to_lowercase();
    h.truncate(h.trim_end_matches('.').len());
    if h == "đ/c" {
        CompactString::const_new("đồng chí")
    } else {
        h.into()
    }
}

/// The title field of titles at `ranges`: each as written, joined by ", ".
fn title_field(ctx: &Reader<'_, '_>, ranges: &[Range]) -> Option<CompactString> {
    let mut title = CompactString::default();
    for &(s, e) in ranges {
        let t = ctx.written(s, e);
        let t = t.trim_matches(['*', ' ', ',', '-']);
        if t.is_empty() {
            continue;
        }
        if !title.is_empty() {
            title.push_str(", ");
        }
        title.push_str(t);
    }
    (!title.is_empty()).then_some(title)
}

// ---------------------------------------------------------------------------
// honorific first

/// An honorific at `at`: its kind and end.
fn honorific_at(ctx: &Reader<'_, '_>, at: usize) -> Option<(bool, usize)> {
    ctx.memo()
        .honorifics
        .get_or(at, at, || read_honorific(ctx, at))
}

/// [`honorific_at`], read.
fn read_honorific(ctx: &Reader<'_, '_>, at: usize) -> Option<(bool, usize)> {
    let text = ctx.text();
    let rest = text.get(at..)?;
    if let Some(n) = HONORIFICS.longest_at(rest) {
        return Some((false, at + n));
    }
    let n = ACADEMIC.longest_at(rest)?;
    // abbreviations and written-out titles alike start with a capital
    if !ctx.starts_upper_case(at) {
        return None;
    }
    let mut end = at + n;
    if text[end..].starts_with('.') {
        end += 1;
    }
    Some((true, end))
}

/// "đồng chí Nguyễn Văn A[, title]", "ông Hùng", "đồng chí Tổng Bí thư Nguyễn Phú Trọng".
fn from_honorific(ctx: &Reader<'_, '_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let (academic, h_end) = honorific_at(ctx, at)?;
    let capital = ctx.starts_upper_case(at);
    if let Some(prev) = prev_word(ctx, at) {
        // "Nguyễn Anh Tuấn", "Hội Đồng chí": inside a name
        if capital && prev.case != Case::Lower && !sentence_start(text, prev.s) {
            return None;
        }
        // "tỉnh Bà Rịa", "huyện Anh Sơn", "tiếng Anh"
        if capital && PLACE_WORDS.contains(folded(ctx, prev)) {
            return None;
        }
    }
    if NOT_PERSONS.longest_at(&text[at..]).is_some() {
        return None;
    }
    let mut p = h_end;
    p += usize::from(text[p..].starts_with(' '));
    if p == h_end {
        return None;
    }
    let stars = text[p..].len() - text[p..].trim_start_matches('*').len();
    if stars > 2 {
        return None;
    }
    p += stars;
    let honorific = Some((at, h_end));
    // "đồng chí Tổng Bí thư Nguyễn Phú Trọng": the title before the name
    if stars == 0 && title_starts(ctx, p) {
        let c = chain(ctx, p, true, MAX_CHAIN)?;
        let (name, title_end) = c.name?;
        return Some(record(
            ctx,
            Found {
                start: at,
                end: name.1,
                name,
                honorific,
                titles: Titles::one((p, title_end)),
            },
        ));
    }
    let run = name_run(ctx, p);
    let first = *run.first()?;
    if ORG_WORDS.longest_at(&text[first.s..]).is_some() || title_starts(ctx, first.s) {
        return None;
    }
    let family = FAMILY.contains(folded(ctx, first)) && first.syllable();
    let n = run.len();
    // "Hội Nhà văn Hà Nội"; but "ông Vũ Quang Duy"
    if place_then(ctx, &run, 0) == Some(0) {
        return None;
    }
    if n > 5 || (academic && (!family || n < 2)) || two_names(ctx, &run) {
        return None;
    }
    // "Anh", "Chị" with a capital are a country, a name's syllable ("Anh Thư", an
    // alias "Anh Tô") or a by-line more often than an honorific: only before a full
    // name at the start of a sentence
    let loose = !academic && capital && LOOSE_KIN.contains(&text[at..h_end]);
    if loose && (!family || n < 2 || !sentence_start(text, at)) {
        return None;
    }
    if !family {
        let foreign = run.iter().any(|t| foreign_looking(folded(ctx, *t)));
        if (n > 2 && !foreign) || n > 3 || loose {
            return None;
        }
        if !run.iter().all(|t| t.syllable() || foreign) {
            return None;
        }
    }
    // "các đồng chí Lãnh đạo", "đồng chí Lưu trữ": a word, not a given name
    if (n == 1 || !family) && NOT_GIVEN_NAMES.longest_at(&text[first.s..]).is_some() {
        return None;
    }
    // "Vợ ông Nguyễn Thị Hiền": "ông" is a pronoun here (his wife …)
    if wrong_gender(ctx, &text[at..h_end], &run) {
        return None;
    }
    let name = (first.s, run[n - 1].e);
    let mut end = name.1;
    if stars > 0 {
        let closing = "*".repeat(stars);
        if text[end..].starts_with(&closing) {
            end += stars;
        }
    }
    let mut titles = Titles::default();
    // the run of capitals goes on past the name (cut at a title's head) only when a
    // capitalised word follows it
    let glued = n < MAX_RUN
        && next_word(ctx, run[n - 1].e).is_some_and(|t| t.case != Case::Lower)
        && n < name_run_uncut(ctx, p);
    if let Some((s, e, close)) = title_after_name(ctx, end, glued) {
        titles.push((s, e));
        end = close;
    }
    Some(record(
        ctx,
        Found {
            start: at,
            end,
            name,
            honorific,
            titles,
        },
    ))
}

/// Whether a name's middle syllable contradicts the honorific: "ông … Thị …",
/// "bà … Văn …".
fn wrong_gender(ctx: &Reader<'_, '_>, honorific: &str, run: &[Tok]) -> bool {
    let middle = |w: &WordSet| {
        run.len() >= 3
            && run[1..run.len() - 1]
                .iter()
                .any(|t| w.contains(folded(ctx, *t)))
    };
    (MALE.contains(honorific) && middle(&THI)) || (FEMALE.contains(honorific) && middle(&VAN))
}

/// Capitalised words from `at` that can form a name after an honorific: cut at a
/// title or an organisation word ("ông Vũ Đức Đam | Phó Thủ tướng").
fn name_run(ctx: &Reader<'_, '_>, at: usize) -> Run {
    ctx.memo()
        .name_runs
        .get_or(at, at, || read_name_run(ctx, at))
}

/// [`name_run`], read.
fn read_name_run(ctx: &Reader<'_, '_>, at: usize) -> Run {
    let text = ctx.text();
    let mut run = Run::default();
    let mut pos = at;
    while run.len() < MAX_RUN {
        let t = if run.is_empty() {
            word_at(ctx, pos)
        } else {
            next_word(ctx, pos)
        };
        let Some(t) = t else { break };
        if !matches!(t.case, Case::Title | Case::Mixed) {
            break;
        }
        // "ông Nguyễn Văn A | Tỉnh ủy …", but "ông Bùi Văn Tỉnh"
        let org = ORG_WORDS.longest_at(&text[t.s..]).is_some_and(|n| {
            t.s + n > t.e || next_word(ctx, t.e).is_some_and(|w| w.case != Case::Lower)
        });
        if !run.is_empty() && (title_starts(ctx, t.s) || org) {
            break;
        }
        run.push(t);
        pos = t.e;
    }
    run
}

/// The length of the capitalised run at `at`, not cut at titles.
fn name_run_uncut(ctx: &Reader<'_, '_>, at: usize) -> usize {
    cap_run(ctx, at).len()
}

/// A title after a name: ", title", " - title", " (title)", or a title right after
/// the name when `glued` (the name run was cut at its head). Returns the title's
/// range and the record's end.
fn title_after_name(
    ctx: &Reader<'_, '_>,
    end: usize,
    glued: bool,
) -> Option<(usize, usize, usize)> {
    title_after_name_in(ctx, end, glued, true).map(|(s, e, close, _)| (s, e, close))
}

/// [`title_after_name`], with or without " - " before the title, and whether the
/// chain stopped at another person's title.
fn title_after_name_in(
    ctx: &Reader<'_, '_>,
    end: usize,
    glued: bool,
    dash: bool,
) -> Option<(usize, usize, usize, bool)> {
    let text = ctx.text();
    let rest = text.get(end..)?;
    let (skip, paren) = if rest.starts_with(", ") || (dash && rest.starts_with(" - ")) {
        (
            rest.find(|c: char| c != ',' && c != ' ' && c != '-')?,
            false,
        )
    } else if rest.starts_with(" , ") {
        (3, false)
    } else if rest.starts_with(',') {
        (1, false)
    } else if rest.starts_with(" (") {
        (2, true)
    } else if glued && rest.starts_with(' ') {
        (1, false)
    } else {
        return None;
    };
    if skip > 3 {
        return None;
    }
    let s = end + skip;
    if !title_starts(ctx, s) {
        return None;
    }
    if glued && skip == 1 && !ctx.starts_upper_case(s) {
        return None;
    }
    let c = chain(ctx, s, false, MAX_CHAIN)?;
    let e = c.end;
    if paren {
        let close = e.checked_add(1).filter(|_| text[e..].starts_with(')'))?;
        return Some((s, e, close, c.cut_by_name));
    }
    Some((s, e, e, c.cut_by_name))
}

// ---------------------------------------------------------------------------
// title first

/// Whether a title starts at `at`: a head, maybe after "nguyên", "cựu", "quyền".
fn title_starts(ctx: &Reader<'_, '_>, at: usize) -> bool {
    head_at(ctx, at).is_some()
}

/// The head at `at` (after a prefix): its start and end.
fn head_at(ctx: &Reader<'_, '_>, at: usize) -> Option<(usize, usize)> {
    ctx.memo().heads.get_or(at, at, || read_head(ctx, at))
}

/// [`head_at`], read.
fn read_head(ctx: &Reader<'_, '_>, at: usize) -> Option<(usize, usize)> {
    let text = ctx.text();
    let rest = text.get(at..)?;
    // "Nguyên soái" is a head, "nguyên Bí thư" a prefix and a head
    if let Some(n) = HEADS.longest_at(rest) {
        return Some((at, at + n));
    }
    let n = PREFIXES.longest_at(rest)?;
    let p = at + n + 1;
    text[at + n..].starts_with(' ').then_some(())?;
    let n = HEADS.longest_at(text.get(p..)?)?;
    Some((p, p + n))
}

/// "Bí thư Quận ủy Nguyễn Hoài Nam", "Tổng thống Donald Trump", "Tổng bí thư …, ông
/// Nguyễn Phú Trọng", "Chủ tịch nước | Lương Cường", "Chủ tịch nước: Hồ Chí Minh".
fn from_title(ctx: &Reader<'_, '_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let mut start = at;
    let mut max = MAX_CHAIN;
    let mut before = prev_word(ctx, at);
    if let Some(prev) = before.filter(|p| PREFIXES.contains(folded(ctx, *p))) {
        start = prev.s;
        // "giữ quyền Tư lệnh": what comes before the prefix decides
        before = prev_word(ctx, start).filter(|w| role_before(ctx, *w));
    }
    match before {
        // "Lăng Chủ tịch Hồ Chí Minh", "Ban Bí thư", "Phó Bí thư": inside a longer
        // name; after a person's name (a photo credit: "Ảnh: Phạm Dũng Chủ tịch …")
        // the title starts afresh
        Some(prev)
            if matches!(prev.case, Case::Title | Case::Mixed)
                && !sentence_start(text, prev.s)
                && !ends_a_name(ctx, prev) =>
        {
            return None
        }
        // "Thừa ủy quyền của Thủ tướng Chính phủ, Bộ trưởng … Nguyễn Chí Dũng": the
        // comma after a possessor's title starts someone else's
        Some(prev) if CUA.contains(folded(ctx, prev)) => max = 1,
        // "Hoàng Thế Thiện làm Chính ủy, Trung tá …": a role joined by a verb
        Some(prev) if role_before(ctx, prev) => return None,
        _ => {}
    }
    let c = chain(ctx, start, true, max)?;
    if let Some((name, title_end)) = c.name {
        let mut titles = Titles::one((start, title_end));
        let mut end = name.1;
        // "Thiếu tướng Nguyễn Văn Thành, Phó Cục trưởng Cục Cảnh sát …"; after " - "
        // a list's next title more often, but not after a rank ("Đại tướng Ngô Xuân
        // Lịch - Bộ trưởng Bộ Quốc phòng")
        let rank = RANKS.longest_at(&text[start..]) == Some(title_end - start);
        let after = after_years(text, end);
        if let Some((s, e, close, _)) = title_after_name_in(ctx, after, false, rank) {
            titles.push((s, e));
            end = close;
        }
        return Some(record(
            ctx,
            Found {
                start,
                end,
                name,
                honorific: c.academic,
                titles,
            },
        ));
    }
    let titles = Titles::one((start, c.end));
    // "…, ông Nguyễn Phú Trọng"
    if let Some(p) = text[c.end..].strip_prefix(", ").map(|_| c.end + 2) {
        if let Some((honorific, name)) = honorific_name(ctx, p) {
            return Some(record(
                ctx,
                Found {
                    start,
                    end: name.1,
                    name,
                    honorific: Some(honorific),
                    titles,
                },
            ));
        }
    }
    // a table row "| Chủ tịch nước | Lương Cường |", a list "Chủ tịch nước: Hồ Chí Minh"
    let p = [" | ", ": "]
        .iter()
        .find(|sep| text[c.end..].starts_with(**sep))
        .map(|sep| c.end + sep.len())?;
    let run = cap_run(ctx, p);
    let n = run.len();
    let after = text[run.last()?.e..].trim_start_matches(' ');
    let ends = after.is_empty() || after.starts_with(['|', '\n', ',', '.', ';', '(']);
    if !full_name(ctx, &run) || !ends {
        return None;
    }
    let name = (run[0].s, run[n - 1].e);
    Some(record(
        ctx,
        Found {
            start,
            end: name.1,
            name,
            honorific: None,
            titles,
        },
    ))
}

/// Whether word `w` ends a verb of taking a role ([`ROLE_VERBS`]).
fn role_before(ctx: &Reader<'_, '_>, w: Tok) -> bool {
    if ROLE_VERBS.contains(folded(ctx, w)) {
        return true;
    }
    prev_word(ctx, w.s).is_some_and(|v| {
        ctx.text()
            .get(v.s..w.e)
            .is_some_and(|two| ROLE_VERBS.contains(two))
    })
}

/// Whether word `last` ends a full name ("… Phạm Dũng").
fn ends_a_name(ctx: &Reader<'_, '_>, last: Tok) -> bool {
    let mut first = last;
    let mut n = 1;
    while n <= 5 {
        match prev_word(ctx, first.s) {
            Some(t) if t.syllable() => {
                first = t;
                n += 1;
            }
            _ => break,
        }
    }
    last.syllable() && (2..=5).contains(&n) && FAMILY.contains(folded(ctx, first))
}

/// An honorific and a full name at `at` (after a title): their ranges.
fn honorific_name(ctx: &Reader<'_, '_>, at: usize) -> Option<((usize, usize), (usize, usize))> {
    let (_, h_end) = honorific_at(ctx, at)?;
    let p = h_end + usize::from(ctx.text()[h_end..].starts_with(' '));
    let run = name_run(ctx, p);
    let n = run.len();
    if !full_name(ctx, &run) {
        return None;
    }
    Some(((at, h_end), (run[0].s, run[n - 1].e)))
}

/// A chain of titles read by [`chain`].
#[derive(Clone, Copy)]
struct Chain {
    /// The end of the last title.
    end: usize,
    /// The name found after the titles (when asked for) and where the titles end.
    name: Option<((usize, usize), usize)>,
    /// Without `find_name`: the chain stopped at a title followed by a name.
    cut_by_name: bool,
    /// An academic honorific between the titles and the name ("Thiếu tướng,
    /// PGS.TS Nguyễn Hồng Sơn").
    academic: Option<(usize, usize)>,
}

/// Titles from `at`, chained by commas, " - ", "kiêm", "và", at most `max` of
/// them. With `find_name`, up to the name that follows them; without, a title
/// followed by a name is that name's ("Chủ tịch nước Trần Đại Quang, Thủ tướng |
/// Nguyễn Xuân Phúc") and ends the chain before it.
fn chain(ctx: &Reader<'_, '_>, at: usize, find_name: bool, max: usize) -> Option<Chain> {
    ctx.memo().chains.get_or(at, (at, find_name, max), || {
        read_chain(ctx, at, find_name, max)
    })
}

/// [`chain`], read.
fn read_chain(ctx: &Reader<'_, '_>, at: usize, find_name: bool, max: usize) -> Option<Chain> {
    let text = ctx.text();
    let mut pos = at;
    let mut end = at;
    let mut cut_by_name = false;
    // consecutive academic honorifics in the chain: where they start, and where the
    // titles before them end ("Thiếu tướng, Phó Giáo sư, Tiến sĩ Nguyễn Văn Dũng")
    let mut academics: Option<(usize, usize)> = None;
    // the next title after a position, when the element's end was chosen by it
    let mut looked_up: Option<(usize, Option<usize>)> = None;
    for i in 0..max.min(MAX_CHAIN) {
        let element_end = if let Some((h, h_end)) = head_at(ctx, pos) {
            academics = None;
            let foreign = FOREIGN_HEADS.longest_at(&text[h..]) == Some(h_end - h);
            let single = SINGLE_FOREIGN_HEADS.longest_at(&text[h..]) == Some(h_end - h);
            let b = body(ctx, h_end, foreign, single);
            if let Some(name) = b.name {
                if !find_name {
                    cut_by_name = true;
                    break;
                }
                return Some(Chain {
                    end: b.end,
                    name: Some((name, b.end)),
                    cut_by_name,
                    academic: None,
                });
            }
            // "Thiếu tướng (1985), Tổng cục trưởng …": a parenthesis inside the chain
            // stays, one at its end ("… Bộ Quốc phòng (Khóa 1961-1964)") does not
            let next = next_title(ctx, b.end_paren);
            looked_up = Some((b.end_paren, next));
            if next.is_some() {
                b.end_paren
            } else {
                b.end
            }
        } else if i > 0 && ctx.starts_upper_case(pos) {
            // ", PGS.TS, Hiệu trưởng …", ", PGS.TS.TTND Nguyễn Hồng Sơn"
            let n = ACADEMIC.longest_at(&text[pos..])?;
            let mut e = pos + n;
            while let Some(r) = text[e..].strip_prefix('.') {
                let w = r.len() - r.trim_start_matches(is_word_char).len();
                if w == 0 || !ctx.starts_upper_case(e + 1) {
                    break;
                }
                e += 1 + w;
            }
            e += usize::from(text[e..].starts_with('.'));
            let (first, before) = *academics.get_or_insert((pos, end));
            if find_name && text[e..].starts_with(' ') {
                let run = name_run(ctx, e + 1);
                if full_name(ctx, &run) {
                    let name = (run[0].s, run[run.len() - 1].e);
                    return Some(Chain {
                        end: before,
                        name: Some((name, before)),
                        cut_by_name,
                        academic: Some((first, e)),
                    });
                }
            }
            e
        } else {
            break;
        };
        end = element_end;
        if !find_name {
            if let Some(e) = parent_body(ctx, end) {
                end = e;
            }
        }
        let next = match looked_up.take() {
            Some((p, next)) if p == end => next,
            _ => next_title(ctx, end),
        };
        let Some(next) = next else {
            break;
        };
        pos = next;
    }
    (end > at).then_some(Chain {
        end,
        name: None,
        cut_by_name,
        academic: None,
    })
}

/// After a title, ", " and the body its unit belongs to ("nguyên Vụ trưởng Vụ Cơ
/// sở đảng, Ban Tổ chức Trung ương"), when the clause ends there or goes on with a
/// verb of saying (otherwise the body is the next clause's subject: "…, Ban Thường
/// vụ Tỉnh ủy đã …"): its end.
fn parent_body(ctx: &Reader<'_, '_>, end: usize) -> Option<usize> {
    let text = ctx.text();
    let p = end + 2;
    text.get(end..)?.starts_with(", ").then_some(())?;
    if !ctx.starts_upper_case(p) || title_starts(ctx, p) {
        return None;
    }
    let n = PARENT_BODIES.longest_at(text.get(p..)?)?;
    let b = body(ctx, p + n, false, false);
    if b.name.is_some() {
        return None;
    }
    let after = &text[b.end..];
    let closes = after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')', '\n'])
        || after
            .strip_prefix(' ')
            .is_some_and(|a| SAYING.longest_at(a).is_some());
    closes.then_some(b.end)
}

/// Where the next title of a chain starts after `end`: ", title", " - title",
/// " kiêm title", ", PGS.TS".
fn next_title(ctx: &Reader<'_, '_>, end: usize) -> Option<usize> {
    ctx.memo()
        .next_titles
        .get_or(end, end, || read_next_title(ctx, end))
}

/// [`next_title`], read.
fn read_next_title(ctx: &Reader<'_, '_>, end: usize) -> Option<usize> {
    let text = ctx.text();
    let rest = text.get(end..)?;
    let skip = [", ", " , ", ",", " - "]
        .iter()
        .find(|s| rest.starts_with(**s))
        .map(|s| s.len())
        .or_else(|| {
            let r = rest.strip_prefix(' ')?;
            let n = CHAIN_WORDS.longest_at(r)?;
            r[n..].starts_with(' ').then_some(n + 2)
        })?;
    let next = end + skip;
    let academic = ctx.starts_upper_case(next) && ACADEMIC.longest_at(&text[next..]).is_some();
    (title_starts(ctx, next) || academic).then_some(next)
}

/// The words of one title after its head, in normalised offsets.
#[derive(Clone, Copy)]
struct Body {
    /// The end of the title's last word, before a parenthesis that ends it.
    end: usize,
    /// The end with that parenthesis.
    end_paren: usize,
    /// The name after it, when asked for.
    name: Option<(usize, usize)>,
}

/// The words that follow a head: "Quận ủy", "UBND quận 2", "Sở Xây dựng", "Ban Tổ
/// chức Trung ương", "(Bộ Tài nguyên và Môi trường)"; with `find_name`, stops at the
/// name that ends them.
fn body(ctx: &Reader<'_, '_>, from: usize, foreign: bool, single_foreign: bool) -> Body {
    ctx.memo()
        .bodies
        .get_or(from, (from, foreign, single_foreign), || {
            read_body(ctx, from, foreign, single_foreign)
        })
}

/// [`body`], read.
fn read_body(ctx: &Reader<'_, '_>, from: usize, foreign: bool, single_foreign: bool) -> Body {
    let text = ctx.text();
    let mut end = from;
    let mut pos = from;
    let mut prev_cap = false;
    let mut complement = false;
    let mut after_country = false;
    // the end of the last capitalised word: a name is looked for where a run starts
    let mut last_cap: Option<usize> = None;
    let mut before_paren: Option<usize> = None;
    for _ in 0..MAX_TITLE_TOKENS {
        // one space; or a line break inside a wrapped phrase ("… Ủy ban Kiểm tra
        // Trung\nương")
        let wrapped = text.get(pos..).is_some_and(|r| r.starts_with('\n'))
            && word_at(ctx, pos + 1).is_some_and(|w| w.case == Case::Lower);
        let Some(rest) = text.get(pos..).and_then(|r| {
            r.strip_prefix(' ')
                .or_else(|| r.strip_prefix('\n').filter(|_| wrapped))
        }) else {
            break;
        };
        let p = pos + 1;
        if rest.starts_with('(') {
            match paren(ctx, p) {
                Some(close) => {
                    before_paren = before_paren.or(Some(end));
                    end = close;
                    pos = close;
                    prev_cap = false;
                    complement = true;
                    continue;
                }
                None => break,
            }
        }
        before_paren = None;
        if let Some(after) = rest.strip_prefix("- ") {
            // "Khối Cơ quan - Doanh nghiệp", "Phó Bí thư Đảng ủy - Chủ tịch UBND xã";
            // not "… - Phan Thanh Giảng, …": a list's next person
            if complement
                && !person_at(ctx, p + 2)
                && after.starts_with(is_word_char)
                && ctx.starts_upper_case(p + 2)
            {
                pos = p + 1;
                continue;
            }
            break;
        }
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            // "quận 2", "Quân khu 4", "Mặt trận 559"
            let n = rest.bytes().take_while(u8::is_ascii_digit).count();
            let tail = &rest[n..];
            // not "2.500", "2/3", "5%", "2016-2020"
            let mut after = tail.chars();
            let glued = match after.next() {
                Some(c) if c.is_alphanumeric() || matches!(c, '%' | '/' | '-') => true,
                Some('.' | ',') => after.next().is_some_and(|c| c.is_alphanumeric()),
                _ => false,
            };
            if pos == from || n > 3 || glued {
                break;
            }
            end = p + n;
            pos = end;
            prev_cap = false;
            complement = true;
            continue;
        }
        let Some(t) = word_at(ctx, p) else { break };
        if t.case != Case::Lower {
            // a rank starts a title of its own; "Các", "Những" start a phrase
            if RANKS.longest_at(&text[p..]).is_some()
                || FUNCTION_WORDS.longest_at(&text[p..]).is_some()
            {
                break;
            }
            let foreign = Foreign {
                allowed: foreign,
                single: single_foreign,
                after_country,
            };
            let run_starts = last_cap.is_none_or(|e| e + 1 != p);
            if run_starts {
                if let Some((name, title_end)) = name_in_run(ctx, p, complement, foreign, end) {
                    return Body {
                        end: title_end,
                        end_paren: title_end,
                        name: Some(name),
                    };
                }
            }
            last_cap = Some(t.e);
            // a new head inside a body starts the next title: "… Tỉnh ủy Chủ tịch …"
            let mut e = t.e;
            // "TP. HCM", "GD&ĐT"
            if t.case == Case::Upper
                && e - t.s <= 3
                && text[e..].starts_with(". ")
                && next_word(ctx, e + 1).is_some_and(|n| n.case != Case::Lower)
            {
                e += 1;
            }
            if text[e..].starts_with('&') {
                if let Some(n) = word_at(ctx, e + 1) {
                    e = n.e;
                }
            }
            after_country = COUNTRIES
                .longest_at(&text[t.s..])
                .is_some_and(|n| t.s + n == e);
            end = e;
            pos = e;
            prev_cap = true;
            complement = true;
            continue;
        }
        after_country = false;
        // "Ban chỉ đạo", "Ban quản lý": an organisation word with its lower-case tail
        if let Some(e) = prev_word(ctx, p).and_then(|w| {
            ORG_COMPOUNDS
                .longest_at(&text[w.s..])
                .map(|n| w.s + n)
                .filter(|&e| e > p)
        }) {
            end = e;
            pos = e;
            prev_cap = false;
            complement = true;
            continue;
        }
        // "khóa XIV", "khóa 12"; not "khóa 1981-1985"
        if let Some(n) = KHOA.longest_at(rest) {
            let after = &rest[n..];
            let digits = after
                .strip_prefix(' ')
                .map_or(0, |a| a.bytes().take_while(u8::is_ascii_digit).count());
            let roman = next_word(ctx, p + n).is_some_and(|w| w.case == Case::Upper);
            if roman || (1..=2).contains(&digits) {
                let e = if roman {
                    next_word(ctx, p + n).map_or(p + n, |w| w.e)
                } else {
                    p + n + 1 + digits
                };
                end = e;
                pos = e;
                prev_cap = false;
                complement = true;
                continue;
            }
            break;
        }
        if STOPS.longest_at(rest).is_some() || HONORIFICS.longest_at(rest).is_some() {
            // "của Quốc hội", "Kế hoạch và Đầu tư": a connector before a capital
            if let Some(n) = CONNECTORS.longest_at(rest) {
                // not "… và Thiếu tướng Nguyễn Hữu Hùng": a head after it is another
                // person's title
                let joins = next_word(ctx, p + n).is_some_and(|w| {
                    w.case != Case::Lower && !title_starts(ctx, w.s) && !person_at(ctx, w.s)
                });
                if joins && complement {
                    pos = p + n;
                    prev_cap = false;
                    continue;
                }
            }
            break;
        }
        if let Some(n) = LOWER.longest_at(rest) {
            end = p + n;
            pos = end;
            prev_cap = false;
            complement = true;
            continue;
        }
        if !prev_cap {
            break;
        }
        // "Cục Cảnh sát | điều tra …", "Ban Tổ chức": the second syllable of an
        // organisation's name
        if let Some(w) = word_at(ctx, p) {
            let org = prev_word(ctx, p)
                .and_then(|c| prev_word(ctx, c.s))
                .is_some_and(|o| ORG_NOUNS.contains(folded(ctx, o)));
            if org && lower_tail(ctx, p).is_none() && STOPS.longest_at(rest).is_none() {
                end = w.e;
                pos = w.e;
                prev_cap = false;
                continue;
            }
        }
        match lower_tail(ctx, p) {
            Some(e) => {
                end = e;
                pos = e;
                prev_cap = false;
            }
            None => break,
        }
    }
    Body {
        end: before_paren.unwrap_or(end),
        end_paren: end,
        name: None,
    }
}

/// Whether a run is a full name: two to five capitalised syllables from a family
/// name, not a place, not two names run together.
fn full_name(ctx: &Reader<'_, '_>, run: &[Tok]) -> bool {
    (2..=5).contains(&run.len())
        && run.iter().all(Tok::syllable)
        && FAMILY.contains(folded(ctx, run[0]))
        && place_then(ctx, run, 0) != Some(0)
        && !two_names(ctx, run)
}

/// A place led by a family name at `run[i]` ("Lâm Đồng", "Hà Nội"): how many
/// words of the run follow it; `None` when there is none.
fn place_then(ctx: &Reader<'_, '_>, run: &[Tok], i: usize) -> Option<usize> {
    let t = run.get(i)?;
    let end = t.s + PLACES.longest_at(ctx.text().get(t.s..)?)?;
    let covered = run[i..].iter().take_while(|w| w.e <= end).count();
    let last = run.get((i + covered).checked_sub(1)?)?;
    (covered > 0 && last.e == end).then_some(run.len() - i - covered)
}

/// Five syllables with a family name inside: two names in a row ("Nguyễn Phú Trọng
/// Tô Lâm", a table cell listing both), not one.
fn two_names(ctx: &Reader<'_, '_>, run: &[Tok]) -> bool {
    run.len() == 5 && run[2..4].iter().any(|t| FAMILY.contains(folded(ctx, *t)))
}

/// Whether a capitalised run at `at` is a full name and nothing else.
fn person_at(ctx: &Reader<'_, '_>, at: usize) -> bool {
    full_name(ctx, &cap_run(ctx, at))
}

/// Lower-case syllables that end a capitalised word ("Sở Xây dựng", "Khu Bảo tồn
/// thiên nhiên Nam Nung"): accepted when a capital, a title word or — for one
/// syllable — the end of the phrase follows. Returns their end.
fn lower_tail(ctx: &Reader<'_, '_>, at: usize) -> Option<usize> {
    let text = ctx.text();
    let mut e = at;
    let mut n = 0;
    let mut pos = at;
    loop {
        let w = if n == 0 {
            word_at(ctx, pos)
        } else {
            next_word(ctx, pos)
        };
        let Some(w) = w.filter(|w| w.case == Case::Lower) else {
            break;
        };
        if STOPS.longest_at(&text[w.s..]).is_some()
            || HONORIFICS.longest_at(&text[w.s..]).is_some()
            || (n > 0 && LOWER.longest_at(&text[w.s..]).is_some())
        {
            break;
        }
        n += 1;
        e = w.e;
        pos = w.e;
        if n == 3 {
            break;
        }
    }
    if n == 0 {
        return None;
    }
    let after = &text[e..];
    let next = next_word(ctx, e);
    let ok = match next {
        Some(w) if w.case != Case::Lower => true,
        Some(w) => {
            LOWER.longest_at(&text[w.s..]).is_some()
                || (n == 1 && STOPS.longest_at(&text[w.s..]).is_some())
        }
        None => {
            n == 1
                && (after.is_empty()
                    || after.starts_with([',', '.', ';', ':', ')', '\n', ' ', '"', '”', '*']))
        }
    };
    ok.then_some(e)
}

/// A short parenthesis at `at` ("(1985)", "(tỉnh Long An)", "(Việt Nam)") without
/// verbs: its end.
fn paren(ctx: &Reader<'_, '_>, at: usize) -> Option<usize> {
    let text = ctx.text();
    let rest = text.get(at..)?.strip_prefix('(')?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    if close == 0 || close > MAX_PAREN || inner.contains(['(', '\n']) {
        return None;
    }
    let mut p = at + 1;
    while p < at + 1 + close {
        if let Some(w) = word_at(ctx, p) {
            if w.case == Case::Lower
                && STOPS.longest_at(&text[w.s..]).is_some()
                && LOWER.longest_at(&text[w.s..]).is_none()
            {
                return None;
            }
            p = w.e;
        } else {
            p += text[p..].chars().next().map_or(1, char::len_utf8);
        }
    }
    Some(at + 1 + close + 1)
}

/// Capitalised words from `at` (names, places, abbreviations), one space apart.
fn cap_run(ctx: &Reader<'_, '_>, at: usize) -> Run {
    let mut run = Run::default();
    let mut pos = at;
    while run.len() < MAX_RUN {
        let t = if run.is_empty() {
            word_at(ctx, pos)
        } else {
            next_word(ctx, pos)
        };
        match t {
            // "… Nguyễn Hòa Bình Lưu trữ ngày …": a citation's words after the name
            Some(t) if !run.is_empty() && RUN_BREAKS.longest_at(&ctx.text()[t.s..]).is_some() => {
                break
            }
            Some(t) if t.case != Case::Lower => {
                run.push(t);
                pos = t.e;
            }
            _ => break,
        }
    }
    run
}

/// The name that ends the capitalised run at `at`, if one does: its range and where
/// the title before it ends (`end` when the run starts with the name).
fn name_in_run(
    ctx: &Reader<'_, '_>,
    at: usize,
    complement: bool,
    foreign: Foreign,
    end: usize,
) -> Option<((usize, usize), usize)> {
    let run = cap_run(ctx, at);
    // only a foreign name may do without a family name ("Đảng ủy", "Bắc Lệnh")
    if !foreign.allowed && !run.iter().any(|t| family_syllable(ctx, *t)) {
        return None;
    }
    name_in_cap_run(ctx, run, complement, foreign, end)
}

/// [`name_in_run`], in the capitalised run read from there, without its first check.
fn name_in_cap_run(
    ctx: &Reader<'_, '_>,
    mut run: Run,
    complement: bool,
    foreign: Foreign,
    end: usize,
) -> Option<((usize, usize), usize)> {
    let text = ctx.text();
    // a head inside the run starts the next title
    if let Some(k) = (1..run.len()).find(|&k| title_starts(ctx, run[k].s)) {
        run.truncate(k);
    }
    let n = run.len();
    if n == 0 || n == MAX_RUN {
        return None;
    }
    let last = run[n - 1];
    let title_end = |i: usize| if i == 0 { end } else { run[i - 1].e };
    // "Hội đồng Lý Luận Trung\nương": a word broken across lines
    if let Some(after) = text[last.e..].strip_prefix('\n') {
        if after.starts_with(is_word_char)
            && word_at(ctx, last.e + 1).is_some_and(|w| w.case == Case::Lower)
            && STOPS.longest_at(after).is_none()
        {
            return None;
        }
    }
    // "Đảng Đoàn Mặt | trận tỉnh": lower-case words that go on with the title's
    // words show the run was an organisation's name
    let mut open_after = false;
    if let Some(w) = next_word(ctx, last.e).filter(|w| w.case == Case::Lower) {
        open_after = STOPS.longest_at(&text[w.s..]).is_none()
            && HONORIFICS.longest_at(&text[w.s..]).is_none()
            && LOWER.longest_at(&text[w.s..]).is_none();
        if open_after
            && next_word(ctx, w.e).is_some_and(|v| LOWER.longest_at(&text[v.s..]).is_some())
        {
            return None;
        }
    }
    let mut best: Option<(u8, usize)> = None;
    // a place led by a family name covers the candidates inside it ("Lâm Đồng"); a
    // place or institution named after someone covers the rest of the run
    let mut covered_to = 0;
    for i in 0..n {
        let l = n - i;
        if run[i].s < covered_to || !family_syllable(ctx, run[i]) {
            continue;
        }
        // "Lâm Đồng | Nguyễn Văn A", "tỉnh Hà Giang |", but "Vũ Quang Duy" (a name
        // that starts like a district)
        match place_then(ctx, &run, i) {
            Some(0) => {
                covered_to = last.e;
                continue;
            }
            Some(k)
                if run[n - k..]
                    .iter()
                    .any(|t| FAMILY.contains(folded(ctx, *t))) =>
            {
                covered_to = run[n - k].s;
                continue;
            }
            _ => {}
        }
        // right after the head ("Trưởng thôn Nguyễn Văn A") the word before is the
        // head's own
        let before = match i {
            0 if !complement => None,
            0 => prev_word(ctx, run[0].s),
            _ => Some(run[i - 1]),
        };
        let namesake = (complement || i > 0)
            && NAMESAKES.longest_at(&text[run[i].s..]) == Some(last.e - run[i].s);
        if namesake || before.is_some_and(|b| names_a_place(ctx, b)) {
            break;
        }
        if !(2..=5).contains(&l) || !run[i..].iter().all(Tok::syllable) {
            continue;
        }
        let rank = match l {
            3 => 0,
            4 => 1,
            2 => 2,
            _ => 3,
        };
        if best.is_none_or(|(r, _)| rank < r) {
            best = Some((rank, i));
        }
    }
    if let Some((_, i)) = best {
        // "Ủy viên Đoàn Thư | ký …": a two-syllable name is too weak to stand before
        // a word that may be its last syllable's tail
        if open_after && n - i == 2 {
            return None;
        }
        return Some(((run[i].s, last.e), title_end(i)));
    }
    if !foreign.allowed || (complement && !foreign.after_country && !country_leads(ctx, &run)) {
        return None;
    }
    // a foreign name: "Donald Trump", "Nga Vladimir Putin", "Hàn Quốc Moon Jae-in"
    let mut i = 0;
    if let Some(len) = COUNTRIES.longest_at(&text[run[0].s..]) {
        while i < n && run[i].e <= run[0].s + len {
            i += 1;
        }
    }
    let rest = &run[i..];
    if rest.is_empty()
        || rest.len() > 4
        || (rest.len() == 1 && !foreign.single)
        || !rest
            .iter()
            .all(|t| matches!(t.case, Case::Title | Case::Mixed))
        || !foreign_looking(folded(ctx, last))
    {
        return None;
    }
    Some(((run[i].s, last.e), title_end(i)))
}

/// Whether a word is a family name, written as one.
fn family_syllable(ctx: &Reader<'_, '_>, t: Tok) -> bool {
    t.syllable() && FAMILY.contains(folded(ctx, t))
}

/// Whether a name after word `b` names a place or an institution ("xã Lê Lợi",
/// "phố Trần Hưng Đạo"; but "thành phố Trần Kim Yến" is a city's official).
fn names_a_place(ctx: &Reader<'_, '_>, b: Tok) -> bool {
    let w = folded(ctx, b);
    if PHO.contains(w) && prev_word(ctx, b.s).is_some_and(|t| THANH.contains(folded(ctx, t))) {
        return false;
    }
    PRECEDERS.contains(w)
}

/// When a foreign name may follow a title.
#[derive(Clone, Copy)]
struct Foreign {
    /// After a head of state or government, an ambassador …
    allowed: bool,
    /// One word ("Tổng thống Putin").
    single: bool,
    /// The title's last word was a country.
    after_country: bool,
}

/// Whether the run starts with a country.
fn country_leads(ctx: &Reader<'_, '_>, run: &[Tok]) -> bool {
    run.first()
        .is_some_and(|t| COUNTRIES.longest_at(&ctx.text()[t.s..]).is_some())
}

/// Whether a word looks foreign: letters or shapes a Vietnamese syllable does not
/// have ("Trump", "Putin", "Jae-in"); Vietnamese-marked words never do.
fn foreign_looking(w: &str) -> bool {
    if w.contains('-') || w.contains(['f', 'j', 'w', 'z']) {
        return true;
    }
    if !w.is_ascii() || w.is_empty() {
        return false;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut in_vowels = false;
    for c in w.chars() {
        if vowel(c) && !in_vowels {
            groups += 1;
        }
        in_vowels = vowel(c);
    }
    if groups != 1 {
        return true;
    }
    let onset: String = w.chars().take_while(|c| !vowel(*c)).collect();
    let coda: String = w
        .chars()
        .rev()
        .take_while(|c| !vowel(*c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    const ONSETS: [&str; 25] = [
        "", "b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
        "ph", "q", "r", "s", "t", "th", "tr", "v",
    ];
    const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    !(ONSETS.contains(&onset.as_str()) || onset == "x") || !CODAS.contains(&coda.as_str())
}

// ---------------------------------------------------------------------------
// name first

/// After a name, its years in parentheses ("(1936-)", "(1933)", "(SN 1970)"): the
/// position after them, or `end`.
fn after_years(text: &str, end: usize) -> usize {
    let Some(inner) = text.get(end..).and_then(|r| r.strip_prefix(" (")) else {
        return end;
    };
    let Some(close) = inner.find(')').filter(|&c| c <= 12) else {
        return end;
    };
    let inner = &inner[..close];
    let years = inner.bytes().any(|b| b.is_ascii_digit())
        && inner
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ' ' | 's' | 'n' | '.'));
    if years {
        end + 2 + close + 1
    } else {
        end
    }
}

/// "Đào Trọng Lịch, Trung tướng, Thứ trưởng Bộ Quốc phòng", "Nguyễn Hồng Nhị
/// (1936-), Thiếu tướng (1985), …": a name followed by its title.
fn from_name(ctx: &Reader<'_, '_>, at: usize) -> Option<Match> {
    let first = word_at(ctx, at)?;
    // a full name goes on with a capital ("Đồng chí": the family name Đồng, alone)
    if !next_word(ctx, first.e).is_some_and(|t| matches!(t.case, Case::Title | Case::Mixed)) {
        return None;
    }
    read_from_name(ctx, at)
}

/// [`from_name`], without its first check.
fn read_from_name(ctx: &Reader<'_, '_>, at: usize) -> Option<Match> {
    let text = ctx.text();
    let first = word_at(ctx, at)?;
    if !first.syllable() {
        return None;
    }
    if let Some(prev) = prev_word(ctx, at) {
        if prev.case != Case::Lower && !sentence_start(text, prev.s) {
            return None;
        }
        if names_a_place(ctx, prev) || PLACE_WORDS.contains(folded(ctx, prev)) {
            return None;
        }
    }
    let run = name_run(ctx, at);
    let n = run.len();
    if place_then(ctx, &run, 0).is_some_and(|k| k == 0 || n - k <= 1) {
        return None;
    }
    if !full_name(ctx, &run) {
        return None;
    }
    let name = (at, run[n - 1].e);
    // "Đoàn Thanh niên Cộng sản Hồ Chí Minh, Ủy viên …": inside running text a
    // namesake is the organisation's
    if prev_word(ctx, at).is_some() && NAMESAKES.longest_at(&text[at..]) == Some(name.1 - at) {
        return None;
    }
    let mut end = name.1;
    end = after_years(text, end);
    let (s, e, close, cut) = title_after_name_in(ctx, end, false, true)?;
    // "Trương Thị Mai - Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội Hoàng Trung Hải":
    // a list of titles and names, whose titles go with the names after them
    if cut {
        return None;
    }
    // "Chủ tịch nước: Hồ Chí Minh, Phó Chủ tịch nước: Tôn Đức Thắng": a title before a
    // colon introduces the next name
    if text[close..].trim_start_matches(' ').starts_with(':') {
        return None;
    }
    Some(record(
        ctx,
        Found {
            start: at,
            end: close,
            name,
            honorific: None,
            titles: Titles::one((s, e)),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::Normalized;
    use proptest::prelude::*;

    /// Every call of [`parse`] on `text`, at every character boundary in order,
    /// through one context (so that the memo carries over) and each through a fresh
    /// one.
    fn memo_agrees_with_fresh_contexts(text: &str) -> Result<(), TestCaseError> {
        let view = Normalized::new(text);
        let mut shared = Ctx::new(&view, text, None);
        let folded = view.as_str();
        // in order, as the driver calls, and then again over a warm memo
        let order = (0..=folded.len()).chain((0..=folded.len()).rev());
        for at in order.filter(|&at| folded.is_char_boundary(at)) {
            let memoised = format!("{:?}", parse(&mut shared, at));
            let fresh = format!("{:?}", parse(&mut Ctx::new(&view, text, None), at));
            prop_assert_eq!(memoised, fresh, "at {} of {:?}", at, text);
        }
        Ok(())
    }

    /// Every early return of [`from_name`] and [`name_in_run`], and the words
    /// [`note_as_previous`] tells the memo, against the reading they cut short, at
    /// every position of `text`.
    fn shortcuts_agree_with_full_readings(text: &str) -> Result<(), TestCaseError> {
        let view = Normalized::new(text);
        let ctx = Ctx::new(&view, text, None);
        let ctx = &Reader::new(&ctx);
        let folded = view.as_str();
        for at in (0..=folded.len()).filter(|&at| folded.is_char_boundary(at)) {
            prop_assert_eq!(
                format!("{:?}", prev_word(ctx, at)),
                format!("{:?}", read_prev_word(ctx, at)),
                "prev_word at {} of {:?}",
                at,
                text
            );
            prop_assert_eq!(
                format!("{:?}", from_name(ctx, at)),
                format!("{:?}", read_from_name(ctx, at)),
                "from_name at {} of {:?}",
                at,
                text
            );
            for (allowed, single, after_country, complement) in
                (0..16).map(|b| (b & 1 != 0, b & 2 != 0, b & 4 != 0, b & 8 != 0))
            {
                let foreign = Foreign {
                    allowed,
                    single,
                    after_country,
                };
                prop_assert_eq!(
                    name_in_run(ctx, at, complement, foreign, at),
                    name_in_cap_run(ctx, cap_run(ctx, at), complement, foreign, at),
                    "name_in_run at {} of {:?}",
                    at,
                    text
                );
            }
        }
        Ok(())
    }

    /// The grammar's own test sentences, one after another.
    fn test_sentences() -> String {
        include_str!("../../tests/person.rs")
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with('"') && l.ends_with("\","))
            .map(|l| format!("{}\n", &l[1..l.len() - 2]))
            .collect()
    }

    #[test]
    fn shortcuts_agree_with_full_readings_on_real_text() {
        shortcuts_agree_with_full_readings(&test_sentences()).unwrap();
    }

    #[test]
    fn memo_agrees_with_fresh_contexts_on_real_text() {
        let sentences = test_sentences();
        assert!(sentences.len() > 10_000, "{}", sentences.len());
        let texts = [
            sentences.as_str(),
            include_str!("../../examples/sample_report.txt"),
            include_str!("../../tests/fixtures/huyen_uy_tong_ket.txt"),
        ];
        for text in texts {
            memo_agrees_with_fresh_contexts(text).unwrap();
        }
    }

    /// Pieces of mentions, by role: honorifics, titles (foreign and academic ones
    /// too), names, the words of an office, what follows a mention.
    const HONORIFIC_PIECES: &[&str] = &["đồng chí", "Đồng chí", "ông", "Ông", "bà", "anh", "Anh"];
    const TITLE_PIECES: &[&str] = &[
        "Bí thư",
        "Phó Bí thư",
        "Chủ tịch",
        "Tổng thống",
        "Thủ tướng",
        "nguyên Bí thư",
        "Đại tá",
        "Thiếu tướng",
        "Giám đốc",
        "Ủy viên",
        "Trưởng Ban",
        "Chủ tịch nước",
        "PGS.TS",
        "Tiến sĩ",
        "Bộ trưởng",
    ];
    const NAME_PIECES: &[&str] = &[
        "Nguyễn Văn Minh",
        "Phạm Thu Hà",
        "Trần Thị Lan",
        "Lê Quang Huy",
        "Hùng",
        "Donald Trump",
        "Putin",
        "Hồ Chí Minh",
        "Nguyễn Phú Trọng Tô Lâm",
        "Vũ Quang Duy",
        "Lâm Đồng",
    ];
    const OFFICE_PIECES: &[&str] = &[
        "Đảng ủy",
        "Tỉnh ủy",
        "Huyện ủy Cẩm Mỹ",
        "Ban Tổ chức",
        "UBND",
        "tỉnh",
        "huyện",
        "xã",
        "Bắc Lệnh",
        "Hà Nội",
        "Sở Xây dựng",
        "Trường",
        "Trung\nương",
        "Mỹ",
        "Nga",
        "của",
        "và",
        "khóa XIV",
        "quận 2",
        "(1985)",
        "(tỉnh Long An)",
        "Bộ Quốc phòng",
        "TP. HCM",
        "Quân khu 4",
        "Khối Cơ quan - Doanh nghiệp",
        "Ban chỉ đạo",
    ];
    const SEPARATORS: &[&str] = &[
        " ", ", ", " - ", " (", ") ", ": ", " | ", " kiêm ", "\n", ". ",
    ];
    const AFTER_PIECES: &[&str] = &[
        // odd spellings: a reference, an invisible character, NFD, capitals
        "&#272;ảng",
        "\u{AD}ông",
        "Nguye\u{302}\u{303}n",
        "TN-MT",
        "-",
        "Jae-in",
        "ĐẢNG",
        "McCain",
        "cho biết",
        "phát biểu",
        "làm",
        "giữ chức",
        "đã",
        "được bầu làm",
        "dự hội nghị",
        "12",
        "**",
    ];

    /// One piece of a role: a choice among `pieces`.
    fn piece(pieces: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
        (0..pieces.len()).prop_map(move |i| pieces[i])
    }

    /// Text made of mention-like pieces: any piece of any role after any
    /// separator, weighted towards the order mentions are written in.
    fn mentions() -> impl Strategy<Value = String> {
        let any_piece = prop_oneof![
            2 => piece(HONORIFIC_PIECES),
            3 => piece(TITLE_PIECES),
            3 => piece(NAME_PIECES),
            3 => piece(OFFICE_PIECES),
            1 => piece(AFTER_PIECES),
        ];
        proptest::collection::vec((any_piece, piece(SEPARATORS)), 1..24).prop_map(|pieces| {
            pieces
                .into_iter()
                .flat_map(|(p, sep)| [p, sep])
                .collect::<String>()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn memo_agrees_with_fresh_contexts_on_mentions(text in mentions()) {
            memo_agrees_with_fresh_contexts(&text)?;
        }

        #[test]
        fn shortcuts_agree_with_full_readings_on_mentions(text in mentions()) {
            shortcuts_agree_with_full_readings(&text)?;
        }
    }
}
