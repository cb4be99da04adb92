package org.quanze.cli;

import org.quanze.Engine;
import org.quanze.search.SearchResult;
import org.quanze.web.StatuteApi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts per source, power type, level, unit, statute (legal basis) and 法律依据状态; currency per list and the laws the statute library lacks.")
public final class StatsCommand implements Callable<Integer> {

    @Mixin
    DataOption data;

    @Override
    public Integer call() throws Exception {
        try (Engine e = Engine.open(data.dir, true, System.err)) {
            Map<String, List<SearchResult.FacetValue>> counts = e.search().counts();
            System.out.println("Items: " + e.search().items());
            for (var dim : counts.entrySet()) {
                System.out.println();
                System.out.println(dim.getKey() + ":");
                for (SearchResult.FacetValue v : dim.getValue()) {
                    System.out.printf("  %5d  %s%s%n", v.count(), v.value(), v.label() == null ? "" : "  (" + v.label() + ")");
                    if (v.articles() != null) {
                        for (SearchResult.FacetValue a : v.articles()) System.out.printf("  %5d    %s%n", a.count(), a.label());
                    }
                }
            }
            printCurrency(new StatuteApi(e.search()).currency());
        }
        return 0;
    }

    /** Items per 法律依据状态 per list, the repealed laws cited and the laws the statute library lacks. */
    @SuppressWarnings("unchecked")
    private static void printCurrency(Map<String, Object> currency) {
        System.out.println();
        System.out.println("lawStatus per source (items citing at least one law of each status):");
        for (Map<String, Object> s : (List<Map<String, Object>>) currency.get("bySource")) {
            System.out.printf("  %s  (%s items)  %s%n", s.get("source"), s.get("items"), s.get("lawStatus"));
        }
        System.out.println();
        System.out.println("repealed laws cited:");
        for (Map<String, Object> l : (List<Map<String, Object>>) currency.get("repealedLaws")) {
            System.out.printf("  %5s  %s  -> %s%n", l.get("items"), l.get("law"), l.get("successor"));
        }
        System.out.println();
        System.out.println("unknown laws (cited, not in the statute library):");
        for (Map<String, Object> l : (List<Map<String, Object>>) currency.get("unknownLaws")) {
            System.out.printf("  %5s  %s%n", l.get("items"), l.get("law"));
        }
        Map<String, Object> library = (Map<String, Object>) currency.get("library");
        System.out.println();
        System.out.println("statute library: " + library.get("laws") + " laws, " + library.get("successions") + " repeals and renumberings");
        for (Object p : (List<Object>) library.get("problems")) System.out.println("  not read: " + p);
    }
}
