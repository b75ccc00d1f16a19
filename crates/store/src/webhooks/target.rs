//! Where a webhook may be delivered: never to an internal address (loopback, link-local and
//! the metadata service, private, unique-local, multicast…; see `huiyin_domain::network`) unless
//! the operator allows that range (`HUIYIN_WEBHOOK_ALLOWED_NETWORKS`). Checked when a URL is
//! saved and again, on the resolved addresses, at every delivery (DNS answers change).

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use huiyin_domain::network::{is_metadata_host, may_connect, Network};
use url::{Host, Url};

/// What the delivery log says for a refused target (nothing of what the address would answer).
pub const REFUSED: &str = "refused: private address";

/// A target that must not be contacted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refused: private address")]
pub struct Refused;

/// A URL's host as the HTTP client will read it (WHATWG parsing: `0x7f000001`, `2130706433`
/// and `127.1` are all 127.0.0.1), checked when it is an address or a metadata name.
/// `Ok(Some(name))` is a DNS name still to be resolved and checked.
pub fn check_host(url: &Url, allowed: &[Network]) -> Result<Option<String>, Refused> {
    match url.host() {
        Some(Host::Ipv4(ip)) => literal(IpAddr::V4(ip), allowed),
        Some(Host::Ipv6(ip)) => literal(IpAddr::V6(ip), allowed),
        Some(Host::Domain(name)) if is_metadata_host(name) => Err(Refused),
        Some(Host::Domain(name)) => Ok(Some(name.to_owned())),
        None => Err(Refused),
    }
}

fn literal(ip: IpAddr, allowed: &[Network]) -> Result<Option<String>, Refused> {
    if may_connect(ip, allowed) {
        Ok(None)
    } else {
        Err(Refused)
    }
}

/// Resolves `host` and refuses it when any of its addresses is internal (a name that resolves
/// to both a public and a private address is refused, not filtered: it is a rebinding trick).
pub async fn resolve(host: &str, port: u16, allowed: &[Network]) -> Result<Vec<SocketAddr>, ResolveError> {
    let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host, port))
        .await
        .map_err(|e| ResolveError::Lookup(e.to_string()))?
        .collect();
    if addrs.is_empty() {
        return Err(ResolveError::Lookup(format!("{host} has no address")));
    }
    if addrs.iter().any(|a| !may_connect(a.ip(), allowed)) {
        return Err(ResolveError::Refused(Refused));
    }
    Ok(addrs)
}

#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error(transparent)]
    Refused(Refused),
    #[error("could not resolve the receiver's name: {0}")]
    Lookup(String),
}

/// The save-time check: the host must not be (or, if its name resolves now, resolve to) an
/// internal address. A name that does not resolve yet is accepted; delivery checks again.
pub async fn check_saved(url: &str, allowed: &[Network]) -> Result<(), &'static str> {
    let parsed = Url::parse(url).map_err(|_| "must be an absolute http(s) URL")?;
    let refused = "must not point to a private, loopback, link-local or metadata address";
    let Some(name) = check_host(&parsed, allowed).map_err(|_| refused)? else {
        return Ok(());
    };
    let port = parsed.port_or_known_default().unwrap_or(443);
    match tokio::time::timeout(Duration::from_secs(3), resolve(&name, port, allowed)).await {
        Ok(Err(ResolveError::Refused(_))) => Err(refused),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(url: &str) -> Result<Option<String>, Refused> {
        check_host(&Url::parse(url).unwrap(), &[])
    }

    #[test]
    fn literal_and_obfuscated_internal_hosts_are_refused() {
        for url in [
            "http://127.0.0.1/",
            "http://[::1]:8080/",
            "http://0x7f000001/",
            "http://2130706433/",
            "http://127.1/",
            "http://0177.0.0.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/",
            "http://[::ffff:127.0.0.1]/",
            "http://[fd00::1]/",
            "http://metadata.google.internal/computeMetadata/v1/",
            "http://localhost:9000/",
        ] {
            assert_eq!(host(url), Err(Refused), "{url}");
        }
        assert_eq!(
            host("https://hooks.example.com/x"),
            Ok(Some("hooks.example.com".into()))
        );
        assert_eq!(host("https://93.184.216.34/x"), Ok(None));
    }

    #[test]
    fn allowed_ranges_open_literal_hosts() {
        let allowed = huiyin_domain::network::parse_list("127.0.0.0/8").unwrap();
        assert_eq!(
            check_host(&Url::parse("http://127.0.0.1:9/").unwrap(), &allowed),
            Ok(None)
        );
        assert_eq!(
            check_host(&Url::parse("http://10.0.0.1/").unwrap(), &allowed),
            Err(Refused)
        );
    }

    #[tokio::test]
    async fn names_resolving_to_loopback_are_refused() {
        assert!(matches!(
            resolve("127.0.0.1", 80, &[]).await,
            Err(ResolveError::Refused(_))
        ));
        assert!(check_saved("http://127.0.0.1:9/", &[]).await.is_err());
        assert!(check_saved("http://2130706433:9/", &[]).await.is_err());
        // A literal public address needs no lookup.
        assert!(check_saved("http://93.184.216.34/", &[]).await.is_ok());
    }
}
