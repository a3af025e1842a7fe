//! The village's files: partner logos (PNG re-encoded without metadata, or an SVG that is a plain
//! drawing; checked, then stored under `data/logos/`), and the CSV downloads — staff passes for the
//! badge printer (organisers) and the attendees who shared their contact (that partner only).
use axum::extract::{Extension, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use sea_orm::{ActiveModelTrait, Set};

use super::access::{partner_access_as, PartnerAccess};
use crate::auth::session::{session_token, user_for_token};
use crate::entities::partner;
use crate::lang::{Locale, RequestLocale};
use crate::spreadsheet::{download, event_for, failure, file_name, text, write_csv};
use crate::state::AppState;
use domain::roles::ORGANISERS;

/// Largest logo accepted.
pub const LOGO_MAX_BYTES: usize = 512 * 1024;
/// Largest floor plan accepted.
pub const PLAN_MAX_BYTES: usize = 2 * 1024 * 1024;

/// Why an upload was refused, as the space page's `logo_error` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoProblem {
    TooBig,
    NotAnImage,
    UnsafeSvg,
    Failed,
}

impl LogoProblem {
    pub fn code(self) -> &'static str {
        match self {
            LogoProblem::TooBig => "too_big",
            LogoProblem::NotAnImage => "not_image",
            LogoProblem::UnsafeSvg => "unsafe_svg",
            LogoProblem::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<LogoProblem> {
        [LogoProblem::TooBig, LogoProblem::NotAnImage, LogoProblem::UnsafeSvg, LogoProblem::Failed].into_iter().find(|p| p.code() == code)
    }

    /// What the partner reads.
    pub fn problem(self) -> Option<domain::problem::Problem> {
        use domain::problem::Problem;
        match self {
            LogoProblem::TooBig => Some(Problem::ImageTooBig { max_kb: LOGO_MAX_BYTES / 1024 }),
            LogoProblem::NotAnImage => Some(Problem::ImageNotPngOrSvg),
            LogoProblem::UnsafeSvg => Some(Problem::SvgUnsafe),
            LogoProblem::Failed => None,
        }
    }
}

/// The checked file and its extension: PNG (re-encoded) or a safe SVG (kept as sent).
pub fn checked_logo(bytes: Vec<u8>) -> Result<(Vec<u8>, &'static str), LogoProblem> {
    checked_image(bytes, LOGO_MAX_BYTES)
}

/// The same checks for an image of at most `max` bytes.
pub fn checked_image(bytes: Vec<u8>, max: usize) -> Result<(Vec<u8>, &'static str), LogoProblem> {
    if bytes.len() > max {
        return Err(LogoProblem::TooBig);
    }
    if infer::get(&bytes).is_some_and(|t| t.mime_type() == "image/png") {
        return crate::speakers::photo_clean::without_metadata(&bytes, "image/png").map_err(|_| LogoProblem::NotAnImage);
    }
    if super::svg::looks_like_svg(&bytes) {
        return if super::svg::is_safe_svg(&bytes) { Ok((bytes, "svg")) } else { Err(LogoProblem::UnsafeSvg) };
    }
    Err(LogoProblem::NotAnImage)
}

/// The file field's bytes (`logo` or `plan`; reading stops past `max`) and whether it is the dark variant.
async fn image_field(multipart: &mut Multipart, max: usize) -> Result<(Vec<u8>, bool), LogoProblem> {
    let mut dark = false;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("variant") => dark = field.text().await.is_ok_and(|v| v == "dark"),
            Ok(Some(mut field)) if matches!(field.name(), Some("logo" | "plan")) => {
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| LogoProblem::TooBig)? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() > max {
                        return Err(LogoProblem::TooBig);
                    }
                }
                return if bytes.is_empty() { Err(LogoProblem::NotAnImage) } else { Ok((bytes, dark)) };
            }
            Ok(Some(_)) => continue,
            Ok(None) => return Err(LogoProblem::NotAnImage),
            Err(_) => return Err(LogoProblem::TooBig),
        }
    }
}

