//! Throttling counted in the database, so it holds across server instances (rules in
//! `domain::throttle`). Each counter row is taken with a row lock (PostgreSQL) inside a write
//! transaction (the single writer on SQLite): concurrent attempts are counted one after the other,
//! and an attempt is counted before it is evaluated, so they cannot all pass.
use chrono::{DateTime, Duration, TimeZone, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, LockBehavior, LockType, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter, QuerySelect, Set,
};

use crate::db::BeginWrite;
use crate::entities::throttle_counter::{self, Column, Entity};
use crate::error::{AppError, AppResult};
use domain::throttle::{Backoff, Counter, Limits, Verdict, Window};

pub const SIGN_IN: &str = "sign-in";
pub const SIGN_IN_PER_IP: &str = "sign-in-ip";
pub const RESET_PER_RECIPIENT: &str = "reset-recipient";
pub const RESET_PER_IP: &str = "reset-ip";
pub const INVITE_PER_ACCOUNT: &str = "invite-account";
pub const INVITE_PER_RECIPIENT: &str = "invite-recipient";
pub const INVITE_PER_IP: &str = "invite-ip";
pub const VERIFY_PER_ACCOUNT: &str = "verify-account";

/// Counters untouched for this long are deleted.
const KEEP_SECS: i64 = 2 * 24 * 3600;

/// What a counter is about: `scope` names the rule, `subject` what is limited, `source` where from.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub scope: &'static str,
    pub subject: &'a str,
    pub source: &'a str,
}

impl<'a> Key<'a> {
    pub fn new(scope: &'static str, subject: &'a str, source: &'a str) -> Self {
        Key { scope, subject, source }
    }
}

/// The rule a counter follows.
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    Backoff(Backoff),
    Window(Window),
}

impl Rule {
    fn attempt(&self, stored: Option<Counter>, now: i64) -> Verdict {
        match self {
            Rule::Backoff(b) => b.attempt(stored, now),
            Rule::Window(w) => w.attempt(stored, now),
        }
    }
}

/// The instant `secs` after the epoch (`now` if out of range).
fn at(secs: i64, now: DateTime<Utc>) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).single().unwrap_or(now)
}

fn counter_of(row: &throttle_counter::Model) -> Counter {
    Counter {
        hits: u32::try_from(row.hits).unwrap_or(0),
        window_start: row.window_start.timestamp(),
        blocked_until: row.blocked_until.map(|t| t.timestamp()),
        updated_at: row.updated_at.timestamp(),
    }
}

/// The row of `key`, created if missing, locked until the end of the transaction.
async fn locked_row(txn: &impl ConnectionTrait, key: Key<'_>, now: DateTime<Utc>) -> AppResult<throttle_counter::Model> {
    let blank = throttle_counter::ActiveModel {
        scope: Set(key.scope.into()),
        subject: Set(key.subject.into()),
        source: Set(key.source.into()),
        hits: Set(0),
        window_start: Set(now),
        blocked_until: Set(None),
        updated_at: Set(now),
        ..Default::default()
    };
    Entity::insert(blank).on_conflict_do_nothing_on([Column::Scope, Column::Subject, Column::Source]).exec(txn).await?;
    Entity::find()
        .filter(Column::Scope.eq(key.scope))
        .filter(Column::Subject.eq(key.subject))
        .filter(Column::Source.eq(key.source))
        .lock_exclusive()
        .one(txn)
        .await?
        .ok_or_else(|| AppError::internal("throttle counter vanished inside its transaction"))
}

