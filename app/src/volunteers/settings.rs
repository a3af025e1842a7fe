//! An event's volunteer settings: the call's text in each language, how late volunteers may leave a
//! shift themselves, and the room-host rule. An event without a row has the defaults.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::views::{CallSettingsForm, SettingsView};
use crate::db::BeginWrite;
use crate::entities::{event, volunteer_setting};
use crate::error::{AppError, AppResult};
use crate::events::texts;
use domain::problem::Problem;
use domain::volunteers::settings::{read_settings, SettingsForm, VolunteerSettings, CALL_TEXT_MAX};

/// The `event_texts` field of the call's versions.
pub const CALL_TEXT: &str = "volunteer_call";

async fn row(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Option<volunteer_setting::Model>> {
    Ok(volunteer_setting::Entity::find().filter(volunteer_setting::Column::EventId.eq(event_id)).one(db).await?)
}

/// The settings of the event (the defaults until a lead saves some).
pub async fn settings_of(db: &impl ConnectionTrait, event_id: i32) -> AppResult<VolunteerSettings> {
    Ok(settings_in(row(db, event_id).await?.as_ref()))
}

fn settings_in(r: Option<&volunteer_setting::Model>) -> VolunteerSettings {
    r.map_or_else(VolunteerSettings::default, |r| VolunteerSettings {
        sign_out_hours: r.sign_out_hours.into(),
        host_minutes_before: r.host_minutes_before.into(),
        host_max_gap_minutes: r.host_max_gap_minutes.into(),
    })
}

/// The call's text in the language of this request (Markdown).
pub async fn call_text(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<String> {
    let fallback = row(db, e.id).await?.map(|r| r.call_text).unwrap_or_default();
    texts::for_this_reader(db, e, CALL_TEXT, &fallback).await
}

/// The settings form as it stands.
pub async fn settings_view(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<SettingsView> {
    let saved = row(db, e.id).await?;
    let s = settings_in(saved.as_ref());
    let mut versions = texts::versions(db, e.id, CALL_TEXT).await?;
    let fallback = saved.map(|r| r.call_text).unwrap_or_default();
    Ok(SettingsView {
        call_language: e.default_language.clone(),
        call_text: versions.remove(&e.default_language).filter(|t| !t.trim().is_empty()).unwrap_or(fallback),
        call_translations: versions,
        sign_out_hours: s.sign_out_hours.to_string(),
        host_minutes_before: s.host_minutes_before.to_string(),
        host_max_gap_minutes: s.host_max_gap_minutes.to_string(),
    })
}

/// Saves the settings and the call's versions, all or nothing.
pub async fn save(db: &DatabaseConnection, e: &event::Model, form: &CallSettingsForm, now: DateTime<Utc>) -> AppResult<()> {
    let typed = SettingsForm {
        sign_out_hours: form.sign_out_hours.clone(),
        host_minutes_before: form.host_minutes_before.clone(),
        host_max_gap_minutes: form.host_max_gap_minutes.clone(),
    };
    let read = read_settings(&typed);
    let mut problems = read.clone().err().unwrap_or_default();
    let texts = std::iter::once(("call_text".to_string(), &form.call_text))
        .chain(form.call_translations.iter().map(|(code, text)| (format!("call_translations[{code}]"), text)));
    for (field, text) in texts {
        if domain::text::typed_len(text) > CALL_TEXT_MAX {
            problems.push(domain::problem::FieldProblem { field, problem: Problem::AtMost { max: CALL_TEXT_MAX } });
        }
    }
    if !problems.is_empty() {
        return Err(AppError::problems(problems));
    }
    let settings = read.map_err(AppError::problems)?;
    let default = crate::lang::code(crate::lang::parse(&e.default_language).unwrap_or_default());
    let sent = texts::Sent {
        name: "call_text",
        others: "call_translations",
        language: &form.call_text_language,
        first: &form.call_text,
        translations: &form.call_translations,
    };
    let versions = sent.versions(default)?;
    let txn = db.begin_write().await?;
    let record = volunteer_setting::ActiveModel {
        event_id: Set(e.id),
        call_text: Set(texts::main_text(&versions, default)),
        sign_out_hours: Set(settings.sign_out_hours as i32),
        host_minutes_before: Set(settings.host_minutes_before as i32),
        host_max_gap_minutes: Set(settings.host_max_gap_minutes as i32),
        updated_at: Set(now),
        ..Default::default()
    };
    let upsert = OnConflict::column(volunteer_setting::Column::EventId)
        .update_columns([
            volunteer_setting::Column::CallText,
            volunteer_setting::Column::SignOutHours,
            volunteer_setting::Column::HostMinutesBefore,
            volunteer_setting::Column::HostMaxGapMinutes,
            volunteer_setting::Column::UpdatedAt,
        ])
        .to_owned();
    volunteer_setting::Entity::insert(record).on_conflict(upsert).exec_without_returning(&txn).await?;
    texts::save(&txn, e.id, CALL_TEXT, &versions).await?;
    txn.commit().await?;
    Ok(())
}
