//! Event queries and role grants.
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::summary::summary;
use super::{AdminHome, EventDetail, EventLists, ManagedEvent, MemberRow};
use crate::auth::guard::has_event_role;
use crate::auth::roles::insert_membership;
use crate::db::BeginWrite;
use crate::entities::{event, membership, role_invitation, user};
use crate::error::{AppError, AppResult};
use crate::mail::{outbox, templates};
use crate::plumbing::unique_violation_as;
use crate::state::AppState;
use domain::accounts::{check_email, normalize_email};
use domain::events::{event_form_errors, parsed_dates, EventForm, Visibility};
use domain::roles::{Role, MEMBERS, ORGANISERS};

fn form_of(e: &event::Model) -> EventForm {
    EventForm {
        slug: e.slug.clone(),
        name: e.name.clone(),
        city: e.city.clone(),
        venue: e.venue.clone(),
        time_zone: e.time_zone.clone(),
        start_date: e.start_date.to_string(),
        end_date: e.end_date.to_string(),
        description: e.description.clone(),
        visibility: e.visibility.clone(),
        default_language: e.default_language.clone(),
        description_language: e.default_language.clone(),
        translations: Default::default(),
    }
}

/// The form of `e` with its description in every language written.
async fn full_form_of(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<EventForm> {
    let mut versions = super::texts::versions(db, e.id, super::texts::DESCRIPTION).await?;
    versions.remove(&e.default_language);
    Ok(EventForm { translations: versions, ..form_of(e) })
}

/// The description's versions as the form gives them (see `ui::Versions`).
fn description_versions(form: &EventForm, default: &'static str) -> AppResult<Vec<(crate::lang::Locale, String)>> {
    let sent = super::texts::Sent {
        name: "description",
        others: "translations",
        language: &form.description_language,
        first: &form.description,
        translations: &form.translations,
    };
    sent.versions(default)
}

/// The event's default language as a known code; an empty choice is English.
fn default_language(form: &EventForm) -> AppResult<&'static str> {
    let typed = form.default_language.trim();
    if typed.is_empty() {
        return Ok(crate::lang::code(crate::lang::Locale::default()));
    }
    crate::lang::parse(typed)
        .filter(|l| crate::lang::code(*l) == typed)
        .map(crate::lang::code)
        .ok_or_else(|| AppError::field("default_language", crate::tr!(errors.unknown_language_choice)))
}

pub fn detail(e: &event::Model, can_manage: bool) -> EventDetail {
    EventDetail {
        summary: summary(e),
        description: e.description.clone(),
        time_zone: e.time_zone.clone(),
        form: form_of(e),
        can_manage,
        volunteers_here: false,
        partner_logos: vec![],
        agenda_published: false,
    }
}

