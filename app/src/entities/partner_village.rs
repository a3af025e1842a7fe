use sea_orm::entity::prelude::*;

/// An event's village: the floor's size in metres, its plan image, the checklist's deadlines.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_villages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub width: i32,
    pub height: i32,
    pub plan_file: String,
    pub logo_due: Option<Date>,
    pub description_due: Option<Date>,
    pub staff_due: Option<Date>,
    pub needs_due: Option<Date>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
