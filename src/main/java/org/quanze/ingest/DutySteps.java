package org.quanze.ingest;

import org.quanze.model.Step;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a 责任事项 cell into {@link Step}s. The cell is a list of numbered steps ("1.立案责任：…
 * 2.调查责任：…"), sometimes grouped under section headings ("直接实施责任：1.… 2.… 指导监督责任：3.…").
 *
 * <p>The model: {@code responsibilities} lists, in reading order, a section heading as an entry
 * whose title is the heading and whose text is empty, followed by the section's steps; a step's
 * title is its own (立案责任) or null. Step numbers run 1, 2, 3 … through the cell (a section may
 * also start again at 1), so that "2倍" or a date inside a step never starts a new one.
 */
final class DutySteps {

    /** A step number: 1. / 2、 / 3． at the start of the text or after a space, newline or sentence end. */
    private static final Pattern STEP_NUMBER = Pattern.compile("(?:^|(?<=[\\s。；;：:]))(\\d{1,2})\\s*[.、．](?!\\d)\\s*");
    /** A step's own title: 立案责任：… */
    private static final Pattern STEP_TITLE = Pattern.compile("^([^\\s。；;，,：:]{1,14}责任)\\s*[:：]\\s*");
    /**
     * A section heading: a "…责任：" that opens a line (or a sentence) and is followed by the end of the line or
     * a step number, never by the step's own text (that is a step title).
     */
    private static final Pattern HEADING = Pattern.compile(
            "(?m)(?:^|(?<=[。；;]))[ \\t]*([^\\s\\d。；;，,：:、.．]{2,12}责任)[ \\t]*[:：][ \\t]*(?=$|\\d{1,2}\\s*[.、．](?!\\d))");

    private DutySteps() {}

    static List<Step> read(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<Step> out = new ArrayList<>();
        Matcher h = HEADING.matcher(text);
        int sectionStart = 0;
        String heading = null;
        int[] expect = {1};
        while (h.find()) {
            section(heading, text.substring(sectionStart, h.start()), expect, out);
            heading = h.group(1);
            sectionStart = h.end();
        }
        section(heading, text.substring(sectionStart), expect, out);
        return out;
    }

    /** One section: its heading entry (if any), text before its first number, then its numbered steps. */
    private static void section(String heading, String text, int[] expect, List<Step> out) {
        if (heading != null) out.add(new Step(heading, ""));
        List<int[]> cuts = new ArrayList<>(); // {start of number, start of text}
        Matcher m = STEP_NUMBER.matcher(text);
        boolean first = true;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            // A section's numbers go on from the last section's, or start again at 1.
            if (n == expect[0] || (first && heading != null && n == 1)) {
                cuts.add(new int[] {m.start(), m.end()});
                expect[0] = n + 1;
                first = false;
            }
        }
        String preamble = (cuts.isEmpty() ? text : text.substring(0, cuts.getFirst()[0])).strip();
        if (!preamble.isEmpty()) out.add(step(preamble));
        for (int i = 0; i < cuts.size(); i++) {
            int end = i + 1 < cuts.size() ? cuts.get(i + 1)[0] : text.length();
            out.add(step(text.substring(cuts.get(i)[1], end).strip()));
        }
    }

    private static Step step(String body) {
        Matcher t = STEP_TITLE.matcher(body);
        if (t.find()) return new Step(t.group(1), body.substring(t.end()).strip());
        return new Step(null, body);
    }
}
