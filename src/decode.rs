//! Decoding bytes into text: UTF-8, or the legacy Vietnamese 8-bit encodings TCVN3
//! (ABC) and VNI, with a map from every position of the decoded text back to the
//! original bytes.
//!
//! Old office documents were typed with TCVN3 or VNI fonts; their text reaches us
//! either as the raw bytes, or already read as Windows-1252 and stored as UTF-8 (it
//! then shows as "®¶ng viªn" for "đảng viên", or "ñaûng vieân" in VNI). [`decode`]
//! reads both, and plain UTF-8, and tells which it read with a confidence.
//!
//! # How the encoding is chosen
//! 1. Bytes that are valid UTF-8 and pure ASCII (after an optional byte-order
//!    mark) read the same in every encoding: UTF-8, confidence 1.
//! 2. Valid UTF-8 with a character that Windows-1252 cannot write (ả, đ, ơ, …)
//!    cannot be legacy text read as Windows-1252: UTF-8, confidence 1.
//! 3. Otherwise each possible reading is decoded — for valid UTF-8: the text as it
//!    is, and TCVN3 and VNI applied to its Windows-1252 bytes; for invalid UTF-8:
//!    TCVN3 and VNI applied to the bytes — and scored on its first 64 KiB. Every
//!    word (a run between spaces, ASCII punctuation and digits) that has a
//!    non-ASCII character is *plausible* when it is a Vietnamese syllable in shape:
//!    only Vietnamese letters, at most one tone mark, at most seven letters, no
//!    capital after a small letter. A reading with `g` plausible and `b`
//!    implausible words has the net evidence `g − b`; the most wins, ties going to
//!    UTF-8, then TCVN3, then VNI.
//! 4. Invalid UTF-8 is decoded as TCVN3 or VNI only when the winning reading has
//!    more plausible words than implausible ones; otherwise it is an
//!    [`Error::InvalidUtf8`] naming the offset of the first invalid byte
//!    ([`decode_lossy`] then replaces the invalid runs instead).
//!
//! The confidence is the winner's share of `4^(g − b)` over the readings tried:
//! each word of net evidence counts as odds of 4 to 1 (a word of the right reading
//! is taken as four times likelier to look Vietnamese than one of a wrong
//! reading). Ten clean words against a garbled reading give 0.999 and more; one
//! word, 0.8; no evidence at all, an even share.
//!
//! # What the tables cover
//! Every Vietnamese letter with every tone, in both cases where the encoding has
//! them (see the `tables` module for where each table was checked). TCVN3 is read
//! as TCVN 5712:1993 VN1, the superset of the VN3 set that ABC's fonts use: text
//! written with ABC's all-capitals fonts (`.VnTimeH`) stores capitals with the
//! lower-case codes, so it decodes as lower case — the case was in the font, not in
//! the bytes. VNI pairs a base letter with a mark byte; a capital base with a
//! small mark (or the reverse) is read too, with the case of the base. Bytes that
//! no table lists read as Windows-1252. A UTF-8 byte-order mark before legacy bytes
//! is kept as U+FEFF (the normalised view drops it).
//!
//! Not supported: Windows-1258, VISCII, VPS, VIQR and UTF-16 input; text that
//! mixes encodings within one file.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::char::{compose, decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::extract::Extractor;
use crate::extraction::Extraction;
use crate::span::Span;

#[doc(hidden)]
pub mod __fuzz;
mod tables;

/// A text encoding that [`decode`] recognises.
///
/// ```
/// use baocao::Encoding;
/// let e: Encoding = "tcvn3".parse().unwrap();
/// assert_eq!(e, Encoding::Tcvn3);
/// assert_eq!(e.to_string(), "tcvn3");
/// assert_eq!("ABC".parse::<Encoding>().unwrap(), Encoding::Tcvn3);
/// assert!("latin1".parse::<Encoding>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 (ASCII included).
    Utf8,
    /// TCVN3 (TCVN 5712:1993, the "ABC" fonts `.VnTime`, `.VnArial`…): one byte a
    /// letter.
    Tcvn3,
    /// VNI Windows (the `VNI-Times` fonts): a base letter and a mark byte.
    Vni,
}

impl Encoding {
    /// Every encoding, in the order ties are broken.
    pub const ALL: [Encoding; 3] = [Encoding::Utf8, Encoding::Tcvn3, Encoding::Vni];

    /// The short name used on command lines and in messages: `utf8`, `tcvn3`, `vni`.
    ///
    /// ```
    /// assert_eq!(baocao::Encoding::Vni.name(), "vni");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf8",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
        }
    }
}

impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Encoding {
    type Err = Error;

    /// Reads `utf8`/`utf-8`, `tcvn3`/`abc`, `vni`, in any case.
    ///
    /// # Errors
    /// [`Error::Parse`] for any other name.
    ///
    /// ```
    /// assert_eq!("UTF-8".parse::<baocao::Encoding>().unwrap(), baocao::Encoding::Utf8);
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "utf8" | "utf-8" => Ok(Encoding::Utf8),
            "tcvn3" | "tcvn" | "abc" => Ok(Encoding::Tcvn3),
            "vni" => Ok(Encoding::Vni),
            _ => Err(Error::Parse {
                what: "an encoding",
                input: s.to_string(),
                offset: 0,
                reason: "expected utf8, tcvn3 or vni".to_string(),
            }),
        }
    }
}

