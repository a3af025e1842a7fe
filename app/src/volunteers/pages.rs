//! The shift board of an event's volunteers: days, shifts with their seats and where each stands for
//! me, and one button per shift (take, wait, leave). Rendered on the server only, like the agenda.
use leptos::prelude::*;

use super::api::{load_board, load_my_shifts, IAmHere, LeaveShift, NewFeedLink, TakeShift, WaitForShift};
use super::{BoardShift, BoardView, MyShiftsView, ShiftState};
use crate::error::AppError;
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{action_error, outcome, query_flag, Form, Notice, PageTitle};

#[component]
pub fn ShiftBoardPage() -> impl IntoView {
    let slug = param("slug");
    let only = query_flag("only");
    let data = Resource::new(move || (slug(), only.get()), |(s, only)| load_board(s, only.then(|| "open".to_string())));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(volunteers.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::volunteer_board(slug()), |v| view! { <Board v/> }.into_any()))}
        </Suspense>
    }
}

/// What went wrong with the last button pressed: the rule's own sentence when it has one.
fn said(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let text = e.field_message("shift").unwrap_or_else(|| e.text());
            view! { <div class="notice notice-error" role="alert">{text}</div> }
        })
    }
}

#[component]
fn Board(v: BoardView) -> impl IntoView {
    let take = ServerAction::<TakeShift>::new();
    let wait = ServerAction::<WaitForShift>::new();
    let leave = ServerAction::<LeaveShift>::new();
    let slug = v.event.slug.clone();
    let here = urls::volunteer_board(&slug);
    let flags = [
        (query_flag("taken"), tr!(volunteers.flags.taken)),
        (query_flag("waiting"), tr!(volunteers.flags.waiting)),
        (query_flag("left"), tr!(volunteers.flags.left)),
    ];
    let empty = v.days.is_empty();
    view! {
        <PageTitle text=tr!(volunteers.board.title, name = &v.event.name).to_string()/>
        <h1>{tr!(volunteers.board.heading, name = &v.event.name).to_string()}</h1>
        <p class="meta">
            <a href=urls::my_shifts(&slug)>{tr!(volunteers.board.mine_link)}</a>" · "
            {if v.only_open {
                view! { <a href=here.clone()>{tr!(volunteers.board.all)}</a> }.into_any()
            } else {
                view! { <a href=format!("{here}?only=open")>{tr!(volunteers.board.only_open)}</a> }.into_any()
            }}
        </p>
        {flags.into_iter().map(|(on, text)| move || on.get().then(|| view! { <Notice>{text}</Notice> })).collect_view()}
        {said(action_error(take))}
        {said(action_error(wait))}
        {said(action_error(leave))}
        {empty.then(|| view! { <p class="empty">{tr!(volunteers.board.empty)}</p> })}
        {v.days.into_iter().map(|d| view! {
            <section class="shift-day">
                <h2>{d.label}</h2>
                <ul class="shift-list">
                    {d.shifts.into_iter().map(|s| view! { <ShiftCard s slug=slug.clone() take wait leave/> }).collect_view()}
                </ul>
            </section>
        }).collect_view()}
    }
}

#[component]
fn ShiftCard(
    s: BoardShift,
    slug: String,
    take: ServerAction<TakeShift>,
    wait: ServerAction<WaitForShift>,
    leave: ServerAction<LeaveShift>,
) -> impl IntoView {
    let id = s.id.to_string();
    let seats = tr!(volunteers.board.seats, taken = s.taken, seats = s.seats).to_string();
    let hidden = view! {
        <input type="hidden" name="slug" value=slug/>
        <input type="hidden" name="shift" value=id.clone()/>
    };
    let action = match s.state {
        ShiftState::Open => view! {
            <Form action=take>{hidden}<button type="submit" class="button primary">{tr!(volunteers.board.take)}</button></Form>
        }
        .into_any(),
        ShiftState::Full => view! {
            <p class="hint">{tr!(volunteers.board.full)}</p>
            <Form action=wait>{hidden}<button type="submit" class="button">{tr!(volunteers.board.wait)}</button></Form>
        }
        .into_any(),
        ShiftState::Mine if s.can_leave => view! {
            <p class="badge ok">{tr!(volunteers.board.mine)}</p>
            <Form action=leave>{hidden}<button type="submit" class="link-button danger">{tr!(volunteers.board.leave)}</button></Form>
        }
        .into_any(),
        ShiftState::Mine => view! {
            <p class="badge ok">{tr!(volunteers.board.mine)}</p>
            <p class="hint">{tr!(volunteers.board.ask_the_lead)}</p>
        }
        .into_any(),
        ShiftState::Waiting => view! {
            <p class="badge">{tr!(volunteers.board.on_waiting_list)}</p>
            <Form action=leave>{hidden}<button type="submit" class="link-button">{tr!(volunteers.board.stop_waiting)}</button></Form>
        }
        .into_any(),
        ShiftState::Blocked => view! { <p class="hint why-not">{s.why_not.clone().unwrap_or_default()}</p> }.into_any(),
    };
    view! {
        <li class="shift-card" id=format!("shift-{id}") style=format!("--team: {}", s.colour)>
            <p class="shift-when"><strong>{s.time}</strong>" · "{s.place}</p>
            <h3>{s.title}</h3>
            <p class="meta">{s.team}" · "<span class="seats">{seats}</span></p>
            {action}
        </li>
    }
}