fn logos_dir(state: &AppState) -> std::path::PathBuf {
    state.config.data_dir.join("logos")
}

async fn access(state: &AppState, headers: &HeaderMap, slug: &str, id: i32) -> Option<PartnerAccess> {
    let token = session_token(headers)?;
    let user = user_for_token(&state.db, &token, state.clock.now()).await.ok().flatten()?;
    let event = crate::events::service::by_slug(&state.db, slug).await.ok()?;
    partner_access_as(&state.db, event, user, id).await.ok()
}

/// Writes the logo, points the partner at it, then deletes the one it replaces.
async fn store(state: &AppState, p: &partner::Model, bytes: &[u8], ext: &str, dark: bool) -> Result<(), LogoProblem> {
    let dir = logos_dir(state);
    tokio::fs::create_dir_all(&dir).await.map_err(|_| LogoProblem::Failed)?;
    let name = format!("{}.{ext}", crate::crypto::new_code());
    tokio::fs::write(dir.join(&name), bytes).await.map_err(|_| LogoProblem::Failed)?;
    let previous = if dark { p.logo_dark_file.clone() } else { p.logo_file.clone() };
    let mut row = partner::ActiveModel::from(p.clone());
    if dark {
        row.logo_dark_file = Set(name.clone());
    } else {
        row.logo_file = Set(name.clone());
    }
    row.updated_at = Set(state.clock.now());
    if row.update(&state.db).await.is_err() {
        let _ = tokio::fs::remove_file(dir.join(&name)).await;
        return Err(LogoProblem::Failed);
    }
    if !previous.is_empty() && !previous.contains('/') && !previous.contains("..") {
        let _ = tokio::fs::remove_file(dir.join(previous)).await;
    }
    Ok(())
}

/// `POST /events/{slug}/partner/{id}/logo` (multipart: `logo`, and `variant=dark` for the dark one).
pub async fn upload_logo(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i32)>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let Some(a) = access(&state, &headers, &slug, id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let space = crate::plumbing::urls::partner_space(&a.event.slug, a.partner.id);
    let back = |p: LogoProblem| Redirect::to(&format!("{space}?logo_error={}#logo", p.code())).into_response();
    let (bytes, dark) = match image_field(&mut multipart, LOGO_MAX_BYTES).await {
        Ok(x) => x,
        Err(p) => return back(p),
    };
    // Decoding and re-encoding a PNG is CPU work: off the async threads.
    let checked = tokio::task::spawn_blocking(move || checked_logo(bytes)).await.unwrap_or(Err(LogoProblem::Failed));
    let (bytes, ext) = match checked {
        Ok(x) => x,
        Err(p) => return back(p),
    };
    match store(&state, &a.partner, &bytes, ext, dark).await {
        Ok(()) => Redirect::to(&format!("{space}?logo=saved#logo")).into_response(),
        Err(p) => back(p),
    }
}

/// `POST /admin/events/{slug}/village/plan` (multipart `plan`): the floor plan drawn under the booths.
pub async fn upload_plan(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    l: Option<Extension<RequestLocale>>,
    mut multipart: Multipart,
) -> Response {
    let e = match event_for(&state, &slug, &headers, locale(l), ORGANISERS).await {
        Ok(e) => e,
        Err(answer) => return answer,
    };
    let map = crate::plumbing::urls::admin_village_map(&e.slug);
    let back = |p: LogoProblem| Redirect::to(&format!("{map}?plan_error={}#plan", p.code())).into_response();
    let (bytes, _) = match image_field(&mut multipart, PLAN_MAX_BYTES).await {
        Ok(x) => x,
        Err(p) => return back(p),
    };
    let checked = tokio::task::spawn_blocking(move || checked_image(bytes, PLAN_MAX_BYTES)).await.unwrap_or(Err(LogoProblem::Failed));
    let (bytes, ext) = match checked {
        Ok(x) => x,
        Err(p) => return back(p),
    };
    let dir = logos_dir(&state);
    let name = format!("plan-{}.{ext}", crate::crypto::new_code());
    let written = async {
        tokio::fs::create_dir_all(&dir).await.ok()?;
        tokio::fs::write(dir.join(&name), &bytes).await.ok()
    };
    if written.await.is_none() {
        return back(LogoProblem::Failed);
    }
    match super::booths::set_plan(&state.db, &e, &name, state.clock.now()).await {
        Ok(previous) => {
            if !previous.is_empty() && !previous.contains('/') && !previous.contains("..") {
                let _ = tokio::fs::remove_file(dir.join(previous)).await;
            }
            Redirect::to(&format!("{map}?plan=saved#plan")).into_response()
        }
        Err(_) => {
            let _ = tokio::fs::remove_file(dir.join(&name)).await;
            back(LogoProblem::Failed)
        }
    }
}

