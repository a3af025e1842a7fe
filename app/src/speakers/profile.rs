//! A speaker's profile (server side).
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::ProfileData;
use crate::entities::{speaker_profile as profile, user};
use crate::error::{AppError, AppResult};
use domain::profile::{profile_errors, ProfileForm};

pub async fn find(db: &impl ConnectionTrait, user_id: i32) -> AppResult<Option<profile::Model>> {
    Ok(profile::Entity::find().filter(profile::Column::UserId.eq(user_id)).one(db).await?)
}

pub fn form_of(p: &profile::Model) -> ProfileForm {
    ProfileForm {
        public_name: p.public_name.clone(),
        bio: p.bio.clone(),
        company: p.company.clone(),
        job_title: p.job_title.clone(),
        photo_url: p.photo_url.clone(),
        website: p.website.clone(),
        github: p.github.clone(),
        linkedin: p.linkedin.clone(),
        social: p.social.clone(),
        city: p.city.clone(),
        private_notes: p.private_notes.clone(),
    }
}

use crate::published::photo_src;

/// The profile page's data; a person without a profile starts from their account name.
pub async fn data(db: &impl ConnectionTrait, me: &user::Model) -> AppResult<ProfileData> {
    Ok(match find(db, me.id).await? {
        Some(p) => ProfileData { form: form_of(&p), photo_src: photo_src(&p), has_uploaded_photo: !p.photo_file.is_empty() },
        None => ProfileData { form: ProfileForm { public_name: me.display_name.clone(), ..Default::default() }, ..Default::default() },
    })
}

/// A profile with every field empty, to fill in.
pub(crate) fn blank(user_id: i32, now: DateTime<Utc>) -> profile::ActiveModel {
    profile::ActiveModel {
        user_id: Set(user_id),
        public_name: Set(String::new()),
        bio: Set(String::new()),
        company: Set(String::new()),
        job_title: Set(String::new()),
        photo_url: Set(String::new()),
        photo_file: Set(String::new()),
        website: Set(String::new()),
        github: Set(String::new()),
        linkedin: Set(String::new()),
        social: Set(String::new()),
        city: Set(String::new()),
        private_notes: Set(String::new()),
        updated_at: Set(now),
        ..Default::default()
    }
}

/// The profile row of `me`, created empty (named after the account) if missing.
pub async fn ensure(db: &impl ConnectionTrait, me: &user::Model, now: DateTime<Utc>) -> AppResult<profile::Model> {
    if let Some(p) = find(db, me.id).await? {
        return Ok(p);
    }
    let mut row = blank(me.id, now);
    row.public_name = Set(me.display_name.clone());
    Ok(row.insert(db).await?)
}

/// Saves the profile fields (the uploaded photo is handled apart).
pub async fn save(db: &impl ConnectionTrait, me: &user::Model, form: &ProfileForm, now: DateTime<Utc>) -> AppResult<()> {
    let errors = profile_errors(form);
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    let mut row: profile::ActiveModel = ensure(db, me, now).await?.into();
    let t = |s: &str| s.trim().to_string();
    row.public_name = Set(t(&form.public_name));
    row.bio = Set(t(&form.bio));
    row.company = Set(t(&form.company));
    row.job_title = Set(t(&form.job_title));
    row.photo_url = Set(t(&form.photo_url));
    row.website = Set(t(&form.website));
    row.github = Set(t(&form.github));
    row.linkedin = Set(t(&form.linkedin));
    row.social = Set(t(&form.social));
    row.city = Set(t(&form.city));
    row.private_notes = Set(t(&form.private_notes));
    row.updated_at = Set(now);
    row.update(db).await?;
    Ok(())
}
