//! The deliberation page: scores and reviews, decisions kept pending until published, slots per
//! format, and the promotion a decline calls for. Every form works without JavaScript.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_deliberation, DecideProposal, PromoteProposal, PublishDecisions};
use super::{Deliberation, DeliberationRow, SelectionFilters, Suggestion};
use crate::plumbing::{general_error, param, row_error, row_has_error, urls};
use crate::tr;
use crate::ui::{action_error, chosen, outcome, query_flag, typed_or, Choices, Form, FormError, Notice, PageTitle, SubmitButton, TextBox};
use domain::cfp::Choice;
use domain::review::Decision;

#[component]
pub fn DeliberationPage() -> impl IntoView {
    let slug = param("slug");
    let query = use_query_map();
    let filters = move || {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        SelectionFilters { format: get("format"), track: get("track"), level: get("level"), language: get("language"), sort: get("sort") }
    };
    let decide = ServerAction::<DecideProposal>::new();
    let publish = ServerAction::<PublishDecisions>::new();
    let promote = ServerAction::<PromoteProposal>::new();
    let versions = move || decide.version().get() + publish.version().get() + promote.version().get();
    let data = Resource::new(move || (slug(), filters(), versions()), |(s, f, _)| load_deliberation(s, f));
    let published = Memo::new(move |_| query.read().get("published"));
    let flags = [
        (query_flag("decided"), tr!(selection.deliberation.flags.decided)),
        (query_flag("nothing_new"), tr!(selection.deliberation.flags.nothing_new)),
        (query_flag("promoted"), tr!(selection.deliberation.flags.promoted)),
    ];
    view! {
        {move || published.get().map(|n| view! { <Notice>{tr!(selection.deliberation.flags.published, count = n).to_string()}</Notice> })}
        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
        <Transition fallback=|| view! { <p>{tr!(selection.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_selection(slug()), |d| {
                view! { <DeliberationBody d decide publish promote/> }.into_any()
            }))}
        </Transition>
    }
}

