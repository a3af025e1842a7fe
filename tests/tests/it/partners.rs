//! The partner village on SQLite and PostgreSQL: concurrent accepts never oversell a tier, staff
//! passes stop at the tier's limit, a contact sees only their own partner, hostile logos are refused
//! with nothing stored, and an attendee's shared contact reaches only the partner they chose.
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use app::entities::{partner, partner_staff, partner_tier};
use app::error::AppError;
use app::partners::pipeline::decide;
use domain::partners::pipeline::{Decision, Status};
use estrade_tests::http::{call, client, get_text, post_without_js, sign_in};
use estrade_tests::partners::{applicant, event_with_tier, signed_applicant};
use estrade_tests::{db_test, Backend, TestApp};

const PASSWORD: &str = "correct horse battery staple";

db_test!(twenty_organisers_accepting_at_once_fill_a_tier_of_three_exactly, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "tier-race", 3, 2).await;
    let mut ids = Vec::new();
    for i in 0..20 {
        ids.push(applicant(&app, &e, &tier, i).await.1);
    }
    let mut tasks = tokio::task::JoinSet::new();
    for id in ids {
        let (state, e) = (app.state.clone(), e.clone());
        tasks.spawn(async move { decide(&state, &e, id, Decision::Accept, None, Utc::now()).await });
    }
    let (mut accepted, mut sold_out) = (0, 0);
    for r in tasks.join_all().await {
        match r {
            Ok(()) => accepted += 1,
            Err(AppError::Conflict(m)) => {
                assert!(m.contains("Silver"), "the refusal names the tier: {m}");
                sold_out += 1
            }
            Err(other) => panic!("an accept failed otherwise than sold out: {other:?}"),
        }
    }
    assert_eq!((accepted, sold_out), (3, 17));
    let db = &app.state.db;
    let stored = partner_tier::Entity::find_by_id(tier.id).one(db).await.unwrap().unwrap();
    assert_eq!(stored.taken, 3, "the counter agrees");
    let rows = partner::Entity::find().filter(partner::Column::Status.eq(Status::Accepted.as_str())).count(db).await.unwrap();
    assert_eq!(rows, 3, "refused accepts left their partner as it was");
    app.stop().await;
});

db_test!(a_decision_is_taken_once_and_declining_an_accepted_partner_frees_its_place, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "tier-free", 1, 2).await;
    let (_, a) = applicant(&app, &e, &tier, 1).await;
    let (_, b) = applicant(&app, &e, &tier, 2).await;
    decide(&app.state, &e, a, Decision::Accept, None, Utc::now()).await.expect("a place");
    assert!(matches!(decide(&app.state, &e, a, Decision::Accept, None, Utc::now()).await, Err(AppError::Conflict(_))), "twice");
    assert!(matches!(decide(&app.state, &e, b, Decision::Accept, None, Utc::now()).await, Err(AppError::Conflict(_))), "sold out");
    decide(&app.state, &e, b, Decision::Waitlist, None, Utc::now()).await.expect("waiting list");
    decide(&app.state, &e, a, Decision::Decline, None, Utc::now()).await.expect("a withdraws");
    decide(&app.state, &e, b, Decision::Accept, None, Utc::now()).await.expect("the freed place");
    let stored = partner_tier::Entity::find_by_id(tier.id).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!(stored.taken, 1);
    app.stop().await;
});

db_test!(staff_passes_added_at_once_stop_at_the_tiers_limit, |backend: Backend| async move {
    use app::partners::access::partner_access_as;
    use domain::partners::application::StaffForm;
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "passes", 2, 2).await;
    let (contact, id) = applicant(&app, &e, &tier, 1).await;
    decide(&app.state, &e, id, Decision::Accept, None, Utc::now()).await.unwrap();
    let access = partner_access_as(&app.state.db, e.clone(), contact.clone(), id).await.unwrap();
    let access = std::sync::Arc::new(access);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..10 {
        let (state, a) = (app.state.clone(), access.clone());
        let form = StaffForm { name: format!("Staff {i}"), email: format!("staff{i}@company1.example") };
        tasks.spawn(async move { app::partners::space::add_staff(&state, &a, &form, Utc::now()).await });
    }
    let ok = tasks.join_all().await.into_iter().filter(|r| r.is_ok()).count();
    assert_eq!(ok, 2);
    let held = partner_staff::Entity::find().filter(partner_staff::Column::PartnerId.eq(id)).count(&app.state.db).await.unwrap();
    assert_eq!(held, 2);
    app.stop().await;
});

