use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The opening hours of each day of an event, as local "HH:MM" in the event's time zone (so a day
/// on which clocks change keeps its hours).
#[derive(DeriveIden)]
enum EventDays {
    Table,
    Id,
    EventId,
    Day,
    Opens,
    Closes,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use EventDays as D;
        manager
            .create_table(
                Table::create()
                    .table(D::Table)
                    .if_not_exists()
                    .col(pk_auto(D::Id))
                    .col(integer(D::EventId))
                    .col(date(D::Day))
                    .col(string(D::Opens))
                    .col(string(D::Closes))
                    .foreign_key(&mut cascade_fk((D::Table, D::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ux_event_days").table(D::Table).col(D::EventId).col(D::Day).unique().to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(EventDays::Table).to_owned()).await
    }
}
