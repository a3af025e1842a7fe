//! The access guard on SQLite and PostgreSQL: the roles a person holds in an event are their
//! memberships there, and instance admins hold every role. Which server function admits which
//! role set is checked endpoint by endpoint in `access_matrix`.
use app::auth::guard::event_roles;
use domain::roles::Role;
use estrade_tests::review::PASSWORD;
use estrade_tests::{db_test, Backend, TestApp};

async fn event(app: &TestApp, slug: &str) -> app::entities::event::Model {
    let form = domain::events::EventForm {
        slug: slug.into(),
        name: format!("Event {slug}"),
        city: "Lille".into(),
        venue: "Hall".into(),
        time_zone: "Europe/Paris".into(),
        start_date: "2027-05-01".into(),
        end_date: "2027-05-02".into(),
        description: String::new(),
        visibility: "public".into(), default_language: String::new(), description_language: String::new(), translations: Default::default(),
    };
    app::events::service::create(&app.state.db, &form, app.state.clock.now()).await.expect("event created")
}

async fn user(app: &TestApp, email: &str, admin: bool) -> app::entities::user::Model {
    app::auth::service::insert_user(&app.state.db, email, "Someone", PASSWORD, admin, true, app.state.clock.now()).await.expect("user created")
}

db_test!(event_roles_are_the_memberships_and_admins_hold_every_role, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let db = &app.state.db;
    let e = event(&app, "guard-conf").await;
    let other = event(&app, "guard-other").await;
    let lead = user(&app, "lead@example.org", false).await;
    app.grant("lead@example.org", e.id, "volunteer_lead").await;
    app.grant("lead@example.org", e.id, "reviewer").await;
    app.grant("lead@example.org", other.id, "organizer").await;
    assert_eq!(event_roles(db, &lead, e.id).await.unwrap(), [Role::Reviewer, Role::VolunteerLead]);
    assert_eq!(event_roles(db, &lead, other.id).await.unwrap(), [Role::Organizer]);
    let nobody = user(&app, "nobody@example.org", false).await;
    assert!(event_roles(db, &nobody, e.id).await.unwrap().is_empty());
    let admin = user(&app, "root@example.org", true).await;
    assert_eq!(event_roles(db, &admin, e.id).await.unwrap(), Role::ALL);
    app.stop().await;
});
