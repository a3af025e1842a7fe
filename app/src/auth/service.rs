//! Accounts: sign-up, sign-in, password reset and change, email verification.
//!
//! Passwords are hashed before a transaction starts: a write transaction holds SQLite's single
//! writer, and argon2 is deliberately slow.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::roles::apply_role_invitations;
use super::throttle::{self, wait_until, Key, Rule};
use super::{session, tokens};
use crate::crypto::{hash_password, verify_password};
use crate::db::BeginWrite;
use crate::entities::user;
use crate::error::{AppError, AppResult};
use crate::mail::{outbox, templates};
use crate::plumbing::unique_violation_as;
use crate::state::AppState;
use crate::tr;
use domain::accounts::{check_display_name, check_new_password, normalize_email, sign_up_errors, EMAIL_MAX};
use domain::tokens::{RESET_TOKEN_TTL_SECS, VERIFY_TOKEN_TTL_SECS};

pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> AppResult<Option<user::Model>> {
    Ok(user::Entity::find().filter(user::Column::EmailNormalized.eq(normalize_email(email))).one(db).await?)
}

/// A checked new account with its password hashed, not written yet.
pub async fn prepare_user(
    email: &str,
    display_name: &str,
    password: &str,
    is_admin: bool,
    verified: bool,
    now: DateTime<Utc>,
) -> AppResult<user::ActiveModel> {
    let errors = sign_up_errors(email, display_name, password);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    let hash = hash_password(password.to_string()).await?;
    Ok(user::ActiveModel {
        email: Set(email.trim().to_string()),
        email_normalized: Set(normalize_email(email)),
        display_name: Set(display_name.trim().to_string()),
        password_hash: Set(hash),
        verified_at: Set(verified.then_some(now)),
        is_admin: Set(is_admin),
        created_at: Set(now),
        public_code: Set(Some(crate::crypto::new_code())),
        ..Default::default()
    })
}

async fn insert_prepared(db: &impl ConnectionTrait, new: user::ActiveModel) -> AppResult<user::Model> {
    new.insert(db).await.map_err(|e| unique_violation_as(e, || AppError::field("email", tr!(auth.email_taken))))
}

/// Inserts a user (no session, no mail); used by the CLI, the demo seed and tests.
pub async fn insert_user(
    db: &impl ConnectionTrait,
    email: &str,
    display_name: &str,
    password: &str,
    is_admin: bool,
    verified: bool,
    now: DateTime<Utc>,
) -> AppResult<user::Model> {
    insert_prepared(db, prepare_user(email, display_name, password, is_admin, verified, now).await?).await
}

async fn queue_verification(state: &AppState, db: &impl ConnectionTrait, user: &user::Model) -> AppResult<()> {
    let now = state.clock.now();
    let token = tokens::issue(db, user.id, tokens::PURPOSE_VERIFY, VERIFY_TOKEN_TTL_SECS, now).await?;
    let link = state.config.link(&format!("/verify?token={token}"));
    outbox::enqueue(
        db,
        templates::verify_email(crate::lang::for_recipient(user.language.as_deref(), None), &user.email, &user.display_name, &link),
        now,
    )
    .await
}

/// Creates the account, queues the verification mail and signs the person in.
pub async fn sign_up(state: &AppState, email: &str, display_name: &str, password: &str) -> AppResult<user::Model> {
    let mut new = prepare_user(email, display_name, password, false, false, state.clock.now()).await?;
    // The language the person signed up in is the one their mails are written in until they choose.
    new.language = Set(Some(crate::lang::code(crate::lang::request_locale()).to_string()));
    let txn = state.db.begin_write().await?;
    let user = insert_prepared(&txn, new).await?;
    queue_verification(state, &txn, &user).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    session::start(&state.db, user.id).await?;
    Ok(user)
}

/// What throttling keys an email by: its normal form, cut to the longest valid email.
fn throttle_subject(email: &str) -> String {
    normalize_email(email).chars().take(EMAIL_MAX).collect()
}

