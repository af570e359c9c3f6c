//! The driver: find trigger positions, run the anchored grammars there, keep the
//! records that win the overlap policy, map them back to the original text.
//!
//! # Overlap policy
//! Records never overlap. Among candidates that do, the longer one wins (it read
//! more of the text); between equally long ones the richer one (more fields
//! filled), then the earlier one, then the grammar listed first.
//!
//! The driver is language-blind: the words it looks for come from the grammars.

use compact_str::CompactString;
use std::cell::Cell;
use std::cmp::Reverse;
use std::collections::HashSet;
use std::iter::Peekable;
use std::ops::Range;
use std::sync::{Mutex, OnceLock, PoisonError};

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input};
use chrono::NaiveDate;

use crate::error::{Diagnostic, Error};
use crate::extraction::{Extraction, SCHEMA};
use crate::grammar::{Ctx, Grammar, Match, Trigger, GRAMMARS};
use crate::record::{Record, RecordKind};
use crate::text::keyword::{ends_word, starts_word};
use crate::text::normalize::{Buffers, Normalized};
use crate::text::number::continues_number;
use crate::text::segment::CutBytes;

/// Extracts every record kind from `text` with default options.
///
/// Never fails and never panics; questionable input shows up in
/// [`Extraction::diagnostics`].
///
/// ```
/// let text = "Ngày 26/3/2018, hơn 97% đảng viên tham gia.";
/// let out = baocao::extract(text);
/// assert_eq!(out.records.len(), 2);
/// assert_eq!(out.records[0].text, "Ngày 26/3/2018");
/// assert_eq!(out.records[1].text, "hơn 97% đảng viên");
/// for r in &out.records {
///     assert_eq!(&text[r.span.range()], r.text);
/// }
/// ```
pub fn extract(text: &str) -> Extraction {
    default_extractor().extract(text)
}

fn default_extractor() -> &'static Extractor {
    static DEFAULT: OnceLock<Extractor> = OnceLock::new();
    DEFAULT.get_or_init(|| {
        Extractor::builder()
            .build()
            .expect("all kinds is a valid choice")
    })
}

/// An extractor with chosen options; build one with [`Extractor::builder`].
///
/// Building compiles the trigger automaton, once per process for each choice of
/// kinds (the first build takes a few milliseconds); reuse the extractor across
/// documents. It is `Send + Sync`.
///
/// ```
/// use baocao::{Extractor, RecordKind};
/// let ex = Extractor::builder().kinds([RecordKind::Percentage]).build().unwrap();
/// let out = ex.extract("Ngày 26/3/2018, đạt 98,5%.");
/// assert_eq!(out.records.len(), 1);
/// assert_eq!(out.records[0].kind(), RecordKind::Percentage);
/// ```
#[derive(Debug)]
pub struct Extractor {
    grammars: Vec<&'static Grammar>,
    words: Option<AhoCorasick>,
    /// For each automaton pattern, the grammars it triggers (bit i: `grammars[i]`)
    /// however it is written…
    word_grammars: Vec<GrammarSet>,
    /// …and those it triggers only when written with a capital first letter.
    capitalised_grammars: Vec<GrammarSet>,
    digit_grammars: GrammarSet,
    /// Where the view may be cut without cutting a trigger word.
    cuts: CutBytes,
    patterns: Vec<String>,
    reference_date: Option<NaiveDate>,
}

/// Work counters of one extraction, for proving linear time without a clock.
///
/// Every grammar call reads a bounded window of text (a few dozen words at most), so
/// the work of the grammars is linear in these counts, and
/// [`relate_steps`](Stats::relate_steps) counts the work of the cross-checks after
/// them; the linear-time tests check that each count grows at most linearly with the
/// input.
///
/// ```
/// let ex = baocao::Extractor::builder().build().unwrap();
/// let (_, small) = ex.extract_with_stats(&"Có 5 chi bộ. ".repeat(100));
/// let (_, large) = ex.extract_with_stats(&"Có 5 chi bộ. ".repeat(200));
/// assert!(large.grammar_calls <= 2 * small.grammar_calls);
/// assert!(large.relate_steps <= 2 * small.relate_steps);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Bytes of input.
    pub bytes: usize,
    /// Bytes of the normalised view.
    pub normalised_bytes: usize,
    /// Positions where a trigger word or a digit run starts a grammar.
    pub trigger_positions: usize,
    /// Anchored grammar invocations.
    pub grammar_calls: usize,
    /// Candidate records before the overlap policy.
    pub candidates: usize,
    /// Bytes covered by all candidates, counted once per candidate.
    pub candidate_bytes: usize,
    /// Steps of the cross-checks run on the records once the grammars are done
    /// (sums, rates, document dates, the periods of registrations): one per record a
    /// loop of theirs visits, per byte of text a loop of theirs scans, and per
    /// comparison when the checks are sorted. A look of bounded length (a keyword, a
    /// separator) is part of the step of the record it starts from; the bytes
    /// counted are those of scans the text can make long (a run of spaces, the text
    /// between two records, a record's own text).
    pub relate_steps: usize,
}