fn locale(l: Option<Extension<RequestLocale>>) -> Locale {
    l.map(|Extension(RequestLocale(l))| l).unwrap_or_default()
}

/// `GET /admin/events/{slug}/partners/badges.csv`: every accepted partner's staff passes.
pub async fn badges_csv(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    l: Option<Extension<RequestLocale>>,
) -> Response {
    let l = locale(l);
    let e = match event_for(&state, &slug, &headers, l, ORGANISERS).await {
        Ok(e) => e,
        Err(answer) => return answer,
    };
    let partners = match super::store::partners_of_event(&state.db, &e).await {
        Ok(p) => p,
        Err(err) => return failure(l, err),
    };
    let mut records: Vec<Vec<String>> = Vec::new();
    for p in partners.iter().filter(|p| p.status == domain::partners::pipeline::Status::Accepted.as_str()) {
        match super::store::staff_of(&state.db, p.id).await {
            Ok(staff) => records.extend(staff.into_iter().map(|s| vec![s.name, s.email, p.name.clone()])),
            Err(err) => return failure(l, err),
        }
    }
    download(l, &file_name(&e.slug, "badges"), write_csv(&["name", "email", "partner"], &records))
}

/// `GET /events/{slug}/partner/{id}/contacts.csv`: who chose to share their contact with this partner.
pub async fn shared_csv(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, i32)>,
    headers: HeaderMap,
    l: Option<Extension<RequestLocale>>,
) -> Response {
    let l = locale(l);
    let Some(a) = access(&state, &headers, &slug, id).await else {
        return text(StatusCode::NOT_FOUND, leptos_i18n::td_string!(l, organizer.csv.not_found));
    };
    match super::village::shared_contacts(&state.db, a.partner.id).await {
        Ok(people) => {
            let records: Vec<Vec<String>> = people.into_iter().map(|(name, email, at)| vec![name, email, at.to_rfc3339()]).collect();
            download(l, &file_name(&a.event.slug, "contacts"), write_csv(&["name", "email", "shared_at"], &records))
        }
        Err(err) => failure(l, err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logos_are_png_or_plain_svg_and_small() {
        assert_eq!(checked_logo(b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec()).map(|x| x.1), Ok("svg"));
        assert_eq!(checked_logo(b"<svg onload=\"alert(1)\"/>".to_vec()), Err(LogoProblem::UnsafeSvg));
        assert_eq!(checked_logo(b"GIF89a....".to_vec()), Err(LogoProblem::NotAnImage));
        assert_eq!(checked_logo(vec![b' '; LOGO_MAX_BYTES + 1]), Err(LogoProblem::TooBig));
        assert_eq!(checked_logo(b"\x89PNG\r\n\x1a\nbroken".to_vec()), Err(LogoProblem::NotAnImage));
        for p in [LogoProblem::TooBig, LogoProblem::NotAnImage, LogoProblem::UnsafeSvg, LogoProblem::Failed] {
            assert_eq!(LogoProblem::from_code(p.code()), Some(p));
        }
    }
}
