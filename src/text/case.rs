//! Letter case and letterhood of the characters Vietnamese is written in, answered
//! without the Unicode tables (their search costs more than the rest of a word's
//! reading); any other character takes the tables. Exhaustive tests check every
//! shortcut against the standard library.

/// The lower case of ASCII and of the letters Vietnamese is written in; `None`
/// for other characters.
pub(crate) fn vietnamese_lower_case(c: char) -> Option<char> {
    let code = u32::from(c);
    let lower = match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        _ if c.is_ascii() => c,
        // À–Þ but ×, and à–ÿ
        '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(code + 0x20)?,
        '\u{DF}'..='\u{FF}' => c,
        // Ă ă, Đ đ, Ĩ ĩ, Ũ ũ: capital at the even code
        '\u{102}' | '\u{110}' | '\u{128}' | '\u{168}' => char::from_u32(code + 1)?,
        '\u{103}' | '\u{111}' | '\u{129}' | '\u{169}' => c,
        // Ơ ơ, Ư ư
        '\u{1A0}' | '\u{1AF}' => char::from_u32(code + 1)?,
        '\u{1A1}' | '\u{1B0}' => c,
        // Ạ ạ … Ỹ ỹ: capital at the even code
        '\u{1EA0}'..='\u{1EF9}' => char::from_u32(code | 1)?,
        _ => return None,
    };
    Some(lower)
}

/// Whether `c` is upper case ([`char::is_uppercase`]).
pub(crate) fn is_upper(c: char) -> bool {
    match vietnamese_lower_case(c) {
        Some(lower) => lower != c,
        None => c.is_uppercase(),
    }
}

/// Whether `c` is alphabetic ([`char::is_alphabetic`]).
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        // Latin-1 letters and Latin Extended-A/B: all letters but × and ÷
        0xC0..=0x24F => c != '\u{D7}' && c != '\u{F7}',
        // Latin Extended Additional (ạ…ỹ)
        0x1E00..=0x1EFF => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether the character a reader sees at byte `offset` of `original` is upper
/// case: [`char_at`] and [`char::is_uppercase`], with ASCII (but `&`, which may
/// start a reference) and the Latin letters answered from the character there:
/// none of them is invisible. Every family name in running text is asked this.
///
/// [`char_at`]: crate::text::normalize::char_at
#[inline]
pub(crate) fn upper_case_at(original: &str, offset: usize) -> bool {
    let Some(c) = original.get(offset..).and_then(|r| r.chars().next()) else {
        return false;
    };
    match c as u32 {
        0x26 => {}
        0..=0x7F => return c.is_ascii_uppercase(),
        0xC0..=0x24F | 0x1E00..=0x1EFF => return is_upper(c),
        _ => {}
    }
    crate::text::normalize::char_at(original, offset).is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_lower_case_is_the_unicode_lower_case() {
        let mut known = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(lower) = vietnamese_lower_case(c) {
                assert_eq!(
                    c.to_lowercase().collect::<String>(),
                    lower.to_string(),
                    "{c:?}"
                );
                known += 1;
            }
        }
        assert!(known > 250, "only {known} characters");
    }

    #[test]
    fn upper_case_shortcut_agrees_with_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_upper(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn letter_shortcut_agrees_with_the_unicode_tables() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn upper_case_at_agrees_with_the_character_a_reader_sees() {
        use crate::text::normalize::char_at;
        let slow = |s: &str, o: usize| char_at(s, o).is_some_and(char::is_uppercase);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("{c}A"), format!("{c}a"), format!("x{c}")] {
                for o in (0..=s.len() + 1).filter(|&o| s.is_char_boundary(o) || o > s.len()) {
                    assert_eq!(upper_case_at(&s, o), slow(&s, o), "{s:?} at {o}");
                }
            }
        }
        for s in [
            "&#272;ảng",
            "&amp;",
            "&#x110;",
            "\u{200B}Ủy",
            "\u{AD}a",
            "&nbsp;Đ",
        ] {
            for o in (0..=s.len()).filter(|&o| s.is_char_boundary(o)) {
                assert_eq!(upper_case_at(s, o), slow(s, o), "{s:?} at {o}");
            }
        }
    }
}
