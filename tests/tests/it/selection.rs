//! Selection, on SQLite and PostgreSQL: decisions stay invisible until published, publishing mails
//! each decision once (also when SMTP is down for a while), confirmation links work once and say
//! when the deadline passed, a decline leads to a promotion, only organisers reach selection, and
//! anonymity cannot be lifted while reviews are open.
use std::time::Duration;

use app::entities::mail_outbox;
use chrono::{TimeZone, Utc};
use estrade_tests::cfp::{code_of, event_with_cfp};
use estrade_tests::http::{call, client, sign_in};
use estrade_tests::selection::{conf, is_decision, json_of, token_in, PASSWORD, SLUG};
use estrade_tests::{db_test, Backend, Setup, SmtpSink, TestApp};
use sea_orm::EntityTrait;
use serde_json::Value;

const WAIT: Duration = Duration::from_secs(30);

db_test!(decisions_stay_invisible_until_published_and_each_is_mailed_once, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let f = c.formats[0];
    let (ada, ada_code) = c.submit("ada@example.org", "Ada Speaker", "Talk alpha", f).await;
    let (_, ben_code) = c.submit("ben@example.org", "Ben Speaker", "Talk beta", f).await;
    let (cy, cy_code) = c.submit("cy@example.org", "Cy Speaker", "Talk gamma", f).await;
    c.app.create_user("rita@example.org", "Rita Reviewer", PASSWORD, false).await;
    c.app.grant("rita@example.org", c.event, "reviewer").await;
    let rev = client();
    sign_in(&rev, &c.app, "rita@example.org", PASSWORD).await;
    let ada_review = estrade_tests::review::review_code_of(&c.app, &ada_code).await;
    let scored =
        call(&rev, &c.app, "review/save", &[("slug", SLUG), ("code", &ada_review), ("score", "4"), ("comment", "SECRET-TEAM-COMMENT")])
            .await;
    assert_eq!(scored.status(), 200);
    assert_eq!(c.settings(true, "").await.status(), 200);

    assert_eq!(c.decide(&ada_code, "accepted", "", "").await.status(), 200);
    assert_eq!(c.decide(&ben_code, "waitlisted", "", "").await.status(), 200);
    assert_eq!(c.decide(&cy_code, "rejected", "", "Too close to another talk this year.").await.status(), 200);
    let bad = c.decide(&cy_code, "maybe", "", "").await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains(&format!("d-{cy_code}-decision")), "the error names the row's field");

    let d = c.deliberation().await;
    assert_eq!(d["pending"], 3);
    let ada_row = d["rows"].as_array().unwrap().iter().find(|r| r["code"] == ada_code.as_str()).unwrap().clone();
    assert_eq!(ada_row["mean"], "4.0");
    assert_eq!(ada_row["scores"][0]["comment"], "SECRET-TEAM-COMMENT");
    assert!(ada_row["speakers"].is_null(), "anonymous mode hides speakers from organisers' table too");

    // Pending: speakers see nothing, and no mail left.
    for (speaker, code) in [(&ada, &ada_code), (&cy, &cy_code)] {
        let (status, mine) = json_of(speaker, &c.app, "cfp/mine", &[]).await;
        assert_eq!(status, 200);
        let (_, one) = json_of(speaker, &c.app, "cfp/proposal", &[("code", code)]).await;
        for body in [&mine, &one] {
            assert!(body.contains("\"status_label\":\"Submitted\""), "{body}");
            for secret in ["Accepted", "Not selected", "Too close", "SECRET-TEAM-COMMENT", "\"score", "\"mean"] {
                assert!(!body.contains(secret), "{secret} leaked to a speaker: {body}");
            }
        }
    }
    assert!(c.decision_mails().await.is_empty());

    // A double click on Publish: both answer, together they publish each decision once.
    let (first, second) = tokio::join!(c.org_call("publish", &[]), c.org_call("publish", &[]));
    assert_eq!((first.status().as_u16(), second.status().as_u16()), (200, 200));
    let count = |t: String| t.parse::<u32>().unwrap_or_else(|_| panic!("a count: {t}"));
    assert_eq!(count(first.text().await.unwrap()) + count(second.text().await.unwrap()), 3);
    let mails = c.decision_mails().await;
    assert_eq!(mails.len(), 3, "one mail per speaker and decision");
    let to = |addr: &str| mails.iter().find(|m| m.to_addr == addr).unwrap_or_else(|| panic!("a mail to {addr}"));
    assert_eq!(to("ada@example.org").subject, "Your talk “Talk alpha” is accepted at Event sel-conf");
    assert!(to("ada@example.org").body_text.contains("Wednesday 15 January 2031, 11:00 pm (Europe/Paris)"));
    assert!(to("ada@example.org").body_text.contains(&c.app.url("/confirm/")));
    assert!(to("ben@example.org").subject.contains("waiting list"));
    assert!(to("cy@example.org").body_text.contains("Too close to another talk this year."));
    assert!(!to("ben@example.org").body_text.contains("Too close"));

    let (_, mine) = json_of(&ada, &c.app, "cfp/mine", &[]).await;
    let mine: Value = serde_json::from_str(&mine).unwrap();
    assert_eq!(mine[0]["selection"]["status_label"], "Accepted — please confirm");
    assert_eq!(mine[0]["selection"]["awaiting_answer"], true);
    let (_, one) = json_of(&cy, &c.app, "cfp/proposal", &[("code", &cy_code)]).await;
    assert!(one.contains("\"status_label\":\"Not selected\""));
    assert!(!one.contains("SECRET-TEAM-COMMENT") && !one.contains("\"mean"));

    // Publishing again sends nothing; a changed decision sends exactly its own mail.
    let again = c.org_call("publish", &[]).await;
    assert_eq!(again.text().await.unwrap(), "0");
    assert_eq!(c.decision_mails().await.len(), 3);
    assert_eq!(c.decide(&cy_code, "waitlisted", "1", "").await.status(), 200);
    assert_eq!(c.org_call("publish", &[]).await.text().await.unwrap(), "1");
    let mails = c.decision_mails().await;
    assert_eq!(mails.len(), 4);
    assert_eq!(mails[3].to_addr, "cy@example.org");
    assert!(mails[3].subject.contains("waiting list"));

    let log: Value = c.org_call("log", &[]).await.json().await.unwrap();
    let actions: Vec<&str> = log["lines"].as_array().unwrap().iter().map(|l| l["action"].as_str().unwrap()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "Decision").count(), 4);
    assert!(actions.contains(&"Published") && actions.contains(&"Settings changed"));
    assert_eq!(log["lines"][0]["who"], "Olga Organiser", "newest first");
    c.app.stop().await;
});

