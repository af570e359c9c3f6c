//! Numbers written with digits, in the Vietnamese convention and its rivals.
//!
//! Shapes accepted (on the normalised view):
//! ```text
//! 5246            plain digits
//! 5.246           '.' between groups of three: 5 246        (Vietnamese)
//! 1.234.567       1 234 567
//! 98,5            ',' before decimals: 98.5                  (Vietnamese)
//! 1.234,5         1 234.5
//! 4,300           ambiguous: 4.3 (Vietnamese) or 4 300 (English) -> Vietnamese, flagged
//! 1.5  98.50      not Vietnamese; read as the English decimal, flagged
//! 1,234,567       English thousands, flagged
//! 1,234.5         English thousands and decimals, flagged
//! 5,3 triệu       a scale word after digits multiplies: 5 300 000
//! ```
//! Not supported: spaces between thousands ("5 246": too often two numbers), signs,
//! exponents. More than 15 digits in all is not a number.

use super::number_words::scale_word;

/// How a digit string could be read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Reading {
    /// The Vietnamese convention, with no other plausible reading.
    Clear,
    /// Readable both ways: the value is the Vietnamese reading, `other` the English.
    Ambiguous { other: f64 },
    /// Only the English convention reads it.
    English,
}

/// A number lexed from digits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DigitNumber {
    /// The value (Vietnamese reading when ambiguous).
    pub value: f64,
    /// Whether the value is whole (no decimal part was written).
    pub whole: bool,
    /// How sure the reading is.
    pub reading: Reading,
    /// Bytes consumed.
    pub len: usize,
}

/// Longer digit strings are identifiers or noise, not quantities; 15 digits are
/// also the most an f64 holds exactly.
const MAX_DIGITS: usize = 15;

/// A digit number at the start of `input`, not followed by a letter or digit.
///
/// Allocation-free and bounded: it reads at most [`MAX_DIGITS`] digits and the
/// separators between them, so it is cheap at every digit in a text.
pub(crate) fn digit_number(input: &str) -> Option<DigitNumber> {
    let bytes = input.as_bytes();
    if !bytes.first()?.is_ascii_digit() {
        return None;
    }
    // groups of digits separated by single '.' or ','
    let len = digit_groups_len(bytes)?;
    if bytes[..len].iter().all(u8::is_ascii_digit) {
        return plain_digits(input, len);
    }
    read_grouped(input, len)
}

/// [`digit_number`] for a run of digits without separators, most numbers: one
/// group, read as the general case reads it.
fn plain_digits(input: &str, len: usize) -> Option<DigitNumber> {
    if len > MAX_DIGITS || followed_by_alphanumeric(input, len) {
        return None;
    }
    let value = input.as_bytes()[..len]
        .iter()
        .fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
    Some(DigitNumber {
        value: value as f64, // at most 15 digits: exact
        whole: true,
        reading: Reading::Clear,
        len,
    })
}

/// Whether a letter or digit follows the number that ends at `len`.
fn followed_by_alphanumeric(input: &str, len: usize) -> bool {
    input[len..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric())
}

/// [`digit_number`] for the `len` bytes of digit groups at the start of `input`.
fn read_grouped(input: &str, len: usize) -> Option<DigitNumber> {
    let bytes = input.as_bytes();
    let mut groups = [(0usize, 0usize); MAX_DIGITS];
    let mut seps = [0u8; MAX_DIGITS];
    let mut n = 0;
    let mut start = 0;
    // each separator, then the end, closes a group
    let group_ends = bytes[..len]
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.is_ascii_digit())
        .map(|(i, &sep)| (i, Some(sep)))
        .chain([(len, None)]);
    for (end, sep) in group_ends {
        if n == MAX_DIGITS {
            return None; // more groups than digits allowed
        }
        groups[n] = (start, end);
        seps[n] = sep.unwrap_or(0);
        n += 1;
        start = end + 1;
    }
    if groups[..n].iter().map(|g| g.1 - g.0).sum::<usize>() > MAX_DIGITS {
        return None;
    }
    if followed_by_alphanumeric(input, len) {
        return None;
    }
    let groups = &groups[..n];
    let seps = &seps[..n - 1];
    let digits = |g: (usize, usize)| &input[g.0..g.1];
    let width = |g: (usize, usize)| g.1 - g.0;
    let all_thousands = |gs: &[(usize, usize)]| gs.iter().all(|g| width(*g) == 3);
    let first_ok = width(groups[0]) <= 3;
    let whole_of = |gs: &[(usize, usize)]| -> f64 {
        let v = gs
            .iter()
            .flat_map(|g| digits(*g).bytes())
            .fold(0u64, |v, d| v * 10 + u64::from(d - b'0'));
        v as f64 // at most 15 digits: exact
    };
    // "int.frac" parsed as text, so the decimal value is the correctly rounded one
    let decimal = |int: &[(usize, usize)], frac: (usize, usize)| -> Option<f64> {
        let mut buf = [0u8; MAX_DIGITS + 1];
        let mut k = 0;
        for d in int.iter().flat_map(|g| digits(*g).bytes()) {
            buf[k] = d;
            k += 1;
        }
        buf[k] = b'.';
        k += 1;
        for d in digits(frac).bytes() {
            buf[k] = d;
            k += 1;
        }
        std::str::from_utf8(&buf[..k]).ok()?.parse().ok()
    };

    let dots = seps.iter().filter(|&&s| s == b'.').count();
    let commas = seps.len() - dots;
    let last_sep = seps.last().copied();
    let (value, whole, reading) = match (dots, commas) {
        (0, 0) => (whole_of(groups), true, Reading::Clear),
        (_, 0) if first_ok && all_thousands(&groups[1..]) => {
            (whole_of(groups), true, Reading::Clear)
        }
        (1, 0) => (decimal(&groups[..1], groups[1])?, false, Reading::English),
        (0, 1) => {
            let vn = decimal(&groups[..1], groups[1])?;
            if first_ok && width(groups[1]) == 3 {
                (
                    vn,
                    false,
                    Reading::Ambiguous {
                        other: whole_of(groups),
                    },
                )
            } else {
                (vn, false, Reading::Clear)
            }
        }
        (0, _) if first_ok && all_thousands(&groups[1..]) => {
            (whole_of(groups), true, Reading::English)
        }
        (_, 1) if last_sep == Some(b',') && first_ok && all_thousands(&groups[1..n - 1]) => (
            decimal(&groups[..n - 1], groups[n - 1])?,
            false,
            Reading::Clear,
        ),
        (1, _) if last_sep == Some(b'.') && first_ok && all_thousands(&groups[1..n - 1]) => (
            decimal(&groups[..n - 1], groups[n - 1])?,
            false,
            Reading::English,
        ),
        _ => return None,
    };
    Some(DigitNumber {
        value,
        whole,
        reading,
        len,
    })
}

