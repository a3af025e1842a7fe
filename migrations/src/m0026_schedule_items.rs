use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;
use crate::m0014_proposals::Proposals;
use crate::m0024_rooms::Rooms;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What the work-in-progress schedule holds: one row per accepted talk (placed or not) and per
/// break, lunch or plenary. `version` grows with every change, for optimistic edits.
#[derive(DeriveIden)]
pub enum ScheduleItems {
    Table,
    Id,
    EventId,
    Kind,
    ProposalId,
    Title,
    RoomId,
    AllRooms,
    StartsAt,
    EndsAt,
    Minutes,
    Version,
    UpdatedAt,
}

/// One row per event whose schedule is being edited; changes lock it so they happen one at a time.
#[derive(DeriveIden)]
pub enum ScheduleStates {
    Table,
    EventId,
    Revision,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ScheduleItems as S;
        manager
            .create_table(
                Table::create()
                    .table(S::Table)
                    .if_not_exists()
                    .col(pk_auto(S::Id))
                    .col(integer(S::EventId))
                    .col(string(S::Kind))
                    .col(integer_null(S::ProposalId))
                    .col(string(S::Title))
                    .col(integer_null(S::RoomId))
                    .col(boolean(S::AllRooms).default(false))
                    .col(timestamp_with_time_zone_null(S::StartsAt))
                    .col(timestamp_with_time_zone_null(S::EndsAt))
                    .col(integer(S::Minutes))
                    .col(integer(S::Version).default(0))
                    .col(timestamp_with_time_zone(S::UpdatedAt))
                    .foreign_key(&mut cascade_fk((S::Table, S::EventId), (Events::Table, Events::Id)))
                    .foreign_key(&mut cascade_fk((S::Table, S::ProposalId), (Proposals::Table, Proposals::Id)))
                    .foreign_key(ForeignKey::create().from(S::Table, S::RoomId).to(Rooms::Table, Rooms::Id).on_delete(ForeignKeyAction::SetNull))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ux_schedule_items_proposal").table(S::Table).col(S::ProposalId).unique().to_owned())
            .await?;
        manager.create_index(Index::create().name("ix_schedule_items_event").table(S::Table).col(S::EventId).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(ScheduleStates::Table)
                    .if_not_exists()
                    .col(integer(ScheduleStates::EventId).primary_key())
                    .col(integer(ScheduleStates::Revision).default(0))
                    .foreign_key(&mut cascade_fk((ScheduleStates::Table, ScheduleStates::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ScheduleStates::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ScheduleItems::Table).to_owned()).await
    }
}
