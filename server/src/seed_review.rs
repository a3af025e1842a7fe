//! The demo selection of the upcoming event: four reviewers' scores, decisions taken and published,
//! most acceptances confirmed, one declined (so a waitlisted talk waits for promotion). Scores are
//! derived from ids, so a fresh seed always tells the same story.
use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use app::auth::roles::insert_membership;
use app::auth::service::insert_user;
use app::crypto::{new_token, token_hash};
use app::entities::{decision, event, format, proposal, review, review_settings};
use app::events::cfp_settings::formats_of;
use app::review::settings::{record, settings_of};
use domain::cfp::{Choice, ProposalState};
use domain::review::{Decision, Response, Stats};
use domain::roles::Role;

/// Fictional reviewers besides the demo account Rémi Reviewer; nobody signs in as them.
pub const REVIEWERS: [(&str, &str); 3] = [
    ("lea.lemaire@reviewers.example", "Léa Lemaire"),
    ("hugo.vermeulen@reviewers.example", "Hugo Vermeulen"),
    ("ines.caron@reviewers.example", "Inès Caron"),
];

/// How many talks of each default format the organisers plan (Short talk, REX, Deep-dive).
pub const SLOTS: [i32; 3] = [10, 10, 4];
/// Rémi, the demo reviewer who signs in, has reviewed this many; the rest wait in his queue.
const REMI_REVIEWED: usize = 12;

const COMMENTS: [&str; 6] = [
    "Clear outline, concrete numbers: the kind of REX our audience asks for.",
    "Interesting topic, but the abstract promises more than 20 minutes can hold.",
    "We had a very similar talk last year.",
    "Great for beginners; the title could be clearer.",
    "",
    "Strong speaker material; I would love the failure stories expanded.",
];

/// A score from 1 to 5 that depends on the proposal and the reviewer, with some disagreement.
fn demo_score(proposal_id: i32, reviewer: usize, favourite: bool) -> Option<i32> {
    if favourite {
        return Some(5 - (reviewer as i32 % 2));
    }
    match (proposal_id * 7 + reviewer as i32 * 3) % 11 {
        0 => None,
        n => Some(1 + (n + proposal_id) % 5),
    }
}

pub async fn seed_review(
    db: &impl ConnectionTrait,
    event: &event::Model,
    organiser_id: i32,
    remi_id: i32,
    sofia_id: i32,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let mut reviewers = vec![remi_id];
    for (email, name) in REVIEWERS {
        let u = insert_user(db, email, name, &new_token(), false, true, now).await.map_err(|e| anyhow::anyhow!("{email}: {e}"))?;
        insert_membership(db, event.id, u.id, Role::Reviewer, now - Duration::days(40))
            .await
            .map_err(|e| anyhow::anyhow!("{email}: {e}"))?;
        reviewers.push(u.id);
    }
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::EventId.eq(event.id))
        .filter(proposal::Column::State.eq(ProposalState::Submitted.as_str()))
        .order_by_asc(proposal::Column::Id)
        .all(db)
        .await?;
    let mut means: Vec<(f64, &proposal::Model)> = Vec::new();
    for (i, p) in proposals.iter().enumerate() {
        let favourite = p.owner_id == sofia_id;
        let mut scores = Vec::new();
        for (r, reviewer_id) in reviewers.iter().enumerate() {
            if r == 0 && i >= REMI_REVIEWED {
                continue;
            }
            let score = demo_score(p.id, r, favourite);
            scores.push(score);
            let at = now - Duration::days(1 + (i % 5) as i64);
            review::ActiveModel {
                proposal_id: Set(p.id),
                reviewer_id: Set(*reviewer_id),
                score: Set(score),
                comment: Set(COMMENTS[(p.id as usize + r) % COMMENTS.len()].into()),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            }
            .insert(db)
            .await?;
        }
        means.push((Stats::of(&scores).mean.unwrap_or(0.0), p));
    }
    let formats = formats_of(db, event.id, true).await.map_err(|e| anyhow::anyhow!("formats: {e}"))?;
    for (f, slots) in formats.iter().zip(SLOTS) {
        let mut f: format::ActiveModel = f.clone().into();
        f.slots = Set(Some(slots));
        f.update(db).await?;
    }
    decide(db, event, organiser_id, &formats, means, now).await?;
    let s = settings_of(db, event.id, now).await.map_err(|e| anyhow::anyhow!("review settings: {e}"))?;
    let mut s: review_settings::ActiveModel = s.into();
    s.confirm_by = Set(Some(now + Duration::days(10)));
    s.update(db).await?;
    Ok(())
}

/// Per format, the best-scored take the planned slots, the next two wait, the rest are declined;
/// all published two days ago. The first acceptance of each format stays unanswered, one is declined.
async fn decide(
    db: &impl ConnectionTrait,
    event: &event::Model,
    organiser_id: i32,
    formats: &[format::Model],
    mut ranked: Vec<(f64, &proposal::Model)>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));
    let slots: HashMap<Option<i32>, i32> = formats.iter().zip(SLOTS).map(|(f, s)| (Some(f.id), s)).collect();
    let mut taken: HashMap<Option<i32>, i32> = HashMap::new();
    let published = now - Duration::days(2);
    let mut declined_one = false;
    for (_, p) in ranked {
        let n = taken.entry(p.format_id).or_default();
        *n += 1;
        let limit = slots.get(&p.format_id).copied().unwrap_or(0);
        let (d, rank) = match *n {
            k if k <= limit => (Decision::Accepted, None),
            k if k <= limit + 2 => (Decision::Waitlisted, Some(k - limit)),
            _ => (Decision::Rejected, None),
        };
        let response = match (d, *n) {
            (Decision::Accepted, 1) => None,
            (Decision::Accepted, 2) if !declined_one => {
                declined_one = true;
                Some(Response::Declined)
            }
            (Decision::Accepted, _) => Some(Response::Confirmed),
            _ => None,
        };
        decision::ActiveModel {
            proposal_id: Set(p.id),
            decision: Set(d.as_str().into()),
            waitlist_rank: Set(rank),
            feedback: Set(String::new()),
            decided_by: Set(organiser_id),
            decided_at: Set(published - Duration::hours(3)),
            published_decision: Set(Some(d.as_str().into())),
            published_at: Set(Some(published)),
            confirm_token_hash: Set((d == Decision::Accepted).then(|| token_hash(&new_token()))),
            response: Set(response.map(|r| r.as_str().into())),
            responded_at: Set(response.map(|_| published + Duration::hours(20))),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    record(db, event.id, None, Some(organiser_id), "published", "Decisions published (demo data)", now)
        .await
        .map_err(|e| anyhow::anyhow!("audit: {e}"))?;
    Ok(())
}
