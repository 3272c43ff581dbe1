package io.perfcenter.incentive.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a paged list of another service to its end. The services page every list ({@code limit}, at most
 * {@value #LIMIT}, and {@code offset}); a reader that needs the whole list (a unit's members, the units a caller
 * leads) asks for pages of {@value #LIMIT} rows until one comes back short, which is the page that has no
 * {@code Link rel="next"}.
 */
final class AllPages {

    static final int LIMIT = 1000;

    /** One page: at most {@code limit} rows from {@code offset} on. */
    interface Reader<T> {
        List<T> page(int limit, int offset);
    }

    private AllPages() {
    }

    static <T> List<T> read(Reader<T> reader) {
        List<T> all = new ArrayList<>();
        for (int offset = 0; ; offset += LIMIT) {
            List<T> rows = reader.page(LIMIT, offset);
            all.addAll(rows);
            // a short page is the last; a longer one than asked comes from a provider that does not page
            if (rows.size() != LIMIT) {
                return all;
            }
        }
    }
}
