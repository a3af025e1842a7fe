//! The talk library (server side): a speaker's talks, written once.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::TalkData;
use crate::cfp::talks::{store, talk_form_of};
use crate::entities::{event, proposal, talk, user};
use crate::error::{AppError, AppResult};
use domain::cfp::{talk_errors, Choice, Language, Level, TalkForm};

fn checked(form: &TalkForm) -> AppResult<()> {
    let errors = talk_errors(form, Level::ALL, Language::ALL, false);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::problems(errors))
    }
}

/// Adds a talk to `me`'s library.
pub async fn insert(db: &impl ConnectionTrait, me: &user::Model, form: &TalkForm, now: DateTime<Utc>) -> AppResult<talk::Model> {
    checked(form)?;
    store(db, me, form, now).await
}

async fn owned(db: &impl ConnectionTrait, me: &user::Model, id: i32) -> AppResult<talk::Model> {
    talk::Entity::find_by_id(id).filter(talk::Column::OwnerId.eq(me.id)).one(db).await?.ok_or(AppError::NotFound)
}

/// Changes a library talk; proposals made from it keep their own text.
pub async fn update(db: &impl ConnectionTrait, me: &user::Model, id: i32, form: &TalkForm, now: DateTime<Utc>) -> AppResult<()> {
    checked(form)?;
    let mut row: talk::ActiveModel = owned(db, me, id).await?.into();
    row.title = Set(form.title.trim().into());
    row.summary = Set(form.summary.trim().into());
    row.details = Set(form.details.trim().into());
    row.level = Set(form.level.clone());
    row.language = Set(form.language.clone());
    row.references = Set(form.references.trim().into());
    row.updated_at = Set(now);
    row.update(db).await?;
    Ok(())
}

/// A talk with the events it was proposed to.
pub async fn data(db: &impl ConnectionTrait, me: &user::Model, id: i32) -> AppResult<TalkData> {
    let t = owned(db, me, id).await?;
    let proposals = proposal::Entity::find().filter(proposal::Column::TalkId.eq(t.id)).all(db).await?;
    let mut used = Vec::new();
    for p in proposals {
        let name = event::Entity::find_by_id(p.event_id).one(db).await?.map(|e| e.name).unwrap_or_default();
        used.push((name, p.code, super::state_name(&p.state)));
    }
    Ok(TalkData { id: t.id, talk: talk_form_of(&t), proposals: used })
}

pub async fn list(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<Vec<TalkData>> {
    let talks = talk::Entity::find().filter(talk::Column::OwnerId.eq(me.id)).order_by_desc(talk::Column::UpdatedAt).all(db).await?;
    Ok(talks.iter().map(|t| TalkData { id: t.id, talk: talk_form_of(t), proposals: vec![] }).collect())
}