impl std::fmt::Debug for Grammar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Options for an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    kinds: Option<Vec<RecordKind>>,
    reference_date: Option<NaiveDate>,
}

impl ExtractorBuilder {
    /// Only these record kinds (default: all).
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = RecordKind>) -> Self {
        self.kinds = Some(kinds.into_iter().collect());
        self
    }

    /// The date the text was written, for relative expressions ("năm nay",
    /// "5 năm qua").
    pub fn reference_date(mut self, date: NaiveDate) -> Self {
        self.reference_date = Some(date);
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// [`Error::NoKinds`] when the kind list is empty.
    ///
    /// ```
    /// assert!(baocao::Extractor::builder().kinds([]).build().is_err());
    /// ```
    pub fn build(self) -> Result<Extractor, Error> {
        let kinds: HashSet<RecordKind> = match self.kinds {
            Some(k) if k.is_empty() => return Err(Error::NoKinds),
            Some(k) => k.into_iter().collect(),
            None => RecordKind::ALL.into_iter().collect(),
        };
        let grammars: Vec<&'static Grammar> = GRAMMARS
            .iter()
            .copied()
            .filter(|g| kinds.contains(&g.kind))
            .collect();
        let mut patterns: Vec<String> = Vec::new();
        let mut word_grammars: Vec<GrammarSet> = Vec::new();
        let mut capitalised_grammars: Vec<GrammarSet> = Vec::new();
        let mut digit_grammars = GrammarSet::default();
        for (gi, g) in grammars.iter().enumerate() {
            for t in g.triggers {
                if matches!(t, Trigger::Digit) {
                    digit_grammars.insert(gi);
                }
                for w in t.folded_words() {
                    let i = patterns.iter().position(|p| *p == w).unwrap_or_else(|| {
                        patterns.push(w);
                        word_grammars.push(GrammarSet::default());
                        capitalised_grammars.push(GrammarSet::default());
                        patterns.len() - 1
                    });
                    if matches!(t, Trigger::CapitalisedWords(_)) {
                        capitalised_grammars[i].insert(gi);
                    } else {
                        word_grammars[i].insert(gi);
                    }
                }
            }
        }
        let words = (!patterns.is_empty()).then(|| trigger_automaton(&patterns));
        Ok(Extractor {
            grammars,
            words,
            word_grammars,
            capitalised_grammars,
            digit_grammars,
            cuts: CutBytes::outside(&patterns),
            patterns,
            reference_date: self.reference_date,
        })
    }
}

impl Extractor {
    /// Options, starting from the defaults (every kind, no reference date).
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The reference date given to the builder, if any.
    pub fn reference_date(&self) -> Option<NaiveDate> {
        self.reference_date
    }

    /// The words that start grammars, in the normalised view's spelling (lower case,
    /// tone marks in one placement); digit runs start grammars too. A scan for these
    /// is the floor under any extractor, and the benchmarks compare against it.
    ///
    /// ```
    /// let ex = baocao::Extractor::builder().build().unwrap();
    /// assert!(ex.trigger_words().iter().any(|w| w == "hơn"));
    /// ```
    pub fn trigger_words(&self) -> Vec<String> {
        self.patterns.clone()
    }

    /// Extracts records from many documents in parallel (rayon), returning the
    /// results in input order. Each document is extracted exactly as by
    /// [`Extractor::extract`].
    ///
    /// ```
    /// let ex = baocao::Extractor::builder().build().unwrap();
    /// let out = ex.extract_many(&["Có 5 chi bộ.", "Năm 2020."]);
    /// assert_eq!(out.len(), 2);
    /// assert_eq!(out[1].records[0].text, "Năm 2020");
    /// ```
    pub fn extract_many<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Extraction> {
        use rayon::prelude::*;
        texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
    }

    /// Extracts records from `text`. Never fails, never panics, linear time.
    ///
    /// The calling thread keeps the buffers of the text's normalised view (about
    /// 1.4 times the text, at most 32 MB) for its next extraction.
    pub fn extract(&self, text: &str) -> Extraction {
        self.extract_with_stats(text).0
    }

    /// [`Extractor::extract`], with the work it did.
    pub fn extract_with_stats(&self, text: &str) -> (Extraction, Stats) {
        let mut stats = Stats {
            bytes: text.len(),
            ..Stats::default()
        };
        let view = Normalized::new_in(text, SPARE_VIEW.take().unwrap_or_default());
        stats.normalised_bytes = view.as_str().len();
        let mut ctx = Ctx::new(&view, text, self.reference_date);
        let mut winners = self.winners(&mut ctx, &mut stats);
        let checks = crate::grammar::relate(view.as_str(), &mut winners, &mut stats.relate_steps);
        let mut diagnostics = std::mem::take(&mut ctx.diagnostics);
        // mapped, not pushed into a new vector: a record is no larger than a match, so
        // the standard library can collect the records into the winners' allocation
        let records: Vec<Record> = winners
            .into_iter()
            .map(
                |Match {
                     start,
                     end,
                     data,
                     diagnostics: own,
                     ..
                 }| {
                    let span = view.original_span(start, end);
                    if !own.is_empty() {
                        diagnostics.extend(own);
                    }
                    Record {
                        span,
                        text: CompactString::new(&text[span.range()]),
                        data,
                    }
                },
            )
            .collect();
        let extraction = Extraction {
            schema: SCHEMA.to_string(),
            source: None,
            records,
            checks,
            diagnostics: dedup(diagnostics),
        };
        let spare = view.into_buffers();
        if spare.capacity_bytes() <= SPARE_VIEW_MAX_BYTES {
            SPARE_VIEW.set(Some(spare));
        }
        (extraction, stats)
    }

