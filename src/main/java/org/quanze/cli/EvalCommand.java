package org.quanze.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.quanze.Engine;
import org.quanze.model.Json;
import org.quanze.search.SearchRequest;
import org.quanze.search.SearchResult;
import org.quanze.search.SearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The relevance figures of the judged-queries scorer, computed in process: nDCG@10 (gain
 * 2^grade−1), success@3 (a grade-2 item in the top 3) and reciprocal rank of the first grade-2 item.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the engine on a judged-queries file: nDCG@10, success@3 and MRR, per query and in the mean.")
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    DataOption data;
    @Parameters(paramLabel = "FILE", description = "Judged queries (JSON with a 'queries' list).")
    Path file;

    /**
     * One query's figures. {@code intent} is the judged file's kind of question; a question with
     * nothing relevant ({@code answerable} false) is judged by whether the answer says
     * {@code partial}, and left out of the means.
     */
    public record Score(String id, String intent, String q, double ndcg, double success3, double rr, String grades,
                        boolean answerable, boolean partial, long total) {}

    /** Per query; the means over the answerable ones; no-answer questions answered partial, of how many. */
    public record Report(List<Score> queries, double ndcg, double success3, double mrr, int noAnswerPartial, int noAnswer) {

        /** The mean nDCG@10 of the answerable questions of one intent, or NaN when there are none. */
        public double ndcg(String intent) {
            return queries.stream().filter(s -> s.answerable() && intent.equals(s.intent())).mapToDouble(Score::ndcg).average().orElse(Double.NaN);
        }
    }

    @Override
    public Integer call() throws Exception {
        try (Engine e = Engine.open(data.dir, true, System.err)) {
            // Relevance, not speed: a loaded machine must not turn a slow question into a refusal.
            Report r = evaluate(e.search().withTimeLimit(Duration.ofMinutes(10)), file);
            for (Score s : r.queries()) {
                System.out.printf(Locale.ROOT, "%s\t%s\tnDCG@10=%.3f\tS@3=%.0f\tRR=%.2f\tgrades=%s\tpartial=%s\ttotal=%d\t%s%n",
                        s.id(), s.intent(), s.ndcg(), s.success3(), s.rr(), s.grades(), s.partial(), s.total(), s.q());
            }
            long answerable = r.queries().stream().filter(Score::answerable).count();
            System.out.printf(Locale.ROOT, "mean over %d answerable queries: nDCG@10=%.3f S@3=%.3f MRR=%.3f%n",
                    answerable, r.ndcg(), r.success3(), r.mrr());
            StringBuilder kinds = new StringBuilder();
            r.queries().stream().map(Score::intent).distinct().forEach(i -> {
                double v = r.ndcg(i);
                if (!Double.isNaN(v)) kinds.append(String.format(Locale.ROOT, " %s=%.3f", i, v));
            });
            System.out.println("nDCG@10 by intent:" + kinds);
            if (r.noAnswer() > 0) {
                System.out.printf(Locale.ROOT, "questions with no answer in the lists answered partial: %d of %d%n", r.noAnswerPartial(), r.noAnswer());
            }
        }
        return 0;
    }

    public static Report evaluate(SearchService search, Path judgedFile) throws IOException {
        JsonNode root = Json.MAPPER.readTree(judgedFile.toFile());
        List<Score> out = new ArrayList<>();
        double n = 0, s3 = 0, rr = 0;
        int noAnswer = 0, noAnswerPartial = 0;
        for (JsonNode q : root.path("queries")) {
            SearchResult res = search.search(new SearchRequest(q.path("q").asText(), Map.of(), 1, 10,
                    SearchRequest.RELEVANCE, false));
            List<Integer> gs = new ArrayList<>();
            for (SearchResult.Hit h : res.hits()) gs.add(grade(h, q.path("rel")));
            List<Integer> ideal = new ArrayList<>();
            q.path("ideal").forEach(g -> ideal.add(g.asInt()));
            double idcg = dcg(ideal.subList(0, Math.min(10, ideal.size())));
            double ndcg = idcg == 0 ? 0 : dcg(gs) / idcg;
            double succ = gs.subList(0, Math.min(3, gs.size())).contains(2) ? 1 : 0;
            int first = gs.indexOf(2);
            double r = first < 0 ? 0 : 1.0 / (first + 1);
            StringBuilder g = new StringBuilder();
            gs.forEach(g::append);
            boolean answerable = !ideal.isEmpty();
            out.add(new Score(q.path("id").asText(), q.path("intent").asText(""), q.path("q").asText(), ndcg, succ, r,
                    g.isEmpty() ? "-" : g.toString(), answerable, res.partial(), res.total()));
            if (answerable) {
                n += ndcg;
                s3 += succ;
                rr += r;
            } else {
                noAnswer++;
                if (res.partial()) noAnswerPartial++;
            }
        }
        int k = Math.max(1, out.size() - noAnswer);
        return new Report(out, n / k, s3 / k, rr / k, noAnswerPartial, noAnswer);
    }

    private static int grade(SearchResult.Hit hit, JsonNode rel) {
        String name = norm(hit.name());
        String blob = Json.write(hit);
        int best = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = rel.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String frag = e.getKey();
            String hint = "";
            int at = frag.indexOf("@@");
            if (at >= 0) {
                hint = frag.substring(at + 2);
                frag = frag.substring(0, at);
            }
            boolean exact = frag.startsWith("=");
            String f = norm(frag.replaceFirst("^=+", ""));
            boolean hit1 = exact ? name.equals(f) : name.contains(f);
            if (hit1 && (hint.isEmpty() || blob.contains(hint))) best = Math.max(best, e.getValue().asInt());
        }
        return best;
    }

    private static double dcg(List<Integer> gs) {
        double s = 0;
        for (int i = 0; i < gs.size(); i++) s += (Math.pow(2, gs.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        return s;
    }

    static String norm(String s) {
        String t = s == null ? "" : s.replaceAll("<[^>]+>", "");
        return Normalizer.normalize(t, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }
}
