use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// What an event offers partners: a tier's price (shown, never charged here), how many exist
/// (`available`) and how many are promised (`taken`, raised only by a conditional update, so two
/// organisers accepting at once never exceed it), and what it gives.
#[derive(DeriveIden)]
enum PartnerTiers {
    Table,
    Id,
    EventId,
    Name,
    Kind,
    PriceEur,
    Available,
    Taken,
    BoothSize,
    StaffPasses,
    LogoHome,
    LogoAgenda,
    LogoScreens,
    TalksAllowed,
    JobPosts,
    Position,
    CreatedAt,
}

/// A company (or community) applying to an event's village, its pipeline dates, and its profile.
#[derive(DeriveIden)]
enum Partners {
    Table,
    Id,
    EventId,
    Code,
    Name,
    Vat,
    BillingName,
    BillingEmail,
    Message,
    WishedTierId,
    TierId,
    Status,
    AppliedAt,
    DecidedAt,
    SignedAt,
    InvoicedAt,
    PaidAt,
    Notes,
    Description,
    Website,
    Links,
    Jobs,
    LogoFile,
    LogoDarkFile,
    NeedsPower,
    NeedsScreen,
    NeedsTable,
    NeedsSavedAt,
    CreatedAt,
    UpdatedAt,
}

/// The accounts that speak for a partner.
#[derive(DeriveIden)]
enum PartnerContacts {
    Table,
    Id,
    PartnerId,
    UserId,
    CreatedAt,
}

/// A partner's staff passes: names and addresses for the badge printer.
#[derive(DeriveIden)]
enum PartnerStaff {
    Table,
    Id,
    PartnerId,
    Name,
    Email,
    CreatedAt,
}

/// Booths drawn on the village's floor map (metres from the top left corner); one partner per
/// booth and one booth per partner, both held by the unique index on `partner_id`.
#[derive(DeriveIden)]
enum PartnerBooths {
    Table,
    Id,
    EventId,
    Number,
    X,
    Y,
    W,
    H,
    PartnerId,
    CreatedAt,
}

/// Attendees who chose to share their contact with one partner.
#[derive(DeriveIden)]
enum PartnerShares {
    Table,
    Id,
    PartnerId,
    UserId,
    CreatedAt,
}

/// The village of an event: the floor's size, its plan image, and the checklist's deadlines.
#[derive(DeriveIden)]
enum PartnerVillages {
    Table,
    Id,
    EventId,
    Width,
    Height,
    PlanFile,
    LogoDue,
    DescriptionDue,
    StaffDue,
    NeedsDue,
    UpdatedAt,
}

