//! A panic-free, case- and tone-placement-insensitive keyword matcher.
//!
//! nom's `tag_no_case` panics on some inputs (a Kelvin sign before a word) and does
//! not see NFD text as NFC. Here keywords are written in plain NFC Vietnamese, folded
//! once (on first use) exactly as [`Normalized`](super::normalize::Normalized) folds
//! the text, and then compared byte for byte with the normalised view.

use std::sync::OnceLock;

use nom::error::{Error, ErrorKind};
use nom::IResult;

use super::normalize::{fold, is_word_char};

/// One keyword, folded on first use.
pub(crate) struct Keyword {
    written: &'static str,
    folded: OnceLock<String>,
}

impl Keyword {
    /// A keyword as written in plain Vietnamese ("tháng", "phần trăm").
    pub(crate) const fn new(written: &'static str) -> Self {
        Keyword {
            written,
            folded: OnceLock::new(),
        }
    }

    /// The keyword in the normalised view's spelling.
    #[inline]
    pub(crate) fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold(self.written))
    }

    /// The byte length of the match at the start of `input`, which must end at a word
    /// boundary.
    #[inline]
    pub(crate) fn match_at(&self, input: &str) -> Option<usize> {
        let k = self.folded();
        (has_prefix(input, k) && ends_word(input, k.len())).then_some(k.len())
    }
}

/// A table of keywords with a value each; the longest match wins.
pub(crate) struct Lexicon<T: Copy + 'static> {
    entries: &'static [(&'static str, T)],
    folded: OnceLock<WordIndex<T>>,
}

/// Folded entries with a value each, for longest-match look-ups: in buckets by
/// their first two bytes, longest first, so that a look-up reads one bucket and
/// tells most of its entries apart from the text by their heads alone. Behind
/// [`Lexicon`], and behind any word list a grammar folds its own way.
pub(crate) struct WordIndex<T> {
    /// In the order they were given.
    entries: Vec<(String, T)>,
    /// Bucket `b` is `candidates[starts[b]..starts[b + 1]]`, longest first.
    starts: Vec<u16>,
    candidates: Vec<Candidate>,
    /// The entries of one or two bytes, which may start a text of any bucket.
    short: Vec<Candidate>,
    /// The bytes short entries start with.
    short_first_bytes: ByteSet,
    /// The bytes entries start with: most look-ups are at a digit or a word no
    /// entry starts like, and this turns them away before the bucket is found.
    first_bytes: ByteSet,
    /// The buckets that hold an entry: most words that pass the first byte still
    /// start no entry's first two bytes, and this turns them away without a call.
    occupied: BucketSet,
}

/// A set of buckets.
#[derive(Default)]
struct BucketSet([u64; (1 << BUCKET_BITS) / 64]);

impl BucketSet {
    fn insert(&mut self, b: usize) {
        self.0[b >> 6] |= 1 << (b & 63);
    }

    #[inline]
    fn contains(&self, b: usize) -> bool {
        self.0.get(b >> 6).is_some_and(|w| w >> (b & 63) & 1 == 1)
    }
}

/// A set of bytes.
#[derive(Default)]
struct ByteSet([u64; 4]);

impl ByteSet {
    fn insert(&mut self, b: u8) {
        self.0[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    #[inline]
    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] >> (b & 63) & 1 == 1
    }
}

/// An entry as a look-up compares it: what its head leaves to compare, and
/// whether a word boundary must follow it. Small, so that a bucket's few
/// candidates share a cache line or two.
#[derive(Clone, Copy)]
struct Candidate {
    head: Head,
    /// The entry's index in [`WordIndex::entries`].
    entry: u16,
    /// Its byte length.
    len: u16,
    /// The bytes before this the head has compared: the first eight, or none when
    /// the entry holds a NUL byte, which the head cannot tell from the end of a
    /// shorter text.
    head_checked: u8,
    /// Whether it ends with a letter or digit, so that the text must not go on
    /// with one.
    bounded: bool,
}

