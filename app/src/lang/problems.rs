//! The rules' problems (`domain::problem::Problem`) in words, in the reader's language.
use domain::problem::Problem;
use leptos_i18n::td_string;

use super::Locale;

/// What `problem` says, in `l`.
pub fn text(l: Locale, problem: &Problem) -> String {
    match problem {
        Problem::TooShort { min } => td_string!(l, problems.too_short, min = count(l, *min)).to_string(),
        Problem::AtMost { max } => td_string!(l, problems.at_most, max = count(l, *max)).to_string(),
        Problem::TooLong { max, have } => td_string!(l, problems.too_long, max = count(l, *max), have = count(l, *have)).to_string(),
        Problem::NameMissing => td_string!(l, problems.name_missing).to_string(),
        Problem::EmailMissing => td_string!(l, problems.email_missing).to_string(),
        Problem::EmailInvalid => td_string!(l, problems.email_invalid).to_string(),
        Problem::PasswordIsEmail => td_string!(l, problems.password_is_email).to_string(),
        Problem::PasswordWeak => td_string!(l, problems.password_weak).to_string(),
        Problem::DisplayNameMissing => td_string!(l, problems.display_name_missing).to_string(),
        Problem::TalkTitleMissing => td_string!(l, problems.talk_title_missing).to_string(),
        Problem::AbstractTooShort { min, have } => {
            td_string!(l, problems.abstract_too_short, min = count(l, *min), have = count(l, *have)).to_string()
        }
        Problem::LevelMissing => td_string!(l, problems.level_missing).to_string(),
        Problem::LanguageMissing => td_string!(l, problems.language_missing).to_string(),
        Problem::LevelNotOffered => td_string!(l, problems.level_not_offered).to_string(),
        Problem::LanguageNotOffered => td_string!(l, problems.language_not_offered).to_string(),
        Problem::FormatNotOffered => td_string!(l, problems.format_not_offered).to_string(),
        Problem::TrackNotOffered => td_string!(l, problems.track_not_offered).to_string(),
        Problem::DurationOutOfRange { min, max } => td_string!(l, problems.duration_out_of_range, min = min, max = max).to_string(),
        Problem::ColourInvalid => td_string!(l, problems.colour_invalid).to_string(),
        Problem::SlugInvalid => td_string!(l, problems.slug_invalid).to_string(),
        Problem::EventNameMissing => td_string!(l, problems.event_name_missing).to_string(),
        Problem::CityMissing => td_string!(l, problems.city_missing).to_string(),
        Problem::VenueMissing => td_string!(l, problems.venue_missing).to_string(),
        Problem::EndBeforeStart => td_string!(l, problems.end_before_start).to_string(),
        Problem::DatesMissing => td_string!(l, problems.dates_missing).to_string(),
        Problem::TimeZoneUnknown => td_string!(l, problems.time_zone_unknown).to_string(),
        Problem::VisibilityMissing => td_string!(l, problems.visibility_missing).to_string(),
        Problem::PublicNameMissing => td_string!(l, problems.public_name_missing).to_string(),
        Problem::UrlInvalid => td_string!(l, problems.url_invalid).to_string(),
        Problem::GithubInvalid => td_string!(l, problems.github_invalid).to_string(),
        Problem::SocialInvalid => td_string!(l, problems.social_invalid).to_string(),
        Problem::PhotoMissing => td_string!(l, problems.photo_missing).to_string(),
        Problem::PhotoTooBig { max_mb } => td_string!(l, problems.photo_too_big, max_mb = max_mb).to_string(),
        Problem::PhotoNotAnImage => td_string!(l, problems.photo_not_an_image).to_string(),
        Problem::PhotoTooManyPixels { max_side } => td_string!(l, problems.photo_too_many_pixels, max_side = max_side).to_string(),
        Problem::StartMissing => td_string!(l, problems.start_missing).to_string(),
        Problem::EndMissing => td_string!(l, problems.end_missing).to_string(),
        Problem::NoteTooLong { max } => td_string!(l, problems.note_too_long, max = count(l, *max)).to_string(),
        Problem::OutsideEvent { dates } => td_string!(l, problems.outside_event, dates = dates).to_string(),
        Problem::EndNotAfterStart => td_string!(l, problems.end_not_after_start).to_string(),
        Problem::TooManyWindows { max } => td_string!(l, problems.too_many_windows, max = max).to_string(),
        Problem::ScoreInvalid { max } => td_string!(l, problems.score_invalid, max = max).to_string(),
        Problem::CommentTooLong { max } => td_string!(l, problems.comment_too_long, max = count(l, *max)).to_string(),
        Problem::FeedbackTooLong { max } => td_string!(l, problems.feedback_too_long, max = count(l, *max)).to_string(),
        Problem::Empty => td_string!(l, problems.empty).to_string(),
        Problem::KeepItUnder { max } => td_string!(l, problems.keep_it_under, max = count(l, *max)).to_string(),
        Problem::UnknownPlaceholder { found, known } => {
            td_string!(l, problems.unknown_placeholder, found = found, known = known).to_string()
        }
        Problem::ClaimForAnotherAddress { invited, email } => {
            td_string!(l, problems.claim_for_another_address, invited = invited, email = email).to_string()
        }
        Problem::ClaimNeedsVerifiedEmail { email } => td_string!(l, problems.claim_needs_verified_email, email = email).to_string(),
        Problem::CapacityInvalid { max } => td_string!(l, problems.capacity_invalid, max = max).to_string(),
        Problem::ClockInvalid => td_string!(l, problems.clock_invalid).to_string(),
        Problem::ClockOffGrid { grid } => td_string!(l, problems.clock_off_grid, grid = grid).to_string(),
        Problem::ClosesBeforeOpens => td_string!(l, problems.closes_before_opens).to_string(),
        Problem::MinutesInvalid => td_string!(l, problems.minutes_invalid).to_string(),
        Problem::MinutesOutOfRange { min, max } => td_string!(l, problems.minutes_out_of_range, min = min, max = max).to_string(),
        Problem::MinutesOffGrid { grid } => td_string!(l, problems.minutes_off_grid, grid = grid).to_string(),
        Problem::ItemTitleMissing => td_string!(l, problems.item_title_missing).to_string(),
        Problem::ItemTitleTooLong { max } => td_string!(l, problems.item_title_too_long, max = max).to_string(),
        Problem::NotOnGrid { grid } => td_string!(l, problems.not_on_grid, grid = grid).to_string(),
        Problem::EmptyOrReversed => td_string!(l, problems.empty_or_reversed).to_string(),
        Problem::OutsideDay => td_string!(l, problems.outside_day).to_string(),
        Problem::RoomTaken { room, other } => td_string!(l, problems.room_taken, room = room, other = other).to_string(),
        Problem::SpeakerElsewhere { other } => td_string!(l, problems.speaker_elsewhere, other = other).to_string(),
        Problem::DurationDiffers { format_minutes, minutes } => {
            td_string!(l, problems.duration_differs, format_minutes = format_minutes, minutes = minutes).to_string()
        }
        Problem::SpeakerUnavailable => td_string!(l, problems.speaker_unavailable).to_string(),
        Problem::RoomTooSmall { room, capacity, expected } => {
            td_string!(l, problems.room_too_small, room = room, capacity = capacity, expected = expected).to_string()
        }
        Problem::BackToBack { other, gap } => td_string!(l, problems.back_to_back, other = other, gap = gap).to_string(),
        Problem::TeamUnknown => td_string!(l, problems.team_unknown).to_string(),
        Problem::PlaceMissing => td_string!(l, problems.place_missing).to_string(),
        Problem::DayInvalid => td_string!(l, problems.day_invalid).to_string(),
        Problem::DayOutsideEvent { first, last } => {
            td_string!(l, problems.day_outside_event, first = day(l, *first), last = day(l, *last)).to_string()
        }
        Problem::SeatsInvalid { min, max } => td_string!(l, problems.seats_invalid, min = min, max = max).to_string(),
        Problem::TooManyShifts { max } => td_string!(l, problems.too_many_shifts, max = max).to_string(),
        Problem::DaysMissing => td_string!(l, problems.days_missing).to_string(),
        Problem::TShirtUnknown => td_string!(l, problems.t_shirt_unknown).to_string(),
        Problem::AlreadySignedUp => td_string!(l, problems.already_signed_up).to_string(),
        Problem::ShiftStarted => td_string!(l, problems.shift_started).to_string(),
        Problem::OverlapsTalk { title, start } => td_string!(l, problems.overlaps_talk, title = title, start = when(l, *start)).to_string(),
        Problem::OverlapsShift { title, start } => {
            td_string!(l, problems.overlaps_shift, title = title, start = when(l, *start)).to_string()
        }
        Problem::NeedsTeamConfirmation { team } => td_string!(l, problems.needs_team_confirmation, team = team).to_string(),
        Problem::ShiftFull { taken, seats } => td_string!(l, problems.shift_full, taken = taken, seats = seats).to_string(),
        Problem::HoursOutOfRange { min, max } => td_string!(l, problems.hours_out_of_range, min = min, max = max).to_string(),
        Problem::MinutesBetween { min, max } => td_string!(l, problems.minutes_between, min = min, max = max).to_string(),
        Problem::SeatsBelowTaken { taken } => td_string!(l, problems.seats_below_taken, taken = taken).to_string(),
        Problem::NumberBetween { min, max } => td_string!(l, problems.number_between, min = min, max = max).to_string(),
        Problem::TierKindUnknown => td_string!(l, problems.tier_kind_unknown).to_string(),
        Problem::NameTaken => td_string!(l, problems.name_taken).to_string(),
        Problem::TierBelowTaken { taken } => td_string!(l, problems.tier_below_taken, taken = taken).to_string(),
        Problem::TierInUse => td_string!(l, problems.tier_in_use).to_string(),
        Problem::TierUnknown => td_string!(l, problems.tier_unknown).to_string(),
        Problem::TierSoldOut { tier } => td_string!(l, problems.tier_sold_out, tier = tier).to_string(),
        Problem::CompanyMissing => td_string!(l, problems.company_missing).to_string(),
        Problem::CompanyTaken => td_string!(l, problems.company_taken).to_string(),
        Problem::VatInvalid => td_string!(l, problems.vat_invalid).to_string(),
        Problem::AlreadyDecided => td_string!(l, problems.already_decided).to_string(),
        Problem::PartnerNotAccepted => td_string!(l, problems.partner_not_accepted).to_string(),
        Problem::StepNeedsPrevious => td_string!(l, problems.step_needs_previous).to_string(),
        Problem::TooManyLinks { max } => td_string!(l, problems.too_many_links, max = max).to_string(),
        Problem::JobsNotInTier => td_string!(l, problems.jobs_not_in_tier).to_string(),
        Problem::StaffPassesUsed { max } => td_string!(l, problems.staff_passes_used, max = max).to_string(),
        Problem::StaffTaken => td_string!(l, problems.staff_taken).to_string(),
        Problem::BoothNumberInvalid { max } => td_string!(l, problems.booth_number_invalid, max = max).to_string(),
        Problem::BoothNumberTaken => td_string!(l, problems.booth_number_taken).to_string(),
        Problem::BoothOffFloor { width, height } => td_string!(l, problems.booth_off_floor, width = width, height = height).to_string(),
        Problem::BoothOverlaps { number } => td_string!(l, problems.booth_overlaps, number = number).to_string(),
        Problem::BoothTooSmall { area, promised } => td_string!(l, problems.booth_too_small, area = area, promised = promised).to_string(),
        Problem::BoothTaken { number, partner } => td_string!(l, problems.booth_taken, number = number, partner = partner).to_string(),
        Problem::ImageNotPngOrSvg => td_string!(l, problems.image_not_png_or_svg).to_string(),
        Problem::ImageTooBig { max_kb } => td_string!(l, problems.image_too_big, max_kb = max_kb).to_string(),
        Problem::SvgUnsafe => td_string!(l, problems.svg_unsafe).to_string(),
        Problem::TalksNotInTier => td_string!(l, problems.talks_not_in_tier).to_string(),
        Problem::PitchRuleNotAcknowledged => td_string!(l, problems.pitch_rule_not_acknowledged).to_string(),
    }
}

