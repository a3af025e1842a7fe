//! Single-use mailed tokens (reset, verification): only their hash is stored.
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::crypto::{new_token, token_hash};
use crate::entities::user_token::{self, Column};
use crate::error::AppResult;

pub const PURPOSE_RESET: &str = "reset";
pub const PURPOSE_VERIFY: &str = "verify";

/// Stores a new token for `user_id` and returns the clear value to mail.
pub async fn issue(db: &impl ConnectionTrait, user_id: i32, purpose: &str, ttl_secs: i64) -> AppResult<String> {
    let token = new_token();
    let now = Utc::now();
    user_token::ActiveModel {
        purpose: Set(purpose.into()),
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        expires_at: Set(now + Duration::seconds(ttl_secs)),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Marks the token used and returns its user, or `None` if it is unknown, expired or already used.
/// The check and the marking are one conditional UPDATE, so two clicks cannot both succeed.
pub async fn consume(db: &impl ConnectionTrait, token: &str, purpose: &str) -> AppResult<Option<i32>> {
    let hash = token_hash(token.trim());
    let now = Utc::now();
    let res = user_token::Entity::update_many()
        .col_expr(Column::UsedAt, Expr::value(Some(now)))
        .filter(Column::TokenHash.eq(hash.clone()))
        .filter(Column::Purpose.eq(purpose))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    if res.rows_affected != 1 {
        return Ok(None);
    }
    let row = user_token::Entity::find().filter(Column::TokenHash.eq(hash)).one(db).await?;
    Ok(row.map(|t| t.user_id))
}
