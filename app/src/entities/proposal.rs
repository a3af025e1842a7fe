use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Public, unguessable identifier used in links.
    #[sea_orm(unique)]
    pub code: String,
    pub event_id: i32,
    pub talk_id: Option<i32>,
    pub owner_id: i32,
    pub format_id: Option<i32>,
    pub track_id: Option<i32>,
    pub title: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    #[sea_orm(column_type = "Text")]
    pub details: String,
    pub level: String,
    pub language: String,
    #[sea_orm(column_type = "Text")]
    pub references: String,
    pub state: String,
    /// The key of the form that created it: a second click on the same form finds this row.
    #[sea_orm(unique)]
    pub form_key: String,
    pub submitted_at: Option<DateTimeUtc>,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
