package org.quanze.ingest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a 权力类型 cell is read as one of the ten standard types. */
class PowerTypesTest {

    /** A type written with its items' count or a note in brackets is that type; other labels stay 其他行政权力. */
    @Test
    void aTypeWithItsCountInBracketsIsThatType() {
        assertEquals("行政许可", Normaliser.powerType("行政许可（11项）"));
        assertEquals("行政处罚", Normaliser.powerType("行政处罚 (共254项)"));
        assertEquals("行政检查", Normaliser.powerType("行政检查类（3项）"));
        assertEquals("行政许可", Normaliser.powerType("行政许可"));
        assertEquals("其他行政权力", Normaliser.powerType("行政执行（2项）"));
        assertEquals("其他行政权力", Normaliser.powerType("（11项）"));
    }
}
