//! The benchmark seed (`server seed-bench`, used by `make bench`) loads on SQLite and PostgreSQL:
//! 300 talks in 12 rooms over 3 days by 200 speakers, published as v1 with no room or speaker
//! double-booked, and the builder reports no conflict. No timings are asserted here.
use domain::timetable::{Kind, Slot};
use app::entities::{event_day, proposal, proposal_speaker, room, schedule_version, speaker_profile, track};
use estrade_tests::http::{call, client, get_text, sign_in};
use estrade_tests::{db_test, Backend, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::seed_bench::{seed_bench, ORGANISER_EMAIL, ORGANISER_PASSWORD, SLUG};

fn overlap(a: &Slot, b: &Slot) -> bool {
    a.start < b.end && b.start < a.end
}

/// Every pair of slots that overlap in time shares neither a room nor a speaker.
fn assert_no_double_booking(slots: &[Slot]) {
    for (i, a) in slots.iter().enumerate() {
        for b in slots[i + 1..].iter().filter(|b| overlap(a, b)) {
            assert!(!a.room_ids.iter().any(|r| b.room_ids.contains(r)), "“{}” and “{}” share a room ({} / {})", a.title, b.title, a.room, b.room);
            assert!(!a.speakers.iter().any(|s| b.speakers.iter().any(|t| t.id == s.id)), "“{}” and “{}” share a speaker", a.title, b.title);
        }
    }
}

db_test!(the_bench_seed_loads_a_large_conflict_free_published_schedule, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let db = &app.state.db;
    let seeded = seed_bench(db, chrono::Utc::now()).await.expect("the bench seed loads");
    let e = seeded.event.clone();
    assert_eq!(e.slug, SLUG);
    assert_eq!(seeded.talks, 300);

    let proposals = proposal::Entity::find().filter(proposal::Column::EventId.eq(e.id)).all(db).await.unwrap();
    assert_eq!(proposals.len(), 300);
    assert!(proposals.iter().all(|p| (350..=2000).contains(&p.summary.chars().count())), "abstracts of about 500 characters");
    assert_eq!(room::Entity::find().filter(room::Column::EventId.eq(e.id)).count(db).await.unwrap(), 12);
    assert_eq!(event_day::Entity::find().filter(event_day::Column::EventId.eq(e.id)).count(db).await.unwrap(), 3);
    assert_eq!(track::Entity::find().filter(track::Column::EventId.eq(e.id)).count(db).await.unwrap(), 6);
    assert_eq!(speaker_profile::Entity::find().count(db).await.unwrap(), 200);
    let ids: Vec<i32> = proposals.iter().map(|p| p.id).collect();
    let links = proposal_speaker::Entity::find().filter(proposal_speaker::Column::ProposalId.is_in(ids)).all(db).await.unwrap();
    let speakers: std::collections::HashSet<i32> = links.iter().map(|l| l.user_id).collect();
    assert_eq!(speakers.len(), 200);
    assert!(links.len() > 300, "some talks have a co-speaker");

    let versions = schedule_version::Entity::find().filter(schedule_version::Column::EventId.eq(e.id)).all(db).await.unwrap();
    assert_eq!(versions.len(), 1, "published once");
    let slots = app::published::snapshot_of(&versions[0]).unwrap();
    assert_eq!(slots.iter().filter(|s| s.kind == Kind::Talk).count(), 300, "every talk is in the published version");
    assert!(slots.iter().any(|s| s.kind == Kind::Lunch && s.room_ids.len() == 12), "lunch spans all rooms");
    assert_no_double_booking(&slots);

    // The builder's own rules agree, and a second seeding is refused.
    let org = client();
    sign_in(&org, &app, ORGANISER_EMAIL, ORGANISER_PASSWORD).await;
    let b: serde_json::Value = call(&org, &app, "schedule/load", &[("slug", SLUG)]).await.json().await.unwrap();
    assert_eq!(b["warnings"].as_array().unwrap().len(), 0, "no conflicts: {}", b["warnings"]);
    assert_eq!(b["pending"].as_array().unwrap().len(), 0, "nothing left to publish");
    assert!(seed_bench(db, chrono::Utc::now()).await.is_err(), "only into an empty database");

    let (status, page) = get_text(&client(), &app, &format!("/events/{SLUG}/talk/{}", seeded.sample_code)).await;
    assert_eq!(status, 200, "{page}");
    app.stop().await;
});
