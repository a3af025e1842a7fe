//! Demo partner village of Cloud Nord: a bilingual prospectus, three tiers (Gold 2, Silver 6,
//! Community free), ten fictional partners at every step of the pipeline, a floor map with booths,
//! and the demo partner account as the contact of one of them.
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use app::entities::{event, partner, partner_booth, partner_contact, partner_staff, partner_tier};
use app::partners::{booths, tiers, views::VillageSettingsForm};
use domain::partners::booths::BoothForm;
use domain::partners::pipeline::Status;
use domain::partners::tiers::TierForm;

const PROSPECTUS_FR: &str = "## Le village partenaires\n\nUn vrai village, pas un salon commercial : vos équipes viennent \
partager leur expertise avec 250 passionnés du cloud native. Pas de démonstration de feuille de route, pas de discours \
commercial — des ingénieurs qui parlent à des ingénieurs.\n\nLes propositions de talks des partenaires passent par le même \
appel à propositions que toutes les autres, évaluées de façon anonyme.";
const PROSPECTUS_EN: &str = "## The partner village\n\nA real village, not a trade show: your teams come to share their \
expertise with 250 cloud native enthusiasts. No roadmap demos, no sales pitch — engineers talking to engineers.\n\n\
Partners' talk proposals go through the same call for papers as everyone else's, reviewed anonymously.";

/// (tier, kind, price, how many, booth m², passes, [logo home, agenda, screens, talks, jobs]).
const TIERS: [(&str, &str, i32, i32, i32, i32, [bool; 5]); 3] = [
    ("Gold", "sponsor", 8000, 2, 9, 4, [true, true, true, true, true]),
    ("Silver", "sponsor", 3500, 6, 6, 2, [false, true, true, true, true]),
    ("Community", "community", 0, 8, 4, 2, [false, true, false, false, false]),
];

/// (company, tier index, status, steps done, booth, description).
const PARTNERS: [(&str, usize, Status, usize, Option<&str>, &str); 10] = [
    (
        "Nordic Mesh",
        0,
        Status::Accepted,
        2,
        Some("A1"),
        "We run **service meshes** for Lille's public transport. Ask us about mTLS at scale and the outage that taught us the most.",
    ),
    (
        "Flandres Cloud",
        0,
        Status::Accepted,
        3,
        Some("A2"),
        "A regional cloud provider on the Franco-Belgian border: data sovereignty, bare-metal Kubernetes, our open-source operators.",
    ),
    (
        "Opale Observability",
        1,
        Status::Accepted,
        1,
        Some("B1"),
        "OpenTelemetry from the collector to the dashboard: our SRE team answers your tracing questions.",
    ),
    (
        "Beffroi Security",
        1,
        Status::Accepted,
        0,
        Some("B2"),
        "Supply-chain security in practice: SBOMs, signing, and the policies we run in production.",
    ),
    (
        "Ch'ti Platform",
        1,
        Status::Accepted,
        0,
        None,
        "Platform engineering for 40 product teams: golden paths, internal developer portal, our mistakes.",
    ),
    ("Rijsel Data", 1, Status::Applied, 0, None, "Data pipelines on Kubernetes."),
    ("Dunes Networking", 1, Status::Waitlist, 0, None, "eBPF networking for telcos."),
    (
        "Lille Kubernetes Meetup",
        2,
        Status::Accepted,
        0,
        Some("C1"),
        "The monthly Kubernetes meetup of Lille: come and give a lightning talk.",
    ),
    (
        "CNCF Lille Students",
        2,
        Status::Accepted,
        0,
        Some("C2"),
        "Students of Lille's universities who learn cloud native together; we look for mentors.",
    ),
    ("Legacy Pitch Corp", 1, Status::Declined, 0, None, "Wanted a keynote slot."),
];

/// (number, x, y, w, h).
const BOOTHS: [(&str, i32, i32, i32, i32); 8] = [
    ("A1", 1, 1, 3, 3),
    ("A2", 5, 1, 3, 3),
    ("B1", 10, 1, 3, 2),
    ("B2", 14, 1, 3, 2),
    ("B3", 18, 1, 3, 2),
    ("C1", 1, 8, 2, 2),
    ("C2", 4, 8, 2, 2),
    ("C3", 7, 8, 2, 2),
];

fn ctx<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> anyhow::Error + '_ {
    move |e| anyhow::anyhow!("demo partners, {what}: {e}")
}

fn tier_form(t: &(&str, &str, i32, i32, i32, i32, [bool; 5])) -> TierForm {
    let on = |b: bool| b.then(|| "on".to_string());
    TierForm {
        name: t.0.into(),
        kind: t.1.into(),
        price_eur: t.2.to_string(),
        available: t.3.to_string(),
        booth_size: t.4.to_string(),
        staff_passes: t.5.to_string(),
        logo_home: on(t.6[0]),
        logo_agenda: on(t.6[1]),
        logo_screens: on(t.6[2]),
        talks_allowed: on(t.6[3]),
        job_posts: on(t.6[4]),
    }
}

async fn settings(db: &DatabaseConnection, e: &event::Model, now: DateTime<Utc>) -> anyhow::Result<()> {
    let day = |d: i64| (e.start_date - Duration::days(d)).to_string();
    let form = VillageSettingsForm {
        prospectus: PROSPECTUS_FR.into(),
        prospectus_language: "fr".into(),
        translations: [("en".to_string(), PROSPECTUS_EN.to_string())].into(),
        width: "30".into(),
        height: "12".into(),
        logo_due: day(30),
        description_due: day(21),
        staff_due: day(10),
        needs_due: day(14),
        ..VillageSettingsForm::default()
    };
    booths::save_settings(db, e, &form, now).await.map_err(ctx("settings"))
}

