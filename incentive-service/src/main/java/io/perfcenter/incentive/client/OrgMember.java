package io.perfcenter.incentive.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** One membership as metrics-service's org directory lists a unit's members ({@code Member}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgMember(String employeeId, String name, String position, LocalDate hireDate, String unitCode,
                        LocalDate from, LocalDate to) {
}
