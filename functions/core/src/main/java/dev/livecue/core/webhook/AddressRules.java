package dev.livecue.core.webhook;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressNetwork.IPAddressGenerator;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;

/**
 * Which IP addresses a webhook may be sent to: public unicast only, so that a subscription can never make Livecue
 * call into its own network, the cloud metadata service or someone's intranet (SSRF). The blocked ranges are the
 * API contract's list; an IPv4-mapped IPv6 address is judged by the IPv4 address inside it, and an IPv6 address
 * must also be global unicast (2000::/3). With private targets allowed (local stack only), loopback and private
 * networks may be called; the cloud metadata service, multicast, broadcast, the unspecified address and the
 * translation prefixes (NAT64, 6to4, which can carry the metadata address inside) stay blocked.
 */
final class AddressRules {

    /** A blocked range; {@code onLaptop}: one a receiver on the developer's own machine or network may be in. */
    private record Range(IPAddress block, String label, boolean onLaptop) {
        boolean contains(IPAddress address) {
            return block.contains(address);
        }

        String describe() {
            return block.toCanonicalString() + " (" + label + ")";
        }
    }

    private static final boolean ON_LAPTOP = true;
    private static final boolean EVERYWHERE = false;

    private static final List<Range> METADATA = List.of(
            range("169.254.0.0/16", "link-local, cloud metadata", EVERYWHERE),
            range("fd00:ec2::254/128", "cloud metadata", EVERYWHERE));

    private static final List<Range> BLOCKED = List.of(
            range("0.0.0.0/8", "\"this\" network", EVERYWHERE),
            range("10.0.0.0/8", "private network", ON_LAPTOP),
            range("100.64.0.0/10", "carrier-grade NAT", ON_LAPTOP),
            range("127.0.0.0/8", "loopback", ON_LAPTOP),
            // 169.254.0.0/16 is in METADATA, judged first everywhere
            range("172.16.0.0/12", "private network", ON_LAPTOP),
            range("192.0.0.0/24", "IETF protocol assignments", EVERYWHERE),
            range("192.0.2.0/24", "documentation", EVERYWHERE),
            range("192.88.99.0/24", "6to4 relay anycast", EVERYWHERE),
            range("192.168.0.0/16", "private network", ON_LAPTOP),
            range("198.18.0.0/15", "benchmarking", EVERYWHERE),
            range("198.51.100.0/24", "documentation", EVERYWHERE),
            range("203.0.113.0/24", "documentation", EVERYWHERE),
            range("224.0.0.0/4", "multicast", EVERYWHERE),
            range("240.0.0.0/4", "reserved, broadcast", EVERYWHERE),
            range("::/128", "unspecified", EVERYWHERE),
            range("::1/128", "loopback", ON_LAPTOP),
            range("64:ff9b::/96", "NAT64", EVERYWHERE),
            range("64:ff9b:1::/48", "local NAT64", EVERYWHERE),
            range("100::/64", "discard", EVERYWHERE),
            range("2001::/32", "Teredo", EVERYWHERE),
            range("2001:db8::/32", "documentation", EVERYWHERE),
            range("2002::/16", "6to4", EVERYWHERE),
            range("fc00::/7", "unique local, incl. cloud metadata fd00:ec2::254", ON_LAPTOP),
            range("fe80::/10", "link-local", EVERYWHERE),
            range("ff00::/8", "multicast", EVERYWHERE));

    private static final IPAddress IPV6_GLOBAL_UNICAST = new IPAddressString("2000::/3").getAddress();
    private static final IPAddressGenerator ADDRESSES = new IPAddressGenerator();

    private final boolean allowPrivate;

    AddressRules(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why {@code address} must not be called, or empty when it may. */
    Optional<String> violation(InetAddress address) {
        IPAddress ip = ADDRESSES.from(address).withoutPrefixLength();
        if (ip instanceof IPv6Address v6 && v6.isIPv4Mapped()) {
            ip = v6.getEmbeddedIPv4Address();
        }
        IPAddress judged = ip;
        // the metadata service first: on a laptop its unique-local address sits inside a range that is allowed there
        Optional<Range> hit = METADATA.stream().filter(r -> r.contains(judged)).findFirst()
                .or(() -> BLOCKED.stream().filter(r -> r.contains(judged) && !(allowPrivate && r.onLaptop())).findFirst());
        if (hit.isPresent()) {
            return Optional.of(address.getHostAddress() + " is in " + hit.get().describe());
        }
        if (!allowPrivate && judged.isIPv6() && !IPV6_GLOBAL_UNICAST.contains(judged)) {
            return Optional.of(address.getHostAddress() + " is not a global unicast IPv6 address (2000::/3)");
        }
        return Optional.empty();
    }

    private static Range range(String cidr, String label, boolean onLaptop) {
        return new Range(new IPAddressString(cidr).getAddress(), label, onLaptop);
    }
}
