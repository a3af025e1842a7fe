use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each event's volunteer settings: the call's text (its versions in `event_texts`), how late
/// volunteers may leave a shift themselves, and the room-host rule's parameters.
#[derive(DeriveIden)]
enum VolunteerSettings {
    Table,
    Id,
    EventId,
    CallText,
    SignOutHours,
    HostMinutesBefore,
    HostMaxGapMinutes,
    UpdatedAt,
}

/// A sign-up remembers the reminder mailed for it (sent once) and the talk it was last found to
/// clash with (mailed once per clash).
#[derive(DeriveIden)]
enum VolunteerSignups {
    Table,
    RemindedAt,
    ClashMailed,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use VolunteerSettings as V;
        manager
            .create_table(
                Table::create()
                    .table(V::Table)
                    .if_not_exists()
                    .col(pk_auto(V::Id))
                    .col(integer(V::EventId))
                    .col(text(V::CallText))
                    .col(integer(V::SignOutHours))
                    .col(integer(V::HostMinutesBefore))
                    .col(integer(V::HostMaxGapMinutes))
                    .col(timestamp_with_time_zone(V::UpdatedAt))
                    .foreign_key(&mut cascade_fk((V::Table, V::EventId), (Events::Table, Events::Id)))
                    .index(Index::create().name("ux_volunteer_settings_event").col(V::EventId).unique())
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        let add = |col: ColumnDef| Table::alter().table(VolunteerSignups::Table).add_column(col).to_owned();
        manager.alter_table(add(timestamp_with_time_zone_null(VolunteerSignups::RemindedAt))).await?;
        manager.alter_table(add(string_len_null(VolunteerSignups::ClashMailed, 300))).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let drop = |col: VolunteerSignups| Table::alter().table(VolunteerSignups::Table).drop_column(col).to_owned();
        manager.alter_table(drop(VolunteerSignups::ClashMailed)).await?;
        manager.alter_table(drop(VolunteerSignups::RemindedAt)).await?;
        manager.drop_table(Table::drop().table(VolunteerSettings::Table).to_owned()).await
    }
}
