//! A text written in several languages (an event's description, its CFP text): one field per
//! language, the one the form shows first named plainly (`description`), the others
//! `translations[<code>]`, with a hidden field telling which language the first one holds.
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{field_error, TextArea};
use crate::error::AppError;
use crate::lang::{all, code, Locale};
use crate::tr;

/// The versions of one text as a form shows and sends them.
#[derive(Clone)]
pub struct Versions {
    /// The form field of the first version ("description"); its language goes in `<name>_language`.
    pub name: &'static str,
    /// The form field prefix of the others ("translations" → `translations[en]`).
    pub others: &'static str,
    /// The language of `first` (the event's default language).
    pub language: Locale,
    pub first: String,
    pub translations: BTreeMap<String, String>,
}

/// One labelled text area per language, the first language first.
#[component]
pub fn VersionFields(
    versions: Versions,
    /// What the text is ("Description"); each field reads "Description (English)".
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    maxlength: u32,
    #[prop(default = 6)] rows: u32,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let Versions { name, others, language, first, translations } = versions;
    let label_in =
        move |l: Locale| tr!(common.text_in, text = label, language = leptos_i18n::td_string!(l, common.language.name)).to_string();
    let rest = all().iter().copied().filter(move |&l| l != language).map(move |l| {
        let field = format!("{others}[{}]", code(l));
        view! {
            <TextArea label=label_in(l) name=field.clone() id=format!("f-{name}-{}", code(l)) lang=code(l)
                value=translations.get(code(l)).cloned().unwrap_or_default() maxlength rows error=field_error(error, field)/>
        }
    });
    view! {
        <input type="hidden" name=format!("{name}_language") value=code(language)/>
        <TextArea label=label_in(language) name=name lang=code(language) value=first maxlength rows hint error=field_error(error, name)/>
        {rest.collect_view()}
        <p class="hint">{tr!(common.versions_hint)}</p>
    }
}
