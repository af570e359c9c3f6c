//! `person`: a named person, with title when written (placeholder: being written).

use crate::record::RecordKind;

use super::{Ctx, Grammar, Match, Trigger};

/// The person grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::Person,
    name: "person",
    triggers: &[Trigger::Digit],
    parse,
};

fn parse(_ctx: &mut Ctx<'_>, _at: usize) -> Option<Match> {
    None
}
