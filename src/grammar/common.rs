//! Pieces several grammars share: approximation words and quantities.

use crate::error::{Code, Diagnostic};
use crate::record::Approx;
use crate::text::keyword::Lexicon;
use crate::text::number::{scaled_number, Reading};
use crate::text::number_words::number_words;

use super::Ctx;

/// Approximation words before a number (`từ … trở lên` is the grammars' own).
pub(crate) static APPROX: Lexicon<Approx> = Lexicon::new(&[
    ("chưa đến", Approx::LessThan),
    ("chưa tới", Approx::LessThan),
    ("chừng", Approx::About),
    ("dưới", Approx::LessThan),
    ("gần", Approx::Nearly),
    ("hơn", Approx::MoreThan),
    ("khoảng", Approx::About),
    ("không quá", Approx::AtMost),
    ("ít nhất", Approx::AtLeast),
    ("tối thiểu", Approx::AtLeast),
    ("tối đa", Approx::AtMost),
    ("trên", Approx::MoreThan),
    ("xấp xỉ", Approx::About),
]);

/// Words a number written in words can start with (triggers for the grammars).
pub(crate) static NUMBER_WORD_STARTS: Lexicon<()> = Lexicon::new(&[
    ("ba", ()),
    ("bảy", ()),
    ("bốn", ()),
    ("chín", ()),
    ("hai", ()),
    ("mười", ()),
    ("một", ()),
    ("năm", ()),
    ("sáu", ()),
    ("tám", ()),
]);

/// A number read from digits or words, in normalised offsets.
#[derive(Debug)]
pub(crate) struct Quantity {
    pub value: f64,
    pub end: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// A number at `at`: digits (with an optional scale word) or number words.
pub(crate) fn quantity(ctx: &Ctx<'_>, at: usize) -> Option<Quantity> {
    let rest = &ctx.text()[at..];
    if let Some(n) = scaled_number(rest) {
        let end = at + n.len;
        let written = &ctx.text()[at..end];
        let diagnostics = match n.reading {
            Reading::Clear => vec![],
            Reading::Ambiguous { other } => vec![ctx.diagnostic(
                Code::AmbiguousNumber,
                at,
                end,
                format!(
                    "{written:?} reads {} in the Vietnamese convention and {} in the English one; the Vietnamese reading was used",
                    n.value, other
                ),
            )],
            Reading::English => vec![ctx.diagnostic(
                Code::ForeignNumberFormat,
                at,
                end,
                format!("{written:?} is not Vietnamese number style; read as {} (English style)", n.value),
            )],
        };
        return Some(Quantity {
            value: n.value,
            end,
            diagnostics,
        });
    }
    let (value, len) = number_words(rest)?;
    Some(Quantity {
        value: value as f64,
        end: at + len,
        diagnostics: vec![],
    })
}

/// Approximation word (and one space) at `at`: the word's value and where the number
/// starts.
pub(crate) fn approx_word(text: &str, at: usize) -> Option<(Approx, usize)> {
    let (a, len) = APPROX.longest_at(text.get(at..)?)?;
    text.get(at + len..)?
        .starts_with(' ')
        .then_some((a, at + len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    #[test]
    fn approximation_words_are_sorted_and_unique() {
        let words: Vec<&str> = APPROX.written().iter().map(|(w, _)| *w).collect();
        let mut sorted = words.clone();
        sorted.sort_by_key(|w| fold(w));
        sorted.dedup();
        assert_eq!(words.len(), sorted.len());
    }

    #[test]
    fn approximation_words() {
        for (s, a) in [
            ("hơn 5", Approx::MoreThan),
            ("Trên 5", Approx::MoreThan),
            ("chưa đến 5", Approx::LessThan),
            ("gần 5", Approx::Nearly),
            ("xấp xỉ 5", Approx::About),
            ("ít nhất 5", Approx::AtLeast),
            ("không quá 5", Approx::AtMost),
        ] {
            let t = fold(s);
            assert_eq!(approx_word(&t, 0).map(|x| x.0), Some(a), "{s}");
        }
        assert_eq!(approx_word(&fold("hơnx 5"), 0), None);
    }
}
