//! `GET /admin/events/{slug}/proposals.csv`: the proposals table as a spreadsheet, for the event's
//! organisers only, with the same filters and the same draft exclusion as the page.
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Extension;
use chrono::SecondsFormat;

use super::proposals::{event_proposals, EventProposals, Loaded};
use super::ProposalFilters;
use crate::lang::RequestLocale;
use crate::spreadsheet::{download, event_for, failure, file_name, write_csv};
use crate::state::AppState;
use domain::roles::ORGANISERS;

pub const COLUMNS: [&str; 10] =
    ["code", "title", "state", "format", "track", "level", "language", "speakers", "speaker_emails", "submitted_at"];

/// The CSV line of one proposal, in the order of [`COLUMNS`].
fn record(all: &EventProposals, l: &Loaded) -> [String; 10] {
    let p = &l.proposal;
    [
        p.code.clone(),
        p.title.clone(),
        p.state.clone(),
        all.format_name(p.format_id).unwrap_or_default(),
        all.track_name(p.track_id).unwrap_or_default(),
        p.level.clone(),
        p.language.clone(),
        l.speaker_names().join("; "),
        l.speakers.iter().map(|s| s.user.email.as_str()).collect::<Vec<_>>().join("; "),
        p.submitted_at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true)).unwrap_or_default(),
    ]
}

pub async fn proposals_csv(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(filters): Query<ProposalFilters>,
    headers: HeaderMap,
    locale: Option<Extension<RequestLocale>>,
) -> Response {
    let l = locale.map(|Extension(RequestLocale(l))| l).unwrap_or_default();
    let event = match event_for(&state, &slug, &headers, l, ORGANISERS).await {
        Ok(e) => e,
        Err(answer) => return answer,
    };
    let all = match event_proposals(&state.db, event.id).await {
        Ok(all) => all,
        Err(e) => return failure(l, e),
    };
    let records: Vec<[String; 10]> = all.filtered(&filters).into_iter().map(|l| record(&all, l)).collect();
    download(l, &file_name(&event.slug, "proposals"), write_csv(&COLUMNS, &records))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_a_header_and_quoted_cells() {
        let mut r: [String; 10] = Default::default();
        r[0] = "abc".into();
        r[1] = "Hello, \"world\"".into();
        r[7] = "Zoé; Marc".into();
        r[8] = "=cmd|' /C calc'!A0".into();
        let out = String::from_utf8(write_csv(&COLUMNS, &[r]).unwrap()).unwrap();
        let mut lines = out.split("\r\n");
        assert_eq!(lines.next().unwrap(), COLUMNS.join(","));
        assert_eq!(lines.next().unwrap(), "abc,\"Hello, \"\"world\"\"\",,,,,,Zoé; Marc,'=cmd|' /C calc'!A0,");
    }
}
