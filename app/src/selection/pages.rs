//! The deliberation page: scores and reviews, decisions kept pending until published, slots per
//! format, and the promotion a decline calls for. Every form works without JavaScript.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::api::{load_deliberation, DecideProposal, PromoteProposal, PublishDecisions};
use super::{Deliberation, DeliberationRow, SelectionFilters, Suggestion};
use crate::plumbing::{general_error, param, row_error, row_has_error, urls};
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
    let data = Resource::new(
        move || (slug(), filters(), versions()),
        |(s, f, _)| load_deliberation(s, f.format, f.track, f.level, f.language, f.sort),
    );
    let published = Memo::new(move |_| query.read().get("published"));
    let flags = [
        (query_flag("decided"), "Decision saved. It stays pending, invisible to speakers, until you publish."),
        (query_flag("nothing_new"), "Nothing new to publish: every decision was already sent."),
        (query_flag("promoted"), "Promoted: the proposal is accepted and its speakers were mailed a confirmation link."),
    ];
    view! {
        {move || published.get().map(|n| view! { <Notice>"Decisions published: "{n}". The mails are on their way."</Notice> })}
        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
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
        <PageTitle text=format!("Selection — {}", d.event.name)/>
        <p class="meta">
            <a href=urls::admin_event(&s)>"Manage "{d.event.name.clone()}</a>" · "
            <a href=urls::admin_selection_settings(&s)>"Selection settings"</a>" · "
            <a href=urls::admin_selection_log(&s)>"Audit trail"</a>" · "
            <a href=urls::admin_proposals(&s)>"Proposals"</a>
        </p>
        <h1>"Selection"</h1>
        {d.anonymous.then(|| view! {
            <p class="hint">"Anonymous mode is on: speaker names stay hidden here too. It can be switched off in the selection settings once reviews are closed."</p>
        })}
        {d.reviews_open.then(|| view! { <p class="hint">"Reviews are still open: scores may change."</p> })}
        <FormError error=action_error(promote)/>
        {d.suggestions.into_iter().map(|sg| view! { <SuggestionBanner slug=slug_for_banners.clone() sg promote/> }).collect_view()}
        <section class="card">
            <h2>"Accepted per format"</h2>
            <ul class="org-counts">
                {d.slots.into_iter().map(|c| view! {
                    <li><span>{c.label()}</span>{c.over().then(|| view! { <span class="badge warn">"over the plan"</span> })}</li>
                }).collect_view()}
            </ul>
        </section>
        <section class="card">
            <h2>"Publish"</h2>
            <p>
                {match d.pending { 0 => "No decision is waiting to be published.".to_string(), 1 => "1 decision is waiting to be published.".into(), n => format!("{n} decisions are waiting to be published.") }}
                " Speakers see nothing of a decision, and get no mail, until it is published; a decision already sent is never sent again."
            </p>
            <FormError error=action_error(publish)/>
            <Form action=publish>
                <input type="hidden" name="slug" value=s.clone()/>
                <SubmitButton action=publish label="Publish decisions"/>
            </Form>
        </section>
        <form method="get" action=base.clone() class="card org-filters" role="search">
            <h2>"Filter and sort"</h2>
            <div class="grid-3">
                <Choices label="Format" name="format" options=d.formats.clone() selected=f.format.clone() placeholder="Any format" error=none/>
                <Choices label="Track" name="track" options=d.tracks.clone() selected=f.track.clone() placeholder="Any track" error=none/>
                <Choices label="Level" name="level" options=d.levels.clone() selected=f.level.clone() placeholder="Any level" error=none/>
                <Choices label="Language" name="language" options=d.languages.clone() selected=f.language.clone() placeholder="Any language" error=none/>
                <Choices label="Sort by" name="sort" options=d.sorts.clone() selected=f.sort.clone() error=none/>
            </div>
            <button type="submit" class="button primary">"Apply"</button>" "
            {f.is_filtered().then(|| view! { <a href=base.clone()>"Clear the filters"</a> })}
        </form>
        <p>{format!("{shown} of {} submitted proposals.", d.total)}</p>
        <FormError error=general_error(action_error(decide))/>
        {if d.rows.is_empty() {
            view! { <p class="empty">"No proposal matches."</p> }.into_any()
        } else {
            view! {
                <div class="org-table-wrap">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">"Proposal"</th><th scope="col">"Format · track · level · language"</th><th scope="col">"Reviews"</th>
                            <th scope="col">"Mean"</th><th scope="col">"Median"</th><th scope="col">"Std dev"</th><th scope="col">"Decision"</th>
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
            <p><strong>"“"{sg.declined_title.clone()}"”"</strong>" ("{sg.format.clone()}") was declined by its speakers: a slot is free."</p>
            {match (sg.candidate_code.clone(), sg.candidate_title.clone()) {
                (Some(code), Some(title)) => view! {
                    <p>
                        "Next on the waiting list for "{sg.format.clone()}": "<strong>"“"{title}"”"</strong>
                        {sg.candidate_rank.map(|r| view! { " (rank "{r}")" })}"."
                    </p>
                    <Form action=promote>
                        <input type="hidden" name="slug" value=slug/>
                        <input type="hidden" name="code" value=code/>
                        <button type="submit" class="button primary">"Promote and mail the speakers"</button>
                    </Form>
                }.into_any(),
                _ => view! { <p>"Nobody of this format is on the waiting list."</p> }.into_any(),
            }}
        </section>
    }
}

fn decision_badge(r: &DeliberationRow) -> AnyView {
    let working = match r.decision.as_str() {
        "" => "No decision".to_string(),
        "waitlisted" if !r.waitlist_rank.is_empty() => format!("Waitlisted (rank {})", r.waitlist_rank),
        d => Decision::label_of(d),
    };
    let published = (!r.published_label.is_empty()).then(|| format!("Published: {}", r.published_label));
    view! {
        <span>{working}</span>
        {r.pending.then(|| view! { " "<span class="badge warn">"pending"</span> })}
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
    let options = [("", "No decision"), ("accepted", "Accepted"), ("waitlisted", "Waitlisted"), ("rejected", "Rejected")];
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
            <td>{r.stddev.clone()}{r.controversial.then(|| view! { " "<span class="badge warn" title="Reviewers disagree">"controversial"</span> })}</td>
            <td>{decision_badge(&r)}</td>
        </tr>
        <tr class="org-edit-row">
            <td colspan="7">
                <details open=move || open.get()>
                    <summary>"Reviews ("{n}") and decision on “"{r.title.clone()}"”"</summary>
                    {if r.scores.is_empty() {
                        view! { <p class="empty">"No review yet."</p> }.into_any()
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
                            <RowField label="Decision" id=decision_id.clone() error=row_error(error, &p, "decision")>
                                <select id=decision_id name="decision">
                                    {options.into_iter().map(|(value, text)| view! { <option value=value selected=chosen("decision", value, value == decision)>{text}</option> }).collect_view()}
                                </select>
                            </RowField>
                            <RowField label="Place on the waiting list" id=rank_id.clone() error=row_error(error, &p, "waitlist_rank")>
                                <input id=rank_id name="waitlist_rank" type="number" min="1" max="999" value=typed_or("waitlist_rank", r.waitlist_rank.clone())/>
                                <p class="hint">"For waitlisted proposals; empty puts it at the end."</p>
                            </RowField>
                        </div>
                        <RowField label="Feedback for the speakers (rejected proposals)" id=feedback_id.clone() error=row_error(error, &p, "feedback")>
                            <TextBox id=feedback_id name="feedback" rows=3 maxlength=2000 value=r.feedback.clone()/>
                        </RowField>
                        <button type="submit" class="button">"Save decision"</button>
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
