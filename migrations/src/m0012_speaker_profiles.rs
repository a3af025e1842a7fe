use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A speaker's profile, one per user, reused across events.
#[derive(DeriveIden)]
enum SpeakerProfiles {
    Table,
    Id,
    UserId,
    PublicName,
    Bio,
    Company,
    JobTitle,
    PhotoUrl,
    PhotoFile,
    Website,
    Github,
    Linkedin,
    Social,
    City,
    PrivateNotes,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use SpeakerProfiles as P;
        manager
            .create_table(
                Table::create()
                    .table(P::Table)
                    .if_not_exists()
                    .col(pk_auto(P::Id))
                    .col(integer_uniq(P::UserId))
                    .col(string(P::PublicName))
                    .col(text(P::Bio))
                    .col(string(P::Company))
                    .col(string(P::JobTitle))
                    .col(string(P::PhotoUrl))
                    .col(string(P::PhotoFile))
                    .col(string(P::Website))
                    .col(string(P::Github))
                    .col(string(P::Linkedin))
                    .col(string(P::Social))
                    .col(string(P::City))
                    .col(text(P::PrivateNotes))
                    .col(timestamp_with_time_zone(P::UpdatedAt))
                    .foreign_key(&mut cascade_fk((P::Table, P::UserId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SpeakerProfiles::Table).to_owned()).await
    }
}
