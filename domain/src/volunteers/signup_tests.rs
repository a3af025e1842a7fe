use chrono::TimeZone;

use super::*;

fn at(h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 10, h, m, 0).unwrap()
}

/// Shift 7, Welcome desk, 10:00–12:00, 2 of 3 seats taken, open to all.
fn shift() -> ShiftSlot {
    ShiftSlot {
        id: 7,
        title: "Welcome desk".into(),
        team_id: 1,
        team_name: "Welcome".into(),
        restricted: false,
        start: at(10, 0),
        end: at(12, 0),
        seats: 3,
        taken: 2,
    }
}

fn early() -> DateTime<Utc> {
    at(8, 0)
}

fn busy(h: u32, until: u32) -> (i32, String, DateTime<Utc>, DateTime<Utc>) {
    (100 + h as i32, format!("Shift at {h}"), at(h, 0), at(until, 0))
}

#[test]
fn a_free_volunteer_takes_a_seat() {
    assert_eq!(can_sign_up(&shift(), &VolunteerPlan::default(), early()), Ok(()));
}

#[test]
fn shifts_that_touch_do_not_overlap() {
    let me = VolunteerPlan { shifts: vec![busy(8, 10), busy(12, 13)], ..Default::default() };
    assert_eq!(can_sign_up(&shift(), &me, early()), Ok(()));
    let me = VolunteerPlan { shifts: vec![busy(11, 13), busy(9, 11)], ..Default::default() };
    assert_eq!(
        can_sign_up(&shift(), &me, early()),
        Err(Refusal::OverlapsShift { title: "Shift at 9".into(), start: at(9, 0) }),
        "the earliest overlapping shift is named"
    );
}

#[test]
fn a_talk_of_mine_comes_first() {
    let me = VolunteerPlan {
        talks: vec![("Rust at scale".into(), at(11, 0), at(11, 45)), ("Early".into(), at(9, 0), at(10, 0))],
        ..Default::default()
    };
    assert_eq!(can_sign_up(&shift(), &me, early()), Err(Refusal::OverlapsTalk { title: "Rust at scale".into(), start: at(11, 0) }));
    let both = VolunteerPlan { shifts: vec![busy(9, 11)], ..me };
    assert!(matches!(can_sign_up(&shift(), &both, early()), Err(Refusal::OverlapsTalk { .. })));
}

#[test]
fn restricted_shifts_need_the_team_s_confirmation() {
    let restricted = ShiftSlot { restricted: true, ..shift() };
    let refusal = can_sign_up(&restricted, &VolunteerPlan::default(), early()).unwrap_err();
    assert_eq!(refusal, Refusal::NeedsTeamConfirmation { team: "Welcome".into() });
    assert_eq!(refusal.problem(|t| t.naive_utc()), Problem::NeedsTeamConfirmation { team: "Welcome".into() });
    let confirmed = VolunteerPlan { confirmed_teams: vec![1], ..Default::default() };
    assert_eq!(can_sign_up(&restricted, &confirmed, early()), Ok(()));
}

#[test]
fn full_is_said_only_when_nothing_else_stops_me() {
    let full = ShiftSlot { taken: 3, ..shift() };
    let refusal = can_sign_up(&full, &VolunteerPlan::default(), early()).unwrap_err();
    assert_eq!(refusal, Refusal::Full { taken: 3, seats: 3 });
    assert!(may_wait(&refusal));
    assert_eq!(refusal.problem(|t| t.naive_utc()), Problem::ShiftFull { taken: 3, seats: 3 });

    let restricted_full = ShiftSlot { restricted: true, ..full.clone() };
    let refusal = can_sign_up(&restricted_full, &VolunteerPlan::default(), early()).unwrap_err();
    assert!(!may_wait(&refusal), "{refusal:?}");
    let overlapping = VolunteerPlan { shifts: vec![busy(11, 12)], ..Default::default() };
    assert!(!may_wait(&can_sign_up(&full, &overlapping, early()).unwrap_err()));
}

#[test]
fn already_signed_up_and_started_come_before_the_rest() {
    let mine = VolunteerPlan { shifts: vec![(7, "Welcome desk".into(), at(10, 0), at(12, 0))], ..Default::default() };
    assert_eq!(can_sign_up(&shift(), &mine, early()), Err(Refusal::AlreadySignedUp), "my own seat is no overlap");
    assert_eq!(can_sign_up(&ShiftSlot { taken: 3, ..shift() }, &mine, at(11, 0)), Err(Refusal::AlreadySignedUp));
    assert_eq!(can_sign_up(&ShiftSlot { taken: 3, ..shift() }, &VolunteerPlan::default(), at(10, 0)), Err(Refusal::Started));
    assert_eq!(can_sign_up(&shift(), &VolunteerPlan::default(), at(9, 59)), Ok(()));
    assert_eq!(Refusal::Started.problem(|t| t.naive_utc()), Problem::ShiftStarted);
    assert!(!may_wait(&Refusal::Started) && !may_wait(&Refusal::AlreadySignedUp));
}

#[test]
fn signing_out_closes_hours_before_the_start() {
    let start = at(10, 0);
    let day_before = start - Duration::hours(SIGN_OUT_HOURS_DEFAULT);
    assert!(can_sign_out(day_before - Duration::seconds(1), start, SIGN_OUT_HOURS_DEFAULT));
    assert!(!can_sign_out(day_before, start, SIGN_OUT_HOURS_DEFAULT), "exactly 24 h before is too late");
    assert!(!can_sign_out(at(9, 0), start, SIGN_OUT_HOURS_DEFAULT));
    assert!(can_sign_out(at(9, 59), start, 0));
    assert!(!can_sign_out(start, start, 0));
}

#[test]
fn volunteers_check_in_from_a_quarter_before_until_the_end() {
    let (start, end) = (at(10, 0), at(12, 0));
    assert!(!can_check_in_self(at(9, 44), start, end));
    assert!(can_check_in_self(at(9, 45), start, end));
    assert!(can_check_in_self(at(11, 59), start, end));
    assert!(!can_check_in_self(end, start, end));
}

#[test]
fn the_waiting_list_skips_those_who_cannot_come() {
    let full = ShiftSlot { taken: 3, ..shift() };
    // 5 queued first but speaks then; 3 and 4 queued together; 4 is busy.
    let waiting = [(4, at(7, 0)), (3, at(7, 0)), (5, at(6, 0)), (6, at(7, 30))];
    let plans = |id: i32| match id {
        5 => VolunteerPlan { talks: vec![("Keynote".into(), at(10, 0), at(11, 0))], ..Default::default() },
        4 => VolunteerPlan { shifts: vec![busy(11, 12)], ..Default::default() },
        _ => VolunteerPlan::default(),
    };
    assert_eq!(next_from_waitlist(&waiting, plans, &full, early()), Some(3), "lowest id among equals");
    assert_eq!(next_from_waitlist(&waiting[..1], plans, &full, early()), None);
    assert_eq!(next_from_waitlist(&[], plans, &full, early()), None);
    assert_eq!(next_from_waitlist(&waiting, plans, &full, at(10, 0)), None, "too late once started");
    let restricted = ShiftSlot { restricted: true, ..full };
    let confirmed = |id: i32| VolunteerPlan { confirmed_teams: if id == 6 { vec![1] } else { vec![] }, ..Default::default() };
    assert_eq!(next_from_waitlist(&waiting, confirmed, &restricted, early()), Some(6));
}