/// The logos the home page shows: accepted partners with a logo, whose tier gives a place on it, by tier order.
async fn partner_logos(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<Vec<(String, Vec<(String, String, String)>)>> {
    use crate::entities::{partner, partner_tier};
    let tiers = partner_tier::Entity::find()
        .filter(partner_tier::Column::EventId.eq(e.id))
        .filter(partner_tier::Column::LogoHome.eq(true))
        .order_by_asc(partner_tier::Column::Position)
        .all(db)
        .await?;
    let partners = partner::Entity::find()
        .filter(partner::Column::EventId.eq(e.id))
        .filter(partner::Column::Status.eq("accepted"))
        .filter(partner::Column::LogoFile.ne(""))
        .order_by_asc(partner::Column::Name)
        .all(db)
        .await?;
    Ok(tiers
        .into_iter()
        .map(|t| {
            let logos = partners
                .iter()
                .filter(|p| p.tier_id == Some(t.id))
                .map(|p| (p.name.clone(), p.code.clone(), format!("/media/logos/{}", p.logo_file)))
                .collect::<Vec<_>>();
            (t.name, logos)
        })
        .filter(|(_, logos)| !logos.is_empty())
        .collect())
}

/// Public events, split into upcoming (soonest first) and past (latest first) at `now`.
pub async fn listed(db: &impl ConnectionTrait, now: DateTime<Utc>) -> AppResult<EventLists> {
    let today = now.date_naive();
    let all = event::Entity::find()
        .filter(event::Column::Visibility.eq(Visibility::Public.as_str()))
        .order_by_asc(event::Column::StartDate)
        .all(db)
        .await?;
    let (past, upcoming): (Vec<_>, Vec<_>) = all.into_iter().partition(|e| e.end_date < today);
    Ok(EventLists { upcoming: upcoming.iter().map(summary).collect(), past: past.iter().rev().map(summary).collect() })
}

pub async fn by_slug(db: &impl ConnectionTrait, slug: &str) -> AppResult<event::Model> {
    event::Entity::find().filter(event::Column::Slug.eq(slug)).one(db).await?.ok_or(AppError::NotFound)
}

/// The event as `viewer` may see it: drafts only for their members and admins (others get 404).
pub async fn visible(db: &impl ConnectionTrait, slug: &str, viewer: Option<&user::Model>) -> AppResult<EventDetail> {
    let e = visible_model(db, slug, viewer).await?;
    let can_manage = match viewer {
        Some(u) => has_event_role(db, u, e.id, ORGANISERS).await?,
        None => false,
    };
    let volunteers_here = match viewer {
        Some(u) => has_event_role(db, u, e.id, domain::roles::VOLUNTEERS).await?,
        None => false,
    };
    let description = super::texts::description(db, &e).await?;
    let form = if can_manage { full_form_of(db, &e).await? } else { form_of(&e) };
    let partner_logos = partner_logos(db, &e).await?;
    let agenda_published = crate::published::latest(db, e.id).await?.is_some();
    Ok(EventDetail { description, form, volunteers_here, partner_logos, agenda_published, ..detail(&e, can_manage) })
}

/// The event row, if `viewer` may see it (draft events: members and admins only; others get 404).
pub async fn visible_model(db: &impl ConnectionTrait, slug: &str, viewer: Option<&user::Model>) -> AppResult<event::Model> {
    let e = by_slug(db, slug).await?;
    let is_member = match viewer {
        Some(u) => has_event_role(db, u, e.id, MEMBERS).await?,
        None => false,
    };
    if e.visibility == Visibility::Draft.as_str() && !is_member {
        return Err(AppError::NotFound);
    }
    Ok(e)
}

/// What `/admin` lists for `me` (see [`AdminHome`]).
pub async fn managed_by(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<AdminHome> {
    let held = crate::auth::roles::events_where(db, me, domain::roles::MANAGERS).await?;
    let events: Vec<(event::Model, Vec<Role>)> = if me.is_admin {
        let all = event::Entity::find().order_by_desc(event::Column::StartDate).all(db).await?;
        all.into_iter()
            .map(|e| {
                let roles = held.iter().find(|(h, _)| h.id == e.id).map(|(_, r)| r.clone()).unwrap_or_default();
                (e, roles)
            })
            .collect()
    } else {
        held
    };
    let managed = events
        .iter()
        .map(|(e, roles)| {
            let organises = me.is_admin || roles.contains(&Role::Organizer);
            let manage =
                if organises { crate::plumbing::urls::admin_event(&e.slug) } else { crate::plumbing::urls::admin_volunteers(&e.slug) };
            ManagedEvent { summary: summary(e), roles: roles.clone(), manage }
        })
        .collect();
    Ok(AdminHome { is_admin: me.is_admin, events: managed })
}

fn validated(form: &EventForm) -> AppResult<(NaiveDate, NaiveDate)> {
    let tz_known = form.time_zone.trim().parse::<chrono_tz::Tz>().is_ok();
    let errors = event_form_errors(form, tz_known);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    parsed_dates(form).ok_or_else(|| AppError::problem("end_date", domain::problem::Problem::DatesMissing))
}

fn slug_taken(e: sea_orm::DbErr) -> AppError {
    unique_violation_as(e, || AppError::field("slug", crate::tr!(events.errors.slug_taken)))
}

/// Creates an event with its default CFP settings, formats and tracks, all or nothing.
pub async fn create(db: &sea_orm::DatabaseConnection, form: &EventForm, now: DateTime<Utc>) -> AppResult<event::Model> {
    let (start, end) = validated(form)?;
    let language = default_language(form)?;
    let versions = description_versions(form, language)?;
    let txn = db.begin_write().await?;
    let created = event::ActiveModel {
        slug: Set(form.slug.trim().to_string()),
        name: Set(form.name.trim().to_string()),
        city: Set(form.city.trim().to_string()),
        venue: Set(form.venue.trim().to_string()),
        time_zone: Set(form.time_zone.trim().to_string()),
        start_date: Set(start),
        end_date: Set(end),
        description: Set(super::texts::main_text(&versions, language)),
        visibility: Set(form.visibility.clone()),
        default_language: Set(language.to_string()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(slug_taken)?;
    super::defaults::create_defaults(&txn, created.id, crate::lang::parse(language).unwrap_or_default(), now).await?;
    super::texts::save(&txn, created.id, super::texts::DESCRIPTION, &versions).await?;
    txn.commit().await?;
    Ok(created)
}

/// Saves the event form with the description's versions it carries (a language left out keeps its
/// version; one emptied loses it).
pub async fn update(db: &sea_orm::DatabaseConnection, existing: event::Model, form: &EventForm) -> AppResult<event::Model> {
    let (start, end) = validated(form)?;
    // A form without the field (an older client) keeps the language as it is.
    let language = match form.default_language.trim() {
        "" => crate::lang::code(crate::lang::parse(&existing.default_language).unwrap_or_default()),
        _ => default_language(form)?,
    };
    let versions = description_versions(form, language)?;
    let mut active: event::ActiveModel = existing.into();
    active.slug = Set(form.slug.trim().to_string());
    active.name = Set(form.name.trim().to_string());
    active.city = Set(form.city.trim().to_string());
    active.venue = Set(form.venue.trim().to_string());
    active.time_zone = Set(form.time_zone.trim().to_string());
    active.start_date = Set(start);
    active.end_date = Set(end);
    active.description = Set(super::texts::main_text(&versions, language));
    active.visibility = Set(form.visibility.clone());
    active.default_language = Set(language.to_string());
    let txn = db.begin_write().await?;
    let updated = active.update(&txn).await.map_err(slug_taken)?;
    super::texts::save(&txn, updated.id, super::texts::DESCRIPTION, &versions).await?;
    txn.commit().await?;
    Ok(updated)
}

pub async fn members(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<MemberRow>> {
    let rows = membership::Entity::find()
        .filter(membership::Column::EventId.eq(event_id))
        .find_also_related(user::Entity)
        .order_by_asc(membership::Column::Role)
        .all(db)
        .await?;
    let pending = role_invitation::Entity::find()
        .filter(role_invitation::Column::EventId.eq(event_id))
        .order_by_asc(role_invitation::Column::EmailNormalized)
        .all(db)
        .await?;
    let l = crate::lang::use_locale();
    let label = |role: &str| Role::parse(role).map(|r| crate::lang::role_name(l, r)).unwrap_or("?").to_string();
    let mut out: Vec<MemberRow> = rows
        .into_iter()
        .filter_map(|(m, u)| u.map(|u| (m, u)))
        .map(|(m, u)| MemberRow {
            email: u.email,
            display_name: Some(u.display_name),
            role_label: label(&m.role),
            role: m.role,
            pending: false,
        })
        .collect();
    out.extend(pending.into_iter().map(|i| MemberRow {
        email: i.email_normalized,
        display_name: None,
        role_label: label(&i.role),
        role: i.role,
        pending: true,
    }));
    Ok(out)
}

/// Keeps `role` waiting for `email_n` until an account with that address is verified.
async fn insert_invitation(db: &impl ConnectionTrait, event_id: i32, email_n: &str, role: Role, now: DateTime<Utc>) -> AppResult<()> {
    let res = role_invitation::ActiveModel {
        event_id: Set(event_id),
        email_normalized: Set(email_n.to_string()),
        role: Set(role.as_str().into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await;
    match res {
        Ok(_) => Ok(()),
        Err(err) => Err(unique_violation_as(err, || {
            let role = crate::lang::role_name(crate::lang::use_locale(), role);
            AppError::Conflict(crate::tr!(events.errors.already_invited, email = email_n.to_string(), role = role).to_string())
        })),
    }
}

/// Gives `role` to the person with `email`: at once if their account's email is verified, otherwise
/// as an invitation that waits for a verified email (so whoever signed up with someone else's address
/// gets nothing). Either way one mail tells them, queued in the same transaction.
pub async fn grant_role(state: &AppState, e: &event::Model, email: &str, role: Role) -> AppResult<()> {
    if let Some(problem) = check_email(email) {
        return Err(AppError::problem("email", problem));
    }
    let email_n = normalize_email(email);
    let now = state.clock.now();
    let txn = state.db.begin_write().await?;
    let existing = user::Entity::find().filter(user::Column::EmailNormalized.eq(&email_n)).one(&txn).await?;
    let mail = match existing {
        Some(u) if u.verified_at.is_some() => {
            if !insert_membership(&txn, e.id, u.id, role, now).await? {
                let role = crate::lang::role_name(crate::lang::use_locale(), role);
                return Err(AppError::Conflict(crate::tr!(events.errors.already_member, email = u.email.clone(), role = role).to_string()));
            }
            let link = state.config.link(&format!("/events/{}", e.slug));
            let l = crate::lang::for_recipient(u.language.as_deref(), Some(&e.default_language));
            templates::role_granted(l, &u.email, &u.display_name, crate::lang::role_name(l, role), &e.name, &link)
        }
        Some(u) => {
            insert_invitation(&txn, e.id, &email_n, role, now).await?;
            let link = state.config.link("/account");
            let l = crate::lang::for_recipient(u.language.as_deref(), Some(&e.default_language));
            templates::role_awaiting_verification(l, &u.email, &u.display_name, crate::lang::role_name(l, role), &e.name, &link)
        }
        None => {
            insert_invitation(&txn, e.id, &email_n, role, now).await?;
            let link = state.config.link(&format!("/signup?email={email_n}"));
            let l = crate::lang::for_recipient(None, Some(&e.default_language));
            templates::role_invitation(l, &email_n, crate::lang::role_name(l, role), &e.name, &link)
        }
    };
    outbox::enqueue(&txn, mail, now).await?;
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(())
}

/// Removes a role (or a pending invitation) from the person with `email`.
pub async fn revoke_role(db: &impl ConnectionTrait, event_id: i32, email: &str, role: Role) -> AppResult<()> {
    let email_n = normalize_email(email);
    if let Some(u) = user::Entity::find().filter(user::Column::EmailNormalized.eq(&email_n)).one(db).await? {
        membership::Entity::delete_many()
            .filter(membership::Column::EventId.eq(event_id))
            .filter(membership::Column::UserId.eq(u.id))
            .filter(membership::Column::Role.eq(role.as_str()))
            .exec(db)
            .await?;
    }
    role_invitation::Entity::delete_many()
        .filter(role_invitation::Column::EventId.eq(event_id))
        .filter(role_invitation::Column::EmailNormalized.eq(email_n))
        .filter(role_invitation::Column::Role.eq(role.as_str()))
        .exec(db)
        .await?;
    Ok(())
}
