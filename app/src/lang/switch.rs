//! The FR | EN switch: a plain link, so it works without JavaScript. It keeps the choice in a cookie
//! and sends the browser back to the page it came from.
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos_i18n::td_string;
use serde::Deserialize;

use super::{code, parse, COOKIE};
use crate::state::AppState;

/// A year: the choice is the reader's until they change it.
const KEEP_SECS: i64 = 365 * 24 * 3600;

pub fn routes() -> Router<AppState> {
    Router::new().route("/lang/{code}", get(switch_language))
}

#[derive(Deserialize)]
struct Back {
    back: Option<String>,
}

/// The cookie that keeps `locale` for this browser.
pub fn cookie(locale: super::Locale, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={}; Path=/; Max-Age={KEEP_SECS}; SameSite=Lax{secure}", code(locale))
}

/// Makes this browser keep `locale`, from inside a server function.
pub fn remember(locale: super::Locale, secure: bool) {
    use leptos::prelude::use_context;
    if let (Some(res), Ok(v)) = (use_context::<leptos_axum::ResponseOptions>(), HeaderValue::from_str(&cookie(locale, secure))) {
        res.append_header(header::SET_COOKIE, v);
    }
}

async fn switch_language(State(state): State<AppState>, Path(wanted): Path<String>, Query(q): Query<Back>) -> Response {
    let Some(locale) = parse(&wanted).filter(|l| code(*l) == wanted) else {
        let message = td_string!(super::Locale::default(), errors.unknown_language);
        return (StatusCode::NOT_FOUND, message.to_string()).into_response();
    };
    let back = q.back.as_deref().and_then(domain::redirect::safe_next).unwrap_or("/");
    let cookie = cookie(locale, state.config.secure_cookies());
    let mut res = StatusCode::SEE_OTHER.into_response();
    let headers = res.headers_mut();
    if let (Ok(location), Ok(cookie)) = (HeaderValue::from_str(back), HeaderValue::from_str(&cookie)) {
        headers.insert(header::LOCATION, location);
        headers.insert(header::SET_COOKIE, cookie);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}
