package org.quanze.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quanze.model.PowerRecord;

/**
 * The contract every layout recogniser meets. Each layout's test supplies only a tiny fixture in
 * that layout's real shape (its edge cases included), the layout that must recognise it, and the
 * records expected from it; this class runs the same checks on all of them.
 *
 * <p>The fixture is always ingested under the neutral name {@value #FILE}, so the layout can only
 * be chosen from the content.
 */
abstract class LayoutContractTest {

    static final String FILE = "fixture.txt";

    /** The fixture's file name under {@code src/test/resources/fixtures/}. */
    abstract String fixture();

    /** The layout that must recognise the fixture, ahead of every other. */
    abstract Class<? extends Layout> expectedLayout();

    /** Every record the fixture holds, in file order. */
    abstract List<ExpectedRecord> expectedRecords();

    byte[] fixtureBytes() {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture())) {
            assertNotNull(in, "missing fixture " + fixture());
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Ingester.FileResult ingestFixture() {
        return new Ingester(SourceCatalog.empty()).ingest(FILE, fixtureBytes());
    }

    PowerRecord record(String id) {
        return ingestFixture().records().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id));
    }

    @Test
    void exactlyTheExpectedLayoutWinsTheRecognitionFromContent() throws Exception {
        Grid grid = TextGridReader.read(FILE, fixtureBytes());
        Layout own = Layout.all().stream().filter(l -> l.getClass() == expectedLayout()).findFirst()
                .orElseThrow(() -> new AssertionError(expectedLayout().getSimpleName() + " is not among Layout.all()"));
        int ownScore = own.recognise(grid);
        assertTrue(ownScore > 0, own.name() + " does not recognise its own fixture");
        for (Layout other : Layout.all()) {
            if (other.getClass() == expectedLayout()) continue;
            int s = other.recognise(grid);
            assertTrue(s < ownScore, other.name() + " scores " + s + ", not below " + own.name() + "'s " + ownScore);
        }
        assertEquals(own.name(), ingestFixture().layout());
    }

    @Test
    void readsTheExpectedNumberOfRecordsAndSkipsNoRow() {
        Ingester.FileResult r = ingestFixture();
        assertNull(r.error());
        assertEquals(List.of(), r.skips());
        assertEquals(expectedRecords().size(), r.records().size());
    }

    @Test
    void readsEveryRecordWithExactlyTheExpectedValues() {
        List<PowerRecord> got = ingestFixture().records();
        List<ExpectedRecord> want = expectedRecords();
        assertEquals(want.stream().map(ExpectedRecord::id).toList(), got.stream().map(PowerRecord::id).toList());
        for (int i = 0; i < want.size(); i++) want.get(i).assertMatches(got.get(i));
    }

    @Test
    void readsTheSameRecordsWithTheSameIdsEveryTime() {
        assertEquals(ingestFixture().records(), ingestFixture().records());
    }
}
