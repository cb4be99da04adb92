package org.quanze.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's columns as its header band names them: one or more header rows (a group row such as
 * 权力清单 / 责任清单 over the labels, a second row splitting 事项名称 into 项目 / 子项), read
 * through the {@link HeaderNames} vocabulary. A lower row's label names its column; where it has
 * none, the label above does.
 *
 * <p>A header cell merged over two columns (实施层级及权限 over the level and the power it
 * holds), or a label followed by a column with no label of its own inside the table, makes the
 * second column an {@link Kind#EXTENSION} of the first: its text is kept in the notes under the
 * label unless it repeats the first column's. A column whose label the vocabulary does not know
 * is {@link Kind#OTHER}: its text is kept in the notes under its label.
 */
final class Columns {

    enum Kind {
        /** A label of the vocabulary. */
        NAMED,
        /** The second column under one label: its text goes to the notes unless it repeats the first's. */
        EXTENSION,
        /** A label the vocabulary does not know (or a fallback name overruled): text to the notes, labelled. */
        OTHER,
        /** No label at all: text to the notes as it is. */
        UNLABELLED
    }

    /** One column: the field it fills ({@link Field#UNKNOWN} for OTHER and UNLABELLED), its label and kind. */
    record Column(Field field, String label, Kind kind) {}

    private final List<Column> columns;

    private Columns(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    static Columns of(List<Grid.Row> band) {
        int width = band.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        Field[] fields = new Field[width];
        String[] labels = new String[width];
        boolean[] fallback = new boolean[width];
        int[] likeness = new int[width];
        boolean[] mergedLeft = new boolean[width];
        boolean[] text = new boolean[width];
        for (Grid.Row r : band) {
            for (int i = 0; i < width; i++) {
                String cell = r.cell(i);
                if (!cell.isBlank()) text[i] = true;
                if (continuesLeft(r, i)) {
                    mergedLeft[i] = true;
                    continue;
                }
                HeaderNames.Entry e = HeaderNames.lookup(cell);
                if (e.field() == Field.UNKNOWN || e.field() == Field.GROUP) {
                    // A label the vocabulary lacks still names its column, unless a known one does.
                    if (!cell.isBlank() && fields[i] == null && !isGroupLabel(cell)) labels[i] = TextClean.plain(cell);
                    continue;
                }
                fields[i] = e.field();
                labels[i] = TextClean.plain(cell);
                fallback[i] = e.fallback();
                likeness[i] = e.likeness();
            }
        }
        int lastLabelled = -1;
        for (int i = 0; i < width; i++) if (fields[i] != null || labels[i] != null) lastLabelled = i;
        List<Column> out = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            if (fields[i] != null) {
                boolean overruled = fallback[i] && namedElsewhere(fields, fallback, likeness, i);
                out.add(overruled ? new Column(Field.UNKNOWN, labels[i], Kind.OTHER) : new Column(fields[i], labels[i], Kind.NAMED));
            } else if (i > 0 && (mergedLeft[i] || (!text[i] && i < lastLabelled)) && out.get(i - 1).kind() != Kind.UNLABELLED) {
                Column left = out.get(i - 1);
                out.add(new Column(left.field(), left.label(), left.kind() == Kind.OTHER ? Kind.OTHER : Kind.EXTENSION));
            } else if (labels[i] != null) {
                out.add(new Column(Field.UNKNOWN, labels[i], Kind.OTHER));
            } else {
                out.add(new Column(Field.UNKNOWN, null, Kind.UNLABELLED));
            }
        }
        return new Columns(out);
    }

    /** A header cell that is the right-hand part of a cell merged across columns. */
    private static boolean continuesLeft(Grid.Row r, int i) {
        Grid.Span s = r.span(i);
        return i > 0 && s != null && !s.left() && r.span(i - 1) != null && r.span(i - 1).origin() == s.origin();
    }

    private static boolean isGroupLabel(String cell) {
        return HeaderNames.lookup(cell).field() == Field.GROUP;
    }

    /**
     * Another column names the field better: by a listed label, or, both being fallbacks, by a
     * label more like a listed one (the first of equals).
     */
    private static boolean namedElsewhere(Field[] fields, boolean[] fallback, int[] likeness, int i) {
        for (int j = 0; j < fields.length; j++) {
            if (j == i || fields[j] != fields[i]) continue;
            if (!fallback[j]) return true;
            if (likeness[j] > likeness[i] || likeness[j] == likeness[i] && j < i) return true;
        }
        return false;
    }

    /** Fields whose cells have a shape of their own (ContentSignature): a head word alone does not name them. */
    private static final java.util.Set<Field> SHAPED = java.util.EnumSet.of(Field.SEQ, Field.POWER_TYPE, Field.LEVEL, Field.SUPERVISION);

    /**
     * These columns, with a column named by a head word alone (公开类型) demoted to a labelled
     * column of the notes where its field has a shape that fewer than half of its cells in the
     * table's rows show: 公开类型 holds 主动公开, not power types.
     */
    Columns confirmedBy(List<Grid.Row> body) {
        List<Column> out = new ArrayList<>(columns);
        boolean changed = false;
        for (int i = 0; i < out.size(); i++) {
            Column c = out.get(i);
            if (c.kind() != Kind.NAMED || !SHAPED.contains(c.field()) || !HeaderNames.lookup(c.label()).byHeadWord()) continue;
            int cells = 0, shaped = 0;
            for (Grid.Row r : body) {
                if (i >= r.cells().size() || !r.ownsCell(i)) continue;
                String t = TextClean.plain(r.cell(i));
                if (t.isBlank() || HeaderNames.isFiller(t)) continue;
                cells++;
                if (shows(c.field(), t)) shaped++;
            }
            if (cells > 0 && shaped * 2 < cells) {
                out.set(i, new Column(Field.UNKNOWN, c.label(), Kind.OTHER));
                changed = true;
            }
        }
        return changed ? new Columns(out) : this;
    }

    /** Whether a cell's text has the shape of its field's values: a power type also as the lists shorten it (许可, 行政许可类). */
    private static boolean shows(Field f, String text) {
        if (ContentSignature.of(text).contains(f)) return true;
        // Anything not a standard type normalises to 其他行政权力, so only the others say "a type".
        return f == Field.POWER_TYPE && !Normaliser.powerType(text).equals("其他行政权力");
    }

    int size() {
        return columns.size();
    }

    Column get(int i) {
        return columns.get(i);
    }

    /** The first column named as {@code f}, or -1. */
    int indexOf(Field f) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).field() == f && columns.get(i).kind() == Kind.NAMED) return i;
        }
        return -1;
    }

    /**
     * Per column the field its content is aligned to: a named column's field; an extension or a
     * column with a label of its own holds free text as the notes do; a column without a label, UNKNOWN.
     */
    List<Field> fields() {
        return columns.stream().map(c -> switch (c.kind()) {
            case NAMED -> c.field();
            case EXTENSION, OTHER -> Field.NOTES;
            case UNLABELLED -> Field.UNKNOWN;
        }).toList();
    }

    /** How many columns the vocabulary names; the fullest header of a table is the one in force. */
    int known() {
        return (int) columns.stream().filter(c -> c.kind() == Kind.NAMED).count();
    }
}
