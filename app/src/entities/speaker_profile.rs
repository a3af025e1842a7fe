use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "speaker_profiles")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub user_id: i32,
    pub public_name: String,
    #[sea_orm(column_type = "Text")]
    pub bio: String,
    pub company: String,
    pub job_title: String,
    pub photo_url: String,
    /// File name under `data/photos/`, empty when none was uploaded.
    pub photo_file: String,
    pub website: String,
    pub github: String,
    pub linkedin: String,
    pub social: String,
    pub city: String,
    #[sea_orm(column_type = "Text")]
    pub private_notes: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
