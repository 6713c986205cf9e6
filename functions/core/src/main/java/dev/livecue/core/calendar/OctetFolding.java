package dev.livecue.core.calendar;

/**
 * RFC 5545 line folding by octets: a content line longer than 75 octets of UTF-8 is split, each continuation
 * starting with one space, and never inside a character. ical4j folds by UTF-16 chars instead, so a line of emoji
 * or CJK text came out at up to 3x the limit, which strict readers and validators refuse or cut.
 */
final class OctetFolding {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private OctetFolding() {
    }

    /** Folds every CRLF-ended line of {@code unfolded}, which must hold no folds of its own. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 16);
        int lineStart = 0;
        for (int end; (end = unfolded.indexOf(CRLF, lineStart)) >= 0; lineStart = end + CRLF.length()) {
            foldLine(unfolded, lineStart, end, out);
            out.append(CRLF);
        }
        foldLine(unfolded, lineStart, unfolded.length(), out);
        return out.toString();
    }

    private static void foldLine(String text, int from, int to, StringBuilder out) {
        int octets = 0;
        for (int i = from; i < to; ) {
            int codePoint = text.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