    /// The matches that win the overlap policy among every grammar's match at every
    /// trigger position, in order of their starts.
    fn winners(&self, ctx: &mut Ctx<'_>, stats: &mut Stats) -> Vec<Match> {
        match self.settle_as_found(ctx, stats, MAX_LOOKBACK) {
            Ok(winners) => winners,
            Err(StartedTooEarly) => {
                // a grammar broke its promise: rank everything at the end instead,
                // from a fresh start (the memos and diagnostics of the first pass go)
                debug_assert!(
                    false,
                    "a match started more than {MAX_LOOKBACK} bytes before its trigger"
                );
                ctx.reset();
                stats.trigger_positions = 0;
                stats.grammar_calls = 0;
                stats.candidates = 0;
                stats.candidate_bytes = 0;
                self.settle_as_found(ctx, stats, usize::MAX)
                    .expect("no match starts before the text")
            }
        }
    }

    /// Runs the grammars at every trigger position and settles overlaps as the
    /// candidates come, assuming none starts more than `lookback` bytes before its
    /// trigger.
    fn settle_as_found(
        &self,
        ctx: &mut Ctx<'_>,
        stats: &mut Stats,
        lookback: usize,
    ) -> Result<Vec<Match>, StartedTooEarly> {
        let text = ctx.view.as_str();
        let text_len = text.len();
        let digits = self.digit_starts(text);
        // room for a candidate per digit run and per 32 bytes of words: about twice
        // what report text needs, and a denser text only grows the vector; capped,
        // so that a text of gigabytes asks for no more address space than it uses
        let expected = (digits.len() + text_len / 32).min(MAX_RESERVED_CANDIDATES);
        let mut policy = OverlapPolicy::new(text_len, lookback, expected);
        let mut digits = digits.into_iter().peekable();
        let mut starts = Vec::new();
        // Segment by segment, so that a grammar reads text the scan has just read,
        // still in the cache, not text scanned megabytes ago.
        for segment in self.cuts.segments(text.as_bytes(), SEGMENT) {
            starts.clear();
            self.triggers_in(ctx, segment, &mut digits, &mut starts);
            stats.trigger_positions += starts.len();
            stats.grammar_calls += starts.iter().map(|(_, set)| set.len()).sum::<usize>();
            for &(at, set) in &starts {
                policy.advance(at);
                for g in set.iter() {
                    let found = (self.grammars[g].parse)(ctx, at);
                    if let Some(m) = &found {
                        if m.start < m.end && m.end <= text_len {
                            stats.candidates += 1;
                            stats.candidate_bytes += m.end - m.start;
                            policy.admit(m, at)?;
                            policy.offer(g, found);
                        }
                    }
                }
            }
        }
        Ok(policy.finish())
    }

    /// The first digit of every number, where the digit grammars start.
    fn digit_starts(&self, text: &str) -> Vec<usize> {
        if self.digit_grammars.is_empty() {
            Vec::new()
        } else {
            number_starts(text.as_bytes())
        }
    }

    /// Where grammars start in `segment`, sorted, each position once with the
    /// grammars to try: trigger words at word boundaries and the first digit of every
    /// digit run, taken from `digits` (all of the view's, in order). Appended to
    /// `starts`.
    fn triggers_in(
        &self,
        ctx: &Ctx<'_>,
        segment: Range<usize>,
        digits: &mut Peekable<std::vec::IntoIter<usize>>,
        starts: &mut Vec<(usize, GrammarSet)>,
    ) {
        let text = ctx.view.as_str();
        if let Some(ac) = &self.words {
            // The automaton reports matches by their end. Placing the digit runs up to
            // a match's end first keeps every position placed at or before it, so the
            // match's start goes in at most its own length from the back.
            let words = Input::new(text).span(segment.clone());
            for m in ac.find_overlapping_iter(words) {
                while let Some(at) = digits.next_if(|&at| at <= m.end()) {
                    place(starts, at, self.digit_grammars);
                }
                if let Some(set) = self.word_trigger(ctx, m.start(), m.end(), m.pattern()) {
                    place(starts, m.start(), set);
                }
            }
        }
        while let Some(at) = digits.next_if(|&at| at < segment.end) {
            place(starts, at, self.digit_grammars);
        }
    }