/// Decoded text, the encoding it was read in, and a map back to the original bytes.
///
/// Every character of [`text`](Decoded::text) comes from one contiguous run of the
/// original bytes (a VNI letter from two bytes, a UTF-8 character from its own
/// bytes, a U+FFFD from one invalid run), in order, so any span of the text maps to
/// the exact bytes it was read from.
///
/// ```
/// // "Có 5 đảng viên" in TCVN3
/// let bytes = b"C\xe3 5 \xae\xb6ng vi\xaan";
/// let decoded = baocao::decode(bytes).unwrap();
/// assert_eq!(decoded.text(), "Có 5 đảng viên");
/// assert_eq!(decoded.encoding(), baocao::Encoding::Tcvn3);
///
/// let out = decoded.extract();
/// let count = &out.records[0];
/// assert_eq!(count.text, "5 đảng viên");          // the decoded text
/// assert_eq!(&bytes[count.span.range()], b"5 \xae\xb6ng vi\xaan"); // the original bytes
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    text: String,
    encoding: Encoding,
    confidence: f32,
    from_mojibake: bool,
    replaced: Vec<Span>,
    /// `map[i]`: the original offset of decoded byte `i`, one extra entry for the
    /// end. `None` when the text is the input itself.
    map: Option<Vec<usize>>,
    original_len: usize,
}

impl Decoded {
    /// The decoded text.
    ///
    /// ```
    /// let d = baocao::decode("Chi bộ".as_bytes()).unwrap();
    /// assert_eq!(d.text(), "Chi bộ");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The decoded text, by value.
    ///
    /// ```
    /// let s: String = baocao::decode(b"abc").unwrap().into_text();
    /// assert_eq!(s, "abc");
    /// ```
    pub fn into_text(self) -> String {
        self.text
    }

    /// The encoding the bytes were read in.
    ///
    /// ```
    /// let d = baocao::decode(b"\xf1a\xfbng vie\xe2n").unwrap(); // VNI
    /// assert_eq!(d.encoding(), baocao::Encoding::Vni);
    /// assert_eq!(d.text(), "đảng viên");
    /// ```
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// How sure the choice of encoding is, from 0 to 1 (see the module
    /// documentation for how it is computed). 1 for ASCII and for UTF-8 that no
    /// legacy encoding could have produced; for an encoding given by the caller,
    /// the share of plausible words; for [`decode_utf8_lossy`], the share of bytes
    /// that were valid.
    ///
    /// ```
    /// assert_eq!(baocao::decode("Đảng".as_bytes()).unwrap().confidence(), 1.0);
    /// let d = baocao::decode(b"\xa7\xb6ng b\xe9 x\xb7 c\xe3 120 \xae\xb6ng vi\xaan").unwrap();
    /// assert!(d.confidence() > 0.5, "{}", d.confidence());
    /// ```
    pub fn confidence(&self) -> f32 {
        self.confidence
    }

    /// Whether the legacy text came already read as Windows-1252 and stored as
    /// UTF-8 (it looked like "®¶ng viªn"); the map then points into that UTF-8.
    ///
    /// ```
    /// let d = baocao::decode("®¶ng viªn".as_bytes()).unwrap();
    /// assert_eq!(d.text(), "đảng viên");
    /// assert!(d.from_mojibake());
    /// ```
    pub fn from_mojibake(&self) -> bool {
        self.from_mojibake
    }

    /// The original byte spans that were not valid UTF-8 and were replaced by one
    /// U+FFFD each ([`decode_lossy`], [`decode_utf8_lossy`]); empty otherwise.
    ///
    /// ```
    /// let d = baocao::decode_utf8_lossy(b"5 \xff\xfe chi b\xe1\xbb\x99");
    /// assert_eq!(d.text(), "5 \u{FFFD} chi bộ");
    /// assert_eq!(d.replaced(), &[baocao::Span::new(2, 4)]);
    /// ```
    pub fn replaced(&self) -> &[Span] {
        &self.replaced
    }

    /// The length of the original input, in bytes.
    ///
    /// ```
    /// assert_eq!(baocao::decode(b"\xf1a\xfbng").unwrap().original_len(), 5);
    /// ```
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// The original byte offset of a byte offset into [`text`](Decoded::text):
    /// where the character at that offset was read from (the end of the input for
    /// the end of the text). Offsets past the end are clamped; an offset inside a
    /// character gives that character's start.
    ///
    /// ```
    /// let d = baocao::decode(b"\xf1a\xfbng").unwrap(); // VNI "đảng"
    /// assert_eq!(d.text(), "đảng");
    /// assert_eq!(d.original_offset(2), 1); // "ả" (decoded byte 2) starts at byte 1
    /// assert_eq!(d.original_offset(5), 3); // "n"
    /// assert_eq!(d.original_offset(7), 5); // the end
    /// ```
    pub fn original_offset(&self, offset: usize) -> usize {
        let at = offset.min(self.text.len());
        match &self.map {
            None => at,
            Some(map) => map[at],
        }
    }

    /// The original bytes a span of [`text`](Decoded::text) was read from.
    ///
    /// ```
    /// let bytes = b"\xf1a\xfbng vie\xe2n"; // VNI "đảng viên"
    /// let d = baocao::decode(bytes).unwrap();
    /// let at = d.text().find("viên").unwrap();
    /// let span = d.original_span(baocao::Span::new(at, at + "viên".len()));
    /// assert_eq!(&bytes[span.range()], b"vie\xe2n");
    /// ```
    pub fn original_span(&self, span: Span) -> Span {
        Span::new(
            self.original_offset(span.start),
            self.original_offset(span.end),
        )
    }

