//! Server functions for rooms and day hours: authorize (organiser of the event or admin) → service → redirect.
use leptos::prelude::*;

use super::VenueView;
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::auth::guard::event_access;
#[cfg(feature = "ssr")]
use crate::plumbing::{for_row, parse_id};
#[cfg(feature = "ssr")]
use domain::roles::ORGANISERS;
#[cfg(feature = "ssr")]
use domain::venue::RoomForm;

#[cfg(feature = "ssr")]
fn venue_page(slug: &str, flag: &str, anchor: &str) -> String {
    format!("{}?{flag}=1{anchor}", crate::plumbing::urls::admin_venue(&slug))
}

#[server(endpoint = "venue/load")]
pub async fn load_venue(slug: String) -> Result<VenueView, AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::venue_view(&state.db, &event).await
}

#[server(endpoint = "venue/add_room")]
pub async fn add_room(slug: String, name: String, capacity: String, description: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::add_room(&state.db, event.id, &RoomForm { name, capacity, description }, state.clock.now()).await?;
    leptos_axum::redirect(&venue_page(&event.slug, "room_added", "#rooms"));
    Ok(())
}

/// Field errors come back as `room-<id>-<field>` so the page shows them on that row.
#[server(endpoint = "venue/update_room")]
pub async fn update_room(slug: String, id: String, name: String, capacity: String, description: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let id = parse_id(&id)?;
    super::service::update_room(&state.db, event.id, id, &RoomForm { name, capacity, description })
        .await
        .map_err(|e| for_row(e, &format!("room-{id}-")))?;
    leptos_axum::redirect(&venue_page(&event.slug, "room_saved", "#rooms"));
    Ok(())
}

/// `direction` is `up` or `down`.
#[server(endpoint = "venue/move_room")]
pub async fn move_room(slug: String, id: String, direction: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    let up = match direction.as_str() {
        "up" => true,
        "down" => false,
        _ => return Err(AppError::BadRequest(crate::tr!(venue.up_or_down).into())),
    };
    super::service::move_room(&state.db, event.id, parse_id(&id)?, up).await?;
    leptos_axum::redirect(&venue_page(&event.slug, "room_moved", "#rooms"));
    Ok(())
}

#[server(endpoint = "venue/delete_room")]
pub async fn delete_room(slug: String, id: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::delete_room(&state.db, event.id, parse_id(&id)?).await?;
    leptos_axum::redirect(&venue_page(&event.slug, "room_deleted", "#rooms"));
    Ok(())
}

/// Field errors come back as `day-<YYYY-MM-DD>-<field>`.
#[server(endpoint = "venue/save_day_hours")]
pub async fn save_day_hours(slug: String, day: String, opens: String, closes: String) -> Result<(), AppError> {
    let state = crate::state::app_state();
    let event = event_access(&state.db, &slug, ORGANISERS).await?.event;
    super::service::save_day_hours(&state.db, &event, &day, &opens, &closes)
        .await
        .map_err(|e| for_row(e, &format!("day-{}-", day.trim())))?;
    leptos_axum::redirect(&venue_page(&event.slug, "day_saved", "#days"));
    Ok(())
}
