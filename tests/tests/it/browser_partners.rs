//! The partner village in Chromium: a company applies from a 390 px phone with JavaScript off; an
//! organiser accepts it, draws two booths and places it; its contact uploads a logo, names a staff
//! pass and writes the profile; an attendee on a phone, JavaScript off, finds it by topic in the
//! village, sees its booth and shares their contact.
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::entities::{partner, partner_share, partner_staff};
use estrade_tests::browser::{Browser, BrowserOptions};
use estrade_tests::partners::event_with_tier;
use estrade_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";
const PHONE: BrowserOptions = BrowserOptions { javascript: false, width: 390, height: 844 };

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_company_applies_is_placed_on_the_map_and_an_attendee_finds_it() {
    let app = TestApp::start(Backend::Sqlite).await;
    let (e, _tier) = event_with_tier(&app, "village-journey", 3, 2).await;
    let db = &app.state.db;
    app.create_user("camille@nordic.example", "Camille", PASSWORD, false).await;
    app.create_user("olga@example.org", "Olga", PASSWORD, false).await;
    app.grant("olga@example.org", e.id, "organizer").await;
    app.create_user("alice@example.org", "Alice", PASSWORD, false).await;

    // The company applies on a phone, JavaScript off.
    let phone = Browser::start(PHONE).await;
    phone.goto(&app.url("/events/village-journey/partners")).await;
    phone.wait_for_text("Become a partner of Event village-journey").await;
    assert!(phone.body_text().await.contains("3 of 3 left"));
    phone.click("#apply a[href^='/signin']").await;
    phone.fill("email", "camille@nordic.example").await;
    phone.fill("password", PASSWORD).await;
    phone.submit_form_of("password").await;
    phone.wait_for_text("Send the application").await;
    phone.fill("company", "Nordic Mesh").await;
    phone.fill("vat", "not a vat").await;
    phone.select("tier", &_tier.id.to_string()).await;
    phone.submit_form_of("company").await;
    phone.wait_for_text("Enter a VAT number like").await;
    phone.fill("vat", "FR40303265045").await;
    phone.submit_form_of("company").await;
    phone.wait_for_text("your application is in").await;
    phone.screenshot("partner-applied-phone-no-js").await;
    let p = partner::Entity::find().filter(partner::Column::Name.eq("Nordic Mesh")).one(db).await.unwrap().expect("applied");

    // The organiser accepts it, draws two booths and places it (desktop, JavaScript on).
    let desk = Browser::start(BrowserOptions::default()).await;
    desk.sign_in(&app.base_url, &format!("/admin/events/village-journey/partners/{}", p.id), "olga@example.org", PASSWORD).await;
    desk.wait_for_text("Nordic Mesh").await;
    desk.click("button[name='decision'][value='accept']").await;
    desk.wait_for_text("Decision saved").await;
    desk.goto(&app.url("/admin/events/village-journey/village")).await;
    for (number, x) in [("A1", "1"), ("A2", "1")] {
        desk.fill("number", number).await;
        desk.fill("x", if number == "A1" { x } else { "5" }).await;
        desk.fill("y", "1").await;
        desk.fill("w", "3").await;
        desk.fill("h", "2").await;
        // Each save is a new page: the last one's "Booth saved." must not answer for this one.
        desk.click_to_next_page("form:has([name='number']) button[type='submit']").await;
        desk.wait_for_text("Booth saved.").await;
    }
    let booth = app::partners::booths::booths_of(db, e.id).await.unwrap().into_iter().find(|b| b.number == "A2").unwrap();
    desk.choose(&format!("#booth-{} select[name='partner']", booth.id), &p.id.to_string()).await;
    desk.click(&format!("#booth-{} form:has(select) button[type='submit']", booth.id)).await;
    desk.wait_for_text("Booth updated.").await;
    desk.screenshot("partner-map-organiser").await;

    // The contact fills the checklist: logo, staff pass, profile.
    let space = format!("/events/village-journey/partner/{}", p.id);
    phone.goto(&app.url(&space)).await;
    phone.wait_for_text("Checklist").await;
    let dir = tempfile::tempdir().unwrap();
    let logo = dir.path().join("logo.svg");
    std::fs::write(
        &logo,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#0b5cad"/></svg>"##,
    )
    .unwrap();
    phone.type_into("#f-logo-light", logo.to_str().unwrap()).await;
    phone.click("form.logo-light button[type='submit']").await;
    phone.wait_for_text("Logo saved.").await;
    phone.fill("name", "Inès").await;
    phone.fill("email", "ines@nordic.example").await;
    phone.submit_form_of("email").await;
    phone.wait_for_text("Pass added").await;
    phone.fill("description", "We run eBPF networking for Lille's metro. Ask us about Cilium.").await;
    phone.submit_form_of("description").await;
    phone.wait_for_text("Profile saved.").await;
    phone.screenshot("partner-space-phone-no-js").await;
    assert_eq!(partner_staff::Entity::find().filter(partner_staff::Column::PartnerId.eq(p.id)).all(db).await.unwrap().len(), 1);
    phone.close().await;

    // An attendee on a phone, JavaScript off, finds it by topic and shares their contact.
    let attendee = Browser::start(PHONE).await;
    attendee.goto(&app.url("/events/village-journey/village")).await;
    attendee.wait_for_text("Partner village").await;
    attendee.fill("q", "cilium").await;
    attendee.submit_form_of("q").await;
    attendee.wait_for_text("1 partner found").await;
    attendee.screenshot("village-search-phone-no-js").await;
    attendee.click(".village-list a").await;
    attendee.wait_for_text("Booth A2").await;
    attendee.click("#share a[href^='/signin']").await;
    attendee.fill("email", "alice@example.org").await;
    attendee.fill("password", PASSWORD).await;
    attendee.submit_form_of("password").await;
    attendee.wait_for_text("Share my contact with this partner").await;
    attendee.click("#share button[type='submit']").await;
    attendee.wait_for_text("Your contact is shared with this partner.").await;
    attendee.screenshot("village-partner-shared-phone").await;
    assert_eq!(partner_share::Entity::find().filter(partner_share::Column::PartnerId.eq(p.id)).all(db).await.unwrap().len(), 1);
    attendee.close().await;
    desk.close().await;
    app.stop().await;
}
