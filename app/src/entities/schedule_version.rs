use sea_orm::entity::prelude::*;

/// A published schedule: the placed items as JSON (`domain::timetable::Slot`) and the changes since
/// the previous version (`domain::timetable::Change`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "schedule_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub number: i32,
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub snapshot: String,
    #[sea_orm(column_type = "Text")]
    pub changelog: String,
    pub published_by: Option<i32>,
    pub published_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