/// Counts an attempt against `key` inside the caller's write transaction: `Ok(hits)` counted so far,
/// or `Err(until)` (epoch seconds): refused, nothing counted; the caller drops the transaction, which
/// undoes the counts taken before it in the same transaction too.
pub async fn take(txn: &impl ConnectionTrait, key: Key<'_>, rule: Rule, now: DateTime<Utc>) -> AppResult<Result<u32, i64>> {
    let row = locked_row(txn, key, now).await?;
    let stored = (row.hits > 0 || row.blocked_until.is_some()).then(|| counter_of(&row));
    match rule.attempt(stored, now.timestamp()) {
        Verdict::Wait { until } => Ok(Err(until)),
        Verdict::Go(c) => {
            let mut active = row.into_active_model();
            active.hits = Set(c.hits as i32);
            active.window_start = Set(at(c.window_start, now));
            active.blocked_until = Set(c.blocked_until.map(|s| at(s, now)));
            active.updated_at = Set(at(c.updated_at, now));
            active.update(txn).await?;
            Ok(Ok(c.hits))
        }
    }
}

/// "3 minutes" / "2 hours": how long until `until` (epoch seconds), rounded up, in the language of
/// the request, for a 429's sentence.
pub fn wait_until(until: i64, now: DateTime<Utc>) -> String {
    let minutes = (Ord::max(until - now.timestamp(), 1) + 59) / 60;
    let count = |n: i64| i32::try_from(n).unwrap_or(i32::MAX);
    if minutes <= 90 {
        crate::tr!(auth.wait.minutes, count = count(minutes)).to_string()
    } else {
        crate::tr!(auth.wait.hours, count = count((minutes + 59) / 60)).to_string()
    }
}

/// Counts a sign-in attempt for (email, IP) and for the IP, before the password is checked.
pub async fn sign_in_gate(db: &DatabaseConnection, limits: &Limits, email: &str, ip: &str, now: DateTime<Utc>) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let hits = match take(&txn, Key::new(SIGN_IN, email, ip), Rule::Backoff(limits.sign_in), now).await? {
        Ok(hits) => hits,
        Err(until) => return Err(AppError::TooManyRequests(crate::tr!(auth.too_many_sign_ins, wait = wait_until(until, now)).to_string())),
    };
    if let Err(until) = take(&txn, Key::new(SIGN_IN_PER_IP, ip, ""), Rule::Window(limits.sign_in_per_ip), now).await? {
        return Err(AppError::TooManyRequests(crate::tr!(auth.too_many_sign_ins_network, wait = wait_until(until, now)).to_string()));
    }
    txn.commit().await?;
    if hits == 1 {
        // A new (email, IP) row: the moment to delete old ones, so the table cannot grow without end.
        forget_old(db, now).await?;
    }
    Ok(())
}

/// A right password: the (email, IP) failures are forgotten and the attempt no longer counts against the IP.
pub async fn sign_in_succeeded(db: &impl ConnectionTrait, email: &str, ip: &str) -> AppResult<()> {
    Entity::delete_many()
        .filter(Column::Scope.eq(SIGN_IN))
        .filter(Column::Subject.eq(email))
        .filter(Column::Source.eq(ip))
        .exec(db)
        .await?;
    Entity::update_many()
        .col_expr(Column::Hits, Expr::col(Column::Hits).sub(1))
        .filter(Column::Scope.eq(SIGN_IN_PER_IP))
        .filter(Column::Subject.eq(ip))
        .filter(Column::Hits.gt(0))
        .exec(db)
        .await?;
    Ok(())
}

/// A password reset proves the mailbox: the account's sign-in failures, from every address, are forgotten.
pub async fn clear_sign_in_failures(db: &impl ConnectionTrait, email: &str) -> AppResult<()> {
    Entity::delete_many().filter(Column::Scope.eq(SIGN_IN)).filter(Column::Subject.eq(email)).exec(db).await?;
    Ok(())
}

/// Deletes counters nobody touched for two days. Rows another request holds are skipped
/// (PostgreSQL), so this never waits for, nor deadlocks with, a sign-in.
async fn forget_old(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<()> {
    let mut stale = Query::select();
    stale.column(Column::Id).from(Entity).and_where(Column::UpdatedAt.lt(now - Duration::seconds(KEEP_SECS))).limit(100);
    if db.get_database_backend() == sea_orm::DbBackend::Postgres {
        stale.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    Entity::delete_many().filter(Column::Id.in_subquery(stale)).exec(db).await?;
    Ok(())
}
