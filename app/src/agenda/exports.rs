//! The published schedule for other tools: frab `schedule.json` / `schedule.xml`, calendar files
//! (whole schedule, one talk, a visitor's favourites), the latest version or a numbered one.
//!
//! Exports are anonymous: a draft event is not found even for its organisers, so every answer can
//! be cached publicly. Bad input (unknown event, version or file name) is a 404, never a 500.
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Extension, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{DateTime, Utc};
use tower_http::cors::{Any, CorsLayer};

use crate::error::AppError;
use crate::events::service::visible_model;
use crate::formats::frab::{schedule_json, schedule_xml};
use crate::formats::ical::{calendar, CalEvent};
use crate::lang::{Locale, RequestLocale};
use crate::published::published_programme;
use crate::state::AppState;
use domain::programme::{Programme, Session};
use domain::timetable::Kind;

/// The language the server chose for the request (the plain-text error answers are in it).
type Lang = Option<Extension<RequestLocale>>;

fn locale(lang: Lang) -> Locale {
    lang.map(|Extension(RequestLocale(l))| l).unwrap_or_default()
}

const JSON: &str = "application/json";
const XML: &str = "application/xml; charset=utf-8";
const ICS: &str = "text/calendar; charset=utf-8";
/// Feeds are polled by apps; a minute keeps them fresh after a publish without hammering the server.
const CACHE: &str = "public, max-age=60";
/// More codes than any favourites list holds: the rest of a longer query is ignored.
const MAX_FAVED: usize = 500;

/// Public read-only answers may be fetched by any site (conference apps, other tools).
pub fn open_cors() -> CorsLayer {
    CorsLayer::new().allow_origin(Any).allow_methods([Method::GET, Method::HEAD])
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{slug}/schedule.json", get(latest_json))
        .route("/{slug}/schedule.xml", get(latest_xml))
        .route("/{slug}/schedule.ics", get(latest_ics))
        .route("/{slug}/v/{number}/{file}", get(versioned))
        .route("/{slug}/talk/{file}", get(talk_ics))
        .route("/{slug}/faved.ics", get(faved_ics))
        .layer(open_cors())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Xml,
    Ics,
}

impl Format {
    fn from_file(file: &str) -> Option<Format> {
        match file {
            "schedule.json" => Some(Format::Json),
            "schedule.xml" => Some(Format::Xml),
            "schedule.ics" => Some(Format::Ics),
            _ => None,
        }
    }
}

async fn latest_json(State(s): State<AppState>, Path(slug): Path<String>, lang: Lang, h: HeaderMap) -> Response {
    whole(&s, &h, &slug, None, Format::Json, locale(lang)).await
}

async fn latest_xml(State(s): State<AppState>, Path(slug): Path<String>, lang: Lang, h: HeaderMap) -> Response {
    whole(&s, &h, &slug, None, Format::Xml, locale(lang)).await
}

async fn latest_ics(State(s): State<AppState>, Path(slug): Path<String>, lang: Lang, h: HeaderMap) -> Response {
    whole(&s, &h, &slug, None, Format::Ics, locale(lang)).await
}

async fn versioned(
    State(s): State<AppState>,
    Path((slug, number, file)): Path<(String, String, String)>,
    lang: Lang,
    h: HeaderMap,
) -> Response {
    let l = locale(lang);
    let (Ok(number), Some(format)) = (number.parse::<i32>(), Format::from_file(&file)) else {
        return not_found(l);
    };
    whole(&s, &h, &slug, Some(number), format, l).await
}

async fn talk_ics(State(s): State<AppState>, Path((slug, file)): Path<(String, String)>, lang: Lang, h: HeaderMap) -> Response {
    let l = locale(lang);
    let Some(code) = file.strip_suffix(".ics") else {
        return not_found(l);
    };
    let p = match load(&s, &slug, None, l).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let Some(session) = p.session(code) else {
        return not_found(l);
    };
    if let Some(r) = not_modified(&h, p.published_at) {
        return r;
    }
    let body = ics(&p, &[session], &s.config.base_url);
    ok(body, ICS, p.published_at)
}

/// `?talks=CODE1,CODE2`: the visitor's starred talks (kept in their browser) as one calendar.
async fn faved_ics(
    State(s): State<AppState>,
    Path(slug): Path<String>,
    Query(q): Query<HashMap<String, String>>,
    lang: Lang,
    h: HeaderMap,
) -> Response {
    let p = match load(&s, &slug, None, locale(lang)).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    if let Some(r) = not_modified(&h, p.published_at) {
        return r;
    }
    let codes: Vec<&str> = q.get("talks").map(|t| t.split(',').map(str::trim).take(MAX_FAVED).collect()).unwrap_or_default();
    let starred: Vec<&Session> = p.sessions.iter().filter(|s| s.code.as_deref().is_some_and(|c| codes.contains(&c))).collect();
    let body = ics(&p, &starred, &s.config.base_url);
    ok(body, ICS, p.published_at)
}

