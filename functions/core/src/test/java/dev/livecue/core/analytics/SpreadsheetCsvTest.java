package dev.livecue.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void write_shouldQuoteLikeRfc4180_andDefuseFormulas() {
        String csv = SpreadsheetCsv.write(List.of("title", "delay", "note"), List.of(
                Arrays.asList("Q&A, \"live\"", -3, null),
                Arrays.asList("=HYPERLINK(\"http://x\")", 0, "two\nlines"),
                Arrays.asList("+1 fans", 2, "@home"),
                Arrays.asList("-minus", 1, "plain")));

        assertEquals("title,delay,note\r\n"
                + "\"Q&A, \"\"live\"\"\",-3,\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",0,\"two\nlines\"\r\n"
                + "'+1 fans,2,'@home\r\n"
                + "'-minus,1,plain\r\n", csv);
    }
}
