//! Profile photo upload: a plain multipart form post (works without JavaScript), checked by size and
//! by content, stripped of its metadata (re-encoded, see `photo_clean`), stored under `data/photos/`,
//! then the browser is sent back to the profile page.
use axum::extract::{Multipart, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use sea_orm::{ActiveModelTrait, Set};

use crate::auth::session::{session_token, user_for_token};
use crate::crypto::new_code;
use crate::entities::user;
use crate::error::AppError;
use crate::state::AppState;
use domain::profile::{check_photo, PhotoProblem};

/// Uploads may be this large before the server stops reading (larger photos are refused with a message).
pub const UPLOAD_LIMIT_BYTES: usize = 25 * 1024 * 1024;

fn back_with(problem: PhotoProblem) -> Response {
    Redirect::to(&format!("/profile?photo_error={}", problem.code())).into_response()
}

async fn signed_in(state: &AppState, headers: &HeaderMap) -> Option<user::Model> {
    let token = session_token(headers)?;
    user_for_token(&state.db, &token, state.clock.now()).await.ok().flatten()
}

/// The bytes of the `photo` field; a body over the limit counts as too big.
async fn photo_bytes(multipart: &mut Multipart) -> Result<Vec<u8>, PhotoProblem> {
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("photo") => {
                return field.bytes().await.map(|b| b.to_vec()).map_err(|_| PhotoProblem::TooBig);
            }
            Ok(Some(_)) => continue,
            Ok(None) => return Err(PhotoProblem::Missing),
            Err(_) => return Err(PhotoProblem::TooBig),
        }
    }
}

pub async fn upload(State(state): State<AppState>, headers: HeaderMap, mut multipart: Multipart) -> Response {
    let Some(me) = signed_in(&state, &headers).await else {
        return Redirect::to("/signin?next=/profile").into_response();
    };
    let bytes = match photo_bytes(&mut multipart).await {
        Ok(b) => b,
        Err(problem) => return back_with(problem),
    };
    let mime = infer::get(&bytes).map(|t| t.mime_type());
    if let Err(problem) = check_photo(bytes.len(), mime) {
        return back_with(problem);
    }
    let mime = mime.unwrap_or_default().to_string();
    // Decoding is CPU work: off the async threads.
    let cleaned = tokio::task::spawn_blocking(move || super::photo_clean::without_metadata(&bytes, &mime)).await;
    let (bytes, ext) = match cleaned {
        Ok(Ok(clean)) => clean,
        Ok(Err(problem)) => return back_with(problem),
        Err(_) => return Redirect::to("/profile?photo_error=failed").into_response(),
    };
    match store(&state, &me, &bytes, ext).await {
        Ok(()) => Redirect::to("/profile?photo=saved").into_response(),
        Err(_) => Redirect::to("/profile?photo_error=failed").into_response(),
    }
}

fn photos_dir(state: &AppState) -> std::path::PathBuf {
    state.config.data_dir.join("photos")
}

/// Writes the file, then points the profile at it; the previous upload is deleted afterwards.
async fn store(state: &AppState, me: &user::Model, bytes: &[u8], ext: &str) -> Result<(), AppError> {
    let dir = photos_dir(state);
    tokio::fs::create_dir_all(&dir).await.map_err(AppError::internal)?;
    let name = format!("{}.{ext}", new_code());
    let path = dir.join(&name);
    tokio::fs::write(&path, bytes).await.map_err(AppError::internal)?;
    let saved = async {
        let profile = super::profile::ensure(&state.db, me, state.clock.now()).await?;
        let previous = profile.photo_file.clone();
        let mut row: crate::entities::speaker_profile::ActiveModel = profile.into();
        row.photo_file = Set(name.clone());
        row.update(&state.db).await?;
        Ok::<_, AppError>(previous)
    }
    .await;
    match saved {
        Ok(previous) => {
            remove_file(state, &previous).await;
            Ok(())
        }
        Err(e) => {
            let _ = tokio::fs::remove_file(&path).await;
            Err(e)
        }
    }
}

/// Deletes an uploaded photo file (names are ours: no path from users reaches here).
pub async fn remove_file(state: &AppState, name: &str) {
    if !name.is_empty() && !name.contains('/') && !name.contains("..") {
        let _ = tokio::fs::remove_file(photos_dir(state).join(name)).await;
    }
}
