//! `GET /admin/events/{slug}/proposals.csv`: the proposals table as a spreadsheet, for the event's
//! organisers only, with the same filters and the same draft exclusion as the page.
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use chrono::SecondsFormat;

use super::proposals::{event_proposals, EventProposals, Loaded};
use super::ProposalFilters;
use crate::auth::guard::has_event_role;
use crate::auth::session::{session_token, user_for_token};
use crate::error::AppError;
use crate::lang::{Locale, RequestLocale};
use crate::state::AppState;
use domain::roles::ORGANISERS;
use leptos_i18n::td_string;

pub const COLUMNS: [&str; 10] =
    ["code", "title", "state", "format", "track", "level", "language", "speakers", "speaker_emails", "submitted_at"];

/// A cell a spreadsheet will not run as a formula: text starting with `= + - @` (or a tab or carriage
/// return, which some spreadsheets skip first) gets a leading apostrophe.
pub fn safe_cell(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    }
}

/// The CSV line of one proposal, in the order of [`COLUMNS`].
fn record(all: &EventProposals, l: &Loaded) -> [String; 10] {
    let p = &l.proposal;
    [
        p.code.clone(),
        p.title.clone(),
        p.state.clone(),
        all.format_name(p.format_id).unwrap_or_default(),
        all.track_name(p.track_id).unwrap_or_default(),
        p.level.clone(),
        p.language.clone(),
        l.speaker_names().join("; "),
        l.speakers.iter().map(|s| s.user.email.as_str()).collect::<Vec<_>>().join("; "),
        p.submitted_at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)).unwrap_or_default(),
    ]
}

/// The whole file: the header line, then one line per record, every cell made safe.
pub fn write_csv(records: &[[String; 10]]) -> Result<Vec<u8>, ::csv::Error> {
    let mut w = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    for r in records {
        w.write_record(r.iter().map(|c| safe_cell(c)))?;
    }
    w.into_inner().map_err(|e| ::csv::Error::from(e.into_error()))
}

fn text(status: StatusCode, message: &'static str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], message).into_response()
}

fn failure(l: Locale, err: AppError) -> Response {
    match err {
        AppError::NotFound => text(StatusCode::NOT_FOUND, td_string!(l, organizer.csv.not_found)),
        _ => text(StatusCode::INTERNAL_SERVER_ERROR, td_string!(l, organizer.csv.failed)),
    }
}

/// Only slug characters go into the file name (slugs are already limited to them).
fn file_name(slug: &str) -> String {
    let clean: String = slug.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    format!("{}-proposals.csv", if clean.is_empty() { "event" } else { &clean })
}

pub async fn proposals_csv(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(filters): Query<ProposalFilters>,
    headers: HeaderMap,
    locale: Option<Extension<RequestLocale>>,
) -> Response {
    let l = locale.map(|Extension(RequestLocale(l))| l).unwrap_or_default();
    let user = match session_token(&headers) {
        Some(token) => match user_for_token(&state.db, &token, state.clock.now()).await {
            Ok(u) => u,
            Err(e) => return failure(l, e),
        },
        None => None,
    };
    let Some(user) = user else {
        return text(StatusCode::UNAUTHORIZED, td_string!(l, organizer.csv.sign_in));
    };
    let event = match crate::events::service::by_slug(&state.db, &slug).await {
        Ok(e) => e,
        Err(e) => return failure(l, e),
    };
    match has_event_role(&state.db, &user, event.id, ORGANISERS).await {
        Ok(true) => {}
        Ok(false) => return text(StatusCode::FORBIDDEN, td_string!(l, organizer.csv.forbidden)),
        Err(e) => return failure(l, e),
    }
    let all = match event_proposals(&state.db, event.id).await {
        Ok(all) => all,
        Err(e) => return failure(l, e),
    };
    let records: Vec<[String; 10]> = all.filtered(&filters).into_iter().map(|l| record(&all, l)).collect();
    let body = match write_csv(&records) {
        Ok(b) => b,
        Err(e) => return failure(l, AppError::internal(e)),
    };
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file_name(&event.slug)))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, disposition),
            // Speakers' emails: keep them out of shared caches.
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
    fn the_file_has_a_header_and_quoted_cells() {
        let mut r: [String; 10] = Default::default();
        r[0] = "abc".into();
        r[1] = "Hello, \"world\"".into();
        r[7] = "Zoé; Marc".into();
        r[8] = "=cmd|' /C calc'!A0".into();
        let out = String::from_utf8(write_csv(&[r]).unwrap()).unwrap();
        let mut lines = out.split("\r\n");
        assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
        assert_eq!(lines.next().unwrap(), "abc,\"Hello, \"\"world\"\"\",,,,,,Zoé; Marc,'=cmd|' /C calc'!A0,");
    }

    #[test]
    fn file_names_keep_slug_characters_only() {
        assert_eq!(file_name("cloud-nord-2026"), "cloud-nord-2026-proposals.csv");
        assert_eq!(file_name("a\"b\r\n"), "ab-proposals.csv");
    }
}
