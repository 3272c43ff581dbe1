package io.perfcenter.metrics.ingest;

import java.util.Collection;

/**
 * A set of ids (employee ids, metric codes) looked up once per uploaded row. Employee ids such as E00017 give
 * String hash codes that crowd a few HashMap buckets, which then turn into trees; an open-addressing table over a
 * mixed hash keeps every look-up a probe or two.
 */
final class KnownIds {

    private final String[] slots;
    private final int mask;

    KnownIds(Collection<String> ids) {
        int size = Integer.highestOneBit(Math.max(16, ids.size() * 3)) << 1;
        slots = new String[size];
        mask = size - 1;
        for (String id : ids) {
            int i = slot(id);
            while (slots[i] != null && !slots[i].equals(id)) {
                i = (i + 1) & mask;
            }
            slots[i] = id;
        }
    }

    boolean contains(String id) {
        int i = slot(id);
        while (slots[i] != null) {
            if (slots[i].equals(id)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private int slot(String id) {
        int h = id.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
