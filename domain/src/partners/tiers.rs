//! A tier as organisers type it, and how many places it has left.
use serde::{Deserialize, Serialize};

use super::{number_between, required};
use crate::problem::{FieldProblem, Problem};

pub const NAME_MAX: usize = 80;
pub const PRICE_MAX: i32 = 1_000_000;
pub const AVAILABLE_MAX: i32 = 500;
/// Square metres.
pub const BOOTH_MAX: i32 = 400;
pub const PASSES_MAX: i32 = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TierKind {
    /// Companies paying for their place.
    Sponsor,
    /// Open-source projects, meetups, associations: no price.
    Community,
}

impl TierKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TierKind::Sponsor => "sponsor",
            TierKind::Community => "community",
        }
    }

    pub fn parse(code: &str) -> Option<TierKind> {
        [TierKind::Sponsor, TierKind::Community].into_iter().find(|k| k.as_str() == code.trim())
    }
}

/// The tier form as typed; ticked boxes arrive as `Some(_)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierForm {
    pub name: String,
    pub kind: String,
    pub price_eur: String,
    pub available: String,
    pub booth_size: String,
    pub staff_passes: String,
    #[serde(default)]
    pub logo_home: Option<String>,
    #[serde(default)]
    pub logo_agenda: Option<String>,
    #[serde(default)]
    pub logo_screens: Option<String>,
    #[serde(default)]
    pub talks_allowed: Option<String>,
    #[serde(default)]
    pub job_posts: Option<String>,
}

/// A tier once its form is valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub name: String,
    pub kind: TierKind,
    /// Always 0 for a community tier.
    pub price_eur: i32,
    pub available: i32,
    pub booth_size: i32,
    pub staff_passes: i32,
    pub logo_home: bool,
    pub logo_agenda: bool,
    pub logo_screens: bool,
    pub talks_allowed: bool,
    pub job_posts: bool,
}

/// Checks the tier form; `taken` is how many partners the tier already holds (its count cannot
/// drop below them).
pub fn check_tier(form: &TierForm, taken: i32) -> Result<Tier, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let mut note = |field: &str, p: Option<Problem>| {
        if let Some(p) = p {
            problems.push(FieldProblem::new(field, p));
        }
    };
    note("name", required(&form.name, NAME_MAX, Problem::NameMissing));
    let kind = TierKind::parse(&form.kind);
    note("kind", kind.is_none().then_some(Problem::TierKindUnknown));
    let community = kind == Some(TierKind::Community);
    let price = if community { Ok(0) } else { number_between(&form.price_eur, 0, PRICE_MAX) };
    let available =
        number_between(&form.available, 1, AVAILABLE_MAX)
            .and_then(|n| if n < taken { Err(Problem::TierBelowTaken { taken }) } else { Ok(n) });
    let booth = number_between(&form.booth_size, 0, BOOTH_MAX);
    let passes = number_between(&form.staff_passes, 0, PASSES_MAX);
    note("price_eur", price.clone().err());
    note("available", available.clone().err());
    note("booth_size", booth.clone().err());
    note("staff_passes", passes.clone().err());
    match (kind, price, available, booth, passes) {
        (Some(kind), Ok(price_eur), Ok(available), Ok(booth_size), Ok(staff_passes)) if problems.is_empty() => Ok(Tier {
            name: form.name.trim().to_string(),
            kind,
            price_eur,
            available,
            booth_size,
            staff_passes,
            logo_home: form.logo_home.is_some(),
            logo_agenda: form.logo_agenda.is_some(),
            logo_screens: form.logo_screens.is_some(),
            talks_allowed: form.talks_allowed.is_some(),
            job_posts: form.job_posts.is_some(),
        }),
        _ => Err(problems),
    }
}

/// Places still free in a tier (never negative).
pub fn left(available: i32, taken: i32) -> i32 {
    (available - taken).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::fields;

    fn gold() -> TierForm {
        TierForm {
            name: "Gold".into(),
            kind: "sponsor".into(),
            price_eur: "8000".into(),
            available: "2".into(),
            booth_size: "9".into(),
            staff_passes: "4".into(),
            logo_home: Some("on".into()),
            talks_allowed: Some("on".into()),
            ..TierForm::default()
        }
    }

    #[test]
    fn a_valid_tier_reads_its_numbers_and_boxes() {
        let t = check_tier(&gold(), 0).unwrap();
        assert_eq!((t.price_eur, t.available, t.booth_size, t.staff_passes), (8000, 2, 9, 4));
        assert!(t.logo_home && t.talks_allowed && !t.logo_agenda && !t.job_posts);
    }

    #[test]
    fn a_community_tier_costs_nothing_whatever_is_typed() {
        let t = check_tier(&TierForm { kind: "community".into(), price_eur: "nonsense".into(), ..gold() }, 0).unwrap();
        assert_eq!(t.price_eur, 0);
        assert_eq!(t.kind, TierKind::Community);
    }

    #[test]
    fn bad_numbers_and_names_are_named_per_field() {
        let bad = TierForm {
            name: " ".into(),
            kind: "vip".into(),
            price_eur: "-1".into(),
            available: "0".into(),
            booth_size: "x".into(),
            ..gold()
        };
        assert_eq!(fields(&check_tier(&bad, 0).unwrap_err()), ["name", "kind", "price_eur", "available", "booth_size"]);
    }

    #[test]
    fn the_count_cannot_drop_below_the_partners_it_holds() {
        let problems = check_tier(&TierForm { available: "2".into(), ..gold() }, 3).unwrap_err();
        assert_eq!(problems, [FieldProblem::new("available", Problem::TierBelowTaken { taken: 3 })]);
        assert!(check_tier(&TierForm { available: "3".into(), ..gold() }, 3).is_ok());
    }

    #[test]
    fn places_left_never_go_below_zero() {
        assert_eq!(left(6, 2), 4);
        assert_eq!(left(2, 2), 0);
        assert_eq!(left(2, 5), 0);
    }
}
