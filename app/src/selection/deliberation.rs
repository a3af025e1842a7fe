//! The deliberation table: submitted proposals with their scores, reviews and decisions, the counts of
//! accepted talks per format against the planned slots, and the promotions a decline calls for.
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{Deliberation, DeliberationRow, ScoreLine, SelectionFilters, SlotCount, Sort, Suggestion};
use crate::entities::{decision, event, format, proposal, review, selection_log, user};
use crate::error::AppResult;
use crate::organizer::proposals::{event_proposals, Loaded};
use crate::review::settings::{is_open, settings_of};
use crate::tr;
use domain::cfp::{Choice, Language, Level, ProposalState};
use domain::review::{holds_slot, one_decimal, promotion_candidate, Decision, Response, Stats};

/// The action name of a promotion in the audit trail (it also counts the slots already refilled).
pub const PROMOTE: &str = "promote";

pub fn decision_of(d: &decision::Model) -> Option<Decision> {
    Decision::parse(&d.decision)
}

pub fn published_of(d: &decision::Model) -> Option<Decision> {
    d.published()
}

pub fn response_of(d: &decision::Model) -> Option<Response> {
    d.answer()
}

/// The decisions of these proposals, by proposal id.
pub async fn decisions_of(db: &impl ConnectionTrait, proposal_ids: &[i32]) -> AppResult<HashMap<i32, decision::Model>> {
    if proposal_ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(decision::Entity::find()
        .filter(decision::Column::ProposalId.is_in(proposal_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.proposal_id, d))
        .collect())
}

async fn submitted_ids(db: &impl ConnectionTrait, event_id: i32) -> AppResult<Vec<(i32, Option<i32>)>> {
    Ok(proposal::Entity::find()
        .filter(proposal::Column::EventId.eq(event_id))
        .filter(proposal::Column::State.eq(ProposalState::Submitted.as_str()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.format_id))
        .collect())
}

/// Accepted talks holding a slot, per format id (pending decisions count: this is the plan).
pub async fn accepted_per_format(db: &impl ConnectionTrait, event_id: i32) -> AppResult<HashMap<Option<i32>, usize>> {
    let proposals = submitted_ids(db, event_id).await?;
    let ids: Vec<i32> = proposals.iter().map(|(id, _)| *id).collect();
    let decisions = decisions_of(db, &ids).await?;
    let mut out = HashMap::new();
    for (id, format_id) in proposals {
        let holds = decisions.get(&id).is_some_and(|d| decision_of(d).is_some_and(|dec| holds_slot(dec, response_of(d))));
        if holds {
            *out.entry(format_id).or_insert(0) += 1;
        }
    }
    Ok(out)
}

fn slot_counts(formats: &[format::Model], accepted: &HashMap<Option<i32>, usize>) -> Vec<SlotCount> {
    let mut out: Vec<SlotCount> = formats
        .iter()
        .filter_map(|f| {
            let n = accepted.get(&Some(f.id)).copied().unwrap_or(0);
            (!f.hidden || n > 0 || f.slots.is_some()).then(|| SlotCount { format: f.name.clone(), accepted: n, slots: f.slots })
        })
        .collect();
    if let Some(n) = accepted.get(&None).filter(|n| **n > 0) {
        out.push(SlotCount { format: tr!(selection.fields.no_format).into(), accepted: *n, slots: None });
    }
    out
}

/// Promoted proposals per format, from the audit trail.
async fn promotions_per_format(
    db: &impl ConnectionTrait,
    event_id: i32,
    format_of: &HashMap<i32, Option<i32>>,
) -> AppResult<HashMap<Option<i32>, usize>> {
    let promoted: HashSet<i32> = selection_log::Entity::find()
        .filter(selection_log::Column::EventId.eq(event_id))
        .filter(selection_log::Column::Action.eq(PROMOTE))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|l| l.proposal_id)
        .collect();
    let mut out = HashMap::new();
    for id in promoted {
        if let Some(f) = format_of.get(&id) {
            *out.entry(*f).or_insert(0) += 1;
        }
    }
    Ok(out)
}

