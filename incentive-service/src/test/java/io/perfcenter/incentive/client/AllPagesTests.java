package io.perfcenter.incentive.client;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A counted list read to its end: every row once, in the list's order, up to its total and no further. */
class AllPagesTests {

    /** A provider's list of {@code size} rows (0, 1, 2 …), paged as the services page it, with or without the total. */
    private static class Provider implements AllPages.CountedReader<Integer> {
        final int size;
        final boolean counted;
        final List<Integer> offsets = new ArrayList<>();

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
    }

    private static List<Integer> upTo(int size) {
        return IntStream.range(0, size).boxed().toList();
    }

    @Test
    void aCenterOfTenThousandIsTenPagesEachAskedOnceInOrder() {
        Provider provider = new Provider(10_000, true);
        assertEquals(upTo(10_000), AllPages.readCounted(provider));
        assertEquals(List.of(0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000), provider.offsets);
    }

    @Test
    void aShortLastPageEndsTheList() {
        Provider provider = new Provider(2_345, true);
        assertEquals(upTo(2_345), AllPages.readCounted(provider));
        assertEquals(List.of(0, 1000, 2000), provider.offsets);
    }

    @Test
    void aListOfOnePageIsOneRequest() {
        for (int size : new int[] {0, 1, 999, 1000}) {
            Provider provider = new Provider(size, true);
            assertEquals(upTo(size), AllPages.readCounted(provider));
            assertEquals(List.of(0), provider.offsets, size + " rows");
        }
    }

    @Test
    void withoutTheTotalPagesAreReadOneAfterTheOtherToAShortOne() {
        Provider provider = new Provider(3_000, false);
        assertEquals(upTo(3_000), AllPages.readCounted(provider));
        assertEquals(List.of(0, 1000, 2000, 3000), provider.offsets);
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
                () -> AllPages.readCounted(provider)));
    }
}