async fn whole(s: &AppState, h: &HeaderMap, slug: &str, number: Option<i32>, format: Format, l: Locale) -> Response {
    let p = match load(s, slug, number, l).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    if let Some(r) = not_modified(h, p.published_at) {
        return r;
    }
    let base = &s.config.base_url;
    match format {
        Format::Json => match serde_json::to_string_pretty(&schedule_json(&p, base)) {
            Ok(body) => ok(body, JSON, p.published_at),
            Err(_) => failure(AppError::Internal, l),
        },
        Format::Xml => ok(schedule_xml(&p, base), XML, p.published_at),
        Format::Ics => {
            let all: Vec<&Session> = p.sessions.iter().collect();
            ok(ics(&p, &all, base), ICS, p.published_at)
        }
    }
}

/// The published programme of a visible event, or the response to give instead.
/// The latest version comes from the shared programme cache; older ones are read as asked.
async fn load(s: &AppState, slug: &str, number: Option<i32>, l: Locale) -> Result<Arc<Programme>, Response> {
    let e = visible_model(&s.db, slug, None).await.map_err(|err| failure(err, l))?;
    published_programme(&s.db, &s.programmes, &e, number).await.map_err(|err| failure(err, l))
}

/// Stamped with the version's publication time (not now), so the same version gives the same bytes.
fn ics(p: &Programme, sessions: &[&Session], base_url: &str) -> String {
    let base = base_url.trim_end_matches('/');
    let host = base.split("://").nth(1).unwrap_or(base);
    let events: Vec<CalEvent> = sessions.iter().map(|s| cal_event(p, s, base, host)).collect();
    calendar(&p.name, &events, p.published_at)
}

/// UIDs are those of the speakers' mails, so one calendar app merges both.
fn cal_event(p: &Programme, s: &Session, base: &str, host: &str) -> CalEvent {
    let speakers: Vec<&str> = s.speakers.iter().map(|r| r.name.as_str()).collect();
    let description =
        [speakers.join(", "), s.abstract_md.trim().to_string()].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join("\n\n");
    let url = match (&s.code, s.kind) {
        (Some(code), Kind::Talk) => format!("{base}/events/{}/talk/{code}", p.slug),
        _ => format!("{base}/events/{}/agenda", p.slug),
    };
    CalEvent {
        uid: format!("{}-item-{}@{host}", p.slug, s.item),
        summary: s.title.clone(),
        description,
        location: [s.room.as_str(), p.venue.as_str()].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(", "),
        start: s.start,
        end: s.end,
        url: Some(url),
    }
}

/// "Sun, 06 Nov 1994 08:49:37 GMT".
pub fn http_date(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// A 304 when the client's copy is at least as new as the version (HTTP dates have whole seconds).
pub(crate) fn not_modified(h: &HeaderMap, published_at: DateTime<Utc>) -> Option<Response> {
    let since = h.get(header::IF_MODIFIED_SINCE)?.to_str().ok()?;
    let since = DateTime::parse_from_rfc2822(since).ok()?.with_timezone(&Utc);
    (published_at.timestamp() <= since.timestamp()).then(|| {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        with_cache_headers(&mut r, published_at);
        r
    })
}

pub(crate) fn with_cache_headers(r: &mut Response, published_at: DateTime<Utc>) {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    if let Ok(v) = HeaderValue::from_str(&http_date(published_at)) {
        h.insert(header::LAST_MODIFIED, v);
    }
}

fn ok(body: String, content_type: &'static str, published_at: DateTime<Utc>) -> Response {
    let mut r = ([(header::CONTENT_TYPE, content_type)], body).into_response();
    with_cache_headers(&mut r, published_at);
    r
}

fn not_found(l: Locale) -> Response {
    let sentence = leptos_i18n::td_string!(l, agenda.export_not_found);
    (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], sentence).into_response()
}

fn failure(err: AppError, l: Locale) -> Response {
    match err {
        AppError::NotFound => not_found(l),
        other => {
            tracing::error!(error = %other, "schedule export failed");
            let sentence = leptos_i18n::td_string!(l, errors.internal);
            (StatusCode::INTERNAL_SERVER_ERROR, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], sentence).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn http_dates_round_trip_through_if_modified_since() {
        let t = Utc.with_ymd_and_hms(2027, 3, 1, 12, 4, 5).unwrap();
        assert_eq!(http_date(t), "Mon, 01 Mar 2027 12:04:05 GMT");
        let mut h = HeaderMap::new();
        h.insert(header::IF_MODIFIED_SINCE, HeaderValue::from_str(&http_date(t)).unwrap());
        assert!(not_modified(&h, t).is_some());
        assert!(not_modified(&h, t + chrono::Duration::seconds(1)).is_none(), "a newer version is sent");
        h.insert(header::IF_MODIFIED_SINCE, HeaderValue::from_static("yesterday"));
        assert!(not_modified(&h, t).is_none(), "an unreadable date is ignored");
    }

    #[test]
    fn only_the_three_schedule_files_are_versioned() {
        assert_eq!(Format::from_file("schedule.xml"), Some(Format::Xml));
        assert_eq!(Format::from_file("schedule.csv"), None);
    }
}
