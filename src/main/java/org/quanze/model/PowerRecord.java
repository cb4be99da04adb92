package org.quanze.model;

import java.util.List;

/**
 * The normalised record: one power item of a list, or one of a department's duties (主体责任).
 * Field names are part of the export and API contract: tools read them. {@code phones} holds the
 * numbers of {@code supervision} in one written form (see {@code ingest.Phones}).
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
        List<Statute> statutes,
        List<String> phones) {

    public static final String POWER = "power";
    public static final String DUTY = "duty";

    /** Who acts on the item: its own 行使主体, else the list's authority; null when neither is known. */
    public String department() {
        return authority != null ? authority : source == null ? null : source.authority();
    }

    /** The same record with other citations: the statute library's checks are added after ingest. */
    /** Whether the item's list gives it no legal basis: no basis text and no statute cited as one. */
    public boolean givesNoBasis() {
        return (basis == null || basis.isBlank()) && statutes.stream().noneMatch(s -> Statute.BASIS.equals(s.role()));
    }

    public PowerRecord withStatutes(List<Statute> checked) {
        return new PowerRecord(id, kind, source, seq, table, powerType, powerTypeRaw, name, subItem, authority, units,
                levels, levelRaw, basis, responsibilities, responsibilityBasis, accountableParties, accountability,
                exemption, supervision, acceptanceConditions, timeLimit, place, notes, departmentDuty, checked, phones);
    }

    public PowerRecord {
        units = units == null ? List.of() : List.copyOf(units);
        levels = levels == null ? List.of() : List.copyOf(levels);
        responsibilities = responsibilities == null ? List.of() : List.copyOf(responsibilities);
        statutes = statutes == null ? List.of() : List.copyOf(statutes);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }
}
