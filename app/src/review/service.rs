//! A reviewer's work: the queue, one proposal to read and score, saving the review.
use std::collections::HashMap;

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::access::{has_review_code, review_code, reviewable, reviewable_proposal, Reviewer};
use super::settings::{is_open, require_open};
use super::{NamedSpeaker, OtherReview, QueueItem, ReviewEvent, ReviewQueue, ReviewSubject};
use crate::entities::{event, format, membership, proposal, review, speaker_profile, track, user};
use crate::error::{AppError, AppResult};
use crate::events::cfp_settings::{format_offer, formats_of, track_offer, tracks_of};
use crate::formats::zoned::zone;
use crate::lang::dates::long_date_time;
use crate::lang::use_locale;
use crate::state::AppState;
use crate::tr;
use crate::ui::markdown::render_markdown;
use domain::review::{comment_error, next_to_review, parse_score};
use domain::roles::{self, REVIEWERS};

/// "4" or "No opinion".
fn score_label(score: Option<i32>) -> String {
    score.map(|s| s.to_string()).unwrap_or_else(|| tr!(review.form.no_opinion).into())
}

/// Every review of the event's proposals, by proposal.
async fn reviews_by_proposal(db: &impl ConnectionTrait, proposal_ids: &[i32]) -> AppResult<HashMap<i32, Vec<review::Model>>> {
    let mut out: HashMap<i32, Vec<review::Model>> = HashMap::new();
    for r in review::Entity::find().filter(review::Column::ProposalId.is_in(proposal_ids.to_vec())).all(db).await? {
        out.entry(r.proposal_id).or_default().push(r);
    }
    Ok(out)
}

fn closing_line(r: &Reviewer, now: chrono::DateTime<Utc>) -> String {
    if !is_open(&r.settings, now) {
        tr!(review.queue.closed_read_only).into()
    } else if let Some(c) = r.settings.reviews_close_at {
        tr!(review.queue.closes_on, at = long_date_time(use_locale(), &c.with_timezone(&zone(&r.event.time_zone)))).to_string()
    } else {
        String::new()
    }
}

/// The events the person reviews or organises, with their progress in each.
pub async fn my_events(db: &impl ConnectionTrait, me: &user::Model, now: chrono::DateTime<Utc>) -> AppResult<Vec<ReviewEvent>> {
    let roles = roles::names(REVIEWERS);
    let event_ids: Vec<i32> = membership::Entity::find()
        .filter(membership::Column::UserId.eq(me.id))
        .filter(membership::Column::Role.is_in(roles))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.event_id)
        .collect();
    let mut out = Vec::new();
    for e in event::Entity::find().filter(event::Column::Id.is_in(event_ids)).all(db).await? {
        let settings = super::settings::settings_of(db, e.id, now).await?;
        let r = Reviewer { event: e, me: me.clone(), settings };
        let (kept, _) = reviewable(db, &r).await?;
        let ids: Vec<i32> = kept.iter().map(|p| p.id).collect();
        let reviewed = my_reviews(db, me.id, &ids).await?.len();
        out.push(ReviewEvent {
            event: crate::events::summary::summary(&r.event),
            reviewed,
            total: kept.len(),
            open: is_open(&r.settings, now),
        });
    }
    Ok(out)
}

async fn my_reviews(db: &impl ConnectionTrait, reviewer_id: i32, proposal_ids: &[i32]) -> AppResult<HashMap<i32, review::Model>> {
    Ok(review::Entity::find()
        .filter(review::Column::ReviewerId.eq(reviewer_id))
        .filter(review::Column::ProposalId.is_in(proposal_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.proposal_id, r))
        .collect())
}

fn names<M>(rows: Vec<M>, id: fn(&M) -> i32, name: fn(M) -> String) -> HashMap<i32, String> {
    rows.into_iter().map(|m| (id(&m), name(m))).collect()
}

