//! `period`: a span of time (placeholder: being written).

use crate::record::RecordKind;

use super::{Ctx, Grammar, Match, Trigger};

/// The period grammar.
pub(crate) static GRAMMAR: Grammar = Grammar {
    kind: RecordKind::Period,
    name: "period",
    triggers: &[Trigger::Digit],
    parse,
};

fn parse(_ctx: &mut Ctx<'_>, _at: usize) -> Option<Match> {
    None
}
