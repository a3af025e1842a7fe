use sea_orm_migration::{prelude::*, schema::*};

use crate::cascade_fk;
use crate::m0001_users::Users;
use crate::m0002_events::Events;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Teams of an event's volunteers (welcome desk, room hosts, video …); a restricted team's lead
/// confirms a member before they take its shifts.
#[derive(DeriveIden)]
pub enum VolunteerTeams {
    Table,
    Id,
    EventId,
    Name,
    Description,
    Colour,
    Restricted,
    Briefing,
    LeadName,
    LeadPhone,
    Position,
    CreatedAt,
}

/// Shifts: a team's seats at a place and time. `taken` counts the seats held, raised only by a
/// conditional update (`taken < seats`), so concurrent sign-ups can never overbook. A shift made
/// from the agenda carries its rule's key (room and first talk) to be found again on the next run.
#[derive(DeriveIden)]
pub enum VolunteerShifts {
    Table,
    Id,
    EventId,
    TeamId,
    Title,
    Place,
    RoomId,
    StartsAt,
    EndsAt,
    Seats,
    Taken,
    Notes,
    GeneratedKey,
    CreatedAt,
    UpdatedAt,
}

/// A volunteer on a shift (`status` "taken") or waiting for a seat ("waiting", in `queued_at` order).
#[derive(DeriveIden)]
enum VolunteerSignups {
    Table,
    Id,
    ShiftId,
    UserId,
    Status,
    QueuedAt,
    CheckedInAt,
    NoShow,
    CreatedAt,
}

/// Applications to volunteer at an event; `status` pending, accepted or declined. Its row is also
/// the volunteer's lock: a sign-up first bumps `lock_version`, so one person's sign-ups run one at a time.
#[derive(DeriveIden)]
enum VolunteerApplications {
    Table,
    Id,
    EventId,
    UserId,
    Days,
    Teams,
    Tshirt,
    Languages,
    Note,
    Status,
    LockVersion,
    FeedToken,
    CreatedAt,
    DecidedAt,
}

/// Members a restricted team's lead confirmed.
#[derive(DeriveIden)]
enum VolunteerTeamMembers {
    Table,
    Id,
    TeamId,
    UserId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        teams(manager).await?;
        shifts(manager).await?;
        signups(manager).await?;
        applications(manager).await?;
        members(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(VolunteerTeamMembers::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VolunteerApplications::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VolunteerSignups::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VolunteerShifts::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(VolunteerTeams::Table).to_owned()).await
    }
}

async fn teams(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use VolunteerTeams as T;
    manager
        .create_table(
            Table::create()
                .table(T::Table)
                .if_not_exists()
                .col(pk_auto(T::Id))
                .col(integer(T::EventId))
                .col(string_len(T::Name, 80))
                .col(text(T::Description))
                .col(string_len(T::Colour, 7))
                .col(boolean(T::Restricted))
                .col(text(T::Briefing))
                .col(string_len(T::LeadName, 120))
                .col(string_len(T::LeadPhone, 40))
                .col(integer(T::Position))
                .col(timestamp_with_time_zone(T::CreatedAt))
                .foreign_key(&mut cascade_fk((T::Table, T::EventId), (Events::Table, Events::Id)))
                .index(Index::create().name("ux_volunteer_teams_event_name").col(T::EventId).col(T::Name).unique())
                .to_owned(),
        )
        .await
}