    /// Extracts every record kind, with spans into the ORIGINAL bytes; each
    /// record's `text` is the decoded text it was read from. For UTF-8 input the
    /// result is the same as [`extract`](crate::extract) on the text.
    ///
    /// ```
    /// let bytes = b"Ng\xb5y 26/3/2018"; // TCVN3 "Ngày 26/3/2018"
    /// let out = baocao::decode(bytes).unwrap().extract();
    /// assert_eq!(out.records[0].text, "Ngày 26/3/2018");
    /// assert_eq!(out.records[0].span, baocao::Span::new(0, bytes.len()));
    /// ```
    pub fn extract(&self) -> Extraction {
        static DEFAULT: OnceLock<Extractor> = OnceLock::new();
        let extractor = DEFAULT.get_or_init(|| {
            Extractor::builder()
                .build()
                .expect("all kinds is a valid choice")
        });
        self.extract_with(extractor)
    }

    /// Like [`Decoded::extract`], with a chosen extractor.
    ///
    /// ```
    /// use baocao::{Extractor, RecordKind};
    /// let ex = Extractor::builder().kinds([RecordKind::Date]).build().unwrap();
    /// let out = baocao::decode(b"n\xa8m 2018").unwrap().extract_with(&ex); // "năm 2018"
    /// assert_eq!(out.records.len(), 1);
    /// assert_eq!(out.records[0].text, "năm 2018");
    /// ```
    pub fn extract_with(&self, extractor: &Extractor) -> Extraction {
        let mut out = extractor.extract(&self.text);
        if self.map.is_some() {
            for r in &mut out.records {
                r.span = self.original_span(r.span);
            }
            for d in &mut out.diagnostics {
                d.span = self.original_span(d.span);
            }
        }
        out
    }
}

/// Decodes bytes in the encoding they appear to be in (UTF-8, TCVN3 or VNI; see
/// the module documentation for the heuristic).
///
/// # Errors
/// [`Error::InvalidUtf8`] when the bytes are not valid UTF-8 and do not read as
/// TCVN3 or VNI text either; it names the offset of the first invalid byte.
///
/// ```
/// let utf8 = baocao::decode("Chỉ thị số 05-CT/TW".as_bytes()).unwrap();
/// assert_eq!(utf8.encoding(), baocao::Encoding::Utf8);
///
/// let tcvn3 = baocao::decode(b"Ch\xd8 th\xde s\xe8 05-CT/TW").unwrap();
/// assert_eq!(tcvn3.text(), "Chỉ thị số 05-CT/TW");
///
/// let err = baocao::decode(b"Ch\xe1\xbb").unwrap_err(); // truncated UTF-8
/// assert_eq!(err, baocao::Error::InvalidUtf8 { offset: 2 });
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(guess_valid_utf8(s)),
        Err(e) => guess_invalid_utf8(bytes, e.valid_up_to()),
    }
}

/// Decodes bytes in the given encoding.
///
/// For TCVN3 and VNI, input that is valid UTF-8 with non-ASCII characters is taken
/// as legacy text already read as Windows-1252 ("®¶ng viªn"): each character that
/// Windows-1252 can write is decoded from its byte, any other passes through.
///
/// # Errors
/// [`Error::InvalidUtf8`] for [`Encoding::Utf8`] when the bytes are not UTF-8.
/// TCVN3 and VNI read every byte: they never fail.
///
/// ```
/// use baocao::{decode_as, Encoding};
/// assert_eq!(decode_as(b"\xae\xb6ng", Encoding::Tcvn3).unwrap().text(), "đảng");
/// assert_eq!(decode_as(b"\xae\xb6ng", Encoding::Vni).unwrap().text(), "®¶ng");
/// assert!(decode_as(b"\xae\xb6ng", Encoding::Utf8).is_err());
/// ```
pub fn decode_as(bytes: &[u8], encoding: Encoding) -> Result<Decoded, Error> {
    let utf8 = std::str::from_utf8(bytes);
    let Some(legacy) = Legacy::of(encoding) else {
        return match utf8 {
            Ok(s) => Ok(identity(s, 1.0)),
            Err(e) => Err(Error::InvalidUtf8 {
                offset: e.valid_up_to(),
            }),
        };
    };
    let (text, map, from_mojibake) = match utf8 {
        Ok(s) if !s.is_ascii() => {
            let (text, map) = run(legacy, mojibake_units(s), s.len());
            (text, map, true)
        }
        _ => {
            let (text, map) = run(legacy, raw_units(bytes), bytes.len());
            (text, map, false)
        }
    };
    let (g, b) = plausibility(sample(&text));
    Ok(Decoded::legacy(
        text,
        map,
        encoding,
        share(g, b),
        from_mojibake,
        bytes.len(),
    ))
}

