//! The demo data loads on SQLite and PostgreSQL and tells the story the README promises.
use domain::cfp::Choice;
use domain::review::Decision;
use app::entities::{decision, event, proposal, review};
use estrade_tests::http::{call, client, sign_in};
use estrade_tests::{db_test, Backend, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn paris_today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&app::formats::zoned::zone("Europe/Paris")).date_naive()
}

db_test!(the_demo_seed_tells_the_selection_story, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let seeded_on = paris_today();
    server::seed::seed_demo(&app.state.db, app.state.clock.now()).await.expect("demo data loads");
    let db = &app.state.db;
    let events = event::Entity::find().all(db).await.unwrap();
    assert_eq!(events.len(), 3);
    let nord = events.iter().find(|e| e.slug.starts_with("cloud-nord-") && e.start_date > chrono::Utc::now().date_naive()).expect("upcoming Cloud Nord");
    let submitted = proposal::Entity::find()
        .filter(proposal::Column::EventId.eq(nord.id))
        .filter(proposal::Column::State.eq("submitted"))
        .count(db)
        .await
        .unwrap();
    assert!(submitted >= 30, "{submitted} submitted proposals");
    assert!(review::Entity::find().count(db).await.unwrap() >= submitted * 3);
    let decisions = decision::Entity::find().all(db).await.unwrap();
    assert_eq!(decisions.len() as u64, submitted, "every submitted proposal decided");
    assert!(decisions.iter().all(|d| d.published_decision.as_deref() == Some(d.decision.as_str())), "all published");
    let accepted = decisions.iter().filter(|d| d.decision == Decision::Accepted.as_str()).count();
    assert_eq!(accepted as i32, server::seed::seed_review::SLOTS.iter().sum::<i32>(), "the planned slots are filled");
    assert!(decisions.iter().any(|d| d.response.as_deref() == Some("declined")));

    // Rémi, the demo reviewer, signs in and still has proposals to review; Sofia has an acceptance to confirm.
    let remi = client();
    sign_in(&remi, &app, "reviewer@estrade.example", "demo-reviewer-pass").await;
    let queue: serde_json::Value = call(&remi, &app, "review/queue", &[("slug", &nord.slug), ("format", ""), ("track", "")]).await.json().await.unwrap();
    assert!(queue["next"].is_string(), "Rémi has work left: {queue}");
    assert!(queue["reviewed"].as_u64().unwrap() > 0);
    let sofia = client();
    sign_in(&sofia, &app, "speaker@estrade.example", "demo-speaker-pass").await;
    let mine = call(&sofia, &app, "cfp/mine", &[]).await.text().await.unwrap();
    assert!(mine.contains("Accepted — please confirm"), "{mine}");

    // The schedule: published once, with every talk holding a slot placed, and one change pending.
    let org = client();
    sign_in(&org, &app, "organizer@estrade.example", "demo-organizer-pass").await;
    let b: serde_json::Value = call(&org, &app, "schedule/load", &[("slug", &nord.slug)]).await.json().await.unwrap();
    assert_eq!(b["rooms"].as_array().unwrap().len(), 4);
    let items = b["items"].as_array().unwrap();
    let talks = items.iter().filter(|i| i["kind"] == "talk").count();
    assert!(talks >= 20, "{talks} talks");
    assert!(items.iter().all(|i| !i["placed"].is_null()), "every item placed: {b}");
    assert!(items.iter().any(|i| i["kind"] == "lunch" && i["placed"]["room"].is_null()), "lunch across all rooms");
    assert_eq!(b["warnings"].as_array().unwrap().len(), 0, "no conflicts: {}", b["warnings"]);
    assert_eq!(b["latest"]["number"], 1);
    assert_eq!(b["pending"].as_array().unwrap().len(), 1, "one change not yet published: {}", b["pending"]);
    // Attendees starred talks: figures for the organisers, with one room too small.
    let interest: serde_json::Value = call(&org, &app, "agenda/interest", &[("slug", &nord.slug)]).await.json().await.unwrap();
    let rows = interest["rows"].as_array().unwrap();
    let most = rows.iter().map(|r| r["stars"].as_u64().unwrap()).max().unwrap();
    assert_eq!(interest["stargazers"].as_u64(), Some(most), "the same attendees star the popular talks: {interest}");
    assert_eq!(rows.len(), talks, "every talk listed");
    assert!(rows.iter().any(|r| r["crowded"] == true), "{interest}");
    assert!(rows.iter().all(|r| r["stars"].as_i64().unwrap() >= 4));

    let cndf = events.iter().find(|e| e.slug.starts_with("cndf-")).unwrap();
    let page = call(&client(), &app, "cfp/page", &[("slug", &cndf.slug)]).await.text().await.unwrap();
    // The CFP closes 14 days after the day it was seeded (Paris time), at 23:59.
    let days = if paris_today() == seeded_on { 14 } else { 13 };
    assert!(page.contains(&format!("Closes in {days} days")), "{page}");
    // Last year's edition never had CFP dates: its call for papers is over, not "not open yet".
    let last_year = events.iter().find(|e| e.slug.starts_with("cloud-nord-") && e.id != nord.id).unwrap();
    let page = call(&client(), &app, "cfp/page", &[("slug", &last_year.slug)]).await.text().await.unwrap();
    assert!(page.contains("The call for papers is closed.") && !page.contains("not open yet"), "{page}");
    app.stop().await;
});
