package org.quanze.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the statute library found about one citation: which version of the law it points at,
 * whether that law and article are still what the list cites, and whether the list quotes the
 * article faithfully.
 *
 * @param status     {@link #CURRENT}, {@link #SUPERSEDED}, {@link #REPEALED} or {@link #UNKNOWN}
 * @param version    publication date (yyyy-MM-dd) of the version the citation is linked to; null
 *                   when the library holds no text of the law
 * @param named      true when the citation itself named that version; false when it named none
 *                   (or one the library lacks) and the current version was taken
 * @param current    publication date of the law's current version, where the library holds it
 * @param successor  for a repealed law, what replaced it; for a superseded citation, the current version
 * @param reason     how the status was decided, in one or two sentences, with the source
 * @param article    true when the linked version has the article cited, false when it has not,
 *                   null when no article is cited or the library holds no text
 * @param quotation  the comparison of the list's quotation with the official text, or null
 * @param flags      what a reader should look at: {@link #FLAG_REPEALED}, {@link #FLAG_SUPERSEDED},
 *                   {@link #FLAG_MISQUOTED}, {@link #FLAG_NO_ARTICLE}; empty when all is well
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatuteCheck(String status, String version, boolean named, String current, Successor successor,
                           String reason, Boolean article, Quotation quotation, List<String> flags) {

    public static final String CURRENT = "current";
    public static final String SUPERSEDED = "superseded";
    public static final String REPEALED = "repealed";
    public static final String UNKNOWN = "unknown";
    /** Every status, most serious first. */
    public static final List<String> STATUSES = List.of(REPEALED, SUPERSEDED, UNKNOWN, CURRENT);

    public static final String FLAG_REPEALED = "repealed";
    public static final String FLAG_SUPERSEDED = "superseded";
    public static final String FLAG_MISQUOTED = "quotation differs from the law";
    public static final String FLAG_NO_ARTICLE = "no such article";
    /** The item-level value of the 法律依据状态 facet for items with a misquoted citation. */
    public static final String MISQUOTED = "misquoted";

    public StatuteCheck {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    /** The check with its flags derived from status, article and quotation. */
    public static StatuteCheck of(String status, String version, boolean named, String current, Successor successor,
                                  String reason, Boolean article, Quotation quotation) {
        List<String> flags = new ArrayList<>();
        if (REPEALED.equals(status)) flags.add(FLAG_REPEALED);
        if (SUPERSEDED.equals(status)) flags.add(FLAG_SUPERSEDED);
        if (Boolean.FALSE.equals(article)) flags.add(FLAG_NO_ARTICLE);
        if (quotation != null && quotation.differs()) flags.add(FLAG_MISQUOTED);
        return new StatuteCheck(status, version, named, current, successor, reason, article, quotation, flags);
    }

    /**
     * What replaced a law or version.
     *
     * @param law     the successor's canonical name
     * @param version its publication date where known
     * @param date    the date the change took effect
     * @param source  where this is stated (an article of the successor, an order number)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Successor(String law, String version, String date, String source) {}

    /**
     * The list's quotation against the official text.
     *
     * @param official    the official text it was compared with (the article, or the part quoted)
     * @param similarity  the share of the quotation's characters found in order in the official
     *                    text, after punctuation, spacing and numerals are normalised (0–1)
     * @param differs     true when the quotation changes the law's words (adds, replaces or drops
     *                    words inside a sentence); quoting a part of the article is not a change
     * @param differences each stretch that differs: the list's words and the law's words there
     * @param elsewhere   the article of the same version whose text the quotation matches, when it
     *                    is not the one cited (a renumbered article); null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quotation(String official, double similarity, boolean differs, List<Difference> differences,
                            Integer elsewhere) {
        public Quotation {
            differences = differences == null ? List.of() : List.copyOf(differences);
        }
    }

    /** One stretch where the quotation and the law differ; either side may be empty. */
    public record Difference(String quoted, String official) {}

    /**
     * The values of the 法律依据状态 facet for a record: the status of each citation that has
     * been checked, and {@link #MISQUOTED} when any quotation differs; most serious first.
     */
    public static List<String> itemStatuses(List<Statute> statutes) {
        Set<String> seen = new LinkedHashSet<>();
        boolean misquoted = false;
        for (Statute s : statutes) {
            if (s.check() == null) continue;
            seen.add(s.check().status());
            misquoted |= s.check().flags().contains(FLAG_MISQUOTED);
        }
        List<String> out = new ArrayList<>();
        for (String st : STATUSES) {
            // A misquotation weighs less than a law out of force, more than a law the library lacks.
            if (st.equals(UNKNOWN) && misquoted) out.add(MISQUOTED);
            if (seen.contains(st)) out.add(st);
        }
        return out;
    }
}
