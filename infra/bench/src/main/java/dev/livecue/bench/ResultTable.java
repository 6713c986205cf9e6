package dev.livecue.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows a benchmark run prints and writes: what was measured, the figure, the target and whether it holds. */
public final class ResultTable {

    /** One figure; {@code met} is null where a row has no target of its own. */
    public record Row(String section, String measure, String value, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(String section, String measure, String value) {
        rows.add(new Row(section, measure, value, "", null));
    }

    public void add(String section, String measure, String value, String target, boolean met) {
        rows.add(new Row(section, measure, value, target, met));
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public boolean allTargetsMet() {
        return rows.stream().allMatch(r -> r.met() == null || r.met());
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("| section | measure | value | target | met |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.section()).append(" | ").append(row.measure()).append(" | ").append(row.value())
                    .append(" | ").append(row.target()).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        return out.toString();
    }

    public static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }
}
