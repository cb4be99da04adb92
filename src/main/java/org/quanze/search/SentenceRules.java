package org.quanze.search;

/**
 * The JDK's sentence rules ({@code BreakIterator.getSentenceInstance}, its {@code SentenceBreakRules})
 * for texts they can be read from directly: texts without a period ({@code .} or {@code ．}), without
 * marks or format characters (which the rules skip wherever they stand), surrogates or dandas. In
 * those the rules come down to one: a sentence ends after a terminator ({@code !?。！？}), the
 * terminators and closing punctuation that follow it, the white space after those, and one
 * paragraph separator; and after a paragraph separator on its own. A period brings rules that
 * look ahead and, in the JDK's compiled tables, break in places the rules do not say (before the
 * period of {@code x.%}), so such a text is left to the JDK. The list texts are Chinese: almost
 * every text is read here, each in one pass over its characters instead of the JDK's
 * character-iterator scan, which was a fourteenth of a bundled search. {@code SentenceBreaksTest}
 * holds both to the same boundaries on every text of the bundled lists, the real lists and the
 * statute library, and on random texts of the characters the rules name.
 */
final class SentenceRules {

    private SentenceRules() {}

    /** Whether {@link #next} finds the JDK's boundaries in {@code text}. */
    static boolean applies(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '\uff0e' || skipped(c)) return false;
        }
        return true;
    }

    /** The first boundary after {@code from} in a text the rules {@link #applies apply} to; its length at the end. */
    static int next(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u2029') return i + 1;
            if (terminator(c)) {
                int j = i + 1;
                while (j < n && (terminator(text.charAt(j)) || closing(text.charAt(j)))) j++;
                while (j < n && space(text.charAt(j))) j++;
                if (j < n && text.charAt(j) == '\u2029') j++;
                return j;
            }
        }
        return n;
    }

    /** Characters the rules skip wherever they stand (marks, format characters, low surrogates), surrogates and dandas. */
    private static boolean skipped(char c) {
        // The common cases first, without a lookup of the character's type: Latin-1 has one format
        // character (the soft hyphen), the CJK ideographs none.
        if (c < '\u0300') return c == '\u00ad';
        if (c >= '\u4e00' && c <= '\u9fff') return false;
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || Character.isSurrogate(c) || c == '\u0964' || c == '\u0965';
    }

    private static boolean terminator(char c) {
        return c == '!' || c == '?' || c == '\u3002' || c == '\uff01' || c == '\uff1f';
    }

    /** The rules' ending punctuation: closing brackets, final quotes, and both plain quotes. */
    private static boolean closing(char c) {
        int type = Character.getType(c);
        return type == Character.END_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION || c == '"' || c == '\'';
    }

    /** The rules' white space: line separators count as space. */
    private static boolean space(char c) {
        return c == '\t' || c == '\r' || c == '\f' || c == '\n' || c == '\u2028' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }
}
