//! Structure rules that report the parser's structural problems as they are.

use release_doc::{Problem, ProblemKind};

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::rule::RuleMeta;

/// The parser's problems of the given kinds, in source order.
pub(crate) fn of_kinds<'a>(
    ctx: &Context<'a>,
    kinds: &'a [ProblemKind],
) -> impl Iterator<Item = &'a Problem> {
    ctx.doc
        .parsed()
        .problems
        .iter()
        .filter(move |p| kinds.contains(&p.kind))
}

/// One diagnostic of `rule` per problem of the given kinds, at its span, with the
/// parser's message.
pub(crate) fn report(
    ctx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    rule: &'static RuleMeta,
    kinds: &[ProblemKind],
) {
    for problem in ctx
        .doc
        .parsed()
        .problems
        .iter()
        .filter(|p| kinds.contains(&p.kind))
    {
        out.push(ctx.diagnostic(rule, problem.span, problem.message.clone()));
    }
}
