package org.quanze.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quanze.model.Json;
import org.quanze.model.PowerRecord;
import org.quanze.model.SourceRef;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertSameRecords(list, "docx", OfficeFixtures.docx(grid(list), List.of()));
    }

    @ParameterizedTest
    @MethodSource("horizontalLists")
    void docxWithGridSpanAndVMergeYieldsTheTextRecords(Path list) throws IOException {
        Grid g = grid(list);
        assertSameRecords(list, "docx", OfficeFixtures.docx(g, OfficeFixtures.horizontalMerges(g)));
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
        Ingester.FileResult text = ingester.ingestFile(list);
        String name = list.getFileName().toString().replaceFirst("\\.txt$", "." + extension);
        Ingester.FileResult office = ingester.ingest(name, bytes);
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