    /// Every trigger position of the view, cutting it into segments of at least
    /// `min_len` bytes as the driver does.
    #[cfg(test)]
    fn trigger_positions_cut(&self, ctx: &Ctx<'_>, min_len: usize) -> Vec<(usize, GrammarSet)> {
        let text = ctx.view.as_str();
        let mut digits = self.digit_starts(text).into_iter().peekable();
        let mut starts = Vec::new();
        for segment in self.cuts.segments(text.as_bytes(), min_len) {
            self.triggers_in(ctx, segment, &mut digits, &mut starts);
        }
        starts
    }

    #[cfg(test)]
    fn trigger_positions(&self, ctx: &Ctx<'_>) -> Vec<(usize, GrammarSet)> {
        self.trigger_positions_cut(ctx, SEGMENT)
    }

    /// The grammars that the automaton's match of `pattern` at `start..end` starts:
    /// none unless it is a whole word.
    fn word_trigger(
        &self,
        ctx: &Ctx<'_>,
        start: usize,
        end: usize,
        pattern: aho_corasick::PatternID,
    ) -> Option<GrammarSet> {
        let text = ctx.view.as_str();
        if !(starts_word(text, start) && ends_word(text, end)) {
            return None;
        }
        let mut set = self.word_grammars[pattern];
        let capitalised = self.capitalised_grammars[pattern];
        if !capitalised.is_empty() && ctx.starts_upper_case(start) {
            set = set.union(capitalised);
        }
        (!set.is_empty()).then_some(set)
    }
}

/// Adds trigger position `at` to the sorted `starts`, or its grammars to the entry
/// already there; costs the number of positions after `at`.
#[inline]
fn place(starts: &mut Vec<(usize, GrammarSet)>, at: usize, set: GrammarSet) {
    match starts.last_mut() {
        Some(last) if last.0 == at => last.1 = last.1.union(set),
        Some(last) if last.0 > at => place_inside(starts, at, set),
        _ => starts.push((at, set)),
    }
}

/// [`place`] for a position before the last one placed.
#[cold]
fn place_inside(starts: &mut Vec<(usize, GrammarSet)>, at: usize, set: GrammarSet) {
    let after = starts
        .iter()
        .rposition(|&(placed, _)| placed <= at)
        .map_or(0, |i| i + 1);
    match after.checked_sub(1).map(|i| &mut starts[i]) {
        Some(same) if same.0 == at => same.1 = same.1.union(set),
        _ => starts.insert(after, (at, set)),
    }
}

/// The automaton that finds `patterns`, shared by every extractor built for the same
/// words in this process.
///
/// A DFA scans the text in about half the instructions of the default contiguous
/// NFA, but takes a few milliseconds and about a megabyte to build: worth it once per
/// process and choice of kinds, not once per extractor.
fn trigger_automaton(patterns: &[String]) -> AhoCorasick {
    type Cache = Mutex<Vec<(Vec<String>, AhoCorasick)>>;
    /// Enough for every choice of kinds a program is likely to use.
    const CACHED_CHOICES: usize = 16;
    static BUILT: OnceLock<Cache> = OnceLock::new();
    let cache = BUILT.get_or_init(Cache::default);
    // a poisoned lock only means another build panicked; the list itself is whole
    let mut built = cache.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, ac)) = built.iter().find(|(p, _)| p == patterns) {
        return ac.clone();
    }
    let ac = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .expect("trigger words are few and short");
    if built.len() < CACHED_CHOICES {
        built.push((patterns.to_vec(), ac.clone()));
    }
    ac
}

/// Where numbers start: the first digit of every run of ASCII digits, except a run
/// that continues a number across a decimal or group separator ("58" in "14,58",
/// "246" in "5.246"). A record that started there would read part of a number as
/// the whole ("tăng13,82%" is no share of 82%).
fn number_starts(bytes: &[u8]) -> Vec<usize> {
    // Most blocks of prose hold no digit; testing a whole block at once (a loop
    // without early exit, which the compiler turns into vector code) skips them. In
    // the others, a mask of the digits gives the first digit of every run at once.
    const BLOCK: usize = 64;
    let mut starts = Vec::new();
    let mut after_digit = false;
    for (b, block) in bytes.chunks(BLOCK).enumerate() {
        if !block.iter().fold(false, |any, c| any | c.is_ascii_digit()) {
            after_digit = false;
            continue;
        }
        let digits = block.chunks(8).enumerate().fold(0u64, |mask, (i, eight)| {
            mask | u64::from(digit_bits(eight)) << (8 * i)
        });
        let mut run_starts = digits & !(digits << 1 | u64::from(after_digit));
        after_digit = digits >> (block.len() - 1) & 1 == 1;
        while run_starts != 0 {
            let at = b * BLOCK + run_starts.trailing_zeros() as usize;
            run_starts &= run_starts - 1; // clears the lowest bit
            if !continues_number(bytes, at) {
                starts.push(at);
            }
        }
    }
    starts
}