/// "My shifts": next first, with the team's briefing and its lead's contact, and the calendar feed.
#[component]
pub fn MyShiftsPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(slug, load_my_shifts);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(volunteers.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::my_shifts(slug()), |v| view! { <Mine v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn Mine(v: MyShiftsView) -> impl IntoView {
    let feed = ServerAction::<NewFeedLink>::new();
    let here = ServerAction::<IAmHere>::new();
    let leave = ServerAction::<LeaveShift>::new();
    let slug = v.event.slug.clone();
    let arrived = query_flag("here");
    view! {
        <PageTitle text=tr!(volunteers.mine.title, name = &v.event.name).to_string()/>
        <h1>{tr!(volunteers.mine.heading)}</h1>
        <p class="meta"><a href=urls::volunteer_board(&slug)>{tr!(volunteers.mine.board)}</a></p>
        {move || arrived.get().then(|| view! { <Notice>{tr!(volunteers.mine.thanks_here)}</Notice> })}
        {said(action_error(here))}
        {said(action_error(leave))}
        {v.shifts.is_empty().then(|| view! { <p class="empty">{tr!(volunteers.mine.none)}</p> })}
        <ul class="shift-list">
            {v.shifts.into_iter().map(|s| {
                let (here_slug, leave_slug, id) = (slug.clone(), slug.clone(), s.id.to_string());
                let leave_id = id.clone();
                view! {
                <li class="shift-card" class:over=s.over id=format!("shift-{}", s.id)>
                    <p class="shift-when"><strong>{s.when}</strong>" · "{s.place}</p>
                    <h3>{if s.title.is_empty() { s.team.clone() } else { s.title }}</h3>
                    <p class="meta">{s.team}</p>
                    {(!s.briefing.is_empty()).then(|| view! { <p><strong>{tr!(volunteers.mine.briefing)}</strong>" "{s.briefing}</p> })}
                    {(!s.notes.is_empty()).then(|| view! { <p>{s.notes}</p> })}
                    {(!s.lead_name.is_empty() || !s.lead_phone.is_empty()).then(|| view! {
                        <p>{tr!(volunteers.mine.lead)}" "{s.lead_name}" "
                            <a href=format!("tel:{}", s.lead_phone.replace(' ', ""))>{s.lead_phone.clone()}</a>
                        </p>
                    })}
                    {s.arrived.then(|| view! { <p class="badge ok">{tr!(volunteers.mine.arrived)}</p> })}
                    {s.can_check_in.then(move || view! {
                        <Form action=here>
                            <input type="hidden" name="slug" value=here_slug/>
                            <input type="hidden" name="shift" value=id/>
                            <button type="submit" class="button primary">{tr!(volunteers.mine.here)}</button>
                        </Form>
                    })}
                    {(s.can_leave && !s.over).then(move || view! {
                        <Form action=leave>
                            <input type="hidden" name="slug" value=leave_slug/>
                            <input type="hidden" name="shift" value=leave_id/>
                            <button type="submit" class="link-button danger">{tr!(volunteers.board.leave)}</button>
                        </Form>
                    })}
                </li>
                }
            }).collect_view()}
        </ul>
        <section class="card" id="calendar">
            <h2>{tr!(volunteers.mine.calendar)}</h2>
            {match v.feed {
                Some(url) => view! {
                    <p>{tr!(volunteers.mine.feed_hint)}</p>
                    <p class="feed-url"><a href=url.clone()>{url.clone()}</a></p>
                }.into_any(),
                None => view! { <p>{tr!(volunteers.mine.no_feed)}</p> }.into_any(),
            }}
            <Form action=feed>
                <input type="hidden" name="slug" value=slug/>
                <button type="submit" class="button">{tr!(volunteers.mine.make_feed)}</button>
            </Form>
        </section>
    }
}
