//! The volunteer leads' page of an event: coverage per day and team (understaffed shifts first),
//! the teams, and forms to add a team and to add a shift or cut a block of hours into shifts.
use leptos::prelude::*;

use super::lead_api::{load_lead_view, AddShifts, AddTeam, ApplyHosts};
use super::views::{ClashLine, NowLine};
use super::{CoverageRow, HostLine, HostPreview, LeadView};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{
    action_error, field_error, outcome, query_flag, Check, Choices, Form, FormError, Notice, OrgField, PageTitle, SubmitButton,
};

#[component]
pub fn LeadPage() -> impl IntoView {
    let slug = param("slug");
    let add_team = ServerAction::<AddTeam>::new();
    let add_shifts = ServerAction::<AddShifts>::new();
    let apply = ServerAction::<ApplyHosts>::new();
    let versions = move || add_team.version().get() + add_shifts.version().get() + apply.version().get();
    let data = Resource::new(move || (slug(), versions()), |(s, _)| load_lead_view(s));
    let flags = [
        (query_flag("team_added"), tr!(volunteers.lead.team_added)),
        (query_flag("shifts_added"), tr!(volunteers.lead.shifts_added)),
        (query_flag("hosts_applied"), tr!(volunteers.hosts.applied)),
        (query_flag("shift_deleted"), tr!(volunteers.shift.deleted)),
    ];
    view! {
        <Transition fallback=|| view! { <p>{tr!(volunteers.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_volunteers(slug()), |v| view! {
                {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
                <Lead v add_team add_shifts apply/>
            }.into_any()))}
        </Transition>
    }
}

#[component]
fn Lead(
    v: LeadView,
    add_team: ServerAction<AddTeam>,
    add_shifts: ServerAction<AddShifts>,
    apply: ServerAction<ApplyHosts>,
) -> impl IntoView {
    let s = v.event.slug.clone();
    view! {
        <PageTitle text=tr!(volunteers.lead.title, name = &v.event.name).to_string()/>
        <p class="meta">
            <a href=urls::admin_event(&s)>{tr!(volunteers.lead.manage, name = &v.event.name).to_string()}</a>" · "
            <a href=urls::admin_volunteer_people(&s)>{tr!(volunteers.lead.people)}</a>" · "
            <a href=urls::volunteer_board(&s) rel="external">{tr!(volunteers.lead.board)}</a>
        </p>
        <h1>{tr!(volunteers.lead.heading)}</h1>
        <Now lines=v.now.clone() slug=s.clone()/>
        <Clashes lines=v.clashes.clone() slug=s.clone()/>
        <Coverage rows=v.coverage.clone() slug=s.clone()/>
        <section class="card">
            <h2>{tr!(volunteers.lead.teams)}</h2>
            {if v.teams.is_empty() {
                view! { <p class="empty">{tr!(volunteers.lead.no_teams)}</p> }.into_any()
            } else {
                view! {
                    <ul class="team-list">
                        {v.teams.iter().map(|t| view! {
                            <li style=format!("--team: {}", t.colour)>
                                <strong>{t.name.clone()}</strong>" · "{tr!(volunteers.lead.shift_count, count = t.shifts as i32).to_string()}
                                {t.restricted.then(|| view! { " "<span class="badge warn">{tr!(volunteers.lead.restricted_badge)}</span> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <Hosts slug=s.clone() preview=v.hosts.clone() teams=v.teams.iter().map(|t| (t.id.to_string(), t.name.clone())).collect() action=apply/>
        <ShiftForm slug=s.clone() v=v.clone() action=add_shifts/>
        <TeamForm slug=s action=add_team/>
    }
}

/// Who is on shift at this moment, per place: the lead's view on the day.
#[component]
fn Now(lines: Vec<NowLine>, slug: String) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        view! {
            <section class="card" id="now">
                <h2>{tr!(volunteers.lead.now)}</h2>
                <ul class="coverage">
                    {lines.into_iter().map(|l| view! {
                        <li>
                            <strong>{l.place}</strong>" · "<a href=urls::admin_shift(&slug, l.shift_id)>{l.title}</a>" · "{l.time}" — "
                            {if l.people.is_empty() {
                                view! { <span class="badge warn">{tr!(volunteers.lead.nobody_now)}</span> }.into_any()
                            } else {
                                l.people.into_iter().map(|(name, arrived)| view! {
                                    <span class="person" class:arrived=arrived>{name}{arrived.then_some(" ✓")}</span>" "
                                }).collect_view().into_any()
                            }}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// Volunteers a published agenda put on stage during one of their shifts.
#[component]
fn Clashes(lines: Vec<ClashLine>, slug: String) -> impl IntoView {
    (!lines.is_empty()).then(|| {
        view! {
            <section class="card notice-error" id="clashes">
                <h2>{tr!(volunteers.lead.clashes)}</h2>
                <ul>
                    {lines.into_iter().map(|c| view! {
                        <li>
                            {tr!(volunteers.lead.clash, name = &c.volunteer, talk = &c.talk, when = &c.talk_time).to_string()}" "
                            <a href=urls::admin_shift(&slug, c.shift_id)>{c.shift}</a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn Coverage(rows: Vec<CoverageRow>, slug: String) -> impl IntoView {
    view! {
        <section class="card">
            <h2>{tr!(volunteers.lead.coverage)}</h2>
            {rows.is_empty().then(|| view! { <p class="empty">{tr!(volunteers.lead.no_shifts)}</p> })}
            {rows.into_iter().map(|r| view! {
                <h3>{r.day}" · "{r.team}" — "{tr!(volunteers.lead.covered, taken = r.taken, needed = r.needed).to_string()}</h3>
                <ul class="coverage">
                    {r.shifts.into_iter().map(|l| {
                        let short = l.taken < l.seats;
                        view! {
                            <li class:understaffed=short>
                                <strong>{l.time}</strong>" · "<a href=urls::admin_shift(&slug, l.id)>{if l.title.is_empty() { tr!(volunteers.lead.untitled).to_string() } else { l.title }}</a>" · "{l.place}" · "
                                <span class="seats">{tr!(volunteers.board.seats, taken = l.taken, seats = l.seats).to_string()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }).collect_view()}
        </section>
    }
}

#[component]
fn ShiftForm(slug: String, v: LeadView, action: ServerAction<AddShifts>) -> impl IntoView {
    let error = action_error(action);
    let teams: Vec<(String, String)> = v.teams.iter().map(|t| (t.id.to_string(), t.name.clone())).collect();
    view! {
        <section class="card">
            <h2>{tr!(volunteers.lead.add_shifts)}</h2>
            <p class="hint">{tr!(volunteers.lead.times_in, zone = &v.time_zone).to_string()}</p>
            <FormError error/>
            <Form action>
                <input type="hidden" name="slug" value=slug/>
                <Choices label=tr!(volunteers.lead.team) name="team_id" options=teams placeholder=tr!(volunteers.lead.choose_team) error=field_error(error, "team_id")/>
                <div class="grid-2">
                    <OrgField label=tr!(volunteers.lead.place) name="place" id="f-place" maxlength=80 required=true error=field_error(error, "place")/>
                    <OrgField label=tr!(volunteers.lead.shift_title) name="title" id="f-title" maxlength=120 error=field_error(error, "title")/>
                </div>
                <div class="grid-3">
                    <Choices label=tr!(volunteers.lead.day) name="day" options=v.days.clone() error=field_error(error, "day")/>
                    <OrgField label=tr!(volunteers.lead.start) name="start" id="f-start" kind="time" required=true error=field_error(error, "start")/>
                    <OrgField label=tr!(volunteers.lead.end) name="end" id="f-end" kind="time" required=true error=field_error(error, "end")/>
                </div>
                <div class="grid-2">
                    <OrgField label=tr!(volunteers.lead.seats) name="seats" id="f-seats" kind="number" min="1" max="200" value="2" required=true error=field_error(error, "seats")/>
                    <OrgField label=tr!(volunteers.lead.cut) name="cut" id="f-cut" kind="number" min="15" max="720" hint=tr!(volunteers.lead.cut_hint) error=field_error(error, "cut")/>
                </div>
                <OrgField label=tr!(volunteers.lead.notes) name="notes" id="f-notes" maxlength=2000 error=field_error(error, "notes")/>
                <SubmitButton action label=tr!(volunteers.lead.add_shifts_button)/>
            </Form>
        </section>
    }
}

#[component]
fn TeamForm(slug: String, action: ServerAction<AddTeam>) -> impl IntoView {
    let error = action_error(action);
    view! {
        <section class="card">
            <h2>{tr!(volunteers.lead.add_team)}</h2>
            <FormError error/>
            <Form action>
                <input type="hidden" name="slug" value=slug/>
                <div class="grid-2">
                    <OrgField label=tr!(volunteers.lead.team_name) name="name" id="f-team-name" maxlength=60 required=true error=field_error(error, "name")/>
                    <OrgField label=tr!(volunteers.lead.colour) name="colour" id="f-colour" kind="color" value="#0969da" error=field_error(error, "colour")/>
                </div>
                <OrgField label=tr!(volunteers.lead.description) name="description" id="f-team-description" maxlength=500 error=field_error(error, "description")/>
                <OrgField label=tr!(volunteers.lead.briefing) name="briefing" id="f-briefing" maxlength=2000 error=field_error(error, "briefing")/>
                <div class="grid-2">
                    <OrgField label=tr!(volunteers.lead.lead_name) name="lead_name" id="f-lead-name" maxlength=120 error=field_error(error, "lead_name")/>
                    <OrgField label=tr!(volunteers.lead.lead_phone) name="lead_phone" id="f-lead-phone" kind="tel" maxlength=40 error=field_error(error, "lead_phone")/>
                </div>
                <Check label=tr!(volunteers.lead.restricted) name="restricted" id="f-restricted" checked=false/>
                <SubmitButton action label=tr!(volunteers.lead.add_team_button)/>
            </Form>
        </section>
    }
}

/// Room hosts from the published agenda: the preview, then one button to apply it.
#[component]
fn Hosts(slug: String, preview: HostPreview, teams: Vec<(String, String)>, action: ServerAction<ApplyHosts>) -> impl IntoView {
    let error = action_error(action);
    let lines = |title: &'static str, rows: Vec<HostLine>| {
        (!rows.is_empty()).then(|| {
            view! {
                <h3>{title}</h3>
                <ul class="coverage">
                    {rows.into_iter().map(|l| view! {
                        <li><strong>{l.when}</strong>" · "{l.room}" · "{l.first_talk}
                            {(l.taken > 0).then(|| view! { " · "<span class="badge warn">{tr!(volunteers.hosts.has_volunteers, count = l.taken).to_string()}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    let nothing = preview.create.is_empty() && preview.moved.is_empty() && preview.delete.is_empty();
    view! {
        <section class="card">
            <h2>{tr!(volunteers.hosts.heading)}</h2>
            <p class="hint">{tr!(volunteers.hosts.rule)}</p>
            {if !preview.published {
                view! { <p class="empty">{tr!(volunteers.hosts.no_agenda)}</p> }.into_any()
            } else if nothing {
                view! { <p class="empty">{tr!(volunteers.hosts.up_to_date, count = preview.unchanged as i32).to_string()}</p> }.into_any()
            } else {
                view! {
                    {lines(tr!(volunteers.hosts.create), preview.create)}
                    {lines(tr!(volunteers.hosts.moved), preview.moved)}
                    {lines(tr!(volunteers.hosts.delete), preview.delete)}
                    <FormError error/>
                    <Form action>
                        <input type="hidden" name="slug" value=slug/>
                        <Choices label=tr!(volunteers.hosts.team) name="team_id" options=teams placeholder=tr!(volunteers.lead.choose_team) error=field_error(error, "team_id")/>
                        <SubmitButton action label=tr!(volunteers.hosts.apply)/>
                    </Form>
                }.into_any()
            }}
        </section>
    }
}
