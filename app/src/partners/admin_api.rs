//! Server functions of the organisers' side of the village: tiers, decisions and steps, notes,
//! settings, and the floor map's booths. Organisers only.
use leptos::prelude::*;

use super::views::{AdminView, MapAdminView, PartnerAdminView, VillageSettingsForm};
use crate::error::AppError;
use domain::partners::booths::BoothForm;
use domain::partners::tiers::TierForm;

#[cfg(feature = "ssr")]
async fn organiser(slug: &str) -> Result<crate::entities::event::Model, AppError> {
    Ok(crate::auth::guard::event_access(&crate::state::app_state().db, slug, domain::roles::ORGANISERS).await?.event)
}

#[cfg(feature = "ssr")]
fn back_to(path: String, flag: &str) {
    leptos_axum::redirect(&format!("{path}?{flag}=1"));
}

/// An id typed in a form, or None when empty (a new row).
#[cfg(feature = "ssr")]
fn optional_id(typed: &str) -> Result<Option<i32>, AppError> {
    if typed.trim().is_empty() {
        Ok(None)
    } else {
        crate::plumbing::parse_id(typed).map(Some)
    }
}

#[server(endpoint = "partners/admin")]
pub async fn load_partners_admin(slug: String) -> Result<AdminView, AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    Ok(AdminView {
        event: crate::events::summary::summary(&e),
        tiers: super::tiers::tiers_of(&state.db, e.id).await?.iter().map(super::words::tier_view).collect(),
        partners: super::pipeline::rows(&state.db, &e).await?,
        settings: super::booths::settings_view(&state.db, &e).await?,
    })
}

/// Creates a tier (`tier` empty) or updates it.
#[server(endpoint = "partners/tier")]
pub async fn save_tier(slug: String, tier: String, #[server(flatten)] form: TierForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    super::tiers::save(&state.db, &e, optional_id(&tier)?, &form, state.clock.now()).await?;
    back_to(crate::plumbing::urls::admin_partners(&e.slug), "tier_saved");
    Ok(())
}

#[server(endpoint = "partners/delete_tier")]
pub async fn delete_tier(slug: String, tier: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    super::tiers::delete(&state.db, &e, crate::plumbing::parse_id(&tier)?).await?;
    back_to(crate::plumbing::urls::admin_partners(&e.slug), "tier_deleted");
    Ok(())
}

#[server(endpoint = "partners/village_settings")]
pub async fn save_village_settings(slug: String, #[server(flatten)] form: VillageSettingsForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    super::booths::save_settings(&state.db, &e, &form, state.clock.now()).await?;
    back_to(crate::plumbing::urls::admin_partners(&e.slug), "settings_saved");
    Ok(())
}

#[server(endpoint = "partners/partner_admin")]
pub async fn load_partner_admin(slug: String, partner: String) -> Result<PartnerAdminView, AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    super::pipeline::partner_admin_view(&state.db, &e, crate::plumbing::parse_id(&partner)?).await
}

/// `decision` is accept, waitlist or decline; `tier` the tier to accept into (empty: the one wished).
#[server(endpoint = "partners/decide")]
pub async fn decide_partner(slug: String, partner: String, decision: String, #[server(default)] tier: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    let id = crate::plumbing::parse_id(&partner)?;
    let decision = domain::partners::pipeline::Decision::parse(&decision)
        .ok_or_else(|| AppError::field("decision", crate::tr!(errors.correct_the_field)))?;
    let tier = optional_id(&tier).map_err(|_| AppError::problem("tier", domain::problem::Problem::TierUnknown))?;
    super::pipeline::decide(&state, &e, id, decision, tier, state.clock.now()).await?;
    back_to(crate::plumbing::urls::admin_partner(&e.slug, id), "decided");
    Ok(())
}

#[server(endpoint = "partners/step")]
pub async fn mark_partner_step(slug: String, partner: String, step: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    let id = crate::plumbing::parse_id(&partner)?;
    let step =
        domain::partners::pipeline::Step::parse(&step).ok_or_else(|| AppError::field("step", crate::tr!(errors.correct_the_field)))?;
    super::pipeline::mark_step(&state.db, &e, id, step, state.clock.now()).await?;
    back_to(crate::plumbing::urls::admin_partner(&e.slug, id), "step_marked");
    Ok(())
}

#[server(endpoint = "partners/notes")]
pub async fn save_partner_notes(slug: String, partner: String, notes: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    let id = crate::plumbing::parse_id(&partner)?;
    super::pipeline::save_notes(&state.db, &e, id, &notes, state.clock.now()).await?;
    back_to(crate::plumbing::urls::admin_partner(&e.slug, id), "notes_saved");
    Ok(())
}

#[server(endpoint = "partners/map")]
pub async fn load_village_map(slug: String) -> Result<MapAdminView, AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    super::booths::map_admin_view(&state.db, &e).await
}

/// Draws a booth (`booth` empty) or moves/resizes one.
#[server(endpoint = "partners/booth")]
pub async fn save_booth(slug: String, booth: String, #[server(flatten)] form: BoothForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    super::booths::save_booth(&state.db, &e, optional_id(&booth)?, &form, state.clock.now()).await?;
    back_to(crate::plumbing::urls::admin_village_map(&e.slug), "booth_saved");
    Ok(())
}

#[server(endpoint = "partners/delete_booth")]
pub async fn delete_booth(slug: String, booth: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    super::booths::delete_booth(&state.db, &e, crate::plumbing::parse_id(&booth)?).await?;
    back_to(crate::plumbing::urls::admin_village_map(&e.slug), "booth_deleted");
    Ok(())
}

/// Puts `partner` on `booth` (empty `partner`: the booth becomes free).
#[server(endpoint = "partners/assign")]
pub async fn assign_booth(slug: String, booth: String, #[server(default)] partner: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = organiser(&slug).await?;
    let partner = optional_id(&partner).map_err(|_| AppError::problem("partner", domain::problem::Problem::PartnerNotAccepted))?;
    super::booths::assign(&state.db, &e, crate::plumbing::parse_id(&booth)?, partner).await?;
    back_to(crate::plumbing::urls::admin_village_map(&e.slug), "assigned");
    Ok(())
}
