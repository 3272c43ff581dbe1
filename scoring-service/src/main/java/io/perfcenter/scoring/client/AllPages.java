package io.perfcenter.scoring.client;

import org.jboss.resteasy.reactive.RestResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

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

    /** How many pages of a counted list are read at the same time once its length is known. */
    static final int PAGES_AT_ONCE = 3;

    /**
     * A counted list to its end, as {@link #read(Reader)} reads it, with the same rows in the same order: the first
     * page says the list's length ({@value #TOTAL}), and the pages after it are then read {@value #PAGES_AT_ONCE} at a
     * time on {@code executor} (each lane of pages one after the other) rather than each waiting for the one before:
     * a center of 10,000 is ten pages, and while the provider reads one page from its database another is written
     * as JSON and a third parsed here. The list stops at its total (no last, empty page for a multiple of
     * {@value #LIMIT}) or at a short page; without the header it is read one page after the other to a short page.
     * A page that fails fails the whole read, once every page under way has ended (nothing outlives the read).
     */
    static <T> List<T> readCounted(CountedReader<T> reader, Executor executor) {
        RestResponse<List<T>> first = reader.page(LIMIT, 0);
        List<T> rows = rows(first);
        long total = total(first);
        if (rows.size() != LIMIT) {
            return new ArrayList<>(rows);
        }
        if (total < 0) {
            List<T> all = new ArrayList<>(rows);
            all.addAll(read((limit, offset) -> rows(reader.page(limit, LIMIT + offset))));
            return all;
        }
        int pages = (int) Math.max(0, (total - 1) / LIMIT); // after the first
        List<List<T>> found = new ArrayList<>(Collections.nCopies(pages, null));
        AtomicBoolean stop = new AtomicBoolean();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(PAGES_AT_ONCE, pages); lane++) {
            int firstPage = lane;
            lanes.add(CompletableFuture.runAsync(() -> {
                for (int p = firstPage; p < pages && !stop.get(); p += PAGES_AT_ONCE) {
                    try {
                        List<T> page = rows(reader.page(LIMIT, (p + 1) * LIMIT));
                        found.set(p, page);
                        if (page.size() != LIMIT) {
                            return; // the list ended early: no page after this one has rows
                        }
                    } catch (RuntimeException e) {
                        stop.set(true);
                        throw e;
                    }
                }
            }, executor));
        }
        awaitAll(lanes, stop);
        List<T> all = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE));
        all.addAll(rows);
        for (List<T> page : found) {
            if (page == null) {
                break;
            }
            all.addAll(page);
            if (page.size() != LIMIT) {
                break;
            }
        }
        return all;
    }

    /** Waits for every lane to end; a lane's failure is then thrown as the lane threw it. */
    private static void awaitAll(List<CompletableFuture<Void>> lanes, AtomicBoolean stop) {
        try {
            CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            // the read ran out of time (fault tolerance interrupts it): no lane starts another page
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the pages of a list", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null
                    ? c.getCause() : e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static <T> List<T> rows(RestResponse<List<T>> page) {
        List<T> rows = page.getEntity();
        return rows == null ? List.of() : rows;
    }

    /** The list's length the page's {@value #TOTAL} gives, or -1 without (or with an unreadable) one. */
    private static long total(RestResponse<?> page) {
        String header = page.getHeaderString(TOTAL);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
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
