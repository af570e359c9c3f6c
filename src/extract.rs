//! The driver: find trigger positions, run the anchored grammars there, keep the
//! records that win the overlap policy, map them back to the original text.
//!
//! # Overlap policy
//! Records never overlap. Among candidates that do, the longer one wins (it read
//! more of the text); between equally long ones the richer one (more fields
//! filled), then the earlier one, then the grammar listed first.
//!
//! The driver is language-blind: the words it looks for come from the grammars.

use std::cmp::Reverse;
use std::collections::HashSet;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;

use crate::error::{Diagnostic, Error};
use crate::extraction::{Extraction, SCHEMA};
use crate::grammar::{Ctx, Grammar, Match, Trigger, GRAMMARS};
use crate::record::{Record, RecordKind};
use crate::text::keyword::{ends_word, starts_word};
use crate::text::normalize::Normalized;

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
    static DEFAULT: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(|| {
        Extractor::builder()
            .build()
            .expect("all kinds is a valid choice")
    })
}

/// An extractor with chosen options; build one with [`Extractor::builder`].
///
/// Building compiles the trigger automaton once; reuse the extractor across
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
    patterns: Vec<String>,
    reference_date: Option<NaiveDate>,
}

/// Work counters of one extraction, for proving linear time without a clock.
///
/// Every grammar call reads a bounded window of text (a few dozen words at most), so
/// the work of an extraction is linear in these counts; the linear-time tests check
/// that each count grows at most linearly with the input.
///
/// ```
/// let ex = baocao::Extractor::builder().build().unwrap();
/// let (_, small) = ex.extract_with_stats(&"Có 5 chi bộ. ".repeat(100));
/// let (_, large) = ex.extract_with_stats(&"Có 5 chi bộ. ".repeat(200));
/// assert!(large.grammar_calls <= 2 * small.grammar_calls);
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
        let words = if patterns.is_empty() {
            None
        } else {
            Some(AhoCorasick::new(&patterns).expect("trigger words are small"))
        };
        Ok(Extractor {
            grammars,
            words,
            word_grammars,
            capitalised_grammars,
            digit_grammars,
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
    pub fn extract(&self, text: &str) -> Extraction {
        self.extract_with_stats(text).0
    }

    /// [`Extractor::extract`], with the work it did.
    pub fn extract_with_stats(&self, text: &str) -> (Extraction, Stats) {
        let mut stats = Stats {
            bytes: text.len(),
            ..Stats::default()
        };
        let view = Normalized::new(text);
        stats.normalised_bytes = view.as_str().len();
        let mut ctx = Ctx::new(&view, text, self.reference_date);
        let candidates = self.candidates(&mut ctx, &mut stats);
        stats.candidates = candidates.len();
        stats.candidate_bytes = candidates.iter().map(|(_, m)| m.end - m.start).sum();
        let keep = overlap_policy(&candidates);
        let mut winners: Vec<Match> = candidates
            .into_iter()
            .zip(keep)
            .filter_map(|((_, m), keep)| keep.then_some(m))
            .collect();
        // Candidates come in order of trigger position, which is nearly always the
        // order of their starts; sorting is then a check.
        if !winners.is_sorted_by_key(|m| m.start) {
            winners.sort_by_key(|m| m.start);
        }
        let checks = crate::grammar::relate(view.as_str(), &mut winners);
        let mut diagnostics = std::mem::take(&mut ctx.diagnostics);
        let mut records = Vec::with_capacity(winners.len());
        for m in winners {
            let span = view.original_span(m.start, m.end);
            diagnostics.extend(m.diagnostics);
            records.push(Record {
                span,
                text: text[span.range()].to_string(),
                data: m.data,
            });
        }
        let extraction = Extraction {
            schema: SCHEMA.to_string(),
            source: None,
            records,
            checks,
            diagnostics: dedup(diagnostics),
        };
        (extraction, stats)
    }

    /// Every grammar match at every trigger position, in order of position and then
    /// of grammar.
    fn candidates(&self, ctx: &mut Ctx<'_>, stats: &mut Stats) -> Vec<(usize, Match)> {
        let starts = self.trigger_positions(ctx);
        stats.trigger_positions = starts.len();
        stats.grammar_calls = starts.iter().map(|(_, set)| set.len()).sum();
        let text_len = ctx.view.as_str().len();
        let mut out = Vec::new();
        for (at, set) in starts {
            for g in set.iter() {
                if let Some(m) = (self.grammars[g].parse)(ctx, at) {
                    if m.start < m.end && m.end <= text_len {
                        out.push((g, m));
                    }
                }
            }
        }
        out
    }

    /// Where grammars start, sorted, each position once with the grammars to try:
    /// trigger words at word boundaries and the first digit of every digit run.
    fn trigger_positions(&self, ctx: &Ctx<'_>) -> Vec<(usize, GrammarSet)> {
        let text = ctx.view.as_str();
        let mut words: Vec<(usize, GrammarSet)> = Vec::new();
        if let Some(ac) = &self.words {
            for m in ac.find_overlapping_iter(text) {
                if starts_word(text, m.start()) && ends_word(text, m.end()) {
                    let p = m.pattern().as_usize();
                    let mut set = self.word_grammars[p];
                    let capitalised = self.capitalised_grammars[p];
                    if !capitalised.is_empty() && ctx.starts_upper_case(m.start()) {
                        set = set.union(capitalised);
                    }
                    if !set.is_empty() {
                        words.push((m.start(), set));
                    }
                }
            }
        }
        // the automaton reports matches by their end; a few overlap
        words.sort_unstable_by_key(|&(at, _)| at);
        let digits = if self.digit_grammars.is_empty() {
            Vec::new()
        } else {
            digit_run_starts(text.as_bytes())
        };
        let digits = digits.into_iter().map(|i| (i, self.digit_grammars));
        let mut merged: Vec<(usize, GrammarSet)> = Vec::with_capacity(words.len());
        let mut words = words.into_iter().peekable();
        let mut digits = digits.peekable();
        loop {
            let next = match (words.peek(), digits.peek()) {
                (Some(w), Some(d)) if w.0 <= d.0 => words.next(),
                (Some(_), Some(_)) | (None, Some(_)) => digits.next(),
                (Some(_), None) => words.next(),
                (None, None) => break,
            };
            let Some((at, set)) = next else { break };
            match merged.last_mut() {
                Some(last) if last.0 == at => last.1 = last.1.union(set),
                _ => merged.push((at, set)),
            }
        }
        merged
    }
}

/// Where the runs of ASCII digits start.
fn digit_run_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut after_digit = false;
    for (i, &b) in bytes.iter().enumerate() {
        let digit = b.is_ascii_digit();
        if digit && !after_digit {
            starts.push(i);
        }
        after_digit = digit;
    }
    starts
}

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

/// Which candidates win: longer, then richer, then earlier, then the grammar listed
/// first. O(n log n).
fn overlap_policy(candidates: &[(usize, Match)]) -> Vec<bool> {
    // Sort small keys, not the matches themselves.
    let mut order: Vec<_> = candidates
        .iter()
        .enumerate()
        .map(|(i, (g, m))| {
            (
                Reverse(m.end - m.start),
                Reverse(m.richness),
                m.start,
                *g,
                i,
            )
        })
        .collect();
    order.sort_unstable();
    let mut keep = vec![false; candidates.len()];
    let text_end = candidates.iter().map(|(_, m)| m.end).max().unwrap_or(0);
    let mut taken = ByteSet::new(text_end);
    for (.., i) in order {
        let m = &candidates[i].1;
        if !taken.any(m.start, m.end) {
            taken.fill(m.start, m.end);
            keep[i] = true;
        }
    }
    keep
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
