package io.perfcenter.incentive.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/**
 * The part of metrics-service's org directory entry ({@code Agent}: employeeId, name, position, hireDate, status,
 * unitCode, leftOn) that pay and promotion read. The directory owns person data; incentive keeps no copy.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgPerson(String employeeId, String name, String position, LocalDate hireDate, String status,
                        String unitCode, LocalDate leftOn) {
}
