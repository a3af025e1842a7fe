use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A proposal a partner's contact submits for the partner: the partner it speaks for (organisers
/// and, once accepted, the agenda say so; reviewers never see it), and whether the contact
/// acknowledged the organisers' "no sales pitch" rule.
#[derive(DeriveIden)]
enum Proposals {
    Table,
    PartnerId,
    PitchRuleAcceptedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement; no foreign key (SQLite cannot add one to a table).
        let add = |col: ColumnDef| Table::alter().table(Proposals::Table).add_column(col).to_owned();
        manager.alter_table(add(integer_null(Proposals::PartnerId))).await?;
        manager.alter_table(add(timestamp_with_time_zone_null(Proposals::PitchRuleAcceptedAt))).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let drop = |col: Proposals| Table::alter().table(Proposals::Table).drop_column(col).to_owned();
        manager.alter_table(drop(Proposals::PitchRuleAcceptedAt)).await?;
        manager.alter_table(drop(Proposals::PartnerId)).await
    }
}