async fn shifts(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use VolunteerShifts as S;
    manager
        .create_table(
            Table::create()
                .table(S::Table)
                .if_not_exists()
                .col(pk_auto(S::Id))
                .col(integer(S::EventId))
                .col(integer(S::TeamId))
                .col(string_len(S::Title, 120))
                .col(string_len(S::Place, 80))
                .col(integer_null(S::RoomId))
                .col(timestamp_with_time_zone(S::StartsAt))
                .col(timestamp_with_time_zone(S::EndsAt))
                .col(integer(S::Seats))
                .col(integer(S::Taken).default(0))
                .col(text(S::Notes))
                .col(string_len_null(S::GeneratedKey, 64))
                .col(timestamp_with_time_zone(S::CreatedAt))
                .col(timestamp_with_time_zone(S::UpdatedAt))
                .foreign_key(&mut cascade_fk((S::Table, S::EventId), (Events::Table, Events::Id)))
                .foreign_key(&mut cascade_fk((S::Table, S::TeamId), (VolunteerTeams::Table, VolunteerTeams::Id)))
                .index(Index::create().name("ux_volunteer_shifts_generated").col(S::EventId).col(S::GeneratedKey).unique())
                .to_owned(),
        )
        .await?;
    manager
        .create_index(Index::create().name("ix_volunteer_shifts_event_start").table(S::Table).col(S::EventId).col(S::StartsAt).to_owned())
        .await
}

async fn signups(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use VolunteerSignups as G;
    manager
        .create_table(
            Table::create()
                .table(G::Table)
                .if_not_exists()
                .col(pk_auto(G::Id))
                .col(integer(G::ShiftId))
                .col(integer(G::UserId))
                .col(string_len(G::Status, 16))
                .col(timestamp_with_time_zone(G::QueuedAt))
                .col(timestamp_with_time_zone_null(G::CheckedInAt))
                .col(boolean(G::NoShow).default(false))
                .col(timestamp_with_time_zone(G::CreatedAt))
                .foreign_key(&mut cascade_fk((G::Table, G::ShiftId), (VolunteerShifts::Table, VolunteerShifts::Id)))
                .foreign_key(&mut cascade_fk((G::Table, G::UserId), (Users::Table, Users::Id)))
                .index(Index::create().name("ux_volunteer_signups_shift_user").col(G::ShiftId).col(G::UserId).unique())
                .to_owned(),
        )
        .await
}

async fn applications(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use VolunteerApplications as A;
    manager
        .create_table(
            Table::create()
                .table(A::Table)
                .if_not_exists()
                .col(pk_auto(A::Id))
                .col(integer(A::EventId))
                .col(integer(A::UserId))
                .col(text(A::Days))
                .col(text(A::Teams))
                .col(string_len(A::Tshirt, 8))
                .col(string_len(A::Languages, 200))
                .col(text(A::Note))
                .col(string_len(A::Status, 16))
                .col(integer(A::LockVersion).default(0))
                .col(string_len_null(A::FeedToken, 64))
                .col(timestamp_with_time_zone(A::CreatedAt))
                .col(timestamp_with_time_zone_null(A::DecidedAt))
                .foreign_key(&mut cascade_fk((A::Table, A::EventId), (Events::Table, Events::Id)))
                .foreign_key(&mut cascade_fk((A::Table, A::UserId), (Users::Table, Users::Id)))
                .index(Index::create().name("ux_volunteer_applications_event_user").col(A::EventId).col(A::UserId).unique())
                .to_owned(),
        )
        .await?;
    manager
        .create_index(Index::create().name("ux_volunteer_applications_feed").table(A::Table).col(A::FeedToken).unique().to_owned())
        .await
}

async fn members(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    use VolunteerTeamMembers as M;
    manager
        .create_table(
            Table::create()
                .table(M::Table)
                .if_not_exists()
                .col(pk_auto(M::Id))
                .col(integer(M::TeamId))
                .col(integer(M::UserId))
                .col(timestamp_with_time_zone(M::CreatedAt))
                .foreign_key(&mut cascade_fk((M::Table, M::TeamId), (VolunteerTeams::Table, VolunteerTeams::Id)))
                .foreign_key(&mut cascade_fk((M::Table, M::UserId), (Users::Table, Users::Id)))
                .index(Index::create().name("ux_volunteer_team_members").col(M::TeamId).col(M::UserId).unique())
                .to_owned(),
        )
        .await
}
