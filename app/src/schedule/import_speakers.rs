//! The people of an imported schedule. Each becomes an account of the importing event only: an
//! address in the reserved `imported.invalid` domain, a password nobody knows, the name and
//! biography of the file as speaker profile. An email in the file is never looked up among the
//! accounts (that would hand someone's account, and what they keep in it, to whoever writes their
//! address in a file) and never becomes an account (that would block its owner's sign-up); it is
//! kept beside the imported speaker, for the link by which its owner may claim the talks
//! (`claims`).
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

use crate::crypto::{hash_password, new_code, new_token};
use crate::entities::{speaker_claim, speaker_profile, user};
use crate::error::{AppError, AppResult};
use crate::formats::frab_import::{ImportedPerson, ImportedSchedule};
use domain::accounts::{check_email, imported_email, normalize_email, DISPLAY_NAME_MAX};

/// What the file's people became.
pub struct People {
    /// The imported speaker's user id, by the person's key in the file.
    pub ids: HashMap<String, i32>,
    /// How many imported speakers were created.
    pub created: usize,
}

/// Creates one imported speaker per person of the file (the same key, or the same email, is one
/// person), with a claim row when the file gives an email.
pub async fn people(txn: &impl ConnectionTrait, event_id: i32, s: &ImportedSchedule, now: DateTime<Utc>) -> AppResult<People> {
    // One hash of a random password for all of them: nobody can sign in, and the import does not
    // spend an argon2 hash per speaker.
    let password_hash = hash_password(new_token()).await?;
    let mut ids: HashMap<String, i32> = HashMap::new();
    let mut by_email: HashMap<String, i32> = HashMap::new();
    let mut created = 0;
    for p in s.sessions.iter().flat_map(|x| &x.persons) {
        if ids.contains_key(&p.key) {
            continue;
        }
        let email = file_email(p)?;
        let id = match email.as_ref().and_then(|e| by_email.get(e)) {
            Some(id) => *id,
            None => {
                let id = imported_speaker(txn, p, &password_hash, now).await?;
                if let Some(email) = &email {
                    claim_row(txn, event_id, id, email, now).await?;
                    by_email.insert(email.clone(), id);
                }
                created += 1;
                id
            }
        };
        ids.insert(p.key.clone(), id);
    }
    Ok(People { ids, created })
}

/// The person's email as the file gives it, normalised; a malformed one refuses the file.
fn file_email(p: &ImportedPerson) -> AppResult<Option<String>> {
    let Some(email) = p.email.as_deref().map(str::trim).filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    match check_email(email) {
        Some(problem) => {
            let message = crate::lang::problems::here(&problem);
            Err(AppError::BadRequest(crate::tr!(import.refused.speaker, name = &p.name, problem = message, email = email).to_string()))
        }
        None => Ok(Some(normalize_email(email))),
    }
}

async fn imported_speaker(txn: &impl ConnectionTrait, p: &ImportedPerson, password_hash: &str, now: DateTime<Utc>) -> AppResult<i32> {
    let name: String = p.name.trim().chars().take(DISPLAY_NAME_MAX).collect();
    let email = imported_email(&new_code());
    let u = user::ActiveModel {
        email_normalized: Set(email.clone()),
        email: Set(email),
        display_name: Set(name.clone()),
        password_hash: Set(password_hash.to_string()),
        verified_at: Set(None),
        is_admin: Set(false),
        created_at: Set(now),
        public_code: Set(Some(new_code())),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    speaker_profile::ActiveModel {
        public_name: Set(name),
        bio: Set(p.biography.trim().to_string()),
        updated_at: Set(now),
        ..crate::speakers::profile::blank(u.id, now)
    }
    .insert(txn)
    .await?;
    Ok(u.id)
}

async fn claim_row(txn: &impl ConnectionTrait, event_id: i32, user_id: i32, email: &str, now: DateTime<Utc>) -> AppResult<()> {
    speaker_claim::ActiveModel {
        event_id: Set(event_id),
        user_id: Set(user_id),
        email_normalized: Set(email.to_string()),
        token_hash: Set(None),
        sent_at: Set(None),
        expires_at: Set(None),
        claimed_by: Set(None),
        claimed_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(())
}
