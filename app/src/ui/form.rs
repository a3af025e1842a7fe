//! Form pieces that show server errors next to the field they concern, and what was typed when a
//! form comes back after failing without JavaScript (see `flash`).
use leptos::prelude::*;
use server_fn::ServerFn;

use super::flash::{chosen, ticked, typed, typed_or};
use crate::error::AppError;

/// The error of the last run of `action`, if it failed.
pub fn action_error<S>(action: ServerAction<S>) -> Signal<Option<AppError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(|r| r.err()))
}

/// The message of the last failed run of `action` about `field`.
pub fn field_error(error: Signal<Option<AppError>>, field: impl Into<String>) -> Signal<Option<String>> {
    let field = field.into();
    Signal::derive(move || error.get().and_then(|e| e.field_message(&field)))
}

/// A labelled input with its hint and its error; the error is linked for screen readers.
#[component]
pub fn Field(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional, into)] value: Option<String>,
    #[prop(optional)] hint: &'static str,
    #[prop(default = true)] required: bool,
    #[prop(optional)] minlength: Option<u32>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let value = if kind == "password" { None } else { typed(name).or(value) };
    let id = format!("f-{name}");
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = move || {
        let mut ids = Vec::new();
        if !hint.is_empty() {
            ids.push(hint_id.clone());
        }
        if error.get().is_some() {
            ids.push(err_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let err_id2 = format!("{id}-error");
    let hint_id2 = format!("{id}-hint");
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id2.clone()>{hint}</p> })}
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                value=value
                required=required
                minlength=minlength
                maxlength=maxlength
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            {move || error.get().map(|m| view! { <p class="field-error" id=err_id2.clone()>{m}</p> })}
        </div>
    }
}

/// The general message of a failed form (what is not about one field), announced to screen readers.
#[component]
pub fn FormError(error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            let text = match &e {
                AppError::Validation { fields, .. } if fields.len() == 1 => crate::tr!(errors.correct_the_field).to_string(),
                other => other.text(),
            };
            view! { <div class="notice notice-error" role="alert">{text}</div> }
        })
    }
}

/// A success or information message.
#[component]
pub fn Notice(children: Children) -> impl IntoView {
    view! { <div class="notice notice-ok" role="status">{children()}</div> }
}

/// A submit button that shows it is working while the action runs.
#[component]
pub fn SubmitButton<S>(action: ServerAction<S>, label: &'static str) -> impl IntoView
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
{
    let pending = action.pending();
    view! {
        <button type="submit" class="button primary" disabled=move || pending.get() aria-busy=move || pending.get().then_some("true")>
            {label}
        </button>
    }
}

/// A labelled multi-line text field with its error.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(into)] name: String,
    #[prop(optional, into)] value: String,
    /// The language of the text, when it is not the page's (a version of a bilingual text).
    #[prop(optional)]
    lang: Option<&'static str>,
    /// The element id, when several forms on one page share field names; else `f-<name>`.
    #[prop(optional, into)]
    id: Option<String>,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(default = 6)] rows: u32,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("f-{name}"));
    let err_id = format!("{id}-error");
    let err_ref = err_id.clone();
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            <textarea id=id name=name.clone() rows=rows maxlength=maxlength lang=lang
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| err_ref.clone())>{text_of(&name, value)}</textarea>
            {move || error.get().map(|m| view! { <p class="field-error" id=err_id.clone()>{m}</p> })}
        </div>
    }
}

/// A bare `<textarea>` (its label and error are the caller's); `attr:` adds attributes.
#[component]
pub fn TextBox(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional)] required: bool,
    #[prop(optional)] node_ref: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    view! { <textarea id=id name=name rows=rows maxlength=maxlength required=required node_ref=node_ref>{text_of(name, value)}</textarea> }
}

/// The text of a `<textarea>` named `name`: `value`, or what was typed when its form came back.
/// Exactly that text: the server's HTML escapes it, where the browser would otherwise read a
/// `</textarea>` in it as the end of the field (Leptos leaves a textarea's children unescaped),
/// and starts it with the line break HTML drops after the opening tag, so a text starting with a
/// line break keeps it. In the browser the text is a text node, and hydration leaves it alone.
fn text_of(name: &str, value: String) -> String {
    let text = typed_or(name, value);
    #[cfg(feature = "ssr")]
    let text = format!("\n{}", html_escape::encode_text(&text));
    text
}

/// A labelled select; `options` are (value, label) pairs.
#[component]
pub fn Select(
    label: &'static str,
    name: &'static str,
    options: Vec<(&'static str, &'static str)>,
    #[prop(optional, into)] selected: String,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("f-{name}");
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                {options.into_iter().map(|(value, text)| {
                    let is_selected = chosen(name, &value[..], value == selected);
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}

/// A labelled select over owned (value, label) pairs, with an optional empty first choice.
#[component]
pub fn Choices(
    label: &'static str,
    name: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    /// Text of an empty first option ("Choose…"); none when empty.
    #[prop(optional)]
    placeholder: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let id = format!("f-{name}");
    let err_id = format!("{id}-error");
    let err_ref = err_id.clone();
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            <select id=id name=name
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| err_ref.clone())>
                {(!placeholder.is_empty()).then(|| view! { <option value="">{placeholder}</option> })}
                {options.into_iter().map(|(value, text)| {
                    let is_selected = chosen(name, &value[..], value == selected);
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="field-error" id=err_id.clone()>{m}</p> })}
        </div>
    }
}

/// A labelled input with an explicit id (several forms on one page share field names).
#[component]
pub fn OrgField(
    label: &'static str,
    name: &'static str,
    #[prop(into)] id: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(optional, into)] hint: String,
    #[prop(optional)] required: bool,
    #[prop(optional)] maxlength: Option<u32>,
    #[prop(optional, into)] min: Option<String>,
    #[prop(optional, into)] max: Option<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let value = typed_or(name, value);
    let err_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = !hint.is_empty();
    let described = {
        let (err_id, hint_id) = (err_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(err_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            {has_hint.then(|| view! { <p class="hint" id=hint_id.clone()>{hint.clone()}</p> })}
            <input id=id name=name type=kind value=value required=required maxlength=maxlength min=min max=max
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described/>
            {move || error.get().map(|m| view! { <p class="field-error" id=err_id.clone()>{m}</p> })}
        </div>
    }
}

/// A checkbox sending "on" when ticked.
#[component]
pub fn Check(label: &'static str, name: &'static str, #[prop(into)] id: String, checked: bool) -> impl IntoView {
    let for_id = id.clone();
    let checked = ticked(name, "on", checked);
    view! {
        <label class="org-check" for=for_id>
            <input type="checkbox" id=id name=name value="on" checked=checked/>" "{label}
        </label>
    }
}
