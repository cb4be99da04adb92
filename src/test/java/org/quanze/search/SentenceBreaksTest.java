package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.index.DocumentMapper;
import org.quanze.model.PowerRecord;
import org.quanze.testing.BundledData;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The looked-up sentence boundaries answer every question the JDK's iterator answers, at every
 * offset of every text the bundled lists highlight, and of texts written to reach its corners
 * (nothing, one character, a terminator alone, Latin abbreviations, blank lines, a terminator
 * at the very end).
 */
class SentenceBreaksTest {

    @Test
    void answersAsTheJdkIteratorAtEveryOffset() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", "a", "。", "第一条。第二条！\n第三条？", "Dr. Smith went home. He slept.",
                "依据：\n\n《中华人民共和国社会保险法》第八十六条……", "罚款。", "“不得少于2人。”然后？", "a.b. c! D"));
        for (PowerRecord r : BundledData.ingest().records()) texts.addAll(DocumentMapper.texts(r).values());
        SentenceBreaks mine = new SentenceBreaks();
        long offsets = 0;
        for (String t : texts) {
            BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
            jdk.setText(t);
            mine.setText(t);
            assertEquals(jdk.first(), mine.first(), t);
            for (int b = jdk.next(); ; b = jdk.next()) {
                assertEquals(b, mine.next(), t);
                if (b == BreakIterator.DONE) break;
            }
            assertEquals(jdk.last(), mine.last(), t);
            for (int off = 0; off <= t.length(); off++, offsets++) {
                assertEquals(jdk.following(off), mine.following(off), "following " + off + " in " + t);
                assertEquals(jdk.current(), mine.current(), "current after following " + off + " in " + t);
                assertEquals(jdk.preceding(off), mine.preceding(off), "preceding " + off + " in " + t);
                assertEquals(jdk.current(), mine.current(), "current after preceding " + off + " in " + t);
            }
        }
        assertTrue(offsets > 50_000, offsets + " offsets");
    }

    /**
     * The boundaries are found only as far as a question needs: each question asked first on a
     * text just set, then questions in the order the highlighter asks them (forward, with steps
     * back), must still answer as the JDK's iterator does.
     */
    @Test
    void answersAsTheJdkIteratorBeforeTheTextIsScanned() throws Exception {
        List<String> texts = new ArrayList<>(List.of("", "a", "。", "第一条。第二条！\n第三条？", "Dr. Smith went home. He slept.", "a.b. c! D"));
        for (PowerRecord r : BundledData.ingest().records()) texts.addAll(DocumentMapper.texts(r).values());
        SentenceBreaks mine = new SentenceBreaks();
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        long asked = 0;
        for (String t : texts) {
            for (int off = 0; off <= t.length(); off += Math.max(1, t.length() / 7), asked++) {
                jdk.setText(t);
                mine.setText(t);
                assertEquals(jdk.following(off), mine.following(off), "first question: following " + off + " in " + t);
                assertEquals(jdk.next(), mine.next(), "next after following " + off + " in " + t);
                assertEquals(jdk.current(), mine.current(), t);
                jdk.setText(t);
                mine.setText(t);
                assertEquals(jdk.preceding(off), mine.preceding(off), "first question: preceding " + off + " in " + t);
                assertEquals(jdk.next(2), mine.next(2), "two on after preceding " + off + " in " + t);
                assertEquals(jdk.previous(), mine.previous(), t);
            }
            jdk.setText(t);
            mine.setText(t);
            assertEquals(jdk.last(), mine.last(), "last first in " + t);
            assertEquals(jdk.previous(), mine.previous(), t);
        }
        assertTrue(asked > 500, asked + " questions");
    }

    @Test
    void refusesAnOffsetOutsideTheTextAsTheJdkDoes() {
        SentenceBreaks mine = new SentenceBreaks();
        mine.setText("罚款。");
        assertThrows(IllegalArgumentException.class, () -> mine.following(4));
        assertThrows(IllegalArgumentException.class, () -> mine.preceding(-1));
    }
}
