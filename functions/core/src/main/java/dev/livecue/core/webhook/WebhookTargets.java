package dev.livecue.core.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import inet.ipaddr.IPAddressString;

import dev.livecue.core.validation.Violations;

/**
 * The URL rules of webhook subscriptions (API contract, "Webhook subscriptions"). They are checked when a
 * subscription is made, and the address rules again on every delivery, on the addresses the HTTP client is about to
 * dial ({@link #resolve}), so a host name that later resolves to an inner address (DNS rebinding) is still refused.
 */
@ApplicationScoped
public class WebhookTargets {

    /** A target address that the rules refuse; an {@link UnknownHostException} so the HTTP client gives up on it. */
    public static final class BlockedAddressException extends UnknownHostException {
        BlockedAddressException(String message) {
            super(message);
        }
    }

    static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_PORT = 65_535;
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern CANONICAL_IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** WHATWG URL: a host whose last label is a number (decimal or 0x hex) is parsed as an IPv4 address. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private final AddressRules rules;
    private final boolean allowPrivate;

    WebhookTargets(WebhookConfig config) {
        this.allowPrivate = config.allowPrivate();
        this.rules = new AddressRules(allowPrivate);
    }

    /** A broken URL rule, named in the message. */
    private static final class Rejected extends RuntimeException {
        Rejected(String rule) {
            super(rule, null, false, false);
        }
    }

    /** The subscription URL if it follows every rule; otherwise the rule it breaks is recorded for {@code field}. */
    public Optional<URI> validate(Violations v, String field, String url) {
        try {
            URI uri = parse(url);
            resolve(uri.getHost());
            return Optional.of(uri);
        } catch (Rejected | BlockedAddressException e) {
            v.add(field, e.getMessage());
        } catch (UnknownHostException e) {
            v.add(field, "the host does not resolve (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }

    /**
     * Every address {@code host} resolves to, if all of them may be called; one inner address is enough to refuse the
     * host, since the client could otherwise be steered to it.
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            Optional<String> violation = rules.violation(address);
            if (violation.isPresent()) {
                throw new BlockedAddressException("the host " + host + " resolves to a blocked address: " + violation.get()
                        + (allowPrivate ? "" : "; webhooks go to public unicast addresses only"));
            }
        }
        return addresses;
    }

    private URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new Rejected("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new Rejected("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Rejected("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate && scheme.equals("http"))) {
            throw new Rejected(allowPrivate ? "must be an http or https URL" : "must use https");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            throw new Rejected("must not contain credentials (user:password@)");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            // java.net.URI finds no host in some non-canonical IPv4 spellings (127.1): name that rule, not "no host"
            Optional.ofNullable(uri.getRawAuthority()).map(a -> a.replaceFirst(":\\d*$", ""))
                    .ifPresent(WebhookTargets::checkIpLiteral);
            throw new Rejected("must name a host (letters, digits, '-' and '.'; IDNs in punycode)");
        }
        checkIpLiteral(host);
        // java.net.URI takes any digits as a port; the HTTP client then refuses the request, on every attempt
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw new Rejected("has no usable port: a port is 1 to " + MAX_PORT + ", or left out for the scheme's own");
        }
        return uri;
    }

    /** IP literals only in their one canonical form, so that no spelling of an address can slip past a rule. */
    private static void checkIpLiteral(String host) {
        if (host.startsWith("[")) {
            String inner = host.substring(1, host.length() - 1);
            if (inner.contains("%") || !new IPAddressString(inner).isIPv6()) {
                throw new Rejected("is not a valid IPv6 address literal (zone ids are not allowed)");
            }
            return;
        }
        String withoutDot = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String lastLabel = withoutDot.substring(withoutDot.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(lastLabel).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
            throw new Rejected("an IPv4 address must be written in canonical dotted-decimal form "
                    + "(four decimal numbers 0-255 without leading zeros), not '" + host + "'");
        }
    }
}
