package org.quanze.ingest;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The phone numbers of a record's 监督电话 column, in one written form. */
class PhonesTest {

    @Test
    void landlinesAreWrittenAsAreaCodeHyphenNumberWhateverTheListWrote() {
        assertEquals(List.of("0825-5801815"), Phones.in("0825-5801815"));
        assertEquals(List.of("0839-3261252"), Phones.in("监督电话：（0839）3261252"));
        assertEquals(List.of("0825-5801815"), Phones.in("08255801815"));
        assertEquals(List.of("010-62345678"), Phones.in("010 62345678"));
        assertEquals(List.of("0990-6233333"), Phones.in("0990－6233333"));
    }

    @Test
    void mobileServiceAndLocalNumbersAreKeptAndEachNumberOnce() {
        assertEquals(List.of("13812345678", "12345", "400-123-4567"),
                Phones.in("13812345678、12345；4001234567，13812345678"));
        assertEquals(List.of("5801815"), Phones.in("服务电话5801815"));
    }

    @Test
    void textWithoutANumberGivesNone() {
        assertEquals(List.of(), Phones.in(null));
        assertEquals(List.of(), Phones.in("无"));
        assertEquals(List.of(), Phones.in("2024年1月 第3条"));
    }

    @Test
    void theAreaCodeAndTheDigitsToDial() {
        assertEquals("0825", Phones.areaCode("0825-5801815"));
        assertEquals("010", Phones.areaCode("010-12345678"));
        assertNull(Phones.areaCode("13812345678"));
        assertNull(Phones.areaCode("400-123-4567"));
        assertEquals("08255801815", Phones.dial("0825-5801815"));
    }
}
