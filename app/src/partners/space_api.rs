//! Server functions of the partners' side: the prospectus and the application (anyone may read;
//! a signed-in person applies), and a partner's own space (its contacts and the organisers).
use leptos::prelude::*;

use super::views::{PartnerTalkForm, ProspectusView, SpaceView};
use crate::error::AppError;
use domain::partners::application::{ApplicationForm, ProfileForm, StaffForm};

#[cfg(feature = "ssr")]
async fn contact(slug: &str, partner: &str) -> Result<super::access::PartnerAccess, AppError> {
    let id = crate::plumbing::parse_id(partner)?;
    super::access::partner_access(&crate::state::app_state().db, slug, id).await
}

#[server(endpoint = "partners/prospectus")]
pub async fn load_prospectus(slug: String) -> Result<ProspectusView, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    let e = crate::events::service::visible_model(&state.db, &slug, viewer.as_ref()).await?;
    super::apply::prospectus_view(&state.db, &e, viewer.as_ref()).await
}

#[server(endpoint = "partners/apply")]
pub async fn apply_as_partner(slug: String, #[server(flatten)] form: ApplicationForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    let e = crate::events::service::visible_model(&state.db, &slug, Some(&me)).await?;
    let id = super::apply::apply(&state.db, &e, &me, &form, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?applied=1", crate::plumbing::urls::partner_space(&e.slug, id)));
    Ok(())
}

#[server(endpoint = "partners/space")]
pub async fn load_partner_space(slug: String, partner: String) -> Result<SpaceView, AppError> {
    let state = crate::state::app_state();
    let a = contact(&slug, &partner).await?;
    let mut v = super::space::space_view(&state.db, &a).await?;
    v.talks = Some(super::talks::partner_talks(&state, &a).await?);
    Ok(v)
}

/// Submits a talk for the partner through the call for papers (its contacts; the rule acknowledged).
#[server(endpoint = "partners/propose")]
pub async fn propose_partner_talk(slug: String, partner: String, #[server(flatten)] form: PartnerTalkForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = contact(&slug, &partner).await?;
    let code = super::talks::propose(&state, &a, form).await?;
    leptos_axum::redirect(&format!("/proposals/{code}?submitted=1"));
    Ok(())
}

#[server(endpoint = "partners/profile")]
pub async fn save_partner_profile(slug: String, partner: String, #[server(flatten)] form: ProfileForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = contact(&slug, &partner).await?;
    super::space::save_profile(&state.db, &a, &form, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?saved=1#profile", crate::plumbing::urls::partner_space(&a.event.slug, a.partner.id)));
    Ok(())
}

#[server(endpoint = "partners/add_staff")]
pub async fn add_partner_staff(slug: String, partner: String, #[server(flatten)] form: StaffForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = contact(&slug, &partner).await?;
    super::space::add_staff(&state, &a, &form, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?staff_added=1#staff", crate::plumbing::urls::partner_space(&a.event.slug, a.partner.id)));
    Ok(())
}

#[server(endpoint = "partners/remove_staff")]
pub async fn remove_partner_staff(slug: String, partner: String, staff: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = contact(&slug, &partner).await?;
    super::space::remove_staff(&state.db, &a, crate::plumbing::parse_id(&staff)?).await?;
    leptos_axum::redirect(&format!("{}?staff_removed=1#staff", crate::plumbing::urls::partner_space(&a.event.slug, a.partner.id)));
    Ok(())
}
