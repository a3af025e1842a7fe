//! Rules of an event's partner village: tiers and what they give, a company's application and
//! pipeline, staff passes, the booths of the floor map and the checklist. Nothing here knows about
//! the database; the app claims tier places and booths there.
pub mod application;
pub mod booths;
pub mod checklist;
pub mod pipeline;
pub mod tiers;

use crate::problem::Problem;
use crate::text::typed_len;

/// `None` when `text` (trimmed) is at most `max` characters as a browser counts them.
fn at_most(text: &str, max: usize) -> Option<Problem> {
    (typed_len(text.trim()) > max).then_some(Problem::AtMost { max })
}

/// A required short text: missing, or too long.
fn required(text: &str, max: usize, missing: Problem) -> Option<Problem> {
    match typed_len(text.trim()) {
        0 => Some(missing),
        _ => at_most(text, max),
    }
}

/// A whole number typed in a form, within `min..=max`.
fn number_between(typed: &str, min: i32, max: i32) -> Result<i32, Problem> {
    typed.trim().parse::<i32>().ok().filter(|n| (min..=max).contains(n)).ok_or(Problem::NumberBetween { min, max })
}
