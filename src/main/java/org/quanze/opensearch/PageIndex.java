package org.quanze.opensearch;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.quanze.index.Analyzers;
import org.quanze.index.DocumentMapper;
import org.quanze.index.Schema;
import org.quanze.search.SearchBackend;
import org.quanze.statute.LawLibrary;

import java.io.IOException;
import java.util.List;

/**
 * A page of hits from the cluster as a small in-memory Lucene index, built from their records as
 * the embedded index builds its documents: highlights and each hit's missing words are then
 * worked out by the same code, over the same postings and offsets, as for the embedded index, so
 * snippets are identical. Matching one document needs nothing of the rest of the index.
 */
final class PageIndex {

    private PageIndex() {}

    static SearchBackend.PageDocs of(List<SearchBackend.Found> hits, LawLibrary laws) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        FacetsConfig facets = Schema.facetsConfig();
        IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.indexing()).setCommitOnClose(true);
        try (IndexWriter w = new IndexWriter(dir, cfg)) {
            for (int i = 0; i < hits.size(); i++) w.addDocument(facets.build(DocumentMapper.toDocument(hits.get(i).record(), i, laws.basisArticles(hits.get(i).record()))));
            // One segment, documents in page order: document i is hit i.
            w.forceMerge(1);
        }
        IndexSearcher s = new IndexSearcher(DirectoryReader.open(dir));
        int[] docs = new int[hits.size()];
        for (int i = 0; i < docs.length; i++) docs[i] = i;
        return new SearchBackend.PageDocs(s, docs, false);
    }
}
