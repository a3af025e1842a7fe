//! Co-speaker invitations and profile photos, through the real router on SQLite and PostgreSQL.
use std::time::Duration;

use estrade_tests::cfp::{code_of, event_with_cfp, proposal_form, send};
use estrade_tests::http::{call, client, sign_up, upload_photo, PIXEL_PNG};
use estrade_tests::{db_test, Backend, TestApp};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};

const PASSWORD: &str = "correct horse battery";
const TITLE: &str = "Golden paths, forty teams later";

/// The token of the newest co-speaker invitation mailed to `to`.
async fn invitation_token(app: &TestApp, to: &str) -> String {
    let mut link = None;
    TestApp::eventually("the invitation mail", Duration::from_secs(10), || {
        let found = app
            .mail_files()
            .into_iter()
            .find(|m| m.to.contains(to) && m.subject.contains("co-present"))
            .and_then(|m| m.link(&app.url("/cospeaker?token=")));
        let ok = found.is_some();
        link = found.or(link.take());
        async move { ok }
    })
    .await;
    link.unwrap().rsplit('=').next().unwrap().to_string()
}

db_test!(co_speaker_links_are_single_use_and_check_who_accepts, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let end = chrono::Utc::now() + chrono::Duration::days(30);
    let (_, format, track) = event_with_cfp(&app, "duo-conf", end).await;
    let (owner, guest, other) = (client(), client(), client());
    sign_up(&owner, &app, "olga@example.org", "Olga", PASSWORD).await;
    app.verify("olga@example.org").await; // only a confirmed address may send invitations
    send(&owner, &app, "cfp/save", &proposal_form("duo-conf", "duo-form", format, track, "submit")).await;
    let code = code_of(&app, TITLE).await;

    let res = call(&owner, &app, "cfp/invite", &[("code", &code), ("email", "Gil@Example.org")]).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let again = call(&owner, &app, "cfp/invite", &[("code", &code), ("email", "gil@example.org")]).await;
    assert_eq!(again.status(), 422, "already invited");
    let token = invitation_token(&app, "gil@example.org").await;

    // Someone else, signed in with another address, must confirm before accepting.
    sign_up(&other, &app, "oscar@example.org", "Oscar", PASSWORD).await;
    let peek: serde_json::Value = call(&other, &app, "cfp/invitation", &[("token", &token)]).await.json().await.unwrap();
    assert_eq!(peek["needs_confirmation"], true);
    let res = call(&other, &app, "cfp/accept", &[("token", &token)]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("Tick the box"));

    sign_up(&guest, &app, "gil@example.org", "Gil", PASSWORD).await;
    assert_eq!(call(&guest, &app, "cfp/accept", &[("token", &token)]).await.status(), 200);
    let view: serde_json::Value = call(&guest, &app, "cfp/proposal", &[("code", &code)]).await.json().await.unwrap();
    assert_eq!(view["speakers"].as_array().unwrap().len(), 2);
    assert_eq!(view["i_own_it"], false);

    let reuse = call(&other, &app, "cfp/accept", &[("token", &token), ("confirm", "yes")]).await;
    assert_eq!(reuse.status(), 422, "a used link does not work twice");
    assert!(reuse.text().await.unwrap().contains("no longer valid"));

    // A co-speaker edits but cannot withdraw; the owner removes them.
    let res = call(&guest, &app, "cfp/withdraw", &[("code", &code)]).await;
    assert_eq!(res.status(), 409);
    let speaker_id = view["speakers"][1]["id"].to_string();
    assert_eq!(call(&owner, &app, "cfp/remove_cospeaker", &[("code", &code), ("speaker_id", &speaker_id)]).await.status(), 200);
    assert_eq!(call(&guest, &app, "cfp/proposal", &[("code", &code)]).await.status(), 404);
    app.stop().await;
});

