//! The record grammars: one module per record kind, each a set of small named nom
//! parsers over the normalised view, registered in [`GRAMMARS`].
//!
//! A grammar is anchored: the driver calls it at a trigger position (a keyword or
//! the start of a digit run) and it either matches there or not. It never scans
//! ahead more than a few dozen words, which keeps extraction linear in the input.

use crate::error::{Code, Diagnostic, Level};
use crate::record::{RecordData, RecordKind};
use crate::text::keyword::{Keyword, Lexicon};
use crate::text::normalize::Normalized;
use compact_str::CompactString;

pub(crate) mod breakdown;
pub(crate) mod common;
pub(crate) mod date;
pub(crate) mod document_ref;
pub(crate) mod member_count;
pub(crate) mod org_count;
pub(crate) mod percentage;
pub(crate) mod period;
pub(crate) mod person;
pub(crate) mod rate;
pub(crate) mod registration;

/// Where a grammar may start.
pub(crate) enum Trigger {
    /// At a keyword (checked at word boundaries on both sides).
    Word(&'static Keyword),
    /// At any entry of a lexicon.
    Words(&'static (dyn Vocabulary + Sync)),
    /// At any entry of a lexicon written with a capital first letter (a family
    /// name starts a name only so; "hà", "văn" in running text do not).
    CapitalisedWords(&'static (dyn Vocabulary + Sync)),
    /// At the first digit of a number: of a digit run that does not continue a
    /// number across a decimal or group separator ("58" in "14,58" starts none).
    Digit,
}

/// A word list that can serve as triggers.
pub(crate) trait Vocabulary {
    /// Its words in the normalised view's spelling.
    fn folded_words(&self) -> Vec<String>;
}

impl<T: Copy + Sync + 'static> Vocabulary for Lexicon<T> {
    fn folded_words(&self) -> Vec<String> {
        Lexicon::folded_words(self).map(str::to_string).collect()
    }
}

impl Trigger {
    /// The trigger words, folded; empty for [`Trigger::Digit`].
    pub(crate) fn folded_words(&self) -> Vec<String> {
        match self {
            Trigger::Word(k) => vec![k.folded().to_string()],
            Trigger::Words(v) | Trigger::CapitalisedWords(v) => v.folded_words(),
            Trigger::Digit => vec![],
        }
    }
}

/// A grammar for one record kind.
pub(crate) struct Grammar {
    /// The kind of record it makes.
    pub kind: RecordKind,
    /// A readable name, for tests and debugging.
    #[allow(dead_code)]
    pub name: &'static str,
    /// Where it may start.
    pub triggers: &'static [Trigger],
    /// The parser, anchored at the trigger position.
    pub parse: fn(&mut Ctx<'_>, usize) -> Option<Match>,
}

/// Every grammar, in the order they are tried at one position.
pub(crate) static GRAMMARS: &[&Grammar] = &[
    &document_ref::GRAMMAR,
    &org_count::GRAMMAR,
    &member_count::GRAMMAR,
    &registration::GRAMMAR,
    &percentage::GRAMMAR,
    &date::GRAMMAR,
    &period::GRAMMAR,
    &person::GRAMMAR,
];

/// Relates records to each other: fills fields that come from a neighbour (the
/// period of a registration) and returns the checks. `matches` are sorted by start;
/// their indices are the records' indices.
///
/// One pass over the records does it all: a document has many, each is large, and
/// every pass over them waits for memory about once a record.
///
/// Adds its work to `steps` (see [`crate::Stats::relate_steps`]): each loop counts
/// the records it visits and the bytes it scans where it does so, so that a loop
/// that grows faster than the text shows in the count.
pub(crate) fn relate(
    text: &str,
    matches: &mut [Match],
    steps: &mut usize,
) -> Vec<crate::extraction::Check> {
    let mut periods = rate::PeriodFinder::default();
    let mut checks = Vec::new();
    let mut rates = Vec::new();
    let mut dates = Vec::new();
    // the pass visits each record once
    *steps += matches.len();
    for i in 0..matches.len() {
        periods.see(text, matches, i, steps);
        breakdown::sum_checks_at(text, matches, i, &mut checks, steps);
        rate::rate_checks_at(text, matches, i, &mut rates, steps);
        dates.extend(document_ref::date_check_at(matches, i, steps));
    }
    periods.finish(text, matches, steps);
    // sum, rate and date checks in that order before the stable sort, as always
    checks.append(&mut rates);
    checks.append(&mut dates);
    // a sort is not linear in general: its comparisons count, so that checks made
    // out of order show
    let order = |c: &crate::extraction::Check| (c.total, c.parts.first().copied());
    checks.sort_by(|a, b| {
        *steps += 1;
        order(a).cmp(&order(b))
    });
    checks
}

/// A grammar's match, in normalised offsets.
#[derive(Debug)]
pub(crate) struct Match {
    /// Where the match starts: where the grammar was called, or a word or two
    /// before (at most 64 bytes: the driver settles overlaps as it goes, and falls
    /// back to the slow way when a match reaches further back).
    pub start: usize,
    pub end: usize,
    pub data: RecordData,
    /// Extra fields filled: breaks ties between equally long matches.
    pub richness: u8,
    /// Diagnostics that stand or fall with this match.
    pub diagnostics: Vec<Diagnostic>,
}

/// What a grammar can see: the normalised view, the original text, the options.
pub(crate) struct Ctx<'a> {
    pub view: &'a Normalized,
    pub original: &'a str,
    /// The date the text was written, when the caller gave one ("năm nay", "5 năm
    /// qua" are resolved against it).
    #[allow(dead_code)]
    pub reference_date: Option<chrono::NaiveDate>,
    /// Diagnostics that stand whether or not any record is made.
    pub diagnostics: Vec<Diagnostic>,
    /// Numbers and counts read at the last few positions.
    pub memos: common::Memos,
    /// What the person grammar read in this document.
    pub person: person::Memo,
}

impl<'a> Ctx<'a> {
    /// A context over a view of `original`.
    pub fn new(
        view: &'a Normalized,
        original: &'a str,
        reference_date: Option<chrono::NaiveDate>,
    ) -> Self {
        Ctx {
            view,
            original,
            reference_date,
            diagnostics: Vec::new(),
            memos: common::Memos::default(),
            person: person::Memo::default(),
        }
    }

    /// Forgets what earlier grammar calls left: diagnostics and memos.
    pub fn reset(&mut self) {
        self.diagnostics.clear();
        self.memos = common::Memos::default();
        self.person = person::Memo::default();
    }

    /// The whole normalised text.
    pub fn text(&self) -> &'a str {
        self.view.as_str()
    }

    /// The text as written between two normalised offsets: NFC, Đ for Ð, white space
    /// collapsed.
    pub fn written(&self, start: usize, end: usize) -> CompactString {
        let span = self.view.original_span(start, end);
        crate::text::normalize::readable(&self.original[span.range()])
    }

    /// Whether the original character at a normalised offset is upper case (names
    /// and titles start so; the view itself is lower case).
    pub fn starts_upper_case(&self, at: usize) -> bool {
        crate::text::case::upper_case_at(self.original, self.view.original_offset(at))
    }

    /// An informational diagnostic over a normalised range.
    pub fn info(&self, code: Code, start: usize, end: usize, message: String) -> Diagnostic {
        Diagnostic {
            level: Level::Info,
            ..self.diagnostic(code, start, end, message)
        }
    }

    /// A diagnostic over a normalised range.
    pub fn diagnostic(&self, code: Code, start: usize, end: usize, message: String) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            code,
            span: self.view.original_span(start, end),
            message,
        }
    }
}
