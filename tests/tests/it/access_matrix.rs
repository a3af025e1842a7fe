//! Every server function and every route, called as every role (anonymous, volunteer, speaker,
//! reviewer, organiser, admin, and the organiser of another event), on SQLite and PostgreSQL: roles
//! below an endpoint's minimum are refused without data, nothing answers a server error whatever
//! the arguments, and an endpoint missing from these tables fails the test.
use estrade_tests::access::{check_table_covers, draft_event_pass, garbage_pass, plausible_pass, Access, Findings, Route, ServerFn};
use estrade_tests::access_routes::{check_routes_cover, page_pass, route_pass};
use estrade_tests::matrix::World;
use estrade_tests::{db_test, Backend};
use Access::*;

const fn sf(path: &'static str, access: Access, args: &'static str) -> ServerFn {
    ServerFn { path, access, args }
}

const fn route(pattern: &'static str, access: Access, request: &'static str) -> Route {
    Route { pattern, access, request }
}

/// Every server function, the least its caller must be, and plausible arguments pointing at
/// `sel-conf`'s objects. Called in this order (refused roles first), so endpoints that change or
/// delete things come after the ones that read them.
const SERVER_FNS: &[ServerFn] = &[
    sf("admin/create_event", Admin, "slug=matrix-new&name=Matrix&city=Lille&venue=Hall&time_zone=Europe/Paris&start_date=2027-05-01&end_date=2027-05-01&description=&visibility=public"),
    sf("admin/events", SignedIn, ""),
    sf("admin/failed_mails", Admin, ""),
    sf("admin/retry_mail", Admin, "id={mail}"),
    sf("admin/retry_all_mails", Admin, ""),
    sf("agenda/changes", Public, "slug={slug}"),
    sf("agenda/claim", Secret, "token=0123456789abcdef"),
    sf("agenda/claim_accept", Secret, "token=0123456789abcdef"),
    sf("agenda/interest", Organiser, "slug={slug}"),
    sf("agenda/merge", SignedIn, "slug={slug}&codes={public_talk}"),
    sf("agenda/now", Public, "slug={slug}"),
    sf("agenda/speaker", Public, "slug={slug}&code={public_speaker}"),
    sf("agenda/star", SignedIn, "slug={slug}&code={public_talk}&starred=true"),
    sf("agenda/starred", Public, "slug={slug}&codes={public_talk}"),
    sf("agenda/stars", Public, "slug={slug}"),
    sf("agenda/talk", Public, "slug={slug}&code={public_talk}"),
    sf("agenda/view", Public, "slug={slug}&day=&track=&format=&level=&language=&room=&q="),
    sf("auth/change_email", SignedIn, "password=not the password&new_email=moved@example.org"),
    sf("accounts/erase", SignedIn, "password=not the password&confirm=on"),
    sf("auth/change_password", SignedIn, "current_password=not the password&new_password=another long password"),
    sf("auth/me", Public, ""),
    sf("auth/profile", SignedIn, "display_name=Renamed Person"),
    sf("auth/request_reset", Public, "email=nobody@example.org"),
    sf("auth/resend_verification", SignedIn, ""),
    sf("auth/reset", Secret, "token=0123456789abcdef&password=another long password"),
    sf("auth/sign_in", Public, "email=nobody@example.org&password=not the password"),
    sf("auth/sign_out", Public, ""),
    sf("auth/sign_up", Public, "email=newcomer@example.org&display_name=Newcomer&password=another long password"),
    sf("auth/verify", Secret, "token=0123456789abcdef"),
    sf("availability/add", Speaker, "slug={slug}&starts_at=2027-03-10T07:00&ends_at=2027-03-10T08:00&note=Early&code={code}"),
    sf("availability/delete", Speaker, "slug={slug}&id={window}&code={code}"),
    sf("availability/mine", Speaker, "slug={slug}"),
    sf("volunteers/board", Volunteer, "slug={slug}&only=open"),
    sf("volunteers/lead", Organiser, "slug={slug}"),
    sf("volunteers/apply_hosts", Organiser, "slug={slug}&team_id={team}"),
    sf("volunteers/add_team", Organiser, "slug={slug}&name=Video&description=&colour=%23cf222e&restricted=on&briefing=&lead_name=&lead_phone="),
    sf("volunteers/add_shifts", Organiser, "slug={slug}&team_id={team}&place=Hall&title=&day=2027-03-10&start=10:00&end=12:00&seats=2&notes=&cut=60"),
    sf("volunteers/take", Volunteer, "slug={slug}&shift={shift}"),
    sf("volunteers/here", Volunteer, "slug={slug}&shift={shift}"),
    sf("volunteers/mark", Organiser, "slug={slug}&shift={shift}&person={volunteer}&how=arrived"),
    sf("volunteers/wait", Volunteer, "slug={slug}&shift={shift}"),
    sf("volunteers/leave", Volunteer, "slug={slug}&shift={shift}"),
    sf("volunteers/mine", Volunteer, "slug={slug}"),
    sf("volunteers/new_feed", Volunteer, "slug={slug}"),
    sf("volunteers/call", Public, "slug={slug}"),
    sf("volunteers/apply", SignedIn, "slug={slug}&days[d-2027-03-10]=on&teams[t-{team}]=on&tshirt=m&languages=fr&note=Vegetarian"),
    sf("volunteers/people", Organiser, "slug={slug}"),
    sf("volunteers/decide", Organiser, "slug={slug}&application={application}&decision=accept"),
    sf("volunteers/confirm_member", Organiser, "slug={slug}&application={application}&team_id={team}"),
    sf("volunteers/invite", Organiser, "slug={slug}&earlier={other_slug}"),
    sf("volunteers/settings", Organiser, "slug={slug}&call_text=Join+us&call_text_language=&sign_out_hours=24&host_minutes_before=10&host_max_gap_minutes=20"),
    sf("volunteers/shift", Organiser, "slug={slug}&shift={shift}"),
    sf("volunteers/assign", Organiser, "slug={slug}&shift={shift}&person={volunteer}"),
    sf("volunteers/take_off", Organiser, "slug={slug}&shift={shift}&person={volunteer}"),
    sf("volunteers/edit_shift", Organiser, "slug={slug}&shift={shift}&team_id={team}&place=Hall&title=Badges&day=2027-03-10&start=10:00&end=12:00&seats=3&notes="),
    sf("volunteers/delete_shift", Organiser, "slug={slug}&shift={shift}"),
    sf("cfp/accept", Secret, "token=0123456789abcdef&confirm=on"),
    sf("cfp/editor", Speaker, "code={code}"),
    sf("cfp/invitation", Secret, "token=0123456789abcdef"),
    sf("cfp/invite", Speaker, "code={code}&email=friend@example.org"),
    sf("cfp/mine", SignedIn, ""),
    sf("cfp/new_editor", SignedIn, "slug={slug}&talk="),
    sf("cfp/page", Public, "slug={slug}"),
    sf("cfp/proposal", Speaker, "code={code}"),
    sf("cfp/remove_cospeaker", Speaker, "code={code}&speaker_id={cospeaker}"),
    sf("cfp/save", Speaker, CFP_SAVE),
    sf("cfp/withdraw", Speaker, "code={withdraw_code}"),
    sf("events/get", Public, "slug={slug}"),
    sf("events/grant_role", Organiser, "slug={slug}&email=spare@example.org&role=reviewer"),
    sf("events/listed", Public, ""),
    sf("events/members", Organiser, "slug={slug}"),
    sf("events/revoke_role", Organiser, "slug={slug}&email=spare@example.org&role=reviewer"),
    sf("events/update", Organiser, EVENT_UPDATE),
    sf("organizer/add_format", Organiser, "slug={slug}&name=Lightning&description=&duration_min=10"),
    sf("organizer/add_track", Organiser, "slug={slug}&name=Matrix track&description=&colour=#654321"),
    sf("organizer/cfp_settings", Organiser, "slug={slug}"),
    sf("organizer/delete_format", Organiser, "slug={slug}&id={spare_format}"),
    sf("organizer/delete_track", Organiser, "slug={slug}&id={spare_track}"),
    sf("organizer/proposal", Organiser, "slug={slug}&code={code}"),
    sf("organizer/proposals", Organiser, "slug={slug}&format=&track=&level=&language=&state=&q="),
    sf("organizer/save_cfp_settings", Organiser, CFP_SETTINGS),
    sf("organizer/update_format", Organiser, "slug={slug}&id={format}&name=REX&description=&duration_min=40"),
    sf("organizer/update_track", Organiser, "slug={slug}&id={track}&name=Cloud&description=&colour=#336699"),
    sf("partners/admin", Organiser, "slug={slug}"),
    sf("partners/map", Organiser, "slug={slug}"),
    sf("partners/partner_admin", Organiser, "slug={slug}&partner={partner}"),
    sf("partners/prospectus", Public, "slug={slug}"),
    sf("partners/space", Organiser, "slug={slug}&partner={partner}"),
    sf("partners/village", Public, "slug={slug}&q="),
    sf("partners/village_partner", Public, "slug={slug}&code={partner_code}"),
    sf("partners/share", SignedIn, "slug={slug}&code={partner_code}&share=yes"),
    sf("partners/apply", SignedIn, "slug={slug}&company=Matrix Applicant&vat=&billing_name=Someone&billing_email=someone@example.org&tier={tier}&message="),
    // The matrix has no partner contact: organisers may act for any partner; contacts are tested in `partners`.
    sf("partners/propose", Organiser, "slug={slug}&partner={partner}&form_key=matrix-partner-talk&title=Partner talk&summary=Long enough abstract&level=beginner&language=en&format_id={format}&track_id=&pitch_rule=on"),
    sf("partners/profile", Organiser, "slug={slug}&partner={partner}&description=Hello&website=&links=&jobs="),
    sf("partners/add_staff", Organiser, "slug={slug}&partner={partner}&name=Extra&email=extra@matrix.example"),
    sf("partners/remove_staff", Organiser, "slug={slug}&partner={partner}&staff={staff}"),
    sf("partners/notes", Organiser, "slug={slug}&partner={partner}&notes=Call back"),
    sf("partners/step", Organiser, "slug={slug}&partner={partner}&step=signed"),
    sf("partners/tier", Organiser, "slug={slug}&tier=&name=Matrix extra&kind=community&price_eur=0&available=3&booth_size=0&staff_passes=1"),
    sf("partners/booth", Organiser, "slug={slug}&booth=&number=M9&x=10&y=10&w=2&h=2"),
    sf("partners/assign", Organiser, "slug={slug}&booth={spare_booth}&partner="),
    sf("partners/delete_booth", Organiser, "slug={slug}&booth={spare_booth}"),
    sf("partners/village_settings", Organiser, "slug={slug}&prospectus=Welcome&prospectus_language=&width=30&height=20&logo_due=&description_due=&staff_due=&needs_due="),
    sf("partners/delete_tier", Organiser, "slug={slug}&tier={tier}"),
    sf("partners/decide", Organiser, "slug={slug}&partner={partner}&decision=waitlist&tier="),
    sf("review/allow", Organiser, "slug={slug}&code={gamma}&email=rita@example.org"),
    sf("review/conflicts", Organiser, "slug={slug}"),
    sf("review/events", SignedIn, ""),
    sf("review/queue", Reviewer, "slug={slug}&format=&track="),
    sf("review/save", Reviewer, "slug={slug}&code={review_code}&score=3&comment=Solid"),
    sf("review/subject", Reviewer, "slug={slug}&code={review_code}"),
    sf("schedule/add", Organiser, "slug={slug}&kind=break&title=Coffee&day={day}&room=all&start=16:00&minutes=15"),
    sf("schedule/import", Organiser, "slug={slug}&file="),
    sf("schedule/imported_speakers", Organiser, "slug={slug}"),
    sf("schedule/send_claims", Organiser, "slug={slug}"),
    sf("schedule/load", Organiser, "slug={slug}"),
    sf("schedule/place", Organiser, "slug={slug}&item={item}&version=0&day={day}&room={room}&start=15:00&minutes=40"),
    sf("schedule/publish", Organiser, "slug={slug}&name="),
    sf("schedule/unplace", Organiser, "slug={slug}&item={item}&version=0&day={day}"),
    sf("schedule/version", Organiser, "slug={slug}&number=1"),
    sf("schedule/versions", Organiser, "slug={slug}"),
    sf("selection/answer", Secret, "token=0123456789abcdef&answer=confirm"),
    sf("selection/answer_mine", Speaker, "code={code}&answer=confirm&back="),
    sf("selection/close_reviews", Organiser, "slug={slug}"),
    sf("selection/confirmation", Secret, "token=0123456789abcdef"),
    sf("selection/decide", Organiser, "slug={slug}&code={gamma}&decision=accepted&waitlist_rank=&feedback=&view="),
    sf("selection/deliberation", Organiser, "slug={slug}&format=&track=&level=&language=&sort="),
    sf("selection/log", Organiser, "slug={slug}"),
    sf("selection/promote", Organiser, "slug={slug}&code={gamma}"),
    sf("selection/publish", Organiser, "slug={slug}"),
    sf("selection/reopen_reviews", Organiser, "slug={slug}"),
    sf("selection/reset_template", Organiser, "slug={slug}&decision=accepted"),
    sf("selection/save_settings", Organiser, "slug={slug}&anonymous=on&hide_scores=on&reviews_close_at=&confirm_by=2031-01-15T23:00"),
    sf("selection/save_slots", Organiser, "slug={slug}&format_id={format}&slots=4"),
    sf("selection/save_template", Organiser, "slug={slug}&decision=accepted&subject=Accepted&body=Welcome aboard"),
    sf("selection/settings", Organiser, "slug={slug}"),
    sf("speakers/profile", SignedIn, ""),
    sf("speakers/remove_photo", SignedIn, ""),
    sf("speakers/save_profile", SignedIn, "public_name=Someone&bio=&company=&job_title=&photo_url=&website=&github=&linkedin=&social=&city=&private_notes="),
    sf("speakers/save_talk", Speaker, TALK_SAVE),
    sf("speakers/talk", Speaker, "id={talk}"),
    sf("speakers/talks", SignedIn, ""),
    sf("venue/add_room", Organiser, "slug={slug}&name=Matrix room&capacity=20&description="),
    sf("venue/delete_room", Organiser, "slug={slug}&id={spare_room}"),
    sf("venue/load", Organiser, "slug={slug}"),
    sf("venue/move_room", Organiser, "slug={slug}&id={room}&direction=up"),
    sf("venue/save_day_hours", Organiser, "slug={slug}&day={day}&opens=08:00&closes=19:00"),
    sf("venue/update_room", Organiser, "slug={slug}&id={room}&name=Atelier&capacity=40&description="),
];

