package dev.livecue.core.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.livecue.core.error.ApiException;
import dev.livecue.core.error.FieldError;

class PageRequestTest {

    @Test
    void of_shouldContinueAfterTheKeyOfAnIssuedCursor() {
        String cursor = Page.of(List.of("a"), "SESSION#2026-12-08T19:00:00Z#ses_1").nextCursor();

        assertEquals(Optional.of("SESSION#2026-12-08T19:00:00Z#ses_1"), PageRequest.of("10", cursor).after());
    }

    @Test
    void of_shouldRefuseACursorThisApiNeverIssued() {
        String cursor = Page.of(List.of("a"), "CHECK#2026-12-08T19:00:00Z#chk_1").nextCursor();
        // A Base64 decoder reads the first four as an issued key (a trailing zero byte, padding, stray low bits:
        // "QR" is "A" like "QQ"), the last as a replacement character (0xFF is no UTF-8).
        List<String> forged = List.of(cursor + "A", cursor + "=", "QQ==", "QR", "_w");

        for (String bad : forged) {
            ApiException e = assertThrows(ApiException.class, () -> PageRequest.of(null, bad), bad);
            assertEquals(List.of(new FieldError("cursor", "is not a cursor this API returned")), e.errors(), bad);
        }
        assertEquals(Optional.of("A"), PageRequest.of(null, "QQ").after());
        assertEquals(Optional.empty(), PageRequest.of(null, "").after(), "an empty cursor is the first page");
    }
}
