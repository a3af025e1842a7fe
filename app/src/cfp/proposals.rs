//! Proposals, speaker side: the public CFP page, create and edit (drafts or submitted), submit,
//! withdraw; a proposal's speakers.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};

use super::access::as_speaker;
use super::talks::talk_form_of;
use super::{CfpPage, ProposalEditor, TalkChoice};
use crate::crypto::new_code;
use crate::db::BeginWrite;
use crate::entities::{event, proposal, proposal_speaker, talk, user};
use crate::error::{AppError, AppResult};
use crate::events::cfp_settings::{self as settings, languages_offered, levels_offered};
use crate::mail::{outbox, templates};
use crate::plumbing::is_unique_violation;
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
    /// The partner a new proposal speaks for (its speaker being one of its contacts, checked by the
    /// caller); the "no sales pitch" rule was acknowledged when this is set.
    pub partner: Option<i32>,
}

/// An event whose CFP `viewer` may see: public and unlisted events for everyone, drafts for members.
pub async fn cfp_event(db: &impl ConnectionTrait, slug: &str, viewer: Option<&user::Model>) -> AppResult<event::Model> {
    crate::events::service::visible_model(db, slug, viewer).await
}

/// (value, name in the reader's language) of each choice.
fn pairs<C: Choice>(items: &[C], name: fn(crate::lang::Locale, &str) -> String) -> Vec<(String, String)> {
    let l = crate::lang::use_locale();
    items.iter().map(|c| (c.as_str().to_string(), name(l, c.as_str()))).collect()
}

/// The public CFP page of `e` (visible formats and tracks only).
pub async fn page(db: &impl ConnectionTrait, e: &event::Model, now: DateTime<Utc>) -> AppResult<CfpPage> {
    let s = settings::settings_of(db, e.id, now).await?;
    let formats = settings::formats_of(db, e.id, false).await?;
    let tracks = settings::tracks_of(db, e.id, false).await?;
    Ok(CfpPage {
        event: crate::events::summary::summary(e),
        status: settings::status(now, &s, e),
        text_html: render_markdown(&crate::events::texts::for_this_reader(db, e, crate::events::texts::CFP_TEXT, &s.cfp_text).await?),
        formats: formats.iter().map(settings::format_offer).collect(),
        tracks: tracks.iter().map(settings::track_offer).collect(),
        levels: pairs(&levels_offered(&s), crate::lang::labels::level),
        languages: pairs(&languages_offered(&s), crate::lang::labels::language),
        max_proposals: s.max_proposals,
    })
}

/// "Choose a format from the list.", for the field `field` (format_id, track_id, talk_id).
fn choose_from_list(field: &str) -> &'static str {
    match field {
        "format_id" => crate::tr!(cfp.errors.choose_format),
        "track_id" => crate::tr!(cfp.errors.choose_track),
        _ => crate::tr!(cfp.errors.choose_talk),
    }
}

fn parse_id(value: &str, field: &str) -> AppResult<Option<i32>> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    v.parse().map(Some).map_err(|_| AppError::field(field, choose_from_list(field)))
}

async fn owned_talk(db: &impl ConnectionTrait, id: i32, owner: &user::Model) -> AppResult<talk::Model> {
    talk::Entity::find_by_id(id).filter(talk::Column::OwnerId.eq(owner.id)).one(db).await?.ok_or(AppError::NotFound)
}

/// The talk as the proposal holds it (its own copy, whatever the library says since).
pub fn talk_of(p: &proposal::Model) -> TalkForm {
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
        page: page(&state.db, &e, state.clock.now()).await?,
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
        page: page(&state.db, &e, state.clock.now()).await?,
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
    let closed = crate::tr!(cfp.errors.closed, event = e.name.clone()).to_string();
    let message = match status.closes_label {
        Some(date) => format!("{closed}{}", crate::tr!(cfp.errors.closed_on, date = date)),
        None => closed,
    };
    Err(AppError::Conflict(message))
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
    let format_id = parse_id(&input.format_id, "format_id")?;
    let track_id = parse_id(&input.track_id, "track_id")?;
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
        let count = i32::try_from(submitted).unwrap_or(i32::MAX);
        return Err(AppError::Conflict(crate::tr!(cfp.errors.limit_reached, count = count, event = e.name.clone()).to_string()));
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
    let from_talk = parse_id(&input.talk_id, "talk_id")?;
    if input.form_key.trim().len() < 8 {
        return Err(AppError::BadRequest(crate::tr!(cfp.errors.out_of_date).into()));
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
        None => super::talks::store(&txn, me, &input.talk, now).await?.id,
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
        partner_id: Set(input.partner),
        pitch_rule_accepted_at: Set(input.partner.map(|_| now)),
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
                .ok_or(AppError::Conflict(crate::tr!(cfp.errors.already_sent).into()));
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
    if p.proposal_state() == ProposalState::Withdrawn {
        return Err(AppError::Conflict(crate::tr!(cfp.errors.withdrawn_no_changes).into()));
    }
    let was_submitted = p.proposal_state() == ProposalState::Submitted;
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
        return Err(AppError::Conflict(crate::tr!(cfp.errors.only_owner_withdraws).into()));
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
