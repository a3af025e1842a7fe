use sea_orm::entity::prelude::*;

/// The fields of a form that failed without JavaScript (see `ui::flash`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "form_flashes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub key_hash: String,
    /// The server function the form posted to.
    pub path: String,
    /// JSON list of [name, value] pairs, in the order sent.
    #[sea_orm(column_type = "Text")]
    pub fields: String,
    pub expires_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
