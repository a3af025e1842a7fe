//! Proposals, speaker side: create and edit (drafts or submitted), submit, withdraw, list.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};

use super::access::as_speaker;
use super::settings::{self, languages_offered, levels_offered};
use super::{MyProposalRow, ProposalEditor, ProposalView, SpeakerRow, TalkChoice};
use crate::crypto::new_code;
use crate::db::BeginWrite;
use crate::entities::{cospeaker_invitation, event, format, proposal, proposal_speaker, talk, track, user};
use crate::error::{AppError, AppResult};
use crate::mail::{outbox, templates};
use crate::plumbing::is_unique_violation;
use crate::speakers::talks::talk_form_of;
use crate::state::AppState;
use crate::ui::markdown::render_markdown;
use domain::cfp::{talk_errors, Choice, ProposalState, TalkForm};
use domain::problem::{FieldProblem, Problem};

/// What the speaker asked for with the form: keep a draft or submit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    Draft,
    Submit,
}

impl Intent {
    pub fn parse(value: &str) -> Intent {
        if value == "submit" {
            Intent::Submit
        } else {
            Intent::Draft
        }
    }
}

/// The proposal form as sent.
#[derive(Debug, Clone)]
pub struct SaveInput {
    pub slug: String,
    pub code: String,
    pub form_key: String,
    pub talk_id: String,
    pub talk: TalkForm,
    pub format_id: String,
    pub track_id: String,
    pub intent: Intent,
}

/// An event whose CFP `viewer` may see: public and unlisted events for everyone, drafts for members.
pub async fn cfp_event(db: &impl ConnectionTrait, slug: &str, viewer: Option<&user::Model>) -> AppResult<event::Model> {
    crate::events::service::visible_model(db, slug, viewer).await
}

fn parse_id(value: &str, field: &str, what: &str) -> AppResult<Option<i32>> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| AppError::field(field, format!("Choose a {what} from the list.")))
}

async fn owned_talk(db: &impl ConnectionTrait, id: i32, owner: &user::Model) -> AppResult<talk::Model> {
    talk::Entity::find_by_id(id).filter(talk::Column::OwnerId.eq(owner.id)).one(db).await?.ok_or(AppError::NotFound)
}

fn talk_of(p: &proposal::Model) -> TalkForm {
    TalkForm {
        title: p.title.clone(),
        summary: p.summary.clone(),
        details: p.details.clone(),
        level: p.level.clone(),
        language: p.language.clone(),
        references: p.references.clone(),
    }
}

async fn my_talks(db: &impl ConnectionTrait, owner: &user::Model) -> AppResult<Vec<TalkChoice>> {
    let talks = talk::Entity::find().filter(talk::Column::OwnerId.eq(owner.id)).order_by_desc(talk::Column::UpdatedAt).all(db).await?;
    Ok(talks.into_iter().map(|t| TalkChoice { id: t.id, title: t.title }).collect())
}

/// The editor for a new proposal to the event, optionally filled from one of the speaker's talks.
pub async fn new_editor(state: &AppState, slug: &str, me: &user::Model, from_talk: Option<i32>) -> AppResult<ProposalEditor> {
    let e = cfp_event(&state.db, slug, Some(me)).await?;
    let talk = match from_talk {
        Some(id) => talk_form_of(&owned_talk(&state.db, id, me).await?),
        None => TalkForm::default(),
    };
    Ok(ProposalEditor {
        page: settings::page(&state.db, &e, state.clock.now()).await?,
        code: String::new(),
        form_key: new_code(),
        talk_id: from_talk,
        talk,
        format_id: None,
        track_id: None,
        my_talks: my_talks(&state.db, me).await?,
        state: String::new(),
    })
}

