//! Decides the language of each request before anything renders (see `app::lang`): the switch's
//! cookie, the signed-in account's choice, `Accept-Language`, the event's default language.
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use sea_orm::{DatabaseConnection, EntityTrait, QuerySelect};

use app::auth::session::{cookie_value, session_token, user_for_token};
use app::entities::event;
use app::lang::negotiate::{event_slug_of, pick, Signals};
use app::lang::{code, parse, RequestLocale, COOKIE};
use app::state::AppState;

/// How stale the events' default languages may be (read at most once per interval, like the page cache).
const REFRESH_EVERY: Duration = Duration::from_secs(1);

/// The events' default languages by slug, kept in memory so anonymous pages cost no query.
#[derive(Clone, Default)]
pub struct EventLanguages(Arc<tokio::sync::Mutex<(Option<Instant>, HashMap<String, String>)>>);

impl EventLanguages {
    async fn default_of(&self, db: &DatabaseConnection, slug: &str) -> Option<String> {
        let mut guard = self.0.lock().await;
        if guard.0.is_none_or(|at| at.elapsed() >= REFRESH_EVERY) {
            match read_defaults(db).await {
                Ok(map) => *guard = (Some(Instant::now()), map),
                Err(e) => tracing::warn!("cannot read the events' languages: {e}"),
            }
        }
        guard.1.get(slug).cloned()
    }
}

async fn read_defaults(db: &DatabaseConnection) -> Result<HashMap<String, String>, sea_orm::DbErr> {
    let rows: Vec<(String, String)> =
        event::Entity::find().select_only().columns([event::Column::Slug, event::Column::DefaultLanguage]).into_tuple().all(db).await?;
    Ok(rows.into_iter().collect())
}

/// Who the request's session belongs to (None: an ended session), when this layer had to look it
/// up; the page cache's menu for signed-in visitors then needs no second lookup.
#[derive(Clone)]
pub struct SessionUser(pub Option<app::entities::user::Model>);

/// The middleware: puts the chosen language in the request's extensions and says so in the answer.
pub async fn choose(State((state, events)): State<(AppState, EventLanguages)>, mut req: Request, next: Next) -> Response {
    let headers = req.headers();
    let cookies: Vec<&str> = headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
    let cookie = cookies.iter().find_map(|h| cookie_value(h, COOKIE)).map(str::to_string);
    let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(str::to_string);
    // Only looked up when the cookie says nothing: a signed-in visitor's saved choice.
    let seen = match (cookie.as_deref().and_then(app::lang::parse), session_token(headers)) {
        (None, Some(token)) => user_for_token(&state.db, &token, state.clock.now()).await.ok().map(SessionUser),
        _ => None,
    };
    let account = seen.as_ref().and_then(|s| s.0.as_ref()).and_then(|u| u.language.clone());
    let event_default = match event_slug_of(req.uri().path()) {
        Some(slug) if cookie.is_none() && account.is_none() => events.default_of(&state.db, slug).await,
        _ => None,
    };
    let locale = pick(Signals {
        cookie: cookie.as_deref(),
        account: account.as_deref(),
        accept_language: accept.as_deref(),
        event_default: event_default.as_deref(),
    });
    req.extensions_mut().insert(RequestLocale(locale));
    if let Some(seen) = seen {
        req.extensions_mut().insert(seen);
    }
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(code(locale)));
    headers.append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    res
}

/// The FR | EN switch: a plain link, so it works without JavaScript. It keeps the choice in a cookie
/// and sends the browser back to the page it came from (a path of this site only).
pub fn switch_routes() -> Router<AppState> {
    Router::new().route("/lang/{code}", get(switch_language))
}

#[derive(serde::Deserialize)]
struct Back {
    back: Option<String>,
}

async fn switch_language(State(state): State<AppState>, Path(wanted): Path<String>, Query(q): Query<Back>) -> Response {
    let Some(locale) = parse(&wanted).filter(|l| code(*l) == wanted) else {
        return (StatusCode::NOT_FOUND, app::lang::unknown_language()).into_response();
    };
    let back = q.back.as_deref().and_then(domain::redirect::safe_next).unwrap_or("/");
    let cookie = app::lang::switch::cookie(locale, state.config.secure_cookies());
    let mut res = StatusCode::SEE_OTHER.into_response();
    let headers = res.headers_mut();
    if let (Ok(location), Ok(cookie)) = (HeaderValue::from_str(back), HeaderValue::from_str(&cookie)) {
        headers.insert(header::LOCATION, location);
        headers.insert(header::SET_COOKIE, cookie);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
