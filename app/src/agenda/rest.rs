//! The read-only REST API under `/api/v1`, with its OpenAPI 3 document at `/api/openapi.json`.
//!
//! Like the exports it is anonymous: public and unlisted events (unlisted only by slug, never in the
//! list), drafts never; talks, speakers, rooms and tracks come from the latest published version,
//! or an older one with `?version=N`, dated by `Last-Modified` (`If-Modified-Since` gets a 304).
//! Answers are JSON, open to any origin and publicly cacheable for a minute; errors are JSON too,
//! `{ "error": "a sentence" }`.
use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use utoipa::OpenApi;

pub use super::rest_dto::*;
use crate::entities::event;
use crate::error::AppError;
use crate::events::service::visible_model;
use crate::published::published_programme;
use crate::state::AppState;
use domain::events::Visibility;
use domain::programme::Programme;
use domain::timetable::Kind;

const CACHE: &str = "public, max-age=60";
const DEFAULT_PER_PAGE: u64 = 50;

#[derive(OpenApi)]
#[openapi(
    info(title = "Estrade API", version = "1", description = "Read-only access to public events and their published schedules."),
    paths(events, event_detail, talks, talk, speakers, speaker, rooms, tracks, schedule),
    tags((name = "events", description = "Public events and their published programmes"))
)]
pub struct ApiDoc;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/v1/events", get(events))
        .route("/api/v1/events/{slug}", get(event_detail))
        .route("/api/v1/events/{slug}/talks", get(talks))
        .route("/api/v1/events/{slug}/talks/{code}", get(talk))
        .route("/api/v1/events/{slug}/speakers", get(speakers))
        .route("/api/v1/events/{slug}/speakers/{code}", get(speaker))
        .route("/api/v1/events/{slug}/rooms", get(rooms))
        .route("/api/v1/events/{slug}/tracks", get(tracks))
        .route("/api/v1/events/{slug}/schedule", get(schedule))
        .layer(super::exports::open_cors())
}

type Params = Query<HashMap<String, String>>;

async fn openapi_json() -> Response {
    match ApiDoc::openapi().to_pretty_json() {
        Ok(body) => cached(([(header::CONTENT_TYPE, "application/json")], body).into_response()),
        Err(_) => failure(AppError::Internal),
    }
}

/// Public events (not unlisted ones, never drafts), soonest first.
#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(PageParams),
    responses((status = 200, body = Page<EventDto>), (status = 400, body = ApiError)))]
async fn events(State(s): State<AppState>, uri: Uri, Query(q): Params) -> Response {
    let (page, per_page) = match page_params(&q) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let found = event::Entity::find()
        .filter(event::Column::Visibility.eq(Visibility::Public.as_str()))
        .order_by_asc(event::Column::StartDate)
        .order_by_asc(event::Column::Slug)
        .all(&s.db)
        .await;
    match found {
        Ok(all) => paged(&uri, page, per_page, all.iter().map(EventDto::from_model).collect()),
        Err(e) => failure(e.into()),
    }
}

/// A public or unlisted event.
#[utoipa::path(get, path = "/api/v1/events/{slug}", tag = "events", params(("slug" = String, Path)),
    responses((status = 200, body = EventDto), (status = 404, body = ApiError)))]
async fn event_detail(State(s): State<AppState>, Path(slug): Path<String>) -> Response {
    match visible_event(&s, &slug).await {
        Ok(e) => ok(&EventDto::from_model(&e)),
        Err(r) => r,
    }
}

