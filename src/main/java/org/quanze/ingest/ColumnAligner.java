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

    /** Columns whose content always has a recognisable shape: text without it does not belong there. */
    private static final Set<Field> SHAPED = java.util.EnumSet.of(Field.SEQ, Field.POWER_TYPE, Field.LEVEL, Field.SUPERVISION);

    private static double score(String cell, Set<Field> sig, Field column) {
        if (cell.isBlank() || ContentSignature.isNone(cell)) return FILLER;
        if (sig.isEmpty()) {
            if (SHAPED.contains(column)) return 0;
            return column == Field.UNKNOWN || column == Field.GROUP ? FILLER : NEUTRAL;
        }
        return sig.contains(column) ? STRONG : CONTRADICTED;
    }
}