#[allow(clippy::too_many_arguments)]
fn partner_row(
    e: &event::Model,
    name: &str,
    tier: &partner_tier::Model,
    status: Status,
    steps: usize,
    description: &str,
    i: usize,
    now: DateTime<Utc>,
) -> partner::ActiveModel {
    let applied = now - Duration::days(60 - i as i64 * 3);
    let step = |n: usize| (steps >= n).then(|| applied + Duration::days(7 * n as i64));
    let accepted = status == Status::Accepted;
    let slug: String = name.to_lowercase().chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    partner::ActiveModel {
        event_id: Set(e.id),
        code: Set(format!("demo{i:02}{}", &slug[..slug.len().min(8)])),
        name: Set(name.into()),
        vat: Set(String::new()),
        billing_name: Set("Camille Martin".into()),
        billing_email: Set(format!("billing@{slug}.invalid")),
        message: Set("We would love to meet Cloud Nord's attendees.".into()),
        wished_tier_id: Set(Some(tier.id)),
        tier_id: Set(accepted.then_some(tier.id)),
        status: Set(status.as_str().into()),
        applied_at: Set(applied),
        decided_at: Set((status != Status::Applied).then_some(applied + Duration::days(3))),
        signed_at: Set(step(1)),
        invoiced_at: Set(step(2)),
        paid_at: Set(step(3)),
        notes: Set(String::new()),
        description: Set(if accepted { description.into() } else { String::new() }),
        website: Set(if accepted { format!("https://{slug}.example") } else { String::new() }),
        links: Set(String::new()),
        jobs: Set(String::new()),
        logo_file: Set(String::new()),
        logo_dark_file: Set(String::new()),
        needs_power: Set(accepted),
        needs_screen: Set(false),
        needs_table: Set(accepted),
        needs_saved_at: Set((accepted && steps > 0).then_some(applied)),
        created_at: Set(applied),
        updated_at: Set(applied),
        ..Default::default()
    }
}

/// Nordic Mesh's engineer speaks in the agenda: the first scheduled talk becomes its partner talk.
async fn partner_talk(db: &DatabaseConnection, e: &event::Model, partner_id: i32) -> anyhow::Result<()> {
    use app::entities::{proposal, schedule_item};
    use sea_orm::QueryOrder;
    let placed = schedule_item::Entity::find()
        .filter(schedule_item::Column::EventId.eq(e.id))
        .filter(schedule_item::Column::ProposalId.is_not_null())
        .filter(schedule_item::Column::StartsAt.is_not_null())
        .order_by_asc(schedule_item::Column::Id)
        .one(db)
        .await?;
    let talk = match placed.and_then(|i| i.proposal_id) {
        Some(id) => proposal::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    if let Some(talk) = talk {
        proposal::Entity::update_many()
            .col_expr(proposal::Column::PartnerId, Expr::value(Some(partner_id)))
            .col_expr(proposal::Column::PitchRuleAcceptedAt, Expr::value(Some(talk.created_at)))
            .filter(proposal::Column::Id.eq(talk.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

pub async fn seed_partners(db: &DatabaseConnection, e: &event::Model, partner_user: i32, now: DateTime<Utc>) -> anyhow::Result<()> {
    settings(db, e, now).await?;
    for t in &TIERS {
        tiers::save(db, e, None, &tier_form(t), now).await.map_err(ctx("tier"))?;
    }
    let saved = tiers::tiers_of(db, e.id).await.map_err(ctx("tiers"))?;
    for (n, x, y, w, h) in BOOTHS {
        let form = BoothForm { number: n.into(), x: x.to_string(), y: y.to_string(), w: w.to_string(), h: h.to_string() };
        booths::save_booth(db, e, None, &form, now).await.map_err(ctx("booth"))?;
    }
    for (i, (name, tier, status, steps, booth, description)) in PARTNERS.iter().enumerate() {
        let tier = &saved[*tier];
        let id = partner::Entity::insert(partner_row(e, name, tier, *status, *steps, description, i, now)).exec(db).await?.last_insert_id;
        if *status == Status::Accepted {
            partner_tier::Entity::update_many()
                .col_expr(partner_tier::Column::Taken, Expr::col(partner_tier::Column::Taken).add(1))
                .filter(partner_tier::Column::Id.eq(tier.id))
                .exec(db)
                .await?;
        }
        if let Some(number) = booth {
            partner_booth::Entity::update_many()
                .col_expr(partner_booth::Column::PartnerId, Expr::value(Some(id)))
                .filter(partner_booth::Column::EventId.eq(e.id))
                .filter(partner_booth::Column::Number.eq(*number))
                .exec(db)
                .await?;
        }
        if i == 0 {
            partner_talk(db, e, id).await?;
            let contact = partner_contact::ActiveModel {
                partner_id: Set(id),
                user_id: Set(partner_user),
                created_at: Set(now),
                ..Default::default()
            };
            partner_contact::Entity::insert(contact).exec_without_returning(db).await?;
            for (name, email) in [("Inès Nordic", "ines@nordic-mesh.invalid"), ("Tom Nordic", "tom@nordic-mesh.invalid")] {
                let pass = partner_staff::ActiveModel {
                    partner_id: Set(id),
                    name: Set(name.into()),
                    email: Set(email.into()),
                    created_at: Set(now),
                    ..Default::default()
                };
                partner_staff::Entity::insert(pass).exec_without_returning(db).await?;
            }
        }
    }
    Ok(())
}
