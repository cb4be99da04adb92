package org.quanze.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.SourceRef;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every bundled list, written back out as the Excel, Word and CSV files offices keep (built here
 * with POI and Commons CSV from the list's own text grid), ingests to exactly the records its text
 * version does: every field of every record, apart from the file name in {@code source.file}.
 */
class OfficeRoundTripTest {

    private static final Path SOURCES = Path.of("index-data", "sources");
    private static SourceCatalog catalog;

    @BeforeAll
    static void loadCatalog() throws IOException {
        catalog = SourceCatalog.load(Path.of("index-data", "sources.json"));
    }

    static Stream<Path> lists() throws IOException {
        try (Stream<Path> s = Files.list(SOURCES)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList().stream();
        }
    }

    /** The horizontal layouts, where headers and 权力类型 cells are merged in real sheets. */
    static Stream<Path> horizontalLists() throws IOException {
        return lists().filter(p -> !p.getFileName().toString().startsWith("003_"));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void xlsxWithOneCellPerGridCellYieldsTheTextRecords(Path list) throws IOException {
        Grid g = grid(list);
        assertSameRecords(list, "xlsx", OfficeFixtures.xlsx(g, List.of()));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void xlsYieldsTheTextRecords(Path list) throws IOException {
        assertSameRecords(list, "xls", OfficeFixtures.xls(grid(list), List.of()));
    }

    @ParameterizedTest
    @MethodSource("horizontalLists")
    void xlsxWithMergedHeadersTypeCellsAndTitlesYieldsTheTextRecords(Path list) throws IOException {
        Grid g = grid(list);
        List<OfficeFixtures.Merge> titles = OfficeFixtures.titleMerges(g);
        List<OfficeFixtures.Merge> merges = Stream.concat(OfficeFixtures.horizontalMerges(g).stream(), titles.stream()).toList();
        assertFalse(OfficeFixtures.horizontalMerges(g).isEmpty(), "the fixture merges something");
        assertSameRecords(list, "xlsx", OfficeFixtures.xlsx(OfficeFixtures.padTitles(g, titles), merges));
    }

    @ParameterizedTest
    @MethodSource("horizontalLists")
    void xlsWithMergedHeadersAndTypeCellsYieldsTheTextRecords(Path list) throws IOException {
        Grid g = grid(list);
        assertSameRecords(list, "xls", OfficeFixtures.xls(g, OfficeFixtures.horizontalMerges(g)));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void docxWithTablesAndTitleParagraphsYieldsTheTextRecords(Path list) throws IOException {
        assertSameRecords(list, "docx", dumped(list, "plain", WordFixtures.docx(grid(list), List.of())));
    }

    @ParameterizedTest
    @MethodSource("horizontalLists")
    void docxWithGridSpanAndVMergeYieldsTheTextRecords(Path list) throws IOException {
        Grid g = grid(list);
        assertSameRecords(list, "docx", dumped(list, "merged", WordFixtures.docx(g, OfficeFixtures.horizontalMerges(g))));
    }

    /**
     * The same documents saved as Word 97–2003 .doc files by LibreOffice (see
     * {@code src/test/resources/fixtures/doc/README.md}): read with HWPF, where a cell merged
     * across is one wider cell and a cell merged down is marked on every row it covers. A .doc
     * table is square: where the list's rows differ in length within a table (000, 004), the word
     * processor widens a short row's last cell to the table's edge, and the .doc must read as
     * that table does as a .docx.
     */
    @ParameterizedTest
    @MethodSource("docFixtures")
    void docSavedByWordProcessorYieldsTheRecordsOfItsDocx(Path list, Path doc) throws IOException {
        Grid g = grid(list), square = WordFixtures.squared(g);
        byte[] bytes = Files.readAllBytes(doc);
        if (square.rows().equals(g.rows())) {
            assertSameRecords(list, "doc", bytes);
        } else {
            boolean merged = doc.getFileName().toString().endsWith("-merged.doc");
            List<OfficeFixtures.Merge> merges = new ArrayList<>(merged ? OfficeFixtures.horizontalMerges(g) : List.of());
            merges.addAll(WordFixtures.stretched(g));
            byte[] docx = WordFixtures.docx(square, merges);
            Ingester ingester = new Ingester(catalog);
            String name = list.getFileName().toString().replaceFirst("\\.txt$", "");
            assertSameRecords(ingester.ingest(name + ".docx", docx), ingester.ingest(name + ".doc", bytes), name + ".doc");
        }
    }

    static Stream<Arguments> docFixtures() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (Path list : lists().toList()) {
            for (String kind : List.of("plain", "merged")) {
                Path doc = DOC_FIXTURES.resolve(list.getFileName().toString().replaceFirst("\\.txt$", "") + "-" + kind + ".doc");
                if (Files.exists(doc)) out.add(Arguments.of(list, doc));
            }
        }
        assertEquals(9, out.size(), "the .doc fixtures: every list plain, the horizontal ones merged too");
        return out.stream();
    }

    private static final Path DOC_FIXTURES = Path.of("src", "test", "resources", "fixtures", "doc");

    /** With {@code -Doffice.dump=DIR}, the .docx written to DIR (list-kind.docx), to make the .doc fixtures from. */
    private static byte[] dumped(Path list, String kind, byte[] docx) throws IOException {
        String dir = System.getProperty("office.dump", "");
        if (!dir.isBlank()) {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, list.getFileName().toString().replaceFirst("\\.txt$", "") + "-" + kind + ".docx"), docx);
        }
        return docx;
    }

    @ParameterizedTest
    @MethodSource("lists")
    void csvInUtf8WithBomYieldsTheTextRecords(Path list) throws IOException {
        assertSameRecords(list, "csv", OfficeFixtures.csv(grid(list), StandardCharsets.UTF_8, true));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void csvInUtf8WithoutBomYieldsTheTextRecords(Path list) throws IOException {
        assertSameRecords(list, "csv", OfficeFixtures.csv(grid(list), StandardCharsets.UTF_8, false));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void csvInGb18030YieldsTheTextRecords(Path list) throws IOException {
        assertSameRecords(list, "csv", OfficeFixtures.csv(grid(list), Charset.forName("GB18030"), false));
    }

    // ---------------------------------------------------------------------------------------------

    private static Grid grid(Path list) throws IOException {
        try {
            return TextGridReader.read(list.getFileName().toString(), Files.readAllBytes(list));
        } catch (UnreadableFileException e) {
            throw new AssertionError(e);
        }
    }

    /** The same list name with another extension, so the catalog's metadata applies to both. */
    private static void assertSameRecords(Path list, String extension, byte[] bytes) throws IOException {
        Ingester ingester = new Ingester(catalog);
        String name = list.getFileName().toString().replaceFirst("\\.txt$", "." + extension);
        assertSameRecords(ingester.ingestFile(list), ingester.ingest(name, bytes), name);
    }

    /** {@code office} read to {@code text}'s records (file names aside), layout and skipped rows. */
    private static void assertSameRecords(Ingester.FileResult text, Ingester.FileResult office, String name) {
        assertNull(office.error(), () -> name + ": " + office.error());
        assertEquals(text.layout(), office.layout(), name + ": layout");
        assertEquals(text.records().size(), office.records().size(), name + ": record count");
        for (int i = 0; i < text.records().size(); i++) {
            assertEquals(Json.write(comparable(text.records().get(i))), Json.write(comparable(office.records().get(i))),
                    name + ": record " + text.records().get(i).id());
        }
        assertEquals(text.skips().stream().map(Skip::reason).toList(), office.skips().stream().map(Skip::reason).toList(),
                name + ": skipped rows");
    }

    private static PowerRecord comparable(PowerRecord r) {
        return new PowerRecord(r.id(), r.kind(), new SourceRef(r.source().id(), null, r.source().title(), r.source().authority(),
                r.source().region(), r.source().evidence(), r.source().itemsWithPhone()), r.seq(), r.table(),
                r.powerType(), r.powerTypeRaw(), r.name(), r.subItem(), r.authority(), r.units(), r.levels(), r.levelRaw(),
                r.basis(), r.responsibilities(), r.responsibilityBasis(), r.accountableParties(), r.accountability(),
                r.exemption(), r.supervision(), r.acceptanceConditions(), r.timeLimit(), r.place(), r.notes(),
                r.departmentDuty(), r.statutes(), r.phones());
    }
}
