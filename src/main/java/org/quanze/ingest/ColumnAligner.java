package org.quanze.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Aligns a data row's cells with its header's columns by what the cells contain. Published lists
 * drop a cell (a missing 实施主体), repeat one (部门职责 twice) or put text in a neighbour's column,
 * so cell i is not always column i. This is a monotone sequence alignment (as in edit distance):
 * each cell either fills the next column or is left over, each column is filled or left empty, and
 * the alignment with the best total evidence wins. With no evidence either way the alignment is
 * positional, so a well-formed row is read exactly by position.
 */
final class ColumnAligner {

    /** A cell that found its column, or a leftover cell (column -1). */
    record Placement(int cell, int column) {}

    private static final double STRONG = 3.0;
    private static final double CONTRADICTED = -2.0;
    private static final double NEUTRAL = 1.0;
    private static final double FILLER = 0.5;
    private static final double SKIP_COLUMN = -0.6;
    private static final double SKIP_CELL = -1.0;
    private static final double TIE = 1e-3;
    /** How much better than by position an alignment must explain a contradicted row to be taken. */
    private static final double SHIFT_EVIDENCE = 2.0;

    private ColumnAligner() {}

    static List<Placement> align(List<Field> columns, List<String> plainCells) {
        int n = plainCells.size(), m = columns.size();
        List<Set<Field>> sigs = plainCells.stream().map(ContentSignature::of).toList();
        double[][] best = new double[n + 1][m + 1];
        byte[][] move = new byte[n + 1][m + 1]; // 1 = match, 2 = skip cell, 3 = skip column
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) continue;
                double b = Double.NEGATIVE_INFINITY;
                byte mv = 0;
                if (i > 0 && j > 0) {
                    double v = best[i - 1][j - 1] + score(plainCells.get(i - 1), sigs.get(i - 1), columns.get(j - 1));
                    if (v > b) { b = v; mv = 1; }
                }
                if (j > 0) {
                    // Ties go to the alignment that leaves later columns empty: rows lose cells at their end more often.
                    double v = best[i][j - 1] + SKIP_COLUMN + TIE * j / m;
                    if (v > b) { b = v; mv = 3; }
                }
                if (i > 0) {
                    double v = best[i - 1][j] + (plainCells.get(i - 1).isBlank() ? SKIP_COLUMN : SKIP_CELL) + TIE * i / n;
                    if (v > b) { b = v; mv = 2; }
                }
                best[i][j] = b;
                move[i][j] = mv;
            }
        }
        // A row is read by position unless its content contradicts its header (steps text under
        // 追责情形) and moving cells explains it clearly better: what a cell resembles never
        // overrides a header it does not contradict.
        if (!contradicted(plainCells, sigs, columns) || best[n][m] - positional(plainCells, sigs, columns) < SHIFT_EVIDENCE) {
            List<Placement> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) out.add(new Placement(k, k < m ? k : -1));
            return out;
        }
        List<Placement> out = new ArrayList<>();
        int i = n, j = m;
        while (i > 0 || j > 0) {
            switch (move[i][j]) {
                case 1 -> out.add(new Placement(--i, --j));
                case 2 -> out.add(new Placement(--i, -1));
                default -> j--;
            }
        }
        return out.reversed();
    }

    private static boolean contradicted(List<String> cells, List<Set<Field>> sigs, List<Field> columns) {
        for (int k = 0; k < Math.min(cells.size(), columns.size()); k++) {
            if (score(cells.get(k), sigs.get(k), columns.get(k)) == CONTRADICTED) return true;
        }
        return cells.size() != columns.size();
    }

    /** The score of reading the row by position: cell i in column i, extra cells left over, missing ones empty. */
    private static double positional(List<String> cells, List<Set<Field>> sigs, List<Field> columns) {
        int n = cells.size(), m = columns.size();
        double s = 0;
        for (int k = 0; k < Math.max(n, m); k++) {
            if (k < n && k < m) s += score(cells.get(k), sigs.get(k), columns.get(k));
            else if (k < n) s += cells.get(k).isBlank() ? SKIP_COLUMN : SKIP_CELL;
            else s += SKIP_COLUMN;
        }
        return s;
    }

    /** Columns whose content always has a recognisable shape: text without it does not belong there. */
    static final Set<Field> SHAPED = java.util.EnumSet.of(Field.SEQ, Field.POWER_TYPE, Field.LEVEL, Field.SUPERVISION);
    /**
     * Columns whose content may look like anything: an item named 对《药品管理法》第一百二十四条禁止行为的处罚
     * is still the item's name. A clear header wins over what the name resembles.
     */
    private static final Set<Field> FREE = java.util.EnumSet.of(Field.NAME, Field.SUB_ITEM, Field.NOTES);

    private static double score(String cell, Set<Field> sig, Field column) {
        if (cell.isBlank() || ContentSignature.isNone(cell)) return FILLER;
        if (FREE.contains(column)) return NEUTRAL;
        // A column the header does not name for a field holds whatever its label says: no content contradicts it.
        if (column == Field.UNKNOWN || column == Field.GROUP) return FILLER;
        if (sig.isEmpty()) {
            if (SHAPED.contains(column)) return 0;
            return column == Field.UNKNOWN || column == Field.GROUP ? FILLER : NEUTRAL;
        }
        return sig.contains(column) ? STRONG : CONTRADICTED;
    }
}