db_test!(only_organisers_reach_selection, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let (speaker, code) = c.submit("sam@example.org", "Sam Speaker", "A talk", c.formats[0]).await;
    c.app.create_user("rex@example.org", "Rex Reviewer", PASSWORD, false).await;
    c.app.grant("rex@example.org", c.event, "reviewer").await;
    let rev = client();
    sign_in(&rev, &c.app, "rex@example.org", PASSWORD).await;
    let (other_event, _, _) = event_with_cfp(&c.app, "other-conf", Utc::now() + chrono::Duration::days(30)).await;
    c.app.create_user("otto@example.org", "Otto Other", PASSWORD, false).await;
    c.app.grant("otto@example.org", other_event, "organizer").await;
    let other_org = client();
    sign_in(&other_org, &c.app, "otto@example.org", PASSWORD).await;
    let f = c.formats[0].to_string();
    let endpoints: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("settings", vec![]),
        ("save_settings", vec![("reviews_close_at", ""), ("confirm_by", "")]),
        ("close_reviews", vec![]),
        ("reopen_reviews", vec![]),
        ("save_slots", vec![("format_id", &f), ("slots", "3")]),
        ("save_template", vec![("decision", "accepted"), ("subject", "Hi"), ("body", "Hello")]),
        ("reset_template", vec![("decision", "accepted")]),
        ("deliberation", vec![("format", ""), ("track", ""), ("level", ""), ("language", ""), ("sort", "")]),
        ("decide", vec![("code", &code), ("decision", "accepted"), ("waitlist_rank", ""), ("feedback", "")]),
        ("publish", vec![]),
        ("promote", vec![("code", &code)]),
        ("log", vec![]),
    ];
    for (endpoint, form) in &endpoints {
        let mut form = form.clone();
        form.insert(0, ("slug", SLUG));
        let path = format!("selection/{endpoint}");
        for (who, client, expected) in
            [("reviewer", &rev, 403), ("speaker", &speaker, 403), ("other organiser", &other_org, 403), ("nobody", &client(), 401)]
        {
            let status = call(client, &c.app, &path, &form).await.status().as_u16();
            assert_eq!(status, expected, "{who} on {endpoint}");
        }
    }
    for page in ["/admin/events/sel-conf/selection", "/admin/events/sel-conf/selection/settings", "/admin/events/sel-conf/selection/log"] {
        assert_eq!(rev.get(c.app.url(page)).send().await.unwrap().status(), 403, "{page}");
    }
    // Nothing was written by all this.
    assert!(app::entities::decision::Entity::find().all(&c.app.state.db).await.unwrap().is_empty());
    assert!(app::entities::selection_log::Entity::find().all(&c.app.state.db).await.unwrap().is_empty());
    // A speaker cannot answer for someone else's proposal.
    let res = call(&rev, &c.app, "selection/answer_mine", &[("code", &code), ("answer", "confirm")]).await;
    assert_eq!(res.status(), 404);
    c.app.stop().await;
});