/// Checks the password (same answer and similar time whether or not the account exists) and starts a
/// session. The attempt is counted before the check (see `throttle::sign_in_gate`).
pub async fn sign_in(state: &AppState, email: &str, password: &str, ip: &str) -> AppResult<user::Model> {
    let db = &state.db;
    let subject = throttle_subject(email);
    throttle::sign_in_gate(db, &state.config.limits, &subject, ip, state.clock.now()).await?;
    let user = find_by_email(db, email).await?;
    let ok = verify_password(password.to_string(), user.as_ref().map(|u| u.password_hash.clone())).await?;
    match user {
        Some(user) if ok => {
            throttle::sign_in_succeeded(db, &subject, ip).await?;
            session::start(db, user.id).await?;
            Ok(user)
        }
        // About the pair, not one field: said above the form, never "correct the field below".
        _ => Err(AppError::Validation { message: tr!(auth.bad_credentials).into(), fields: vec![] }),
    }
}

/// Queues a reset mail if the account exists. The limits count the address whether or not an account
/// uses it, so neither the answer nor a 429 tells who has an account.
pub async fn request_reset(state: &AppState, email: &str, ip: &str) -> AppResult<()> {
    let (limits, now) = (&state.config.limits, state.clock.now());
    let subject = throttle_subject(email);
    // The recipient's counter row stays locked until commit: requests for one address run one at a
    // time, so issuing a token always sees (and revokes) the previous one.
    let txn = state.db.begin_write().await?;
    let recipient = Key::new(throttle::RESET_PER_RECIPIENT, &subject, "");
    if let Err(until) = throttle::take(&txn, recipient, Rule::Window(limits.reset_per_recipient), now).await? {
        return Err(AppError::TooManyRequests(tr!(auth.too_many_resets, wait = wait_until(until, now)).to_string()));
    }
    let network = Key::new(throttle::RESET_PER_IP, ip, "");
    if let Err(until) = throttle::take(&txn, network, Rule::Window(limits.reset_per_ip), now).await? {
        return Err(AppError::TooManyRequests(tr!(auth.too_many_resets_network, wait = wait_until(until, now)).to_string()));
    }
    if let Some(user) = find_by_email(&txn, email).await? {
        let token = tokens::issue(&txn, user.id, tokens::PURPOSE_RESET, RESET_TOKEN_TTL_SECS, now).await?;
        let link = state.config.link(&format!("/reset/confirm?token={token}"));
        outbox::enqueue(
            &txn,
            templates::password_reset(crate::lang::for_recipient(user.language.as_deref(), None), &user.email, &user.display_name, &link),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// The message for a used or expired reset or confirmation link.
fn expired_link() -> AppError {
    AppError::field("token", tr!(auth.expired_link))
}

/// Sets a new password from a mailed token: every session of the account ends, its sign-in failures
/// are forgotten, and since the link proves the mailbox, the email counts as verified.
pub async fn reset_password(db: &DatabaseConnection, token: &str, password: &str, now: DateTime<Utc>) -> AppResult<()> {
    let user_id = tokens::peek(db, token, tokens::PURPOSE_RESET, now).await?.ok_or_else(expired_link)?;
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::NotFound)?;
    if let Some(problem) = check_new_password(password, &user.email, &user.display_name) {
        return Err(AppError::problem("password", problem));
    }
    let hash = hash_password(password.to_string()).await?;
    let txn = db.begin_write().await?;
    if tokens::consume(&txn, token, tokens::PURPOSE_RESET, now).await? != Some(user_id) {
        return Err(expired_link());
    }
    let user = user::Entity::find_by_id(user_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    let newly_verified = user.verified_at.is_none();
    let mut active: user::ActiveModel = user.clone().into();
    active.password_hash = Set(hash);
    if newly_verified {
        active.verified_at = Set(Some(now));
    }
    active.update(&txn).await?;
    if newly_verified {
        apply_role_invitations(&txn, &user, now).await?;
    }
    crate::entities::session::Entity::delete_many().filter(crate::entities::session::Column::UserId.eq(user_id)).exec(&txn).await?;
    throttle::clear_sign_in_failures(&txn, &throttle_subject(&user.email)).await?;
    txn.commit().await?;
    Ok(())
}

/// Changes the password of the signed-in user and ends their other sessions.
pub async fn change_password(db: &DatabaseConnection, user: user::Model, current: &str, new: &str) -> AppResult<()> {
    if !verify_password(current.to_string(), Some(user.password_hash.clone())).await? {
        return Err(AppError::field("current_password", tr!(auth.wrong_current_password)));
    }
    if let Some(problem) = check_new_password(new, &user.email, &user.display_name) {
        return Err(AppError::problem("new_password", problem));
    }
    let hash = hash_password(new.to_string()).await?;
    let user_id = user.id;
    let txn = db.begin_write().await?;
    let mut active: user::ActiveModel = user.into();
    active.password_hash = Set(hash);
    active.update(&txn).await?;
    session::end_others(&txn, user_id).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves the account to `new_email`, the password confirming it is its owner: the address must be
/// free, and it is unconfirmed until the link mailed to it is followed.
pub async fn change_email(state: &AppState, user: user::Model, password: &str, new_email: &str) -> AppResult<()> {
    if let Some(problem) = domain::accounts::check_email(new_email) {
        return Err(AppError::problem("new_email", problem));
    }
    if normalize_email(new_email) == user.email_normalized {
        return Err(AppError::field("new_email", tr!(auth.same_email)));
    }
    if !verify_password(password.to_string(), Some(user.password_hash.clone())).await? {
        return Err(AppError::field("password", tr!(auth.wrong_current_password)));
    }
    let txn = state.db.begin_write().await?;
    // A reset link mailed to the old address no longer opens the account (issuing the new
    // confirmation link revokes the old ones).
    tokens::revoke_all(&txn, user.id, tokens::PURPOSE_RESET, state.clock.now()).await?;
    let mut active: user::ActiveModel = user.into();
    active.email = Set(new_email.trim().to_string());
    active.email_normalized = Set(normalize_email(new_email));
    active.verified_at = Set(None);
    let moved = active.update(&txn).await.map_err(|e| unique_violation_as(e, || AppError::field("new_email", tr!(auth.email_taken))))?;
    queue_verification(state, &txn, &moved).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// Saves the name and, when one is given, the language of pages and mails (a code of `crate::lang`).
pub async fn update_profile(db: &DatabaseConnection, user: user::Model, name: &str, language: Option<&str>) -> AppResult<()> {
    if let Some(problem) = check_display_name(name) {
        return Err(AppError::problem("display_name", problem));
    }
    let language = match language.map(str::trim).filter(|l| !l.is_empty()) {
        None => user.language.clone(),
        Some(typed) => Some(
            crate::lang::parse(typed)
                .filter(|l| crate::lang::code(*l) == typed)
                .map(|l| crate::lang::code(l).to_string())
                .ok_or_else(|| AppError::field("language", crate::tr!(errors.unknown_language_choice)))?,
        ),
    };
    let mut active: user::ActiveModel = user.into();
    active.display_name = Set(name.trim().to_string());
    active.language = Set(language);
    active.update(db).await?;
    Ok(())
}

/// Confirms an email from its mailed token and hands over roles waiting for that address.
pub async fn verify_email(db: &DatabaseConnection, token: &str, now: DateTime<Utc>) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let user_id = tokens::consume(&txn, token, tokens::PURPOSE_VERIFY, now).await?.ok_or_else(expired_link)?;
    let user = user::Entity::find_by_id(user_id).one(&txn).await?.ok_or(AppError::NotFound)?;
    if user.verified_at.is_none() {
        let mut active: user::ActiveModel = user.clone().into();
        active.verified_at = Set(Some(now));
        active.update(&txn).await?;
    }
    apply_role_invitations(&txn, &user, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Mails a new confirmation link (the older ones stop working), a few times an hour at most.
pub async fn resend_verification(state: &AppState, user: &user::Model) -> AppResult<()> {
    if user.verified_at.is_some() {
        return Ok(());
    }
    let now = state.clock.now();
    let txn = state.db.begin_write().await?;
    let id = user.id.to_string();
    let key = Key::new(throttle::VERIFY_PER_ACCOUNT, &id, "");
    if let Err(until) = throttle::take(&txn, key, Rule::Window(state.config.limits.verify_per_account), now).await? {
        return Err(AppError::TooManyRequests(tr!(auth.too_many_confirmations, wait = wait_until(until, now)).to_string()));
    }
    queue_verification(state, &txn, user).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}