/// Checklist reminders already mailed: one per partner and item.
#[derive(DeriveIden)]
enum PartnerReminders {
    Table,
    Id,
    PartnerId,
    Item,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        tiers(manager).await?;
        partners(manager).await?;
        people(manager).await?;
        booths(manager).await?;
        village(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PartnerReminders::Table.into_iden(),
            PartnerVillages::Table.into_iden(),
            PartnerShares::Table.into_iden(),
            PartnerBooths::Table.into_iden(),
            PartnerStaff::Table.into_iden(),
            PartnerContacts::Table.into_iden(),
            Partners::Table.into_iden(),
            PartnerTiers::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}

async fn tiers(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use PartnerTiers as T;
    manager
        .create_table(
            Table::create()
                .table(T::Table)
                .if_not_exists()
                .col(pk_auto(T::Id))
                .col(integer(T::EventId))
                .col(string_len(T::Name, 80))
                .col(string_len(T::Kind, 16))
                .col(integer(T::PriceEur))
                .col(integer(T::Available))
                .col(integer(T::Taken).default(0))
                .col(integer(T::BoothSize))
                .col(integer(T::StaffPasses))
                .col(boolean(T::LogoHome))
                .col(boolean(T::LogoAgenda))
                .col(boolean(T::LogoScreens))
                .col(boolean(T::TalksAllowed))
                .col(boolean(T::JobPosts))
                .col(integer(T::Position))
                .col(timestamp_with_time_zone(T::CreatedAt))
                .foreign_key(&mut cascade_fk((T::Table, T::EventId), (Events::Table, Events::Id)))
                .index(Index::create().name("ux_partner_tiers_event_name").col(T::EventId).col(T::Name).unique())
                .to_owned(),
        )
        .await
}

async fn partners(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use Partners as P;
    manager
        .create_table(
            Table::create()
                .table(P::Table)
                .if_not_exists()
                .col(pk_auto(P::Id))
                .col(integer(P::EventId))
                .col(string_len(P::Code, 16))
                .col(string_len(P::Name, 120))
                .col(string_len(P::Vat, 40))
                .col(string_len(P::BillingName, 120))
                .col(string_len(P::BillingEmail, 254))
                .col(text(P::Message))
                .col(integer_null(P::WishedTierId))
                .col(integer_null(P::TierId))
                .col(string_len(P::Status, 16))
                .col(timestamp_with_time_zone(P::AppliedAt))
                .col(timestamp_with_time_zone_null(P::DecidedAt))
                .col(timestamp_with_time_zone_null(P::SignedAt))
                .col(timestamp_with_time_zone_null(P::InvoicedAt))
                .col(timestamp_with_time_zone_null(P::PaidAt))
                .col(text(P::Notes))
                .col(text(P::Description))
                .col(string_len(P::Website, 300))
                .col(text(P::Links))
                .col(text(P::Jobs))
                .col(string_len(P::LogoFile, 80))
                .col(string_len(P::LogoDarkFile, 80))
                .col(boolean(P::NeedsPower))
                .col(boolean(P::NeedsScreen))
                .col(boolean(P::NeedsTable))
                .col(timestamp_with_time_zone_null(P::NeedsSavedAt))
                .col(timestamp_with_time_zone(P::CreatedAt))
                .col(timestamp_with_time_zone(P::UpdatedAt))
                .foreign_key(&mut cascade_fk((P::Table, P::EventId), (Events::Table, Events::Id)))
                .foreign_key(
                    ForeignKey::create()
                        .from(P::Table, P::WishedTierId)
                        .to(PartnerTiers::Table, PartnerTiers::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(P::Table, P::TierId)
                        .to(PartnerTiers::Table, PartnerTiers::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .index(Index::create().name("ux_partners_event_name").col(P::EventId).col(P::Name).unique())
                .index(Index::create().name("ux_partners_code").col(P::Code).unique())
                .to_owned(),
        )
        .await
}

async fn people(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use PartnerContacts as C;
    manager
        .create_table(
            Table::create()
                .table(C::Table)
                .if_not_exists()
                .col(pk_auto(C::Id))
                .col(integer(C::PartnerId))
                .col(integer(C::UserId))
                .col(timestamp_with_time_zone(C::CreatedAt))
                .foreign_key(&mut cascade_fk((C::Table, C::PartnerId), (Partners::Table, Partners::Id)))
                .foreign_key(&mut cascade_fk((C::Table, C::UserId), (Users::Table, Users::Id)))
                .index(Index::create().name("ux_partner_contacts").col(C::PartnerId).col(C::UserId).unique())
                .to_owned(),
        )
        .await?;
    use PartnerStaff as S;
    manager
        .create_table(
            Table::create()
                .table(S::Table)
                .if_not_exists()
                .col(pk_auto(S::Id))
                .col(integer(S::PartnerId))
                .col(string_len(S::Name, 120))
                .col(string_len(S::Email, 254))
                .col(timestamp_with_time_zone(S::CreatedAt))
                .foreign_key(&mut cascade_fk((S::Table, S::PartnerId), (Partners::Table, Partners::Id)))
                .index(Index::create().name("ux_partner_staff_email").col(S::PartnerId).col(S::Email).unique())
                .to_owned(),
        )
        .await?;
    use PartnerShares as H;
    manager
        .create_table(
            Table::create()
                .table(H::Table)
                .if_not_exists()
                .col(pk_auto(H::Id))
                .col(integer(H::PartnerId))
                .col(integer(H::UserId))
                .col(timestamp_with_time_zone(H::CreatedAt))
                .foreign_key(&mut cascade_fk((H::Table, H::PartnerId), (Partners::Table, Partners::Id)))
                .foreign_key(&mut cascade_fk((H::Table, H::UserId), (Users::Table, Users::Id)))
                .index(Index::create().name("ux_partner_shares").col(H::PartnerId).col(H::UserId).unique())
                .to_owned(),
        )
        .await
}

async fn booths(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use PartnerBooths as B;
    manager
        .create_table(
            Table::create()
                .table(B::Table)
                .if_not_exists()
                .col(pk_auto(B::Id))
                .col(integer(B::EventId))
                .col(string_len(B::Number, 8))
                .col(integer(B::X))
                .col(integer(B::Y))
                .col(integer(B::W))
                .col(integer(B::H))
                .col(integer_null(B::PartnerId))
                .col(timestamp_with_time_zone(B::CreatedAt))
                .foreign_key(&mut cascade_fk((B::Table, B::EventId), (Events::Table, Events::Id)))
                .foreign_key(
                    ForeignKey::create()
                        .from(B::Table, B::PartnerId)
                        .to(Partners::Table, Partners::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .index(Index::create().name("ux_partner_booths_number").col(B::EventId).col(B::Number).unique())
                .index(Index::create().name("ux_partner_booths_partner").col(B::PartnerId).unique())
                .to_owned(),
        )
        .await
}

async fn village(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use PartnerVillages as V;
    manager
        .create_table(
            Table::create()
                .table(V::Table)
                .if_not_exists()
                .col(pk_auto(V::Id))
                .col(integer(V::EventId))
                .col(integer(V::Width))
                .col(integer(V::Height))
                .col(string_len(V::PlanFile, 80))
                .col(date_null(V::LogoDue))
                .col(date_null(V::DescriptionDue))
                .col(date_null(V::StaffDue))
                .col(date_null(V::NeedsDue))
                .col(timestamp_with_time_zone(V::UpdatedAt))
                .foreign_key(&mut cascade_fk((V::Table, V::EventId), (Events::Table, Events::Id)))
                .index(Index::create().name("ux_partner_villages_event").col(V::EventId).unique())
                .to_owned(),
        )
        .await?;
    use PartnerReminders as R;
    manager
        .create_table(
            Table::create()
                .table(R::Table)
                .if_not_exists()
                .col(pk_auto(R::Id))
                .col(integer(R::PartnerId))
                .col(string_len(R::Item, 16))
                .col(timestamp_with_time_zone(R::SentAt))
                .foreign_key(&mut cascade_fk((R::Table, R::PartnerId), (Partners::Table, Partners::Id)))
                .index(Index::create().name("ux_partner_reminders").col(R::PartnerId).col(R::Item).unique())
                .to_owned(),
        )
        .await
}
