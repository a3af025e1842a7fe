//! The server as a real process (the `estrade-server` binary of this package, which runs the same
//! code as `server`): for what only a process shows — kill -9, SIGTERM, its logs.
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub struct ServerProcess {
    pub base_url: String,
    pub port: u16,
    child: Child,
    logs: Arc<Mutex<Vec<String>>>,
}

impl ServerProcess {
    /// Starts `bin serve` on `port` (0: a free one) with `DATABASE_URL`, `DATA_DIR` in `data_dir`,
    /// JSON logs, and `env` on top.
    pub fn spawn(bin: &str, database_url: &str, data_dir: &Path, port: u16, env: &[(&str, &str)]) -> ServerProcess {
        let port = if port == 0 { std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port() } else { port };
        let base_url = format!("http://127.0.0.1:{port}");
        let mut cmd = Command::new(bin);
        cmd.env("DATABASE_URL", database_url)
            .env("DATA_DIR", data_dir)
            .env("BIND_ADDR", format!("127.0.0.1:{port}"))
            .env("BASE_URL", &base_url)
            .env("LOG_FORMAT", "json")
            .env("RUST_LOG", "info")
            .env("MAIL_POLL_SECS", "1")
            .env("LEPTOS_SITE_ROOT", crate::site_root())
            .env_remove("SMTP_URL")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("start {bin}: {e}"));
        let logs = Arc::new(Mutex::new(Vec::new()));
        for stream in
            [child.stdout.take().map(|s| Box::new(s) as Box<dyn std::io::Read + Send>), child.stderr.take().map(|s| Box::new(s) as _)]
                .into_iter()
                .flatten()
        {
            let logs = logs.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    logs.lock().unwrap().push(line);
                }
            });
        }
        ServerProcess { base_url, port, child, logs }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// What `/readyz` answers now (0: no answer).
    pub async fn readiness(&self) -> u16 {
        match reqwest::Client::new().get(self.url("/readyz")).timeout(Duration::from_secs(2)).send().await {
            Ok(res) => res.status().as_u16(),
            Err(_) => 0,
        }
    }

    /// Waits until `/readyz` answers 200; panics with the logs after `timeout`.
    pub async fn wait_ready(&mut self, timeout: Duration) {
        let deadline = tokio::time::Instant::now() + timeout;
        while self.readiness().await != 200 {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server exited ({status}) before being ready:\n{}", self.logs().join("\n"));
            }
            assert!(tokio::time::Instant::now() < deadline, "not ready in time:\n{}", self.logs().join("\n"));
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Every line the process wrote so far, stdout and stderr.
    pub fn logs(&self) -> Vec<String> {
        self.logs.lock().unwrap().clone()
    }

    /// SIGKILL: no chance to clean up.
    pub fn kill_9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, as Kubernetes stops a pod.
    pub fn terminate(&self) {
        let status = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().expect("kill -TERM");
        assert!(status.success());
    }

    /// Waits for the process to exit; panics after `timeout`.
    pub async fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(tokio::time::Instant::now() < deadline, "still running:\n{}", self.logs().join("\n"));
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
