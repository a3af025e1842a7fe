//! Server functions of the schedule builder: organisers of the event only (or instance admins).
//! Forms redirect back to the builder so they work without JavaScript.
use leptos::prelude::*;

use super::{BuilderView, VersionView};
use crate::agenda::VersionsView;
use crate::error::AppError;

use super::Where;
#[cfg(feature = "ssr")]
use crate::auth::guard::{event_access, EventAccess};
#[cfg(feature = "ssr")]
use crate::plumbing::parse_id;
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;

/// The builder on `day`, with a flag for the notice to show.
#[cfg(feature = "ssr")]
fn builder_at(slug: &str, day: &str, flag: &str) -> String {
    let day = day.trim();
    let day = if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok() { format!("day={day}&") } else { String::new() };
    format!("{}?{day}{flag}=1", crate::plumbing::urls::admin_schedule(&slug))
}

#[server(endpoint = "schedule/load")]
pub async fn load_builder(slug: String) -> Result<BuilderView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::builder::builder_view(&state.db, &event, state.clock.now()).await
}

/// Places (or moves) an item; `version` is the one the page showed, `room` an id or "all",
/// `start` the local time HH:MM of `day`. A form comes back to the builder; a drop on the grid
/// (`stay`) stays where it is and shows the answer beside the drop.
#[server(endpoint = "schedule/place")]
pub async fn place_item(
    slug: String,
    item: String,
    version: String,
    #[server(flatten)] at: Where,
    stay: Option<String>,
) -> Result<Vec<String>, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let warnings = super::place::place(&state.db, &event, parse_id(&item)?, &version, &at, state.clock.now()).await?;
    if stay.is_none() {
        leptos_axum::redirect(&builder_at(&event.slug, &at.day, "placed"));
    }
    Ok(warnings)
}

/// Back to the unscheduled panel (a talk) or off the schedule (a break, lunch…).
#[server(endpoint = "schedule/unplace")]
pub async fn unplace_item(slug: String, item: String, version: String, day: String, stay: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::place::unplace(&state.db, &event, parse_id(&item)?, &version, state.clock.now()).await?;
    if stay.is_none() {
        leptos_axum::redirect(&builder_at(&event.slug, &day, "unplaced"));
    }
    Ok(())
}

/// Adds a break, lunch, plenary… at a place and time.
#[server(endpoint = "schedule/add")]
pub async fn add_schedule_item(slug: String, kind: String, title: String, #[server(flatten)] at: Where) -> Result<Vec<String>, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let warnings = super::place::add_extra(&state.db, &event, &kind, &title, &at, state.clock.now()).await?;
    leptos_axum::redirect(&builder_at(&event.slug, &at.day, "added"));
    Ok(warnings)
}

/// Publishes the work in progress; answers the new version number, or None when nothing changed.
#[server(endpoint = "schedule/publish")]
pub async fn publish_schedule(slug: String, name: String) -> Result<Option<i32>, AppError> {
    let state = crate::state::app_state();
    let EventAccess { event, user: me, .. } = event_access(&state.db, &slug, ORGANISERS).await?;
    let published = super::publish::publish(&state, &event, &me, &name).await?;
    let flag = if published.is_some() { "published" } else { "unchanged" };
    leptos_axum::redirect(&builder_at(&event.slug, "", flag));
    Ok(published)
}

#[server(endpoint = "schedule/versions")]
pub async fn load_versions(slug: String) -> Result<VersionsView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    crate::agenda::changes::versions_view(&state.db, &event).await
}

#[server(endpoint = "schedule/version")]
pub async fn load_version(slug: String, number: String) -> Result<VersionView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::publish::version_view(&state.db, &event, parse_id(&number)?).await
}
