//! The `server` command, built inside this package so that its tests can start it as a real
//! process (`CARGO_BIN_EXE_estrade-server`): kill -9, SIGTERM, JSON logs.
fn main() -> anyhow::Result<()> {
    server::cli::main()
}
