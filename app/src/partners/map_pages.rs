//! The organisers' floor map (`/admin/events/:slug/village`): the drawing, then every booth as a row
//! with its place and size, who stands there (a select: works with a keyboard and without
//! JavaScript), and a form to draw a new booth. A booth smaller than its partner's tier promises is
//! flagged; two partners on one booth is refused.
use leptos::prelude::*;

use super::admin_api::{load_village_map, AssignBooth, DeleteBooth, SaveBooth};
use super::map_svg::FloorMap;
use super::views::{MapAdminView, MapBooth};
use crate::plumbing::{param, urls};
use crate::tr;
use crate::ui::{action_error, field_error, outcome, query_flag, Form, FormError, Notice, OrgField, PageTitle, SubmitButton};

#[component]
pub fn MapPage() -> impl IntoView {
    let slug = param("slug");
    let data = Resource::new(slug, load_village_map);
    view! {
        <Suspense fallback=|| view! { <p>{tr!(partners.loading)}</p> }>
            {move || data.get().map(|r| outcome(r, &urls::admin_village_map(slug()), |v| view! { <Map v/> }.into_any()))}
        </Suspense>
    }
}

#[component]
fn Map(v: MapAdminView) -> impl IntoView {
    let slug = v.event.slug.clone();
    let save = ServerAction::<SaveBooth>::new();
    let delete = ServerAction::<DeleteBooth>::new();
    let assign = ServerAction::<AssignBooth>::new();
    let (save_error, delete_error, assign_error) = (action_error(save), action_error(delete), action_error(assign));
    let flags = [
        (query_flag("booth_saved"), tr!(partners.map.saved)),
        (query_flag("booth_deleted"), tr!(partners.map.deleted)),
        (query_flag("assigned"), tr!(partners.map.assigned)),
    ];
    let partners = v.partners.clone();
    view! {
        <PageTitle text=tr!(partners.map.title, name = &v.event.name).to_string()/>
        <p class="meta"><a href=urls::admin_partners(&slug)>{tr!(partners.admin.back)}</a></p>
        <h1>{tr!(partners.map.heading)}</h1>
        <p class="hint">{tr!(partners.map.size, width = v.map.width, height = v.map.height).to_string()}</p>
        {flags.into_iter().map(|(flag, text)| view! { {move || flag.get().then(|| view! { <Notice>{text}</Notice> })} }).collect_view()}
        {v.warnings.iter().map(|w| view! { <p class="notice notice-warn" role="status">{w.clone()}</p> }).collect_view()}
        <FormError error=delete_error/>
        <FormError error=assign_error/>
        <FloorMap map=v.map.clone() slug=slug.clone() label=tr!(partners.village.map_label).to_string()/>
        {(!v.partners.is_empty()).then(|| view! {
            <p class="hint">{tr!(partners.map.drag_hint)}</p>
            <ul class="partner-chips">{v.partners.iter().map(|(id, name, tier)| view! {
                <li draggable="true" data-partner=id.to_string()>{name.clone()}" · "<span class="hint">{tier.clone()}</span></li>
            }).collect_view()}</ul>
        })}
        <section class="card" id="booths">
            <h2>{tr!(partners.map.booths)}</h2>
            {v.map.booths.is_empty().then(|| view! { <p>{tr!(partners.map.none)}</p> })}
            <ul class="booth-rows">{v.map.booths.iter().cloned().map(|b| view! {
                <BoothRow b slug=slug.clone() partners=partners.clone() assign delete/>
            }).collect_view()}</ul>
        </section>
        <PlanForm slug=slug.clone()/>
        <section class="card" id="new-booth">
            <h2>{tr!(partners.map.new_booth)}</h2>
            <p class="hint">{tr!(partners.map.new_hint)}</p>
            <FormError error=save_error/>
            <Form action=save>
                <input type="hidden" name="slug" value=slug.clone()/>
                <input type="hidden" name="booth" value=""/>
                <div class="grid-booth">
                    <OrgField label=tr!(partners.map.number) name="number" id="f-number" required=true maxlength=8 error=field_error(save_error, "number")/>
                    <OrgField label=tr!(partners.map.x) name="x" id="f-x" kind="number" min="0" required=true error=field_error(save_error, "x")/>
                    <OrgField label=tr!(partners.map.y) name="y" id="f-y" kind="number" min="0" required=true error=field_error(save_error, "y")/>
                    <OrgField label=tr!(partners.map.w) name="w" id="f-w" kind="number" min="1" required=true error=field_error(save_error, "w")/>
                    <OrgField label=tr!(partners.map.h) name="h" id="f-h" kind="number" min="1" required=true error=field_error(save_error, "h")/>
                </div>
                <SubmitButton action=save label=tr!(partners.map.add)/>
            </Form>
        </section>
    }
}

