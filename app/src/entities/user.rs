use sea_orm::entity::prelude::*;

/// Not `Serialize`: it holds the password hash.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    #[sea_orm(unique)]
    pub email_normalized: String,
    pub display_name: String,
    pub password_hash: String,
    pub verified_at: Option<DateTimeUtc>,
    pub is_admin: bool,
    pub created_at: DateTimeUtc,
    /// Short random code of the speaker's public page.
    #[sea_orm(unique)]
    pub public_code: Option<String>,
    /// The language chosen for pages and mails (a code of `app::lang`), none until chosen.
    pub language: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
