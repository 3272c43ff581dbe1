package io.perfcenter.kubernetes;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ("500m", "1536Mi", "2Gi") and Quarkus memory sizes ("2G", "512M"), as bytes or cores. */
final class Quantity {

    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"), "k", BigDecimal.valueOf(1_000L), "M", BigDecimal.valueOf(1_000_000L),
            "G", BigDecimal.valueOf(1_000_000_000L), "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20),
            "Gi", BigDecimal.valueOf(1L << 30), "Ti", BigDecimal.valueOf(1L << 40));

    private Quantity() {
    }

    static BigDecimal parse(String quantity) {
        String number = quantity.replaceAll("[A-Za-z]+$", "");
        String suffix = quantity.substring(number.length());
        if (suffix.isEmpty()) {
            return new BigDecimal(number);
        }
        BigDecimal factor = SUFFIXES.get(suffix);
        if (factor == null) {
            throw new IllegalArgumentException("unknown quantity suffix in " + quantity);
        }
        return new BigDecimal(number).multiply(factor);
    }

    /**
     * A Quarkus memory size (io.quarkus.runtime.configuration.MemorySize): K, M, G, T are binary multiples there.
     */
    static BigDecimal memorySize(String size) {
        String upper = size.toUpperCase();
        return switch (upper.charAt(upper.length() - 1)) {
            case 'K' -> parse(upper.substring(0, upper.length() - 1) + "Ki");
            case 'M' -> parse(upper.substring(0, upper.length() - 1) + "Mi");
            case 'G' -> parse(upper.substring(0, upper.length() - 1) + "Gi");
            case 'T' -> parse(upper.substring(0, upper.length() - 1) + "Ti");
            default -> new BigDecimal(upper);
        };
    }
}