db_test!(a_contact_reaches_only_their_own_partner, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "own-partner", 5, 2).await;
    let (a_user, a) = signed_applicant(&app, &e, &tier, 1, PASSWORD).await;
    let (_, b) = applicant(&app, &e, &tier, 2).await;
    let (anon, c) = (client(), client());
    assert_eq!(call(&anon, &app, "partners/space", &[("slug", &e.slug), ("partner", &a.to_string())]).await.status(), 401);
    assert_eq!(sign_in(&c, &app, &a_user.email, PASSWORD).await.status(), 200);
    let mine = call(&c, &app, "partners/space", &[("slug", &e.slug), ("partner", &a.to_string())]).await;
    assert_eq!(mine.status(), 200);
    assert!(mine.text().await.unwrap().contains("Company 1"));
    let other = call(&c, &app, "partners/space", &[("slug", &e.slug), ("partner", &b.to_string())]).await;
    assert_eq!(other.status(), 404, "another partner does not exist for this contact");
    let body = other.text().await.unwrap();
    assert!(!body.contains("Company 2"), "{body}");
    let save = call(&c, &app, "partners/profile", &[("slug", &e.slug), ("partner", &b.to_string()), ("description", "hijacked")]).await;
    assert_eq!(save.status(), 404);
    let (status, _) = get_text(&c, &app, &format!("/events/{}/partner/{b}/contacts.csv", e.slug)).await;
    assert_eq!(status, 404, "nor its shared contacts");
    assert_eq!(call(&c, &app, "partners/admin", &[("slug", &e.slug)]).await.status(), 403, "nor the organisers' page");
    app.stop().await;
});

db_test!(an_attendees_contact_reaches_only_the_partner_they_chose_and_can_be_withdrawn, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "share", 5, 2).await;
    let (a_user, a) = signed_applicant(&app, &e, &tier, 1, PASSWORD).await;
    let (b_user, b) = signed_applicant(&app, &e, &tier, 2, PASSWORD).await;
    for id in [a, b] {
        decide(&app.state, &e, id, Decision::Accept, None, Utc::now()).await.unwrap();
    }
    let a_code = partner::Entity::find_by_id(a).one(&app.state.db).await.unwrap().unwrap().code;
    app.create_user("attendee@example.org", "Alice Attendee", PASSWORD, false).await;
    let attendee = client();
    sign_in(&attendee, &app, "attendee@example.org", PASSWORD).await;
    let page = format!("/events/{}/village/{a_code}", e.slug);
    let res = post_without_js(&attendee, &app, "partners/share", &page, &[("slug", &e.slug), ("code", &a_code), ("share", "yes")]).await;
    assert!(res.status().is_redirection(), "back to the partner's page: {}", res.status());
    let csv = |u: &app::entities::user::Model, id: i32| {
        let (email, slug) = (u.email.clone(), e.slug.clone());
        let app = &app;
        async move {
            let c = client();
            sign_in(&c, app, &email, PASSWORD).await;
            get_text(&c, app, &format!("/events/{slug}/partner/{id}/contacts.csv")).await
        }
    };
    let (status, body) = csv(&a_user, a).await;
    assert_eq!(status, 200);
    assert!(body.contains("attendee@example.org"), "{body}");
    let (_, body) = csv(&b_user, b).await;
    assert!(!body.contains("attendee@example.org"), "partner B never sees it: {body}");
    post_without_js(&attendee, &app, "partners/share", &page, &[("slug", &e.slug), ("code", &a_code), ("share", "no")]).await;
    let (_, body) = csv(&a_user, a).await;
    assert!(!body.contains("attendee@example.org"), "withdrawn: {body}");
    app.stop().await;
});

