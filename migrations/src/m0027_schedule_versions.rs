use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Published schedules: a frozen copy of the placed items and what changed since the previous one.
#[derive(DeriveIden)]
pub enum ScheduleVersions {
    Table,
    Id,
    EventId,
    Number,
    Name,
    Snapshot,
    Changelog,
    PublishedBy,
    PublishedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ScheduleVersions as V;
        manager
            .create_table(
                Table::create()
                    .table(V::Table)
                    .if_not_exists()
                    .col(pk_auto(V::Id))
                    .col(integer(V::EventId))
                    .col(integer(V::Number))
                    .col(string(V::Name))
                    .col(text(V::Snapshot))
                    .col(text(V::Changelog))
                    .col(integer_null(V::PublishedBy))
                    .col(timestamp_with_time_zone(V::PublishedAt))
                    .foreign_key(&mut cascade_fk((V::Table, V::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ux_schedule_versions_number").table(V::Table).col(V::EventId).col(V::Number).unique().to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ScheduleVersions::Table).to_owned()).await
    }
}
