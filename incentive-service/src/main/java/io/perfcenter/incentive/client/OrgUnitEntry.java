package io.perfcenter.incentive.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of metrics-service's org unit ({@code OrgUnit}: code, name, kind, parentCode, leaderEmployeeId) that
 * engagement reads: walking up from a unit to its center, whose leaderboard policy applies.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgUnitEntry(String code, String kind, String parentCode) {

    public static final String CENTER = "CENTER";
}