/// The ASCII digits among at most eight bytes, one bit each (bit i: byte i), all
/// eight bytes tested at once in a 64-bit word.
#[inline]
fn digit_bits(eight: &[u8]) -> u8 {
    const LOW_SEVEN: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = <[u8; 8]>::try_from(eight).unwrap_or_else(|_| {
        let mut padded = [0; 8];
        padded[..eight.len().min(8)].copy_from_slice(&eight[..eight.len().min(8)]);
        padded
    });
    let x = u64::from_le_bytes(word);
    let low = x & LOW_SEVEN;
    // adding to seven bits never carries into the next byte; the high bit says
    // whether the seven were at least '0', or more than '9'
    let from_zero = low + 0x5050_5050_5050_5050;
    let past_nine = low + 0x4646_4646_4646_4646;
    let digits = from_zero & !past_nine & !x & HIGH;
    // gathers the eight high bits into the top byte, byte i's into bit i
    ((digits >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// How far before its trigger a match may start: a grammar reads a word or two back
/// at most ("nguyên" before a title the person grammar was called at).
const MAX_LOOKBACK: usize = 64;

thread_local! {
    /// The buffers of this thread's last view, for the next: the allocator gives the
    /// memory of a large view back to the system when it is freed, and taking it
    /// again page by page costs a few per cent of a megabytes-long extraction.
    static SPARE_VIEW: Cell<Option<Buffers>> = const { Cell::new(None) };
}

/// The most a thread keeps for its next view: enough for documents of about 20 MB;
/// a larger one's buffers are freed, not kept for good.
const SPARE_VIEW_MAX_BYTES: usize = 32 << 20;

/// The most candidates room is made for before the grammars run (about 280 MB of
/// address space, the need of a 20 MB report): past that the vector grows as
/// candidates come.
const MAX_RESERVED_CANDIDATES: usize = 1 << 20;

/// The least length of the segments the view is triggered and parsed in: well
/// inside a core's cache with the original text, the map and the candidates.
const SEGMENT: usize = 64 << 10;

/// A set of grammars, by their index in [`Extractor::grammars`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct GrammarSet(u32);

impl GrammarSet {
    fn insert(&mut self, grammar: usize) {
        debug_assert!(grammar < 32, "at most 32 grammars");
        self.0 |= 1 << grammar;
    }

    fn union(self, other: GrammarSet) -> GrammarSet {
        GrammarSet(self.0 | other.0)
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The grammar indices, in ascending order.
    fn iter(self) -> impl Iterator<Item = usize> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            let g = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1); // clears the lowest bit
            (g < 32).then_some(g)
        })
    }
}

/// The overlap policy: among overlapping candidates the longer wins, then the
/// richer, then the earlier, then the grammar listed first.
///
/// Candidates arrive in order of their triggers, and a match starts at most
/// `lookback` bytes before its trigger. So once the triggers have moved `lookback`
/// bytes past the end of every pending candidate, nothing still to come can overlap
/// them: they are settled then, which gives the same winners as ranking all
/// candidates at once while keeping only the pending ones in memory. O(n log n).
///
/// The pending candidates wait behind the winners in the vector that becomes the
/// result, and the losers are dropped where they lie: a match is large, and a
/// winner is never moved again unless a loser before it leaves a gap.
struct OverlapPolicy {
    lookback: usize,
    /// The winners so far, in order of their starts, then the pending candidates
    /// from `first_pending` on.
    found: Vec<Match>,
    first_pending: usize,
    /// The grammar that made each pending candidate.
    pending_grammars: Vec<usize>,
    /// Where the last-ending pending candidate ends.
    pending_end: usize,
    /// The bytes taken by the winners so far.
    taken: ByteSet,
    /// Rank keys of the pending candidates, reused between settlements.
    order: Vec<Rank>,
    /// Which pending candidates win, reused between settlements.
    keep: Vec<bool>,
}

/// How a candidate ranks, best first: longer, richer, earlier, grammar listed
/// first; and its place among the pending.
type Rank = (Reverse<usize>, Reverse<u8>, usize, usize, usize);

/// A match started further before its trigger than the policy allows for.
#[derive(Debug, PartialEq)]
struct StartedTooEarly;

impl OverlapPolicy {
    /// A policy for a text of `text_len` bytes, with room for `expected` candidates
    /// (room for too many costs address space only, too few costs copies).
    fn new(text_len: usize, lookback: usize, expected: usize) -> Self {
        OverlapPolicy {
            lookback,
            found: Vec::with_capacity(expected),
            first_pending: 0,
            pending_grammars: Vec::new(),
            pending_end: 0,
            taken: ByteSet::new(text_len),
            order: Vec::new(),
            keep: Vec::new(),
        }
    }

    fn has_pending(&self) -> bool {
        self.first_pending < self.found.len()
    }

    /// The next trigger is at `at`: settles what nothing from there on can overlap.
    fn advance(&mut self, at: usize) {
        if self.has_pending() && self.pending_end.saturating_add(self.lookback) <= at {
            self.settle();
        }
    }

    /// Checks a candidate found at the trigger at `at` before it is offered.
    fn admit(&mut self, m: &Match, at: usize) -> Result<(), StartedTooEarly> {
        if m.start.saturating_add(self.lookback) < at {
            return Err(StartedTooEarly);
        }
        self.pending_end = self.pending_end.max(m.end);
        Ok(())
    }

