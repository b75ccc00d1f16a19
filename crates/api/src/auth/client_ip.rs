//! The client's address for rate limits. `X-Forwarded-For` is believed only from a trusted
//! proxy (`HUIYIN_TRUSTED_PROXIES`): otherwise any client could name any address (and escape
//! its limit), and behind a proxy without it every client would share the proxy's address
//! (one address locking every login out).

use std::net::IpAddr;

use actix_web::HttpRequest;
use huiyin_domain::network::Network;

/// The address of the client: the TCP peer, or — when the peer is a trusted proxy — the
/// right-most `X-Forwarded-For` entry that is not itself a trusted proxy.
pub fn client_ip(req: &HttpRequest, trusted: &[Network]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip();
    let forwarded: Vec<&str> = req
        .headers()
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .collect();
    Some(from_chain(peer, &forwarded, trusted))
}

/// [`client_ip`] over plain values (the peer and the `X-Forwarded-For` header lines in order).
pub fn from_chain(peer: IpAddr, forwarded: &[&str], trusted: &[Network]) -> IpAddr {
    let is_trusted = |ip: IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded
        .iter()
        .flat_map(|line| line.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !is_trusted(ip) {
                    break;
                }
            }
            // An unparsable hop ends what can be believed.
            Err(_) => break,
        }
    }
    client
}

/// The address as a rate-limit key part (`unknown` when the peer is not known).
pub fn key(req: &HttpRequest, trusted: &[Network]) -> String {
    client_ip(req, trusted).map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

#[cfg(test)]
mod tests {
    use huiyin_domain::network::parse_list;

    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        let trusted = parse_list("10.0.0.0/8").unwrap();
        // Straight from the internet: the header is the client's own claim.
        assert_eq!(from_chain(ip("203.0.113.9"), &["1.2.3.4"], &trusted), ip("203.0.113.9"));
        // Through the proxy: the address the proxy saw.
        assert_eq!(
            from_chain(ip("10.0.0.2"), &["198.51.100.7"], &trusted),
            ip("198.51.100.7")
        );
        // A client-supplied entry before the proxy's is not believed.
        assert_eq!(
            from_chain(ip("10.0.0.2"), &["1.2.3.4, 198.51.100.7"], &trusted),
            ip("198.51.100.7")
        );
        // Two proxies.
        assert_eq!(
            from_chain(ip("10.0.0.2"), &["198.51.100.7", "10.0.0.3"], &trusted),
            ip("198.51.100.7")
        );
        // Nothing trusted: the peer, whatever the header says.
        assert_eq!(from_chain(ip("10.0.0.2"), &["198.51.100.7"], &[]), ip("10.0.0.2"));
        // Garbage ends the chain at the last believable hop.
        assert_eq!(from_chain(ip("10.0.0.2"), &["x, 10.0.0.5"], &trusted), ip("10.0.0.5"));
    }
}
