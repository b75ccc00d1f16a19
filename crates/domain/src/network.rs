//! Which network addresses outgoing requests (webhook deliveries) may reach. Loopback,
//! link-local (and with it the cloud metadata address 169.254.169.254), private, shared
//! (CGNAT), unique-local, multicast, broadcast, unspecified and reserved addresses are
//! refused unless an operator allows a range explicitly (an on-premises integration).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

/// An address range such as `10.20.0.0/16` or `fd00::/8`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    addr: IpAddr,
    prefix: u8,
}

impl Network {
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl FromStr for Network {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (addr, prefix) = match s.trim().split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s.trim(), None),
        };
        let addr: IpAddr = addr.parse().map_err(|_| format!("'{s}' is not an address range"))?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("'{s}' has an invalid prefix length"))?,
            None => max,
        };
        Ok(Network { addr, prefix })
    }
}

impl std::fmt::Display for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.addr, self.prefix)
    }
}

/// An IPv4-mapped or -compatible IPv6 address as the IPv4 address it stands for.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        },
        v4 => v4,
    }
}

fn internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_unspecified()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 192 && b == 0 && ip.octets()[2] == 0) // IETF protocol assignments
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || a >= 240 // reserved
}

fn internal_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local fc00::/7
        || (first & 0xffc0) == 0xfe80 // link-local fe80::/10
        || (first & 0xffc0) == 0xfec0 // site-local (deprecated) fec0::/10
        || (first == 0x64 && ip.segments()[1] == 0xff9b) // NAT64 can reach internal IPv4
        || first == 0x2002 // 6to4 embeds an IPv4 address
}

/// Whether `ip` is an internal address (see the module docs), whatever `allowed` says.
pub fn is_internal(ip: IpAddr) -> bool {
    match canonical(ip) {
        IpAddr::V4(v4) => internal_v4(v4),
        IpAddr::V6(v6) => internal_v6(v6),
    }
}

/// Whether an outgoing request may connect to `ip`: a public address, or one in an allowed range.
pub fn may_connect(ip: IpAddr, allowed: &[Network]) -> bool {
    !is_internal(ip) || allowed.iter().any(|n| n.contains(ip))
}

/// Host names that name a cloud metadata service (refused like its address).
pub fn is_metadata_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    matches!(
        host.as_str(),
        "metadata" | "metadata.google.internal" | "metadata.goog" | "instance-data" | "instance-data.ec2.internal"
    ) || host == "localhost"
        || host.ends_with(".localhost")
}

/// Parses a comma-separated list of ranges (`HUIYIN_WEBHOOK_ALLOWED_NETWORKS`).
pub fn parse_list(list: &str) -> Result<Vec<Network>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(Network::from_str)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_refused() {
        for s in [
            "127.0.0.1",
            "127.1.2.3",
            "::1",
            "0.0.0.0",
            "::",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "240.0.0.1",
            "fc00::1",
            "fd00:ec2::254",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
        ] {
            assert!(is_internal(ip(s)), "{s}");
            assert!(!may_connect(ip(s), &[]), "{s}");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for s in [
            "93.184.216.34",
            "8.8.8.8",
            "2606:4700::1111",
            "172.32.0.1",
            "100.128.0.1",
        ] {
            assert!(!is_internal(ip(s)), "{s}");
            assert!(may_connect(ip(s), &[]), "{s}");
        }
    }

    #[test]
    fn allowed_ranges_open_exactly_themselves() {
        let allowed = parse_list("10.20.0.0/16, 127.0.0.1 ,fd12::/16").unwrap();
        assert!(may_connect(ip("10.20.3.4"), &allowed));
        assert!(!may_connect(ip("10.21.0.1"), &allowed));
        assert!(may_connect(ip("127.0.0.1"), &allowed));
        assert!(may_connect(ip("::ffff:127.0.0.1"), &allowed));
        assert!(!may_connect(ip("127.0.0.2"), &allowed));
        assert!(may_connect(ip("fd12::9"), &allowed));
        assert!(!may_connect(ip("fd13::9"), &allowed));
        assert!(parse_list("10.0.0.0/33").is_err());
        assert!(parse_list("example.com").is_err());
        assert_eq!(parse_list("").unwrap(), vec![]);
        assert_eq!(allowed[0].to_string(), "10.20.0.0/16");
    }

    #[test]
    fn metadata_names() {
        assert!(is_metadata_host("metadata.google.internal"));
        assert!(is_metadata_host("METADATA.GOOGLE.INTERNAL."));
        assert!(is_metadata_host("localhost"));
        assert!(is_metadata_host("a.localhost"));
        assert!(!is_metadata_host("hooks.example.com"));
    }
}
