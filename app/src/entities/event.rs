use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub city: String,
    pub venue: String,
    pub time_zone: String,
    pub start_date: Date,
    pub end_date: Date,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub visibility: String,
    pub created_at: DateTimeUtc,
    /// The language of pages and mails when the reader's is unknown (a code of `app::lang`).
    pub default_language: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
