package org.quanze.index;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One power named in different lists has one key; different powers, or types, never share one. */
class NameKeyTest {

    @Test
    void theFrameOfTheNameIsLeftOutInItsLongAndShortForm() {
        String key = "行政处罚|用人单位未按时足额缴纳社会保险费";
        assertEquals(key, NameKey.of("行政处罚", "对用人单位未按时足额缴纳社会保险费的行政处罚"));
        assertEquals(key, NameKey.of("行政处罚", "对用人单位未按时足额缴纳社会保险费的处罚"));
        assertEquals(key, NameKey.of("行政处罚", "对 用人单位未按时足额缴纳社会保险费，的处罚"));
        assertEquals("行政检查|劳动保障监督", NameKey.of("行政检查", "劳动保障监督检查"));
        assertEquals("行政强制|可能被转移隐匿或者灭失的社保基金资料予以封存",
                NameKey.of("行政强制", "对可能被转移、隐匿或者灭失的社保基金资料予以封存"));
    }

    @Test
    void fullWidthAndHalfWidthAreOneName() {
        assertEquals(NameKey.of("行政确认", "参保单位参加社会保险登记（一）"), NameKey.of("行政确认", "参保单位参加社会保险登记(一)"));
    }

    @Test
    void differentMattersAndTypesHaveDifferentKeys() {
        assertNotEquals(NameKey.of("行政处罚", "对用人单位未按时足额缴纳社会保险费的处罚"),
                NameKey.of("行政处罚", "对用人单位未按规定缴纳社会保险费的处罚"));
        assertNotEquals(NameKey.of("行政检查", "社会保险稽核"), NameKey.of("行政确认", "社会保险稽核"));
        // Only the item's own type is its frame: 处罚 ends a 行政检查's name as part of its matter.
        assertEquals("行政检查|对违法行为的处罚", NameKey.of("行政检查", "对对违法行为的处罚"));
    }

    @Test
    void aNameThatIsOnlyItsFrameHasNoKey() {
        assertNull(NameKey.of("行政处罚", "行政处罚"));
        assertNull(NameKey.of("其他行政权力", "其他行政权力"));
    }
}
