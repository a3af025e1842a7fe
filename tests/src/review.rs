//! Fixtures for reviewing tests: speakers with proposals, companies on profiles, reviews.
use reqwest::Client;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::cfp::{code_of, proposal_form, send, with};
use crate::http::{call, client, sign_in, sign_up};
use crate::TestApp;

pub const PASSWORD: &str = "correct horse battery";

/// Signs up a new speaker who submits a proposal titled `title`; returns the speaker's client and the code.
pub async fn speaker_submits(app: &TestApp, slug: &str, email: &str, name: &str, title: &str, format: i32, track: i32) -> (Client, String) {
    let c = client();
    sign_up(&c, app, email, name, PASSWORD).await;
    let form = with(proposal_form(slug, &format!("key-{email}"), format, track, "submit"), "title", title);
    let res = send(&c, app, "cfp/save", &form).await;
    assert_eq!(res.status(), 200, "submitted: {}", res.text().await.unwrap_or_default());
    (c, code_of(app, title).await)
}

/// A signed-in user holding `role` in the event.
pub async fn member(app: &TestApp, event_id: i32, email: &str, name: &str, role: &str) -> Client {
    app.create_user(email, name, PASSWORD, false).await;
    app.grant(email, event_id, role).await;
    let c = client();
    sign_in(&c, app, email, PASSWORD).await;
    c
}

/// Writes the company on the person's speaker profile (creating the profile if needed).
pub async fn set_company(app: &TestApp, email: &str, company: &str) {
    use app::entities::{speaker_profile as sp, user};
    let db = &app.state.db;
    let u = user::Entity::find().filter(user::Column::EmailNormalized.eq(email)).one(db).await.unwrap().expect("user");
    match sp::Entity::find().filter(sp::Column::UserId.eq(u.id)).one(db).await.unwrap() {
        Some(p) => {
            let mut p: sp::ActiveModel = p.into();
            p.company = Set(company.into());
            p.update(db).await.unwrap();
        }
        None => {
            let blank = || Set(String::new());
            sp::ActiveModel {
                user_id: Set(u.id),
                public_name: Set(u.display_name.clone()),
                bio: blank(),
                company: Set(company.into()),
                job_title: blank(),
                photo_url: blank(),
                photo_file: blank(),
                website: blank(),
                github: blank(),
                linkedin: blank(),
                social: blank(),
                city: blank(),
                private_notes: blank(),
                updated_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
        }
    }
}

/// The code review pages know the proposal `code` by (reviewers never see the public code).
pub async fn review_code_of(app: &TestApp, code: &str) -> String {
    use app::entities::proposal;
    let p = proposal::Entity::find().filter(proposal::Column::Code.eq(code)).one(&app.state.db).await.unwrap().expect("proposal");
    p.review_code.expect("every proposal has a review code")
}

/// Saves a review of the proposal whose public code is `code`.
pub async fn review(c: &Client, app: &TestApp, slug: &str, code: &str, score: &str, comment: &str) -> reqwest::Response {
    let code = review_code_of(app, code).await;
    call(c, app, "review/save", &[("slug", slug), ("code", &code), ("score", score), ("comment", comment)]).await
}

/// Every stored review of a proposal as (reviewer email, score, comment).
pub async fn reviews_of(app: &TestApp, code: &str) -> Vec<(String, Option<i32>, String)> {
    use app::entities::{proposal, review, user};
    let db = &app.state.db;
    let p = proposal::Entity::find().filter(proposal::Column::Code.eq(code)).one(db).await.unwrap().expect("proposal");
    let mut out = Vec::new();
    for r in review::Entity::find().filter(review::Column::ProposalId.eq(p.id)).all(db).await.unwrap() {
        let u = user::Entity::find_by_id(r.reviewer_id).one(db).await.unwrap().unwrap();
        out.push((u.email, r.score, r.comment));
    }
    out.sort();
    out
}
