package org.quanze.bench;

import org.quanze.model.PowerRecord;
import org.quanze.model.SourceRef;
import org.quanze.model.Statute;
import org.quanze.model.Step;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic synthetic corpus: the bundled lists scaled to N power items. Each generated list
 * belongs to one real place (a prefecture-level city at 市级 or a county at 县级) and holds 20–80
 * items; each item recombines fields of different real items (its name, legal basis with the
 * statutes cited there, duty steps, accountability text, other cells), so the vocabulary, field
 * lengths, statute citations and facet values stay those of real lists while names vary (a third
 * of the names long enough have an inner clause swapped for a clause of another name) and sources number in the tens of thousands at 1M.
 * Some lists carry a department-duty block, as one bundled list does. The same seed and size
 * always give the same records, and they are produced as they are read, list by list.
 */
public final class CorpusGenerator implements Iterable<PowerRecord> {

    /** A place a list belongs to; prefecture-level cities list at 市级, counties at 县级. */
    public record Place(String name, boolean prefecture) {}

    private static final String[] AUTHORITIES = {"医疗保障局", "医疗保障局", "医疗保障局", "医疗保障事务中心", "医疗保险服务中心"};
    private static final Pattern CLAUSE = Pattern.compile("[^、，,]+[、，,]");
    private static final Pattern PHONE = Pattern.compile("\\d{7,8}");

    private final List<PowerRecord> powers;
    private final List<PowerRecord> duties;
    private final Map<String, List<PowerRecord>> byType = new LinkedHashMap<>();
    private final List<String> clauses;
    private final List<String> unitPool;
    private final List<Place> places;
    private final long seed;
    private final long items;

    /**
     * @param bundled the real records to recombine (powers and duties)
     * @param items   how many power items to generate (duties come on top, about 4%)
     */
    public CorpusGenerator(List<PowerRecord> bundled, List<Place> places, long seed, long items) {
        this.powers = bundled.stream().filter(r -> PowerRecord.POWER.equals(r.kind())).toList();
        this.duties = bundled.stream().filter(r -> PowerRecord.DUTY.equals(r.kind())).toList();
        if (powers.isEmpty()) throw new IllegalArgumentException("the bundled lists hold no power item to recombine");
        for (PowerRecord p : powers) byType.computeIfAbsent(String.valueOf(p.powerType()), k -> new ArrayList<>()).add(p);
        Set<String> cl = new LinkedHashSet<>();
        Set<String> units = new LinkedHashSet<>();
        for (PowerRecord p : powers) {
            List<String> parts = clauses(p.name());
            // Inner clauses only: the first carries 对, the last the kind of power (…的行政处罚).
            for (int i = 1; i < parts.size() - 1; i++) cl.add(parts.get(i));
            units.addAll(p.units());
        }
        this.clauses = List.copyOf(cl);
        this.unitPool = units.isEmpty() ? List.of("综合业务科") : List.copyOf(units);
        this.places = List.copyOf(places);
        this.seed = seed;
        this.items = items;
    }