db_test!(a_confirmation_link_works_once_and_says_when_the_deadline_passed, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let (_, a) = c.submit("ana@example.org", "Ana", "First accepted", c.formats[0]).await;
    let (bea, b) = c.submit("bea@example.org", "Bea", "Second accepted", c.formats[0]).await;
    let refused = c.decide(&a, "accepted", "", "").await;
    assert_eq!(refused.status(), 200);
    c.decide(&b, "accepted", "", "").await;
    let no_deadline = c.org_call("publish", &[]).await;
    assert_eq!(no_deadline.status(), 409, "acceptances need a confirmation deadline");
    assert!(no_deadline.text().await.unwrap().contains("confirmation deadline"));
    assert_eq!(c.settings(true, "").await.status(), 200);
    assert_eq!(c.org_call("publish", &[]).await.status(), 200);
    let mails = c.decision_mails().await;
    let token_of = |addr: &str| token_in(&mails.iter().find(|m| m.to_addr == addr).unwrap().body_text);
    let (ta, tb) = (token_of("ana@example.org"), token_of("bea@example.org"));
    assert_eq!(ta.len(), 64);

    let anon = client();
    let (status, view) = json_of(&anon, &c.app, "selection/confirmation", &[("token", &ta)]).await;
    assert_eq!(status, 200, "works signed out");
    assert!(view.contains("\"state\":\"Open\"") && view.contains("First accepted"), "{view}");
    let page = anon.get(c.app.url(&format!("/confirm/{ta}"))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Confirm: I will give this talk"));

    assert_eq!(call(&anon, &c.app, "selection/answer", &[("token", &ta), ("answer", "confirm")]).await.status(), 200);
    for answer in ["confirm", "decline"] {
        let again = call(&anon, &c.app, "selection/answer", &[("token", &ta), ("answer", answer)]).await;
        assert_eq!(again.status(), 409);
        assert!(again.text().await.unwrap().contains("already answered"));
    }
    let (_, view) = json_of(&anon, &c.app, "selection/confirmation", &[("token", &ta)]).await;
    assert!(view.contains("\"state\":\"Answered\"") && view.contains("confirmed on"), "{view}");
    let page = anon.get(c.app.url(&format!("/confirm/{ta}"))).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("already answered"));

    // At the deadline (22:00 UTC), to the second: refused with the reason, never a server error.
    c.app.state.clock.set(Some(Utc.with_ymd_and_hms(2031, 1, 15, 22, 0, 0).unwrap()));
    // Sessions follow the clock too: years later, Bea and the organiser sign in again.
    sign_in(&bea, &c.app, "bea@example.org", PASSWORD).await;
    sign_in(&c.org, &c.app, "olga@example.org", PASSWORD).await;
    let late = call(&anon, &c.app, "selection/answer", &[("token", &tb), ("answer", "confirm")]).await;
    assert_eq!(late.status(), 409);
    assert!(late.text().await.unwrap().contains("deadline to confirm passed on Wednesday 15 January 2031, 11:00 pm Europe/Paris"));
    let late_mine = call(&bea, &c.app, "selection/answer_mine", &[("code", &b), ("answer", "confirm")]).await;
    assert_eq!(late_mine.status(), 409);
    let page = anon.get(c.app.url(&format!("/confirm/{tb}"))).send().await.unwrap();
    assert_eq!(page.status(), 410);
    assert!(page.text().await.unwrap().contains("deadline to confirm passed"));
    let (_, mine) = json_of(&bea, &c.app, "cfp/mine", &[]).await;
    assert!(mine.contains("\"awaiting_answer\":false") && mine.contains("deadline to confirm passed"), "{mine}");

    let unknown = call(&anon, &c.app, "selection/answer", &[("token", &"0".repeat(64)), ("answer", "confirm")]).await;
    assert_eq!(unknown.status(), 404);
    assert_eq!(anon.get(c.app.url("/confirm/nope")).send().await.unwrap().status(), 404);
    let d = c.deliberation().await;
    let responses: Vec<&str> = d["rows"].as_array().unwrap().iter().map(|r| r["response_label"].as_str().unwrap()).collect();
    assert!(responses.contains(&"Confirmed") && responses.contains(&""));
    c.app.stop().await;
});