/// For every decline not yet made up for by a promotion in its format, the waitlisted proposal to
/// promote (best rank first, each suggested once).
pub async fn suggestions(
    db: &impl ConnectionTrait,
    event_id: i32,
    rows: &[&Loaded],
    decisions: &HashMap<i32, decision::Model>,
    formats: &[format::Model],
) -> AppResult<Vec<Suggestion>> {
    let format_of: HashMap<i32, Option<i32>> = rows.iter().map(|l| (l.proposal.id, l.proposal.format_id)).collect();
    let title_of: HashMap<i32, &str> = rows.iter().map(|l| (l.proposal.id, l.proposal.title.as_str())).collect();
    let code_of: HashMap<i32, &str> = rows.iter().map(|l| (l.proposal.id, l.proposal.code.as_str())).collect();
    let mut declined: Vec<(&decision::Model, Option<i32>)> = decisions
        .values()
        .filter(|d| format_of.contains_key(&d.proposal_id))
        .filter(|d| decision_of(d) == Some(Decision::Accepted) && published_of(d) == Some(Decision::Accepted))
        .filter(|d| response_of(d) == Some(Response::Declined))
        .map(|d| (d, format_of[&d.proposal_id]))
        .collect();
    if declined.is_empty() {
        return Ok(vec![]);
    }
    declined.sort_by_key(|(d, _)| (d.responded_at, d.id));
    let mut made_up = promotions_per_format(db, event_id, &format_of).await?;
    let mut waitlist: Vec<(i32, Option<i32>, Option<i32>)> = decisions
        .values()
        .filter(|d| format_of.contains_key(&d.proposal_id) && decision_of(d) == Some(Decision::Waitlisted))
        .map(|d| (d.proposal_id, format_of[&d.proposal_id], d.waitlist_rank))
        .collect();
    let mut out = Vec::new();
    for (d, format_id) in declined {
        let done = made_up.entry(format_id).or_insert(0);
        if *done > 0 {
            *done -= 1;
            continue;
        }
        let candidate = promotion_candidate(format_id, &waitlist);
        waitlist.retain(|(id, _, _)| Some(*id) != candidate);
        let format = format_id
            .and_then(|id| formats.iter().find(|f| f.id == id))
            .map(|f| f.name.clone())
            .unwrap_or_else(|| tr!(selection.fields.no_format).into());
        out.push(Suggestion {
            declined_title: title_of[&d.proposal_id].to_string(),
            format,
            candidate_code: candidate.map(|id| code_of[&id].to_string()),
            candidate_title: candidate.map(|id| title_of[&id].to_string()),
            candidate_rank: candidate.and_then(|id| decisions.get(&id)).and_then(|c| c.waitlist_rank),
        });
    }
    Ok(out)
}