/// Like [`decode`], but never fails: bytes that are neither UTF-8 nor TCVN3 or VNI
/// are read as UTF-8 with each invalid run replaced by one U+FFFD, and listed in
/// [`Decoded::replaced`].
///
/// ```
/// let d = baocao::decode_lossy(b"C\xf3 91 t\xe1\xbb\x95 ch\xe1\xbb\xa9c c\xc6\xa1 s\xe1\xbb\x9f \xc4\x91\xe1\xba\xa3ng");
/// assert_eq!(d.text(), "C\u{FFFD} 91 tổ chức cơ sở đảng");
/// assert_eq!(d.replaced(), &[baocao::Span::new(1, 2)]);
/// assert_eq!(d.extract().records[0].text, "91 tổ chức cơ sở đảng");
/// ```
pub fn decode_lossy(bytes: &[u8]) -> Decoded {
    decode(bytes).unwrap_or_else(|_| decode_utf8_lossy(bytes))
}

/// Reads bytes as UTF-8, replacing each maximal run of invalid bytes by one U+FFFD
/// and listing the runs in [`Decoded::replaced`]. Never tries a legacy encoding.
///
/// ```
/// let d = baocao::decode_utf8_lossy(b"\xae\xb6ng");
/// assert_eq!(d.text(), "\u{FFFD}ng");
/// assert_eq!(d.replaced(), &[baocao::Span::new(0, 2)]);
/// assert_eq!(d.original_span(baocao::Span::new(0, 3)), baocao::Span::new(0, 2));
/// ```
pub fn decode_utf8_lossy(bytes: &[u8]) -> Decoded {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return identity(s, 1.0);
    }
    let mut out = Builder::with_capacity(bytes.len());
    let mut replaced: Vec<Span> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(s) => {
                out.push_str(s, at);
                at = bytes.len();
            }
            Err(e) => {
                let valid = e.valid_up_to();
                let good = std::str::from_utf8(&bytes[at..at + valid]).unwrap_or_default();
                out.push_str(good, at);
                let start = at + valid;
                let end = e.error_len().map_or(bytes.len(), |n| start + n);
                match replaced.last_mut() {
                    // adjacent to the run before: one run, one U+FFFD
                    Some(last) if last.end == start && valid == 0 => last.end = end,
                    _ => {
                        out.push('\u{FFFD}', start);
                        replaced.push(Span::new(start, end));
                    }
                }
                at = end;
            }
        }
    }
    let (text, map) = out.finish(bytes.len());
    let bad: usize = replaced.iter().map(Span::len).sum();
    Decoded {
        text,
        encoding: Encoding::Utf8,
        confidence: 1.0 - bad as f32 / bytes.len().max(1) as f32,
        from_mojibake: false,
        replaced,
        map: Some(map),
        original_len: bytes.len(),
    }
}

/// Decodes `bytes` (see [`decode`]) and extracts every record kind, with spans into
/// the original bytes (see [`Decoded::extract`]).
///
/// # Errors
/// As [`decode`].
///
/// ```
/// let bytes = b"K\xd5t n\xb9p 195 \xae\xb6ng vi\xaan m\xedi"; // TCVN3
/// let (decoded, out) = baocao::extract_bytes(bytes)?;
/// assert_eq!(decoded.encoding(), baocao::Encoding::Tcvn3);
/// let r = &out.records[0];
/// assert_eq!(r.kind(), baocao::RecordKind::MemberCount);
/// assert_eq!(decoded.original_len(), bytes.len());
/// assert!(r.span.end <= bytes.len());
/// # Ok::<(), baocao::Error>(())
/// ```
pub fn extract_bytes(bytes: &[u8]) -> Result<(Decoded, Extraction), Error> {
    let decoded = decode(bytes)?;
    let out = decoded.extract();
    Ok((decoded, out))
}

impl Decoded {
    fn legacy(
        text: String,
        map: Vec<usize>,
        encoding: Encoding,
        confidence: f32,
        from_mojibake: bool,
        original_len: usize,
    ) -> Self {
        Decoded {
            text,
            encoding,
            confidence,
            from_mojibake,
            replaced: Vec::new(),
            map: Some(map),
            original_len,
        }
    }
}

fn identity(s: &str, confidence: f32) -> Decoded {
    Decoded {
        text: s.to_string(),
        encoding: Encoding::Utf8,
        confidence,
        from_mojibake: false,
        replaced: Vec::new(),
        map: None,
        original_len: s.len(),
    }
}

/// How much of the input the heuristic reads.
const SAMPLE: usize = 64 * 1024;

fn guess_valid_utf8(s: &str) -> Decoded {
    let body = s.strip_prefix('\u{FEFF}').unwrap_or(s);
    if body.is_ascii()
        || !body
            .chars()
            .all(|c| c.is_ascii() || cp1252_byte(c).is_some())
    {
        return identity(s, 1.0);
    }
    let mut cut = s.len().min(SAMPLE);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let mut scores = vec![(Encoding::Utf8, plausibility(head))];
    for legacy in [Legacy::Tcvn3, Legacy::Vni] {
        let (text, _) = run(legacy, mojibake_units(head), head.len());
        scores.push((legacy.encoding(), plausibility(&text)));
    }
    let (winner, confidence) = choose(&scores);
    match Legacy::of(winner) {
        None => identity(s, confidence),
        Some(legacy) => {
            let (text, map) = run(legacy, mojibake_units(s), s.len());
            Decoded::legacy(text, map, winner, confidence, true, s.len())
        }
    }
}

