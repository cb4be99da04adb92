package org.quanze.statute;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.StatuteCheck;
import org.quanze.model.StatuteCheck.Successor;

/**
 * Links every citation to the version and article it names and decides its currency:
 *
 * <ul>
 * <li><b>repealed</b>: the law was repealed (a row of successions.tsv, or a closing article of
 *     a law in the library, says so); the successor is named.</li>
 * <li><b>superseded</b>: the citation names a version older than the current one and the
 *     article's text or number has changed since: the library holds both texts and they differ,
 *     or a renumbering after that version is recorded, or the list's quotation is another
 *     article's text in a law renumbered since.</li>
 * <li><b>unknown</b>: the library holds no text of the law and no repeal of it.</li>
 * <li><b>current</b>: otherwise; the citation is linked to the version it names when the library
 *     holds it, else to the current one.</li>
 * </ul>
 *
 * Independently of currency, the list's quotation of the article is compared with the linked
 * text ({@link Quotation}).
 */
public final class CitationCheck {

    /** Below this similarity a quotation is not the cited article reworded but another text altogether. */
    static final double UNLIKE = 0.35;

    private final LawLibrary library;
    /** Each article's normalised text, computed once: a quotation found elsewhere is looked for in every article. */
    private final Map<LawVersion.Article, String> normalised = new IdentityHashMap<>();

    public CitationCheck(LawLibrary library) {
        this.library = library;
    }

    /** The records with every citation checked; a record without citations is returned as it is. Not thread-safe. */
    public List<PowerRecord> annotate(List<PowerRecord> records) {
        List<PowerRecord> out = new ArrayList<>(records.size());
        for (PowerRecord r : records) out.add(annotate(r));
        return out;
    }

    public PowerRecord annotate(PowerRecord r) {
        if (r.statutes().isEmpty()) return r;
        List<Statute> checked = new ArrayList<>(r.statutes().size());
        for (Statute s : r.statutes()) checked.add(check(s));
        return r.withStatutes(checked);
    }

    /** The citation with its check; an unintroduced text that does not read as the article is dropped as a quotation. */
    public Statute check(Statute s) {
        Succession repeal = library.repeal(s.law());
        List<LawVersion> versions = library.versions(s.law());
        if (repeal != null) {
            Successor successor = new Successor(repeal.successor(), repeal.successorVersion(), repeal.date(), repeal.source());
            String reason = "《" + s.law() + "》 was repealed on " + repeal.date() + " and replaced by 《" + repeal.successor()
                    + "》: " + repeal.source();
            return s.withQuote(marked(s.quote())).withCheck(StatuteCheck.of(StatuteCheck.REPEALED, null, false, null, successor, reason, null, null));
        }
        if (versions.isEmpty()) {
            return s.withQuote(marked(s.quote())).withCheck(StatuteCheck.of(StatuteCheck.UNKNOWN, null, false, null, null,
                    "the library holds no text of 《" + s.law() + "》 and no record of its repeal", null, null));
        }
        LawVersion current = versions.get(versions.size() - 1);
        Link link = link(s, versions, current);
        LawVersion.Article article = s.article() == null ? null : link.version().article(s.article());
        Boolean found = s.article() == null ? null : article != null;
        Statute.Quote quote = s.quote();
        StatuteCheck.Quotation quotation = null;
        String status = link.status();
        String reason = link.reason();
        Successor successor = link.successor();
        if (quote != null && !quote.marked() && (article == null || !Quotation.startsLike(quote.text(), article.text()))) {
            quote = null;  // prose after the heading ("…以及其他依法应当追究的情形"), not a quotation
        }
        if (quote != null) {
            quotation = article == null ? null : Quotation.compare(quote.text(), article.text());
            Integer elsewhere = quotation == null || quotation.differs()
                    ? elsewhere(quote.text(), link.version(), s.article(), quotation == null ? 0 : quotation.similarity()) : null;
            if (elsewhere != null) {
                quotation = quotation == null ? new StatuteCheck.Quotation(null, 0, true, List.of(), elsewhere) : withElsewhere(quotation, elsewhere);
            }
            Succession renumbering = lastRenumbering(s.law());
            boolean unlike = quotation != null && quotation.similarity() < UNLIKE;
            if (renumbering != null && !link.named() && StatuteCheck.CURRENT.equals(status) && (elsewhere != null || unlike)) {
                // A law renumbered since: the list quotes another article's text under this number, or a
                // text the current article does not resemble at all: the number is an earlier version's.
                status = StatuteCheck.SUPERSEDED;
                successor = new Successor(s.law(), current.published(), renumbering.date(), renumbering.source());
                reason = (elsewhere != null
                        ? "the quoted text is " + new Numerals.Article(elsewhere, 0).label() + " of the current version (" + current.published() + ")"
                        : "the quoted text is not " + label(s) + " of the current version (" + current.published() + ")")
                        + ": the list numbers it as before the renumbering of " + renumbering.date() + " (" + renumbering.source() + ")";
            }
        }
        if (quotation != null && quotation.differs() && link.olderNotHeld() && StatuteCheck.CURRENT.equals(status)) {
            // The list quotes the older version it names, and that text is not the current one: the article changed since.
            status = StatuteCheck.SUPERSEDED;
            successor = new Successor(s.law(), current.published(), current.validFrom(), current.title() + "（" + current.published() + "）");
            reason = link.reason() + "; the text the list quotes from it differs from the current version's";
        }
        StatuteCheck check = StatuteCheck.of(status, link.version().published(), link.named(),
                current == link.version() ? null : current.published(), successor, reason, found, quotation);
        return s.withQuote(quote).withCheck(check);
    }