impl Candidate {
    fn new(entry: u16, k: &str) -> Self {
        Candidate {
            head: Head::of(k),
            entry,
            len: u16::try_from(k.len()).expect("a keyword is shorter than 65536 bytes"),
            head_checked: if k.contains('\0') {
                0
            } else {
                k.len().min(8) as u8
            },
            bounded: k
                .chars()
                .next_back()
                .is_some_and(|c| is_word_char(c) || c.is_ascii_digit()),
        }
    }

    /// Whether the entry, with bytes `k`, starts `input` and ends at a word
    /// boundary there, given that its head may start the text's head.
    #[inline]
    fn matches(&self, input: &str, k: &[u8]) -> bool {
        let (checked, len) = (usize::from(self.head_checked), usize::from(self.len));
        // a byte loop: the rest is short, and a call to memcmp costs more
        let rest_agrees = checked == len
            || input
                .as_bytes()
                .get(checked..len)
                .zip(k.get(checked..))
                .is_some_and(|(a, b)| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y));
        rest_agrees && !(self.bounded && word_char_at(input, len))
    }
}

/// 512 buckets: a few entries in each, and a small table per word list.
const BUCKET_BITS: u32 = 9;

/// The bucket of a text or an entry with at least three bytes: its first three
/// bytes, hashed. (Two would put every word that starts with "đ", "th" or "ng" in
/// the bucket of any entry that does.)
#[inline]
fn bucket(s: &str) -> Option<usize> {
    match *s.as_bytes() {
        [a, b, c, ..] => {
            let key = u32::from_le_bytes([a, b, c, 0]);
            Some((key.wrapping_mul(0x9E37_79B1) >> (32 - BUCKET_BITS)) as usize)
        }
        _ => None,
    }
}

/// Up to eight leading bytes, packed: an entry starts a text only if its head is
/// the text's head, masked to the entry's length.
#[derive(Clone, Copy)]
struct Head {
    bytes: u64,
    mask: u64,
}

impl Head {
    /// The head of an entry or a text.
    fn of(s: &str) -> Head {
        if let Some(eight) = s.as_bytes().first_chunk::<8>() {
            return Head {
                bytes: u64::from_le_bytes(*eight),
                mask: u64::MAX,
            };
        }
        let mut bytes = [0u8; 8];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Head {
            bytes: u64::from_le_bytes(bytes),
            mask: u64::MAX.checked_shr(8 * (8 - s.len() as u32)).unwrap_or(0),
        }
    }

    /// Whether `self`, an entry's head, may start a text with head `text`.
    fn may_start(self, text: Head) -> bool {
        text.bytes & self.mask == self.bytes
    }
}

impl<T: Copy> WordIndex<T> {
    /// The index of folded entries; the empty ones are never found.
    pub(crate) fn new(entries: Vec<(String, T)>) -> Self {
        let mut buckets = vec![Vec::new(); 1 << BUCKET_BITS];
        let mut short = Vec::new();
        let mut short_first_bytes = ByteSet::default();
        let mut first_bytes = ByteSet::default();
        let mut occupied = BucketSet::default();
        for (i, (k, _)) in entries.iter().enumerate() {
            if let Some(&b) = k.as_bytes().first() {
                first_bytes.insert(b);
            }
            let i = u16::try_from(i).expect("a word index has fewer than 65536 entries");
            match bucket(k) {
                Some(b) => {
                    occupied.insert(b);
                    buckets[b].push(Candidate::new(i, k));
                }
                None if !k.is_empty() => {
                    short_first_bytes.insert(k.as_bytes()[0]);
                    short.push(Candidate::new(i, k));
                }
                None => {}
            }
        }
        // longest first; a stable sort keeps the given order among equals
        short.sort_by_key(|c| std::cmp::Reverse(c.len));
        let mut starts = vec![0u16];
        let mut candidates = Vec::new();
        for mut b in buckets {
            b.sort_by_key(|c| std::cmp::Reverse(c.len));
            candidates.extend(b);
            starts.push(candidates.len() as u16);
        }
        WordIndex {
            entries,
            starts,
            candidates,
            short,
            short_first_bytes,
            first_bytes,
            occupied,
        }
    }

