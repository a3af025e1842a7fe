use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A speaker an import created (`user_id`: an account of that event only, which cannot sign in)
/// whose file gave an email: organisers may mail that address a single-use link, and the owner of
/// the address, signed in with it verified, then takes the talks into their own account. Only the
/// link's hash is stored.
#[derive(DeriveIden)]
enum SpeakerClaims {
    Table,
    Id,
    EventId,
    UserId,
    EmailNormalized,
    TokenHash,
    SentAt,
    ExpiresAt,
    ClaimedBy,
    ClaimedAt,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use SpeakerClaims as C;
        manager
            .create_table(
                Table::create()
                    .table(C::Table)
                    .if_not_exists()
                    .col(pk_auto(C::Id))
                    .col(integer(C::EventId))
                    .col(integer_uniq(C::UserId))
                    .col(string(C::EmailNormalized))
                    .col(string_null(C::TokenHash).unique_key())
                    .col(timestamp_with_time_zone_null(C::SentAt))
                    .col(timestamp_with_time_zone_null(C::ExpiresAt))
                    .col(integer_null(C::ClaimedBy))
                    .col(timestamp_with_time_zone_null(C::ClaimedAt))
                    .col(timestamp_with_time_zone(C::CreatedAt))
                    .foreign_key(&mut cascade_fk((C::Table, C::EventId), (Events::Table, Events::Id)))
                    .foreign_key(&mut cascade_fk((C::Table, C::UserId), (Users::Table, Users::Id)))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(SpeakerClaims::Table).to_owned()).await
    }
}
