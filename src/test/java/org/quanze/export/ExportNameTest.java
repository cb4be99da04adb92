package org.quanze.export;

import org.junit.jupiter.api.Test;
import org.quanze.search.SearchRequest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A download is named for what it holds: the words searched for, the filters, the date. */
class ExportNameTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    static String name(String q, String... filters) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        for (int i = 0; i < filters.length; i += 2) {
            f.computeIfAbsent(filters[i], k -> new java.util.ArrayList<>()).add(filters[i + 1]);
        }
        return ExportName.of(new SearchRequest(q, f, 1, 10, null, false), Map.of("000_x", "市医保局权责清单"), DAY);
    }

    @Test
    void namesTheWordsAndFiltersOfTheSearch() {
        assertEquals("权责清单-行政处罚-2026-12-01", name(null, "type", "行政处罚"));
        assertEquals("权责清单-稽核-行政检查-县级-2026-12-01", name("稽核", "level", "县级", "type", "行政检查"));
        assertEquals("权责清单-行政处罚、行政检查-2026-12-01", name("", "type", "行政处罚", "type", "行政检查"));
        assertEquals("权责清单-社会保险法、社会保险法第86条-2026-12-01", name(null, "statute", "社会保险法", "statute", "社会保险法/86"));
        assertEquals("权责清单-市医保局权责清单-部门主体责任-2026-12-01", name(null, "source", "000_x", "kind", "duty"));
        assertEquals("权责清单-全部-2026-12-01", name(null));
        assertEquals("权责清单-全部-2026-12-01", name(null, "kind", "power"));
    }

    @Test
    void isASafeAndShortFileNameWhateverWasTyped() {
        assertEquals("权责清单-a b c 医保-2026-12-01", name("\"a/b:c*?\u202e\"  医保"));
        assertEquals("权责清单-" + "医".repeat(19) + "…-2026-12-01", name("医".repeat(300)));
        String many = name("医".repeat(30), "unit", "科".repeat(30), "level", "县级", "type", "行政处罚");
        assertEquals("权责清单-" + "医".repeat(19) + "…-行政处罚-县级-" + "科".repeat(19) + "…-2026-12-01", many);
    }

    @Test
    void theContentDispositionCarriesTheNameInUtf8AndAnAsciiFallback() {
        assertEquals("attachment; filename=\"quanze-export-2026-12-01.xlsx\"; filename*=UTF-8''"
                        + "%E6%9D%83%E8%B4%A3%E6%B8%85%E5%8D%95-%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A-2026-12-01.xlsx",
                ExportName.contentDisposition("权责清单-行政处罚-2026-12-01", "xlsx"));
    }
}
