//! Server functions for speakers' unavailability: authorize (a speaker holding an accepted talk of
//! the event) → service → redirect back to the proposal page.
use leptos::prelude::*;

use super::UnavailabilityView;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::require_user;

/// Where to come back after a change: the proposal page the form was on, or "My proposals".
#[cfg(feature = "ssr")]
fn back(code: Option<&str>, flag: &str) -> String {
    let code = code.map(str::trim).filter(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'));
    match code {
        Some(code) => format!("/proposals/{code}?{flag}=1#unavailability"),
        None => format!("/proposals?{flag}=1"),
    }
}

#[server(endpoint = "availability/mine")]
pub async fn my_unavailability(slug: String) -> Result<UnavailabilityView, AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let e = super::service::speaker_event(&state.db, &slug, &me).await?;
    super::service::view(&state.db, &e, &me).await
}

/// `starts_at`, `ends_at`: `datetime-local` values in the event's zone. `code`: the proposal page to return to.
#[server(endpoint = "availability/add")]
pub async fn add_unavailability(
    slug: String,
    starts_at: String,
    ends_at: String,
    note: String,
    code: Option<String>,
) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let e = super::service::speaker_event(&state.db, &slug, &me).await?;
    let form = domain::availability::WindowForm { starts_at, ends_at, note };
    super::service::add(&state.db, &e, &me, &form, state.clock.now()).await?;
    leptos_axum::redirect(&back(code.as_deref(), "unavailable_added"));
    Ok(())
}

#[server(endpoint = "availability/delete")]
pub async fn delete_unavailability(slug: String, id: String, code: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let me = require_user(&state.db).await?;
    let e = super::service::speaker_event(&state.db, &slug, &me).await?;
    let id = crate::plumbing::parse_id(&id)?;
    super::service::delete(&state.db, &e, &me, id).await?;
    leptos_axum::redirect(&back(code.as_deref(), "unavailable_removed"));
    Ok(())
}
