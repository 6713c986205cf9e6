package dev.livecue.core.connection;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The things a creator can do about a connection, in the order to try them: the cheap and likely fixes first
 * (is the connection on at all, is something else hogging it), then moving, switching network, restarting, and
 * last waiting or ending the live. Each finding asks for its own steps; a critical one adds the escalation path.
 * A step has its own words per network type, or none where it makes no sense (5 GHz on mobile data).
 */
public enum Step {
    CHECK_CONNECTION(
            "Check the Wi-Fi connection: Wi-Fi is on, the phone is joined to your network, and a web page opens.",
            "Check the mobile data connection: mobile data is on, airplane mode is off, and you have signal bars.",
            "Check the network cable: it is plugged in firmly at both ends and the adapter's light is on.",
            "Check that Wi-Fi or mobile data is on and connected: a web page should open."),
    STOP_OTHER_TRAFFIC(
            "Pause other uploads and downloads on this Wi-Fi: cloud photo backup, app updates, video calls, other streams.",
            "Close other apps that use mobile data, and pause cloud photo backup and app updates.",
            "Pause other uploads and downloads on this network: cloud photo backup, app updates, video calls, other streams.",
            "Pause other uploads and downloads: cloud photo backup, app updates, video calls."),
    TURN_OFF_VPN(all("Turn off any VPN, proxy or data-saver app: each adds a detour to every packet.")),
    MOVE_CLOSER(
            "Move closer to the Wi-Fi router, with as few walls as possible in between.",
            "Move to a spot with better signal, near a window or outdoors, and stay put: changing cell towers drops the stream.",
            null,
            "Move closer to the Wi-Fi router, or to a spot with better mobile signal."),
    USE_5GHZ(
            "Join the router's 5 GHz network if it has one: it is faster and less crowded than 2.4 GHz.",
            null, null, null),
    RECONNECT(
            "If other devices on this Wi-Fi are offline too, restart the router and wait two minutes.",
            "Turn airplane mode on and off again so the phone reconnects to the mobile network.",
            "Restart the router and wait two minutes.",
            "Turn Wi-Fi or mobile data off and on again to reconnect."),
    SWITCH_NETWORK(
            "If the Wi-Fi stays weak, switch to mobile data (turn Wi-Fi off).",
            "If the signal stays weak, switch to a Wi-Fi network.",
            "If the wired network stays slow, switch to Wi-Fi or mobile data.",
            "Switch network: Wi-Fi or mobile data, whichever is stronger here."),
    LOWER_QUALITY(all("Go live at 720p instead of 1080p: it needs about half the upload.")),
    RESTART_APP(all("Restart the app and run the check again.")),
    TRY_LATER(all("If it is still poor, try again in 10 to 15 minutes: networks are busiest in the evening.")),
    END_AND_RESCHEDULE(all("If it does not recover within a minute, tell viewers the connection is failing, end the live and reschedule it.")),
    KEEP_WATCHING(all("The connection is coming back: keep the live going and keep the phone where it is until the next checks confirm it."));

    /** What every critical finding adds to its own steps: confirm the basics, switch, restart, wait. */
    private static final Set<Step> ESCALATION = EnumSet.of(CHECK_CONNECTION, SWITCH_NETWORK, RESTART_APP, TRY_LATER);

    private final String wifi;
    private final String cellular;
    private final String ethernet;
    private final String unknown;

    Step(String wifi, String cellular, String ethernet, String unknown) {
        this.wifi = wifi;
        this.cellular = cellular;
        this.ethernet = ethernet;
        this.unknown = unknown;
    }

    Step(String[] same) {
        this(same[0], same[0], same[0], same[0]);
    }

    private static String[] all(String text) {
        return new String[] {text};
    }

    /** The words for {@code network}, or null when the step does not apply there. */
    public String text(NetworkType network) {
        return switch (network) {
            case WIFI -> wifi;
            case CELLULAR -> cellular;
            case ETHERNET -> ethernet;
            case UNKNOWN -> unknown;
        };
    }

    /**
     * The ordered, de-duplicated steps for a check's findings. An offline check gets the reconnect path instead;
     * during an open incident, ending the live replaces waiting, and a good check while it recovers says to hold on.
     */
    public static List<String> plan(NetworkType network, Verdict verdict, List<Finding> findings, IncidentPhase incident) {
        Set<Step> steps = EnumSet.noneOf(Step.class);
        if (verdict == Verdict.OFFLINE) {
            // Nothing gets through: tuning the traffic is pointless until the phone is back on a network.
            steps.addAll(EnumSet.of(CHECK_CONNECTION, MOVE_CLOSER, RECONNECT, SWITCH_NETWORK, RESTART_APP, TRY_LATER));
        } else {
            for (Finding finding : findings) {
                steps.addAll(forMetric(finding.metric(), finding.severity()));
                if (finding.severity() == Severity.CRITICAL) {
                    steps.addAll(ESCALATION);
                }
            }
        }
        if (incident == IncidentPhase.OPEN) {
            steps.remove(TRY_LATER);
            steps.add(END_AND_RESCHEDULE);
        } else if (incident == IncidentPhase.RECOVERING) {
            steps.add(KEEP_WATCHING);
        }
        return steps.stream().map(step -> step.text(network)).filter(Objects::nonNull).toList();
    }

    private static Set<Step> forMetric(Metric metric, Severity severity) {
        return switch (metric) {
            case UPLOAD -> severity == Severity.CRITICAL ? EnumSet.of(STOP_OTHER_TRAFFIC, MOVE_CLOSER, USE_5GHZ)
                    : EnumSet.of(STOP_OTHER_TRAFFIC, MOVE_CLOSER, LOWER_QUALITY);
            case DOWNLOAD, JITTER -> EnumSet.of(STOP_OTHER_TRAFFIC, MOVE_CLOSER);
            case PACKET_LOSS -> EnumSet.of(MOVE_CLOSER, USE_5GHZ);
            case RTT -> EnumSet.of(TURN_OFF_VPN);
        };
    }
}