db_test!(a_decline_suggests_the_next_waitlisted_and_promotion_mails_its_speaker, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    let (f, other) = (c.formats[0], c.formats[1]);
    let (dan, declining) = c.submit("dan@example.org", "Dan", "Declined later", f).await;
    let (_, second) = c.submit("eve@example.org", "Eve", "Second on the list", f).await;
    let (fay, first) = c.submit("fay@example.org", "Fay", "First on the list", f).await;
    let (_, elsewhere) = c.submit("gus@example.org", "Gus", "Other format", other).await;
    assert_eq!(c.settings(true, "").await.status(), 200);
    assert_eq!(c.org_call("save_slots", &[("format_id", &f.to_string()), ("slots", "1")]).await.status(), 200);
    c.decide(&declining, "accepted", "", "").await;
    c.decide(&second, "waitlisted", "2", "").await;
    c.decide(&first, "waitlisted", "1", "").await;
    c.decide(&elsewhere, "waitlisted", "", "").await;
    assert_eq!(c.org_call("publish", &[]).await.text().await.unwrap(), "4");
    assert!(c.deliberation().await["suggestions"].as_array().unwrap().is_empty());

    // The speaker declines from their own proposal page.
    let res = call(&dan, &c.app, "selection/answer_mine", &[("code", &declining), ("answer", "decline")]).await;
    assert_eq!(res.status(), 200);
    let d = c.deliberation().await;
    assert_eq!(d["suggestions"].as_array().unwrap().len(), 1);
    assert_eq!(d["suggestions"][0]["declined_title"], "Declined later");
    assert_eq!(d["suggestions"][0]["candidate_code"], first.as_str(), "best rank of the same format");
    let slots: Vec<&str> = d["slots"].as_array().unwrap().iter().map(|s| s["format"].as_str().unwrap()).collect();
    assert!(!slots.is_empty());
    assert_eq!(d["slots"][0]["accepted"], 0, "a decline frees the slot");

    let before = c.decision_mails().await.len();
    assert_eq!(c.org_call("promote", &[("code", &first)]).await.status(), 200);
    let mails = c.decision_mails().await;
    assert_eq!(mails.len(), before + 1, "only the promoted speaker is mailed");
    let promoted = mails.last().unwrap();
    assert_eq!(promoted.to_addr, "fay@example.org");
    assert!(promoted.subject.contains("is accepted"));
    assert_eq!(token_in(&promoted.body_text).len(), 64);
    let d = c.deliberation().await;
    assert!(d["suggestions"].as_array().unwrap().is_empty(), "the freed slot is filled");
    assert_eq!(d["slots"][0]["accepted"], 1);
    assert_eq!(d["pending"], 0);
    let (_, mine) = json_of(&fay, &c.app, "cfp/mine", &[]).await;
    assert!(mine.contains("Accepted — please confirm"), "{mine}");
    for path in ["/proposals".to_string(), format!("/proposals/{first}")] {
        let html = fay.get(c.app.url(&path)).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("Accepted — please confirm") && html.contains("Confirm: I will give this talk"), "{path}");
    }
    let twice = c.org_call("promote", &[("code", &first)]).await;
    assert_eq!(twice.status(), 409);

    // The promoted speaker can answer with the mailed link.
    let token = token_in(&promoted.body_text);
    assert_eq!(call(&client(), &c.app, "selection/answer", &[("token", &token), ("answer", "confirm")]).await.status(), 200);
    let log: Value = c.org_call("log", &[]).await.json().await.unwrap();
    let lines = log["lines"].as_array().unwrap();
    assert_eq!(lines[0]["who"], "A speaker (mailed link)");
    assert!(lines.iter().any(|l| l["action"] == "Promoted" && l["proposal"] == "First on the list"));
    assert!(lines.iter().any(|l| l["action"] == "Declined" && l["who"] == "A speaker"), "speakers stay unnamed while anonymous");
    c.app.stop().await;
});

