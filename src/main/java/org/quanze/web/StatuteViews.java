package org.quanze.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.StatuteCheck;
import org.quanze.search.SearchResult;
import org.quanze.statute.LawLibrary;
import org.quanze.statute.LawNames;
import org.quanze.statute.LawVersion;
import org.quanze.statute.Numerals;
import org.quanze.statute.Succession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes of the statute endpoints, built from the library and the records. */
final class StatuteViews {

    private StatuteViews() {}

    /** The law's official title: the library's current text, else the vocabulary's, else its name. */
    static String title(StatuteApi.Index ix, String law) {
        LawVersion current = ix.library().current(law);
        if (current != null) return current.title();
        LawNames.Entry e = ix.names().entry(law);
        return e == null ? law : e.title();
    }

    /** The law as a whole: repealed, current (the library holds its text) or unknown. */
    static String lawStatus(LawLibrary library, String law) {
        if (library.repeal(law) != null) return StatuteCheck.REPEALED;
        return library.versions(law).isEmpty() ? StatuteCheck.UNKNOWN : StatuteCheck.CURRENT;
    }

    private static Map<String, Object> successor(LawLibrary library, String law) {
        Succession r = library.repeal(law);
        return r == null ? null : Api.ordered("law", r.successor(), "version", r.successorVersion(), "date", r.date(), "source", r.source());
    }

    /** One citation as the item view shows it: the record's fields, the article's label and its official text. */
    static ObjectNode citation(LawLibrary library, Statute s) {
        ObjectNode n = Json.MAPPER.valueToTree(s);
        if (s.article() != null) n.put("label", new Numerals.Article(s.article(), 0).label());
        LawVersion.Article a = library.linked(s);
        n.put("text", a == null ? null : a.text());
        return n;
    }

    static Map<String, Object> law(StatuteApi.Index ix, String law, List<PowerRecord> items) {
        LawLibrary library = ix.library();
        LawVersion current = library.current(law);
        TreeMap<Integer, List<Map<String, Object>>> byArticle = new TreeMap<>();
        List<Map<String, Object>> lawOnly = new ArrayList<>();
        for (PowerRecord r : items) {
            boolean any = false;
            for (Statute s : r.statutes()) {
                if (!s.law().equals(law) || s.article() == null) continue;
                List<Map<String, Object>> list = byArticle.computeIfAbsent(s.article(), k -> new ArrayList<>());
                if (list.stream().noneMatch(m -> m.get("id").equals(r.id()) && m.get("role").equals(s.role()))) list.add(item(r, s));
                any = true;
            }
            if (!any) {
                Statute s = r.statutes().stream().filter(x -> x.law().equals(law)).findFirst().orElse(null);
                lawOnly.add(item(r, s));
            }
        }
        if (current != null) for (LawVersion.Article a : current.articles()) if (a.sub() == 0) byArticle.putIfAbsent(a.number(), new ArrayList<>());
        List<Map<String, Object>> articles = new ArrayList<>();
        byArticle.forEach((n, list) -> {
            LawVersion.Article a = current == null ? null : current.article(n);
            articles.add(Api.ordered("article", n, "label", new Numerals.Article(n, 0).label(),
                    "chapter", a == null ? null : a.chapter(), "text", a == null ? null : a.text(),
                    "count", list.stream().map(m -> m.get("id")).distinct().count(), "items", list));
        });
        List<Map<String, Object>> versions = new ArrayList<>();
        for (LawVersion v : library.versions(law)) {
            versions.add(Api.ordered("version", v.published(), "validFrom", v.validFrom(), "articles", v.articles().size(),
                    "current", v == current, "history", v.history()));
        }
        return Api.ordered("law", law, "title", title(ix, law), "level", current == null ? null : current.level(),
                "status", lawStatus(library, law), "successor", successor(library, law),
                "current", current == null ? null : current.published(), "versions", versions,
                "count", items.size(), "articles", articles, "withoutArticle", lawOnly);
    }

    static Map<String, Object> article(StatuteApi.Index ix, String law, int number, List<PowerRecord> items) {
        LawLibrary library = ix.library();
        LawVersion current = library.current(law);
        List<Map<String, Object>> versions = new ArrayList<>();
        for (LawVersion v : library.versions(law)) {
            LawVersion.Article a = v.article(number);
            if (a == null) continue;
            versions.add(Api.ordered("version", v.published(), "validFrom", v.validFrom(), "current", v == current,
                    "chapter", a.chapter(), "paragraphs", a.paragraphs(), "text", a.text()));
        }
        List<Map<String, Object>> citing = new ArrayList<>();
        for (PowerRecord r : items) {
            for (Statute s : r.statutes()) {
                if (s.law().equals(law) && Integer.valueOf(number).equals(s.article())) citing.add(citingItem(r, s));
            }
        }
        return Api.ordered("law", law, "title", title(ix, law), "article", number, "label", new Numerals.Article(number, 0).label(),
                "status", lawStatus(library, law), "successor", successor(library, law),
                "current", current == null ? null : current.published(), "versions", versions,
                "count", items.size(), "items", citing);
    }

    private static Map<String, Object> item(PowerRecord r, Statute s) {
        return Api.ordered("id", r.id(), "name", r.name(), "powerType", r.powerType(),
                "source", new SearchResult.SourceLabel(r.source().id(), r.source().title()),
                "role", s == null ? null : s.role(), "flags", s == null || s.check() == null ? List.of() : s.check().flags());
    }

    private static Map<String, Object> citingItem(PowerRecord r, Statute s) {
        Map<String, Object> m = new LinkedHashMap<>(item(r, s));
        m.put("version", s.version());
        m.put("quote", s.quote() == null ? null : s.quote().text());
        m.put("check", s.check());
        return m;
    }
}