/// The next proposal to review among `candidates`: unreviewed by me, least reviewed overall.
fn next_of(
    candidates: &[&proposal::Model],
    mine: &HashMap<i32, review::Model>,
    all: &HashMap<i32, Vec<review::Model>>,
    except: Option<i32>,
) -> Option<String> {
    let open: Vec<(i32, usize)> = candidates
        .iter()
        .filter(|p| !mine.contains_key(&p.id) && Some(p.id) != except)
        .map(|p| (p.id, all.get(&p.id).map_or(0, Vec::len)))
        .collect();
    let id = next_to_review(&open)?;
    candidates.iter().find(|p| p.id == id).map(|p| review_code(p))
}

/// The reviewer's queue, filtered by format and track ids (empty: all).
pub async fn queue(state: &AppState, r: &Reviewer, format_filter: &str, track_filter: &str) -> AppResult<ReviewQueue> {
    let db = &state.db;
    let (kept, excluded) = reviewable(db, r).await?;
    let ids: Vec<i32> = kept.iter().map(|p| p.id).collect();
    let mine = my_reviews(db, r.me.id, &ids).await?;
    let all = reviews_by_proposal(db, &ids).await?;
    let formats = formats_of(db, r.event.id, true).await?;
    let tracks = tracks_of(db, r.event.id, true).await?;
    let format_names = names(formats.clone(), |f: &format::Model| f.id, |f| f.name);
    let track_names = names(tracks.clone(), |t: &track::Model| t.id, |t| t.name);
    let matches = |id: Option<i32>, filter: &str| filter.is_empty() || id.map(|i| i.to_string()).as_deref() == Some(filter);
    let shown: Vec<&proposal::Model> =
        kept.iter().filter(|p| matches(p.format_id, format_filter) && matches(p.track_id, track_filter)).collect();
    let name_in = |m: &HashMap<i32, String>, id: Option<i32>| id.and_then(|i| m.get(&i).cloned()).unwrap_or_default();
    Ok(ReviewQueue {
        event: crate::events::summary::summary(&r.event),
        open: is_open(&r.settings, state.clock.now()),
        closing: closing_line(r, state.clock.now()),
        reviewed: mine.len(),
        total: kept.len(),
        excluded,
        next: next_of(&shown, &mine, &all, None),
        items: shown
            .iter()
            .map(|p| QueueItem {
                code: review_code(p),
                title: p.title.clone(),
                format: name_in(&format_names, p.format_id),
                track: name_in(&track_names, p.track_id),
                level: crate::lang::labels::level(use_locale(), &p.level),
                language: crate::lang::labels::language(use_locale(), &p.language),
                my_score: mine.get(&p.id).map(|m| score_label(m.score)),
            })
            .collect(),
        formats: formats.iter().map(format_offer).collect(),
        tracks: tracks.iter().map(track_offer).collect(),
    })
}

/// The speakers' public profile, only when the event does not review anonymously.
async fn named_speakers(db: &impl ConnectionTrait, proposal_id: i32) -> AppResult<Vec<NamedSpeaker>> {
    let mut out = Vec::new();
    for (_, u) in crate::cfp::proposals::speakers_of(db, proposal_id).await? {
        let profile = speaker_profile::Entity::find().filter(speaker_profile::Column::UserId.eq(u.id)).one(db).await?;
        let (name, company, job_title, bio) = match profile {
            Some(p) => (if p.public_name.is_empty() { u.display_name } else { p.public_name }, p.company, p.job_title, p.bio),
            None => (u.display_name, String::new(), String::new(), String::new()),
        };
        out.push(NamedSpeaker { name, company, job_title, bio_html: render_markdown(&bio) });
    }
    Ok(out)
}