    /** The version a citation is linked to, and its currency as far as versions tell. */
    private record Link(LawVersion version, boolean named, String status, String reason, Successor successor, boolean olderNotHeld) {
        Link(LawVersion version, boolean named, String status, String reason, Successor successor) {
            this(version, named, status, reason, successor, false);
        }
    }

    private Link link(Statute s, List<LawVersion> versions, LawVersion current) {
        VersionNote note = VersionNote.parse(s.version());
        if (note == null) {
            return new Link(current, false, StatuteCheck.CURRENT,
                    "no version named: linked to the current version (" + current.published() + ")", null);
        }
        LawVersion named = note.pick(versions);
        if (named == current) {
            return new Link(current, true, StatuteCheck.CURRENT, "names the current version (" + current.published() + ")", null);
        }
        if (named != null) {
            if (s.article() == null) {
                return new Link(named, true, StatuteCheck.CURRENT, "names the version of " + named.published()
                        + "; the current version is of " + current.published() + " (no article cited to compare)", null);
            }
            LawVersion.Article then = named.article(s.article());
            LawVersion.Article now = current.article(s.article());
            boolean same = then != null && now != null
                    && Quotation.normalise(then.text()).text().equals(Quotation.normalise(now.text()).text());
            if (same) {
                return new Link(named, true, StatuteCheck.CURRENT, "names the version of " + named.published() + "; "
                        + label(s) + " reads the same in the current version (" + current.published() + ")", null);
            }
            return new Link(named, true, StatuteCheck.SUPERSEDED, "names the version of " + named.published() + "; the current version ("
                    + current.published() + ") " + (now == null ? "has no " + label(s) : "words " + label(s) + " differently"),
                    new Successor(s.law(), current.published(), current.validFrom(), current.title() + "（" + current.published() + "）"));
        }
        if (note.before(versions.get(0))) {
            for (Succession r : library.renumberings(s.law())) {
                if (note.date().compareTo(r.successorVersion() == null ? r.date() : r.successorVersion()) < 0) {
                    return new Link(current, false, StatuteCheck.SUPERSEDED, "names the version of " + note.date()
                            + ", before the renumbering of " + r.date() + " (" + r.source() + "); linked to the current version ("
                            + current.published() + ")", new Successor(s.law(), current.published(), r.date(), r.source()));
                }
            }
            return new Link(current, false, StatuteCheck.CURRENT, "names the version of " + note.date()
                    + ", which the library does not hold; linked to the current version (" + current.published() + ")", null, true);
        }
        return new Link(current, false, StatuteCheck.CURRENT, "names a version (" + note.date() + ") the library does not hold; linked to the current version ("
                + current.published() + ")", null);
    }

    /** The article of the version whose text the quotation is, when it is not the one cited. */
    private Integer elsewhere(String quote, LawVersion version, Integer cited, double citedSimilarity) {
        String q = Quotation.normalise(quote).text();
        if (q.length() < 8) return null;
        LawVersion.Article best = null;
        double bestShare = 0;
        for (LawVersion.Article a : version.articles()) {
            if (cited != null && a.number() == cited && a.sub() == 0) continue;
            double share = Quotation.shared(q, normalised.computeIfAbsent(a, x -> Quotation.normalise(x.text()).text()));
            if (share > bestShare) {
                bestShare = share;
                best = a;
            }
        }
        if (best == null || bestShare < Quotation.ELSEWHERE_SIMILARITY || best.sub() != 0) return null;
        StatuteCheck.Quotation there = Quotation.compare(quote, best.text());
        // Only a clearly better match: a quotation of the cited article with a changed word is not another article's.
        return there.similarity() >= Quotation.ELSEWHERE_SIMILARITY && there.similarity() >= citedSimilarity + Quotation.ELSEWHERE_MARGIN
                ? best.number() : null;
    }

    /** Without the law's text only a quotation the list introduced as one is known to be a quotation. */
    private static Statute.Quote marked(Statute.Quote q) {
        return q != null && q.marked() ? q : null;
    }

    private static StatuteCheck.Quotation withElsewhere(StatuteCheck.Quotation q, Integer elsewhere) {
        return new StatuteCheck.Quotation(q.official(), q.similarity(), q.differs(), q.differences(), elsewhere);
    }

    private Succession lastRenumbering(String law) {
        List<Succession> r = library.renumberings(law);
        return r.isEmpty() ? null : r.get(r.size() - 1);
    }

    private static String label(Statute s) {
        return new Numerals.Article(s.article(), 0).label();
    }
}