db_test!(expired_co_speaker_links_are_refused, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "late-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let (owner, guest) = (client(), client());
    sign_up(&owner, &app, "pia@example.org", "Pia", PASSWORD).await;
    app.verify("pia@example.org").await;
    send(&owner, &app, "cfp/save", &proposal_form("late-conf", "late-form", format, track, "submit")).await;
    let code = code_of(&app, TITLE).await;
    call(&owner, &app, "cfp/invite", &[("code", &code), ("email", "quentin@example.org")]).await;
    let token = invitation_token(&app, "quentin@example.org").await;
    for inv in app::entities::cospeaker_invitation::Entity::find().all(&app.state.db).await.unwrap() {
        let mut row: app::entities::cospeaker_invitation::ActiveModel = inv.into();
        row.expires_at = Set(chrono::Utc::now() - chrono::Duration::minutes(1));
        row.update(&app.state.db).await.unwrap();
    }
    sign_up(&guest, &app, "quentin@example.org", "Quentin", PASSWORD).await;
    let res = call(&guest, &app, "cfp/accept", &[("token", &token)]).await;
    assert_eq!(res.status(), 422);
    assert_eq!(call(&guest, &app, "cfp/proposal", &[("code", &code)]).await.status(), 404);
    app.stop().await;
});

db_test!(co_speaker_links_expire_on_the_app_clock, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let (_, format, track) = event_with_cfp(&app, "clock-conf", chrono::Utc::now() + chrono::Duration::days(30)).await;
    let (owner, guest) = (client(), client());
    sign_up(&owner, &app, "rosa@example.org", "Rosa", PASSWORD).await;
    app.verify("rosa@example.org").await;
    send(&owner, &app, "cfp/save", &proposal_form("clock-conf", "clock-form", format, track, "submit")).await;
    let code = code_of(&app, TITLE).await;
    let invited_at = chrono::Utc::now();
    assert_eq!(call(&owner, &app, "cfp/invite", &[("code", &code), ("email", "sami@example.org")]).await.status(), 200);
    let token = invitation_token(&app, "sami@example.org").await;

    // Six days later on the app's clock the link still works; eight days later (a week is the limit) it does not.
    app.state.clock.set(Some(invited_at + chrono::Duration::days(6)));
    assert_eq!(call(&guest, &app, "cfp/invitation", &[("token", &token)]).await.status(), 200);
    app.state.clock.set(Some(invited_at + chrono::Duration::days(8)));
    sign_up(&guest, &app, "sami@example.org", "Sami", PASSWORD).await;
    assert_eq!(call(&guest, &app, "cfp/invitation", &[("token", &token)]).await.status(), 422);
    let res = call(&guest, &app, "cfp/accept", &[("token", &token)]).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("no longer valid"));
    assert_eq!(call(&guest, &app, "cfp/proposal", &[("code", &code)]).await.status(), 404);
    app.stop().await;
});

fn stored_photos(app: &TestApp) -> usize {
    std::fs::read_dir(app.state.config.data_dir.join("photos")).map(|d| d.count()).unwrap_or(0)
}


db_test!(photos_are_checked_by_size_and_content, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    sign_up(&c, &app, "ravi@example.org", "Ravi", PASSWORD).await;

    let huge = [PIXEL_PNG, &vec![0u8; 20 * 1024 * 1024]].concat();
    assert_eq!(upload_photo(&c, &app, huge, "me.png").await, "/profile?photo_error=too-big");
    assert_eq!(upload_photo(&c, &app, b"%PDF-1.7 not a picture".to_vec(), "me.png").await, "/profile?photo_error=not-an-image");
    assert_eq!(stored_photos(&app), 0, "nothing stored");
    let profile: serde_json::Value = call(&c, &app, "speakers/profile", &[]).await.json().await.unwrap();
    assert!(profile["photo_src"].is_null());

    assert_eq!(upload_photo(&c, &app, PIXEL_PNG.to_vec(), "me.png").await, "/profile?photo=saved");
    assert_eq!(stored_photos(&app), 1);
    let profile: serde_json::Value = call(&c, &app, "speakers/profile", &[]).await.json().await.unwrap();
    let src = profile["photo_src"].as_str().unwrap().to_string();
    let res = c.get(app.url(&src)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(upload_photo(&c, &app, PIXEL_PNG.to_vec(), "again.png").await, "/profile?photo=saved");
    assert_eq!(stored_photos(&app), 1, "the previous upload is deleted");

    let anonymous = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    assert_eq!(upload_photo(&anonymous, &app, PIXEL_PNG.to_vec(), "x.png").await, "/signin?next=/profile");
    app.stop().await;
});

