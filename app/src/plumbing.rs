//! Shared plumbing: the small helpers every area imports and none owns — route parameters, row ids
//! sent by forms, optional instants typed in an event's zone, and unique-index violations. Nothing
//! here knows about an area; a helper that does belongs in that area.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::error::AppError;

/// A route parameter (`:slug`, `:code`…) of the current page; empty when absent.
pub fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

/// A row id sent by a form; anything else means the row does not exist (404).
pub fn parse_id(id: &str) -> Result<i32, AppError> {
    id.trim().parse::<i32>().map_err(|_| AppError::NotFound)
}

/// A `datetime-local` value in the zone `tz` as an instant; an empty field is `None`, a value that is
/// no time there is the message to show next to the field.
#[cfg(feature = "ssr")]
pub fn optional_instant(typed: &str, tz: chrono_tz::Tz) -> Result<Option<chrono::DateTime<chrono::Utc>>, String> {
    if typed.trim().is_empty() {
        Ok(None)
    } else {
        crate::formats::zoned::local_to_utc(typed, tz).map(Some)
    }
}

/// Whether the database refused a write because of a unique index.
#[cfg(feature = "ssr")]
pub fn is_unique_violation(e: &sea_orm::DbErr) -> bool {
    matches!(e.sql_err(), Some(sea_orm::SqlErr::UniqueConstraintViolation(_)))
}

/// A unique-index violation as the error the person should see (usually `AppError::Conflict` or a
/// field error naming what is taken); any other database error as itself.
#[cfg(feature = "ssr")]
pub fn unique_violation_as(e: sea_orm::DbErr, refusal: impl FnOnce() -> AppError) -> AppError {
    if is_unique_violation(&e) {
        refusal()
    } else {
        AppError::from(e)
    }
}
