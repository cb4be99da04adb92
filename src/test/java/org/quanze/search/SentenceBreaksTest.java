package org.quanze.search;

import org.junit.jupiter.api.Test;
import org.quanze.index.DocumentMapper;
import org.quanze.model.PowerRecord;
import org.quanze.testing.BundledData;

import org.junit.jupiter.api.Assumptions;
import org.quanze.ingest.Ingester;
import org.quanze.ingest.SourceCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

    /**
     * Every text of the ten real lists and every statute of the library (each whole, and each of
     * its paragraphs) has the JDK's boundaries, whichever way they are found; and almost all are
     * found without the JDK's iterator, which is what {@link SentenceRules} is for.
     */
    @Test
    void findsTheJdkBoundariesInEveryRealTextMostlyWithoutIt() throws Exception {
        Path lists = Path.of("..", "shared", "external-lists", "sources"), laws = Path.of("..", "shared", "laws");
        if (!Files.isDirectory(lists) || !Files.isDirectory(laws)) {
            String why = "the real lists or the statute texts are not beside the project (" + lists + ", " + laws + ")";
            if ("true".equals(System.getenv("CI"))) fail(why + ": under CI they must be there");
            Assumptions.abort(why);
        }
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(lists)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                for (PowerRecord r : new Ingester(SourceCatalog.empty()).ingest(f.getFileName().toString(), Files.readAllBytes(f)).records()) {
                    texts.addAll(DocumentMapper.texts(r).values());
                }
            }
        }
        int lawTexts = 0;
        try (Stream<Path> files = Files.walk(laws)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md") && !p.getFileName().toString().equals("README.md")).sorted().toList()) {
                String law = Files.readString(f);
                texts.add(law);
                texts.addAll(List.of(law.split("\n\n")));
                lawTexts++;
            }
        }
        assertEquals(325, lawTexts);
        int direct = 0;
        for (String t : texts) {
            assertEquals(jdkBoundaries(t), boundaries(t), t);
            if (SentenceRules.applies(t)) direct++;
        }
        assertEquals(54_172, texts.size());
        assertEquals(52_283, direct);
    }

    /**
     * Random texts of the characters the rules name (terminators, closing and opening punctuation,
     * quotes, every kind of space, paragraph and line separators) among Han, kana, Hangul, Thai,
     * Latin, Greek, Cyrillic, digits and other punctuation: the same boundaries as the JDK's.
     */
    @Test
    void findsTheJdkBoundariesInRandomTexts() {
        String alphabet = "违法罚款一〇㐀ア가ก：、，%-()（）《》〈〉「」『』“”‘’\"' \n\t\r\f\u3000\u2028\u2029。？！!?Aab1①ⅡαЖ…—;；:,";
        Random random = new Random(20261203);
        int direct = 0;
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int i = random.nextInt(14); i >= 0; i--) b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            String t = b.toString();
            assertTrue(SentenceRules.applies(t), t);
            assertEquals(jdkBoundaries(t), boundaries(t), t);
            direct++;
        }
        assertEquals(200_000, direct);
        // A period, a mark or a format character leaves the text to the JDK.
        for (String t : List.of("x.%", "1.违法", "第1．2项", "罚\u0301款。", "a\u200bb。c", "软\u00ad件。")) assertFalse(SentenceRules.applies(t), t);
    }

    private static List<Integer> jdkBoundaries(String t) {
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        jdk.setText(t);
        List<Integer> out = new ArrayList<>();
        for (int b = jdk.next(); b != BreakIterator.DONE; b = jdk.next()) out.add(b);
        return out;
    }

    private static List<Integer> boundaries(String t) {
        SentenceBreaks mine = new SentenceBreaks();
        mine.setText(t);
        List<Integer> out = new ArrayList<>();
        for (int b = mine.next(); b != BreakIterator.DONE; b = mine.next()) out.add(b);
        return out;
    }

    @Test
    void refusesAnOffsetOutsideTheTextAsTheJdkDoes() {
        SentenceBreaks mine = new SentenceBreaks();
        mine.setText("罚款。");
        assertThrows(IllegalArgumentException.class, () -> mine.following(4));
        assertThrows(IllegalArgumentException.class, () -> mine.preceding(-1));
    }
}
