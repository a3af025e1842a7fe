//! Booths on the village's floor map: rectangles in whole metres from the top left corner.
use serde::{Deserialize, Serialize};

use super::number_between;
use crate::problem::{FieldProblem, Problem};

pub const NUMBER_MAX: usize = 8;
/// The floor's sides, in metres.
pub const FLOOR_MIN: i32 = 4;
pub const FLOOR_MAX: i32 = 200;

/// A booth as drawn: its number and its rectangle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booth {
    pub number: String,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Booth {
    pub fn area(&self) -> i32 {
        self.w * self.h
    }

    fn overlaps(&self, other: &Booth) -> bool {
        self.x < other.x + other.w && other.x < self.x + self.w && self.y < other.y + other.h && other.y < self.y + self.h
    }
}

/// The booth form, as typed (numbers as text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoothForm {
    pub number: String,
    pub x: String,
    pub y: String,
    pub w: String,
    pub h: String,
}

fn number_problem(number: &str) -> Option<Problem> {
    let n = number.trim();
    let ok = !n.is_empty() && n.chars().count() <= NUMBER_MAX && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    (!ok).then_some(Problem::BoothNumberInvalid { max: NUMBER_MAX })
}

/// Checks a booth against the floor (`width` × `height` metres) and the other booths (`others`,
/// without the booth being edited): it must fit, have a free number and overlap none.
pub fn check_booth(form: &BoothForm, floor: (i32, i32), others: &[Booth]) -> Result<Booth, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    if let Some(p) = number_problem(&form.number) {
        problems.push(FieldProblem::new("number", p));
    } else if others.iter().any(|b| b.number.eq_ignore_ascii_case(form.number.trim())) {
        problems.push(FieldProblem::new("number", Problem::BoothNumberTaken));
    }
    let (width, height) = floor;
    let read = |field: &'static str, typed: &str, min: i32, max: i32, problems: &mut Vec<FieldProblem>| {
        number_between(typed, min, max).map_err(|p| problems.push(FieldProblem::new(field, p))).ok()
    };
    let x = read("x", &form.x, 0, width - 1, &mut problems);
    let y = read("y", &form.y, 0, height - 1, &mut problems);
    let w = read("w", &form.w, 1, width, &mut problems);
    let h = read("h", &form.h, 1, height, &mut problems);
    let (Some(x), Some(y), Some(w), Some(h)) = (x, y, w, h) else {
        return Err(problems);
    };
    if x + w > width || y + h > height {
        problems.push(FieldProblem::new("w", Problem::BoothOffFloor { width, height }));
    }
    let booth = Booth { number: form.number.trim().to_string(), x, y, w, h };
    if let Some(other) = others.iter().find(|o| o.overlaps(&booth)) {
        problems.push(FieldProblem::new("x", Problem::BoothOverlaps { number: other.number.clone() }));
    }
    if problems.is_empty() {
        Ok(booth)
    } else {
        Err(problems)
    }
}

/// The warning for a booth smaller than the tier promises (`promised` square metres), if any.
pub fn size_warning(booth: &Booth, promised: i32) -> Option<Problem> {
    (booth.area() < promised).then_some(Problem::BoothTooSmall { area: booth.area(), promised })
}

/// Checks the floor's size as typed.
pub fn check_floor(width: &str, height: &str) -> Result<(i32, i32), Vec<FieldProblem>> {
    match (number_between(width, FLOOR_MIN, FLOOR_MAX), number_between(height, FLOOR_MIN, FLOOR_MAX)) {
        (Ok(w), Ok(h)) => Ok((w, h)),
        (w, h) => {
            Err([("width", w.err()), ("height", h.err())].into_iter().filter_map(|(f, p)| p.map(|p| FieldProblem::new(f, p))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::fields;

    fn form(number: &str, x: i32, y: i32, w: i32, h: i32) -> BoothForm {
        BoothForm { number: number.into(), x: x.to_string(), y: y.to_string(), w: w.to_string(), h: h.to_string() }
    }

    fn a1() -> Booth {
        Booth { number: "A1".into(), x: 0, y: 0, w: 3, h: 3 }
    }

    #[test]
    fn a_booth_beside_another_fits() {
        let b = check_booth(&form("A2", 3, 0, 3, 2), (30, 20), &[a1()]).unwrap();
        assert_eq!(b.area(), 6);
    }

    #[test]
    fn overlapping_or_off_the_floor_is_refused() {
        let p = check_booth(&form("A2", 2, 2, 3, 3), (30, 20), &[a1()]).unwrap_err();
        assert_eq!(p, [FieldProblem::new("x", Problem::BoothOverlaps { number: "A1".into() })]);
        let p = check_booth(&form("A2", 28, 0, 3, 3), (30, 20), &[]).unwrap_err();
        assert_eq!(p, [FieldProblem::new("w", Problem::BoothOffFloor { width: 30, height: 20 })]);
        assert_eq!(fields(&check_booth(&form("a1", -1, 0, 0, 3), (30, 20), &[a1()]).unwrap_err()), ["number", "x", "w"]);
        assert_eq!(fields(&check_booth(&form("<b>", 1, 1, 1, 1), (30, 20), &[]).unwrap_err()), ["number"]);
    }

    #[test]
    fn a_small_booth_for_a_big_tier_is_a_warning() {
        assert_eq!(size_warning(&a1(), 12), Some(Problem::BoothTooSmall { area: 9, promised: 12 }));
        assert_eq!(size_warning(&a1(), 9), None);
    }

    #[test]
    fn the_floor_has_sane_sides() {
        assert_eq!(check_floor("30", "20"), Ok((30, 20)));
        assert_eq!(fields(&check_floor("2", "x").unwrap_err()), ["width", "height"]);
    }
}
