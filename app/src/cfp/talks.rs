//! The talk library's rows as the CFP writes and reads them: a new proposal stores its talk there,
//! and a proposal can start from one. The library's own pages are in `speakers`.
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::entities::{talk, user};
use crate::error::AppResult;
use domain::cfp::TalkForm;

/// Adds a talk that the caller has already checked at least as strictly as `speakers::talks::insert` does (a
/// proposal's own check is: the event's levels and languages are among all of them).
pub async fn store(db: &impl ConnectionTrait, me: &user::Model, form: &TalkForm, now: DateTime<Utc>) -> AppResult<talk::Model> {
    Ok(talk::ActiveModel {
        owner_id: Set(me.id),
        title: Set(form.title.trim().into()),
        summary: Set(form.summary.trim().into()),
        details: Set(form.details.trim().into()),
        level: Set(form.level.clone()),
        language: Set(form.language.clone()),
        references: Set(form.references.trim().into()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The form of a talk in the library, as the editor shows it.
pub fn talk_form_of(t: &talk::Model) -> TalkForm {
    TalkForm {
        title: t.title.clone(),
        summary: t.summary.clone(),
        details: t.details.clone(),
        level: t.level.clone(),
        language: t.language.clone(),
        references: t.references.clone(),
    }
}