fn guess_invalid_utf8(bytes: &[u8], bad_at: usize) -> Result<Decoded, Error> {
    let head = &bytes[..bytes.len().min(SAMPLE)];
    let scores: Vec<(Encoding, (u32, u32))> = [Legacy::Tcvn3, Legacy::Vni]
        .into_iter()
        .map(|legacy| {
            let (text, _) = run(legacy, raw_units(head), head.len());
            (legacy.encoding(), plausibility(&text))
        })
        .collect();
    let (winner, confidence) = choose(&scores);
    let (g, b) = scores
        .iter()
        .find(|(e, _)| *e == winner)
        .map_or((0, 0), |s| s.1);
    let Some(legacy) = Legacy::of(winner).filter(|_| g > b) else {
        return Err(Error::InvalidUtf8 { offset: bad_at });
    };
    let (text, map) = run(legacy, raw_units(bytes), bytes.len());
    Ok(Decoded::legacy(
        text,
        map,
        winner,
        confidence,
        false,
        bytes.len(),
    ))
}

/// `p = (g + ½) / (g + b + 1)`: the share of plausible words, smoothed.
fn share(good: u32, bad: u32) -> f32 {
    (good as f32 + 0.5) / (good as f32 + bad as f32 + 1.0)
}

/// The reading with the most net evidence `g − b` (the first listed on a tie), and
/// its posterior `4^(g−b) / Σ 4^(gᵢ−bᵢ)`.
fn choose(scores: &[(Encoding, (u32, u32))]) -> (Encoding, f32) {
    let net = |&(g, b): &(u32, u32)| f64::from(g) - f64::from(b);
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if net(&s.1) > net(&scores[best].1) {
            best = i;
        }
    }
    let top = net(&scores[best].1);
    let total: f64 = scores
        .iter()
        .map(|s| 4f64.powf((net(&s.1) - top).max(-60.0)))
        .sum();
    (scores[best].0, (1.0 / total) as f32)
}

fn sample(text: &str) -> &str {
    let mut cut = text.len().min(SAMPLE);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    &text[..cut]
}

/// Counts the words with a non-ASCII character that are (good) and are not (bad)
/// shaped like a Vietnamese syllable.
fn plausibility(text: &str) -> (u32, u32) {
    let composed: String;
    let text = if text.chars().any(is_combining_mark) {
        composed = text.nfc().collect();
        &composed
    } else {
        text
    };
    let (mut good, mut bad) = (0u32, 0u32);
    for word in text.split(is_separator) {
        if word.is_ascii() {
            continue;
        }
        if is_syllable(word) {
            good += 1;
        } else {
            bad += 1;
        }
    }
    (good, bad)
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || c.is_control()
        || ('\u{2000}'..='\u{206F}').contains(&c)
        || c == '\u{FEFF}'
}

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// A word shaped like a Vietnamese syllable: Vietnamese letters only, at most one
/// tone mark, at most seven letters, no capital after a small letter.
fn is_syllable(word: &str) -> bool {
    let mut letters = 0;
    let mut tones = 0;
    let mut after_small = false;
    for c in word.chars() {
        letters += 1;
        if letters > 7 {
            return false;
        }
        if c.is_uppercase() && after_small {
            return false;
        }
        after_small = c.is_lowercase();
        if c.is_ascii_alphabetic() || matches!(c, 'đ' | 'Đ') {
            continue;
        }
        let mut base = None;
        let mut ok = true;
        decompose_canonical(c, |d| match base {
            None => base = Some(d.to_ascii_lowercase()),
            Some(b) => {
                let fits = match d {
                    '\u{302}' => matches!(b, 'a' | 'e' | 'o'),
                    '\u{306}' => b == 'a',
                    '\u{31B}' => matches!(b, 'o' | 'u'),
                    t if TONES.contains(&t) => {
                        tones += 1;
                        true
                    }
                    _ => false,
                };
                ok &= fits;
            }
        });
        if !ok || !base.is_some_and(|b| matches!(b, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')) {
            return false;
        }
        if base == Some(c) {
            return false; // not decomposable and not an ASCII letter
        }
    }
    tones <= 1
}

/// One unit of legacy input: a byte to look up, or a character that passes through.
#[derive(Debug, Clone, Copy)]
enum Unit {
    Byte(u8),
    Char(char),
}

/// Raw bytes, a UTF-8 byte-order mark first kept as U+FEFF.
fn raw_units(bytes: &[u8]) -> impl Iterator<Item = (Unit, usize)> + '_ {
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let skip = if bom { 3 } else { 0 };
    bom.then_some((Unit::Char('\u{FEFF}'), 0))
        .into_iter()
        .chain(
            bytes[skip..]
                .iter()
                .enumerate()
                .map(move |(i, &b)| (Unit::Byte(b), skip + i)),
        )
}

/// UTF-8 text whose characters are Windows-1252 readings of legacy bytes.
fn mojibake_units(s: &str) -> impl Iterator<Item = (Unit, usize)> + '_ {
    s.char_indices().map(|(i, c)| match cp1252_byte(c) {
        Some(b) => (Unit::Byte(b), i),
        None => (Unit::Char(c), i),
    })
}

/// The Windows-1252 byte of a character, if it has one (C1 controls included, as
/// the WHATWG index reads the five unassigned bytes).
fn cp1252_byte(c: char) -> Option<u8> {
    let n = u32::from(c);
    if n < 0x80 || (0xA0..=0xFF).contains(&n) {
        return u8::try_from(n).ok();
    }
    tables::CP1252_HIGH
        .iter()
        .position(|&h| h == c)
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// The encodings that [`run`] decodes through a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Legacy {
    Tcvn3,
    Vni,
}

