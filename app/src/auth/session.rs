//! Database sessions behind an HttpOnly cookie (server only).
use chrono::{DateTime, Duration, Utc};
use http::header::{COOKIE, SET_COOKIE};
use http::request::Parts;
use http::HeaderValue;
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::crypto::{new_token, token_hash};
use crate::entities::{session, user};
use crate::error::AppResult;
use crate::state::{app_state, AppConfig};
use domain::tokens::{session_is_live, SESSION_ABSOLUTE_SECS, SESSION_TOUCH_SECS};

pub const COOKIE_NAME: &str = "estrade_session";

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|pair| pair.trim().split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

fn request_parts() -> Option<Parts> {
    use_context::<Parts>()
}

pub(crate) fn session_token_from_request() -> Option<String> {
    session_token(&request_parts()?.headers)
}

/// The session token a request carries in its cookie.
pub fn session_token(headers: &http::HeaderMap) -> Option<String> {
    headers.get_all(COOKIE).iter().filter_map(|h| h.to_str().ok()).find_map(|h| cookie_value(h, COOKIE_NAME).map(str::to_owned))
}

fn set_cookie(value: String) {
    if let (Some(res), Ok(v)) = (use_context::<ResponseOptions>(), HeaderValue::from_str(&value)) {
        res.append_header(SET_COOKIE, v);
    }
}

fn cookie_header(config: &AppConfig, token: &str, max_age: i64) -> String {
    let secure = if config.secure_cookies() { "; Secure" } else { "" };
    format!("{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

/// Starts a new session for `user_id` and sends its cookie. Any session the browser had is ended first (rotation).
pub async fn start(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    end_current(db).await?;
    let token = new_token();
    let now = app_state().clock.now();
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(now + Duration::seconds(SESSION_ABSOLUTE_SECS)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    set_cookie(cookie_header(&app_state().config, &token, SESSION_ABSOLUTE_SECS));
    Ok(())
}

/// Ends the browser's session, if any, and clears its cookie.
pub async fn end_current(db: &impl ConnectionTrait) -> AppResult<()> {
    if let Some(token) = session_token_from_request() {
        session::Entity::delete_many().filter(session::Column::TokenHash.eq(token_hash(&token))).exec(db).await?;
        set_cookie(cookie_header(&app_state().config, "", 0));
    }
    Ok(())
}

/// Ends every session of a user, this request's included (its cookie is cleared by `end_current`).
pub async fn end_all(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    session::Entity::delete_many().filter(session::Column::UserId.eq(user_id)).exec(db).await?;
    Ok(())
}

/// Ends every session of a user except the one making this request.
pub async fn end_others(db: &impl ConnectionTrait, user_id: i32) -> AppResult<()> {
    let mut delete = session::Entity::delete_many().filter(session::Column::UserId.eq(user_id));
    if let Some(token) = session_token_from_request() {
        delete = delete.filter(session::Column::TokenHash.ne(token_hash(&token)));
    }
    delete.exec(db).await?;
    Ok(())
}

/// The signed-in user of this request, if the session is live.
pub async fn current_user(db: &impl ConnectionTrait) -> AppResult<Option<user::Model>> {
    match session_token_from_request() {
        Some(token) => user_for_token(db, &token, crate::state::try_app_state()?.clock.now()).await,
        None => Ok(None),
    }
}

/// The user of a live session at `now`, for plain axum handlers that read the cookie themselves.
pub async fn user_for_token(db: &impl ConnectionTrait, token: &str, now: DateTime<Utc>) -> AppResult<Option<user::Model>> {
    let found =
        session::Entity::find().filter(session::Column::TokenHash.eq(token_hash(token))).find_also_related(user::Entity).one(db).await?;
    let Some((sess, Some(usr))) = found else { return Ok(None) };
    if !session_is_live(now.timestamp(), sess.last_seen_at.timestamp(), sess.expires_at.timestamp()) {
        session::Entity::delete_by_id(sess.id).exec(db).await?;
        return Ok(None);
    }
    if (now - sess.last_seen_at).num_seconds() > SESSION_TOUCH_SECS {
        let mut active: session::ActiveModel = sess.into();
        active.last_seen_at = Set(now);
        active.update(db).await?;
    }
    Ok(Some(usr))
}

/// The client's IP address, for throttling.
pub fn client_ip() -> String {
    let Some(parts) = request_parts() else { return "unknown".into() };
    if app_state().config.trust_forwarded_for {
        let forwarded = parts.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok());
        if let Some(first) = forwarded.and_then(|v| v.split(',').next()) {
            // Throttling counts by address: keep it to the length of an IPv6 one.
            return first.trim().chars().take(45).collect();
        }
    }
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|ci| ci.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::cookie_value;

    #[test]
    fn finds_a_cookie_among_others() {
        let header = "theme=dark; estrade_session=abc123; lang=fr";
        assert_eq!(cookie_value(header, "estrade_session"), Some("abc123"));
        assert_eq!(cookie_value(header, "missing"), None);
    }
}
