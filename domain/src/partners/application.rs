//! What a company says when applying to the village, what a partner writes on its profile, and its
//! staff passes.
use serde::{Deserialize, Serialize};

use super::{at_most, required};
use crate::accounts::check_email;
use crate::problem::{collect, FieldProblem, Problem};
use crate::profile::check_url;
use crate::text::typed_len;

pub const COMPANY_MAX: usize = 120;
pub const VAT_MAX: usize = 40;
pub const PERSON_MAX: usize = 120;
pub const MESSAGE_MAX: usize = 2000;
pub const DESCRIPTION_MAX: usize = 4000;
pub const JOBS_MAX: usize = 4000;
pub const LINKS_MAX: usize = 10;

/// The "Become a partner" form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationForm {
    pub company: String,
    #[serde(default)]
    pub vat: String,
    pub billing_name: String,
    pub billing_email: String,
    pub tier: String,
    #[serde(default)]
    pub message: String,
}

/// A VAT number: optional; else 2 letters of the country then 2 to 13 letters or digits, at least
/// two of them digits (spaces, dots and dashes as typed are ignored).
fn vat_problem(vat: &str) -> Option<Problem> {
    let compact: String = vat.chars().filter(|c| !matches!(c, ' ' | '.' | '-')).collect();
    if compact.is_empty() {
        return None;
    }
    let ok = compact.len() <= 15
        && compact.len() >= 4
        && compact.chars().take(2).all(|c| c.is_ascii_alphabetic())
        && compact.chars().skip(2).all(|c| c.is_ascii_alphanumeric())
        && compact.chars().skip(2).filter(char::is_ascii_digit).count() >= 2;
    (!ok).then_some(Problem::VatInvalid)
}

fn tier_problem(tier: &str, open_tier_ids: &[i32]) -> Option<Problem> {
    let known = tier.trim().parse::<i32>().is_ok_and(|id| open_tier_ids.contains(&id));
    (!known).then_some(Problem::TierUnknown)
}

/// Checks an application; `tier_ids` are the tiers the event offers.
pub fn application_errors(form: &ApplicationForm, tier_ids: &[i32]) -> Vec<FieldProblem> {
    collect([
        ("company", required(&form.company, COMPANY_MAX, Problem::CompanyMissing)),
        ("vat", vat_problem(&form.vat)),
        ("billing_name", required(&form.billing_name, PERSON_MAX, Problem::DisplayNameMissing)),
        ("billing_email", check_email(&form.billing_email)),
        ("tier", tier_problem(&form.tier, tier_ids)),
        ("message", at_most(&form.message, MESSAGE_MAX)),
    ])
}

/// The partner's profile, as typed in the partner space.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub website: String,
    /// One address per line.
    #[serde(default)]
    pub links: String,
    #[serde(default)]
    pub jobs: String,
    #[serde(default)]
    pub needs_power: Option<String>,
    #[serde(default)]
    pub needs_screen: Option<String>,
    #[serde(default)]
    pub needs_table: Option<String>,
}

/// The non-empty lines of the links field.
pub fn link_lines(links: &str) -> Vec<&str> {
    links.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

fn links_problem(links: &str) -> Option<Problem> {
    let lines = link_lines(links);
    if lines.len() > LINKS_MAX {
        return Some(Problem::TooManyLinks { max: LINKS_MAX });
    }
    lines.into_iter().find_map(check_url)
}

/// Checks a profile; `job_posts` says whether the partner's tier allows them.
pub fn profile_errors(form: &ProfileForm, job_posts: bool) -> Vec<FieldProblem> {
    let jobs = if !job_posts && typed_len(form.jobs.trim()) > 0 { Some(Problem::JobsNotInTier) } else { at_most(&form.jobs, JOBS_MAX) };
    collect([
        ("description", at_most(&form.description, DESCRIPTION_MAX)),
        ("website", check_url(&form.website)),
        ("links", links_problem(&form.links)),
        ("jobs", jobs),
    ])
}

/// A staff pass as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffForm {
    pub name: String,
    pub email: String,
}

/// Checks a staff pass; `held` passes are already given out of the tier's `limit`.
pub fn staff_errors(form: &StaffForm, held: usize, limit: i32) -> Vec<FieldProblem> {
    if held as i64 >= i64::from(limit) {
        return vec![FieldProblem::new("name", Problem::StaffPassesUsed { max: limit.max(0) as usize })];
    }
    collect([("name", required(&form.name, PERSON_MAX, Problem::DisplayNameMissing)), ("email", check_email(&form.email))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::fields;

    fn valid() -> ApplicationForm {
        ApplicationForm {
            company: "Nordic Mesh".into(),
            vat: "FR 40 303 265 045".into(),
            billing_name: "Camille Martin".into(),
            billing_email: "billing@nordic-mesh.example".into(),
            tier: "2".into(),
            message: String::new(),
        }
    }

    #[test]
    fn a_valid_application_passes() {
        assert_eq!(application_errors(&valid(), &[1, 2]), []);
        assert_eq!(application_errors(&ApplicationForm { vat: String::new(), ..valid() }, &[1, 2]), [], "VAT is optional");
        for vat in ["DE 123.456.789", "BE0123456789", "NL123456789B01"] {
            assert_eq!(application_errors(&ApplicationForm { vat: vat.into(), ..valid() }, &[1, 2]), [], "{vat}");
        }
        let words = ApplicationForm { vat: "not a vat".into(), ..valid() };
        assert_eq!(application_errors(&words, &[1, 2]), [FieldProblem::new("vat", Problem::VatInvalid)]);
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = ApplicationForm {
            company: " ".into(),
            vat: "12345".into(),
            billing_name: String::new(),
            billing_email: "nope".into(),
            tier: "9".into(),
            message: "x".repeat(MESSAGE_MAX + 1),
        };
        assert_eq!(fields(&application_errors(&bad, &[1, 2])), ["company", "vat", "billing_name", "billing_email", "tier", "message"]);
    }

    #[test]
    fn links_are_web_addresses_one_per_line() {
        let ok = ProfileForm { links: "https://a.example\n\n  https://b.example/jobs \n".into(), ..ProfileForm::default() };
        assert_eq!(profile_errors(&ok, false), []);
        assert_eq!(link_lines(&ok.links), ["https://a.example", "https://b.example/jobs"]);
        let bad = ProfileForm { links: "https://a.example\njavascript:alert(1)".into(), ..ProfileForm::default() };
        assert_eq!(profile_errors(&bad, false), [FieldProblem::new("links", Problem::UrlInvalid)]);
    }

    #[test]
    fn job_posts_need_a_tier_that_gives_them() {
        let jobs = ProfileForm { jobs: "SRE, Lille".into(), ..ProfileForm::default() };
        assert_eq!(profile_errors(&jobs, false), [FieldProblem::new("jobs", Problem::JobsNotInTier)]);
        assert_eq!(profile_errors(&jobs, true), []);
    }

    #[test]
    fn staff_passes_stop_at_the_tiers_limit() {
        let s = StaffForm { name: "Alex".into(), email: "alex@nordic-mesh.example".into() };
        assert_eq!(staff_errors(&s, 1, 2), []);
        assert_eq!(staff_errors(&s, 2, 2), [FieldProblem::new("name", Problem::StaffPassesUsed { max: 2 })]);
        assert_eq!(fields(&staff_errors(&StaffForm::default(), 0, 2)), ["name", "email"]);
    }
}
