use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One row per event: when its call for papers is open and what it offers.
#[derive(DeriveIden)]
enum CfpSettings {
    Table,
    Id,
    EventId,
    OpensAt,
    ClosesAt,
    MaxProposals,
    Levels,
    Languages,
    CfpText,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CfpSettings::Table)
                    .if_not_exists()
                    .col(pk_auto(CfpSettings::Id))
                    .col(integer_uniq(CfpSettings::EventId))
                    .col(timestamp_with_time_zone_null(CfpSettings::OpensAt))
                    .col(timestamp_with_time_zone_null(CfpSettings::ClosesAt))
                    .col(integer_null(CfpSettings::MaxProposals))
                    .col(string(CfpSettings::Levels))
                    .col(string(CfpSettings::Languages))
                    .col(text(CfpSettings::CfpText))
                    .col(timestamp_with_time_zone(CfpSettings::UpdatedAt))
                    .foreign_key(&mut cascade_fk((CfpSettings::Table, CfpSettings::EventId), (Events::Table, Events::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(CfpSettings::Table).to_owned()).await
    }
}
