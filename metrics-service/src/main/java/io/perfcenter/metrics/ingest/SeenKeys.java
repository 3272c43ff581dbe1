package io.perfcenter.metrics.ingest;

/**
 * Remembers the (source system, external id) keys staged in the current chunk as 64-bit hashes in an open-addressing
 * table: a few bytes a row instead of two strings. A false "seen" (a hash collision) only makes the chunk merge
 * early, which is harmless; a repeated key is never missed.
 */
final class SeenKeys {

    private long[] slots = new long[1 << 16];
    private int count;

    /** Adds the key; false if it (or a key with the same hash) is already there. */
    boolean add(String sourceSystem, String externalId) {
        long h = hash(sourceSystem, externalId);
        if (count * 2 >= slots.length) {
            grow();
        }
        return insert(slots, h);
    }

    void clear() {
        java.util.Arrays.fill(slots, 0L);
        count = 0;
    }

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        if (table == slots) {
            count++;
        }
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        count = 0;
        for (long h : old) {
            if (h != 0) {
                insert(slots, h);
            }
        }
    }

    private static long hash(String a, String b) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, a);
        h = (h ^ 0x1F) * 0x100000001b3L;
        h = mix(h, b);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
