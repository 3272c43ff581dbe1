package io.perfcenter.incentive.client;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A counted list read to its end: every row once, in the list's order, up to its total; its later pages side by side. */
class AllPagesTests {

    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(AllPages.PAGES_AT_ONCE);

    @AfterAll
    static void stop() {
        EXECUTOR.shutdownNow();
    }

    /** A provider's list of {@code size} rows (0, 1, 2 …), paged as the services page it, with or without the total. */
    private static class Provider implements AllPages.CountedReader<Integer> {
        final int size;
        final boolean counted;
        final List<Integer> offsets = Collections.synchronizedList(new ArrayList<>());

        Provider(int size, boolean counted) {
            this.size = size;
            this.counted = counted;
        }

        @Override
        public RestResponse<List<Integer>> page(int limit, int offset) {
            offsets.add(offset);
            List<Integer> rows = IntStream.range(Math.min(offset, size), Math.min(offset + limit, size)).boxed()
                    .toList();
            RestResponse.ResponseBuilder<List<Integer>> page = RestResponse.ResponseBuilder.ok(rows);
            if (counted) {
                page.header(AllPages.TOTAL, size);
            }
            return page.build();
        }

        List<Integer> sortedOffsets() {
            List<Integer> asked = new ArrayList<>(offsets);
            Collections.sort(asked);
            return asked;
        }
    }

    private static List<Integer> upTo(int size) {
        return IntStream.range(0, size).boxed().toList();
    }

    @Test
    void aCenterOfTenThousandIsTenPagesEachAskedOnceInOrder() {
        Provider provider = new Provider(10_000, true);
        assertEquals(upTo(10_000), AllPages.readCounted(provider, EXECUTOR));
        assertEquals(List.of(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000), provider.sortedOffsets());
        assertEquals(0, provider.offsets.get(0), "the first page says the total before the others are asked");
    }

    @Test
    void aShortLastPageEndsTheList() {
        Provider provider = new Provider(2_345, true);
        assertEquals(upTo(2_345), AllPages.readCounted(provider, EXECUTOR));
        assertEquals(List.of(0, 1000, 2000), provider.sortedOffsets());
    }

    @Test
    void aListOfOnePageIsOneRequest() {
        for (int size : new int[] {0, 1, 999, 1000}) {
            Provider provider = new Provider(size, true);
            assertEquals(upTo(size), AllPages.readCounted(provider, EXECUTOR));
            assertEquals(List.of(0), provider.offsets, size + " rows");
        }
    }

    @Test
    void withoutTheTotalPagesAreReadOneAfterTheOtherToAShortOne() {
        Provider provider = new Provider(3_000, false);
        assertEquals(upTo(3_000), AllPages.readCounted(provider, EXECUTOR));
        assertEquals(List.of(0, 1000, 2000, 3000), provider.offsets);
    }

    @Test
    void theLaterPagesAreReadAtTheSameTime() throws InterruptedException {
        // every page after the first waits until PAGES_AT_ONCE pages are being read at once: read one after the
        // other, the first of them would wait forever (here: until the latch gives up and the test fails)
        CountDownLatch together = new CountDownLatch(AllPages.PAGES_AT_ONCE);
        AtomicInteger atOnce = new AtomicInteger();
        Provider provider = new Provider(10_000, true) {
            @Override
            public RestResponse<List<Integer>> page(int limit, int offset) {
                if (offset > 0 && together.getCount() > 0) {
                    atOnce.incrementAndGet();
                    together.countDown();
                    try {
                        assertTrue(together.await(10, TimeUnit.SECONDS), "pages were not read side by side");
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return super.page(limit, offset);
            }
        };
        assertEquals(upTo(10_000), AllPages.readCounted(provider, EXECUTOR));
        assertEquals(AllPages.PAGES_AT_ONCE, atOnce.get());
    }

    @Test
    void aPageThatFailsFailsTheReadWithItsOwnProblem() {
        RuntimeException refused = new IllegalArgumentException("page 4000 refused");
        Provider provider = new Provider(10_000, true) {
            @Override
            public RestResponse<List<Integer>> page(int limit, int offset) {
                if (offset == 4000) {
                    throw refused;
                }
                return super.page(limit, offset);
            }
        };
        assertSame(refused, assertThrows(IllegalArgumentException.class,
                () -> AllPages.readCounted(provider, EXECUTOR)));
    }
}
