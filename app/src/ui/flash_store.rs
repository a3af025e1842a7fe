//! Keeps and finds what forms sent when they failed without JavaScript (server only; see `flash`).
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::flash::FlashedForm;
use crate::crypto::{new_token, token_hash};
use crate::entities::form_flash;
use crate::error::{AppError, AppResult};
use crate::formats::form_flash::FLASH_MINUTES;

/// Neither the id in the address nor the browser's cookie finds a submission alone.
fn key(id: &str, browser: &str) -> String {
    token_hash(&format!("{id}:{browser}"))
}

/// What was sent to `path` by the browser whose cookie holds `browser`.
pub struct Submission<'a> {
    pub browser: &'a str,
    pub path: &'a str,
    pub fields: &'a [(String, String)],
}

/// Keeps a submission at `now`; returns the id that names it in the redirect. Expired submissions
/// are dropped on the way.
pub async fn keep(db: &impl ConnectionTrait, s: Submission<'_>, now: DateTime<Utc>) -> AppResult<String> {
    form_flash::Entity::delete_many().filter(form_flash::Column::ExpiresAt.lt(now)).exec(db).await?;
    let id = new_token();
    form_flash::ActiveModel {
        key_hash: Set(key(&id, s.browser)),
        path: Set(s.path.to_string()),
        fields: Set(serde_json::to_string(s.fields).map_err(AppError::internal)?),
        expires_at: Set(now + Duration::minutes(FLASH_MINUTES)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// The submission kept under `id` for the browser whose cookie holds `browser`, if it lasts at `now`.
pub async fn find(db: &impl ConnectionTrait, id: &str, browser: &str, now: DateTime<Utc>) -> AppResult<Option<FlashedForm>> {
    let row = form_flash::Entity::find()
        .filter(form_flash::Column::KeyHash.eq(key(id, browser)))
        .filter(form_flash::Column::ExpiresAt.gt(now))
        .one(db)
        .await?;
    Ok(row.and_then(|r| serde_json::from_str(&r.fields).ok().map(|fields| FlashedForm { path: r.path, fields })))
}
