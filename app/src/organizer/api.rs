//! Server functions for organisers: authorize (organiser of the event or admin) → service → redirect.
use leptos::prelude::*;

use super::{CfpSettingsForm, CfpSettingsView, OrganizerProposal, ProposalFilters, ProposalsList};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::event_access;
#[cfg(feature = "ssr")]
use crate::plumbing::parse_id;
use domain::cfp::{FormatForm, TrackForm};
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;

#[cfg(feature = "ssr")]
fn cfp_page(slug: &str, flag: &str, anchor: &str) -> String {
    format!("{}?{flag}=1{anchor}", crate::plumbing::urls::admin_cfp(&slug))
}

#[server(endpoint = "organizer/cfp_settings")]
pub async fn load_cfp_settings(slug: String) -> Result<CfpSettingsView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::settings_view(&state.db, &event, state.clock.now()).await
}

/// Saves the CFP settings of the event `slug` (see [`CfpSettingsForm`]).
#[server(endpoint = "organizer/save_cfp_settings")]
pub async fn save_cfp_settings(slug: String, #[server(flatten)] form: CfpSettingsForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::save_settings(&state.db, &event, &form, state.clock.now()).await?;
    leptos_axum::redirect(&cfp_page(&event.slug, "saved", ""));
    Ok(())
}

#[server(endpoint = "organizer/add_format")]
pub async fn add_format(slug: String, #[server(flatten)] form: FormatForm, hidden: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::add_format(&state.db, event.id, &form, hidden.is_some(), state.clock.now()).await?;
    leptos_axum::redirect(&cfp_page(&event.slug, "format_added", "#formats"));
    Ok(())
}

/// Field errors come back as `format-<id>-<field>` so the page shows them on that row.
#[server(endpoint = "organizer/update_format")]
pub async fn update_format(slug: String, id: String, #[server(flatten)] form: FormatForm, hidden: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let id = parse_id(&id)?;
    super::service::update_format(&state.db, event.id, id, &form, hidden.is_some())
        .await
        .map_err(|e| crate::plumbing::for_row(e, &format!("format-{id}-")))?;
    leptos_axum::redirect(&cfp_page(&event.slug, "format_saved", "#formats"));
    Ok(())
}

#[server(endpoint = "organizer/delete_format")]
pub async fn delete_format(slug: String, id: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::delete_format(&state.db, event.id, parse_id(&id)?).await?;
    leptos_axum::redirect(&cfp_page(&event.slug, "format_deleted", "#formats"));
    Ok(())
}

#[server(endpoint = "organizer/add_track")]
pub async fn add_track(slug: String, #[server(flatten)] form: TrackForm, hidden: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::add_track(&state.db, event.id, &form, hidden.is_some(), state.clock.now()).await?;
    leptos_axum::redirect(&cfp_page(&event.slug, "track_added", "#tracks"));
    Ok(())
}

/// Field errors come back as `track-<id>-<field>` so the page shows them on that row.
#[server(endpoint = "organizer/update_track")]
pub async fn update_track(slug: String, id: String, #[server(flatten)] form: TrackForm, hidden: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let id = parse_id(&id)?;
    super::service::update_track(&state.db, event.id, id, &form, hidden.is_some())
        .await
        .map_err(|e| crate::plumbing::for_row(e, &format!("track-{id}-")))?;
    leptos_axum::redirect(&cfp_page(&event.slug, "track_saved", "#tracks"));
    Ok(())
}

#[server(endpoint = "organizer/delete_track")]
pub async fn delete_track(slug: String, id: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::delete_track(&state.db, event.id, parse_id(&id)?).await?;
    leptos_axum::redirect(&cfp_page(&event.slug, "track_deleted", "#tracks"));
    Ok(())
}

/// The event's proposals (never drafts) matching the filters of the table's GET form.
#[server(endpoint = "organizer/proposals")]
pub async fn organizer_proposals(slug: String, #[server(flatten)] filters: ProposalFilters) -> Result<ProposalsList, AppError> {
    let app = crate::state::app_state();
    let event = event_access(&app.db, &slug, ORGANISERS).await?.event;
    super::proposals::list(&app.db, &event, filters).await
}

/// One proposal of the event with its speakers' profiles; drafts and other events' codes are 404.
#[server(endpoint = "organizer/proposal")]
pub async fn organizer_proposal_detail(slug: String, code: String) -> Result<OrganizerProposal, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::proposals::detail(&state.db, &event, &code).await
}
