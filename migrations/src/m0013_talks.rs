use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A speaker's talk library: written once, submitted to several events.
#[derive(DeriveIden)]
pub enum Talks {
    Table,
    Id,
    OwnerId,
    Title,
    Summary,
    Details,
    Level,
    Language,
    References,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Talks::Table)
                    .if_not_exists()
                    .col(pk_auto(Talks::Id))
                    .col(integer(Talks::OwnerId))
                    .col(string(Talks::Title))
                    .col(text(Talks::Summary))
                    .col(text(Talks::Details))
                    .col(string(Talks::Level))
                    .col(string(Talks::Language))
                    .col(text(Talks::References))
                    .col(timestamp_with_time_zone(Talks::CreatedAt))
                    .col(timestamp_with_time_zone(Talks::UpdatedAt))
                    .foreign_key(&mut cascade_fk((Talks::Table, Talks::OwnerId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().if_not_exists().name("ix_talks_owner").table(Talks::Table).col(Talks::OwnerId).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Talks::Table).to_owned()).await
    }
}
