package org.quanze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LaunchTest {

    @Test
    void readsTheFeatureReleaseOfOldAndNewSpecificationVersions() {
        assertEquals(8, Launch.feature("1.8"));
        assertEquals(11, Launch.feature("11"));
        assertEquals(17, Launch.feature("17"));
        assertEquals(21, Launch.feature("21"));
        assertEquals(25, Launch.feature("25"));
    }

    @Test
    void letsAnUnreadableVersionThrough() {
        assertEquals(Integer.MAX_VALUE, Launch.feature(null));
        assertEquals(Integer.MAX_VALUE, Launch.feature("future"));
    }

    @Test
    void acceptsTheRuntimeTheTestsRunOn() {
        assertEquals(true, Launch.feature(System.getProperty("java.specification.version")) >= Launch.REQUIRED_FEATURE);
    }
}
