//! Spreadsheet (CSV) downloads of an event's tables: who may fetch one (a signed-in person holding one of
//! the roles), cells a spreadsheet will not run as formulas, and the response itself.
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos_i18n::td_string;

use crate::auth::guard::has_event_role;
use crate::auth::session::{session_token, user_for_token};
use crate::entities::event;
use crate::error::AppError;
use crate::lang::Locale;
use crate::state::AppState;
use domain::roles::Role;

/// A cell a spreadsheet will not run as a formula: text starting with `= + - @` (or a tab or carriage
/// return, which some spreadsheets skip first) gets a leading apostrophe.
pub fn safe_cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    }
}

/// The whole file: the header line, then one line per record, every cell made safe.
pub fn write_csv<R: AsRef<[String]>>(columns: &[&str], records: &[R]) -> Result<Vec<u8>, ::csv::Error> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(columns)?;
    for r in records {
        w.write_record(r.as_ref().iter().map(|c| safe_cell(c)))?;
    }
    w.into_inner().map_err(|e| ::csv::Error::from(e.into_error()))
}

pub fn text(status: StatusCode, message: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response()
}

pub fn failure(l: Locale, err: AppError) -> Response {
    match err {
        AppError::NotFound => text(StatusCode::NOT_FOUND, td_string!(l, organizer.csv.not_found)),
        _ => text(StatusCode::INTERNAL_SERVER_ERROR, td_string!(l, organizer.csv.failed)),
    }
}

/// The event of `slug` if the request's session holds one of `roles` there; else the answer to send.
pub async fn event_for(state: &AppState, slug: &str, headers: &HeaderMap, l: Locale, roles: &[Role]) -> Result<event::Model, Response> {
    let user = match session_token(headers) {
        Some(token) => user_for_token(&state.db, &token, state.clock.now()).await.map_err(|e| failure(l, e))?,
        None => None,
    };
    let Some(user) = user else {
        return Err(text(StatusCode::UNAUTHORIZED, td_string!(l, organizer.csv.sign_in)));
    };
    let event = crate::events::service::by_slug(&state.db, slug).await.map_err(|e| failure(l, e))?;
    match has_event_role(&state.db, &user, event.id, roles).await {
        Ok(true) => Ok(event),
        Ok(false) => Err(text(StatusCode::FORBIDDEN, td_string!(l, organizer.csv.forbidden))),
        Err(e) => Err(failure(l, e)),
    }
}

/// Only slug characters go into the file name (slugs are already limited to them).
pub fn file_name(slug: &str, what: &str) -> String {
    let clean: String = slug.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    format!("{}-{what}.csv", if clean.is_empty() { "event" } else { &clean })
}

/// The download: never kept by shared caches (it names people).
pub fn download(l: Locale, file: &str, body: Result<Vec<u8>, ::csv::Error>) -> Response {
    let body = match body {
        Ok(b) => b,
        Err(e) => return failure(l, AppError::internal(e)),
    };
    let disposition =
        HeaderValue::from_str(&format!("attachment; filename=\"{file}\"")).unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("private, no-store")),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(safe_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(safe_cell("+33 6"), "'+33 6");
        assert_eq!(safe_cell("-1"), "'-1");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\t=1"), "'\t=1");
        assert_eq!(safe_cell("Operators in anger"), "Operators in anger");
        assert_eq!(safe_cell("a=b"), "a=b");
        assert_eq!(safe_cell(""), "");
    }

    #[test]
    fn file_names_keep_slug_characters_only() {
        assert_eq!(file_name("cloud-nord-2026", "proposals"), "cloud-nord-2026-proposals.csv");
        assert_eq!(file_name("a\"b\r\n", "volunteers"), "ab-volunteers.csv");
    }
}