impl Legacy {
    fn of(encoding: Encoding) -> Option<Legacy> {
        match encoding {
            Encoding::Utf8 => None,
            Encoding::Tcvn3 => Some(Legacy::Tcvn3),
            Encoding::Vni => Some(Legacy::Vni),
        }
    }

    fn encoding(self) -> Encoding {
        match self {
            Legacy::Tcvn3 => Encoding::Tcvn3,
            Legacy::Vni => Encoding::Vni,
        }
    }
}

fn run(
    encoding: Legacy,
    units: impl Iterator<Item = (Unit, usize)>,
    original_len: usize,
) -> (String, Vec<usize>) {
    let mut out = Builder::with_capacity(original_len);
    let t = lookup();
    match encoding {
        Legacy::Tcvn3 => {
            for (u, at) in units {
                match u {
                    Unit::Byte(b) => out.push(t.tcvn3[usize::from(b)], at),
                    Unit::Char(c) => out.push(c, at),
                }
            }
        }
        Legacy::Vni => {
            let mut units = units.peekable();
            while let Some((u, at)) = units.next() {
                let b = match u {
                    Unit::Byte(b) => b,
                    Unit::Char(c) => {
                        out.push(c, at);
                        continue;
                    }
                };
                if let Some(&(Unit::Byte(mark), _)) = units.peek() {
                    if let Some(c) = t.vni_pair(b, mark) {
                        units.next();
                        out.push(c, at);
                        continue;
                    }
                }
                out.push(t.vni_single[usize::from(b)], at);
            }
        }
    }
    out.finish(original_len)
}

/// The decoded text and its map, built one character at a time.
struct Builder {
    text: String,
    map: Vec<usize>,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Builder {
            text: String::with_capacity(n + n / 2),
            map: Vec::with_capacity(n + n / 2 + 1),
        }
    }

    /// Appends `c`, read from the original offset `origin`. A combining mark that
    /// composes with the character before it (TCVN3's separate tone marks) is
    /// composed, and the result keeps the earlier origin.
    fn push(&mut self, c: char, origin: usize) {
        if is_combining_mark(c) {
            if let Some(prev) = self.text.chars().next_back() {
                if let Some(composed) = compose(prev, c) {
                    let start = self.text.len() - prev.len_utf8();
                    let prev_origin = self.map[start];
                    self.text.truncate(start);
                    self.map.truncate(start);
                    self.text.push(composed);
                    self.map
                        .extend(std::iter::repeat_n(prev_origin, composed.len_utf8()));
                    return;
                }
            }
        }
        self.text.push(c);
        self.map.extend(std::iter::repeat_n(origin, c.len_utf8()));
    }

    /// Appends valid UTF-8 that maps to itself, starting at `origin`.
    fn push_str(&mut self, s: &str, origin: usize) {
        self.text.push_str(s);
        self.map.extend(origin..origin + s.len());
    }

    fn finish(mut self, original_len: usize) -> (String, Vec<usize>) {
        self.map.push(original_len);
        (self.text, self.map)
    }
}

/// Encodes `text` in a legacy encoding with the same tables (the inverse of
/// decoding): for tests and fuzz seeds. `None` when a character has no code, or
/// when the bytes would not decode back to `text` (a C0 control that TCVN3 reads
/// as a letter).
pub(crate) fn encode(text: &str, encoding: Encoding) -> Option<Vec<u8>> {
    let legacy = Legacy::of(encoding)?;
    let t = lookup();
    let mut out = Vec::with_capacity(text.len());
    for c in text.nfc() {
        match legacy {
            Legacy::Tcvn3 => {
                let b = (0..=255u8).find(|&b| t.tcvn3[usize::from(b)] == c)?;
                out.push(b);
            }
            Legacy::Vni => match tables::VNI.iter().find(|r| r.1 == c) {
                Some((glyphs, _)) => out.extend(glyphs.chars().filter_map(cp1252_byte)),
                None => out.push((0..=255u8).find(|&b| t.vni_single[usize::from(b)] == c)?),
            },
        }
    }
    let back = run(legacy, raw_units(&out), out.len()).0;
    (back == text.nfc().collect::<String>()).then_some(out)
}

/// The tables, indexed for decoding.
struct Lookup {
    tcvn3: [char; 256],
    vni_single: [char; 256],
    vni_pairs: HashMap<(u8, u8), char>,
}

impl Lookup {
    /// A VNI base and mark; a mark of the other case is read with the base's case.
    fn vni_pair(&self, base: u8, mark: u8) -> Option<char> {
        if mark < 0xC0 {
            return None;
        }
        self.vni_pairs
            .get(&(base, mark))
            .or_else(|| self.vni_pairs.get(&(base, mark ^ 0x20)))
            .copied()
    }
}