#[component]
fn BoothRow(
    b: MapBooth,
    slug: String,
    partners: Vec<(i32, String, String)>,
    assign: ServerAction<AssignBooth>,
    delete: ServerAction<DeleteBooth>,
) -> impl IntoView {
    let id = b.id.to_string();
    let (slug_assign, id_assign, id_delete) = (slug.clone(), id.clone(), id.clone());
    let holder = b.partner.as_ref().map(|(_, name)| name.clone());
    let select_id = format!("f-assign-{}", b.id);
    view! {
        <li class="booth-row" id=format!("booth-{}", b.id)>
            <p>
                <strong>{tr!(partners.village.booth, number = &b.number).to_string()}</strong>" · "
                {tr!(partners.map.place, x = b.x, y = b.y, w = b.w, h = b.h).to_string()}
            </p>
            <Form action=assign row=("booth", id.clone())>
                <input type="hidden" name="slug" value=slug_assign/>
                <input type="hidden" name="booth" value=id_assign/>
                <label for=select_id.clone()>{tr!(partners.map.partner)}</label>
                <select id=select_id name="partner">
                    <option value="" selected=holder.is_none()>{tr!(partners.map.free)}</option>
                    {partners.into_iter().map(|(pid, name, tier)| {
                        let on = holder.as_deref() == Some(name.as_str());
                        view! { <option value=pid.to_string() selected=on>{format!("{name} ({tier})")}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="button small">{tr!(partners.map.place_partner)}</button>
            </Form>
            <Form action=delete row=("booth", id.clone())>
                <input type="hidden" name="slug" value=slug/>
                <input type="hidden" name="booth" value=id_delete/>
                <button type="submit" class="button small danger">{tr!(partners.map.delete)}</button>
            </Form>
        </li>
    }
}

/// The floor plan upload: a plain multipart form (PNG or a plain SVG, 2 MB at most).
#[component]
fn PlanForm(slug: String) -> impl IntoView {
    let saved = query_flag("plan");
    let error = crate::ui::query_value("plan_error");
    let message = move || {
        error.get().and_then(|code| super::files::LogoProblem::from_code(&code)).map(|p| match p {
            super::files::LogoProblem::TooBig => {
                crate::lang::problems::here(&domain::problem::Problem::ImageTooBig { max_kb: super::files::PLAN_MAX_BYTES / 1024 })
            }
            other => {
                other.problem().map(|x| crate::lang::problems::here(&x)).unwrap_or_else(|| tr!(partners.space.logo_failed).to_string())
            }
        })
    };
    view! {
        <section class="card" id="plan">
            <h2>{tr!(partners.map.plan)}</h2>
            <p class="hint">{tr!(partners.map.plan_hint)}</p>
            {move || saved.get().then(|| view! { <Notice>{tr!(partners.map.plan_saved)}</Notice> })}
            {move || message().map(|m| view! { <div class="notice notice-error" role="alert">{m}</div> })}
            <form method="post" action=urls::admin_village_plan(&slug) enctype="multipart/form-data" class="logo-form">
                <label for="f-plan">{tr!(partners.map.plan_file)}</label>
                <input type="file" id="f-plan" name="plan" accept="image/png,image/svg+xml" required/>
                <button type="submit" class="button">{tr!(partners.space.upload)}</button>
            </form>
        </section>
    }
}
