//! Webhook delivery: one POST per delivery row, signed with the subscription's secret.
//! A non-2xx answer or a network error fails the job, which the queue retries with backoff;
//! the delivery log records every attempt.
//!
//! Internal targets are refused at every attempt, after resolving the name (a save-time check
//! alone would let DNS be changed later): the client resolves through [`CheckedResolver`], which
//! refuses a name with any internal address, so the connection goes only to checked addresses.
//! The log then says "refused: private address" and nothing else.

use std::sync::Arc;
use std::time::Duration;

use huiyin_domain::network::Network;
use huiyin_store::jobs::JobRecord;
use huiyin_store::webhooks::target::{self, ResolveError, REFUSED};

use chrono::Utc;
use huiyin_domain::webhook::{sign, DeliveryStatus, DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use huiyin_store::webhooks::{self, OutgoingDelivery};
use huiyin_store::Store;
use uuid::Uuid;

/// Resolves receivers' names and refuses those with an internal address.
struct CheckedResolver {
    allowed: Arc<Vec<Network>>,
}

impl reqwest::dns::Resolve for CheckedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allowed = self.allowed.clone();
        Box::pin(async move {
            let addrs = target::resolve(name.as_str(), 0, &allowed)
                .await
                .map_err(|e| -> Box<dyn std::error::Error + Send + Sync> { Box::new(e) })?;
            let addrs: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}

/// The delivery settings: the HTTP client and the internal ranges an operator allowed.
#[derive(Clone)]
pub struct Delivery {
    pub http: reqwest::Client,
    pub allowed: Arc<Vec<Network>>,
}

/// The HTTP client for deliveries: bounded time, no redirects (a receiver answers for itself),
/// no proxy (it would do the resolving), names resolved and checked by [`CheckedResolver`].
pub fn client(timeout: Duration, allowed: Vec<Network>) -> Delivery {
    let allowed = Arc::new(allowed);
    let http = reqwest::Client::builder()
        .timeout(timeout)
        .no_proxy()
        .dns_resolver(Arc::new(CheckedResolver {
            allowed: allowed.clone(),
        }))
        .connect_timeout(timeout.min(Duration::from_secs(5)))
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Huiyin-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .unwrap_or_default();
    Delivery { http, allowed }
}

/// Whether a failed request was refused by [`CheckedResolver`].
fn was_refused(error: &reqwest::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if matches!(e.downcast_ref::<ResolveError>(), Some(ResolveError::Refused(_))) {
            return true;
        }
        source = e.source();
    }
    false
}

/// The target's address is checked before anything is sent: literal addresses here, names by
/// the resolver while connecting.
fn literal_refused(url: &str, allowed: &[Network]) -> bool {
    match reqwest::Url::parse(url) {
        Ok(url) => target::check_host(&url, allowed).is_err(),
        Err(_) => true,
    }
}

pub async fn deliver(store: &Store, delivery_client: &Delivery, job: &JobRecord) -> Result<(), String> {
    let http = &delivery_client.http;
    let payload: serde_json::Value = serde_json::from_str(&job.payload).map_err(|e| format!("bad job payload: {e}"))?;
    let id: Uuid = payload["delivery_id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or("job payload lacks delivery_id")?;
    let db = &store.db;
    let Some(delivery) = webhooks::load_for_delivery(db, id).await.map_err(|e| e.to_string())? else {
        // The subscription was deleted: nothing left to deliver.
        return Ok(());
    };
    if delivery.status == DeliveryStatus::Succeeded {
        return Ok(());
    }
    let final_attempt = job.attempts >= job.max_attempts;
    if !delivery.active {
        webhooks::record_attempt(db, &delivery, None, Some("subscription is inactive".into()), true)
            .await
            .map_err(|e| e.to_string())?;
        return Ok(());
    }
    if literal_refused(&delivery.url, &delivery_client.allowed) {
        return refuse(store, &delivery, final_attempt).await;
    }
    let timestamp = Utc::now().timestamp();
    let signature = sign(&delivery.secret, timestamp, delivery.payload.as_bytes());
    let sent = http
        .post(&delivery.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(EVENT_HEADER, delivery.event.as_str())
        .header(DELIVERY_HEADER, delivery.id.to_string())
        .header(TIMESTAMP_HEADER, timestamp.to_string())
        .header(SIGNATURE_HEADER, signature)
        .body(delivery.payload.clone())
        .send()
        .await;
    if matches!(&sent, Err(e) if was_refused(e)) {
        return refuse(store, &delivery, final_attempt).await;
    }
    let (status, error) = match sent {
        Ok(response) if response.status().is_success() => (Some(response.status().as_u16()), None),
        Ok(response) => (
            Some(response.status().as_u16()),
            Some(format!("the receiver answered {}", response.status())),
        ),
        Err(e) if e.is_timeout() => (None, Some("the receiver did not answer in time".to_owned())),
        Err(e) => (None, Some(format!("could not reach the receiver: {e}"))),
    };
    webhooks::record_attempt(db, &delivery, status, error.clone(), final_attempt)
        .await
        .map_err(|e| e.to_string())?;
    match error {
        None => Ok(()),
        Some(error) => Err(error),
    }
}

/// Records a refused attempt (no status, nothing of the target) and fails the job so it is
/// retried like any failure: an operator may yet allow the range or fix the DNS record.
async fn refuse(store: &Store, delivery: &OutgoingDelivery, final_attempt: bool) -> Result<(), String> {
    webhooks::record_attempt(&store.db, delivery, None, Some(REFUSED.to_owned()), final_attempt)
        .await
        .map_err(|e| e.to_string())?;
    Err(REFUSED.to_owned())
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use reqwest::dns::{Name, Resolve};

    use super::*;

    #[tokio::test]
    async fn the_resolver_refuses_names_of_internal_addresses() {
        let resolver = CheckedResolver {
            allowed: Arc::new(vec![]),
        };
        let refused = resolver.resolve(Name::from_str("localhost").unwrap()).await;
        let error = refused.err().expect("localhost is refused");
        assert!(matches!(
            error.downcast_ref::<ResolveError>(),
            Some(ResolveError::Refused(_))
        ));
        let open = CheckedResolver {
            allowed: Arc::new(huiyin_domain::network::parse_list("127.0.0.0/8, ::1").unwrap()),
        };
        let addrs: Vec<_> = open
            .resolve(Name::from_str("localhost").unwrap())
            .await
            .expect("allowed")
            .collect();
        assert!(!addrs.is_empty());
    }

    #[test]
    fn literal_internal_targets_are_refused() {
        assert!(literal_refused("http://0x7f000001/", &[]));
        assert!(literal_refused("http://[::1]/", &[]));
        assert!(!literal_refused("https://93.184.216.34/", &[]));
        assert!(literal_refused("not a url", &[]));
    }
}
