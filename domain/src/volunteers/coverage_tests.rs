use chrono::{Duration, TimeZone};

use super::*;

fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, d, h, m, 0).unwrap()
}

fn shift(id: i32, team_id: i32, (d, h): (u32, u32), seats: i32, taken: i32) -> CoverageShift {
    let team = if team_id == 1 { "Welcome" } else { "Cloakroom" };
    CoverageShift {
        id,
        team_id,
        team: team.into(),
        day: NaiveDate::from_ymd_opt(2027, 3, d).unwrap(),
        start: at(d, h, 0),
        end: at(d, h + 2, 0),
        seats,
        taken,
    }
}

#[test]
fn coverage_is_by_day_then_team_with_gaps_first() {
    let shifts = [
        shift(1, 1, (10, 9), 3, 3),
        shift(2, 1, (10, 11), 3, 2),
        shift(3, 1, (10, 13), 4, 1),
        shift(4, 1, (10, 8), 2, 1),
        shift(5, 2, (10, 9), 1, 2),
        shift(6, 1, (11, 9), 2, 0),
    ];
    let board = coverage(&shifts);
    let groups: Vec<(u32, &str)> = board.iter().map(|c| (chrono::Datelike::day(&c.day), c.team.as_str())).collect();
    assert_eq!(groups, [(10, "Cloakroom"), (10, "Welcome"), (11, "Welcome")]);
    let welcome = &board[1];
    let order: Vec<i32> = welcome.shifts.iter().map(|s| s.id).collect();
    assert_eq!(order, [3, 4, 2, 1], "shortfall 3, then 1 and 1 by start, then the full one");
    assert_eq!((welcome.needed, welcome.taken), (12, 7));
    assert_eq!((board[0].needed, board[0].taken), (1, 1), "an overfull shift counts its seats");
    assert_eq!(board[0].shifts[0].shortfall(), 0);
    assert_eq!(coverage(&[]), []);
}

#[test]
fn on_shift_now_means_started_and_not_ended() {
    let shifts = [shift(2, 1, (10, 11), 3, 2), shift(1, 1, (10, 9), 3, 3), shift(3, 2, (10, 10), 1, 1)];
    let ids = |now| on_shift_now(&shifts, now).iter().map(|s| s.id).collect::<Vec<_>>();
    assert_eq!(ids(at(10, 10, 30)), [1, 3]);
    assert_eq!(ids(at(10, 11, 0)), [3, 2], "one ends as the other starts");
    assert_eq!(ids(at(10, 8, 59)), Vec::<i32>::new());
    assert_eq!(ids(at(10, 13, 0)), Vec::<i32>::new());
}

#[test]
fn hours_are_summed_per_volunteer_to_the_quarter() {
    let s = at(10, 9, 0);
    let m = Duration::minutes;
    let worked = hours_worked(&[(7, s, s + m(120)), (7, s + m(180), s + m(250)), (8, s, s + m(7)), (9, s, s + m(8)), (9, s + m(30), s)]);
    assert_eq!(worked, BTreeMap::from([(7, 3.25), (8, 0.0), (9, 0.25)]), "190 min, 7 min and 8 min; a reversed span counts nothing");
}

#[test]
fn overlapping_check_ins_count_once() {
    let s = at(10, 9, 0);
    let m = Duration::minutes;
    let worked = hours_worked(&[(7, s, s + m(120)), (7, s + m(60), s + m(150)), (7, s + m(10), s + m(20))]);
    assert_eq!(worked[&7], 2.5);
    assert!(hours_worked(&[]).is_empty());
}
