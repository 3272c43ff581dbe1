package io.perfcenter.scoring.client;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A whole list is read page by page until a short page; an exact multiple of the page size costs one empty page,
 * unless the pages say the list's total (X-Total-Count); then the pages after the first are read side by side (the
 * class is incentive-service's copy: its AllPagesTests read them at the same time and fail a page).
 */
class AllPagesTests {

    static List<Integer> rows(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    static List<Integer> readAll(List<Integer> list, List<Integer> offsetsAsked) {
        return AllPages.read((limit, offset) -> {
            offsetsAsked.add(offset);
            return list.subList(Math.min(offset, list.size()), Math.min(offset + limit, list.size()));
        });
    }

    @Test
    void readsEveryPage() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(rows(2500), readAll(rows(2500), asked));
        assertEquals(List.of(0, 1000, 2000), asked);
        asked.clear();
        assertEquals(rows(2000), readAll(rows(2000), asked));
        assertEquals(List.of(0, 1000, 2000), asked);
        asked.clear();
        assertEquals(List.of(), readAll(List.of(), asked));
        assertEquals(List.of(0), asked);
    }

    @Test
    void aProviderThatDoesNotPageIsReadOnce() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(1500, AllPages.read((limit, offset) -> {
            asked.add(offset);
            return rows(1500);
        }).size());
        assertEquals(List.of(0), asked);
    }

    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(AllPages.PAGES_AT_ONCE);

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    /** Reads the list counted; the offsets asked, sorted (the pages after the first are read side by side). */
    static List<Integer> readCounted(List<Integer> list, List<Integer> offsetsAsked, boolean withTotal) {
        List<Integer> asked = Collections.synchronizedList(new ArrayList<>());
        List<Integer> read = AllPages.readCounted((limit, offset) -> {
            asked.add(offset);
            RestResponse.ResponseBuilder<List<Integer>> page = RestResponse.ResponseBuilder.ok(
                    list.subList(Math.min(offset, list.size()), Math.min(offset + limit, list.size())));
            return withTotal ? page.header(AllPages.TOTAL, list.size()).build() : page.build();
        }, EXECUTOR);
        offsetsAsked.addAll(asked.stream().sorted().toList());
        return read;
    }

    @Test
    void theTotalSparesTheLastEmptyPage() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(rows(10_000), readCounted(rows(10_000), asked, true));
        assertEquals(List.of(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000), asked);
        asked.clear();
        assertEquals(rows(2500), readCounted(rows(2500), asked, true));
        assertEquals(List.of(0, 1000, 2000), asked);
        asked.clear();
        assertEquals(List.of(), readCounted(List.of(), asked, true));
        assertEquals(List.of(0), asked);
    }

    @Test
    void withoutTheTotalEveryPageUntilAShortOne() {
        List<Integer> asked = new ArrayList<>();
        assertEquals(rows(2000), readCounted(rows(2000), asked, false));
        assertEquals(List.of(0, 1000, 2000), asked);
    }
}
