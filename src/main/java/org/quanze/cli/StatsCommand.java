package org.quanze.cli;

import org.quanze.Engine;
import org.quanze.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Counts per source, power type, level, unit and statute (legal basis).")
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
        }
        return 0;
    }
}
