//! Server functions for events and their members.
use leptos::prelude::*;

use super::{AdminHome, EventDetail, EventLists, MemberRow};
use crate::error::AppError;
use domain::events::EventForm;

#[cfg(feature = "ssr")]
use crate::auth::guard::event_access;
#[cfg(feature = "ssr")]
use domain::roles::{Role, ORGANISERS};

#[cfg(feature = "ssr")]
fn parse_role(role: &str) -> Result<Role, AppError> {
    Role::parse(role).ok_or_else(|| AppError::field("role", crate::tr!(events.errors.choose_role)))
}

#[server(endpoint = "events/listed")]
pub async fn listed_events() -> Result<EventLists, AppError> {
    let state = crate::state::app_state();
    super::service::listed(&state.db, state.clock.now()).await
}

#[server(endpoint = "events/get")]
pub async fn get_event(slug: String) -> Result<EventDetail, AppError> {
    let state = crate::state::app_state();
    let viewer = crate::auth::session::current_user(&state.db).await?;
    super::service::visible(&state.db, &slug, viewer.as_ref()).await
}

/// The events the signed-in person manages (all of them for an administrator).
#[server(endpoint = "admin/events")]
pub async fn managed_events() -> Result<AdminHome, AppError> {
    let state = crate::state::app_state();
    let me = crate::auth::guard::require_user(&state.db).await?;
    super::service::managed_by(&state.db, &me).await
}

/// Creates an event from the form's fields (`slug`, `name`, … `translations[en]`: see [`EventForm`]).
#[server(endpoint = "admin/create_event")]
pub async fn create_event(#[server(flatten)] form: EventForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    crate::auth::guard::require_admin(&state.db).await?;
    let event = super::service::create(&state.db, &form, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?created=1", crate::plumbing::urls::admin_event(&event.slug)));
    Ok(())
}

/// Saves the event at `current_slug` from the form's fields (see [`EventForm`]).
#[server(endpoint = "events/update")]
pub async fn update_event(current_slug: String, #[server(flatten)] form: EventForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &current_slug, ORGANISERS).await?.event;
    let event = super::service::update(&state.db, event, &form).await?;
    leptos_axum::redirect(&format!("{}?saved=1", crate::plumbing::urls::admin_event(&event.slug)));
    Ok(())
}

#[server(endpoint = "events/members")]
pub async fn event_members(slug: String) -> Result<Vec<MemberRow>, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::members(&state.db, event.id).await
}

#[server(endpoint = "events/grant_role")]
pub async fn grant_role(slug: String, email: String, role: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::grant_role(&state, &event, &email, parse_role(&role)?).await?;
    leptos_axum::redirect(&format!("{}?granted=1", crate::plumbing::urls::admin_event(&event.slug)));
    Ok(())
}

#[server(endpoint = "events/revoke_role")]
pub async fn revoke_role(slug: String, email: String, role: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::revoke_role(&state.db, event.id, &email, parse_role(&role)?).await?;
    leptos_axum::redirect(&format!("{}?revoked=1", crate::plumbing::urls::admin_event(&event.slug)));
    Ok(())
}
