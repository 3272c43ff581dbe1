package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.perfcenter.scoring.rule.Figures.HUNDRED;
import static io.perfcenter.scoring.rule.Figures.format;

/**
 * Manual rating (docs/domain.md §3, 德能绩勤): raters — the supervisor, peers, the agent themself — rate dimensions on a
 * scale (1–5); each rating is the weighted mean of its dimensions, each role's score the mean of its raters', and
 * the item's the weighted mean of the roles that rated (the weights of a role without a rating are spread over the
 * others). Points = that score ÷ the top of the scale × {@code points} (default 100), so from scaleMin ÷ scaleMax ×
 * points to points. Without any rating the item has insufficient data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ManualRatingRule", description = "Ratings by supervisor, peers and self on a scale, weighted")
public record ManualRatingRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(description = "Lowest rating; default 1", examples = "1") BigDecimal scaleMin,
        @Schema(description = "Highest rating; default 5", examples = "5") BigDecimal scaleMax,
        @Schema(description = "Dimensions rated, weights summing to 100; default one dimension 'overall'")
        List<Dimension> dimensions,
        @Schema(required = true, description = "Who rates and how much each counts, weights summing to 100")
        List<Rater> raters,
        @Schema(description = "Points for the top rating (the rule's maximum); default 100", examples = "10")
        BigDecimal points)
        implements ScoringRule {

    public static final String TYPE = "manual-rating";
    public static final Set<String> ROLES = Set.of("supervisor", "peer", "self");
    private static final MathContext MEAN = new MathContext(12, RoundingMode.HALF_UP);
    private static final List<Dimension> OVERALL = List.of(new Dimension("overall", "Overall", HUNDRED));

    @Schema(name = "RatingDimension")
    public record Dimension(@Schema(required = true, examples = "de") String code,
                            @Schema(examples = "德 attitude") String name,
                            @Schema(required = true, examples = "25") BigDecimal weight) {
    }

    @Schema(name = "RatingRater")
    public record Rater(@Schema(required = true, enumeration = {"supervisor", "peer", "self"}, examples = "supervisor")
                        String role,
                        @Schema(required = true, examples = "60") BigDecimal weight) {
    }

    public ManualRatingRule {
        type = TYPE;
    }

    public ManualRatingRule(BigDecimal scaleMin, BigDecimal scaleMax, List<Dimension> dimensions, List<Rater> raters) {
        this(TYPE, scaleMin, scaleMax, dimensions, raters, null);
    }

    public ManualRatingRule(BigDecimal scaleMin, BigDecimal scaleMax, List<Dimension> dimensions, List<Rater> raters,
                            BigDecimal points) {
        this(TYPE, scaleMin, scaleMax, dimensions, raters, points);
    }

    @Override
    public PointRange pointRange() {
        return new PointRange(low().multiply(worth()).divide(high(), MEAN), worth());
    }

    private BigDecimal worth() {
        return points == null ? HUNDRED : points;
    }

    public BigDecimal low() {
        return scaleMin == null ? BigDecimal.ONE : scaleMin;
    }

    public BigDecimal high() {
        return scaleMax == null ? BigDecimal.valueOf(5) : scaleMax;
    }

    public List<Dimension> dimensionsOrOverall() {
        return dimensions == null || dimensions.isEmpty() ? OVERALL : dimensions;
    }

    @Override
    public boolean scoresMetric() {
        return false;
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        if (low().signum() < 0 || high().compareTo(low()) <= 0) {
            invalid.add(new InvalidParameter("scaleMax", "must be above scaleMin, which must not be negative"));
        }
        PointScale.checkPoints(points, invalid);
        if (dimensions != null && !dimensions.isEmpty()) {
            Set<String> codes = new HashSet<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < dimensions.size(); i++) {
                Dimension d = dimensions.get(i);
                if (d == null || d.code() == null || d.code().isBlank() || !codes.add(d.code())) {
                    invalid.add(new InvalidParameter("dimensions[" + i + "].code", "is required and unique"));
                } else if (d.weight() == null || d.weight().signum() <= 0) {
                    invalid.add(new InvalidParameter("dimensions[" + i + "].weight", "must be above 0"));
                } else {
                    sum = sum.add(d.weight());
                }
            }
            if (invalid.isEmpty() && sum.compareTo(HUNDRED) != 0) {
                invalid.add(new InvalidParameter("dimensions", "the weights must sum to 100, they sum to "
                        + format(sum)));
            }
        }
        if (raters == null || raters.isEmpty()) {
            invalid.add(new InvalidParameter("raters", "name at least one of supervisor, peer, self"));
            return invalid;
        }
        Set<String> roles = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < raters.size(); i++) {
            Rater r = raters.get(i);
            if (r == null || r.role() == null || !ROLES.contains(r.role()) || !roles.add(r.role())) {
                invalid.add(new InvalidParameter("raters[" + i + "].role", "must be one of supervisor, peer, self, "
                        + "each once"));
            } else if (r.weight() == null || r.weight().signum() <= 0) {
                invalid.add(new InvalidParameter("raters[" + i + "].weight", "must be above 0"));
            } else {
                sum = sum.add(r.weight());
            }
        }
        if (invalid.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            invalid.add(new InvalidParameter("raters", "the weights must sum to 100, they sum to " + format(sum)));
        }
        return invalid;
    }

    /** What is wrong with one rater's scores: a dimension missing or unknown, a score off the scale; null if fine. */
    public String checkScores(Map<String, BigDecimal> scores) {
        Set<String> known = dimensionsOrOverall().stream().map(Dimension::code).collect(Collectors.toSet());
        for (String code : scores.keySet()) {
            if (!known.contains(code)) {
                return "unknown dimension " + code + "; the dimensions are " + String.join(", ", known);
            }
        }
        for (Dimension d : dimensionsOrOverall()) {
            BigDecimal score = scores.get(d.code());
            if (score == null) {
                return "rate every dimension: " + d.code() + " is missing";
            }
            if (score.compareTo(low()) < 0 || score.compareTo(high()) > 0) {
                return d.code() + " must be between " + format(low()) + " and " + format(high());
            }
        }
        return null;
    }

    public boolean rates(String role) {
        return raters.stream().anyMatch(r -> r.role().equals(role));
    }

    @Override
    public RuleScore score(RuleContext context) {
        List<String> parts = new ArrayList<>();
        List<String> partsZh = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (Rater rater : raters) {
            List<RuleContext.Rating> given = context.ratings().stream()
                    .filter(r -> r.role().equals(rater.role())).toList();
            if (given.isEmpty()) {
                missing.add(rater.role());
                continue;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (RuleContext.Rating rating : given) {
                sum = sum.add(ratingScore(rating));
            }
            BigDecimal roleScore = sum.divide(BigDecimal.valueOf(given.size()), MEAN);
            weighted = weighted.add(roleScore.multiply(rater.weight()));
            weights = weights.add(rater.weight());
            boolean dimensionsShown = given.size() == 1 && dimensionsOrOverall().size() > 1;
            String detail = given.size() > 1 ? " (mean of " + given.size() + ")"
                    : dimensionsShown ? " (" + dimensionDetail(given.get(0), ", ") + ")" : "";
            String detailZh = given.size() > 1 ? "（" + given.size() + " 人平均）"
                    : dimensionsShown ? "（" + dimensionDetail(given.get(0), "，") + "）" : " ";
            String score = format(roleScore.setScale(4, RoundingMode.HALF_UP));
            parts.add(rater.role() + " " + score + detail + " × " + format(rater.weight()) + "%");
            partsZh.add(roleZh(rater.role()) + " " + score + detailZh + "× " + format(rater.weight()) + "%");
        }
        if (parts.isEmpty()) {
            return RuleScore.insufficient("No ratings yet (" + String.join(", ", missing) + ")",
                    "尚无评分（" + String.join("、", missing.stream().map(ManualRatingRule::roleZh).toList()) + "）");
        }
        BigDecimal combined = weighted.divide(weights, MEAN);
        BigDecimal earned = Figures.points(combined.multiply(worth()).divide(high(), MEAN));
        String renormalised = missing.isEmpty() ? "" : " (no rating from " + String.join(", ", missing)
                + ": its weight is spread over the " + format(weights) + "% that rated)";
        String renormalisedZh = missing.isEmpty() ? "" : "（" + String.join("、", missing.stream()
                .map(ManualRatingRule::roleZh).toList()) + "未评分：其权重分摊到已评分的 " + format(weights) + "%）";
        String combinedText = format(combined.setScale(4, RoundingMode.HALF_UP));
        return new RuleScore(earned, String.join(" + ", parts) + renormalised + " = " + combinedText + " of "
                + format(high()) + " → " + format(earned) + (points == null ? "" : " of " + format(points)) + " points",
                Explanation.joinZh(String.join(" + ", partsZh) + renormalisedZh, " = ") + combinedText + "（满分 " + format(high())
                        + "）→ " + format(earned) + " 分" + (points == null ? "" : "，满分 " + format(points) + " 分"));
    }

    private static final Map<String, String> ROLES_ZH = Map.of("supervisor", "主管", "peer", "同事", "self", "自评");

    /** supervisor → 主管, peer → 同事, self → 自评. */
    static String roleZh(String role) {
        return ROLES_ZH.getOrDefault(role, role);
    }

    private BigDecimal ratingScore(RuleContext.Rating rating) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Dimension d : dimensionsOrOverall()) {
            sum = sum.add(rating.scores().getOrDefault(d.code(), BigDecimal.ZERO).multiply(d.weight()));
        }
        return sum.divide(HUNDRED, MEAN);
    }

    private String dimensionDetail(RuleContext.Rating rating, String separator) {
        return dimensionsOrOverall().stream()
                .map(d -> d.code() + " " + format(rating.scores().getOrDefault(d.code(), BigDecimal.ZERO)))
                .collect(Collectors.joining(separator));
    }
}
