//! Fixtures for partner-village tests: an event with a tier, and companies applying through the
//! real service (each applicant a verified account made straight in the database).
use chrono::Utc;

use app::entities::{event, partner_tier, user};
use domain::partners::application::ApplicationForm;
use domain::partners::tiers::TierForm;

use crate::volunteers::person_named;
use crate::TestApp;

pub fn tier_form(name: &str, available: i32, passes: i32) -> TierForm {
    TierForm {
        name: name.into(),
        kind: "sponsor".into(),
        price_eur: "3500".into(),
        available: available.to_string(),
        booth_size: "6".into(),
        staff_passes: passes.to_string(),
        ..TierForm::default()
    }
}

/// A public event with one tier of `available` places giving `passes` staff passes.
pub async fn event_with_tier(app: &TestApp, slug: &str, available: i32, passes: i32) -> (event::Model, partner_tier::Model) {
    let form = domain::events::EventForm { visibility: "public".into(), ..crate::cfp::event_form(slug) };
    let e = app::events::service::create(&app.state.db, &form, Utc::now()).await.expect("event");
    app::partners::tiers::save(&app.state.db, &e, None, &tier_form("Silver", available, passes), Utc::now()).await.expect("tier");
    let tier = app::partners::tiers::tiers_of(&app.state.db, e.id).await.expect("tiers").remove(0);
    (e, tier)
}

/// Company number `i` applies for `tier`; answers its contact and the partner's id.
pub async fn applicant(app: &TestApp, e: &event::Model, tier: &partner_tier::Model, i: usize) -> (user::Model, i32) {
    let u = person_named(app, &format!("contact{i}@company{i}.example"), &format!("Contact {i}")).await;
    let id = apply_as(app, e, tier, i, &u).await;
    (u, id)
}

/// The same, with a contact who can sign in with `password`.
pub async fn signed_applicant(app: &TestApp, e: &event::Model, tier: &partner_tier::Model, i: usize, password: &str) -> (user::Model, i32) {
    let email = format!("contact{i}@company{i}.example");
    app.create_user(&email, &format!("Contact {i}"), password, false).await;
    let u = app::auth::service::find_by_email(&app.state.db, &email).await.expect("query").expect("the contact");
    let id = apply_as(app, e, tier, i, &u).await;
    (u, id)
}

async fn apply_as(app: &TestApp, e: &event::Model, tier: &partner_tier::Model, i: usize, u: &user::Model) -> i32 {
    let form = ApplicationForm {
        company: format!("Company {i}"),
        vat: String::new(),
        billing_name: format!("Contact {i}"),
        billing_email: format!("billing@company{i}.example"),
        tier: tier.id.to_string(),
        message: String::new(),
    };
    app::partners::apply::apply(&app.state.db, e, u, &form, Utc::now()).await.expect("application")
}
