package org.quanze.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/** The analyzers of the index: SmartChineseAnalyzer words and CJK bigrams. */
public final class Analyzers {

    private Analyzers() {}

    /**
     * Words: SmartChineseAnalyzer without its stop set, since in these lists single characters
     * such as 对 / 的 separate phrases and a phrase query must still see their positions; numbers
     * read one way ({@link Numbers}: 两人 and 2人 are the same words).
     */
    public static Analyzer words() {
        Analyzer smartcn = new SmartChineseAnalyzer(false);
        return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return smartcn;
            }

            @Override
            protected Reader wrapReader(String fieldName, Reader reader) {
                return Numbers.filter(reader);
            }

            @Override
            public void close() {
                smartcn.close();
                super.close();
            }
        };
    }

    /**
     * Loads SmartCN's dictionaries (a few hundred milliseconds, once per JVM) on a background
     * thread, so that start-up opens the index and the web server meanwhile instead of after.
     */
    public static void preload() {
        Thread t = new Thread(() -> {
            try (Analyzer a = words(); var ts = a.tokenStream("", "医疗保障")) {
                ts.reset();
                while (ts.incrementToken()) {
                    // tokenising loads the dictionaries
                }
                ts.end();
            } catch (java.io.IOException | RuntimeException e) {
                // the first real analysis will load them, or report the problem
            }
        }, "quanze-smartcn-preload");
        t.setDaemon(true);
        t.start();
    }

    /** Overlapping bigrams of Han text, unigrams where a Han character stands alone; Latin and digits as words. */
    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return Numbers.filter(reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new CJKWidthFilter(t);
                s = new LowerCaseFilter(s);
                s = new CJKBigramFilter(s);
                return new TokenStreamComponents(t, s);
            }
        };
    }

    /** Index-time analyzer: words for word fields, bigrams for {@code *.bg} fields, words with a gap between values for {@link Schema#ALL} (one per family) and {@link Schema#ARTICLES} (one per article). */
    public static Analyzer indexing() {
        Analyzer bg = bigrams();
        Map<String, Analyzer> per = new HashMap<>();
        for (String f : Schema.TEXT_FIELDS) per.put(Schema.bigram(f), bg);
        Analyzer words = words();
        Analyzer gapped = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                return words;
            }

            @Override
            public int getPositionIncrementGap(String fieldName) {
                return Schema.FAMILY_GAP;
            }
        };
        per.put(Schema.ALL, gapped);
        per.put(Schema.ARTICLES, gapped);
        return new PerFieldAnalyzerWrapper(words, per);
    }
}
