package io.perfcenter.metrics.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signature of a delivery: {@code X-PerfCenter-Signature: sha256=<hex>}, the HMAC-SHA256 (javax.crypto) of
 * {@code <X-PerfCenter-Timestamp>.<body>} under the subscription's secret. The receiver computes the same over the
 * bytes it got and refuses a timestamp older than it tolerates (e.g. 5 minutes), so a captured delivery cannot be
 * replayed later by someone else. During the grace period after a secret rotation the header carries two signatures
 * separated by a space, the new secret's first: {@code sha256=<hex new> sha256=<hex old>} (as Standard Webhooks
 * lists several); a receiver accepts the delivery when any one of them matches a secret it holds.
 */
public final class WebhookSignature {

    public static final String SIGNATURE = "X-PerfCenter-Signature";
    public static final String TIMESTAMP = "X-PerfCenter-Timestamp";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new subscription's secret: 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    /** The header's value for several secrets: their signatures in order, separated by single spaces. */
    public static String signAll(java.util.List<String> secrets, long timestamp, byte[] body) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append(sign(secret, timestamp, body));
        }
        return header.toString();
    }

    /** {@code sha256=<hex HMAC-SHA256 of timestamp.body>}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