#[component]
fn DeliberationBody(
    d: Deliberation,
    decide: ServerAction<DecideProposal>,
    publish: ServerAction<PublishDecisions>,
    promote: ServerAction<PromoteProposal>,
) -> impl IntoView {
    let s = d.event.slug.clone();
    let (slug_for_banners, slug_for_rows) = (s.clone(), s.clone());
    let base = urls::admin_selection(&s);
    let none = Signal::derive(|| None::<String>);
    let f = d.filters.clone();
    let view_qs = f.query_string();
    let shown = d.rows.len();
    view! {
        <PageTitle text=tr!(selection.deliberation.title, name = &d.event.name).to_string()/>
        <p class="meta">
            <a href=urls::admin_event(&s)>{tr!(selection.nav.manage, name = &d.event.name).to_string()}</a>" · "
            <a href=urls::admin_selection_settings(&s)>{tr!(selection.settings.heading)}</a>" · "
            <a href=urls::admin_selection_log(&s)>{tr!(selection.nav.audit)}</a>" · "
            <a href=urls::admin_proposals(&s)>{tr!(selection.nav.proposals)}</a>
        </p>
        <h1>{tr!(selection.nav.selection)}</h1>
        {d.anonymous.then(|| view! {
            <p class="hint">{tr!(selection.deliberation.anonymous)}</p>
        })}
        {d.reviews_open.then(|| view! { <p class="hint">{tr!(selection.deliberation.reviews_open)}</p> })}
        <FormError error=action_error(promote)/>
        {d.suggestions.into_iter().map(|sg| view! { <SuggestionBanner slug=slug_for_banners.clone() sg promote/> }).collect_view()}
        <section class="card">
            <h2>{tr!(selection.deliberation.per_format)}</h2>
            <ul class="org-counts">
                {d.slots.into_iter().map(|c| view! {
                    <li><span>{c.label()}</span>{c.over().then(|| view! { <span class="badge warn">{tr!(selection.deliberation.over)}</span> })}</li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card">
            <h2>{tr!(selection.deliberation.publish)}</h2>
            <p>
                {match d.pending { 0 => tr!(selection.deliberation.pending_none).to_string(), n => tr!(selection.deliberation.pending, count = n as i32).to_string() }}
                {tr!(selection.deliberation.publish_hint)}
            </p>
            <FormError error=action_error(publish)/>
            <Form action=publish>
                <input type="hidden" name="slug" value=s.clone()/>
                <SubmitButton action=publish label=tr!(selection.deliberation.publish_button)/>
            </Form>
        </section>
        <form method="get" action=base.clone() class="card org-filters" role="search">
            <h2>{tr!(selection.deliberation.filter)}</h2>
            <div class="grid-3">
                <Choices label=tr!(selection.fields.format) name="format" options=d.formats.clone() selected=f.format.clone() placeholder=tr!(selection.deliberation.any_format) error=none/>
                <Choices label=tr!(selection.fields.track) name="track" options=d.tracks.clone() selected=f.track.clone() placeholder=tr!(selection.deliberation.any_track) error=none/>
                <Choices label=tr!(selection.fields.level) name="level" options=d.levels.clone() selected=f.level.clone() placeholder=tr!(selection.deliberation.any_level) error=none/>
                <Choices label=tr!(selection.fields.language) name="language" options=d.languages.clone() selected=f.language.clone() placeholder=tr!(selection.deliberation.any_language) error=none/>
                <Choices label=tr!(selection.deliberation.sort_by) name="sort" options=d.sorts.clone() selected=f.sort.clone() error=none/>
            </div>
            <button type="submit" class="button primary">{tr!(selection.deliberation.apply)}</button>" "
            {f.is_filtered().then(|| view! { <a href=base.clone()>{tr!(selection.deliberation.clear)}</a> })}
        </form>
        <p>{tr!(selection.deliberation.shown, shown = shown, total = d.total).to_string()}</p>
        <FormError error=general_error(action_error(decide))/>
        {if d.rows.is_empty() {
            view! { <p class="empty">{tr!(selection.deliberation.no_match)}</p> }.into_any()
        } else {
            view! {
                <div class="org-table-wrap">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{tr!(selection.deliberation.proposal)}</th><th scope="col">{tr!(selection.deliberation.details)}</th><th scope="col">{tr!(selection.deliberation.reviews)}</th>
                            <th scope="col">{tr!(selection.deliberation.mean)}</th><th scope="col">{tr!(selection.deliberation.median)}</th><th scope="col">{tr!(selection.deliberation.stddev)}</th><th scope="col">{tr!(selection.deliberation.decision)}</th>
                        </tr></thead>
                        <tbody>{d.rows.into_iter().map(|r| view! { <ProposalLines slug=slug_for_rows.clone() view_qs=view_qs.clone() r decide/> }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}

#[component]
fn SuggestionBanner(slug: String, sg: Suggestion, promote: ServerAction<PromoteProposal>) -> impl IntoView {
    view! {
        <section class="notice notice-ok" role="status">
            <p>{tr!(selection.suggestion.declined, title = &sg.declined_title, format = &sg.format).to_string()}</p>
            {match (sg.candidate_code.clone(), sg.candidate_title.clone()) {
                (Some(code), Some(title)) => view! {
                    <p>
                        {tr!(selection.suggestion.next, format = &sg.format).to_string()}<strong>{tr!(selection.suggestion.quoted, title = &title).to_string()}</strong>
                        {sg.candidate_rank.map(|r| tr!(selection.suggestion.rank, rank = r).to_string())}"."
                    </p>
                    <Form action=promote>
                        <input type="hidden" name="slug" value=slug/>
                        <input type="hidden" name="code" value=code/>
                        <button type="submit" class="button primary">{tr!(selection.suggestion.promote)}</button>
                    </Form>
                }.into_any(),
                _ => view! { <p>{tr!(selection.suggestion.nobody)}</p> }.into_any(),
            }}
        </section>
    }
}

fn decision_badge(r: &DeliberationRow) -> AnyView {
    let working = match r.decision.as_str() {
        "" => tr!(selection.decisions.none).to_string(),
        "waitlisted" if !r.waitlist_rank.is_empty() => tr!(selection.decisions.waitlisted_rank, rank = &r.waitlist_rank).to_string(),
        d => Decision::parse(d).map(|d| super::decision_label(crate::lang::use_locale(), d).to_string()).unwrap_or_else(|| d.to_string()),
    };
    let published =
        (!r.published_label.is_empty()).then(|| tr!(selection.deliberation.published_as, decision = &r.published_label).to_string());
    view! {
        <span>{working}</span>
        {r.pending.then(|| view! { " "<span class="badge warn">{tr!(selection.deliberation.pending_badge)}</span> })}
        {published.map(|p| view! { <br/><span class="meta">{p}</span> })}
        {(!r.response_label.is_empty()).then(|| view! { " "<span class="badge ok">{r.response_label.clone()}</span> })}
    }
    .into_any()
}

#[component]
fn ProposalLines(slug: String, view_qs: String, r: DeliberationRow, decide: ServerAction<DecideProposal>) -> impl IntoView {
    let error = action_error(decide);
    let p = format!("d-{}-", r.code);
    let open = row_has_error(error, p.clone());
    let details = [&r.format, &r.track]
        .into_iter()
        .map(|v| v.clone().unwrap_or_else(|| "–".into()))
        .chain([r.level_label.clone(), r.language_label.clone()]);
    let details = details.collect::<Vec<_>>().join(" · ");
    let options = [
        ("", tr!(selection.decisions.none)),
        ("accepted", tr!(selection.decisions.accepted)),
        ("waitlisted", tr!(selection.decisions.waitlisted)),
        ("rejected", tr!(selection.decisions.rejected)),
    ];
    let decision = r.decision.clone();
    let n = r.scores.len();
    let (decision_id, rank_id, feedback_id) = (format!("{p}decision"), format!("{p}waitlist_rank"), format!("{p}feedback"));
    view! {
        <tr id=format!("p-{}", r.code)>
            <td>
                <a href=urls::admin_proposal(&slug, &r.code)>{r.title.clone()}</a>
                {r.speakers.clone().map(|s| view! { <br/><span class="meta">{s.join(", ")}</span> })}
            </td>
            <td>{details}</td>
            <td>{r.reviews}</td>
            <td>{r.mean.clone()}</td>
            <td>{r.median.clone()}</td>
            <td>{r.stddev.clone()}{r.controversial.then(|| view! { " "<span class="badge warn" title=tr!(selection.deliberation.disagree)>{tr!(selection.deliberation.controversial)}</span> })}</td>
            <td>{decision_badge(&r)}</td>
        </tr>
        <tr class="org-edit-row">
            <td colspan="7">
                <details open=move || open.get()>
                    <summary>{tr!(selection.deliberation.summary, count = n as i32, title = &r.title).to_string()}</summary>
                    {if r.scores.is_empty() {
                        view! { <p class="empty">{tr!(selection.deliberation.no_review)}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="other-reviews">
                                {r.scores.clone().into_iter().map(|s| view! {
                                    <li><strong>{s.reviewer}</strong>": "{s.score}{(!s.comment.is_empty()).then(|| view! { <br/><span class="pre">{s.comment}</span> })}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <Form action=decide row=("code", r.code.clone())>
                        <input type="hidden" name="slug" value=slug.clone()/>
                        <input type="hidden" name="code" value=r.code.clone()/>
                        <input type="hidden" name="view" value=view_qs/>
                        <div class="grid-2">
                            <RowField label=tr!(selection.deliberation.decision) id=decision_id.clone() error=row_error(error, &p, "decision")>
                                <select id=decision_id name="decision">
                                    {options.into_iter().map(|(value, text)| view! { <option value=value selected=chosen("decision", value, value == decision)>{text}</option> }).collect_view()}
                                </select>
                            </RowField>
                            <RowField label=tr!(selection.deliberation.rank) id=rank_id.clone() error=row_error(error, &p, "waitlist_rank")>
                                <input id=rank_id name="waitlist_rank" type="number" min="1" max="999" value=typed_or("waitlist_rank", r.waitlist_rank.clone())/>
                                <p class="hint">{tr!(selection.deliberation.rank_hint)}</p>
                            </RowField>
                        </div>
                        <RowField label=tr!(selection.deliberation.feedback) id=feedback_id.clone() error=row_error(error, &p, "feedback")>
                            <TextBox id=feedback_id name="feedback" rows=3 maxlength=2000 value=r.feedback.clone()/>
                        </RowField>
                        <button type="submit" class="button">{tr!(selection.deliberation.save)}</button>
                    </Form>
                </details>
            </td>
        </tr>
    }
}

/// A labelled field of a row's form, with its error.
#[component]
fn RowField(label: &'static str, #[prop(into)] id: String, error: Signal<Option<String>>, children: Children) -> impl IntoView {
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id>{label}</label>
            {children()}
            {move || error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
    }
}
