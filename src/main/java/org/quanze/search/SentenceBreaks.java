package org.quanze.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JDK's sentence boundaries of a text, found in one forward pass and then looked up. The
 * highlighter asks for the boundary before and after every passage it weighs, and the JDK's
 * iterator answers each by scanning the text again from a safe point, character by character
 * through a {@link CharacterIterator}: a tenth of a search on the bundled lists. The pass goes
 * only as far as a question needs: the highlighter asks about the text up to its last match, and
 * the long texts (责任事项, 追责情形) are mostly past it; scanning them whole was a twentieth of a
 * search. The boundaries are the same; only how often and how far they are found changes. Where
 * the text lets the JDK's rules be read directly ({@link SentenceRules}: Chinese text without a
 * period), they are, without the JDK's iterator. One instance serves one thread.
 */
final class SentenceBreaks extends BreakIterator {

    private final BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    private int[] bounds = new int[16];
    /** Boundaries found so far: {@code bounds[0..count)}, in order. */
    private int count;
    /** Whether the pass has reached the end of the text (the last boundary is found). */
    private boolean complete;
    private int at;
    private String text = "";
    /** Whether {@link SentenceRules} finds this text's boundaries (else the JDK's iterator does). */
    private boolean direct;

    SentenceBreaks() {
        setText("");
    }

    @Override
    public void setText(String newText) {
        text = newText;
        direct = SentenceRules.applies(newText);
        if (!direct) jdk.setText(newText);
        bounds[0] = 0;
        count = 1;
        complete = false;
        at = 0;
    }

    /** Finds boundaries until one lies past {@code offset}, or the text ends. */
    private void findPast(int offset) {
        while (!complete && bounds[count - 1] <= offset) findNext();
    }

    /** Finds boundaries until the one at {@code index} is found, or the text ends. */
    private void findUpTo(int index) {
        while (!complete && count <= index) findNext();
    }

    private void findNext() {
        int from = bounds[count - 1];
        int b = !direct ? jdk.next() : from >= text.length() ? DONE : SentenceRules.next(text, from);
        if (b == DONE) {
            complete = true;
            return;
        }
        if (count == bounds.length) bounds = Arrays.copyOf(bounds, count * 2);
        bounds[count++] = b;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder sb = new StringBuilder();
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) sb.append(c);
        setText(sb.toString());
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public int current() {
        return bounds[at];
    }

    @Override
    public int first() {
        at = 0;
        return bounds[at];
    }

    @Override
    public int last() {
        findUpTo(Integer.MAX_VALUE);
        at = count - 1;
        return bounds[at];
    }

    @Override
    public int next() {
        return moveTo(at + 1);
    }

    @Override
    public int previous() {
        return moveTo(at - 1);
    }

    @Override
    public int next(int n) {
        return moveTo(at + n);
    }

    /** The first boundary after {@code offset}; DONE (and at the end) when {@code offset} is the end. */
    @Override
    public int following(int offset) {
        check(offset);
        findPast(offset);
        int i = indexOf(offset);
        return moveTo(i >= 0 ? i + 1 : -i - 1);
    }

    /** The last boundary before {@code offset}; DONE (and at the start) when {@code offset} is the start. */
    @Override
    public int preceding(int offset) {
        check(offset);
        findPast(offset);
        int i = indexOf(offset);
        return moveTo((i >= 0 ? i : -i - 1) - 1);
    }

    /** The boundary at {@code index}; past either end, DONE, standing at that end, as the JDK's iterator does. */
    private int moveTo(int index) {
        if (index >= count) findUpTo(index);
        if (index < 0 || index >= count) {
            at = index < 0 ? 0 : count - 1;
            return DONE;
        }
        at = index;
        return bounds[at];
    }

    /** {@link Arrays#binarySearch} of {@code offset} among the boundaries found so far. */
    private int indexOf(int offset) {
        return Arrays.binarySearch(bounds, 0, count, offset);
    }

    private void check(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " is outside the text (0.." + text.length() + ")");
        }
    }

    @Override
    public Object clone() {
        SentenceBreaks c = new SentenceBreaks();
        c.setText(text);
        c.findUpTo(at);
        c.at = at;
        return c;
    }
}