    /// The longest entry at the start of `input` ending at a word boundary:
    /// its value and byte length.
    #[inline]
    pub(crate) fn longest_at(&self, input: &str) -> Option<(T, usize)> {
        // inlined where it is called: most look-ups end here, without a call
        let &first = input.as_bytes().first()?;
        if !self.first_bytes.contains(first) {
            return None;
        }
        if !bucket(input).is_some_and(|b| self.occupied.contains(b))
            && !self.short_first_bytes.contains(first)
        {
            return None;
        }
        self.longest_in_bucket(input)
    }

    /// [`WordIndex::longest_at`] once the first bytes may start an entry: the
    /// bucket's entries are longer than the short ones, which come after.
    #[inline(never)]
    fn longest_in_bucket(&self, input: &str) -> Option<(T, usize)> {
        let found = match bucket(input) {
            Some(b) => self.longest_of(
                self.candidates
                    .get(usize::from(self.starts[b])..usize::from(self.starts[b + 1]))
                    .unwrap_or(&[]),
                input,
            ),
            None => None,
        };
        match found {
            None if !self.short.is_empty() => self.longest_of(&self.short, input),
            found => found,
        }
    }

    /// The first of `candidates` (longest first) that starts `input`.
    #[inline(always)]
    fn longest_of(&self, candidates: &[Candidate], input: &str) -> Option<(T, usize)> {
        let head = Head::of(input);
        // a plain loop, which the compiler inlines where an iterator chain's fold
        // stays a call
        for c in candidates {
            if !c.head.may_start(head) {
                continue;
            }
            let (k, t) = &self.entries[usize::from(c.entry)];
            if c.matches(input, k.as_bytes()) {
                return Some((*t, usize::from(c.len)));
            }
        }
        None
    }

    /// Whether `s` is an entry.
    pub(crate) fn contains(&self, s: &str) -> bool {
        let Some(&first) = s.as_bytes().first() else {
            return false;
        };
        if !self.first_bytes.contains(first) {
            return false;
        }
        let head = Head::of(s);
        [self.bucket_of(s), &self.short[..]].iter().any(|list| {
            list.iter().any(|c| {
                usize::from(c.len) == s.len()
                    && c.head.may_start(head)
                    && c.matches(s, self.entries[usize::from(c.entry)].0.as_bytes())
            })
        })
    }

    /// The candidates of the bucket of `s`.
    fn bucket_of(&self, s: &str) -> &[Candidate] {
        bucket(s).map_or(&[][..], |b| {
            &self.candidates[usize::from(self.starts[b])..usize::from(self.starts[b + 1])]
        })
    }

    /// Every entry, in the order given.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }
}

impl<T: Copy + 'static> Lexicon<T> {
    /// A table from `(keyword as written, value)` pairs.
    pub(crate) const fn new(entries: &'static [(&'static str, T)]) -> Self {
        Lexicon {
            entries,
            folded: OnceLock::new(),
        }
    }

    fn index(&self) -> &WordIndex<T> {
        self.folded.get_or_init(|| {
            let mut entries: Vec<(String, T)> =
                self.entries.iter().map(|(w, t)| (fold(w), *t)).collect();
            entries.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
            WordIndex::new(entries)
        })
    }

    /// The longest entry at the start of `input` ending at a word boundary:
    /// its value and byte length.
    #[inline]
    pub(crate) fn longest_at(&self, input: &str) -> Option<(T, usize)> {
        self.index().longest_at(input)
    }

    /// The folded spelling of every entry, for building trigger automata.
    pub(crate) fn folded_words(&self) -> impl Iterator<Item = &str> {
        self.index().words()
    }

    /// The entries as written.
    #[cfg(test)]
    pub(crate) fn written(&self) -> &'static [(&'static str, T)] {
        self.entries
    }
}

/// Whether `input` starts with `prefix`. Keywords are short and most comparisons fail
/// on their second byte: a byte loop that stops there beats a call to `memcmp`.
#[inline]
pub(crate) fn has_prefix(input: &str, prefix: &str) -> bool {
    let (input, prefix) = (input.as_bytes(), prefix.as_bytes());
    input.len() >= prefix.len() && input.iter().zip(prefix).all(|(a, b)| a == b)
}

