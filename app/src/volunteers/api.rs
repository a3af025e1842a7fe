//! Server functions of the volunteers' side: volunteers, their leads and organisers of the event.
//! Forms come back to the board, so they work without JavaScript (the board ships no app wasm).
use leptos::prelude::*;

use super::BoardView;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::{event_access, EventAccess};
#[cfg(feature = "ssr")]
use domain::roles::VOLUNTEERS;

/// The volunteer side of `slug`, with the person's volunteer record ready.
#[cfg(feature = "ssr")]
async fn volunteer(slug: &str) -> Result<EventAccess, AppError> {
    let state = crate::state::app_state();
    let access = event_access(&state.db, slug, VOLUNTEERS).await?;
    super::signup::ensure_record(&state.db, access.event.id, access.user.id, state.clock.now()).await?;
    Ok(access)
}

#[cfg(feature = "ssr")]
fn back_to_board(slug: &str, flag: &str, shift: i32) -> String {
    format!("{}?{flag}=1#shift-{shift}", crate::plumbing::urls::volunteer_board(slug))
}

/// `only` ("open") keeps the shifts I can take.
#[server(endpoint = "volunteers/board")]
pub async fn load_board(slug: String, only: Option<String>) -> Result<BoardView, AppError> {
    let state = crate::state::app_state();
    let a = volunteer(&slug).await?;
    super::board::board(&state, &a.event, &a.user, only.as_deref() == Some("open"), state.clock.now()).await
}

#[server(endpoint = "volunteers/take")]
pub async fn take_shift(slug: String, shift: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = volunteer(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    let talks = super::signup::talks_of(&state, &a.event, &a.user).await?;
    super::signup::sign_up(&state.db, &a.event, &a.user, id, talks, state.clock.now()).await?;
    leptos_axum::redirect(&back_to_board(&a.event.slug, "taken", id));
    Ok(())
}

#[server(endpoint = "volunteers/wait")]
pub async fn wait_for_shift(slug: String, shift: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = volunteer(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    let talks = super::signup::talks_of(&state, &a.event, &a.user).await?;
    super::signup::join_waitlist(&state.db, &a.event, &a.user, id, talks, state.clock.now()).await?;
    leptos_axum::redirect(&back_to_board(&a.event.slug, "waiting", id));
    Ok(())
}

/// Leaves a shift (or its waiting list); a freed seat goes to the first waiting volunteer who can take it.
#[server(endpoint = "volunteers/leave")]
pub async fn leave_shift(slug: String, shift: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = volunteer(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    let now = state.clock.now();
    if super::signup::sign_out(&state.db, &a.event, &a.user, id, now).await? {
        super::signup::offer_freed_seat(&state, &a.event, id, now).await?;
    }
    leptos_axum::redirect(&back_to_board(&a.event.slug, "left", id));
    Ok(())
}

#[server(endpoint = "volunteers/mine")]
pub async fn load_my_shifts(slug: String) -> Result<super::MyShiftsView, AppError> {
    let state = crate::state::app_state();
    let a = volunteer(&slug).await?;
    super::mine::my_shifts(&state.db, &a.event, &a.user, &state.config.base_url, state.clock.now()).await
}

/// Makes (or remakes, cutting off the old one) the person's calendar address.
#[server(endpoint = "volunteers/new_feed")]
pub async fn new_feed_link(slug: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = volunteer(&slug).await?;
    super::mine::rotate_feed(&state.db, &a.event, &a.user).await?;
    leptos_axum::redirect(&format!("{}?feed=1#calendar", crate::plumbing::urls::my_shifts(&a.event.slug)));
    Ok(())
}

/// "I'm here": checks the volunteer in to their shift, from a quarter of an hour before it starts.
#[server(endpoint = "volunteers/here")]
pub async fn i_am_here(slug: String, shift: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let a = volunteer(&slug).await?;
    let id = crate::plumbing::parse_id(&shift)?;
    super::shift_admin::here(&state.db, &a.event, &a.user, id, state.clock.now()).await?;
    leptos_axum::redirect(&format!("{}?here=1#shift-{id}", crate::plumbing::urls::my_shifts(&a.event.slug)));
    Ok(())
}
