package dev.livecue.core.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break) that is also safe to open
 * in a spreadsheet: a text cell starting with {@code = + - @}, tab or carriage return would run as a formula (CSV
 * injection, OWASP), so it gets a leading apostrophe, which spreadsheets show as text. Numbers are left alone, so a
 * negative delay stays a number.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    public static String write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header.stream().map(SpreadsheetCsv::cell).toList());
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(SpreadsheetCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
