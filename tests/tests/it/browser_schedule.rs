//! In real Chromium: an organiser builds part of the schedule by mouse and by keyboard, meets a
//! co-speaker conflict while dragging, places a lunch across all rooms, publishes, and the speaker
//! gets the mail.
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::schedule::sched;
use estrade_tests::selection::{PASSWORD, SLUG};
use estrade_tests::{Backend, Setup, TestApp};
use fantoccini::key::Key;

/// The grid cell of `room` (an id) at local time `time`.
fn cell(room: i32, time: &str) -> String {
    format!(".sched-cell[data-room='{room}'][data-time='{time}']")
}

async fn scroll_y(b: &Browser) -> f64 {
    b.client.execute("return window.scrollY", vec![]).await.unwrap().as_f64().unwrap_or(-1.0)
}

/// The note the builder shows beside the last drop.
async fn note_text(b: &Browser) -> String {
    let v = b.client.execute("const n = document.querySelector('.sched-note'); return n ? n.innerText : ''", vec![]).await.unwrap();
    v.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_builds_the_schedule_by_mouse_and_keyboard_and_publishes() {
    let s = sched(Backend::Sqlite, Setup::default()).await;
    let (amphi, atelier) = (s.rooms[0], s.rooms[1]);
    let (alpha, _) = s.item(&s.codes[0]).await;
    let (beta, _) = s.item(&s.codes[1]).await;
    let (gamma, _) = s.item(&s.codes[2]).await;
    let app = &s.c.app;
    let b = Browser::start(BrowserOptions { javascript: true, width: 1400, height: 1300 }).await;
    b.sign_in(&app.base_url, &format!("/admin/events/{SLUG}/schedule"), "olga@example.org", PASSWORD).await;
    b.wait_for_text("Unscheduled talks").await;
    b.wait_ready().await;

    // Drag Alpha (Ada and her co-speaker Bea) from the panel to the Amphi at 10:00.
    b.drag(&format!(".sched-card[data-item='{alpha}']"), &cell(amphi, "10:00")).await;
    b.wait_for_text("Placed.").await;
    b.wait_for_text("10:00–10:40").await;

    // Beta is Bea's own talk: over the Atelier at 10:10 the rules say no while dragging…
    b.drag_over(&format!(".sched-card[data-item='{beta}']"), &cell(atelier, "10:10")).await;
    b.wait_for_text("Cannot drop at 10:10 in Atelier: A speaker is already on stage at that time, in “Alpha talk”.").await;
    b.screenshot("schedule-conflict-while-dragging").await;
    // …and dropping there places nothing.
    b.release().await;
    assert!(s.builder().await["items"].as_array().unwrap().iter().any(|i| i["id"].to_string() == beta && i["placed"].is_null()));
    // The refusal is told beside the drop.
    b.wait_for_text("Cannot drop at 10:10 in Atelier").await;
    assert!(note_text(&b).await.contains("Cannot drop at 10:10 in Atelier"), "the refusal sits by the drop");
    // Resolved: after Alpha, with a gap. The page stays where it was scrolled; "Placed." shows by the drop.
    b.client.execute("window.scrollTo(0, 250)", vec![]).await.unwrap();
    b.drag_over(&format!(".sched-card[data-item='{beta}']"), &cell(atelier, "11:00")).await;
    let before = scroll_y(&b).await;
    b.release().await;
    b.wait_for_text("11:00–11:40").await;
    assert!((scroll_y(&b).await - before).abs() < 2.0, "a successful drop keeps the scroll position");
    let note = note_text(&b).await;
    assert!(note.contains("Placed."), "the outcome sits by the drop: {note}");
    b.screenshot("schedule-drop-outcome").await;

    // Lunch across all rooms, from the form.
    b.choose("#f-kind", "lunch").await;
    b.fill("title", "Lunch").await;
    b.choose("#f-room", "all").await;
    b.choose("#f-start", "12:00").await;
    b.type_into("#f-minutes", "60").await;
    b.click("form:has(#f-room) button[type='submit']").await;
    b.wait_for_text("Added to the schedule.").await;
    b.wait_for_text("12:00–13:00").await;

    // The keyboard path: Tab to Gamma's "Place…" link, then choose with the keyboard.
    let link = b.client.find(fantoccini::Locator::Css(&format!(".sched-card[data-item='{gamma}'] a.place-link"))).await.unwrap();
    link.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_for_text("Place “Gamma talk”").await;
    b.choose("#f-room", &atelier.to_string()).await;
    b.choose("#f-start", "14:00").await;
    let minutes = b.client.find(fantoccini::Locator::Css("#f-minutes")).await.unwrap();
    minutes.send_keys(&Key::Enter.to_string()).await.unwrap();
    b.wait_for_text("Placed.").await;
    b.wait_for_text("14:00–14:40").await;
    b.screenshot("schedule-builder").await;

    // Publish: the speakers whose talks were added hear about it.
    b.click("form:has(#version-name) button[type='submit']").await;
    b.wait_for_text("Published.").await;
    b.wait_for_text("Attendees see v1").await;
    TestApp::eventually("the schedule mail to Bea", std::time::Duration::from_secs(15), || {
        let found = app.mail_files().into_iter().any(|m| {
            m.to.contains("bea@example.org")
                && m.subject.contains("scheduled")
                && m.text.contains("“Beta talk” — Wednesday 10 March 2027, 11:00 am–11:40 am (Europe/Paris), Atelier")
                && m.attachments.iter().any(|(name, _, ics)| name == "sel-conf.ics" && ics.contains("DTSTART:20270310T100000Z"))
        });
        async move { found }
    })
    .await;
    b.close().await;
}
