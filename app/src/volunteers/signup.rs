//! Taking and leaving shifts. A seat is claimed by one conditional update (`taken < seats`), so
//! concurrent sign-ups never overbook; a person's own sign-ups run one at a time behind their
//! volunteer record, so two overlapping shifts taken at the same instant give exactly one.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, QueryFilter, Set};

use crate::db::BeginWrite;
use crate::entities::{event, user, volunteer_application, volunteer_shift, volunteer_signup, volunteer_team, volunteer_team_member};
use crate::error::{AppError, AppResult};
use crate::formats::zoned::zone;
use crate::state::AppState;
use domain::volunteers::signup::{can_sign_out, can_sign_up, may_wait, Refusal, ShiftSlot, VolunteerPlan};

pub use super::status::{ACCEPTED, TAKEN, WAITING};

/// The volunteer record of `user_id` at the event, if any.
pub async fn volunteer_record(db: &impl ConnectionTrait, event_id: i32, user_id: i32) -> AppResult<Option<volunteer_application::Model>> {
    Ok(volunteer_application::Entity::find()
        .filter(volunteer_application::Column::EventId.eq(event_id))
        .filter(volunteer_application::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Holds `me`'s volunteer record of `e` for this transaction: their other sign-ups wait for it.
/// Someone who is not an accepted volunteer of the event gets 403.
async fn lock_volunteer(db: &impl ConnectionTrait, event_id: i32, user_id: i32) -> AppResult<()> {
    let res = volunteer_application::Entity::update_many()
        .col_expr(volunteer_application::Column::LockVersion, Expr::col(volunteer_application::Column::LockVersion).add(1))
        .filter(volunteer_application::Column::EventId.eq(event_id))
        .filter(volunteer_application::Column::UserId.eq(user_id))
        .filter(volunteer_application::Column::Status.eq(ACCEPTED))
        .exec(db)
        .await?;
    if res.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// A shift of `e` (another event's id is 404).
pub async fn shift_of(db: &impl ConnectionTrait, e: &event::Model, shift_id: i32) -> AppResult<volunteer_shift::Model> {
    volunteer_shift::Entity::find_by_id(shift_id).filter(volunteer_shift::Column::EventId.eq(e.id)).one(db).await?.ok_or(AppError::NotFound)
}

async fn slot_of(db: &impl ConnectionTrait, s: &volunteer_shift::Model) -> AppResult<ShiftSlot> {
    let team = volunteer_team::Entity::find_by_id(s.team_id).one(db).await?.ok_or(AppError::NotFound)?;
    Ok(ShiftSlot {
        id: s.id,
        title: s.title.clone(),
        team_id: team.id,
        team_name: team.name,
        restricted: team.restricted,
        start: s.starts_at,
        end: s.ends_at,
        seats: s.seats,
        taken: s.taken,
    })
}

/// The shifts of `e` on which `user_id` holds a seat, by start.
pub async fn held_shifts(db: &impl ConnectionTrait, e: &event::Model, user_id: i32) -> AppResult<Vec<volunteer_shift::Model>> {
    use sea_orm::QueryOrder;
    let ids: Vec<i32> = volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::UserId.eq(user_id))
        .filter(volunteer_signup::Column::Status.eq(TAKEN))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.shift_id)
        .collect();
    Ok(volunteer_shift::Entity::find()
        .filter(volunteer_shift::Column::EventId.eq(e.id))
        .filter(volunteer_shift::Column::Id.is_in(ids))
        .order_by_asc(volunteer_shift::Column::StartsAt)
        .all(db)
        .await?)
}

/// What `me` already does at `e`: shifts held, talks in the published agenda, teams that confirmed them.
pub async fn plan_of(db: &impl ConnectionTrait, e: &event::Model, me: &user::Model, talks: Talks) -> AppResult<VolunteerPlan> {
    let shifts = held_shifts(db, e, me.id).await?.into_iter().map(|s| (s.id, s.title, s.starts_at, s.ends_at)).collect();
    let confirmed_teams = volunteer_team_member::Entity::find()
        .filter(volunteer_team_member::Column::UserId.eq(me.id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.team_id)
        .collect();
    Ok(VolunteerPlan { shifts, talks, confirmed_teams })
}

/// The talks `me` gives in the event's published agenda (title, start, end): a shift may not overlap them.
pub async fn talks_of(state: &AppState, e: &event::Model, me: &user::Model) -> AppResult<Talks> {
    let Some(code) = me.public_code.as_deref() else { return Ok(vec![]) };
    let programme = match crate::published::latest_programme(&state.db, &state.programmes, e).await {
        Ok(p) => p,
        Err(crate::error::AppError::NotFound) => return Ok(vec![]),
        Err(other) => return Err(other),
    };
    Ok(programme
        .sessions
        .iter()
        .filter(|s| s.speakers.iter().any(|p| p.code.as_deref() == Some(code)))
        .map(|s| (s.title.clone(), s.start, s.end))
        .collect())
}

/// The refusal's problem, its times in the event's zone.
fn problem_of(e: &event::Model, r: &Refusal) -> domain::problem::Problem {
    let tz = zone(&e.time_zone);
    r.problem(|t| t.with_timezone(&tz).naive_local())
}

/// Why `r` stops someone, in the reader's language.
pub fn reason(e: &event::Model, r: &Refusal) -> String {
    crate::lang::problems::here(&problem_of(e, r))
}

/// The refusal as a field error on `shift`, its times in the event's zone and the reader's language.
fn refused(e: &event::Model, r: &Refusal) -> AppError {
    match r {
        Refusal::Full { .. } => AppError::Conflict(reason(e, r)),
        _ => AppError::problem("shift", problem_of(e, r)),
    }
}

/// Adds a taker to the shift's `taken` counter; with `only_if_free`, only while `taken < seats` (one
/// conditional update, so concurrent sign-ups never overbook). Answers whether it was added.
async fn add_seat(txn: &DatabaseTransaction, shift_id: i32, only_if_free: bool) -> AppResult<bool> {
    let mut claim = volunteer_shift::Entity::update_many()
        .col_expr(volunteer_shift::Column::Taken, Expr::col(volunteer_shift::Column::Taken).add(1))
        .filter(volunteer_shift::Column::Id.eq(shift_id));
    if only_if_free {
        claim = claim.filter(Expr::col(volunteer_shift::Column::Taken).lt(Expr::col(volunteer_shift::Column::Seats)));
    }
    Ok(claim.exec(txn).await?.rows_affected == 1)
}

/// Talks a volunteer gives: (title, start, end).
pub type Talks = Vec<(String, DateTime<Utc>, DateTime<Utc>)>;

/// In `txn`: locks `me`'s record, then reads the shift and whether `me` may take it at `now`.
async fn consider(
    txn: &DatabaseTransaction,
    e: &event::Model,
    me: &user::Model,
    shift_id: i32,
    talks: Talks,
    now: DateTime<Utc>,
) -> AppResult<(volunteer_shift::Model, Result<(), Refusal>)> {
    lock_volunteer(txn, e.id, me.id).await?;
    let shift = shift_of(txn, e, shift_id).await?;
    let plan = plan_of(txn, e, me, talks).await?;
    let verdict = can_sign_up(&slot_of(txn, &shift).await?, &plan, now);
    Ok((shift, verdict))
}

/// Takes a seat on the shift for `me`, or says why not.
pub async fn sign_up(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    shift_id: i32,
    talks: Talks,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = db.begin_write().await?;
    take_seat(&txn, e, me, shift_id, talks, now).await?;
    txn.commit().await?;
    Ok(())
}

/// In `txn`: takes a seat for `me` if the rules let them, by one conditional update (`taken < seats`).
async fn take_seat(
    txn: &DatabaseTransaction,
    e: &event::Model,
    me: &user::Model,
    shift_id: i32,
    talks: Talks,
    now: DateTime<Utc>,
) -> AppResult<volunteer_shift::Model> {
    let (shift, verdict) = consider(txn, e, me, shift_id, talks, now).await?;
    if let Err(r) = verdict {
        return Err(refused(e, &r));
    }
    if !add_seat(txn, shift.id, true).await? {
        let full = Refusal::Full { taken: shift.seats, seats: shift.seats };
        return Err(refused(e, &full));
    }
    upsert_signup(txn, shift.id, me.id, TAKEN, now).await?;
    Ok(shift)
}

/// A lead puts `person` on the shift: past the self sign-up limits (full, started, restricted team),
/// but a double booking with their other shifts or talks is refused unless `confirmed`.
pub async fn assign(
    state: &AppState,
    e: &event::Model,
    person: &user::Model,
    shift_id: i32,
    confirmed: bool,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let talks = talks_of(state, e, person).await?;
    let txn = state.db.begin_write().await?;
    let (shift, verdict) = consider(&txn, e, person, shift_id, talks, now).await?;
    match verdict {
        Err(Refusal::AlreadySignedUp) => {
            return Err(AppError::Conflict(crate::lang::problems::here(&domain::problem::Problem::AlreadySignedUp)))
        }
        Err(r @ (Refusal::OverlapsShift { .. } | Refusal::OverlapsTalk { .. })) if !confirmed => {
            let text = reason(e, &r);
            return Err(AppError::field("confirm", crate::tr!(volunteers.errors.confirm_double_booking, reason = &text).to_string()));
        }
        _ => {}
    }
    add_seat(&txn, shift.id, false).await?;
    upsert_signup(&txn, shift.id, person.id, TAKEN, now).await?;
    super::mails::tell(&txn, state, e, &shift, person.id, super::mails::Told::Given { by_lead: true }, now).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// Puts `me` in the waiting list of a full shift they could otherwise take.
pub async fn join_waitlist(
    db: &DatabaseConnection,
    e: &event::Model,
    me: &user::Model,
    shift_id: i32,
    talks: Talks,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let txn = db.begin_write().await?;
    let (shift, verdict) = consider(&txn, e, me, shift_id, talks, now).await?;
    match verdict {
        Err(r) if may_wait(&r) => {}
        Err(r) => return Err(refused(e, &r)),
        Ok(()) => return Err(AppError::Conflict(crate::tr!(volunteers.errors.seats_left).into())),
    }
    upsert_signup(&txn, shift.id, me.id, WAITING, now).await?;
    txn.commit().await?;
    Ok(())
}

async fn upsert_signup(db: &impl ConnectionTrait, shift_id: i32, user_id: i32, status: &str, now: DateTime<Utc>) -> AppResult<()> {
    let row = volunteer_signup::ActiveModel {
        shift_id: Set(shift_id),
        user_id: Set(user_id),
        status: Set(status.into()),
        queued_at: Set(now),
        checked_in_at: Set(None),
        no_show: Set(false),
        created_at: Set(now),
        ..Default::default()
    };
    let keep_one = OnConflict::columns([volunteer_signup::Column::ShiftId, volunteer_signup::Column::UserId])
        .update_columns([volunteer_signup::Column::Status, volunteer_signup::Column::QueuedAt])
        .to_owned();
    volunteer_signup::Entity::insert(row).on_conflict(keep_one).exec_without_returning(db).await?;
    Ok(())
}

/// Leaves a shift (or its waiting list) until the event's sign-out limit before it starts;
/// answers whether a seat was freed (the caller then offers it to the waiting list).
pub async fn sign_out(db: &DatabaseConnection, e: &event::Model, me: &user::Model, shift_id: i32, now: DateTime<Utc>) -> AppResult<bool> {
    let txn = db.begin_write().await?;
    lock_volunteer(&txn, e.id, me.id).await?;
    let shift = shift_of(&txn, e, shift_id).await?;
    let mine = signup_of(&txn, shift.id, me.id).await?.ok_or(AppError::NotFound)?;
    let held = mine.status == TAKEN;
    let hours = super::settings::settings_of(&txn, e.id).await?.sign_out_hours;
    if held && !can_sign_out(now, shift.starts_at, hours) {
        return Err(AppError::Conflict(crate::tr!(volunteers.errors.too_late_to_sign_out, hours = hours).to_string()));
    }
    remove_signup(&txn, &mine).await?;
    txn.commit().await?;
    Ok(held)
}

/// Deletes a sign-up, giving its seat back when it held one.
async fn remove_signup(txn: &DatabaseTransaction, mine: &volunteer_signup::Model) -> AppResult<()> {
    volunteer_signup::Entity::delete_by_id(mine.id).exec(txn).await?;
    if mine.status == TAKEN {
        volunteer_shift::Entity::update_many()
            .col_expr(volunteer_shift::Column::Taken, Expr::col(volunteer_shift::Column::Taken).sub(1))
            .filter(volunteer_shift::Column::Id.eq(mine.shift_id))
            .filter(volunteer_shift::Column::Taken.gt(0))
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// A lead takes `person_id` off the shift (or its waiting list), whenever; answers whether a seat was freed.
pub async fn take_off(db: &DatabaseConnection, e: &event::Model, person_id: i32, shift_id: i32) -> AppResult<bool> {
    let txn = db.begin_write().await?;
    let shift = shift_of(&txn, e, shift_id).await?;
    let Some(theirs) = signup_of(&txn, shift.id, person_id).await? else { return Err(AppError::NotFound) };
    remove_signup(&txn, &theirs).await?;
    txn.commit().await?;
    Ok(theirs.status == TAKEN)
}

pub async fn signup_of(db: &impl ConnectionTrait, shift_id: i32, user_id: i32) -> AppResult<Option<volunteer_signup::Model>> {
    Ok(volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.eq(shift_id))
        .filter(volunteer_signup::Column::UserId.eq(user_id))
        .one(db)
        .await?)
}

/// Gives a person who holds a volunteer role of `e` (granted by hand, or by a lead accepting their
/// application) their volunteer record, which sign-ups lock. Idempotent.
pub async fn ensure_record(db: &impl ConnectionTrait, event_id: i32, user_id: i32, now: DateTime<Utc>) -> AppResult<()> {
    let row = volunteer_application::ActiveModel {
        event_id: Set(event_id),
        user_id: Set(user_id),
        days: Set(String::new()),
        teams: Set(String::new()),
        tshirt: Set(String::new()),
        languages: Set(String::new()),
        note: Set(String::new()),
        status: Set(ACCEPTED.into()),
        lock_version: Set(0),
        feed_token: Set(None),
        created_at: Set(now),
        decided_at: Set(Some(now)),
        ..Default::default()
    };
    volunteer_application::Entity::insert(row)
        .on_conflict_do_nothing_on([volunteer_application::Column::EventId, volunteer_application::Column::UserId])
        .exec(db)
        .await?;
    // Holding the role is being accepted (a role granted by hand over an open application).
    volunteer_application::Entity::update_many()
        .col_expr(volunteer_application::Column::Status, Expr::value(ACCEPTED))
        .col_expr(volunteer_application::Column::DecidedAt, Expr::value(Some(now)))
        .filter(volunteer_application::Column::EventId.eq(event_id))
        .filter(volunteer_application::Column::UserId.eq(user_id))
        .filter(volunteer_application::Column::Status.ne(ACCEPTED))
        .exec(db)
        .await?;
    Ok(())
}

/// The person of `user_id` if they are an accepted volunteer of `e`.
pub async fn accepted_volunteer(db: &impl ConnectionTrait, e: &event::Model, user_id: i32) -> AppResult<Option<user::Model>> {
    match volunteer_record(db, e.id, user_id).await? {
        Some(r) if r.status == ACCEPTED => Ok(user::Entity::find_by_id(user_id).one(db).await?),
        _ => Ok(None),
    }
}

/// Offers a freed seat of the shift to its waiting list, first come first served: the first who can
/// still take it gets it (their sign-up runs the same rules). Answers who got it.
pub async fn offer_freed_seat(state: &AppState, e: &event::Model, shift_id: i32, now: DateTime<Utc>) -> AppResult<Option<i32>> {
    use sea_orm::QueryOrder;
    let waiting = volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.eq(shift_id))
        .filter(volunteer_signup::Column::Status.eq(WAITING))
        .order_by_asc(volunteer_signup::Column::QueuedAt)
        .order_by_asc(volunteer_signup::Column::Id)
        .all(&state.db)
        .await?;
    for w in waiting {
        let Some(person) = user::Entity::find_by_id(w.user_id).one(&state.db).await? else { continue };
        let talks = talks_of(state, e, &person).await?;
        let txn = state.db.begin_write().await?;
        match take_seat(&txn, e, &person, shift_id, talks, now).await {
            Ok(shift) => {
                super::mails::tell(&txn, state, e, &shift, person.id, super::mails::Told::Given { by_lead: false }, now).await?;
                txn.commit().await?;
                state.mail_wake.notify_one();
                return Ok(Some(person.id));
            }
            Err(AppError::Conflict(_)) => return Ok(None),
            Err(_) => continue,
        }
    }
    Ok(None)
}