    /** The place names bundled in the jar ({@code bench/places.txt}). */
    public static List<Place> bundledPlaces() {
        try (InputStream in = CorpusGenerator.class.getResourceAsStream("/bench/places.txt")) {
            if (in == null) throw new IllegalStateException("bench/places.txt is missing from the classpath");
            List<Place> out = new ArrayList<>();
            boolean prefecture = true;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("[")) {
                    prefecture = line.equals("[prefecture]");
                    continue;
                }
                for (String name : line.split("\\s+")) out.add(new Place(name, prefecture));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Iterator<PowerRecord> iterator() {
        return new Lists();
    }

    /** Produces one list at a time into a small buffer. */
    private final class Lists implements Iterator<PowerRecord> {
        private final SplittableRandom rng = new SplittableRandom(seed);
        private final ArrayDeque<PowerRecord> buffer = new ArrayDeque<>();
        private long made;
        private int sourceNo;

        @Override
        public boolean hasNext() {
            if (buffer.isEmpty() && made < items) nextList();
            return !buffer.isEmpty();
        }

        @Override
        public PowerRecord next() {
            if (!hasNext()) throw new NoSuchElementException();
            return buffer.poll();
        }

        private void nextList() {
            Place place = places.get(rng.nextInt(places.size()));
            String sid = String.format(Locale.ROOT, "syn%06d", ++sourceNo);
            String authority = place.name() + AUTHORITIES[rng.nextInt(AUTHORITIES.length)];
            SourceRef src = new SourceRef(sid, sid + ".txt", authority + "权责清单");
            String level = place.prefecture() ? "市级" : "县级";
            List<String> units = new ArrayList<>();
            for (int k = 3 + rng.nextInt(4); units.size() < Math.min(k, unitPool.size()); ) {
                String u = pick(unitPool);
                if (!units.contains(u)) units.add(u);
            }
            String phone = String.format(Locale.ROOT, "%07d", rng.nextInt(10_000_000));
            int n = (int) Math.min(items - made, 20 + rng.nextInt(61));
            for (int i = 1; i <= n; i++) buffer.add(power(src, authority, level, units, phone, i));
            made += n;
            if (!duties.isEmpty() && rng.nextInt(100) < 15) {
                int d = 5 + rng.nextInt(Math.min(9, duties.size()));
                for (int i = 1; i <= d; i++) buffer.add(duty(src, level, place, i));
            }
        }

        private PowerRecord power(SourceRef src, String authority, String level, List<String> units, String phone, int seq) {
            PowerRecord a = pick(powers);
            String name = rng.nextInt(3) == 0 ? splice(a.name()) : a.name();
            PowerRecord b = pick(byType.get(String.valueOf(a.powerType())));
            PowerRecord c = pick(powers);
            PowerRecord e = pick(powers);
            PowerRecord f = pick(powers);
            List<Step> steps = c.responsibilities();
            if (rng.nextBoolean()) steps = mix(steps, pick(powers).responsibilities());
            List<Statute> statutes = new ArrayList<>();
            for (Statute s : b.statutes()) if (Statute.BASIS.equals(s.role())) statutes.add(s);
            for (Statute s : e.statutes()) if (!Statute.BASIS.equals(s.role())) statutes.add(s);
            List<String> levels = rng.nextInt(5) == 0 ? union(level, f.levels()) : List.of(level);
            String supervision = f.supervision() == null ? null : PHONE.matcher(f.supervision()).replaceAll(Matcher.quoteReplacement(phone));
            return new PowerRecord(src.id() + "-" + seq, PowerRecord.POWER, src, String.valueOf(seq), null,
                    a.powerType(), a.powerTypeRaw(), name, a.subItem(), rng.nextInt(5) < 2 ? authority : null,
                    List.of(units.get(rng.nextInt(units.size()))), levels, null, b.basis(), steps,
                    e.responsibilityBasis(), e.accountableParties(), e.accountability(), e.exemption(), supervision,
                    f.acceptanceConditions(), f.timeLimit(), f.place(), f.notes(), f.departmentDuty(), statutes,
                    org.quanze.ingest.Phones.in(supervision));
        }

        private PowerRecord duty(SourceRef src, String level, Place place, int seq) {
            PowerRecord d = duties.get((seq - 1) % duties.size());
            String text = place.prefecture() ? d.name() : d.name().replace("全市", "全县").replace("市政府", "县政府");
            return new PowerRecord(src.id() + "-duty-" + seq, PowerRecord.DUTY, src, String.valueOf(seq), null, null, null,
                    text, null, null, List.of(), List.of(level), null, null, List.of(), null, null, null, null, null,
                    null, null, null, null, null, List.of(), List.of());
        }

        /** The name with one clause replaced by a clause of another name. */
        private String splice(String name) {
            List<String> parts = clauses(name);
            if (parts.size() < 3 || clauses.isEmpty()) return name;
            int at = 1 + rng.nextInt(parts.size() - 2);
            parts.set(at, pick(clauses));
            return String.join("", parts);
        }

        /** The first steps of one item followed by the later steps of another, titles not repeated. */
        private List<Step> mix(List<Step> first, List<Step> second) {
            if (first.isEmpty() || second.isEmpty()) return first;
            int cut = 1 + rng.nextInt(first.size());
            List<Step> out = new ArrayList<>(first.subList(0, cut));
            for (Step s : second.subList(Math.min(cut, second.size()), second.size())) {
                if (out.stream().noneMatch(o -> java.util.Objects.equals(o.title(), s.title()))) out.add(s);
            }
            return out;
        }

        private <T> T pick(List<T> from) {
            return from.get(rng.nextInt(from.size()));
        }
    }

    /** The name cut after each 、 or ，, keeping the marks; the rest is the last part. */
    static List<String> clauses(String name) {
        List<String> out = new ArrayList<>();
        Matcher m = CLAUSE.matcher(name);
        int end = 0;
        while (m.find()) {
            if (m.start() != end) break;
            out.add(m.group());
            end = m.end();
        }
        if (end < name.length()) out.add(name.substring(end));
        return out;
    }

    private static List<String> union(String level, List<String> more) {
        Set<String> s = new LinkedHashSet<>();
        s.add(level);
        s.addAll(more);
        return List.copyOf(s);
    }
}