async fn reviews_and_names(db: &impl ConnectionTrait, ids: &[i32]) -> AppResult<(HashMap<i32, Vec<review::Model>>, HashMap<i32, String>)> {
    let mut by_proposal: HashMap<i32, Vec<review::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok((by_proposal, HashMap::new()));
    }
    for r in review::Entity::find().filter(review::Column::ProposalId.is_in(ids.to_vec())).all(db).await? {
        by_proposal.entry(r.proposal_id).or_default().push(r);
    }
    let reviewer_ids: HashSet<i32> = by_proposal.values().flatten().map(|r| r.reviewer_id).collect();
    let names = user::Entity::find()
        .filter(user::Column::Id.is_in(reviewer_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    Ok((by_proposal, names))
}

/// Sorts rows (with their statistics) the way the organisers asked; missing values go last.
pub fn sort_rows<T>(rows: &mut [(Stats, String, T)], sort: Sort) {
    let desc = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    rows.sort_by(|(sa, ta, _), (sb, tb, _)| {
        let first = match sort {
            Sort::Mean => desc(sa.mean, sb.mean),
            Sort::Stddev => desc(sa.stddev, sb.stddev),
            Sort::Reviews => sb.reviews.cmp(&sa.reviews),
            Sort::Title => std::cmp::Ordering::Equal,
        };
        first.then_with(|| ta.to_lowercase().cmp(&tb.to_lowercase()))
    });
}

fn row_of(
    l: &Loaded,
    stats: &Stats,
    reviews: &[review::Model],
    names: &HashMap<i32, String>,
    d: Option<&decision::Model>,
    anonymous: bool,
    all: &crate::organizer::proposals::EventProposals,
) -> DeliberationRow {
    let p = &l.proposal;
    let mut scores: Vec<ScoreLine> = reviews
        .iter()
        .map(|r| ScoreLine {
            reviewer: names.get(&r.reviewer_id).cloned().unwrap_or_else(|| tr!(selection.deliberation.former_reviewer).into()),
            score: r.score.map(|s| s.to_string()).unwrap_or_else(|| tr!(selection.deliberation.no_opinion).into()),
            comment: r.comment.clone(),
        })
        .collect();
    scores.sort_by(|a, b| a.reviewer.cmp(&b.reviewer));
    let published = d.and_then(published_of);
    DeliberationRow {
        code: p.code.clone(),
        title: p.title.clone(),
        format: all.format_name(p.format_id),
        track: all.track_name(p.track_id),
        level_label: crate::lang::labels::level(crate::lang::use_locale(), &p.level),
        language_label: crate::lang::labels::language(crate::lang::use_locale(), &p.language),
        speakers: (!anonymous).then(|| l.speaker_names()),
        reviews: stats.reviews,
        mean: one_decimal(stats.mean),
        median: one_decimal(stats.median),
        stddev: one_decimal(stats.stddev),
        controversial: stats.controversial(),
        scores,
        decision: d.map(|d| d.decision.clone()).unwrap_or_default(),
        waitlist_rank: d.and_then(|d| d.waitlist_rank).map(|r| r.to_string()).unwrap_or_default(),
        feedback: d.map(|d| d.feedback.clone()).unwrap_or_default(),
        published_label: published.map(|p| super::decision_label(crate::lang::use_locale(), p).to_string()).unwrap_or_default(),
        response_label: d
            .and_then(response_of)
            .map(|r| super::response_label(crate::lang::use_locale(), r).to_string())
            .unwrap_or_default(),
        pending: d.is_some_and(|d| published_of(d) != decision_of(d)),
    }
}

fn pairs<C: Choice>(label: fn(crate::lang::Locale, &str) -> String) -> Vec<(String, String)> {
    C::ALL.iter().map(|c| (c.as_str().to_string(), label(crate::lang::use_locale(), c.as_str()))).collect()
}

/// The deliberation page of `e` with `filters` applied.
pub async fn load(db: &impl ConnectionTrait, e: &event::Model, filters: SelectionFilters, now: DateTime<Utc>) -> AppResult<Deliberation> {
    let settings = settings_of(db, e.id, now).await?;
    let all = event_proposals(db, e.id).await?;
    let submitted: Vec<&Loaded> = all.rows.iter().filter(|l| l.proposal.proposal_state() == ProposalState::Submitted).collect();
    let ids: Vec<i32> = submitted.iter().map(|l| l.proposal.id).collect();
    let decisions = decisions_of(db, &ids).await?;
    let (reviews, names) = reviews_and_names(db, &ids).await?;
    let accepted = accepted_per_format(db, e.id).await?;
    let suggestions = suggestions(db, e.id, &submitted, &decisions, &all.formats).await?;
    let pending = decisions.values().filter(|d| ids.contains(&d.proposal_id) && published_of(d) != decision_of(d)).count();
    let mut rows: Vec<(Stats, String, &Loaded)> = submitted
        .iter()
        .filter(|l| filters.matches(l.proposal.format_id, l.proposal.track_id, &l.proposal.level, &l.proposal.language))
        .map(|l| {
            let scores: Vec<Option<i32>> = reviews.get(&l.proposal.id).map(|rs| rs.iter().map(|r| r.score).collect()).unwrap_or_default();
            (Stats::of(&scores), l.proposal.title.clone(), *l)
        })
        .collect();
    sort_rows(&mut rows, Sort::parse(&filters.sort));
    let rows = rows
        .iter()
        .map(|(stats, _, l)| {
            let rs = reviews.get(&l.proposal.id).map(Vec::as_slice).unwrap_or_default();
            row_of(l, stats, rs, &names, decisions.get(&l.proposal.id), settings.anonymous, &all)
        })
        .collect();
    Ok(Deliberation {
        event: crate::events::summary::summary(e),
        anonymous: settings.anonymous,
        reviews_open: is_open(&settings, now),
        formats: all.formats.iter().map(|f| (f.id.to_string(), f.name.clone())).collect(),
        tracks: all.tracks.iter().map(|t| (t.id.to_string(), t.name.clone())).collect(),
        levels: pairs::<Level>(crate::lang::labels::level),
        languages: pairs::<Language>(crate::lang::labels::language),
        sorts: Sort::ALL.iter().map(|s| (s.as_str().to_string(), s.label().to_string())).collect(),
        slots: slot_counts(&all.formats, &accepted),
        pending,
        suggestions,
        total: submitted.len(),
        rows,
        filters,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sort_best_first_with_missing_scores_last() {
        let row = |t: &str, s: &[Option<i32>]| (Stats::of(s), t.to_string(), ());
        let mut rows =
            vec![row("b", &[Some(2)]), row("none", &[None]), row("a", &[Some(5), Some(1)]), row("c", &[Some(4), Some(4), Some(4)])];
        sort_rows(&mut rows, Sort::Mean);
        assert_eq!(rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["c", "a", "b", "none"]);
        sort_rows(&mut rows, Sort::Stddev);
        assert_eq!(rows[0].1, "a");
        sort_rows(&mut rows, Sort::Reviews);
        assert_eq!(rows[0].1, "c");
        sort_rows(&mut rows, Sort::Title);
        assert_eq!(rows.iter().map(|r| r.1.as_str()).collect::<Vec<_>>(), ["a", "b", "c", "none"]);
    }
}