/// The most bytes a number written in digits takes: [`MAX_DIGITS`] digits with a
/// separator between each two. Longer runs are no number and are not scanned further.
const MAX_NUMBER_BYTES: usize = 2 * MAX_DIGITS;

/// Whether the digit at `at` of `bytes` continues a number, after a digit and one
/// decimal or group separator ("58" in "14,58", "246" in "5.246"): no number starts
/// there.
#[inline]
pub(crate) fn continues_number(bytes: &[u8], at: usize) -> bool {
    at >= 2 && matches!(bytes[at - 1], b'.' | b',') && bytes[at - 2].is_ascii_digit()
}

/// The length of the digit groups at the start of `b`: digits with single '.' or ','
/// between them, the extent [`digit_number`] reads. `None` past [`MAX_NUMBER_BYTES`].
pub(crate) fn digit_groups_len(b: &[u8]) -> Option<usize> {
    let mut i = 0;
    loop {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            if i > MAX_NUMBER_BYTES {
                return None;
            }
        }
        let inner =
            matches!(b.get(i), Some(b'.' | b',')) && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !inner {
            return Some(i);
        }
        i += 1;
    }
}

/// A digit number followed by an optional scale word ("5,3 triệu"): the value is
/// multiplied, and the length covers the scale word.
pub(crate) fn scaled_number(input: &str) -> Option<DigitNumber> {
    let mut n = digit_number(input)?;
    let rest = &input[n.len..];
    if let Some(after_space) = rest.strip_prefix(' ') {
        if let Some((scale, len)) = scale_word(after_space) {
            n.value *= scale as f64;
            n.value = (n.value * 1e6).round() / 1e6;
            n.whole = n.value.fract() == 0.0;
            n.len += 1 + len;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn plain_digits_read_as_the_general_case_reads_them(
            s in "[0-9]{1,34}( |a|%|,|\\.|5|\u{1ea1})?",
        ) {
            let len = digit_groups_len(s.as_bytes());
            if let Some(len) = len.filter(|&l| s.as_bytes()[..l].iter().all(u8::is_ascii_digit)) {
                proptest::prop_assert_eq!(plain_digits(&s, len), read_grouped(&s, len), "{}", s);
            }
        }
    }

    fn read(s: &str) -> Option<(f64, Reading, usize)> {
        digit_number(s).map(|n| (n.value, n.reading, n.len))
    }

    #[test]
    fn value_versus_surface_form() {
        let clear = [
            ("5246", 5246.0),
            ("5.246", 5246.0),
            ("33.622", 33622.0),
            ("1.234.567", 1234567.0),
            ("98,5", 98.5),
            ("0,4", 0.4),
            ("1.234,5", 1234.5),
            ("100", 100.0),
        ];
        for (s, v) in clear {
            assert_eq!(read(s), Some((v, Reading::Clear, s.len())), "{s}");
        }
        assert_eq!(
            read("4,300"),
            Some((4.3, Reading::Ambiguous { other: 4300.0 }, 5))
        );
        assert_eq!(read("1.5"), Some((1.5, Reading::English, 3)));
        assert_eq!(read("98.50"), Some((98.5, Reading::English, 5)));
        assert_eq!(read("1,234,567"), Some((1234567.0, Reading::English, 9)));
        assert_eq!(read("1,234.5"), Some((1234.5, Reading::English, 7)));
    }

    #[test]
    fn separators_at_the_end_are_punctuation() {
        assert_eq!(read("5.246."), Some((5246.0, Reading::Clear, 5)));
        assert_eq!(read("12, 13"), Some((12.0, Reading::Clear, 2)));
    }

    #[test]
    fn not_numbers() {
        for s in [
            "",
            "a1",
            "1.1.1.1",
            "12a",
            "26.3.2018",
            "1234.567.8",
            &"9".repeat(40),
        ] {
            assert_eq!(digit_number(s), None, "{s}");
        }
    }
}
