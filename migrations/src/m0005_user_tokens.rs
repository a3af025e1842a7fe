use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Single-use mailed tokens (password reset, email verification); only their hash is stored.
#[derive(DeriveIden)]
enum UserTokens {
    Table,
    Id,
    Purpose,
    TokenHash,
    UserId,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(UserTokens::Table)
                    .if_not_exists()
                    .col(pk_auto(UserTokens::Id))
                    .col(string(UserTokens::Purpose))
                    .col(string_uniq(UserTokens::TokenHash))
                    .col(integer(UserTokens::UserId))
                    .col(timestamp_with_time_zone(UserTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(UserTokens::UsedAt))
                    .col(timestamp_with_time_zone(UserTokens::CreatedAt))
                    .foreign_key(&mut cascade_fk((UserTokens::Table, UserTokens::UserId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(UserTokens::Table).to_owned()).await
    }
}