/// Whether position `at` of `input` ends a word: what follows is neither a letter nor
/// a digit (a keyword that itself ends in a symbol needs no boundary).
#[inline]
pub(crate) fn ends_word(input: &str, at: usize) -> bool {
    !(word_char_before(input, at) && word_char_at(input, at))
}

/// Whether the character ending at `at` is a letter or a digit. Most are ASCII,
/// which one byte tells.
#[inline]
fn word_char_before(input: &str, at: usize) -> bool {
    match at.checked_sub(1).and_then(|i| input.as_bytes().get(i)) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => non_ascii_word_char_before(input, at),
    }
}

/// [`word_char_before`] past ASCII: kept out of line, so that the ASCII test
/// inlines into every boundary check.
#[inline(never)]
fn non_ascii_word_char_before(input: &str, at: usize) -> bool {
    input
        .get(..at)
        .and_then(|r| r.chars().next_back())
        .is_some_and(|c| is_word_char(c) || c.is_ascii_digit())
}

/// Whether the character starting at `at` is a letter or a digit.
#[inline]
fn word_char_at(input: &str, at: usize) -> bool {
    match input.as_bytes().get(at) {
        None => false,
        Some(&b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => non_ascii_word_char_at(input, at),
    }
}

/// [`word_char_at`] past ASCII: kept out of line, so that the ASCII test inlines
/// into every look-up.
#[inline(never)]
fn non_ascii_word_char_at(input: &str, at: usize) -> bool {
    input
        .get(at..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| is_word_char(c) || c.is_ascii_digit())
}

pub(crate) use super::normalize::word_len;

/// The byte length of the token (letters, their marks and digits) at the start of
/// `s`: a word or a number written inside free text.
pub(crate) fn token_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !(is_word_char(*c) || c.is_ascii_digit()))
        .map_or(s.len(), |(i, _)| i)
}

/// Whether position `at` of `input` starts a word: what precedes is neither a letter
/// nor a digit.
#[inline]
pub(crate) fn starts_word(input: &str, at: usize) -> bool {
    !word_char_before(input, at)
}

