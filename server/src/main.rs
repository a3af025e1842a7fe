//! `server`: serve Estrade, migrate, seed demo data, create an admin, import a schedule, back up.
fn main() -> anyhow::Result<()> {
    server::cli::main()
}