db_test!(hostile_logos_are_refused_with_a_message_and_nothing_is_stored, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "logos", 5, 2).await;
    let (u, id) = signed_applicant(&app, &e, &tier, 1, PASSWORD).await;
    decide(&app.state, &e, id, Decision::Accept, None, Utc::now()).await.unwrap();
    let c = client();
    sign_in(&c, &app, &u.email, PASSWORD).await;
    let upload = |bytes: Vec<u8>, name: &'static str| {
        let c = c.clone();
        let url = app.url(&format!("/events/{}/partner/{id}/logo", e.slug));
        let origin = app.base_url.clone();
        async move {
            let part = reqwest::multipart::Part::bytes(bytes).file_name(name);
            let form = reqwest::multipart::Form::new().text("variant", "light").part("logo", part);
            let res = c.post(url).header("Origin", origin).multipart(form).send().await.unwrap();
            estrade_tests::http::location(&res)
        }
    };
    for (bytes, code) in [
        (br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>"#.to_vec(), "unsafe_svg"),
        (br#"<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>"#.to_vec(), "unsafe_svg"),
        (b"%PDF-1.4 not an image".to_vec(), "not_image"),
        (vec![b'<'; 600 * 1024], "too_big"),
    ] {
        let to = upload(bytes, "logo.svg").await;
        assert!(to.ends_with(&format!("logo_error={code}#logo")), "{to}");
    }
    let stored = partner::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap();
    assert!(stored.logo_file.is_empty(), "nothing stored");
    let to =
        upload(br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>"#.to_vec(), "logo.svg")
            .await;
    assert!(to.ends_with("logo=saved#logo"), "{to}");
    let stored = partner::Entity::find_by_id(id).one(&app.state.db).await.unwrap().unwrap();
    let res = client().get(app.url(&format!("/media/logos/{}", stored.logo_file))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let csp = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(csp.contains("sandbox") && csp.contains("default-src 'none'"), "{csp}");
    let logo = format!("/media/logos/{}", stored.logo_file);
    let (_, home) = get_text(&client(), &app, &format!("/events/{}", e.slug)).await;
    assert!(!home.contains(&logo), "not on the home page while the tier does not give it");
    let mut form = estrade_tests::partners::tier_form("Silver", 5, 2);
    form.logo_home = Some("on".into());
    app::partners::tiers::save(&app.state.db, &e, Some(tier.id), &form, Utc::now()).await.unwrap();
    let (_, home) = get_text(&client(), &app, &format!("/events/{}", e.slug)).await;
    assert!(home.contains(&logo) && home.contains("alt=\"Company 1\""), "the home page shows the logo by tier");
    app.stop().await;
});

db_test!(the_village_reads_without_javascript_and_finds_a_partner_by_topic, |backend: Backend| async move {
    use domain::partners::application::ProfileForm;
    use domain::partners::booths::BoothForm;
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "village", 5, 2).await;
    let (u, a) = applicant(&app, &e, &tier, 1).await;
    let (_, b) = applicant(&app, &e, &tier, 2).await;
    let (_, pending) = applicant(&app, &e, &tier, 3).await;
    for id in [a, b] {
        decide(&app.state, &e, id, Decision::Accept, None, Utc::now()).await.unwrap();
    }
    let access = app::partners::access::partner_access_as(&app.state.db, e.clone(), u, a).await.unwrap();
    let profile =
        ProfileForm { description: "We run </title><script>alert(1)</script> eBPF in production.".into(), ..ProfileForm::default() };
    app::partners::space::save_profile(&app.state.db, &access, &profile, Utc::now()).await.unwrap();
    let booth = BoothForm { number: "A1".into(), x: "1".into(), y: "1".into(), w: "3".into(), h: "2".into() };
    app::partners::booths::save_booth(&app.state.db, &e, None, &booth, Utc::now()).await.unwrap();
    let booth_id = app::partners::booths::booths_of(&app.state.db, e.id).await.unwrap()[0].id;
    app::partners::booths::assign(&app.state.db, &e, booth_id, Some(a)).await.unwrap();
    let two = app::partners::booths::assign(&app.state.db, &e, booth_id, Some(b)).await.unwrap_err();
    assert!(two.field_message("partner").is_some_and(|m| m.contains("Company 1")), "one partner per booth: {two:?}");
    let c = client();
    let (status, html) = get_text(&c, &app, &format!("/events/{}/village", e.slug)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Company 1") && html.contains("Company 2"), "accepted partners are listed");
    assert!(!html.contains("Company 3"), "a pending application is not ({pending})");
    assert!(!html.contains(".wasm") && html.contains("/agenda.js"), "served without the app's wasm");
    assert!(html.contains("<svg") && html.contains("aria-label"), "the map is there, named");
    assert!(!html.contains("<script>alert(1)"), "the description is sanitised");
    let (_, found) = get_text(&c, &app, &format!("/events/{}/village?q=ebpf", e.slug)).await;
    assert!(found.contains("Company 1") && !found.contains(">Company 2<"), "the search finds by topic");
    app.stop().await;
});

db_test!(a_contact_proposes_a_talk_through_the_cfp_and_reviewers_never_see_the_partner, |backend: Backend| async move {
    use app::entities::proposal;
    use estrade_tests::selection::{conf, PASSWORD as SEL_PASSWORD, SLUG};
    let c = conf(backend, estrade_tests::Setup::default()).await;
    let app = &c.app;
    let db = &app.state.db;
    let e = app::events::service::by_slug(db, SLUG).await.unwrap();
    let mut form = estrade_tests::partners::tier_form("Gold", 2, 2);
    form.talks_allowed = Some("on".into());
    app::partners::tiers::save(db, &e, None, &form, Utc::now()).await.unwrap();
    let tier = app::partners::tiers::tiers_of(db, e.id).await.unwrap().remove(0);
    let (pat, id) = signed_applicant(app, &e, &tier, 7, SEL_PASSWORD).await;
    decide(&app.state, &e, id, Decision::Accept, None, Utc::now()).await.unwrap();
    let me = client();
    sign_in(&me, app, &pat.email, SEL_PASSWORD).await;
    let talk = |ack: bool| {
        let mut f = vec![
            ("slug", SLUG.to_string()),
            ("partner", id.to_string()),
            ("form_key", "partner-talk-key-1".to_string()),
            ("title", "Mesh outages we learned from".to_string()),
            ("summary", estrade_tests::cfp::ABSTRACT.to_string()),
            ("level", "intermediate".to_string()),
            ("language", "en".to_string()),
            ("format_id", c.formats[1].to_string()),
            ("track_id", c.track.to_string()),
        ];
        if ack {
            f.push(("pitch_rule", "on".to_string()));
        }
        f.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Vec<_>>()
    };
    let refused = estrade_tests::cfp::send(&me, app, "partners/propose", &talk(false)).await;
    assert_eq!(refused.status(), 422, "the rule must be acknowledged");
    let count = || async { proposal::Entity::find().filter(proposal::Column::PartnerId.eq(id)).count(db).await.unwrap() };
    assert_eq!(count().await, 0, "nothing written");
    assert_eq!(estrade_tests::cfp::send(&me, app, "partners/propose", &talk(true)).await.status(), 200);
    let p = proposal::Entity::find().filter(proposal::Column::PartnerId.eq(id)).one(db).await.unwrap().expect("a partner proposal");
    assert_eq!(p.state, "submitted", "submitted through the CFP");
    assert!(p.pitch_rule_accepted_at.is_some());

    // Organisers see the partner; reviewers (anonymous review) see neither it nor its name.
    let (status, body) = estrade_tests::selection::json_of(&c.org, app, "organizer/proposal", &[("slug", SLUG), ("code", &p.code)]).await;
    assert_eq!(status, 200);
    assert!(body.contains("Company 7"), "organisers see the partner: {body}");
    app.create_user("rita@example.org", "Rita Reviewer", SEL_PASSWORD, false).await;
    app.grant("rita@example.org", e.id, "reviewer").await;
    let rita = client();
    sign_in(&rita, app, "rita@example.org", SEL_PASSWORD).await;
    let (status, queue) =
        estrade_tests::selection::json_of(&rita, app, "review/queue", &[("slug", SLUG), ("format", ""), ("track", "")]).await;
    assert_eq!(status, 200);
    assert!(queue.contains("Mesh outages we learned from"), "the reviewer has it to review: {queue}");
    let code = p.review_code.clone().unwrap();
    let (status, subject) = estrade_tests::selection::json_of(&rita, app, "review/subject", &[("slug", SLUG), ("code", &code)]).await;
    assert_eq!(status, 200);
    for hidden in ["Company 7", "partner", "Partner"] {
        assert!(!queue.contains(hidden) && !subject.contains(hidden), "{hidden} leaks to a reviewer: {subject}");
    }
});

db_test!(a_floor_plan_is_checked_like_a_logo_and_drawn_under_the_booths, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (e, _) = event_with_tier(&app, "plan", 5, 2).await;
    app.create_user("olga@example.org", "Olga", PASSWORD, false).await;
    app.grant("olga@example.org", e.id, "organizer").await;
    let c = client();
    sign_in(&c, &app, "olga@example.org", PASSWORD).await;
    let upload = |bytes: Vec<u8>| {
        let (c, url, origin) = (c.clone(), app.url(&format!("/admin/events/{}/village/plan", e.slug)), app.base_url.clone());
        async move {
            let form = reqwest::multipart::Form::new().part("plan", reqwest::multipart::Part::bytes(bytes).file_name("plan.svg"));
            let res = c.post(url).header("Origin", origin).multipart(form).send().await.unwrap();
            estrade_tests::http::location(&res)
        }
    };
    let to = upload(br#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.to_vec()).await;
    assert!(to.ends_with("plan_error=unsafe_svg#plan"), "{to}");
    assert!(app::partners::booths::village_of(&app.state.db, &e).await.unwrap().is_none(), "nothing stored");
    let to = upload(
        br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20"><rect width="30" height="20" fill="#eee"/></svg>"##.to_vec(),
    )
    .await;
    assert!(to.ends_with("plan=saved#plan"), "{to}");
    let (_, html) = get_text(&client(), &app, &format!("/events/{}/village", e.slug)).await;
    assert!(html.contains("<image href=\"/media/logos/plan-"), "the plan is drawn on the attendees' map");
    let (status, _) = get_text(&client(), &app, &format!("/admin/events/{}/village", e.slug)).await;
    assert_ne!(status, 500);
    app.stop().await;
});

db_test!(a_missing_item_is_reminded_once_in_the_week_before_its_deadline, |backend: Backend| async move {
    use app::entities::{mail_outbox, partner_reminder};
    use app::partners::views::VillageSettingsForm;
    let app = TestApp::start(backend).await;
    let (e, tier) = event_with_tier(&app, "reminders", 5, 2).await;
    let (u, id) = applicant(&app, &e, &tier, 1).await;
    decide(&app.state, &e, id, Decision::Accept, None, Utc::now()).await.unwrap();
    let today = Utc::now().with_timezone(&chrono_tz::Europe::Paris).date_naive();
    let settings = VillageSettingsForm {
        width: "30".into(),
        height: "20".into(),
        logo_due: (today + chrono::Duration::days(3)).to_string(),
        description_due: (today + chrono::Duration::days(30)).to_string(),
        ..VillageSettingsForm::default()
    };
    app::partners::booths::save_settings(&app.state.db, &e, &settings, Utc::now()).await.unwrap();
    let mails_to = || async {
        mail_outbox::Entity::find()
            .filter(mail_outbox::Column::ToAddr.eq(u.email.clone()))
            .all(&app.state.db)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.subject.contains("Logo"))
            .count()
    };
    let mut sweeps = tokio::task::JoinSet::new();
    for _ in 0..4 {
        let state = app.state.clone();
        sweeps.spawn(async move { app::partners::reminders::queue_due(&state, Utc::now()).await.unwrap() });
    }
    // The server's own mail worker sweeps too (every second): together, one mail is queued.
    let queued: usize = sweeps.join_all().await.into_iter().sum();
    assert!(queued <= 1, "{queued} queued by four sweeps at once");
    assert_eq!(mails_to().await, 1, "one mail to the contact: the logo is due in 3 days; the description in 30 is not");
    app::partners::reminders::queue_due(&app.state, Utc::now()).await.unwrap();
    assert_eq!(mails_to().await, 1, "never twice");
    let rows = partner_reminder::Entity::find().filter(partner_reminder::Column::PartnerId.eq(id)).count(&app.state.db).await.unwrap();
    assert_eq!(rows, 1);
    app.stop().await;
});