/// A number of characters in `l`: "2,000" / "2 000" (digits grouped by three from 1,000 on).
pub fn count(l: Locale, n: usize) -> String {
    let digits = n.to_string();
    if digits.len() < 4 {
        return digits;
    }
    let group = td_string!(l, common.numbers.group);
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(d);
    }
    out
}

/// A day in `l` ("mardi 3 février"); in the browser, which has no locale data, as 2026-02-03.
fn day(_l: Locale, d: chrono::NaiveDate) -> String {
    #[cfg(feature = "ssr")]
    return super::dates::day(_l, d);
    #[cfg(not(feature = "ssr"))]
    d.to_string()
}

/// A local day and time in `l` ("mardi 3 février, 14 h 30"); in the browser as 2026-02-03 14:30.
fn when(_l: Locale, t: chrono::NaiveDateTime) -> String {
    #[cfg(feature = "ssr")]
    return td_string!(_l, common.dates.date_at_time, date = super::dates::day(_l, t.date()), time = super::dates::time(_l, t.time()))
        .to_string();
    #[cfg(not(feature = "ssr"))]
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// [`text`] in the language of the page being rendered (on the server, of the request).
pub fn here(problem: &Problem) -> String {
    text(super::use_locale(), problem)
}

#[cfg(test)]
#[path = "problems_tests.rs"]
mod tests;
