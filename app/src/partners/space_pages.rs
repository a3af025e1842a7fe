//! The partners' own pages: "Become a partner" (`/events/:slug/partners`: the prospectus, the tiers
//! and what is left, the application form) and a partner's space (`/events/:slug/partner/:id`).
//! Served without the app's wasm; every form posts and comes back.
use leptos::prelude::*;

use super::space_api::{
    load_partner_space, load_prospectus, AddPartnerStaff, ApplyAsPartner, ProposePartnerTalk, RemovePartnerStaff, SavePartnerProfile,
};
use super::views::{PartnerTalks, ProspectusView, SpaceView, StaffLine, TierView};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{
    action_error, field_error, outcome, query_flag, query_value, Check, Form, FormError, Notice, OrgField, PageTitle, SubmitButton,
    TextArea,
};
use domain::partners::application::{COMPANY_MAX, DESCRIPTION_MAX, JOBS_MAX, MESSAGE_MAX, PERSON_MAX, VAT_MAX};

#[component]
pub fn ProspectusPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(slug, load_prospectus);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(partners.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::partners_prospectus(slug()), |v| view! { <Prospectus v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
pub fn TierCard(t: TierView) -> impl IntoView {
    let left = if t.left == 0 {
        tr!(partners.tiers.sold_out).to_string()
    } else {
        tr!(partners.tiers.left, left = t.left, available = t.available).to_string()
    };
    view! {
        <li class="tier-card" class:sold-out=t.left == 0>
            <h3>{t.name.clone()}</h3>
            <p class="price">{t.price.clone()}</p>
            <p class="status-line">{left}</p>
            <ul>{t.gives.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}</ul>
        </li>
    }
}

#[component]
fn Prospectus(v: ProspectusView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let here = urls::partners_prospectus(&slug);
    view! {
        <PageTitle text=tr!(partners.prospectus.title, name = &v.event.name).to_string()/>
        <p class="meta"><a href=format!("/events/{slug}")>{v.event.name.clone()}</a>" · "<a href=urls::village(&slug)>{tr!(partners.prospectus.village)}</a></p>
        <h1>{tr!(partners.prospectus.heading, name = &v.event.name).to_string()}</h1>
        <div class="prose" inner_html=v.text_html.html()></div>
        <section>
            <h2>{tr!(partners.prospectus.tiers)}</h2>
            <ul class="tier-cards">{v.tiers.iter().cloned().map(|t| view! { <TierCard t/> }).collect_view()}</ul>
        </section>
        {(!v.mine.is_empty()).then(|| view! {
            <section class="card">
                <h2>{tr!(partners.prospectus.yours)}</h2>
                <ul>{v.mine.iter().map(|m| view! {
                    <li><a href=urls::partner_space(&slug, m.id)>{m.name.clone()}</a>" — "{m.status.clone()}</li>
                }).collect_view()}</ul>
            </section>
        })}
        <section class="card" id="apply">
            <h2>{tr!(partners.prospectus.apply)}</h2>
            {if v.signed_in {
                view! { <ApplyForm v=v.clone()/> }.into_any()
            } else {
                view! {
                    <p>{tr!(partners.prospectus.sign_in_first)}</p>
                    <p>
                        <a class="button primary" href=format!("/signin?next={here}")>{tr!(partners.prospectus.sign_in)}</a>" "
                        <a class="button" href=format!("/signup?next={here}")>{tr!(partners.prospectus.create_account)}</a>
                    </p>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn ApplyForm(v: ProspectusView) -> impl IntoView {
    let action = ServerAction::<ApplyAsPartner>::new();
    let error = action_error(action);
    let open: Vec<(String, String)> =
        v.tiers.iter().filter(|t| t.left > 0).map(|t| (t.id.to_string(), format!("{} · {}", t.name, t.price))).collect();
    view! {
        <FormError error/>
        <Form action>
            <input type="hidden" name="slug" value=v.event.slug.clone()/>
            <OrgField label=tr!(partners.apply.company) name="company" id="f-company" required=true maxlength=COMPANY_MAX as u32 error=field_error(error, "company")/>
            <OrgField label=tr!(partners.apply.vat) name="vat" id="f-vat" maxlength=VAT_MAX as u32 hint=tr!(partners.apply.vat_hint) error=field_error(error, "vat")/>
            <div class="grid-2">
                <OrgField label=tr!(partners.apply.billing_name) name="billing_name" id="f-billing-name" value=v.my_name.clone() required=true maxlength=PERSON_MAX as u32 error=field_error(error, "billing_name")/>
                <OrgField label=tr!(partners.apply.billing_email) name="billing_email" id="f-billing-email" kind="email" value=v.my_email.clone() required=true error=field_error(error, "billing_email")/>
            </div>
            <crate::ui::Choices label=tr!(partners.apply.tier) name="tier" options=open placeholder=tr!(partners.apply.choose_tier) error=field_error(error, "tier")/>
            <TextArea label=tr!(partners.apply.message) name="message" hint=tr!(partners.apply.message_hint) maxlength=MESSAGE_MAX as u32 rows=4 error=field_error(error, "message")/>
            <SubmitButton action label=tr!(partners.apply.send)/>
        </Form>
    }
}

#[component]
pub fn SpacePage() -> impl IntoView {
    let slug = param("slug");
    let id = param("id");
    let data = Resource::new(move || (slug(), id()), |(s, p)| load_partner_space(s, p));
    view! {
        <Suspense fallback=|| view! { <p>{tr!(partners.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &format!("/events/{}/partner/{}", slug(), id()), |v| view! { <Space v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn Space(v: SpaceView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let applied = query_flag("applied");
    let accepted = v.status == "accepted";
    view! {
        <PageTitle text=tr!(partners.space.title, partner = &v.name, name = &v.event.name).to_string()/>
        <p class="meta"><a href=format!("/events/{slug}")>{v.event.name.clone()}</a>" · "<a href=urls::partners_prospectus(&slug)>{tr!(partners.space.prospectus)}</a></p>
        <h1>{v.name.clone()}</h1>
        {move || applied.get().then(|| view! { <Notice>{tr!(partners.space.applied)}</Notice> })}
        <section class="card">
            <h2>{tr!(partners.space.status)}</h2>
            <p class="status-line">{v.status_label.clone()}{v.tier.as_ref().map(|t| format!(" · {}", t.name))}</p>
            {accepted.then(|| view! {
                <ul class="steps">{v.steps.iter().map(|s| view! {
                    <li class:done=s.done_on.is_some()>{s.label.clone()}{s.done_on.clone().map(|d| format!(" — {d}"))}</li>
                }).collect_view()}</ul>
            })}
            {(!accepted).then(|| view! { <p>{tr!(partners.space.waiting)}</p> })}
        </section>
        {accepted.then(|| view! { <Accepted v=v.clone()/> })}
    }
}

#[component]
fn Accepted(v: SpaceView) -> impl IntoView {
    let slug = v.event.slug.clone();
    view! {
        <section class="card" id="checklist">
            <h2>{tr!(partners.space.checklist)}</h2>
            <ul class="checklist">{v.checklist.iter().map(|c| view! {
                <li class:done=c.done>
                    {if c.done { tr!(partners.space.done) } else { tr!(partners.space.todo) }}" "{c.label.clone()}
                    {c.due.clone().map(|d| view! { " · "<span class="hint">{d}</span> })}
                </li>
            }).collect_view()}</ul>
        </section>
        <LogoForms v=v.clone()/>
        <ProfileForm v=v.clone()/>
        <Staff v=v.clone()/>
        {v.talks.clone().filter(|t| t.allowed).map(|t| view! { <Talks slug=v.event.slug.clone() id=v.id t/> })}
        <section class="card" id="booth">
            <h2>{tr!(partners.space.booth)}</h2>
            {match v.booth.clone() {
                Some(b) => view! { <p class="status-line">{tr!(partners.village.booth, number = &b).to_string()}</p> }.into_any(),
                None => view! { <p>{tr!(partners.space.no_booth)}</p> }.into_any(),
            }}
            {v.map.clone().map(|m| view! { <super::map_svg::FloorMap map=m slug=slug.clone() label=tr!(partners.village.map_label).to_string()/> })}
            <p><a href=urls::village_partner(&slug, &v.code)>{tr!(partners.space.public_page)}</a></p>
        </section>
        <section class="card" id="contacts">
            <h2>{tr!(partners.space.shared_heading)}</h2>
            <p>{tr!(partners.space.shared_count, count = v.shares as i32).to_string()}</p>
            {(v.shares > 0).then(|| view! { <p><a class="button" href=urls::partner_contacts_csv(&slug, v.id) rel="external" download>{tr!(partners.space.shared_csv)}</a></p> })}
        </section>
    }
}

#[component]
fn LogoForms(v: SpaceView) -> impl IntoView {
    let action = urls::partner_logo(&v.event.slug, v.id);
    let error = query_value("logo_error");
    let saved = query_flag("logo");
    let message = move || {
        error.get().and_then(|code| super::files::LogoProblem::from_code(&code)).map(|p| match p.problem() {
            Some(problem) => crate::lang::problems::here(&problem),
            None => tr!(partners.space.logo_failed).to_string(),
        })
    };
    let variants =
        [("light", tr!(partners.space.logo_light), v.logo_src.clone()), ("dark", tr!(partners.space.logo_dark), v.logo_dark_src.clone())];
    view! {
        <section class="card" id="logo">
            <h2>{tr!(partners.space.logo)}</h2>
            <p class="hint">{tr!(partners.space.logo_hint)}</p>
            {move || saved.get().then(|| view! { <Notice>{tr!(partners.space.logo_saved)}</Notice> })}
            {move || message().map(|m| view! { <div class="notice notice-error" role="alert">{m}</div> })}
            {variants.into_iter().map(|(variant, label, src)| {
                let id = format!("f-logo-{variant}");
                view! {
                    <form method="post" action=action.clone() enctype="multipart/form-data" class=format!("logo-form logo-{variant}")>
                        <input type="hidden" name="variant" value=variant/>
                        {src.map(|s| view! { <img class="logo" src=s alt="" width="96" height="96"/> })}
                        <label for=id.clone()>{label}</label>
                        <input type="file" id=id name="logo" accept="image/png,image/svg+xml" required/>
                        <button type="submit" class="button">{tr!(partners.space.upload)}</button>
                    </form>
                }
            }).collect_view()}
        </section>
    }
}

#[component]
fn ProfileForm(v: SpaceView) -> impl IntoView {
    let action = ServerAction::<SavePartnerProfile>::new();
    let error = action_error(action);
    let jobs = v.tier.as_ref().is_some_and(|t| t.job_posts);
    let booth = v.tier.as_ref().is_some_and(|t| t.booth_size > 0);
    let saved = query_flag("saved");
    view! {
        <section class="card" id="profile">
            <h2>{tr!(partners.space.profile)}</h2>
            {move || saved.get().then(|| view! { <Notice>{tr!(partners.space.saved)}</Notice> })}
            <FormError error/>
            <Form action>
                <input type="hidden" name="slug" value=v.event.slug.clone()/>
                <input type="hidden" name="partner" value=v.id.to_string()/>
                <TextArea label=tr!(partners.space.description) name="description" value=v.description.clone() hint=tr!(partners.space.description_hint) maxlength=DESCRIPTION_MAX as u32 rows=6 error=field_error(error, "description")/>
                <OrgField label=tr!(partners.space.website) name="website" id="f-website" kind="url" value=v.website.clone() error=field_error(error, "website")/>
                <TextArea label=tr!(partners.space.links) name="links" value=v.links.clone() hint=tr!(partners.space.links_hint) rows=3 error=field_error(error, "links")/>
                {jobs.then(|| view! {
                    <TextArea label=tr!(partners.space.jobs) name="jobs" value=v.jobs.clone() hint=tr!(partners.space.jobs_hint) maxlength=JOBS_MAX as u32 rows=4 error=field_error(error, "jobs")/>
                })}
                {booth.then(|| view! {
                    <fieldset class="org-checks">
                        <legend>{tr!(partners.space.needs)}</legend>
                        <Check label=tr!(partners.space.needs_power) name="needs_power" id="f-needs-power" checked=v.needs_power/>
                        <Check label=tr!(partners.space.needs_screen) name="needs_screen" id="f-needs-screen" checked=v.needs_screen/>
                        <Check label=tr!(partners.space.needs_table) name="needs_table" id="f-needs-table" checked=v.needs_table/>
                    </fieldset>
                })}
                <SubmitButton action label=tr!(partners.space.save)/>
            </Form>
        </section>
    }
}

#[component]
fn Staff(v: SpaceView) -> impl IntoView {
    let add = ServerAction::<AddPartnerStaff>::new();
    let remove = ServerAction::<RemovePartnerStaff>::new();
    let error = action_error(add);
    let limit = v.tier.as_ref().map_or(0, |t| t.staff_passes);
    let full = v.staff.len() as i32 >= limit;
    let (slug, id) = (v.event.slug.clone(), v.id.to_string());
    let (added, removed) = (query_flag("staff_added"), query_flag("staff_removed"));
    view! {
        <section class="card" id="staff">
            <h2>{tr!(partners.space.staff)}</h2>
            {move || added.get().then(|| view! { <Notice>{tr!(partners.space.staff_added)}</Notice> })}
            {move || removed.get().then(|| view! { <Notice>{tr!(partners.space.staff_removed)}</Notice> })}
            <p>{tr!(partners.space.staff_used, used = v.staff.len() as i32, limit = limit).to_string()}</p>
            <ul class="staff">{v.staff.iter().cloned().map(|s: StaffLine| {
                let (slug, id) = (slug.clone(), id.clone());
                view! {
                    <li>
                        {s.name.clone()}" · "{s.email.clone()}" "
                        <Form action=remove row=("staff", s.id.to_string())>
                            <input type="hidden" name="slug" value=slug/>
                            <input type="hidden" name="partner" value=id/>
                            <input type="hidden" name="staff" value=s.id.to_string()/>
                            <button type="submit" class="button small">{tr!(partners.space.remove)}</button>
                        </Form>
                    </li>
                }
            }).collect_view()}</ul>
            {(!full).then(|| view! {
                <FormError error/>
                <Form action=add>
                    <input type="hidden" name="slug" value=slug.clone()/>
                    <input type="hidden" name="partner" value=id.clone()/>
                    <div class="grid-2">
                        <OrgField label=tr!(partners.space.staff_name) name="name" id="f-staff-name" required=true maxlength=PERSON_MAX as u32 error=field_error(error, "name")/>
                        <OrgField label=tr!(partners.space.staff_email) name="email" id="f-staff-email" kind="email" required=true error=field_error(error, "email")/>
                    </div>
                    <SubmitButton action=add label=tr!(partners.space.add_staff)/>
                </Form>
            })}
        </section>
    }
}

#[component]
fn Talks(slug: String, id: i32, t: PartnerTalks) -> impl IntoView {
    let action = ServerAction::<ProposePartnerTalk>::new();
    let error = action_error(action);
    view! {
        <section class="card" id="talks">
            <h2>{tr!(partners.talks.heading)}</h2>
            <p>{tr!(partners.talks.explain)}</p>
            {(!t.proposals.is_empty()).then(|| view! {
                <ul>{t.proposals.iter().map(|p| view! {
                    <li><a href=format!("/proposals/{}", p.code) rel="external">{p.title.clone()}</a>" — "{p.state.clone()}</li>
                }).collect_view()}</ul>
            })}
            {if t.open {
                view! {
                    <FormError error/>
                    <Form action>
                        <input type="hidden" name="slug" value=slug/>
                        <input type="hidden" name="partner" value=id.to_string()/>
                        <input type="hidden" name="form_key" value=t.form_key.clone()/>
                        <OrgField label=tr!(partners.talks.title) name="title" id="f-talk-title" required=true maxlength=domain::cfp::TITLE_MAX as u32 error=field_error(error, "title")/>
                        <TextArea label=tr!(partners.talks.summary) name="summary" hint=tr!(partners.talks.summary_hint) rows=6 error=field_error(error, "summary")/>
                        <div class="grid-2">
                            <crate::ui::Choices label=tr!(partners.talks.format) name="format_id" options=t.formats.clone() error=field_error(error, "format_id")/>
                            <crate::ui::Choices label=tr!(partners.talks.track) name="track_id" options=t.tracks.clone() placeholder=tr!(partners.talks.no_track) error=field_error(error, "track_id")/>
                            <crate::ui::Choices label=tr!(partners.talks.level) name="level" options=t.levels.clone() error=field_error(error, "level")/>
                            <crate::ui::Choices label=tr!(partners.talks.language) name="language" options=t.languages.clone() error=field_error(error, "language")/>
                        </div>
                        <div class="prose rule" inner_html=t.rule_html.html()></div>
                        <div class="field" class:has-error=move || field_error(error, "pitch_rule").get().is_some()>
                            <Check label=tr!(partners.talks.acknowledge) name="pitch_rule" id="f-pitch-rule" checked=false/>
                            {move || field_error(error, "pitch_rule").get().map(|e| view! { <p class="field-error">{e}</p> })}
                        </div>
                        <SubmitButton action label=tr!(partners.talks.submit)/>
                    </Form>
                }.into_any()
            } else {
                view! { <p class="status-line">{t.headline.clone()}</p> }.into_any()
            }}
        </section>
    }
}
