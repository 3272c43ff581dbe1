package io.perfcenter.incentive.client;

import org.jboss.resteasy.reactive.RestResponse;

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

    /** One page with its headers: at most {@code limit} rows from {@code offset} on. */
    interface CountedReader<T> {
        RestResponse<List<T>> page(int limit, int offset);
    }

    /** The header in which the services give the length of the whole list. */
    static final String TOTAL = "X-Total-Count";

    private AllPages() {
    }

    /**
     * As {@link #read(Reader)}, and stops as soon as the list's total ({@value #TOTAL}) is read: a list of a multiple
     * of {@value #LIMIT} rows (a center of 10,000 agents) takes no last, empty page. Without the header it reads until
     * a short page, as {@link #read(Reader)}.
     */
    static <T> List<T> readCounted(CountedReader<T> reader) {
        return read(new Reader<>() {
            long total = -1;

            @Override
            public List<T> page(int limit, int offset) {
                if (total >= 0 && offset >= total) {
                    return List.of();
                }
                RestResponse<List<T>> page = reader.page(limit, offset);
                String header = page.getHeaderString(TOTAL);
                if (header != null) {
                    try {
                        total = Long.parseLong(header.strip());
                    } catch (NumberFormatException e) {
                        total = -1;
                    }
                }
                List<T> rows = page.getEntity();
                return rows == null ? List.of() : rows;
            }
        });
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
