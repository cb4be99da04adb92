package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.function.Executable;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.Step;

/**
 * The values a layout test expects of one record. The core fields are always compared, so a field
 * a fixture does not set must come out null or empty; the optional ones (authority, basis,
 * responsibilityBasis, departmentDuty, notes) only where a fixture sets them for an edge case.
 */
final class ExpectedRecord {

    private final String id;
    private String kind = PowerRecord.POWER;
    private String seq;
    private String table;
    private String powerType;
    private String name;
    private List<String> units = List.of();
    private List<String> levels = List.of();
    private String levelRaw;
    private List<String> stepTitles = List.of();
    private String accountability;
    private String exemption;
    private String accountableParties;
    private String supervision;
    private List<Statute> statutes = List.of();
    private final List<Check> optional = new ArrayList<>();

    private record Check(String field, Object expected, Function<PowerRecord, Object> actual) {}

    private ExpectedRecord(String id) {
        this.id = id;
    }

    static ExpectedRecord power(String id) {
        return new ExpectedRecord(id);
    }

    static ExpectedRecord duty(String id) {
        ExpectedRecord e = new ExpectedRecord(id);
        e.kind = PowerRecord.DUTY;
        return e;
    }

    String id() {
        return id;
    }

    ExpectedRecord seq(String v) { seq = v; return this; }

    ExpectedRecord table(String v) { table = v; return this; }

    ExpectedRecord powerType(String v) { powerType = v; return this; }

    ExpectedRecord name(String v) { name = v; return this; }

    ExpectedRecord units(String... v) { units = List.of(v); return this; }

    ExpectedRecord levels(String... v) { levels = List.of(v); return this; }

    ExpectedRecord levelRaw(String v) { levelRaw = v; return this; }

    /** Step titles in order; null for a step printed without a "…责任：" title. */
    ExpectedRecord steps(String... titles) { stepTitles = java.util.Arrays.asList(titles); return this; }

    ExpectedRecord accountability(String v) { accountability = v; return this; }

    ExpectedRecord exemption(String v) { exemption = v; return this; }

    ExpectedRecord accountableParties(String v) { accountableParties = v; return this; }

    ExpectedRecord supervision(String v) { supervision = v; return this; }

    ExpectedRecord statutes(Statute... v) { statutes = List.of(v); return this; }

    ExpectedRecord authority(String v) { return also("authority", v, PowerRecord::authority); }

    ExpectedRecord basis(String v) { return also("basis", v, PowerRecord::basis); }

    ExpectedRecord responsibilityBasis(String v) { return also("responsibilityBasis", v, PowerRecord::responsibilityBasis); }

    ExpectedRecord departmentDuty(String v) { return also("departmentDuty", v, PowerRecord::departmentDuty); }

    ExpectedRecord notes(String v) { return also("notes", v, PowerRecord::notes); }

    private ExpectedRecord also(String field, String v, Function<PowerRecord, Object> actual) {
        optional.add(new Check(field, v, actual));
        return this;
    }

    static Statute basisCites(String law, Integer article) {
        return new Statute(law, article, Statute.BASIS);
    }

    static Statute accountabilityCites(String law, Integer article) {
        return new Statute(law, article, Statute.ACCOUNTABILITY);
    }

    void assertMatches(PowerRecord r) {
        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(id, r.id(), "id"),
                () -> assertEquals(kind, r.kind(), id + " kind"),
                () -> assertEquals(seq, r.seq(), id + " seq"),
                () -> assertEquals(table, r.table(), id + " table"),
                () -> assertEquals(powerType, r.powerType(), id + " powerType"),
                () -> assertEquals(name, r.name(), id + " name"),
                () -> assertEquals(units, r.units(), id + " units"),
                () -> assertEquals(levels, r.levels(), id + " levels"),
                () -> assertEquals(levelRaw, r.levelRaw(), id + " levelRaw"),
                () -> assertEquals(stepTitles, r.responsibilities().stream().map(Step::title).toList(), id + " step titles"),
                () -> assertEquals(accountability, r.accountability(), id + " accountability"),
                () -> assertEquals(exemption, r.exemption(), id + " exemption"),
                () -> assertEquals(accountableParties, r.accountableParties(), id + " accountableParties"),
                () -> assertEquals(supervision, r.supervision(), id + " supervision"),
                () -> assertEquals(statutes, r.statutes(), id + " statutes")));
        for (Check c : optional) checks.add(() -> assertEquals(c.expected(), c.actual().apply(r), id + " " + c.field()));
        assertAll(id, checks);
    }
}