/// The talks of the published schedule, in time then room order.
#[utoipa::path(get, path = "/api/v1/events/{slug}/talks", tag = "events", params(("slug" = String, Path), PageParams, VersionParams),
    responses((status = 200, body = Page<TalkDto>), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn talks(State(s): State<AppState>, Path(slug): Path<String>, uri: Uri, Query(q): Params, h: HeaderMap) -> Response {
    listing(&s, &slug, &uri, &q, &h, |p| p.sessions.iter().filter(|s| s.kind == Kind::Talk).filter_map(TalkDto::from_session).collect())
        .await
}

/// One published talk by its public code.
#[utoipa::path(get, path = "/api/v1/events/{slug}/talks/{code}", tag = "events", params(("slug" = String, Path), ("code" = String, Path), VersionParams),
    responses((status = 200, body = TalkDto), (status = 304), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn talk(State(s): State<AppState>, Path((slug, code)): Path<(String, String)>, Query(q): Params, h: HeaderMap) -> Response {
    from_programme(&s, &slug, &q, &h, |p| match p.session(&code).filter(|t| t.kind == Kind::Talk).and_then(TalkDto::from_session) {
        Some(t) => ok(&t),
        None => error(StatusCode::NOT_FOUND, "We could not find that talk in the published schedule."),
    })
    .await
}

/// The speakers of the published talks, by name.
#[utoipa::path(get, path = "/api/v1/events/{slug}/speakers", tag = "events", params(("slug" = String, Path), PageParams, VersionParams),
    responses((status = 200, body = Page<SpeakerDto>), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn speakers(State(s): State<AppState>, Path(slug): Path<String>, uri: Uri, Query(q): Params, h: HeaderMap) -> Response {
    listing(&s, &slug, &uri, &q, &h, |p| p.speakers.iter().map(SpeakerDto::from).collect()).await
}

/// One speaker of the published schedule by their public code.
#[utoipa::path(get, path = "/api/v1/events/{slug}/speakers/{code}", tag = "events", params(("slug" = String, Path), ("code" = String, Path), VersionParams),
    responses((status = 200, body = SpeakerDto), (status = 304), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn speaker(State(s): State<AppState>, Path((slug, code)): Path<(String, String)>, Query(q): Params, h: HeaderMap) -> Response {
    from_programme(&s, &slug, &q, &h, |p| match p.speaker(&code) {
        Some(sp) => ok(&SpeakerDto::from(sp)),
        None => error(StatusCode::NOT_FOUND, "We could not find that speaker in the published schedule."),
    })
    .await
}

/// The event's rooms in their order.
#[utoipa::path(get, path = "/api/v1/events/{slug}/rooms", tag = "events", params(("slug" = String, Path), PageParams, VersionParams),
    responses((status = 200, body = Page<RoomDto>), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn rooms(State(s): State<AppState>, Path(slug): Path<String>, uri: Uri, Query(q): Params, h: HeaderMap) -> Response {
    listing(&s, &slug, &uri, &q, &h, |p| p.rooms.iter().map(RoomDto::from).collect()).await
}

/// The event's visible tracks in their order.
#[utoipa::path(get, path = "/api/v1/events/{slug}/tracks", tag = "events", params(("slug" = String, Path), PageParams, VersionParams),
    responses((status = 200, body = Page<TrackDto>), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn tracks(State(s): State<AppState>, Path(slug): Path<String>, uri: Uri, Query(q): Params, h: HeaderMap) -> Response {
    listing(&s, &slug, &uri, &q, &h, |p| p.tracks.iter().map(TrackDto::from).collect()).await
}

/// The whole published schedule (the latest, or `?version=`), breaks included, with its version number.
#[utoipa::path(get, path = "/api/v1/events/{slug}/schedule", tag = "events", params(("slug" = String, Path), VersionParams),
    responses((status = 200, body = ScheduleDto), (status = 304), (status = 400, body = ApiError), (status = 404, body = ApiError)))]
async fn schedule(State(s): State<AppState>, Path(slug): Path<String>, Query(q): Params, h: HeaderMap) -> Response {
    from_programme(&s, &slug, &q, &h, |p| ok(&ScheduleDto::from(p))).await
}

/// One page of what `pick` takes from the published programme of `slug`.
async fn listing<T: Serialize>(
    s: &AppState,
    slug: &str,
    uri: &Uri,
    q: &HashMap<String, String>,
    h: &HeaderMap,
    pick: impl FnOnce(&Programme) -> Vec<T>,
) -> Response {
    let (page, per_page) = match page_params(q) {
        Ok(p) => p,
        Err(r) => return r,
    };
    from_programme(s, slug, q, h, |p| paged(uri, page, per_page, pick(p))).await
}

/// `answer` from the programme `?version=` names (the latest by default), dated by its publication
/// (`Last-Modified`), or a 304 when the client's copy is as new.
async fn from_programme(
    s: &AppState,
    slug: &str,
    q: &HashMap<String, String>,
    h: &HeaderMap,
    answer: impl FnOnce(&Programme) -> Response,
) -> Response {
    let p = match load(s, slug, q).await {
        Ok(p) => p,
        Err(r) => return r,
    };
    let mut r = answer(&p);
    if !r.status().is_success() {
        return r;
    }
    if let Some(not_modified) = super::exports::not_modified(h, p.published_at) {
        return not_modified;
    }
    super::exports::with_cache_headers(&mut r, p.published_at);
    r
}

/// The event of `slug` unless it is a draft (drafts are not found, even for their organisers).
async fn visible_event(s: &AppState, slug: &str) -> Result<event::Model, Response> {
    visible_model(&s.db, slug, None).await.map_err(failure)
}

/// The published programme of a visible event that `?version=` names, the latest by default.
async fn load(s: &AppState, slug: &str, q: &HashMap<String, String>) -> Result<Arc<Programme>, Response> {
    let version = version_param(q)?;
    let e = visible_event(s, slug).await?;
    published_programme(&s.db, &s.programmes, &e, version).await.map_err(|err| match (err, version) {
        (AppError::NotFound, None) => error(StatusCode::NOT_FOUND, "This event has no published schedule yet."),
        (AppError::NotFound, Some(n)) => error(StatusCode::NOT_FOUND, &format!("This event has no published version {n}.")),
        (other, _) => failure(other),
    })
}

/// Digits only (no sign, space or fraction), as the OpenAPI document's `integer` says.
fn whole_number(v: &str) -> Option<u64> {
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// `?version=` as a number from 1, or a 400 saying what is wrong.
pub fn version_param(q: &HashMap<String, String>) -> Result<Option<i32>, Response> {
    match q.get("version").map(|v| whole_number(v).and_then(|n| i32::try_from(n).ok())) {
        None => Ok(None),
        Some(Some(n)) if n >= 1 => Ok(Some(n)),
        Some(_) => Err(error(StatusCode::BAD_REQUEST, "The version parameter must be the number of a published version, from 1 upwards.")),
    }
}

/// `page` and `per_page` from the query, or a 400 saying what is wrong.
pub fn page_params(q: &HashMap<String, String>) -> Result<(u64, u64), Response> {
    let read = |key: &str, default: u64| -> Option<u64> {
        match q.get(key) {
            None => Some(default),
            Some(v) => whole_number(v),
        }
    };
    let page = read("page", 1).filter(|p| (1..=MAX_PAGE).contains(p));
    let Some(page) = page else {
        return Err(error(StatusCode::BAD_REQUEST, "The page parameter must be a whole number from 1 to 10000."));
    };
    let per_page = read("per_page", DEFAULT_PER_PAGE).filter(|n| (1..=MAX_PER_PAGE).contains(n));
    let Some(per_page) = per_page else {
        return Err(error(StatusCode::BAD_REQUEST, "The per_page parameter must be a whole number from 1 to 200."));
    };
    Ok((page, per_page))
}

/// Page `page` of `all`, with the path of the next page when there is one.
pub fn page_of<T>(path: &str, page: u64, per_page: u64, all: Vec<T>) -> Page<T> {
    let total = all.len() as u64;
    let skip = (page - 1).saturating_mul(per_page);
    let items: Vec<T> = all.into_iter().skip(usize::try_from(skip).unwrap_or(usize::MAX)).take(per_page as usize).collect();
    let next = (skip.saturating_add(per_page) < total).then(|| format!("{path}?page={}&per_page={per_page}", page + 1));
    Page { items, page, per_page, total, next }
}

fn paged<T: Serialize>(uri: &Uri, page: u64, per_page: u64, all: Vec<T>) -> Response {
    ok(&page_of(uri.path(), page, per_page, all))
}

fn cached(mut r: Response) -> Response {
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    r
}

fn ok<T: Serialize>(body: &T) -> Response {
    cached(Json(body).into_response())
}

fn error(status: StatusCode, sentence: &str) -> Response {
    (status, Json(ApiError { error: sentence.to_string() })).into_response()
}

fn failure(err: AppError) -> Response {
    match err {
        AppError::NotFound => error(StatusCode::NOT_FOUND, "We could not find that event. It may not exist, or not be public."),
        other => {
            tracing::error!(error = %other, "REST API request failed");
            error(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again in a moment.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn page_parameters_are_checked() {
        assert_eq!(page_params(&q(&[])).ok(), Some((1, 50)));
        assert_eq!(page_params(&q(&[("page", "3"), ("per_page", "200")])).ok(), Some((3, 200)));
        assert_eq!(page_params(&q(&[("page", "10000")])).ok(), Some((10_000, 50)));
        for bad in [
            ("page", "0"),
            ("page", "abc"),
            ("page", "10001"),
            ("page", "18446744073709551615"),
            ("page", "+2"),
            ("page", " 2"),
            ("per_page", "0"),
            ("per_page", "201"),
            ("per_page", "-1"),
        ] {
            assert_eq!(page_params(&q(&[bad])).err().map(|r| r.status()), Some(StatusCode::BAD_REQUEST), "{bad:?}");
        }
    }

    #[test]
    fn pages_link_to_the_next_until_the_last() {
        let p = page_of("/api/v1/events", 1, 2, vec![1, 2, 3]);
        assert_eq!((p.items, p.total, p.next.as_deref()), (vec![1, 2], 3, Some("/api/v1/events?page=2&per_page=2")));
        let p = page_of("/api/v1/events", 2, 2, vec![1, 2, 3]);
        assert_eq!((p.items, p.next), (vec![3], None));
        assert!(page_of("/x", 9, 2, vec![1]).items.is_empty());
    }

    #[test]
    fn versions_are_whole_numbers_from_one() {
        assert_eq!(version_param(&q(&[])).ok(), Some(None));
        assert_eq!(version_param(&q(&[("version", "2")])).ok(), Some(Some(2)));
        for bad in ["0", "-1", "two", "", "2147483648", "1.5"] {
            assert_eq!(version_param(&q(&[("version", bad)])).err().map(|r| r.status()), Some(StatusCode::BAD_REQUEST), "{bad:?}");
        }
    }

    /// The bounds the API enforces, as the document states them.
    #[test]
    fn the_document_states_the_bounds_and_the_400s() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let params = |path: &str| doc["paths"][path]["get"]["parameters"].as_array().cloned().unwrap_or_default();
        let bounds = |path: &str, name: &str| {
            let p = params(path).into_iter().find(|p| p["name"] == name).unwrap_or_else(|| panic!("{name} of {path}"));
            (p["schema"]["minimum"].as_f64(), p["schema"]["maximum"].as_f64())
        };
        assert_eq!(bounds("/api/v1/events", "page"), (Some(1.0), Some(MAX_PAGE as f64)));
        assert_eq!(bounds("/api/v1/events", "per_page"), (Some(1.0), Some(MAX_PER_PAGE as f64)));
        assert_eq!(bounds("/api/v1/events/{slug}/talks", "version"), (Some(1.0), Some(i32::MAX as f64)));
        for (path, item) in doc["paths"].as_object().unwrap() {
            let has_query = item["get"]["parameters"].as_array().is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
            if has_query {
                assert!(item["get"]["responses"]["400"].is_object(), "{path} documents its 400");
            }
        }
    }

    #[test]
    fn the_document_lists_every_served_path() {
        let doc = ApiDoc::openapi();
        assert_eq!(doc.paths.paths.len(), 9);
        assert!(doc.paths.paths.contains_key("/api/v1/events/{slug}/talks/{code}"));
    }
}
