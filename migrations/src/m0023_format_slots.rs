use sea_orm_migration::{prelude::*, schema::*};

use crate::m0010_formats::Formats;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// How many talks of a format the organisers plan to accept ("REX: 6 / 8").
#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Formats::Table).add_column(integer_null(Alias::new("slots"))).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Formats::Table).drop_column(Alias::new("slots")).to_owned()).await
    }
}
