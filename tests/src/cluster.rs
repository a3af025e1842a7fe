//! Several instances behind one address, as a round-robin load balancer puts them, and a TCP relay
//! that can cut a server off (a database that goes away and comes back).
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// Listens on a free port and forwards each request to the next of `instances` in turn; returns its
/// address and the task (abort it to stop).
pub async fn round_robin_front(instances: Vec<SocketAddr>) -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the front");
    let url = format!("http://{}", listener.local_addr().unwrap());
    let client: Client<_, Body> = Client::builder(TokioExecutor::new()).build_http();
    let next = Arc::new(AtomicUsize::new(0));
    let front = axum::Router::new().fallback(move |mut req: Request| {
        let (client, next, instances) = (client.clone(), next.clone(), instances.clone());
        async move {
            let to = instances[next.fetch_add(1, Ordering::SeqCst) % instances.len()];
            let path = req.uri().path_and_query().map(|p| p.as_str().to_string()).unwrap_or_else(|| "/".into());
            *req.uri_mut() = format!("http://{to}{path}").parse().expect("an address");
            match client.request(req).await {
                Ok(res) => res.map(Body::new).into_response(),
                Err(_) => StatusCode::BAD_GATEWAY.into_response(),
            }
        }
    });
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, front).await;
    });
    (url, task)
}

/// A TCP relay from a local port to `target`, that can be cut (every connection dropped, new ones
/// refused) and restored on the same port.
pub struct Relay {
    pub port: u16,
    target: SocketAddr,
    tasks: Arc<Mutex<Vec<tokio::task::JoinHandle<()>>>>,
}

impl Relay {
    /// A relay on a free port, not started yet (connections to it are refused).
    pub fn new(target: SocketAddr) -> Relay {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        Relay { port, target, tasks: Arc::new(Mutex::new(Vec::new())) }
    }

    pub async fn up(&self) {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", self.port)).await.expect("bind the relay");
        let (target, tasks) = (self.target, self.tasks.clone());
        let accept = tokio::spawn(async move {
            while let Ok((mut inbound, _)) = listener.accept().await {
                let pipe = tokio::spawn(async move {
                    if let Ok(mut outbound) = tokio::net::TcpStream::connect(target).await {
                        let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                    }
                });
                tasks.lock().unwrap().push(pipe);
            }
        });
        self.tasks.lock().unwrap().push(accept);
    }

    /// Drops every connection and stops listening.
    pub fn down(&self) {
        for t in self.tasks.lock().unwrap().drain(..) {
            t.abort();
        }
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        self.down();
    }
}