const CFP_SAVE: &str = concat!(
    "slug={slug}&code={code}&form_key=matrix&talk_id=&title=Alpha talk&summary=",
    "We moved forty teams from hand-written manifests to a platform with golden paths and tell what broke.",
    "&details=&level=intermediate&language=fr&references=&format_id={format}&track_id={track}&intent=submit"
);
const TALK_SAVE: &str = concat!(
    "id={talk}&title=Library talk&summary=",
    "We moved forty teams from hand-written manifests to a platform with golden paths and tell what broke.",
    "&details=&level=beginner&language=en&references="
);
const EVENT_UPDATE: &str = "current_slug={slug}&slug={slug}&name=Event sel-conf&city=Lille&venue=Somewhere&time_zone=Europe/Paris&start_date=2027-03-10&end_date=2027-03-10&description=&visibility=public";
const CFP_SETTINGS: &str = "slug={slug}&opens_at=&closes_at=2031-01-01T00:00&max_proposals=3&level_beginner=on&level_intermediate=on&level_advanced=on&lang_fr=on&lang_en=on&cfp_text=Welcome";

/// Every axum route outside the server functions (patterns as the sources write them).
const ROUTES: &[Route] = &[
    route("/healthz", Public, "GET /healthz"),
    route("/readyz", Public, "GET /readyz"),
    route("/metrics", Public, "GET /metrics"),
    route("/admin/events/{slug}/proposals.csv", Organiser, "GET /admin/events/{slug}/proposals.csv"),
    route("/admin/events/{slug}/volunteers.csv", Organiser, "GET /admin/events/{slug}/volunteers.csv"),
    route("/profile/photo", SignedIn, "UPLOAD /profile/photo"),
    route("/admin/events/{slug}/partners/badges.csv", Organiser, "GET /admin/events/{slug}/partners/badges.csv"),
    route("/events/{slug}/partner/{id}/contacts.csv", Organiser, "GET /events/{slug}/partner/{partner}/contacts.csv"),
    route("/events/{slug}/partner/{id}/logo", Organiser, "UPLOAD /events/{slug}/partner/{partner}/logo"),
    route("/admin/events/{slug}/village/plan", Organiser, "UPLOAD /admin/events/{slug}/village/plan"),
    route("/api/openapi.json", Public, "GET /api/openapi.json"),
    route("/api/v1/events", Public, "GET /api/v1/events"),
    route("/api/v1/events/{slug}", Public, "GET /api/v1/events/{slug}"),
    route("/api/v1/events/{slug}/talks", Public, "GET /api/v1/events/{slug}/talks"),
    route("/api/v1/events/{slug}/talks/{code}", Public, "GET /api/v1/events/{slug}/talks/{public_talk}"),
    route("/api/v1/events/{slug}/speakers", Public, "GET /api/v1/events/{slug}/speakers"),
    route("/api/v1/events/{slug}/speakers/{code}", Public, "GET /api/v1/events/{slug}/speakers/{public_speaker}"),
    route("/api/v1/events/{slug}/rooms", Public, "GET /api/v1/events/{slug}/rooms"),
    route("/api/v1/events/{slug}/tracks", Public, "GET /api/v1/events/{slug}/tracks"),
    route("/api/v1/events/{slug}/schedule", Public, "GET /api/v1/events/{slug}/schedule"),
    route("/{slug}/schedule.json", Public, "GET /{slug}/schedule.json"),
    route("/{slug}/schedule.xml", Public, "GET /{slug}/schedule.xml"),
    route("/{slug}/schedule.ics", Public, "GET /{slug}/schedule.ics"),
    route("/{slug}/v/{number}/{file}", Public, "GET /{slug}/v/1/schedule.json"),
    route("/{slug}/talk/{file}", Public, "GET /{slug}/talk/{public_talk}.ics"),
    route("/{slug}/faved.ics", Public, "GET /{slug}/faved.ics?talks={public_talk}"),
    route("/lang/{code}", Public, "GET /lang/fr?back=/"),
    // The address is the key: whoever holds it reads that volunteer's shifts (a wrong one is 404).
    route("/events/{slug}/volunteer/feed/{file}", Public, "GET /events/{slug}/volunteer/feed/{feed}.ics"),
];

