//! Shared plumbing: the small helpers every area imports and none owns — route parameters, row ids
//! sent by forms, errors of one row's form in a table of forms, optional instants typed in an
//! event's zone, unique-index violations, and the addresses of the admin and review pages (`urls`).
//! Nothing here knows about an area; a helper that does belongs in that area.
pub mod urls;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::error::{AppError, FieldError};

/// A route parameter (`:slug`, `:code`…) of the current page; empty when absent.
pub fn param(name: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

/// A row id sent by a form; anything else means the row does not exist (404).
pub fn parse_id(id: &str) -> Result<i32, AppError> {
    id.trim().parse::<i32>().map_err(|_| AppError::NotFound)
}

/// Renames the fields of a validation error (`name` → `format-3-name`), so the page shows it on the
/// right row; other errors pass unchanged.
pub fn for_row(err: AppError, prefix: &str) -> AppError {
    match err {
        AppError::Validation { fields, .. } => AppError::validation(
            fields.into_iter().map(|f| FieldError { field: format!("{prefix}{}", f.field), message: f.message }).collect(),
        ),
        other => other,
    }
}

/// The error of a row's form about `field` (the server names it `<prefix><field>`).
pub fn row_error(error: Signal<Option<AppError>>, prefix: &str, field: &str) -> Signal<Option<String>> {
    let key = format!("{prefix}{field}");
    Signal::derive(move || error.get().and_then(|e| e.field_message(&key)))
}

/// Whether the last error concerns the row with `prefix` (its edit form is then shown open).
pub fn row_has_error(error: Signal<Option<AppError>>, prefix: String) -> Signal<bool> {
    Signal::derive(move || match error.get() {
        Some(AppError::Validation { fields, .. }) => fields.iter().any(|f| f.field.starts_with(&prefix)),
        _ => false,
    })
}

/// The last error, unless it is about fields (those are shown on their row).
pub fn general_error(error: Signal<Option<AppError>>) -> Signal<Option<AppError>> {
    Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation { .. })))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_errors_are_renamed_and_others_kept() {
        let err = for_row(AppError::field("name", "Please enter a name."), "format-3-");
        assert_eq!(err.field_message("format-3-name").as_deref(), Some("Please enter a name."));
        assert_eq!(for_row(AppError::NotFound, "format-3-"), AppError::NotFound);
    }
}

/// Percent-encodes a path for use inside a query string (`?next=/a/b%3Fc`): slashes stay readable.
pub fn path_in_query(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