    /// An admitted candidate, if the grammar found one. It is taken as the grammar
    /// gave it: a match moved out of its `Option` first is copied once more on the
    /// way.
    fn offer(&mut self, grammar: usize, found: Option<Match>) {
        if found.is_some() {
            self.found.extend(found);
            self.pending_grammars.push(grammar);
        }
    }

    /// Picks the winners among the pending candidates. A lone candidate wins
    /// outright: nothing pending overlaps it, and nothing settled reaches it.
    fn settle(&mut self) {
        if self.found.len() - self.first_pending > 1 {
            self.mark_winners();
            self.drop_losers();
            // a match that starts before its trigger can start before an earlier one's
            let settled = &mut self.found[self.first_pending..];
            if !settled.is_sorted_by_key(|m| m.start) {
                settled.sort_by_key(|m| m.start);
            }
        }
        self.pending_grammars.clear();
        self.first_pending = self.found.len();
    }

    /// Ranks the pending candidates and marks in `keep` those that overlap no
    /// better one.
    fn mark_winners(&mut self) {
        let pending = &self.found[self.first_pending..];
        self.order.clear();
        self.order.extend(
            pending
                .iter()
                .zip(&self.pending_grammars)
                .enumerate()
                .map(|(i, (m, &g))| (Reverse(m.end - m.start), Reverse(m.richness), m.start, g, i)),
        );
        self.order.sort_unstable();
        self.keep.clear();
        self.keep.resize(pending.len(), false);
        for &(.., i) in &self.order {
            let m = &pending[i];
            if !self.taken.any(m.start, m.end) {
                self.taken.fill(m.start, m.end);
                self.keep[i] = true;
            }
        }
    }

    /// Closes the gaps the losers leave among the pending candidates, keeping the
    /// winners in order, and drops the losers.
    fn drop_losers(&mut self) {
        let mut next_winner = self.first_pending;
        for (i, &keep) in self.keep.iter().enumerate() {
            if keep {
                let at = self.first_pending + i;
                if at != next_winner {
                    self.found.swap(next_winner, at);
                }
                next_winner += 1;
            }
        }
        self.found.truncate(next_winner);
    }

    /// The winners, in order of their starts.
    fn finish(mut self) -> Vec<Match> {
        if self.has_pending() {
            self.settle();
        }
        // the room reserved for candidates that lost is not the caller's to keep
        if self.found.capacity() / 2 > self.found.len() {
            self.found.shrink_to_fit();
        }
        self.found
    }
}

/// A set of byte offsets, one bit each: the bytes taken by the winners so far.
/// Checking and filling a candidate costs its length over 64, so the overlap pass
/// is linear in the bytes the candidates cover.
struct ByteSet(Vec<u64>);

impl ByteSet {
    fn new(len: usize) -> Self {
        ByteSet(vec![0; len.div_ceil(64)])
    }

    /// The bits of word `w` that fall in `start..end`.
    fn mask(w: usize, start: usize, end: usize) -> u64 {
        let lo = start.saturating_sub(w * 64).min(64);
        let hi = end.saturating_sub(w * 64).min(64);
        let below = |n: usize| if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        below(hi) & !below(lo)
    }

    fn any(&self, start: usize, end: usize) -> bool {
        if start / 64 == end.saturating_sub(1) / 64 {
            let w = start / 64;
            return self
                .0
                .get(w)
                .is_some_and(|&bits| bits & Self::mask(w, start, end) != 0);
        }
        (start / 64..end.div_ceil(64)).any(|w| {
            self.0
                .get(w)
                .is_some_and(|&bits| bits & Self::mask(w, start, end) != 0)
        })
    }

    fn fill(&mut self, start: usize, end: usize) {
        for w in start / 64..end.div_ceil(64) {
            if let Some(bits) = self.0.get_mut(w) {
                *bits |= Self::mask(w, start, end);
            }
        }
    }
}

