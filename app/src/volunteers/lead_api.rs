//! Server functions of the volunteer leads' page: volunteer leads and organisers of the event.
use leptos::prelude::*;

use super::{LeadView, TeamForm};
use crate::error::AppError;
use domain::volunteers::shifts::ShiftForm;

#[cfg(feature = "ssr")]
use crate::auth::guard::event_access;
#[cfg(feature = "ssr")]
use domain::roles::VOLUNTEER_LEADS;

#[cfg(feature = "ssr")]
fn back(slug: &str, flag: &str) -> String {
    format!("{}?{flag}=1", crate::plumbing::urls::admin_volunteers(slug))
}

#[server(endpoint = "volunteers/lead")]
pub async fn load_lead_view(slug: String) -> Result<LeadView, AppError> {
    let state = crate::state::app_state();
    let e = event_access(&state.db, &slug, VOLUNTEER_LEADS).await?.event;
    let hosts = super::hosts::preview(&state, &e).await?;
    let now = super::shift_admin::on_shift_now(&state.db, &e, state.clock.now()).await?;
    let clashes = super::clashes::clash_lines(&state, &e).await?;
    Ok(LeadView { hosts, now, clashes, ..super::lead::lead_view(&state.db, &e).await? })
}

/// Applies the room-host rule to the published agenda; new shifts go to the team `team_id`.
#[server(endpoint = "volunteers/apply_hosts")]
pub async fn apply_hosts(slug: String, team_id: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = event_access(&state.db, &slug, VOLUNTEER_LEADS).await?.event;
    let team = team_id.trim().parse::<i32>().map_err(|_| AppError::problem("team_id", domain::problem::Problem::TeamUnknown))?;
    super::hosts::apply(&state, &e, team, state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, "hosts_applied"));
    Ok(())
}

/// Adds a team (the fields of [`TeamForm`]).
#[server(endpoint = "volunteers/add_team")]
pub async fn add_team(slug: String, #[server(flatten)] form: TeamForm) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = event_access(&state.db, &slug, VOLUNTEER_LEADS).await?.event;
    super::lead::create_team(&state.db, &e, &super::lead::TeamInput::from_form(&form), state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, "team_added"));
    Ok(())
}

/// Adds a shift, or with `cut` (minutes) a block of shifts (the fields of [`ShiftForm`]).
#[server(endpoint = "volunteers/add_shifts")]
pub async fn add_shifts(slug: String, #[server(flatten)] form: ShiftForm, cut: Option<String>) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let e = event_access(&state.db, &slug, VOLUNTEER_LEADS).await?.event;
    super::lead::add_shifts(&state.db, &e, &form, cut.as_deref().unwrap_or_default(), state.clock.now()).await?;
    leptos_axum::redirect(&back(&e.slug, "shifts_added"));
    Ok(())
}
