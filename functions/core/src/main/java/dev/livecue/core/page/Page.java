package dev.livecue.core.page;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code items} and the cursor for the next page, null on the last one. */
public record Page<T>(List<T> items, String nextCursor) {

    /** A page whose next one continues after the sort key {@code lastSortKey}, if there is more. */
    public static <T> Page<T> of(List<T> items, String lastSortKey) {
        return new Page<>(List.copyOf(items), lastSortKey == null ? null : PageRequest.encode(lastSortKey));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