fn lookup() -> &'static Lookup {
    static LOOKUP: OnceLock<Lookup> = OnceLock::new();
    LOOKUP.get_or_init(|| {
        let windows_1252 = |b: u8| match b {
            0x80..=0x9F => tables::CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        };
        let mut tcvn3 = ['\0'; 256];
        let mut vni_single = ['\0'; 256];
        for b in 0..=255u8 {
            tcvn3[usize::from(b)] = windows_1252(b);
            vni_single[usize::from(b)] = windows_1252(b);
        }
        for (letters, bytes) in tables::TCVN3_TONED {
            for (c, b) in letters.chars().zip(bytes) {
                tcvn3[usize::from(b)] = c;
            }
        }
        for (c, b) in tables::TCVN3_OTHER {
            tcvn3[usize::from(b)] = c;
        }
        let mut vni_pairs = HashMap::new();
        for (glyphs, c) in tables::VNI {
            let bytes: Vec<u8> = glyphs.chars().filter_map(cp1252_byte).collect();
            match bytes.as_slice() {
                [b] => vni_single[usize::from(*b)] = c,
                [base, mark] => {
                    vni_pairs.insert((*base, *mark), c);
                }
                _ => unreachable!("a VNI letter is one or two bytes"),
            }
        }
        Lookup {
            tcvn3,
            vni_single,
            vni_pairs,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The 134 Vietnamese letters that ASCII lacks: 67 small, 67 capital.
    fn vietnamese_letters() -> Vec<char> {
        let mut small = vec!['ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ'];
        for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
            for tone in TONES {
                let s: String = format!("{base}{tone}").nfc().collect();
                let mut cs = s.chars();
                small.push(cs.next().unwrap());
                assert!(cs.next().is_none());
            }
        }
        let capital: Vec<char> = small.iter().flat_map(|c| c.to_uppercase()).collect();
        small.into_iter().chain(capital).collect()
    }

    #[test]
    fn tables_are_nfc_and_complete() {
        let letters = vietnamese_letters();
        assert_eq!(letters.len(), 134);
        let t = lookup();
        // TCVN3: every letter has exactly one byte.
        let tcvn3: Vec<char> = (0..=255).map(|b| t.tcvn3[b]).collect();
        for c in &letters {
            let n = tcvn3.iter().filter(|&&d| d == *c).count();
            assert_eq!(n, 1, "TCVN3 {c}");
        }
        // every byte 0x80–0xFF is assigned by the TCVN3 table (none is left to
        // Windows-1252), and no two bytes give the same character
        let table: HashSet<u8> = tables::TCVN3_TONED
            .iter()
            .flat_map(|r| r.1)
            .chain(tables::TCVN3_OTHER.iter().map(|r| r.1))
            .collect();
        for b in 0x80..=0xFF {
            assert!(table.contains(&b), "TCVN3 byte {b:#x} unassigned");
        }
        assert_eq!(table.len(), 24 * 5 + 20, "a byte is listed twice");
        // VNI: every letter once.
        let vni: Vec<char> = tables::VNI.iter().map(|r| r.1).collect();
        for c in &letters {
            assert_eq!(vni.iter().filter(|&&d| d == *c).count(), 1, "VNI {c}");
        }
        for (glyphs, c) in tables::VNI {
            assert!(
                unicode_normalization::is_nfc(glyphs)
                    && unicode_normalization::is_nfc(&c.to_string())
            );
        }
        for (letters, _) in tables::TCVN3_TONED {
            assert!(unicode_normalization::is_nfc(letters) && letters.chars().count() == 5);
        }
    }

    #[test]
    fn tcvn3_rows_follow_the_tone_order() {
        for (letters, _) in tables::TCVN3_TONED {
            let tones: Vec<char> = letters
                .chars()
                .map(|c| c.to_string().nfd().find(|m| TONES.contains(m)).unwrap())
                .collect();
            assert_eq!(
                tones,
                ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}']
            );
        }
    }

    #[test]
    fn vni_rows_follow_the_tone_order() {
        // each two-byte toned letter's mark byte is the tone's mark byte
        let tone_of = |c: char| c.to_string().nfd().find(|m| TONES.contains(m));
        let marks: HashMap<char, [u8; 2]> = [
            ('\u{300}', [0xF8, 0xD8]),
            ('\u{309}', [0xFB, 0xDB]),
            ('\u{303}', [0xF5, 0xD5]),
            ('\u{301}', [0xF9, 0xD9]),
            ('\u{323}', [0xEF, 0xCF]),
        ]
        .into_iter()
        .collect();
        for (glyphs, c) in tables::VNI {
            let bytes: Vec<u8> = glyphs.chars().filter_map(cp1252_byte).collect();
            let plain = c
                .to_string()
                .nfd()
                .filter(|m| !TONES.contains(m))
                .collect::<String>();
            // base letters a, e, o, u, y, ơ, ư take the plain tone bytes
            if let ([_, mark], Some(tone)) = (bytes.as_slice(), tone_of(c)) {
                let simple = plain.nfc().collect::<String>();
                if ["a", "e", "o", "u", "y", "ơ", "ư"]
                    .iter()
                    .any(|s| simple.to_lowercase() == *s)
                {
                    assert!(marks[&tone].contains(mark), "{glyphs} {c}");
                }
            }
        }
    }

    #[test]
    fn public_examples_decode() {
        for (mojibake, text) in [
            ("®¶ng viªn", "đảng viên"),
            ("B¶o Th¾ng", "Bảo Thắng"),
            ("M\u{AD}êng Kh\u{AD}¬ng", "Mường Khương"),
            ("B¸t X¸t", "Bát Xát"),
        ] {
            let d = decode_as(mojibake.as_bytes(), Encoding::Tcvn3).unwrap();
            assert_eq!(d.text(), text);
            let bytes: Vec<u8> = mojibake.chars().filter_map(cp1252_byte).collect();
            assert_eq!(decode_as(&bytes, Encoding::Tcvn3).unwrap().text(), text);
        }
        let d = decode_as("Xin chaøo caùc baïn".as_bytes(), Encoding::Vni).unwrap();
        assert_eq!(d.text(), "Xin chào các bạn");
    }

    #[test]
    fn vni_reads_every_letter_in_words() {
        // "người", "Đường", "thuở", "khuya", "Ỷ"
        let vni = b"ng\xf6\xf4\xf8i \xd1\xd6\xd4\xd8NG thu\xf4\xfb khuya \xce";
        let d = decode_as(vni, Encoding::Vni).unwrap();
        assert_eq!(d.text(), "người ĐƯỜNG thuở khuya Ỵ");
        // capital base with a small mark reads with the base's case
        assert_eq!(decode_as(b"A\xf9", Encoding::Vni).unwrap().text(), "Á");
        // an orphan mark stays as its Windows-1252 character
        assert_eq!(decode_as(b" \xf9", Encoding::Vni).unwrap().text(), " ù");
    }

    #[test]
    fn tcvn3_combining_marks_compose() {
        // "a" + 0xB3 (sắc) + "n"
        let d = decode_as(b"ta\xb3n", Encoding::Tcvn3).unwrap();
        assert_eq!(d.text(), "tán");
        assert_eq!(d.original_span(Span::new(1, 3)), Span::new(1, 3));
        assert_eq!(d.original_offset(3), 3);
    }

    #[test]
    fn detection_picks_the_right_reading() {
        let clean = "Đảng bộ có 91 tổ chức cơ sở đảng, kết nạp 195 đảng viên mới.";
        let tcvn3 = encode_tcvn3(clean);
        let vni = encode_vni(clean);
        let d = decode(&tcvn3).unwrap();
        assert_eq!((d.encoding(), d.text()), (Encoding::Tcvn3, clean));
        assert!(d.confidence() > 0.8, "{}", d.confidence());
        let d = decode(&vni).unwrap();
        assert_eq!((d.encoding(), d.text()), (Encoding::Vni, clean));
        assert!(d.confidence() > 0.8, "{}", d.confidence());
        // the same, read as Windows-1252 and stored as UTF-8
        for bytes in [tcvn3, vni] {
            let moji: String = bytes.iter().map(|&b| windows_1252(b)).collect();
            let d = decode(moji.as_bytes()).unwrap();
            assert_eq!(d.text(), clean);
            assert!(d.from_mojibake());
        }
        // UTF-8 that Windows-1252 could write stays UTF-8
        let latin = "Tôi là người Hà Nội";
        assert_eq!(decode(latin.as_bytes()).unwrap().encoding(), Encoding::Utf8);
        let latin = "Có tôi và anh";
        assert_eq!(decode(latin.as_bytes()).unwrap().encoding(), Encoding::Utf8);
    }

    #[test]
    fn invalid_utf8_that_is_no_legacy_text_is_an_error() {
        let mut bytes = "Đảng bộ có 91 tổ chức".as_bytes().to_vec();
        bytes.insert(2, 0xFF);
        assert_eq!(decode(&bytes), Err(Error::InvalidUtf8 { offset: 2 }));
        assert_eq!(
            decode(b"\x00\x01\x02\xff\xfe"),
            Err(Error::InvalidUtf8 { offset: 3 })
        );
        let lossy = decode_lossy(&bytes);
        assert_eq!(lossy.replaced(), &[Span::new(2, 3)]);
        assert_eq!(lossy.text(), "Đ\u{FFFD}ảng bộ có 91 tổ chức");
    }

    #[test]
    fn bom_before_legacy_bytes_is_kept_and_mapped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(encode_tcvn3("đảng viên"));
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text(), "\u{FEFF}đảng viên");
        assert_eq!(d.original_offset(3), 3);
    }

    #[test]
    fn lossy_merges_adjacent_invalid_sequences() {
        let d = decode_utf8_lossy(b"a\xff\xff\xe1\xbbb\xc0");
        assert_eq!(d.text(), "a\u{FFFD}b\u{FFFD}");
        assert_eq!(d.replaced(), &[Span::new(1, 5), Span::new(6, 7)]);
        assert_eq!(
            d.original_span(Span::new(0, d.text().len())),
            Span::new(0, 7)
        );
        assert_eq!(d.original_offset(4), 5);
    }

    #[test]
    fn syllable_shape() {
        for w in [
            "đảng", "viên", "Người", "NGƯỜI", "nghiêng", "Ủy", "uỷ", "hoà",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "®¶ng",
            "viªn",
            "ủaỷng",
            "lỔ",
            "café!",
            "ñaõ",
            "çà",
            "nghiêngg",
            "ảá",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    fn windows_1252(b: u8) -> char {
        match b {
            0x80..=0x9F => tables::CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        }
    }

    fn encode_tcvn3(s: &str) -> Vec<u8> {
        encode(s, Encoding::Tcvn3).unwrap()
    }

    fn encode_vni(s: &str) -> Vec<u8> {
        encode(s, Encoding::Vni).unwrap()
    }

    #[test]
    fn every_letter_round_trips_through_both_tables() {
        let letters: String = vietnamese_letters().into_iter().collect();
        for e in [Encoding::Tcvn3, Encoding::Vni] {
            let bytes = encode(&letters, e).unwrap();
            assert_eq!(decode_as(&bytes, e).unwrap().text(), letters, "{e}");
        }
        assert_eq!(encode("a\u{1}", Encoding::Tcvn3), None); // 0x01 reads as Ú
        assert_eq!(encode("€", Encoding::Tcvn3), None);
    }
}
