//! Who a request comes from, for per-client limits (public search, sign-in
//! throttling): the connection's peer, or, when that peer is a reverse
//! proxy the service was told to trust, the client the proxy names.
//!
//! Behind a proxy every connection comes from the proxy, so without this
//! the whole public would share one search budget and one sign-in
//! throttle. Only trusted proxies are believed: anyone can send an
//! `X-Forwarded-For` header.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::request::Parts;

use super::state::AppState;

/// The address a request comes from (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<Arc<AppState>> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
        Ok(ClientIp(client_ip(
            peer,
            &parts.headers,
            &state.config.trusted_proxies,
        )))
    }
}

/// The client behind `peer`. When `peer` is a trusted proxy, the client is
/// the right-most `X-Forwarded-For` address that is not itself a trusted
/// proxy: each proxy appends the address it saw, so anything to the left
/// of that may have been written by the client. The walk stops at an entry
/// that is not an address (a port, brackets, text); the client is then the
/// last address read, at worst the proxy. Entries are read from the raw
/// bytes, so a client's own unreadable text on the left changes nothing.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    // IPv4 written as IPv6 (`::ffff:10.0.0.5`) is the same address,
    // whichever side writes it so.
    let is_trusted = |ip: IpAddr| {
        trusted
            .iter()
            .any(|t| t.to_canonical() == ip.to_canonical())
    };
    if !is_trusted(peer) {
        return peer;
    }
    let hops: Vec<&[u8]> = headers
        .get_all("x-forwarded-for")
        .iter()
        .flat_map(|value| value.as_bytes().split(|b| *b == b','))
        .collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        let Some(ip) = std::str::from_utf8(hop)
            .ok()
            .and_then(|h| h.trim().parse::<IpAddr>().ok())
        else {
            break;
        };
        client = ip.to_canonical();
        if !is_trusted(client) {
            break;
        }
    }
    client
}

/// Whom a request counts against in per-client limits: its IPv4 address,
/// or the /64 network of an IPv6 one (a single home or phone has a whole
/// /64 to pick from).
pub fn network(ip: IpAddr) -> IpAddr {
    use std::net::Ipv6Addr;
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn only_a_trusted_proxy_is_believed() {
        let proxy = ip("10.0.0.5");
        let trusted = [proxy];
        // Straight from a client: its own header counts for nothing.
        assert_eq!(
            client_ip(ip("203.0.113.7"), &headers(&["198.51.100.1"]), &trusted),
            ip("203.0.113.7")
        );
        // Through the proxy: the address the proxy appended, not what the
        // client wrote to the left of it.
        assert_eq!(
            client_ip(proxy, &headers(&["198.51.100.1, 203.0.113.7"]), &trusted),
            ip("203.0.113.7")
        );
        // Through two trusted proxies, over two header lines.
        let two = [proxy, ip("10.0.0.6")];
        assert_eq!(
            client_ip(proxy, &headers(&["203.0.113.7", "10.0.0.6"]), &two),
            ip("203.0.113.7")
        );
        // Nothing usable: the proxy itself.
        assert_eq!(client_ip(proxy, &headers(&[]), &trusted), proxy);
        assert_eq!(client_ip(proxy, &headers(&["nonsense"]), &trusted), proxy);
        // A client's own unreadable text to the left changes nothing.
        let mut odd = HeaderMap::new();
        odd.append(
            "x-forwarded-for",
            axum::http::HeaderValue::from_bytes(b"caf\xc3\xa9, 203.0.113.7").unwrap(),
        );
        assert_eq!(client_ip(proxy, &odd, &trusted), ip("203.0.113.7"));
        // IPv4 written as IPv6 is the same address.
        assert_eq!(
            client_ip(ip("::ffff:10.0.0.5"), &headers(&["203.0.113.7"]), &trusted),
            ip("203.0.113.7")
        );
        // Nobody trusted: the header is never read.
        assert_eq!(client_ip(proxy, &headers(&["203.0.113.7"]), &[]), proxy);
    }
}
