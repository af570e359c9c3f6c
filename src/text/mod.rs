//! The text layer: a normalised view with an offset map, a keyword matcher, and the
//! lexical parsers (numbers, number words, Roman numerals, dates). It knows nothing
//! of records.

pub(crate) mod case;
pub(crate) mod date;
pub(crate) mod keyword;
pub(crate) mod normalize;
pub(crate) mod number;
pub(crate) mod number_words;
pub(crate) mod roman;
pub(crate) mod segment;
pub(crate) mod symbol;
