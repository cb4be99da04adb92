package org.quanze.ingest;

import org.junit.jupiter.api.Test;
import org.quanze.model.Step;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The duty text of a 责任事项 cell read into steps, and section headings read as headings. */
class DutyStepsTest {

    @Test
    void readsNumberedStepsWithTheirOwnTitles() {
        assertEquals(List.of(new Step("立案责任", "符合立案标准的，及时立案。"), new Step("调查责任", "调查取证。"), new Step(null, "其他责任。")),
                DutySteps.read("1.立案责任：符合立案标准的，及时立案。2.调查责任：调查取证。3.其他责任。"));
    }

    @Test
    void readsSectionHeadingsAsHeadingsEachFollowedByItsSteps() {
        // bundled 002, table 2 item 8: numbering runs on through the second section.
        String text = "直接实施责任：\n1. 制定监督检查计划。\n2. 加强沟通协调。\n指导监督责任：\n3. 加强对各地医保行政部门的指导和监督检查";
        assertEquals(List.of(new Step("直接实施责任", ""), new Step(null, "制定监督检查计划。"), new Step(null, "加强沟通协调。"),
                        new Step("指导监督责任", ""), new Step(null, "加强对各地医保行政部门的指导和监督检查")),
                DutySteps.read(text));
    }

    @Test
    void readsASectionWhoseNumberingStartsAgainAndOneWithoutNumbers() {
        assertEquals(List.of(new Step("直接实施责任", ""), new Step(null, "执行标准。"), new Step(null, "依法实施。"),
                        new Step("指导监督责任", ""), new Step(null, "指导下级。"), new Step("监督责任", ""), new Step(null, "对下级执法进行监督。")),
                DutySteps.read("直接实施责任：1.执行标准。2.依法实施。\n指导监督责任：1.指导下级。\n监督责任：\n对下级执法进行监督。"));
    }

    @Test
    void readsAStepTitleAfterASectionHeadingAsTheStepsOwn() {
        assertEquals(List.of(new Step("直接实施责任", ""), new Step("受理责任", "公示依据、条件。"), new Step("审查责任", "审查材料。")),
                DutySteps.read("直接实施责任：\n1.受理责任：公示依据、条件。\n2.审查责任：审查材料。"));
    }

    @Test
    void neverCutsAtANumberOutOfSequenceNorTakesATitledStepForAHeading() {
        assertEquals(List.of(new Step("决定责任", "处2倍罚款，3.5万元以下。")), DutySteps.read("决定责任：处2倍罚款，3.5万元以下。"));
        assertEquals(List.of(new Step(null, "依法实施。")), DutySteps.read("依法实施。"));
    }
}
