//! An event's texts in several languages (its description, its CFP text): each reader gets the text
//! in their language, else in the event's default language, else the one text kept on its row.
use std::collections::BTreeMap;

use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::{event, event_text};
use crate::error::{AppError, AppResult};
use crate::lang::{code, Locale};

pub const DESCRIPTION: &str = "description";
pub const CFP_TEXT: &str = "cfp_text";

/// The versions of `field` of an event, by language code.
pub async fn versions(db: &impl ConnectionTrait, event_id: i32, field: &str) -> AppResult<BTreeMap<String, String>> {
    let rows = event_text::Entity::find()
        .filter(event_text::Column::EventId.eq(event_id))
        .filter(event_text::Column::Field.eq(field))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.language, r.body)).collect())
}

/// The text for a reader of `reader`'s language: theirs if written, else the default language's,
/// else `fallback` (the event's one text).
pub fn for_reader(versions: &BTreeMap<String, String>, reader: Locale, default_language: &str, fallback: &str) -> String {
    [code(reader), default_language]
        .iter()
        .find_map(|l| versions.get(*l).filter(|t| !t.trim().is_empty()))
        .cloned()
        .unwrap_or_else(|| fallback.to_string())
}

/// The description of `e` in the language of this request.
pub async fn description(db: &impl ConnectionTrait, e: &event::Model) -> AppResult<String> {
    for_this_reader(db, e, DESCRIPTION, &e.description).await
}

/// `field` of `e` in the language of this request, else `fallback` (the text kept on its row).
pub async fn for_this_reader(db: &impl ConnectionTrait, e: &event::Model, field: &str, fallback: &str) -> AppResult<String> {
    let versions = versions(db, e.id, field).await?;
    Ok(for_reader(&versions, crate::lang::use_locale(), &e.default_language, fallback))
}

/// The versions of a text as a form sent them (see `ui::Versions`): `first` in `language` (empty:
/// the default language), the others by language code.
pub struct Sent<'a> {
    pub name: &'static str,
    pub others: &'static str,
    pub language: &'a str,
    pub first: &'a str,
    pub translations: &'a BTreeMap<String, String>,
}

impl Sent<'_> {
    /// Each version with its language; a language Estrade does not speak is refused on its field.
    pub fn versions(&self, default: &'static str) -> AppResult<Vec<(Locale, String)>> {
        let known = |typed: &str, field: String| {
            crate::lang::parse(typed)
                .filter(|l| code(*l) == typed)
                .ok_or_else(|| AppError::field(&field, crate::tr!(errors.unknown_language_choice)))
        };
        let first = known(if self.language.trim().is_empty() { default } else { self.language.trim() }, self.name.to_string())?;
        let mut out = vec![(first, self.first.to_string())];
        for (typed, text) in self.translations.iter().filter(|(typed, _)| typed.as_str() != code(first)) {
            out.push((known(typed, format!("{}[{typed}]", self.others))?, text.clone()));
        }
        Ok(out)
    }
}

/// The one text kept beside the versions (exports, API): the default language's, else the first written.
pub fn main_text(versions: &[(Locale, String)], default: &str) -> String {
    versions
        .iter()
        .find(|(l, t)| code(*l) == default && !t.trim().is_empty())
        .or_else(|| versions.iter().find(|(_, t)| !t.trim().is_empty()))
        .map(|(_, t)| t.clone())
        .unwrap_or_default()
}

/// Writes the versions of `field` (an empty text removes that language's version).
pub async fn save(db: &impl ConnectionTrait, event_id: i32, field: &str, versions: &[(Locale, String)]) -> AppResult<()> {
    for (language, body) in versions {
        let row = event_text::Entity::delete_many()
            .filter(event_text::Column::EventId.eq(event_id))
            .filter(event_text::Column::Field.eq(field))
            .filter(event_text::Column::Language.eq(code(*language)));
        if body.trim().is_empty() {
            row.exec(db).await?;
            continue;
        }
        let text = event_text::ActiveModel {
            event_id: Set(event_id),
            field: Set(field.to_string()),
            language: Set(code(*language).to_string()),
            body: Set(body.clone()),
            ..Default::default()
        };
        let upsert = OnConflict::columns([event_text::Column::EventId, event_text::Column::Field, event_text::Column::Language])
            .update_column(event_text::Column::Body)
            .to_owned();
        event_text::Entity::insert(text).on_conflict(upsert).exec_without_returning(db).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_gets_their_language_then_the_default_then_the_one_text() {
        let both = BTreeMap::from([("fr".to_string(), "Bonjour".to_string()), ("en".to_string(), "Hello".to_string())]);
        assert_eq!(for_reader(&both, Locale::en, "fr", "x"), "Hello");
        assert_eq!(for_reader(&both, Locale::fr, "en", "x"), "Bonjour");
        let french = BTreeMap::from([("fr".to_string(), "Bonjour".to_string()), ("en".to_string(), " ".to_string())]);
        assert_eq!(for_reader(&french, Locale::en, "fr", "x"), "Bonjour");
        assert_eq!(for_reader(&BTreeMap::new(), Locale::en, "fr", "the one text"), "the one text");
    }
}
