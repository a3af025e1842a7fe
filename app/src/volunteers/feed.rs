//! The volunteers' personal calendar feeds: `/events/{slug}/volunteer/feed/{secret}.ics`.
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::error::AppError;
use crate::formats::ical::CONTENT_TYPE;
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/events/{slug}/volunteer/feed/{file}", get(feed))
}

/// Never cached by shared caches: the address is the key, and shifts change.
async fn feed(State(s): State<AppState>, Path((slug, file)): Path<(String, String)>) -> Response {
    let answer = async {
        let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
        let e = crate::events::service::by_slug(&s.db, &slug).await?;
        super::mine::feed(&s.db, &e, token, s.clock.now()).await
    };
    match answer.await {
        Ok(body) => ([(header::CONTENT_TYPE, CONTENT_TYPE), (header::CACHE_CONTROL, "private, no-store")], body).into_response(),
        Err(e) => {
            let status = StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], e.text()).into_response()
        }
    }
}
