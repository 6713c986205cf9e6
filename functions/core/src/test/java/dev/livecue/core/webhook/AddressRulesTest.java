package dev.livecue.core.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The blocked ranges of the API contract, at and just outside their edges. Literals only: no DNS involved. */
class AddressRulesTest {

    private final AddressRules publicOnly = new AddressRules(false);
    private final AddressRules privateAllowed = new AddressRules(true);

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255", "100.64.0.0", "100.127.255.255",
            "127.0.0.1", "127.255.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8", "192.0.2.1",
            "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1",
            "239.255.255.255", "240.0.0.1", "255.255.255.255",
            "::", "::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "64:ff9b::a00:1",
            "64:ff9b:1::1", "100::1", "2001::1", "2001:db8::1", "2002:a00:1::1", "fc00::1", "fd00:ec2::254",
            "fe80::1", "ff02::1", "::127.0.0.1", "4000::1"})
    void violation_shouldBlock_whenAddressIsNotPublicUnicast(String literal) throws UnknownHostException {
        assertTrue(publicOnly.violation(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
            "192.0.1.255", "192.0.3.0", "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0",
            "223.255.255.255", "::ffff:8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e",
            "2001:4860:4860::8888"})
    void violation_shouldAllow_whenAddressIsPublicUnicast(String literal) throws UnknownHostException {
        assertFalse(publicOnly.violation(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "192.168.1.20", "fd12:3456::1", "100.100.1.2", "8.8.8.8"})
    void violation_shouldAllowLoopbackAndPrivate_whenPrivateAllowed(String literal) throws UnknownHostException {
        assertFalse(privateAllowed.violation(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"169.254.169.254", "169.254.170.2", "fd00:ec2::254", "::ffff:169.254.169.254",
            // the metadata address carried inside NAT64 and 6to4, and what is no single host at all
            "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::", "0.0.0.0", "::", "255.255.255.255", "224.0.0.1", "ff02::1"})
    void violation_shouldStillBlockCloudMetadataAndWhatIsNoHost_whenPrivateAllowed(String literal) throws UnknownHostException {
        assertTrue(privateAllowed.violation(InetAddress.getByName(literal)).isPresent(), literal);
    }
}