/// One diagnostic per problem: several triggers can reach the same bad text
/// ("ngày 31/02/2024" and "31/02/2024"); the widest report is kept.
fn dedup(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
    });
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let inside = kept
            .iter()
            .rev()
            .take_while(|k| k.span.end > d.span.start)
            .any(|k| k.code == d.code && k.span.start <= d.span.start && d.span.end <= k.span.end);
        if !inside {
            kept.push(d);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grammar_fits_in_a_grammar_set() {
        assert!(GRAMMARS.len() <= 32);
    }

    #[test]
    fn grammar_sets_iterate_in_ascending_order() {
        let mut set = GrammarSet::default();
        for g in [7, 0, 31, 3] {
            set.insert(g);
        }
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 3, 7, 31]);
        assert_eq!(set.len(), 4);
        assert_eq!(GrammarSet::default().iter().count(), 0);
        let mut other = GrammarSet::default();
        other.insert(5);
        assert_eq!(set.union(other).len(), 5);
    }

    #[test]
    fn byte_set_sees_every_overlap_and_no_other() {
        let mut set = ByteSet::new(300);
        set.fill(60, 70);
        set.fill(128, 192);
        for (s, e, overlaps) in [
            (0, 60, false),
            (0, 61, true),
            (69, 80, true),
            (70, 128, false),
            (127, 129, true),
            (191, 200, true),
            (192, 300, false),
            (100, 250, true),
        ] {
            assert_eq!(set.any(s, e), overlaps, "{s}..{e}");
        }
    }

    /// Ranks all candidates at once: what the policy must agree with.
    fn rank_all_at_once(candidates: &[(usize, usize, usize, u8)]) -> Vec<(usize, usize)> {
        let mut order: Vec<_> = (0..candidates.len()).collect();
        order.sort_by_key(|&i| {
            let (g, s, e, rich) = candidates[i];
            (Reverse(e - s), Reverse(rich), s, g, i)
        });
        let mut kept: Vec<(usize, usize)> = Vec::new();
        for i in order {
            let (_, s, e, _) = candidates[i];
            if kept.iter().all(|&(ks, ke)| e <= ks || ke <= s) {
                kept.push((s, e));
            }
        }
        kept.sort();
        kept
    }

    fn candidate(start: usize, end: usize, richness: u8) -> Match {
        Match {
            start,
            end,
            data: crate::RecordData::Date(crate::record::Date {
                value: CompactString::default(),
                precision: crate::record::Precision::Year,
            }),
            richness,
            diagnostics: Vec::new(),
        }
    }

    proptest::proptest! {
        #[test]
        fn settling_as_candidates_come_picks_the_winners_of_ranking_all_at_once(
            found in proptest::collection::vec(
                (0usize..3, 0usize..400, 0usize..8, 1usize..40, 0u8..3),
                0..60,
            ),
        ) {
            // (grammar, trigger, how far before it the match starts, length, richness)
            let mut found = found;
            found.sort_by_key(|&(g, at, ..)| (at, g));
            let candidates: Vec<_> = found
                .iter()
                .map(|&(g, at, back, len, rich)| (g, at.saturating_sub(back), at.saturating_sub(back) + len, rich))
                .collect();
            let mut policy = OverlapPolicy::new(500, 8, 0);
            for (&(g, at, ..), &(_, s, e, rich)) in found.iter().zip(&candidates) {
                policy.advance(at);
                let m = candidate(s, e, rich);
                proptest::prop_assert!(policy.admit(&m, at).is_ok());
                policy.offer(g, Some(m));
            }
            let winners: Vec<_> = policy.finish().iter().map(|m| (m.start, m.end)).collect();
            proptest::prop_assert_eq!(winners, rank_all_at_once(&candidates));
        }
    }

    #[test]
    fn a_match_starting_too_far_before_its_trigger_is_refused() {
        let mut policy = OverlapPolicy::new(100, 8, 0);
        policy.advance(50);
        assert_eq!(policy.admit(&candidate(42, 60, 0), 50), Ok(()));
        assert_eq!(
            policy.admit(&candidate(41, 60, 0), 50),
            Err(StartedTooEarly)
        );
    }

    #[test]
    fn family_names_trigger_people_only_when_capitalised() {
        let ex = Extractor::builder()
            .kinds([RecordKind::Person])
            .build()
            .unwrap();
        let text = "văn bản của hà nội; Văn Tiến Dũng, Hà Huy Tập";
        let view = Normalized::new(text);
        let starts: Vec<usize> = ex
            .trigger_positions(&Ctx::new(&view, text, None))
            .into_iter()
            .map(|(at, _)| at)
            .collect();
        let at = |word: &str| {
            view.as_str()
                .match_indices(word)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        let (van, ha) = (
            at(&crate::text::normalize::fold("văn")),
            at(&crate::text::normalize::fold("hà")),
        );
        assert!(
            !starts.contains(&van[0]) && !starts.contains(&ha[0]),
            "{starts:?}"
        );
        assert!(
            starts.contains(&van[1]) && starts.contains(&ha[1]),
            "{starts:?}"
        );
    }

    proptest::proptest! {
        #[test]
        fn numbers_start_at_digits_after_no_digit_nor_digit_and_separator(
            text in "([a-z .,/]{0,40}[0-9]{0,40}){0,8}",
        ) {
            let bytes = text.as_bytes();
            let expected: Vec<usize> = (0..bytes.len())
                .filter(|&i| {
                    let after = |k: usize, f: fn(&u8) -> bool| i >= k && f(&bytes[i - k]);
                    bytes[i].is_ascii_digit()
                        && !after(1, u8::is_ascii_digit)
                        && !(after(1, |b| b".,".contains(b)) && after(2, u8::is_ascii_digit))
                })
                .collect();
            proptest::prop_assert_eq!(number_starts(bytes), expected);
        }
    }

    #[test]
    fn digit_bits_marks_exactly_the_ascii_digits() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'5'; 8];
                eight[at] = b;
                let expected = if b.is_ascii_digit() { 0xff } else { !(1 << at) };
                assert_eq!(digit_bits(&eight), expected, "{b:#x} at {at}");
                let mut others = [b'x'; 8];
                others[at] = b;
                let alone = u8::from(b.is_ascii_digit()) << at;
                assert_eq!(digit_bits(&others), alone, "{b:#x} at {at}");
                assert_eq!(digit_bits(&others[..=at]), alone, "{b:#x} ending at {at}");
            }
        }
    }

    #[test]
    fn the_trigger_dfa_finds_what_the_default_automaton_finds() {
        let ex = Extractor::builder().build().unwrap();
        let dfa = ex.words.as_ref().unwrap();
        assert_eq!(dfa.kind(), AhoCorasickKind::DFA);
        let nfa = AhoCorasick::new(&ex.patterns).unwrap();
        let view = Normalized::new(
            "Theo Chỉ thị số 05-CT/TW, đồng chí Bí thư Tỉnh ủy cho biết năm 2020 có \
             hơn 5 chi bộ, 1.200 đảng viên; tỷ lệ đạt 98,5% trong nhiệm kỳ 2020 - 2025.",
        );
        let found = |ac: &AhoCorasick| -> Vec<(usize, usize, usize)> {
            ac.find_overlapping_iter(view.as_str())
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect()
        };
        assert!(found(dfa).len() > 10);
        assert_eq!(found(dfa), found(&nfa));
    }

    /// Trigger positions the plain way: all of them, sorted, then merged.
    fn trigger_positions_by_sorting(ex: &Extractor, ctx: &Ctx<'_>) -> Vec<(usize, GrammarSet)> {
        let text = ctx.view.as_str();
        let mut all: Vec<(usize, GrammarSet)> = ex.words.as_ref().map_or(Vec::new(), |ac| {
            ac.find_overlapping_iter(text)
                .filter_map(|m| {
                    let set = ex.word_trigger(ctx, m.start(), m.end(), m.pattern())?;
                    Some((m.start(), set))
                })
                .collect()
        });
        if !ex.digit_grammars.is_empty() {
            all.extend(
                number_starts(text.as_bytes())
                    .into_iter()
                    .map(|at| (at, ex.digit_grammars)),
            );
        }
        all.sort_by_key(|&(at, _)| at);
        let mut merged: Vec<(usize, GrammarSet)> = Vec::new();
        for (at, set) in all {
            match merged.last_mut() {
                Some(last) if last.0 == at => last.1 = last.1.union(set),
                _ => merged.push((at, set)),
            }
        }
        merged
    }

    proptest::proptest! {
        #[test]
        fn placing_trigger_positions_segment_by_segment_gives_the_sorted_merge_of_the_whole(
            pieces in proptest::collection::vec((0usize..1000, 0usize..4), 0..80),
            person_only in proptest::bool::ANY,
            // segments of any length, the driver's among them
            min_len in proptest::prop_oneof![0usize..64, proptest::strategy::Just(SEGMENT)],
        ) {
            static PEOPLE: OnceLock<Extractor> = OnceLock::new();
            let ex = if person_only {
                PEOPLE.get_or_init(|| Extractor::builder().kinds([RecordKind::Person]).build().unwrap())
            } else {
                default_extractor()
            };
            // trigger words, some capitalised, run together or apart, among numbers
            const OTHERS: [&str; 8] = ["5", "12", "2020", "3,5", "Văn", "Hà", "x", "-"];
            let mut text = String::new();
            for (i, gap) in pieces {
                let piece = ex.patterns.get(i).map_or(OTHERS[i % OTHERS.len()], String::as_str);
                text.push_str(piece);
                text.push_str(["", " ", ", ", "."][gap]);
            }
            let view = Normalized::new(&text);
            let ctx = Ctx::new(&view, &text, None);
            proptest::prop_assert_eq!(
                ex.trigger_positions_cut(&ctx, min_len),
                trigger_positions_by_sorting(ex, &ctx)
            );
        }
    }

    #[test]
    fn an_extraction_after_others_on_the_thread_reads_as_the_first() {
        let ex = default_extractor();
        let short = "Đảng bộ có 12 chi bộ, 345 đảng viên; ngày 26/3/2018 ban hành Quy định số 28.";
        let long = "Năm 2020,  98,5%\u{200B} đảng viên &#7843; hoàn thành.\n".repeat(300);
        let first = ex.extract(short);
        assert!(first.records.len() >= 3);
        ex.extract(&long);
        assert_eq!(ex.extract(short), first);
        assert_eq!(ex.extract(&long), ex.extract(&long));
    }

    #[test]
    fn trigger_positions_are_sorted_and_unique() {
        let ex = Extractor::builder().build().unwrap();
        let text = "Năm 2020, hơn 5 chi bộ; chưa đến 12 đảng viên ngày 3/2, Trần Văn A.";
        let view = Normalized::new(text);
        let starts = ex.trigger_positions(&Ctx::new(&view, text, None));
        assert!(starts.windows(2).all(|w| w[0].0 < w[1].0), "{starts:?}");
        assert!(starts.iter().all(|(_, set)| !set.is_empty()));
    }
}
