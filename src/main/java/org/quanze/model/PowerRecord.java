package org.quanze.model;

import java.util.List;

/**
 * The normalised record: one power item of a list, or one of a department's duties (主体责任).
 * Field names are part of the export and API contract: tools read them.
 */
public record PowerRecord(
        String id,
        String kind,
        SourceRef source,
        String seq,
        String table,
        String powerType,
        String powerTypeRaw,
        String name,
        String subItem,
        String authority,
        List<String> units,
        List<String> levels,
        String levelRaw,
        String basis,
        List<Step> responsibilities,
        String responsibilityBasis,
        String accountableParties,
        String accountability,
        String exemption,
        String supervision,
        String acceptanceConditions,
        String timeLimit,
        String place,
        String notes,
        String departmentDuty,
        List<Statute> statutes) {

    public static final String POWER = "power";
    public static final String DUTY = "duty";

    public PowerRecord {
        units = units == null ? List.of() : List.copyOf(units);
        levels = levels == null ? List.of() : List.copyOf(levels);
        responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
        statutes = statutes == null ? List.of() : List.copyOf(statutes);
    }
}
