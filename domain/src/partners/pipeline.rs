//! Where a partner's application stands, and the steps after acceptance: agreement signed,
//! invoiced, paid — each in order, each only once accepted.
use serde::{Deserialize, Serialize};

use crate::problem::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    Applied,
    Accepted,
    Waitlist,
    Declined,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Applied, Status::Accepted, Status::Waitlist, Status::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Applied => "applied",
            Status::Accepted => "accepted",
            Status::Waitlist => "waitlist",
            Status::Declined => "declined",
        }
    }

    /// An unknown stored value reads as "applied" (it then asks for a decision).
    pub fn parse(code: &str) -> Status {
        Status::ALL.into_iter().find(|s| s.as_str() == code).unwrap_or(Status::Applied)
    }
}

/// What an organiser decides about an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Accept,
    Waitlist,
    Decline,
}

impl Decision {
    pub fn parse(code: &str) -> Option<Decision> {
        match code.trim() {
            "accept" => Some(Decision::Accept),
            "waitlist" => Some(Decision::Waitlist),
            "decline" => Some(Decision::Decline),
            _ => None,
        }
    }

    pub fn status(self) -> Status {
        match self {
            Decision::Accept => Status::Accepted,
            Decision::Waitlist => Status::Waitlist,
            Decision::Decline => Status::Declined,
        }
    }
}

/// Whether `decision` may be taken on an application that is `now`. Deciding again what it already
/// is, is refused (a second organiser's click must not send a second mail); an accepted partner may
/// still be declined (they withdrew), which frees their place.
pub fn check_decision(now: Status, decision: Decision) -> Result<(), Problem> {
    if now == decision.status() {
        return Err(Problem::AlreadyDecided);
    }
    if now == Status::Declined && decision == Decision::Waitlist {
        return Err(Problem::AlreadyDecided);
    }
    Ok(())
}

/// The steps after acceptance, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Signed,
    Invoiced,
    Paid,
}

impl Step {
    pub const ALL: [Step; 3] = [Step::Signed, Step::Invoiced, Step::Paid];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Signed => "signed",
            Step::Invoiced => "invoiced",
            Step::Paid => "paid",
        }
    }

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.as_str() == code.trim())
    }
}

/// Whether `step` may be marked: the partner is accepted, the step is not done yet, and the one
/// before it is. `done` says which steps are done, in `Step::ALL` order.
pub fn check_step(status: Status, done: [bool; 3], step: Step) -> Result<(), Problem> {
    if status != Status::Accepted {
        return Err(Problem::PartnerNotAccepted);
    }
    let i = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
    if done[i] {
        return Err(Problem::AlreadyDecided);
    }
    if i > 0 && !done[i - 1] {
        return Err(Problem::StepNeedsPrevious);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_and_unknown_reads_as_applied() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), s);
        }
        assert_eq!(Status::parse("bribed"), Status::Applied);
    }

    #[test]
    fn a_decision_is_taken_once() {
        assert_eq!(check_decision(Status::Applied, Decision::Accept), Ok(()));
        assert_eq!(check_decision(Status::Waitlist, Decision::Accept), Ok(()));
        assert_eq!(check_decision(Status::Accepted, Decision::Accept), Err(Problem::AlreadyDecided));
        assert_eq!(check_decision(Status::Accepted, Decision::Decline), Ok(()), "a partner who withdraws frees the place");
        assert_eq!(check_decision(Status::Declined, Decision::Waitlist), Err(Problem::AlreadyDecided));
        assert_eq!(check_decision(Status::Declined, Decision::Accept), Ok(()));
        assert_eq!(Decision::parse("accept"), Some(Decision::Accept));
        assert_eq!(Decision::parse("buy"), None);
    }

    #[test]
    fn steps_come_in_order_after_acceptance() {
        assert_eq!(check_step(Status::Applied, [false; 3], Step::Signed), Err(Problem::PartnerNotAccepted));
        assert_eq!(check_step(Status::Accepted, [false; 3], Step::Signed), Ok(()));
        assert_eq!(check_step(Status::Accepted, [false; 3], Step::Paid), Err(Problem::StepNeedsPrevious));
        assert_eq!(check_step(Status::Accepted, [true, false, false], Step::Invoiced), Ok(()));
        assert_eq!(check_step(Status::Accepted, [true, true, false], Step::Invoiced), Err(Problem::AlreadyDecided));
        assert_eq!(Step::parse("paid"), Some(Step::Paid));
    }
}