db_test!(decisions_published_while_smtp_is_down_are_delivered_once_after, |backend: Backend| async move {
    let port = SmtpSink::free_port();
    let c = conf(backend, Setup { smtp_port: Some(port), ..Default::default() }).await;
    let f = c.formats[0];
    let (_, a) = c.submit("hal@example.org", "Hal", "Talk one", f).await;
    let (_, b) = c.submit("ida@example.org", "Ida", "Talk two", f).await;
    let (_, d) = c.submit("jon@example.org", "Jon", "Talk three", f).await;
    assert_eq!(c.settings(true, "").await.status(), 200);
    c.decide(&a, "accepted", "", "").await;
    c.decide(&b, "waitlisted", "", "").await;
    c.decide(&d, "rejected", "", "").await;
    assert_eq!(c.org_call("publish", &[]).await.text().await.unwrap(), "3");

    let db = c.app.state.db.clone();
    TestApp::eventually("a failed attempt for every decision mail", WAIT, || {
        let db = db.clone();
        async move {
            let rows = mail_outbox::Entity::find().all(&db).await.unwrap();
            let decisions: Vec<_> = rows.iter().filter(|m| is_decision(&m.subject)).collect();
            decisions.len() == 3 && decisions.iter().all(|m| m.attempts >= 1 && m.status == "pending" && m.last_error.is_some())
        }
    })
    .await;

    let sink = SmtpSink::start_on(port);
    let db = c.app.state.db.clone();
    TestApp::eventually("every mail sent once SMTP is back", WAIT, || {
        let db = db.clone();
        async move { mail_outbox::Entity::find().all(&db).await.unwrap().iter().all(|m| m.status == "sent") }
    })
    .await;
    let received: Vec<_> = sink.mails().into_iter().filter(|m| is_decision(&m.subject)).collect();
    let mut to: Vec<&str> = received.iter().map(|m| m.to.as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, ["hal@example.org", "ida@example.org", "jon@example.org"], "each decision delivered once");
    assert!(received.iter().any(|m| m.text.contains(&c.app.url("/confirm/"))));
    assert_eq!(c.org_call("publish", &[]).await.text().await.unwrap(), "0");
    c.app.stop().await;
});

