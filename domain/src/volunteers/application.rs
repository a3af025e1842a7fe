//! What a person says when offering to volunteer: days, teams, T-shirt size, languages and a note.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::shifts::day_problem;
use crate::problem::{collect, FieldProblem, Problem};
use crate::text::typed_len;

pub const LANGUAGES_MAX: usize = 200;
pub const NOTE_MAX: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TShirt {
    XS,
    S,
    M,
    L,
    XL,
    XXL,
}

impl TShirt {
    /// Smallest to largest.
    pub const ALL: [TShirt; 6] = [TShirt::XS, TShirt::S, TShirt::M, TShirt::L, TShirt::XL, TShirt::XXL];

    pub fn as_str(self) -> &'static str {
        match self {
            TShirt::XS => "xs",
            TShirt::S => "s",
            TShirt::M => "m",
            TShirt::L => "l",
            TShirt::XL => "xl",
            TShirt::XXL => "xxl",
        }
    }

    pub fn parse(code: &str) -> Option<TShirt> {
        let code = code.trim().to_ascii_lowercase();
        TShirt::ALL.into_iter().find(|t| t.as_str() == code)
    }
}

/// How many of each size to order, smallest first, sizes nobody chose included.
pub fn tshirt_totals(sizes: &[Option<TShirt>]) -> Vec<(TShirt, usize)> {
    TShirt::ALL.into_iter().map(|t| (t, sizes.iter().filter(|s| **s == Some(t)).count())).collect()
}

/// The application form, as typed: days YYYY-MM-DD, team ids, a size code or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub days: Vec<String>,
    /// No team means anywhere they are needed.
    pub teams: Vec<String>,
    pub tshirt: String,
    pub languages: String,
    pub note: String,
}

fn days_problem(days: &[String], event_days: (NaiveDate, NaiveDate)) -> Option<Problem> {
    let typed: Vec<&String> = days.iter().filter(|d| !d.trim().is_empty()).collect();
    if typed.is_empty() {
        return Some(Problem::DaysMissing);
    }
    typed.into_iter().find_map(|d| day_problem(d, event_days))
}

fn teams_problem(teams: &[String], known_team_ids: &[i32]) -> Option<Problem> {
    let known = |t: &String| t.trim().parse::<i32>().is_ok_and(|id| known_team_ids.contains(&id));
    (!teams.iter().all(known)).then_some(Problem::TeamUnknown)
}

fn tshirt_problem(tshirt: &str) -> Option<Problem> {
    (!tshirt.trim().is_empty() && TShirt::parse(tshirt).is_none()).then_some(Problem::TShirtUnknown)
}

fn at_most(text: &str, max: usize) -> Option<Problem> {
    (typed_len(text.trim()) > max).then_some(Problem::AtMost { max })
}

/// Checks an application against the event's days (first and last, inclusive) and teams.
pub fn application_errors(form: &ApplicationForm, event_days: (NaiveDate, NaiveDate), known_team_ids: &[i32]) -> Vec<FieldProblem> {
    collect([
        ("days", days_problem(&form.days, event_days)),
        ("teams", teams_problem(&form.teams, known_team_ids)),
        ("tshirt", tshirt_problem(&form.tshirt)),
        ("languages", at_most(&form.languages, LANGUAGES_MAX)),
        ("note", at_most(&form.note, NOTE_MAX)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::fields;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    fn days() -> (NaiveDate, NaiveDate) {
        (day(10), day(11))
    }

    fn valid() -> ApplicationForm {
        ApplicationForm {
            days: vec!["2027-03-10".into(), "2027-03-11".into()],
            teams: vec!["1".into()],
            tshirt: "xl".into(),
            languages: "fr, en".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_valid_application_has_no_errors() {
        assert_eq!(application_errors(&valid(), days(), &[1, 2]), []);
        let anywhere = ApplicationForm { teams: vec![], tshirt: String::new(), ..valid() };
        assert_eq!(application_errors(&anywhere, days(), &[1, 2]), [], "no team means anywhere; no size is fine");
    }

    #[test]
    fn every_field_is_checked() {
        let form = ApplicationForm {
            days: vec![" ".into()],
            teams: vec!["1".into(), "9".into()],
            tshirt: "xxxl".into(),
            languages: "x".repeat(LANGUAGES_MAX + 1),
            note: "x".repeat(NOTE_MAX + 1),
        };
        let errors = application_errors(&form, days(), &[1]);
        assert_eq!(fields(&errors), ["days", "teams", "tshirt", "languages", "note"]);
        assert_eq!(errors[0].problem, Problem::DaysMissing);
        assert_eq!(errors[1].problem, Problem::TeamUnknown);
        assert_eq!(errors[2].problem, Problem::TShirtUnknown);
        assert_eq!(errors[3].problem, Problem::AtMost { max: 200 });
        assert_eq!(errors[4].problem, Problem::AtMost { max: 1000 });
        let at_limits = ApplicationForm { languages: "é".repeat(LANGUAGES_MAX), note: "x".repeat(NOTE_MAX), ..valid() };
        assert_eq!(application_errors(&at_limits, days(), &[1]), []);
    }

    #[test]
    fn each_day_is_one_of_the_event() {
        let with =
            |d: &[&str]| application_errors(&ApplicationForm { days: d.iter().map(|s| s.to_string()).collect(), ..valid() }, days(), &[1]);
        assert_eq!(with(&[]), [FieldProblem::new("days", Problem::DaysMissing)]);
        assert_eq!(
            with(&["2027-03-10", "2027-03-12"]),
            [FieldProblem::new("days", Problem::DayOutsideEvent { first: day(10), last: day(11) })]
        );
        assert_eq!(with(&["2027-03-11", "soon"]), [FieldProblem::new("days", Problem::DayInvalid)]);
        assert_eq!(with(&["2027-03-11"]), []);
    }

    #[test]
    fn sizes_read_and_count_in_order() {
        assert_eq!(TShirt::parse(" XL "), Some(TShirt::XL));
        assert_eq!(TShirt::parse("xxl"), Some(TShirt::XXL));
        assert_eq!(TShirt::parse(""), None);
        assert!(TShirt::ALL.iter().all(|t| TShirt::parse(t.as_str()) == Some(*t)));
        let totals = tshirt_totals(&[Some(TShirt::M), None, Some(TShirt::XS), Some(TShirt::M)]);
        assert_eq!(totals, [(TShirt::XS, 1), (TShirt::S, 0), (TShirt::M, 2), (TShirt::L, 0), (TShirt::XL, 0), (TShirt::XXL, 0)]);
    }
}