#[test]
fn every_server_function_has_an_access_entry() {
    let problems = check_table_covers(SERVER_FNS);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_route_has_an_access_entry() {
    let problems = check_routes_cover(ROUTES);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

db_test!(every_role_meets_every_endpoint, |backend: Backend| async move {
    let mut w = World::new(backend).await;
    let mut f = Findings::default();
    plausible_pass(&mut w, SERVER_FNS, &mut f).await;
    draft_event_pass(&mut w, SERVER_FNS, &mut f).await;
    route_pass(&mut w, ROUTES, &mut f).await;
    page_pass(&mut w, &mut f).await;
    garbage_pass(&mut w, SERVER_FNS, &mut f).await;
    f.assert_none("the role × endpoint matrix");
    w.stop().await;
});

db_test!(nul_characters_are_refused_with_a_sentence, |backend: Backend| async move {
    let app = estrade_tests::TestApp::start(backend).await;
    let c = estrade_tests::http::client();
    let res = estrade_tests::http::sign_in(&c, &app, "a\0b@example.org", "whatever password").await;
    assert_eq!(res.status(), 400);
    let err: app::error::AppError = res.json().await.unwrap();
    assert!(err.to_string().contains("NUL character"), "{err}");
    for (path, json) in [
        ("/api/v1/events/x%00y", true),
        ("/x%00y/schedule.json", false),
        ("/events/x%00y/agenda", false),
        ("/api/agenda/view?slug=%00", true),
    ] {
        let res = c.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 400, "{path}");
        let body = res.text().await.unwrap();
        assert!(body.contains("NUL character"), "{path}: {body}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&body).is_ok(), json, "{path}: {body}");
    }
    app.stop().await;
});