db_test!(anonymity_stays_on_while_reviews_are_open, |backend: Backend| async move {
    let c = conf(backend, Setup::default()).await;
    c.submit("kay@example.org", "Kay Named", "A named talk", c.formats[0]).await;
    let refused = c.settings(false, "").await;
    assert_eq!(refused.status(), 409);
    assert!(refused.text().await.unwrap().contains("Close reviews first"));
    let s: Value = c.org_call("settings", &[]).await.json().await.unwrap();
    assert_eq!(s["anonymous"], true, "nothing saved");
    assert_eq!(s["confirm_by"], "", "not even the other fields");
    assert!(c.deliberation().await["rows"][0]["speakers"].is_null());

    let bad = c.settings(true, "next friday").await;
    assert_eq!(bad.status(), 422);
    assert!(bad.text().await.unwrap().contains("reviews_close_at"));

    assert_eq!(c.org_call("close_reviews", &[]).await.status(), 200);
    let s: Value = c.org_call("settings", &[]).await.json().await.unwrap();
    assert_eq!((s["reviews_open"].as_bool(), s["closed_by_hand"].as_bool()), (Some(false), Some(true)));
    assert_eq!(c.settings(false, "").await.status(), 200);
    assert_eq!(c.deliberation().await["rows"][0]["speakers"][0], "Kay Named");
    let reopen = c.org_call("reopen_reviews", &[]).await;
    assert_eq!(reopen.status(), 409, "reviews cannot reopen with names visible");
    assert_eq!(c.settings(true, "").await.status(), 200);
    assert_eq!(c.org_call("reopen_reviews", &[]).await.status(), 200);
    assert_eq!(c.org_call("settings", &[]).await.json::<Value>().await.unwrap()["reviews_open"], true);

    // Mail wording: checked placeholders, saved, then back to the built-in text.
    let typo = c.org_call("save_template", &[("decision", "accepted"), ("subject", "Hello {name}"), ("body", "Body {title}")]).await;
    assert_eq!(typo.status(), 422);
    assert!(typo.text().await.unwrap().contains("template-accepted-en-subject"));
    let own = [("decision", "rejected"), ("subject", "{event}: about {title}"), ("body", "Dear {speaker}, no. {feedback}")];
    assert_eq!(c.org_call("save_template", &own).await.status(), 200);
    assert_eq!(c.org_call("save_template", &own).await.status(), 200, "saving twice updates");
    let s: Value = c.org_call("settings", &[]).await.json().await.unwrap();
    let rejected = s["templates"].as_array().unwrap().iter().find(|t| t["decision"] == "rejected").unwrap().clone();
    assert_eq!((rejected["custom"].as_bool(), rejected["subject"].as_str()), (Some(true), Some("{event}: about {title}")));
    assert_eq!(c.org_call("reset_template", &[("decision", "rejected")]).await.status(), 200);
    let s: Value = c.org_call("settings", &[]).await.json().await.unwrap();
    assert!(s["templates"].as_array().unwrap().iter().all(|t| t["custom"] == false));
    assert_eq!(c.org_call("save_slots", &[("format_id", &c.formats[0].to_string()), ("slots", "-2")]).await.status(), 422);

    // Without JavaScript: a plain form post is redirected back to the table, filters kept.
    let code = code_of(&c.app, "A named talk").await;
    let plain = c
        .org
        .post(c.app.url("/api/selection/decide"))
        .header("Origin", &c.app.base_url)
        .header("Accept", "text/html,application/xhtml+xml")
        .form(&[
            ("slug", SLUG),
            ("code", &code),
            ("decision", "rejected"),
            ("waitlist_rank", ""),
            ("feedback", ""),
            ("view", "sort=title&x=<b>"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(plain.status().as_u16() / 100, 3);
    let to = plain.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(to, format!("/admin/events/{SLUG}/selection?sort=title&decided=1#p-{code}"));
    for (page, text) in [("selection", "Publish decisions"), ("selection/settings", "Decision mails"), ("selection/log", "Audit trail")] {
        let res = c.org.get(c.app.url(&format!("/admin/events/{SLUG}/{page}?sort=title"))).send().await.unwrap();
        assert_eq!(res.status(), 200, "{page}");
        let html = res.text().await.unwrap();
        assert!(html.contains(text) && !html.contains("Something went wrong"), "{page}");
    }

    let log: Value = c.org_call("log", &[]).await.json().await.unwrap();
    let actions: Vec<&str> = log["lines"].as_array().unwrap().iter().map(|l| l["action"].as_str().unwrap()).collect();
    for expected in ["Reviews closed", "Reviews reopened", "Settings changed", "Mail wording"] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    c.app.stop().await;
});

db_test!(each_speaker_gets_the_decision_mail_in_their_language, |backend: Backend| async move {
    use app::entities::mail_outbox;
    let c = conf(backend, Setup::default()).await;
    let f = c.formats[0];
    let (ada, ada_code) = c.submit("ada@example.org", "Ada Speaker", "Talk alpha", f).await;
    let (_, ben_code) = c.submit("ben@example.org", "Ben Speaker", "Talk beta", f).await;
    let (cy, cy_code) = c.submit("cy@example.org", "Cy Speaker", "Talk gamma", f).await;
    for (speaker, name) in [(&ada, "Ada Speaker"), (&cy, "Cy Speaker")] {
        let res = call(speaker, &c.app, "auth/profile", &[("display_name", name), ("language", "fr")]).await;
        assert!(res.status().is_success(), "{}", res.status());
    }
    // The organisers' own French wording of the rejection; the English one stays built in.
    let own = [
        ("decision", "rejected"),
        ("language", "fr"),
        ("subject", "{event} : « {title} »"),
        ("body", "Bonjour {speaker}, désolés. {feedback}"),
    ];
    assert_eq!(c.org_call("save_template", &own).await.status(), 200);
    let s: Value = c.org_call("settings", &[]).await.json().await.unwrap();
    let templates = s["templates"].as_array().unwrap();
    assert_eq!(templates.len(), 6, "three decisions in two languages");
    let rejected_fr = templates.iter().find(|t| t["decision"] == "rejected" && t["language"] == "fr").unwrap();
    assert_eq!(rejected_fr["custom"], true);
    let accepted_fr = templates.iter().find(|t| t["decision"] == "accepted" && t["language"] == "fr").unwrap();
    assert!(accepted_fr["body"].as_str().unwrap().starts_with("Bonjour {speaker}"), "the built-in French wording");

    assert_eq!(c.settings(true, "").await.status(), 200);
    assert_eq!(c.decide(&ada_code, "accepted", "", "").await.status(), 200);
    assert_eq!(c.decide(&ben_code, "accepted", "", "").await.status(), 200);
    assert_eq!(c.decide(&cy_code, "rejected", "", "Trop proche d’un autre talk.").await.status(), 200);
    assert_eq!(c.org_call("publish", &[]).await.text().await.unwrap(), "3");

    let mails = mail_outbox::Entity::find().all(&c.app.state.db).await.unwrap();
    let to = |addr: &str| {
        let mut m: Vec<_> = mails.iter().filter(|m| m.to_addr == addr && m.subject.contains("Event sel-conf")).collect();
        m.pop().unwrap_or_else(|| panic!("a decision mail to {addr}"))
    };
    let ada_mail = to("ada@example.org");
    assert_eq!(ada_mail.subject, "Votre talk «\u{a0}Talk alpha\u{a0}» est accepté à Event sel-conf");
    assert!(ada_mail.body_text.starts_with("Bonjour Ada Speaker,"), "{}", ada_mail.body_text);
    assert!(ada_mail.body_text.contains("mercredi 15 janvier 2031, 23 h 00 (Europe/Paris)"), "{}", ada_mail.body_text);
    assert!(ada_mail.body_text.contains(&c.app.url("/confirm/")));
    let ben_mail = to("ben@example.org");
    assert_eq!(ben_mail.subject, "Your talk “Talk beta” is accepted at Event sel-conf");
    assert!(ben_mail.body_text.starts_with("Hello Ben Speaker,"));
    assert!(ben_mail.body_text.contains("Wednesday 15 January 2031, 11:00 pm (Europe/Paris)"));
    let cy_mail = to("cy@example.org");
    assert_eq!(cy_mail.subject, "Event sel-conf : « Talk gamma »");
    assert_eq!(cy_mail.body_text, "Bonjour Cy Speaker, désolés. Trop proche d’un autre talk.");
    c.app.stop().await;
});
