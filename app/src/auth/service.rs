//! Accounts: sign-up, sign-in, password reset and change, email verification.
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use super::crypto::{hash_password, verify_password};
use super::{session, throttle, tokens};
use crate::domain::accounts::{check_display_name, check_password, normalize_email, sign_up_errors};
use crate::domain::tokens::{RESET_TOKEN_TTL_SECS, VERIFY_TOKEN_TTL_SECS};
use crate::entities::user;
use crate::error::{AppError, AppResult};
use crate::events::service::apply_role_invitations;
use crate::mail::{outbox, templates};
use crate::state::AppState;

pub const BAD_CREDENTIALS: &str = "The email or password is incorrect.";

pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> AppResult<Option<user::Model>> {
    Ok(user::Entity::find()
        .filter(user::Column::EmailNormalized.eq(normalize_email(email)))
        .one(db)
        .await?)
}

/// Inserts a user (no session, no mail); used by sign-up, the CLI and the demo seed.
pub async fn insert_user(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    password: &str,
    is_admin: bool,
    verified: bool,
) -> AppResult<user::Model> {
    let errors = sign_up_errors(email, display_name, password);
    if !errors.is_empty() {
        return Err(AppError::validation(errors));
    }
    let hash = hash_password(password.to_string()).await?;
    let now = Utc::now();
    user::ActiveModel {
        email: Set(email.trim().to_string()),
        email_normalized: Set(normalize_email(email)),
        display_name: Set(display_name.trim().to_string()),
        password_hash: Set(hash),
        verified_at: Set(verified.then_some(now)),
        is_admin: Set(is_admin),
        created_at: Set(now),
        public_code: Set(Some(super::crypto::new_code())),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::field(
            "email",
            "An account already uses this email. Sign in, or reset your password.",
        ),
        _ => AppError::from(e),
    })
}

async fn queue_verification(state: &AppState, db: &impl ConnectionTrait, user: &user::Model) -> AppResult<()> {
    let token = tokens::issue(db, user.id, tokens::PURPOSE_VERIFY, VERIFY_TOKEN_TTL_SECS).await?;
    let link = state.config.link(&format!("/verify?token={token}"));
    outbox::enqueue(db, templates::verify_email(&user.email, &user.display_name, &link)).await
}

/// Creates the account, queues the verification mail and signs the person in.
pub async fn sign_up(state: &AppState, email: &str, display_name: &str, password: &str) -> AppResult<user::Model> {
    let txn = state.db.begin().await?;
    let user = insert_user(&txn, email, display_name, password, false, false).await?;
    queue_verification(state, &txn, &user).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    session::start(&state.db, user.id).await?;
    Ok(user)
}

/// Checks the password (same answer and similar time whether or not the account exists) and starts a session.
pub async fn sign_in(state: &AppState, email: &str, password: &str, ip: &str) -> AppResult<user::Model> {
    let db = &state.db;
    let email_n = normalize_email(email);
    throttle::check(db, &state.config, &email_n, ip).await?;
    let user = find_by_email(db, &email_n).await?;
    let ok = verify_password(password.to_string(), user.as_ref().map(|u| u.password_hash.clone())).await?;
    match user {
        Some(user) if ok => {
            throttle::clear_email(db, &email_n).await?;
            session::start(db, user.id).await?;
            Ok(user)
        }
        _ => {
            throttle::record_failure(db, &state.config, &email_n, ip).await?;
            Err(AppError::field("password", BAD_CREDENTIALS))
        }
    }
}

/// Queues a reset mail if the account exists; says nothing either way.
pub async fn request_reset(state: &AppState, email: &str) -> AppResult<()> {
    let txn = state.db.begin().await?;
    if let Some(user) = find_by_email(&txn, email).await? {
        let token = tokens::issue(&txn, user.id, tokens::PURPOSE_RESET, RESET_TOKEN_TTL_SECS).await?;
        let link = state.config.link(&format!("/reset/confirm?token={token}"));
        outbox::enqueue(&txn, templates::password_reset(&user.email, &user.display_name, &link)).await?;
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

const EXPIRED_LINK: &str = "This link has expired or was already used. Ask for a new one.";

/// Sets a new password from a mailed token; every session of the account ends.
pub async fn reset_password(db: &DatabaseConnection, token: &str, password: &str) -> AppResult<()> {
    let txn = db.begin().await?;
    let user_id = tokens::consume(&txn, token, tokens::PURPOSE_RESET)
        .await?
        .ok_or_else(|| AppError::field("token", EXPIRED_LINK))?;
    let user = user::Entity::find_by_id(user_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if let Some(msg) = check_password(password, &user.email) {
        return Err(AppError::field("password", msg));
    }
    set_password(&txn, user, password).await?;
    crate::entities::session::Entity::delete_many()
        .filter(crate::entities::session::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

async fn set_password(db: &impl ConnectionTrait, user: user::Model, password: &str) -> AppResult<()> {
    let hash = hash_password(password.to_string()).await?;
    let mut active: user::ActiveModel = user.into();
    active.password_hash = Set(hash);
    active.update(db).await?;
    Ok(())
}

/// Changes the password of the signed-in user and ends their other sessions.
pub async fn change_password(db: &DatabaseConnection, user: user::Model, current: &str, new: &str) -> AppResult<()> {
    if !verify_password(current.to_string(), Some(user.password_hash.clone())).await? {
        return Err(AppError::field("current_password", "Your current password is not correct."));
    }
    if let Some(msg) = check_password(new, &user.email) {
        return Err(AppError::field("new_password", msg));
    }
    let user_id = user.id;
    let txn = db.begin().await?;
    set_password(&txn, user, new).await?;
    session::end_others(&txn, user_id).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn update_display_name(db: &DatabaseConnection, user: user::Model, name: &str) -> AppResult<()> {
    if let Some(msg) = check_display_name(name) {
        return Err(AppError::field("display_name", msg));
    }
    let mut active: user::ActiveModel = user.into();
    active.display_name = Set(name.trim().to_string());
    active.update(db).await?;
    Ok(())
}

/// Confirms an email from its mailed token and hands over roles waiting for that address.
pub async fn verify_email(db: &DatabaseConnection, token: &str) -> AppResult<()> {
    let txn = db.begin().await?;
    let user_id = tokens::consume(&txn, token, tokens::PURPOSE_VERIFY)
        .await?
        .ok_or_else(|| AppError::field("token", EXPIRED_LINK))?;
    let user = user::Entity::find_by_id(user_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if user.verified_at.is_none() {
        let mut active: user::ActiveModel = user.clone().into();
        active.verified_at = Set(Some(Utc::now()));
        active.update(&txn).await?;
    }
    apply_role_invitations(&txn, &user).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn resend_verification(state: &AppState, user: &user::Model) -> AppResult<()> {
    if user.verified_at.is_some() {
        return Ok(());
    }
    queue_verification(state, &state.db, user).await?;
    state.mail_wake.notify_one();
    Ok(())
}
