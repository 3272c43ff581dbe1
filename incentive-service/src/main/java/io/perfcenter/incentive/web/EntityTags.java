package io.perfcenter.incentive.web;

/**
 * Optimistic concurrency for the entries HR edits: a GET answers an {@code ETag} naming the entry's current state
 * ({@code "3"}: version 3; {@code "3-retired"}: version 3, retired), and a write that carries {@code If-Match}
 * applies only while that tag is still current, else a 412 problem with the current tag. A write without
 * {@code If-Match} is applied as before (last writer wins).
 */
public final class EntityTags {

    /** The If-Match parameter's description in the API document. */
    public static final String IF_MATCH = "Optional: the ETag you read; the write applies only while it is still "
            + "current (else 412). Without it the write applies whatever changed meanwhile.";

    private EntityTags() {
    }

    /** The strong entity tag of a version, quoted as the header carries it. */
    public static String of(int version, boolean retired) {
        return "\"" + version + (retired ? "-retired" : "") + "\"";
    }

    /**
     * Checks an {@code If-Match} header against the current tag ({@code null}: the entry does not exist). Absent:
     * nothing to check. {@code *} matches any existing entry; otherwise one of the listed strong tags must be the
     * current one (weak tags never match, RFC 9110 §13.1.1).
     */
    public static void requireMatch(String ifMatch, String current, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (current != null && (t.equals("*") || t.equals(current))) {
                return;
            }
        }
        throw Problems.preconditionFailed(current == null
                ? what + " does not exist, so If-Match " + ifMatch.strip() + " cannot match"
                : what + " is at " + current + ", not " + ifMatch.strip() + ": it changed since you read it; read it "
                + "again and retry", current);
    }
}