/// The editor for an existing proposal of one of its speakers.
pub async fn existing_editor(state: &AppState, code: &str, me: &user::Model) -> AppResult<ProposalEditor> {
    let p = as_speaker(&state.db, code, me).await?;
    let e = event::Entity::find_by_id(p.event_id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    Ok(ProposalEditor {
        page: settings::page(&state.db, &e, state.clock.now()).await?,
        code: p.code.clone(),
        form_key: p.form_key.clone(),
        talk_id: p.talk_id,
        talk: talk_of(&p),
        format_id: p.format_id,
        track_id: p.track_id,
        my_talks: vec![],
        state: p.state.clone(),
    })
}

/// Refuses any change once the CFP is not open, saying when it closed.
fn require_open(state: &AppState, s: &crate::entities::cfp_settings::Model, e: &event::Model) -> AppResult<()> {
    let status = settings::status(state.clock.now(), s, e);
    if status.open {
        return Ok(());
    }
    let when = status.closes_label.map(|l| format!(" It closed on {l}.")).unwrap_or_default();
    Err(AppError::Conflict(format!("CFP closed: proposals to {} can no longer be submitted or changed.{when}", e.name)))
}

/// Checks the form against the event's offer; `complete` for a submission.
async fn checked(
    db: &impl ConnectionTrait,
    e: &event::Model,
    input: &SaveInput,
    complete: bool,
    now: DateTime<Utc>,
) -> AppResult<(Option<i32>, Option<i32>)> {
    let s = settings::settings_of(db, e.id, now).await?;
    let mut errors = talk_errors(&input.talk, &levels_offered(&s), &languages_offered(&s), complete);
    let format_id = parse_id(&input.format_id, "format_id", "format")?;
    let track_id = parse_id(&input.track_id, "track_id", "track")?;
    let formats = settings::formats_of(db, e.id, false).await?;
    let tracks = settings::tracks_of(db, e.id, false).await?;
    let mut need = |field: &str, ok: bool, chosen: bool, problem: Problem| {
        if !ok || (complete && !chosen) {
            errors.push(FieldProblem::new(field, problem));
        }
    };
    let format_ok = format_id.is_none_or(|id| formats.iter().any(|f| f.id == id));
    need("format_id", format_ok, format_id.is_some(), Problem::FormatNotOffered);
    need("track_id", track_id.is_none_or(|id| tracks.iter().any(|t| t.id == id)), track_id.is_some(), Problem::TrackNotOffered);
    if errors.is_empty() {
        Ok((format_id, track_id))
    } else {
        Err(AppError::problems(errors))
    }
}

/// Refuses a submission beyond the event's limit per speaker, not counting proposal `except`.
async fn check_limit(
    db: &impl ConnectionTrait,
    e: &event::Model,
    me: &user::Model,
    except: Option<i32>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let s = settings::settings_of(db, e.id, now).await?;
    let Some(max) = s.max_proposals else { return Ok(()) };
    let mut q = proposal::Entity::find()
        .filter(proposal::Column::EventId.eq(e.id))
        .filter(proposal::Column::OwnerId.eq(me.id))
        .filter(proposal::Column::State.eq(ProposalState::Submitted.as_str()));
    if let Some(id) = except {
        q = q.filter(proposal::Column::Id.ne(id));
    }
    let submitted = q.count(db).await?;
    if submitted >= max as u64 {
        return Err(AppError::Conflict(format!(
            "You have already submitted {submitted} proposals to {}, the most it accepts per speaker. Withdraw one to submit another.",
            e.name
        )));
    }
    Ok(())
}

/// Saves the proposal form: creates the proposal (and its library talk) or updates it, and submits it
/// when asked. Returns the proposal's code. A second send of the same new form finds the first proposal.
pub async fn save(state: &AppState, me: &user::Model, input: SaveInput) -> AppResult<String> {
    if input.code.trim().is_empty() {
        create(state, me, input).await
    } else {
        update(state, me, input).await
    }
}

async fn create(state: &AppState, me: &user::Model, input: SaveInput) -> AppResult<String> {
    let e = cfp_event(&state.db, &input.slug, Some(me)).await?;
    if let Some(code) = code_of_form(&state.db, &input.form_key, me).await? {
        // Sent before (double click, or a draft kept when the page was left): this is an update.
        return update(state, me, SaveInput { code, ..input }).await;
    }
    let now = state.clock.now();
    require_open(state, &settings::settings_of(&state.db, e.id, now).await?, &e)?;
    let submit = input.intent == Intent::Submit;
    let (format_id, track_id) = checked(&state.db, &e, &input, submit, now).await?;
    let from_talk = parse_id(&input.talk_id, "talk_id", "talk")?;
    if input.form_key.trim().len() < 8 {
        return Err(AppError::BadRequest("The form is out of date. Please reload the page.".into()));
    }
    let from_talk = match from_talk {
        Some(id) => Some(owned_talk(&state.db, id, me).await?.id),
        None => None,
    };
    // Writes come first in the transaction: on SQLite a transaction that reads and then writes
    // can fail at once when another one writes meanwhile, instead of waiting its turn.
    let txn = state.db.begin_write().await?;
    let talk_id = match from_talk {
        Some(id) => id,
        None => crate::speakers::talks::store(&txn, me, &input.talk, now).await?.id,
    };
    let state_now = if submit { ProposalState::Submitted } else { ProposalState::Draft };
    let inserted = proposal::ActiveModel {
        code: Set(new_code()),
        event_id: Set(e.id),
        talk_id: Set(Some(talk_id)),
        owner_id: Set(me.id),
        format_id: Set(format_id),
        track_id: Set(track_id),
        title: Set(input.talk.title.trim().into()),
        summary: Set(input.talk.summary.trim().into()),
        details: Set(input.talk.details.trim().into()),
        level: Set(input.talk.level.clone()),
        language: Set(input.talk.language.clone()),
        references: Set(input.talk.references.trim().into()),
        state: Set(state_now.as_str().into()),
        form_key: Set(input.form_key.trim().into()),
        submitted_at: Set(submit.then_some(now)),
        withdrawn_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let p = match inserted {
        Ok(p) => p,
        Err(err) if is_unique_violation(&err) => {
            // The same form arrived twice at once: the other request created it.
            txn.rollback().await?;
            return code_of_form(&state.db, &input.form_key, me)
                .await?
                .ok_or(AppError::Conflict("This form was already sent. Please reload the page.".into()));
        }
        Err(err) => return Err(err.into()),
    };
    proposal_speaker::ActiveModel {
        proposal_id: Set(p.id),
        user_id: Set(me.id),
        is_owner: Set(true),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if submit {
        // Counts the other submitted proposals: this one is already in.
        check_limit(&txn, &e, me, Some(p.id), now).await?;
        queue_confirmation(state, &txn, &p, &e, now).await?;
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(p.code)
}

async fn code_of_form(db: &impl ConnectionTrait, form_key: &str, me: &user::Model) -> AppResult<Option<String>> {
    let found = proposal::Entity::find()
        .filter(proposal::Column::FormKey.eq(form_key.trim()))
        .filter(proposal::Column::OwnerId.eq(me.id))
        .one(db)
        .await?;
    Ok(found.map(|p| p.code))
}

async fn update(state: &AppState, me: &user::Model, input: SaveInput) -> AppResult<String> {
    let p = as_speaker(&state.db, &input.code, me).await?;
    let e = event::Entity::find_by_id(p.event_id).one(&state.db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    require_open(state, &settings::settings_of(&state.db, e.id, now).await?, &e)?;
    if p.state == ProposalState::Withdrawn.as_str() {
        return Err(AppError::Conflict("This proposal was withdrawn; it can no longer be changed.".into()));
    }
    let was_submitted = p.state == ProposalState::Submitted.as_str();
    let submit_now = input.intent == Intent::Submit && !was_submitted;
    let (format_id, track_id) = checked(&state.db, &e, &input, submit_now || was_submitted, now).await?;
    let txn = state.db.begin_write().await?;
    let mut active: proposal::ActiveModel = p.clone().into();
    active.format_id = Set(format_id);
    active.track_id = Set(track_id);
    active.title = Set(input.talk.title.trim().into());
    active.summary = Set(input.talk.summary.trim().into());
    active.details = Set(input.talk.details.trim().into());
    active.level = Set(input.talk.level.clone());
    active.language = Set(input.talk.language.clone());
    active.references = Set(input.talk.references.trim().into());
    active.updated_at = Set(now);
    let updated = active.update(&txn).await?;
    if submit_now {
        check_limit(&txn, &e, me, Some(p.id), now).await?;
        // Conditional, so a double click submits (and mails) once.
        let res = proposal::Entity::update_many()
            .col_expr(proposal::Column::State, Expr::value(ProposalState::Submitted.as_str()))
            .col_expr(proposal::Column::SubmittedAt, Expr::value(Some(now)))
            .filter(proposal::Column::Id.eq(p.id))
            .filter(proposal::Column::State.eq(ProposalState::Draft.as_str()))
            .exec(&txn)
            .await?;
        if res.rows_affected == 1 {
            queue_confirmation(state, &txn, &updated, &e, now).await?;
        }
    }
    txn.commit().await?;
    state.mail_wake.notify_one();
    Ok(updated.code)
}

/// Mails every speaker of the proposal that it was submitted.
async fn queue_confirmation(
    state: &AppState,
    txn: &impl ConnectionTrait,
    p: &proposal::Model,
    e: &event::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let link = state.config.link(&format!("/proposals/{}", p.code));
    for (_, u) in speakers_of(txn, p.id).await? {
        outbox::enqueue(
            txn,
            templates::proposal_submitted(
                crate::lang::for_recipient(u.language.as_deref(), Some(&e.default_language)),
                &u.email,
                &u.display_name,
                &p.title,
                &e.name,
                &link,
            ),
            now,
        )
        .await?;
    }
    Ok(())
}

/// The proposal's speakers, owner first.
pub async fn speakers_of(db: &impl ConnectionTrait, proposal_id: i32) -> AppResult<Vec<(proposal_speaker::Model, user::Model)>> {
    let rows = proposal_speaker::Entity::find()
        .filter(proposal_speaker::Column::ProposalId.eq(proposal_id))
        .find_also_related(user::Entity)
        .order_by_desc(proposal_speaker::Column::IsOwner)
        .order_by_asc(proposal_speaker::Column::Id)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter_map(|(s, u)| u.map(|u| (s, u))).collect())
}

/// Withdraws the proposal; only its owner may. The row stays, so organisers see it withdrawn.
pub async fn withdraw(db: &impl ConnectionTrait, code: &str, me: &user::Model, now: DateTime<Utc>) -> AppResult<()> {
    let p = as_speaker(db, code, me).await?;
    if p.owner_id != me.id {
        return Err(AppError::Conflict("Only the person who created this proposal can withdraw it.".into()));
    }
    proposal::Entity::update_many()
        .col_expr(proposal::Column::State, Expr::value(ProposalState::Withdrawn.as_str()))
        .col_expr(proposal::Column::WithdrawnAt, Expr::value(Some(now)))
        .filter(proposal::Column::Id.eq(p.id))
        .filter(proposal::Column::State.ne(ProposalState::Withdrawn.as_str()))
        .exec(db)
        .await?;
    Ok(())
}

async fn name_of<E: EntityTrait>(db: &impl ConnectionTrait, id: Option<i32>, name: fn(E::Model) -> String) -> AppResult<Option<String>>
where
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: From<i32>,
{
    match id {
        Some(id) => Ok(E::find_by_id(id).one(db).await?.map(name)),
        None => Ok(None),
    }
}

/// The proposal as one of its speakers sees it.
pub async fn view(state: &AppState, code: &str, me: &user::Model) -> AppResult<ProposalView> {
    let db = &state.db;
    let p = as_speaker(db, code, me).await?;
    let e = event::Entity::find_by_id(p.event_id).one(db).await?.ok_or(AppError::NotFound)?;
    let now = state.clock.now();
    let s = settings::settings_of(db, e.id, now).await?;
    let status = settings::status(now, &s, &e);
    let speakers = speakers_of(db, p.id).await?;
    let pending = cospeaker_invitation::Entity::find()
        .filter(cospeaker_invitation::Column::ProposalId.eq(p.id))
        .filter(cospeaker_invitation::Column::UsedAt.is_null())
        .filter(cospeaker_invitation::Column::ExpiresAt.gt(now))
        .all(db)
        .await?;
    let withdrawn = p.state == ProposalState::Withdrawn.as_str();
    let mut sides = crate::selection::answers::speaker_side(db, std::slice::from_ref(&p), now).await?;
    Ok(ProposalView {
        selection: sides.remove(&p.id).ok_or(AppError::Internal)?,
        code: p.code.clone(),
        event: crate::events::summary::summary(&e),
        state_label: ProposalState::label_of(&p.state),
        state: p.state.clone(),
        talk: talk_of(&p),
        summary_html: render_markdown(&p.summary),
        details_html: render_markdown(&p.details),
        format: name_of::<format::Entity>(db, p.format_id, |f| format!("{} ({} min)", f.name, f.duration_min)).await?,
        track: name_of::<track::Entity>(db, p.track_id, |t| t.name).await?,
        level_label: crate::lang::labels::level(crate::lang::use_locale(), &p.level),
        language_label: crate::lang::labels::language(crate::lang::use_locale(), &p.language),
        speakers: speakers
            .into_iter()
            .map(|(s, u)| SpeakerRow { id: s.id, name: u.display_name, email: u.email, is_owner: s.is_owner })
            .collect(),
        pending_invitations: pending.into_iter().map(|i| i.email_normalized).collect(),
        editable: status.open && !withdrawn,
        status,
        i_own_it: p.owner_id == me.id,
        submitted_at: p.submitted_at.map(|t| t.format("%-d %B %Y, %H:%M UTC").to_string()),
    })
}

/// Every proposal the person speaks in, across events, newest first.
pub async fn mine(db: &impl ConnectionTrait, me: &user::Model, now: chrono::DateTime<Utc>) -> AppResult<Vec<MyProposalRow>> {
    let links = proposal_speaker::Entity::find().filter(proposal_speaker::Column::UserId.eq(me.id)).all(db).await?;
    let ids: Vec<i32> = links.iter().map(|l| l.proposal_id).collect();
    let proposals =
        proposal::Entity::find().filter(proposal::Column::Id.is_in(ids)).order_by_desc(proposal::Column::UpdatedAt).all(db).await?;
    let mut sides = crate::selection::answers::speaker_side(db, &proposals, now).await?;
    let mut rows = Vec::with_capacity(proposals.len());
    for p in proposals {
        let e = event::Entity::find_by_id(p.event_id).one(db).await?.ok_or(AppError::NotFound)?;
        rows.push(MyProposalRow {
            code: p.code.clone(),
            title: p.title.clone(),
            event_name: e.name,
            event_slug: e.slug,
            state_label: ProposalState::label_of(&p.state),
            state: p.state.clone(),
            format: name_of::<format::Entity>(db, p.format_id, |f| f.name).await?,
            co_speaker: p.owner_id != me.id,
            selection: sides.remove(&p.id).ok_or(AppError::Internal)?,
        })
    }
    Ok(rows)
}