/// nom parser: the keyword, at a word boundary.
pub(crate) fn kw<'a>(k: &'static Keyword) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| match k.match_at(input) {
        Some(n) => Ok((&input[n..], &input[..n])),
        None => Err(nom::Err::Error(Error::new(input, ErrorKind::Tag))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_index_contains_exactly_its_entries() {
        let words = ["a", "ban", "ban chấp hành", "bí thư", "x\0y", "chi bộ"];
        let index = WordIndex::new(words.iter().map(|w| (fold(w), ())).collect());
        for w in words {
            assert!(index.contains(&fold(w)), "{w:?}");
        }
        for w in [
            "",
            "b",
            "ba",
            "bann",
            "ban chấp",
            "ban chấp hành ",
            "x",
            "x\0",
            "chi bộ x",
        ] {
            assert!(!index.contains(&fold(w)), "{w:?}");
        }
    }

    static THANG: Keyword = Keyword::new("tháng");
    static UY_BAN: Keyword = Keyword::new("ủy ban");
    static APPROX: Lexicon<u8> = Lexicon::new(&[("chưa", 1), ("chưa đến", 2)]);

    #[test]
    fn keyword_matches_any_spelling_at_a_word_boundary() {
        assert_eq!(THANG.match_at(&fold("THÁNG 3")), Some("tháng".len()));
        assert_eq!(THANG.match_at(&fold("thángx")), None);
        assert_eq!(THANG.match_at(&fold("than")), None);
        assert!(UY_BAN.match_at(&fold("Uỷ ban nhân dân")).is_some());
    }

    #[test]
    fn lexicon_prefers_the_longest_entry() {
        assert_eq!(APPROX.longest_at(&fold("chưa đến 5")).map(|x| x.0), Some(2));
        assert_eq!(APPROX.longest_at(&fold("chưa có")).map(|x| x.0), Some(1));
        assert_eq!(APPROX.written().len(), 2);
    }

    #[test]
    fn one_byte_entries_are_found_behind_any_bucket() {
        static SIGNS: Lexicon<u8> = Lexicon::new(&[("%", 1), ("% số", 2), ("x", 3)]);
        assert_eq!(SIGNS.longest_at("%"), Some((1, 1)));
        assert_eq!(SIGNS.longest_at("% số"), Some((2, "% số".len())));
        assert_eq!(SIGNS.longest_at("% đảng viên"), Some((1, 1)));
        assert_eq!(SIGNS.longest_at("x 5"), Some((3, 1)));
        assert_eq!(SIGNS.longest_at("xy"), None);
        assert_eq!(SIGNS.longest_at(""), None);
    }

    #[test]
    fn a_head_rules_out_what_the_entry_cannot_start() {
        let entry = Head::of("chi bộ");
        assert!(entry.may_start(Head::of("chi bộ cơ sở")));
        assert!(entry.may_start(Head::of("chi bộ")));
        assert!(!entry.may_start(Head::of("chi đoàn")));
        assert!(!entry.may_start(Head::of("chi")));
        let long = Head::of("tổ chức cơ sở đảng"); // longer than eight bytes
        assert!(long.may_start(Head::of("tổ chức cơ sở đảng")));
        assert!(long.may_start(Head::of("tổ chức đảng"))); // only a first filter
        assert!(!long.may_start(Head::of("tổ dân phố")));
        assert!(Head::of("").may_start(Head::of("x")));
    }

    /// The longest entry at the start of `input` ending at a word boundary, found by
    /// trying every entry: what the buckets and the first-byte filter must find.
    fn longest_by_trying_all<T: Copy>(lexicon: &Lexicon<T>, input: &str) -> Option<usize> {
        lexicon
            .folded_words()
            .filter(|k| !k.is_empty() && has_prefix(input, k) && ends_word(input, k.len()))
            .map(str::len)
            .max()
    }

    proptest::proptest! {
        #[test]
        fn lexicon_finds_what_trying_every_entry_finds(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "chưa", "chưa đến", "đến", "5", " ", ",", "x", "%", "% số", "số",
                    "chư", "đ", "\u{212A}", "á", "ba", "bà", "c", "tổ chức", " cơ sở",
                    " đảng", "tổ chức cơ", "a\0", "\0", "ở", "đã", "đó",
                ]),
                0..6,
            )
        ) {
            static WORDS: Lexicon<u8> = Lexicon::new(&[
                ("chưa", 1), ("chưa đến", 2), ("đến", 3), ("%", 4), ("% số", 5),
                ("x", 6), ("ba", 7), ("5", 8), ("tổ chức", 9), ("tổ chức cơ sở đảng", 10),
                ("a\0", 11), ("a\0\0", 12), ("tổ chức cơ sở", 13), ("đ", 14), ("ở", 15),
                ("đã", 16),
            ]);
            let input: String = pieces.concat();
            let found = WORDS.longest_at(&input).map(|(_, n)| n);
            proptest::prop_assert_eq!(found, longest_by_trying_all(&WORDS, &input));
        }
    }

    proptest::proptest! {
        #[test]
        fn word_ends_are_seen_as_by_their_characters(s in "[a-z0-9 ,.%\u{e0}-\u{ff}\u{1ea0}-\u{1ef9}\u{300}\u{212A}]{0,8}") {
            let is_word = |c: char| is_word_char(c) || c.is_ascii_digit();
            for at in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                let by_chars = !s[..at].chars().next_back().is_some_and(is_word)
                    || !s[at..].chars().next().is_some_and(is_word);
                proptest::prop_assert_eq!(ends_word(&s, at), by_chars);
                let starts_by_chars = !s[..at].chars().next_back().is_some_and(is_word);
                proptest::prop_assert_eq!(starts_word(&s, at), starts_by_chars);
            }
        }
    }

    #[test]
    fn kelvin_sign_does_not_panic() {
        let text = fold("\u{212A}tháng");
        assert_eq!(THANG.match_at(&text), None);
        assert!(kw(&THANG)(&text).is_err());
    }
}
