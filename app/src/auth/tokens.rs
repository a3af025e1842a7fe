//! Single-use mailed tokens (reset, verification): only their hash is stored, and an account has at
//! most one live token per purpose: issuing one revokes the older ones, using one revokes them all.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::crypto::{new_token, token_hash};
use crate::entities::user_token::{self, Column};
use crate::error::AppResult;

pub const PURPOSE_RESET: &str = "reset";
pub const PURPOSE_VERIFY: &str = "verify";

/// Marks every live token of `user_id` for `purpose` as used.
pub async fn revoke_all(db: &impl ConnectionTrait, user_id: i32, purpose: &str, now: DateTime<Utc>) -> AppResult<()> {
    user_token::Entity::update_many()
        .col_expr(Column::UsedAt, Expr::value(Some(now)))
        .filter(Column::UserId.eq(user_id))
        .filter(Column::Purpose.eq(purpose))
        .filter(Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Stores a new token for `user_id` (the older ones for the same purpose stop working) and returns
/// the clear value to mail.
pub async fn issue(db: &impl ConnectionTrait, user_id: i32, purpose: &str, ttl_secs: i64, now: DateTime<Utc>) -> AppResult<String> {
    revoke_all(db, user_id, purpose, now).await?;
    let token = new_token();
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

/// The user of a live token, without using it up.
pub async fn peek(db: &impl ConnectionTrait, token: &str, purpose: &str, now: DateTime<Utc>) -> AppResult<Option<i32>> {
    let row = user_token::Entity::find()
        .filter(Column::TokenHash.eq(token_hash(token.trim())))
        .filter(Column::Purpose.eq(purpose))
        .filter(Column::UsedAt.is_null())
        .filter(Column::ExpiresAt.gt(now))
        .one(db)
        .await?;
    Ok(row.map(|t| t.user_id))
}

/// Marks the token used and returns its user, or `None` if it is unknown, expired or already used.
/// The check and the marking are one conditional UPDATE, so two clicks cannot both succeed; any other
/// live token of the user for the same purpose is revoked with it.
pub async fn consume(db: &impl ConnectionTrait, token: &str, purpose: &str, now: DateTime<Utc>) -> AppResult<Option<i32>> {
    let hash = token_hash(token.trim());
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
    let Some(row) = user_token::Entity::find().filter(Column::TokenHash.eq(hash)).one(db).await? else {
        return Ok(None);
    };
    revoke_all(db, row.user_id, purpose, now).await?;
    Ok(Some(row.user_id))
}
