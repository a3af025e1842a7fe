//! Every problem reads in both languages, with its values, and each language in its own words.
use std::collections::BTreeSet;

use super::*;

/// One of each variant, with values that show up in the text.
fn samples() -> Vec<Problem> {
    let s = |v: &str| v.to_string();
    vec![
        Problem::TooShort { min: 7 },
        Problem::AtMost { max: 77 },
        Problem::TooLong { max: 120, have: 131 },
        Problem::NameMissing,
        Problem::EmailMissing,
        Problem::EmailInvalid,
        Problem::PasswordIsEmail,
        Problem::PasswordWeak,
        Problem::DisplayNameMissing,
        Problem::TalkTitleMissing,
        Problem::AbstractTooShort { min: 100, have: 42 },
        Problem::LevelMissing,
        Problem::LanguageMissing,
        Problem::LevelNotOffered,
        Problem::LanguageNotOffered,
        Problem::FormatNotOffered,
        Problem::TrackNotOffered,
        Problem::DurationOutOfRange { min: 5, max: 480 },
        Problem::ColourInvalid,
        Problem::SlugInvalid,
        Problem::EventNameMissing,
        Problem::CityMissing,
        Problem::VenueMissing,
        Problem::EndBeforeStart,
        Problem::DatesMissing,
        Problem::TimeZoneUnknown,
        Problem::VisibilityMissing,
        Problem::PublicNameMissing,
        Problem::UrlInvalid,
        Problem::GithubInvalid,
        Problem::SocialInvalid,
        Problem::PhotoMissing,
        Problem::PhotoTooBig { max_mb: 2 },
        Problem::PhotoNotAnImage,
        Problem::PhotoTooManyPixels { max_side: 8000 },
        Problem::StartMissing,
        Problem::EndMissing,
        Problem::NoteTooLong { max: 200 },
        Problem::OutsideEvent { dates: s("10–11/03/2027") },
        Problem::EndNotAfterStart,
        Problem::TooManyWindows { max: 20 },
        Problem::ScoreInvalid { max: 5 },
        Problem::CommentTooLong { max: 2000 },
        Problem::FeedbackTooLong { max: 2001 },
        Problem::Empty,
        Problem::KeepItUnder { max: 10_000 },
        Problem::UnknownPlaceholder { found: s("{name}"), known: s("{speaker}, {title}") },
        Problem::ClaimForAnotherAddress { invited: s("ada@example.org"), email: s("eve@example.org") },
        Problem::ClaimNeedsVerifiedEmail { email: s("eve@example.org") },
        Problem::CapacityInvalid { max: 10_000 },
        Problem::ClockInvalid,
        Problem::ClockOffGrid { grid: 5 },
        Problem::ClosesBeforeOpens,
        Problem::MinutesInvalid,
        Problem::MinutesOutOfRange { min: 5, max: 600 },
        Problem::MinutesOffGrid { grid: 15 },
        Problem::ItemTitleMissing,
        Problem::ItemTitleTooLong { max: 120 },
        Problem::NotOnGrid { grid: 5 },
        Problem::EmptyOrReversed,
        Problem::OutsideDay,
        Problem::RoomTaken { room: s("Amphi Gaston Berger"), other: s("Alpha talk") },
        Problem::SpeakerElsewhere { other: s("Alpha talk") },
        Problem::DurationDiffers { format_minutes: 40, minutes: 45 },
        Problem::SpeakerUnavailable,
        Problem::RoomTooSmall { room: s("Atelier"), capacity: 40, expected: 120 },
        Problem::BackToBack { other: s("Alpha talk"), gap: 10 },
        Problem::TeamUnknown,
        Problem::PlaceMissing,
        Problem::DayInvalid,
        Problem::DayOutsideEvent { first: day(10), last: day(11) },
        Problem::SeatsInvalid { min: 1, max: 200 },
        Problem::TooManyShifts { max: 48 },
        Problem::DaysMissing,
        Problem::TShirtUnknown,
        Problem::AlreadySignedUp,
        Problem::ShiftStarted,
        Problem::OverlapsTalk { title: s("Alpha talk"), start: day(10).and_hms_opt(14, 30, 0).unwrap() },
        Problem::OverlapsShift { title: s("Welcome desk"), start: day(11).and_hms_opt(9, 0, 0).unwrap() },
        Problem::NeedsTeamConfirmation { team: s("Video") },
        Problem::ShiftFull { taken: 5, seats: 5 },
        Problem::HoursOutOfRange { min: 0, max: 168 },
        Problem::MinutesBetween { min: 0, max: 240 },
        Problem::SeatsBelowTaken { taken: 3 },
        Problem::NumberBetween { min: 0, max: 50 },
        Problem::TierKindUnknown,
        Problem::NameTaken,
        Problem::TierBelowTaken { taken: 3 },
        Problem::TierInUse,
        Problem::TierUnknown,
        Problem::TierSoldOut { tier: "Gold".into() },
        Problem::CompanyMissing,
        Problem::CompanyTaken,
        Problem::VatInvalid,
        Problem::AlreadyDecided,
        Problem::PartnerNotAccepted,
        Problem::StepNeedsPrevious,
        Problem::TooManyLinks { max: 10 },
        Problem::JobsNotInTier,
        Problem::StaffPassesUsed { max: 4 },
        Problem::StaffTaken,
        Problem::BoothNumberInvalid { max: 8 },
        Problem::BoothNumberTaken,
        Problem::BoothOffFloor { width: 30, height: 20 },
        Problem::BoothOverlaps { number: "A1".into() },
        Problem::BoothTooSmall { area: 6, promised: 9 },
        Problem::BoothTaken { number: "A1".into(), partner: "Nordic Mesh".into() },
        Problem::ImageNotPngOrSvg,
        Problem::ImageTooBig { max_kb: 512 },
        Problem::SvgUnsafe,
        Problem::TalksNotInTier,
        Problem::PitchRuleNotAcknowledged,
    ]
}

fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
}

/// A text value as its sentence shows it: a date or a date and time by its day of the month (the
/// rest is written in the reader's words).
fn shown(v: &str) -> String {
    let date = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
    let at = chrono::NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S").ok().map(|t| t.date());
    date.or(at).map(|d| d.format("%-d").to_string()).unwrap_or_else(|| v.to_string())
}

/// The values a sample carries, as they should appear in its text.
fn values(p: &Problem) -> Vec<String> {
    match serde_json::to_value(p).unwrap() {
        serde_json::Value::Object(map) => {
            map.into_iter().filter(|(k, _)| k != "problem").map(|(_, v)| v.as_str().map(shown).unwrap_or_else(|| v.to_string())).collect()
        }
        other => panic!("{other}"),
    }
}

#[test]
fn there_is_a_sample_and_a_sentence_for_every_problem() {
    let tags: BTreeSet<String> =
        samples().iter().map(|p| serde_json::to_value(p).unwrap()["problem"].as_str().unwrap().to_string()).collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en/problems.json");
    let catalogue: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let keys: BTreeSet<String> = catalogue.keys().cloned().collect();
    assert_eq!(tags.len(), samples().len(), "one sample per variant");
    assert_eq!(tags, keys, "the catalogue has one sentence per variant, named after it");
}

#[test]
fn every_problem_reads_in_both_languages_with_its_values() {
    for p in samples() {
        let en = text(Locale::en, &p);
        let fr = text(Locale::fr, &p);
        assert_ne!(en, fr, "{p:?} reads the same in both languages");
        for t in [&en, &fr] {
            assert!(!t.contains("{{") && !t.trim().is_empty(), "{p:?}: {t}");
            let ungrouped = t.replace([',', '\u{202f}'], "");
            for v in values(&p) {
                assert!(t.contains(&v) || ungrouped.contains(&v), "{p:?}: {t} should show {v}");
            }
        }
        for mark in [" ;", " :", " ?", " !", "« ", " »", "'"] {
            assert!(!fr.contains(mark), "{p:?}: French typography (no-break space, ’) in {fr:?}");
        }
    }
}

#[test]
fn the_english_reads_as_before() {
    assert_eq!(text(Locale::en, &Problem::TooLong { max: 120, have: 131 }), "Use at most 120 characters (you have 131).");
    assert_eq!(text(Locale::fr, &Problem::TooShort { min: 10 }), "Utilisez au moins 10 caractères.");
    assert_eq!(
        text(Locale::en, &Problem::SpeakerElsewhere { other: "Alpha talk".into() }),
        "A speaker is already on stage at that time, in “Alpha talk”."
    );
}

#[test]
fn character_counts_are_grouped_as_each_language_writes_them() {
    assert_eq!(count(Locale::en, 999), "999");
    assert_eq!(count(Locale::en, 2000), "2,000");
    assert_eq!(count(Locale::fr, 12046), "12\u{202f}046");
    assert_eq!(
        text(Locale::fr, &Problem::TooLong { max: 2000, have: 2046 }),
        "Utilisez au plus 2\u{202f}000 caractères (vous en avez 2\u{202f}046)."
    );
}
