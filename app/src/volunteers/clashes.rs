//! Talks that a published agenda put on a volunteer's own shift: listed on the leads' page, and
//! mailed once per clash to the volunteer and the event's volunteer leads.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::mails::{to, Named};
use super::signup::TAKEN;
use super::views::ClashLine;
use super::words;
use crate::db::BeginWrite;
use crate::entities::{event, membership, user, volunteer_shift, volunteer_signup, volunteer_team};
use crate::error::{AppError, AppResult};
use crate::mail::outbox;
use crate::mail::volunteer_templates::talk_clash;
use crate::state::AppState;
use domain::roles::Role;
use domain::volunteers::overlaps;

/// A volunteer's shift and the talk of theirs on it.
pub struct Clash {
    pub signup: volunteer_signup::Model,
    pub shift: volunteer_shift::Model,
    pub team: String,
    pub volunteer: user::Model,
    pub talk: String,
    pub talk_start: DateTime<Utc>,
}

impl Clash {
    /// Names the clash, to mail it once.
    fn key(&self) -> String {
        format!("{}|{}", self.talk_start.to_rfc3339(), self.talk).chars().take(300).collect()
    }
}

/// Every clash between held shifts of `e` and its latest published agenda.
pub async fn clashes(state: &AppState, e: &event::Model) -> AppResult<Vec<Clash>> {
    let programme = match crate::published::latest_programme(&state.db, &state.programmes, e).await {
        Ok(p) => p,
        Err(AppError::NotFound) => return Ok(vec![]),
        Err(other) => return Err(other),
    };
    let shifts = volunteer_shift::Entity::find().filter(volunteer_shift::Column::EventId.eq(e.id)).all(&state.db).await?;
    let held = volunteer_signup::Entity::find()
        .filter(volunteer_signup::Column::ShiftId.is_in(shifts.iter().map(|s| s.id)))
        .filter(volunteer_signup::Column::Status.eq(TAKEN))
        .all(&state.db)
        .await?;
    let people = user::Entity::find().filter(user::Column::Id.is_in(held.iter().map(|h| h.user_id))).all(&state.db).await?;
    let teams = volunteer_team::Entity::find().filter(volunteer_team::Column::EventId.eq(e.id)).all(&state.db).await?;
    let mut out = Vec::new();
    for h in held {
        let (Some(shift), Some(person)) = (shifts.iter().find(|s| s.id == h.shift_id), people.iter().find(|u| u.id == h.user_id)) else {
            continue;
        };
        let Some(code) = person.public_code.as_deref() else { continue };
        let talk = programme
            .sessions
            .iter()
            .filter(|s| s.speakers.iter().any(|p| p.code.as_deref() == Some(code)))
            .find(|s| overlaps((s.start, s.end), (shift.starts_at, shift.ends_at)));
        if let Some(talk) = talk {
            out.push(Clash {
                team: teams.iter().find(|t| t.id == shift.team_id).map(|t| t.name.clone()).unwrap_or_default(),
                shift: shift.clone(),
                volunteer: person.clone(),
                talk: talk.title.clone(),
                talk_start: talk.start,
                signup: h,
            });
        }
    }
    Ok(out)
}

/// The clashes as the leads' page lists them.
pub async fn clash_lines(state: &AppState, e: &event::Model) -> AppResult<Vec<ClashLine>> {
    let l = crate::lang::use_locale();
    Ok(clashes(state, e)
        .await?
        .into_iter()
        .map(|c| ClashLine {
            shift_id: c.shift.id,
            volunteer: c.volunteer.display_name.clone(),
            shift: format!("{} · {}", words::title(&c.shift, &c.team), words::when(l, e, c.shift.starts_at, c.shift.ends_at)),
            talk: c.talk.clone(),
            talk_time: words::at(l, e, c.talk_start),
        })
        .collect())
}

/// The people told about clashes besides the volunteer: the event's volunteer leads, else its organisers.
async fn leads(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<user::Model>> {
    for role in [Role::VolunteerLead, Role::Organizer] {
        let ids: Vec<i32> = membership::Entity::find()
            .filter(membership::Column::EventId.eq(e.id))
            .filter(membership::Column::Role.eq(role.as_str()))
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect();
        if !ids.is_empty() {
            return Ok(user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?);
        }
    }
    Ok(vec![])
}

/// Mails each clash not mailed yet to its volunteer and the leads; answers how many clashes were new.
pub async fn notice(state: &AppState, e: &event::Model, now: DateTime<Utc>) -> AppResult<usize> {
    let found = clashes(state, e).await?;
    let new: Vec<&Clash> = found.iter().filter(|c| c.signup.clash_mailed.as_deref() != Some(c.key().as_str())).collect();
    if new.is_empty() {
        return Ok(0);
    }
    let leads = leads(&state.db, e).await?;
    let link = state.config.link(&crate::plumbing::urls::admin_volunteers(&e.slug));
    let mine = state.config.link(&crate::plumbing::urls::my_shifts(&e.slug));
    let txn = state.db.begin_write().await?;
    for c in &new {
        volunteer_signup::Entity::update_many()
            .col_expr(volunteer_signup::Column::ClashMailed, Expr::value(Some(c.key())))
            .filter(volunteer_signup::Column::Id.eq(c.signup.id))
            .exec(&txn)
            .await?;
        let mut told = vec![(&c.volunteer, mine.as_str())];
        told.extend(leads.iter().filter(|u| u.id != c.volunteer.id).map(|u| (u, link.as_str())));
        for (u, link) in told {
            let who = to(u, e);
            let named = Named::of(who.l, e, &c.shift, &c.team);
            let talk_when = words::at(who.l, e, c.talk_start);
            outbox::enqueue(&txn, talk_clash(&who, &c.volunteer.display_name, &c.talk, &talk_when, &named.words(), link), now).await?;
        }
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(new.len())
}