/// One proposal as this reviewer may read it.
pub async fn subject(state: &AppState, r: &Reviewer, code: &str) -> AppResult<ReviewSubject> {
    let db = &state.db;
    let (kept, _) = reviewable(db, r).await?;
    let p = kept.iter().find(|p| has_review_code(p, code)).cloned().ok_or(AppError::NotFound)?;
    let ids: Vec<i32> = kept.iter().map(|p| p.id).collect();
    let mine = my_reviews(db, r.me.id, &ids).await?;
    let all = reviews_by_proposal(db, &ids).await?;
    let mine_here = mine.get(&p.id);
    let others = match (&r.settings.hide_scores_until_reviewed, mine_here) {
        (true, None) => None,
        _ => Some(other_reviews(db, all.get(&p.id).map(Vec::as_slice).unwrap_or_default(), r.me.id).await?),
    };
    let format = match p.format_id {
        Some(id) => format::Entity::find_by_id(id).one(db).await?.map(|f| format!("{} ({} min)", f.name, f.duration_min)),
        None => None,
    };
    let track = match p.track_id {
        Some(id) => track::Entity::find_by_id(id).one(db).await?.map(|t| t.name),
        None => None,
    };
    let candidates: Vec<&proposal::Model> = kept.iter().collect();
    Ok(ReviewSubject {
        event: crate::events::summary::summary(&r.event),
        code: review_code(&p),
        title: p.title.clone(),
        summary_html: render_markdown(&p.summary),
        details_html: render_markdown(&p.details),
        references_html: render_markdown(&p.references),
        format: format.unwrap_or_default(),
        track: track.unwrap_or_default(),
        level: crate::lang::labels::level(use_locale(), &p.level),
        language: crate::lang::labels::language(use_locale(), &p.language),
        speakers: if r.settings.anonymous { None } else { Some(named_speakers(db, p.id).await?) },
        open: is_open(&r.settings, state.clock.now()),
        my_score: mine_here.map(|m| m.score.map(|s| s.to_string()).unwrap_or_else(|| "none".into())).unwrap_or_default(),
        my_comment: mine_here.map(|m| m.comment.clone()).unwrap_or_default(),
        others,
        next: next_of(&candidates, &mine, &all, Some(p.id)),
        reviewed: mine.len(),
        total: kept.len(),
    })
}

async fn other_reviews(db: &impl ConnectionTrait, reviews: &[review::Model], me: i32) -> AppResult<Vec<OtherReview>> {
    let ids: Vec<i32> = reviews.iter().map(|r| r.reviewer_id).filter(|id| *id != me).collect();
    let names = names(user::Entity::find().filter(user::Column::Id.is_in(ids)).all(db).await?, |u: &user::Model| u.id, |u| u.display_name);
    Ok(reviews
        .iter()
        .filter(|r| r.reviewer_id != me)
        .map(|r| OtherReview {
            reviewer: names.get(&r.reviewer_id).cloned().unwrap_or_default(),
            score: score_label(r.score),
            comment: r.comment.clone(),
        })
        .collect())
}

/// Saves this reviewer's review of a proposal: one row per reviewer and proposal, updated in place.
pub async fn save(state: &AppState, r: &Reviewer, code: &str, score: &str, comment: &str) -> AppResult<()> {
    let db = &state.db;
    let parsed = parse_score(score);
    let errors: Vec<_> = parsed.as_ref().err().cloned().into_iter().chain(comment_error(comment)).collect();
    if !errors.is_empty() {
        return Err(AppError::problems(errors));
    }
    let now = state.clock.now();
    require_open(&r.settings, now)?;
    let p = reviewable_proposal(db, r, code).await?;
    let row = review::ActiveModel {
        proposal_id: Set(p.id),
        reviewer_id: Set(r.me.id),
        score: Set(parsed.unwrap_or_default()),
        comment: Set(comment.trim().to_string()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    // The unique (proposal, reviewer) index makes a second save an update, even when two arrive at once.
    review::Entity::insert(row)
        .on_conflict(
            OnConflict::columns([review::Column::ProposalId, review::Column::ReviewerId])
                .update_columns([review::Column::Score, review::Column::Comment, review::Column::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