/// A small JPEG whose EXIF says where it was taken (48°51'24" N, 2°21'7" E), as phones write it:
/// an APP1 segment with a TIFF structure whose first directory points to a GPS directory.
fn jpeg_with_gps() -> Vec<u8> {
    let mut jpeg = std::io::Cursor::new(Vec::new());
    let pixels = image::RgbImage::from_fn(16, 12, |x, y| image::Rgb([(x * 16) as u8, (y * 20) as u8, 128]));
    image::DynamicImage::ImageRgb8(pixels).write_to(&mut jpeg, image::ImageFormat::Jpeg).unwrap();
    let jpeg = jpeg.into_inner();
    let entry = |tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        [&tag.to_be_bytes()[..], &kind.to_be_bytes(), &count.to_be_bytes(), &value].concat()
    };
    let rationals =
        |parts: [(u32, u32); 3]| parts.iter().flat_map(|(n, d)| [n.to_be_bytes(), d.to_be_bytes()].concat()).collect::<Vec<u8>>();
    const ASCII: u16 = 2;
    const LONG: u16 = 4;
    const RATIONAL: u16 = 5;
    // Offsets from the TIFF header: IFD0 at 8 (18 bytes), the GPS IFD at 26 (54 bytes), data at 80.
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend(1u16.to_be_bytes());
    tiff.extend(entry(0x8825, LONG, 1, 26u32.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(4u16.to_be_bytes());
    tiff.extend(entry(0x0001, ASCII, 2, *b"N\0\0\0"));
    tiff.extend(entry(0x0002, RATIONAL, 3, 80u32.to_be_bytes()));
    tiff.extend(entry(0x0003, ASCII, 2, *b"E\0\0\0"));
    tiff.extend(entry(0x0004, RATIONAL, 3, 104u32.to_be_bytes()));
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(rationals([(48, 1), (51, 1), (2400, 100)]));
    tiff.extend(rationals([(2, 1), (21, 1), (700, 100)]));
    let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
    let mut out = jpeg[..2].to_vec();
    out.extend([0xff, 0xe1]);
    out.extend(((payload.len() + 2) as u16).to_be_bytes());
    out.extend(payload);
    out.extend(&jpeg[2..]);
    out
}

fn gps_latitude(bytes: &[u8]) -> Option<String> {
    let exif = exif::Reader::new().read_from_container(&mut std::io::Cursor::new(bytes)).ok()?;
    exif.get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY).map(|f| f.display_value().to_string())
}

db_test!(uploaded_photos_lose_their_gps_position, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    sign_up(&c, &app, "gaia@example.org", "Gaia", PASSWORD).await;
    let photo = jpeg_with_gps();
    assert!(gps_latitude(&photo).is_some_and(|l| l.contains("48")), "the fixture carries a position");
    assert_eq!(upload_photo(&c, &app, photo, "holiday.jpg").await, "/profile?photo=saved");
    let profile: serde_json::Value = call(&c, &app, "speakers/profile", &[]).await.json().await.unwrap();
    let src = profile["photo_src"].as_str().unwrap().to_string();
    let res = c.get(app.url(&src)).send().await.unwrap();
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let served = res.bytes().await.unwrap();
    assert_eq!(gps_latitude(&served), None, "the served photo has no position");
    assert!(!served.windows(4).any(|w| w == b"Exif"), "nor any EXIF segment");
    let picture = image::load_from_memory(&served).unwrap();
    assert_eq!((picture.width(), picture.height()), (16, 12), "the picture itself is kept");
    app.stop().await;
});

db_test!(profiles_validate_links, |backend: Backend| async move {
    let app = TestApp::start(backend).await;
    let c = client();
    sign_up(&c, &app, "sara@example.org", "Sara", PASSWORD).await;
    let mut form = vec![
        ("public_name", "Sara"),
        ("bio", "Platform engineer."),
        ("company", ""),
        ("job_title", ""),
        ("photo_url", ""),
        ("website", "javascript:alert(1)"),
        ("github", "sara"),
        ("linkedin", ""),
        ("social", ""),
        ("city", "Lille"),
        ("private_notes", ""),
    ];
    let res = call(&c, &app, "speakers/save_profile", &form).await;
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("https://"));
    assert!(app::entities::speaker_profile::Entity::find().all(&app.state.db).await.unwrap().is_empty());
    form[5] = ("website", "https://sara.example");
    assert_eq!(call(&c, &app, "speakers/save_profile", &form).await.status(), 200);
    let profile: serde_json::Value = call(&c, &app, "speakers/profile", &[]).await.json().await.unwrap();
    assert_eq!(profile["form"]["website"], "https://sara.example");
    app.stop().await;
});
