package org.quanze.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.quanze.index.Analyzers;
import org.quanze.index.Numbers;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The domain vocabulary, as data beside the lists: {@code synonyms.txt} (Solr format, everyday
 * words to the lists' official terms) applied at query time through Lucene's synonym graph, and
 * {@code query-stopwords.txt} (question words and particles that need not match).
 */
public final class Vocabulary {

    /** A character, 不 or 没, the same character: a yes-no question's verb (会不会 → 会). */
    private static final Pattern A_NOT_A = Pattern.compile("(\\p{IsHan})[不没]\\1");


    /**
     * Reads the general thesaurus (a few hundred milliseconds, once per process: it is part of
     * the program, not of a data folder) on a background thread, so that start-up opens the index
     * meanwhile; {@link #load} waits for it if it is not done.
     */
    public static void preload() {
        Thread t = new Thread(SharedThesaurus::get, "quanze-thesaurus-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The thesaurus, read when first asked for (the holder class is initialised once, by whichever thread comes first). */
    private static final class SharedThesaurus {
        private static final Thesaurus INSTANCE;

        static {
            try {
                INSTANCE = Thesaurus.load();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static Thesaurus get() {
            return INSTANCE;
        }
    }

    /** The vocabulary's files in a data folder, read when the search service starts. */
    public static final List<String> FILES = List.of("synonyms.txt", "query-stopwords.txt", "intents.txt");

    private final SynonymMap synonyms;
    private final Set<String> stopTokens;
    private final List<String> stopPhrases;
    private final Intents intents;
    private final java.util.Map<String, List<String>> officialForms;
    private final Thesaurus thesaurus;
    private final WholeTerms wholeTerms;

    private Vocabulary(SynonymMap synonyms, Set<String> stopTokens, List<String> stopPhrases, Intents intents,
                       java.util.Map<String, List<String>> officialForms, Thesaurus thesaurus, WholeTerms wholeTerms) {
        this.synonyms = synonyms;
        this.stopTokens = stopTokens;
        this.stopPhrases = stopPhrases;
        this.intents = intents;
        this.officialForms = officialForms;
        this.thesaurus = thesaurus;
        this.wholeTerms = wholeTerms;
    }

    public static Vocabulary none() {
        return new Vocabulary(null, Set.of(), List.of(), Intents.NONE, java.util.Map.of(), Thesaurus.NONE, WholeTerms.NONE);
    }

    /** The vocabulary's terms, kept whole where the segmenter would cut across one. */
    WholeTerms wholeTerms() {
        return wholeTerms;
    }

    /** The general thesaurus: near-synonyms for words the curated vocabulary does not know. */
    Thesaurus thesaurus() {
        return thesaurus;
    }

    /** The text as the index's word analyser cuts it, without the vocabulary. */
    List<String> words(String text) {
        List<String> out = new java.util.ArrayList<>();
        try (TokenStream ts = Analyzers.words().tokenStream("", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    /** What the question's wording says about the power types it wants ({@code intents.txt}). */
    Intents intents() {
        return intents;
    }

    /**
     * Everyday word → the lists' official terms for it, in the file's order: the words on the left
     * of a one-way rule ({@code 医保卡, 医疗卡 => 医保卡, 医疗卡, 医疗保障凭证, …}), each with the
     * right-hand terms that are not themselves on the left. Equivalences ({@code a, b}) name no
     * official form and are left out.
     */
    public java.util.Map<String, List<String>> officialForms() {
        return officialForms;
    }

    static java.util.Map<String, List<String>> officialForms(List<String> lines) {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String line : lines) {
            String rule = line.replaceFirst("#.*", "").strip();
            int arrow = rule.indexOf("=>");
            if (arrow < 0) continue;
            List<String> everyday = terms(rule.substring(0, arrow));
            List<String> official = terms(rule.substring(arrow + 2)).stream().filter(t -> !everyday.contains(t)).toList();
            if (official.isEmpty()) continue;
            for (String w : everyday) out.merge(w, official, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The terms of one side of a rule, comma-separated. */
    static List<String> terms(String side) {
        return java.util.Arrays.stream(side.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Loads both files from the data folder; a missing file means no entries of that kind. */
    public static Vocabulary load(Path dataDir) throws IOException {
        SynonymMap map = null;
        Path syn = dataDir.resolve("synonyms.txt");
        if (Files.isRegularFile(syn)) {
            SolrSynonymParser p = new SolrSynonymParser(true, true, Analyzers.words());
            try (Reader r = Files.newBufferedReader(syn, StandardCharsets.UTF_8)) {
                p.parse(r);
                map = p.build();
            } catch (ParseException | IllegalArgumentException e) {
                throw new IOException("synonyms.txt cannot be read: " + e.getMessage(), e);
            }
        }
        Set<String> tokens = new HashSet<>();
        Path stop = dataDir.resolve("query-stopwords.txt");
        if (Files.isRegularFile(stop)) {
            for (String line : Files.readAllLines(stop, StandardCharsets.UTF_8)) {
                String w = line.replaceFirst("#.*", "").strip();
                if (!w.isEmpty()) tokens.add(w);
            }
        }
        // Longer entries first, so 哪个部门 goes before 哪个.
        List<String> phrases = tokens.stream().filter(w -> w.length() >= 2)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        List<String> synonymLines = Files.isRegularFile(syn) ? Files.readAllLines(syn, StandardCharsets.UTF_8) : List.of();
        return new Vocabulary(map, Set.copyOf(tokens), phrases, Intents.load(dataDir.resolve("intents.txt")),
                officialForms(synonymLines), SharedThesaurus.get(), WholeTerms.of(synonymLines));
    }

    /** The word analyzer for queries: the index's SmartCN words (numbers read as the index reads them), then the synonym graph. */
    public Analyzer queryWords() {
        SynonymMap map = synonyms;
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return Numbers.filter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new HMMChineseTokenizer();
                TokenStream s = new PorterStemFilter(t);
                if (map != null && map.fst != null) s = new SynonymGraphFilter(s, map, true);
                return new TokenStreamComponents(t, s);
            }
        };
    }

    /**
     * The query without question words and particles. Entries of two or more characters go
     * wherever they occur (怎么, 哪个部门); single characters (吗, 的) only where the segmenter
     * sees them as a word of their own, so 会 in 会计 stays. Removed text becomes a space, so
     * bigrams are not formed across it. A question asked as "A not A" (会不会, 能不能, 合不合法, 有没有)
     * keeps its A once: the 不 there asks, it does not negate, and read as a word it would find
     * every 未按规定 penalty (不 is spelled 未 in synonyms.txt).
     */
    public String stripQuestionWords(String text) {
        String t = A_NOT_A.matcher(text).replaceAll("$1");
        for (String p : stopPhrases) t = t.replace(p, " ");
        char[] chars = t.toCharArray();
        try (TokenStream ts = Analyzers.words().tokenStream("", new StringReader(t))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (stopTokens.contains(term.toString())) {
                    for (int i = off.startOffset(); i < off.endOffset() && i < chars.length; i++) chars[i] = ' ';
                }
            }
            ts.end();
        } catch (IOException e) {
            return text;
        }
        String out = new String(chars).replaceAll("\\s+", " ").strip();
        return out.isEmpty() ? text.strip() : out;
    }
}
