package org.quanze.cli;

import org.quanze.Engine;
import org.quanze.model.PowerRecord;
import org.quanze.model.Statute;
import org.quanze.model.Step;
import org.quanze.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One item in the terminal, laid out as the page's item view: its name, its labelled fields in the
 * order the lists print them, the laws it cites grouped by law, and related items of other lists.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One item by its id (as search and the API list it): every field, its laws, related items.")
public final class ShowCommand implements Callable<Integer> {

    @Mixin
    DataOption data;
    @Parameters(paramLabel = "ID", description = "The item's id, e.g. 000_9151f9b4e62eb64c-9.")
    String id;

    @Override
    public Integer call() throws Exception {
        try (Engine e = Engine.open(data.dir, true, System.err)) {
            SearchService search = e.search().withTimeLimit(SearchService.ONE_QUESTION_TIME_LIMIT);
            PowerRecord r = search.item(id);
            if (r == null) {
                throw new IllegalArgumentException("no item has the id '" + id + "'; 'quanze search WORDS' lists items with their ids");
            }
            print(r, search.related(r, 5), System.out);
        }
        return 0;
    }

    static void print(PowerRecord r, List<SearchService.Related> related, PrintStream out) {
        out.println(r.name() == null ? "（无名称）" : r.name());
        out.println("[" + (r.powerType() != null ? r.powerType() : PowerRecord.DUTY.equals(r.kind()) ? "部门主体责任" : "—") + "]  "
                + r.id());
        out.println();
        for (Map.Entry<String, String> f : fields(r).entrySet()) {
            if (f.getValue() == null || f.getValue().isBlank()) continue;
            String[] lines = f.getValue().strip().split("\n");
            out.println(f.getKey() + "：" + lines[0]);
            for (int i = 1; i < lines.length; i++) out.println("    " + lines[i]);
        }
        Map<String, List<String>> byLaw = new LinkedHashMap<>();
        for (Statute s : r.statutes()) {
            String key = (Statute.BASIS.equals(s.role()) ? "设定依据" : "问责依据") + "：《" + s.law() + "》";
            List<String> articles = byLaw.computeIfAbsent(key, k -> new ArrayList<>());
            if (s.article() != null && !articles.contains("第" + s.article() + "条")) articles.add("第" + s.article() + "条");
        }
        if (!byLaw.isEmpty()) {
            out.println();
            out.println("引用的法律法规");
            byLaw.forEach((law, articles) -> out.println("  " + law + (articles.isEmpty() ? "" : " " + String.join(" ", articles))));
        }
        if (!related.isEmpty()) {
            out.println();
            out.println("其他地区同类事项");
            for (SearchService.Related o : related) {
                out.println("  " + o.name() + "  [" + o.powerType() + "] " + String.join("、", o.units())
                        + (o.source().title() == null ? "" : " · " + o.source().title()) + "  " + o.id());
            }
        }
    }

    /** The labelled fields in the item view's order; the phones, or why there are none. */
    static Map<String, String> fields(PowerRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("子项", r.subItem());
        f.put("权力类型", r.powerTypeRaw() != null && !r.powerTypeRaw().equals(r.powerType())
                ? r.powerType() + "（清单原文：" + r.powerTypeRaw() + "）" : r.powerType());
        f.put("行使主体", r.authority());
        String where = String.join(" · ", java.util.stream.Stream.of(r.authority() == null ? r.source().authority() : null,
                r.source().region()).filter(s -> s != null && !s.isBlank()).toList());
        f.put("所属部门与地区", where.isEmpty() ? null : where + (r.source().evidence().isEmpty() ? ""
                : "\n依据：" + String.join("\n依据：", r.source().evidence())));
        f.put("责任主体/承办机构", String.join("、", r.units()));
        f.put("层级", String.join("、", r.levels()) + (r.levelRaw() != null && !r.levelRaw().equals(String.join("、", r.levels()))
                ? "（清单原文：" + r.levelRaw() + "）" : ""));
        f.put("监督电话", !r.phones().isEmpty() ? String.join("、", r.phones())
                + (r.supervision() != null && !r.supervision().replaceAll("\\D", "").equals(String.join("", r.phones()).replaceAll("\\D", ""))
                ? "\n" + r.supervision() : "")
                : r.supervision() != null ? r.supervision()
                : r.source().itemsWithPhone() > 0 ? "本事项未列电话" : "本清单未公布电话");
        // A power whose list gives no basis says so, as the page does: a gap a drafter should see.
        f.put("设定依据", org.quanze.model.PowerRecord.POWER.equals(r.kind()) && r.givesNoBasis() ? "本清单未列法律依据" : r.basis());
        List<String> steps = new ArrayList<>();
        int i = 1;
        for (Step s : r.responsibilities()) steps.add((i++) + ". " + (s.title() == null ? "" : s.title() + "：") + s.text());
        f.put("责任事项", String.join("\n", steps));
        f.put("责任事项依据", r.responsibilityBasis());
        f.put("追责对象范围", r.accountableParties());
        f.put("追责情形", r.accountability());
        f.put("免责情形", r.exemption());
        f.put("受理条件", r.acceptanceConditions());
        f.put("法定期限", r.timeLimit());
        f.put("受理地点", r.place());
        f.put("部门职责", r.departmentDuty());
        f.put("备注", r.notes());
        f.put("来源", String.join("\n", java.util.stream.Stream.of(SearchCommand.sourceTitle(r.source().id(), r.source().title()), "文件：" + r.source().file(),
                r.seq() == null ? null : "序号：" + r.seq(), r.table() == null ? null : "表格：" + r.table())
                .filter(s -> s != null).toList()));
        return f;
    }
}
